//! Queries on applications.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::application_submissions as s;
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
    /// APP-05: the receipt of a submitted application.
    pub submitted_at: Option<NaiveDateTime>,
    pub submitted_by: Option<String>,
    pub receipt_number: Option<String>,
    pub content_sha256: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    /// "concept" or "full" (`domain::applications::Stage`).
    pub stage: String,
    /// The full application as JSON (`domain::full_application::FullApplication`).
    pub full_application: String,
    pub invited_at: Option<NaiveDateTime>,
    pub full_deadline: Option<NaiveDateTime>,
    /// The draft version last submitted (below `version`: changes not submitted yet).
    pub submitted_version: Option<i32>,
    /// The EU contribution the submitted version requests.
    pub requested_cents: Option<i64>,
    /// ADM-01…03: when and why it was rejected (message keys of the failed items).
    pub rejected_at: Option<NaiveDateTime>,
    pub rejection_reason: Option<String>,
    /// CFP-04: where the action takes place, oblast codes separated by commas.
    pub action_locations: String,
}

/// One submission, frozen (APP-05).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = s)]
pub struct SubmissionRow {
    pub id: String,
    pub application_id: String,
    pub call_id: String,
    pub lot_id: String,
    pub stage: String,
    pub receipt_number: String,
    pub submission_no: i32,
    pub submitted_at: NaiveDateTime,
    pub submitted_by: String,
    pub content: String,
    pub content_sha256: String,
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

/// The invitations' full-application deadlines of several applications, in one query.
pub fn full_deadlines_of(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<Vec<(String, Option<NaiveDateTime>)>> {
    a::table
        .filter(a::id.eq_any(ids))
        .select((a::id, a::full_deadline))
        .load(conn)
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

/// Applications of an organisation to one lot that count against the lot's limit (APP-06).
pub fn counted_for_lot_limit(
    conn: &mut DbConnection,
    organisation_id: &str,
    lot_id: &str,
) -> QueryResult<i64> {
    a::table
        .filter(a::organisation_id.eq(organisation_id))
        .filter(a::lot_id.eq(lot_id))
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
            .filter(a::status.eq_any(["draft", "submitted"])),
    )
    .set((
        a::title.eq(&row.title),
        a::relevance.eq(&row.relevance),
        a::design.eq(&row.design),
        a::eu_contribution_cents.eq(row.eu_contribution_cents),
        a::duration_months.eq(row.duration_months),
        a::action_locations.eq(&row.action_locations),
        a::version.eq(expected_version + 1),
        a::updated_by.eq(&row.updated_by),
        a::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Saves the full application's document when the stored version is still
/// `expected_version`; false when someone saved in between.
pub fn save_full_application(
    conn: &mut DbConnection,
    row: &ApplicationRow,
    expected_version: i32,
) -> QueryResult<bool> {
    let n = diesel::update(
        a::table
            .find(&row.id)
            .filter(a::version.eq(expected_version))
            .filter(a::stage.eq("full"))
            .filter(a::status.eq_any(["draft", "submitted"])),
    )
    .set((
        a::full_application.eq(&row.full_application),
        a::version.eq(expected_version + 1),
        a::updated_by.eq(&row.updated_by),
        a::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Applications of a call's lot with a receipt at a stage (numbers receipts in order of
/// arrival, under the call's lock).
pub fn numbered_in_lot(
    conn: &mut DbConnection,
    call_id: &str,
    lot_id: &str,
    stage: &str,
) -> QueryResult<i64> {
    s::table
        .filter(s::call_id.eq(call_id))
        .filter(s::lot_id.eq(lot_id))
        .filter(s::stage.eq(stage))
        .filter(s::submission_no.eq(1))
        .count()
        .get_result(conn)
}

/// The submissions of an application, latest first.
pub fn submissions_of(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Vec<SubmissionRow>> {
    s::table
        .filter(s::application_id.eq(application_id))
        .order((s::submitted_at.desc(), s::submission_no.desc()))
        .select(SubmissionRow::as_select())
        .load(conn)
}

pub fn insert_submission(conn: &mut DbConnection, row: &SubmissionRow) -> QueryResult<()> {
    diesel::insert_into(s::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Records a submission on the application, only as the version that was read and
/// hashed; false when it changed meanwhile (saved, submitted, withdrawn).
#[allow(clippy::too_many_arguments)]
pub fn mark_submitted(
    conn: &mut DbConnection,
    id: &str,
    version: i32,
    status_before: &str,
    by: &str,
    at: NaiveDateTime,
    receipt_number: &str,
    sha256: &str,
    requested_cents: Option<i64>,
) -> QueryResult<bool> {
    let n = diesel::update(
        a::table
            .find(id)
            .filter(a::status.eq(status_before))
            .filter(a::version.eq(version)),
    )
    .set((
        a::status.eq("submitted"),
        a::submitted_at.eq(Some(at)),
        a::submitted_by.eq(Some(by)),
        a::receipt_number.eq(Some(receipt_number)),
        a::content_sha256.eq(Some(sha256)),
        a::submitted_version.eq(Some(version)),
        a::requested_cents.eq(requested_cents),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Something outside the versioned texts changed (a partner, a mandate, an annex): the
/// submitted version no longer describes the application, so a new submission is due.
pub fn mark_changed(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(a::table.find(id))
        .set(a::submitted_version.eq(None::<i32>))
        .execute(conn)
        .map(|_| ())
}

/// Withdraws a draft or a submitted application; false when already withdrawn.
pub fn mark_withdrawn(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(a::table.find(id).filter(a::status.ne("withdrawn")))
        .set((a::status.eq("withdrawn"), a::withdrawn_at.eq(Some(at))))
        .execute(conn)?;
    Ok(n == 1)
}

/// What the list of received applications can be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReceivedFilter {
    pub status: Option<String>,
    pub lot_id: Option<String>,
    pub oblast: Option<String>,
    pub legal_status: Option<String>,
    pub min_cents: Option<i64>,
    pub max_cents: Option<i64>,
    pub search: Option<String>,
}

/// How the list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReceivedSort {
    /// By receipt number (the order of arrival per lot).
    #[default]
    Receipt,
    RequestedDesc,
    RequestedAsc,
    Organisation,
    SubmittedAt,
}

/// A received application as staff list it (one row, no further queries).
#[derive(Debug, Clone, Queryable)]
pub struct ReceivedRow {
    pub id: String,
    pub lot_id: String,
    pub status: String,
    pub stage: String,
    pub title: String,
    pub receipt_number: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
    pub requested_cents: Option<i64>,
    pub duration_months: Option<i32>,
    pub organisation: String,
    pub legal_status: String,
    pub oblast: String,
}

macro_rules! received_filtered {
    ($call_id:expr, $f:expr) => {{
        use super::schema::organisations as o;
        let f: &ReceivedFilter = $f;
        let mut q = a::table
            .inner_join(o::table)
            .filter(a::call_id.eq($call_id))
            .filter(a::receipt_number.is_not_null())
            .into_boxed();
        if let Some(v) = f.status.as_deref().filter(|v| !v.is_empty()) {
            q = q.filter(a::status.eq(v));
        }
        if let Some(v) = f.lot_id.as_deref().filter(|v| !v.is_empty()) {
            q = q.filter(a::lot_id.eq(v));
        }
        if let Some(v) = f.oblast.as_deref().filter(|v| !v.is_empty()) {
            q = q.filter(o::oblast.eq(v));
        }
        if let Some(v) = f.legal_status.as_deref().filter(|v| !v.is_empty()) {
            q = q.filter(o::legal_status.eq(v));
        }
        if let Some(v) = f.min_cents {
            q = q.filter(a::requested_cents.ge(v));
        }
        if let Some(v) = f.max_cents {
            q = q.filter(a::requested_cents.le(v));
        }
        if let Some(s) = f.search.as_deref().filter(|s| !s.trim().is_empty()) {
            let pattern = super::like_pattern(&s.trim().to_lowercase());
            q = q.filter(
                super::users::lower(o::legal_name)
                    .like(pattern.clone())
                    .escape('\\')
                    .or(super::users::lower(a::title)
                        .like(pattern.clone())
                        .escape('\\'))
                    .or(super::users::lower(a::receipt_number.assume_not_null())
                        .like(pattern)
                        .escape('\\')),
            );
        }
        q
    }};
}

/// One page of a call's received applications (submitted at least once), filtered and
/// sorted, with the number that match: two queries, whatever the number of rows.
pub fn received(
    conn: &mut DbConnection,
    call_id: &str,
    filter: &ReceivedFilter,
    sort: ReceivedSort,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<ReceivedRow>, i64)> {
    use super::schema::organisations as o;
    let total = received_filtered!(call_id, filter)
        .count()
        .get_result(conn)?;
    let q = received_filtered!(call_id, filter);
    let q = match sort {
        ReceivedSort::Receipt => q.order((
            a::lot_id.asc(),
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        )),
        ReceivedSort::RequestedDesc => q.order((
            a::requested_cents.desc(),
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        )),
        ReceivedSort::RequestedAsc => q.order((
            a::requested_cents.asc(),
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        )),
        ReceivedSort::Organisation => q.order((
            o::legal_name.asc(),
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        )),
        ReceivedSort::SubmittedAt => q.order((
            a::submitted_at.asc(),
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        )),
    };
    let rows = q
        .select((
            a::id,
            a::lot_id,
            a::status,
            a::stage,
            a::title,
            a::receipt_number,
            a::submitted_at,
            a::requested_cents,
            a::duration_months,
            o::legal_name,
            o::legal_status,
            o::oblast,
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}

/// (lot id, status, applications, EU contribution requested in cents).
pub type LotStatusTotal = (String, String, i64, Option<i64>);

/// Per lot and status: how many received applications and the EU contribution they
/// request (one query).
pub fn received_totals(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<LotStatusTotal>> {
    use diesel::dsl::{count_star, sql};
    use diesel::sql_types::{BigInt, Nullable};
    a::table
        .filter(a::call_id.eq(call_id))
        .filter(a::receipt_number.is_not_null())
        .group_by((a::lot_id, a::status))
        .select((
            a::lot_id,
            a::status,
            count_star(),
            // SUM is NUMERIC on PostgreSQL and INTEGER on SQLite: one type for both.
            sql::<Nullable<BigInt>>("CAST(SUM(applications.requested_cents) AS BIGINT)"),
        ))
        .load(conn)
}

/// Everyone a change of the call concerns: its followers and the members of every
/// organisation with an application in it (not withdrawn), each once, enabled accounts
/// only, with their language.
pub fn everyone_concerned(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    use super::schema::{organisation_members as m, users};
    let mut people = super::calls::followers(conn, call_id)?;
    let members: Vec<(String, String, Option<String>)> = a::table
        .inner_join(m::table.on(m::organisation_id.eq(a::organisation_id)))
        .inner_join(users::table.on(users::id.eq(m::user_id)))
        .filter(a::call_id.eq(call_id))
        .filter(a::status.ne("withdrawn"))
        .filter(users::disabled_at.is_null())
        .select((users::email, users::display_name, users::language))
        .distinct()
        .load(conn)?;
    people.extend(members);
    let mut seen = std::collections::HashSet::new();
    people.retain(|(email, _, _)| seen.insert(email.clone()));
    Ok(people)
}

/// Opens the full-application stage of a submitted concept note (its receipt and
/// submissions stay); false when it changed since it was read.
pub fn mark_invited(
    conn: &mut DbConnection,
    id: &str,
    version: i32,
    at: NaiveDateTime,
    full_deadline: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        a::table
            .find(id)
            .filter(a::version.eq(version))
            .filter(a::status.eq("submitted"))
            .filter(a::stage.eq("concept")),
    )
    .set((
        a::stage.eq("full"),
        a::status.eq("draft"),
        a::invited_at.eq(Some(at)),
        a::full_deadline.eq(Some(full_deadline)),
        a::submitted_version.eq(None::<i32>),
        a::version.eq(version + 1),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// An administrative check as recorded (ADM-02).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::administrative_checks)]
pub struct AdminCheckRow {
    pub id: String,
    pub application_id: String,
    pub stage: String,
    pub items: String,
    pub passed: bool,
    pub checked_by: String,
    pub checked_at: NaiveDateTime,
}

pub fn insert_check(conn: &mut DbConnection, row: &AdminCheckRow) -> QueryResult<()> {
    use super::schema::administrative_checks as c;
    diesel::insert_into(c::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn checks_of(conn: &mut DbConnection, application_id: &str) -> QueryResult<Vec<AdminCheckRow>> {
    use super::schema::administrative_checks as c;
    c::table
        .filter(c::application_id.eq(application_id))
        .order(c::checked_at.asc())
        .select(AdminCheckRow::as_select())
        .load(conn)
}

/// Rejects a submitted application with its reason; false when it is not submitted.
pub fn mark_rejected(
    conn: &mut DbConnection,
    id: &str,
    at: NaiveDateTime,
    reason: &str,
) -> QueryResult<bool> {
    let n = diesel::update(a::table.find(id).filter(a::status.eq("submitted")))
        .set((
            a::status.eq("rejected"),
            a::rejected_at.eq(Some(at)),
            a::rejection_reason.eq(Some(reason)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// A submission refused after the deadline (ADM-01).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::late_submissions)]
pub struct LateRow {
    pub id: String,
    pub application_id: String,
    pub call_id: String,
    pub attempted_at: NaiveDateTime,
    pub attempted_by: String,
}

pub fn insert_late(conn: &mut DbConnection, row: &LateRow) -> QueryResult<()> {
    use super::schema::late_submissions as l;
    diesel::insert_into(l::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// The late attempts of a call with the organisation's name, in order (one query).
/// A late attempt with the organisation's name, the application's receipt number, lot
/// and invitation time (which tells the stage it belongs to).
pub type LateInCall = (
    LateRow,
    String,
    Option<String>,
    String,
    Option<NaiveDateTime>,
);

pub fn late_in_call(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<LateInCall>> {
    use super::schema::{late_submissions as l, organisations as o};
    l::table
        .inner_join(a::table.on(a::id.eq(l::application_id)))
        .inner_join(o::table.on(o::id.eq(a::organisation_id)))
        .filter(l::call_id.eq(call_id))
        .order(l::attempted_at.asc())
        .select((
            LateRow::as_select(),
            o::legal_name,
            a::receipt_number,
            a::lot_id,
            a::invited_at,
        ))
        .load(conn)
}

/// The opening record of a call (ADM-01).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::call_openings)]
pub struct OpeningRow {
    pub id: String,
    pub call_id: String,
    /// `call` (at the call's deadline) or `full` (the invited full applications).
    pub stage: String,
    pub opened_at: NaiveDateTime,
    pub opened_by: String,
    pub record: String,
}

/// The openings of a call (at most one per stage).
pub fn openings_of(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<OpeningRow>> {
    use super::schema::call_openings as c;
    c::table
        .filter(c::call_id.eq(call_id))
        .order(c::opened_at.asc())
        .select(OpeningRow::as_select())
        .load(conn)
}

/// The applications of a call invited to the full-application stage, with their
/// organisation's name (the full stage's opening record).
pub fn invited_in_call(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<(ApplicationRow, String)>> {
    use super::schema::organisations as o;
    a::table
        .inner_join(o::table.on(o::id.eq(a::organisation_id)))
        .filter(a::call_id.eq(call_id))
        .filter(a::invited_at.is_not_null())
        .order((
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        ))
        .select((ApplicationRow::as_select(), o::legal_name))
        .load(conn)
}

pub fn insert_opening(conn: &mut DbConnection, row: &OpeningRow) -> QueryResult<()> {
    use super::schema::call_openings as c;
    diesel::insert_into(c::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// An organisation named on an application.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::application_partners)]
pub struct PartnerRow {
    pub id: String,
    pub application_id: String,
    pub organisation_id: String,
    pub role: String,
    pub added_by: String,
    pub added_at: NaiveDateTime,
}

/// The partners of an application with their organisation's name and registration
/// number, in the order they were added (one query).
pub fn partners_of(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Vec<(PartnerRow, String, String)>> {
    use super::schema::{application_partners as p, organisations as o};
    p::table
        .inner_join(o::table.on(o::id.eq(p::organisation_id)))
        .filter(p::application_id.eq(application_id))
        .order((p::added_at.asc(), p::id.asc()))
        .select((
            PartnerRow::as_select(),
            o::legal_name,
            o::registration_number,
        ))
        .load(conn)
}

pub fn insert_partner(conn: &mut DbConnection, row: &PartnerRow) -> QueryResult<()> {
    use super::schema::application_partners as p;
    diesel::insert_into(p::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn delete_partner(
    conn: &mut DbConnection,
    application_id: &str,
    id: &str,
) -> QueryResult<bool> {
    use super::schema::application_partners as p;
    let n = diesel::delete(
        p::table
            .filter(p::application_id.eq(application_id))
            .filter(p::id.eq(id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}
