//! Late submissions (ADM-01) and the opening of a call's received applications after
//! its deadline: a record, made once, listing what arrived in time (with receipt and
//! server time), what was withdrawn, and every submission refused as late.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db::applications::{self as q, LateRow, OpeningRow};
use crate::db::calls as call_q;
use crate::domain::access::{Action, Scope};
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// Records that the person tried to submit after the deadline (ADM-01: refused
/// automatically; the opening record lists it). Only for a member who may edit.
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
}

/// Opens the call's received applications, once, after its deadline.
pub async fn open(state: &AppState, actor: &Actor, call_id: String) -> AppResult<()> {
    state
        .write(
            actor,
            Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call =
                    Call::from_row(call_q::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?)?;
                if call.row.deadline.is_none_or(|d| tx.now <= d) {
                    return Err(AppError::Conflict("error-opening-before-deadline"));
                }
                if q::opening_of(tx.conn, &call_id)?.is_some() {
                    return Err(AppError::Conflict("error-opening-done"));
                }
                let lots = call_q::lots_of(tx.conn, &call_id)?;
                let number = |lot_id: &str| lots.iter().find(|l| l.id == lot_id).map_or(0, |l| l.number);
                let (rows, _) = q::received(
                    tx.conn,
                    &call_id,
                    &Default::default(),
                    Default::default(),
                    0,
                    1_000_000,
                )?;
                let mut record = OpeningRecord::default();
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
                for (late, organisation, receipt) in q::late_in_call(tx.conn, &call_id)? {
                    let lot = q::find(tx.conn, &late.application_id)?
                        .map_or(0, |a| number(&a.lot_id));
                    record.late.push(OpenedLine {
                        receipt: receipt.unwrap_or_default(),
                        organisation,
                        lot,
                        at: late.attempted_at,
                        status: "late".into(),
                    });
                }
                let counts = json!({"in_time": record.in_time.len(), "withdrawn": record.withdrawn.len(),
                                    "late": record.late.len()});
                q::insert_opening(
                    tx.conn,
                    &OpeningRow {
                        id: new_id(),
                        call_id: call_id.clone(),
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

/// The opening record of a call, if it was opened.
pub async fn record_of(
    state: &AppState,
    actor: &Actor,
    call_id: String,
) -> AppResult<(Call, Option<(OpeningRow, OpeningRecord)>)> {
    actor.require(Action::ViewReceivedApplications)?;
    state
        .db(move |conn| {
            let call = Call::from_row(call_q::find(conn, &call_id)?.ok_or(AppError::NotFound)?)?;
            let opening = q::opening_of(conn, &call_id)?.map(|o| {
                let record = serde_json::from_str(&o.record).unwrap_or_default();
                (o, record)
            });
            Ok((call, opening))
        })
        .await
}
