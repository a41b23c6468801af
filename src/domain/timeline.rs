//! The programme timeline (DOMAIN.md §1, TL-01…TL-09): every date is computed from the
//! entry into force D, except where a recorded amendment moved it.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use super::time::{add_months, sub_months, DateError};
use super::time::{is_at_least_months_before, plausible_date};

/// Rule TL-01: calls are published by D + 8 months.
pub const CALL_LAUNCH_MONTHS: u32 = 8;
/// Rule TL-02: every contract is signed by D + 36 months; never extended.
pub const CONTRACTING_MONTHS: u32 = 36;
/// Rule TL-03: the operational phase runs from D to D + 60 months.
pub const OPERATIONAL_MONTHS: u32 = 60;
/// Rule TL-04: the closure phase lasts 24 months; execution ends D + 84 months.
pub const CLOSURE_MONTHS: u32 = 24;
/// Where an obligation of the programme stands (TL-05, TL-07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationState {
    /// Recorded as done, on time.
    Done,
    /// Recorded as done after its date.
    DoneLate,
    /// Not recorded, its date still ahead (or today).
    Due,
    /// Not recorded and its date has passed.
    Missed,
}

/// TL-05, TL-07: an obligation is done when recorded, late when recorded done after its
/// date, missed when its date passed with nothing recorded.
pub fn obligation_state(
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> ObligationState {
    match done_on {
        Some(d) if d <= due => ObligationState::Done,
        Some(_) => ObligationState::DoneLate,
        None if today > due => ObligationState::Missed,
        None => ObligationState::Due,
    }
}

/// Rule TL-05: unused balance is decommitted 6 months after execution ends.
pub const DECOMMITMENT_MONTHS: u32 = 6;
/// Rule TL-06: amendments are proposed at least 3 months before they take effect, and
/// phase extensions requested at least 3 months before the phase ends.
pub const AMENDMENT_NOTICE_MONTHS: u32 = 3;
/// Rule TL-07: reports to the Steering Committee at least every 6 months.
pub const STEERING_REPORT_MONTHS: u32 = 6;
/// Rule TL-09: no payment and no contract within 3 years of D ends the agreement.
pub const SUNSET_MONTHS: u32 = 36;

/// Rule TL-09: the agreement ends by itself only when, 3 years after D, no contract has
/// been signed and no payment made: the warning applies while both are still true.
pub fn sunset_threatens(any_contract_signed: bool, any_payment: bool) -> bool {
    !any_contract_signed && !any_payment
}
/// Days before a deadline at which the portal warns (60, 30 and 7 days).
pub const WARNING_DAYS: [i64; 3] = [60, 30, 7];

/// No programme date (amended or not) lies more than 15 years after D: the programme's
/// own horizon, far beyond D + 84 months plus any extension an addendum could grant.
pub const HORIZON_MONTHS: u32 = 180;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Timeline {
    /// D: the day the last party signed.
    pub entry_into_force: NaiveDate,
    /// TL-01: calls published (and open) by this day.
    pub call_launch_deadline: NaiveDate,
    /// TL-02: every contract signed by this day (never moved).
    pub contracting_deadline: NaiveDate,
    /// TL-03: end of the operational phase.
    pub operational_end: NaiveDate,
    /// TL-04: end of execution (closure phase).
    pub execution_end: NaiveDate,
    /// TL-05: unused balance decommitted.
    pub decommitment: NaiveDate,
    /// TL-09: the agreement ends if nothing is contracted or paid by this day.
    pub sunset_check: NaiveDate,
}

impl Timeline {
    /// The dates of a programme that entered into force on `d`, with `overrides` from
    /// amendments. Fails only for dates outside the plausible range.
    pub fn compute(d: NaiveDate, overrides: &Overrides) -> Result<Timeline, DateError> {
        plausible_date(d)?;
        let operational_end = match overrides.operational_end {
            Some(date) => date,
            None => add_months(d, OPERATIONAL_MONTHS)?,
        };
        // Rule TL-04: the closure phase lasts at least 24 months after the operational
        // phase, so extending the operational phase pushes the end of execution, and an
        // amended end of execution can only lengthen the closure phase.
        let minimum_execution_end = add_months(operational_end, CLOSURE_MONTHS)?;
        let execution_end = overrides
            .execution_end
            .map_or(minimum_execution_end, |e| e.max(minimum_execution_end));
        Ok(Timeline {
            entry_into_force: d,
            call_launch_deadline: match overrides.call_launch_deadline {
                Some(date) => date,
                None => add_months(d, CALL_LAUNCH_MONTHS)?,
            },
            contracting_deadline: add_months(d, CONTRACTING_MONTHS)?,
            operational_end,
            execution_end,
            decommitment: add_months(execution_end, DECOMMITMENT_MONTHS)?,
            sunset_check: add_months(d, SUNSET_MONTHS)?,
        })
    }

    /// The last day any date of this programme may take (D + 15 years).
    pub fn horizon(&self) -> Result<NaiveDate, DateError> {
        add_months(self.entry_into_force, HORIZON_MONTHS)
    }

    pub fn date_of(&self, which: AmendableDate) -> NaiveDate {
        match which {
            AmendableDate::CallLaunchDeadline => self.call_launch_deadline,
            AmendableDate::OperationalEnd => self.operational_end,
            AmendableDate::ExecutionEnd => self.execution_end,
        }
    }

    /// Rule TL-07: Steering Committee report dates, every 6 months from D until the
    /// end of execution (bounded by the horizon whatever the dates say).
    pub fn steering_reports(&self) -> Vec<NaiveDate> {
        let most = HORIZON_MONTHS / STEERING_REPORT_MONTHS;
        (1..=most)
            .map_while(|n| add_months(self.entry_into_force, n * STEERING_REPORT_MONTHS).ok())
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

    /// TL-05 and TL-07: what the programme owes by a date (each Steering Committee
    /// report and the decommitment), to be recorded as done.
    pub fn obligations(&self) -> Vec<(&'static str, NaiveDate)> {
        let mut out: Vec<(&'static str, NaiveDate)> = self
            .steering_reports()
            .into_iter()
            .map(|d| ("TL-07", d))
            .collect();
        out.push(("TL-05", self.decommitment));
        out.sort_by_key(|(_, d)| *d);
        out
    }

    /// Rule TL-01: may a call be published (or open) on `day`?
    pub fn may_publish_call_on(&self, day: NaiveDate) -> bool {
        day <= self.call_launch_deadline
    }

    /// Dates in the order the financing agreement sets them.
    fn is_ordered(&self) -> bool {
        self.entry_into_force < self.call_launch_deadline
            && self.call_launch_deadline <= self.contracting_deadline
            && self.contracting_deadline <= self.operational_end
            && self.operational_end < self.execution_end
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

/// The warning step (60, 30 or 7 days) a deadline `days` ahead falls in, for warnings
/// sent once per step (the daily watch); None when it is further away or passed.
pub fn warning_due(deadline: NaiveDate, today: NaiveDate) -> Option<i64> {
    let days = (deadline - today).num_days();
    if days < 0 {
        return None;
    }
    WARNING_DAYS
        .iter()
        .rev()
        .copied()
        .find(|step| days <= *step)
}

/// One recorded (or proposed) amendment of a programme date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amendment {
    pub which: AmendableDate,
    pub new_date: NaiveDate,
    pub proposed_on: NaiveDate,
    pub effective_on: NaiveDate,
}

/// The amendments in the order they take effect (ties keep their recording order).
fn in_order_of_effect(amendments: &[Amendment]) -> Vec<Amendment> {
    let mut sorted = amendments.to_vec();
    sorted.sort_by_key(|a| a.effective_on);
    sorted
}

/// The timeline in force on `day`: D and every amendment that has taken effect by then
/// (TL-06: an amendment counts from the day it takes effect).
pub fn timeline_on(
    d: NaiveDate,
    amendments: &[Amendment],
    day: NaiveDate,
) -> Result<Timeline, DateError> {
    let mut overrides = Overrides::default();
    for a in in_order_of_effect(amendments)
        .into_iter()
        .filter(|a| a.effective_on <= day)
    {
        overrides.set(a.which, a.new_date);
    }
    Timeline::compute(d, &overrides)
}

/// The timeline once every recorded amendment, pending ones included, has taken effect.
pub fn final_timeline(d: NaiveDate, amendments: &[Amendment]) -> Result<Timeline, DateError> {
    timeline_on(d, amendments, NaiveDate::MAX)
}

/// Why an amendment of a programme date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendmentProblem {
    /// TL-06: proposed less than 3 months before it takes effect.
    NoticeTooShort,
    /// TL-06: a phase extension asked for less than 3 months before the phase ends.
    ExtensionTooLate,
    /// A phase extension that would take effect after the phase has ended.
    EffectAfterPhaseEnd,
    /// An extension must move the date later.
    NotAnExtension,
    /// The new date equals the current one.
    Unchanged,
    /// Dates out of order (the call launch after the contracting deadline, …).
    OutOfOrder,
    /// TL-04: the closure phase would be shorter than 24 months.
    ClosureTooShort,
    /// Outside the programme's horizon (D to D + 15 years).
    OutOfRange,
    /// A pending amendment that takes effect later would no longer hold.
    ConflictsWithPending,
}

impl AmendmentProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            AmendmentProblem::NoticeTooShort => "error-amendment-notice",
            AmendmentProblem::ExtensionTooLate => "error-amendment-extension-late",
            AmendmentProblem::EffectAfterPhaseEnd => "error-amendment-after-phase-end",
            AmendmentProblem::NotAnExtension => "error-amendment-not-extension",
            AmendmentProblem::Unchanged => "error-amendment-unchanged",
            AmendmentProblem::OutOfOrder => "error-amendment-order",
            AmendmentProblem::ClosureTooShort => "error-amendment-closure-short",
            AmendmentProblem::OutOfRange => "error-amendment-out-of-range",
            AmendmentProblem::ConflictsWithPending => "error-amendment-conflicts-pending",
        }
    }

    /// The field of the amendment form the problem is about.
    pub fn field(self) -> &'static str {
        match self {
            AmendmentProblem::NoticeTooShort | AmendmentProblem::EffectAfterPhaseEnd => {
                "effective_on"
            }
            _ => "new_date",
        }
    }
}

