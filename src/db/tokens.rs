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

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::email_changes)]
pub struct EmailChangeRow {
    pub id: String,
    pub user_id: String,
    pub new_email: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// Records a requested email change, ending earlier unconfirmed requests of the user.
pub fn insert_email_change(conn: &mut DbConnection, row: &EmailChangeRow) -> QueryResult<()> {
    use super::schema::email_changes as e;
    diesel::update(
        e::table
            .filter(e::user_id.eq(&row.user_id))
            .filter(e::used_at.is_null()),
    )
    .set(e::used_at.eq(Some(row.created_at)))
    .execute(conn)?;
    diesel::insert_into(e::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find_email_change(
    conn: &mut DbConnection,
    hash: &str,
) -> QueryResult<Option<EmailChangeRow>> {
    use super::schema::email_changes as e;
    e::table
        .filter(e::token_hash.eq(hash))
        .select(EmailChangeRow::as_select())
        .first(conn)
        .optional()
}

pub fn use_email_change(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    use super::schema::email_changes as e;
    let n = diesel::update(e::table.find(id).filter(e::used_at.is_null()))
        .set(e::used_at.eq(Some(now)))
        .execute(conn)?;
    Ok(n == 1)
}

/// Ends every pending (unconfirmed) email change of a user.
pub fn expire_email_changes(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    use super::schema::email_changes as e;
    diesel::update(
        e::table
            .filter(e::user_id.eq(user_id))
            .filter(e::used_at.is_null()),
    )
    .set(e::used_at.eq(Some(now)))
    .execute(conn)
}
