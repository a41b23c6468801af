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
    object: String,
    details: String,
    client_ip: String,
}

pub async fn index(page: Page, query: web::Query<AuditQuery>) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let filter = AuditFilter {
        action: Some(query.action.clone()),
        actor: Some(query.actor.trim().to_string()),
        object_type: Some(query.object_type.trim().to_string()),
        object_id: Some(query.object_id.trim().to_string()),
        from: local_day_start(&query.from),
        // "until" is inclusive of that whole day.
        until: local_day_start(&query.until)
            .and_then(|t| t.checked_add_signed(chrono::Duration::days(1))),
    };
    let page_no = query.page.unwrap_or(1).max(1);
    let (rows, total, actions) = audit::browse(&page.state, &page.actor(), filter, page_no).await?;
    let events: Vec<EventView> = rows
        .into_iter()
        .map(|e| EventView {
            seq: e.seq,
            when: format_local(e.occurred_at),
            actor: e.actor_email.or(e.actor_id).unwrap_or_else(|| "—".into()),
            action: e.action,
            object: match (e.object_type, e.object_id) {
                (Some(t), Some(id)) => format!("{t} {id}"),
                (Some(t), None) => t,
                _ => String::new(),
            },
            details: e.details,
            client_ip: e.client_ip.unwrap_or_default(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("events", &events);
    ctx.insert("actions", &actions);
    ctx.insert("filter_qs", &super::page::filter_query(&query));
    ctx.insert("filter", &query);
    ctx.insert("pager", &Pager::new(page_no, total, audit::PAGE_SIZE));
    page.render("audit/index.html", ctx)
}
