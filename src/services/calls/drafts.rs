//! Drafting a call: identity, dates and rules, lots, grids. Everything here changes a
//! draft only (the call's workflow refuses it otherwise) under the call's lock.

use chrono::NaiveDateTime;
use serde_json::json;

use super::{load_call, lot_row, lot_terms, Call};
use crate::db::calls::{self as q, CallRow};
use crate::db::programmes as programme_q;
use crate::domain::access::{Action, Scope};
use crate::domain::calls::{
    check_lot, check_parameters, starting_lots, CallEvent, CallParameters, CallStatus, CallType,
    FreeEnvelope, LotTerms,
};
use crate::domain::grids::{
    default_concept_note_grid, default_full_application_grid, pair_problems, Grid,
};
use crate::domain::money::Money;
use crate::domain::text;
use crate::domain::time::plausible_instant;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult, UniqueAsField};
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// What creating or editing a call asks for, from the page or the API alike.
#[derive(Debug, Clone)]
pub struct CallInput {
    pub reference: String,
    pub title: String,
    pub description: String,
    pub call_type: Option<CallType>,
    pub opens_at: Option<NaiveDateTime>,
    pub deadline: Option<NaiveDateTime>,
    /// The rules of the call; None keeps them as they are (defaults on creation).
    pub params: Option<CallParameters>,
}

/// A cleaned input: texts trimmed, every problem named by its field.
fn checked(input: &CallInput) -> AppResult<CallInput> {
    let mut errors = Vec::new();
    let mut clean = input.clone();
    match text::line("reference", &input.reference, 100) {
        Ok(v) => clean.reference = v,
        Err(e) => errors.push(e),
    }
    match text::line("title", &input.title, 300) {
        Ok(v) => clean.title = v,
        Err(e) => errors.push(e),
    }
    match text::text("description", &input.description, 20_000, false) {
        Ok(v) => clean.description = v,
        Err(e) => errors.push(e),
    }
    if input.call_type.is_none() {
        errors.push(FieldError::new("call_type", "error-required"));
    }
    if let Some(params) = &input.params {
        for code in check_parameters(params) {
            errors.push(FieldError::new("parameters", code));
        }
    }
    for (field, value) in [("opens_at", input.opens_at), ("deadline", input.deadline)] {
        if let Some(Err(e)) = value.map(plausible_instant) {
            errors.push(FieldError::new(field, e.message_key()));
        }
    }
    if let (Some(o), Some(d)) = (input.opens_at, input.deadline) {
        if o >= d {
            errors.push(FieldError::new("deadline", "error-deadline-before-opening"));
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(AppError::Validation(errors))
    }
}

fn manage(call_id: &str) -> Permission {
    Permission::Do(Action::ManageCalls, Scope::Call(call_id.to_string()))
}

fn to_json<T: serde::Serialize>(value: &T) -> AppResult<String> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(e.into()))
}

/// Creates a draft call under a programme, with the default lots (CFP-05) drawing on
/// the programme's envelopes in order and the default grids (GRD-02, GRD-04).
#[tracing::instrument(skip_all)]
pub async fn create(
    state: &AppState,
    actor: &Actor,
    programme_id: String,
    input: CallInput,
) -> AppResult<String> {
    let input = checked(&input)?;
    let permission = Permission::Do(Action::ManageCalls, Scope::Portal);
    state
        .write(
            actor,
            permission,
            Lock::Programme(programme_id.clone()),
            move |tx| {
                if q::find_by_reference(tx.conn, &input.reference)?.is_some() {
                    return Err(AppError::field("reference", "error-reference-taken"));
                }
                let row = CallRow {
                    id: new_id(),
                    programme_id: programme_id.clone(),
                    reference: input.reference.clone(),
                    title: input.title.clone(),
                    description: input.description.clone(),
                    call_type: input
                        .call_type
                        .unwrap_or(CallType::Restricted)
                        .as_str()
                        .to_string(),
                    status: CallStatus::Draft.as_str().to_string(),
                    opens_at: input.opens_at,
                    deadline: input.deadline,
                    parameters: to_json(&input.params.clone().unwrap_or_default())?,
                    concept_note_grid: to_json(&default_concept_note_grid())?,
                    full_application_grid: to_json(&default_full_application_grid())?,
                    published_at: None,
                    published_by: None,
                    cancelled_at: None,
                    cancel_reason: None,
                    cancel_explanation: None,
                    created_by: tx.actor.user_id.clone().unwrap_or_default(),
                    created_at: tx.now,
                    updated_at: tx.now,
                    title_kk: String::new(),
                    title_ru: String::new(),
                    description_kk: String::new(),
                    description_ru: String::new(),
                    cancel_explanation_kk: String::new(),
                    cancel_explanation_ru: String::new(),
                };
                q::insert(tx.conn, &row).unique_as("reference", "error-reference-taken")?;
                // The programme is locked: what its published calls take cannot change
                // while the new call's lots are sized.
                let taken = q::envelopes_of_other_calls(tx.conn, &programme_id, &row.id)?;
                let free: Vec<FreeEnvelope> = programme_q::envelopes(tx.conn, &programme_id)?
                    .into_iter()
                    .map(|e| {
                        let used: i64 = taken
                            .iter()
                            .filter(|(id, _)| id.as_deref() == Some(e.id.as_str()))
                            .map(|(_, cents)| *cents)
                            .fold(0i64, i64::saturating_add);
                        FreeEnvelope {
                            id: e.id,
                            free: Money::from_cents(e.amount_cents)
                                .saturating_sub(Money::from_cents(used)),
                        }
                    })
                    .collect();
                for lot in starting_lots(&free) {
                    q::insert_lot(tx.conn, &lot_row(&row.id, new_id(), &lot))?;
                }
                tx.audit(
                    "call.created",
                    Some(("call", &row.id)),
                    json!({"reference": row.reference, "programme": programme_id}),
                )?;
                Ok(row.id)
            },
        )
        .await
}

