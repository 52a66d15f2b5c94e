//! Text directives (`#…:~:text=[prefix-,]start[,end][,-suffix]`, WICG Text Fragments): the
//! links Chrome's "Copy link to highlight" and search results make to a phrase, and the one the
//! Share menu appends to a passage link so a browser without the app highlights the words too.
//!
//! One home for both directions, because they must agree on the escaping: [`text_directive`]
//! writes what [`text_directives`] reads back. In a directive `-`, `,` and `&` are syntax (the
//! context markers, the start/end separator, the directive separator), so inside a term they
//! are percent-encoded; a term's role is decided on the *raw* text, before decoding, so a phrase
//! that itself ends in `-` ("co-") is not taken for a prefix.
//!
//! ```
//! use draftdiff_core::link::{text_directive, text_directives, Passage};
//! let p = Passage { start: "non-interference, co-operation".into(), end: Some("the U.N.".into()) };
//! let written = text_directive(&p);
//! assert_eq!(written, ":~:text=non%2Dinterference%2C%20co%2Doperation,the%20U.N.");
//! assert_eq!(text_directives(&format!("https://x/#2015-7{written}")), vec![p]);
//! ```

use super::state::Passage;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Where the fragment directive starts in a URL's fragment (the spec's delimiter).
pub const DELIMITER: &str = ":~:";

/// Inside a text directive `-`, `,` and `&` must be escaped (the spec); so is everything else
/// but ASCII letters, digits, `.` and `_`, as in our own values (a strict subset of what the
/// spec allows unescaped, so every browser reads it).
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'.').remove(b'_');

/// The fragment directive for `passage`, `:~:text=start[,end]`: it goes after our own hash,
/// because a browser strips everything from `:~:` on before the page sees `location.hash`, and
/// [`parse`](super::parse) ignores it there.
pub fn text_directive(passage: &Passage) -> String {
    let mut out = format!("{DELIMITER}text=");
    out.extend(utf8_percent_encode(&passage.start, ESCAPED));
    if let Some(end) = &passage.end {
        out.push(',');
        out.extend(utf8_percent_encode(end, ESCAPED));
    }
    out
}

/// The text directives of `url` (a whole URL, or a bare `:~:…` directive), in order, as passages:
/// `start[,end]`, the context terms (`prefix-,` and `,-suffix`) dropped. Malformed directives
/// (no start, more than two terms besides the context, an empty term) are skipped, as the
/// browser skips them.
pub fn text_directives(url: &str) -> Vec<Passage> {
    let fragment = match url.split_once('#') {
        Some((_, fragment)) => fragment,
        None if url.starts_with(DELIMITER) => url,
        None => return Vec::new(),
    };
    let Some((_, directives)) = fragment.split_once(DELIMITER) else {
        return Vec::new();
    };
    directives
        .split('&')
        .filter_map(|d| d.strip_prefix("text="))
        .filter_map(directive)
        .collect()
}

/// One directive's value, `[prefix-,]start[,end][,-suffix]`, raw (still percent-encoded).
fn directive(value: &str) -> Option<Passage> {
    let mut terms: Vec<&str> = value.split(',').collect();
    if terms.first().is_some_and(|t| t.ends_with('-')) {
        terms.remove(0);
    }
    if terms.len() > 1 && terms.last().is_some_and(|t| t.starts_with('-')) {
        terms.pop();
    }
    let decode = |t: &str| {
        let t = percent_decode_str(t).decode_utf8_lossy().into_owned();
        (!t.trim().is_empty()).then_some(t)
    };
    match terms[..] {
        [start] => Some(Passage {
            start: decode(start)?,
            end: None,
        }),
        [start, end] => Some(Passage {
            start: decode(start)?,
            end: Some(decode(end)?),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn passage(start: &str, end: Option<&str>) -> Passage {
        Passage {
            start: start.into(),
            end: end.map(Into::into),
        }
    }

    #[test]
    fn context_terms_are_dropped_and_values_decoded() {
        let d = text_directives("x#2015-7:~:text=to-,information%20weapons,-and&text=a,b");
        assert_eq!(d, vec![passage("information weapons", None), passage("a", Some("b"))]);
        let d = text_directives("x#:~:text=the-,start,end,-after");
        assert_eq!(d, vec![passage("start", Some("end"))]);
        assert!(text_directives("x#2015-7").is_empty());
        assert!(text_directives("x#:~:text=").is_empty());
        assert!(
            text_directives("x#:~:text=a,b,c").is_empty(),
            "three terms is not a directive"
        );
        assert!(
            text_directives("x#:~:text=a,%20").is_empty(),
            "an empty end is not a directive"
        );
        assert!(text_directives("x#:~:other=a").is_empty());
    }

    #[test]
    fn escaped_syntax_characters_stay_words() {
        // "co-" ends in a hyphen, but an escaped one: a start, not a prefix.
        let d = text_directives("x#:~:text=co%2D,operation");
        assert_eq!(d, vec![passage("co-", Some("operation"))]);
        let d = text_directives("x#:~:text=%2Dlike,a%2Cb%26c");
        assert_eq!(d, vec![passage("-like", Some("a,b&c"))]);
    }

    #[test]
    fn only_the_fragment_is_read() {
        assert!(text_directives("https://x/a:~:text=no?q=:~:text=no").is_empty());
        assert_eq!(
            text_directives("https://x/a:~:b/#2015-7:~:text=yes"),
            vec![passage("yes", None)]
        );
        assert_eq!(text_directives(":~:text=bare"), vec![passage("bare", None)]);
    }

    #[test]
    fn the_syntax_characters_are_escaped() {
        let written = text_directive(&passage("a-b, c&d", Some("-e,")));
        assert_eq!(written, ":~:text=a%2Db%2C%20c%26d,%2De%2C");
        let value = written.strip_prefix(":~:text=").unwrap();
        assert_eq!(value.matches(',').count(), 1, "one separator only");
        assert!(!value.contains('-') && !value.contains('&'));
    }

    /// Terms as readers' selections make them: words, punctuation (the syntax characters
    /// among it), typographic quotes and dashes, other scripts, line breaks.
    fn term() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,&\\-%.:~=#\u{2019}\u{2014}\u{e9}\u{4e2d}\n]{0,24}[a-zA-Z\u{e9}\\-,&%]"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn what_is_written_reads_back(start in term(), end in proptest::option::of(term()), hash in "[a-z0-9=&\\-]{0,12}") {
            let p = Passage { start, end };
            let url = format!("https://h.example/p/2015-7/#{hash}{}", text_directive(&p));
            prop_assert_eq!(text_directives(&url), vec![p]);
        }
    }
}
