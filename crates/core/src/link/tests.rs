//! The link grammar's tests: fresh loads of every documented form, each key's rules, the
//! compatibility promises, and generated and mutated hashes.

use super::state::{tidy, valid_theme};
use super::*;
use crate::corpus::Part;
use crate::passage::{find_passage, passage_from_selection};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn anchor(s: &str) -> Anchor {
    Anchor::parse(s).unwrap_or_else(|| panic!("bad test anchor {s}"))
}

fn clean(hash: &str) -> ViewState {
    let parsed = parse(hash);
    assert_eq!(parsed.problems, [], "{hash}");
    parsed.state
}

#[test]
fn short_forms_forever() {
    for (hash, year, id) in [
        ("#2011-f", 2011, "f"),
        ("#2015-7", 2015, "7"),
        ("#2015-code-chapeau", 2015, "code-chapeau"),
        ("#2011-purpose-1", 2011, "purpose-1"),
        ("#2015-pre-3", 2015, "pre-3"),
        ("#2011-letter-2", 2011, "letter-2"),
        ("#2011-letter-signatures", 2011, "letter-signatures"),
    ] {
        for h in [hash, &hash[1..]] {
            let state = clean(h);
            let expected = ViewState {
                focus: Some(Anchor { year, id: id.into() }),
                ..ViewState::default()
            };
            assert_eq!(state, expected, "{h}");
            assert_eq!(format(&state), &hash[1..]);
            assert_eq!(state.focus.map(|a| a.to_string()).as_deref(), Some(&hash[1..]));
        }
    }
}

#[test]
fn anchors() {
    assert_eq!(
        Anchor::parse("0042-x").map(|a| a.to_string()).as_deref(),
        Some("0042-x")
    );
    for bad in [
        "", "2015", "2015-", "15-7", "20155-7", "2015-a b", "2015-é", "abcd-7", "2015_7", "+015-7",
    ] {
        assert_eq!(Anchor::parse(bad), None, "{bad}");
    }
    assert!(Anchor::parse(&format!("2015-{}", "x".repeat(MAX_ID_CHARS))).is_some());
    assert_eq!(Anchor::parse(&format!("2015-{}", "x".repeat(MAX_ID_CHARS + 1))), None);
    assert!(!Anchor {
        year: 10000,
        id: "x".into()
    }
    .is_valid());
}

#[test]
fn default_state_is_empty_hash() {
    assert_eq!(format(&ViewState::default()), "");
    for h in ["", "#", "  #  ", "&", "#&&"] {
        assert_eq!(clean(h), ViewState::default(), "{h:?}");
    }
}

#[test]
fn full_example() {
    let h = "#2015-7&themes=human-rights,sovereignty&match=all&view=inline&q=information%20weapons\
             &open=letter,preamble&text=start,end";
    let s = clean(h);
    assert_eq!(s.focus, Some(anchor("2015-7")));
    assert_eq!(s.themes, ["human-rights", "sovereignty"]);
    assert_eq!(s.match_mode, Match::All);
    assert_eq!(s.view, View::Inline);
    assert_eq!(s.query, "information weapons");
    assert_eq!(s.open, BTreeSet::from([Part::Letter, Part::Preamble]));
    assert_eq!(
        s.passage,
        Some(Passage {
            start: "start".into(),
            end: Some("end".into())
        })
    );
    assert!(s.notes);
    assert_eq!(
        format(&s),
        "2015-7&text=start,end&themes=human-rights,sovereignty&match=all&view=inline\
         &q=information%20weapons&open=letter,preamble"
    );
}

#[test]
fn documented_example_is_canonical() {
    let h = concat!(
        "2015-7&text=not%20to%20use,communications%20technologies&themes=human-rights,sovereignty",
        "&match=all&view=inline&q=information%20weapons&open=letter,preamble&notes=off"
    );
    assert_eq!(format(&clean(h)), h);
}

