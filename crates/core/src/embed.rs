//! Options of an embedded widget: the `<draft-diff>` attributes and the `mount()` options.
//!
//! They arrive from JavaScript through `serde-wasm-bindgen` into [`EmbedOptions`]; this module
//! turns them into a [`ViewState`] with the same rules as links, and never fails: an invalid
//! option falls back to its default with a warning that names the attribute.
//!
//! ```
//! use draftdiff_core::embed::EmbedOptions;
//! let o = EmbedOptions { provision: Some("2015-7".into()), view: Some("sideways".into()), ..Default::default() };
//! let r = o.resolve(|_| true, |_| true);
//! assert_eq!(r.state.focus.unwrap().to_string(), "2015-7");
//! assert!(r.warnings[0].contains("view=\"sideways\""));
//! ```

pub use crate::link::options::ColorScheme;
use crate::link::{options, Anchor, Match, Problem, Reason, View, ViewState};
use serde::Deserialize;

/// What a host may set, all optional text (attributes are strings).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct EmbedOptions {
    /// Provision to open at, `<year>-<id>`.
    pub provision: Option<String>,
    /// Theme ids, separated by commas or spaces.
    pub themes: Option<String>,
    /// `any` or `all`.
    #[serde(rename = "match")]
    pub match_mode: Option<String>,
    /// `side`, `inline`, `old` or `new`.
    pub view: Option<String>,
    /// Search query.
    pub q: Option<String>,
    /// `on` or `off`.
    pub notes: Option<String>,
    /// `light` or `dark` (default: the reader's preference).
    pub scheme: Option<String>,
    /// The first name of `scheme`, accepted forever.
    pub theme: Option<String>,
    /// URL of the full page, for "Open the full comparison" and shared links.
    pub page: Option<String>,
}

/// Options turned into a state, with a warning per rejected option.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The state to open with.
    pub state: ViewState,
    /// Forced colour scheme.
    pub color: Option<ColorScheme>,
    /// Readable warnings, each naming its attribute.
    pub warnings: Vec<String>,
}

fn warn(attr: &str, value: &str, expected: &str) -> String {
    let shown: String = value.chars().take(60).collect();
    format!("draft-diff: attribute {attr}=\"{shown}\" is ignored: expected {expected}")
}

