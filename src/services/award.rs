//! The evaluation report and the award (SEL-03, NOT-01, PUB-01): the chair submits the
//! report (a snapshot of every application's outcome with its scores), the EU
//! Delegation approves it or sends it back with comments; only after approval are
//! applicants told — the successful first, then the others with their reason code and
//! section scores — and the awarded grants appear on the public page.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::db::evaluation::{self as q, DecisionRow, ReportRow};
use crate::db::DbConnection;
use crate::domain::access::{Action, Role, Scope};
use crate::domain::award::{Outcome, ReasonCode, ReportEvent, ReportStatus};
use crate::domain::calls::CallType;
use crate::domain::evaluation::{Centipoints, EvaluationStage};
use crate::domain::selection::Placement;
use crate::domain::workflow::Workflow;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::evaluation::{board_on, Board, Progress};
use crate::services::mail::MailKind;
use crate::services::write::{check_permission_in, Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// One assessor's sheet as the report records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportSheet {
    pub stage: String,
    /// "A3": how applicants would read it.
    pub code: String,
    /// The name, for the committee and the Delegation only.
    pub name: String,
    pub status: String,
    pub total: Option<i64>,
}

/// One application in the report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportEntry {
    pub application_id: String,
    pub receipt: String,
    pub organisation: String,
    /// The organisation's oblast code, or its country when it has none.
    pub locality: String,
    pub title: String,
    pub requested_cents: i64,
    pub eu_share_bp: Option<i64>,
    /// The last stage it was scored at.
    pub stage: String,
    pub outcome: Outcome,
    pub reason: Option<ReasonCode>,
    pub rank: Option<usize>,
    pub total: Option<Centipoints>,
    /// (section code, title, average, maximum) at the last stage scored.
    pub sections: Vec<(String, String, Centipoints, i64)>,
    pub concept_total: Option<Centipoints>,
    pub sheets: Vec<ReportSheet>,
    pub divergence: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportLot {
    pub lot_id: String,
    pub number: i32,
    pub title: String,
    pub envelope_cents: i64,
    pub selected_cents: i64,
    pub entries: Vec<ReportEntry>,
}

/// The snapshot a report version holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportContent {
    pub call_reference: String,
    pub generated_at: NaiveDateTime,
    pub lots: Vec<ReportLot>,
}

fn conflict(key: &'static str) -> AppError {
    AppError::Conflict(key)
}

fn status_of(reports: &[ReportRow]) -> ReportStatus {
    reports
        .first()
        .and_then(|r| ReportStatus::parse(&r.status))
        .unwrap_or(ReportStatus::Open)
}

/// The reports of one stage, newest first.
fn of_stage(reports: &[ReportRow], stage: EvaluationStage) -> Vec<ReportRow> {
    reports
        .iter()
        .filter(|r| r.stage == stage.as_str())
        .cloned()
        .collect()
}

fn approved_at_concept_stage(reports: &[ReportRow]) -> Option<&ReportRow> {
    reports
        .iter()
        .find(|r| r.stage == "concept" && r.status == ReportStatus::Approved.as_str())
}

/// SEL-03: the stage whose report is being written, submitted or decided now.
fn current_stage(call: &Call, reports: &[ReportRow]) -> EvaluationStage {
    crate::domain::award::report_stage(
        call.call_type == CallType::Restricted,
        approved_at_concept_stage(reports).is_some(),
    )
}

/// The applications a restricted call's approved concept-note report put on the shortlist.
pub(crate) fn shortlisted_in_approved_report(
    conn: &mut DbConnection,
    call_id: &str,
) -> AppResult<Option<Vec<String>>> {
    let reports = q::reports_of(conn, call_id)?;
    let Some(r) = approved_at_concept_stage(&reports) else {
        return Ok(None);
    };
    let content: ReportContent =
        serde_json::from_str(&r.content).map_err(|e| AppError::Internal(e.into()))?;
    Ok(Some(
        content
            .lots
            .iter()
            .flat_map(|l| l.entries.iter())
            .filter(|e| e.outcome == Outcome::Shortlisted)
            .map(|e| e.application_id.clone())
            .collect(),
    ))
}

