//! Failed sign-ins, failed checks and limited sends, counted by every portal node alike.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::auth_attempts as a;
use super::DbConnection;

pub fn record(
    conn: &mut DbConnection,
    kind: &str,
    subject: &str,
    address: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(a::table)
        .values((
            a::id.eq(uuid::Uuid::now_v7().to_string()),
            a::kind.eq(kind),
            a::subject.eq(subject),
            a::address.eq(address),
            a::at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// (of the subject from the address, of the subject in all, from the address in all)
/// since `since`.
pub fn counts(
    conn: &mut DbConnection,
    kind: &str,
    subject: &str,
    address: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, i64, i64)> {
    let recent = || a::table.filter(a::kind.eq(kind)).filter(a::at.ge(since));
    let subject_from_address = recent()
        .filter(a::subject.eq(subject))
        .filter(a::address.eq(address))
        .count()
        .get_result(conn)?;
    let subject_total = recent()
        .filter(a::subject.eq(subject))
        .count()
        .get_result(conn)?;
    let address_total = recent()
        .filter(a::address.eq(address))
        .count()
        .get_result(conn)?;
    Ok((subject_from_address, subject_total, address_total))
}

/// Forgets the failures of a subject (a successful sign-in, a completed reset).
pub fn clear(conn: &mut DbConnection, kind: &str, subject: &str) -> QueryResult<usize> {
    diesel::delete(
        a::table
            .filter(a::kind.eq(kind))
            .filter(a::subject.eq(subject)),
    )
    .execute(conn)
}

/// Removes what no window looks at any more.
pub fn purge_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(a::table.filter(a::at.lt(before))).execute(conn)
}
