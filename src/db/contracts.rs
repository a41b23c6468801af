//! Queries on grant contracts: the contract row (its lock guards payments against the
//! maximum and the 90% pre-financing cap), its versions, tranches, payments and reports.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::contract_amendments as amd;
use super::schema::contract_payments as pay;
use super::schema::contract_reports as rep;
use super::schema::contract_tranches as tr;
use super::schema::contract_versions as ver;
use super::schema::contracts as c;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = c, treat_none_as_null = true)]
pub struct ContractRow {
    pub id: String,
    pub number: String,
    pub application_id: String,
    pub call_id: String,
    pub programme_id: String,
    pub organisation_id: String,
    pub status: String,
    pub version: i32,
    pub max_eu_cents: i64,
    pub eu_share_bp: i64,
    pub duration_months: i32,
    pub agreed_start: Option<NaiveDate>,
    pub lead_abroad: bool,
    pub sent_at: Option<NaiveDateTime>,
    pub sent_by: Option<String>,
    pub countersign_by: Option<NaiveDate>,
    pub countersigned_at: Option<NaiveDateTime>,
    pub countersigned_by: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub suspended_since: Option<NaiveDate>,
    pub suspended_days: i32,
    pub ended_at: Option<NaiveDateTime>,
    pub end_reason: Option<String>,
    pub final_grant_cents: Option<i64>,
    pub final_payment_on: Option<NaiveDate>,
    pub keep_until: Option<NaiveDate>,
    /// The contract budget's main headings 1–6 in cents, as signed and as changed by
    /// transfers (AMD-02), JSON.
    pub headings: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ver)]
pub struct VersionRow {
    pub id: String,
    pub contract_id: String,
    pub version: i32,
    pub terms: String,
    pub reason: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tr)]
pub struct TrancheRow {
    pub id: String,
    pub contract_id: String,
    pub position: i32,
    pub kind: String,
    pub planned_cents: i64,
    pub after_report: Option<i32>,
    pub due_on: Option<NaiveDate>,
    pub payable_cents: Option<i64>,
    pub release: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = pay)]
pub struct PaymentRow {
    pub id: String,
    pub contract_id: String,
    pub tranche_position: Option<i32>,
    pub kind: String,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub reference: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = rep, treat_none_as_null = true)]
pub struct ReportRow {
    pub id: String,
    pub contract_id: String,
    pub position: i32,
    pub kind: String,
    pub period_end: NaiveDate,
    pub due_on: NaiveDate,
    pub verification: bool,
    pub status: String,
    pub narrative: String,
    pub costs_cents: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub submitted_by: Option<String>,
    pub information_due: Option<NaiveDate>,
    pub staff_comment: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub accepted_costs_cents: Option<i64>,
}

