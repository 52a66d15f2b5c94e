//! Pasted plain text: paragraphs separated by blank lines, printed labels recognised.
//!
//! Why a file of its own: recognising `(a)`, `12.` or `(iv)` at the start of a paragraph,
//! and turning labels into unique ids that are valid anchors, is the one piece of the
//! reader's input that is guessed rather than declared; its rules and their tests belong
//! together.

use super::problems::{too_big, too_many, Problems};
use super::{normalise_breaks, reader_document, InputError, MAX_BYTES, MAX_PROVISIONS, YEARS};
use crate::corpus::{Document, Part, Provision};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Reads a pasted version: paragraphs are separated by blank lines, a label at the start
/// of a paragraph is recognised.
///
/// * A blank line is any line holding only whitespace; `\r\n` and lone `\r` count as line
///   breaks. Lines inside a paragraph are kept, joined with `\n`.
/// * A label is `(a)`, `(12)`, `(iv)`, `(aa)`, `a)`, `12)`, `iv)` or `12.` — one letter, a
///   doubled letter, a roman numeral in one case or up to three digits — followed by
///   whitespace and more text. It is kept as printed in [`Provision::label`] and removed
///   from the text; the id is the label without brackets or dot, lower-cased (`iv`).
///   Other paragraphs get `p-<position>` (`p-1` is the first paragraph). A repeated id
///   gets `-2`, `-3`… (`a`, `a-2`), so ids are unique and valid anchors.
/// * Every provision is in [`Part::Code`]: plain text carries no reliable mark of a
///   covering letter or a preamble, and alignment never pairs across parts, so a wrong
///   guess would hide real pairs.
/// * Each text is trimmed; otherwise it is verbatim, never interpreted as markup.
///
/// `symbol` names the version (the input name if blank); `year` is the caller's choice,
/// clamped into [`YEARS`] like every year a caller supplies (see [`distinct_years`](super::distinct_years)).
/// Errors: more than [`MAX_BYTES`] (checked before any other work), more than
/// [`MAX_PROVISIONS`] paragraphs, no text at all.
pub fn from_plain_text(input: &str, text: &str, symbol: &str, year: u16) -> Result<Document, Vec<InputError>> {
    if text.len() > MAX_BYTES {
        return Err(too_big(input, "the text is", text.len()));
    }
    let normalised = normalise_breaks(text);
    from_paragraphs(input, &paragraphs(&normalised), symbol, year)
}

/// Makes a document of paragraphs already split (each trimmed, none empty): labels
/// recognised, ids made unique, symbol and year chosen, exactly as for pasted text (see
/// [`from_plain_text`]). Word-processor files ([`from_word_file`](super::from_word_file)) come in here too, their
/// automatic numbers written out in front of each paragraph, so there is one label rule.
pub(super) fn from_paragraphs<S: AsRef<str>>(
    input: &str,
    paragraphs: &[S],
    symbol: &str,
    year: u16,
) -> Result<Document, Vec<InputError>> {
    if paragraphs.len() > MAX_PROVISIONS {
        return Err(too_many(input, "the text has"));
    }
    let mut problems = Problems::new(input);
    if paragraphs.is_empty() {
        problems.whole("there is no text to compare");
    }
    let mut ids = UniqueIds::default();
    let provisions: Vec<Provision> = paragraphs
        .iter()
        .enumerate()
        .map(|(n, paragraph)| {
            let paragraph = paragraph.as_ref();
            let (label, id, body) = match split_label(paragraph) {
                Some((label, body)) => (label, id_of_label(label), body),
                None => ("", format!("p-{}", n + 1), paragraph),
            };
            Provision {
                id: Cow::Owned(ids.unique(id)),
                part: Part::Code,
                label: Cow::Owned(label.to_string()),
                text: Cow::Owned(body.to_string()),
                status: None,
                sources: Cow::Owned(Vec::new()),
            }
        })
        .collect();
    let symbol = [symbol, input]
        .into_iter()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or("Untitled version");
    let year = year.clamp(*YEARS.start(), *YEARS.end());
    problems.into_result(reader_document(
        symbol.to_string(),
        year,
        String::new(),
        String::new(),
        String::new(),
        provisions,
    ))
}

