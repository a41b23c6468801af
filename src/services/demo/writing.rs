//! What the demonstration's applicants write and its assessors score: a concept note and
//! a full application per proposal (a budget that meets APP-01/02 exactly, a logframe, a
//! work plan) and score sheets with chosen totals.

use std::collections::BTreeMap;

use super::people::Organisation;
use crate::domain::budget::{Budget, BudgetLine, Funding};
use crate::domain::evaluation::{scored_sections, ScoreSheet, SectionSheet};
use crate::domain::full_application::{Activity, ExpectedResult, Indicator, Logframe};
use crate::domain::grids::Grid;
use crate::domain::money::Money;
use crate::services::applications::ConceptNoteInput;
use crate::services::full_application::FullSection;

/// A proposal: who, to which lot, for how much and how long.
#[derive(Debug, Clone, Copy)]
pub struct Proposal {
    pub org: &'static Organisation,
    pub eu_euros: i64,
    pub months: i32,
}

impl Proposal {
    pub fn eu(&self) -> Money {
        Money::euros(self.eu_euros)
    }

    pub fn title(&self) -> String {
        let mut topic = self.org.topic.to_string();
        if let Some(first) = topic.get(..1) {
            topic = first.to_uppercase() + &topic[1..];
        }
        format!("{topic} in {}", self.org.place)
    }

    pub fn concept_note(&self) -> ConceptNoteInput {
        let (topic, place) = (self.org.topic, self.org.place);
        ConceptNoteInput {
            title: self.title(),
            relevance: format!(
                "In {place} local services depend on decisions taken far from the people who use them. \
                 The call asks for initiatives that bring decisions closer to citizens and that akimats \
                 and civil society carry out together; {topic} answers exactly that need.\n\n\
                 Our surveys of 2023 and 2024 show that fewer than one household in three takes part in \
                 any local decision, and women and young people least of all. The action works with \
                 the district akimats, the maslikhat deputies and the residents' own councils."
            ),
            design: format!(
                "The action has three steps: first a baseline with the residents and the akimat, then \
                 {topic} set up and run by the people concerned, with training and a small fund, and \
                 finally a public review in every settlement. {} leads, with a part-time \
                 coordinator in each district and the akimats as associates. Every result has an \
                 indicator measured at the start and the end, separately for women and men.",
                self.org.legal_name
            ),
            eu_contribution: Some(self.eu()),
            duration_months: Some(self.months),
            // CFP-04: where the organisation is, as proposed at the start.
            action_locations: None,
        }
    }

    /// The budget: total eligible costs rounded up to the euro so that the EU pays just
    /// under 90% (APP-02); contingency 2% and indirect costs 4% of the total, well within
    /// APP-01; the applicant's own contribution makes up the rest.
    pub fn budget(&self) -> Budget {
        let eu = self.eu().cents();
        let total_euros = (eu * 10 + 8) / 9 / 100 + 1;
        let total = total_euros * 100;
        let contingency = total_euros * 2 / 100 * 100;
        let indirect = total_euros * 4 / 100 * 100;
        let direct = total - contingency - indirect;
        let months = i64::from(self.months.max(1));
        let staff_rate = direct * 30 / 100 / months / 100 * 100;
        let workshops = direct * 20 / 100 / 12 / 100 * 100;
        let trips = months * 2;
        let trip_cost = 15_000;
        let equipment = direct - staff_rate * months - workshops * 12 - trips * trip_cost;
        let line =
            |heading: u8, description: &str, unit: &str, quantity: i64, cost: i64| BudgetLine {
                heading,
                description: description.into(),
                unit: unit.into(),
                quantity_hundredths: quantity * 100,
                unit_cost: Money::from_cents(cost),
                year: 1,
            };
        Budget {
            lines: vec![
                line(1, "Project coordinator", "month", months, staff_rate),
                line(
                    2,
                    "Field visits to the settlements",
                    "trip",
                    trips,
                    trip_cost,
                ),
                line(
                    3,
                    "Equipment and supplies for the centres",
                    "lot",
                    1,
                    equipment,
                ),
                line(5, "Training workshops", "workshop", 12, workshops),
            ],
            contingency: Money::from_cents(contingency),
            indirect: Money::from_cents(indirect),
            funding: Funding {
                eu_contribution: self.eu(),
                own_contribution: Money::from_cents(total - eu),
                ..Funding::default()
            },
        }
    }

    /// The EU share of the budget in basis points, rounded down (what a contract may
    /// state at most).
    pub fn eu_share_bp(&self) -> i64 {
        let total = self
            .budget()
            .lines
            .iter()
            .map(|l| l.unit_cost.cents() * l.quantity_hundredths / 100)
            .sum::<i64>()
            + self.budget().contingency.cents()
            + self.budget().indirect.cents();
        self.eu().cents() * 10_000 / total.max(1)
    }

