//! Lints of the REAL data against the core: the tags agree with the theme keywords (or say
//! why), what was generated is what the data files say, every note rests on words that occur
//! in its provisions and sits under a theme its provisions carry, and the transcription
//! statuses are those `data/corpus/SOURCES.md` publishes.
//!
//! Why here: each check needs both the data compiler (`draftdiff_data`, with its `compile`
//! feature: this is the one test that does) and the core's generated data and matchers.

use draftdiff_core::corpus::{bundled, Document, Part, Status};
use draftdiff_core::notes::{all, by_id, for_provision, for_themes};
use draftdiff_core::themes::{self, by_id as theme, detect, keyword_hits, tags, ThemeSet, THEMES};
use draftdiff_data::{notes as notes_data, themes as themes_data};

const THEMES_TOML: &str = include_str!("../../../data/themes.toml");
const TAGS_TOML: &str = include_str!("../../../data/tags.toml");
const NOTES_TOML: &str = include_str!("../../../data/notes.toml");
const SOURCES_MD: &str = include_str!("../../../data/corpus/SOURCES.md");

fn index(id: &str) -> usize {
    theme(id).unwrap_or_else(|| panic!("no theme `{id}`")).0
}

fn set(ids: &[&str]) -> ThemeSet {
    ids.iter().map(|id| index(id)).collect()
}

/// A bundled provision's text.
fn text(symbol: &str, id: &str) -> &'static str {
    let doc = bundled().into_iter().find(|d| d.symbol == symbol).unwrap();
    doc.provision(id)
        .unwrap_or_else(|| panic!("no provision {symbol} {id}"))
        .text
        .as_ref()
}

/// The same text with every run of whitespace made one space, as note bases are matched.
fn flat(symbol: &str, id: &str) -> String {
    text(symbol, id).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hit_texts(text: &str, themes: ThemeSet) -> Vec<&str> {
    keyword_hits(text, themes)
        .iter()
        .map(|h| &text[h.range.clone()])
        .collect()
}

fn provisions() -> Vec<themes_data::Provisions<'static>> {
    bundled()
        .iter()
        .map(|d| themes_data::Provisions {
            symbol: d.symbol.as_ref(),
            ids: d.provisions.iter().map(|p| p.id.as_ref()).collect(),
        })
        .collect()
}

fn shipped_tags() -> Vec<themes_data::RawTag> {
    let themes = themes_data::parse_themes("data/themes.toml", THEMES_TOML).unwrap();
    themes_data::parse_tags("data/tags.toml", TAGS_TOML, &themes, &provisions()).unwrap()
}

fn shipped_notes() -> Vec<notes_data::RawNote> {
    let docs: Vec<notes_data::Document<'static>> = bundled()
        .iter()
        .map(|d| notes_data::Document {
            symbol: d.symbol.as_ref(),
            provisions: d
                .provisions
                .iter()
                .map(|p| notes_data::Provision {
                    id: p.id.as_ref(),
                    text: p.text.as_ref(),
                    status: p.status.map_or("", |s| s.key()),
                })
                .collect(),
        })
        .collect();
    let ids: Vec<&str> = THEMES.iter().map(|t| t.id).collect();
    notes_data::parse("data/notes.toml", NOTES_TOML, &docs, &ids).unwrap()
}

// --- tags and keywords ---------------------------------------------------------------

#[test]
fn generated_tags_equal_the_data_file() {
    let raw = shipped_tags();
    for tag in &raw {
        let names: Vec<&str> = tag.themes.iter().map(String::as_str).collect();
        assert_eq!(tags(&tag.doc, &tag.id), set(&names), "{} {}", tag.doc, tag.id);
    }
    let total: usize = bundled().iter().map(|d| d.provisions.len()).sum();
    assert_eq!(raw.len(), total);
}

