//! The programme timeline (DOMAIN.md §1, TL-01…TL-09): every date is computed from the
//! entry into force D, except where a recorded amendment moved it.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Rule TL-01: calls are published by D + 8 months.
pub const CALL_LAUNCH_MONTHS: u32 = 8;
/// Rule TL-02: every contract is signed by D + 36 months; never extended.
pub const CONTRACTING_MONTHS: u32 = 36;
/// Rule TL-03: the operational phase runs from D to D + 60 months.
pub const OPERATIONAL_MONTHS: u32 = 60;
/// Rule TL-04: the closure phase lasts 24 months; execution ends D + 84 months.
pub const CLOSURE_MONTHS: u32 = 24;
/// Rule TL-05: unused balance is decommitted 6 months after execution ends.
pub const DECOMMITMENT_MONTHS: u32 = 6;
/// Rule TL-06: amendments are proposed at least 3 months before they take effect, and
/// phase extensions requested at least 3 months before the phase ends.
pub const AMENDMENT_NOTICE_MONTHS: u32 = 3;
/// Rule TL-07: reports to the Steering Committee at least every 6 months.
pub const STEERING_REPORT_MONTHS: u32 = 6;
/// Rule TL-09: no payment and no contract within 3 years of D ends the agreement.
pub const SUNSET_MONTHS: u32 = 36;
/// Days before a deadline at which the portal warns (60, 30 and 7 days).
pub const WARNING_DAYS: [i64; 3] = [60, 30, 7];

/// D + n calendar months (the last day of the month when the day does not exist).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

pub fn sub_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_sub_months(Months::new(months)).unwrap_or(d)
}

/// A programme date that only an amendment may move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendableDate {
    /// TL-01 moved by amendment.
    CallLaunchDeadline,
    /// TL-03 extension of the operational phase.
    OperationalEnd,
    /// TL-04 extension of the closure phase (end of execution).
    ExecutionEnd,
}

impl AmendableDate {
    pub const ALL: [AmendableDate; 3] = [
        AmendableDate::CallLaunchDeadline,
        AmendableDate::OperationalEnd,
        AmendableDate::ExecutionEnd,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AmendableDate::CallLaunchDeadline => "call_launch_deadline",
            AmendableDate::OperationalEnd => "operational_end",
            AmendableDate::ExecutionEnd => "execution_end",
        }
    }

    pub fn parse(s: &str) -> Option<AmendableDate> {
        AmendableDate::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Extensions of a phase must be asked for 3 months before the phase ends (TL-06).
    pub fn is_phase_extension(self) -> bool {
        matches!(
            self,
            AmendableDate::OperationalEnd | AmendableDate::ExecutionEnd
        )
    }
}

/// Dates moved by amendments (the latest amendment of each date wins).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub call_launch_deadline: Option<NaiveDate>,
    pub operational_end: Option<NaiveDate>,
    pub execution_end: Option<NaiveDate>,
}

impl Overrides {
    pub fn set(&mut self, which: AmendableDate, date: NaiveDate) {
        match which {
            AmendableDate::CallLaunchDeadline => self.call_launch_deadline = Some(date),
            AmendableDate::OperationalEnd => self.operational_end = Some(date),
            AmendableDate::ExecutionEnd => self.execution_end = Some(date),
        }
    }
}

/// Every date of a programme, computed once from D and the amendments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub entry_into_force: NaiveDate,
    /// TL-01
    pub call_launch_deadline: NaiveDate,
    /// TL-02 (never moved)
    pub contracting_deadline: NaiveDate,
    /// TL-03
    pub operational_end: NaiveDate,
    /// TL-04
    pub execution_end: NaiveDate,
    /// TL-05
    pub decommitment: NaiveDate,
    /// TL-09
    pub sunset_check: NaiveDate,
}

