//! Focused embeds: what an iframe or a `<draft-diff>` element shows as a *card*.
//!
//! A writer pastes an embed to show one change ("what happened to (f)") or one theme, so an
//! embed shows what its state names, not the whole treaty: a focused provision is one aligned
//! pair with previous / next inside the card; a theme filter, a search or `show=<list>` is just
//! those pairs; `show=all` (or a state that names nothing) is the whole document as before. The
//! full page ([`Host::Page`]) always shows the whole document. Decided here, natively tested,
//! so the UI only renders a [`Card`].

use super::labels::pair_title;
use super::{selected_themes, visible_pairs, Host};
use crate::compare::{Comparison, Side};
use crate::corpus::Status;
use crate::link::{Anchor, Show, View, ViewState};
use crate::search;
use crate::themes;

/// One step of previous / next: where it goes and what readers call it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The provision to focus.
    pub anchor: Anchor,
    /// The pair's title, e.g. `2011 (e) → 2015 (6)`.
    pub title: String,
}

/// What a card shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The pairs shown, in order: the focused pair alone, or every pair the state names.
    pub pairs: Vec<usize>,
    /// The pairs previous / next step through (what the filter or list keeps, with the focus).
    pub sequence: Vec<usize>,
    /// A single-pair card: the pair before the focused one in [`Card::sequence`].
    pub prev: Option<Step>,
    /// A single-pair card: the pair after the focused one.
    pub next: Option<Step>,
    /// A single-pair card: its place in the sequence, 1-based, and the sequence's length.
    pub position: Option<(usize, usize)>,
    /// The one title line: `2011 (f) → 2015 (7) · International code of conduct …`.
    pub title: String,
}

/// The card `host` shows for `view`, or `None` for the whole document (the full page,
/// `show=all`, or an embed whose state names nothing).
pub fn card(cmp: &Comparison, view: &ViewState, host: &Host) -> Option<Card> {
    if *host == Host::Page || !names_card(view) {
        return None;
    }
    build(cmp, view, false)
}

/// The card a card root shows (the card entry's, which has no whole document to turn into):
/// [`card`], or, once the reader has widened the card until its state names nothing (unticked
/// its only theme, emptied its search), every pair, still as a card. `None` only where [`card`]
/// never gives one: the full page and `show=all` (an element whose attributes ask for the whole
/// document gets the full widget instead).
pub fn kept_card(cmp: &Comparison, view: &ViewState, host: &Host) -> Option<Card> {
    if *host == Host::Page || view.show == Show::All {
        return None;
    }
    build(cmp, view, true)
}

/// The card for `view`; with nothing named, every pair if `widened`, else none.
fn build(cmp: &Comparison, view: &ViewState, widened: bool) -> Option<Card> {
    let focus = view.focus.as_ref().and_then(|a| cmp.pair_of_anchor(a));
    let query = view.query.trim();
    let mut sequence: Vec<usize> = match &view.show {
        Show::Provisions(list) => {
            let mut pairs: Vec<usize> = Vec::new();
            for p in list.iter().filter_map(|a| cmp.pair_of_anchor(a)) {
                if !pairs.contains(&p) {
                    pairs.push(p);
                }
            }
            pairs
        }
        _ => visible_pairs(cmp, view, selected_themes(&view.themes))
            .into_iter()
            .filter(|&p| query.is_empty() || matches_query(cmp, p, query))
            .collect(),
    };
    let named = view.show != Show::Named || !view.themes.is_empty() || !query.is_empty();
    let doc = cmp.new.title.to_string();
    match focus {
        Some(f) => {
            if !sequence.contains(&f) {
                // The linked pair is shown even if the filter would hide it; it steps from
                // where it sits in the document (or leads a list it is not on).
                let at = match view.show {
                    Show::Provisions(_) => 0,
                    _ => sequence.partition_point(|&p| p < f),
                };
                sequence.insert(at, f);
            }
            let i = sequence.iter().position(|&p| p == f).unwrap_or(0);
            let step = |p: usize| Step {
                anchor: step_anchor(cmp, p, view.view),
                title: pair_title(cmp, p),
            };
            Some(Card {
                pairs: vec![f],
                prev: i.checked_sub(1).map(|j| step(sequence[j])),
                next: sequence.get(i + 1).map(|&p| step(p)),
                position: Some((i + 1, sequence.len())),
                title: format!("{} · {doc}", pair_title(cmp, f)),
                sequence,
            })
        }
        None if named || widened => Some(Card {
            title: format!("{} · {doc}", subject(cmp, view, query, sequence.len())),
            pairs: sequence.clone(),
            sequence,
            prev: None,
            next: None,
            position: None,
        }),
        None => None,
    }
}