    /// The full application's sections, in the order of the pages.
    pub fn full_sections(&self, signatory: &str) -> Vec<FullSection> {
        let (topic, place) = (self.org.topic, self.org.place);
        let months = self.months.max(1) as u16;
        let people = |name: &str, target: &str, women: i64, men: i64| Indicator {
            name: name.into(),
            baseline: "0".into(),
            target: target.into(),
            about_people: true,
            target_women: Some(women),
            target_men: Some(men),
        };
        vec![
            FullSection::Description {
                description: format!(
                    "{} proposes {topic} in {place}. The action starts from what residents told us \
                     in public hearings: services are far away, decisions are not explained, and \
                     nobody asks them. In the first three months we agree the plan with the akimats \
                     and the residents' councils. We then train forty local facilitators, half of \
                     them women, who run the work in their own settlements with a small fund for \
                     what residents choose. Every six months the results are presented in public \
                     and published on the akimat's site.",
                    self.org.legal_name
                ),
                sustainability: "The akimats have agreed to keep the facilitators' role in their \
                     staff plans after the action, and the residents' councils are registered so \
                     that they continue. The methods and training materials are published under an \
                     open licence."
                    .into(),
            },
            FullSection::Logframe(Logframe {
                overall_objective: format!("Local development in {place} decided with its residents"),
                specific_objective: format!("Residents and akimats run {topic} together"),
                results: vec![
                    ExpectedResult {
                        statement: "Residents' councils set up and trained".into(),
                        indicators: vec![people("Council members trained", "120", 64, 56)],
                    },
                    ExpectedResult {
                        statement: "Local initiatives chosen by residents carried out".into(),
                        indicators: vec![Indicator {
                            name: "Initiatives completed and reviewed in public".into(),
                            baseline: "0".into(),
                            target: "24".into(),
                            about_people: false,
                            target_women: None,
                            target_men: None,
                        }],
                    },
                ],
            }),
            FullSection::WorkPlan(vec![
                Activity {
                    title: "Baseline and plan agreed with the akimats".into(),
                    result: 1,
                    months: (1..=months.min(3)).collect(),
                },
                Activity {
                    title: "Training of facilitators and councils".into(),
                    result: 1,
                    months: (months.min(2)..=months.min(9)).collect(),
                },
                Activity {
                    title: "Local initiatives and their public reviews".into(),
                    result: 2,
                    months: (months.min(4)..=months).collect(),
                },
            ]),
            FullSection::Budget(self.budget()),
            FullSection::Declaration {
                name: signatory.into(),
                position: "Director".into(),
            },
        ]
    }
}

/// A sheet giving every scored sub-criterion `base`, the first `bumps` of them (in the
/// grid's order) one point more, and the named ones their own score; a comment per
/// section.
pub fn sheet(grid: &Grid, base: i64, bumps: usize, exceptions: &[(&str, i64)]) -> ScoreSheet {
    let mut sheet = ScoreSheet::default();
    let mut n = 0;
    for section in scored_sections(grid) {
        let mut scores = BTreeMap::new();
        for c in &section.criteria {
            let bumped = if n < bumps { base + 1 } else { base };
            n += 1;
            let value = exceptions
                .iter()
                .find(|(code, _)| *code == c.code)
                .map_or(bumped, |(_, v)| *v);
            scores.insert(c.code.clone(), value.clamp(1, 5));
        }
        let comment = match base {
            5.. => "Very convincing: the needs are documented and the approach is proven.",
            4 => "Good: clear and well argued, with minor gaps in the indicators.",
            3 => "Adequate: relevant, but the link between activities and results is thin.",
            _ => "Weak: the needs are asserted rather than shown.",
        };
        sheet.sections.insert(
            section.code.clone(),
            SectionSheet {
                scores,
                comment: comment.into(),
            },
        );
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{budget_checks, summarise, BudgetContext};
    use crate::domain::calls::default_lots;

    #[test]
    fn every_demo_budget_meets_the_budget_rules() {
        let lots = default_lots();
        for (i, org) in super::super::people::ORGANISATIONS.iter().enumerate() {
            for (eu, months) in [(75_000, 12), (100_000, 12), (180_000, 36), (150_000, 30)] {
                let p = Proposal {
                    org,
                    eu_euros: eu,
                    months,
                };
                let b = p.budget();
                let s = summarise(&b).unwrap();
                let lot = &lots[i % 2];
                let context = BudgetContext {
                    lot,
                    duration_months: Some(months),
                    concept_estimate: Some(p.eu()),
                    tolerance_percent: 20,
                };
                let failed: Vec<_> = budget_checks(&s, &b.funding, &context)
                    .into_iter()
                    .filter(|c| !c.met && c.key != "budget-rule-grant-range")
                    .map(|c| c.key)
                    .collect();
                assert!(failed.is_empty(), "{} {eu}: {failed:?}", org.key);
                assert!(p.eu_share_bp() <= 9_000 && p.eu_share_bp() >= 8_990);
            }
        }
    }

    #[test]
    fn a_sheet_scores_what_it_is_asked() {
        let grid = crate::domain::grids::default_concept_note_grid();
        let total = |s: &ScoreSheet| crate::domain::evaluation::sheet_total(&grid, s);
        assert_eq!(total(&sheet(&grid, 4, 0, &[])), 40);
        assert_eq!(total(&sheet(&grid, 4, 6, &[])), 50);
        assert_eq!(total(&sheet(&grid, 4, 1, &[])), 42);
        assert_eq!(total(&sheet(&grid, 2, 0, &[])), 20);
        assert_eq!(total(&sheet(&grid, 4, 0, &[("1.1", 1)])), 34);
    }
}