/// Rule TL-06 for one amendment `a`, applied on top of the amendments already in force
/// (`overrides`); returns the overrides with `a` applied.
fn check_one(
    d: NaiveDate,
    overrides: &Overrides,
    a: &Amendment,
) -> Result<Overrides, AmendmentProblem> {
    let out_of_range = |_| AmendmentProblem::OutOfRange;
    let before = Timeline::compute(d, overrides).map_err(out_of_range)?;
    let horizon = before.horizon().map_err(out_of_range)?;
    let in_range = |day: NaiveDate| plausible_date(day).is_ok() && day > d && day <= horizon;
    if !in_range(a.new_date) || !in_range(a.effective_on) || plausible_date(a.proposed_on).is_err()
    {
        return Err(AmendmentProblem::OutOfRange);
    }
    let current = before.date_of(a.which);
    if a.new_date == current {
        return Err(AmendmentProblem::Unchanged);
    }
    let months_before = |earlier, later| {
        is_at_least_months_before(earlier, later, AMENDMENT_NOTICE_MONTHS).map_err(out_of_range)
    };
    if a.which.is_phase_extension() {
        if a.new_date < current {
            return Err(AmendmentProblem::NotAnExtension);
        }
        if !months_before(a.proposed_on, current)? {
            return Err(AmendmentProblem::ExtensionTooLate);
        }
    }
    if !months_before(a.proposed_on, a.effective_on)? {
        return Err(AmendmentProblem::NoticeTooShort);
    }
    if a.which.is_phase_extension() && a.effective_on > current {
        return Err(AmendmentProblem::EffectAfterPhaseEnd);
    }
    let mut after_overrides = overrides.clone();
    after_overrides.set(a.which, a.new_date);
    // The same computation that shows the timeline decides whether it still holds.
    let after = Timeline::compute(d, &after_overrides).map_err(out_of_range)?;
    if a.which == AmendableDate::ExecutionEnd && after.execution_end != a.new_date {
        return Err(AmendmentProblem::ClosureTooShort);
    }
    if !after.is_ordered() {
        return Err(AmendmentProblem::OutOfOrder);
    }
    if after.decommitment > horizon {
        return Err(AmendmentProblem::OutOfRange);
    }
    Ok(after_overrides)
}