fn sections_of(
    call: &Call,
    stage: EvaluationStage,
    result: &crate::domain::evaluation::Result,
) -> Vec<(String, String, Centipoints, i64)> {
    let grid = match stage {
        EvaluationStage::Concept => &call.concept_grid,
        EvaluationStage::Full => &call.full_grid,
    };
    result
        .sections
        .iter()
        .filter_map(|(code, points)| {
            let s = grid.sections.iter().find(|s| &s.code == code)?;
            Some((code.clone(), s.title.clone(), *points, s.max_score()))
        })
        .collect()
}

fn sheets_of(board: &Board, row: &crate::services::evaluation::BoardRow) -> Vec<ReportSheet> {
    row.assignments
        .iter()
        .map(|a| ReportSheet {
            stage: a.stage.clone(),
            code: board.code_of(&a.assessor_id),
            name: board.names.get(&a.assessor_id).cloned().unwrap_or_default(),
            status: a.status.clone(),
            total: a.total,
        })
        .collect()
}

/// Each organisation's name and locality (its oblast, or its country when it has none).
fn organisations_of(
    conn: &mut DbConnection,
    rows: &[crate::db::evaluation::EvaluatedRow],
) -> AppResult<HashMap<String, (String, String)>> {
    let ids: Vec<String> = rows.iter().map(|r| r.organisation_id.clone()).collect();
    Ok(crate::db::organisations::find_many(conn, &ids)?
        .into_iter()
        .map(|o| {
            let locality = if o.oblast.is_empty() {
                o.country
            } else {
                o.oblast
            };
            (o.id, (o.legal_name, locality))
        })
        .collect())
}

/// An application as the concept-note board shows it, before its outcome is known.
fn concept_entry(
    call: &Call,
    concept: &Board,
    c: &crate::services::evaluation::BoardRow,
    orgs: &HashMap<String, (String, String)>,
) -> ReportEntry {
    let (name, locality) = orgs
        .get(&c.app.organisation_id)
        .cloned()
        .unwrap_or_default();
    ReportEntry {
        application_id: c.app.id.clone(),
        receipt: c.app.receipt.clone(),
        organisation: name,
        locality,
        title: c.app.title.clone(),
        requested_cents: c.app.requested_cents,
        eu_share_bp: None,
        stage: "concept".into(),
        outcome: Outcome::Rejected,
        reason: None,
        rank: c.rank,
        total: c.result.as_ref().map(|r| r.total),
        sections: c
            .result
            .as_ref()
            .map(|r| sections_of(call, EvaluationStage::Concept, r))
            .unwrap_or_default(),
        concept_total: c.result.as_ref().map(|r| r.total),
        sheets: sheets_of(concept, c),
        divergence: c.resolution.as_ref().map(|r| r.note.clone()),
    }
}

fn outcome_order(e: &ReportEntry) -> (u8, bool, usize, String) {
    (
        match e.outcome {
            Outcome::Awarded | Outcome::Shortlisted => 0,
            Outcome::Reserve => 1,
            Outcome::Rejected => 2,
        },
        e.stage != "full",
        e.rank.unwrap_or(usize::MAX),
        e.receipt.clone(),
    )
}

