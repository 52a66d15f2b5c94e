//! Escaping for the HTML the build writes (everything that comes from data goes through here),
//! and the one way the build sets up an HTML rewriter.

/// Escapes text for element content and double-quoted attribute values (the one home is the
/// core's, which the widget's own markup uses too).
pub use draftdiff_core::view::markup::escape;

/// `lol_html` settings running `handlers` in order (each is `element!(…)` or `comments!(…)`).
pub fn rewriter<'h, 's>(
    handlers: Vec<(
        std::borrow::Cow<'s, lol_html::Selector>,
        lol_html::ElementContentHandlers<'h>,
    )>,
) -> lol_html::RewriteStrSettings<'h, 's> {
    handlers.into_iter().fold(lol_html::RewriteStrSettings::new(), |s, h| {
        s.append_element_content_handler(h)
    })
}