/// The paragraphs of `text` (line breaks already normalised), trimmed, never empty.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut pos = 0;
    for line in text.split('\n') {
        let (start, end) = (pos, pos + line.len());
        pos = end + 1;
        if line.trim().is_empty() {
            out.extend(current.take().map(|(a, b)| text[a..b].trim()));
        } else {
            current = Some((current.map_or(start, |(a, _)| a), end));
        }
    }
    out.extend(current.map(|(a, b)| text[a..b].trim()));
    out
}

/// Splits a printed label off a (trimmed) paragraph: `(label, rest)`. `None` unless the
/// label is followed by whitespace and more text, so `1.5 million` or a lone `(a)` stay text.
fn split_label(paragraph: &str) -> Option<(&str, &str)> {
    let end = if let Some(inner) = paragraph.strip_prefix('(') {
        let close = inner.find(')')?;
        label_core(&inner[..close]).then_some(close + 2)?
    } else {
        let core_len = paragraph
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(paragraph.len());
        let core = &paragraph[..core_len];
        let ok = match paragraph[core_len..].chars().next() {
            Some(')') => label_core(core),
            Some('.') => is_number(core),
            _ => false,
        };
        ok.then_some(core_len + 1)?
    };
    let (label, rest) = paragraph.split_at(end);
    let body = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && !body.is_empty()).then_some((label, body))
}

/// What may stand inside a label's brackets: up to three digits, one letter, a doubled
/// letter (`aa`, after `z`), or a roman numeral written in one case.
fn label_core(core: &str) -> bool {
    let b = core.as_bytes();
    is_number(core)
        || matches!(b, [c] if c.is_ascii_alphabetic())
        || matches!(b, [c, d] if c.is_ascii_alphabetic() && c == d)
        || is_roman(core)
}

fn is_number(core: &str) -> bool {
    (1..=3).contains(&core.len()) && core.bytes().all(|b| b.is_ascii_digit())
}

/// A canonical roman numeral (1–3999), all lower or all upper case: `iv` yes, `iiii`, `Iv`
/// or `did` no.
fn is_roman(core: &str) -> bool {
    if core.is_empty() || core.len() > 15 {
        return false;
    }
    let lower = core.to_ascii_lowercase();
    if core != lower && core != core.to_ascii_uppercase() {
        return false;
    }
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let Some(values) = lower.chars().map(digit).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).is_ok_and(|n| (1..4000).contains(&n) && to_roman(n) == lower)
}

pub(super) fn to_roman(mut n: u32) -> String {
    const STEPS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, numeral) in STEPS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// `(iv)` → `iv`, `12.` → `12`, `A)` → `a`.
fn id_of_label(label: &str) -> String {
    label
        .trim_matches(|c: char| matches!(c, '(' | ')' | '.'))
        .to_ascii_lowercase()
}

