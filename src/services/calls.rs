//! Calls for proposals: drafts, lots, grids, guidelines, publication (TL-01, CFP-02),
//! cancellation (CFP-07), clarifications (CFP-03) and followers.

use chrono::NaiveDateTime;
use serde_json::json;

use super::mail::{self, MailKind};
use super::programmes::load_detail;
use super::{audit, new_id, Actor};
use crate::db::calls::{self as q, CallRow, ClarificationRow, DocumentRow, LotRow};
use crate::db::{users, DbConnection};
use crate::domain::access::Action;
use crate::domain::calls::{
    check_lot, may_ask_question, publication_problems, CallParameters, CallStatus, CallType,
    LotTerms, PublishCheck, PublishProblem, CANCEL_REASONS,
};
use crate::domain::grids::{default_concept_note_grid, default_full_application_grid, Grid};
use crate::domain::money::Money;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;

/// A call with everything parsed.
#[derive(Debug, Clone)]
pub struct Call {
    pub row: CallRow,
    pub call_type: CallType,
    pub status: CallStatus,
    pub params: CallParameters,
    pub concept_grid: Grid,
    pub full_grid: Grid,
}

impl Call {
    pub fn from_row(row: CallRow) -> AppResult<Call> {
        let bad = |what: &str| {
            AppError::Internal(anyhow::anyhow!("call {} has an invalid {what}", row.id))
        };
        Ok(Call {
            call_type: CallType::parse(&row.call_type).ok_or_else(|| bad("type"))?,
            status: CallStatus::parse(&row.status).ok_or_else(|| bad("status"))?,
            params: serde_json::from_str(&row.parameters).map_err(|_| bad("parameters"))?,
            concept_grid: serde_json::from_str(&row.concept_note_grid).map_err(|_| bad("grid"))?,
            full_grid: serde_json::from_str(&row.full_application_grid).map_err(|_| bad("grid"))?,
            row,
        })
    }

    pub fn is_published(&self) -> bool {
        self.status == CallStatus::Published
    }

    /// "EuropeAid/150123/L/ACT/KZ – Title", as emails name a call.
    pub fn label(&self) -> String {
        format!("{} – {}", self.row.reference, self.row.title)
    }
}

pub fn lot_terms(row: &LotRow) -> LotTerms {
    let split = |s: &str| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    LotTerms {
        number: row.number,
        title: row.title.clone(),
        envelope: Money::from_cents(row.envelope_cents),
        min_grant: Money::from_cents(row.min_grant_cents),
        max_grant: Money::from_cents(row.max_grant_cents),
        min_eu_share_bp: row.min_eu_share_bp,
        max_eu_share_bp: row.max_eu_share_bp,
        min_duration_months: row.min_duration_months,
        max_duration_months: row.max_duration_months,
        applicant_types: split(&row.applicant_types),
        locations: split(&row.locations),
        envelope_position: row.envelope_position,
    }
}

fn lot_row(call_id: &str, id: String, t: &LotTerms) -> LotRow {
    LotRow {
        id,
        call_id: call_id.to_string(),
        number: t.number,
        title: t.title.trim().to_string(),
        envelope_cents: t.envelope.cents(),
        min_grant_cents: t.min_grant.cents(),
        max_grant_cents: t.max_grant.cents(),
        min_eu_share_bp: t.min_eu_share_bp,
        max_eu_share_bp: t.max_eu_share_bp,
        min_duration_months: t.min_duration_months,
        max_duration_months: t.max_duration_months,
        applicant_types: t.applicant_types.join(","),
        locations: t.locations.join(","),
        envelope_position: t.envelope_position,
    }
}

/// What the call form sends (already parsed by the web layer into typed values).
#[derive(Debug, Clone)]
pub struct CallInput {
    pub reference: String,
    pub title: String,
    pub description: String,
    pub call_type: Option<CallType>,
    pub opens_at: Option<NaiveDateTime>,
    pub deadline: Option<NaiveDateTime>,
    pub params: CallParameters,
}

