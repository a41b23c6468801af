//! Queries on calls, lots, guidelines documents, clarifications and followers.

use crate::domain::text::Texts;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{call_corrigenda, call_followers, calls, clarifications, lots, users};
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = calls)]
pub struct CallRow {
    pub id: String,
    pub programme_id: String,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub call_type: String,
    pub status: String,
    pub opens_at: Option<NaiveDateTime>,
    pub deadline: Option<NaiveDateTime>,
    pub parameters: String,
    pub concept_note_grid: String,
    pub full_application_grid: String,
    pub published_at: Option<NaiveDateTime>,
    pub published_by: Option<String>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub cancel_reason: Option<String>,
    pub cancel_explanation: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// CFP-08: versions for information; empty when not translated.
    pub title_kk: String,
    pub title_ru: String,
    pub description_kk: String,
    pub description_ru: String,
    pub cancel_explanation_kk: String,
    pub cancel_explanation_ru: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = lots)]
pub struct LotRow {
    pub id: String,
    pub call_id: String,
    pub number: i32,
    pub title: String,
    pub envelope_cents: i64,
    pub min_grant_cents: i64,
    pub max_grant_cents: i64,
    pub min_eu_share_bp: i64,
    pub max_eu_share_bp: i64,
    pub min_duration_months: i64,
    pub max_duration_months: i64,
    pub applicant_types: String,
    pub locations: String,
    /// The programme envelope the lot draws on.
    pub envelope_id: Option<String>,
    /// CFP-08: the title for information in Kazakh and Russian; empty when not translated.
    pub title_kk: String,
    pub title_ru: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = clarifications)]
