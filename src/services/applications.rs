//! Applications: an organisation starts one to a lot of an open call (CFP-04, APP-06,
//! CFP-06), and its members write the concept note, section by section, without ever
//! overwriting each other silently.

use serde_json::json;

use crate::db::applications::{self as q, ApplicationRow};
use crate::db::calls as call_q;
use crate::db::organisations as org_q;
use crate::domain::access::{Action, Scope};
use crate::domain::applications::{
    concept_note_editable, deadline_of, eligibility_problems, within_application_limit,
    ApplicationEvent, ApplicationStatus, Stage,
};
use crate::domain::calls::is_open_for_submission;
use crate::domain::money::Money;
use crate::domain::organisations::MemberRole;
use crate::domain::text;
use crate::domain::workflow::Workflow;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::calls::{lot_terms, Call};
use crate::services::mail::MailKind;
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// The longest concept-note text accepted in a save (the word limits are shown, and
/// enforced at submission).
pub const SECTION_MAX_CHARS: usize = 30_000;

pub(crate) fn permission() -> Permission {
    Permission::Do(Action::WorkForOrganisation, Scope::Portal)
}

/// Why an application cannot be started: the reasons in the applicant's words.
#[derive(Debug)]
pub struct NotEligible(pub Vec<&'static str>);

/// Starts a draft application of an organisation to a lot. Refused with every reason
/// when the organisation may not apply (CFP-04) or has reached the call's limit
/// (APP-06); the organisation's lock keeps its count exact under parallel starts.
#[tracing::instrument(skip_all)]
pub async fn start(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lot_id: String,
    organisation_id: String,
) -> AppResult<Result<String, NotEligible>> {
    state
        .write(
            actor,
            permission(),
            Lock::Organisation(organisation_id.clone()),
            move |tx| {
                if !crate::services::organisations::role_in(tx, &organisation_id)?.may_edit() {
                    return Err(AppError::Forbidden);
                }
                let call =
                    Call::from_row(call_q::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?)?;
                let lot =
                    call_q::find_lot(tx.conn, &call_id, &lot_id)?.ok_or(AppError::NotFound)?;
                let org = org_q::find(tx.conn, &organisation_id)?.ok_or(AppError::NotFound)?;
                let mut reasons = Vec::new();
                let opens = call
                    .row
                    .opens_at
                    .or(call.row.published_at)
                    .unwrap_or(tx.now);
                let open = call.is_published()
                    && call
                        .row
                        .deadline
                        .is_some_and(|d| is_open_for_submission(tx.now, opens, d));
                if !open {
                    reasons.push("eligibility-problem-closed");
                }
                reasons.extend(eligibility_problems(
                    &lot_terms(&lot),
                    &org.legal_status,
                    &org.country,
                ));
                let existing = q::counted_for_limit(tx.conn, &organisation_id, &call_id)?;
                if !within_application_limit(existing, call.params.max_applications_per_applicant) {
                    reasons.push("eligibility-problem-limit");
                }
                let in_lot = q::counted_for_lot_limit(tx.conn, &organisation_id, &lot_id)?;
                if !within_application_limit(in_lot, call.params.max_applications_per_lot) {
                    reasons.push("eligibility-problem-lot-limit");
                }
                if !reasons.is_empty() {
                    tx.nothing_changed();
                    return Ok(Err(NotEligible(reasons)));
                }
                let by = tx.actor.user_id.clone().unwrap_or_default();
                let id = new_id();
                q::insert(
                    tx.conn,
                    &ApplicationRow {
                        id: id.clone(),
                        call_id: call_id.clone(),
                        lot_id: lot_id.clone(),
                        organisation_id: organisation_id.clone(),
                        status: ApplicationStatus::Draft.as_str().into(),
                        title: String::new(),
                        relevance: String::new(),
                        design: String::new(),
                        eu_contribution_cents: None,
                        duration_months: None,
                        version: 1,
                        created_by: by.clone(),
                        created_at: tx.now,
                        updated_by: by,
                        updated_at: tx.now,
                        submitted_at: None,
                        submitted_by: None,
                        receipt_number: None,
                        content_sha256: None,
                        withdrawn_at: None,
                        stage: Stage::first(call.call_type).as_str().into(),
                        full_application: "{}".into(),
                        invited_at: None,
                        full_deadline: None,
                        submitted_version: None,
                        requested_cents: None,
                        rejected_at: None,
                        rejection_reason: None,
                        action_locations: crate::domain::applications::proposed_action_locations(
                            &lot_terms(&lot),
                            &org.oblast,
                        ),
                    },
                )?;
                tx.audit(
                    "application.started",
                    Some(("application", &id)),
                    json!({"call": call_id, "lot": lot.number, "organisation": organisation_id}),
                )?;
                Ok(Ok(id))
            },
        )
        .await
}

/// An application as its organisation's members see it.
pub struct ApplicationDetail {
    pub row: ApplicationRow,
    pub call: Call,
    pub lot: crate::db::calls::LotRow,
    pub organisation: String,
    pub my_role: MemberRole,
}

/// SEL-03: an applicant's rows as they may see them: a rejection not yet told reads as
/// submitted, without its reason.
fn hide_untold_outcome(
    conn: &mut crate::db::DbConnection,
    rows: &mut [ApplicationRow],
) -> AppResult<()> {
    let rejected: Vec<String> = rows
        .iter()
        .filter(|r| r.status == "rejected")
        .map(|r| r.id.clone())
        .collect();
    if rejected.is_empty() {
        return Ok(());
    }
    let told = crate::db::evaluation::told_among(conn, &rejected)?;
    for r in rows.iter_mut().filter(|r| r.status == "rejected") {
        let told = told.contains(&r.id);
        r.status = crate::domain::award::status_shown_to_applicant(&r.status, told).to_string();
        if !told {
            r.rejection_reason = None;
        }
    }
    Ok(())
}

/// APP-02, APP-03: the concept note's amount and duration outside the lot's ranges, as
/// the submission would refuse them; a save keeps them and says so.
pub fn range_warnings(d: &ApplicationDetail) -> Vec<FieldError> {
    use crate::domain::applications::{concept_note_problems, ConceptNote};
    let r = &d.row;
    concept_note_problems(
        &ConceptNote {
            title: &r.title,
            relevance: &r.relevance,
            design: &r.design,
            eu_contribution: r.eu_contribution_cents.map(Money::from_cents),
            duration_months: r.duration_months,
            action_locations: &r.action_locations,
        },
        &lot_terms(&d.lot),
    )
    .into_iter()
    .filter(|e| {
        matches!(
            e.code,
            "error-eu-contribution-range" | "error-duration-range"
        )
    })
    .collect()
}

#[tracing::instrument(skip_all)]
pub async fn detail(state: &AppState, actor: &Actor, id: String) -> AppResult<ApplicationDetail> {
    actor.require(Action::WorkForOrganisation)?;
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let mut row = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            hide_untold_outcome(conn, std::slice::from_mut(&mut row))?;
            let my_role = org_q::membership(conn, &row.organisation_id, &user)?
                .and_then(|m| MemberRole::parse(&m.role))
                .ok_or(AppError::NotFound)?;
            let call =
                Call::from_row(call_q::find(conn, &row.call_id)?.ok_or(AppError::NotFound)?)?;
            let lot =
                call_q::find_lot(conn, &row.call_id, &row.lot_id)?.ok_or(AppError::NotFound)?;
            let organisation = org_q::find(conn, &row.organisation_id)?
                .map(|o| o.legal_name)
                .unwrap_or_default();
            Ok(ApplicationDetail {
                row,
                call,
                lot,
                organisation,
                my_role,
            })
        })
        .await
}