/// Whether an embed of `view` opens as a card, as far as the state alone says: it is not
/// `show=all`, and it names a provision, a list, a theme or a search. (A provision that is not in
/// the drafts, and nothing else named, still gives the whole document: [`card`] decides.) Snippets
/// choose the page an iframe loads by it (`embed::frame_page`), the lean card page or the full one.
pub fn names_card(view: &ViewState) -> bool {
    view.show != Show::All
        && (view.focus.is_some()
            || view.show != Show::Named
            || !view.themes.is_empty()
            || !view.query.trim().is_empty())
}

/// What a card of several pairs is about: `Human rights: 6 aligned pairs`.
fn subject(cmp: &Comparison, view: &ViewState, query: &str, count: usize) -> String {
    let mut about: Vec<String> = Vec::new();
    if let Show::Provisions(list) = &view.show {
        about.push(match list.as_slice() {
            [one] => cmp
                .pair_of_anchor(one)
                .map_or_else(|| one.to_string(), |p| pair_title(cmp, p)),
            _ => "Selected provisions".to_string(),
        });
    } else {
        let names: Vec<&str> = view
            .themes
            .iter()
            .filter_map(|t| themes::by_id(t).map(|(_, th)| th.name))
            .collect();
        if !names.is_empty() {
            let joiner = if view.match_mode == crate::link::Match::All {
                " and "
            } else {
                " or "
            };
            about.push(names.join(joiner));
        }
        if !query.is_empty() {
            about.push(format!("“{query}”"));
        }
    }
    if about.is_empty() {
        about.push("All provisions".to_string());
    }
    let pairs = if count == 1 {
        "1 aligned pair".to_string()
    } else {
        format!("{count} aligned pairs")
    };
    format!("{}: {pairs}", about.join(", "))
}

/// Whether either side of pair `p` holds `query` (the search's own matching rule, on the
/// comparison's folded texts).
fn matches_query(cmp: &Comparison, p: usize, query: &str) -> bool {
    let Some(needle) = search::needle(query) else {
        return false;
    };
    [Side::Old, Side::New].into_iter().any(|s| {
        cmp.index(p, s)
            .is_some_and(|i| cmp.search_text(s, i).contains(needle.as_str()))
    })
}

/// The anchor previous / next focus on pair `p`: the side the view shows (the later draft
/// unless the view is the earlier one alone), else the side the pair has.
fn step_anchor(cmp: &Comparison, p: usize, view: View) -> Anchor {
    let order = if view == View::Old {
        [Side::Old, Side::New]
    } else {
        [Side::New, Side::Old]
    };
    order
        .into_iter()
        .find_map(|s| cmp.anchor(p, s))
        .expect("every aligned pair has at least one side")
}

