//! Programmes: create and edit (identity and money, envelope by envelope), corrections
//! of D before the first publication, amendments of their dates (TL-06), and the
//! computed timeline. Every write locks the programme (its envelopes and dates).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use super::write::{Lock, Permission, Tx};
use super::{group_by, new_id, Actor};
use crate::db::calls::{self as call_q, CallRow};
use crate::db::programmes::{
    self as q, AmendmentRow, BudgetLineRow, DCorrectionRow, EnvelopeRow, MoneyLineRows,
    ProgrammeRow,
};
use crate::db::DbConnection;
use crate::domain::access::{Action, Scope};
use crate::domain::money::Money;
use crate::domain::programme::{
    check_programme, envelope_edit_problems, fields, CurrentEnvelope, MoneyLine, ProgrammeCommand,
};
use crate::domain::text;
use crate::domain::time::{parse_date, plausible_date};
use crate::domain::timeline::{
    amendments_hold, check_amendment, timeline_on, AmendableDate, Amendment, Timeline,
};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult, UniqueAsField};
use crate::state::AppState;

fn manage() -> Permission {
    Permission::Do(Action::ManageProgrammes, Scope::Portal)
}

/// Writes the budget lines and envelopes of a command.
fn store_money_lines(
    tx: &mut Tx<'_>,
    programme_id: &str,
    command: &ProgrammeCommand,
) -> AppResult<()> {
    store_lines::<BudgetLineRow>(tx, programme_id, &command.budget_lines)?;
    store_lines::<EnvelopeRow>(tx, programme_id, &command.envelopes)
}

/// Existing ids are updated in place, new lines inserted, lines no longer listed retired
/// (never deleted: calls and history keep pointing at them).
fn store_lines<R: MoneyLineRows>(
    tx: &mut Tx<'_>,
    programme_id: &str,
    lines: &[MoneyLine],
) -> AppResult<()> {
    let current = R::in_force(tx.conn, programme_id)?;
    for (i, line) in lines.iter().enumerate() {
        let row = R::new_row(
            line.id.clone().unwrap_or_else(new_id),
            programme_id,
            i as i32 + 1,
            [&line.label, &line.label_kk, &line.label_ru],
            line.amount_cents.cents(),
        );
        if line.id.is_some() {
            row.update(tx.conn)?;
        } else {
            row.insert(tx.conn)?;
        }
    }
    for old in current {
        if !lines.iter().any(|l| l.id.as_deref() == Some(old.row_id())) {
            R::retire(tx.conn, programme_id, old.row_id(), tx.now)?;
        }
    }
    Ok(())
}

fn money_lines_json(lines: &[MoneyLine]) -> serde_json::Value {
    json!(lines
        .iter()
        .map(
            |l| json!({"id": l.id, "label": l.label, "label_kk": l.label_kk,
                        "label_ru": l.label_ru, "amount_cents": l.amount_cents})
        )
        .collect::<Vec<_>>())
}

