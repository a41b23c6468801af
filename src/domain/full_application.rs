//! The full application (PRAG grant application form, part B): the description of the
//! action, its logical framework, the work plan by month, sustainability, the budget
//! (see `budget`) and the declaration by the applicant. Stored as one JSON document, so
//! that what was submitted can be frozen and hashed as it stands.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::applications::count_words;
use super::budget::{self, Budget, BudgetContext};

/// The full application's sections, in the form's order.
pub const SECTIONS: [&str; 5] = [
    "description",
    "logframe",
    "workplan",
    "budget",
    "declaration",
];

/// Word limits of the free-text parts (PRAG: description of the action about ten pages,
/// sustainability about three).
pub const DESCRIPTION_WORDS: usize = 5000;
pub const SUSTAINABILITY_WORDS: usize = 1500;
/// Bounds on the number of rows, far above any real action.
pub const MAX_RESULTS: usize = 20;
pub const MAX_INDICATORS: usize = 10;
pub const MAX_ACTIVITIES: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FullApplication {
    pub description: String,
    pub sustainability: String,
    pub logframe: Logframe,
    pub work_plan: Vec<Activity>,
    pub budget: Budget,
    pub declaration: Option<Declaration>,
}

/// The logical framework: what the action changes and how that is measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Logframe {
    pub overall_objective: String,
    pub specific_objective: String,
    pub results: Vec<ExpectedResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExpectedResult {
    pub statement: String,
    pub indicators: Vec<Indicator>,
}

/// An indicator with its baseline and target; an indicator about people gives its
/// target for women and for men as well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Indicator {
    pub name: String,
    pub baseline: String,
    pub target: String,
    pub about_people: bool,
    pub target_women: Option<i64>,
    pub target_men: Option<i64>,
}

/// An activity of the work plan: which result it serves and in which months (1 = the
/// first month of the action).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Activity {
    pub title: String,
    /// 1-based number of the expected result (0: none).
    pub result: u8,
    pub months: Vec<u16>,
}

/// The declaration by the applicant, signed by a member in the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub name: String,
    pub position: String,
    pub signed_by: String,
    pub signed_at: NaiveDateTime,
}

