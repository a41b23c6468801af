//! The evaluation of a call: its committee (EVC-01), the declaration before access
//! (EVC-02), assignment of assessors by hand or automatically, conflicts and
//! replacements, score sheets (GRD-01), divergence and its resolution (EVC-03), and the
//! board the chair works from: results, thresholds (GRD-02/05), ranking (GRD-06), the
//! shortlist (GRD-03) and the selection within each lot's envelope (SEL-01).
//!
//! Every write runs under the call's lock; the committee-seat checks come from
//! `domain::access` with the seat read inside the transaction.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDateTime;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::db::applications::{self as app_q, SubmissionRow};
use crate::db::calls::{self as call_q, LotRow};
use crate::db::evaluation::{self as q, AssignmentRow, DeclarationRow, Member, ResolutionRow};
use crate::db::DbConnection;
use crate::domain::access::{Action, CommitteeRole, Role, Scope};
use crate::domain::assignment::{assign, Loads, Need};
use crate::domain::calls::CallType;
use crate::domain::evaluation::{
    average, carry_relevance, committee_problems, diverges, result_of, sheet_problems, sheet_total,
    threshold_failure, AssignmentEvent, AssignmentStatus, Centipoints, EvaluationStage,
    Result as ScoreResult, ScoreSheet, ThresholdFailure,
};
use crate::domain::selection::{
    rank, select_after_document_checks, shortlist_len, Candidate, Placement, SelectionMode,
};
use crate::domain::workflow::Workflow;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t_args, Lang};
use crate::services::calls::Call;
use crate::services::mail::MailKind;
use crate::services::write::{check_permission, check_permission_in, Lock, Permission, Tx};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// The version of the declaration text (EVC-02) signed today; stored with each signature.
pub const DECLARATION_VERSION: &str = "EVC-02/2012-1";

fn conflict(key: &'static str) -> AppError {
    AppError::Conflict(key)
}

fn user_of(actor: &Actor) -> AppResult<String> {
    actor.user_id.clone().ok_or(AppError::Unauthorized)
}

fn load_call(conn: &mut DbConnection, call_id: &str) -> AppResult<Call> {
    Call::from_row(call_q::find(conn, call_id)?.ok_or(AppError::NotFound)?)
}

/// The declaration's words in a language, naming the call.
pub fn declaration_text(lang: Lang, call: &Call) -> String {
    t_args(
        lang,
        "declaration-evc-text",
        &[
            ("call", call.label_in(lang)),
            ("reference", call.row.reference.clone()),
        ],
    )
}

// =================================================================================
// Committee (EVC-01)
// =================================================================================

/// A call's committee as the Delegation and the committee see it.
pub struct Committee {
    pub call: Call,
    pub members: Vec<Member>,
    /// EVC-01: what is missing before the evaluation may start.
    pub problems: Vec<&'static str>,
}

#[tracing::instrument(skip_all)]
pub async fn committee(state: &AppState, actor: &Actor, call_id: String) -> AppResult<Committee> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let call = load_call(conn, &call_id)?;
            let members = q::members(conn, &call_id)?;
            let roles: Vec<CommitteeRole> = members
                .iter()
                .filter_map(|m| CommitteeRole::parse(&m.row.role))
                .collect();
            Ok(Committee {
                call,
                problems: committee_problems(&roles),
                members,
            })
        })
        .await
}

/// Gives a person a seat on a call's committee. Seats go to evaluators and Delegation
/// staff (DOMAIN §8); one seat per person and call.
#[tracing::instrument(skip_all)]
pub async fn add_member(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    email: String,
    role: String,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let role = CommitteeRole::parse(role.trim());
    if role.is_none() {
        errors.push(FieldError::new("role", "error-committee-role"));
    }
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        errors.push(FieldError::new("email", "error-committee-email"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let role = role.unwrap_or(CommitteeRole::Observer);
    let link = state.public_url(&format!("/evaluation/calls/{call_id}"));
    state
        .write(
            actor,
            Permission::Do(Action::ManageCommittee, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                let user = crate::db::users::find_by_email(tx.conn, &email)?
                    .filter(|u| u.disabled_at.is_none())
                    .ok_or_else(|| {
                        AppError::Validation(vec![FieldError::new(
                            "email",
                            "error-committee-no-such-user",
                        )])
                    })?;
                if !matches!(
                    Role::parse(&user.role),
                    Some(Role::Evaluator | Role::Delegation)
                ) {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "email",
                        "error-committee-wrong-role",
                    )]));
                }
                if q::role_of(tx.conn, &call_id, &user.id)?.is_some() {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "email",
                        "error-committee-already-member",
                    )]));
                }
                let seq = q::next_seq(tx.conn, &call_id)?;
                let id = new_id();
                q::insert_member(
                    tx.conn,
                    &q::MemberRow {
                        id: id.clone(),
                        call_id: call_id.clone(),
                        user_id: user.id.clone(),
                        role: role.as_str().into(),
                        seq,
                        added_by: user_of(tx.actor)?,
                        added_at: tx.now,
                        removed_at: None,
                        removed_by: None,
                    },
                )?;
                tx.mail_each(
                    &[(
                        user.email.clone(),
                        user.display_name.clone(),
                        user.language.clone(),
                    )],
                    MailKind::CommitteeSeat,
                    |lang| {
                        vec![
                            ("call", call.label_in(lang)),
                            (
                                "role",
                                crate::i18n::t(lang, &format!("committee-role-{}", role.as_str())),
                            ),
                            ("link", link.clone()),
                        ]
                    },
                )?;
                tx.audit(
                    "committee.member_added",
                    Some(("call", &call_id)),
                    json!({"member": id, "user": user.id, "role": role.as_str()}),
                )
            },
        )
        .await
}

/// Takes a seat away. Someone with an unfinished assignment must be replaced first, so
/// that no application silently loses an assessor.
#[tracing::instrument(skip_all)]
pub async fn remove_member(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    member_id: String,
) -> AppResult<()> {
    state
        .write(
            actor,
            Permission::Do(Action::ManageCommittee, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let member = q::members(tx.conn, &call_id)?
                    .into_iter()
                    .find(|m| m.row.id == member_id)
                    .ok_or(AppError::NotFound)?;
                let open = q::assignments_of_assessor(tx.conn, &call_id, &member.row.user_id)?
                    .iter()
                    .any(|a| {
                        matches!(
                            AssignmentStatus::parse(&a.status),
                            Some(AssignmentStatus::Pending | AssignmentStatus::Accepted)
                        )
                    });
                if open {
                    return Err(conflict("error-committee-member-has-work"));
                }
                q::remove_member(tx.conn, &member_id, &user_of(tx.actor)?, tx.now)?;
                tx.audit(
                    "committee.member_removed",
                    Some(("call", &call_id)),
                    json!({"member": member_id, "user": member.row.user_id, "role": member.row.role}),
                )
            },
        )
        .await
}

