//! The append-only audit trail. Rows are only ever inserted; the one-row chain head is
//! updated first, which serialises concurrent appends (row lock on PostgreSQL, the
//! write lock of `BEGIN IMMEDIATE` on SQLite).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_chain_head, audit_events};
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_events)]
pub struct AuditEventRow {
    pub seq: i64,
    pub id: String,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub actor_email: Option<String>,
    pub action: String,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub details: String,
    pub client_ip: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// Takes the next sequence number, locking the chain head for this transaction.
/// Returns (seq, previous hash, the first keyed seq). The first event written with a
/// key starts the keyed part of the chain.
pub fn reserve_next(conn: &mut DbConnection) -> QueryResult<(i64, String, i64)> {
    diesel::update(audit_chain_head::table.find(1))
        .set(audit_chain_head::last_seq.eq(audit_chain_head::last_seq + 1))
        .execute(conn)?;
    let (seq, prev_hash, keyed_from): (i64, String, Option<i64>) = audit_chain_head::table
        .find(1)
        .select((
            audit_chain_head::last_seq,
            audit_chain_head::last_hash,
            audit_chain_head::keyed_from_seq,
        ))
        .first(conn)?;
    let keyed_from = match keyed_from {
        Some(from) => from,
        None => {
            diesel::update(audit_chain_head::table.find(1))
                .set(audit_chain_head::keyed_from_seq.eq(Some(seq)))
                .execute(conn)?;
            seq
        }
    };
    Ok((seq, prev_hash, keyed_from))
}

pub fn append(conn: &mut DbConnection, row: &AuditEventRow) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values(row)
        .execute(conn)?;
    diesel::update(audit_chain_head::table.find(1))
        .set(audit_chain_head::last_hash.eq(&row.hash))
        .execute(conn)?;
    Ok(())
}

/// (last seq, last hash, first keyed seq).
pub fn head(conn: &mut DbConnection) -> QueryResult<(i64, String, Option<i64>)> {
    audit_chain_head::table
        .find(1)
        .select((
            audit_chain_head::last_seq,
            audit_chain_head::last_hash,
            audit_chain_head::keyed_from_seq,
        ))
        .first(conn)
}

/// The stored hash of one event.
pub fn hash_of(conn: &mut DbConnection, seq: i64) -> QueryResult<Option<String>> {
    audit_events::table
        .filter(audit_events::seq.eq(seq))
        .select(audit_events::hash)
        .first(conn)
        .optional()
}

/// A page of events in chain order, from `after_seq` on.
pub fn chain_page(
    conn: &mut DbConnection,
    after_seq: i64,
    limit: i64,
) -> QueryResult<Vec<AuditEventRow>> {
    audit_events::table
        .filter(audit_events::seq.gt(after_seq))
        .order(audit_events::seq.asc())
        .limit(limit)
        .select(AuditEventRow::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
}

fn filtered<'a>(f: &'a AuditFilter) -> audit_events::BoxedQuery<'a, super::DbBackend> {
    let mut q = audit_events::table.into_boxed();
    if let Some(a) = f.action.as_deref().filter(|s| !s.is_empty()) {
        // "user." matches every user action; a full name matches one.
        if a.ends_with('.') {
            q = q
                .filter(audit_events::action.like(format!("{}%", a.replace(['%', '_', '\\'], ""))));
        } else {
            q = q.filter(audit_events::action.eq(a));
        }
    }
    if let Some(actor) = f.actor.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(
            audit_events::actor_email
                .like(super::like_pattern(&actor.to_lowercase()))
                .escape('\\')
                .or(audit_events::actor_id.eq(actor)),
        );
    }
    if let Some(t) = f.object_type.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_events::object_type.eq(t));
    }
    if let Some(id) = f.object_id.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_events::object_id.eq(id));
    }
    if let Some(from) = f.from {
        q = q.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(until) = f.until {
        q = q.filter(audit_events::occurred_at.lt(until));
    }
    q
}

/// Newest first, for the audit page.
pub fn search(
    conn: &mut DbConnection,
    f: &AuditFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<AuditEventRow>, i64)> {
    let total = filtered(f).count().get_result(conn)?;
    let rows = filtered(f)
        .order(audit_events::seq.desc())
        .offset(offset)
        .limit(limit)
        .select(AuditEventRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

pub fn distinct_actions(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    audit_events::table
        .select(audit_events::action)
        .distinct()
        .order(audit_events::action.asc())
        .load(conn)
}

/// Events about one object, oldest first (for "history" panels).
pub fn for_object(
    conn: &mut DbConnection,
    object_type: &str,
    object_id: &str,
    limit: i64,
) -> QueryResult<Vec<AuditEventRow>> {
    audit_events::table
        .filter(audit_events::object_type.eq(object_type))
        .filter(audit_events::object_id.eq(object_id))
        .order(audit_events::seq.desc())
        .limit(limit)
        .select(AuditEventRow::as_select())
        .load(conn)
}