impl Timeline {
    pub fn compute(d: NaiveDate, overrides: &Overrides) -> Timeline {
        let operational_end = overrides
            .operational_end
            .unwrap_or_else(|| add_months(d, OPERATIONAL_MONTHS));
        // The closure phase follows the operational phase: an extended operational
        // phase pushes the end of execution unless that was amended itself.
        let execution_end = overrides
            .execution_end
            .unwrap_or_else(|| add_months(operational_end, CLOSURE_MONTHS));
        Timeline {
            entry_into_force: d,
            call_launch_deadline: overrides
                .call_launch_deadline
                .unwrap_or_else(|| add_months(d, CALL_LAUNCH_MONTHS)),
            contracting_deadline: add_months(d, CONTRACTING_MONTHS),
            operational_end,
            execution_end,
            decommitment: add_months(execution_end, DECOMMITMENT_MONTHS),
            sunset_check: add_months(d, SUNSET_MONTHS),
        }
    }

    pub fn date_of(&self, which: AmendableDate) -> NaiveDate {
        match which {
            AmendableDate::CallLaunchDeadline => self.call_launch_deadline,
            AmendableDate::OperationalEnd => self.operational_end,
            AmendableDate::ExecutionEnd => self.execution_end,
        }
    }

    /// Rule TL-07: Steering Committee report dates, every 6 months from D until the
    /// end of execution.
    pub fn steering_reports(&self) -> Vec<NaiveDate> {
        (1..)
            .map(|n| add_months(self.entry_into_force, n * STEERING_REPORT_MONTHS))
            .take_while(|d| *d <= self.execution_end)
            .collect()
    }

    /// The named milestones in date order (for the timeline and countdowns).
    pub fn milestones(&self) -> Vec<Milestone> {
        let mut m = vec![
            Milestone {
                key: "entry-into-force",
                rule: "",
                date: self.entry_into_force,
            },
            Milestone {
                key: "call-launch-deadline",
                rule: "TL-01",
                date: self.call_launch_deadline,
            },
            Milestone {
                key: "contracting-deadline",
                rule: "TL-02",
                date: self.contracting_deadline,
            },
            Milestone {
                key: "sunset-check",
                rule: "TL-09",
                date: self.sunset_check,
            },
            Milestone {
                key: "operational-end",
                rule: "TL-03",
                date: self.operational_end,
            },
            Milestone {
                key: "execution-end",
                rule: "TL-04",
                date: self.execution_end,
            },
            Milestone {
                key: "decommitment",
                rule: "TL-05",
                date: self.decommitment,
            },
        ];
        m.sort_by_key(|x| x.date);
        m
    }

    /// The first milestone (or Steering Committee report) on or after `today`.
    pub fn next_deadline(&self, today: NaiveDate) -> Option<Milestone> {
        let reports = self.steering_reports().into_iter().map(|date| Milestone {
            key: "steering-report",
            rule: "TL-07",
            date,
        });
        self.milestones()
            .into_iter()
            .filter(|m| m.key != "entry-into-force")
            .chain(reports)
            .filter(|m| m.date >= today)
            .min_by_key(|m| m.date)
    }

    /// Rule TL-01: may a call be published on `day`?
    pub fn may_publish_call_on(&self, day: NaiveDate) -> bool {
        day <= self.call_launch_deadline
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Milestone {
    /// Message key suffix (`timeline-<key>`).
    pub key: &'static str,
    pub rule: &'static str,
    pub date: NaiveDate,
}

/// How urgent a deadline is, by days left (warnings at 60, 30 and 7 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Passed,
    Within7,
    Within30,
    Within60,
    Later,
}

pub fn urgency(today: NaiveDate, deadline: NaiveDate) -> Urgency {
    let days = (deadline - today).num_days();
    match days {
        d if d < 0 => Urgency::Passed,
        d if d <= WARNING_DAYS[2] => Urgency::Within7,
        d if d <= WARNING_DAYS[1] => Urgency::Within30,
        d if d <= WARNING_DAYS[0] => Urgency::Within60,
        _ => Urgency::Later,
    }
}

/// Why an amendment of a programme date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendmentProblem {
    /// TL-06: proposed less than 3 months before it takes effect.
    NoticeTooShort,
    /// TL-06: a phase extension asked for less than 3 months before the phase ends.
    ExtensionTooLate,
    /// An extension must move the date later.
    NotAnExtension,
    /// The new date equals the current one.
    Unchanged,
    /// Dates out of order (the operational phase ending after execution, …).
    OutOfOrder,
}

