//! The word diff on the bundled drafts: known changes and the golden redline a reader sees.
//!
//! Why here and not beside the diff: the diff lives in the engine crate, which has no corpus
//! (the bundled drafts are compiled into the core); these tests need both.

use draftdiff_core::align::{align, RowKind};
use draftdiff_core::corpus::{bundled, Document};
use draftdiff_core::diff::{word_diff, Change, WordDiff};

fn render(d: &WordDiff) -> String {
    d.spans
        .iter()
        .map(|s| match s.change {
            Change::Equal => s.text.clone(),
            Change::Delete => format!("[-{}-]", s.text),
            Change::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}

fn pair(old_id: &str, new_id: &str) -> WordDiff {
    let [old, new] = bundled();
    let text = |d: &Document, id: &str| d.provision(id).map(|p| p.text.to_string()).unwrap_or_default();
    word_diff(&text(old, old_id), &text(new, new_id))
}

#[test]
fn corpus_dropped_information_weapons() {
    let d = pair("b", "2");
    let has = |c: Change| {
        d.spans
            .iter()
            .any(|s| s.change == c && s.text.contains("information weapons"))
    };
    assert!(has(Change::Delete), "{}", render(&d));
    assert!(!has(Change::Insert) && !has(Change::Equal));
}

#[test]
fn corpus_identical_provisions_are_one_equal_span() {
    for (o, n) in [("a", "1"), ("i", "11"), ("j", "12"), ("pre-2", "pre-2")] {
        let d = pair(o, n);
        assert_eq!(d.spans.len(), 1, "{o} vs {n}");
        assert_eq!(d.spans[0].change, Change::Equal);
        assert_eq!(d.similarity(), 1.0);
    }
}

/// Every reworded pair of the bundled drafts (and 2011 (c) against the new 2015 (3) that
/// draws on it), rendered `[-deleted-]{+inserted+}`: the golden redline a reader sees,
/// reviewed as a snapshot. Similarities to two decimals so the snapshot is stable.
#[test]
fn the_bundled_drafts_redline() {
    let [old, new] = bundled();
    let rows = align(&old.provisions, &new.provisions).rows;
    let mut out = String::new();
    for r in &rows {
        let sources = r.old.into_iter().filter(|_| r.kind != RowKind::Unchanged);
        for o in sources.chain(r.also_draws_on.iter().copied()) {
            let Some(n) = r.new else { continue };
            let (po, pn) = (&old.provisions[o], &new.provisions[n]);
            let d = word_diff(&po.text, &pn.text);
            out += &format!(
                "## {} {} → {} {}: −{} +{} words, similarity {:.2}\n{}\n\n",
                old.short_name(),
                po.display_label(),
                new.short_name(),
                pn.display_label(),
                d.words_deleted(),
                d.words_inserted(),
                d.similarity(),
                render(&d)
            );
        }
    }
    insta::assert_snapshot!(out);
}