/// The lint: hand tags and keywords agree on every bundled provision, or the data says why.
#[test]
fn tags_agree_with_keywords_or_say_why() {
    let raw = shipped_tags();
    let mut problems = Vec::new();
    for tag in &raw {
        let body = text(&tag.doc, &tag.id);
        let tagged = tags(&tag.doc, &tag.id);
        let detected = detect(body);
        let excused: ThemeSet = tag.exceptions.iter().map(|e| index(&e.theme)).collect();
        for (i, theme) in THEMES.iter().enumerate() {
            let at = format!("{} provision `{}`, theme `{}`", tag.doc, tag.id, theme.id);
            let disagree = tagged.contains(i) != detected.contains(i);
            if disagree && !excused.contains(i) {
                let only_one: ThemeSet = [i].into_iter().collect();
                problems.push(if detected.contains(i) {
                    format!("{at}: matches {:?} but is not tagged", hit_texts(body, only_one))
                } else {
                    format!("{at}: tagged but matches none of its keywords")
                });
            } else if !disagree && excused.contains(i) {
                problems.push(format!("{at}: exception explains nothing (tags and keywords agree)"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "tag/keyword disagreements without a `why` in data/tags.toml:\n{}",
        problems.join("\n")
    );
}

#[test]
fn required_tags() {
    let must = [
        ("human-rights", "A/66/359", &["f", "a"][..]),
        ("human-rights", "A/69/723", &["7", "1"]),
        ("confidence-building", "A/69/723", &["10"]),
        ("use-of-force", "A/66/359", &["b", "k"]),
        ("use-of-force", "A/69/723", &["13"]),
        ("internet-governance", "A/66/359", &["g"]),
        ("internet-governance", "A/69/723", &["8"]),
        ("sovereignty", "A/69/723", &["3", "pre-7"]),
        ("supply-chain", "A/66/359", &["d"]),
        ("supply-chain", "A/69/723", &["5"]),
        ("crime-terrorism", "A/66/359", &["c"]),
        ("crime-terrorism", "A/69/723", &["4"]),
        ("private-sector-civil-society", "A/66/359", &["h"]),
        ("private-sector-civil-society", "A/69/723", &["9"]),
        ("capacity-building", "A/66/359", &["i", "pre-9"]),
        ("capacity-building", "A/69/723", &["11", "pre-9"]),
        ("dispute-settlement", "A/66/359", &["k", "j"]),
        ("dispute-settlement", "A/69/723", &["13", "12"]),
        ("un-and-law", "A/66/359", &["a", "j"]),
        ("un-and-law", "A/69/723", &["1", "12", "pre-10"]),
    ];
    for (theme, symbol, ids) in must {
        for id in ids {
            assert!(
                tags(symbol, id).contains(index(theme)),
                "{symbol} ({id}) should carry {theme}"
            );
        }
    }
    // Confidence-building measures are new in 2015: nothing in 2011 carries the theme.
    let cbm = index("confidence-building");
    let [old, new] = bundled();
    assert!(old.provisions.iter().all(|p| !tags("A/66/359", &p.id).contains(cbm)));
    assert_eq!(
        new.provisions
            .iter()
            .filter(|p| tags("A/69/723", &p.id).contains(cbm))
            .count(),
        1
    );
    assert!(tags("A/66/359", "pre-1").is_empty());
    assert!(tags("A/66/359", "zz").is_empty());
    assert!(tags("X/1", "a").is_empty());
}

// --- notes -----------------------------------------------------------------------------

#[test]
fn shipped_notes_pass_validation_and_are_what_was_generated() {
    let raw = shipped_notes();
    assert_eq!(raw.len(), all().len());
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
}

#[test]
fn provisions_themes_and_basis_exist() {
    for n in all() {
        assert!(!n.provisions.is_empty(), "{}", n.id);
        for &(symbol, id) in n.provisions {
            flat(symbol, id);
        }
        for t in n.themes {
            assert!(themes::by_id(t).is_some(), "{}: theme {t}", n.id);
        }
        assert!(!n.basis.is_empty(), "{}", n.id);
        for &(symbol, id, words) in n.basis {
            assert!(n.provisions.contains(&(symbol, id)), "{}: {symbol} {id}", n.id);
            assert!(flat(symbol, id).contains(words), "{}: {words:?}", n.id);
        }
        assert!(
            !n.text.is_empty() && n.text.chars().count() <= notes_data::MAX_TEXT_CHARS,
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
            doc.provision(i).unwrap().status != Some(Status::Verified)
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
    let anywhere = |d: &Document, words: &str| d.provisions.iter().any(|p| flat(&d.symbol, &p.id).contains(words));
    assert!(anywhere(old, "information weapons") && !anywhere(new, "information weapons"));
    assert!(!anywhere(old, "internal affairs") && anywhere(new, "internal affairs"));
    assert!(!anywhere(old, "confidence-building") && anywhere(new, "confidence-building"));
    assert!(!anywhere(old, "Group of Governmental Experts") && anywhere(new, "Group of Governmental Experts"));
    assert!(!anywhere(old, "dominant position") && anywhere(new, "dominant position"));
    assert!(!anywhere(new, "secessionism") && !anywhere(new, "spiritual and cultural environment"));
    assert!(!anywhere(new, "on the premise of complying"));
    assert!(!anywhere(old, "peaceful, secure, open"));
}

// --- transcription statuses -------------------------------------------------------------

/// The rows of the table under `heading` in SOURCES.md: the cells of each line that starts
/// with `|`, header and rule skipped, up to the next blank line.
fn table<'a>(heading: &str) -> Vec<Vec<&'a str>> {
    let after = SOURCES_MD
        .split_once(heading)
        .unwrap_or_else(|| panic!("SOURCES.md has no {heading:?}"))
        .1;
    after
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect()
}

/// The counts SOURCES.md publishes per document, and its per-paragraph table, are those of
/// the data: each provision has the part and status the table gives it, and every provision
/// is listed.
#[test]
fn statuses_are_those_sources_md_publishes() {
    let counts = table("## How far each paragraph is verified");
    assert_eq!(counts.len(), 2, "{counts:?}");
    for doc in bundled() {
        let row = counts
            .iter()
            .find(|r| r[0] == format!("{} ({})", doc.symbol, doc.year))
            .unwrap_or_else(|| panic!("no count row for {}", doc.symbol));
        let published: Vec<usize> = row[1..].iter().map(|n| n.parse().unwrap()).collect();
        let count = |s| doc.provisions.iter().filter(|p| p.status == Some(s)).count();
        let counted: Vec<usize> = [Status::Verified, Status::Partial, Status::Recalled]
            .into_iter()
            .map(count)
            .collect();
        assert_eq!(counted, published, "{}", doc.symbol);

        let rows = table(&format!("### {}\n", doc.symbol));
        let listed: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        let ids: Vec<&str> = doc.provisions.iter().map(|p| p.id.as_ref()).collect();
        assert_eq!(listed, ids, "{}: SOURCES.md lists other provisions", doc.symbol);
        for (r, p) in rows.iter().zip(doc.provisions.iter()) {
            assert_eq!(
                (Part::from_key(r[1]), r[2]),
                (Some(p.part), p.status.map_or("", |s| s.key())),
                "{} {}",
                doc.symbol,
                p.id
            );
        }
    }
}
