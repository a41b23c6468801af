//! The email outbox: rows written in the transaction that causes the mail, sent later by
//! the worker. Claiming uses a lease (`locked_until`) so two portal nodes never send
//! the same message twice at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::outbox;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub to_email: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &OutboxRow) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Ids of messages due now and not leased by another node.
pub fn due_ids(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<String>> {
    outbox::table
        .filter(outbox::status.eq("queued"))
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::locked_until
                .is_null()
                .or(outbox::locked_until.lt(now)),
        )
        .order(outbox::next_attempt_at.asc())
        .limit(limit)
        .select(outbox::id)
        .load(conn)
}

/// Leases one message to `node` until `until`; false when another node got it first.
pub fn claim(
    conn: &mut DbConnection,
    id: &str,
    node: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Option<OutboxRow>> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq("queued"))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            ),
    )
    .set((
        outbox::locked_until.eq(Some(until)),
        outbox::locked_by.eq(Some(node)),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()
}

/// Marks a message sent; `body_kept` replaces its body (without secret links).
pub fn mark_sent(
    conn: &mut DbConnection,
    id: &str,
    node: &str,
    now: NaiveDateTime,
    body_kept: &str,
) -> QueryResult<()> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::locked_by.eq(node)),
    )
    .set((
        outbox::body_text.eq(body_kept),
        outbox::status.eq("sent"),
        outbox::sent_at.eq(Some(now)),
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)
    .map(|_| ())
}

pub fn mark_failed_attempt(
    conn: &mut DbConnection,
    id: &str,
    node: &str,
    error: &str,
    next_attempt_at: NaiveDateTime,
    give_up: bool,
) -> QueryResult<()> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::locked_by.eq(node)),
    )
    .set((
        outbox::status.eq(if give_up { "failed" } else { "queued" }),
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::next_attempt_at.eq(next_attempt_at),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(Some(error)),
    ))
    .execute(conn)
    .map(|_| ())
}

/// Puts a failed message back in the queue (an administrator's "retry").
pub fn requeue(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq("failed")),
    )
    .set((outbox::status.eq("queued"), outbox::next_attempt_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<&str>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<OutboxRow>, i64)> {
    let mut count_q = outbox::table.into_boxed();
    let mut q = outbox::table.into_boxed();
    if let Some(s) = status.filter(|s| !s.is_empty()) {
        count_q = count_q.filter(outbox::status.eq(s.to_string()));
        q = q.filter(outbox::status.eq(s.to_string()));
    }
    let total = count_q.count().get_result(conn)?;
    let rows = q
        .order(outbox::created_at.desc())
        .offset(offset)
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

pub fn counts_by_status(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    use diesel::dsl::count_star;
    outbox::table
        .group_by(outbox::status)
        .select((outbox::status, count_star()))
        .load(conn)
}

/// Removes sent messages older than `before` (kept only as long as configured).
pub fn purge_sent_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        outbox::table
            .filter(outbox::status.eq("sent"))
            .filter(outbox::sent_at.lt(before)),
    )
    .execute(conn)
}

/// Removes the secret links of failed messages too (they will not be sent).
pub fn redact_failed(conn: &mut DbConnection, id: &str, body_kept: &str) -> QueryResult<()> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq("failed")),
    )
    .set(outbox::body_text.eq(body_kept))
    .execute(conn)
    .map(|_| ())
}

/// What the metrics show of the queue: messages by status, how many queued messages
/// are due, and when the oldest queued one was created.
pub struct QueueFigures {
    pub by_status: Vec<(String, i64)>,
    pub due: i64,
    pub oldest_queued: Option<NaiveDateTime>,
}

pub fn queue_figures(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<QueueFigures> {
    use diesel::dsl::min;
    let by_status = counts_by_status(conn)?;
    let queued = || outbox::table.filter(outbox::status.eq("queued"));
    let due = queued()
        .filter(outbox::next_attempt_at.le(now))
        .count()
        .get_result(conn)?;
    let oldest_queued = queued()
        .select(min(outbox::created_at))
        .first::<Option<NaiveDateTime>>(conn)?;
    Ok(QueueFigures {
        by_status,
        due,
        oldest_queued,
    })
}