/// The concept note as typed.
#[derive(Debug, Clone, Default)]
pub struct ConceptNoteInput {
    pub title: String,
    pub relevance: String,
    pub design: String,
    pub eu_contribution: Option<Money>,
    pub duration_months: Option<i32>,
    /// CFP-04: where the action takes place; None keeps what is stored.
    pub action_locations: Option<Vec<String>>,
}

/// Saves the concept note if nobody saved since `version` was read; otherwise returns
/// what is stored now, so that both versions can be shown and nothing is lost.
#[tracing::instrument(skip_all)]
pub async fn save_concept_note(
    state: &AppState,
    actor: &Actor,
    id: String,
    version: i32,
    input: ConceptNoteInput,
) -> AppResult<Result<(), ApplicationRow>> {
    let mut errors = Vec::new();
    let title = text::text("title", &input.title, 300, false).unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    });
    let relevance = text::text("relevance", &input.relevance, SECTION_MAX_CHARS, false)
        .unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        });
    let design =
        text::text("design", &input.design, SECTION_MAX_CHARS, false).unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        });
    if input
        .duration_months
        .is_some_and(|m| !(1..=crate::domain::calls::MAX_DURATION_MONTHS as i32).contains(&m))
    {
        errors.push(FieldError::new(
            "duration_months",
            "error-application-duration",
        ));
    }
    let action_locations = input.action_locations.as_ref().map(|chosen| {
        if chosen
            .iter()
            .any(|c| !crate::domain::calls::PILOT_OBLASTS.contains(&c.as_str()))
        {
            errors.push(FieldError::new(
                "action_locations",
                "error-action-location-unknown",
            ));
        }
        chosen.join(",")
    });
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (call_id, organisation_id) = owners_of(state, &id).await?;
    state
        .write(actor, permission(), Lock::Organisation(organisation_id.clone()), move |tx| {
            let (stored, call) =
                in_time_for(tx, &id, &organisation_id, &call_id, ApplicationEvent::Edit)?;
            if !concept_note_editable(Stage::parse(&stored.stage), call.call_type) {
                return Err(AppError::Conflict("error-concept-note-kept"));
            }
            if stored.version != version {
                tx.nothing_changed();
                return Ok(Err(stored));
            }
            let mut row = stored.clone();
            row.title = title.clone();
            row.relevance = relevance.clone();
            row.design = design.clone();
            row.eu_contribution_cents = input.eu_contribution.map(|m| m.cents());
            row.duration_months = input.duration_months;
            if let Some(chosen) = &action_locations {
                row.action_locations = chosen.clone();
            }
            row.updated_by = tx.actor.user_id.clone().unwrap_or_default();
            row.updated_at = tx.now;
            if !q::save_concept_note(tx.conn, &row, version)? {
                tx.nothing_changed();
                let now = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
                return Ok(Err(now));
            }
            tx.audit(
                "application.concept_note_saved",
                Some(("application", &id)),
                json!({"version": version + 1, "relevance_words": crate::domain::applications::count_words(&relevance),
                       "design_words": crate::domain::applications::count_words(&design),
                       "eu_contribution_cents": row.eu_contribution_cents, "duration_months": row.duration_months,
                       "action_locations": row.action_locations}),
            )?;
            Ok(Ok(()))
        })
        .await
}