#[test]
fn themes_key() {
    assert_eq!(clean("themes=a,b-2").themes, ["a", "b-2"]);
    assert_eq!(
        clean("themes=B,a,b,,").themes,
        ["b", "a"],
        "lower-cased, de-duplicated, empties skipped"
    );
    assert_eq!(clean("themes=").themes, Vec::<String>::new());
    let p = parse("themes=ok,not%20ok,x_y");
    assert_eq!(p.state.themes, ["ok"]);
    assert_eq!(p.problems.len(), 2);
    assert!(p
        .problems
        .iter()
        .all(|p| p.key == "themes" && matches!(p.reason, Reason::Invalid(_))));
    let many: Vec<String> = (0..MAX_THEMES + 3).map(|i| format!("t{i}")).collect();
    let p = parse(&format!("themes={}", many.join(",")));
    assert_eq!(p.state.themes, many[..MAX_THEMES]);
    assert_eq!(p.problems.len(), 3);
    assert_eq!(
        format(&ViewState {
            themes: vec!["x".into()],
            ..ViewState::default()
        }),
        "themes=x"
    );
}

#[test]
fn match_key() {
    assert_eq!(clean("match=all").match_mode, Match::All);
    assert_eq!(clean("match=ALL").match_mode, Match::All);
    assert_eq!(clean("match=any").match_mode, Match::Any);
    assert_eq!(clean("match=").match_mode, Match::Any);
    let p = parse("match=most");
    assert_eq!((p.state.match_mode, p.problems.len()), (Match::Any, 1));
    assert_eq!(
        format(&ViewState {
            match_mode: Match::All,
            ..ViewState::default()
        }),
        "match=all"
    );
}

#[test]
fn view_key() {
    for v in View::ALL {
        assert_eq!(clean(&format!("view={}", v.key())).view, v);
        let expected = if v == View::Side {
            String::new()
        } else {
            format!("view={}", v.key())
        };
        assert_eq!(
            format(&ViewState {
                view: v,
                ..ViewState::default()
            }),
            expected
        );
    }
    let p = parse("view=sideways");
    assert_eq!((p.state.view, p.problems.len()), (View::Side, 1));
    assert_eq!(
        p.problems[0].to_string(),
        "view \"sideways\": expected side, inline, old or new; ignored"
    );
}