/// Hands out ids, suffixing repeats with `-2`, `-3`… until unused.
#[derive(Default)]
struct UniqueIds {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl UniqueIds {
    fn unique(&mut self, base: String) -> String {
        if !self.used.contains(&base) {
            self.used.insert(base.clone());
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{normalise_ws, plain, shape, valid};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels_are_recognised_as_printed() {
        // (paragraph, label, id, text); an empty label means the paragraph is plain text.
        let table = [
            ("(a) Text", "(a)", "a", "Text"),
            ("(12) Text", "(12)", "12", "Text"),
            ("(iv) Text", "(iv)", "iv", "Text"),
            ("(IV) Text", "(IV)", "iv", "Text"),
            ("(xlii) Text", "(xlii)", "xlii", "Text"),
            ("(aa) Text", "(aa)", "aa", "Text"),
            ("(B) Text", "(B)", "b", "Text"),
            ("a) Text", "a)", "a", "Text"),
            ("1) Text", "1)", "1", "Text"),
            ("iv) Text", "iv)", "iv", "Text"),
            ("1. Text", "1.", "1", "Text"),
            ("12.\tText", "12.", "12", "Text"),
            ("123. Text", "123.", "123", "Text"),
            ("(a)\nText on the next line", "(a)", "a", "Text on the next line"),
            ("  (a)   Indented", "(a)", "a", "Indented"),
            // Not labels: no space after, nothing after, not a label shape.
            ("(a)Text", "", "p-1", "(a)Text"),
            ("(a)", "", "p-1", "(a)"),
            ("1.5 million", "", "p-1", "1.5 million"),
            ("1234. Text", "", "p-1", "1234. Text"),
            ("a. Text", "", "p-1", "a. Text"),
            ("iv. Text", "", "p-1", "iv. Text"),
            ("(Signed) Ban Ki-moon", "", "p-1", "(Signed) Ban Ki-moon"),
            ("(see annex) Text", "", "p-1", "(see annex) Text"),
            ("(ab) Text", "", "p-1", "(ab) Text"),
            ("(iiii) Text", "", "p-1", "(iiii) Text"),
            ("(Iv) Text", "", "p-1", "(Iv) Text"),
            ("(did) Text", "", "p-1", "(did) Text"),
            ("() Text", "", "p-1", "() Text"),
            ("( a) Text", "", "p-1", "( a) Text"),
            ("(é) Text", "", "p-1", "(é) Text"),
            ("é) Text", "", "p-1", "é) Text"),
            (
                "Recalling its resolution 68/243,",
                "",
                "p-1",
                "Recalling its resolution 68/243,",
            ),
        ];
        for (paragraph, label, id, text) in table {
            let doc = plain(paragraph).unwrap();
            assert_eq!(
                shape(&doc),
                [(label.to_string(), id.to_string(), text.to_string())],
                "{paragraph:?}"
            );
            valid(&doc).unwrap();
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let doc = plain("\n \n  First line\nsecond line  \n\n\n\t\n(a) Item\r\none\r\n \r\n2. Next\r\rLast\n\u{a0}\n")
            .unwrap();
        assert_eq!(
            shape(&doc),
            [
                ("".into(), "p-1".into(), "First line\nsecond line".into()),
                ("(a)".into(), "a".into(), "Item\none".into()),
                ("2.".into(), "2".into(), "Next".into()),
                ("".into(), "p-4".into(), "Last".into()),
            ]
        );
        assert!(doc
            .provisions
            .iter()
            .all(|p| p.part == Part::Code && p.status.is_none()));
        // Lines inside a paragraph keep their indentation and inner spacing.
        let doc = plain("Chapeau:\n    (a) first;\n    (b) second.").unwrap();
        assert_eq!(doc.provisions[0].text, "Chapeau:\n    (a) first;\n    (b) second.");
    }

    #[test]
    fn ids_are_unique_and_positional() {
        let ids = |text| -> Vec<String> {
            plain(text)
                .unwrap()
                .provisions
                .iter()
                .map(|p| p.id.to_string())
                .collect()
        };
        assert_eq!(
            ids("Intro\n\n(a) x\n\n(a) y\n\nA) z\n\nmiddle"),
            ["p-1", "a", "a-2", "a-3", "p-5"]
        );
        // `p-2` is the second paragraph's own id, so the second `(p)` skips it.
        assert_eq!(ids("(p) x\n\nplain\n\n(p) y"), ["p", "p-2", "p-3"]);
        let many = vec!["(a) x"; 500].join("\n\n");
        valid(&plain(&many).unwrap()).unwrap();
    }

    #[test]
    fn plain_text_errors_name_the_input() {
        let messages = |r: Result<Document, Vec<InputError>>| -> Vec<String> {
            r.unwrap_err().iter().map(ToString::to_string).collect()
        };
        for empty in ["", "\n", " \r\n\t\r\n", "\u{a0}\u{2028}"] {
            assert_eq!(
                messages(plain(empty)),
                ["Earlier version: there is no text to compare."]
            );
        }
        assert_eq!(from_plain_text("Later version", "x", "Draft", 0).unwrap().year, 1);
        assert_eq!(
            from_plain_text("Later version", "x", "Draft", 10000).unwrap().year,
            9999
        );
        let huge = "x".repeat(MAX_BYTES + 1);
        assert_eq!(
            messages(plain(&huge)),
            ["Earlier version: the text is 2.0 MB, more than the 2 MB a version may hold."]
        );
        assert!(plain(&"x".repeat(MAX_BYTES)).is_ok());
        let many = "x\n\n".repeat(MAX_PROVISIONS + 1);
        assert_eq!(
            messages(plain(&many)),
            ["Earlier version: the text has more than 20000 provisions; compare a part of it."]
        );
        assert_eq!(
            plain(&"x\n\n".repeat(MAX_PROVISIONS)).unwrap().provisions.len(),
            MAX_PROVISIONS
        );
    }

    #[test]
    fn plain_text_names_the_version() {
        assert_eq!(
            from_plain_text("Later version", "x", " A/70/1 ", 2020).unwrap().symbol,
            "A/70/1"
        );
        assert_eq!(
            from_plain_text("Later version", "x", " ", 2020).unwrap().symbol,
            "Later version"
        );
        assert_eq!(from_plain_text("", "x", "", 2020).unwrap().symbol, "Untitled version");
    }

    /// Fragments that, strung together, hit labels, blank lines and every line break.
    fn fragments() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "(a)",
            "(A)",
            "a)",
            "1.",
            "12.",
            "1)",
            "(iv)",
            "(IV)",
            "(aa)",
            "(12)",
            "(",
            ")",
            ".",
            "-",
            "1.5",
            "(Signed)",
            "word",
            "States",
            "é",
            "信息",
            "\u{301}",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "\0",
            "\u{200b}",
        ]);
        prop::collection::vec(pieces, 0..48).prop_map(|v| v.concat())
    }