fn rows_json<'a>(rows: impl Iterator<Item = (&'a str, &'a str, i64)>) -> serde_json::Value {
    json!(rows
        .map(|(id, label, cents)| json!({"id": id, "label": label, "amount_cents": cents}))
        .collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
pub async fn create(
    state: &AppState,
    actor: &Actor,
    command: ProgrammeCommand,
) -> AppResult<String> {
    let command = check_programme(&command, true).map_err(AppError::Validation)?;
    // New lines only: ids are given by the portal.
    let command = ProgrammeCommand {
        budget_lines: command
            .budget_lines
            .into_iter()
            .map(|l| MoneyLine { id: None, ..l })
            .collect(),
        envelopes: command
            .envelopes
            .into_iter()
            .map(|l| MoneyLine { id: None, ..l })
            .collect(),
        ..command
    };
    state
        .write(actor, manage(), Lock::Nothing, move |tx| {
            if q::find_by_reference(tx.conn, &command.reference)?.is_some() {
                return Err(AppError::field(fields::REFERENCE, "error-reference-taken"));
            }
            let row = ProgrammeRow {
                id: new_id(),
                reference: command.reference.clone(),
                title: command.title.clone(),
                entry_into_force: command.entry_into_force.unwrap_or_default(),
                total_budget_cents: command.total_budget.cents(),
                created_by: tx.actor.user_id.clone().unwrap_or_default(),
                created_at: tx.now,
                updated_at: tx.now,
            };
            q::insert(tx.conn, &row).unique_as(fields::REFERENCE, "error-reference-taken")?;
            store_money_lines(tx, &row.id, &command)?;
            tx.audit(
                "programme.created",
                Some(("programme", &row.id)),
                json!({"reference": row.reference, "entry_into_force": row.entry_into_force.to_string(),
                       "total_cents": row.total_budget_cents,
                       "budget_lines": money_lines_json(&command.budget_lines),
                       "envelopes": money_lines_json(&command.envelopes)}),
            )?;
            Ok(row.id)
        })
        .await
}

/// What the published calls of a programme draw on each envelope (by envelope id).
fn envelope_use(
    conn: &mut DbConnection,
    programme_id: &str,
    except_call: &str,
) -> AppResult<HashMap<String, Money>> {
    let mut used: HashMap<String, Money> = HashMap::new();
    for (envelope, cents) in call_q::envelopes_of_other_calls(conn, programme_id, except_call)? {
        let entry = used
            .entry(envelope.unwrap_or_default())
            .or_insert(Money::ZERO);
        // An overflowing sum can only mean "more than any envelope".
        *entry = entry
            .checked_add(Money::from_cents(cents))
            .unwrap_or(Money::MAX);
    }
    Ok(used)
}

/// Changes a programme's identity and money. Checked envelope by envelope against
/// what published calls already use, under the programme's lock (a publication
/// racing this edit waits for it, and the other way round).
#[tracing::instrument(skip_all)]
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: String,
    command: ProgrammeCommand,
) -> AppResult<()> {
    let command = check_programme(&command, false).map_err(AppError::Validation)?;
    state
        .write(actor, manage(), Lock::Programme(id.clone()), move |tx| {
            let before = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if let Some(other) = q::find_by_reference(tx.conn, &command.reference)? {
                if other.id != id {
                    return Err(AppError::field(fields::REFERENCE, "error-reference-taken"));
                }
            }
            let before_lines = q::budget_lines(tx.conn, &id)?;
            let before_envelopes = q::envelopes(tx.conn, &id)?;
            let mut errors: Vec<FieldError> = Vec::new();
            for line in &command.budget_lines {
                if let Some(line_id) = &line.id {
                    if !before_lines.iter().any(|l| &l.id == line_id) {
                        errors.push(FieldError::new(fields::BUDGET_LINES, "error-line-format"));
                        break;
                    }
                }
            }
            let current: Vec<CurrentEnvelope> = before_envelopes
                .iter()
                .map(|e| CurrentEnvelope {
                    id: e.id.clone(),
                    amount: Money::from_cents(e.amount_cents),
                })
                .collect();
            let used = envelope_use(tx.conn, &id, "")?;
            errors.extend(envelope_edit_problems(&command.envelopes, &current, &used));
            if !errors.is_empty() {
                return Err(AppError::Validation(errors));
            }
            q::update_identity(
                tx.conn,
                &id,
                &command.reference,
                &command.title,
                command.total_budget.cents(),
                tx.now,
            )
            .unique_as(fields::REFERENCE, "error-reference-taken")?;
            store_money_lines(tx, &id, &command)?;
            tx.audit(
                "programme.updated",
                Some(("programme", &id)),
                json!({
                    "before": {"reference": before.reference, "title": before.title, "total_cents": before.total_budget_cents,
                               "budget_lines": rows_json(before_lines.iter().map(|l| (l.id.as_str(), l.label.as_str(), l.amount_cents))),
                               "envelopes": rows_json(before_envelopes.iter().map(|l| (l.id.as_str(), l.label.as_str(), l.amount_cents)))},
                    "after": {"reference": command.reference, "title": command.title, "total_cents": command.total_budget.cents(),
                              "budget_lines": money_lines_json(&command.budget_lines),
                              "envelopes": money_lines_json(&command.envelopes)},
                }),
            )
        })
        .await
}

