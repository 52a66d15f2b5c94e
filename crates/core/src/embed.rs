//! Options of an embedded widget: the `<draft-diff>` attributes and the `mount()` options.
//!
//! They arrive from JavaScript as an object of strings, read name by name ([`EmbedOptions::NAMES`],
//! [`EmbedOptions::set`]: a dozen optional strings need no deserialiser, and leaving serde out of the
//! viewer keeps its wasm smaller, see BENCHMARKS.md); this module turns them into a [`ViewState`]
//! with the same rules as links, and never fails: an invalid option falls back to its default with
//! a warning that names the attribute.
//!
//! ```
//! use draftdiff_core::embed::EmbedOptions;
//! let o = EmbedOptions { provision: Some("2015-7".into()), view: Some("sideways".into()), ..Default::default() };
//! let r = o.resolve(|_| true, |_| true);
//! assert_eq!(r.state.focus.unwrap().to_string(), "2015-7");
//! assert!(r.warnings[0].contains("view=\"sideways\""));
//! ```

pub use crate::link::options::ColorScheme;
use crate::link::{options, Anchor, Match, Problem, Reason, Show, View, ViewState};

/// What a host may set, all optional text (attributes are strings).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// Provision to open at, `<year>-<id>`.
    pub provision: Option<String>,
    /// Theme ids, separated by commas or spaces.
    pub themes: Option<String>,
    /// `any` or `all` (the option named `match`).
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
    /// A passage of the provision, in the link's own form (`text=` value: percent-encoded
    /// `start[,end]`); needs `provision`.
    pub text: Option<String>,
    /// Sections to open, in the link's own form (`open=` value: `preamble,code`, `none`).
    pub open: Option<String>,
    /// What the embed shows, in the link's own form (`show=` value: `all`, or provisions
    /// `2015-7,2015-8`); by default what the other options name (see `view::card`).
    pub show: Option<String>,
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
    /// Every option's name, as an attribute of `<draft-diff>` and a key of `mount()`'s options.
    pub const NAMES: [&'static str; 12] = [
        "provision",
        "themes",
        "match",
        "view",
        "q",
        "notes",
        "scheme",
        "theme",
        "text",
        "open",
        "show",
        "page",
    ];

    /// Sets the option called `name`; false for a name that is not one of [`Self::NAMES`].
    pub fn set(&mut self, name: &str, value: String) -> bool {
        let field = match name {
            "provision" => &mut self.provision,
            "themes" => &mut self.themes,
            "match" => &mut self.match_mode,
            "view" => &mut self.view,
            "q" => &mut self.q,
            "notes" => &mut self.notes,
            "scheme" => &mut self.scheme,
            "theme" => &mut self.theme,
            "text" => &mut self.text,
            "open" => &mut self.open,
            "show" => &mut self.show,
            "page" => &mut self.page,
            _ => return false,
        };
        *field = Some(value);
        true
    }

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
        for (key, value) in [
            ("match", &self.match_mode),
            ("view", &self.view),
            ("notes", &self.notes),
        ] {
            if let Some(v) = value.as_deref() {
                if let Err(expected) = options::apply(key, v, &mut state) {
                    warnings.push(warn(key, v, expected));
                }
            }
        }
        if let Some(q) = &self.q {
            state.query = q.clone();
        }
        // `text`, `open` and `show` carry the link's own encoding: read them with the link's parser.
        for (key, value) in [("text", &self.text), ("open", &self.open), ("show", &self.show)] {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                let focus = state.focus.as_ref().map(Anchor::to_string).unwrap_or_default();
                let parsed = crate::link::parse(&format!("{focus}&{key}={v}"));
                match key {
                    "text" => state.passage = parsed.state.passage,
                    "open" => state.open = parsed.state.open,
                    _ => state.show = parsed.state.show,
                }
                problems.extend(parsed.problems.into_iter().filter(|p| p.key == key));
            }
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
                ("show", Reason::Unknown) => warn(
                    "show",
                    &p.value,
                    "provisions of these drafts, such as 2015-7,2011-f, or all",
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
    fn every_name_sets_its_own_option() {
        let mut seen: Vec<EmbedOptions> = Vec::new();
        for name in EmbedOptions::NAMES {
            let mut o = EmbedOptions::default();
            assert!(o.set(name, "x".into()), "{name}");
            assert_ne!(o, EmbedOptions::default(), "{name}");
            assert!(!seen.contains(&o), "{name} sets the same field as another name");
            seen.push(o);
        }
        let mut o = EmbedOptions::default();
        assert!(!o.set("provisions", "2015-7".into()));
        assert_eq!(o, EmbedOptions::default());
        assert!(o.set("match", "all".into()));
        assert_eq!(o.match_mode.as_deref(), Some("all"));
    }

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
    fn passages_and_open_sections_use_the_link_encoding() {
        let o = EmbedOptions {
            provision: Some("2011-f".into()),
            text: Some("not%20to%20use,information%20weapons".into()),
            open: Some("preamble,code".into()),
            ..Default::default()
        };
        let r = o.resolve(|_| true, |_| true);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let link = crate::link::parse("2011-f&text=not%20to%20use,information%20weapons&open=preamble,code").state;
        assert_eq!((r.state.passage, r.state.open), (link.passage, link.open));
        let lone = EmbedOptions {
            text: Some("x".into()),
            open: Some("annex".into()),
            ..Default::default()
        };
        let r = lone.resolve(|_| true, |_| true);
        assert_eq!(r.state.passage, None);
        assert!(r.warnings.iter().any(|w| w.contains("text")), "{:?}", r.warnings);
        assert!(
            r.warnings.iter().any(|w| w.contains("open \"annex\"")),
            "{:?}",
            r.warnings
        );
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
    /// The WordPress plugin's shortcode (`integrations/wordpress`), which every role may use.
    pub wordpress: String,
    /// The Hugo shortcode (`integrations/hugo`).
    pub hugo: String,
    /// A plain link for platforms that take no HTML (Substack, Medium, Ghost's bookmark card): the
    /// provision's own page, whose preview card shows its change, or the full page.
    pub link: String,
}

/// What the snippets call the view, for the iframe's `title` and the element's fallback link:
/// the focused provision as readers name it (`2015 (7)`), the document, and the theme filter.
fn view_title(state: &ViewState) -> String {
    let [old, new] = crate::corpus::bundled();
    let doc = format!(
        "{}, {} and {} drafts compared",
        new.title,
        old.short_name(),
        new.short_name()
    );
    let focus = state.focus.as_ref().map(|a| {
        [old, new]
            .into_iter()
            .find(|d| d.year == a.year)
            .and_then(|d| {
                d.provision(&a.id)
                    .map(|p| format!("{} {}", d.short_name(), p.display_label()))
            })
            .unwrap_or_else(|| a.to_string())
    });
    let themes: Vec<&str> = state
        .themes
        .iter()
        .map(|id| crate::themes::by_id(id).map_or(id.as_str(), |(_, t)| t.name))
        .collect();
    let mut title = match focus {
        Some(f) => format!("{f} \u{2014} {doc}"),
        None => doc,
    };
    if !themes.is_empty() {
        title.push_str(&format!(" (themes: {})", themes.join(", ")));
    }
    title
}

/// The value of `key=` in a formatted hash (still percent-encoded, as [`crate::link::parse`] reads it).
fn hash_value<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    hash.split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

/// The page a card iframe loads (written by the build from the full page): the same static text,
/// but it starts the lean card entry (`crates/card`) instead of the full widget, about a quarter
/// less to download. It still shows the whole document when the state names none (the card entry
/// then hands over to the full widget), just later.
pub const CARD_PAGE: &str = "embed.html";

/// The attribute on the card page's root (`#draftdiff`) that says it is an iframe's page: the
/// build sets it, the entries read it (the loader and the stylesheet spell it too).
pub const CARD_PAGE_ROOT: &str = "data-frame";

/// The iframe's page and query up to the instance id, for a view: the card page when the view
/// opens as a card (`view::card::names_card`), else the full page in its compact iframe mode
/// (`index.html?embed=1`, which also takes cards, as every snippet made before the card page did).
pub fn frame_page(state: &ViewState) -> String {
    if crate::view::card::names_card(state) {
        format!("{CARD_PAGE}?id=")
    } else {
        "index.html?embed=1&id=".to_string()
    }
}

/// Snippets for `state`, with `base` the folder the widget is served from (ending in `/`).
/// `instance` names the iframe so the host script can size the right one.
///
/// Both carry the whole state, so an embed shows what the view names as a card (a focused
/// provision, a theme, a search; see `view::card`). A view that names nothing asks for the whole
/// document in so many words (`show=all`), so a snippet never depends on a default.
///
/// The element also carries, as light-DOM content, a link to the
/// same view on the widget's site: readers see it wherever the module cannot load (blocked by
/// CORS or a Content-Security-Policy, offline, no JavaScript), and crawlers index it.
pub fn snippets(base: &str, state: &ViewState, instance: &str) -> Snippets {
    let mut embedded = state.clone();
    if embedded.show == Show::Named
        && embedded.focus.is_none()
        && embedded.themes.is_empty()
        && embedded.query.trim().is_empty()
    {
        embedded.show = Show::All;
    }
    let state = &embedded;
    let hash = crate::link::format(state);
    let fragment = if hash.is_empty() {
        String::new()
    } else {
        format!("#{hash}")
    };
    let frame_url = format!("{base}{}{instance}{fragment}", frame_page(state));
    let title = view_title(state);
    let iframe = format!(
        "<iframe data-draftdiff=\"{id}\" src=\"{src}\" title=\"{title}\" allow=\"clipboard-write\" style=\"display:block;width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{host}\" defer></script>",
        id = attr(instance),
        src = attr(&frame_url),
        title = attr(&title),
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
    // The passage and the open sections take the link's own syntax, so they go through its parser.
    for key in ["text", "open"] {
        if let Some(value) = hash_value(&hash, key) {
            add(key, value);
        }
    }
    if !state.notes {
        add("notes", "off");
    }
    // The shortcodes take the same attributes as the element (their passage and sections too);
    // the plugins do not know `show` yet, so it is the element's alone.
    let wordpress = format!("[draftdiff{attrs}]");
    let hugo = format!("{{{{< draftdiff{attrs} >}}}}");
    if let Some(value) = hash_value(&hash, "show") {
        attrs.push_str(&format!(" show=\"{}\"", attr(value)));
    }
    let link = match &state.focus {
        Some(f) => {
            let rest = hash.split_once('&').map(|(_, r)| format!("#{r}")).unwrap_or_default();
            format!("{base}p/{f}/{rest}")
        }
        None => format!("{base}index.html{fragment}"),
    };
    let element = format!(
        "<script type=\"module\" src=\"{}\"></script>\n<draft-diff{attrs}><a href=\"{}\">{}</a></draft-diff>",
        attr(&format!("{base}draftdiff-embed.js")),
        attr(&format!("{base}index.html{fragment}")),
        attr(&title),
    );
    Snippets {
        iframe,
        element,
        frame_url,
        wordpress,
        hugo,
        link,
    }
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn every_platform_gets_its_form_of_the_same_view() {
        let state = crate::link::parse("2015-7&themes=human-rights&view=inline").state;
        let s = snippets("https://example.org/dd/", &state, "dd1");
        assert_eq!(
            s.wordpress,
            r#"[draftdiff provision="2015-7" themes="human-rights" view="inline"]"#
        );
        assert_eq!(
            s.hugo,
            r#"{{< draftdiff provision="2015-7" themes="human-rights" view="inline" >}}"#
        );
        assert_eq!(
            s.link,
            "https://example.org/dd/p/2015-7/#themes=human-rights&view=inline"
        );
        let plain = snippets("https://example.org/dd/", &crate::link::parse("2011-f").state, "a");
        assert_eq!(plain.link, "https://example.org/dd/p/2011-f/");
        let none = snippets("./", &crate::link::parse("themes=sovereignty").state, "a");
        assert_eq!(none.link, "./index.html#themes=sovereignty");
    }

    #[test]
    fn snippets_carry_the_view_and_escape_what_they_quote() {
        let mut state = crate::link::parse("2015-7&themes=human-rights&view=inline").state;
        state.query = "\"><script>alert(1)</script>".into();
        let s = snippets("https://example.org/dd/", &state, "dd1");
        assert!(s.iframe.contains(
            "src=\"https://example.org/dd/embed.html?id=dd1#2015-7&amp;themes=human-rights&amp;view=inline&amp;q="
        ));
        assert!(s.iframe.contains("data-draftdiff=\"dd1\"") && s.iframe.contains("draftdiff-host.js"));
        assert!(s.element.contains(
            "<draft-diff provision=\"2015-7\" themes=\"human-rights\" view=\"inline\" q=\"&quot;&gt;&lt;script&gt;"
        ));
        assert!(!s.element.contains("<script>alert") && !s.iframe.contains("<script>alert"));
        assert_eq!(s.frame_url.matches('#').count(), 1);
    }

    #[test]
    fn the_default_view_asks_for_the_whole_document() {
        let s = snippets("./", &ViewState::default(), "a");
        assert!(s.element.ends_with(
            "<draft-diff show=\"all\"><a href=\"./index.html#show=all\">International code of conduct for information security, 2011 and 2015 drafts compared</a></draft-diff>"
        ), "{}", s.element);
        assert!(s.frame_url.ends_with("embed=1&id=a#show=all"));
        assert_eq!(s.wordpress, "[draftdiff]");
    }

    #[test]
    fn a_view_that_names_a_provision_or_theme_embeds_as_a_card() {
        use crate::view::{card::card, Host};
        let cmp = crate::compare::Comparison::bundled();
        for hash in [
            "2015-7",
            "2015-7&themes=human-rights",
            "themes=sovereignty",
            "q=weapons",
        ] {
            let s = snippets("https://example.org/dd/", &crate::link::parse(hash).state, "dd1");
            assert!(!s.frame_url.contains("show="), "{}", s.frame_url);
            assert!(!s.element.contains(" show="), "{}", s.element);
            // The iframe loads the card page, and what it and the element open with is a card.
            assert!(
                s.frame_url.starts_with("https://example.org/dd/embed.html?id=dd1#"),
                "{}",
                s.frame_url
            );
            let framed = crate::link::parse(s.frame_url.split_once('#').unwrap().1).state;
            assert!(
                card(&cmp, &framed, &Host::Frame { instance: "dd1".into() }).is_some(),
                "{hash}"
            );
        }
        let all = snippets("./", &crate::link::parse("2015-7&show=all").state, "a");
        assert!(all.frame_url.ends_with("#2015-7&show=all") && all.element.contains(" show=\"all\""));
        // The whole document is the full widget's: its page, in iframe mode.
        assert!(
            all.frame_url.starts_with("./index.html?embed=1&id=a#"),
            "{}",
            all.frame_url
        );
        let list = EmbedOptions {
            show: Some("2015-7,2015-8".into()),
            ..Default::default()
        }
        .resolve(|_| true, |_| true);
        assert_eq!(list.state, crate::link::parse("show=2015-7,2015-8").state);
        let bad = EmbedOptions {
            show: Some("2015-7,2015-99".into()),
            ..Default::default()
        }
        .resolve(|_| true, |a| a.id != "99");
        assert!(
            bad.warnings.iter().any(|w| w.contains("show=\"2015-99\"")),
            "{:?}",
            bad.warnings
        );
    }

    #[test]
    fn the_iframe_is_titled_responsive_and_may_copy() {
        let state = crate::link::parse("2015-7&themes=human-rights").state;
        let s = snippets("https://example.org/dd/", &state, "dd1");
        let title = "2015 (7) \u{2014} International code of conduct for information security, 2011 and 2015 drafts compared (themes: Human rights)";
        assert!(s.iframe.contains(&format!("title=\"{title}\"")), "{}", s.iframe);
        assert!(s.iframe.contains(" allow=\"clipboard-write\""));
        assert!(s
            .iframe
            .contains("style=\"display:block;width:100%;height:640px;border:0\""));
        // The element's fallback is a link to the same view on the widget's site, named the same way.
        assert!(
            s.element.contains(&format!(
            "><a href=\"https://example.org/dd/index.html#2015-7&amp;themes=human-rights\">{title}</a></draft-diff>"
        )),
            "{}",
            s.element
        );
    }

    #[test]
    fn the_element_carries_every_state_the_iframe_does() {
        let hash = "2011-f&text=not%20to%20use,information%20weapons&themes=sovereignty&match=all&view=old&q=weapons&open=preamble,code&notes=off";
        let parsed = crate::link::parse(hash);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let s = snippets("https://example.org/dd/", &parsed.state, "dd1");
        assert!(s.frame_url.ends_with(&format!("#{hash}")), "{}", s.frame_url);
        for attr in [
            "provision=\"2011-f\"",
            "themes=\"sovereignty\"",
            "match=\"all\"",
            "view=\"old\"",
            "q=\"weapons\"",
            "text=\"not%20to%20use,information%20weapons\"",
            "open=\"preamble,code\"",
            "notes=\"off\"",
        ] {
            assert!(s.element.contains(&format!(" {attr}")), "{attr}: {}", s.element);
        }
        assert!(
            s.element.contains(">2011 (f) \u{2014} International code"),
            "{}",
            s.element
        );
    }
}