/// Replays amendments in the order they take effect, each checked against the timeline
/// in force just before it and then applied (as the display applies every recorded
/// amendment); returns the index in `list` and the problem of each one that fails.
fn replay(d: NaiveDate, list: &[Amendment]) -> Vec<(usize, AmendmentProblem)> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    // Stable: amendments taking effect the same day keep their recording order.
    order.sort_by_key(|i| list[*i].effective_on);
    let mut overrides = Overrides::default();
    let mut failing = Vec::new();
    for i in order {
        if let Err(problem) = check_one(d, &overrides, &list[i]) {
            failing.push((i, problem));
        }
        overrides.set(list[i].which, list[i].new_date);
    }
    failing
}

/// Rule TL-06: checks a `proposed` amendment of a programme in force since `d`, given
/// the `recorded` amendments (pending ones included). Every amendment is replayed in
/// the order it takes effect against the timeline in force just before it, with the
/// computation that shows the timeline, so the check and the display never disagree
/// and a new amendment cannot break a pending one.
pub fn check_amendment(
    d: NaiveDate,
    recorded: &[Amendment],
    proposed: &Amendment,
) -> Result<(), AmendmentProblem> {
    let mut with_proposal = recorded.to_vec();
    with_proposal.push(*proposed);
    let failing = replay(d, &with_proposal);
    if let Some((_, problem)) = failing.iter().find(|(i, _)| *i == recorded.len()) {
        return Err(*problem);
    }
    // Recorded amendments were checked when recorded; one that no longer holds now
    // that the proposal comes before it was broken by the proposal.
    let already_failing: Vec<usize> = replay(d, recorded).into_iter().map(|f| f.0).collect();
    if failing.iter().any(|(i, _)| !already_failing.contains(i)) {
        return Err(AmendmentProblem::ConflictsWithPending);
    }
    Ok(())
}