// =================================================================================
// Declaration (EVC-02)
// =================================================================================

/// Signs the call's declaration of impartiality and confidentiality, in the signer's
/// language; signing twice keeps the first signature.
#[tracing::instrument(skip_all)]
pub async fn sign_declaration(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lang: Lang,
) -> AppResult<()> {
    state
        .write(
            actor,
            Permission::Do(Action::SignDeclaration, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let user = user_of(tx.actor)?;
                if q::declaration(tx.conn, &call_id, &user)?.is_some() {
                    tx.nothing_changed();
                    return Ok(());
                }
                let call = load_call(tx.conn, &call_id)?;
                let text = declaration_text(lang, &call);
                let id = new_id();
                q::insert_declaration(
                    tx.conn,
                    &DeclarationRow {
                        id: id.clone(),
                        call_id: call_id.clone(),
                        user_id: user,
                        version: DECLARATION_VERSION.into(),
                        language: lang.code().into(),
                        text_sha256: hex::encode(Sha256::digest(text.as_bytes())),
                        text,
                        signed_at: tx.now,
                    },
                )?;
                tx.audit(
                    "committee.declaration_signed",
                    Some(("call", &call_id)),
                    json!({"declaration": id, "version": DECLARATION_VERSION, "language": lang.code()}),
                )
            },
        )
        .await
}

// =================================================================================
// Who is evaluated at a stage
// =================================================================================

/// An application as the evaluation lists it (light: no content).
#[derive(Debug, Clone)]
pub struct EvalApplication {
    pub id: String,
    pub lot_id: String,
    pub organisation_id: String,
    pub organisation: String,
    pub receipt: String,
    pub title: String,
    pub status: String,
    pub requested_cents: i64,
    pub rejection_reason: Option<String>,
}

/// When a stage's evaluation may begin: after the deadline of that stage.
fn stage_open(call: &Call, stage: EvaluationStage, now: NaiveDateTime) -> bool {
    match stage {
        EvaluationStage::Concept => crate::domain::time::passed(now, call.row.deadline),
        // Restricted: each invited application's own deadline is checked per row.
        EvaluationStage::Full => crate::domain::time::passed(now, call.row.deadline),
    }
}

/// The applications evaluated at a stage (rejected ones are listed with their reason;
/// withdrawn ones are not). One query.
fn applications_at(
    conn: &mut DbConnection,
    call: &Call,
    stage: EvaluationStage,
    now: NaiveDateTime,
) -> AppResult<Vec<EvalApplication>> {
    if !stage_open(call, stage, now) {
        return Ok(Vec::new());
    }
    let rows = q::evaluated_applications(conn, &call.row.id)?;
    let restricted = call.call_type == CallType::Restricted;
    Ok(rows
        .into_iter()
        .filter(|r| r.status != "withdrawn")
        .filter(|r| match (stage, restricted) {
            // Concept notes: every received application (an invited one was a note first).
            (EvaluationStage::Concept, _) => true,
            // Restricted full stage: invited, submitted, after its own deadline.
            (EvaluationStage::Full, true) => {
                r.stage == "full"
                    && r.status != "draft"
                    && crate::domain::time::passed(now, r.full_deadline)
            }
            // Open call: the full stage follows the concept shortlist (filtered later).
            (EvaluationStage::Full, false) => true,
        })
        .map(|r| EvalApplication {
            id: r.id,
            lot_id: r.lot_id,
            organisation_id: r.organisation_id,
            organisation: r.organisation,
            receipt: r.receipt_number.unwrap_or_default(),
            title: r.title,
            status: if restricted && stage == EvaluationStage::Concept && r.stage == "full" {
                // Invited: its concept note passed; its current status is the full stage's.
                "submitted".into()
            } else {
                r.status
            },
            requested_cents: r.requested_cents.unwrap_or(0),
            rejection_reason: r.rejection_reason,
        })
        .collect())
}

// =================================================================================
// The board: results, thresholds, ranking, shortlist, selection
// =================================================================================

/// Where an application's evaluation stands at a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Fewer active assessors than required.
    Unassigned,
    /// Assessors are still scoring.
    Scoring,
    /// Every sheet is in and two differ by more than the threshold; a further
    /// assessor is scoring or the chair must record the resolution.
    Divergent,
    /// Scored (and any divergence resolved): the result counts.
    Scored,
    /// Rejected at the administrative check or another step (ADM-01…03).
    Rejected,
}

/// One application on the board.
#[derive(Debug, Clone)]
pub struct BoardRow {
    pub app: EvalApplication,
    pub progress: Progress,
    pub assignments: Vec<AssignmentRow>,
    pub result: Option<ScoreResult>,
    pub divergent: bool,
    pub resolution: Option<ResolutionRow>,
    pub failure: Option<ThresholdFailure>,
    /// Rank among the applications that passed the thresholds (1-based).
    pub rank: Option<usize>,
    pub placement: Option<Placement>,
    /// GRD-03: on the concept-note shortlist.
    pub shortlisted: bool,
    pub tied_with_next: bool,
    /// SEL-02: the documents asked (full stage), with (code, file id) given so far.
    pub supporting: Option<q::SupportingRow>,
    pub supporting_given: Vec<(String, String)>,
}

impl BoardRow {
    /// SEL-02: the supporting documents' check failed: out of the selection.
    pub fn documents_failed(&self) -> bool {
        self.supporting.as_ref().and_then(|s| s.passed) == Some(false)
    }
}

/// One lot on the board.
pub struct LotBoard {
    pub lot: LotRow,
    /// The envelope used (the lot's own, or the chair's what-if figure).
    pub envelope_cents: i64,
    pub what_if: bool,
    pub rows: Vec<BoardRow>,
    pub selected_cents: i64,
    /// Applications whose result is not final yet (the ranking is provisional).
    pub pending: usize,
}

pub struct Board {
    pub call: Call,
    pub stage: EvaluationStage,
    pub open: bool,
    pub lots: Vec<LotBoard>,
    pub members: Vec<q::MemberRow>,
    pub names: HashMap<String, String>,
    pub problems: Vec<&'static str>,
    pub my_seat: Option<CommitteeRole>,
}

impl Board {
    pub fn code_of(&self, user_id: &str) -> String {
        assessor_code(&self.members, user_id)
    }
}

/// The code an assessor is shown by to applicants and in exports ("A3").
pub fn assessor_code(members: &[q::MemberRow], user_id: &str) -> String {
    members
        .iter()
        .find(|m| m.user_id == user_id)
        .map(|m| format!("A{}", m.seq))
        .unwrap_or_else(|| "A?".into())
}

