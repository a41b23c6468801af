//! Translations (Fluent files under `locales/`: en, kk, ru) and the choice of language:
//! the profile's, else the session's, else the browser's `Accept-Language`, else English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, Loader};
use serde::{Deserialize, Serialize};
use unic_langid::{langid, LanguageIdentifier};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would show up in plain-text emails and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Kk,
    Ru,
}

static EN: LanguageIdentifier = langid!("en");
static KK: LanguageIdentifier = langid!("kk");
static RU: LanguageIdentifier = langid!("ru");

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Kk => &KK,
            Lang::Ru => &RU,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let q = pieces
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                Lang::parse(primary).map(|l| (q, l))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        // Stable sort keeps header order among equal weights.
        choices.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        choices.first().map(|(_, l)| *l)
    }
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES.lookup(lang.id(), key)
}

/// The message `key` in `lang` when there is one, else `fallback` as it is (names of
/// recorded events or details that have no words yet).
pub fn t_or(lang: Lang, key: &str, fallback: &str) -> String {
    LOCALES
        .try_lookup(lang.id(), key)
        .unwrap_or_else(|| fallback.to_string())
}

/// The message for a problem with one field: its own wording when there is one
/// (`error-required-for-title`: "Enter the call's title"), the general one otherwise.
pub fn field_message(lang: Lang, code: &str, field: &str) -> String {
    field_message_args(lang, code, field, &[])
}

/// `field_message` with the figures the message shows.
pub fn field_message_args(lang: Lang, code: &str, field: &str, args: &[(&str, String)]) -> String {
    let own = format!("{code}-for-{field}");
    if LOCALES.try_lookup(lang.id(), &own).is_some() {
        t_args(lang, &own, args)
    } else {
        t_args(lang, code, args)
    }
}

/// Error messages that show figures (a `FieldError` carries them: the limit, the value):
/// the key and the names of its figures. Every other error message needs none.
pub const ERRORS_WITH_FIGURES: &[(&str, &[&str])] = &[
    ("error-contract-end-late", &["longest"]),
    ("error-report-period-open", &["end", "from"]),
    ("error-payment-reference-recorded", &["reference"]),
    ("error-answer-too-late", &["by"]),
    ("error-section-too-long", &["words", "limit"]),
    ("error-eu-contribution-range", &["amount", "min", "max"]),
    ("error-duration-range", &["months", "min", "max"]),
    ("error-api-saved-meanwhile", &["sent", "stored"]),
];

/// The message `key` in `lang`, with named arguments.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            // An amount is written as the reader writes amounts.
            if let Some(cents) = v
                .strip_prefix(crate::domain::MONEY_ARG)
                .and_then(|c| c.parse::<i64>().ok())
            {
                let text = crate::views::format::money_exact(
                    lang,
                    crate::domain::money::Money::from_cents(cents),
                );
                return (Cow::Owned(k.to_string()), FluentValue::from(text));
            }
            // Numbers stay numbers, so that plural forms are chosen correctly.
            let value = match v.parse::<i64>() {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(v.clone()),
            };
            (Cow::Owned(k.to_string()), value)
        })
        .collect();
    LOCALES.lookup_with_args(lang.id(), key, &map)
}

/// The tera function `t(key=…, lang=…, …args)` used by every template. Extra
/// arguments become Fluent variables (snake_case names as written).
pub fn tera_function() -> impl tera::Function {
    |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key"))?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Lang::parse)
            .unwrap_or_default();
        let extra: Vec<(&str, String)> = args
            .iter()
            .filter(|(k, _)| k.as_str() != "key" && k.as_str() != "lang")
            .map(|(k, v)| {
                let text = match v {
                    tera::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.as_str(), text)
            })
            .collect();
        let text = if extra.is_empty() {
            t(lang, key)
        } else {
            t_args(lang, key, &extra)
        };
        Ok(tera::Value::String(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Error codes are shown by their key alone (field problems, API problem details):
    /// a message with arguments would render as "Unknown localization key".
    #[test]
    fn error_messages_need_no_arguments() {
        for lang in [Lang::En, Lang::Kk, Lang::Ru] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang.code());
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for line in text.lines().filter(|l| l.starts_with("error-")) {
                    let id = line.split_once(" =").map_or(line, |(id, _)| id);
                    let figures: Vec<(&str, String)> = ERRORS_WITH_FIGURES
                        .iter()
                        .find(|(key, _)| *key == id)
                        .map(|(_, names)| names.iter().map(|n| (*n, "7".to_string())).collect())
                        .unwrap_or_default();
                    assert!(
                        !t_args(lang, id, &figures).starts_with("Unknown localization key"),
                        "{id} needs arguments in {}: error codes are shown without any",
                        lang.code()
                    );
                }
            }
        }
    }

    fn message_ids(lang: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =") {
                    if !id.starts_with([' ', '#', '.', '-']) && !id.is_empty() {
                        ids.insert(id.trim().to_string());
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn kazakh_and_russian_cover_every_english_message() {
        let en = message_ids("en");
        assert!(en.len() > 50);
        for lang in ["kk", "ru"] {
            let other = message_ids(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(
                extra.is_empty(),
                "{lang} has messages English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Lang::from_accept_language("ru-RU,ru;q=0.9,en;q=0.8"),
            Some(Lang::Ru)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,kk;q=0.5,ru;q=0.4"),
            Some(Lang::Kk)
        );
        assert_eq!(Lang::from_accept_language("en;q=0.2, kk"), Some(Lang::Kk));
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language("ru;q=0"), None);
    }

    #[test]
    fn numbers_choose_plural_forms() {
        assert_eq!(
            t_args(Lang::En, "countdown-days", &[("days", "1".into())]),
            "1 day"
        );
        assert_eq!(
            t_args(Lang::En, "countdown-days", &[("days", "7".into())]),
            "7 days"
        );
    }

    #[test]
    fn messages_are_translated_and_take_arguments() {
        assert_ne!(t(Lang::Kk, "nav-login"), t(Lang::En, "nav-login"));
        assert_ne!(t(Lang::Ru, "nav-login"), t(Lang::En, "nav-login"));
        let s = t_args(Lang::En, "email-greeting", &[("name", "Aigerim".into())]);
        assert!(s.contains("Aigerim"), "{s}");
    }
}
