//! The full application's section pages (PRAG part B): description and sustainability,
//! logical framework, work plan, budget, declaration. Each is one form; rows (results,
//! indicators, activities, budget lines) are numbered fields, blank rows are ignored,
//! and JavaScript only adds rows and live totals to what works without it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::page::Page;
use crate::db::applications::ApplicationRow;
use crate::domain::applications::count_words;
use crate::domain::budget::{self, Budget, BudgetLine, Figure, Funding};
use crate::domain::full_application::{
    self as full, Activity, ExpectedResult, FullApplication, Indicator, Logframe,
};
use crate::domain::money::{format_percent, Money};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::applications as apps;
use crate::services::full_application::{self as service, FullSection};
use crate::views::format;

/// A posted form as name → values (checkboxes send several).
pub struct Pairs(HashMap<String, Vec<String>>);

impl Pairs {
    pub fn new(pairs: Vec<(String, String)>) -> Pairs {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            map.entry(k).or_default().push(v);
        }
        Pairs(map)
    }

    pub fn get(&self, name: &str) -> String {
        self.0
            .get(name)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    }

    fn all(&self, name: &str) -> &[String] {
        self.0.get(name).map_or(&[], Vec::as_slice)
    }

    /// The row numbers used in names `prefix-N-…`, in order.
    fn rows(&self, prefix: &str) -> BTreeSet<u32> {
        self.0
            .keys()
            .filter_map(|k| k.strip_prefix(prefix)?.strip_prefix('-'))
            .filter_map(|rest| rest.split('-').next()?.parse().ok())
            .filter(|n| *n < 10_000)
            .collect()
    }
}

// ---- The sections' forms, as typed (strings), so a refused save shows what was typed.

#[derive(Debug, Clone, Default, Serialize)]
struct DescriptionForm {
    description: String,
    sustainability: String,
}

#[derive(Debug, Clone, Default, Serialize)]
struct IndicatorForm {
    name: String,
    baseline: String,
    target: String,
    people: bool,
    women: String,
    men: String,
}

impl IndicatorForm {
    fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.baseline,
            &self.target,
            &self.women,
            &self.men,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, Serialize)]
struct ResultForm {
    statement: String,
    indicators: Vec<IndicatorForm>,
}

#[derive(Debug, Clone, Default, Serialize)]
struct LogframeForm {
    overall_objective: String,
    specific_objective: String,
    results: Vec<ResultForm>,
}

#[derive(Debug, Clone, Default, Serialize)]
struct ActivityForm {
    title: String,
    result: String,
    months: Vec<u16>,
}

#[derive(Debug, Clone, Default, Serialize)]
struct LineForm {
    heading: String,
    description: String,
    unit: String,
    quantity: String,
    unit_cost: String,
    year: String,
    /// Quantity × unit cost, formatted (empty while not computable).
    total: String,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [
            &self.description,
            &self.unit,
            &self.quantity,
            &self.unit_cost,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, Serialize)]
struct BudgetForm {
    lines: Vec<LineForm>,
    contingency: String,
    indirect: String,
    eu_contribution: String,
    own_contribution: String,
    other_donors: String,
    income: String,
    in_kind: String,
}