/// Changes a draft's identity, dates and (when given) rules.
#[tracing::instrument(skip_all)]
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: CallInput,
) -> AppResult<()> {
    let input = checked(&input)?;
    state
        .write(actor, manage(&id), Lock::Call(id.clone()), move |tx| {
            let call = load_call(tx.conn, &id)?;
            call.next_status(CallEvent::Edit)?;
            if let Some(other) = q::find_by_reference(tx.conn, &input.reference)? {
                if other.id != id {
                    return Err(AppError::field("reference", "error-reference-taken"));
                }
            }
            let params = input.params.clone().unwrap_or_else(|| call.params.clone());
            let mut row = call.row.clone();
            row.reference = input.reference.clone();
            row.title = input.title.clone();
            row.description = input.description.clone();
            row.call_type = input.call_type.unwrap_or(call.call_type).as_str().to_string();
            row.opens_at = input.opens_at;
            row.deadline = input.deadline;
            row.parameters = to_json(&params)?;
            row.updated_at = tx.now;
            q::update(tx.conn, &row).unique_as("reference", "error-reference-taken")?;
            tx.audit(
                "call.updated",
                Some(("call", &id)),
                json!({
                    "before": {"reference": call.row.reference, "title": call.row.title, "type": call.row.call_type,
                               "opens_at": call.row.opens_at, "deadline": call.row.deadline, "parameters": call.params},
                    "after": {"reference": row.reference, "title": row.title, "type": row.call_type,
                              "opens_at": row.opens_at, "deadline": row.deadline, "parameters": params},
                }),
            )
        })
        .await
}

/// Problems with a pair of grids (GRD-01…GRD-06) as field errors of the grid form
/// ("concept_note_grid", "full_application_grid").
pub fn grid_errors(concept: &Grid, full: &Grid, params: &CallParameters) -> Vec<FieldError> {
    pair_problems(
        concept,
        full,
        params.concept_note_pass_score,
        params.capacity_min_score,
    )
    .into_iter()
    .map(|(grid, code)| {
        let field = if grid == "concept" {
            "concept_note_grid"
        } else {
            "full_application_grid"
        };
        FieldError::new(field, code)
    })
    .collect()
}

/// Replaces a draft's grids, checked by the domain's grid rules.
#[tracing::instrument(skip_all)]
pub async fn update_grids(
    state: &AppState,
    actor: &Actor,
    id: String,
    mut concept: Grid,
    mut full: Grid,
) -> AppResult<()> {
    state
        .write(actor, manage(&id), Lock::Call(id.clone()), move |tx| {
            let call: Call = load_call(tx.conn, &id)?;
            call.next_status(CallEvent::Edit)?;
            // The text form carries English only: translations stay where still true.
            concept.keep_translations_of(&call.concept_grid);
            full.keep_translations_of(&call.full_grid);
            let errors = grid_errors(&concept, &full, &call.params);
            if !errors.is_empty() {
                return Err(AppError::Validation(errors));
            }
            let mut row = call.row.clone();
            row.concept_note_grid = to_json(&concept)?;
            row.full_application_grid = to_json(&full)?;
            row.updated_at = tx.now;
            q::update(tx.conn, &row)?;
            tx.audit(
                "call.grids_updated",
                Some(("call", &id)),
                json!({"before": {"concept": call.concept_grid, "full": call.full_grid}, "after": {"concept": concept, "full": full}}),
            )
        })
        .await
}