/// SEL-03, GRD-03: a restricted call's concept-note report: every concept note received,
/// the shortlist (scored, above the threshold, within the share of the envelope) to be
/// invited, the others rejected with their reason. Nobody is told before its approval.
fn build_concept_report(
    conn: &mut DbConnection,
    actor: &Actor,
    call: &Call,
    now: NaiveDateTime,
) -> AppResult<ReportContent> {
    let concept = board_on(
        conn,
        actor,
        &call.row.id,
        EvaluationStage::Concept,
        now,
        &HashMap::new(),
    )?;
    if concept.lots.iter().any(|l| l.pending > 0) {
        return Err(conflict("error-report-evaluation-open"));
    }
    let rows = q::evaluated_applications(conn, &call.row.id)?;
    let orgs = organisations_of(conn, &rows)?;
    let mut lots = Vec::new();
    for cl in &concept.lots {
        let mut entries: Vec<ReportEntry> = cl
            .rows
            .iter()
            .map(|c| {
                let mut entry = concept_entry(call, &concept, c, &orgs);
                entry.reason = if c.progress == Progress::Rejected {
                    Some(ReasonCode::of_failed_items(
                        c.app.rejection_reason.as_deref().unwrap_or(""),
                    ))
                } else if c.failure.is_some() {
                    Some(ReasonCode::BelowThreshold)
                } else if !c.shortlisted {
                    Some(ReasonCode::NotSelectedWithinEnvelope)
                } else {
                    None
                };
                if entry.reason.is_none() {
                    entry.outcome = Outcome::Shortlisted;
                }
                entry
            })
            .collect();
        entries.sort_by_key(outcome_order);
        lots.push(ReportLot {
            lot_id: cl.lot.id.clone(),
            number: cl.lot.number,
            title: cl.lot.title.clone(),
            envelope_cents: cl.lot.envelope_cents,
            selected_cents: entries
                .iter()
                .filter(|e| e.outcome == Outcome::Shortlisted)
                .map(|e| e.requested_cents)
                .sum(),
            entries,
        });
    }
    if lots.iter().all(|l| l.entries.is_empty()) {
        return Err(conflict("error-report-nothing-received"));
    }
    Ok(ReportContent {
        call_reference: call.row.reference.clone(),
        generated_at: now,
        lots,
    })
}

/// The report of `stage`.
fn build_stage_report(
    conn: &mut DbConnection,
    actor: &Actor,
    call: &Call,
    stage: EvaluationStage,
    now: NaiveDateTime,
) -> AppResult<ReportContent> {
    match stage {
        EvaluationStage::Concept => build_concept_report(conn, actor, call, now),
        EvaluationStage::Full => build_report(conn, actor, call, now),
    }
}

/// Builds the report from the two boards: every received application with its outcome.
fn build_report(
    conn: &mut DbConnection,
    actor: &Actor,
    call: &Call,
    now: NaiveDateTime,
) -> AppResult<ReportContent> {
    let none = HashMap::new();
    let concept = board_on(
        conn,
        actor,
        &call.row.id,
        EvaluationStage::Concept,
        now,
        &none,
    )?;
    let full = board_on(conn, actor, &call.row.id, EvaluationStage::Full, now, &none)?;
    if concept
        .lots
        .iter()
        .chain(full.lots.iter())
        .any(|l| l.pending > 0)
    {
        return Err(conflict("error-report-evaluation-open"));
    }
    let rows = q::evaluated_applications(conn, &call.row.id)?;
    if call.call_type == CallType::Restricted
        && rows.iter().any(|r| {
            r.stage == "full"
                && r.status != "withdrawn"
                && !crate::domain::time::passed(now, r.full_deadline)
        })
    {
        return Err(conflict("error-report-full-stage-open"));
    }
    let orgs = organisations_of(conn, &rows)?;
    let mut lots = Vec::new();
    for (cl, fl) in concept.lots.iter().zip(full.lots.iter()) {
        let mut entries = Vec::new();
        let in_full: HashMap<&str, &crate::services::evaluation::BoardRow> =
            fl.rows.iter().map(|r| (r.app.id.as_str(), r)).collect();
        for c in &cl.rows {
            let mut entry = concept_entry(call, &concept, c, &orgs);
            let full_row = in_full.get(c.app.id.as_str());
            entry.reason = if c.progress == Progress::Rejected && full_row.is_none() {
                Some(ReasonCode::of_failed_items(
                    c.app.rejection_reason.as_deref().unwrap_or(""),
                ))
            } else if c.failure.is_some() {
                Some(ReasonCode::BelowThreshold)
            } else if !c.shortlisted && full_row.is_none() {
                Some(ReasonCode::NotSelectedWithinEnvelope)
            } else if full_row.is_none() {
                // Shortlisted and invited, but no full application was received.
                Some(ReasonCode::Incomplete)
            } else {
                None
            };
            if let Some(f) = full_row {
                entry.stage = "full".into();
                entry.rank = f.rank;
                entry.requested_cents = f.app.requested_cents;
                entry.total = f.result.as_ref().map(|r| r.total);
                entry.sections = f
                    .result
                    .as_ref()
                    .map(|r| sections_of(call, EvaluationStage::Full, r))
                    .unwrap_or_default();
                entry.sheets.extend(sheets_of(&full, f));
                if f.placement == Some(Placement::Selected)
                    && f.supporting.as_ref().and_then(|s| s.passed) != Some(true)
                {
                    return Err(conflict("error-report-supporting-open"));
                }
                if let Some(r) = &f.resolution {
                    entry.divergence = Some(r.note.clone());
                }
                (entry.outcome, entry.reason) = if f.documents_failed() {
                    (Outcome::Rejected, Some(ReasonCode::SupportingDocuments))
                } else if f.progress == Progress::Rejected {
                    (
                        Outcome::Rejected,
                        Some(ReasonCode::of_failed_items(
                            f.app.rejection_reason.as_deref().unwrap_or(""),
                        )),
                    )
                } else if f.failure.is_some() {
                    (Outcome::Rejected, Some(ReasonCode::BelowThreshold))
                } else {
                    match f.placement {
                        Some(Placement::Selected) => (Outcome::Awarded, None),
                        Some(Placement::Reserve) => (
                            Outcome::Reserve,
                            Some(ReasonCode::NotSelectedWithinEnvelope),
                        ),
                        None => (Outcome::Rejected, Some(ReasonCode::Incomplete)),
                    }
                };
            }
            if entry.outcome == Outcome::Awarded {
                entry.eu_share_bp = eu_share_of(conn, &entry.application_id)?;
            }
            entries.push(entry);
        }
        // Awarded first, then the reserve list in rank order, then the rest.
        entries.sort_by_key(outcome_order);
        lots.push(ReportLot {
            lot_id: fl.lot.id.clone(),
            number: fl.lot.number,
            title: fl.lot.title.clone(),
            envelope_cents: fl.lot.envelope_cents,
            selected_cents: fl.selected_cents,
            entries,
        });
    }
    // Invited applicants who never submitted are reported as not received (ADM-03):
    // the report waits only until someone reached the full stage.
    if !rows.iter().any(|r| r.stage == "full") {
        return Err(conflict("error-report-nothing-at-full-stage"));
    }
    Ok(ReportContent {
        call_reference: call.row.reference.clone(),
        generated_at: now,
        lots,
    })
}

