//! Staff reading a received application and recording its administrative check
//! (ADM-02): after the deadline, item by item; a failed item rejects the application
//! with the reason, and its organisation's members are told in their language.

use serde_json::json;

use crate::db::applications::{self as q, AdminCheckRow, ApplicationRow, SubmissionRow};
use crate::db::calls::{self as call_q, LotRow};
use crate::db::organisations::{self as org_q, OrganisationRow};
use crate::domain::access::{Action, Scope};
use crate::domain::admin_check::{check_problems, failed_items, passes, CheckItem};
use crate::domain::applications::{ApplicationEvent, ApplicationStatus};
use crate::domain::workflow::Workflow;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// A received application as staff read it.
pub struct StaffApplication {
    pub row: ApplicationRow,
    pub call: Call,
    pub lot: LotRow,
    pub organisation: OrganisationRow,
    pub submissions: Vec<SubmissionRow>,
    pub checks: Vec<AdminCheckRow>,
}

/// An application the call received (drafts are their organisation's alone: not found).
#[tracing::instrument(skip_all)]
pub async fn staff_view(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<StaffApplication> {
    actor.require(Action::ReadApplicationContent)?;
    let actor = actor.clone();
    let now = state.clock.now();
    state
        .db(move |conn| {
            let row = q::find(conn, &id)?
                .filter(|a| a.receipt_number.is_some())
                .ok_or(AppError::NotFound)?;
            // EVC-02, CFP-06: after the deadline, for whoever signed the declaration.
            let call = crate::services::reading::check_may_read(conn, &actor, &row, now)?;
            let lot =
                call_q::find_lot(conn, &row.call_id, &row.lot_id)?.ok_or(AppError::NotFound)?;
            let organisation =
                org_q::find(conn, &row.organisation_id)?.ok_or(AppError::NotFound)?;
            let submissions = q::submissions_of(conn, &id)?
                .into_iter()
                .filter(|s| crate::services::reading::readable(s, &row, &call, now))
                .collect();
            let checks = q::checks_of(conn, &id)?;
            Ok(StaffApplication {
                row,
                call,
                lot,
                organisation,
                submissions,
                checks,
            })
        })
        .await
}

/// Records the administrative check of the application's current stage, once, after
/// its deadline. Returns whether it passed; a failed check rejects the application.
#[tracing::instrument(skip_all)]
pub async fn record_check(
    state: &AppState,
    actor: &Actor,
    id: String,
    items: Vec<CheckItem>,
) -> AppResult<bool> {
    let problems = check_problems(&items);
    if !problems.is_empty() {
        return Err(AppError::Validation(
            problems
                .into_iter()
                .map(|(field, code)| FieldError::named(field, code))
                .collect(),
        ));
    }
    let call_id = {
        let id = id.clone();
        state
            .db(move |conn| Ok(q::find(conn, &id)?.ok_or(AppError::NotFound)?.call_id))
            .await?
    };
    state
        .write(
            actor,
            Permission::Do(Action::CheckApplications, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let a = q::find(tx.conn, &id)?
                    .filter(|a| a.receipt_number.is_some())
                    .ok_or(AppError::NotFound)?;
                let call =
                    Call::from_row(call_q::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?)?;
                if !crate::domain::time::passed(tx.now, super::applications::deadline_for(&a, &call)) {
                    return Err(AppError::Conflict("error-check-before-deadline"));
                }
                if q::checks_of(tx.conn, &id)?.iter().any(|c| c.stage == a.stage) {
                    return Err(AppError::Conflict("error-check-already-recorded"));
                }
                let status = ApplicationStatus::parse(&a.status).ok_or(AppError::NotFound)?;
                if status != ApplicationStatus::Submitted {
                    return Err(AppError::Conflict(status.refusal(ApplicationEvent::Reject)));
                }
                let passed = passes(&items);
                let by = tx.actor.user_id.clone().unwrap_or_default();
                q::insert_check(
                    tx.conn,
                    &AdminCheckRow {
                        id: new_id(),
                        application_id: id.clone(),
                        stage: a.stage.clone(),
                        items: serde_json::to_string(&items)
                            .map_err(|e| AppError::Internal(e.into()))?,
                        passed,
                        checked_by: by,
                        checked_at: tx.now,
                    },
                )?;
                let failed: Vec<String> = failed_items(&items).iter().map(|s| s.to_string()).collect();
                tx.audit(
                    "application.administrative_check",
                    Some(("application", &id)),
                    json!({"stage": a.stage, "passed": passed, "failed": failed, "receipt": a.receipt_number}),
                )?;
                if !passed {
                    status
                        .transition(ApplicationEvent::Reject)
                        .map_err(|r| AppError::Conflict(r.message_key))?;
                    if !q::mark_rejected(tx.conn, &id, tx.now, &failed.join(","))? {
                        return Err(AppError::Conflict("error-application-changed"));
                    }
                    // SEL-03: the applicant is told in the stage's notification batch,
                    // once the EU Delegation has approved the stage's report.
                    tx.audit(
                        "application.rejected",
                        Some(("application", &id)),
                        json!({"rule": "ADM-02", "failed": failed}),
                    )?;
                }
                Ok(passed)
            },
        )
        .await
}
