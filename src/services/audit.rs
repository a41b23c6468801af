//! Appending to and verifying the audit trail.

use chrono::NaiveDateTime;
use serde_json::Value;

use super::Actor;
use crate::db::audit::{self as q, AuditEventRow};
use crate::db::DbConnection;
use crate::domain::audit::{ChainBreak, ChainVerifier, ChainedEvent, Checkpoint};
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

/// Appends one event inside the caller's transaction, linked with the audit key.
pub fn record(
    conn: &mut DbConnection,
    key: &[u8],
    now: NaiveDateTime,
    actor: &Actor,
    action: &str,
    object: Option<(&str, &str)>,
    details: Value,
) -> AppResult<()> {
    let (seq, prev_hash, keyed_from) = q::reserve_next(conn)?;
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
    row.hash = chained(&row, &occurred).link(key, Some(keyed_from));
    q::append(conn, &row)?;
    Ok(())
}

/// Walks the whole chain in pages. Ok(number of events) or the first break.
pub fn verify(conn: &mut DbConnection, key: &[u8]) -> AppResult<Result<i64, ChainBreak>> {
    let (_, _, keyed_from) = q::head(conn)?;
    let mut verifier = ChainVerifier::keyed(key, keyed_from);
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
    let (head_seq, head_hash, _) = q::head(conn)?;
    Ok(verifier.finish(head_seq, &head_hash))
}

/// Checks signed checkpoints (lines of the checkpoint file) against the chain: each
/// must name an event that is still there with the same hash. Ok(checkpoints checked).
pub fn verify_checkpoints(
    conn: &mut DbConnection,
    checkpoint_key: &[u8],
    lines: &str,
) -> AppResult<Result<usize, ChainBreak>> {
    let mut checked = 0;
    for (i, line) in lines.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some(checkpoint) = Checkpoint::parse(line, checkpoint_key) else {
            return Ok(Err(ChainBreak::CheckpointForged { line: i + 1 }));
        };
        if q::hash_of(conn, checkpoint.seq)?.as_deref() != Some(checkpoint.hash.as_str()) {
            return Ok(Err(ChainBreak::CheckpointMismatch {
                seq: checkpoint.seq,
            }));
        }
        checked += 1;
    }
    Ok(Ok(checked))
}

/// The head as a checkpoint to sign, when it moved past `after_seq`.
pub fn checkpoint_after(
    conn: &mut DbConnection,
    after_seq: i64,
    now: NaiveDateTime,
) -> AppResult<Option<Checkpoint>> {
    let (seq, hash, _) = q::head(conn)?;
    if seq <= after_seq || seq == 0 {
        return Ok(None);
    }
    Ok(Some(Checkpoint {
        seq,
        hash,
        at: crate::views::rfc3339(now),
    }))
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
