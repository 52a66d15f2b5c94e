//! Annotations: short factual notes on the changes between the drafts that readers ask about.
//!
//! Why: the word diff shows *what* changed, but not which changes matter or what they do (a
//! dropped phrase about "information weapons" looks like any other deletion). Notes say so in a
//! sentence or three, neutrally and in our own words, and sit beside the provisions they are
//! about and under the themes they touch.
//!
//! Each note names its **basis**, the verbatim words of the drafts it rests on, and `build.rs`
//! (via `build/notes_data.rs`) refuses to build if those words are not in the provisions the
//! note names: a note cannot silently outlive a corrected transcription. Where the wording it
//! rests on is unconfirmed, the note carries a [`Note::caveat`] for readers. Everything here is
//! static data generated from `data/notes.toml`: no TOML parsing at run time, no web types.
//!
//! ```
//! use draftdiff_core::notes;
//! let weapons = notes::by_id("information-weapons").unwrap();
//! assert!(weapons.provisions.contains(&("A/66/359", "b")));
//! assert!(notes::for_provision("A/69/723", "2").any(|n| n.id == "information-weapons"));
//! assert!(notes::for_themes(&["confidence-building"]).any(|n| n.provisions == [("A/69/723", "10")]));
//! ```

/// One annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    /// Stable id, used in URLs: lowercase ASCII letters, digits and `-`.
    pub id: &'static str,
    /// Short heading.
    pub title: &'static str,
    /// One to three sentences (at most 450 characters) saying what the change does.
    pub text: &'static str,
    /// A warning for readers when the wording the note rests on is not confirmed against the
    /// official text; always present when one of its provisions is `recalled`.
    pub caveat: Option<&'static str>,
    /// The provisions the note is about, as (document symbol, provision id), at least one.
    pub provisions: &'static [(&'static str, &'static str)],
    /// Ids of the themes (see [`crate::themes`]) the note belongs under; may be empty.
    pub themes: &'static [&'static str],
    /// The words the note rests on, as (document symbol, provision id, verbatim fragment); each
    /// fragment occurs in that provision, which is one of [`Note::provisions`].
    pub basis: &'static [(&'static str, &'static str, &'static str)],
}

mod generated {
    use super::Note;
    include!(concat!(env!("OUT_DIR"), "/notes.rs"));
}

/// Every note, in the order of `data/notes.toml` (document order of their provisions).
pub static NOTES: [Note; generated::NOTES.len()] = generated::NOTES;

/// Every note; the slice form of [`NOTES`].
pub fn all() -> &'static [Note] {
    &NOTES
}

/// The notes about provision `id` of the document `symbol`, in [`NOTES`] order. None for a
/// document readers bring: notes are written for the bundled drafts only.
pub fn for_provision<'a>(symbol: &'a str, id: &'a str) -> impl Iterator<Item = &'static Note> + 'a {
    NOTES
        .iter()
        .filter(move |n| n.provisions.iter().any(|&(s, i)| s == symbol && i == id))
}

/// The note with this id.
pub fn by_id(id: &str) -> Option<&'static Note> {
    NOTES.iter().find(|n| n.id == id)
}

/// The notes under at least one of the themes `theme_ids`, in [`NOTES`] order; none for an
/// empty selection, so a theme filter shows only the notes that explain it.
pub fn for_themes<'a>(theme_ids: &'a [&'a str]) -> impl Iterator<Item = &'static Note> + 'a {
    NOTES
        .iter()
        .filter(move |n| n.themes.iter().any(|t| theme_ids.contains(t)))
}

#[cfg(test)]
use draftdiff_data::notes as notes_data;

#[cfg(test)]
mod tests {
    use super::notes_data::{emit, parse, Document, Provision, RawNote, MAX_TEXT_CHARS};
    use super::*;
    use crate::corpus::bundled;
    use crate::themes::{self, THEMES};

    const NOTES_TOML: &str = include_str!("../../../data/notes.toml");