#[derive(Debug, Clone, Default, Serialize)]
struct DeclarationForm {
    name: String,
    position: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
enum SectionForm {
    Description(DescriptionForm),
    Logframe(LogframeForm),
    WorkPlan(Vec<ActivityForm>),
    Budget(BudgetForm),
    Declaration(DeclarationForm),
}

fn money_input(m: Money) -> String {
    if m == Money::ZERO {
        String::new()
    } else {
        m.format_input()
    }
}

fn quantity_input(hundredths: i64) -> String {
    if hundredths % 100 == 0 {
        (hundredths / 100).to_string()
    } else {
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

fn number_input(n: Option<i64>) -> String {
    n.map(|v| v.to_string()).unwrap_or_default()
}

impl SectionForm {
    /// The stored section, as the form shows it.
    fn stored(section: &str, f: &FullApplication, lang: Lang) -> Option<SectionForm> {
        Some(match section {
            "description" => SectionForm::Description(DescriptionForm {
                description: f.description.clone(),
                sustainability: f.sustainability.clone(),
            }),
            "logframe" => SectionForm::Logframe(LogframeForm {
                overall_objective: f.logframe.overall_objective.clone(),
                specific_objective: f.logframe.specific_objective.clone(),
                results: f
                    .logframe
                    .results
                    .iter()
                    .map(|r| ResultForm {
                        statement: r.statement.clone(),
                        indicators: r
                            .indicators
                            .iter()
                            .map(|i| IndicatorForm {
                                name: i.name.clone(),
                                baseline: i.baseline.clone(),
                                target: i.target.clone(),
                                people: i.about_people,
                                women: number_input(i.target_women),
                                men: number_input(i.target_men),
                            })
                            .collect(),
                    })
                    .collect(),
            }),
            "workplan" => SectionForm::WorkPlan(
                f.work_plan
                    .iter()
                    .map(|a| ActivityForm {
                        title: a.title.clone(),
                        result: if a.result == 0 {
                            String::new()
                        } else {
                            a.result.to_string()
                        },
                        months: a.months.clone(),
                    })
                    .collect(),
            ),
            "budget" => {
                let b = &f.budget;
                SectionForm::Budget(BudgetForm {
                    lines: b
                        .lines
                        .iter()
                        .map(|l| LineForm {
                            heading: l.heading.to_string(),
                            description: l.description.clone(),
                            unit: l.unit.clone(),
                            quantity: quantity_input(l.quantity_hundredths),
                            unit_cost: l.unit_cost.format_input(),
                            year: l.year.to_string(),
                            total: l
                                .total()
                                .map(|t| format::money(lang, t))
                                .unwrap_or_default(),
                        })
                        .collect(),
                    contingency: money_input(b.contingency),
                    indirect: money_input(b.indirect),
                    eu_contribution: money_input(b.funding.eu_contribution),
                    own_contribution: money_input(b.funding.own_contribution),
                    other_donors: money_input(b.funding.other_donors),
                    income: money_input(b.funding.income),
                    in_kind: money_input(b.funding.in_kind),
                })
            }
            "declaration" => SectionForm::Declaration(DeclarationForm {
                name: f
                    .declaration
                    .as_ref()
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
                position: f
                    .declaration
                    .as_ref()
                    .map(|d| d.position.clone())
                    .unwrap_or_default(),
            }),
            _ => return None,
        })
    }

    /// The section as posted (blank rows left out).
    fn posted(section: &str, p: &Pairs) -> Option<SectionForm> {
        Some(match section {
            "description" => SectionForm::Description(DescriptionForm {
                description: p.get("description"),
                sustainability: p.get("sustainability"),
            }),
            "logframe" => {
                let mut results = Vec::new();
                let numbers: BTreeSet<u32> = p
                    .rows("result")
                    .union(&p.rows("indicator"))
                    .copied()
                    .collect();
                for i in numbers {
                    let prefix = format!("indicator-{i}");
                    let indicators: Vec<IndicatorForm> = p
                        .rows(&prefix)
                        .into_iter()
                        .map(|j| {
                            let f = |name: &str| p.get(&format!("indicator-{i}-{j}-{name}"));
                            IndicatorForm {
                                name: f("name"),
                                baseline: f("baseline"),
                                target: f("target"),
                                people: !f("people").is_empty(),
                                women: f("women"),
                                men: f("men"),
                            }
                        })
                        .filter(|ind| !ind.is_blank())
                        .collect();
                    let statement = p.get(&format!("result-{i}-statement"));
                    if statement.trim().is_empty() && indicators.is_empty() {
                        continue;
                    }
                    results.push(ResultForm {
                        statement,
                        indicators,
                    });
                }
                SectionForm::Logframe(LogframeForm {
                    overall_objective: p.get("overall_objective"),
                    specific_objective: p.get("specific_objective"),
                    results,
                })
            }
            "workplan" => SectionForm::WorkPlan(
                p.rows("activity")
                    .into_iter()
                    .map(|i| ActivityForm {
                        title: p.get(&format!("activity-{i}-title")),
                        result: p.get(&format!("activity-{i}-result")),
                        months: p
                            .all(&format!("activity-{i}-month"))
                            .iter()
                            .filter_map(|m| m.parse().ok())
                            .collect(),
                    })
                    .filter(|a| !a.title.trim().is_empty() || !a.months.is_empty())
                    .collect(),
            ),
            "budget" => SectionForm::Budget(BudgetForm {
                lines: p
                    .rows("line")
                    .into_iter()
                    .map(|i| {
                        let f = |name: &str| p.get(&format!("line-{i}-{name}"));
                        LineForm {
                            heading: f("heading"),
                            description: f("description"),
                            unit: f("unit"),
                            quantity: f("quantity"),
                            unit_cost: f("unit_cost"),
                            year: f("year"),
                            total: String::new(),
                        }
                    })
                    .filter(|l| !l.is_blank())
                    .collect(),
                contingency: p.get("contingency"),
                indirect: p.get("indirect"),
                eu_contribution: p.get("eu_contribution"),
                own_contribution: p.get("own_contribution"),
                other_donors: p.get("other_donors"),
                income: p.get("income"),
                in_kind: p.get("in_kind"),
            }),
            "declaration" => SectionForm::Declaration(DeclarationForm {
                name: p.get("declaration_name"),
                position: p.get("declaration_position"),
            }),
            _ => return None,
        })
    }

    /// The section to save, or what cannot be read (amounts, numbers), by field.
    fn section(&self) -> Result<FullSection, Vec<FieldError>> {
        let mut errors = Vec::new();
        let section = match self {
            SectionForm::Description(d) => FullSection::Description {
                description: d.description.clone(),
                sustainability: d.sustainability.clone(),
            },
            SectionForm::Logframe(l) => FullSection::Logframe(Logframe {
                overall_objective: l.overall_objective.clone(),
                specific_objective: l.specific_objective.clone(),
                results: l
                    .results
                    .iter()
                    .enumerate()
                    .map(|(i, r)| ExpectedResult {
                        statement: r.statement.clone(),
                        indicators: r
                            .indicators
                            .iter()
                            .enumerate()
                            .map(|(j, ind)| {
                                let field = format!("indicator-{}-{}", i + 1, j + 1);
                                let mut count = |v: &str| match v.trim() {
                                    "" => None,
                                    v => v
                                        .replace([' ', '\u{a0}'], "")
                                        .parse::<i64>()
                                        .ok()
                                        .filter(|n| *n >= 0)
                                        .or_else(|| {
                                            errors.push(FieldError::named(
                                                field.clone(),
                                                "error-number-invalid",
                                            ));
                                            None
                                        }),
                                };
                                Indicator {
                                    name: ind.name.clone(),
                                    baseline: ind.baseline.clone(),
                                    target: ind.target.clone(),
                                    about_people: ind.people,
                                    target_women: count(&ind.women),
                                    target_men: count(&ind.men),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            }),
            SectionForm::WorkPlan(activities) => FullSection::WorkPlan(
                activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| Activity {
                        title: a.title.clone(),
                        result: match a.result.trim() {
                            "" => 0,
                            v => v.parse().unwrap_or_else(|_| {
                                errors.push(FieldError::named(
                                    format!("activity-{}", i + 1),
                                    "error-activity-result",
                                ));
                                0
                            }),
                        },
                        months: a.months.clone(),
                    })
                    .collect(),
            ),
            SectionForm::Budget(b) => {
                let amount = |errors: &mut Vec<FieldError>, field: String, v: &str| match v.trim() {
                    "" => Money::ZERO,
                    v => Money::parse(v).unwrap_or_else(|_| {
                        errors.push(FieldError::named(field, "error-amount-invalid"));
                        Money::ZERO
                    }),
                };
                let mut lines = Vec::new();
                for (i, l) in b.lines.iter().enumerate() {
                    let field = format!("line-{}", i + 1);
                    let quantity_hundredths = match l.quantity.trim() {
                        "" => 0,
                        q => budget::parse_quantity(q).unwrap_or_else(|| {
                            errors.push(FieldError::named(field.clone(), "error-quantity-invalid"));
                            0
                        }),
                    };
                    lines.push(BudgetLine {
                        heading: l.heading.trim().parse().unwrap_or(0),
                        description: l.description.clone(),
                        unit: l.unit.clone(),
                        quantity_hundredths,
                        unit_cost: amount(&mut errors, field, &l.unit_cost),
                        year: l.year.trim().parse().unwrap_or(0),
                    });
                }
                let mut money = |field: &str, v: &str| amount(&mut errors, field.into(), v);
                let contingency = money("contingency", &b.contingency);
                let indirect = money("indirect", &b.indirect);
                let funding = Funding {
                    eu_contribution: money("eu_contribution", &b.eu_contribution),
                    own_contribution: money("own_contribution", &b.own_contribution),
                    other_donors: money("other_donors", &b.other_donors),
                    income: money("income", &b.income),
                    in_kind: money("in_kind", &b.in_kind),
                };
                FullSection::Budget(Budget {
                    lines,
                    contingency,
                    indirect,
                    funding,
                })
            }
            SectionForm::Declaration(d) => FullSection::Declaration {
                name: d.name.clone(),
                position: d.position.clone(),
            },
        };
        if errors.is_empty() {
            Ok(section)
        } else {
            Err(errors)
        }
    }

    /// Blank rows to type into (JavaScript adds more).
    fn padded(mut self) -> SectionForm {
        match &mut self {
            SectionForm::Logframe(l) => {
                for r in &mut l.results {
                    r.indicators.push(IndicatorForm::default());
                }
                l.results.push(ResultForm {
                    statement: String::new(),
                    indicators: vec![IndicatorForm::default(); 2],
                });
            }
            SectionForm::WorkPlan(a) => a.extend(vec![ActivityForm::default(); 3]),
            SectionForm::Budget(b) => b.lines.extend(vec![
                LineForm {
                    year: "1".into(),
                    heading: "1".into(),
                    ..LineForm::default()
                };
                3
            ]),
            _ => {}
        }
        self
    }
}

/// A rule of the budget as shown: its sentence with the numbers, met or not, and the
/// sentence's template for the live check.
#[derive(Serialize)]
struct RuleView {
    rule: &'static str,
    key: &'static str,
    text: String,
    met: bool,
}

fn figure(lang: Lang, f: Figure) -> String {
    match f {
        Figure::Amount(m) => format::money_exact(lang, m),
        Figure::Percent(bp) => format!("{} %", format_percent(bp)),
        Figure::Months(m) => m.to_string(),
    }
}

#[derive(Serialize)]
struct SummaryView {
    headings: Vec<(u8, String)>,
    direct: String,
    contingency: String,
    total_direct: String,
    indirect: String,
    total_eligible: String,
    by_year: Vec<String>,
    eu_share: String,
    co_financing: String,
    sources: String,
}

fn summary_view(lang: Lang, s: &budget::BudgetSummary) -> SummaryView {
    let m = |v: Money| format::money(lang, v);
    SummaryView {
        headings: budget::HEADINGS
            .iter()
            .map(|h| (*h, m(s.headings[usize::from(*h) - 1])))
            .collect(),
        direct: m(s.direct),
        contingency: m(s.contingency),
        total_direct: m(s.total_direct),
        indirect: m(s.indirect),
        total_eligible: m(s.total_eligible),
        by_year: s.by_year.iter().map(|v| m(*v)).collect(),
        eu_share: s
            .eu_share_bp
            .map(|bp| format!("{} %", format_percent(bp)))
            .unwrap_or_else(|| "–".into()),
        co_financing: m(s.co_financing),
        sources: m(s.sources),
    }
}

/// The budget context of an application: its lot, duration and (restricted call) the
/// concept note's estimate.
fn budget_context<'a>(
    d: &apps::ApplicationDetail,
    terms: &'a crate::domain::calls::LotTerms,
) -> budget::BudgetContext<'a> {
    budget::BudgetContext {
        lot: terms,
        duration_months: d.row.duration_months,
        concept_estimate: match d.call.call_type {
            crate::domain::calls::CallType::Restricted => {
                d.row.eu_contribution_cents.map(Money::from_cents)
            }
            crate::domain::calls::CallType::Open => None,
        },
        tolerance_percent: d.call.params.full_application_tolerance_percent,
    }
}

/// The budget's rules as sentences with their numbers, by message key (the submission's
/// refusal names each unmet rule with the figures that miss it).
pub fn rule_texts(lang: Lang, d: &apps::ApplicationDetail) -> HashMap<&'static str, String> {
    let f = FullApplication::from_json(&d.row.full_application);
    let terms = crate::services::calls::lot_terms(&d.lot);
    let context = budget_context(d, &terms);
    budget::summarise(&f.budget)
        .map(|s| {
            budget::budget_checks(&s, &f.budget.funding, &context)
                .into_iter()
                .map(|r| {
                    let args: Vec<(&str, String)> = r
                        .figures
                        .iter()
                        .map(|(k, f)| (*k, figure(lang, *f)))
                        .collect();
                    (r.key, crate::i18n::t_args(lang, r.sentence_key(), &args))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The sections with what is still missing in each (for the navigation and the page).
#[derive(Serialize)]
pub struct SectionState {
    pub name: &'static str,
    pub missing: usize,
}

pub fn section_states(
    d: &apps::ApplicationDetail,
    f: &FullApplication,
) -> (Vec<SectionState>, Vec<full::Problem>) {
    let terms = crate::services::calls::lot_terms(&d.lot);
    let problems = full::full_application_problems(f, &budget_context(d, &terms));
    let states = full::SECTIONS
        .iter()
        .map(|name| SectionState {
            name,
            missing: problems.iter().filter(|p| p.section == *name).count(),
        })
        .collect();
    (states, problems)
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    id: String,
    section: String,
    status: StatusCode,
    typed: Option<SectionForm>,
    errors: &[FieldError],
    theirs: Option<&ApplicationRow>,
) -> AppResult<HttpResponse> {
    let d = apps::detail(&page.state, &page.actor(), id).await?;
    let lang = page.lang();
    let stored = FullApplication::from_json(&d.row.full_application);
    let shown = match typed {
        Some(t) => t,
        None => SectionForm::stored(&section, &stored, lang).ok_or(AppError::NotFound)?,
    };
    let editable = d.row.stage == "full"
        && d.my_role.may_edit()
        && matches!(d.row.status.as_str(), "draft" | "submitted")
        && d.call.is_published()
        && apps::deadline_for(&d.row, &d.call).is_some_and(|t| page.state.clock.now() <= t);
    if d.row.stage != "full" {
        return Err(AppError::NotFound);
    }
    let mut ctx = tera::Context::new();
    super::applications::header_context(page, &mut ctx, &d);
    let (states, problems) = section_states(&d, &stored);
    ctx.insert("full_sections", &states);
    ctx.insert("section", &section);
    let rules = rule_texts(lang, &d);
    let lang_problems: Vec<String> = problems
        .iter()
        .filter(|p| p.section == section)
        .map(|p| match rules.get(p.code) {
            Some(text) => text.clone(),
            None => crate::i18n::field_message_args(lang, p.code, &p.field, &p.args),
        })
        .collect();
    ctx.insert("missing", &lang_problems);
    ctx.insert("version", &d.row.version);
    ctx.insert("may_edit", &editable);
    let months = d.row.duration_months.unwrap_or(0).clamp(0, 48);
    ctx.insert("months", &(1..=months).collect::<Vec<_>>());
    ctx.insert("years", &(1..=full::years_of(months)).collect::<Vec<_>>());
    ctx.insert("duration_known", &(months > 0));
    ctx.insert(
        "result_count",
        &(1..=stored.logframe.results.len()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "result_titles",
        &stored
            .logframe
            .results
            .iter()
            .map(|r| r.statement.clone())
            .collect::<Vec<_>>(),
    );
    ctx.insert("description_limit", &full::DESCRIPTION_WORDS);
    ctx.insert("sustainability_limit", &full::SUSTAINABILITY_WORDS);
    if let SectionForm::Description(t) = &shown {
        ctx.insert("description_words", &count_words(&t.description));
        ctx.insert("sustainability_words", &count_words(&t.sustainability));
    }
    if section == "budget" {
        budget_context_view(page, &mut ctx, &d, &shown, &stored);
    }
    if section == "declaration" {
        if let Some(decl) = &stored.declaration {
            ctx.insert("signed_at", &format::instant_long(lang, decl.signed_at));
            ctx.insert("signed_name", &decl.name);
        }
    }
    let shown_is_stored = errors.is_empty() && theirs.is_none();
    ctx.insert("shown_is_stored", &shown_is_stored);
    ctx.insert(
        "f",
        &if editable {
            shown.clone().padded()
        } else {
            shown.clone()
        },
    );
    if let Some(t) = theirs {
        let other = FullApplication::from_json(&t.full_application);
        ctx.insert("theirs", &SectionForm::stored(&section, &other, lang));
        ctx.insert("theirs_at", &format::instant_long(lang, t.updated_at));
    }
    page.show_errors(&mut ctx, errors);
    page.render_status(status, &format!("applications/full_{section}.html"), ctx)
}

/// The budget page's figures: the totals and the rules for what is shown (typed or
/// stored), the lot's limits, and the templates the live check fills in.
fn budget_context_view(
    page: &Page,
    ctx: &mut tera::Context,
    d: &apps::ApplicationDetail,
    shown: &SectionForm,
    stored: &FullApplication,
) {
    let lang = page.lang();
    let budget = match shown.section() {
        Ok(FullSection::Budget(b)) => b,
        _ => stored.budget.clone(),
    };
    let terms = crate::services::calls::lot_terms(&d.lot);
    let context = budget_context(d, &terms);
    if let Some(s) = budget::summarise(&budget) {
        ctx.insert("summary", &summary_view(lang, &s));
        let rules: Vec<RuleView> = budget::budget_checks(&s, &budget.funding, &context)
            .into_iter()
            .map(|r| {
                let args: Vec<(&str, String)> = r
                    .figures
                    .iter()
                    .map(|(k, f)| (*k, figure(lang, *f)))
                    .collect();
                RuleView {
                    rule: r.rule,
                    key: r.key,
                    text: crate::i18n::t_args(lang, r.sentence_key(), &args),
                    met: r.met,
                }
            })
            .collect();
        ctx.insert("rules", &rules);
    }
    // What the live check needs, in cents and basis points.
    let mut limits = serde_json::Map::new();
    let mut put = |k: &str, v: i64| {
        limits.insert(k.into(), v.into());
    };
    put("min_grant", terms.min_grant.cents());
    put("max_grant", terms.max_grant.cents());
    put("min_share", terms.min_eu_share_bp);
    put("max_share", terms.max_eu_share_bp);
    put("min_months", terms.min_duration_months);
    put("max_months", terms.max_duration_months);
    put("months", i64::from(d.row.duration_months.unwrap_or(0)));
    put("contingency_pct", budget::CONTINGENCY_MAX_PERCENT);
    put("indirect_pct", budget::INDIRECT_MAX_PERCENT);
    put("tolerance_pct", context.tolerance_percent);
    if let Some(e) = context.concept_estimate {
        put("estimate", e.cents());
    }
    ctx.insert("limits", &serde_json::Value::Object(limits).to_string());
    let templates: HashMap<&str, (String, String)> = [
        "budget-rule-contingency",
        "budget-rule-indirect",
        "budget-rule-grant-range",
        "budget-rule-eu-share",
        "budget-rule-sources",
        "budget-rule-duration",
        "budget-rule-concept-estimate",
    ]
    .into_iter()
    .map(|k| {
        let args: Vec<(&str, String)> = [
            "amount", "limit", "min", "max", "share", "sources", "total", "months", "estimate",
            "low", "high",
        ]
        .iter()
        .map(|a| (*a, format!("{{{a}}}")))
        .collect();
        let unmet = format!("{k}-unmet");
        (
            k,
            (
                crate::i18n::t_args(lang, k, &args),
                crate::i18n::t_args(lang, &unmet, &args),
            ),
        )
    })
    .collect();
    ctx.insert("rule_templates", &templates);
    ctx.insert(
        "headings",
        &budget::HEADINGS
            .iter()
            .map(|h| (*h, crate::i18n::t(lang, &format!("budget-heading-{h}"))))
            .collect::<BTreeMap<_, _>>(),
    );
}

/// Every section of a full application for a read-only page (staff), with the budget's
/// summary.
pub fn readonly_view(f: &FullApplication, lang: Lang) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for section in full::SECTIONS {
        if let Some(form) = SectionForm::stored(section, f, lang) {
            out.insert(
                section.into(),
                serde_json::to_value(form).unwrap_or_default(),
            );
        }
    }
    if let Some(s) = budget::summarise(&f.budget) {
        out.insert(
            "summary".into(),
            serde_json::to_value(summary_view(lang, &s)).unwrap_or_default(),
        );
    }
    if let Some(d) = &f.declaration {
        out.insert(
            "signed".into(),
            serde_json::json!({"name": d.name, "position": d.position,
                               "at": format::instant_long(lang, d.signed_at)}),
        );
    }
    serde_json::Value::Object(out)
}

fn known_section(section: &str) -> AppResult<()> {
    if full::SECTIONS.contains(&section) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// A posted section form: the application, the section, the version it was based on
/// (0 when missing: refused as a conflict) and what was typed.
fn posted(
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<(String, String, i32, SectionForm)> {
    let (id, section) = path.into_inner();
    known_section(&section)?;
    let pairs = Pairs::new(form.into_inner());
    let version: i32 = pairs.get("version").parse().unwrap_or(0);
    let typed = SectionForm::posted(&section, &pairs).ok_or(AppError::NotFound)?;
    Ok((id, section, version, typed))
}

pub async fn show(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, section) = path.into_inner();
    known_section(&section)?;
    render(&page, id, section, StatusCode::OK, None, &[], None).await
}

pub async fn save(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (id, section, version, typed) = posted(path, form)?;
    let back = format!("/applications/{id}/full/{section}");
    let input = match typed.section() {
        Ok(s) => s,
        Err(errors) => {
            return render(
                &page,
                id,
                section,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(typed),
                &errors,
                None,
            )
            .await
        }
    };
    match service::save_section(&page.state, &page.actor(), id.clone(), version, input).await {
        Ok(Ok(())) => {
            page.flash_near("success", "flash-section-saved", &[], "section");
            Ok(page.redirect(&format!("{back}#section")))
        }
        Ok(Err(theirs)) => {
            page.flash_near("error", "error-application-saved-meanwhile", &[], "section");
            render(
                &page,
                id,
                section,
                StatusCode::CONFLICT,
                Some(typed),
                &[],
                Some(&theirs),
            )
            .await
        }
        Err(AppError::Validation(errors)) => {
            render(
                &page,
                id,
                section,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(typed),
                &errors,
                None,
            )
            .await
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// Saves a section in the background while the person types (JavaScript only).
pub async fn autosave(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (id, _, version, typed) = posted(path, form)?;
    let result = match typed.section() {
        Ok(input) => {
            service::save_section(&page.state, &page.actor(), id.clone(), version, input).await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    super::applications::autosave_answer(&page, id, result.map(|r| r.map_err(|_| ()))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Pairs {
        Pairs::new(
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn blank_rows_are_left_out_and_rows_keep_their_order() {
        let p = pairs(&[
            ("line-10-description", "Drill"),
            ("line-10-unit", "piece"),
            ("line-10-quantity", "1"),
            ("line-10-unit_cost", "40 000"),
            ("line-10-heading", "3"),
            ("line-10-year", "2"),
            ("line-2-description", "Engineer"),
            ("line-2-unit", "month"),
            ("line-2-quantity", "2,5"),
            ("line-2-unit_cost", "2500"),
            ("line-2-heading", "1"),
            ("line-2-year", "1"),
            ("line-3-description", ""),
            ("line-3-heading", "1"),
            ("eu_contribution", "1 000"),
        ]);
        let Some(form) = SectionForm::posted("budget", &p) else {
            panic!()
        };
        let Ok(FullSection::Budget(b)) = form.section() else {
            panic!()
        };
        assert_eq!(b.lines.len(), 2);
        assert_eq!(b.lines[0].description, "Engineer");
        assert_eq!(b.lines[0].quantity_hundredths, 250);
        assert_eq!(b.lines[1].unit_cost, Money::euros(40_000));
        assert_eq!(b.funding.eu_contribution, Money::euros(1_000));
    }

    #[test]
    fn unreadable_numbers_are_named_by_their_row() {
        let p = pairs(&[
            ("line-1-description", "Engineer"),
            ("line-1-quantity", "two"),
            ("line-1-unit_cost", "2500"),
            ("own_contribution", "lots"),
        ]);
        let form = SectionForm::posted("budget", &p).unwrap();
        let errors = form.section().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(fields, ["line-1", "own_contribution"]);
    }

    #[test]
    fn indicators_and_months_are_read_by_row() {
        let p = pairs(&[
            ("overall_objective", "Safe water"),
            ("result-1-statement", "Wells built"),
            ("indicator-1-1-name", "People served"),
            ("indicator-1-1-people", "on"),
            ("indicator-1-1-women", "1 550"),
            ("indicator-1-2-name", ""),
            ("result-2-statement", ""),
        ]);
        let Ok(FullSection::Logframe(l)) = SectionForm::posted("logframe", &p).unwrap().section()
        else {
            panic!()
        };
        assert_eq!(l.results.len(), 1);
        assert_eq!(l.results[0].indicators.len(), 1);
        assert!(l.results[0].indicators[0].about_people);
        assert_eq!(l.results[0].indicators[0].target_women, Some(1550));
        let p = pairs(&[
            ("activity-1-title", "Drilling"),
            ("activity-1-month", "2"),
            ("activity-1-month", "1"),
            ("activity-2-title", ""),
        ]);
        let Ok(FullSection::WorkPlan(a)) = SectionForm::posted("workplan", &p).unwrap().section()
        else {
            panic!()
        };
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].months, [2, 1]);
    }
}
