//! The data compiler fed broken documents: every problem names the file, the entry and what
//! is wrong, and the shared data files pass.
//!
//! Why here: these exercise only `draftdiff_data` (parse and emit), so they live with it and
//! need no core. Where a check needs real provisions (a note's basis, a tag's document), the
//! real `data/` files are read through the compiler itself.

use draftdiff_data::{corpus, notes, themes};
use std::fs;
use std::path::Path;

/// A file under the repository's `data/`.
fn data(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data").join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The two shared corpus documents, parsed by the compiler.
fn documents() -> Vec<corpus::RawDocument> {
    ["corpus/a-66-359.toml", "corpus/a-69-723.toml"]
        .iter()
        .map(|f| corpus::parse(f, &data(f)).unwrap_or_else(|p| panic!("{p:?}")))
        .collect()
}

/// The shipped theme list.
fn shipped_themes() -> Vec<themes::RawTheme> {
    themes::parse_themes("data/themes.toml", &data("themes.toml")).unwrap()
}

fn provisions(docs: &[corpus::RawDocument]) -> Vec<themes::Provisions<'_>> {
    docs.iter()
        .map(|d| themes::Provisions {
            symbol: &d.symbol,
            ids: d.provisions.iter().map(|p| p.id.as_str()).collect(),
        })
        .collect()
}

fn note_documents(docs: &[corpus::RawDocument]) -> Vec<notes::Document<'_>> {
    docs.iter()
        .map(|d| notes::Document {
            symbol: &d.symbol,
            provisions: d
                .provisions
                .iter()
                .map(|p| notes::Provision {
                    id: &p.id,
                    text: &p.text,
                    status: &p.status,
                })
                .collect(),
        })
        .collect()
}

mod corpus_files {
    use super::*;

    const HEAD: &str = "symbol = \"X/1\"\nyear = 2020\ndate = \"\"\nletter_date = \"\"\ntitle = \"t\"\nsubmitted_by = []\nofficial_url = \"\"\ntranscription_note = \"\"\n";

    fn provision(id: &str, part: &str, text: &str) -> String {
        format!("[[provision]]\nid = \"{id}\"\npart = \"{part}\"\nlabel = \"\"\ntext = \"{text}\"\nstatus = \"verified\"\nsources = []\n")
    }

    fn problems(body: &str) -> Vec<String> {
        corpus::parse("x.toml", &format!("{HEAD}{body}"))
            .err()
            .unwrap_or_default()
    }

    #[test]
    fn accepts_the_shared_corpus() {
        let docs = documents();
        assert_eq!(
            docs.iter().map(|d| d.symbol.as_str()).collect::<Vec<_>>(),
            ["A/66/359", "A/69/723"]
        );
    }

    #[test]
    fn names_file_provision_and_problem() {
        let dup = problems(&(provision("a", "code", "x") + &provision("a", "code", "y")));
        assert_eq!(dup, ["x.toml: provision `a`: duplicate id"]);
        let empty = problems(&provision("b", "code", "  "));
        assert_eq!(empty, ["x.toml: provision `b`: empty text"]);
        let part = problems(&provision("c", "annex", "x"));
        assert_eq!(
            part,
            ["x.toml: provision `c`: unknown part `annex` (expected letter, preamble, purpose or code)"]
        );
        let order = problems(&(provision("c", "code", "x") + &provision("d", "letter", "y")));
        assert_eq!(order, ["x.toml: provision `d`: part `letter` comes after a later part"]);
        let id = problems(&provision("a b", "code", "x"));
        assert!(id[0].contains("`a b`: id may hold only"), "{id:?}");
        assert!(problems("")[0].contains("no provisions"));
        assert!(problems("[[provision]]\nid = 3\n")[0].starts_with("x.toml: not a valid corpus document"));
    }
}

mod theme_and_tag_files {
    use super::*;

    const THEMES_HEAD: &str = "[[theme]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\naccent = 0\n";

    fn theme_problems(source: &str) -> Vec<String> {
        themes::parse_themes("t.toml", source).err().unwrap_or_default()
    }

