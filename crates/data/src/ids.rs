//! The one rule for identifiers that end up in URLs and data files, used by the data compiler,
//! the link grammar, readers' documents and the notes. Provision ids become URL anchors
//! (`#2015-code-chapeau`); names (themes, notes) are lower-case because links spell them so.

/// Longest id, in characters (ids are ASCII, so also in bytes).
pub const MAX_ID_CHARS: usize = 64;

/// Why `id` cannot be a provision id, if it cannot: 1 to [`MAX_ID_CHARS`] ASCII letters,
/// digits or `-`.
pub fn provision_id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("empty id")
    } else if id.len() > MAX_ID_CHARS {
        Some("id longer than 64 characters")
    } else if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Some("id may hold only ASCII letters, digits and '-' (it becomes a URL anchor)")
    } else {
        None
    }
}

/// Why `name` cannot be a theme or note id, if it cannot: 1 to [`MAX_ID_CHARS`] lower-case
/// ASCII letters, digits or `-`.
pub fn name_problem(name: &str) -> Option<&'static str> {
    match provision_id_problem(name) {
        Some(_) if !name.is_empty() && name.len() <= MAX_ID_CHARS => {
            Some("id may hold only lowercase ASCII letters, digits and '-' (it appears in URLs)")
        }
        Some(p) => Some(p),
        None if name.bytes().any(|b| b.is_ascii_uppercase()) => {
            Some("id may hold only lowercase ASCII letters, digits and '-' (it appears in URLs)")
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provision_ids_and_names() {
        for ok in ["7", "code-chapeau", "pre-3", "A1"] {
            assert_eq!(provision_id_problem(ok), None, "{ok}");
        }
        assert_eq!(provision_id_problem(""), Some("empty id"));
        assert!(provision_id_problem("a b").unwrap().contains("only ASCII"));
        assert!(provision_id_problem(&"x".repeat(65)).is_some());
        assert_eq!(provision_id_problem(&"x".repeat(64)), None);
        assert_eq!(name_problem("human-rights"), None);
        assert!(name_problem("Human-Rights").is_some());
        assert!(name_problem("é").is_some());
    }
}