fn validate_call_input(input: &CallInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let reference = input.reference.trim();
    if reference.is_empty()
        || reference.chars().count() > 100
        || reference.chars().any(char::is_control)
    {
        errors.push(FieldError::new("reference", "error-required"));
    }
    if input.title.trim().is_empty()
        || input.title.chars().count() > 300
        || input.title.chars().any(char::is_control)
    {
        errors.push(FieldError::new("title", "error-required"));
    }
    if input.description.chars().count() > 20_000 {
        errors.push(FieldError::new("description", "error-text-too-long"));
    }
    if input.call_type.is_none() {
        errors.push(FieldError::new("call_type", "error-required"));
    }
    for code in crate::domain::calls::check_parameters(&input.params) {
        errors.push(FieldError::new("parameters", code));
    }
    if let (Some(o), Some(d)) = (input.opens_at, input.deadline) {
        if o >= d {
            errors.push(FieldError::new("deadline", "error-deadline-before-opening"));
        }
    }
    errors
}

fn require_draft(call: &Call) -> AppResult<()> {
    if call.status != CallStatus::Draft {
        return Err(AppError::Conflict("error-call-not-draft"));
    }
    Ok(())
}

fn load_call(conn: &mut DbConnection, id: &str) -> AppResult<Call> {
    Call::from_row(q::find(conn, id)?.ok_or(AppError::NotFound)?)
}

/// Loads a call to change it: the call's row is locked first (a no-op update takes the
/// row lock on PostgreSQL; SQLite's write transaction is already exclusive), so an edit
/// and a publication of the same call never interleave.
fn load_call_for_write(conn: &mut DbConnection, id: &str) -> AppResult<Call> {
    if !q::lock(conn, id)? {
        return Err(AppError::NotFound);
    }
    load_call(conn, id)
}

/// Creates a draft call under a programme, with the programme's default lots
/// (CFP-05) and the default grids (GRD-02, GRD-04).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    programme_id: String,
    input: CallInput,
) -> AppResult<String> {
    actor.require(Action::ManageCalls)?;
    let errors = validate_call_input(&input);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            crate::db::programmes::find(conn, &programme_id)?.ok_or(AppError::NotFound)?;
            if q::find_by_reference(conn, input.reference.trim())?.is_some() {
                return Err(AppError::field("reference", "error-reference-taken"));
            }
            let row = CallRow {
                id: new_id(),
                programme_id: programme_id.clone(),
                reference: input.reference.trim().to_string(),
                title: input.title.trim().to_string(),
                description: input.description.trim().to_string(),
                call_type: input
                    .call_type
                    .unwrap_or(CallType::Restricted)
                    .as_str()
                    .to_string(),
                status: CallStatus::Draft.as_str().to_string(),
                opens_at: input.opens_at,
                deadline: input.deadline,
                parameters: serde_json::to_string(&input.params)
                    .map_err(|e| AppError::Internal(e.into()))?,
                concept_note_grid: serde_json::to_string(&default_concept_note_grid())
                    .map_err(|e| AppError::Internal(e.into()))?,
                full_application_grid: serde_json::to_string(&default_full_application_grid())
                    .map_err(|e| AppError::Internal(e.into()))?,
                published_at: None,
                published_by: None,
                cancelled_at: None,
                cancel_reason: None,
                cancel_explanation: None,
                created_by: actor.user_id.clone().unwrap_or_default(),
                created_at: now,
                updated_at: now,
            };
            q::insert(conn, &row)?;
            for lot in crate::domain::calls::default_lots() {
                q::insert_lot(conn, &lot_row(&row.id, new_id(), &lot))?;
            }
            audit::record(
                conn,
                now,
                &actor,
                "call.created",
                Some(("call", &row.id)),
                json!({"reference": row.reference, "programme": programme_id}),
            )?;
            Ok(row.id)
        })
        .await
}

pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: CallInput,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let errors = validate_call_input(&input);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &id)?;
            require_draft(&call)?;
            if let Some(other) = q::find_by_reference(conn, input.reference.trim())? {
                if other.id != id {
                    return Err(AppError::field("reference", "error-reference-taken"));
                }
            }
            let mut row = call.row.clone();
            row.reference = input.reference.trim().to_string();
            row.title = input.title.trim().to_string();
            row.description = input.description.trim().to_string();
            row.call_type = input.call_type.unwrap_or(call.call_type).as_str().to_string();
            row.opens_at = input.opens_at;
            row.deadline = input.deadline;
            row.parameters = serde_json::to_string(&input.params).map_err(|e| AppError::Internal(e.into()))?;
            row.updated_at = now;
            q::update(conn, &row)?;
            audit::record(
                conn,
                now,
                &actor,
                "call.updated",
                Some(("call", &id)),
                json!({
                    "before": {"reference": call.row.reference, "title": call.row.title, "type": call.row.call_type,
                               "opens_at": call.row.opens_at, "deadline": call.row.deadline, "parameters": call.params},
                    "after": {"reference": row.reference, "title": row.title, "type": row.call_type,
                              "opens_at": row.opens_at, "deadline": row.deadline, "parameters": input.params},
                }),
            )
        })
        .await
}

pub async fn update_grids(
    state: &AppState,
    actor: &Actor,
    id: String,
    concept: Grid,
    full: Grid,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &id)?;
            require_draft(&call)?;
            let mut row = call.row.clone();
            row.concept_note_grid = serde_json::to_string(&concept).map_err(|e| AppError::Internal(e.into()))?;
            row.full_application_grid = serde_json::to_string(&full).map_err(|e| AppError::Internal(e.into()))?;
            row.updated_at = now;
            q::update(conn, &row)?;
            audit::record(
                conn,
                now,
                &actor,
                "call.grids_updated",
                Some(("call", &id)),
                json!({"before": {"concept": call.concept_grid, "full": call.full_grid}, "after": {"concept": concept, "full": full}}),
            )
        })
        .await
}

fn lot_errors(terms: &LotTerms) -> Vec<FieldError> {
    check_lot(terms)
        .into_iter()
        .map(|p| FieldError::new(p.field, p.code))
        .collect()
}

/// Adds (lot_id None) or changes a lot of a draft call.
pub async fn save_lot(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lot_id: Option<String>,
    terms: LotTerms,
) -> AppResult<String> {
    actor.require(Action::ManageCalls)?;
    let errors = lot_errors(&terms);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &call_id)?;
            require_draft(&call)?;
            let existing = q::lots_of(conn, &call_id)?;
            if existing
                .iter()
                .any(|l| l.number == terms.number && Some(&l.id) != lot_id.as_ref())
            {
                return Err(AppError::field("number", "error-lot-number-taken"));
            }
            let (id, before) = match &lot_id {
                Some(id) => {
                    let before = q::find_lot(conn, &call_id, id)?.ok_or(AppError::NotFound)?;
                    (id.clone(), Some(lot_terms(&before)))
                }
                None => (new_id(), None),
            };
            let row = lot_row(&call_id, id.clone(), &terms);
            if before.is_some() {
                q::update_lot(conn, &row)?;
            } else {
                q::insert_lot(conn, &row)?;
            }
            audit::record(
                conn,
                now,
                &actor,
                if before.is_some() {
                    "lot.updated"
                } else {
                    "lot.created"
                },
                Some(("lot", &id)),
                json!({"call": call_id, "before": before, "after": terms}),
            )?;
            Ok(id)
        })
        .await
}

pub async fn delete_lot(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lot_id: String,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &call_id)?;
            require_draft(&call)?;
            let before = q::find_lot(conn, &call_id, &lot_id)?.ok_or(AppError::NotFound)?;
            q::delete_lot(conn, &call_id, &lot_id)?;
            audit::record(
                conn,
                now,
                &actor,
                "lot.deleted",
                Some(("lot", &lot_id)),
                json!({"call": call_id, "before": lot_terms(&before)}),
            )
        })
        .await
}

