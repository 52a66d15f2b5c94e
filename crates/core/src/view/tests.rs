//! The view layer, natively: the reducer's every action, what a view keeps, the notices a link
//! earns, and the names the widget gives things. Expectations are facts about the bundled drafts
//! a reader can check on the page (2011 (f) became 2015 (7); human rights is tagged on
//! (a)/(1) and (f)/(7)), not values read back from the code under test.

use super::labels::{kind_label, pair_title, provision_name, summary_line};
use super::state::{part_shown, Action, AppState, HistoryMode};
use super::*;
use crate::corpus::{bundled, Part};
use crate::link::{Anchor, Match, Passage, View};
use crate::stats::Summary;
use std::rc::Rc;

fn cmp() -> Comparison {
    Comparison::bundled()
}

fn at(s: &str) -> Anchor {
    Anchor::parse(s).unwrap()
}

fn titles(c: &Comparison, pairs: &[usize]) -> Vec<String> {
    pairs.iter().map(|&p| pair_title(c, p)).collect()
}

#[test]
fn every_action_changes_only_what_it_names() {
    let s = AppState::default();
    let s = s.reduce(Action::ToggleTheme("human-rights".into()));
    assert_eq!(s.view.themes, ["human-rights"]);
    assert_eq!(s.history, HistoryMode::Replace);
    let s = s
        .reduce(Action::ToggleTheme("sovereignty".into()))
        .reduce(Action::SetMatch(Match::All));
    assert_eq!((s.view.themes.len(), s.view.match_mode), (2, Match::All));
    let s = s.reduce(Action::ToggleTheme("human-rights".into()));
    assert_eq!(s.view.themes, ["sovereignty"]);
    let s = s.reduce(Action::ClearThemes);
    assert!(s.view.themes.is_empty());
    assert_eq!(s.view.match_mode, Match::Any, "clearing resets any/all");
    let s = s
        .reduce(Action::SetView(View::Inline))
        .reduce(Action::Search("weapons".into()));
    assert_eq!((s.view.view, s.view.query.as_str()), (View::Inline, "weapons"));
    let s = s.reduce(Action::SetNotes(false));
    assert!(!s.view.notes);

    let serial = s.focus_serial;
    let s = s.reduce(Action::Focus(at("2015-7")));
    assert_eq!(s.view.focus, Some(at("2015-7")));
    assert_eq!(s.history, HistoryMode::Push, "navigating adds a history entry");
    assert_eq!(s.focus_serial, serial + 1);
    let passage = Passage {
        start: "human rights".into(),
        end: None,
    };
    let s = s.reduce(Action::FocusPassage(at("2015-7"), passage.clone()));
    assert_eq!(s.view.passage, Some(passage));
    let s = s.reduce(Action::Focus(at("2011-f")));
    assert_eq!(s.view.passage, None, "a new focus drops the old passage");

    let s = s
        .reduce(Action::Toast("Link copied".into()))
        .reduce(Action::OfferCopy("x".into()));
    assert_eq!(
        (s.toast.as_deref(), s.fallback_copy.as_deref()),
        (Some("Link copied"), Some("x"))
    );
    assert_eq!(s.history, HistoryMode::None, "transient messages never touch the URL");
    let s = s.reduce(Action::Dismiss);
    assert_eq!(
        (s.toast.clone(), s.fallback_copy.clone(), s.notice.clone()),
        (None, None, None)
    );

    let url = Rc::new(link::parse("2015-3&view=old"));
    let s = s.reduce(Action::FromUrl(url, Some("notice".into())));
    assert_eq!((s.view.view, s.view.focus.clone()), (View::Old, Some(at("2015-3"))));
    assert_eq!((s.history, s.notice.as_deref()), (HistoryMode::None, Some("notice")));
    assert!(
        s.view.themes.is_empty() && s.view.notes,
        "a link replaces the whole view"
    );
}

#[test]
fn parts_open_close_and_the_linked_part_opens_itself() {
    let s = AppState::default();
    assert!(part_shown(&s, Part::Code, false), "the code is open by default");
    assert!(!part_shown(&s, Part::Preamble, false));
    assert!(
        part_shown(&s, Part::Preamble, true),
        "a link into the preamble opens it"
    );
    let s = s.reduce(Action::TogglePart(Part::Preamble, true));
    assert!(!part_shown(&s, Part::Preamble, true), "until the reader closes it");
    let s = s.reduce(Action::TogglePart(Part::Preamble, true));
    assert!(part_shown(&s, Part::Preamble, false));
    let s = s.reduce(Action::TogglePart(Part::Code, false));
    assert!(!part_shown(&s, Part::Code, false));
    let s = s
        .reduce(Action::TogglePart(Part::Letter, true))
        .reduce(Action::Focus(at("2015-letter-1")));
    assert!(
        part_shown(&s, Part::Letter, true),
        "a new navigation forgets the closing"
    );
}

