//! Programmes: create and edit (identity and money), amendments of their dates (TL-06),
//! and the computed timeline.

use chrono::NaiveDate;
use serde_json::json;

use super::{audit, new_id, Actor};
use crate::db::calls::{self as call_q, CallRow};
use crate::db::programmes::{self as q, AmendmentRow, BudgetLineRow, EnvelopeRow, ProgrammeRow};
use crate::db::DbConnection;
use crate::domain::access::Action;
use crate::domain::money::Money;
use crate::domain::programme::{budget_problems, parse_labelled_amounts};
use crate::domain::timeline::{check_amendment, AmendableDate, Overrides, Timeline};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What the programme form sends.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeInput {
    pub reference: String,
    pub title: String,
    /// Only read on creation: afterwards D changes through amendments only.
    pub entry_into_force: String,
    pub total_budget: String,
    pub budget_lines: String,
    pub envelopes: String,
}

struct Parsed {
    reference: String,
    title: String,
    d: Option<NaiveDate>,
    total: Money,
    lines: Vec<(String, Money)>,
    envelopes: Vec<(String, Money)>,
}

fn parse_input(input: &ProgrammeInput, creating: bool) -> Result<Parsed, AppError> {
    let mut errors = Vec::new();
    let reference = input.reference.trim().to_string();
    if reference.is_empty()
        || reference.chars().count() > 100
        || reference.chars().any(char::is_control)
    {
        errors.push(FieldError::new("reference", "error-required"));
    }
    let title = input.title.trim().to_string();
    if title.is_empty() || title.chars().count() > 300 || title.chars().any(char::is_control) {
        errors.push(FieldError::new("title", "error-required"));
    }
    let d = if creating {
        match NaiveDate::parse_from_str(input.entry_into_force.trim(), "%Y-%m-%d") {
            // Financing agreements of this kind are signed in this century.
            Ok(d) if (2000..=2100).contains(&chrono::Datelike::year(&d)) => Some(d),
            _ => {
                errors.push(FieldError::new("entry_into_force", "error-date-invalid"));
                None
            }
        }
    } else {
        None
    };
    let total = Money::parse(&input.total_budget).unwrap_or_else(|_| {
        errors.push(FieldError::new("total_budget", "error-amount-invalid"));
        Money::ZERO
    });
    let lines = parse_labelled_amounts(&input.budget_lines).unwrap_or_else(|(_, code)| {
        errors.push(FieldError::new("budget_lines", code));
        Vec::new()
    });
    let envelopes = parse_labelled_amounts(&input.envelopes).unwrap_or_else(|(_, code)| {
        errors.push(FieldError::new("envelopes", code));
        Vec::new()
    });
    if envelopes.is_empty() && !errors.iter().any(|e| e.field == "envelopes") {
        errors.push(FieldError::new("envelopes", "error-envelopes-required"));
    }
    if errors.is_empty() {
        for (field, code) in budget_problems(total, &lines, &envelopes) {
            errors.push(FieldError::new(field, code));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(Parsed {
        reference,
        title,
        d,
        total,
        lines,
        envelopes,
    })
}

fn store_money_lists(conn: &mut DbConnection, programme_id: &str, p: &Parsed) -> AppResult<()> {
    let lines: Vec<BudgetLineRow> = p
        .lines
        .iter()
        .enumerate()
        .map(|(i, (label, amount))| BudgetLineRow {
            id: new_id(),
            programme_id: programme_id.to_string(),
            position: i as i32 + 1,
            label: label.clone(),
            amount_cents: amount.cents(),
        })
        .collect();
    q::replace_budget_lines(conn, programme_id, &lines)?;
    let envelopes: Vec<EnvelopeRow> = p
        .envelopes
        .iter()
        .enumerate()
        .map(|(i, (label, amount))| EnvelopeRow {
            id: new_id(),
            programme_id: programme_id.to_string(),
            position: i as i32 + 1,
            label: label.clone(),
            amount_cents: amount.cents(),
        })
        .collect();
    q::replace_envelopes(conn, programme_id, &envelopes)?;
    Ok(())
}

pub async fn create(state: &AppState, actor: &Actor, input: ProgrammeInput) -> AppResult<String> {
    actor.require(Action::ManageProgrammes)?;
    let p = parse_input(&input, true)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            if q::find_by_reference(conn, &p.reference)?.is_some() {
                return Err(AppError::field("reference", "error-reference-taken"));
            }
            let row = ProgrammeRow {
                id: new_id(),
                reference: p.reference.clone(),
                title: p.title.clone(),
                entry_into_force: p.d.unwrap_or_default(),
                total_budget_cents: p.total.cents(),
                created_by: actor.user_id.clone().unwrap_or_default(),
                created_at: now,
                updated_at: now,
            };
            q::insert(conn, &row)?;
            store_money_lists(conn, &row.id, &p)?;
            audit::record(
                conn,
                now,
                &actor,
                "programme.created",
                Some(("programme", &row.id)),
                json!({"reference": row.reference, "entry_into_force": row.entry_into_force.to_string(), "total_cents": row.total_budget_cents}),
            )?;
            Ok(row.id)
        })
        .await
}

pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: ProgrammeInput,
) -> AppResult<()> {
    actor.require(Action::ManageProgrammes)?;
    let p = parse_input(&input, false)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let before = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if let Some(other) = q::find_by_reference(conn, &p.reference)? {
                if other.id != id {
                    return Err(AppError::field("reference", "error-reference-taken"));
                }
            }
            // The envelopes must still hold the calls already using them.
            let used = Money::sum(call_q::envelopes_of_other_calls(conn, &id, "")?.into_iter().map(|(_, c)| Money::from_cents(c)));
            let grant_budget = Money::sum(p.envelopes.iter().map(|e| e.1));
            if used.zip(grant_budget).is_none_or(|(used, budget)| used > budget) {
                return Err(AppError::field("envelopes", "error-envelopes-below-calls"));
            }
            let before_lines = q::budget_lines(conn, &id)?;
            let before_env = q::envelopes(conn, &id)?;
            q::update_identity(conn, &id, &p.reference, &p.title, p.total.cents(), now)?;
            store_money_lists(conn, &id, &p)?;
            audit::record(
                conn,
                now,
                &actor,
                "programme.updated",
                Some(("programme", &id)),
                json!({
                    "before": {"reference": before.reference, "title": before.title, "total_cents": before.total_budget_cents,
                               "budget_lines": before_lines.iter().map(|l| (l.label.clone(), l.amount_cents)).collect::<Vec<_>>(),
                               "envelopes": before_env.iter().map(|l| (l.label.clone(), l.amount_cents)).collect::<Vec<_>>()},
                    "after": {"reference": p.reference, "title": p.title, "total_cents": p.total.cents(),
                              "budget_lines": p.lines.iter().map(|l| (l.0.clone(), l.1.cents())).collect::<Vec<_>>(),
                              "envelopes": p.envelopes.iter().map(|l| (l.0.clone(), l.1.cents())).collect::<Vec<_>>()},
                }),
            )
        })
        .await
}

/// The latest amendment of each date in force on `today` wins (TL-06: an amendment
/// counts from the day it takes effect).
pub fn overrides_from(amendments: &[AmendmentRow], today: NaiveDate) -> Overrides {
    let mut o = Overrides::default();
    for a in amendments.iter().filter(|a| a.effective_on <= today) {
        if let Some(which) = AmendableDate::parse(&a.date_field) {
            o.set(which, a.new_date);
        }
    }
    o
}

/// Everything shown about a programme.
pub struct ProgrammeDetail {
    pub programme: ProgrammeRow,
    pub timeline: Timeline,
    pub budget_lines: Vec<BudgetLineRow>,
    pub envelopes: Vec<EnvelopeRow>,
    pub amendments: Vec<AmendmentRow>,
    pub calls: Vec<CallRow>,
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
}

