//! Appending to and verifying the audit trail.

use chrono::NaiveDateTime;
use serde_json::Value;

use super::Actor;
use crate::db::audit::{self as q, AuditEventRow};
use crate::db::DbConnection;
use crate::domain::audit::{ChainBreak, ChainVerifier, ChainedEvent};
use crate::error::AppResult;

pub fn format_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

fn chained<'a>(row: &'a AuditEventRow, occurred_at: &'a str) -> ChainedEvent<'a> {
    ChainedEvent {
        seq: row.seq,
        id: &row.id,
        occurred_at,
        actor_id: row.actor_id.as_deref(),
        actor_email: row.actor_email.as_deref(),
        action: &row.action,
        object_type: row.object_type.as_deref(),
        object_id: row.object_id.as_deref(),
        details: &row.details,
        client_ip: row.client_ip.as_deref(),
        prev_hash: &row.prev_hash,
    }
}

/// Appends one event inside the caller's transaction.
pub fn record(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    actor: &Actor,
    action: &str,
    object: Option<(&str, &str)>,
    details: Value,
) -> AppResult<()> {
    let (seq, prev_hash) = q::reserve_next(conn)?;
    let mut row = AuditEventRow {
        seq,
        id: super::new_id(),
        occurred_at: now,
        actor_id: actor.user_id.clone(),
        actor_email: actor.email.clone(),
        action: action.to_string(),
        object_type: object.map(|o| o.0.to_string()),
        object_id: object.map(|o| o.1.to_string()),
        details: details.to_string(),
        client_ip: actor.client_ip.clone(),
        prev_hash,
        hash: String::new(),
    };
    let occurred = format_time(row.occurred_at);
    row.hash = chained(&row, &occurred).hash();
    q::append(conn, &row)?;
    Ok(())
}

/// Walks the whole chain in pages. Ok(number of events) or the first break.
pub fn verify(conn: &mut DbConnection) -> AppResult<Result<i64, ChainBreak>> {
    let mut verifier = ChainVerifier::default();
    let mut after = 0;
    loop {
        let page = q::chain_page(conn, after, 1000)?;
        if page.is_empty() {
            break;
        }
        for row in &page {
            let occurred = format_time(row.occurred_at);
            if let Err(b) = verifier.check(&chained(row, &occurred), &row.hash) {
                return Ok(Err(b));
            }
            after = row.seq;
        }
    }
    let (head_seq, head_hash) = q::head(conn)?;
    Ok(verifier.finish(head_seq, &head_hash))
}

pub const PAGE_SIZE: i64 = 50;

/// A page of the audit log for auditors and administrators, newest first, with the
/// list of action names for the filter.
pub async fn browse(
    state: &crate::state::AppState,
    actor: &Actor,
    filter: q::AuditFilter,
    page: i64,
) -> AppResult<(Vec<AuditEventRow>, i64, Vec<String>)> {
    actor.require(crate::domain::access::Action::ViewAuditLog)?;
    let offset = (page.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
    state
        .db(move |conn| {
            let (rows, total) = q::search(conn, &filter, offset, PAGE_SIZE)?;
            let actions = q::distinct_actions(conn)?;
            Ok((rows, total, actions))
        })
        .await
}