/// The EU share of total eligible costs of the last full application submitted.
fn eu_share_of(conn: &mut DbConnection, application_id: &str) -> AppResult<Option<i64>> {
    let subs = crate::db::applications::submissions_of(conn, application_id)?;
    let Some(last) = subs.iter().find(|s| s.stage == "full") else {
        return Ok(None);
    };
    let content: serde_json::Value = serde_json::from_str(&last.content).unwrap_or_default();
    let full: crate::domain::full_application::FullApplication =
        serde_json::from_value(content["full_application"].clone()).unwrap_or_default();
    Ok(crate::domain::budget::summarise(&full.budget).and_then(|s| s.eu_share_bp))
}

/// SEL-03: the chair submits the evaluation report (again after a return). Every
/// application must be scored (or rejected) at both stages.
#[tracing::instrument(skip_all)]
pub async fn submit_report(state: &AppState, actor: &Actor, call_id: String) -> AppResult<i32> {
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = Call::from_row(
                    crate::db::calls::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?,
                )?;
                let reports = q::reports_of(tx.conn, &call_id)?;
                let stage = current_stage(&call, &reports);
                status_of(&of_stage(&reports, stage))
                    .transition(ReportEvent::Submit)
                    .map_err(|r| conflict(r.message_key))?;
                let content = build_stage_report(tx.conn, tx.actor, &call, stage, tx.now)?;
                let text =
                    serde_json::to_string(&content).map_err(|e| AppError::Internal(e.into()))?;
                let version = reports.first().map_or(1, |r| r.version + 1);
                let id = new_id();
                q::insert_report(
                    tx.conn,
                    &ReportRow {
                        id: id.clone(),
                        call_id: call_id.clone(),
                        version,
                        status: ReportStatus::Submitted.as_str().into(),
                        content_sha256: hex::encode(Sha256::digest(text.as_bytes())),
                        content: text,
                        submitted_by: tx.actor.user_id.clone().unwrap_or_default(),
                        submitted_at: tx.now,
                        decided_by: None,
                        decided_at: None,
                        comments: None,
                        stage: stage.as_str().into(),
                    },
                )?;
                tx.audit(
                    "award.report_submitted",
                    Some(("call", &call_id)),
                    json!({"report": id, "version": version, "stage": stage.as_str()}),
                )?;
                Ok(version)
            },
        )
        .await
}