/// The submissions of an application, latest first (APP-05: all stay visible), for
/// its organisation's members.
#[tracing::instrument(skip_all)]
pub async fn submissions(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<Vec<q::SubmissionRow>> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            org_q::membership(conn, &a.organisation_id, &user)?.ok_or(AppError::NotFound)?;
            Ok(q::submissions_of(conn, &id)?)
        })
        .await
}

/// One submission of an application with the application, for its members.
#[tracing::instrument(skip_all)]
pub async fn submission(
    state: &AppState,
    actor: &Actor,
    id: String,
    submission_id: String,
) -> AppResult<(ApplicationDetail, q::SubmissionRow)> {
    let d = detail(state, actor, id).await?;
    let application_id = d.row.id.clone();
    let row = state
        .db(move |conn| {
            Ok(q::submissions_of(conn, &application_id)?
                .into_iter()
                .find(|s| s.id == submission_id))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((d, row))
}

/// One of the person's applications with what its dashboard line shows.
pub struct PersonApplication {
    pub row: ApplicationRow,
    pub reference: String,
    pub lot: i32,
    pub organisation: String,
    /// The deadline that applies to it now (the call's or its invitation's).
    pub deadline: Option<chrono::NaiveDateTime>,
    pub call_published: bool,
    pub call_type: String,
}

/// The applications of the person's organisations, with the call's reference and
/// deadline, the lot number and the organisation's name (four queries, whatever the
/// number).
#[tracing::instrument(skip_all)]
pub async fn of_person(state: &AppState, actor: &Actor) -> AppResult<Vec<PersonApplication>> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let orgs = org_q::of_user(conn, &user)?;
            let ids: Vec<String> = orgs.iter().map(|(o, _)| o.id.clone()).collect();
            let mut rows = q::of_organisations(conn, &ids)?;
            hide_untold_outcome(conn, &mut rows)?;
            let call_ids: Vec<String> = rows.iter().map(|r| r.call_id.clone()).collect();
            let calls: std::collections::HashMap<String, _> =
                call_q::summaries_of(conn, &call_ids)?
                    .into_iter()
                    .map(|(id, reference, call_type, status, deadline)| {
                        (id, (reference, call_type, status, deadline))
                    })
                    .collect();
            let lot_ids: Vec<String> = rows.iter().map(|r| r.lot_id.clone()).collect();
            let lots: std::collections::HashMap<String, i32> = call_q::lot_labels(conn, &lot_ids)?
                .into_iter()
                .map(|(id, n, _)| (id, n))
                .collect();
            Ok(rows
                .into_iter()
                .map(|r| {
                    let (reference, call_type, status, call_deadline) =
                        calls.get(&r.call_id).cloned().unwrap_or_default();
                    let kind = crate::domain::calls::CallType::parse(&call_type)
                        .unwrap_or(crate::domain::calls::CallType::Restricted);
                    let deadline =
                        deadline_of(Stage::parse(&r.stage), kind, call_deadline, r.full_deadline);
                    let organisation = orgs
                        .iter()
                        .find(|(o, _)| o.id == r.organisation_id)
                        .map(|(o, _)| o.legal_name.clone())
                        .unwrap_or_default();
                    PersonApplication {
                        lot: lots.get(&r.lot_id).copied().unwrap_or_default(),
                        reference,
                        organisation,
                        deadline,
                        call_published: status == "published",
                        call_type,
                        row: r,
                    }
                })
                .collect())
        })
        .await
}

