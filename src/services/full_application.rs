//! Writing the full application, section by section (PRAG part B): each save replaces
//! one section of the stored document, only when nobody saved since the version the
//! writer read, so that two members never silently overwrite each other.

use serde_json::json;

use crate::db::applications::{self as q, ApplicationRow};
use crate::domain::applications::Stage;
use crate::domain::budget::{self, Budget};
use crate::domain::full_application::{
    Activity, Declaration, FullApplication, Logframe, MAX_ACTIVITIES, MAX_INDICATORS, MAX_RESULTS,
};
use crate::domain::money::Money;
use crate::domain::text;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::Actor;
use crate::state::AppState;

/// The longest free text of a section (the word limits are shown, and enforced at
/// submission).
const LONG_TEXT: usize = 60_000;
/// A logframe statement, an indicator, an activity or a budget line's description.
const SHORT_TEXT: usize = 1_000;

/// One section of the full application as typed.
#[derive(Debug, Clone)]
pub enum FullSection {
    Description {
        description: String,
        sustainability: String,
    },
    Logframe(Logframe),
    WorkPlan(Vec<Activity>),
    Budget(Budget),
    /// The declaration by the applicant: signed now by the person saving it, in the
    /// name and position they give.
    Declaration {
        name: String,
        position: String,
    },
}

impl FullSection {
    pub fn name(&self) -> &'static str {
        match self {
            FullSection::Description { .. } => "description",
            FullSection::Logframe(_) => "logframe",
            FullSection::WorkPlan(_) => "workplan",
            FullSection::Budget(_) => "budget",
            FullSection::Declaration { .. } => "declaration",
        }
    }
}

/// Checks what a save may store (sizes and shapes; completeness waits for submission),
/// returning the section cleaned (texts trimmed, line breaks normalised).
fn checked(section: FullSection) -> Result<FullSection, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut long = |field: &'static str, v: &str| {
        text::text(field, v, LONG_TEXT, false).unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        })
    };
    let section = match section {
        FullSection::Description {
            description,
            sustainability,
        } => FullSection::Description {
            description: long("description", &description),
            sustainability: long("sustainability", &sustainability),
        },
        FullSection::Logframe(mut l) => {
            l.overall_objective = long("overall_objective", &l.overall_objective);
            l.specific_objective = long("specific_objective", &l.specific_objective);
            if l.results.len() > MAX_RESULTS {
                errors.push(FieldError::new("results", "error-too-many-rows"));
            }
            for (i, r) in l.results.iter_mut().enumerate() {
                let n = i + 1;
                short(&mut errors, format!("result-{n}"), &mut r.statement);
                if r.indicators.len() > MAX_INDICATORS {
                    errors.push(FieldError::named(
                        format!("result-{n}"),
                        "error-too-many-rows",
                    ));
                }
                for (j, ind) in r.indicators.iter_mut().enumerate() {
                    let field = format!("indicator-{n}-{}", j + 1);
                    for v in [&mut ind.name, &mut ind.baseline, &mut ind.target] {
                        short(&mut errors, field.clone(), v);
                    }
                    if [ind.target_women, ind.target_men]
                        .iter()
                        .flatten()
                        .any(|v| !(0..=100_000_000).contains(v))
                    {
                        errors.push(FieldError::named(field, "error-number-invalid"));
                    }
                }
            }
            FullSection::Logframe(l)
        }
        FullSection::WorkPlan(mut activities) => {
            if activities.len() > MAX_ACTIVITIES {
                errors.push(FieldError::new("activities", "error-too-many-rows"));
            }
            for (i, a) in activities.iter_mut().enumerate() {
                let field = format!("activity-{}", i + 1);
                short(&mut errors, field.clone(), &mut a.title);
                a.months.sort_unstable();
                a.months.dedup();
                if a.months.iter().any(|m| !(1..=48).contains(m)) {
                    errors.push(FieldError::named(field, "error-activity-month-outside"));
                }
            }
            FullSection::WorkPlan(activities)
        }
        FullSection::Budget(mut b) => {
            if b.lines.len() > budget::MAX_LINES {
                errors.push(FieldError::new("lines", "error-too-many-rows"));
            }
            for (i, line) in b.lines.iter_mut().enumerate() {
                let field = format!("line-{}", i + 1);
                short(&mut errors, field.clone(), &mut line.description);
                short(&mut errors, field.clone(), &mut line.unit);
                if !(1..=6).contains(&line.heading) {
                    errors.push(FieldError::named(
                        field.clone(),
                        "error-budget-line-heading",
                    ));
                }
                if !(1..=4).contains(&line.year) {
                    errors.push(FieldError::named(field.clone(), "error-budget-line-year"));
                }
                if !(0..=100_000_000).contains(&line.quantity_hundredths)
                    || !(Money::ZERO..=Money::MAX).contains(&line.unit_cost)
                {
                    errors.push(FieldError::named(field, "error-number-invalid"));
                }
            }
            let f = &b.funding;
            if [
                b.contingency,
                b.indirect,
                f.eu_contribution,
                f.own_contribution,
                f.other_donors,
                f.income,
                f.in_kind,
            ]
            .iter()
            .any(|m| !(Money::ZERO..=Money::MAX).contains(m))
            {
                errors.push(FieldError::new("funding", "error-amount-invalid"));
            }
            if errors.is_empty() && budget::summarise(&b).is_none() {
                errors.push(FieldError::new("lines", "error-budget-too-large"));
            }
            FullSection::Budget(b)
        }
        FullSection::Declaration { name, position } => {
            let mut line = |field: &'static str, v: &str| {
                text::line(field, v, 200)
                    .and_then(|v| {
                        if v.is_empty() {
                            Err(FieldError::new(field, "error-required"))
                        } else {
                            Ok(v)
                        }
                    })
                    .unwrap_or_else(|e| {
                        errors.push(e);
                        String::new()
                    })
            };
            FullSection::Declaration {
                name: line("declaration_name", &name),
                position: line("declaration_position", &position),
            }
        }
    };
    if errors.is_empty() {
        Ok(section)
    } else {
        Err(errors)
    }
}