pub fn amendment_of(row: &AmendmentRow) -> Option<Amendment> {
    Some(Amendment {
        which: AmendableDate::parse(&row.date_field)?,
        new_date: row.new_date,
        proposed_on: row.proposed_on,
        effective_on: row.effective_on,
    })
}

fn amendments_of(rows: &[AmendmentRow]) -> Vec<Amendment> {
    rows.iter().filter_map(amendment_of).collect()
}

/// Everything shown about a programme.
pub struct ProgrammeDetail {
    pub programme: ProgrammeRow,
    pub timeline: Timeline,
    pub budget_lines: Vec<BudgetLineRow>,
    pub envelopes: Vec<EnvelopeRow>,
    pub amendments: Vec<AmendmentRow>,
    pub corrections: Vec<DCorrectionRow>,
    pub calls: Vec<CallRow>,
    /// TL-09: a contract signed by both parties, a payment made.
    pub contract_signed: bool,
    pub payment_made: bool,
    /// TL-05, TL-07 recorded as done (loaded for one programme's page; empty in lists).
    pub obligations: Vec<crate::db::programmes::ObligationRow>,
}

impl ProgrammeDetail {
    pub fn grant_budget(&self) -> Money {
        Money::sum(
            self.envelopes
                .iter()
                .map(|e| Money::from_cents(e.amount_cents)),
        )
        .unwrap_or(Money::MAX)
    }

    /// D may still be corrected: no call of the programme was ever published.
    pub fn d_correctable(&self) -> bool {
        self.calls.iter().all(|c| c.published_at.is_none())
    }
}

fn internal_date_error(programme: &ProgrammeRow) -> AppError {
    AppError::Internal(anyhow::anyhow!(
        "programme {} has dates outside the plausible range",
        programme.id
    ))
}

/// The programme's timeline in force on `today` (Almaty).
pub fn timeline_of(
    programme: &ProgrammeRow,
    amendments: &[AmendmentRow],
    today: NaiveDate,
) -> AppResult<Timeline> {
    timeline_on(
        programme.entry_into_force,
        &amendments_of(amendments),
        today,
    )
    .map_err(|_| internal_date_error(programme))
}

/// A programme with its timeline as in force on `today` (Almaty).
pub fn load_detail(
    conn: &mut DbConnection,
    id: &str,
    today: NaiveDate,
) -> AppResult<ProgrammeDetail> {
    let programme = q::find(conn, id)?.ok_or(AppError::NotFound)?;
    let amendments = q::amendments(conn, id)?;
    let timeline = timeline_of(&programme, &amendments, today)?;
    let (signed, paid) = crate::db::contracts::programmes_signed_and_paid(
        conn,
        std::slice::from_ref(&programme.id),
    )?;
    Ok(ProgrammeDetail {
        obligations: q::obligations(conn, id)?,
        budget_lines: q::budget_lines(conn, id)?,
        envelopes: q::envelopes(conn, id)?,
        corrections: q::d_corrections(conn, id)?,
        calls: call_q::list_for_programme(conn, id)?,
        contract_signed: signed.contains(&programme.id),
        payment_made: paid.contains(&programme.id),
        programme,
        timeline,
        amendments,
    })
}

/// Programmes are public data (the API reads them without a token).
#[tracing::instrument(skip_all)]
pub async fn detail(state: &AppState, id: String) -> AppResult<ProgrammeDetail> {
    let today = crate::domain::time::local_date(state.clock.now());
    state.db(move |conn| load_detail(conn, &id, today)).await
}