/// Locks a contract (payments, reports and amendments of one contract are serialised);
/// false when it does not exist.
pub fn lock(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(c::table.find(id))
        .set(c::updated_at.eq(c::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ContractRow>> {
    c::table
        .find(id)
        .select(ContractRow::as_select())
        .first(conn)
        .optional()
}

pub fn of_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Option<ContractRow>> {
    c::table
        .filter(c::application_id.eq(application_id))
        .select(ContractRow::as_select())
        .first(conn)
        .optional()
}

pub fn number_taken(conn: &mut DbConnection, number: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(c::table.filter(c::number.eq(number)))).get_result(conn)
}

pub fn count_of_call(conn: &mut DbConnection, call_id: &str) -> QueryResult<i64> {
    c::table
        .filter(c::call_id.eq(call_id))
        .count()
        .get_result(conn)
}

/// Every contract, newest first, or only an organisation's.
pub fn list(conn: &mut DbConnection, organisation: Option<&str>) -> QueryResult<Vec<ContractRow>> {
    let mut q = c::table.into_boxed();
    if let Some(org) = organisation {
        q = q.filter(c::organisation_id.eq(org));
    }
    q.order(c::created_at.desc())
        .select(ContractRow::as_select())
        .load(conn)
}

/// The contracts of the organisations a user belongs to.
pub fn of_member(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<ContractRow>> {
    use super::schema::organisation_members as m;
    c::table
        .filter(
            c::organisation_id.eq_any(
                m::table
                    .filter(m::user_id.eq(user_id))
                    .select(m::organisation_id),
            ),
        )
        .order(c::created_at.desc())
        .select(ContractRow::as_select())
        .load(conn)
}

/// Contracts in the given states (the daily watch).
pub fn in_states(conn: &mut DbConnection, states: &[&str]) -> QueryResult<Vec<ContractRow>> {
    c::table
        .filter(c::status.eq_any(states))
        .order(c::id.asc())
        .select(ContractRow::as_select())
        .load(conn)
}

pub fn insert(conn: &mut DbConnection, row: &ContractRow) -> QueryResult<()> {
    diesel::insert_into(c::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update(conn: &mut DbConnection, row: &ContractRow) -> QueryResult<()> {
    diesel::update(c::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

pub fn insert_version(conn: &mut DbConnection, row: &VersionRow) -> QueryResult<()> {
    diesel::insert_into(ver::table).values(row).execute(conn)?;
    Ok(())
}

pub fn versions_of(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<VersionRow>> {
    ver::table
        .filter(ver::contract_id.eq(id))
        .order(ver::version.asc())
        .select(VersionRow::as_select())
        .load(conn)
}

pub fn insert_tranche(conn: &mut DbConnection, row: &TrancheRow) -> QueryResult<()> {
    diesel::insert_into(tr::table).values(row).execute(conn)?;
    Ok(())
}

pub fn tranches_of(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<TrancheRow>> {
    tr::table
        .filter(tr::contract_id.eq(id))
        .order(tr::position.asc())
        .select(TrancheRow::as_select())
        .load(conn)
}

pub fn release_tranche(
    conn: &mut DbConnection,
    tranche_id: &str,
    due_on: Option<NaiveDate>,
    payable_cents: i64,
    release: &str,
) -> QueryResult<()> {
    diesel::update(tr::table.find(tranche_id))
        .set((
            tr::due_on.eq(due_on),
            tr::payable_cents.eq(Some(payable_cents)),
            tr::release.eq(Some(release)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn insert_payment(conn: &mut DbConnection, row: &PaymentRow) -> QueryResult<()> {
    diesel::insert_into(pay::table).values(row).execute(conn)?;
    Ok(())
}

pub fn payments_of(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<PaymentRow>> {
    pay::table
        .filter(pay::contract_id.eq(id))
        .order((pay::paid_on.asc(), pay::recorded_at.asc()))
        .select(PaymentRow::as_select())
        .load(conn)
}

/// The ids of contracts with at least one payment, among `ids`.
pub fn with_payments(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<String>> {
    pay::table
        .filter(pay::contract_id.eq_any(ids))
        .filter(pay::kind.eq("payment"))
        .select(pay::contract_id)
        .distinct()
        .load(conn)
}

pub fn insert_report(conn: &mut DbConnection, row: &ReportRow) -> QueryResult<()> {
    diesel::insert_into(rep::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update_report(conn: &mut DbConnection, row: &ReportRow) -> QueryResult<()> {
    diesel::update(rep::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

pub fn reports_of(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<ReportRow>> {
    rep::table
        .filter(rep::contract_id.eq(id))
        .order(rep::position.asc())
        .select(ReportRow::as_select())
        .load(conn)
}

/// Reports of running contracts not yet approved whose due day (or information
/// deadline) is before `day` (the daily watch).
pub fn open_reports_due_before(
    conn: &mut DbConnection,
    day: NaiveDate,
) -> QueryResult<Vec<ReportRow>> {
    rep::table
        .filter(rep::status.eq_any(["due", "information_requested"]))
        .filter(rep::due_on.lt(day).or(rep::information_due.lt(Some(day))))
        .filter(
            rep::contract_id.eq_any(
                c::table
                    .filter(c::status.eq_any(["active", "suspended"]))
                    .select(c::id),
            ),
        )
        .order((rep::due_on.asc(), rep::id.asc()))
        .select(ReportRow::as_select())
        .load(conn)
}

/// The award decision of an application, when its report is approved (SEL-03): only
/// then may a contract follow.
pub fn approved_award(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Option<super::evaluation::DecisionRow>> {
    use super::schema::award_decisions as aw;
    use super::schema::evaluation_reports as er;
    aw::table
        .inner_join(er::table.on(er::id.eq(aw::report_id)))
        .filter(aw::application_id.eq(application_id))
        .filter(er::status.eq("approved"))
        .select(super::evaluation::DecisionRow::as_select())
        .first(conn)
        .optional()
}

/// Awarded applications of approved reports that have no contract yet.
pub fn awards_without_contract(
    conn: &mut DbConnection,
) -> QueryResult<Vec<super::evaluation::DecisionRow>> {
    use super::schema::award_decisions as aw;
    use super::schema::evaluation_reports as er;
    aw::table
        .inner_join(er::table.on(er::id.eq(aw::report_id)))
        .filter(aw::outcome.eq("awarded"))
        .filter(er::status.eq("approved"))
        .filter(diesel::dsl::not(
            aw::application_id.eq_any(c::table.select(c::application_id)),
        ))
        .order(aw::decided_at.asc())
        .select(super::evaluation::DecisionRow::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = amd, treat_none_as_null = true)]
pub struct AmendmentRow {
    pub id: String,
    pub contract_id: String,
    pub number: i32,
    pub kind: String,
    pub status: String,
    pub effective_on: NaiveDate,
    pub new_end: Option<NaiveDate>,
    pub transfer_from: Option<i32>,
    pub transfer_to: Option<i32>,
    pub transfer_cents: Option<i64>,
    pub description: String,
    pub requested_by: String,
    pub requested_at: NaiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub comment: Option<String>,
}

pub fn amendments_of(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<AmendmentRow>> {
    amd::table
        .filter(amd::contract_id.eq(id))
        .order(amd::number.asc())
        .select(AmendmentRow::as_select())
        .load(conn)
}

pub fn insert_amendment(conn: &mut DbConnection, row: &AmendmentRow) -> QueryResult<()> {
    diesel::insert_into(amd::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update_amendment(conn: &mut DbConnection, row: &AmendmentRow) -> QueryResult<()> {
    diesel::update(amd::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// A lot of one of the programme's calls, for the monitoring tables.
#[derive(Debug, Clone, Queryable)]
pub struct MonitoredLot {
    pub id: String,
    pub call_reference: String,
    pub number: i32,
    pub title: String,
    pub envelope_cents: i64,
    pub envelope_id: Option<String>,
}

pub fn lots_of_programme(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<MonitoredLot>> {
    use super::schema::calls;
    use super::schema::lots;
    lots::table
        .inner_join(calls::table.on(calls::id.eq(lots::call_id)))
        .filter(calls::programme_id.eq(programme_id))
        .filter(calls::published_at.is_not_null())
        .order((calls::reference.asc(), lots::number.asc()))
        .select((
            lots::id,
            calls::reference,
            lots::number,
            lots::title,
            lots::envelope_cents,
            lots::envelope_id,
        ))
        .load(conn)
}

/// An award of an approved report: application, lot, amount (cents), locality.
pub type AwardLine = (String, String, Option<i64>, String);

/// The awards of approved reports in a programme's calls.
pub fn awards_of_programme(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<AwardLine>> {
    use super::schema::applications as a;
    use super::schema::award_decisions as aw;
    use super::schema::calls;
    use super::schema::evaluation_reports as er;
    aw::table
        .inner_join(er::table.on(er::id.eq(aw::report_id)))
        .inner_join(a::table.on(a::id.eq(aw::application_id)))
        .filter(aw::outcome.eq("awarded"))
        .filter(er::status.eq("approved"))
        .filter(
            aw::call_id.eq_any(
                calls::table
                    .filter(calls::programme_id.eq(programme_id))
                    .select(calls::id),
            ),
        )
        .select((
            aw::application_id,
            a::lot_id,
            aw::amount_cents,
            aw::locality,
        ))
        .load(conn)
}

pub fn of_programme(conn: &mut DbConnection, programme_id: &str) -> QueryResult<Vec<ContractRow>> {
    c::table
        .filter(c::programme_id.eq(programme_id))
        .order(c::number.asc())
        .select(ContractRow::as_select())
        .load(conn)
}

/// TL-09: of the given programmes, those with a contract signed by both parties, and
/// those with a payment made under one (two queries).
pub fn programmes_signed_and_paid(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<(Vec<String>, Vec<String>)> {
    let signed = c::table
        .filter(c::programme_id.eq_any(programme_ids))
        .filter(c::countersigned_at.is_not_null())
        .select(c::programme_id)
        .distinct()
        .load(conn)?;
    let paid = c::table
        .inner_join(pay::table.on(pay::contract_id.eq(c::id)))
        .filter(c::programme_id.eq_any(programme_ids))
        .filter(pay::kind.eq("payment"))
        .select(c::programme_id)
        .distinct()
        .load(conn)?;
    Ok((signed, paid))
}

/// Every payment and recovery of a programme's contracts: contract, kind, cents, day.
pub fn payments_of_programme(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<(String, String, i64, NaiveDate)>> {
    pay::table
        .filter(
            pay::contract_id.eq_any(
                c::table
                    .filter(c::programme_id.eq(programme_id))
                    .select(c::id),
            ),
        )
        .select((pay::contract_id, pay::kind, pay::amount_cents, pay::paid_on))
        .load(conn)
}

/// The applications behind a programme's contracts: id, lot, full application (JSON).
pub fn contracted_applications(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<(String, String, String)>> {
    use super::schema::applications as a;
    a::table
        .filter(
            a::id.eq_any(
                c::table
                    .filter(c::programme_id.eq(programme_id))
                    .select(c::application_id),
            ),
        )
        .select((a::id, a::lot_id, a::full_application))
        .load(conn)
}

/// Calls whose approved award still has applicants not told (NOT-01), with every
/// decision of each such call.
pub fn awards_waiting_notice(
    conn: &mut DbConnection,
) -> QueryResult<Vec<super::evaluation::DecisionRow>> {
    use super::schema::award_decisions as aw;
    use super::schema::evaluation_reports as er;
    let waiting: Vec<String> = aw::table
        .inner_join(er::table.on(er::id.eq(aw::report_id)))
        .filter(er::status.eq("approved"))
        .filter(aw::notified_at.is_null())
        .select(aw::call_id)
        .distinct()
        .load(conn)?;
    aw::table
        .filter(aw::call_id.eq_any(waiting))
        .order((aw::call_id.asc(), aw::application_id.asc()))
        .select(super::evaluation::DecisionRow::as_select())
        .load(conn)
}
