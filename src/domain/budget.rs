//! The budget of a full application (DOMAIN.md §3, PRAG annex B): line items under
//! headings 1–6, the totals 7–11 computed from them, the sources of funding, and the
//! rules APP-01…APP-04 with the numbers that meet or miss them.

use serde::{Deserialize, Serialize};

use super::calls::LotTerms;
use super::money::Money;

/// Cost headings 1–6 (7–11 are computed).
pub const HEADINGS: [u8; 6] = [1, 2, 3, 4, 5, 6];
/// APP-01: contingency reserve at most 5% of direct costs (7).
pub const CONTINGENCY_MAX_PERCENT: i64 = 5;
/// APP-01: indirect costs at most 7% of total direct costs (9).
pub const INDIRECT_MAX_PERCENT: i64 = 7;
/// More lines than this is not a budget but a mistake (or an attack).
pub const MAX_LINES: usize = 500;

/// One line item: so many units at a unit cost, in one year of the action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetLine {
    /// 1–6.
    pub heading: u8,
    pub description: String,
    /// "month", "trip", "piece"…
    pub unit: String,
    /// Units in hundredths (2.5 units = 250), so half months and the like are exact.
    pub quantity_hundredths: i64,
    pub unit_cost: Money,
    /// Year of the action, from 1.
    pub year: u8,
}

impl BudgetLine {
    /// Quantity × unit cost, rounded to the nearest cent; None when beyond any budget.
    pub fn total(&self) -> Option<Money> {
        let cents = (self.unit_cost.cents() as i128)
            .checked_mul(self.quantity_hundredths as i128)?
            .checked_add(50)?
            / 100;
        let cents = i64::try_from(cents).ok()?;
        (cents <= Money::MAX.cents()).then_some(Money::from_cents(cents))
    }
}

/// A quantity as typed ("2", "2.5", "2,25", "1 000"), in hundredths; None when it is
/// not a number of units with at most two decimals.
pub fn parse_quantity(input: &str) -> Option<i64> {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let (int, frac) = match s.rsplit_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (s.as_str(), ""),
    };
    if int.is_empty()
        || frac.len() > 2
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let hundredths: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(hundredths)
}

/// The sources of funding (DOMAIN.md §3). In-kind contributions are recorded for
/// information and are not part of eligible costs (APP-02).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Funding {
    pub eu_contribution: Money,
    pub own_contribution: Money,
    pub other_donors: Money,
    pub income: Money,
    pub in_kind: Money,
}

impl Funding {
    /// The sources that must add up to total eligible costs (in kind left out).
    pub fn counted(&self) -> Option<Money> {
        Money::sum([
            self.eu_contribution,
            self.own_contribution,
            self.other_donors,
            self.income,
        ])
    }
}

/// The budget as the applicant fills it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Budget {
    pub lines: Vec<BudgetLine>,
    /// Heading 8.
    pub contingency: Money,
    /// Heading 10.
    pub indirect: Money,
    pub funding: Funding,
}

/// Headings 1–11 as computed from the lines, with the totals per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetSummary {
    /// Headings 1–6.
    pub headings: [Money; 6],
    /// 7: subtotal direct costs.
    pub direct: Money,
    /// 8.
    pub contingency: Money,
    /// 9: total direct costs.
    pub total_direct: Money,
    /// 10.
    pub indirect: Money,
    /// 11: total eligible costs.
    pub total_eligible: Money,
    /// Lines' totals per year of the action (index 0 = year 1).
    pub by_year: Vec<Money>,
    /// EU contribution as a share of total eligible costs, in basis points (None: no
    /// costs yet).
    pub eu_share_bp: Option<i64>,
    /// What the applicant and others bring: total eligible costs less the EU part.
    pub co_financing: Money,
    /// The counted sources of funding.
    pub sources: Money,
}

/// Computes headings 7–11 from the lines; None when an amount overflows any budget.
pub fn summarise(b: &Budget) -> Option<BudgetSummary> {
    let mut headings = [Money::ZERO; 6];
    let mut by_year: Vec<Money> = Vec::new();
    for line in &b.lines {
        let total = line.total()?;
        let h = usize::from(line.heading.clamp(1, 6)) - 1;
        headings[h] = headings[h].checked_add(total)?;
        let y = usize::from(line.year.max(1)) - 1;
        if by_year.len() <= y {
            by_year.resize(y + 1, Money::ZERO);
        }
        by_year[y] = by_year[y].checked_add(total)?;
    }
    let direct = Money::sum(headings)?;
    let total_direct = direct.checked_add(b.contingency)?;
    let total_eligible = total_direct.checked_add(b.indirect)?;
    if total_eligible > Money::MAX {
        return None;
    }
    let eu = b.funding.eu_contribution;
    let eu_share_bp = (total_eligible > Money::ZERO)
        .then(|| (eu.cents() as i128 * 10_000 / total_eligible.cents() as i128) as i64);
    Some(BudgetSummary {
        headings,
        direct,
        contingency: b.contingency,
        total_direct,
        indirect: b.indirect,
        total_eligible,
        by_year,
        eu_share_bp,
        co_financing: total_eligible.saturating_sub(eu),
        sources: b.funding.counted()?,
    })
}