fn grid_of(call: &Call, stage: EvaluationStage) -> &crate::domain::grids::Grid {
    match stage {
        EvaluationStage::Concept => &call.concept_grid,
        EvaluationStage::Full => &call.full_grid,
    }
}

fn sheets_of(assignments: &[AssignmentRow]) -> Vec<ScoreSheet> {
    assignments
        .iter()
        .filter(|a| a.status == AssignmentStatus::Submitted.as_str())
        .map(|a| serde_json::from_str(&a.sheet).unwrap_or_default())
        .collect()
}

fn active(assignments: &[AssignmentRow]) -> impl Iterator<Item = &AssignmentRow> {
    assignments
        .iter()
        .filter(|a| AssignmentStatus::parse(&a.status).is_some_and(AssignmentStatus::is_active))
}

/// Computes the board of a stage from three queries (applications, assignments,
/// resolutions), plus the concept stage's for the carried relevance and an open
/// call's full-stage shortlist.
fn compute_board(
    conn: &mut DbConnection,
    call: &Call,
    stage: EvaluationStage,
    now: NaiveDateTime,
    what_if: &HashMap<String, i64>,
) -> AppResult<Vec<LotBoard>> {
    let lots = call_q::lots_of(conn, &call.row.id)?;
    let mut apps = applications_at(conn, call, stage, now)?;
    // The concept stage's results: carried relevance (GRD-04) and an open call's shortlist.
    let mut carried: HashMap<String, Centipoints> = HashMap::new();
    if stage == EvaluationStage::Full {
        let concept = compute_board(conn, call, EvaluationStage::Concept, now, &HashMap::new())?;
        let mut shortlisted = BTreeSet::new();
        for lot in &concept {
            for r in &lot.rows {
                if let Some(rel) = r.result.as_ref().and_then(|x| x.relevance) {
                    if let Some(c) = carry_relevance(rel, &call.concept_grid, &call.full_grid) {
                        carried.insert(r.app.id.clone(), c);
                    }
                }
                if r.shortlisted {
                    shortlisted.insert(r.app.id.clone());
                }
            }
        }
        if call.call_type == CallType::Open {
            apps.retain(|a| shortlisted.contains(&a.id));
        }
    }
    let assignments = crate::services::group_by(
        q::assignments_of_call(conn, &call.row.id, stage.as_str())?,
        |a| &a.application_id,
    );
    let resolutions: HashMap<String, ResolutionRow> =
        q::resolutions_of_call(conn, &call.row.id, stage.as_str())?
            .into_iter()
            .map(|r| (r.application_id.clone(), r))
            .collect();
    let (supporting, given) = if stage == EvaluationStage::Full {
        let rows: HashMap<String, q::SupportingRow> = q::supporting_of_call(conn, &call.row.id)?
            .into_iter()
            .map(|r| (r.application_id.clone(), r))
            .collect();
        let mut given: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for (app, code, file) in q::supporting_given_in_call(conn, &call.row.id)? {
            given.entry(app).or_default().push((code, file));
        }
        (rows, given)
    } else {
        (HashMap::new(), HashMap::new())
    };
    let grid = grid_of(call, stage);
    let threshold = stage.divergence_threshold(&call.params);
    let min = usize::try_from(call.params.min_assessors.max(1)).unwrap_or(2);
    let mut by_lot: BTreeMap<String, Vec<BoardRow>> = BTreeMap::new();
    for app in apps {
        let app_id = app.id.clone();
        let asg = assignments.get(&app.id).cloned().unwrap_or_default();
        let sheets = sheets_of(&asg);
        let n_active = active(&asg).count();
        let all_in = n_active >= min && active(&asg).all(|a| a.status == "submitted");
        let totals: Vec<i64> = sheets.iter().map(|s| sheet_total(grid, s)).collect();
        let divergent = diverges(&totals, threshold);
        let resolution = resolutions.get(&app.id).cloned();
        let progress = if app.status == "rejected" {
            Progress::Rejected
        } else if n_active < min {
            Progress::Unassigned
        } else if !all_in {
            Progress::Scoring
        } else if divergent && resolution.is_none() {
            Progress::Divergent
        } else {
            Progress::Scored
        };
        let result = result_of(grid, &sheets, carried.get(&app.id).copied());
        let failure = match (&result, progress) {
            (Some(r), Progress::Scored) => threshold_failure(stage, r, &call.params),
            _ => None,
        };
        by_lot
            .entry(app.lot_id.clone())
            .or_default()
            .push(BoardRow {
                app,
                progress,
                assignments: asg,
                result,
                divergent,
                resolution,
                failure,
                rank: None,
                placement: None,
                shortlisted: false,
                tied_with_next: false,
                supporting: supporting.get(&app_id).cloned(),
                supporting_given: given.get(&app_id).cloned().unwrap_or_default(),
            });
    }
    let mode = SelectionMode::parse(&call.params.selection_mode);
    let mut out = Vec::new();
    for lot in lots {
        let mut rows = by_lot.remove(&lot.id).unwrap_or_default();
        let envelope = what_if.get(&lot.id).copied().unwrap_or(lot.envelope_cents);
        // Ranked with those whose supporting documents failed (SEL-02): the selection
        // is made as it first stood, then their room goes to the next that fits.
        let failed_documents: std::collections::HashSet<String> = rows
            .iter()
            .filter(|r| r.documents_failed())
            .map(|r| r.app.id.clone())
            .collect();
        let candidates: Vec<Candidate> = rows
            .iter()
            .filter(|r| r.progress == Progress::Scored && r.failure.is_none())
            .filter_map(|r| {
                let res = r.result.as_ref()?;
                Some(Candidate {
                    id: r.app.id.clone(),
                    receipt: r.app.receipt.clone(),
                    total: res.total,
                    relevance: res.relevance.unwrap_or(0),
                    capacity: res.capacity.unwrap_or(0),
                    requested_cents: r.app.requested_cents,
                })
            })
            .collect();
        let ranked_all = rank(candidates, &call.params.tie_break);
        let selection =
            select_after_document_checks(&ranked_all, &failed_documents, envelope, mode);
        let ranked: Vec<Candidate> = ranked_all
            .into_iter()
            .filter(|c| !failed_documents.contains(&c.id))
            .collect();
        let short = shortlist_len(&ranked, envelope, call.params.shortlist_percent);
        let position: HashMap<&str, usize> = ranked
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        for r in rows.iter_mut() {
            if let Some(&i) = position.get(r.app.id.as_str()) {
                r.rank = Some(i + 1);
                r.placement = Some(selection.placements[i]);
                r.shortlisted = i < short;
                r.tied_with_next = ranked.get(i + 1).is_some_and(|n| {
                    crate::domain::selection::tied(&ranked[i], n, &call.params.tie_break)
                });
            }
        }
        // Ranked first in rank order, then the rest by receipt.
        rows.sort_by(|a, b| {
            (a.rank.is_none(), a.rank, &a.app.receipt).cmp(&(
                b.rank.is_none(),
                b.rank,
                &b.app.receipt,
            ))
        });
        let pending = rows
            .iter()
            .filter(|r| {
                matches!(
                    r.progress,
                    Progress::Unassigned | Progress::Scoring | Progress::Divergent
                )
            })
            .count();
        out.push(LotBoard {
            envelope_cents: envelope,
            what_if: envelope != lot.envelope_cents,
            lot,
            rows,
            selected_cents: selection.selected_cents,
            pending,
        });
    }
    Ok(out)
}

