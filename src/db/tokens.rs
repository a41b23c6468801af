//! Single-use tokens sent by email (email confirmation, password reset, invitation).
//! Only their SHA-256 is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::user_tokens;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_tokens)]
pub struct UserTokenRow {
    pub id: String,
    pub user_id: String,
    pub purpose: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &UserTokenRow) -> QueryResult<()> {
    diesel::insert_into(user_tokens::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find_by_hash(
    conn: &mut DbConnection,
    purpose: &str,
    hash: &str,
) -> QueryResult<Option<UserTokenRow>> {
    user_tokens::table
        .filter(user_tokens::token_hash.eq(hash))
        .filter(user_tokens::purpose.eq(purpose))
        .select(UserTokenRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the token used; returns false when it was already used (a concurrent use).
pub fn mark_used(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        user_tokens::table
            .find(id)
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Ends every unused token of a purpose for a user (a new one replaces them).
pub fn expire_unused(
    conn: &mut DbConnection,
    user_id: &str,
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        user_tokens::table
            .filter(user_tokens::user_id.eq(user_id))
            .filter(user_tokens::purpose.eq(purpose))
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(Some(now)))
    .execute(conn)
    .map(|_| ())
}
