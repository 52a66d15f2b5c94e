//! The values each option takes, one grammar for links (`#…&view=inline`) and for embed
//! attributes (`<draft-diff view="inline">`): the same spellings, the same case rules (ASCII
//! case-insensitive everywhere) and the same words for what was expected, so a value that works
//! in one works in the other.

use super::{Match, View, ViewState};

/// `match=`: `any` or `all`.
pub fn match_mode(value: &str) -> Result<Match, &'static str> {
    Match::from_key(value.trim()).ok_or("any or all")
}

/// `view=`: `side`, `inline`, `old` or `new`.
pub fn view(value: &str) -> Result<View, &'static str> {
    View::from_key(value.trim()).ok_or("side, inline, old or new")
}

/// `notes=`: `on` or `off`.
pub fn notes(value: &str) -> Result<bool, &'static str> {
    match value.trim() {
        v if v.eq_ignore_ascii_case("on") => Ok(true),
        v if v.eq_ignore_ascii_case("off") => Ok(false),
        _ => Err("on or off"),
    }
}

/// Sets the single-valued option `key` (`match`, `view` or `notes`) of `state` from `value`;
/// on a bad value leaves the state alone and says what was expected. Links and embed
/// attributes both read these options through here.
pub fn apply(key: &str, value: &str, state: &mut ViewState) -> Result<(), &'static str> {
    match key {
        "match" => state.match_mode = match_mode(value)?,
        "view" => state.view = view(value)?,
        "notes" => state.notes = notes(value)?,
        _ => return Err("a known option"),
    }
    Ok(())
}

/// Light or dark, when the host or the reader forces one; `None` follows the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorScheme {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ColorScheme {
    /// Both schemes.
    pub const ALL: [ColorScheme; 2] = [ColorScheme::Light, ColorScheme::Dark];

    /// The value in URLs, attributes, storage and `data-theme` on the page.
    pub fn key(self) -> &'static str {
        match self {
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
        }
    }

    /// Parses [`ColorScheme::key`] back (ASCII case-insensitive).
    pub fn from_key(key: &str) -> Option<ColorScheme> {
        ColorScheme::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// `scheme=` (iframe URL) and the `scheme` attribute: `light` or `dark`. The first name of this
/// option was `theme`, too close to the topic filter `themes`; it stays accepted forever.
pub fn scheme(value: &str) -> Result<ColorScheme, &'static str> {
    ColorScheme::from_key(value).ok_or("light or dark")
}

/// The names the colour-scheme option answers to, the current one first.
pub const SCHEME_NAMES: [&str; 2] = ["scheme", "theme"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_grammar_one_case_rule() {
        assert_eq!(match_mode(" ALL "), Ok(Match::All));
        assert_eq!(view("Inline"), Ok(View::Inline));
        assert_eq!(notes("ON"), Ok(true));
        assert_eq!(notes("Off"), Ok(false));
        assert_eq!(scheme("Dark"), Ok(ColorScheme::Dark));
        assert_eq!(notes("yes"), Err("on or off"));
        assert_eq!(view("sideways"), Err("side, inline, old or new"));
        assert_eq!(scheme("auto"), Err("light or dark"));
        for s in ColorScheme::ALL {
            assert_eq!(ColorScheme::from_key(s.key()), Some(s));
        }
    }
}
