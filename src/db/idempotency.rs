//! Requests done once (a page form's one-time token, the API's `Idempotency-Key`) and
//! the answer the first one got.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::idempotent_requests as r;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = r)]
pub struct IdempotentRow {
    pub owner: String,
    pub key: String,
    pub request_sha256: String,
    pub created_at: NaiveDateTime,
    pub status: Option<i32>,
    pub location: Option<String>,
    pub content_type: Option<String>,
    pub flash: Option<String>,
    pub body: Option<String>,
}

/// Claims the key for this request; false when another request holds it already.
pub fn claim(
    conn: &mut DbConnection,
    owner: &str,
    key: &str,
    request_sha256: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::insert_or_ignore!(
        conn,
        r::table,
        (
            r::owner.eq(owner),
            r::key.eq(key),
            r::request_sha256.eq(request_sha256),
            r::created_at.eq(now),
        )
    )
    .map(|n| n == 1)
}

pub fn find(conn: &mut DbConnection, owner: &str, key: &str) -> QueryResult<Option<IdempotentRow>> {
    r::table
        .filter(r::owner.eq(owner))
        .filter(r::key.eq(key))
        .select(IdempotentRow::as_select())
        .first(conn)
        .optional()
}

/// The answer of the request that claimed the key.
pub struct Answer<'a> {
    pub status: i32,
    pub location: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub flash: Option<&'a str>,
    pub body: &'a str,
}

pub fn answer(conn: &mut DbConnection, owner: &str, key: &str, a: Answer<'_>) -> QueryResult<()> {
    diesel::update(r::table.filter(r::owner.eq(owner)).filter(r::key.eq(key)))
        .set((
            r::status.eq(Some(a.status)),
            r::location.eq(a.location),
            r::content_type.eq(a.content_type),
            r::flash.eq(a.flash),
            r::body.eq(Some(a.body)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Gives the key back (the request failed on the server's side: it may be tried again).
pub fn release(conn: &mut DbConnection, owner: &str, key: &str) -> QueryResult<()> {
    diesel::delete(r::table.filter(r::owner.eq(owner)).filter(r::key.eq(key)))
        .execute(conn)
        .map(|_| ())
}

/// Forgets keys claimed before `before` (kept a day).
pub fn purge_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(r::table.filter(r::created_at.lt(before))).execute(conn)
}