/// The chair's and secretary's board of a stage (the auditor reads it too). `what_if`
/// maps lot ids to an envelope to try (nothing is stored).
#[tracing::instrument(skip_all)]
pub async fn board(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    stage: EvaluationStage,
    what_if: HashMap<String, i64>,
) -> AppResult<Board> {
    check_permission(
        actor,
        &Permission::Do(Action::ViewEvaluation, Scope::Call(call_id.clone())),
    )?;
    let actor = actor.clone();
    let now = state.clock.now();
    state
        .db(move |conn| board_on(conn, &actor, &call_id, stage, now, &what_if))
        .await
}

/// The board on one connection: a fixed number of queries whatever the number of
/// applications (the concept stage's results are read once more for the full stage).
pub fn board_on(
    conn: &mut DbConnection,
    actor: &Actor,
    call_id: &str,
    stage: EvaluationStage,
    now: NaiveDateTime,
    what_if: &HashMap<String, i64>,
) -> AppResult<Board> {
    check_permission_in(
        conn,
        actor,
        &Permission::Do(Action::ViewEvaluation, Scope::Call(call_id.to_string())),
    )?;
    let call = load_call(conn, call_id)?;
    let lots = compute_board(conn, &call, stage, now, what_if)?;
    let members = q::all_member_rows(conn, call_id)?;
    let current = q::members(conn, call_id)?;
    let names = current
        .iter()
        .map(|m| (m.row.user_id.clone(), m.name.clone()))
        .collect();
    let roles: Vec<CommitteeRole> = current
        .iter()
        .filter_map(|m| CommitteeRole::parse(&m.row.role))
        .collect();
    let my_seat = actor.user_id.as_deref().and_then(|u| {
        current
            .iter()
            .find(|m| m.row.user_id == u)
            .and_then(|m| CommitteeRole::parse(&m.row.role))
    });
    Ok(Board {
        open: stage_open(&call, stage, now),
        call,
        stage,
        lots,
        members,
        names,
        problems: committee_problems(&roles),
        my_seat,
    })
}

// =================================================================================
// Assignment (by hand, automatic, further assessor, replacement)
// =================================================================================

/// Who may never assess an application: anyone already on it (in any state: a
/// conflict or a replacement is not undone by reassigning) and members of the
/// applicant organisation.
fn excluded_for(
    app: &EvalApplication,
    asg: &[AssignmentRow],
    ctx: &AssignContext,
    scorers: &[String],
) -> BTreeSet<String> {
    crate::domain::assignment::excluded_assessors(
        &app.organisation_id,
        asg.iter().map(|a| a.assessor_id.as_str()),
        scorers,
        &ctx.organisations,
        &ctx.conflicts,
    )
}

struct AssignContext {
    call: Call,
    apps: Vec<EvalApplication>,
    assignments: HashMap<String, Vec<AssignmentRow>>,
    /// Assessors the automatic assignment draws on, with their load at this stage.
    loads: Loads,
    organisations: HashMap<String, BTreeSet<String>>,
    /// (person, applicant organisation) of every conflict declared in the call, at any
    /// stage (EVC-02).
    conflicts: BTreeSet<(String, String)>,
    members: Vec<Member>,
}

fn assign_context(
    conn: &mut DbConnection,
    call_id: &str,
    stage: EvaluationStage,
    now: NaiveDateTime,
) -> AppResult<AssignContext> {
    let call = load_call(conn, call_id)?;
    let members = q::members(conn, call_id)?;
    let roles: Vec<CommitteeRole> = members
        .iter()
        .filter_map(|m| CommitteeRole::parse(&m.row.role))
        .collect();
    if !committee_problems(&roles).is_empty() {
        return Err(conflict("error-evaluation-committee-incomplete"));
    }
    if !stage_open(&call, stage, now) {
        return Err(conflict("error-evaluation-not-open"));
    }
    let mut apps = applications_at(conn, &call, stage, now)?;
    if stage == EvaluationStage::Full && call.call_type == CallType::Open {
        let concept = compute_board(conn, &call, EvaluationStage::Concept, now, &HashMap::new())?;
        let short: BTreeSet<String> = concept
            .iter()
            .flat_map(|l| {
                l.rows
                    .iter()
                    .filter(|r| r.shortlisted)
                    .map(|r| r.app.id.clone())
            })
            .collect();
        apps.retain(|a| short.contains(&a.id));
    }
    apps.retain(|a| a.status == "submitted");
    let rows = q::assignments_of_call(conn, call_id, stage.as_str())?;
    let mut loads: Loads = members
        .iter()
        .filter(|m| {
            CommitteeRole::parse(&m.row.role).is_some_and(CommitteeRole::assigned_automatically)
        })
        .map(|m| (m.row.user_id.clone(), 0))
        .collect();
    for a in &rows {
        if AssignmentStatus::parse(&a.status).is_some_and(AssignmentStatus::is_active) {
            if let Some(l) = loads.get_mut(&a.assessor_id) {
                *l += 1;
            }
        }
    }
    let user_ids: Vec<String> = members.iter().map(|m| m.row.user_id.clone()).collect();
    let mut organisations: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (u, o) in q::organisations_of_users(conn, &user_ids)? {
        organisations.entry(u).or_default().insert(o);
    }
    let conflicts = q::conflicts_in_call(conn, call_id)?.into_iter().collect();
    Ok(AssignContext {
        call,
        apps,
        assignments: crate::services::group_by(rows, |a| &a.application_id),
        loads,
        organisations,
        conflicts,
        members,
    })
}