/// A programme with its timeline as in force on `today` (Almaty).
pub fn load_detail(
    conn: &mut DbConnection,
    id: &str,
    today: NaiveDate,
) -> AppResult<ProgrammeDetail> {
    let programme = q::find(conn, id)?.ok_or(AppError::NotFound)?;
    let amendments = q::amendments(conn, id)?;
    let timeline = Timeline::compute(
        programme.entry_into_force,
        &overrides_from(&amendments, today),
    );
    Ok(ProgrammeDetail {
        budget_lines: q::budget_lines(conn, id)?,
        envelopes: q::envelopes(conn, id)?,
        calls: call_q::list_for_programme(conn, id)?,
        programme,
        timeline,
        amendments,
    })
}

/// Programmes are public data (the API reads them without a token).
pub async fn detail(state: &AppState, id: String) -> AppResult<ProgrammeDetail> {
    let today = crate::clock::local_date(state.clock.now());
    state.db(move |conn| load_detail(conn, &id, today)).await
}

pub async fn list(state: &AppState) -> AppResult<Vec<ProgrammeDetail>> {
    let today = crate::clock::local_date(state.clock.now());
    state
        .db(move |conn| {
            let rows = q::list(conn)?;
            rows.iter()
                .map(|p| load_detail(conn, &p.id, today))
                .collect()
        })
        .await
}

pub struct AmendmentInput {
    pub date_field: String,
    pub new_date: String,
    pub effective_on: String,
    pub reason: String,
    pub addendum_reference: String,
}

/// Rule TL-06: records a signed addendum moving one programme date.
pub async fn record_amendment(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: AmendmentInput,
) -> AppResult<()> {
    actor.require(Action::ManageProgrammes)?;
    let mut errors = Vec::new();
    let which = AmendableDate::parse(&input.date_field);
    if which.is_none() {
        errors.push(FieldError::new("date_field", "error-required"));
    }
    let new_date = NaiveDate::parse_from_str(input.new_date.trim(), "%Y-%m-%d").ok();
    if new_date.is_none() {
        errors.push(FieldError::new("new_date", "error-date-invalid"));
    }
    let effective_on = NaiveDate::parse_from_str(input.effective_on.trim(), "%Y-%m-%d").ok();
    if effective_on.is_none() {
        errors.push(FieldError::new("effective_on", "error-date-invalid"));
    }
    let reason = input.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 2000 {
        errors.push(FieldError::new("reason", "error-required"));
    }
    let addendum = input.addendum_reference.trim().to_string();
    if addendum.is_empty() || addendum.chars().count() > 200 {
        errors.push(FieldError::new("addendum_reference", "error-required"));
    }
    let (Some(which), Some(new_date), Some(effective_on)) = (which, new_date, effective_on) else {
        return Err(AppError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = state.clock.now();
    let today = crate::clock::local_date(now);
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let detail = load_detail(conn, &id, today)?;
            check_amendment(&detail.timeline, which, new_date, today, effective_on)
                .map_err(|p| AppError::field("new_date", p.message_key()))?;
            let row = AmendmentRow {
                id: new_id(),
                programme_id: id.clone(),
                date_field: which.as_str().to_string(),
                old_date: detail.timeline.date_of(which),
                new_date,
                reason: reason.clone(),
                addendum_reference: addendum.clone(),
                proposed_on: today,
                effective_on,
                recorded_by: actor.email.clone().unwrap_or_default(),
                recorded_at: now,
            };
            q::insert_amendment(conn, &row)?;
            audit::record(
                conn,
                now,
                &actor,
                "programme.amended",
                Some(("programme", &id)),
                json!({"date": which.as_str(), "before": row.old_date.to_string(), "after": new_date.to_string(),
                       "reason": reason, "addendum": addendum, "effective_on": effective_on.to_string()}),
            )
        })
        .await
}
