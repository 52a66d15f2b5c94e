//! Escaping for the HTML the build writes (everything that comes from data goes through here),
//! and the one way the build sets up an HTML rewriter.

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
    }
}