/// Everything the publication check needs, loaded in the caller's transaction.
fn publish_problems_in(
    conn: &mut DbConnection,
    call: &Call,
    now: NaiveDateTime,
) -> AppResult<Vec<PublishProblem>> {
    let programme = load_detail(conn, &call.row.programme_id, crate::clock::local_date(now))?;
    let lots: Vec<LotTerms> = q::lots_of(conn, &call.row.id)?
        .iter()
        .map(lot_terms)
        .collect();
    let docs = q::documents_of(conn, &call.row.id)?;
    let other_lots = q::envelopes_of_other_calls(conn, &call.row.programme_id, &call.row.id)?;
    // An overflowing sum can only mean "over budget".
    let others =
        Money::sum(other_lots.iter().map(|(_, c)| Money::from_cents(*c))).unwrap_or(Money::MAX);
    let envelopes: Vec<Money> = programme
        .envelopes
        .iter()
        .map(|e| Money::from_cents(e.amount_cents))
        .collect();
    let other_by_envelope: Vec<Money> = (1..=envelopes.len() as i32)
        .map(|position| {
            Money::sum(
                other_lots
                    .iter()
                    .filter(|(p, _)| *p == Some(position))
                    .map(|(_, c)| Money::from_cents(*c)),
            )
            .unwrap_or(Money::MAX)
        })
        .collect();
    let check = PublishCheck {
        call_type: call.call_type,
        status: call.status,
        title: &call.row.title,
        reference: &call.row.reference,
        opens_at: call.row.opens_at.unwrap_or(now),
        deadline: call.row.deadline,
        params: &call.params,
        lots: &lots,
        concept_grid: &call.concept_grid,
        full_grid: &call.full_grid,
        has_english_guidelines: docs.iter().any(|d| d.language == "en"),
        timeline: &programme.timeline,
        other_calls_envelopes: others,
        programme_grant_budget: programme.grant_budget(),
        programme_envelopes: &envelopes,
        other_calls_by_envelope: &other_by_envelope,
    };
    Ok(publication_problems(&check, now))
}

/// What publishing would say now (shown on the call page before the button).
pub async fn publish_problems(state: &AppState, id: String) -> AppResult<Vec<PublishProblem>> {
    let now = state.clock.now();
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            publish_problems_in(conn, &call, now)
        })
        .await
}

/// Publishes a draft when every check passes; otherwise returns every problem.
pub async fn publish(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<Result<(), Vec<PublishProblem>>> {
    actor.require(Action::ManageCalls)?;
    let clock = state.clock.clone();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let now = clock.now();
            let call = load_call_for_write(conn, &id)?;
            // Checked inside the write transaction: two calls published at once cannot
            // both take the last of the programme's grant budget.
            let problems = publish_problems_in(conn, &call, now)?;
            if !problems.is_empty() {
                return Ok(Err(problems));
            }
            let opens_at = call.row.opens_at.unwrap_or(now).max(now);
            if !q::mark_published(conn, &id, actor.user_id.as_deref().unwrap_or(""), now, opens_at)? {
                return Err(AppError::Conflict("error-call-not-draft"));
            }
            audit::record(conn, now, &actor, "call.published", Some(("call", &id)), json!({"reference": call.row.reference, "opens_at": opens_at, "deadline": call.row.deadline}))?;
            Ok(Ok(()))
        })
        .await
}