    #[test]
    fn theme_validation_names_file_theme_and_problem() {
        assert!(theme_problems(&format!("{THEMES_HEAD}keywords = [\"a b\", \"c*\"]\n")).is_empty());
        assert_eq!(
            theme_problems(&format!("{THEMES_HEAD}keywords = []\n")),
            ["t.toml: theme `x`: no keywords"]
        );
        let two = format!("{THEMES_HEAD}keywords = [\"a\"]\n{THEMES_HEAD}keywords = [\"A\"]\n");
        assert_eq!(
            theme_problems(&two),
            [
                "t.toml: theme `x`: duplicate id",
                "t.toml: theme `x`: accent 0 is already used by theme `x`",
                "t.toml: theme `x`: keyword `A` is also a keyword of theme `x`"
            ]
        );
        for bad in ["", "  ", "a  b", " a", "a\tb"] {
            let p = theme_problems(&format!("{THEMES_HEAD}keywords = [{bad:?}]\n"));
            assert_eq!(p.len(), 1, "{bad:?}: {p:?}");
        }
        for bad in ["*", "*a", "a*b", "a**", "a * b"] {
            let p = theme_problems(&format!("{THEMES_HEAD}keywords = [{bad:?}]\n"));
            assert_eq!(p, [format!("t.toml: theme `x`: keyword `{bad}`: `*` may only end a word, once, after at least one other character")]);
        }
        let id = theme_problems(
            &(THEMES_HEAD
                .replace("\"x\"", "\"Human Rights\"")
                .replace("accent = 0", "accent = 12")
                + "keywords = [\"a\"]\n"),
        );
        assert!(id[0].contains("`Human Rights`: id may hold only"), "{id:?}");
        assert!(
            id.iter().any(|p| p.contains("accent 12 is out of range 0..=11")),
            "{id:?}"
        );
        assert!(theme_problems("")[0].contains("expected 1 to 16 themes, found 0"));
        assert!(theme_problems("[[theme]]\nid = 1\n")[0].starts_with("t.toml: not a valid theme list"));
    }

    #[test]
    fn tag_validation_names_file_provision_and_problem() {
        let themes = shipped_themes();
        let docs = [themes::Provisions {
            symbol: "X/1",
            ids: vec!["a", "b"],
        }];
        let problems = |source: &str| {
            themes::parse_tags("g.toml", source, &themes, &docs)
                .err()
                .unwrap_or_default()
        };
        let tag = |id: &str, rest: &str| format!("[[tag]]\ndoc = \"X/1\"\nid = \"{id}\"\nthemes = []\n{rest}");
        assert!(problems(&(tag("a", "") + &tag("b", ""))).is_empty());
        assert_eq!(
            problems(&tag("a", "")),
            ["g.toml: X/1 provision `b`: not listed (add a [[tag]], with `themes = []` if it carries none)"]
        );
        let wrong = tag("a", "") + &tag("b", "") + &tag("zz", "") + &tag("a", "");
        assert_eq!(
            problems(&wrong),
            [
                "g.toml: X/1 provision `zz`: no such provision in X/1",
                "g.toml: X/1 provision `a`: listed twice"
            ]
        );
        let unknown = tag("a", "").replace("themes = []", "themes = [\"magic\", \"sovereignty\", \"sovereignty\"]")
            + &tag("b", "exceptions = [{ theme = \"magic\", why = \" \" }]\n");
        assert_eq!(
            problems(&unknown),
            [
                "g.toml: X/1 provision `a`: unknown theme `magic`",
                "g.toml: X/1 provision `a`: theme `sovereignty` listed twice",
                "g.toml: X/1 provision `b`: exception for unknown theme `magic`",
                "g.toml: X/1 provision `b`: exception for theme `magic` gives no `why`"
            ]
        );
        let doc = tag("a", "") + &tag("b", "") + &tag("a", "").replace("X/1", "Y/2");
        assert_eq!(
            problems(&doc),
            ["g.toml: tag #3: unknown document `Y/2` (expected X/1)"]
        );
        assert!(problems("[[tag]]\ndoc = \"X/1\"\n")[0].starts_with("g.toml: not a valid tag list"));
    }

    #[test]
    fn emitted_code_has_the_expected_shape() {
        let docs = documents();
        let themes = shipped_themes();
        let tags = themes::parse_tags("data/tags.toml", &data("tags.toml"), &themes, &provisions(&docs)).unwrap();
        let code = themes::emit(&themes, &tags, &provisions(&docs));
        assert!(code.starts_with("pub(super) const THEMES: [Theme; 12] = ["));
        assert!(code.contains("pub(super) static TAGS: [(&str, &[(&str, u16)]); 2] = ["));
        // Ids sorted by bytes, as `tags` binary-searches them: "10" before "2".
        let new = code.lines().find(|l| l.contains("(\"A/69/723\"")).unwrap();
        assert!(new.find("(\"10\"").unwrap() < new.find("(\"2\"").unwrap());
    }
}

mod note_files {
    use super::*;

    fn problems(body: &str) -> Vec<String> {
        let docs = documents();
        let themes = shipped_themes();
        let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
        notes::parse("n.toml", body, &note_documents(&docs), &ids)
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
        let long = format!("\"{}\"", "a".repeat(notes::MAX_TEXT_CHARS + 1));
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

    #[test]
    fn emitted_notes_have_the_expected_shape() {
        let docs = documents();
        let themes = shipped_themes();
        let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
        let raw = notes::parse("data/notes.toml", &data("notes.toml"), &note_documents(&docs), &ids).unwrap();
        let code = notes::emit(&raw);
        assert!(code.starts_with(&format!("pub(super) const NOTES: [Note; {}] = [", raw.len())));
        assert!(code.contains(r#"caveat: None, provisions: &[("A/66/359", "b"), ("A/69/723", "2")]"#));
    }
}
