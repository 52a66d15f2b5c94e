//! Whole-engine properties, through the public API only: reader documents go through
//! [`from_json`] / [`from_plain_text`], alignment, word diff and the summary, and every
//! promise the UI relies on holds for any pair of them.
//!
//! Why here and not in a module: these tests cross every layer of the core, so they sit
//! where only the public surface is visible, as the UI and the fuzz targets see it.

use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::corpus::{Document, Part, Provision};
use draftdiff_core::custom::{
    distinct_years, from_json, from_plain_text, options, JsonDocument, JsonProvision, Loose, MAX_BYTES,
};
use draftdiff_core::stats::{word_count, Summary};
use proptest::prelude::*;

/// Every structural promise of a comparison of reader documents; with `reassemble`, also
/// that each word diff gives back both provision texts exactly.
fn check_comparison(cmp: &Comparison, reassemble: bool) -> Result<(), String> {
    for side in [Side::Old, Side::New] {
        let doc = cmp.doc(side);
        let mut seen = vec![0; doc.provisions.len()];
        for p in 0..cmp.pairs.len() {
            if let Some(i) = cmp.index(p, side) {
                *seen.get_mut(i).ok_or("index out of range")? += 1;
            }
        }
        if seen.iter().any(|&n| n != 1) {
            return Err(format!("{side:?} not a partition: {seen:?}"));
        }
        for i in 0..doc.provisions.len() {
            let (pair, found) = cmp.locate(&doc.anchor(i)).ok_or(format!("anchor {}", doc.anchor(i)))?;
            if found != side || cmp.index(pair, side) != Some(i) {
                return Err(format!("anchor {} locates elsewhere", doc.anchor(i)));
            }
        }
    }
    for pair in cmp.pairs.iter().filter(|_| reassemble) {
        if let (Some(d), Some(o), Some(n)) = (&pair.diff, pair.row.old, pair.row.new) {
            if d.old_text() != cmp.old.provisions[o].text || d.new_text() != cmp.new.provisions[n].text {
                return Err(format!("diff does not reassemble {:?}", pair.row));
            }
        }
    }
    Ok(())
}

/// The summary's numbers are consistent with the comparison they count, by reasoning that
/// does not follow `Summary::of`: every word of the later version is either kept or
/// inserted and every word of the earlier one kept or deleted, with as many kept on both
/// sides; the shares stay within 0–100 %; and counting pair by pair adds up to the whole
/// (the theme filter counts subsets).
fn check_summary(cmp: &Comparison) -> Result<(), String> {
    let all = Summary::of(cmp, 0..cmp.pairs.len());
    let words = |d: &Document| d.provisions.iter().map(|p| word_count(&p.text)).sum::<usize>();
    let (old_words, new_words) = (words(&cmp.old), words(&cmp.new));
    if all.pairs != cmp.pairs.len() {
        return Err(format!("pairs {all:?}"));
    }
    if all.words_inserted > new_words || all.words_deleted > old_words {
        return Err(format!(
            "more words changed than there are ({old_words}, {new_words}): {all:?}"
        ));
    }
    if new_words - all.words_inserted != old_words - all.words_deleted {
        return Err(format!(
            "kept words differ between the sides ({old_words}, {new_words}): {all:?}"
        ));
    }
    let percent = (all.similarity * 100.0).round();
    if !(0.0..=100.0).contains(&percent) {
        return Err(format!("{percent}% unchanged: {all:?}"));
    }
    let added = cmp.pairs.iter().filter(|p| p.row.old.is_none()).count();
    let dropped = cmp.pairs.iter().filter(|p| p.row.new.is_none()).count();
    if (all.added, all.dropped) != (added, dropped) {
        return Err(format!("added {added}, dropped {dropped}: {all:?}"));
    }
    let mut sum = Summary::default();
    for i in 0..cmp.pairs.len() {
        let one = Summary::of(cmp, [i]);
        if !(0.0..=1.0).contains(&one.similarity) {
            return Err(format!("pair {i}: {one:?}"));
        }
        sum.pairs += one.pairs;
        sum.unchanged += one.unchanged;
        sum.changed += one.changed;
        sum.moved += one.moved;
        sum.added += one.added;
        sum.dropped += one.dropped;
        sum.split += one.split;
        sum.words_inserted += one.words_inserted;
        sum.words_deleted += one.words_deleted;
    }
    sum.similarity = all.similarity;
    if sum != all {
        return Err(format!("pair by pair {sum:?}, whole {all:?}"));
    }
    Ok(())
}

/// A deterministic text of `paragraphs` labelled paragraphs of about 200 bytes.
fn generated_text(seed: u64, paragraphs: usize) -> String {
    const WORDS: [&str; 24] = [
        "States",
        "should",
        "cooperate",
        "information",
        "security",
        "the",
        "and",
        "of",
        "networks",
        "peace",
        "sovereignty",
        "human",
        "rights",
        "development",
        "capacity",
        "building",
        "threats",
        "critical",
        "infrastructure",
        "norms",
        "responsible",
        "behaviour",
        "confidence",
        "measures",
    ];
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut out = String::new();
    for n in 1..=paragraphs {
        out.push_str(&format!("{n}. "));
        let start = out.len();
        while out.len() - start < 200 {
            out.push_str(WORDS[next() % WORDS.len()]);
            out.push(if next() % 12 == 0 { '\n' } else { ' ' });
        }
        out.push_str(".\n\n");
    }
    out
}