/// Rule CFP-07: cancels a call with a reason; followers (and, once applications
/// exist, everyone who started one) are emailed.
pub async fn cancel(
    state: &AppState,
    actor: &Actor,
    id: String,
    reason: String,
    explanation: String,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let mut errors = Vec::new();
    if !CANCEL_REASONS.contains(&reason.as_str()) {
        errors.push(FieldError::new("reason", "error-cancel-reason"));
    }
    let explanation = explanation.trim().to_string();
    if explanation.is_empty() || explanation.chars().count() > 4000 {
        errors.push(FieldError::new("explanation", "error-required"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    let link_base = state.public_url("/calls/");
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &id)?;
            // CFP-07 cancels a published call; a draft is simply never published.
            if call.status != CallStatus::Published {
                return Err(AppError::Conflict("error-call-not-published"));
            }
            q::mark_cancelled(conn, &id, &reason, &explanation, now)?;
            let label = call.label();
            let link = format!("{link_base}{id}");
            let followers = q::followers(conn, &id)?;
            mail::queue_to_each(conn, now, &followers, MailKind::CallCancelled, |lang| {
                vec![
                    ("call", label.clone()),
                    (
                        "reason",
                        crate::i18n::t(lang, &format!("cancel-reason-{reason}")),
                    ),
                    ("explanation", explanation.clone()),
                    ("link", link.clone()),
                ]
            })?;
            audit::record(
                conn,
                now,
                &actor,
                "call.cancelled",
                Some(("call", &id)),
                json!({"before": call.row.status, "reason": reason, "explanation": explanation}),
            )
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

pub const QUESTION_MAX_CHARS: usize = 4000;

/// Rule CFP-03: an applicant asks a question until deadline − 21 days.
pub async fn ask_question(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    question: String,
) -> AppResult<()> {
    actor.require(Action::AskClarification)?;
    let question = question.trim().to_string();
    if question.is_empty() {
        return Err(AppError::field("question", "error-required"));
    }
    if question.chars().count() > QUESTION_MAX_CHARS {
        return Err(AppError::field("question", "error-text-too-long"));
    }
    let clock = state.clock.clone();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            // Decided by the server clock read inside the transaction (CFP-03).
            let now = clock.now();
            let call = load_call(conn, &call_id)?;
            if !call.is_published() {
                return Err(AppError::NotFound);
            }
            let deadline = call.row.deadline.ok_or(AppError::NotFound)?;
            // Decided by the server's clock inside the transaction.
            if !may_ask_question(now, deadline, &call.params) {
                return Err(AppError::Conflict("error-questions-closed"));
            }
            let user_id = actor.user_id.clone().unwrap_or_default();
            let row = ClarificationRow {
                id: new_id(),
                call_id: call_id.clone(),
                asked_by: user_id.clone(),
                question: question.clone(),
                asked_at: now,
                answer: None,
                answered_by: None,
                published_at: None,
            };
            q::insert_clarification(conn, &row)?;
            q::follow(conn, &call_id, &user_id, now)?;
            audit::record(
                conn,
                now,
                &actor,
                "clarification.asked",
                Some(("clarification", &row.id)),
                json!({"call": call_id}),
            )
        })
        .await
}

/// Staff answer a question; the answer is published at once, without the asker's
/// identity, and followers are emailed.
pub async fn answer_question(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    clarification_id: String,
    answer: String,
) -> AppResult<()> {
    actor.require(Action::AnswerClarifications)?;
    let answer = answer.trim().to_string();
    if answer.is_empty() {
        return Err(AppError::field("answer", "error-required"));
    }
    if answer.chars().count() > 10_000 {
        return Err(AppError::field("answer", "error-text-too-long"));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    let link = state.public_url(&format!("/calls/{call_id}#clarifications"));
    state
        .tx(move |conn| {
            let call = load_call(conn, &call_id)?;
            if !call.is_published() {
                return Err(AppError::Conflict("error-call-not-published"));
            }
            q::find_clarification(conn, &call_id, &clarification_id)?.ok_or(AppError::NotFound)?;
            if !q::publish_answer(
                conn,
                &clarification_id,
                &answer,
                actor.user_id.as_deref().unwrap_or(""),
                now,
            )? {
                return Err(AppError::Conflict("error-already-answered"));
            }
            let label = call.label();
            let followers = q::followers(conn, &call_id)?;
            mail::queue_to_each(
                conn,
                now,
                &followers,
                MailKind::ClarificationPublished,
                |_| vec![("call", label.clone()), ("link", link.clone())],
            )?;
            audit::record(
                conn,
                now,
                &actor,
                "clarification.published",
                Some(("clarification", &clarification_id)),
                json!({"call": call_id}),
            )
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

pub async fn set_following(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    follow: bool,
) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call(conn, &call_id)?;
            if call.status == CallStatus::Draft {
                return Err(AppError::NotFound);
            }
            if follow {
                q::follow(conn, &call_id, &user_id, now)?;
            } else {
                q::unfollow(conn, &call_id, &user_id)?;
            }
            audit::record(
                conn,
                now,
                &actor,
                if follow {
                    "call.followed"
                } else {
                    "call.unfollowed"
                },
                Some(("call", &call_id)),
                json!({}),
            )
        })
        .await
}

/// A call with its lots, documents and clarifications.
pub struct CallDetail {
    pub call: Call,
    pub lots: Vec<LotRow>,
    pub documents: Vec<DocumentRow>,
    pub clarifications: Vec<ClarificationRow>,
    /// Asker emails by user id (staff view only).
    pub askers: std::collections::HashMap<String, String>,
    pub programme_reference: String,
    pub following: bool,
}

/// The public view: published or cancelled calls only; drafts are "not found".
pub async fn public_detail(
    state: &AppState,
    id: String,
    viewer: Option<String>,
) -> AppResult<CallDetail> {
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            if call.status == CallStatus::Draft {
                return Err(AppError::NotFound);
            }
            let programme = crate::db::programmes::find(conn, &call.row.programme_id)?
                .ok_or(AppError::NotFound)?;
            let following = match &viewer {
                Some(uid) => q::is_following(conn, &id, uid)?,
                None => false,
            };
            Ok(CallDetail {
                lots: q::lots_of(conn, &id)?,
                documents: q::documents_of(conn, &id)?,
                clarifications: q::published_clarifications(conn, &id)?,
                askers: Default::default(),
                programme_reference: programme.reference,
                following,
                call,
            })
        })
        .await
}