#[test]
fn a_theme_filter_keeps_the_pairs_tagged_with_it() {
    let c = cmp();
    let mut view = ViewState {
        themes: vec!["human-rights".into()],
        ..ViewState::default()
    };
    let kept = visible_pairs(&c, &view, selected_themes(&view.themes));
    assert_eq!(titles(&c, &kept), ["2011 (a) → 2015 (1)", "2011 (f) → 2015 (7)"]);
    view.themes.push("use-of-force".into());
    view.match_mode = Match::All;
    assert!(visible_pairs(&c, &view, selected_themes(&view.themes)).is_empty());
    view.match_mode = Match::Any;
    let force = ViewState {
        themes: vec!["use-of-force".into()],
        ..ViewState::default()
    };
    let mut union = kept.clone();
    union.extend(visible_pairs(&c, &force, selected_themes(&force.themes)));
    union.sort_unstable();
    union.dedup();
    assert_eq!(
        visible_pairs(&c, &view, selected_themes(&view.themes)),
        union,
        "any = the union"
    );
    let all = visible_pairs(&c, &ViewState::default(), ThemeSet::default());
    assert_eq!(all.len(), c.pairs.len(), "no filter keeps everything");
    let old_only = ViewState {
        view: View::Old,
        ..ViewState::default()
    };
    let old = visible_pairs(&c, &old_only, ThemeSet::default());
    assert!(old.iter().all(|&p| c.pairs[p].row.old.is_some()));
    assert!(old.len() < all.len(), "the 2011-only view leaves out what 2015 added");
    assert_eq!(selected_themes(&["human-rights".into(), "nonsense".into()]).len(), 1);
}

#[test]
fn bundled_pairs_use_the_hand_tags() {
    let c = cmp();
    let (pair, _) = c.locate(&at("2015-7")).unwrap();
    let hr = selected_themes(&["human-rights".into()]);
    assert_eq!(side_tags(&c, pair, Side::Old), hr);
    assert_eq!(side_tags(&c, pair, Side::New), hr);
}

#[test]
fn notices_name_what_a_link_could_not_do() {
    let c = cmp();
    assert_eq!(notice_for(&c, &link::parse("2015-7&themes=human-rights")), None);
    let n = notice_for(&c, &link::parse("2015-99&themes=nonsense&view=sideways")).unwrap();
    for part in [
        "there is no provision “2015-99”",
        "there is no theme “nonsense”",
        "view \"sideways\"",
    ] {
        assert!(n.contains(part), "{part}: {n}");
    }
    assert!(n.ends_with("Showing the closest view."));
    let state = link::parse("2015-99&themes=human-rights,nonsense").state;
    let keys: Vec<_> = unknown(&c, &state).iter().map(|p| (p.key, p.value.clone())).collect();
    assert_eq!(
        keys,
        [("themes", "nonsense".to_string()), ("focus", "2015-99".to_string())]
    );
    assert!(known_theme("human-rights") && !known_theme("Human-Rights"));
}

#[test]
fn names_of_provisions_pairs_and_kinds() {
    let c = cmp();
    let [old, new] = bundled();
    assert_eq!(provision_name(new, new.index_of("7").unwrap()), "2015 (7)");
    assert_eq!(provision_name(new, new.index_of("pre-3").unwrap()), "2015 Preamble ¶3");
    assert_eq!(
        provision_name(old, old.index_of("code-chapeau").unwrap()),
        "2011 Chapeau"
    );
    let (seven, _) = c.locate(&at("2015-7")).unwrap();
    assert_eq!(pair_title(&c, seven), "2011 (f) → 2015 (7)");
    let (ten, _) = c.locate(&at("2015-10")).unwrap();
    assert_eq!(
        pair_title(&c, ten),
        "2015 (10)",
        "a provision new in 2015 has no earlier side"
    );
    assert_eq!(kind_label(c.pairs[ten].row.kind), "New in the later draft");
    assert_eq!(super::labels::place(&c, "A/69/723", "7"), "2015 (7)");
    assert_eq!(super::labels::place(&c, "A/1/1", "x"), "A/1/1 x");
}

#[test]
fn the_summary_line_counts_what_it_is_given() {
    let c = cmp();
    let (seven, _) = c.locate(&at("2015-7")).unwrap();
    let (ten, _) = c.locate(&at("2015-10")).unwrap();
    let line = summary_line(&Summary::of(&c, [seven, ten]));
    assert!(line.starts_with("1 changed · 1 new · +"), "{line}");
    assert!(line.ends_with(" words"));
    assert_eq!(summary_line(&Summary::default()), "nothing to compare · +0 / −0 words");
}

#[test]
fn notes_of_a_pair_come_once_each() {
    let c = cmp();
    for p in 0..c.pairs.len() {
        let notes = notes_of_pair(&c, p);
        let mut ids: Vec<_> = notes.iter().map(|n| n.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), notes.len(), "pair {p}");
    }
    assert!(c
        .pairs
        .iter()
        .enumerate()
        .any(|(p, _)| !notes_of_pair(&c, p).is_empty()));
}

#[test]
fn highlights_mark_keywords_hits_and_the_passage() {
    use crate::segments::Layer;
    let text = "to use information and communications technologies for human rights";
    let hr = selected_themes(&["human-rights".into()]);
    let passage = Passage {
        start: "information and".into(),
        end: None,
    };
    let h = highlights::highlights(text, hr, "Technologies", Some(&passage));
    let of = |layer: fn(&Layer) -> bool| {
        h.iter()
            .filter(|x| layer(&x.layer))
            .map(|x| &text[x.range.clone()])
            .collect::<Vec<_>>()
    };
    assert_eq!(of(|l| matches!(l, Layer::Search)), ["technologies"]);
    assert_eq!(of(|l| matches!(l, Layer::Passage)), ["information and"]);
    assert_eq!(of(|l| matches!(l, Layer::Theme(_))), ["human rights"]);
}