    fn check_plain(text: &str) -> Result<(), TestCaseError> {
        match plain(text) {
            Err(errors) => {
                prop_assert!(text.trim().is_empty(), "{errors:?}");
                prop_assert_eq!(errors.len(), 1);
            }
            Ok(doc) => {
                prop_assert_eq!(valid(&doc), Ok(()));
                for p in doc.provisions.iter() {
                    prop_assert_eq!(p.part, Part::Code);
                    prop_assert!(p.label.is_empty() || p.id.split('-').next() == Some(id_of_label(&p.label).as_str()));
                }
                let rebuilt: Vec<String> = doc
                    .provisions
                    .iter()
                    .map(|p| format!("{} {}", p.label, p.text))
                    .collect();
                prop_assert_eq!(normalise_ws(&rebuilt.join(" ")), normalise_ws(text));
                let texts: Vec<&str> = doc.provisions.iter().map(|p| p.text.as_ref()).collect();
                let labels: Vec<&str> = doc
                    .provisions
                    .iter()
                    .map(|p| p.label.as_ref())
                    .filter(|l| !l.is_empty())
                    .collect();
                let words = normalise_ws(&texts.join(" "))
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .count();
                prop_assert_eq!(
                    words + labels.len(),
                    normalise_ws(text).split(' ').filter(|w| !w.is_empty()).count()
                );
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn arbitrary_plain_text_never_panics(text in any::<String>()) {
            check_plain(&text)?;
        }

        #[test]
        fn structured_plain_text_keeps_its_content(text in fragments()) {
            check_plain(&text)?;
        }
    }
}
