//! Queries on the evaluation of a call: committee members, declarations, assessor
//! assignments with their score sheets, and divergence resolutions. Writes happen
//! under the call's lock (`db::locks::call`), which guards "one role per person",
//! "one assessor once per application" and the balance of automatic assignment.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::assessor_assignments as asg;
use super::schema::committee_declarations as dec;
use super::schema::committee_members as cm;
use super::schema::divergence_resolutions as res;
use super::schema::users;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = cm)]
pub struct MemberRow {
    pub id: String,
    pub call_id: String,
    pub user_id: String,
    pub role: String,
    pub seq: i32,
    pub added_by: String,
    pub added_at: NaiveDateTime,
    pub removed_at: Option<NaiveDateTime>,
    pub removed_by: Option<String>,
}

/// A member with the person's name and email (for the committee's own pages).
#[derive(Debug, Clone)]
pub struct Member {
    pub row: MemberRow,
    pub name: String,
    pub email: String,
    pub language: Option<String>,
    pub signed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = dec)]
pub struct DeclarationRow {
    pub id: String,
    pub call_id: String,
    pub user_id: String,
    pub version: String,
    pub language: String,
    pub text: String,
    pub text_sha256: String,
    pub signed_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = asg)]
pub struct AssignmentRow {
    pub id: String,
    pub call_id: String,
    pub application_id: String,
    pub stage: String,
    pub assessor_id: String,
    pub status: String,
    pub origin: String,
    pub assigned_by: String,
    pub assigned_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
    pub conflict_note: Option<String>,
    pub sheet: String,
    pub total: Option<i64>,
    pub saved_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub ended_by: Option<String>,
    pub end_reason: Option<String>,
    pub replaces_id: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = res)]
pub struct ResolutionRow {
    pub id: String,
    pub application_id: String,
    pub stage: String,
    pub note: String,
    pub totals: String,
    pub resolved_by: String,
    pub resolved_at: NaiveDateTime,
}

// --- committee -----------------------------------------------------------------