impl AmendmentProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            AmendmentProblem::NoticeTooShort => "error-amendment-notice",
            AmendmentProblem::ExtensionTooLate => "error-amendment-extension-late",
            AmendmentProblem::NotAnExtension => "error-amendment-not-extension",
            AmendmentProblem::Unchanged => "error-amendment-unchanged",
            AmendmentProblem::OutOfOrder => "error-amendment-order",
        }
    }
}

/// Rule TL-06: checks an amendment proposed on `proposed_on`, taking effect on
/// `effective_on`, that moves `which` to `new_date`.
pub fn check_amendment(
    timeline: &Timeline,
    which: AmendableDate,
    new_date: NaiveDate,
    proposed_on: NaiveDate,
    effective_on: NaiveDate,
) -> Result<(), AmendmentProblem> {
    let current = timeline.date_of(which);
    if new_date == current {
        return Err(AmendmentProblem::Unchanged);
    }
    if effective_on < add_months(proposed_on, AMENDMENT_NOTICE_MONTHS) {
        return Err(AmendmentProblem::NoticeTooShort);
    }
    if which.is_phase_extension() {
        if new_date < current {
            return Err(AmendmentProblem::NotAnExtension);
        }
        if proposed_on > sub_months(current, AMENDMENT_NOTICE_MONTHS) {
            return Err(AmendmentProblem::ExtensionTooLate);
        }
    }
    let mut overrides = Overrides {
        call_launch_deadline: Some(timeline.call_launch_deadline),
        operational_end: Some(timeline.operational_end),
        execution_end: Some(timeline.execution_end),
    };
    overrides.set(which, new_date);
    let t = Timeline::compute(timeline.entry_into_force, &overrides);
    let ordered = t.entry_into_force < t.call_launch_deadline
        && t.call_launch_deadline <= t.contracting_deadline
        && t.contracting_deadline <= t.operational_end
        && t.operational_end < t.execution_end;
    if !ordered {
        return Err(AmendmentProblem::OutOfOrder);
    }
    Ok(())
}

/// Position of `day` on a line from `start` to `end`, 0.0–1.0 (for the timeline drawing).
pub fn position(start: NaiveDate, end: NaiveDate, day: NaiveDate) -> f64 {
    let total = (end - start).num_days().max(1) as f64;
    ((day - start).num_days() as f64 / total).clamp(0.0, 1.0)
}

