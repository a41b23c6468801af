//! Second factors (TOTP secrets, sealed) and one-time recovery codes (hashed).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{user_recovery_codes as r, user_second_factors as f};
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = f)]
pub struct SecondFactorRow {
    pub user_id: String,
    pub secret_ciphertext: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_used_step: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<SecondFactorRow>> {
    f::table
        .find(user_id)
        .select(SecondFactorRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the user has a confirmed second factor.
pub fn is_enrolled(conn: &mut DbConnection, user_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        f::table
            .filter(f::user_id.eq(user_id))
            .filter(f::confirmed_at.is_not_null()),
    ))
    .get_result(conn)
}

/// Starts (or restarts) an enrolment with a new, unconfirmed secret.
pub fn put_pending(conn: &mut DbConnection, row: &SecondFactorRow) -> QueryResult<()> {
    diesel::delete(f::table.find(&row.user_id)).execute(conn)?;
    diesel::insert_into(f::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn confirm(
    conn: &mut DbConnection,
    user_id: &str,
    step: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(f::table.find(user_id).filter(f::confirmed_at.is_null()))
        .set((
            f::confirmed_at.eq(Some(now)),
            f::last_used_step.eq(Some(step)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records the time step of an accepted code; false when that step (or a later one)
/// was already used: a replayed code.
pub fn use_step(conn: &mut DbConnection, user_id: &str, step: i64) -> QueryResult<bool> {
    let n = diesel::update(
        f::table
            .find(user_id)
            .filter(f::last_used_step.is_null().or(f::last_used_step.lt(step))),
    )
    .set(f::last_used_step.eq(Some(step)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Removes the second factor and every recovery code (turned off, or reset by an
/// administrator).
pub fn remove(conn: &mut DbConnection, user_id: &str) -> QueryResult<usize> {
    diesel::delete(r::table.filter(r::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(f::table.find(user_id)).execute(conn)
}

/// Replaces the user's recovery codes with new ones (their hashes).
pub fn replace_recovery_codes(
    conn: &mut DbConnection,
    user_id: &str,
    hashes: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(r::table.filter(r::user_id.eq(user_id))).execute(conn)?;
    for hash in hashes {
        diesel::insert_into(r::table)
            .values((
                r::id.eq(uuid::Uuid::now_v7().to_string()),
                r::user_id.eq(user_id),
                r::code_hash.eq(hash),
                r::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Uses up a recovery code; false when it is not the user's or was used.
pub fn use_recovery_code(
    conn: &mut DbConnection,
    user_id: &str,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        r::table
            .filter(r::user_id.eq(user_id))
            .filter(r::code_hash.eq(hash))
            .filter(r::used_at.is_null()),
    )
    .set(r::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Recovery codes left unused.
pub fn unused_recovery_codes(conn: &mut DbConnection, user_id: &str) -> QueryResult<i64> {
    r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::used_at.is_null())
        .count()
        .get_result(conn)
}