/// Records new assignments and tells each assessor once, in their language.
fn record_assignments(
    tx: &mut Tx<'_>,
    ctx: &AssignContext,
    stage: EvaluationStage,
    pairs: &[(String, String)],
    origin: &str,
    replaces: Option<&str>,
    link: &str,
) -> AppResult<()> {
    let by = user_of(tx.actor)?;
    let mut per_assessor: BTreeMap<&str, usize> = BTreeMap::new();
    for (app, assessor) in pairs {
        let id = new_id();
        q::insert_assignment(
            tx.conn,
            &AssignmentRow {
                id: id.clone(),
                call_id: ctx.call.row.id.clone(),
                application_id: app.clone(),
                stage: stage.as_str().into(),
                assessor_id: assessor.clone(),
                status: AssignmentStatus::Pending.as_str().into(),
                origin: origin.into(),
                assigned_by: by.clone(),
                assigned_at: tx.now,
                answered_at: None,
                conflict_note: None,
                sheet: "{}".into(),
                total: None,
                saved_at: None,
                submitted_at: None,
                ended_at: None,
                ended_by: None,
                end_reason: None,
                replaces_id: replaces.map(str::to_string),
            },
        )?;
        tx.audit(
            "evaluation.assigned",
            Some(("application", app)),
            json!({"assignment": id, "assessor": assessor, "stage": stage.as_str(), "origin": origin, "replaces": replaces}),
        )?;
        *per_assessor.entry(assessor).or_default() += 1;
    }
    for (assessor, count) in per_assessor {
        if let Some(m) = ctx.members.iter().find(|m| m.row.user_id == assessor) {
            tx.mail_each(
                &[(m.email.clone(), m.name.clone(), m.language.clone())],
                MailKind::AssessorAssigned,
                |lang| {
                    vec![
                        ("call", ctx.call.label_in(lang)),
                        ("count", count.to_string()),
                        ("link", link.to_string()),
                    ]
                },
            )?;
        }
    }
    Ok(())
}

/// What an automatic assignment did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoAssigned {
    pub assigned: usize,
    /// Receipts of applications that could not get all the assessors they need.
    pub short: Vec<String>,
}

/// EVC-03: gives every application of the stage at least the required number of
/// assessors, balancing load and avoiding conflicts and the applicant's own members.
/// Running it again assigns only what is missing.
#[tracing::instrument(skip_all)]
pub async fn assign_automatically(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    stage: EvaluationStage,
) -> AppResult<AutoAssigned> {
    let link = state.public_url(&format!("/evaluation/calls/{call_id}"));
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let ctx = assign_context(tx.conn, &call_id, stage, tx.now)?;
                let min = usize::try_from(ctx.call.params.min_assessors.max(1)).unwrap_or(2);
                let scorers: Vec<String> = ctx.loads.keys().cloned().collect();
                let needs: Vec<Need> = ctx
                    .apps
                    .iter()
                    .map(|app| {
                        let asg = ctx
                            .assignments
                            .get(&app.id)
                            .map(Vec::as_slice)
                            .unwrap_or(&[]);
                        Need {
                            application_id: app.id.clone(),
                            excluded: excluded_for(app, asg, &ctx, &scorers),
                            missing: min.saturating_sub(active(asg).count()),
                        }
                    })
                    .collect();
                let (pairs, short) = assign(&needs, &ctx.loads);
                if pairs.is_empty() {
                    tx.nothing_changed();
                } else {
                    record_assignments(tx, &ctx, stage, &pairs, "automatic", None, &link)?;
                }
                let short = short
                    .iter()
                    .filter_map(|id| ctx.apps.iter().find(|a| &a.id == id))
                    .map(|a| a.receipt.clone())
                    .collect();
                Ok(AutoAssigned {
                    assigned: pairs.len(),
                    short,
                })
            },
        )
        .await
}

/// Assigns one assessor by hand (any scoring seat, the replacement included).
#[tracing::instrument(skip_all)]
pub async fn assign_manually(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    stage: EvaluationStage,
    application_id: String,
    assessor_id: String,
) -> AppResult<()> {
    let link = state.public_url(&format!("/evaluation/calls/{call_id}"));
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let ctx = assign_context(tx.conn, &call_id, stage, tx.now)?;
                let app = ctx
                    .apps
                    .iter()
                    .find(|a| a.id == application_id)
                    .ok_or_else(|| {
                        AppError::Validation(vec![FieldError::new(
                            "application",
                            "error-assign-no-application",
                        )])
                    })?;
                let member = ctx
                    .members
                    .iter()
                    .find(|m| m.row.user_id == assessor_id)
                    .filter(|m| {
                        CommitteeRole::parse(&m.row.role).is_some_and(CommitteeRole::scores)
                    })
                    .ok_or_else(|| {
                        AppError::Validation(vec![FieldError::new(
                            "assessor",
                            "error-assign-not-scorer",
                        )])
                    })?;
                let asg = ctx
                    .assignments
                    .get(&app.id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                if asg.iter().any(|a| a.assessor_id == assessor_id) {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "assessor",
                        "error-assign-already",
                    )]));
                }
                if excluded_for(app, asg, &ctx, std::slice::from_ref(&member.row.user_id))
                    .contains(&assessor_id)
                {
                    let conflicted = ctx
                        .conflicts
                        .contains(&(assessor_id.clone(), app.organisation_id.clone()));
                    return Err(AppError::Validation(vec![FieldError::new(
                        "assessor",
                        if conflicted {
                            "error-assign-conflict"
                        } else {
                            "error-assign-own-organisation"
                        },
                    )]));
                }
                record_assignments(
                    tx,
                    &ctx,
                    stage,
                    &[(app.id.clone(), assessor_id.clone())],
                    "manual",
                    None,
                    &link,
                )
            },
        )
        .await
}