    fn documents() -> Vec<Document<'static>> {
        bundled()
            .iter()
            .map(|d| Document {
                symbol: d.symbol.as_ref(),
                provisions: d
                    .provisions
                    .iter()
                    .map(|p| Provision {
                        id: p.id.as_ref(),
                        text: p.text.as_ref(),
                        status: p.status.map_or("", |s| s.key()),
                    })
                    .collect(),
            })
            .collect()
    }

    fn theme_ids() -> Vec<&'static str> {
        THEMES.iter().map(|t| t.id).collect()
    }

    fn shipped() -> Vec<RawNote> {
        parse("data/notes.toml", NOTES_TOML, &documents(), &theme_ids()).unwrap()
    }

    fn text(symbol: &str, id: &str) -> String {
        let doc = bundled().into_iter().find(|d| d.symbol == symbol).unwrap();
        let p = doc
            .provision(id)
            .unwrap_or_else(|| panic!("no provision {symbol} {id}"));
        p.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn problems(body: &str) -> Vec<String> {
        parse("n.toml", body, &documents(), &theme_ids())
            .err()
            .unwrap_or_default()
    }

    /// A valid note, with `fields` replacing or adding to its default keys (TOML rejects duplicate keys, so
    /// each test passes only the keys it does not override).
    fn note(id: &str, fields: &[(&str, &str)]) -> String {
        let mut keys = vec![
            ("title", r#""A title""#),
            ("text", r#""Item (10) is new.""#),
            ("provisions", r#"[{ doc = "A/69/723", id = "10" }]"#),
            ("themes", r#"["confidence-building"]"#),
            (
                "basis",
                r#"[{ doc = "A/69/723", id = "10", words = "confidence-building measures" }]"#,
            ),
        ];
        for (k, v) in fields {
            match keys.iter_mut().find(|(key, _)| key == k) {
                Some(slot) => slot.1 = v,
                None => keys.push((k, v)),
            }
        }
        let body: String = keys.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
        format!("[[note]]\nid = \"{id}\"\n{body}\n")
    }

    #[test]
    fn shipped_notes_pass_validation_and_are_what_was_generated() {
        let raw = shipped();
        assert_eq!(raw.len(), NOTES.len());
        for (r, n) in raw.iter().zip(all()) {
            assert_eq!(r.id, n.id);
            assert_eq!((r.title.as_str(), r.text.as_str()), (n.title, n.text));
            assert_eq!(r.caveat.as_deref(), n.caveat);
            let provisions: Vec<_> = r.provisions.iter().map(|a| (a.doc.as_str(), a.id.as_str())).collect();
            assert_eq!(provisions, n.provisions);
            assert_eq!(r.themes, n.themes);
            let basis: Vec<_> = r
                .basis
                .iter()
                .map(|b| (b.doc.as_str(), b.id.as_str(), b.words.as_str()))
                .collect();
            assert_eq!(basis, n.basis);
        }
        let code = emit(&raw);
        assert!(code.starts_with(&format!("pub(super) const NOTES: [Note; {}] = [", NOTES.len())));
        assert!(code.contains(r#"caveat: None, provisions: &[("A/66/359", "b"), ("A/69/723", "2")]"#));
    }

    #[test]
    fn provisions_themes_and_basis_exist() {
        for n in all() {
            assert!(!n.provisions.is_empty(), "{}", n.id);
            for &(symbol, id) in n.provisions {
                text(symbol, id);
            }
            for t in n.themes {
                assert!(themes::by_id(t).is_some(), "{}: theme {t}", n.id);
            }
            assert!(!n.basis.is_empty(), "{}", n.id);
            for &(symbol, id, words) in n.basis {
                assert!(n.provisions.contains(&(symbol, id)), "{}: {symbol} {id}", n.id);
                assert!(text(symbol, id).contains(words), "{}: {words:?}", n.id);
            }
            assert!(
                !n.text.is_empty() && n.text.chars().count() <= MAX_TEXT_CHARS,
                "{}",
                n.id
            );
        }
    }

    #[test]
    fn note_themes_agree_with_the_hand_tags() {
        // A note under a theme none of its provisions carries would surface under a filter that
        // hides every row it explains.
        for n in all() {
            for t in n.themes {
                let (index, _) = themes::by_id(t).unwrap();
                assert!(
                    n.provisions.iter().any(|&(s, i)| themes::tags(s, i).contains(index)),
                    "{}: no provision is tagged {t}",
                    n.id
                );
            }
        }
    }

    #[test]
    fn unconfirmed_wording_carries_a_caveat() {
        let [old, new] = bundled();
        for n in all() {
            let shaky = n.provisions.iter().any(|&(s, i)| {
                let doc = if s == old.symbol { old } else { new };
                doc.provision(i).unwrap().status != Some(crate::corpus::Status::Verified)
            });
            assert_eq!(shaky, n.caveat.is_some(), "{}", n.id);
        }
    }

    #[test]
    fn required_notes_are_present() {
        let must = [
            (
                "information-weapons",
                &[("A/66/359", "b"), ("A/69/723", "2")][..],
                "use-of-force",
            ),
            (
                "non-interference",
                &[("A/66/359", "c"), ("A/69/723", "3")],
                "sovereignty",
            ),
            (
                "separatism-and-hatred",
                &[("A/66/359", "c"), ("A/69/723", "4")],
                "crime-terrorism",
            ),
            (
                "dominant-position",
                &[("A/66/359", "d"), ("A/69/723", "5")],
                "supply-chain",
            ),
            (
                "norms-and-legal-protection",
                &[("A/66/359", "e"), ("A/69/723", "6")],
                "critical-infrastructure",
            ),
            (
                "freedom-of-information",
                &[("A/66/359", "f"), ("A/69/723", "7")],
                "human-rights",
            ),
            (
                "equal-role-in-internet-governance",
                &[("A/66/359", "g"), ("A/69/723", "8")],
                "internet-governance",
            ),
            (
                "cooperation-with-society",
                &[("A/66/359", "h"), ("A/69/723", "9")],
                "private-sector-civil-society",
            ),
            (
                "confidence-building-measures",
                &[("A/69/723", "10")],
                "confidence-building",
            ),
            (
                "disputes-from-ict-use",
                &[("A/66/359", "k"), ("A/69/723", "13")],
                "dispute-settlement",
            ),
            ("gge-report", &[("A/69/723", "pre-10")], "un-and-law"),
        ];
        for (id, provisions, theme) in must {
            let n = by_id(id).unwrap_or_else(|| panic!("missing note {id}"));
            for p in provisions {
                assert!(n.provisions.contains(p), "{id} should be on {p:?}");
                assert!(for_provision(p.0, p.1).any(|m| m.id == id), "{id} via {p:?}");
            }
            assert!(for_themes(&[theme]).any(|m| m.id == id), "{id} under {theme}");
        }
        let purpose = by_id("purpose-environment").unwrap();
        assert_eq!(
            purpose.provisions,
            [("A/66/359", "purpose-1"), ("A/69/723", "purpose-1")]
        );
        assert!(purpose.basis.iter().any(|b| b.2.contains("peaceful, secure, open")));
        let dominance = by_id("dominant-position").unwrap();
        assert!(dominance.basis.iter().any(|b| b.2.contains("dominant position")));
    }

    #[test]
    fn what_the_notes_say_is_new_or_gone_is() {
        let [old, new] = bundled();
        let anywhere = |d: &crate::corpus::Document, words: &str| {
            d.provisions.iter().any(|p| text(&d.symbol, &p.id).contains(words))
        };
        assert!(anywhere(old, "information weapons") && !anywhere(new, "information weapons"));
        assert!(!anywhere(old, "internal affairs") && anywhere(new, "internal affairs"));
        assert!(!anywhere(old, "confidence-building") && anywhere(new, "confidence-building"));
        assert!(!anywhere(old, "Group of Governmental Experts") && anywhere(new, "Group of Governmental Experts"));
        assert!(!anywhere(old, "dominant position") && anywhere(new, "dominant position"));
        assert!(!anywhere(new, "secessionism") && !anywhere(new, "spiritual and cultural environment"));
        assert!(!anywhere(new, "on the premise of complying"));
        assert!(!anywhere(old, "peaceful, secure, open"));
    }

    #[test]
    fn lookups() {
        assert!(by_id("no-such-note").is_none());
        assert!(by_id("INFORMATION-WEAPONS").is_none());
        assert_eq!(for_provision("A/69/723", "zz").count(), 0);
        assert_eq!(for_provision("X/1", "b").count(), 0);
        // Provision ids repeat across documents: the symbol must match too.
        assert!(for_provision("A/69/723", "b").next().is_none());
        let on_c: Vec<&str> = for_provision("A/66/359", "c").map(|n| n.id).collect();
        assert_eq!(on_c, ["non-interference", "separatism-and-hatred"]);
        assert_eq!(for_themes(&[]).count(), 0);
        assert_eq!(for_themes(&["no-such-theme"]).count(), 0);
        let both: Vec<&str> = for_themes(&["confidence-building", "dispute-settlement"])
            .map(|n| n.id)
            .collect();
        assert_eq!(both, ["confidence-building-measures", "disputes-from-ict-use"]);
        assert_eq!(all().len(), NOTES.len());
    }

    #[test]
    fn ids_are_unique_and_url_safe() {
        let mut ids: Vec<&str> = all().iter().map(|n| n.id).collect();
        assert!(ids.iter().all(|id| !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), NOTES.len());
    }

    #[test]
    fn accepts_a_minimal_note() {
        assert_eq!(problems(&note("ok", &[])), Vec::<String>::new());
        assert!(problems("").is_empty(), "no notes is valid");
    }

    #[test]
    fn rejects_bad_notes_naming_file_note_and_problem() {
        let one = |id: &str, fields: &[(&str, &str)]| problems(&note(id, fields));
        assert_eq!(
            one("x", &[("provisions", r#"[{ doc = "A/1/1", id = "10" }]"#)]),
            [
                "n.toml: note `x`: provision: unknown document `A/1/1` (expected A/66/359 or A/69/723)",
                "n.toml: note `x`: basis on A/69/723 `10`, which is not one of the note's provisions",
            ]
        );
        assert_eq!(
            one(
                "x",
                &[("provisions", r#"[{ doc = "A/69/723", id = "99" }]"#), ("basis", "[]")]
            ),
            [
                "n.toml: note `x`: provision: no provision `99` in A/69/723",
                "n.toml: note `x`: no basis (name the words the note rests on)",
            ]
        );
        assert_eq!(
            one(
                "x",
                &[("themes", r#"["peace", "confidence-building", "confidence-building"]"#)]
            ),
            [
                "n.toml: note `x`: unknown theme `peace`",
                "n.toml: note `x`: theme `confidence-building` listed twice",
            ]
        );
        assert_eq!(one("x", &[("text", r#""  ""#)]), ["n.toml: note `x`: empty text"]);
        let long = format!("\"{}\"", "a".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            one("x", &[("text", &long)]),
            ["n.toml: note `x`: text is 451 characters, more than 450; keep notes to one to three short sentences"]
        );
        assert_eq!(
            one(
                "x",
                &[(
                    "basis",
                    r#"[{ doc = "A/69/723", id = "10", words = "Confidence-building measures" }]"#
                )]
            ),
            ["n.toml: note `x`: basis words \"Confidence-building measures\" are not in A/69/723 `10`"]
        );
        assert_eq!(
            one("x", &[("provisions", "[]")]),
            [
                "n.toml: note `x`: no provision",
                "n.toml: note `x`: basis on A/69/723 `10`, which is not one of the note's provisions",
            ]
        );
        let twice = problems(&(note("x", &[]) + &note("x", &[])));
        assert_eq!(twice, ["n.toml: note `x`: duplicate id"]);
        assert_eq!(
            one("Bad_Id", &[]),
            ["n.toml: note `Bad_Id`: id may hold only lowercase ASCII letters, digits and '-' (it appears in URLs)"]
        );
        assert_eq!(one("", &[]), ["n.toml: note #1: empty id"]);
        assert_eq!(
            one("x", &[("title", r#""""#), ("caveat", r#""""#)]),
            [
                "n.toml: note `x`: empty title",
                "n.toml: note `x`: empty caveat (leave it out instead)"
            ]
        );
        assert!(problems("[[note]]\nid = 3\n")[0].starts_with("n.toml: not a valid note list"));
        assert!(problems(&note("x", &[("source", r#""a blog""#)]))[0].contains("unknown field `source`"));
    }

    #[test]
    fn basis_matches_across_whitespace_but_not_case() {
        // 2015 (7) has a line break before "(a) for respect".
        let seven = |words: &str| {
            let fields = [
                ("provisions", r#"[{ doc = "A/69/723", id = "7" }]"#.to_string()),
                ("themes", r#"["human-rights"]"#.to_string()),
                (
                    "basis",
                    format!(r#"[{{ doc = "A/69/723", id = "7", words = "{words}" }}]"#),
                ),
            ];
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            problems(&note("x", &fields))
        };
        assert!(seven("are necessary: (a) for respect").is_empty());
        assert!(seven("are   necessary:\\n  (a)   for respect").is_empty());
        assert_eq!(seven("Are necessary").len(), 1);
        assert_eq!(seven("  ").len(), 1);
    }

    #[test]
    fn recalled_wording_needs_a_caveat() {
        let recalled = [
            ("provisions", r#"[{ doc = "A/69/723", id = "13" }]"#),
            ("themes", "[]"),
            (
                "basis",
                r#"[{ doc = "A/69/723", id = "13", words = "by peaceful means" }]"#,
            ),
        ];
        assert_eq!(
            problems(&note("x", &recalled)),
            ["n.toml: note `x`: provision A/69/723 `13` is recalled (unconfirmed wording), so the note needs a `caveat`"]
        );
        let mut with_caveat = recalled.to_vec();
        with_caveat.push(("caveat", r#""Unconfirmed.""#));
        assert!(problems(&note("x", &with_caveat)).is_empty());
    }

    #[test]
    fn quotations_must_come_from_the_note_s_provisions() {
        assert!(problems(&note("x", &[("text", r#""Adds \"confidence-building measures\".""#)])).is_empty());
        assert_eq!(
            problems(&note("x", &[("text", r#""A \"cyber arms race\", says a blog.""#)])),
            ["n.toml: note `x`: text quotes \"cyber arms race\", which is not in any of the note's provisions (quote only the drafts)"]
        );
        assert_eq!(
            problems(&note("x", &[("text", r#""An \"unclosed quote.""#)])),
            ["n.toml: note `x`: text has an unbalanced double quote"]
        );
    }
}