/// The current members of a call's committee, with names and whether they signed.
pub fn members(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<Member>> {
    let rows: Vec<(MemberRow, String, String, Option<String>)> = cm::table
        .inner_join(users::table)
        .filter(cm::call_id.eq(call_id))
        .filter(cm::removed_at.is_null())
        .order(cm::seq.asc())
        .select((
            MemberRow::as_select(),
            users::display_name,
            users::email,
            users::language,
        ))
        .load(conn)?;
    let signed: Vec<(String, NaiveDateTime)> = dec::table
        .filter(dec::call_id.eq(call_id))
        .select((dec::user_id, dec::signed_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(row, name, email, language)| {
            let signed_at = signed
                .iter()
                .find(|(u, _)| *u == row.user_id)
                .map(|(_, at)| *at);
            Member {
                row,
                name,
                email,
                language,
                signed_at,
            }
        })
        .collect())
}

/// Every member a call's committee ever had (codes of former assessors stay known).
pub fn all_member_rows(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<MemberRow>> {
    cm::table
        .filter(cm::call_id.eq(call_id))
        .order(cm::seq.asc())
        .select(MemberRow::as_select())
        .load(conn)
}

/// The actor's current role on a call's committee.
/// Whether the person holds or ever held a seat on the call's committee (SOD-01).
pub fn ever_seated(conn: &mut DbConnection, call_id: &str, user_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        cm::table
            .filter(cm::call_id.eq(call_id))
            .filter(cm::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

pub fn role_of(
    conn: &mut DbConnection,
    call_id: &str,
    user_id: &str,
) -> QueryResult<Option<String>> {
    cm::table
        .filter(cm::call_id.eq(call_id))
        .filter(cm::user_id.eq(user_id))
        .filter(cm::removed_at.is_null())
        .select(cm::role)
        .first(conn)
        .optional()
}

/// The calls a person serves on, with their role there.
pub fn calls_of(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<(String, String)>> {
    cm::table
        .filter(cm::user_id.eq(user_id))
        .filter(cm::removed_at.is_null())
        .select((cm::call_id, cm::role))
        .load(conn)
}

pub fn next_seq(conn: &mut DbConnection, call_id: &str) -> QueryResult<i32> {
    let max: Option<i32> = cm::table
        .filter(cm::call_id.eq(call_id))
        .select(diesel::dsl::max(cm::seq))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

pub fn insert_member(conn: &mut DbConnection, row: &MemberRow) -> QueryResult<()> {
    diesel::insert_into(cm::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn remove_member(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(cm::table.find(id).filter(cm::removed_at.is_null()))
        .set((cm::removed_at.eq(Some(at)), cm::removed_by.eq(Some(by))))
        .execute(conn)
        .map(|n| n == 1)
}

// --- declarations ----------------------------------------------------------------

pub fn declaration(
    conn: &mut DbConnection,
    call_id: &str,
    user_id: &str,
) -> QueryResult<Option<DeclarationRow>> {
    dec::table
        .filter(dec::call_id.eq(call_id))
        .filter(dec::user_id.eq(user_id))
        .select(DeclarationRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_declaration(conn: &mut DbConnection, row: &DeclarationRow) -> QueryResult<()> {
    diesel::insert_into(dec::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

// --- assignments -----------------------------------------------------------------

pub fn assignment(conn: &mut DbConnection, id: &str) -> QueryResult<Option<AssignmentRow>> {
    asg::table
        .find(id)
        .select(AssignmentRow::as_select())
        .first(conn)
        .optional()
}

/// (assessor, applicant organisation) of every conflict declared in a call, at any
/// stage (EVC-02).
pub fn conflicts_in_call(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<(String, String)>> {
    use super::schema::applications as app;
    asg::table
        .inner_join(app::table.on(app::id.eq(asg::application_id)))
        .filter(asg::call_id.eq(call_id))
        .filter(asg::status.eq("conflicted"))
        .select((asg::assessor_id, app::organisation_id))
        .distinct()
        .load(conn)
}

/// Every assignment of a call at a stage (one query, for dashboards and rankings).
pub fn assignments_of_call(
    conn: &mut DbConnection,
    call_id: &str,
    stage: &str,
) -> QueryResult<Vec<AssignmentRow>> {
    asg::table
        .filter(asg::call_id.eq(call_id))
        .filter(asg::stage.eq(stage))
        .order((
            asg::application_id.asc(),
            asg::assigned_at.asc(),
            asg::id.asc(),
        ))
        .select(AssignmentRow::as_select())
        .load(conn)
}

pub fn assignments_of_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Vec<AssignmentRow>> {
    asg::table
        .filter(asg::application_id.eq(application_id))
        .order((asg::assigned_at.asc(), asg::id.asc()))
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// A person's assignments in a call (all stages).
pub fn assignments_of_assessor(
    conn: &mut DbConnection,
    call_id: &str,
    assessor_id: &str,
) -> QueryResult<Vec<AssignmentRow>> {
    asg::table
        .filter(asg::call_id.eq(call_id))
        .filter(asg::assessor_id.eq(assessor_id))
        .order((asg::stage.asc(), asg::assigned_at.asc(), asg::id.asc()))
        .select(AssignmentRow::as_select())
        .load(conn)
}

pub fn insert_assignment(conn: &mut DbConnection, row: &AssignmentRow) -> QueryResult<()> {
    diesel::insert_into(asg::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Moves an assignment from one status to the next (false when it moved meanwhile).
pub fn set_status(
    conn: &mut DbConnection,
    id: &str,
    from: &str,
    to: &str,
    at: NaiveDateTime,
    conflict_note: Option<&str>,
) -> QueryResult<bool> {
    diesel::update(asg::table.find(id).filter(asg::status.eq(from)))
        .set((
            asg::status.eq(to),
            asg::answered_at.eq(Some(at)),
            asg::conflict_note.eq(conflict_note),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Saves the sheet; `submitted` also freezes it with its total.
pub fn save_sheet(
    conn: &mut DbConnection,
    id: &str,
    sheet: &str,
    total: Option<i64>,
    submitted: bool,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let target = asg::table.find(id).filter(asg::status.eq("accepted"));
    let n = if submitted {
        diesel::update(target)
            .set((
                asg::sheet.eq(sheet),
                asg::total.eq(total),
                asg::saved_at.eq(Some(at)),
                asg::submitted_at.eq(Some(at)),
                asg::status.eq("submitted"),
            ))
            .execute(conn)?
    } else {
        diesel::update(target)
            .set((asg::sheet.eq(sheet), asg::saved_at.eq(Some(at))))
            .execute(conn)?
    };
    Ok(n == 1)
}

/// Ends an assignment (conflict or replacement), keeping it in the history.
pub fn end_assignment(
    conn: &mut DbConnection,
    id: &str,
    from: &str,
    to: &str,
    by: &str,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(asg::table.find(id).filter(asg::status.eq(from)))
        .set((
            asg::status.eq(to),
            asg::ended_at.eq(Some(at)),
            asg::ended_by.eq(Some(by)),
            asg::end_reason.eq(Some(reason)),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

// --- divergence ------------------------------------------------------------------

pub fn resolutions_of_call(
    conn: &mut DbConnection,
    call_id: &str,
    stage: &str,
) -> QueryResult<Vec<ResolutionRow>> {
    use super::schema::applications as a;
    res::table
        .inner_join(a::table.on(a::id.eq(res::application_id)))
        .filter(a::call_id.eq(call_id))
        .filter(res::stage.eq(stage))
        .select(ResolutionRow::as_select())
        .load(conn)
}

pub fn resolution(
    conn: &mut DbConnection,
    application_id: &str,
    stage: &str,
) -> QueryResult<Option<ResolutionRow>> {
    res::table
        .filter(res::application_id.eq(application_id))
        .filter(res::stage.eq(stage))
        .select(ResolutionRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_resolution(conn: &mut DbConnection, row: &ResolutionRow) -> QueryResult<()> {
    diesel::insert_into(res::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Organisations a user belongs to (an assessor is never given their own
/// organisation's application).
pub fn organisations_of_users(
    conn: &mut DbConnection,
    user_ids: &[String],
) -> QueryResult<Vec<(String, String)>> {
    use super::schema::organisation_members as m;
    m::table
        .filter(m::user_id.eq_any(user_ids))
        .select((m::user_id, m::organisation_id))
        .load(conn)
}

/// An application as the evaluation lists it: no content, one query per call.
#[derive(Debug, Clone, Queryable)]
pub struct EvaluatedRow {
    pub id: String,
    pub lot_id: String,
    pub organisation_id: String,
    pub organisation: String,
    pub receipt_number: Option<String>,
    pub title: String,
    pub status: String,
    pub stage: String,
    pub requested_cents: Option<i64>,
    pub full_deadline: Option<NaiveDateTime>,
    pub rejection_reason: Option<String>,
}

/// Every received application of a call (submitted at least once), by receipt.
pub fn evaluated_applications(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<EvaluatedRow>> {
    use super::schema::applications as a;
    use super::schema::organisations as o;
    a::table
        .inner_join(o::table.on(o::id.eq(a::organisation_id)))
        .filter(a::call_id.eq(call_id))
        .filter(a::receipt_number.is_not_null())
        .order((
            super::length(a::receipt_number).asc(),
            a::receipt_number.asc(),
        ))
        .select((
            a::id,
            a::lot_id,
            a::organisation_id,
            o::legal_name,
            a::receipt_number,
            a::title,
            a::status,
            a::stage,
            a::requested_cents,
            a::full_deadline,
            a::rejection_reason,
        ))
        .load(conn)
}

// --- report and award ----------------------------------------------------------------

use super::schema::award_decisions as aw;
use super::schema::evaluation_reports as rep;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rep)]
pub struct ReportRow {
    pub id: String,
    pub call_id: String,
    pub version: i32,
    pub status: String,
    pub content: String,
    pub content_sha256: String,
    pub submitted_by: String,
    pub submitted_at: NaiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub comments: Option<String>,
    /// "concept" (a restricted call's first report) or "full".
    pub stage: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = aw)]
pub struct DecisionRow {
    pub application_id: String,
    pub call_id: String,
    pub report_id: String,
    pub outcome: String,
    pub reason: Option<String>,
    pub amount_cents: Option<i64>,
    pub eu_share_bp: Option<i64>,
    pub scores: String,
    pub beneficiary: String,
    pub locality: String,
    pub purpose: String,
    pub decided_at: NaiveDateTime,
    pub notified_at: Option<NaiveDateTime>,
}

/// Every version of a call's report, the latest first.
pub fn reports_of(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<ReportRow>> {
    rep::table
        .filter(rep::call_id.eq(call_id))
        .order(rep::version.desc())
        .select(ReportRow::as_select())
        .load(conn)
}

pub fn insert_report(conn: &mut DbConnection, row: &ReportRow) -> QueryResult<()> {
    diesel::insert_into(rep::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn decide_report(
    conn: &mut DbConnection,
    id: &str,
    status: &str,
    by: &str,
    at: NaiveDateTime,
    comments: Option<&str>,
) -> QueryResult<bool> {
    diesel::update(rep::table.find(id).filter(rep::status.eq("submitted")))
        .set((
            rep::status.eq(status),
            rep::decided_by.eq(Some(by)),
            rep::decided_at.eq(Some(at)),
            rep::comments.eq(comments),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

pub fn insert_decision(conn: &mut DbConnection, row: &DecisionRow) -> QueryResult<()> {
    diesel::insert_into(aw::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Of these applications, those whose applicants have been told their outcome.
pub fn told_among(
    conn: &mut DbConnection,
    application_ids: &[String],
) -> QueryResult<std::collections::HashSet<String>> {
    Ok(aw::table
        .filter(aw::application_id.eq_any(application_ids))
        .filter(aw::notified_at.is_not_null())
        .select(aw::application_id)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

pub fn decisions_of(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<DecisionRow>> {
    aw::table
        .filter(aw::call_id.eq(call_id))
        .order(aw::application_id.asc())
        .select(DecisionRow::as_select())
        .load(conn)
}

pub fn mark_notified(
    conn: &mut DbConnection,
    application_id: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        aw::table
            .find(application_id)
            .filter(aw::notified_at.is_null()),
    )
    .set(aw::notified_at.eq(Some(at)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Published awards (PUB-01): awarded and notified, with the call's reference, newest
/// decisions first (one query).
pub fn published_awards(conn: &mut DbConnection) -> QueryResult<Vec<(DecisionRow, String)>> {
    use super::schema::calls as c;
    aw::table
        .inner_join(c::table.on(c::id.eq(aw::call_id)))
        .filter(aw::outcome.eq("awarded"))
        .filter(aw::notified_at.is_not_null())
        .order((aw::decided_at.desc(), aw::beneficiary.asc()))
        .select((DecisionRow::as_select(), c::reference))
        .load(conn)
}

// --- supporting documents (SEL-02) ------------------------------------------------

use super::schema::supporting_checks as sc;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sc)]
pub struct SupportingRow {
    pub application_id: String,
    pub call_id: String,
    /// JSON list of the document codes asked for.
    pub documents: String,
    pub requested_by: String,
    pub requested_at: NaiveDateTime,
    pub passed: Option<bool>,
    pub note: Option<String>,
    pub checked_by: Option<String>,
    pub checked_at: Option<NaiveDateTime>,
}

impl SupportingRow {
    pub fn codes(&self) -> Vec<String> {
        serde_json::from_str(&self.documents).unwrap_or_default()
    }
}

pub fn supporting_of_call(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<SupportingRow>> {
    sc::table
        .filter(sc::call_id.eq(call_id))
        .select(SupportingRow::as_select())
        .load(conn)
}

pub fn supporting_of(
    conn: &mut DbConnection,
    application_id: &str,
) -> QueryResult<Option<SupportingRow>> {
    sc::table
        .find(application_id)
        .select(SupportingRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_supporting(conn: &mut DbConnection, row: &SupportingRow) -> QueryResult<()> {
    diesel::insert_into(sc::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn record_supporting(
    conn: &mut DbConnection,
    application_id: &str,
    passed: bool,
    note: Option<&str>,
    by: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(sc::table.find(application_id).filter(sc::passed.is_null()))
        .set((
            sc::passed.eq(Some(passed)),
            sc::note.eq(note),
            sc::checked_by.eq(Some(by)),
            sc::checked_at.eq(Some(at)),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// The supporting documents given for a call's applications: (application id, code,
/// attachment id) of the latest version of each, in one query.
pub fn supporting_given_in_call(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<(String, String, String)>> {
    use super::schema::attachments as at;
    let mut rows: Vec<(String, String, i32, String)> = at::table
        .inner_join(sc::table.on(sc::application_id.eq(at::owner_id)))
        .filter(sc::call_id.eq(call_id))
        .filter(at::owner_type.eq("application"))
        .filter(at::purpose.eq("supporting_document"))
        .filter(at::removed_at.is_null())
        .select((at::owner_id, at::title, at::version, at::id))
        .load(conn)?;
    // The latest version first, then one per (application, code).
    rows.sort_by(|a, b| (&a.0, &a.1, b.2).cmp(&(&b.0, &b.1, a.2)));
    rows.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    Ok(rows.into_iter().map(|(o, t, _, id)| (o, t, id)).collect())
}
