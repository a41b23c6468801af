//! Queries on users.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::users;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub language: Option<String>,
    pub email_confirmed_at: Option<NaiveDateTime>,
    pub disabled_at: Option<NaiveDateTime>,
    pub session_epoch: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    /// The sign-in before the latest (shown to the person on their account page).
    pub previous_login_at: Option<NaiveDateTime>,
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub fn insert(conn: &mut DbConnection, row: &UserRow) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// Filters of the administrators' user list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub search: Option<String>,
    pub role: Option<String>,
    /// "active", "disabled", "unconfirmed"
    pub status: Option<String>,
}

fn filtered<'a>(filter: &'a UserFilter) -> users::BoxedQuery<'a, super::DbBackend> {
    let mut q = users::table.into_boxed();
    if let Some(s) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        let pattern = super::like_pattern(&s.trim().to_lowercase());
        q = q.filter(
            users::email
                .like(pattern.clone())
                .escape('\\')
                .or(lower(users::display_name).like(pattern).escape('\\')),
        );
    }
    if let Some(role) = filter.role.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(users::role.eq(role));
    }
    match filter.status.as_deref() {
        Some("active") => q = q.filter(users::disabled_at.is_null()),
        Some("disabled") => q = q.filter(users::disabled_at.is_not_null()),
        Some("unconfirmed") => q = q.filter(users::email_confirmed_at.is_null()),
        _ => {}
    }
    q
}

pub fn list(
    conn: &mut DbConnection,
    filter: &UserFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<UserRow>, i64)> {
    let total = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order((users::email.asc(), users::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(UserRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

pub fn set_password(
    conn: &mut DbConnection,
    id: &str,
    hash: &str,
    now: NaiveDateTime,
    bump_epoch: bool,
) -> QueryResult<()> {
    let epoch_step = if bump_epoch { 1 } else { 0 };
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(Some(hash)),
            users::updated_at.eq(now),
            users::session_epoch.eq(users::session_epoch + epoch_step),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn bump_session_epoch(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::session_epoch.eq(users::session_epoch + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn confirm_email(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_confirmed_at.is_null()),
    )
    .set((
        users::email_confirmed_at.eq(Some(now)),
        users::updated_at.eq(now),
    ))
    .execute(conn)
    .map(|_| ())
}

pub fn set_role(
    conn: &mut DbConnection,
    id: &str,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::role.eq(role),
            users::updated_at.eq(now),
            // A new role must take effect at once: end sessions that carry the old one.
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_disabled(
    conn: &mut DbConnection,
    id: &str,
    disabled_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::disabled_at.eq(disabled_at),
            users::updated_at.eq(now),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_profile(
    conn: &mut DbConnection,
    id: &str,
    name: &str,
    language: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(name),
            users::language.eq(language),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_language(
    conn: &mut DbConnection,
    id: &str,
    language: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::language.eq(Some(language)),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A sign-in: the latest one becomes the previous one.
pub fn record_login(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::previous_login_at.eq(users::last_login_at),
            users::last_login_at.eq(Some(now)),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn count_active_admins(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table
        .filter(users::role.eq("admin"))
        .filter(users::disabled_at.is_null())
        .count()
        .get_result(conn)
}

pub fn set_email(
    conn: &mut DbConnection,
    id: &str,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(email),
            users::email_confirmed_at.eq(Some(now)),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Emails of users by id, in one query (askers of questions, for staff).
pub fn emails_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<(String, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::email))
        .load(conn)
}

/// Overwrites a never-confirmed registration with a new one under the same id: an
/// expired registration made again, or an invitation taking it over. Every field is the
/// new row's (the earlier password is gone).
pub fn overwrite_unconfirmed(conn: &mut DbConnection, row: &UserRow) -> QueryResult<()> {
    diesel::update(
        users::table
            .find(&row.id)
            .filter(users::email_confirmed_at.is_null()),
    )
    .set((
        users::display_name.eq(&row.display_name),
        users::password_hash.eq(&row.password_hash),
        users::role.eq(&row.role),
        users::language.eq(&row.language),
        users::email_confirmed_at.eq(row.email_confirmed_at),
        users::session_epoch.eq(row.session_epoch),
        users::created_at.eq(row.created_at),
        users::updated_at.eq(row.updated_at),
    ))
    .execute(conn)
    .map(|_| ())
}

/// Self-registrations (they have a password; invitations do not) never confirmed and
/// never signed in, made before `before`.
pub fn unconfirmed_created_before(
    conn: &mut DbConnection,
    before: NaiveDateTime,
) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::email_confirmed_at.is_null())
        .filter(users::password_hash.is_not_null())
        .filter(users::last_login_at.is_null())
        .filter(users::created_at.lt(before))
        .limit(500)
        .select(UserRow::as_select())
        .load(conn)
}

/// Removes a never-confirmed registration and what only it refers to (its links and
/// requested email changes). Confirmed accounts are never deleted.
pub fn delete_unconfirmed(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    use super::schema::{call_followers, email_changes, user_tokens};
    diesel::delete(user_tokens::table.filter(user_tokens::user_id.eq(id))).execute(conn)?;
    diesel::delete(email_changes::table.filter(email_changes::user_id.eq(id))).execute(conn)?;
    diesel::delete(call_followers::table.filter(call_followers::user_id.eq(id))).execute(conn)?;
    diesel::delete(
        users::table
            .find(id)
            .filter(users::email_confirmed_at.is_null()),
    )
    .execute(conn)
}