impl FullApplication {
    /// The stored document; an unreadable one (never written by this code) is empty.
    pub fn from_json(s: &str) -> FullApplication {
        serde_json::from_str(s).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}

/// The years of an action of `months` (a 13-month action has two).
pub fn years_of(months: i32) -> u8 {
    u8::try_from((months.max(1) + 11) / 12).unwrap_or(4)
}

/// A problem that stops submission, at the section and field where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub section: &'static str,
    pub field: String,
    pub code: &'static str,
    /// The figures its message shows (the value and the limit).
    pub args: Vec<(&'static str, String)>,
}

fn problem(section: &'static str, field: impl Into<String>, code: &'static str) -> Problem {
    Problem {
        section,
        field: field.into(),
        code,
        args: Vec::new(),
    }
}

/// Everything that stops the full application's submission, section by section: every
/// part written within its limits, a logframe whose results have measurable indicators
/// (by gender where about people), a work plan inside the action's months, a budget
/// whose lines are complete and which meets APP-01…APP-04, and the declaration signed.
pub fn full_application_problems(f: &FullApplication, c: &BudgetContext<'_>) -> Vec<Problem> {
    let mut out = Vec::new();
    for (field, text, limit) in [
        ("description", &f.description, DESCRIPTION_WORDS),
        ("sustainability", &f.sustainability, SUSTAINABILITY_WORDS),
    ] {
        let words = count_words(text);
        if words == 0 {
            out.push(problem("description", field, "error-section-empty"));
        } else if words > limit {
            let mut p = problem("description", field, "error-section-too-long");
            p.args = vec![("words", words.to_string()), ("limit", limit.to_string())];
            out.push(p);
        }
    }
    let l = &f.logframe;
    if l.overall_objective.trim().is_empty() {
        out.push(problem("logframe", "overall_objective", "error-required"));
    }
    if l.specific_objective.trim().is_empty() {
        out.push(problem("logframe", "specific_objective", "error-required"));
    }
    if l.results.is_empty() {
        out.push(problem("logframe", "results", "error-logframe-no-results"));
    }
    for (i, r) in l.results.iter().enumerate() {
        let n = i + 1;
        if r.statement.trim().is_empty() {
            out.push(problem(
                "logframe",
                format!("result-{n}"),
                "error-result-statement",
            ));
        }
        if r.indicators.is_empty() {
            out.push(problem(
                "logframe",
                format!("result-{n}"),
                "error-result-no-indicator",
            ));
        }
        for (j, ind) in r.indicators.iter().enumerate() {
            let field = format!("indicator-{n}-{}", j + 1);
            if [&ind.name, &ind.baseline, &ind.target]
                .iter()
                .any(|s| s.trim().is_empty())
            {
                out.push(problem(
                    "logframe",
                    field.clone(),
                    "error-indicator-incomplete",
                ));
            }
            if ind.about_people && (ind.target_women.is_none() || ind.target_men.is_none()) {
                out.push(problem("logframe", field, "error-indicator-gender"));
            }
        }
    }
    let months = c.duration_months.unwrap_or(0);
    if f.work_plan.is_empty() {
        out.push(problem("workplan", "activities", "error-workplan-empty"));
    }
    for (i, a) in f.work_plan.iter().enumerate() {
        let field = format!("activity-{}", i + 1);
        if a.title.trim().is_empty() {
            out.push(problem("workplan", field.clone(), "error-activity-title"));
        }
        if a.months.is_empty() {
            out.push(problem(
                "workplan",
                field.clone(),
                "error-activity-no-month",
            ));
        }
        if a.months.iter().any(|m| *m < 1 || i32::from(*m) > months) {
            out.push(problem(
                "workplan",
                field.clone(),
                "error-activity-month-outside",
            ));
        }
        if usize::from(a.result) > l.results.len() {
            out.push(problem("workplan", field, "error-activity-result"));
        }
    }
    let b = &f.budget;
    if b.lines.is_empty() {
        out.push(problem("budget", "lines", "error-budget-no-lines"));
    }
    let years = years_of(months);
    for (i, line) in b.lines.iter().enumerate() {
        let field = format!("line-{}", i + 1);
        if line.description.trim().is_empty()
            || line.unit.trim().is_empty()
            || line.quantity_hundredths <= 0
            || line.unit_cost <= super::money::Money::ZERO
        {
            out.push(problem(
                "budget",
                field.clone(),
                "error-budget-line-incomplete",
            ));
        }
        if !(1..=6).contains(&line.heading) {
            out.push(problem(
                "budget",
                field.clone(),
                "error-budget-line-heading",
            ));
        }
        if line.year < 1 || line.year > years {
            out.push(problem("budget", field, "error-budget-line-year"));
        }
    }
    match budget::summarise(b) {
        None => out.push(problem("budget", "lines", "error-budget-too-large")),
        Some(s) => {
            for check in budget::budget_checks(&s, &b.funding, c) {
                if !check.met {
                    out.push(problem("budget", "rules", check.key));
                }
            }
        }
    }
    if f.declaration.is_none() {
        out.push(problem(
            "declaration",
            "declaration",
            "error-declaration-unsigned",
        ));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::budget::{BudgetLine, Funding};
    use crate::domain::calls::default_lots;
    use crate::domain::money::Money;

    /// A complete full application of 24 months that meets every rule of lot 2.
    pub(crate) fn complete() -> FullApplication {
        FullApplication {
            description: "Wells for twelve villages near Aral.".into(),
            sustainability: "The akimat maintains them.".into(),
            logframe: Logframe {
                overall_objective: "Safe water".into(),
                specific_objective: "Twelve villages have wells".into(),
                results: vec![ExpectedResult {
                    statement: "Wells built".into(),
                    indicators: vec![Indicator {
                        name: "People with safe water".into(),
                        baseline: "0".into(),
                        target: "3000".into(),
                        about_people: true,
                        target_women: Some(1550),
                        target_men: Some(1450),
                    }],
                }],
            },
            work_plan: vec![Activity {
                title: "Drilling".into(),
                result: 1,
                months: vec![1, 2, 24],
            }],
            budget: Budget {
                lines: vec![
                    BudgetLine {
                        heading: 1,
                        description: "Engineer".into(),
                        unit: "month".into(),
                        quantity_hundredths: 2400,
                        unit_cost: Money::euros(2_500),
                        year: 1,
                    },
                    BudgetLine {
                        heading: 3,
                        description: "Drill".into(),
                        unit: "piece".into(),
                        quantity_hundredths: 100,
                        unit_cost: Money::euros(40_000),
                        year: 2,
                    },
                ],
                contingency: Money::euros(5_000),
                indirect: Money::euros(7_350),
                funding: Funding {
                    eu_contribution: Money::from_cents(10_111_500),
                    own_contribution: Money::from_cents(1_123_500),
                    ..Funding::default()
                },
            },
            declaration: Some(Declaration {
                name: "Aigerim".into(),
                position: "Director".into(),
                signed_by: "u1".into(),
                signed_at: NaiveDateTime::default(),
            }),
        }
    }

    fn codes(f: &FullApplication, months: i32) -> Vec<&'static str> {
        let lot = &default_lots()[1];
        full_application_problems(
            f,
            &BudgetContext {
                lot,
                duration_months: Some(months),
                concept_estimate: None,
                tolerance_percent: 20,
            },
        )
        .into_iter()
        .map(|p| p.code)
        .collect()
    }

    #[test]
    fn a_complete_full_application_has_no_problem() {
        assert!(
            codes(&complete(), 24).is_empty(),
            "{:?}",
            codes(&complete(), 24)
        );
        assert_eq!(
            FullApplication::from_json(&complete().to_json()),
            complete()
        );
        assert_eq!(
            FullApplication::from_json("not json"),
            FullApplication::default()
        );
    }

    #[test]
    fn an_empty_one_lists_every_section() {
        let sections: std::collections::BTreeSet<&str> = full_application_problems(
            &FullApplication::default(),
            &BudgetContext {
                lot: &default_lots()[1],
                duration_months: None,
                concept_estimate: None,
                tolerance_percent: 20,
            },
        )
        .into_iter()
        .map(|p| p.section)
        .collect();
        assert_eq!(sections.len(), SECTIONS.len());
    }

    #[test]
    fn indicators_about_people_are_given_by_gender() {
        let mut f = complete();
        f.logframe.results[0].indicators[0].target_men = None;
        assert_eq!(codes(&f, 24), ["error-indicator-gender"]);
        f.logframe.results[0].indicators[0].about_people = false;
        assert!(codes(&f, 24).is_empty());
    }

    #[test]
    fn the_work_plan_and_budget_years_stay_inside_the_action() {
        let mut f = complete();
        f.work_plan[0].months = vec![25];
        f.budget.lines[1].year = 3;
        assert_eq!(
            codes(&f, 24),
            ["error-activity-month-outside", "error-budget-line-year"]
        );
        // The last month and year of a 25-month action are inside it.
        let months = 25;
        f.work_plan[0].months = vec![25];
        assert_eq!(years_of(months), 3);
        assert!(codes(&f, months).is_empty());
    }

    #[test]
    fn words_over_the_limit_stop_the_submission() {
        let mut f = complete();
        f.sustainability = vec!["word"; SUSTAINABILITY_WORDS].join(" ");
        assert!(codes(&f, 24).is_empty());
        f.sustainability.push_str(" more");
        assert_eq!(codes(&f, 24), ["error-section-too-long"]);
    }
}