/// Replaces an assessor who has not submitted (stopped responding, or declared a
/// conflict): the old assignment stays in the history, and the new assessor is the
/// one chosen or, when none is, drawn like the automatic assignment (the replacement
/// evaluator first).
#[tracing::instrument(skip_all)]
pub async fn replace_assessor(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    assignment_id: String,
    assessor_id: Option<String>,
) -> AppResult<()> {
    let link = state.public_url(&format!("/evaluation/calls/{call_id}"));
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let old = q::assignment(tx.conn, &assignment_id)?
                    .filter(|a| a.call_id == call_id)
                    .ok_or(AppError::NotFound)?;
                let stage = EvaluationStage::parse(&old.stage).ok_or(AppError::NotFound)?;
                let status = AssignmentStatus::parse(&old.status).ok_or(AppError::NotFound)?;
                // A conflicted assignment is already over; it is replaced as it stands.
                if status != AssignmentStatus::Conflicted {
                    status
                        .transition(AssignmentEvent::Replace)
                        .map_err(|r| conflict(r.message_key))?;
                }
                let ctx = assign_context(tx.conn, &call_id, stage, tx.now)?;
                let app = ctx
                    .apps
                    .iter()
                    .find(|a| a.id == old.application_id)
                    .ok_or(AppError::NotFound)?;
                let asg = ctx
                    .assignments
                    .get(&app.id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                if asg
                    .iter()
                    .any(|a| a.replaces_id.as_deref() == Some(old.id.as_str()))
                {
                    return Err(conflict("error-assignment-already-replaced"));
                }
                let scorers: Vec<String> = ctx
                    .members
                    .iter()
                    .filter(|m| {
                        CommitteeRole::parse(&m.row.role).is_some_and(CommitteeRole::scores)
                    })
                    .map(|m| m.row.user_id.clone())
                    .collect();
                let excluded = excluded_for(app, asg, &ctx, &scorers);
                let new = match assessor_id {
                    Some(chosen) => {
                        if !scorers.contains(&chosen) {
                            return Err(AppError::Validation(vec![FieldError::new(
                                "assessor",
                                "error-assign-not-scorer",
                            )]));
                        }
                        if excluded.contains(&chosen) {
                            return Err(AppError::Validation(vec![FieldError::new(
                                "assessor",
                                "error-assign-already",
                            )]));
                        }
                        chosen
                    }
                    None => {
                        let replacement = ctx.members.iter().find(|m| {
                            m.row.role == CommitteeRole::Replacement.as_str()
                                && !excluded.contains(&m.row.user_id)
                        });
                        match replacement {
                            Some(m) => m.row.user_id.clone(),
                            None => {
                                let need = Need {
                                    application_id: app.id.clone(),
                                    excluded: excluded.clone(),
                                    missing: 1,
                                };
                                assign(&[need], &ctx.loads)
                                    .0
                                    .pop()
                                    .map(|(_, a)| a)
                                    .ok_or(conflict("error-assign-nobody-left"))?
                            }
                        }
                    }
                };
                if status != AssignmentStatus::Conflicted {
                    q::end_assignment(
                        tx.conn,
                        &old.id,
                        &old.status,
                        AssignmentStatus::Replaced.as_str(),
                        &user_of(tx.actor)?,
                        "replaced",
                        tx.now,
                    )?;
                }
                record_assignments(
                    tx,
                    &ctx,
                    stage,
                    &[(app.id.clone(), new)],
                    "replacement",
                    Some(&old.id),
                    &link,
                )
            },
        )
        .await
}

// =================================================================================
// The assessor's work (EVC-02 conflicts, GRD-01 sheets)
// =================================================================================

/// What a committee member sees of a call: their seat, their declaration, their
/// assignments.
pub struct MyEvaluation {
    pub call: Call,
    pub seat: CommitteeRole,
    pub declaration: Option<DeclarationRow>,
    pub assignments: Vec<(AssignmentRow, EvalApplication)>,
}

/// The calls where the actor has a seat, with their role there.
#[tracing::instrument(skip_all)]
pub async fn my_calls(
    state: &AppState,
    actor: &Actor,
) -> AppResult<Vec<(Call, CommitteeRole, bool)>> {
    let user = user_of(actor)?;
    state
        .db(move |conn| {
            let mut out = Vec::new();
            for (call_id, role) in q::calls_of(conn, &user)? {
                let call = load_call(conn, &call_id)?;
                let signed = q::declaration(conn, &call_id, &user)?.is_some();
                if let Some(role) = CommitteeRole::parse(&role) {
                    out.push((call, role, signed));
                }
            }
            out.sort_by(|a, b| a.0.row.reference.cmp(&b.0.row.reference));
            Ok(out)
        })
        .await
}

#[tracing::instrument(skip_all)]
pub async fn my_evaluation(
    state: &AppState,
    actor: &Actor,
    call_id: String,
) -> AppResult<MyEvaluation> {
    let permission = Permission::Do(Action::SignDeclaration, Scope::Call(call_id.clone()));
    check_permission(actor, &permission)?;
    let actor = actor.clone();
    let now = state.clock.now();
    state
        .db(move |conn| {
            check_permission_in(conn, &actor, &permission)?;
            let user = user_of(&actor)?;
            let call = load_call(conn, &call_id)?;
            let seat = q::role_of(conn, &call_id, &user)?
                .and_then(|r| CommitteeRole::parse(&r))
                .ok_or(AppError::NotFound)?;
            let declaration = q::declaration(conn, &call_id, &user)?;
            let mut assignments = Vec::new();
            // EVC-02: nothing of an application before the declaration.
            if declaration.is_some() {
                let rows = q::assignments_of_assessor(conn, &call_id, &user)?;
                let mut apps: HashMap<String, EvalApplication> = HashMap::new();
                for stage in EvaluationStage::ALL {
                    for a in applications_at(conn, &call, stage, now)? {
                        apps.entry(a.id.clone()).or_insert(a);
                    }
                }
                for r in rows {
                    if let Some(a) = apps.get(&r.application_id) {
                        assignments.push((r.clone(), a.clone()));
                    }
                }
            }
            Ok(MyEvaluation {
                call,
                seat,
                declaration,
                assignments,
            })
        })
        .await
}

/// One assignment as its assessor works on it.
pub struct AssignmentView {
    pub call: Call,
    pub row: AssignmentRow,
    pub stage: EvaluationStage,
    pub application: crate::db::applications::ApplicationRow,
    pub organisation: String,
    /// The submission the assessor reads (the last one of the stage).
    pub submission: Option<SubmissionRow>,
    pub sheet: ScoreSheet,
    /// Other assessors' totals, by code: only once one's own sheet is submitted (EVC-03).
    pub others: Vec<(String, Option<i64>)>,
    pub members: Vec<q::MemberRow>,
}

#[tracing::instrument(skip_all)]
pub async fn assignment_view(
    state: &AppState,
    actor: &Actor,
    assignment_id: String,
) -> AppResult<AssignmentView> {
    let actor = actor.clone();
    actor.require(Action::ScoreApplication)?;
    state
        .db(move |conn| {
            let user = user_of(&actor)?;
            let row = q::assignment(conn, &assignment_id)?
                .filter(|a| a.assessor_id == user)
                .ok_or(AppError::NotFound)?;
            let status = AssignmentStatus::parse(&row.status).ok_or(AppError::NotFound)?;
            // A conflicted or replaced assessor no longer reads the application.
            if !status.is_active() {
                return Err(AppError::NotFound);
            }
            check_permission_in(
                conn,
                &actor,
                &Permission::Do(
                    Action::ScoreApplication,
                    Scope::Application(row.application_id.clone()),
                ),
            )?;
            let application = app_q::find(conn, &row.application_id)?.ok_or(AppError::NotFound)?;
            let organisation = crate::db::organisations::find(conn, &application.organisation_id)?
                .map(|o| o.legal_name)
                .unwrap_or_default();
            let call = load_call(conn, &row.call_id)?;
            let stage = EvaluationStage::parse(&row.stage).ok_or(AppError::NotFound)?;
            let submissions = app_q::submissions_of(conn, &row.application_id)?;
            let wanted = match (stage, call.call_type) {
                (EvaluationStage::Concept, CallType::Restricted) => "concept",
                _ => "full",
            };
            let submission = submissions.iter().find(|s| s.stage == wanted).cloned();
            let sheet = serde_json::from_str(&row.sheet).unwrap_or_default();
            let members = q::all_member_rows(conn, &row.call_id)?;
            let others = if status == AssignmentStatus::Submitted {
                q::assignments_of_application(conn, &row.application_id)?
                    .into_iter()
                    .filter(|a| a.stage == row.stage && a.id != row.id && a.status == "submitted")
                    .map(|a| (assessor_code(&members, &a.assessor_id), a.total))
                    .collect()
            } else {
                Vec::new()
            };
            Ok(AssignmentView {
                call,
                stage,
                application,
                organisation,
                submission,
                sheet,
                others,
                members,
                row,
            })
        })
        .await
}

