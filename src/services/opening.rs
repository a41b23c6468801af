//! Late submissions (ADM-01) and the opening of a call's received applications after
//! its deadline: a record, made once, listing what arrived in time (with receipt and
//! server time), what was withdrawn, and every submission refused as late.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db::applications::{self as q, LateRow, OpeningRow};
use crate::db::calls as call_q;
use crate::domain::access::{Action, Scope};
use crate::domain::applications::{late_attempt_stage, opening_allowed_after, OpeningStage, Stage};
use crate::domain::calls::CallType;
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// Records that the person tried to submit after the deadline (ADM-01: refused
/// automatically; the opening record lists it). Only for a member who may edit.
#[tracing::instrument(skip_all)]
pub async fn record_late(state: &AppState, actor: &Actor, application_id: String) -> AppResult<()> {
    let (call_id, organisation_id) = super::applications::owners_of(state, &application_id).await?;
    state
        .write(
            actor,
            Permission::Do(Action::WorkForOrganisation, Scope::Portal),
            Lock::Nothing,
            move |tx| {
                if !super::organisations::role_in(tx, &organisation_id)?.may_edit() {
                    return Err(AppError::Forbidden);
                }
                q::insert_late(
                    tx.conn,
                    &LateRow {
                        id: new_id(),
                        application_id: application_id.clone(),
                        call_id: call_id.clone(),
                        attempted_at: tx.now,
                        attempted_by: tx.actor.user_id.clone().unwrap_or_default(),
                    },
                )?;
                tx.audit(
                    "application.late_submission_refused",
                    Some(("application", &application_id)),
                    json!({"call": call_id, "rule": "ADM-01"}),
                )
            },
        )
        .await
}

/// One line of the opening record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OpenedLine {
    pub receipt: String,
    pub organisation: String,
    pub lot: i32,
    /// UTC, as stored.
    pub at: chrono::NaiveDateTime,
    pub status: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OpeningRecord {
    pub in_time: Vec<OpenedLine>,
    pub withdrawn: Vec<OpenedLine>,
    pub late: Vec<OpenedLine>,
    /// Full stage: invited applications that were never submitted.
    #[serde(default)]
    pub not_submitted: Vec<OpenedLine>,
}

/// The deadlines of the invited applications of a call.
fn invited_deadlines(invited: &[(q::ApplicationRow, String)]) -> Vec<chrono::NaiveDateTime> {
    invited
        .iter()
        .filter_map(|(a, _)| a.full_deadline)
        .collect()
}

