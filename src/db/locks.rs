//! Locks of aggregates, taken at the start of a write transaction (DESIGN: "name the
//! lock you hold"). Each invariant that spans rows belongs to one aggregate, and every
//! write that could break it locks that aggregate first:
//!
//! | lock               | guards                                                          |
//! |--------------------|-----------------------------------------------------------------|
//! | `programme`        | envelopes and grant budget against published lots; amendments; D |
//! | `call`             | the call's status, lots, grids, documents, questions per person |
//! | `user_directory`   | at least one active administrator; invitations and roles        |
//! | `user`             | one person's credentials (password, second factor, tokens)      |
//! | `organisation`     | an applicant organisation's record, members ("one owner at least") |
//!
//! On PostgreSQL a no-op `UPDATE` takes the row lock until the transaction ends, so a
//! second writer waits and then reads what the first committed. On SQLite the write
//! transaction (`BEGIN IMMEDIATE`) already excludes every other writer; the same
//! statement is harmless there. Locks are always taken in the order of the table above
//! (programme before call), so two writers cannot deadlock.

use diesel::prelude::*;

use super::schema::{aggregate_locks, calls, programmes, users};
use super::DbConnection;

/// Locks a programme; false when it does not exist.
pub fn programme(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(programmes::table.find(id))
        .set(programmes::updated_at.eq(programmes::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

/// Locks a call; false when it does not exist.
pub fn call(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(calls::table.find(id))
        .set(calls::updated_at.eq(calls::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

/// The programme a call belongs to (it never changes, so reading it unlocked is safe).
pub fn programme_of_call(conn: &mut DbConnection, call_id: &str) -> QueryResult<Option<String>> {
    calls::table
        .find(call_id)
        .select(calls::programme_id)
        .first(conn)
        .optional()
}

/// Locks the directory of users (roles, invitations, "at least one administrator").
pub fn user_directory(conn: &mut DbConnection, now: chrono::NaiveDateTime) -> QueryResult<()> {
    diesel::update(aggregate_locks::table.find("user_directory"))
        .set(aggregate_locks::touched_at.eq(Some(now)))
        .execute(conn)
        .map(|_| ())
}

/// Locks one user's account; false when it does not exist.
pub fn user(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(users::table.find(id))
        .set(users::updated_at.eq(users::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}