/// Every programme with its details: eight queries, whatever the number of programmes.
#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState) -> AppResult<Vec<ProgrammeDetail>> {
    let today = crate::domain::time::local_date(state.clock.now());
    state
        .db(move |conn| {
            let rows = q::list(conn)?;
            let ids: Vec<String> = rows.iter().map(|p| p.id.clone()).collect();
            let mut lines = group_by(q::budget_lines_of(conn, &ids)?, |l| &l.programme_id);
            let mut envelopes = group_by(q::envelopes_of(conn, &ids)?, |e| &e.programme_id);
            let mut amendments = group_by(q::amendments_of(conn, &ids)?, |a| &a.programme_id);
            let mut corrections = group_by(q::d_corrections_of(conn, &ids)?, |c| &c.programme_id);
            let mut calls = group_by(call_q::list_for_programmes(conn, &ids)?, |c| {
                &c.programme_id
            });
            let (signed, paid) = crate::db::contracts::programmes_signed_and_paid(conn, &ids)?;
            rows.into_iter()
                .map(|programme| {
                    let amendments = amendments.remove(&programme.id).unwrap_or_default();
                    Ok(ProgrammeDetail {
                        timeline: timeline_of(&programme, &amendments, today)?,
                        budget_lines: lines.remove(&programme.id).unwrap_or_default(),
                        envelopes: envelopes.remove(&programme.id).unwrap_or_default(),
                        corrections: corrections.remove(&programme.id).unwrap_or_default(),
                        calls: calls.remove(&programme.id).unwrap_or_default(),
                        contract_signed: signed.contains(&programme.id),
                        payment_made: paid.contains(&programme.id),
                        obligations: Vec::new(),
                        amendments,
                        programme,
                    })
                })
                .collect()
        })
        .await
}

/// A recorded amendment as typed (dates as written, checked here).
pub struct AmendmentInput {
    pub date_field: String,
    pub new_date: String,
    pub effective_on: String,
    pub reason: String,
    pub addendum_reference: String,
}

/// TL-05, TL-07: records that a Steering Committee report was sent or the unused balance
/// decommitted, for one of the programme's dates: on a day not in the future, once.
#[tracing::instrument(skip_all)]
pub async fn record_obligation(
    state: &AppState,
    actor: &Actor,
    id: String,
    rule: String,
    due_on: String,
    done_on: String,
    note: String,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let due = parse_date(due_on.trim()).ok();
    let done = match parse_date(done_on.trim()) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(FieldError::new("done_on", e.message_key()));
            None
        }
    };
    let note = text::text("note", &note, 2000, false)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(done), Some(note), true) = (done, note, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    state
        .write(actor, manage(), Lock::Programme(id.clone()), move |tx| {
            let today = tx.today();
            let detail = load_detail(tx.conn, &id, today)?;
            let obligation = detail
                .timeline
                .obligations()
                .into_iter()
                .find(|(r, d)| *r == rule && Some(*d) == due)
                .ok_or(AppError::NotFound)?;
            if done > today {
                return Err(AppError::field("done_on", "error-obligation-future"));
            }
            let row = q::ObligationRow {
                programme_id: id.clone(),
                rule: obligation.0.to_string(),
                due_on: obligation.1,
                done_on: done,
                note: note.clone(),
                recorded_by: tx.actor.user_id.clone().unwrap_or_default(),
                recorded_at: tx.now,
            };
            if !q::record_obligation(tx.conn, &row)? {
                return Err(AppError::Conflict("error-obligation-recorded"));
            }
            tx.audit(
                "programme.obligation_recorded",
                Some(("programme", &id)),
                json!({"rule": obligation.0, "due_on": obligation.1, "done_on": done, "note": note}),
            )
        })
        .await
}