/// A number shown with a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Figure {
    Amount(Money),
    /// Basis points.
    Percent(i64),
    Months(i64),
}

/// One rule of the budget, met or not, with the numbers that decide it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCheck {
    /// "APP-01"…
    pub rule: &'static str,
    /// Message key of the rule's sentence; its arguments are `figures`.
    pub key: &'static str,
    pub met: bool,
    pub figures: Vec<(&'static str, Figure)>,
}

impl RuleCheck {
    /// The sentence that says the rule's state: a rule not met says what breaks it (the
    /// value and the limit), never the rule as if it were met.
    pub fn sentence_key(&self) -> &'static str {
        if self.met {
            return self.key;
        }
        match self.key {
            "budget-rule-contingency" => "budget-rule-contingency-unmet",
            "budget-rule-indirect" => "budget-rule-indirect-unmet",
            "budget-rule-grant-range" => "budget-rule-grant-range-unmet",
            "budget-rule-eu-share" => "budget-rule-eu-share-unmet",
            "budget-rule-sources" => "budget-rule-sources-unmet",
            "budget-rule-duration" => "budget-rule-duration-unmet",
            "budget-rule-concept-estimate" => "budget-rule-concept-estimate-unmet",
            other => other,
        }
    }
}

/// What the budget is checked against, besides itself.
pub struct BudgetContext<'a> {
    pub lot: &'a LotTerms,
    pub duration_months: Option<i32>,
    /// APP-04: the concept note's estimate of the EU contribution (None in an open
    /// call's single stage, where there is nothing earlier to keep to).
    pub concept_estimate: Option<Money>,
    pub tolerance_percent: i64,
}