impl EmbedOptions {
    /// The state these options describe, with the link grammar's rules for every value (the
    /// same case rules and the same "expected …" words); well-formed themes and provisions that
    /// `known_theme` / `known_anchor` reject are dropped with a warning too.
    pub fn resolve(&self, known_theme: impl Fn(&str) -> bool, known_anchor: impl Fn(&Anchor) -> bool) -> Resolved {
        let mut state = ViewState::default();
        let mut warnings = Vec::new();
        let mut problems: Vec<Problem> = Vec::new();
        if let Some(p) = self.provision.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            match Anchor::parse(p.trim_start_matches('#')) {
                Some(a) => state.focus = Some(a),
                None => warnings.push(warn(
                    "provision",
                    p,
                    "a provision of these drafts, such as 2015-7 or 2011-f",
                )),
            }
        }
        if let Some(list) = &self.themes {
            state.themes = list
                .split([',', ' '])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
        }
        let mut option =
            |name: &str, value: &Option<String>, read: &dyn Fn(&str, &mut ViewState) -> Result<(), &'static str>| {
                if let Some(v) = value.as_deref() {
                    if let Err(expected) = read(v, &mut state) {
                        warnings.push(warn(name, v, expected));
                    }
                }
            };
        option("match", &self.match_mode, &|v, s| {
            Ok(s.match_mode = options::match_mode(v)?)
        });
        option("view", &self.view, &|v, s| Ok(s.view = options::view(v)?));
        option("notes", &self.notes, &|v, s| Ok(s.notes = options::notes(v)?));
        if let Some(q) = &self.q {
            state.query = q.clone();
        }
        let (scheme_name, scheme) = match (&self.scheme, &self.theme) {
            (Some(s), _) => (options::SCHEME_NAMES[0], Some(s)),
            (None, t) => (options::SCHEME_NAMES[1], t.as_ref()),
        };
        let color = scheme.and_then(|v| match options::scheme(v) {
            Ok(c) => Some(c),
            Err(expected) => {
                warnings.push(warn(scheme_name, v, expected));
                None
            }
        });
        problems.extend(state.normalize());
        problems.extend(state.retain_known(known_theme, known_anchor));
        for p in problems {
            warnings.push(match (p.key, &p.reason) {
                ("focus", Reason::Unknown) => warn(
                    "provision",
                    &p.value,
                    "a provision of these drafts, such as 2015-7 or 2011-f",
                ),
                ("themes", Reason::Unknown) => {
                    warn("themes", &p.value, "theme ids such as human-rights or sovereignty")
                }
                _ => format!("draft-diff: {p}"),
            });
        }
        Resolved { state, color, warnings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_options_become_a_state() {
        let o = EmbedOptions {
            provision: Some("2011-f".into()),
            themes: Some("human-rights, sovereignty".into()),
            match_mode: Some("all".into()),
            view: Some("inline".into()),
            q: Some("information".into()),
            notes: Some("off".into()),
            theme: Some("dark".into()),
            ..Default::default()
        };
        let r = o.resolve(|_| true, |_| true);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.state.themes, ["human-rights", "sovereignty"]);
        assert_eq!(
            (r.state.match_mode, r.state.view, r.state.notes),
            (Match::All, View::Inline, false)
        );
        assert_eq!(r.color, Some(ColorScheme::Dark));
    }

    #[test]
    fn each_bad_option_falls_back_and_is_named() {
        let o = EmbedOptions {
            provision: Some("2015-99".into()),
            themes: Some("human-rights nonsense".into()),
            match_mode: Some("most".into()),
            view: Some("3d".into()),
            notes: Some("maybe".into()),
            theme: Some("neon".into()),
            ..Default::default()
        };
        let r = o.resolve(|t| t == "human-rights", |a| a.id != "99");
        assert_eq!(r.state.focus, None);
        assert_eq!(r.state.themes, ["human-rights"]);
        assert_eq!(r.state.view, View::Side);
        for attr in [
            "provision=",
            "themes=\"nonsense\"",
            "match=",
            "view=",
            "notes=",
            "theme=",
        ] {
            assert!(r.warnings.iter().any(|w| w.contains(attr)), "{attr}: {:?}", r.warnings);
        }
    }

    #[test]
    fn attributes_follow_the_link_grammar_case_rules() {
        let o = EmbedOptions {
            themes: Some("Human-Rights".into()),
            notes: Some("OFF".into()),
            view: Some("Inline".into()),
            scheme: Some("Dark".into()),
            theme: Some("light".into()),
            ..Default::default()
        };
        let r = o.resolve(|t| t == "human-rights", |_| true);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.state.themes, ["human-rights"]);
        assert!(!r.state.notes);
        assert_eq!(r.state.view, View::Inline);
        assert_eq!(r.color, Some(ColorScheme::Dark), "`scheme` wins over the old `theme`");
        let link = crate::link::parse("themes=Human-Rights&notes=OFF&view=Inline").state;
        assert_eq!(
            (link.themes, link.notes, link.view),
            (r.state.themes, r.state.notes, r.state.view)
        );
        let old = EmbedOptions {
            theme: Some("neon".into()),
            ..Default::default()
        }
        .resolve(|_| true, |_| true);
        assert!(old.warnings[0].contains("theme=\"neon\""), "{:?}", old.warnings);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        #[test]
        fn any_options_resolve_to_a_valid_state(
            p in proptest::option::of("\\PC{0,20}"), t in proptest::option::of("\\PC{0,30}"),
            m in proptest::option::of("\\PC{0,6}"), v in proptest::option::of("\\PC{0,8}"),
            q in proptest::option::of("\\PC{0,300}"), n in proptest::option::of("\\PC{0,4}"),
        ) {
            let o = EmbedOptions { provision: p, themes: t, match_mode: m, view: v, q, notes: n, ..Default::default() };
            let mut state = o.resolve(|_| true, |_| true).state;
            let before = state.clone();
            prop_assert!(state.normalize().is_empty());
            prop_assert_eq!(state, before);
        }
    }
}