/// The staff view: drafts too, every question with its asker.
pub async fn staff_detail(state: &AppState, actor: &Actor, id: String) -> AppResult<CallDetail> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            let programme = crate::db::programmes::find(conn, &call.row.programme_id)?
                .ok_or(AppError::NotFound)?;
            let clarifications = q::clarifications_of(conn, &id)?;
            let mut askers = std::collections::HashMap::new();
            for c in &clarifications {
                if !askers.contains_key(&c.asked_by) {
                    if let Some(u) = users::find(conn, &c.asked_by)? {
                        askers.insert(c.asked_by.clone(), u.email);
                    }
                }
            }
            Ok(CallDetail {
                lots: q::lots_of(conn, &id)?,
                documents: q::documents_of(conn, &id)?,
                clarifications,
                askers,
                programme_reference: programme.reference,
                following: false,
                call,
            })
        })
        .await
}

/// A published or cancelled call with its lots and guidelines, for the public list.
pub struct ListedCall {
    pub call: Call,
    pub lots: Vec<LotRow>,
    pub documents: Vec<DocumentRow>,
}

/// Groups rows by their call id in one pass.
fn group_by_call<T>(
    rows: Vec<T>,
    call_id: impl Fn(&T) -> &str,
) -> std::collections::HashMap<String, Vec<T>> {
    let mut map: std::collections::HashMap<String, Vec<T>> = std::collections::HashMap::new();
    for row in rows {
        map.entry(call_id(&row).to_string()).or_default().push(row);
    }
    map
}

/// Published and cancelled calls with their lots and documents (three queries,
/// whatever the number of calls).
pub async fn public_list(state: &AppState) -> AppResult<Vec<ListedCall>> {
    state
        .db(move |conn| {
            let rows = q::list_public(conn)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut lots = group_by_call(q::lots_of_calls(conn, &ids)?, |l| &l.call_id);
            let mut docs = group_by_call(q::documents_of_calls(conn, &ids)?, |d| &d.call_id);
            rows.into_iter()
                .map(|row| {
                    let lots = lots.remove(&row.id).unwrap_or_default();
                    let documents = docs.remove(&row.id).unwrap_or_default();
                    Ok(ListedCall {
                        call: Call::from_row(row)?,
                        lots,
                        documents,
                    })
                })
                .collect()
        })
        .await
}

/// Every call (drafts too) with its lots, for staff: two queries whatever the count.
pub async fn staff_list_with_lots(
    state: &AppState,
    actor: &Actor,
) -> AppResult<Vec<(Call, Vec<LotRow>)>> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let rows = q::list_all(conn)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut by_call = group_by_call(q::lots_of_calls(conn, &ids)?, |l| &l.call_id);
            rows.into_iter()
                .map(|row| {
                    let lots = by_call.remove(&row.id).unwrap_or_default();
                    Ok((Call::from_row(row)?, lots))
                })
                .collect()
        })
        .await
}

/// Every call for staff, with unanswered question counts.
pub async fn staff_list(state: &AppState, actor: &Actor) -> AppResult<Vec<(Call, i64)>> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let counts: std::collections::HashMap<String, i64> =
                q::unanswered_counts(conn)?.into_iter().collect();
            q::list_all(conn)?
                .into_iter()
                .map(|row| {
                    let n = counts.get(&row.id).copied().unwrap_or(0);
                    Ok((Call::from_row(row)?, n))
                })
                .collect()
        })
        .await
}