/// The transcription status of each side of pair `p` that has one, named as readers name the
/// provision: `[("2011 (f)", Partial), ("2015 (7)", Verified)]` (a card's footer).
pub fn statuses(cmp: &Comparison, p: usize) -> Vec<(String, Status)> {
    [Side::Old, Side::New]
        .into_iter()
        .filter_map(|s| {
            let i = cmp.index(p, s)?;
            let doc = cmp.doc(s);
            Some((super::labels::provision_name(doc, i), doc.provisions[i].status?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse;

    fn frame() -> Host {
        Host::Frame { instance: "a".into() }
    }

    fn element() -> Host {
        Host::Element { page: String::new() }
    }

    fn card_of(hash: &str, host: &Host) -> Option<Card> {
        let cmp = Comparison::bundled();
        card(&cmp, &parse(hash).state, host)
    }

    fn titles(pairs: &[usize]) -> Vec<String> {
        let cmp = Comparison::bundled();
        pairs.iter().map(|&p| pair_title(&cmp, p)).collect()
    }

    #[test]
    fn a_card_widened_to_nothing_stays_a_card_of_every_pair() {
        let cmp = Comparison::bundled();
        // A theme card whose only theme the reader unticked: the state names nothing.
        let widened = parse("view=inline").state;
        assert_eq!(card(&cmp, &widened, &element()), None);
        let kept = kept_card(&cmp, &widened, &element()).expect("still a card");
        assert_eq!(kept.pairs.len(), cmp.pairs.len());
        assert!(
            kept.title
                .starts_with(&format!("All provisions: {} aligned pairs · ", cmp.pairs.len())),
            "{}",
            kept.title
        );
        // What makes a card is kept as it is; the page and show=all never get one.
        for hash in ["2015-7", "themes=sovereignty", "q=weapons"] {
            let view = parse(hash).state;
            assert_eq!(kept_card(&cmp, &view, &frame()), card(&cmp, &view, &frame()), "{hash}");
            assert!(names_card(&view), "{hash}");
        }
        assert_eq!(kept_card(&cmp, &parse("show=all").state, &frame()), None);
        assert_eq!(kept_card(&cmp, &parse("2015-7").state, &Host::Page), None);
        assert!(!names_card(&parse("2015-7&show=all").state) && !names_card(&widened));
    }

    #[test]
    fn a_provision_is_one_pair_in_a_card_for_embeds_only() {
        for host in [frame(), element()] {
            let c = card_of("2015-7", &host).expect("a card");
            assert_eq!(titles(&c.pairs), ["2011 (f) → 2015 (7)"]);
            assert_eq!(
                c.title,
                "2011 (f) → 2015 (7) · International code of conduct for information security"
            );
            // The old draft's anchor names the same pair.
            assert_eq!(card_of("2011-f", &host).unwrap().pairs, c.pairs);
        }
        assert_eq!(
            card_of("2015-7", &Host::Page),
            None,
            "the page keeps the whole document"
        );
        assert_eq!(card_of("2015-7&show=all", &frame()), None, "show=all asks for it");
        assert_eq!(
            card_of("", &frame()),
            None,
            "an embed that names nothing shows everything"
        );
        assert_eq!(card_of("view=inline", &element()), None);
    }

    #[test]
    fn previous_and_next_follow_the_document_without_a_filter() {
        let cmp = Comparison::bundled();
        let c = card_of("2015-7", &frame()).unwrap();
        let f = c.pairs[0];
        assert_eq!(c.sequence.len(), cmp.pairs.len());
        assert_eq!(c.position, Some((f + 1, cmp.pairs.len())));
        let prev = c.prev.unwrap();
        let next = c.next.unwrap();
        assert_eq!(cmp.pair_of_anchor(&prev.anchor), Some(f - 1));
        assert_eq!(cmp.pair_of_anchor(&next.anchor), Some(f + 1));
        assert_eq!(prev.title, pair_title(&cmp, f - 1));
        assert!(next.title.ends_with("2015 (8)"), "{}", next.title);
        assert_eq!(next.anchor.to_string(), "2015-8", "steps land on the later draft");
        // The first pair has no previous, the last no next.
        let first = cmp.anchor(0, Side::New).or(cmp.anchor(0, Side::Old)).unwrap();
        let c = card_of(&first.to_string(), &frame()).unwrap();
        assert_eq!((c.prev, c.position.unwrap().0), (None, 1));
        let last = cmp.pairs.len() - 1;
        let last = cmp.anchor(last, Side::New).or(cmp.anchor(last, Side::Old)).unwrap();
        assert_eq!(card_of(&last.to_string(), &frame()).unwrap().next, None);
        // In the earlier draft alone, steps land on its provisions.
        let c = card_of("2011-f&view=old", &frame()).unwrap();
        assert_eq!(c.next.unwrap().anchor.year, 2011);
    }

    #[test]
    fn a_theme_shows_just_its_pairs_and_a_focus_steps_through_them() {
        let cmp = Comparison::bundled();
        let state = parse("themes=human-rights").state;
        let kept = visible_pairs(&cmp, &state, selected_themes(&state.themes));
        let c = card(&cmp, &state, &frame()).unwrap();
        assert_eq!(c.pairs, kept);
        assert!(c.pairs.len() < cmp.pairs.len());
        let t = titles(&c.pairs);
        // Human rights is tagged on (a)/(1) and (f)/(7) (data/tags.toml).
        assert!(t.contains(&"2011 (f) → 2015 (7)".to_string()), "{t:?}");
        assert!(t.iter().any(|x| x.ends_with("2015 (1)")), "{t:?}");
        assert_eq!(
            c.title,
            format!(
                "Human rights: {} aligned pairs · International code of conduct for information security",
                kept.len()
            )
        );
        assert_eq!((c.prev.as_ref(), c.next.as_ref(), c.position), (None, None, None));
        // With a focus: that pair alone, stepping through the theme's pairs.
        let c = card_of("2015-7&themes=human-rights", &frame()).unwrap();
        assert_eq!(titles(&c.pairs), ["2011 (f) → 2015 (7)"]);
        assert_eq!(c.sequence, kept);
        let i = kept.iter().position(|&p| p == c.pairs[0]).unwrap();
        assert_eq!(c.position, Some((i + 1, kept.len())));
        assert_eq!(
            c.prev.map(|s| cmp.pair_of_anchor(&s.anchor).unwrap()),
            i.checked_sub(1).map(|j| kept[j])
        );
        // A focus the filter would hide is still shown, in its place in the document.
        let outside = (0..cmp.pairs.len()).find(|p| !kept.contains(p)).unwrap();
        let anchor = cmp
            .anchor(outside, Side::New)
            .or(cmp.anchor(outside, Side::Old))
            .unwrap();
        let c = card_of(&format!("{anchor}&themes=human-rights"), &frame()).unwrap();
        assert_eq!(c.pairs, [outside]);
        assert_eq!(c.sequence.len(), kept.len() + 1);
        assert!(c.sequence.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_search_shows_the_pairs_that_hold_it() {
        let cmp = Comparison::bundled();
        let c = card_of("q=information%20weapons", &element()).unwrap();
        assert!(!c.pairs.is_empty());
        for &p in &c.pairs {
            assert!(matches_query(&cmp, p, "information weapons"), "{}", pair_title(&cmp, p));
        }
        let missing: Vec<usize> = (0..cmp.pairs.len())
            .filter(|p| !c.pairs.contains(p) && matches_query(&cmp, *p, "information weapons"))
            .collect();
        assert!(missing.is_empty());
        assert!(c.title.starts_with("“information weapons”: "), "{}", c.title);
        let none = card_of("q=zzzzqqq", &element()).unwrap();
        assert!(
            none.pairs.is_empty(),
            "a search that finds nothing is an empty card, not the document"
        );
        assert!(none.title.starts_with("“zzzzqqq”: 0 aligned pairs"));
    }

    #[test]
    fn a_list_shows_those_provisions_in_its_order() {
        let c = card_of("show=2015-9,2011-f,2015-7,2015-99", &frame()).unwrap();
        assert_eq!(
            titles(&c.pairs)[..2],
            ["2011 (h) → 2015 (9)".to_string(), "2011 (f) → 2015 (7)".to_string()]
        );
        assert_eq!(c.pairs.len(), 2, "one pair once, unknown provisions dropped");
        assert!(c.title.starts_with("Selected provisions: 2 aligned pairs"));
        let one = card_of("show=2015-7", &frame()).unwrap();
        assert!(
            one.title.starts_with("2011 (f) → 2015 (7): 1 aligned pair"),
            "{}",
            one.title
        );
        // Focus within a list steps through the list.
        let c = card_of("2015-7&show=2015-9,2015-7,2015-8", &frame()).unwrap();
        assert_eq!(c.position, Some((2, 3)));
        assert_eq!(c.prev.unwrap().anchor.to_string(), "2015-9");
        assert_eq!(c.next.unwrap().anchor.to_string(), "2015-8");
    }

    #[test]
    fn statuses_name_each_side() {
        let cmp = Comparison::bundled();
        let p = cmp.pair_of_anchor(&Anchor::parse("2015-7").unwrap()).unwrap();
        let s = statuses(&cmp, p);
        assert_eq!(
            s.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            ["2011 (f)", "2015 (7)"]
        );
    }
}
