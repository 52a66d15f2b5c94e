//! The public address of one provision, `<year>-<id>`: the short form every link starts with,
//! and the type every lookup takes (documents format it, the comparison locates it), so no
//! code re-parses a string it has just formatted.

use draftdiff_data::ids::provision_id_problem;
use std::fmt;

/// The public address of one provision: `<year>-<id>`, as in `2015-7` or `2011-letter-2`.
///
/// Only the syntax is checked here; whether the provision exists is the caller's business
/// (see [`ViewState::retain_known`](super::ViewState::retain_known)).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    /// Year of the document version (four digits in links).
    pub year: u16,
    /// Provision id within that document: 1 to [`MAX_ID_CHARS`](super::MAX_ID_CHARS) ASCII letters, digits or `-`.
    pub id: String,
}

impl Anchor {
    /// Parses `<4 digits>-<id>`; `None` unless the syntax is exactly right.
    ///
    /// ```
    /// use draftdiff_core::link::Anchor;
    /// let a = Anchor::parse("2015-code-chapeau").unwrap();
    /// assert_eq!((a.year, a.id.as_str()), (2015, "code-chapeau"));
    /// assert_eq!(Anchor::parse("15-7"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Anchor> {
        let (year, id) = s.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || !valid_id(id) {
            return None;
        }
        Some(Anchor {
            year: year.parse().ok()?,
            id: id.to_owned(),
        })
    }

    /// Whether [`Display`](fmt::Display) of this anchor parses back to it.
    pub fn is_valid(&self) -> bool {
        self.year <= 9999 && valid_id(&self.id)
    }
}

/// An anchor equals the text it is written as (`Anchor::parse("2015-7") == "2015-7"`).
impl PartialEq<&str> for Anchor {
    fn eq(&self, other: &&str) -> bool {
        Anchor::parse(other).as_ref() == Some(self)
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{}", self.year, self.id)
    }
}

fn valid_id(id: &str) -> bool {
    provision_id_problem(id).is_none()
}
