//! Alignment through its public API: hand-made cases with known answers, the bundled drafts
//! as a snapshot, and the structural promises of every alignment as a property.
//!
//! Why an integration test: [`check`] is the one statement of what an [`Alignment`]
//! promises, and every test here (and any reader of the UI) depends only on the public types.
use draftdiff_core::align::{align, align_with, Alignment, Options, Row, RowKind};
use draftdiff_core::corpus::{bundled, Document, Part, Provision};
use proptest::prelude::*;
use std::borrow::Cow;
use std::time::Duration;

const P1: &str = "Each member shall publish an annual report on fisheries catches within its waters.";
const P2: &str = "Vessels flying the flag of a member must carry a working satellite transponder at sea.";
const P3: &str = "Disputes between members are referred first to a standing panel of three independent arbiters.";
const P4: &str = "The secretariat keeps a public register of authorised vessels and their licences.";
const P5: &str = "Scientific observers may board any licensed vessel with twenty-four hours notice.";

fn provision(i: usize, part: Part, text: &str) -> Provision {
    Provision {
        id: Cow::Owned(format!("p{i}")),
        part,
        label: Cow::Borrowed(""),
        text: Cow::Owned(text.to_string()),
        status: None,
        sources: Cow::Owned(Vec::new()),
    }
}

fn code(texts: &[&str]) -> Vec<Provision> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| provision(i, Part::Code, t))
        .collect()
}

/// Every structural promise of [`Alignment`]; `Err` names the first one broken.
fn check(old: &[Provision], new: &[Provision], a: &Alignment) -> Result<(), String> {
    let (mut seen_old, mut seen_new) = (vec![0; old.len()], vec![0; new.len()]);
    for (k, r) in a.rows.iter().enumerate() {
        let fail = |what: &str| Err(format!("row {k} {r:?}: {what}"));
        if let Some(o) = r.old {
            *seen_old.get_mut(o).ok_or("old index out of range")? += 1;
            if old[o].part != r.part {
                return fail("old part");
            }
        }
        if let Some(n) = r.new {
            *seen_new.get_mut(n).ok_or("new index out of range")? += 1;
            if new[n].part != r.part {
                return fail("new part");
            }
        }
        let consistent = match r.kind {
            RowKind::Added => r.old.is_none() && r.new.is_some() && r.similarity == 0.0,
            RowKind::Dropped => r.old.is_some() && r.new.is_none() && r.similarity == 0.0,
            RowKind::Unchanged => {
                matches!((r.old, r.new), (Some(o), Some(n)) if old[o].text.trim() == new[n].text.trim())
            }
            RowKind::Changed | RowKind::Moved => r.old.is_some() && r.new.is_some(),
        };
        if !consistent || !(0.0..=1.0).contains(&r.similarity) {
            return fail("kind or similarity");
        }
        if r.also_draws_on.contains(&r.old.unwrap_or(usize::MAX))
            || r.also_draws_on.windows(2).any(|w| w[0] >= w[1])
            || r.also_draws_on
                .iter()
                .any(|&o| old.get(o).is_none_or(|p| p.part != r.part))
        {
            return fail("also_draws_on");
        }
    }
    if seen_old.iter().chain(&seen_new).any(|&c| c != 1) {
        return Err(format!("not a partition: {seen_old:?} {seen_new:?}"));
    }
    if a.rows.windows(2).any(|w| w[0].part > w[1].part) {
        return Err("parts out of order".into());
    }
    for part in Part::ALL {
        let rows: Vec<&Row> = a.rows.iter().filter(|r| r.part == part).collect();
        let news: Vec<usize> = rows.iter().filter_map(|r| r.new).collect();
        let olds: Vec<usize> = rows
            .iter()
            .filter(|r| r.kind != RowKind::Moved)
            .filter_map(|r| r.old)
            .collect();
        if news.windows(2).any(|w| w[0] > w[1]) || olds.windows(2).any(|w| w[0] > w[1]) {
            return Err(format!("{part:?}: rows out of document order"));
        }
    }
    Ok(())
}

fn checked(old: &[Provision], new: &[Provision]) -> Alignment {
    let a = align(old, new);
    if let Err(e) = check(old, new, &a) {
        panic!("{e}");
    }
    assert!(!a.simplified);
    a
}

fn shape(a: &Alignment) -> Vec<(Option<usize>, Option<usize>, RowKind)> {
    a.rows.iter().map(|r| (r.old, r.new, r.kind)).collect()
}

