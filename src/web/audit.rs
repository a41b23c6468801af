//! The audit log page: filter by action, actor, object and period (dates in Almaty).

use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::page::{Page, Pager};
use crate::clock::{format_local, DISPLAY_TZ};
use crate::db::audit::AuditFilter;
use crate::error::AppResult;
use crate::services::audit;

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    object_type: String,
    #[serde(default)]
    object_id: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    page: Option<i64>,
}

/// Start of a local (Almaty) day, in UTC.
fn local_day_start(date: &str) -> Option<NaiveDateTime> {
    let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    DISPLAY_TZ
        .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
        .single()
        .map(|t| t.naive_utc())
}

#[derive(Serialize)]
struct EventView {
    seq: i64,
    when: String,
    actor: String,
    action: String,
    action_words: String,
    object_kind: String,
    object_name: String,
    object_id: String,
    details: Vec<(String, String)>,
    raw: String,
    client_ip: String,
}

/// An event's name in words in `lang` (the code when it has none yet).
fn event_words(lang: crate::i18n::Lang, action: &str) -> String {
    let key = format!("event-{}", action.replace(['.', '_'], "-"));
    crate::i18n::t_or(lang, &key, action)
}

fn object_kind_words(lang: crate::i18n::Lang, kind: &str) -> String {
    crate::i18n::t_or(lang, &format!("object-{kind}"), kind)
}

/// The details of an event as "what: value" lines: amounts (`…_cents`) in the reader's
/// conventions, instants in Almaty time, anything nested as compact JSON.
fn detail_lines(lang: crate::i18n::Lang, details: &str) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(details)
    else {
        return Vec::new();
    };
    map.into_iter()
        .map(|(k, v)| {
            let shown = match &v {
                serde_json::Value::Number(n) if k.ends_with("_cents") => n
                    .as_i64()
                    .map(|c| {
                        crate::views::format::money(
                            lang,
                            crate::domain::money::Money::from_cents(c),
                        )
                    })
                    .unwrap_or_else(|| n.to_string()),
                // Instants are stored as RFC 3339 or as naive UTC ("2027-01-28T13:00:00").
                serde_json::Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
                    .map(|t| t.naive_utc())
                    .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f"))
                    .map(format_local)
                    .unwrap_or_else(|_| s.clone()),
                serde_json::Value::Null => "—".into(),
                other => other.to_string(),
            };
            (detail_key(lang, &k), shown)
        })
        .collect()
}

/// A detail's name in words where the portal has one ("before", "reason"…), else as
/// recorded.
fn detail_key(lang: crate::i18n::Lang, key: &str) -> String {
    crate::i18n::t_or(lang, &format!("audit-key-{}", key.replace('_', "-")), key)
}

fn filter_of(query: &AuditQuery) -> AuditFilter {
    AuditFilter {
        action: Some(query.action.clone()),
        actor: Some(query.actor.trim().to_string()),
        object_type: Some(query.object_type.trim().to_string()),
        object_id: Some(query.object_id.trim().to_string()),
        from: local_day_start(&query.from),
        // "until" is inclusive of that whole day.
        until: local_day_start(&query.until)
            .and_then(|t| t.checked_add_signed(chrono::Duration::days(1))),
    }
}

fn event_view(
    lang: crate::i18n::Lang,
    e: crate::db::audit::AuditEventRow,
    names: &audit::ObjectNames,
) -> EventView {
    let kind = e.object_type.clone().unwrap_or_default();
    let id = e.object_id.clone().unwrap_or_default();
    EventView {
        seq: e.seq,
        when: format_local(e.occurred_at),
        actor: e.actor_email.or(e.actor_id).unwrap_or_else(|| "—".into()),
        action_words: event_words(lang, &e.action),
        action: e.action,
        object_kind: if kind.is_empty() {
            String::new()
        } else {
            object_kind_words(lang, &kind)
        },
        object_name: names.get(&(kind, id.clone())).cloned().unwrap_or_default(),
        object_id: id,
        details: detail_lines(lang, &e.details),
        raw: e.details,
        client_ip: e.client_ip.unwrap_or_default(),
    }
}

pub async fn index(page: Page, query: web::Query<AuditQuery>) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let lang = page.lang();
    let page_no = query.page.unwrap_or(1).max(1);
    let (rows, total, actions, names) =
        audit::browse(&page.state, &page.actor(), filter_of(&query), page_no).await?;
    let events: Vec<EventView> = rows
        .into_iter()
        .map(|e| event_view(lang, e, &names))
        .collect();
    let actions: Vec<(String, String)> = actions
        .into_iter()
        .map(|a| (event_words(lang, &a), a))
        .collect();
    let kinds: Vec<(&str, String)> = [
        "call",
        "lot",
        "programme",
        "user",
        "clarification",
        "api_token",
        "outbox",
    ]
    .into_iter()
    .map(|k| (k, object_kind_words(lang, k)))
    .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("events", &events);
    ctx.insert("total", &total);
    ctx.insert("actions", &actions);
    ctx.insert("kinds", &kinds);
    ctx.insert("filter_qs", &super::page::filter_query(&query));
    ctx.insert("filter", &query);
    ctx.insert("pager", &Pager::new(page_no, total, audit::PAGE_SIZE));
    page.render("audit/index.html", ctx)
}

/// The filtered events as CSV (UTF-8 with a byte-order mark, so spreadsheets read the
/// Kazakh and Russian letters): Almaty time, who, the event in words and its code, the
/// object's kind, name and id, the details and the address.
pub async fn export_csv(page: Page, query: web::Query<AuditQuery>) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let lang = page.lang();
    let (rows, names) = audit::export(&page.state, &page.actor(), filter_of(&query)).await?;
    let header = [
        "#".to_string(),
        crate::i18n::t(lang, "audit-when"),
        crate::i18n::t(lang, "audit-actor"),
        crate::i18n::t(lang, "audit-action"),
        crate::i18n::t(lang, "audit-code"),
        crate::i18n::t(lang, "audit-object-type"),
        crate::i18n::t(lang, "audit-object"),
        crate::i18n::t(lang, "audit-object-id"),
        crate::i18n::t(lang, "audit-details"),
        crate::i18n::t(lang, "audit-address"),
    ];
    // Names and details are typed by people: the one CSV writer neutralises formulas.
    let mut out = crate::views::csv::Csv::new(header)?;
    for e in rows {
        let v = event_view(lang, e, &names);
        out.row([
            v.seq.to_string(),
            v.when,
            v.actor,
            v.action_words,
            v.action,
            v.object_kind,
            v.object_name,
            v.object_id,
            v.raw,
            v.client_ip,
        ])?;
    }
    out.response("audit-log.csv")
}