/// Years between two dates, for labels on the drawing.
pub fn years_between(start: NaiveDate, end: NaiveDate) -> Vec<i32> {
    (start.year()..=end.year()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t() -> Timeline {
        Timeline::compute(d(2026, 3, 15), &Overrides::default())
    }

    #[test]
    fn dates_are_computed_from_d() {
        let t = t();
        assert_eq!(t.call_launch_deadline, d(2026, 11, 15)); // TL-01
        assert_eq!(t.contracting_deadline, d(2029, 3, 15)); // TL-02
        assert_eq!(t.operational_end, d(2031, 3, 15)); // TL-03
        assert_eq!(t.execution_end, d(2033, 3, 15)); // TL-04
        assert_eq!(t.decommitment, d(2033, 9, 15)); // TL-05
        assert_eq!(t.sunset_check, d(2029, 3, 15)); // TL-09
    }

    #[test]
    fn month_ends_are_clamped() {
        let t = Timeline::compute(d(2026, 6, 30), &Overrides::default());
        assert_eq!(t.call_launch_deadline, d(2027, 2, 28));
    }

    #[test]
    fn tl_01_publication_on_the_last_day_is_allowed_and_the_next_day_refused() {
        let t = t();
        assert!(t.may_publish_call_on(d(2026, 11, 15)));
        assert!(!t.may_publish_call_on(d(2026, 11, 16)));
    }

    #[test]
    fn tl_01_an_amendment_moves_the_launch_deadline() {
        let mut o = Overrides::default();
        o.set(AmendableDate::CallLaunchDeadline, d(2027, 1, 31));
        let t = Timeline::compute(d(2026, 3, 15), &o);
        assert!(t.may_publish_call_on(d(2027, 1, 31)));
        assert!(!t.may_publish_call_on(d(2027, 2, 1)));
        // TL-02 never moves.
        assert_eq!(t.contracting_deadline, d(2029, 3, 15));
    }

    #[test]
    fn tl_04_an_operational_extension_pushes_the_closure() {
        let mut o = Overrides::default();
        o.set(AmendableDate::OperationalEnd, d(2032, 3, 15));
        let t = Timeline::compute(d(2026, 3, 15), &o);
        assert_eq!(t.execution_end, d(2034, 3, 15));
        assert_eq!(t.decommitment, d(2034, 9, 15));
    }

    #[test]
    fn tl_07_steering_reports_every_six_months() {
        let r = t().steering_reports();
        assert_eq!(r[0], d(2026, 9, 15));
        assert_eq!(r[1], d(2027, 3, 15));
        assert_eq!(*r.last().unwrap(), d(2033, 3, 15));
        assert_eq!(r.len(), 14);
    }

    #[test]
    fn the_next_deadline_includes_reports() {
        let t = t();
        assert_eq!(t.next_deadline(d(2026, 4, 1)).unwrap().date, d(2026, 9, 15));
        assert_eq!(
            t.next_deadline(d(2026, 9, 16)).unwrap().key,
            "call-launch-deadline"
        );
        assert_eq!(
            t.next_deadline(d(2026, 11, 15)).unwrap().date,
            d(2026, 11, 15)
        );
        assert!(t.next_deadline(d(2040, 1, 1)).is_none());
    }

    #[test]
    fn warnings_at_60_30_and_7_days() {
        let deadline = d(2026, 12, 31);
        assert_eq!(
            urgency(deadline - chrono::Duration::days(61), deadline),
            Urgency::Later
        );
        assert_eq!(
            urgency(deadline - chrono::Duration::days(60), deadline),
            Urgency::Within60
        );
        assert_eq!(
            urgency(deadline - chrono::Duration::days(31), deadline),
            Urgency::Within60
        );
        assert_eq!(
            urgency(deadline - chrono::Duration::days(30), deadline),
            Urgency::Within30
        );
        assert_eq!(
            urgency(deadline - chrono::Duration::days(8), deadline),
            Urgency::Within30
        );
        assert_eq!(
            urgency(deadline - chrono::Duration::days(7), deadline),
            Urgency::Within7
        );
        assert_eq!(urgency(deadline, deadline), Urgency::Within7);
        assert_eq!(
            urgency(deadline + chrono::Duration::days(1), deadline),
            Urgency::Passed
        );
    }

    #[test]
    fn tl_06_amendments_need_three_months_notice() {
        let t = t();
        let proposed = d(2026, 4, 1);
        let new = d(2027, 1, 31);
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::CallLaunchDeadline,
                new,
                proposed,
                d(2026, 7, 1)
            ),
            Ok(())
        );
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::CallLaunchDeadline,
                new,
                proposed,
                d(2026, 6, 30)
            ),
            Err(AmendmentProblem::NoticeTooShort)
        );
    }

    #[test]
    fn tl_06_extensions_are_asked_three_months_before_the_phase_ends() {
        let t = t(); // operational phase ends 2031-03-15
        let new = d(2032, 3, 15);
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::OperationalEnd,
                new,
                d(2030, 12, 15),
                d(2031, 3, 15)
            ),
            Ok(())
        );
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::OperationalEnd,
                new,
                d(2030, 12, 16),
                d(2031, 3, 16)
            ),
            Err(AmendmentProblem::ExtensionTooLate)
        );
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::OperationalEnd,
                d(2030, 3, 15),
                d(2026, 4, 1),
                d(2026, 8, 1)
            ),
            Err(AmendmentProblem::NotAnExtension)
        );
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::OperationalEnd,
                t.operational_end,
                d(2026, 4, 1),
                d(2026, 8, 1)
            ),
            Err(AmendmentProblem::Unchanged)
        );
    }

    #[test]
    fn amended_dates_stay_in_order() {
        let t = t();
        assert_eq!(
            check_amendment(
                &t,
                AmendableDate::CallLaunchDeadline,
                d(2030, 1, 1),
                d(2026, 4, 1),
                d(2026, 8, 1)
            ),
            Err(AmendmentProblem::OutOfOrder)
        );
    }
}
