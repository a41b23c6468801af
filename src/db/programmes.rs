//! Queries on programmes, their budget lines, envelopes and amendments.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    programme_amendments, programme_budget_lines, programme_envelopes, programmes,
};
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programmes)]
pub struct ProgrammeRow {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub entry_into_force: NaiveDate,
    pub total_budget_cents: i64,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_budget_lines)]
pub struct BudgetLineRow {
    pub id: String,
    pub programme_id: String,
    pub position: i32,
    pub label: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_envelopes)]
pub struct EnvelopeRow {
    pub id: String,
    pub programme_id: String,
    pub position: i32,
    pub label: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_amendments)]
pub struct AmendmentRow {
    pub id: String,
    pub programme_id: String,
    pub date_field: String,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
    pub addendum_reference: String,
    pub proposed_on: NaiveDate,
    pub effective_on: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &ProgrammeRow) -> QueryResult<()> {
    diesel::insert_into(programmes::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ProgrammeRow>> {
    programmes::table
        .find(id)
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_reference(
    conn: &mut DbConnection,
    reference: &str,
) -> QueryResult<Option<ProgrammeRow>> {
    programmes::table
        .filter(programmes::reference.eq(reference))
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<ProgrammeRow>> {
    programmes::table
        .order(programmes::entry_into_force.desc())
        .select(ProgrammeRow::as_select())
        .load(conn)
}

pub fn update_identity(
    conn: &mut DbConnection,
    id: &str,
    reference: &str,
    title: &str,
    total: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(programmes::table.find(id))
        .set((
            programmes::reference.eq(reference),
            programmes::title.eq(title),
            programmes::total_budget_cents.eq(total),
            programmes::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn budget_lines(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<BudgetLineRow>> {
    programme_budget_lines::table
        .filter(programme_budget_lines::programme_id.eq(programme_id))
        .order(programme_budget_lines::position.asc())
        .select(BudgetLineRow::as_select())
        .load(conn)
}

pub fn replace_budget_lines(
    conn: &mut DbConnection,
    programme_id: &str,
    rows: &[BudgetLineRow],
) -> QueryResult<()> {
    diesel::delete(
        programme_budget_lines::table.filter(programme_budget_lines::programme_id.eq(programme_id)),
    )
    .execute(conn)?;
    for r in rows {
        diesel::insert_into(programme_budget_lines::table)
            .values(r)
            .execute(conn)?;
    }
    Ok(())
}

pub fn envelopes(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<EnvelopeRow>> {
    programme_envelopes::table
        .filter(programme_envelopes::programme_id.eq(programme_id))
        .order(programme_envelopes::position.asc())
        .select(EnvelopeRow::as_select())
        .load(conn)
}

pub fn replace_envelopes(
    conn: &mut DbConnection,
    programme_id: &str,
    rows: &[EnvelopeRow],
) -> QueryResult<()> {
    diesel::delete(
        programme_envelopes::table.filter(programme_envelopes::programme_id.eq(programme_id)),
    )
    .execute(conn)?;
    for r in rows {
        diesel::insert_into(programme_envelopes::table)
            .values(r)
            .execute(conn)?;
    }
    Ok(())
}

pub fn amendments(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<AmendmentRow>> {
    programme_amendments::table
        .filter(programme_amendments::programme_id.eq(programme_id))
        .order(programme_amendments::recorded_at.asc())
        .select(AmendmentRow::as_select())
        .load(conn)
}

pub fn insert_amendment(conn: &mut DbConnection, row: &AmendmentRow) -> QueryResult<()> {
    diesel::insert_into(programme_amendments::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}
