//! Programme monitoring (DOMAIN.md §1, TL-07): per lot and envelope, what was awarded,
//! contracted, paid and is still to pay, and the logframe figures the portal knows.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::contracts::ContractStatus;
use super::money::Money;

/// One contract as the figures count it.
#[derive(Debug, Clone)]
pub struct ContractMoney {
    pub lot_id: String,
    pub status: ContractStatus,
    pub max_eu: Money,
    pub final_grant: Option<Money>,
    pub paid: Money,
    pub recovered: Money,
}

/// What a contract commits: nothing before the countersignature or once withdrawn; the
/// final grant once fixed (CON-04); what was paid once terminated; else the maximum.
pub fn committed(c: &ContractMoney) -> Money {
    match c.status {
        ContractStatus::Draft | ContractStatus::Sent | ContractStatus::Withdrawn => Money::ZERO,
        ContractStatus::Terminated => net_paid(c),
        ContractStatus::Active | ContractStatus::Suspended | ContractStatus::Closed => {
            c.final_grant.unwrap_or(c.max_eu)
        }
    }
}

/// Payments less recoveries.
pub fn net_paid(c: &ContractMoney) -> Money {
    c.paid.saturating_sub(c.recovered)
}

/// The figures of one lot (or an envelope, or the programme).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub envelope: Money,
    pub awarded: Money,
    pub awards: usize,
    pub contracted: Money,
    pub contracts: usize,
    pub paid: Money,
    /// Contracted and not yet paid.
    pub to_pay: Money,
    /// The envelope not yet awarded.
    pub unawarded: Money,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        let add = |a: Money, b: Money| a.checked_add(b).unwrap_or(Money::MAX);
        self.envelope = add(self.envelope, other.envelope);
        self.awarded = add(self.awarded, other.awarded);
        self.awards += other.awards;
        self.contracted = add(self.contracted, other.contracted);
        self.contracts += other.contracts;
        self.paid = add(self.paid, other.paid);
        self.to_pay = add(self.to_pay, other.to_pay);
        self.unawarded = add(self.unawarded, other.unawarded);
    }
}

/// The figures of each lot (in `lots` order: id and envelope), from the awards (lot,
/// amount) and the contracts.
pub fn lot_figures(
    lots: &[(String, Money)],
    awards: &[(String, Money)],
    contracts: &[ContractMoney],
) -> Vec<Figures> {
    lots.iter()
        .map(|(lot, envelope)| {
            let mut f = Figures {
                envelope: *envelope,
                ..Figures::default()
            };
            for (_, amount) in awards.iter().filter(|(l, _)| l == lot) {
                f.awarded = f.awarded.checked_add(*amount).unwrap_or(Money::MAX);
                f.awards += 1;
            }
            for c in contracts.iter().filter(|c| &c.lot_id == lot) {
                let committed = committed(c);
                // Signed by both sides, whatever became of it since.
                f.contracts += usize::from(!matches!(
                    c.status,
                    ContractStatus::Draft | ContractStatus::Sent | ContractStatus::Withdrawn
                ));
                f.contracted = f.contracted.checked_add(committed).unwrap_or(Money::MAX);
                f.paid = f.paid.checked_add(net_paid(c)).unwrap_or(Money::MAX);
                f.to_pay = f
                    .to_pay
                    .checked_add(committed.saturating_sub(net_paid(c)))
                    .unwrap_or(Money::MAX);
            }
            f.unawarded = envelope.saturating_sub(f.awarded);
            f
        })
        .collect()
}

/// The sum of several figures.
pub fn total<'a>(items: impl IntoIterator<Item = &'a Figures>) -> Figures {
    let mut t = Figures::default();
    for f in items {
        t.add(f);
    }
    t
}

/// TL-07: the half-year a Steering Committee report covers, containing `day`: its first
/// and last day.
pub fn semester_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (start_month, end) = if day.month() <= 6 {
        (1, NaiveDate::from_ymd_opt(day.year(), 6, 30))
    } else {
        (7, NaiveDate::from_ymd_opt(day.year(), 12, 31))
    };
    let start = NaiveDate::from_ymd_opt(day.year(), start_month, 1);
    match (start, end) {
        (Some(s), Some(e)) => (s, e),
        _ => (day, day),
    }
}

/// The width (0–`full`) of a bar for `value` on a scale whose largest value is `max`.
pub fn bar_width(value: Money, max: Money, full: u32) -> u32 {
    if max <= Money::ZERO || value <= Money::ZERO {
        return 0;
    }
    let w = (value.cents() as i128 * full as i128) / max.cents() as i128;
    w.clamp(1, full as i128) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contract(lot: &str, status: ContractStatus, max: i64, paid: i64) -> ContractMoney {
        ContractMoney {
            lot_id: lot.into(),
            status,
            max_eu: Money::euros(max),
            final_grant: None,
            paid: Money::euros(paid),
            recovered: Money::ZERO,
        }
    }

    #[test]
    fn only_signed_contracts_commit_and_a_terminated_one_commits_what_was_paid() {
        let lots = vec![("a".to_string(), Money::euros(1_000_000))];
        let awards = vec![
            ("a".to_string(), Money::euros(300_000)),
            ("a".to_string(), Money::euros(200_000)),
        ];
        let contracts = vec![
            contract("a", ContractStatus::Active, 300_000, 240_000),
            contract("a", ContractStatus::Sent, 200_000, 0),
            contract("a", ContractStatus::Terminated, 100_000, 10_000),
        ];
        let f = &lot_figures(&lots, &awards, &contracts)[0];
        assert_eq!(f.awarded, Money::euros(500_000));
        assert_eq!(f.unawarded, Money::euros(500_000));
        assert_eq!(f.contracted, Money::euros(310_000));
        assert_eq!(f.contracts, 2);
        assert_eq!(f.paid, Money::euros(250_000));
        assert_eq!(f.to_pay, Money::euros(60_000));
    }

    #[test]
    fn a_closed_contract_commits_its_final_grant_and_recoveries_reduce_payments() {
        let mut c = contract("a", ContractStatus::Closed, 300_000, 240_000);
        c.final_grant = Some(Money::euros(180_000));
        c.recovered = Money::euros(60_000);
        assert_eq!(committed(&c), Money::euros(180_000));
        assert_eq!(net_paid(&c), Money::euros(180_000));
        let f = &lot_figures(&[("a".into(), Money::ZERO)], &[], &[c])[0];
        assert_eq!(f.to_pay, Money::ZERO);
    }

    #[test]
    fn semesters_and_bars() {
        let d = |m, day| NaiveDate::from_ymd_opt(2028, m, day).unwrap();
        assert_eq!(semester_of(d(6, 30)), (d(1, 1), d(6, 30)));
        assert_eq!(semester_of(d(7, 1)), (d(7, 1), d(12, 31)));
        assert_eq!(bar_width(Money::euros(50), Money::euros(100), 400), 200);
        assert_eq!(bar_width(Money::from_cents(1), Money::euros(100), 400), 1);
        assert_eq!(bar_width(Money::ZERO, Money::euros(100), 400), 0);
        assert_eq!(bar_width(Money::euros(200), Money::euros(100), 400), 400);
    }
}