/// EVC-02: the assessor says whether they have a conflict of interest with the
/// application. A conflict removes them from it and the chair is told to replace them.
#[tracing::instrument(skip_all)]
pub async fn answer_conflict(
    state: &AppState,
    actor: &Actor,
    assignment_id: String,
    has_conflict: bool,
    note: String,
) -> AppResult<()> {
    let note: String = note.trim().chars().take(2000).collect();
    if has_conflict && note.is_empty() {
        return Err(AppError::Validation(vec![FieldError::new(
            "note",
            "error-conflict-note-missing",
        )]));
    }
    let (call_id, application_id) = owned_assignment(state, actor, &assignment_id).await?;
    state
        .write(
            actor,
            Permission::Do(
                Action::ScoreApplication,
                Scope::Application(application_id.clone()),
            ),
            Lock::Call(call_id.clone()),
            move |tx| {
                let user = user_of(tx.actor)?;
                let row = q::assignment(tx.conn, &assignment_id)?
                    .filter(|a| a.assessor_id == user)
                    .ok_or(AppError::NotFound)?;
                let status = AssignmentStatus::parse(&row.status).ok_or(AppError::NotFound)?;
                let event = if has_conflict {
                    AssignmentEvent::DeclareConflict
                } else {
                    AssignmentEvent::ConfirmNoConflict
                };
                let next = status
                    .transition(event)
                    .map_err(|r| conflict(r.message_key))?;
                if has_conflict {
                    q::end_assignment(
                        tx.conn,
                        &row.id,
                        &row.status,
                        next.as_str(),
                        &user,
                        "conflict",
                        tx.now,
                    )?;
                    q::set_status(
                        tx.conn,
                        &row.id,
                        next.as_str(),
                        next.as_str(),
                        tx.now,
                        Some(&note),
                    )?;
                    // The chair is asked for a replacement (the note stays in the committee).
                    let call = load_call(tx.conn, &call_id)?;
                    let chairs: Vec<(String, String, Option<String>)> =
                        q::members(tx.conn, &call_id)?
                            .into_iter()
                            .filter(|m| m.row.role == CommitteeRole::Chair.as_str())
                            .map(|m| (m.email, m.name, m.language))
                            .collect();
                    let receipt = app_q::find(tx.conn, &application_id)?
                        .and_then(|a| a.receipt_number)
                        .unwrap_or_default();
                    let link = format!("/evaluation/calls/{call_id}/board?stage={}", row.stage);
                    tx.mail_each(&chairs, MailKind::ConflictDeclared, |lang| {
                        vec![
                            ("call", call.label_in(lang)),
                            ("number", receipt.clone()),
                            ("link", link.clone()),
                        ]
                    })?;
                } else {
                    q::set_status(tx.conn, &row.id, &row.status, next.as_str(), tx.now, None)?;
                }
                tx.audit(
                    if has_conflict {
                        "evaluation.conflict_declared"
                    } else {
                        "evaluation.no_conflict_confirmed"
                    },
                    Some(("application", &application_id)),
                    json!({"assignment": row.id, "stage": row.stage}),
                )
            },
        )
        .await
}

async fn owned_assignment(
    state: &AppState,
    actor: &Actor,
    assignment_id: &str,
) -> AppResult<(String, String)> {
    let user = user_of(actor)?;
    let id = assignment_id.to_string();
    state
        .db(move |conn| {
            let a = q::assignment(conn, &id)?
                .filter(|a| a.assessor_id == user)
                .ok_or(AppError::NotFound)?;
            Ok((a.call_id, a.application_id))
        })
        .await
}

/// Saves an assessor's sheet as a draft, or submits it (GRD-01: complete, with a
/// comment per section). A submission that leaves two sheets further apart than the
/// threshold assigns a further assessor automatically (EVC-03).
#[tracing::instrument(skip_all)]
pub async fn save_sheet(
    state: &AppState,
    actor: &Actor,
    assignment_id: String,
    sheet: Option<ScoreSheet>,
    submit: bool,
) -> AppResult<()> {
    let (call_id, application_id) = owned_assignment(state, actor, &assignment_id).await?;
    let link = state.public_url(&format!("/evaluation/calls/{call_id}"));
    state
        .write(
            actor,
            Permission::Do(
                Action::ScoreApplication,
                Scope::Application(application_id.clone()),
            ),
            Lock::Call(call_id.clone()),
            move |tx| {
                let user = user_of(tx.actor)?;
                let row = q::assignment(tx.conn, &assignment_id)?
                    .filter(|a| a.assessor_id == user)
                    .ok_or(AppError::NotFound)?;
                let status = AssignmentStatus::parse(&row.status).ok_or(AppError::NotFound)?;
                status
                    .transition(if submit {
                        AssignmentEvent::Submit
                    } else {
                        AssignmentEvent::SaveDraft
                    })
                    .map_err(|r| conflict(r.message_key))?;
                let call = load_call(tx.conn, &call_id)?;
                let stage = EvaluationStage::parse(&row.stage).ok_or(AppError::NotFound)?;
                let grid = grid_of(&call, stage).clone();
                // Submitting without a sheet submits the saved draft.
                let sheet = match sheet {
                    Some(s) => s,
                    None => serde_json::from_str(&row.sheet).unwrap_or_default(),
                };
                let problems = sheet_problems(&grid, &sheet, submit);
                if !problems.is_empty() {
                    return Err(AppError::Validation(
                        problems
                            .into_iter()
                            .map(|(field, code)| FieldError::named(field, code))
                            .collect(),
                    ));
                }
                let json =
                    serde_json::to_string(&sheet).map_err(|e| AppError::Internal(e.into()))?;
                let total = submit.then(|| sheet_total(&grid, &sheet));
                if !q::save_sheet(tx.conn, &row.id, &json, total, submit, tx.now)? {
                    return Err(conflict("error-assignment-already-submitted"));
                }
                tx.audit(
                    if submit {
                        "evaluation.sheet_submitted"
                    } else {
                        "evaluation.sheet_saved"
                    },
                    Some(("application", &application_id)),
                    json!({"assignment": row.id, "stage": row.stage, "total": total}),
                )?;
                if submit {
                    further_assessor_if_divergent(tx, &call, stage, &application_id, &link)?;
                }
                Ok(())
            },
        )
        .await
}