/// A short text of a row: one paragraph, at most `SHORT_TEXT` characters.
fn short(errors: &mut Vec<FieldError>, field: String, value: &mut String) {
    match text::text("text", value, SHORT_TEXT, false) {
        Ok(v) => *value = v,
        Err(e) => errors.push(FieldError::named(field, e.code)),
    }
}

/// Saves one section if nobody saved since `version` was read; otherwise returns what
/// is stored now, so that both versions can be shown and nothing is lost.
#[tracing::instrument(skip_all)]
pub async fn save_section(
    state: &AppState,
    actor: &Actor,
    id: String,
    version: i32,
    section: FullSection,
) -> AppResult<Result<(), ApplicationRow>> {
    let section = checked(section).map_err(AppError::Validation)?;
    super::applications::edit(state, actor, id.clone(), move |tx, stored, _| {
                if Stage::parse(&stored.stage) != Stage::Full {
                    return Err(AppError::Conflict("error-full-application-not-invited"));
                }
                if stored.version != version {
                    tx.nothing_changed();
                    return Ok(Err(stored));
                }
                let mut full = FullApplication::from_json(&stored.full_application);
                let name = section.name();
                let details = match section.clone() {
                    FullSection::Description {
                        description,
                        sustainability,
                    } => {
                        let words = json!({
                            "description_words": crate::domain::applications::count_words(&description),
                            "sustainability_words": crate::domain::applications::count_words(&sustainability),
                        });
                        full.description = description;
                        full.sustainability = sustainability;
                        words
                    }
                    FullSection::Logframe(l) => {
                        let d = json!({"results": l.results.len()});
                        full.logframe = l;
                        d
                    }
                    FullSection::WorkPlan(a) => {
                        let d = json!({"activities": a.len()});
                        full.work_plan = a;
                        d
                    }
                    FullSection::Budget(b) => {
                        let s = budget::summarise(&b);
                        let d = json!({"lines": b.lines.len(),
                                       "total_eligible_cents": s.map(|s| s.total_eligible.cents()),
                                       "eu_contribution_cents": b.funding.eu_contribution.cents()});
                        full.budget = b;
                        d
                    }
                    FullSection::Declaration { name, position } => {
                        full.declaration = Some(Declaration {
                            name: name.clone(),
                            position: position.clone(),
                            signed_by: tx.actor.user_id.clone().unwrap_or_default(),
                            signed_at: tx.now,
                        });
                        json!({"name": name, "position": position})
                    }
                };
                let mut row = stored.clone();
                row.full_application = full.to_json();
                row.updated_by = tx.actor.user_id.clone().unwrap_or_default();
                row.updated_at = tx.now;
                if !q::save_full_application(tx.conn, &row, version)? {
                    tx.nothing_changed();
                    let now = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
                    return Ok(Err(now));
                }
                tx.audit(
                    "application.full_section_saved",
                    Some(("application", &id)),
                    json!({"section": name, "version": version + 1, "details": details}),
                )?;
                Ok(Ok(()))
            },
        )
        .await
}