#[test]
fn identical_versions_are_unchanged() {
    let doc = code(&[P1, P2, P3]);
    let a = checked(&doc, &doc);
    assert!(a
        .rows
        .iter()
        .all(|r| r.kind == RowKind::Unchanged && r.similarity == 1.0));
    assert!(a.rows.iter().all(|r| r.also_draws_on.is_empty()));
}

#[test]
fn a_reordered_paragraph_is_moved() {
    let p1 = P1.replace("annual", "yearly");
    let a = checked(&code(&[P1, P2, P3, P4, P5]), &code(&[P2, P3, P4, P5, &p1]));
    use RowKind::*;
    assert_eq!(
        shape(&a),
        [
            (Some(1), Some(0), Unchanged),
            (Some(2), Some(1), Unchanged),
            (Some(3), Some(2), Unchanged),
            (Some(4), Some(3), Unchanged),
            (Some(0), Some(4), Moved),
        ]
    );
    assert!(a.rows[4].similarity > 0.8);
}

#[test]
fn a_split_paragraph_draws_on_its_source() {
    let merged = format!("{P2} {P3}");
    let a = checked(&code(&[P1, &merged, P4]), &code(&[P1, P2, P3, P4]));
    use RowKind::*;
    let primary = a.rows.iter().filter(|r| r.old == Some(1)).count();
    assert_eq!(primary, 1);
    let added: Vec<&Row> = a.rows.iter().filter(|r| r.kind == Added).collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].also_draws_on, [1]);
    assert!(matches!(added[0].new, Some(1 | 2)));
    assert_eq!(a.rows.iter().filter(|r| r.kind == Changed).count(), 1);
}

#[test]
fn merged_paragraphs_keep_one_primary_and_one_secondary_link() {
    let merged = format!("{P2} {P3}");
    let a = checked(&code(&[P1, P2, P3, P4]), &code(&[P1, &merged, P4]));
    let row = a.rows.iter().find(|r| r.new == Some(1)).expect("merged row");
    assert_eq!(row.kind, RowKind::Changed);
    let other = if row.old == Some(1) { 2 } else { 1 };
    assert_eq!(row.also_draws_on, [other]);
    let dropped = a.rows.iter().find(|r| r.old == Some(other)).expect("other row");
    assert_eq!(dropped.kind, RowKind::Dropped);
}

#[test]
fn insertions_and_deletions_sit_in_place() {
    use RowKind::*;
    let a = checked(&code(&[P1, P2, P4]), &code(&[P1, P2, P3, P4]));
    assert_eq!(
        shape(&a),
        [
            (Some(0), Some(0), Unchanged),
            (Some(1), Some(1), Unchanged),
            (None, Some(2), Added),
            (Some(2), Some(3), Unchanged)
        ]
    );
    let a = checked(&code(&[P1, P2, P3, P4]), &code(&[P1, P2, P4]));
    assert_eq!(
        shape(&a),
        [
            (Some(0), Some(0), Unchanged),
            (Some(1), Some(1), Unchanged),
            (Some(2), None, Dropped),
            (Some(3), Some(2), Unchanged)
        ]
    );
    // A replaced paragraph reads deletion first, as in a diff.
    let a = checked(&code(&[P1, P2, P4]), &code(&[P1, P5, P4]));
    assert_eq!(
        a.rows[1..3].iter().map(|r| r.kind).collect::<Vec<_>>(),
        [Dropped, Added]
    );
}

#[test]
fn empty_sides() {
    assert_eq!(checked(&[], &[]), Alignment::default());
    let doc = code(&[P1, P2]);
    assert!(checked(&[], &doc).rows.iter().all(|r| r.kind == RowKind::Added));
    assert!(checked(&doc, &[]).rows.iter().all(|r| r.kind == RowKind::Dropped));
    let blank = code(&["", "  "]);
    checked(&blank, &code(&[" ", "\n"]));
}

#[test]
fn never_pairs_across_parts() {
    let old = vec![provision(0, Part::Preamble, P1), provision(1, Part::Code, P2)];
    let new = vec![
        provision(0, Part::Preamble, P3),
        provision(1, Part::Code, P1),
        provision(2, Part::Code, P2),
    ];
    let a = checked(&old, &new);
    let row = a.rows.iter().find(|r| r.old == Some(0)).expect("row");
    assert_eq!((row.kind, row.new), (RowKind::Dropped, None));
}