#[test]
fn q_key() {
    assert_eq!(clean("q=information%20weapons").query, "information weapons");
    assert_eq!(clean("q=a+b").query, "a+b", "plus is a plus");
    assert_eq!(clean("q=caf%C3%A9%2C%26%3D%25%23").query, "café,&=%#");
    assert_eq!(clean("q=café").query, "café", "raw UTF-8 accepted");
    let s = ViewState {
        query: "a b,&=%#~+é".into(),
        ..ViewState::default()
    };
    assert_eq!(format(&s), "q=a%20b%2C%26%3D%25%23%7E%2B%C3%A9");
    let p = parse(&format!("q={}", "é".repeat(MAX_QUERY_CHARS + 5)));
    assert_eq!(p.state.query.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(p.problems[0].reason, Reason::TooLong(MAX_QUERY_CHARS));
}

#[test]
fn open_key() {
    assert_eq!(
        clean("open=letter,code").open,
        BTreeSet::from([Part::Letter, Part::Code])
    );
    assert_eq!(clean("open=none").open, BTreeSet::new());
    assert_eq!(clean("open=").open, BTreeSet::new());
    assert_eq!(clean("open=code").open, BTreeSet::from([Part::Code]));
    let p = parse("open=annex,purpose");
    assert_eq!((p.state.open, p.problems.len()), (BTreeSet::from([Part::Purpose]), 1));
    let closed = ViewState {
        open: BTreeSet::new(),
        ..ViewState::default()
    };
    assert_eq!(format(&closed), "open=none");
    let all = ViewState {
        open: Part::ALL.into(),
        ..ViewState::default()
    };
    assert_eq!(format(&all), "open=letter,preamble,purpose,code");
    assert_eq!(
        format(&ViewState {
            open: BTreeSet::from([Part::Code]),
            ..ViewState::default()
        }),
        ""
    );
}

#[test]
fn text_key() {
    let s = clean("2015-7&text=not%20to%20use");
    assert_eq!(
        s.passage,
        Some(Passage {
            start: "not to use".into(),
            end: None
        })
    );
    let s = clean("2015-7&text=a%2Cb,c%20%20d");
    assert_eq!(
        s.passage,
        Some(Passage {
            start: "a,b".into(),
            end: Some("c d".into())
        })
    );
    assert_eq!(format(&s), "2015-7&text=a%2Cb,c%20d");
    assert_eq!(clean("2015-7&text=").passage, None);
    assert_eq!(
        clean("2015-7&text=a,").passage,
        Some(Passage {
            start: "a".into(),
            end: None
        })
    );
    let p = parse("text=a");
    assert_eq!(
        (p.state.passage, p.problems[0].reason.clone()),
        (None, Reason::NeedsFocus)
    );
    assert_eq!(parse("2015-7&text=a,b,c").problems.len(), 1);
    assert_eq!(parse("2015-7&text=,b").problems.len(), 1);
    let orphan = ViewState {
        passage: Some(Passage {
            start: "x".into(),
            end: None,
        }),
        ..ViewState::default()
    };
    assert_eq!(format(&orphan), "");
}

#[test]
fn notes_key() {
    assert!(!clean("notes=off").notes);
    assert!(clean("notes=on").notes);
    let p = parse("notes=maybe");
    assert!(p.state.notes && p.problems.len() == 1);
    assert_eq!(
        format(&ViewState {
            notes: false,
            ..ViewState::default()
        }),
        "notes=off"
    );
}

#[test]
fn compatibility_rules() {
    // Unknown keys and later bare words are ignored silently; the last duplicate wins.
    let s = clean("2011-f&colour=red&flag&view=old&view=new&zz=%ZZ");
    assert_eq!((s.focus, s.view), (Some(anchor("2011-f")), View::New));
    // Keys are case-sensitive: `View` is an unknown key.
    assert_eq!(clean("View=old").view, View::Side);
    // The browser's fragment directive is not ours.
    assert_eq!(clean("2015-7:~:text=foo").focus, Some(anchor("2015-7")));
    let p = parse("#2015 7&view=old");
    assert_eq!(
        (p.state.focus, p.state.view, p.problems[0].key),
        (None, View::Old, "focus")
    );
}

#[test]
fn broken_percent_encoding() {
    assert_eq!(clean("q=%").query, "%");
    assert_eq!(clean("q=100%25%G1%4").query, "100%%G1%4");
    let p = parse("q=%E2%82");
    assert_eq!(p.state.query, "\u{fffd}");
    assert_eq!(p.problems[0].reason, Reason::BadEncoding);
}

#[test]
fn huge_hash_is_cut_on_a_char_boundary() {
    let h = format!("2015-7&q={}", "é".repeat(MAX_HASH_BYTES));
    let p = parse(&h);
    assert_eq!(p.problems[0], Problem::new("link", "", Reason::TooLong(MAX_HASH_BYTES)));
    assert_eq!(p.state.query.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(p.state.focus, Some(anchor("2015-7")));
}

#[test]
fn largest_state_fits_the_cap() {
    let wide = "\u{10348}";
    let s = ViewState {
        focus: Some(Anchor {
            year: 2015,
            id: "x".repeat(MAX_ID_CHARS),
        }),
        themes: (0..MAX_THEMES)
            .map(|i| format!("{i:0>width$}", width = MAX_THEME_CHARS))
            .collect(),
        match_mode: Match::All,
        view: View::Inline,
        query: wide.repeat(MAX_QUERY_CHARS),
        open: BTreeSet::from([Part::Letter, Part::Preamble, Part::Purpose]),
        passage: Some(Passage {
            start: wide.repeat(MAX_PASSAGE_CHARS),
            end: Some(wide.repeat(MAX_PASSAGE_CHARS)),
        }),
        notes: false,
        show: Show::Provisions(
            (0..MAX_SHOWN)
                .map(|i| Anchor {
                    year: 2015,
                    id: format!("{i:x>width$}", width = MAX_ID_CHARS),
                })
                .collect(),
        ),
    };
    let h = format(&s);
    assert!(h.len() <= MAX_HASH_BYTES, "{}", h.len());
    assert_eq!(
        parse(&h),
        Parsed {
            state: s,
            problems: vec![]
        }
    );
}

#[test]
fn retain_known_drops_unknown() {
    let mut s = clean("2015-99&themes=a,zz,b&text=x");
    let problems = s.retain_known(|t| t != "zz", |a| a.id != "99");
    assert_eq!(
        (s.themes, s.focus, s.passage),
        (vec!["a".to_string(), "b".into()], None, None)
    );
    assert_eq!(problems.iter().map(|p| p.key).collect::<Vec<_>>(), ["themes", "focus"]);
    assert!(problems.iter().all(|p| p.reason == Reason::Unknown));
}

#[test]
fn selections() {
    assert_eq!(passage_from_selection(" \n\t"), None);
    let eight = "a b c d e f g h";
    assert_eq!(
        passage_from_selection(eight),
        Some(Passage {
            start: eight.into(),
            end: None
        })
    );
    let long = "x".repeat(MAX_PASSAGE_CHARS + 10);
    let p = passage_from_selection(&long).unwrap();
    assert_eq!(p.start.chars().count(), MAX_PASSAGE_CHARS);
}

#[test]
fn finding_passages() {
    let text = "Each State should cooperate\nin  combating “criminal” and terrorist activities that use \
                information and communications technologies—including networks.";
    let find = |start: &str, end: Option<&str>| {
        find_passage(
            text,
            &Passage {
                start: start.into(),
                end: end.map(Into::into),
            },
        )
        .map(|r| &text[r])
    };
    assert_eq!(find("COOPERATE IN combating", None), Some("cooperate\nin  combating"));
    assert_eq!(find("\"criminal\"", None), Some("“criminal”"));
    assert_eq!(find("technologies-including", None), Some("technologies—including"));
    assert_eq!(
        find("in combating", Some("communications technologies")),
        Some(concat!(
            "in  combating “criminal” and terrorist activities that use ",
            "information and communications technologies"
        ))
    );
    // End missing: the start alone. Start missing: the end alone.
    assert_eq!(
        find("terrorist activities", Some("no such words")),
        Some("terrorist activities")
    );
    assert_eq!(
        find("no such words", Some("including networks.")),
        Some("including networks.")
    );
    // Small edits: the longest leading run of start words, then trailing run of end words.
    assert_eq!(
        find("terrorist activities which use", None),
        Some("terrorist activities")
    );
    assert_eq!(
        find("zz", Some("altered text including networks.")),
        Some("including networks.")
    );
    assert_eq!(find("absent", Some("also absent")), None);
    assert_eq!(find("", None), None);
    assert_eq!(
        find_passage(
            "",
            &Passage {
                start: "a".into(),
                end: None
            }
        ),
        None
    );
    // Expanding lower-case maps back to whole source characters.
    let text = "İstanbul İ";
    let r = find_passage(
        text,
        &Passage {
            start: "i\u{307}stanbul".into(),
            end: None,
        },
    )
    .unwrap();
    assert_eq!(&text[r], "İstanbul");
    // A combining mark alone folds to nothing (the fold drops marks), so it finds nothing.
    let lone = Passage {
        start: "\u{307}".into(),
        end: None,
    };
    assert_eq!(find_passage(text, &lone), None);
}

/// The states `format` can express, and so `parse` can return.
fn is_valid(state: &ViewState) -> bool {
    let mut normalized = state.clone();
    normalized.normalize().is_empty()
        && normalized == *state
        && state.focus.as_ref().is_none_or(Anchor::is_valid)
        && state.themes.len() <= MAX_THEMES
        && state.themes.iter().all(|t| valid_theme(t))
        && state.query.chars().count() <= MAX_QUERY_CHARS
        && state
            .passage
            .as_ref()
            .is_none_or(|p| state.focus.is_some() && !p.start.is_empty())
        && match &state.show {
            Show::Provisions(list) => !list.is_empty() && list.len() <= MAX_SHOWN && list.iter().all(Anchor::is_valid),
            _ => true,
        }
}

/// A character from a random word: mostly lower-case letters, then URL syntax and
/// whitespace, then any character at all, then some awkward ones (wide, expanding, typographic).
fn tricky_char(seed: u32) -> char {
    const SYNTAX: [char; 14] = [
        ' ', ',', '&', '=', '%', '#', '~', ':', '+', '\n', '\t', '/', '?', '\u{a0}',
    ];
    const AWKWARD: [char; 10] = [
        'é',
        'ß',
        'İ',
        '中',
        '\u{10348}',
        '\u{fffd}',
        '’',
        '—',
        '\u{ad}',
        '\u{200b}',
    ];
    let pick = |list: &[char]| list[(seed >> 8) as usize % list.len()];
    match seed % 9 {
        0..=3 => char::from(b'a' + ((seed >> 8) % 26) as u8),
        4 | 5 => pick(&SYNTAX),
        6 | 7 => char::from_u32((seed >> 8) % 0x11_0000).unwrap_or('\u{fffd}'),
        _ => pick(&AWKWARD),
    }
}

/// Up to `max` characters of [`tricky_char`]s (plain `u32`s are much cheaper to generate).
fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u32>(), 0..=max).prop_map(|seeds| seeds.into_iter().map(tricky_char).collect())
}

