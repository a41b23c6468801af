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
    // Browsers send line breaks as CRLF; stored texts use LF, so that a text sent back
    // unchanged compares equal to what is stored.
    let normalised = value.replace("\r\n", "\n").replace('\r', "\n");
    let v = normalised.trim();
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

/// A text kept in the three languages of the portal (CFP-08): English is authentic
/// and required; an empty Kazakh or Russian version means "not translated".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translated<'a> {
    pub en: &'a str,
    pub kk: &'a str,
    pub ru: &'a str,
}

impl<'a> Translated<'a> {
    /// The version a reader of `lang` sees, and its language: their own when it exists,
    /// otherwise the authentic English (marked as English for screen readers).
    pub fn for_reader(&self, lang: crate::i18n::Lang) -> (&'a str, crate::i18n::Lang) {
        use crate::i18n::Lang;
        let own = match lang {
            Lang::En => self.en,
            Lang::Kk => self.kk,
            Lang::Ru => self.ru,
        };
        if own.trim().is_empty() {
            (self.en, Lang::En)
        } else {
            (own, lang)
        }
    }
}

/// A text typed in the three languages: English required where the text is, the
/// others optional.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub en: String,
    #[serde(default)]
    pub kk: String,
    #[serde(default)]
    pub ru: String,
}

/// An English text with no translation yet.
impl From<&str> for Texts {
    fn from(en: &str) -> Texts {
        Texts {
            en: en.to_string(),
            ..Texts::default()
        }
    }
}

impl Texts {
    pub fn view(&self) -> Translated<'_> {
        Translated {
            en: &self.en,
            kk: &self.kk,
            ru: &self.ru,
        }
    }

    /// Each version checked as a longer text (`fields` name the en, kk and ru inputs);
    /// English is required when `required`, the others never are.
    pub fn checked_text(
        &self,
        fields: [&'static str; 3],
        max: usize,
        required: bool,
        errors: &mut Vec<FieldError>,
    ) -> Texts {
        let mut one = |field, value: &str, required| {
            text(field, value, max, required).unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        Texts {
            en: one(fields[0], &self.en, required),
            kk: one(fields[1], &self.kk, false),
            ru: one(fields[2], &self.ru, false),
        }
    }

    /// Each version checked as a one-line field; English is required.
    pub fn checked_line(
        &self,
        fields: [&'static str; 3],
        max: usize,
        errors: &mut Vec<FieldError>,
    ) -> Texts {
        let mut one = |field, value: &str, required: bool| {
            if !required && value.trim().is_empty() {
                return String::new();
            }
            line(field, value, max).unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        Texts {
            en: one(fields[0], &self.en, true),
            kk: one(fields[1], &self.kk, false),
            ru: one(fields[2], &self.ru, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_stored_as_lf_whatever_the_browser_sends() {
        assert_eq!(
            text("d", "One\r\nTwo\rThree\n", 100, true),
            Ok("One\nTwo\nThree".into())
        );
    }

    #[test]
    fn readers_get_their_language_or_the_authentic_english() {
        use crate::i18n::Lang;
        let t = Translated {
            en: "Call",
            kk: "Байқау",
            ru: " ",
        };
        assert_eq!(t.for_reader(Lang::Kk), ("Байқау", Lang::Kk));
        assert_eq!(t.for_reader(Lang::Ru), ("Call", Lang::En));
        assert_eq!(t.for_reader(Lang::En), ("Call", Lang::En));
    }

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
            Ok("line one\nline\ttwo".into())
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