pub struct ClarificationRow {
    pub id: String,
    pub call_id: String,
    pub asked_by: String,
    pub question: String,
    pub asked_at: NaiveDateTime,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub published_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &CallRow) -> QueryResult<()> {
    diesel::insert_into(calls::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<CallRow>> {
    calls::table
        .find(id)
        .select(CallRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_reference(conn: &mut DbConnection, reference: &str) -> QueryResult<Option<CallRow>> {
    calls::table
        .filter(calls::reference.eq(reference))
        .select(CallRow::as_select())
        .first(conn)
        .optional()
}

/// Published and cancelled calls, newest deadline first (the public list).
pub fn list_public(conn: &mut DbConnection) -> QueryResult<Vec<CallRow>> {
    calls::table
        .filter(calls::status.ne("draft"))
        .order((calls::deadline.desc(), calls::id.asc()))
        .select(CallRow::as_select())
        .load(conn)
}

pub fn list_all(conn: &mut DbConnection) -> QueryResult<Vec<CallRow>> {
    calls::table
        .order((calls::created_at.desc(), calls::id.asc()))
        .select(CallRow::as_select())
        .load(conn)
}

pub fn list_for_programme(
    conn: &mut DbConnection,
    programme_id: &str,
) -> QueryResult<Vec<CallRow>> {
    calls::table
        .filter(calls::programme_id.eq(programme_id))
        .order(calls::created_at.asc())
        .select(CallRow::as_select())
        .load(conn)
}

/// The calls of several programmes in one query (for lists).
pub fn list_for_programmes(
    conn: &mut DbConnection,
    programme_ids: &[String],
) -> QueryResult<Vec<CallRow>> {
    calls::table
        .filter(calls::programme_id.eq_any(programme_ids))
        .order(calls::created_at.asc())
        .select(CallRow::as_select())
        .load(conn)
}

pub fn update(conn: &mut DbConnection, row: &CallRow) -> QueryResult<()> {
    diesel::update(calls::table.find(&row.id))
        .set((
            calls::reference.eq(&row.reference),
            calls::title.eq(&row.title),
            calls::description.eq(&row.description),
            calls::call_type.eq(&row.call_type),
            calls::opens_at.eq(row.opens_at),
            calls::deadline.eq(row.deadline),
            calls::parameters.eq(&row.parameters),
            calls::concept_note_grid.eq(&row.concept_note_grid),
            calls::full_application_grid.eq(&row.full_application_grid),
            calls::updated_at.eq(row.updated_at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Moves a draft to published; false when it was no longer a draft.
pub fn mark_published(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    now: NaiveDateTime,
    opens_at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        calls::table
            .filter(calls::id.eq(id))
            .filter(calls::status.eq("draft")),
    )
    .set((
        calls::status.eq("published"),
        calls::published_at.eq(Some(now)),
        calls::published_by.eq(Some(by)),
        calls::opens_at.eq(Some(opens_at)),
        calls::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Locks the call's row for the rest of the transaction; false when there is no such call.
pub fn lock(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(calls::table.find(id))
        .set(calls::updated_at.eq(calls::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_cancelled(
    conn: &mut DbConnection,
    id: &str,
    reason: &str,
    explanation: &Texts,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        calls::table
            .filter(calls::id.eq(id))
            .filter(calls::status.eq("published")),
    )
    .set((
        calls::status.eq("cancelled"),
        calls::cancelled_at.eq(Some(now)),
        calls::cancel_reason.eq(Some(reason)),
        calls::cancel_explanation.eq(Some(&explanation.en)),
        calls::cancel_explanation_kk.eq(&explanation.kk),
        calls::cancel_explanation_ru.eq(&explanation.ru),
        calls::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The Kazakh and Russian title and description of a call (CFP-08: for information).
pub fn set_translations(
    conn: &mut DbConnection,
    id: &str,
    title: &Texts,
    description: &Texts,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(calls::table.find(id))
        .set((
            calls::title_kk.eq(&title.kk),
            calls::title_ru.eq(&title.ru),
            calls::description_kk.eq(&description.kk),
            calls::description_ru.eq(&description.ru),
            calls::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Stores a call's two grids (their translations changed).
pub fn set_grids(
    conn: &mut DbConnection,
    id: &str,
    concept_note_grid: &str,
    full_application_grid: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(calls::table.find(id))
        .set((
            calls::concept_note_grid.eq(concept_note_grid),
            calls::full_application_grid.eq(full_application_grid),
            calls::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_lot_translations(
    conn: &mut DbConnection,
    lot_id: &str,
    title: &Texts,
) -> QueryResult<()> {
    diesel::update(lots::table.find(lot_id))
        .set((lots::title_kk.eq(&title.kk), lots::title_ru.eq(&title.ru)))
        .execute(conn)
        .map(|_| ())
}

pub fn lots_of(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<LotRow>> {
    lots::table
        .filter(lots::call_id.eq(call_id))
        .order(lots::number.asc())
        .select(LotRow::as_select())
        .load(conn)
}

/// Lots of many calls in one query (list pages).
pub fn lots_of_calls(conn: &mut DbConnection, call_ids: &[String]) -> QueryResult<Vec<LotRow>> {
    lots::table
        .filter(lots::call_id.eq_any(call_ids))
        .order((lots::call_id.asc(), lots::number.asc()))
        .select(LotRow::as_select())
        .load(conn)
}

pub fn find_lot(
    conn: &mut DbConnection,
    call_id: &str,
    lot_id: &str,
) -> QueryResult<Option<LotRow>> {
    lots::table
        .filter(lots::id.eq(lot_id))
        .filter(lots::call_id.eq(call_id))
        .select(LotRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_lot(conn: &mut DbConnection, row: &LotRow) -> QueryResult<()> {
    diesel::insert_into(lots::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update_lot(conn: &mut DbConnection, row: &LotRow) -> QueryResult<()> {
    diesel::update(lots::table.find(&row.id))
        .set((
            lots::number.eq(row.number),
            lots::title.eq(&row.title),
            lots::envelope_cents.eq(row.envelope_cents),
            lots::min_grant_cents.eq(row.min_grant_cents),
            lots::max_grant_cents.eq(row.max_grant_cents),
            lots::min_eu_share_bp.eq(row.min_eu_share_bp),
            lots::max_eu_share_bp.eq(row.max_eu_share_bp),
            lots::min_duration_months.eq(row.min_duration_months),
            lots::max_duration_months.eq(row.max_duration_months),
            lots::applicant_types.eq(&row.applicant_types),
            lots::locations.eq(&row.locations),
            lots::envelope_id.eq(&row.envelope_id),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Deletes a draft call and what only it refers to (its lots; a draft has no followers
/// or questions, removed here all the same). False when it is no longer a draft.
pub fn delete_draft(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::delete(lots::table.filter(lots::call_id.eq(id))).execute(conn)?;
    diesel::delete(call_followers::table.filter(call_followers::call_id.eq(id))).execute(conn)?;
    diesel::delete(clarifications::table.filter(clarifications::call_id.eq(id))).execute(conn)?;
    let n = diesel::delete(
        calls::table
            .filter(calls::id.eq(id))
            .filter(calls::status.eq("draft")),
    )
    .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_lot(conn: &mut DbConnection, call_id: &str, lot_id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        lots::table
            .filter(lots::id.eq(lot_id))
            .filter(lots::call_id.eq(call_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// The lot envelopes (programme envelope id, amount) of a programme's published calls,
/// except one.
pub fn envelopes_of_other_calls(
    conn: &mut DbConnection,
    programme_id: &str,
    except_call: &str,
) -> QueryResult<Vec<(Option<String>, i64)>> {
    lots::table
        .inner_join(calls::table)
        // Drafts reserve nothing: the budget is checked when a call is published.
        .filter(calls::programme_id.eq(programme_id))
        .filter(calls::status.eq("published"))
        .filter(calls::id.ne(except_call))
        .select((lots::envelope_id, lots::envelope_cents))
        .load(conn)
}

pub fn insert_clarification(conn: &mut DbConnection, row: &ClarificationRow) -> QueryResult<()> {
    diesel::insert_into(clarifications::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A page of a call's questions for staff (unanswered first when asked for).
pub fn clarifications_page(
    conn: &mut DbConnection,
    call_id: &str,
    unanswered_only: bool,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<ClarificationRow>, i64)> {
    let filtered = || {
        let mut q = clarifications::table
            .filter(clarifications::call_id.eq(call_id))
            .into_boxed();
        if unanswered_only {
            q = q.filter(clarifications::published_at.is_null());
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((clarifications::asked_at.asc(), clarifications::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(ClarificationRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Answers of a call published after `instant` (late by CFP-03).
pub fn answers_published_after(
    conn: &mut DbConnection,
    call_id: &str,
    instant: NaiveDateTime,
) -> QueryResult<i64> {
    clarifications::table
        .filter(clarifications::call_id.eq(call_id))
        .filter(clarifications::published_at.gt(instant))
        .count()
        .get_result(conn)
}

/// Unanswered questions of one person on one call.
pub fn open_questions_of(
    conn: &mut DbConnection,
    call_id: &str,
    user_id: &str,
) -> QueryResult<i64> {
    clarifications::table
        .filter(clarifications::call_id.eq(call_id))
        .filter(clarifications::asked_by.eq(user_id))
        .filter(clarifications::published_at.is_null())
        .count()
        .get_result(conn)
}

/// Questions one person asked since `since`, on any call.
pub fn questions_asked_since(
    conn: &mut DbConnection,
    user_id: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    clarifications::table
        .filter(clarifications::asked_by.eq(user_id))
        .filter(clarifications::asked_at.ge(since))
        .count()
        .get_result(conn)
}

pub fn published_clarifications(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<ClarificationRow>> {
    clarifications::table
        .filter(clarifications::call_id.eq(call_id))
        .filter(clarifications::published_at.is_not_null())
        .order(clarifications::published_at.asc())
        .select(ClarificationRow::as_select())
        .load(conn)
}

pub fn find_clarification(
    conn: &mut DbConnection,
    call_id: &str,
    id: &str,
) -> QueryResult<Option<ClarificationRow>> {
    clarifications::table
        .filter(clarifications::id.eq(id))
        .filter(clarifications::call_id.eq(call_id))
        .select(ClarificationRow::as_select())
        .first(conn)
        .optional()
}

/// Publishes the answer; false when it was already published.
pub fn publish_answer(
    conn: &mut DbConnection,
    id: &str,
    answer: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        clarifications::table
            .filter(clarifications::id.eq(id))
            .filter(clarifications::published_at.is_null()),
    )
    .set((
        clarifications::answer.eq(Some(answer)),
        clarifications::answered_by.eq(Some(by)),
        clarifications::published_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// (call id, number of unanswered questions) for the staff overview.
pub fn unanswered_counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    use diesel::dsl::count_star;
    clarifications::table
        .filter(clarifications::published_at.is_null())
        .group_by(clarifications::call_id)
        .select((clarifications::call_id, count_star()))
        .load(conn)
}

/// Follows a call; false when already following (a double click or a second tab).
pub fn follow(
    conn: &mut DbConnection,
    call_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let row = (
        call_followers::call_id.eq(call_id),
        call_followers::user_id.eq(user_id),
        call_followers::followed_at.eq(now),
    );
    let n = super::insert_or_ignore!(conn, call_followers::table, row)?;
    Ok(n == 1)
}

/// Stops following; false when not following.
pub fn unfollow(conn: &mut DbConnection, call_id: &str, user_id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        call_followers::table
            .filter(call_followers::call_id.eq(call_id))
            .filter(call_followers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

pub fn is_following(conn: &mut DbConnection, call_id: &str, user_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        call_followers::table
            .filter(call_followers::call_id.eq(call_id))
            .filter(call_followers::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

/// Enabled users who follow a call: (email, name, language).
pub fn followers(
    conn: &mut DbConnection,
    call_id: &str,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    call_followers::table
        .inner_join(users::table)
        .filter(call_followers::call_id.eq(call_id))
        .filter(users::disabled_at.is_null())
        .select((users::email, users::display_name, users::language))
        .load(conn)
}

/// Published calls that have unanswered questions, with their count.
pub fn published_with_unanswered(conn: &mut DbConnection) -> QueryResult<Vec<(CallRow, i64)>> {
    let counts: std::collections::HashMap<String, i64> =
        unanswered_counts(conn)?.into_iter().collect();
    if counts.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = counts.keys().cloned().collect();
    let rows = calls::table
        .filter(calls::id.eq_any(&ids))
        .filter(calls::status.eq("published"))
        .select(CallRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let n = counts.get(&r.id).copied().unwrap_or(0);
            (r, n)
        })
        .collect())
}

/// Records that a reminder went out today; false when one already had.
/// Claims the reminder of a day for a subject; false when another node (or an earlier
/// run) already did. One insert that ignores a conflict: two nodes racing cannot both
/// win, and neither fails.
pub fn claim_reminder(
    conn: &mut DbConnection,
    subject_id: &str,
    kind: &str,
    day: chrono::NaiveDate,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    use super::schema::staff_reminders as r;
    let row = (
        r::subject_id.eq(subject_id),
        r::kind.eq(kind),
        r::sent_on.eq(day),
        r::sent_at.eq(now),
    );
    let n = super::insert_or_ignore!(conn, r::table, row)?;
    Ok(n == 1)
}

pub fn delegation_staff(
    conn: &mut DbConnection,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    users::table
        .filter(users::role.eq("delegation"))
        .filter(users::disabled_at.is_null())
        .select((users::email, users::display_name, users::language))
        .load(conn)
}

/// Whether any call of the programme was ever published (published or cancelled since).
pub fn any_published(conn: &mut DbConnection, programme_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        calls::table
            .filter(calls::programme_id.eq(programme_id))
            .filter(calls::published_at.is_not_null()),
    ))
    .get_result(conn)
}

/// A corrigendum to a published call, as stored (`changes` and `previous` are JSON of
/// `domain::corrigenda::Change` and `CallVersion`).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = call_corrigenda)]
pub struct CorrigendumRow {
    pub id: String,
    pub call_id: String,
    pub number: i32,
    pub reason: String,
    pub reason_kk: String,
    pub reason_ru: String,
    pub changes: String,
    pub previous: String,
    pub published_by: String,
    pub published_at: NaiveDateTime,
}

pub fn insert_corrigendum(conn: &mut DbConnection, row: &CorrigendumRow) -> QueryResult<()> {
    diesel::insert_into(call_corrigenda::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A call's corrigenda, the first first.
pub fn corrigenda_of(conn: &mut DbConnection, call_id: &str) -> QueryResult<Vec<CorrigendumRow>> {
    call_corrigenda::table
        .filter(call_corrigenda::call_id.eq(call_id))
        .order(call_corrigenda::number.asc())
        .select(CorrigendumRow::as_select())
        .load(conn)
}

/// The corrigenda of several calls (one query for a list page).
pub fn corrigenda_of_calls(
    conn: &mut DbConnection,
    call_ids: &[String],
) -> QueryResult<Vec<CorrigendumRow>> {
    call_corrigenda::table
        .filter(call_corrigenda::call_id.eq_any(call_ids))
        .order((
            call_corrigenda::call_id.asc(),
            call_corrigenda::number.asc(),
        ))
        .select(CorrigendumRow::as_select())
        .load(conn)
}

/// What a corrigendum changes in the call itself: the deadline and the description.
pub fn correct_call(
    conn: &mut DbConnection,
    id: &str,
    deadline: Option<NaiveDateTime>,
    description: &Texts,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(calls::table.find(id))
        .set((
            calls::deadline.eq(deadline),
            calls::description.eq(&description.en),
            calls::description_kk.eq(&description.kk),
            calls::description_ru.eq(&description.ru),
            calls::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// What a corrigendum changes in a lot: its title and its amount.
pub fn correct_lot(
    conn: &mut DbConnection,
    lot_id: &str,
    title: &Texts,
    envelope_cents: i64,
) -> QueryResult<()> {
    diesel::update(lots::table.find(lot_id))
        .set((
            lots::title.eq(&title.en),
            lots::title_kk.eq(&title.kk),
            lots::title_ru.eq(&title.ru),
            lots::envelope_cents.eq(envelope_cents),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Call references by id (to name calls in the audit log), one query.
pub fn references_of(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<Vec<(String, String)>> {
    calls::table
        .filter(calls::id.eq_any(ids))
        .select((calls::id, calls::reference))
        .load(conn)
}

/// (id, reference, call type, status, deadline).
pub type CallSummary = (String, String, String, String, Option<NaiveDateTime>);

/// Reference, type, status and deadline of the given calls, one query.
pub fn summaries_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<CallSummary>> {
    calls::table
        .filter(calls::id.eq_any(ids))
        .select((
            calls::id,
            calls::reference,
            calls::call_type,
            calls::status,
            calls::deadline,
        ))
        .load(conn)
}

/// "Lot 2 of REF" parts by lot id, one query.
pub fn lot_labels(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<Vec<(String, i32, String)>> {
    lots::table
        .inner_join(calls::table)
        .filter(lots::id.eq_any(ids))
        .select((lots::id, lots::number, calls::reference))
        .load(conn)
}

/// The call a reference names.
pub fn id_by_reference(conn: &mut DbConnection, reference: &str) -> QueryResult<Option<String>> {
    calls::table
        .filter(calls::reference.eq(reference))
        .select(calls::id)
        .first(conn)
        .optional()
}

/// The calls a person follows (published or cancelled), soonest deadline first.
pub fn followed_by(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<CallRow>> {
    calls::table
        .inner_join(call_followers::table)
        .filter(call_followers::user_id.eq(user_id))
        .filter(calls::status.ne("draft"))
        .order(calls::deadline.asc())
        .select(CallRow::as_select())
        .load(conn)
}

/// A person's own questions on every call, the latest first, with each call's row.
pub fn questions_of(
    conn: &mut DbConnection,
    user_id: &str,
) -> QueryResult<Vec<(ClarificationRow, CallRow)>> {
    clarifications::table
        .inner_join(calls::table)
        .filter(clarifications::asked_by.eq(user_id))
        .order(clarifications::asked_at.desc())
        .select((ClarificationRow::as_select(), CallRow::as_select()))
        .load(conn)
}

/// A person's questions on a call that are not answered yet (only they see them).
pub fn pending_questions_of(
    conn: &mut DbConnection,
    call_id: &str,
    user_id: &str,
) -> QueryResult<Vec<ClarificationRow>> {
    clarifications::table
        .filter(clarifications::call_id.eq(call_id))
        .filter(clarifications::asked_by.eq(user_id))
        .filter(clarifications::published_at.is_null())
        .order(clarifications::asked_at.asc())
        .select(ClarificationRow::as_select())
        .load(conn)
}