#[test]
fn oversized_gaps_and_spent_budgets_fall_back() {
    let old: Vec<String> = (0..1100)
        .map(|i| format!("Clause {i} on topic{i} and matter{i} applies."))
        .collect();
    let new: Vec<String> = old.iter().map(|t| format!("{t} Amended.")).collect();
    let (old, new) = (
        code(&old.iter().map(String::as_str).collect::<Vec<_>>()),
        code(&new.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    let opts = Options {
        budget: None,
        ..Options::default()
    };
    let a = align_with(&old, &new, &opts);
    assert!(a.simplified);
    check(&old, &new, &a).unwrap();
    assert!(a.rows.iter().all(|r| r.kind == RowKind::Changed && r.old == r.new));

    let [o, n] = bundled();
    let spent = Options {
        budget: Some(Duration::ZERO),
        ..Options::default()
    };
    let a = align_with(&o.provisions, &n.provisions, &spent);
    assert!(a.simplified);
    check(&o.provisions, &n.provisions, &a).unwrap();
}

/// One line per row, as a reader would describe it: `2011 (c) → 2015 (4) changed 0.62 also
/// draws on 2011 (b)`; similarities to two decimals so the snapshot is stable.
fn describe(old: &Document, new: &Document, a: &Alignment) -> String {
    let name = |d: &Document, i: Option<usize>| {
        i.map_or("—".to_string(), |i| {
            format!("{} {}", d.short_name(), d.provisions[i].display_label())
        })
    };
    let mut out = String::new();
    for r in &a.rows {
        let kind = format!("{:?}", r.kind).to_lowercase();
        out += &format!("{} → {} {kind} {:.2}", name(old, r.old), name(new, r.new), r.similarity);
        if !r.also_draws_on.is_empty() {
            let also: Vec<String> = r.also_draws_on.iter().map(|&o| name(old, Some(o))).collect();
            out += &format!(" also draws on {}", also.join(", "));
        }
        out.push('\n');
    }
    out
}

/// The bundled drafts, row by row, as a reader checking the two PDFs side by side would pair
/// them: the 2015 letter reuses the 2011 opening and adds the story of the first draft; the
/// preamble gains the GGE paragraph (pre-10); (3) is new but takes 2011 (c)'s "political,
/// economic and social stability"; (10) is new; (i) and (j) survive unchanged as (11) and
/// (12). A change in the alignment shows here as a changed line to review.
#[test]
fn the_bundled_drafts_align_as_a_reader_would() {
    let [old, new] = bundled();
    let a = checked(&old.provisions, &new.provisions);
    insta::assert_snapshot!(describe(old, new, &a));
}

fn documents() -> impl Strategy<Value = Vec<Provision>> {
    let words = prop::sample::select(vec![
        "States",
        "code",
        "information",
        "security",
        "the",
        "and",
        "of",
        "to",
        "peace",
        "networks",
        "cooperate",
        "Internet",
        ",",
        ";",
        "信息",
        "Ü",
    ]);
    let text = prop::collection::vec(words, 0..14).prop_map(|w| w.join(" "));
    prop::collection::vec((0..4usize, text), 0..10).prop_map(|mut v| {
        v.sort_by_key(|(p, _)| *p);
        v.into_iter()
            .enumerate()
            .map(|(i, (p, t))| provision(i, Part::ALL[p], &t))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]
    #[test]
    fn alignments_partition_both_versions(
        old in documents(),
        other in documents(),
        mode in 0..3u8,
        thresholds in (0.0f32..1.0, 0.0f32..1.0, 0..6usize, 0.0f32..0.5),
        spent in any::<bool>(),
    ) {
        let new = match mode {
            0 => other,
            1 => old.iter().rev().cloned().chain(other).collect(),
            _ => old.iter().skip(1).chain(old.first()).map(|p| {
                Provision { text: Cow::Owned(format!("{} peace", p.text)), ..p.clone() }
            }).collect(),
        };
        let opts = Options {
            match_threshold: thresholds.0,
            move_threshold: thresholds.1,
            draws_on_min_words: thresholds.2,
            draws_on_min_share: thresholds.3,
            budget: spent.then_some(Duration::ZERO),
        };
        let a = align_with(&old, &new, &opts);
        prop_assert_eq!(check(&old, &new, &a), Ok(()));
        let exact = Options { budget: None, ..opts };
        prop_assert_eq!(align_with(&old, &new, &exact), align_with(&old, &new, &exact));
    }
}