/// SEL-03: the EU Delegation approves the submitted report (the award decision: every
/// outcome is recorded) or returns it with comments.
#[tracing::instrument(skip_all)]
pub async fn decide_report(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    approve: bool,
    comments: String,
) -> AppResult<()> {
    let comments: String = comments.trim().chars().take(5000).collect();
    if !approve && comments.is_empty() {
        return Err(AppError::Validation(vec![FieldError::new(
            "comments",
            "error-report-comments-missing",
        )]));
    }
    state
        .write(
            actor,
            Permission::Do(Action::DecideAward, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                // EVC-02: the approver reads the scores, so signs the declaration; SOD-01:
                // nobody who sat on the committee approves its report.
                crate::services::reading::require_declaration(tx.conn, tx.actor, &call_id)?;
                let by = tx.actor.user_id.clone().unwrap_or_default();
                if !crate::domain::duties::may_approve_evaluation_report(q::ever_seated(
                    tx.conn, &call_id, &by,
                )?) {
                    return Err(conflict("error-sod-committee-approves"));
                }
                let call = Call::from_row(
                    crate::db::calls::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?,
                )?;
                let reports = q::reports_of(tx.conn, &call_id)?;
                let reports = of_stage(&reports, current_stage(&call, &reports));
                let event = if approve {
                    ReportEvent::Approve
                } else {
                    ReportEvent::Return
                };
                let next = status_of(&reports)
                    .transition(event)
                    .map_err(|r| conflict(r.message_key))?;
                let report = reports.first().ok_or(AppError::NotFound)?;
                let noted = (!comments.is_empty()).then_some(comments.as_str());
                if !q::decide_report(tx.conn, &report.id, next.as_str(), &by, tx.now, noted)? {
                    return Err(conflict("error-report-not-submitted"));
                }
                if approve {
                    let content: ReportContent = serde_json::from_str(&report.content)
                        .map_err(|e| AppError::Internal(e.into()))?;
                    // A concept note rejected at the concept-note stage was decided by
                    // that stage's report; the shortlisted are decided at the next.
                    let decided: std::collections::HashSet<String> = q::decisions_of(tx.conn, &call_id)?
                        .into_iter()
                        .map(|d| d.application_id)
                        .collect();
                    for lot in &content.lots {
                        for e in lot.entries.iter().filter(|e| {
                            e.outcome != Outcome::Shortlisted && !decided.contains(&e.application_id)
                        }) {
                            q::insert_decision(
                                tx.conn,
                                &DecisionRow {
                                    application_id: e.application_id.clone(),
                                    call_id: call_id.clone(),
                                    report_id: report.id.clone(),
                                    outcome: e.outcome.as_str().into(),
                                    reason: e.reason.map(|r| r.as_str().to_string()),
                                    amount_cents: (e.outcome == Outcome::Awarded)
                                        .then_some(e.requested_cents),
                                    eu_share_bp: e.eu_share_bp,
                                    scores: serde_json::to_string(&e.sections)
                                        .unwrap_or_else(|_| "[]".into()),
                                    beneficiary: e.organisation.clone(),
                                    locality: e.locality.clone(),
                                    purpose: e.title.clone(),
                                    decided_at: tx.now,
                                    notified_at: None,
                                },
                            )?;
                        }
                    }
                }
                tx.audit(
                    if approve {
                        "award.report_approved"
                    } else {
                        "award.report_returned"
                    },
                    Some(("call", &call_id)),
                    json!({"report": report.id, "version": report.version, "stage": report.stage, "comments": noted}),
                )
            },
        )
        .await
}