const ID_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";

/// 1 to `max` characters from `chars`.
fn ascii_word(chars: &'static [u8], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 1..=max).prop_map(move |b| {
        b.into_iter()
            .map(|i| char::from(chars[usize::from(i) % chars.len()]))
            .collect()
    })
}

fn passage_text() -> impl Strategy<Value = String> {
    tricky_string(MAX_PASSAGE_CHARS).prop_map(|s| tidy(&s).0)
}

fn valid_state() -> impl Strategy<Value = ViewState> {
    let focus =
        prop::option::of((0u16..=9999, ascii_word(ID_CHARS, MAX_ID_CHARS)).prop_map(|(year, id)| Anchor { year, id }));
    let passage = prop::option::of((passage_text(), prop::option::of(passage_text())));
    let themes = prop::collection::vec(ascii_word(&ID_CHARS[26..], MAX_THEME_CHARS), 0..=MAX_THEMES);
    let open = prop::collection::btree_set(prop::sample::select(Part::ALL.to_vec()), 0..=4);
    let anchors = prop::collection::vec(
        (0u16..=9999, ascii_word(ID_CHARS, MAX_ID_CHARS)).prop_map(|(year, id)| Anchor { year, id }),
        1..=MAX_SHOWN,
    );
    let show = prop_oneof![
        2 => Just(Show::Named),
        1 => Just(Show::All),
        1 => anchors.prop_map(|mut list| {
            let mut seen = BTreeSet::new();
            list.retain(|a| seen.insert(a.clone()));
            Show::Provisions(list)
        }),
    ];
    let enums = (
        prop::sample::select(vec![Match::Any, Match::All]),
        prop::sample::select(View::ALL.to_vec()),
    );
    (
        focus,
        passage,
        themes,
        enums,
        tricky_string(MAX_QUERY_CHARS),
        open,
        any::<bool>(),
        show,
    )
        .prop_map(
            |(focus, passage, mut themes, (match_mode, view), query, open, notes, show)| {
                let mut seen = BTreeSet::new();
                themes.retain(|t| seen.insert(t.clone()));
                let passage = passage
                    .filter(|(start, _)| focus.is_some() && !start.is_empty())
                    .map(|(start, end)| Passage {
                        start,
                        end: end.filter(|e| !e.is_empty()),
                    });
                ViewState {
                    focus,
                    themes,
                    match_mode,
                    view,
                    query,
                    open,
                    passage,
                    notes,
                    show,
                }
            },
        )
}

