//! Queries on applications.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::applications as a;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct ApplicationRow {
    pub id: String,
    pub call_id: String,
    pub lot_id: String,
    pub organisation_id: String,
    pub status: String,
    pub title: String,
    pub relevance: String,
    pub design: String,
    pub eu_contribution_cents: Option<i64>,
    pub duration_months: Option<i32>,
    pub version: i32,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_by: String,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &ApplicationRow) -> QueryResult<()> {
    diesel::insert_into(a::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ApplicationRow>> {
    a::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()
}

/// Applications of an organisation to a call that count against its limit (APP-06).
pub fn counted_for_limit(
    conn: &mut DbConnection,
    organisation_id: &str,
    call_id: &str,
) -> QueryResult<i64> {
    a::table
        .filter(a::organisation_id.eq(organisation_id))
        .filter(a::call_id.eq(call_id))
        .filter(a::status.ne("withdrawn"))
        .count()
        .get_result(conn)
}

/// The applications of the given organisations, latest first (one query).
pub fn of_organisations(
    conn: &mut DbConnection,
    organisation_ids: &[String],
) -> QueryResult<Vec<ApplicationRow>> {
    a::table
        .filter(a::organisation_id.eq_any(organisation_ids))
        .order(a::updated_at.desc())
        .select(ApplicationRow::as_select())
        .load(conn)
}

/// Saves the concept note's texts and estimates when the stored version is still
/// `expected_version`; false when someone saved in between.
pub fn save_concept_note(
    conn: &mut DbConnection,
    row: &ApplicationRow,
    expected_version: i32,
) -> QueryResult<bool> {
    let n = diesel::update(
        a::table
            .find(&row.id)
            .filter(a::version.eq(expected_version))
            .filter(a::status.eq("draft")),
    )
    .set((
        a::title.eq(&row.title),
        a::relevance.eq(&row.relevance),
        a::design.eq(&row.design),
        a::eu_contribution_cents.eq(row.eu_contribution_cents),
        a::duration_months.eq(row.duration_months),
        a::version.eq(expected_version + 1),
        a::updated_by.eq(&row.updated_by),
        a::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