/// Rule TL-06: records a signed addendum moving one programme date. Checked with every
/// recorded amendment, pending ones included, under the programme's lock.
#[tracing::instrument(skip_all)]
pub async fn record_amendment(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: AmendmentInput,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let which = AmendableDate::parse(&input.date_field);
    if which.is_none() {
        errors.push(FieldError::new("date_field", "error-required"));
    }
    let mut date = |field: &'static str, value: &str| match parse_date(value) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(FieldError::new(field, e.message_key()));
            None
        }
    };
    let new_date = date("new_date", &input.new_date);
    let effective_on = date("effective_on", &input.effective_on);
    let reason = text::text("reason", &input.reason, 2000, true)
        .map_err(|e| errors.push(e))
        .ok();
    let addendum = text::line("addendum_reference", &input.addendum_reference, 200)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(which), Some(new_date), Some(effective_on), Some(reason), Some(addendum), true) = (
        which,
        new_date,
        effective_on,
        reason,
        addendum,
        errors.is_empty(),
    ) else {
        return Err(AppError::Validation(errors));
    };
    state
        .write(actor, manage(), Lock::Programme(id.clone()), move |tx| {
            let today = tx.today();
            let programme = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            let rows = q::amendments(tx.conn, &id)?;
            let proposed = Amendment {
                which,
                new_date,
                proposed_on: today,
                effective_on,
            };
            check_amendment(programme.entry_into_force, &amendments_of(&rows), &proposed)
                .map_err(|p| AppError::field(p.field(), p.message_key()))?;
            // The date it replaces: as it will stand just before this takes effect.
            let before = timeline_on(
                programme.entry_into_force,
                &amendments_of(&rows),
                effective_on.pred_opt().unwrap_or(effective_on),
            )
            .map_err(|_| internal_date_error(&programme))?;
            let row = AmendmentRow {
                id: new_id(),
                programme_id: id.clone(),
                date_field: which.as_str().to_string(),
                old_date: before.date_of(which),
                new_date,
                reason: reason.clone(),
                addendum_reference: addendum.clone(),
                proposed_on: today,
                effective_on,
                recorded_by: tx.actor.email.clone().unwrap_or_default(),
                recorded_at: tx.now,
            };
            q::insert_amendment(tx.conn, &row)?;
            tx.audit(
                "programme.amended",
                Some(("programme", &id)),
                json!({"date": which.as_str(), "before": row.old_date.to_string(), "after": new_date.to_string(),
                       "reason": reason, "addendum": addendum, "effective_on": effective_on.to_string()}),
            )
        })
        .await
}

/// Corrects the entry into force D (a typing error, a later last signature) while no
/// call of the programme has been published: recorded with the reason and audited.
/// Every date computed from D moves with it; recorded amendments must still hold.
#[tracing::instrument(skip_all)]
pub async fn correct_entry_into_force(
    state: &AppState,
    actor: &Actor,
    id: String,
    new_d: String,
    reason: String,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let new_d = parse_date(&new_d)
        .map_err(|e| errors.push(FieldError::new("entry_into_force", e.message_key())))
        .ok();
    let reason = text::text("reason", &reason, 2000, true)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(new_d), Some(reason), true) = (new_d, reason, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    state
        .write(actor, manage(), Lock::Programme(id.clone()), move |tx| {
            let programme = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if call_q::any_published(tx.conn, &id)? {
                return Err(AppError::Conflict("error-d-after-publication"));
            }
            if new_d == programme.entry_into_force {
                return Err(AppError::field("entry_into_force", "error-amendment-unchanged"));
            }
            plausible_date(new_d).map_err(|e| AppError::field("entry_into_force", e.message_key()))?;
            let amendments = amendments_of(&q::amendments(tx.conn, &id)?);
            if !amendments_hold(new_d, &amendments) {
                return Err(AppError::field("entry_into_force", "error-d-breaks-amendments"));
            }
            q::set_entry_into_force(tx.conn, &id, new_d, tx.now)?;
            let row = DCorrectionRow {
                id: new_id(),
                programme_id: id.clone(),
                old_date: programme.entry_into_force,
                new_date: new_d,
                reason: reason.clone(),
                recorded_by: tx.actor.email.clone().unwrap_or_default(),
                recorded_at: tx.now,
            };
            q::insert_d_correction(tx.conn, &row)?;
            tx.audit(
                "programme.d_corrected",
                Some(("programme", &id)),
                json!({"before": programme.entry_into_force.to_string(), "after": new_d.to_string(), "reason": reason}),
            )
        })
        .await
}
