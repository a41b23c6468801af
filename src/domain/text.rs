//! What people may type: one-line fields and longer texts, with their limits. Control
//! characters (NUL and the rest, except line breaks and tabs in longer texts) are
//! refused with a field error on both databases: PostgreSQL cannot store NUL at all,
//! SQLite would keep it and show it later.

use super::FieldError;

/// Whether the text holds a character no field accepts (control characters other
/// than line breaks and tabs, which only long texts accept).
pub fn has_forbidden_characters(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A required one-line field: trimmed, not empty, at most `max` characters, no control
/// characters at all.
pub fn line(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.chars().any(char::is_control) {
        return Err(FieldError::new(field, "error-control-characters"));
    }
    if v.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    if v.chars().count() > max {
        return Err(FieldError::new(field, "error-text-too-long"));
    }
    Ok(v.to_string())
}

/// A longer text (descriptions, questions, answers): line breaks allowed, trimmed, at
/// most `max` characters; `required` refuses an empty one.
pub fn text(
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> Result<String, FieldError> {
    let v = value.trim();
    if has_forbidden_characters(v) {
        return Err(FieldError::new(field, "error-control-characters"));
    }
    if required && v.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    if v.chars().count() > max {
        return Err(FieldError::new(field, "error-text-too-long"));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_with_the_field_named() {
        assert_eq!(line("title", " A call ", 10), Ok("A call".into()));
        assert_eq!(
            line("title", "a\u{0}b", 10),
            Err(FieldError::new("title", "error-control-characters"))
        );
        assert_eq!(
            line("title", "two\nlines", 20).unwrap_err().code,
            "error-control-characters"
        );
        assert_eq!(line("title", "   ", 10).unwrap_err().code, "error-required");
        assert_eq!(line("title", "ééééé", 5), Ok("ééééé".into()));
        assert_eq!(
            line("title", "éééééé", 5).unwrap_err().code,
            "error-text-too-long"
        );
        assert_eq!(
            text("q", "line one\r\nline\ttwo", 100, true),
            Ok("line one\r\nline\ttwo".into())
        );
        assert_eq!(
            text("q", "bell\u{7}", 100, true).unwrap_err().code,
            "error-control-characters"
        );
        assert_eq!(text("q", "", 100, false), Ok(String::new()));
        assert!(has_forbidden_characters("\u{9f}"));
        assert!(!has_forbidden_characters("Қазақстан\n"));
    }
}