/// Rules APP-01…APP-04 and the lot's limits, each met or not, with the numbers.
pub fn budget_checks(
    s: &BudgetSummary,
    funding: &Funding,
    c: &BudgetContext<'_>,
) -> Vec<RuleCheck> {
    use Figure::*;
    // `percent` of an amount, rounded down to the cent (the limit shown).
    let pct = |amount: Money, percent: i64| {
        Money::from_cents((amount.cents() as i128 * percent as i128 / 100) as i64)
    };
    // Whether `part` ≤ `percent` of `whole`, exactly (no rounding on the way).
    let within = |part: Money, whole: Money, percent: i64| {
        part.cents() as i128 * 100 <= whole.cents() as i128 * percent as i128
    };
    let eu = funding.eu_contribution;
    let total = s.total_eligible;
    let mut out = vec![
        RuleCheck {
            rule: "APP-01",
            key: "budget-rule-contingency",
            met: within(s.contingency, s.direct, CONTINGENCY_MAX_PERCENT),
            figures: vec![
                ("amount", Amount(s.contingency)),
                ("limit", Amount(pct(s.direct, CONTINGENCY_MAX_PERCENT))),
            ],
        },
        RuleCheck {
            rule: "APP-01",
            key: "budget-rule-indirect",
            met: within(s.indirect, s.total_direct, INDIRECT_MAX_PERCENT),
            figures: vec![
                ("amount", Amount(s.indirect)),
                ("limit", Amount(pct(s.total_direct, INDIRECT_MAX_PERCENT))),
            ],
        },
        RuleCheck {
            rule: "APP-02",
            key: "budget-rule-grant-range",
            met: eu >= c.lot.min_grant && eu <= c.lot.max_grant,
            figures: vec![
                ("amount", Amount(eu)),
                ("min", Amount(c.lot.min_grant)),
                ("max", Amount(c.lot.max_grant)),
            ],
        },
        RuleCheck {
            rule: "APP-02",
            key: "budget-rule-eu-share",
            met: total > Money::ZERO
                && (eu.cents() as i128) * 10_000
                    >= c.lot.min_eu_share_bp as i128 * total.cents() as i128
                && (eu.cents() as i128) * 10_000
                    <= c.lot.max_eu_share_bp as i128 * total.cents() as i128,
            // The share rounded to the hundredth can read like its limit (90.000009 %
            // as "90 %"): the amounts it allows say exactly why it is not met.
            figures: vec![
                ("share", Percent(s.eu_share_bp.unwrap_or(0))),
                ("min", Percent(c.lot.min_eu_share_bp)),
                ("max", Percent(c.lot.max_eu_share_bp)),
                ("amount", Amount(eu)),
                ("total", Amount(total)),
                (
                    "low",
                    Amount(Money::from_cents(
                        ((c.lot.min_eu_share_bp as i128 * total.cents() as i128 + 9_999) / 10_000)
                            as i64,
                    )),
                ),
                (
                    "high",
                    Amount(Money::from_cents(
                        (c.lot.max_eu_share_bp as i128 * total.cents() as i128 / 10_000) as i64,
                    )),
                ),
            ],
        },
        RuleCheck {
            rule: "APP-02",
            key: "budget-rule-sources",
            met: total > Money::ZERO && s.sources == total,
            figures: vec![("sources", Amount(s.sources)), ("total", Amount(total))],
        },
        RuleCheck {
            rule: "APP-03",
            key: "budget-rule-duration",
            met: c.duration_months.is_some_and(|d| {
                (c.lot.min_duration_months..=c.lot.max_duration_months).contains(&i64::from(d))
            }),
            figures: vec![
                ("months", Months(c.duration_months.map_or(0, i64::from))),
                ("min", Months(c.lot.min_duration_months)),
                ("max", Months(c.lot.max_duration_months)),
            ],
        },
    ];
    if let Some(estimate) = c.concept_estimate {
        let allowed = pct(estimate, c.tolerance_percent);
        let difference = Money::from_cents((eu.cents() - estimate.cents()).abs());
        out.push(RuleCheck {
            rule: "APP-04",
            key: "budget-rule-concept-estimate",
            met: within(difference, estimate, c.tolerance_percent),
            figures: vec![
                ("amount", Amount(eu)),
                ("estimate", Amount(estimate)),
                ("min", Amount(estimate.saturating_sub(allowed))),
                (
                    "max",
                    Amount(estimate.checked_add(allowed).unwrap_or(Money::MAX)),
                ),
            ],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calls::default_lots;

    fn line(heading: u8, qty: i64, cost: i64) -> BudgetLine {
        BudgetLine {
            heading,
            description: "x".into(),
            unit: "month".into(),
            quantity_hundredths: qty * 100,
            unit_cost: Money::euros(cost),
            year: 1,
        }
    }

    /// Direct costs EUR 100,000; contingency and indirect at their limits; EUR 90% EU.
    fn at_the_limits() -> Budget {
        Budget {
            lines: vec![line(1, 24, 2_500), line(3, 1, 40_000)],
            contingency: Money::euros(5_000),
            indirect: Money::euros(7_350),
            funding: Funding {
                eu_contribution: Money::from_cents(10_111_500),
                own_contribution: Money::from_cents(1_123_500),
                ..Funding::default()
            },
        }
    }

    fn context(lot: &LotTerms) -> BudgetContext<'_> {
        BudgetContext {
            lot,
            duration_months: Some(24),
            concept_estimate: None,
            tolerance_percent: 20,
        }
    }

    fn unmet(b: &Budget, c: &BudgetContext<'_>) -> Vec<&'static str> {
        let s = summarise(b).unwrap();
        budget_checks(&s, &b.funding, c)
            .into_iter()
            .filter(|r| !r.met)
            .map(|r| r.key)
            .collect()
    }

    #[test]
    fn the_totals_follow_the_headings() {
        let s = summarise(&at_the_limits()).unwrap();
        assert_eq!(s.headings[0], Money::euros(60_000));
        assert_eq!(s.headings[2], Money::euros(40_000));
        assert_eq!(s.direct, Money::euros(100_000));
        assert_eq!(s.total_direct, Money::euros(105_000));
        assert_eq!(s.total_eligible, Money::euros(112_350));
        assert_eq!(s.eu_share_bp, Some(9000));
        assert_eq!(s.by_year, vec![Money::euros(100_000)]);
        assert_eq!(s.co_financing, Money::from_cents(1_123_500));
    }

    #[test]
    fn quantities_are_read_to_the_hundredth() {
        assert_eq!(parse_quantity("2"), Some(200));
        assert_eq!(parse_quantity(" 2,5 "), Some(250));
        assert_eq!(parse_quantity("1 000.25"), Some(100_025));
        assert_eq!(parse_quantity("0.125"), None);
        assert_eq!(parse_quantity("-1"), None);
        assert_eq!(parse_quantity("two"), None);
        assert_eq!(parse_quantity(""), None);
    }

    #[test]
    fn half_units_and_cents_round_to_the_nearest_cent() {
        let mut l = line(2, 0, 0);
        l.quantity_hundredths = 150; // 1.5 units
        l.unit_cost = Money::from_cents(333);
        assert_eq!(l.total(), Some(Money::from_cents(500))); // 4.995 → 5.00
        l.unit_cost = Money::MAX;
        l.quantity_hundredths = 200;
        assert_eq!(l.total(), None);
    }

    #[test]
    fn contingency_and_indirect_costs_up_to_their_limits() {
        let lot = &default_lots()[1];
        let b = at_the_limits();
        assert!(
            unmet(&b, &context(lot)).is_empty(),
            "{:?}",
            unmet(&b, &context(lot))
        );
        let mut over = b.clone();
        over.contingency = Money::from_cents(500_001);
        over.funding.own_contribution = over
            .funding
            .own_contribution
            .checked_add(Money::from_cents(1))
            .unwrap();
        assert!(unmet(&over, &context(lot)).contains(&"budget-rule-contingency"));
        let mut over = b.clone();
        over.indirect = Money::from_cents(735_001);
        over.funding.own_contribution = over
            .funding
            .own_contribution
            .checked_add(Money::from_cents(1))
            .unwrap();
        assert_eq!(unmet(&over, &context(lot)), ["budget-rule-indirect"]);
    }

    #[test]
    fn the_eu_share_and_the_sources_of_funding() {
        let lot = &default_lots()[1]; // share up to 90%
        let mut b = at_the_limits();
        b.funding.eu_contribution = b
            .funding
            .eu_contribution
            .checked_add(Money::from_cents(1))
            .unwrap();
        b.funding.own_contribution = b
            .funding
            .own_contribution
            .checked_sub(Money::from_cents(1))
            .unwrap();
        assert_eq!(unmet(&b, &context(lot)), ["budget-rule-eu-share"]);
        // One cent over 90%: the refusal names the largest contribution allowed, to the
        // cent, which the share rounded to a hundredth of a percent cannot show.
        let s = summarise(&b).unwrap();
        let share = budget_checks(&s, &b.funding, &context(lot))
            .into_iter()
            .find(|r| r.key == "budget-rule-eu-share")
            .unwrap();
        assert_eq!(share.sentence_key(), "budget-rule-eu-share-unmet");
        let figure = |name: &str| share.figures.iter().find(|(k, _)| *k == name).unwrap().1;
        assert_eq!(
            figure("high"),
            Figure::Amount(
                b.funding
                    .eu_contribution
                    .checked_sub(Money::from_cents(1))
                    .unwrap()
            )
        );
        assert_eq!(figure("amount"), Figure::Amount(b.funding.eu_contribution));
        let mut b = at_the_limits();
        b.funding.in_kind = Money::euros(10_000); // not counted
        assert!(unmet(&b, &context(lot)).is_empty());
        b.funding.other_donors = Money::from_cents(1);
        assert_eq!(unmet(&b, &context(lot)), ["budget-rule-sources"]);
        let empty = Budget::default();
        let u = unmet(&empty, &context(lot));
        assert!(u.contains(&"budget-rule-eu-share") && u.contains(&"budget-rule-sources"));
    }

    #[test]
    fn the_grant_range_and_the_duration_of_the_lot() {
        let lot = &default_lots()[1]; // EUR 50,000–150,000; 12–48 months
        let mut c = context(lot);
        c.duration_months = Some(48);
        assert!(unmet(&at_the_limits(), &c).is_empty());
        c.duration_months = Some(49);
        assert_eq!(unmet(&at_the_limits(), &c), ["budget-rule-duration"]);
        c.duration_months = None;
        assert_eq!(unmet(&at_the_limits(), &c), ["budget-rule-duration"]);
    }

    #[test]
    fn the_full_application_keeps_within_the_tolerance_of_the_concept_note() {
        let lot = &default_lots()[1];
        let b = at_the_limits(); // EU EUR 101,115
        let eu = b.funding.eu_contribution;
        let mut c = context(lot);
        // 101,115 is exactly 20% above 84,262.50.
        c.concept_estimate = Some(Money::from_cents(8_426_250));
        assert!(unmet(&b, &c).is_empty());
        c.concept_estimate = Some(Money::from_cents(8_426_249));
        assert_eq!(unmet(&b, &c), ["budget-rule-concept-estimate"]);
        // 101,115 is exactly 20% below 126,393.75.
        c.concept_estimate = Some(Money::from_cents(12_639_375));
        assert!(unmet(&b, &c).is_empty());
        c.concept_estimate = Some(Money::from_cents(12_639_376));
        assert_eq!(unmet(&b, &c), ["budget-rule-concept-estimate"]);
        assert_eq!(eu, Money::from_cents(10_111_500));
    }
}
