//! What people and programs are shown: one set of view structs, serialised into the
//! templates of the pages and as the JSON of API v1 (so the two cannot drift), built
//! from what the services return. Views hold raw values (cents, dates, UTC instants);
//! templates format them in the reader's language with the filters registered here.

pub mod calls;
pub mod csv;
pub mod format;
pub mod programmes;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize, Serializer};

use crate::domain::money::Money;

/// A UTC instant, written as RFC 3339 with `Z` (`2026-11-24T19:30:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, utoipa::ToSchema)]
#[schema(value_type = String, format = DateTime)]
pub struct UtcTime(pub NaiveDateTime);

impl Serialize for UtcTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&rfc3339(self.0))
    }
}

/// RFC 3339 in UTC, to the second.
pub fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The `lang` argument of a filter (English when absent).
fn lang_arg(args: &HashMap<String, tera::Value>) -> crate::i18n::Lang {
    args.get("lang")
        .and_then(|v| v.as_str())
        .and_then(crate::i18n::Lang::parse)
        .unwrap_or_default()
}

/// `{{ cents | money(lang=lang) }}`: "EUR 2,100,000" / "2 100 000 EUR".
fn money_filter(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let cents = value
        .as_i64()
        .ok_or_else(|| tera::Error::msg("money needs whole cents"))?;
    Ok(tera::Value::String(format::money(
        lang_arg(args),
        Money::from_cents(cents),
    )))
}

/// `{{ utc | almaty }}`: an RFC 3339 instant as Almaty wall-clock time.
fn almaty_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("almaty needs an RFC 3339 time"))?;
    let t = chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|_| tera::Error::msg("almaty needs an RFC 3339 time"))?;
    Ok(tera::Value::String(crate::clock::format_local(
        t.naive_utc(),
    )))
}

/// `{{ bp | percent(lang=lang) }}`: basis points as a percentage ("90", "90.5" / "90,5").
fn percent_filter(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let bp = value
        .as_i64()
        .ok_or_else(|| tera::Error::msg("percent needs basis points"))?;
    let text = crate::domain::money::format_percent(bp);
    Ok(tera::Value::String(match lang_arg(args) {
        crate::i18n::Lang::En => text,
        _ => text.replace('.', ","),
    }))
}

/// A text as a reader sees it (CFP-08): in their language when translated, otherwise the
/// authentic English, with `lang` set so that the page marks it (`lang="en"`) for
/// screen readers.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub text: String,
    /// The text's language when it differs from the page's.
    pub lang: Option<&'static str>,
}

impl Shown {
    pub fn new(t: crate::domain::text::Translated<'_>, reader: crate::i18n::Lang) -> Shown {
        let (text, lang) = t.for_reader(reader);
        Shown {
            text: text.to_string(),
            lang: (lang != reader).then_some(lang.code()),
        }
    }
}

/// `{% set title = lot | local(field="title", lang=lang) %}`: the object's `title`,
/// `title_kk` and `title_ru` as a `Shown` for the reader.
fn local_filter(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let field = args
        .get("field")
        .and_then(|v| v.as_str())
        .ok_or_else(|| tera::Error::msg("local needs field"))?;
    let get = |suffix: &str| {
        value
            .get(format!("{field}{suffix}"))
            .and_then(|v| v.as_str())
            .unwrap_or("")
    };
    let t = crate::domain::text::Translated {
        en: get(""),
        kk: get("_kk"),
        ru: get("_ru"),
    };
    tera::to_value(Shown::new(t, lang_arg(args))).map_err(tera::Error::json)
}

/// Registers the formatting filters every template may use.
pub fn register_filters(tera: &mut tera::Tera) {
    tera.register_filter("local", local_filter);
    tera.register_filter("money", money_filter);
    tera.register_filter("almaty", almaty_filter);
    tera.register_filter("percent", percent_filter);
    // A form's one-time token (web::idempotency): a double click records once.
    tera.register_function(
        "once_token",
        |_: &std::collections::HashMap<String, tera::Value>| {
            Ok(tera::Value::String(uuid::Uuid::new_v4().to_string()))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_rfc3339_utc_and_shown_in_almaty() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(19, 30, 0)
            .unwrap();
        let json = serde_json::to_value(UtcTime(t)).unwrap();
        assert_eq!(json, "2026-11-24T19:30:00Z");
        let shown = almaty_filter(&json, &HashMap::new()).unwrap();
        assert_eq!(shown, "2026-11-25 00:30");
        let money = money_filter(&serde_json::json!(210_000_050), &HashMap::new()).unwrap();
        assert_eq!(money, "EUR\u{a0}2,100,000.50");
        let ru = HashMap::from([("lang".to_string(), serde_json::json!("ru"))]);
        let money = money_filter(&serde_json::json!(210_000_050), &ru).unwrap();
        assert_eq!(money, "2\u{a0}100\u{a0}000,50\u{a0}EUR");
        assert_eq!(
            percent_filter(&serde_json::json!(9050), &ru).unwrap(),
            "90,5"
        );
    }
}
