//! Queries on programmes, their budget lines, envelopes and amendments.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    programme_amendments, programme_budget_lines, programme_d_corrections, programme_envelopes,
    programmes,
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
    /// Removed from the programme (kept, never deleted).
    pub retired_at: Option<NaiveDateTime>,
    /// CFP-08: for information ("" when not translated).
    pub label_kk: String,
    pub label_ru: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_envelopes)]
pub struct EnvelopeRow {
    pub id: String,
    pub programme_id: String,
    pub position: i32,
    pub label: String,
    pub amount_cents: i64,
    /// Removed from the programme (kept, never deleted).
    pub retired_at: Option<NaiveDateTime>,
    /// CFP-08: for information ("" when not translated).
    pub label_kk: String,
    pub label_ru: String,
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

/// Budget lines and envelopes are stored alike: a labelled amount at a position, retired
/// (kept, never deleted) once the programme no longer lists it.
pub trait MoneyLineRows: Sized {
    /// `labels`: English, Kazakh, Russian.
    fn new_row(
        id: String,
        programme_id: &str,
        position: i32,
        labels: [&str; 3],
        cents: i64,
    ) -> Self;
    fn row_id(&self) -> &str;
    /// The programme's lines in force, in order (retired ones are kept but not listed).
    fn in_force(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<Self>>;
    /// Lines in force of several programmes, in one query (for lists).
    fn in_force_of(conn: &mut DbConnection, programme_ids: &[String]) -> QueryResult<Vec<Self>>;
    fn insert(&self, conn: &mut DbConnection) -> QueryResult<()>;
    /// Position, labels and amount of a line of the same programme.
    fn update(&self, conn: &mut DbConnection) -> QueryResult<()>;
    fn retire(
        conn: &mut DbConnection,
        programme_id: &str,
        id: &str,
        now: NaiveDateTime,
    ) -> QueryResult<()>;
}

macro_rules! money_line_rows {
    ($row:ident, $table:ident) => {
        impl MoneyLineRows for $row {
            fn new_row(
                id: String,
                programme_id: &str,
                position: i32,
                [label, label_kk, label_ru]: [&str; 3],
                cents: i64,
            ) -> Self {
                $row {
                    id,
                    programme_id: programme_id.to_string(),
                    position,
                    label: label.to_string(),
                    amount_cents: cents,
                    retired_at: None,
                    label_kk: label_kk.to_string(),
                    label_ru: label_ru.to_string(),
                }
            }

            fn row_id(&self) -> &str {
                &self.id
            }

            fn in_force(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<Self>> {
                Self::in_force_of(conn, &[programme_id.to_string()])
            }

            fn in_force_of(
                conn: &mut DbConnection,
                programme_ids: &[String],
            ) -> QueryResult<Vec<Self>> {
                $table::table
                    .filter($table::programme_id.eq_any(programme_ids))
                    .filter($table::retired_at.is_null())
                    .order(($table::programme_id.asc(), $table::position.asc()))
                    .select($row::as_select())
                    .load(conn)
            }

            fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
                diesel::insert_into($table::table)
                    .values(self)
                    .execute(conn)
                    .map(|_| ())
            }

            fn update(&self, conn: &mut DbConnection) -> QueryResult<()> {
                diesel::update(
                    $table::table
                        .find(&self.id)
                        .filter($table::programme_id.eq(&self.programme_id)),
                )
                .set((
                    $table::position.eq(self.position),
                    $table::label.eq(&self.label),
                    $table::label_kk.eq(&self.label_kk),
                    $table::label_ru.eq(&self.label_ru),
                    $table::amount_cents.eq(self.amount_cents),
                ))
                .execute(conn)
                .map(|_| ())
            }

            fn retire(
                conn: &mut DbConnection,
                programme_id: &str,
                id: &str,
                now: NaiveDateTime,
            ) -> QueryResult<()> {
                diesel::update(
                    $table::table
                        .find(id)
                        .filter($table::programme_id.eq(programme_id)),
                )
                .set($table::retired_at.eq(Some(now)))
                .execute(conn)
                .map(|_| ())
            }
        }
    };
}

money_line_rows!(BudgetLineRow, programme_budget_lines);
money_line_rows!(EnvelopeRow, programme_envelopes);

/// The programme's budget lines in force.
pub fn budget_lines(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<BudgetLineRow>> {
    BudgetLineRow::in_force(conn, programme_id)
}

/// The programme's envelopes in force.
pub fn envelopes(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<EnvelopeRow>> {
    EnvelopeRow::in_force(conn, programme_id)
}

/// Envelopes of several programmes in force, in one query (for lists).
pub fn envelopes_of(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<Vec<EnvelopeRow>> {
    EnvelopeRow::in_force_of(conn, programme_ids)
}

/// Sets the entry into force D (a recorded correction, before any call is published).
pub fn set_entry_into_force(
    conn: &mut DbConnection,
    id: &str,
    d: NaiveDate,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(programmes::table.find(id))
        .set((
            programmes::entry_into_force.eq(d),
            programmes::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_d_corrections)]
pub struct DCorrectionRow {
    pub id: String,
    pub programme_id: String,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

pub fn insert_d_correction(conn: &mut DbConnection, row: &DCorrectionRow) -> QueryResult<()> {
    diesel::insert_into(programme_d_corrections::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn d_corrections(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<DCorrectionRow>> {
    programme_d_corrections::table
        .filter(programme_d_corrections::programme_id.eq(programme_id))
        .order(programme_d_corrections::recorded_at.asc())
        .select(DCorrectionRow::as_select())
        .load(conn)
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

/// Amendments of several programmes in one query (for lists).
pub fn amendments_of(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<Vec<AmendmentRow>> {
    programme_amendments::table
        .filter(programme_amendments::programme_id.eq_any(programme_ids))
        .order(programme_amendments::recorded_at.asc())
        .select(AmendmentRow::as_select())
        .load(conn)
}

/// Budget lines in force of several programmes in one query (for lists).
pub fn budget_lines_of(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<Vec<BudgetLineRow>> {
    BudgetLineRow::in_force_of(conn, programme_ids)
}

/// D corrections of several programmes in one query (for lists).
pub fn d_corrections_of(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<Vec<DCorrectionRow>> {
    programme_d_corrections::table
        .filter(programme_d_corrections::programme_id.eq_any(programme_ids))
        .order(programme_d_corrections::recorded_at.asc())
        .select(DCorrectionRow::as_select())
        .load(conn)
}

/// Programme references by id (to name programmes in the audit log), one query.
pub fn references_of(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<Vec<(String, String)>> {
    programmes::table
        .filter(programmes::id.eq_any(ids))
        .select((programmes::id, programmes::reference))
        .load(conn)
}

/// The programme a reference names.
pub fn id_by_reference(conn: &mut DbConnection, reference: &str) -> QueryResult<Option<String>> {
    programmes::table
        .filter(programmes::reference.eq(reference))
        .select(programmes::id)
        .first(conn)
        .optional()
}

/// TL-05, TL-07: an obligation of the programme recorded as done.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::programme_obligations)]
pub struct ObligationRow {
    pub programme_id: String,
    pub rule: String,
    pub due_on: chrono::NaiveDate,
    pub done_on: chrono::NaiveDate,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: chrono::NaiveDateTime,
}

pub fn obligations(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<ObligationRow>> {
    use super::schema::programme_obligations as o;
    o::table
        .filter(o::programme_id.eq(programme_id))
        .order((o::due_on.asc(), o::rule.asc()))
        .select(ObligationRow::as_select())
        .load(conn)
}

/// Records one; false when it was recorded already.
pub fn record_obligation(conn: &mut DbConnection, row: &ObligationRow) -> QueryResult<bool> {
    crate::db::insert_or_ignore!(conn, super::schema::programme_obligations::table, row)
        .map(|n| n == 1)
}
