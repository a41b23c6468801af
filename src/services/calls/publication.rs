//! Publication (TL-01, TL-02, TL-03, CFP-02, CFP-04, CFP-08, envelopes) and
//! cancellation (CFP-07) of calls.

use chrono::NaiveDateTime;
use serde_json::json;

use super::{load_call, lot_terms, Call};
use crate::db::calls as q;
use crate::db::DbConnection;
use crate::domain::access::{Action, Scope};
use crate::domain::attachments::{OwnerKind, Purpose as AttachmentPurpose};
use crate::domain::calls::{
    publication_problems, publication_warnings, CallEvent, CallStatus, EnvelopeUse, LotTerms,
    PublishCheck, PublishProblem, CANCEL_REASONS,
};
use crate::domain::money::Money;
use crate::domain::text::Texts;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::mail::MailKind;
use crate::services::programmes::load_detail;
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// What publishing says: the problems that stop it and the warnings that do not.
#[derive(Debug, Clone, Default)]
pub struct PublishReport {
    pub problems: Vec<PublishProblem>,
    pub warnings: Vec<PublishProblem>,
}

/// Everything the publication check needs, read in the caller's transaction.
fn publish_report_in(
    conn: &mut DbConnection,
    call: &Call,
    now: NaiveDateTime,
) -> AppResult<PublishReport> {
    let lots: Vec<LotTerms> = q::lots_of(conn, &call.row.id)?
        .iter()
        .map(lot_terms)
        .collect();
    report_for(conn, call, call.status, &lots, call.row.deadline, now)
}

/// The publication check of `call` with these lots and deadline, as if published at
/// `now` (a corrigendum checks the corrected call as a draft published at its first
/// publication).
pub(super) fn report_for(
    conn: &mut DbConnection,
    call: &Call,
    status: CallStatus,
    lots: &[LotTerms],
    deadline: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> AppResult<PublishReport> {
    let programme = load_detail(
        conn,
        &call.row.programme_id,
        crate::domain::time::local_date(now),
    )?;
    let docs = super::guidelines_of(conn, &call.row.id)?;
    let other_lots = q::envelopes_of_other_calls(conn, &call.row.programme_id, &call.row.id)?;
    // An overflowing sum can only mean "over budget".
    let sum = |cents: &mut dyn Iterator<Item = i64>| {
        Money::sum(cents.map(Money::from_cents)).unwrap_or(Money::MAX)
    };
    let other_calls_total = sum(&mut other_lots.iter().map(|(_, c)| *c));
    let envelopes: Vec<EnvelopeUse> = programme
        .envelopes
        .iter()
        .map(|e| EnvelopeUse {
            id: e.id.clone(),
            label: e.label.clone(),
            amount: Money::from_cents(e.amount_cents),
            used_by_other_calls: sum(&mut other_lots
                .iter()
                .filter(|(id, _)| id.as_deref() == Some(e.id.as_str()))
                .map(|(_, c)| *c)),
        })
        .collect();
    let check = PublishCheck {
        call_type: call.call_type,
        status,
        title: &call.row.title,
        reference: &call.row.reference,
        opens_at: call.row.opens_at,
        deadline,
        params: &call.params,
        lots,
        concept_grid: &call.concept_grid,
        full_grid: &call.full_grid,
        has_english_guidelines: docs.iter().any(|d| d.language.as_deref() == Some("en")),
        timeline: &programme.timeline,
        envelopes: &envelopes,
        other_calls_total,
    };
    Ok(PublishReport {
        problems: publication_problems(&check, now),
        warnings: publication_warnings(&check),
    })
}

/// What publishing would say now (shown on the call page before the button).
#[tracing::instrument(skip_all)]
pub async fn publish_problems(state: &AppState, id: String) -> AppResult<PublishReport> {
    let now = state.clock.now();
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            publish_report_in(conn, &call, now)
        })
        .await
}

/// Publishes a draft when every check passes; otherwise returns every problem. The
/// programme is locked first: two calls published at once cannot both take the last of
/// an envelope, and a programme edit cannot shrink an envelope under a publication.
#[tracing::instrument(skip_all)]
pub async fn publish(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<Result<PublishReport, PublishReport>> {
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(id.clone()));
    state
        .write(actor, permission, Lock::CallAndProgramme(id.clone()), move |tx| {
            let call = load_call(tx.conn, &id)?;
            call.next_status(CallEvent::Publish)?;
            let report = publish_report_in(tx.conn, &call, tx.now)?;
            if !report.problems.is_empty() {
                tx.nothing_changed();
                return Ok(Err(report));
            }
            let opens_at = call.row.opens_at.unwrap_or(tx.now).max(tx.now);
            let by = tx.actor.user_id.clone().unwrap_or_default();
            if !q::mark_published(tx.conn, &id, &by, tx.now, opens_at)? {
                return Err(AppError::Conflict("error-call-not-draft"));
            }
            // CFP-08: the English guidelines are the authentic text from now on.
            crate::services::attachments::freeze(
                tx,
                OwnerKind::Call,
                &id,
                AttachmentPurpose::Guidelines,
                Some(crate::i18n::Lang::En),
            )?;
            tx.audit(
                "call.published",
                Some(("call", &id)),
                json!({"reference": call.row.reference, "opens_at": opens_at, "deadline": call.row.deadline,
                       "warnings": report.warnings.iter().map(|w| w.code).collect::<Vec<_>>()}),
            )?;
            Ok(Ok(report))
        })
        .await
}

/// Rule CFP-07: cancels a published call with a reason; followers (and, once
/// applications exist, everyone who started one) are emailed.
#[tracing::instrument(skip_all)]
pub async fn cancel(
    state: &AppState,
    actor: &Actor,
    id: String,
    reason: String,
    explanation: Texts,
) -> AppResult<()> {
    let mut errors = Vec::new();
    if !CANCEL_REASONS.contains(&reason.as_str()) {
        errors.push(FieldError::new("reason", "error-cancel-reason"));
    }
    let explanation = explanation.checked_text(
        ["explanation", "explanation_kk", "explanation_ru"],
        4000,
        true,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let link_base = state.public_url("/calls/");
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(id.clone()));
    state
        .write(actor, permission, Lock::Call(id.clone()), move |tx| {
            let call = load_call(tx.conn, &id)?;
            call.next_status(CallEvent::Cancel)?;
            let approved = crate::db::evaluation::reports_of(tx.conn, &id)?
                .iter()
                .any(|r| r.status == "approved");
            let contracts = crate::db::contracts::count_of_call(tx.conn, &id)?;
            if let Some(key) = crate::domain::calls::cancellation_refused(approved, contracts) {
                return Err(AppError::Conflict(key));
            }
            q::mark_cancelled(tx.conn, &id, &reason, &explanation, tx.now)?;
            let link = format!("{link_base}{id}");
            let followers = crate::db::applications::everyone_concerned(tx.conn, &id)?;
            tx.mail_each(&followers, MailKind::CallCancelled, |lang| {
                vec![
                    ("call", call.label_in(lang)),
                    (
                        "reason",
                        crate::i18n::t(lang, &format!("cancel-reason-{reason}")),
                    ),
                    (
                        "explanation",
                        explanation.view().for_reader(lang).0.to_string(),
                    ),
                    ("link", link.clone()),
                ]
            })?;
            tx.audit(
                "call.cancelled",
                Some(("call", &id)),
                json!({"before": call.row.status, "reason": reason, "explanation": explanation.en,
                       "explanation_kk": explanation.kk, "explanation_ru": explanation.ru}),
            )
        })
        .await
}
