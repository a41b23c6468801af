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

/// The most events one CSV export holds (a narrower filter gets the rest).
pub const EXPORT_MAX: i64 = 50_000;

/// Names of the objects of audit events ("EuropeAid/…/KZ", "Lot 2 of …", an email) by
/// (type, id): one query per kind of object, whatever the number of events.
pub type ObjectNames = std::collections::HashMap<(String, String), String>;

fn object_names(conn: &mut DbConnection, rows: &[AuditEventRow]) -> AppResult<ObjectNames> {
    let ids_of = |kind: &str| -> Vec<String> {
        let mut ids: Vec<String> = rows
            .iter()
            .filter(|r| r.object_type.as_deref() == Some(kind))
            .filter_map(|r| r.object_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let mut names = ObjectNames::new();
    let mut put = |kind: &str, list: Vec<(String, String)>| {
        for (id, name) in list {
            names.insert((kind.to_string(), id), name);
        }
    };
    put(
        "call",
        crate::db::calls::references_of(conn, &ids_of("call"))?,
    );
    put(
        "programme",
        crate::db::programmes::references_of(conn, &ids_of("programme"))?,
    );
    put("user", crate::db::users::emails_of(conn, &ids_of("user"))?);
    put(
        "lot",
        crate::db::calls::lot_labels(conn, &ids_of("lot"))?
            .into_iter()
            .map(|(id, n, reference)| (id, format!("{n} · {reference}")))
            .collect(),
    );
    Ok(names)
}

/// An object filter may name a call or programme by its reference instead of its id.
fn resolve_object(conn: &mut DbConnection, filter: &mut q::AuditFilter) -> AppResult<()> {
    let Some(typed) = filter.object_id.clone().filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let kind = filter.object_type.clone().unwrap_or_default();
    if uuid::Uuid::parse_str(&typed).is_ok() {
        return Ok(());
    }
    let found = match kind.as_str() {
        "call" | "" => crate::db::calls::id_by_reference(conn, &typed)?.map(|id| ("call", id)),
        _ => None,
    }
    .or(match kind.as_str() {
        "programme" | "" => {
            crate::db::programmes::id_by_reference(conn, &typed)?.map(|id| ("programme", id))
        }
        _ => None,
    });
    if let Some((kind, id)) = found {
        filter.object_type = Some(kind.to_string());
        filter.object_id = Some(id);
    }
    Ok(())
}

/// A page of the audit log for auditors and administrators, newest first, with the
/// list of action names for the filter.
#[tracing::instrument(skip_all)]
pub async fn browse(
    state: &crate::state::AppState,
    actor: &Actor,
    filter: q::AuditFilter,
    page: i64,
) -> AppResult<(Vec<AuditEventRow>, i64, Vec<String>, ObjectNames)> {
    actor.require(crate::domain::access::Action::ViewAuditLog)?;
    let offset = (page.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
    let mut filter = filter;
    state
        .db(move |conn| {
            resolve_object(conn, &mut filter)?;
            let (rows, total) = q::search(conn, &filter, offset, PAGE_SIZE)?;
            let actions = q::distinct_actions(conn)?;
            let names = object_names(conn, &rows)?;
            Ok((rows, total, actions, names))
        })
        .await
}

/// Every event the filter matches (up to `EXPORT_MAX`, newest first), for CSV export.
#[tracing::instrument(skip_all)]
pub async fn export(
    state: &crate::state::AppState,
    actor: &Actor,
    filter: q::AuditFilter,
) -> AppResult<(Vec<AuditEventRow>, ObjectNames)> {
    actor.require(crate::domain::access::Action::ViewAuditLog)?;
    let mut filter = filter;
    state
        .db(move |conn| {
            resolve_object(conn, &mut filter)?;
            let (rows, _) = q::search(conn, &filter, 0, EXPORT_MAX)?;
            let names = object_names(conn, &rows)?;
            Ok((rows, names))
        })
        .await
}