/// Escapes a value for a double-quoted HTML attribute.
fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The two snippets a blogger can paste for a view: an auto-sizing iframe and the script-tag element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    /// `<iframe …>` plus the host script that sizes it.
    pub iframe: String,
    /// `<script type="module" …>` plus a `<draft-diff …>` element.
    pub element: String,
    /// The iframe's URL (for a live preview).
    pub frame_url: String,
}

/// Snippets for `state`, with `base` the folder the widget is served from (ending in `/`).
/// `instance` names the iframe so the host script can size the right one.
pub fn snippets(base: &str, state: &ViewState, instance: &str) -> Snippets {
    let hash = crate::link::format(state);
    let frame_url = format!(
        "{base}index.html?embed=1&id={instance}{}",
        if hash.is_empty() {
            String::new()
        } else {
            format!("#{hash}")
        }
    );
    let iframe = format!(
        "<iframe data-draftdiff=\"{id}\" src=\"{src}\" title=\"Comparison of the 2011 and 2015 drafts of the International code of conduct for information security\" style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{host}\" defer></script>",
        id = attr(instance),
        src = attr(&frame_url),
        host = attr(&format!("{base}draftdiff-host.js")),
    );
    let mut attrs = String::new();
    let mut add = |name: &str, value: &str| attrs.push_str(&format!(" {name}=\"{}\"", attr(value)));
    if let Some(f) = &state.focus {
        add("provision", &f.to_string());
    }
    if !state.themes.is_empty() {
        add("themes", &state.themes.join(","));
    }
    if state.match_mode != Match::Any {
        add("match", state.match_mode.key());
    }
    if state.view != View::Side {
        add("view", state.view.key());
    }
    if !state.query.is_empty() {
        add("q", &state.query);
    }
    let element = format!(
        "<script type=\"module\" src=\"{}\"></script>\n<draft-diff{attrs}></draft-diff>",
        attr(&format!("{base}draftdiff-embed.js"))
    );
    Snippets {
        iframe,
        element,
        frame_url: frame_url.clone(),
    }
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn snippets_carry_the_view_and_escape_what_they_quote() {
        let mut state = crate::link::parse("2015-7&themes=human-rights&view=inline").state;
        state.query = "\"><script>alert(1)</script>".into();
        let s = snippets("https://example.org/dd/", &state, "dd1");
        assert!(s.iframe.contains("src=\"https://example.org/dd/index.html?embed=1&amp;id=dd1#2015-7&amp;themes=human-rights&amp;view=inline&amp;q="));
        assert!(s.iframe.contains("data-draftdiff=\"dd1\"") && s.iframe.contains("draftdiff-host.js"));
        assert!(s.element.contains(
            "<draft-diff provision=\"2015-7\" themes=\"human-rights\" view=\"inline\" q=\"&quot;&gt;&lt;script&gt;"
        ));
        assert!(!s.element.contains("<script>alert") && !s.iframe.contains("<script>alert"));
        assert_eq!(s.frame_url.matches('#').count(), 1);
    }

    #[test]
    fn the_default_view_gives_a_bare_element() {
        let s = snippets("./", &ViewState::default(), "a");
        assert!(s.element.ends_with("<draft-diff></draft-diff>"));
        assert!(s.frame_url.ends_with("embed=1&id=a"));
    }
}
