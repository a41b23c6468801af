//! Ids of sessions ended by logout, until their cookies expire.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::revoked_sessions;
use super::DbConnection;

pub fn revoke(
    conn: &mut DbConnection,
    session_id: &str,
    user_id: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    let exists = is_revoked(conn, session_id)?;
    if !exists {
        diesel::insert_into(revoked_sessions::table)
            .values((
                revoked_sessions::session_id.eq(session_id),
                revoked_sessions::user_id.eq(user_id),
                revoked_sessions::expires_at.eq(expires_at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn is_revoked(conn: &mut DbConnection, session_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        revoked_sessions::table.find(session_id),
    ))
    .get_result(conn)
}

pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(revoked_sessions::table.filter(revoked_sessions::expires_at.lt(now)))
        .execute(conn)
}