/// The call and organisation of an application (they never change, so reading them
/// before the write's lock is safe).
pub(crate) async fn owners_of(state: &AppState, id: &str) -> AppResult<(String, String)> {
    let id = id.to_string();
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            Ok((a.call_id, a.organisation_id))
        })
        .await
}

/// What submitting and withdrawing both check: the person may edit for the
/// organisation, the application's workflow allows `event`, and the deadline has not
/// passed by the server's clock (ADM-01, CFP-06: the instant itself is in time).
pub(crate) fn in_time_for(
    tx: &mut crate::services::write::Tx<'_>,
    id: &str,
    organisation_id: &str,
    call_id: &str,
    event: ApplicationEvent,
) -> AppResult<(ApplicationRow, Call)> {
    if !crate::services::organisations::role_in(tx, organisation_id)?.may_edit() {
        return Err(AppError::Forbidden);
    }
    let a = q::find(tx.conn, id)?.ok_or(AppError::NotFound)?;
    ApplicationStatus::parse(&a.status)
        .ok_or(AppError::NotFound)?
        .transition(event)
        .map_err(|r| AppError::Conflict(r.message_key))?;
    let call = Call::from_row(call_q::find(tx.conn, call_id)?.ok_or(AppError::NotFound)?)?;
    if !call.is_published() || !crate::domain::time::in_time(tx.now, deadline_for(&a, &call)) {
        return Err(AppError::Conflict("error-application-deadline-passed"));
    }
    Ok((a, call))
}