/// Staff may see any call's documents; the public only those of published calls.
pub async fn document_for_download(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    doc_id: String,
) -> AppResult<DocumentRow> {
    let staff = actor.require(Action::ViewProgrammes).is_ok();
    state
        .db(move |conn| {
            let call = load_call(conn, &call_id)?;
            if call.status == CallStatus::Draft && !staff {
                return Err(AppError::NotFound);
            }
            q::find_document(conn, &call_id, &doc_id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Stores an uploaded guidelines document (already checked by `uploads::check_document`).
pub async fn add_document(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    upload: super::uploads::CheckedUpload,
    language: Lang,
    title: String,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let title = title.trim().to_string();
    if title.is_empty() || title.chars().count() > 200 || title.chars().any(char::is_control) {
        return Err(AppError::field("title", "error-required"));
    }
    let now = state.clock.now();
    let stored = super::uploads::store(state, &upload).await?;
    let stored_key = stored.key.clone();
    let actor = actor.clone();
    let result = state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &call_id)?;
            if call.status == CallStatus::Cancelled {
                return Err(AppError::Conflict("error-call-cancelled"));
            }
            // CFP-08: the English text is authentic and frozen at publication; Kazakh and
            // Russian versions "for information" may still be added afterwards.
            if call.status == CallStatus::Published && language == Lang::En {
                return Err(AppError::Conflict("error-call-not-draft"));
            }
            let row = DocumentRow {
                id: new_id(),
                call_id: call_id.clone(),
                language: language.code().to_string(),
                title,
                file_name: upload.file_name.clone(),
                content_type: upload.content_type.to_string(),
                size_bytes: upload.bytes.len() as i64,
                sha256: stored.sha256.clone(),
                storage_key: stored.key.clone(),
                uploaded_by: actor.user_id.clone().unwrap_or_default(),
                uploaded_at: now,
                removed_at: None,
            };
            q::insert_document(conn, &row)?;
            audit::record(
                conn,
                now,
                &actor,
                "call.document_added",
                Some(("call", &call_id)),
                json!({"document": row.id, "language": row.language, "file": row.file_name, "sha256": row.sha256, "bytes": row.size_bytes}),
            )
        })
        .await;
    if result.is_err() {
        // Nothing refers to the file: do not leave it behind.
        super::uploads::discard(state, &stored_key).await;
    }
    result
}

pub async fn remove_document(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    doc_id: String,
) -> AppResult<()> {
    actor.require(Action::ManageCalls)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let call = load_call_for_write(conn, &call_id)?;
            require_draft(&call)?;
            if !q::remove_document(conn, &call_id, &doc_id, now)? {
                return Err(AppError::NotFound);
            }
            audit::record(
                conn,
                now,
                &actor,
                "call.document_removed",
                Some(("call", &call_id)),
                json!({"document": doc_id}),
            )
        })
        .await
}

/// How many days before the answer deadline (CFP-03) staff are reminded by email.
pub const ANSWER_REMINDER_DAYS: i64 = 3;

/// Emails EU Delegation staff, once a day per call, when questions are still unanswered
/// and the answer deadline (deadline − 11 days) is at most three days away. Safe with
/// several portal nodes: the reminder of the day is claimed in the same transaction.
pub async fn remind_unanswered_questions(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let today = crate::clock::local_date(now);
    let base = state.public_url("/manage/calls/");
    let sent = state
        .tx(move |conn| {
            let mut sent = 0;
            for (row, unanswered) in q::published_with_unanswered(conn)? {
                let call = Call::from_row(row)?;
                let Some(deadline) = call.row.deadline else {
                    continue;
                };
                let due = crate::domain::calls::answer_deadline(deadline, &call.params);
                if now > deadline || due - now > chrono::Duration::days(ANSWER_REMINDER_DAYS) {
                    continue;
                }
                if !q::claim_reminder(conn, &call.row.id, "clarifications_due", today, now)? {
                    continue;
                }
                let label = call.label();
                let link = format!("{base}{}#clarifications", call.row.id);
                let when = crate::clock::format_local(due);
                let staff = q::delegation_staff(conn)?;
                sent +=
                    mail::queue_to_each(conn, now, &staff, MailKind::ClarificationsDue, |_| {
                        vec![
                            ("call", label.clone()),
                            ("count", unanswered.to_string()),
                            ("when", when.clone()),
                            ("link", link.clone()),
                        ]
                    })?;
            }
            Ok(sent)
        })
        .await?;
    if sent > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(sent)
}