/// Two unrelated megabyte texts: the budget keeps the comparison bounded.
#[test]
fn unrelated_megabyte_texts_compare_within_the_budget() {
    let (a, b) = (generated_text(1, 5000), generated_text(2, 5000));
    assert!(a.len() > 1_000_000 && a.len() <= MAX_BYTES);
    let mut old = from_plain_text("Earlier version", &a, "A", 2020).unwrap();
    let mut new = from_plain_text("Later version", &b, "B", 2020).unwrap();
    assert_eq!((old.provisions.len(), new.provisions.len()), (5000, 5000));
    distinct_years(&mut old, &mut new);
    let cmp = Comparison::with_options(old, new, &options());
    assert!(cmp.simplified);
    check_comparison(&cmp, true).unwrap();
    check_summary(&cmp).unwrap();
}

/// Reader documents with random parts and wording, as [`from_json`] builds them.
fn engine_document() -> impl Strategy<Value = Document> {
    let word = prop::sample::select(vec![
        "States",
        "code",
        "information",
        "security",
        "the",
        "and",
        "of",
        "peace",
        "networks",
        ",",
        ";",
        "信息",
        "Ü",
        "<b>",
        // A combining accent standing alone: words the summary once counted differently from the diff.
        "\u{301}",
    ]);
    let space = prop::sample::select(vec![" ", " ", " ", "\n", "  "]);
    let text = (word.clone(), prop::collection::vec((space, word), 0..14))
        .prop_map(|(first, rest)| rest.into_iter().fold(first.to_string(), |t, (s, w)| t + s + w));
    prop::collection::vec((0..4usize, text, any::<bool>()), 1..12).prop_map(|items| {
        let provisions = items
            .into_iter()
            .enumerate()
            .map(|(i, (part, text, label))| {
                Loose::Object(JsonProvision {
                    id: Some(Loose::Str(format!("p{i}"))),
                    part: Some(Loose::Str(Part::ALL[part].key().to_string())),
                    label: label.then(|| Loose::Str(format!("({i})"))),
                    text: Some(Loose::Str(text)),
                })
            })
            .collect();
        let doc = JsonDocument {
            symbol: Some(Loose::Str("S".into())),
            provisions: Some(Loose::List(provisions)),
            ..JsonDocument::default()
        };
        from_json("engine", doc, 2020).expect("valid by construction")
    })
}

/// Two reader documents, the second derived from the first (`mode` 1 and 2) or not.
fn engine_pair() -> impl Strategy<Value = Comparison> {
    (engine_document(), engine_document(), 0..3u8).prop_map(|(mut old, other, mode)| {
        let mut new = match mode {
            0 => other,
            1 => Document {
                provisions: old.provisions.iter().rev().cloned().collect(),
                ..old.clone()
            },
            // Drops the first provision and adds the other document's (ids kept apart).
            _ => Document {
                provisions: old.provisions[1..]
                    .iter()
                    .cloned()
                    .chain(other.provisions.iter().cloned().map(|p| Provision {
                        id: format!("n{}", p.id).into(),
                        ..p
                    }))
                    .collect(),
                ..old.clone()
            },
        };
        distinct_years(&mut old, &mut new);
        Comparison::with_options(old, new, &options())
    })
}

proptest! {
    // The one whole-engine property: 10,000 cases, as the README promises.
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn reader_documents_go_through_the_whole_engine(cmp in engine_pair()) {
        prop_assert_eq!(check_comparison(&cmp, true), Ok(()));
        prop_assert_eq!(check_summary(&cmp), Ok(()));
    }
}

/// The smallest case the whole-engine property test found: an edit at the very end, slid to
/// a word boundary, used to drop the equal text it gave up (fixed in `diff::slide_to_word_boundaries`).
#[test]
fn diff_keeps_text_around_an_edit_at_the_end() {
    let d = draftdiff_core::diff::word_diff("peace", "peace States peace");
    assert_eq!(
        (d.old_text().as_str(), d.new_text().as_str()),
        ("peace", "peace States peace")
    );
}

/// Pasted by a reader: combining accents standing alone after "peace" made `Summary::of`
/// subtract past zero ("4294967295% unchanged" in a release build, an overflow panic in a
/// debug one).
#[test]
fn lone_combining_accents_keep_the_summary_in_range() {
    let mut old = from_plain_text("Earlier version", "(a) peace \u{301} \u{301} \u{301}", "A", 2020).unwrap();
    let mut new = from_plain_text("Later version", "(a) peace war", "B", 2020).unwrap();
    distinct_years(&mut old, &mut new);
    let cmp = Comparison::with_options(old, new, &options());
    check_comparison(&cmp, true).unwrap();
    check_summary(&cmp).unwrap();
}