/// Runs a change of an application's draft for its organisation: under the
/// organisation's lock, by a member who may edit, while the workflow allows editing and
/// before the deadline that applies (the checks every edit shares).
pub(crate) async fn edit<T, F>(state: &AppState, actor: &Actor, id: String, f: F) -> AppResult<T>
where
    F: FnOnce(&mut crate::services::write::Tx<'_>, ApplicationRow, Call) -> AppResult<T>
        + Send
        + 'static,
    T: Send + 'static,
{
    edit_under(state, actor, id, false, f).await
}

/// Like `edit`, for what a submission names besides the versioned texts (partners,
/// mandates, annexes): under the call's lock, which the submission holds, so that a
/// submission never names the files as they were just before a change that then
/// looks submitted. A change awaits a new submission.
pub(crate) async fn edit_files<T, F>(
    state: &AppState,
    actor: &Actor,
    id: String,
    f: F,
) -> AppResult<T>
where
    F: FnOnce(&mut crate::services::write::Tx<'_>, ApplicationRow, Call) -> AppResult<T>
        + Send
        + 'static,
    T: Send + 'static,
{
    edit_under(state, actor, id, true, move |tx, a, call| {
        let id = a.id.clone();
        let out = f(tx, a, call)?;
        q::mark_changed(tx.conn, &id)?;
        Ok(out)
    })
    .await
}

/// Stores an uploaded file of the application, then records it with `f` in one write
/// (`edit_files`); the stored file is removed again when the write is refused.
pub(crate) async fn attach_file<T, F>(
    state: &AppState,
    actor: &Actor,
    id: String,
    upload: crate::services::uploads::CheckedUpload,
    f: F,
) -> AppResult<T>
where
    F: FnOnce(
            &mut crate::services::write::Tx<'_>,
            &crate::services::uploads::CheckedUpload,
            &crate::services::uploads::Stored,
        ) -> AppResult<T>
        + Send
        + 'static,
    T: Send + 'static,
{
    crate::services::write::check_permission(actor, &permission())?;
    let stored = crate::services::uploads::store(state, &upload).await?;
    let key = stored.key.clone();
    let result = edit_files(state, actor, id, move |tx, _, _| f(tx, &upload, &stored)).await;
    if result.is_err() {
        crate::services::uploads::discard(state, &key).await;
    }
    result
}

async fn edit_under<T, F>(
    state: &AppState,
    actor: &Actor,
    id: String,
    call_lock: bool,
    f: F,
) -> AppResult<T>
where
    F: FnOnce(&mut crate::services::write::Tx<'_>, ApplicationRow, Call) -> AppResult<T>
        + Send
        + 'static,
    T: Send + 'static,
{
    let (call_id, organisation_id) = owners_of(state, &id).await?;
    let lock = if call_lock {
        Lock::Call(call_id.clone())
    } else {
        Lock::Organisation(organisation_id.clone())
    };
    state
        .write(actor, permission(), lock, move |tx| {
            let (a, call) =
                in_time_for(tx, &id, &organisation_id, &call_id, ApplicationEvent::Edit)?;
            f(tx, a, call)
        })
        .await
}

/// The deadline that applies to the application now (the call's, or its invitation's).
pub fn deadline_for(a: &ApplicationRow, call: &Call) -> Option<chrono::NaiveDateTime> {
    deadline_of(
        Stage::parse(&a.stage),
        call.call_type,
        call.row.deadline,
        a.full_deadline,
    )
}

/// What the receipt of a submission says.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub number: String,
    pub at: chrono::NaiveDateTime,
    pub sha256: String,
    /// 1 for the first submission at the stage, 2 for the next…
    pub submission_no: i32,
}

/// Submits the concept note (APP-05, CFP-06): refused with every problem by field, or
/// after the deadline (the instant itself is in time); otherwise frozen with a receipt
/// numbered in the call's order, the members emailed. The call's lock numbers receipts
/// without gaps or doubles under the deadline rush.
#[tracing::instrument(skip_all)]
pub async fn submit(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<Result<Receipt, Vec<FieldError>>> {
    let (call_id, organisation_id) = owners_of(state, &id).await?;
    let link = state.public_url(&format!("/applications/{id}"));
    let late_id = id.clone();
    let result = state
        .write(
            actor,
            permission(),
            Lock::Call(call_id.clone()),
            move |tx| {
                let (a, call) = in_time_for(
                    tx,
                    &id,
                    &organisation_id,
                    &call_id,
                    ApplicationEvent::Submit,
                )?;
                let stage = Stage::parse(&a.stage);
                // A double click, a retry or parallel submits of the same version: one
                // submission, the same receipt.
                if a.submitted_version == Some(a.version) {
                    tx.nothing_changed();
                    let last = q::submissions_of(tx.conn, &id)?
                        .into_iter()
                        .find(|s| s.stage == stage.as_str())
                        .ok_or(AppError::NotFound)?;
                    return Ok(Ok(Receipt {
                        number: last.receipt_number,
                        at: last.submitted_at,
                        sha256: last.content_sha256,
                        submission_no: last.submission_no,
                    }));
                }
                let lot =
                    call_q::find_lot(tx.conn, &call_id, &a.lot_id)?.ok_or(AppError::NotFound)?;
                let partners = super::partners::partners_on(tx.conn, &id)?;
                let mut problems = submission_problems(&a, &call, &lot)?;
                let roles: Vec<(crate::domain::partners::PartnerRole, bool)> = partners
                    .iter()
                    .filter_map(|p| {
                        crate::domain::partners::PartnerRole::parse(&p.row.role)
                            .map(|r| (r, p.mandate.is_some()))
                    })
                    .collect();
                if !crate::domain::partners::missing_mandates(&roles).is_empty() {
                    problems.push(FieldError::new("partners", "error-mandate-missing"));
                }
                if !problems.is_empty() {
                    tx.nothing_changed();
                    return Ok(Err(problems));
                }
                let named: Vec<serde_json::Value> = partners
                    .iter()
                    .map(|p| {
                        json!({"organisation": p.row.organisation_id, "name": p.organisation,
                               "registration_number": p.registration_number, "role": p.row.role,
                               "mandate_sha256": p.mandate.as_ref().map(|m| m.sha256.clone()),
                               "mandate_id": p.mandate.as_ref().map(|m| m.id.clone())})
                    })
                    .collect();
                let annexes: Vec<serde_json::Value> = super::annexes::annexes_on(tx.conn, &id)?
                    .iter()
                    .map(|f| {
                        json!({"id": f.id, "title": f.title, "file_name": f.file_name,
                               "bytes": f.size_bytes, "sha256": f.sha256})
                    })
                    .collect();
                let content =
                    canonical_content(&a, &call.row.reference, lot.number, &named, &annexes);
                let sha256 = sha256_hex(&content);
                let earlier: Vec<_> = q::submissions_of(tx.conn, &id)?
                    .into_iter()
                    .filter(|s| s.stage == stage.as_str())
                    .collect();
                let number = match earlier.first() {
                    Some(last) => last.receipt_number.clone(),
                    None => crate::domain::applications::receipt_number(
                        &call.row.reference,
                        lot.number,
                        stage,
                        q::numbered_in_lot(tx.conn, &call_id, &a.lot_id, stage.as_str())? + 1,
                    ),
                };
                let submission_no = earlier.len() as i32 + 1;
                let by = tx.actor.user_id.clone().unwrap_or_default();
                // A save committed since the read (it holds the organisation's lock, not the
                // call's) would make the receipt describe other content: refused instead.
                if !q::mark_submitted(
                    tx.conn,
                    &id,
                    a.version,
                    &a.status,
                    &by,
                    tx.now,
                    &number,
                    &sha256,
                    requested_of(&a),
                )? {
                    return Err(AppError::Conflict(
                        "error-application-changed-while-submitting",
                    ));
                }
                q::insert_submission(
                    tx.conn,
                    &q::SubmissionRow {
                        id: new_id(),
                        application_id: id.clone(),
                        call_id: call_id.clone(),
                        lot_id: a.lot_id.clone(),
                        stage: stage.as_str().into(),
                        receipt_number: number.clone(),
                        submission_no,
                        submitted_at: tx.now,
                        submitted_by: by.clone(),
                        content,
                        content_sha256: sha256.clone(),
                    },
                )?;
                // Each member in their own language.
                let members = org_q::member_recipients(tx.conn, &organisation_id)?;
                let when = crate::clock::format_local(tx.now);
                tx.mail_each(&members, MailKind::ApplicationReceipt, |lang| {
                    vec![
                        ("number", number.clone()),
                        ("call", call.label_in(lang)),
                        ("when", when.clone()),
                        ("sha256", sha256.clone()),
                        ("stage", stage.as_str().to_string()),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    "application.submitted",
                    Some(("application", &id)),
                    json!({"receipt": number, "sha256": sha256, "call": call_id,
                           "stage": stage.as_str(), "submission": submission_no}),
                )?;
                Ok(Ok(Receipt {
                    number,
                    at: tx.now,
                    sha256,
                    submission_no,
                }))
            },
        )
        .await;
    // ADM-01: refused automatically, and recorded for the opening record.
    if matches!(
        result,
        Err(AppError::Conflict("error-application-deadline-passed"))
    ) {
        if let Err(e) = super::opening::record_late(state, actor, late_id).await {
            tracing::warn!(error = %e, "a late submission could not be recorded");
        }
        crate::telemetry::submission(false);
    } else if matches!(result, Ok(Ok(_))) {
        crate::telemetry::submission(true);
    }
    result
}

/// Everything that stops the submission, by field: the concept note's parts while it
/// can change, the full application's sections (with APP-04 against the concept note's
/// estimate in a restricted call) at the full stage.
fn submission_problems(
    a: &ApplicationRow,
    call: &Call,
    lot: &crate::db::calls::LotRow,
) -> AppResult<Vec<FieldError>> {
    use crate::domain::applications::{concept_note_problems, ConceptNote};
    use crate::domain::budget::BudgetContext;
    use crate::domain::full_application::{full_application_problems, FullApplication};
    let terms = lot_terms(lot);
    let stage = Stage::parse(&a.stage);
    let mut out = Vec::new();
    if concept_note_editable(stage, call.call_type) {
        out.extend(concept_note_problems(
            &ConceptNote {
                title: &a.title,
                relevance: &a.relevance,
                design: &a.design,
                eu_contribution: a.eu_contribution_cents.map(Money::from_cents),
                duration_months: a.duration_months,
                action_locations: &a.action_locations,
            },
            &terms,
        ));
    }
    if stage == Stage::Full {
        let full = FullApplication::from_json(&a.full_application);
        let context = BudgetContext {
            lot: &terms,
            duration_months: a.duration_months,
            concept_estimate: match call.call_type {
                crate::domain::calls::CallType::Restricted => {
                    a.eu_contribution_cents.map(Money::from_cents)
                }
                crate::domain::calls::CallType::Open => None,
            },
            tolerance_percent: call.params.full_application_tolerance_percent,
        };
        out.extend(
            full_application_problems(&full, &context)
                .into_iter()
                .map(|p| {
                    let mut e = FieldError::named(format!("{}.{}", p.section, p.field), p.code);
                    e.args = p.args;
                    e
                }),
        );
    }
    Ok(out)
}

/// The EU contribution an application requests: the full application's budget once at
/// that stage, the concept note's estimate before.
pub fn requested_of(a: &ApplicationRow) -> Option<i64> {
    if a.stage == Stage::Full.as_str() {
        let full = crate::domain::full_application::FullApplication::from_json(&a.full_application);
        let eu = full.budget.funding.eu_contribution;
        if eu > Money::ZERO {
            return Some(eu.cents());
        }
    }
    a.eu_contribution_cents
}

/// What a submission freezes, as canonical JSON (keys sorted, no spaces): the call,
/// lot, organisation and stage, the partners with their mandates' SHA-256, the annexes
/// with theirs, the concept note, and at the full stage the full application. The
/// receipt's SHA-256 is of exactly these bytes (README "Receipts").
pub fn canonical_content(
    a: &ApplicationRow,
    call_reference: &str,
    lot_number: i32,
    partners: &[serde_json::Value],
    annexes: &[serde_json::Value],
) -> String {
    let full: serde_json::Value = if a.stage == Stage::Full.as_str() {
        serde_json::from_str(&a.full_application).unwrap_or(serde_json::Value::Null)
    } else {
        serde_json::Value::Null
    };
    // serde_json's maps are ordered by key (no `preserve_order`), so this is canonical.
    json!({"call": call_reference, "lot": lot_number, "organisation": a.organisation_id,
           "stage": a.stage, "partners": partners, "annexes": annexes,
           "concept_note": {"title": a.title, "relevance": a.relevance, "design": a.design,
           "action_locations": crate::domain::applications::parse_action_locations(&a.action_locations),
                            "eu_contribution_cents": a.eu_contribution_cents,
                            "duration_months": a.duration_months},
           "full_application": full})
    .to_string()
}

/// The ids of the files (annexes, mandates) a submission's canonical content names.
pub fn files_named_in(content: &str) -> Vec<String> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(content) else {
        return Vec::new();
    };
    let ids = |list: &str, key: &str| -> Vec<String> {
        v[list]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i[key].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = ids("annexes", "id");
    out.extend(ids("partners", "mandate_id"));
    out
}

pub fn sha256_hex(content: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(content.as_bytes()))
}

/// Withdraws an application until the deadline (APP-05).
#[tracing::instrument(skip_all)]
pub async fn withdraw(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    let (call_id, organisation_id) = owners_of(state, &id).await?;
    state
        .write(
            actor,
            permission(),
            Lock::Call(call_id.clone()),
            move |tx| {
                let (a, _) = in_time_for(
                    tx,
                    &id,
                    &organisation_id,
                    &call_id,
                    ApplicationEvent::Withdraw,
                )?;
                if !q::mark_withdrawn(tx.conn, &id, tx.now)? {
                    return Err(AppError::Conflict("error-application-withdrawn"));
                }
                tx.audit(
                    "application.withdrawn",
                    Some(("application", &id)),
                    json!({"before": a.status, "receipt": a.receipt_number}),
                )
            },
        )
        .await
}

/// The invitation itself, inside a write under the call's lock: the chair invites the
/// shortlist of the approved concept-note report through it (SEL-03; CFP-02: at least
/// the call's invitation period from now, after the concept-note deadline). Each
/// organisation's members are emailed in their language.
pub(crate) fn invite_in(
    tx: &mut crate::services::write::Tx<'_>,
    call_id: &str,
    application_ids: &[String],
    deadline: chrono::NaiveDateTime,
    link_base: &str,
) -> AppResult<usize> {
    use crate::domain::applications::invitation_leaves_enough_time;
    let call = Call::from_row(call_q::find(tx.conn, call_id)?.ok_or(AppError::NotFound)?)?;
    if call.call_type != crate::domain::calls::CallType::Restricted {
        return Err(AppError::Conflict("error-invite-open-call"));
    }
    if !crate::domain::time::passed(tx.now, call.row.deadline) {
        return Err(AppError::Conflict("error-invite-before-deadline"));
    }
    if let Err(e) = crate::domain::time::plausible_instant(deadline) {
        return Err(AppError::Validation(vec![FieldError::new(
            "full_deadline",
            e.message_key(),
        )]));
    }
    if !invitation_leaves_enough_time(tx.now, deadline, call.params.invitation_min_days) {
        return Err(AppError::Validation(vec![FieldError::new(
            "full_deadline",
            "error-invite-deadline-too-soon",
        )]));
    }
    let when = crate::clock::format_local(deadline);
    for id in application_ids {
        let a = q::find(tx.conn, id)?
            .filter(|a| a.call_id == call_id)
            .ok_or(AppError::NotFound)?;
        if Stage::parse(&a.stage) != Stage::Concept {
            return Err(AppError::Conflict("error-invite-already-invited"));
        }
        ApplicationStatus::parse(&a.status)
            .ok_or(AppError::NotFound)?
            .transition(ApplicationEvent::Invite)
            .map_err(|_| AppError::Conflict("error-invite-not-submitted"))?;
        if !q::mark_invited(tx.conn, id, a.version, tx.now, deadline)? {
            return Err(AppError::Conflict("error-invite-not-submitted"));
        }
        let members = org_q::member_recipients(tx.conn, &a.organisation_id)?;
        let link = format!("{link_base}{id}");
        tx.mail_each(&members, MailKind::FullApplicationInvitation, |lang| {
            vec![
                ("call", call.label_in(lang)),
                ("number", a.receipt_number.clone().unwrap_or_default()),
                ("deadline", when.clone()),
                ("link", link.clone()),
            ]
        })?;
        tx.audit(
            "application.invited",
            Some(("application", id)),
            json!({"call": call_id, "full_deadline": deadline, "receipt": a.receipt_number}),
        )?;
    }
    Ok(application_ids.len())
}