/// Whether every recorded amendment still holds for a programme in force since `d`
/// (used when D itself is corrected before any call is published).
pub fn amendments_hold(d: NaiveDate, recorded: &[Amendment]) -> bool {
    replay(d, recorded).is_empty()
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

    #[test]
    fn tl_09_the_agreement_ends_only_with_nothing_signed_and_nothing_paid() {
        assert!(sunset_threatens(false, false));
        assert!(!sunset_threatens(true, false));
        assert!(!sunset_threatens(false, true));
        assert!(!sunset_threatens(true, true));
    }
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const D: fn() -> NaiveDate = || d(2026, 3, 15);

    fn t() -> Timeline {
        Timeline::compute(D(), &Overrides::default()).unwrap()
    }

    fn amend(
        which: AmendableDate,
        new: NaiveDate,
        proposed: NaiveDate,
        effective: NaiveDate,
    ) -> Amendment {
        Amendment {
            which,
            new_date: new,
            proposed_on: proposed,
            effective_on: effective,
        }
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
        let t = Timeline::compute(d(2026, 6, 30), &Overrides::default()).unwrap();
        assert_eq!(t.call_launch_deadline, d(2027, 2, 28));
    }

    #[test]
    fn an_implausible_d_is_an_error_not_a_silent_date() {
        assert!(Timeline::compute(d(1999, 12, 31), &Overrides::default()).is_err());
        assert!(Timeline::compute(NaiveDate::MAX, &Overrides::default()).is_err());
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
        let t = Timeline::compute(D(), &o).unwrap();
        assert!(t.may_publish_call_on(d(2027, 1, 31)));
        assert!(!t.may_publish_call_on(d(2027, 2, 1)));
        // TL-02 never moves.
        assert_eq!(t.contracting_deadline, d(2029, 3, 15));
    }

    #[test]
    fn tl_04_an_operational_extension_pushes_the_closure() {
        let mut o = Overrides::default();
        o.set(AmendableDate::OperationalEnd, d(2032, 3, 15));
        let t = Timeline::compute(D(), &o).unwrap();
        assert_eq!(t.execution_end, d(2034, 3, 15));
        assert_eq!(t.decommitment, d(2034, 9, 15));
    }

    #[test]
    fn tl_04_the_closure_phase_never_shrinks_below_24_months() {
        // The end of execution was extended first, then the operational phase: the
        // closure phase keeps its 24 months.
        let mut o = Overrides::default();
        o.set(AmendableDate::ExecutionEnd, d(2033, 9, 15));
        o.set(AmendableDate::OperationalEnd, d(2032, 3, 15));
        let t = Timeline::compute(D(), &o).unwrap();
        assert_eq!(t.execution_end, d(2034, 3, 15));
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
    fn steering_reports_stop_at_the_horizon_whatever_the_dates() {
        let mut o = Overrides::default();
        o.set(AmendableDate::ExecutionEnd, d(2100, 12, 31));
        let t = Timeline::compute(D(), &o).unwrap();
        assert_eq!(
            t.steering_reports().len() as u32,
            HORIZON_MONTHS / STEERING_REPORT_MONTHS
        );
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
    fn a_warning_step_for_each_of_60_30_and_7_days() {
        let deadline = NaiveDate::from_ymd_opt(2030, 3, 15).unwrap();
        let day = |n: i64| deadline - chrono::Duration::days(n);
        assert_eq!(warning_due(deadline, day(61)), None);
        assert_eq!(warning_due(deadline, day(60)), Some(60));
        assert_eq!(warning_due(deadline, day(31)), Some(60));
        assert_eq!(warning_due(deadline, day(30)), Some(30));
        assert_eq!(warning_due(deadline, day(8)), Some(30));
        assert_eq!(warning_due(deadline, day(7)), Some(7));
        assert_eq!(warning_due(deadline, day(0)), Some(7));
        assert_eq!(warning_due(deadline, day(-1)), None);
    }

    #[test]
    fn warnings_at_60_30_and_7_days() {
        let deadline = d(2026, 12, 31);
        let days = |n| deadline - chrono::Duration::days(n);
        assert_eq!(urgency(days(61), deadline), Urgency::Later);
        assert_eq!(urgency(days(60), deadline), Urgency::Within60);
        assert_eq!(urgency(days(31), deadline), Urgency::Within60);
        assert_eq!(urgency(days(30), deadline), Urgency::Within30);
        assert_eq!(urgency(days(8), deadline), Urgency::Within30);
        assert_eq!(urgency(days(7), deadline), Urgency::Within7);
        assert_eq!(urgency(deadline, deadline), Urgency::Within7);
        assert_eq!(urgency(days(-1), deadline), Urgency::Passed);
    }

    #[test]
    fn tl_06_amendments_need_three_months_notice() {
        let launch = |effective| {
            amend(
                AmendableDate::CallLaunchDeadline,
                d(2027, 1, 31),
                d(2026, 4, 1),
                effective,
            )
        };
        assert_eq!(check_amendment(D(), &[], &launch(d(2026, 7, 1))), Ok(()));
        assert_eq!(
            check_amendment(D(), &[], &launch(d(2026, 6, 30))),
            Err(AmendmentProblem::NoticeTooShort)
        );
    }

    #[test]
    fn tl_06_extensions_are_asked_three_months_before_the_phase_ends() {
        // The operational phase ends 2031-03-15.
        let op = |new, proposed, effective| {
            amend(AmendableDate::OperationalEnd, new, proposed, effective)
        };
        let new = d(2032, 3, 15);
        assert_eq!(
            check_amendment(D(), &[], &op(new, d(2030, 12, 15), d(2031, 3, 15))),
            Ok(())
        );
        assert_eq!(
            check_amendment(D(), &[], &op(new, d(2030, 12, 16), d(2031, 3, 16))),
            Err(AmendmentProblem::ExtensionTooLate)
        );
        assert_eq!(
            check_amendment(D(), &[], &op(d(2030, 3, 15), d(2026, 4, 1), d(2026, 8, 1))),
            Err(AmendmentProblem::NotAnExtension)
        );
        assert_eq!(
            check_amendment(
                D(),
                &[],
                &op(t().operational_end, d(2026, 4, 1), d(2026, 8, 1))
            ),
            Err(AmendmentProblem::Unchanged)
        );
    }

    #[test]
    fn tl_06_an_extension_asked_on_31_march_for_a_phase_ending_30_june_is_in_time() {
        // D = 2021-06-30: the operational phase ends 2026-06-30.
        let d0 = d(2021, 6, 30);
        let ext = |proposed| {
            amend(
                AmendableDate::OperationalEnd,
                d(2027, 6, 30),
                proposed,
                d(2026, 6, 30),
            )
        };
        assert_eq!(check_amendment(d0, &[], &ext(d(2026, 3, 31))), Ok(()));
        assert_eq!(
            check_amendment(d0, &[], &ext(d(2026, 4, 1))),
            Err(AmendmentProblem::ExtensionTooLate)
        );
    }

    #[test]
    fn tl_06_an_extension_cannot_take_effect_after_the_phase_ended() {
        let op = |effective| {
            amend(
                AmendableDate::OperationalEnd,
                d(2032, 3, 15),
                d(2030, 1, 1),
                effective,
            )
        };
        assert_eq!(check_amendment(D(), &[], &op(d(2031, 3, 15))), Ok(()));
        assert_eq!(
            check_amendment(D(), &[], &op(d(2031, 3, 16))),
            Err(AmendmentProblem::EffectAfterPhaseEnd)
        );
    }

    #[test]
    fn tl_06_a_long_extension_of_the_operational_phase_is_accepted() {
        // Past the current end of execution: the closure phase follows it.
        let long = amend(
            AmendableDate::OperationalEnd,
            d(2034, 3, 15),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(check_amendment(D(), &[], &long), Ok(()));
        let t = final_timeline(D(), &[long]).unwrap();
        assert_eq!(t.execution_end, d(2036, 3, 15));
    }

    #[test]
    fn tl_06_pending_amendments_are_checked_together() {
        // A pending extension of the operational phase to 2033-03-15 takes effect in
        // 2027; a new amendment taking effect earlier and moving the same date to
        // 2034 makes the pending one a shortening: refused.
        let pending = amend(
            AmendableDate::OperationalEnd,
            d(2033, 3, 15),
            d(2026, 4, 1),
            d(2027, 1, 1),
        );
        let earlier = amend(
            AmendableDate::OperationalEnd,
            d(2034, 3, 15),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(
            check_amendment(D(), &[pending], &earlier),
            Err(AmendmentProblem::ConflictsWithPending)
        );
        // Against the timeline as it will be once the pending one is in force.
        let later = amend(
            AmendableDate::OperationalEnd,
            d(2034, 3, 15),
            d(2026, 4, 1),
            d(2027, 6, 1),
        );
        assert_eq!(check_amendment(D(), &[pending], &later), Ok(()));
        let unchanged = amend(
            AmendableDate::OperationalEnd,
            d(2033, 3, 15),
            d(2026, 4, 1),
            d(2027, 6, 1),
        );
        assert_eq!(
            check_amendment(D(), &[pending], &unchanged),
            Err(AmendmentProblem::Unchanged)
        );
    }

    #[test]
    fn amended_dates_stay_in_order_and_within_the_horizon() {
        let launch = amend(
            AmendableDate::CallLaunchDeadline,
            d(2030, 1, 1),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(
            check_amendment(D(), &[], &launch),
            Err(AmendmentProblem::OutOfOrder)
        );
        let far = amend(
            AmendableDate::ExecutionEnd,
            d(9999, 1, 1),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(
            check_amendment(D(), &[], &far),
            Err(AmendmentProblem::OutOfRange)
        );
        let beyond = amend(
            AmendableDate::ExecutionEnd,
            d(2041, 3, 16),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(
            check_amendment(D(), &[], &beyond),
            Err(AmendmentProblem::OutOfRange)
        );
        let within = amend(
            AmendableDate::ExecutionEnd,
            d(2040, 9, 15),
            d(2026, 4, 1),
            d(2026, 8, 1),
        );
        assert_eq!(check_amendment(D(), &[], &within), Ok(()));
    }

    fn any_d() -> impl Strategy<Value = NaiveDate> {
        (2000i32..=2085, 1u32..=12, 1u32..=31).prop_filter_map("a real date", |(y, m, day)| {
            NaiveDate::from_ymd_opt(y, m, day)
        })
    }

    proptest! {
        #[test]
        fn every_timeline_is_in_order(day in any_d(), extension in 0u32..=60) {
            let mut o = Overrides::default();
            if extension > 0 {
                o.set(AmendableDate::OperationalEnd, add_months(day, OPERATIONAL_MONTHS + extension).unwrap());
            }
            let t = Timeline::compute(day, &o).unwrap();
            prop_assert!(t.is_ordered());
            prop_assert!(t.execution_end >= add_months(t.operational_end, CLOSURE_MONTHS).unwrap());
            prop_assert!(t.decommitment > t.execution_end);
            prop_assert!(t.sunset_check == t.contracting_deadline);
            let reports = t.steering_reports();
            prop_assert!(reports.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(reports.iter().all(|r| *r > day && *r <= t.execution_end));
        }

        #[test]
        fn an_accepted_amendment_shows_as_checked(day in any_d(), months in 1u32..=36, lead in 3u32..=24) {
            let t = Timeline::compute(day, &Overrides::default()).unwrap();
            let proposed = sub_months(t.operational_end, lead).unwrap();
            let a = amend(AmendableDate::OperationalEnd, add_months(t.operational_end, months).unwrap(), proposed, add_months(proposed, 3).unwrap());
            prop_assert_eq!(check_amendment(day, &[], &a), Ok(()));
            let after = final_timeline(day, &[a]).unwrap();
            prop_assert_eq!(after.operational_end, a.new_date);
            prop_assert!(after.is_ordered());
        }
    }

    #[test]
    fn obligations_are_done_late_due_or_missed() {
        let due = d(2029, 3, 15);
        assert_eq!(
            obligation_state(due, Some(due), d(2030, 1, 1)),
            ObligationState::Done
        );
        assert_eq!(
            obligation_state(due, Some(d(2029, 3, 16)), d(2030, 1, 1)),
            ObligationState::DoneLate
        );
        assert_eq!(obligation_state(due, None, due), ObligationState::Due);
        assert_eq!(
            obligation_state(due, None, d(2029, 3, 16)),
            ObligationState::Missed
        );
        let o = t().obligations();
        assert_eq!(o.last().map(|x| x.0), Some("TL-05"));
        assert!(o.iter().filter(|x| x.0 == "TL-07").count() >= 2);
    }
}