/// EVC-03: when every sheet of the application is in and two differ by more than the
/// threshold, one further assessor is assigned (once), by the automatic rules.
fn further_assessor_if_divergent(
    tx: &mut Tx<'_>,
    call: &Call,
    stage: EvaluationStage,
    application_id: &str,
    link: &str,
) -> AppResult<()> {
    let asg = q::assignments_of_application(tx.conn, application_id)?;
    let asg: Vec<AssignmentRow> = asg
        .into_iter()
        .filter(|a| a.stage == stage.as_str())
        .collect();
    if active(&asg).any(|a| a.status != "submitted") {
        return Ok(());
    }
    if asg.iter().any(|a| a.origin == "divergence") {
        return Ok(());
    }
    let totals: Vec<i64> = asg
        .iter()
        .filter_map(|a| a.total.filter(|_| a.status == "submitted"))
        .collect();
    if !diverges(&totals, stage.divergence_threshold(&call.params)) {
        return Ok(());
    }
    let ctx = assign_context(tx.conn, &call.row.id, stage, tx.now)?;
    let Some(app) = ctx.apps.iter().find(|a| a.id == application_id) else {
        return Ok(());
    };
    let scorers: Vec<String> = ctx.loads.keys().cloned().collect();
    let need = Need {
        application_id: app.id.clone(),
        excluded: excluded_for(app, &asg, &ctx, &scorers),
        missing: 1,
    };
    let (pairs, _) = assign(&[need], &ctx.loads);
    if !pairs.is_empty() {
        record_assignments(tx, &ctx, stage, &pairs, "divergence", None, link)?;
    }
    tx.audit(
        "evaluation.divergence_flagged",
        Some(("application", application_id)),
        json!({"stage": stage.as_str(), "totals": totals, "further_assessor": pairs.first().map(|p| &p.1)}),
    )
}

/// EVC-03: the chair records how a divergence was resolved; the application's score is
/// then the average of all its sheets.
#[tracing::instrument(skip_all)]
pub async fn resolve_divergence(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    application_id: String,
    stage: EvaluationStage,
    note: String,
) -> AppResult<()> {
    let note: String = note.trim().chars().take(5000).collect();
    if note.is_empty() {
        return Err(AppError::Validation(vec![FieldError::new(
            "note",
            "error-resolution-note-missing",
        )]));
    }
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                let app = app_q::find(tx.conn, &application_id)?
                    .filter(|a| a.call_id == call_id)
                    .ok_or(AppError::NotFound)?;
                let asg: Vec<AssignmentRow> = q::assignments_of_application(tx.conn, &app.id)?
                    .into_iter()
                    .filter(|a| a.stage == stage.as_str())
                    .collect();
                if active(&asg).any(|a| a.status != "submitted") {
                    return Err(conflict("error-resolution-scoring-open"));
                }
                let totals: Vec<i64> = asg.iter().filter_map(|a| a.total.filter(|_| a.status == "submitted")).collect();
                if !diverges(&totals, stage.divergence_threshold(&call.params)) {
                    return Err(conflict("error-resolution-not-divergent"));
                }
                if q::resolution(tx.conn, &app.id, stage.as_str())?.is_some() {
                    return Err(conflict("error-resolution-recorded"));
                }
                let id = new_id();
                q::insert_resolution(
                    tx.conn,
                    &ResolutionRow {
                        id: id.clone(),
                        application_id: app.id.clone(),
                        stage: stage.as_str().into(),
                        note: note.clone(),
                        totals: serde_json::to_string(&totals).unwrap_or_default(),
                        resolved_by: user_of(tx.actor)?,
                        resolved_at: tx.now,
                    },
                )?;
                tx.audit(
                    "evaluation.divergence_resolved",
                    Some(("application", &app.id)),
                    json!({"resolution": id, "stage": stage.as_str(), "totals": totals, "average": average(&totals)}),
                )
            },
        )
        .await
}

/// A file named by the submission an assessor reads (after the declaration and the
/// conflict answer, like the application itself).
#[tracing::instrument(skip_all)]
pub async fn assignment_file(
    state: &AppState,
    actor: &Actor,
    assignment_id: String,
    file_id: String,
) -> AppResult<crate::db::attachments::AttachmentRow> {
    let v = assignment_view(state, actor, assignment_id).await?;
    if AssignmentStatus::parse(&v.row.status) == Some(AssignmentStatus::Pending) {
        return Err(AppError::NotFound);
    }
    let named = v
        .submission
        .as_ref()
        .is_some_and(|s| super::applications::files_named_in(&s.content).contains(&file_id));
    if !named {
        return Err(AppError::NotFound);
    }
    let id = v.application.id.clone();
    state
        .db(move |conn| super::annexes::file_of(conn, &id, &file_id))
        .await
}

/// GRD-03, CFP-02, SEL-03: invites the concept notes on the shortlist of the approved
/// concept-note report (scored, above the threshold, within the share of the envelope) to
/// submit a full application by `deadline`: the concept-note stage's notification of the
/// successful. Only a restricted call invites; notes already invited are left alone.
/// Returns how many were invited.
#[tracing::instrument(skip_all)]
pub async fn invite_shortlisted(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    deadline: NaiveDateTime,
) -> AppResult<usize> {
    let link_base = state.public_url("/applications/");
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                if call.call_type != CallType::Restricted {
                    return Err(conflict("error-invite-open-call"));
                }
                // SEL-03: the shortlist the EU Delegation approved, nothing else.
                let Some(shortlisted) =
                    super::award::shortlisted_in_approved_report(tx.conn, &call_id)?
                else {
                    return Err(conflict("error-invite-report-not-approved"));
                };
                let rows = q::evaluated_applications(tx.conn, &call_id)?;
                let ids: Vec<String> = shortlisted
                    .into_iter()
                    .filter(|id| rows.iter().any(|x| &x.id == id && x.stage == "concept"))
                    .collect();
                if ids.is_empty() {
                    return Err(conflict("error-invite-none-shortlisted"));
                }
                super::applications::invite_in(tx, &call_id, &ids, deadline, &link_base)
            },
        )
        .await
}