/// Hashes as found in the wild: generated from tokens, random text, random bytes,
/// huge repetitions, and mutations of well-formed links.
fn wild_hash() -> impl Strategy<Value = String> {
    const TOKENS: &str = "#|&|=|,|%|%G1|%E2%82|%C3%A9|%2C|%26|%00|%FF|:~:|2015-7|2011-f|2015-code-chapeau|2011-|\
        text|themes|match|view|q|open|notes|show|none|all|any|inline|old|new|side|on|off|letter|code|human-rights|\
        Sovereignty| |\n|é|İ|\u{10348}|+|~|zz";
    let token = prop::sample::select(TOKENS.split('|').collect::<Vec<_>>());
    let tokens = prop::collection::vec(token, 0..40).prop_map(|t| t.concat());
    let bytes = prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| String::from_utf8_lossy(&b).into_owned());
    let huge = (tricky_string(20), 100usize..2000).prop_map(|(s, n)| format!("2015-7&q={}", s.repeat(n)));
    let mutation = (any::<prop::sample::Index>(), 0usize..4, tricky_string(6));
    let mutated = (valid_state(), prop::collection::vec(mutation, 1..6)).prop_map(|(state, edits)| {
        let mut h: Vec<char> = format(&state).chars().collect();
        for (at, kind, with) in edits {
            let i = at.index(h.len() + 1);
            match kind {
                0 => h.splice(i..i, with.chars()).for_each(drop),
                1 => h.truncate(i),
                2 => h.drain(i..(i + 3).min(h.len())).for_each(drop),
                _ => h.splice(i..(i + 1).min(h.len()), with.chars()).for_each(drop),
            }
        }
        String::from_iter(h)
    });
    prop_oneof![
        3 => tokens,
        2 => tricky_string(200),
        1 => bytes,
        1 => huge,
        3 => valid_state().prop_map(|s| format(&s)),
        4 => mutated,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn valid_states_round_trip(state in valid_state()) {
        prop_assert!(is_valid(&state), "generator made an invalid state: {state:?}");
        let hash = format(&state);
        prop_assert!(hash.len() <= MAX_HASH_BYTES);
        prop_assert_eq!(parse(&hash), Parsed { state: state.clone(), problems: vec![] });
        prop_assert_eq!(parse(&format!("#{hash}")).state, state);
    }

    #[test]
    fn any_state_formats_as_its_normalised_self(
        state in valid_state(),
        extra_theme in tricky_string(50),
        query in tricky_string(MAX_QUERY_CHARS + 50),
        start in tricky_string(MAX_PASSAGE_CHARS + 30),
    ) {
        let mut state = state;
        state.themes.push(extra_theme);
        state.query = query;
        state.passage = Some(Passage { start, end: None });
        let mut normalized = state.clone();
        normalized.normalize();
        prop_assert!(is_valid(&normalized));
        prop_assert_eq!(parse(&format(&state)).state, normalized);
    }

    #[test]
    fn selections_are_found(text in tricky_string(300), a: prop::sample::Index, b: prop::sample::Index) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = (a.get(&bounds), b.get(&bounds));
        let selected = &text[*x.min(y)..*x.max(y)];
        if let Some(passage) = passage_from_selection(selected) {
            prop_assert!(passage.start.chars().count() <= MAX_PASSAGE_CHARS);
            let range = find_passage(&text, &passage);
            let range = range.ok_or_else(|| TestCaseError::fail(format!("{passage:?} not in {text:?}")))?;
            prop_assert!(text.get(range).is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn fuzz_parse(hash in wild_hash(), text in tricky_string(80)) {
        let parsed = parse(&hash);
        let state = &parsed.state;
        prop_assert!(is_valid(state), "invalid state {state:?} from {hash:?}");
        let again = parse(&format(state));
        prop_assert_eq!(&again.state, state, "not idempotent for {:?}", hash);
        prop_assert_eq!(again.problems, vec![]);
        // Every problem names what the reader wrote: the link as a whole, its short
        // form, or a key the hash holds.
        for p in &parsed.problems {
            prop_assert!(
                matches!(p.key, "link" | "focus") || hash.contains(&format!("{}=", p.key)),
                "{p:?} names no key of {hash:?}"
            );
        }
        // Whatever passage a link carries, looking for it is safe.
        let passage = Passage { start: hash.chars().take(20).collect(), end: Some(text.clone()) };
        if let Some(r) = find_passage(&text, &passage) {
            prop_assert!(text.get(r).is_some());
        }
    }
}

#[test]
fn show_names_what_an_embed_shows() {
    // Omitted: what the rest of the link names. `all`: the whole document. A list: those provisions.
    assert_eq!(clean("2015-7").show, Show::Named);
    assert_eq!(clean("2015-7&show=all").show, Show::All);
    assert_eq!(clean("show=ALL").show, Show::All);
    assert_eq!(
        clean("show=2015-7,2011-f,2015-7").show,
        Show::Provisions(vec![anchor("2015-7"), anchor("2011-f")])
    );
    assert_eq!(clean("show=").show, Show::Named, "empty means the default");
    // Round trips, in the canonical place (last).
    for hash in [
        "2015-7&themes=human-rights&show=all",
        "show=2015-7,2015-8",
        "2015-8&view=inline&show=2015-7,2015-8,2015-9",
    ] {
        let p = parse(hash);
        assert!(p.problems.is_empty(), "{hash}: {:?}", p.problems);
        assert_eq!(format(&p.state), hash);
    }
    // A bad item is reported and dropped; the rest of the list stays.
    let p = parse("show=2015-7,seven,2015-8");
    assert_eq!(p.state.show, Show::Provisions(vec![anchor("2015-7"), anchor("2015-8")]));
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].key, "show");
    let p = parse("show=everything");
    assert_eq!(p.state.show, Show::Named);
    assert_eq!(
        p.problems[0].to_string(),
        "show \"everything\": expected all, or provisions such as 2015-7,2015-8; ignored"
    );
    // Capped, and unknown provisions are dropped by retain_known like an unknown focus.
    let many: Vec<String> = (1..=MAX_SHOWN + 3).map(|i| format!("2015-{i}")).collect();
    let p = parse(&format!("show={}", many.join(",")));
    assert!(matches!(&p.state.show, Show::Provisions(l) if l.len() == MAX_SHOWN));
    assert!(p
        .problems
        .iter()
        .all(|q| q.key == "show" && q.reason == Reason::TooMany(MAX_SHOWN)));
    let mut s = parse("show=2015-7,2015-99").state;
    let lost = s.retain_known(|_| true, |a| a.id != "99");
    assert_eq!(s.show, Show::Provisions(vec![anchor("2015-7")]));
    assert_eq!((lost[0].key, lost[0].reason.clone()), ("show", Reason::Unknown));
    let mut s = parse("show=2015-99").state;
    s.retain_known(|_| true, |a| a.id != "99");
    assert_eq!(s.show, Show::Named, "an emptied list is the default again");
}