/// Opens a stage of the call's received applications, once, after its deadline: the
/// call's (what arrived by the call's deadline) or, in a restricted call, the invited
/// full applications (after the last of their deadlines).
#[tracing::instrument(skip_all)]
pub async fn open(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    stage: OpeningStage,
) -> AppResult<()> {
    state
        .write(
            actor,
            Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                // EVC-02: whoever opens the applications has signed the declaration.
                super::reading::require_declaration(tx.conn, tx.actor, &call_id)?;
                let call =
                    Call::from_row(call_q::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?)?;
                let invited = q::invited_in_call(tx.conn, &call_id)?;
                let opens_after = opening_allowed_after(
                    stage,
                    call.call_type,
                    call.row.deadline,
                    &invited_deadlines(&invited),
                )
                .ok_or(AppError::Conflict("error-opening-nothing-to-open"))?;
                if !crate::domain::time::Deadline::at(opens_after).has_passed(tx.now) {
                    return Err(AppError::Conflict("error-opening-before-deadline"));
                }
                if q::openings_of(tx.conn, &call_id)?
                    .iter()
                    .any(|o| o.stage == stage.as_str())
                {
                    return Err(AppError::Conflict("error-opening-done"));
                }
                let lots = call_q::lots_of(tx.conn, &call_id)?;
                let number =
                    |lot_id: &str| lots.iter().find(|l| l.id == lot_id).map_or(0, |l| l.number);
                let mut record = OpeningRecord::default();
                match stage {
                    OpeningStage::Call => {
                        let (rows, _) = q::received(
                            tx.conn,
                            &call_id,
                            &Default::default(),
                            Default::default(),
                            0,
                            1_000_000,
                        )?;
                        for r in rows {
                            let line = OpenedLine {
                                receipt: r.receipt_number.clone().unwrap_or_default(),
                                organisation: r.organisation.clone(),
                                lot: number(&r.lot_id),
                                at: r.submitted_at.unwrap_or_default(),
                                status: r.status.clone(),
                            };
                            if r.status == "withdrawn" {
                                record.withdrawn.push(line);
                            } else {
                                record.in_time.push(line);
                            }
                        }
                    }
                    OpeningStage::Full => {
                        for (a, organisation) in &invited {
                            // Still at the full stage: the receipt is the full application's.
                            let submitted_full = a.stage == Stage::Full.as_str();
                            let line = OpenedLine {
                                receipt: a.receipt_number.clone().unwrap_or_default(),
                                organisation: organisation.clone(),
                                lot: number(&a.lot_id),
                                at: a.submitted_at.unwrap_or_default(),
                                status: a.status.clone(),
                            };
                            match a.status.as_str() {
                                "withdrawn" => record.withdrawn.push(line),
                                "submitted" if submitted_full => record.in_time.push(line),
                                _ => record.not_submitted.push(line),
                            }
                        }
                    }
                }
                for (late, organisation, receipt, lot_id, invited_at) in
                    q::late_in_call(tx.conn, &call_id)?
                {
                    if late_attempt_stage(late.attempted_at, invited_at) != stage {
                        continue;
                    }
                    record.late.push(OpenedLine {
                        receipt: receipt.unwrap_or_default(),
                        organisation,
                        lot: number(&lot_id),
                        at: late.attempted_at,
                        status: "late".into(),
                    });
                }
                let counts = json!({"stage": stage.as_str(), "in_time": record.in_time.len(),
                                    "withdrawn": record.withdrawn.len(), "late": record.late.len(),
                                    "not_submitted": record.not_submitted.len()});
                q::insert_opening(
                    tx.conn,
                    &OpeningRow {
                        id: new_id(),
                        call_id: call_id.clone(),
                        stage: stage.as_str().into(),
                        opened_at: tx.now,
                        opened_by: tx.actor.user_id.clone().unwrap_or_default(),
                        record: serde_json::to_string(&record)
                            .map_err(|e| AppError::Internal(e.into()))?,
                    },
                )?;
                tx.audit("call.opened", Some(("call", &call_id)), counts)
            },
        )
        .await
}

/// A stage of a call's opening: when it may be made, and the record once made.
pub struct StageOpening {
    pub stage: OpeningStage,
    /// None: there is nothing to open at this stage (an open call's full stage, no
    /// invitation yet).
    pub opens_after: Option<chrono::NaiveDateTime>,
    pub made: Option<(OpeningRow, OpeningRecord)>,
}

/// The openings of a call, stage by stage (the full stage only in restricted calls).
#[tracing::instrument(skip_all)]
pub async fn record_of(
    state: &AppState,
    actor: &Actor,
    call_id: String,
) -> AppResult<(Call, Vec<StageOpening>)> {
    actor.require(Action::ViewReceivedApplications)?;
    state
        .db(move |conn| {
            let call = Call::from_row(call_q::find(conn, &call_id)?.ok_or(AppError::NotFound)?)?;
            let made = q::openings_of(conn, &call_id)?;
            let invited = match call.call_type {
                CallType::Restricted => q::invited_in_call(conn, &call_id)?,
                CallType::Open => Vec::new(),
            };
            let deadlines = invited_deadlines(&invited);
            let stages: &[OpeningStage] = match call.call_type {
                CallType::Restricted => &[OpeningStage::Call, OpeningStage::Full],
                CallType::Open => &[OpeningStage::Call],
            };
            let openings = stages
                .iter()
                .map(|&stage| StageOpening {
                    stage,
                    opens_after: opening_allowed_after(
                        stage,
                        call.call_type,
                        call.row.deadline,
                        &deadlines,
                    ),
                    made: made.iter().find(|o| o.stage == stage.as_str()).map(|o| {
                        let record = serde_json::from_str(&o.record).unwrap_or_default();
                        (o.clone(), record)
                    }),
                })
                .collect();
            Ok((call, openings))
        })
        .await
}