/// Adds (lot_id None) or changes a lot of a draft call.
#[tracing::instrument(skip_all)]
pub async fn save_lot(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lot_id: Option<String>,
    mut terms: LotTerms,
) -> AppResult<String> {
    let errors = check_lot(&terms);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    terms.title = terms.title.trim().to_string();
    state
        .write(
            actor,
            manage(&call_id),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                call.next_status(CallEvent::Edit)?;
                if let Some(envelope) = &terms.envelope_id {
                    let envelopes = programme_q::envelopes(tx.conn, &call.row.programme_id)?;
                    if !envelopes.iter().any(|e| &e.id == envelope) {
                        return Err(AppError::field("envelope_id", "error-lot-envelope-unknown"));
                    }
                }
                let existing = q::lots_of(tx.conn, &call_id)?;
                if existing
                    .iter()
                    .any(|l| l.number == terms.number && Some(&l.id) != lot_id.as_ref())
                {
                    return Err(AppError::field("number", "error-lot-number-taken"));
                }
                let (id, before) = match &lot_id {
                    Some(id) => {
                        let before =
                            q::find_lot(tx.conn, &call_id, id)?.ok_or(AppError::NotFound)?;
                        (id.clone(), Some(lot_terms(&before)))
                    }
                    None => (new_id(), None),
                };
                let row = lot_row(&call_id, id.clone(), &terms);
                if let Some(before) = &before {
                    q::update_lot(tx.conn, &row).unique_as("number", "error-lot-number-taken")?;
                    if terms.title_kk.is_some() || terms.title_ru.is_some() {
                        let keep = |new: &Option<String>, old: &Option<String>| {
                            new.as_ref().or(old.as_ref()).cloned().unwrap_or_default()
                        };
                        let title = crate::domain::text::Texts {
                            en: String::new(),
                            kk: keep(&terms.title_kk, &before.title_kk).trim().to_string(),
                            ru: keep(&terms.title_ru, &before.title_ru).trim().to_string(),
                        };
                        q::set_lot_translations(tx.conn, &id, &title)?;
                    }
                } else {
                    q::insert_lot(tx.conn, &row).unique_as("number", "error-lot-number-taken")?;
                }
                tx.audit(
                    if before.is_some() {
                        "lot.updated"
                    } else {
                        "lot.created"
                    },
                    Some(("lot", &id)),
                    json!({"call": call_id, "before": before, "after": terms}),
                )?;
                Ok(id)
            },
        )
        .await
}

/// Removes a lot from a draft (a draft's lot was never public; nothing refers to it).
#[tracing::instrument(skip_all)]
pub async fn delete_lot(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    lot_id: String,
) -> AppResult<()> {
    state
        .write(
            actor,
            manage(&call_id),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                call.next_status(CallEvent::Edit)?;
                let before = q::find_lot(tx.conn, &call_id, &lot_id)?.ok_or(AppError::NotFound)?;
                q::delete_lot(tx.conn, &call_id, &lot_id)?;
                tx.audit(
                    "lot.deleted",
                    Some(("lot", &lot_id)),
                    json!({"call": call_id, "before": lot_terms(&before)}),
                )
            },
        )
        .await
}

/// Deletes a draft call (a published one is cancelled instead, CFP-07). Its lots go with
/// it, its documents are marked removed, and the audit log keeps what it was.
#[tracing::instrument(skip_all)]
pub async fn delete_draft(state: &AppState, actor: &Actor, id: String) -> AppResult<String> {
    state
        .write(actor, manage(&id), Lock::Call(id.clone()), move |tx| {
            let call = load_call(tx.conn, &id)?;
            call.next_status(CallEvent::DeleteDraft)?;
            let lots = q::lots_of(tx.conn, &id)?;
            let documents = crate::db::attachments::remove_all_of(
                tx.conn,
                crate::domain::attachments::OwnerKind::Call,
                &id,
                tx.now,
            )?;
            if !q::delete_draft(tx.conn, &id)? {
                return Err(AppError::Conflict("error-call-not-draft"));
            }
            tx.audit(
                "call.draft_deleted",
                Some(("call", &id)),
                json!({
                    "reference": call.row.reference,
                    "title": call.row.title,
                    "programme_id": call.row.programme_id,
                    "lots": lots.iter().map(|l| json!({"number": l.number, "title": l.title, "envelope_cents": l.envelope_cents})).collect::<Vec<_>>(),
                    "documents_removed": documents,
                }),
            )?;
            Ok(call.row.programme_id.clone())
        })
        .await
}