/// Which applicants a notification run tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    Successful,
    Unsuccessful,
}

/// NOT-01: tells the applicants of a batch, each organisation's members in their own
/// language; the unsuccessful (and the reserve list) only after the successful. Returns
/// how many applications were notified; running it again tells nobody twice.
#[tracing::instrument(skip_all)]
pub async fn notify(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    batch: Batch,
) -> AppResult<usize> {
    let link_base = state.public_url("/applications/");
    state
        .write(
            actor,
            Permission::Do(Action::DecideAward, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = Call::from_row(
                    crate::db::calls::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?,
                )?;
                let reports = q::reports_of(tx.conn, &call_id)?;
                if !reports.iter().any(|r| r.status == ReportStatus::Approved.as_str()) {
                    return Err(conflict("error-notify-before-approval"));
                }
                let decisions = q::decisions_of(tx.conn, &call_id)?;
                let awarded = |d: &DecisionRow| d.outcome == Outcome::Awarded.as_str();
                if batch == Batch::Unsuccessful
                    && decisions.iter().any(|d| awarded(d) && d.notified_at.is_none())
                {
                    return Err(conflict("error-notify-successful-first"));
                }
                // NOT-01 at the concept-note stage: the shortlist is told first (invited).
                if batch == Batch::Unsuccessful {
                    if let Some(shortlisted) = shortlisted_in_approved_report(tx.conn, &call_id)? {
                        // One query for the call's applications, not one per note.
                        let waiting = q::evaluated_applications(tx.conn, &call_id)?
                            .into_iter()
                            .any(|a| {
                                shortlisted.contains(&a.id)
                                    && a.stage == "concept"
                                    && a.status == "submitted"
                            });
                        if waiting {
                            return Err(conflict("error-notify-invite-first"));
                        }
                    }
                }
                let due: Vec<&DecisionRow> = decisions
                    .iter()
                    .filter(|d| d.notified_at.is_none() && awarded(d) == (batch == Batch::Successful))
                    .collect();
                if due.is_empty() {
                    tx.nothing_changed();
                    return Ok(0);
                }
                let apps: HashMap<String, crate::db::applications::ApplicationRow> = {
                    let mut m = HashMap::new();
                    for d in &due {
                        if let Some(a) = crate::db::applications::find(tx.conn, &d.application_id)? {
                            m.insert(a.id.clone(), a);
                        }
                    }
                    m
                };
                for d in &due {
                    let Some(a) = apps.get(&d.application_id) else { continue };
                    let members = crate::db::organisations::member_recipients(tx.conn, &a.organisation_id)?;
                    let number = a.receipt_number.clone().unwrap_or_default();
                    let link = format!("{link_base}{}", a.id);
                    let scores: Vec<(String, String, i64, i64)> =
                        serde_json::from_str(&d.scores).unwrap_or_default();
                    // An administrative check that failed says which items and why.
                    let failed_items: Vec<(String, String)> = if d.outcome == Outcome::Rejected.as_str() {
                        crate::db::applications::checks_of(tx.conn, &a.id)?
                            .into_iter()
                            .filter(|c| !c.passed)
                            .max_by_key(|c| c.checked_at)
                            .and_then(|c| serde_json::from_str::<Vec<crate::domain::admin_check::CheckItem>>(&c.items).ok())
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|i| !i.ok)
                            .map(|i| (i.item, i.comment))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let kind = match Outcome::parse(&d.outcome) {
                        Some(Outcome::Awarded) => MailKind::AwardSuccessful,
                        Some(Outcome::Reserve) => MailKind::AwardReserve,
                        _ => MailKind::AwardUnsuccessful,
                    };
                    tx.mail_each(&members, kind, |lang| {
                        let reason = d
                            .reason
                            .as_deref()
                            .map(|r| crate::i18n::t(lang, &format!("reason-{}", r.replace('_', "-"))))
                            .unwrap_or_default();
                        let reason = failed_items.iter().fold(reason, |text, (item, comment)| {
                            let item = crate::i18n::t(lang, &format!("check-item-{item}"));
                            format!("{text}\n- {item}: {comment}")
                        });
                        let score_lines = scores
                            .iter()
                            .map(|(code, title, points, max)| {
                                // The report keeps the English title; the reader gets
                                // the grid's version in their language where it has one.
                                let title = call
                                    .full_grid
                                    .title_of(code, title)
                                    .or_else(|| call.concept_grid.title_of(code, title))
                                    .map_or(title.as_str(), |t| t.for_reader(lang).0);
                                format!(
                                    "{code} {title}: {} / {max}",
                                    crate::views::format::points(lang, *points)
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("\n");
                        vec![
                            ("call", call.label_in(lang)),
                            ("number", number.clone()),
                            ("amount", crate::views::format::money(lang, crate::domain::money::Money::from_cents(d.amount_cents.unwrap_or(0)))),
                            ("reason", reason),
                            ("scores", if score_lines.is_empty() { "–".into() } else { score_lines }),
                            ("link", link.clone()),
                        ]
                    })?;
                    q::mark_notified(tx.conn, &d.application_id, tx.now)?;
                }
                tx.audit(
                    match batch {
                        Batch::Successful => "award.successful_notified",
                        Batch::Unsuccessful => "award.unsuccessful_notified",
                    },
                    Some(("call", &call_id)),
                    json!({"applications": due.iter().map(|d| &d.application_id).collect::<Vec<_>>()}),
                )?;
                Ok(due.len())
            },
        )
        .await
}

/// NOT-01: the day by which the successful applicants still waiting must be told, each
/// counted from its own full-application deadline (its invitation's in a restricted
/// call, the call's in an open one). None when nobody successful is waiting.
pub(crate) fn successful_notice_due(
    conn: &mut DbConnection,
    call_type: crate::domain::calls::CallType,
    call_deadline: Option<NaiveDateTime>,
    decisions: &[DecisionRow],
) -> AppResult<Option<chrono::NaiveDate>> {
    let waiting: Vec<&DecisionRow> = decisions
        .iter()
        .filter(|d| d.outcome == Outcome::Awarded.as_str() && d.notified_at.is_none())
        .collect();
    let Some(decided) = decisions.iter().map(|d| d.decided_at).min() else {
        return Ok(None);
    };
    let ids: Vec<String> = waiting.iter().map(|d| d.application_id.clone()).collect();
    let deadlines: Vec<Option<chrono::NaiveDate>> =
        crate::db::applications::full_deadlines_of(conn, &ids)?
            .into_iter()
            .map(|(_, own)| {
                crate::domain::applications::deadline_of(
                    crate::domain::applications::Stage::Full,
                    call_type,
                    call_deadline,
                    own,
                )
                .map(crate::domain::time::local_date)
            })
            .collect();
    Ok(Some(crate::domain::award::successful_notice_due(
        crate::domain::time::local_date(decided),
        &deadlines,
    )))
}

/// The report page's data: the versions, the snapshot to show, the decisions.
pub struct ReportView {
    pub call: Call,
    /// Every version, of both stages, newest first.
    pub reports: Vec<ReportRow>,
    /// SEL-03: the stage whose report is current (a restricted call's concept-note stage
    /// until its report is approved).
    pub stage: EvaluationStage,
    /// The current stage's status.
    pub status: ReportStatus,
    /// At the full stage of a restricted call: the approved concept-note report.
    pub concept_report: Option<ReportContent>,
    /// The latest snapshot, or (for the committee before any submission) a preview.
    pub content: Option<ReportContent>,
    /// Why a preview could not be built (evaluation still open…).
    pub preview_problem: Option<&'static str>,
    pub decisions: Vec<DecisionRow>,
    pub is_chair: bool,
    pub may_decide: bool,
    /// A Delegation officer with a seat on the committee: another one decides (SOD-01).
    pub seated_approver: bool,
    /// NOT-01: by when the successful applicants still waiting must be told.
    pub successful_notice_by: Option<chrono::NaiveDate>,
}

/// Who reads the report: the committee's chair and secretary and the auditor (as the
/// board), and EU Delegation staff once it is submitted (they approve it).
#[tracing::instrument(skip_all)]
pub async fn report(state: &AppState, actor: &Actor, call_id: String) -> AppResult<ReportView> {
    let actor = actor.clone();
    let now = state.clock.now();
    state
        .db(move |conn| {
            let call =
                Call::from_row(crate::db::calls::find(conn, &call_id)?.ok_or(AppError::NotFound)?)?;
            let all_reports = q::reports_of(conn, &call_id)?;
            let stage = current_stage(&call, &all_reports);
            let reports = of_stage(&all_reports, stage);
            let status = status_of(&reports);
            // The approved concept-note report stays readable beside the full stage's.
            let concept_report = match stage {
                EvaluationStage::Full => approved_at_concept_stage(&all_reports)
                    .and_then(|r| serde_json::from_str::<ReportContent>(&r.content).ok()),
                EvaluationStage::Concept => None,
            };
            let approver = actor.role == Some(Role::Delegation) && !all_reports.is_empty();
            let committee = check_permission_in(
                conn,
                &actor,
                &Permission::Do(Action::ViewEvaluation, Scope::Call(call_id.clone())),
            );
            if approver {
                // EVC-02: the Delegation reads the scores after signing the declaration.
                crate::services::reading::require_declaration(conn, &actor, &call_id)?;
            }
            let committee = match committee {
                Ok(()) => Ok(()),
                Err(e) if !approver => return Err(e),
                Err(_) => Err(()),
            };
            let seat = actor
                .user_id
                .as_deref()
                .map(|u| q::role_of(conn, &call_id, u))
                .transpose()?
                .flatten();
            let is_chair = committee.is_ok() && seat.as_deref() == Some("chair");
            let (content, preview_problem) = match reports.first() {
                Some(r) if status != ReportStatus::Returned || !is_chair => {
                    (serde_json::from_str(&r.content).ok(), None)
                }
                _ if committee.is_ok() => match build_stage_report(conn, &actor, &call, stage, now)
                {
                    Ok(c) => (Some(c), None),
                    Err(AppError::Conflict(key)) => (None, Some(key)),
                    Err(e) => return Err(e),
                },
                _ => (None, None),
            };
            let decisions = q::decisions_of(conn, &call_id)?;
            let successful_notice_by =
                successful_notice_due(conn, call.call_type, call.row.deadline, &decisions)?;
            let took_part = match actor.user_id.as_deref() {
                Some(u) => q::ever_seated(conn, &call_id, u)?,
                None => false,
            };
            Ok(ReportView {
                may_decide: actor.role == Some(Role::Delegation)
                    && crate::domain::duties::may_approve_evaluation_report(took_part),
                seated_approver: actor.role == Some(Role::Delegation) && took_part,
                successful_notice_by,
                call,
                reports: all_reports,
                stage,
                concept_report,
                status,
                content,
                preview_problem,
                decisions,
                is_chair,
            })
        })
        .await
}

/// One published award (PUB-01).
#[derive(Debug, Clone, Serialize)]
pub struct PublishedAward {
    pub call_reference: String,
    pub beneficiary: String,
    pub locality: String,
    pub purpose: String,
    pub amount_cents: i64,
    pub eu_share_bp: Option<i64>,
    pub decided_at: NaiveDateTime,
}

/// The awarded grants whose applicants have been told, for everyone.
#[tracing::instrument(skip_all)]
pub async fn published(state: &AppState) -> AppResult<Vec<PublishedAward>> {
    state
        .db(|conn| {
            Ok(q::published_awards(conn)?
                .into_iter()
                .map(|(d, reference)| PublishedAward {
                    call_reference: reference,
                    beneficiary: d.beneficiary,
                    locality: d.locality,
                    purpose: d.purpose,
                    amount_cents: d.amount_cents.unwrap_or(0),
                    eu_share_bp: d.eu_share_bp,
                    decided_at: d.decided_at,
                })
                .collect())
        })
        .await
}

/// Counts of a call's decisions by outcome and whether notified (for the page).
pub fn decision_counts(decisions: &[DecisionRow]) -> BTreeMap<(String, bool), usize> {
    let mut m = BTreeMap::new();
    for d in decisions {
        *m.entry((d.outcome.clone(), d.notified_at.is_some()))
            .or_default() += 1;
    }
    m
}
