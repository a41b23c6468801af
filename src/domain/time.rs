//! Time as the rules see it: UTC instants in storage, the Almaty calendar for days,
//! exact deadlines (CFP-06), plausible bounds for every date people type, and
//! calendar-month arithmetic that says so when it cannot compute instead of guessing.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, TimeZone, Timelike};
use serde::{Deserialize, Serialize};

/// Asia/Almaty: every date and time is shown there. UTC+5 since 1 March 2024 (UTC+6
/// before), no daylight saving time; the time-zone database knows the history, so a
/// past instant is shown with the offset then in force.
pub const ALMATY: chrono_tz::Tz = chrono_tz::Asia::Almaty;

/// Dates outside these years are typing errors (or attacks) in this domain: financing
/// agreements of this kind are signed and closed within this century.
pub const EARLIEST_YEAR: i32 = 2000;
pub const LATEST_YEAR: i32 = 2100;

/// Why a date cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date outside {EARLIEST_YEAR}–{LATEST_YEAR}")]
    OutOfRange,
    #[error("date arithmetic overflowed")]
    Overflow,
}

impl DateError {
    pub fn message_key(self) -> &'static str {
        match self {
            DateError::OutOfRange => "error-date-out-of-range",
            DateError::Overflow => "error-date-invalid",
        }
    }
}

/// A calendar date within the plausible range.
pub fn plausible_date(d: NaiveDate) -> Result<NaiveDate, DateError> {
    if (EARLIEST_YEAR..=LATEST_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(DateError::OutOfRange)
    }
}

/// An instant (UTC) whose Almaty date is within the plausible range.
pub fn plausible_instant(t: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    plausible_date(t.date())?;
    plausible_date(local_date(t))?;
    Ok(t)
}

/// Parses `YYYY-MM-DD` into a plausible date.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| DateError::Overflow)
        .and_then(plausible_date)
}

/// `d` plus `months` calendar months, clamped to the last day of a shorter month
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(d: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    d.checked_add_months(Months::new(months))
        .ok_or(DateError::Overflow)
}

/// `d` minus `months` calendar months, clamped like `add_months`.
pub fn sub_months(d: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    d.checked_sub_months(Months::new(months))
        .ok_or(DateError::Overflow)
}

/// `d` plus `days` days.
pub fn add_days(d: NaiveDate, days: i64) -> Result<NaiveDate, DateError> {
    Duration::try_days(days)
        .and_then(|delta| d.checked_add_signed(delta))
        .ok_or(DateError::Overflow)
}

/// "At least `months` months before": the one reading of notice periods used by every
/// rule (TL-06, AMD-01). `earlier + months ≤ later`, with `add_months`' month ends.
pub fn is_at_least_months_before(
    earlier: NaiveDate,
    later: NaiveDate,
    months: u32,
) -> Result<bool, DateError> {
    Ok(add_months(earlier, months)? <= later)
}

/// SQLite keeps nanoseconds, PostgreSQL microseconds: instants are truncated to
/// microseconds so a value reads back the same on both.
pub fn truncate_micros(t: NaiveDateTime) -> NaiveDateTime {
    let nanos = t.nanosecond();
    t.with_nanosecond(nanos - nanos % 1000).unwrap_or(t)
}

/// The calendar day in Almaty of a stored UTC instant.
pub fn local_date(t: NaiveDateTime) -> NaiveDate {
    ALMATY.from_utc_datetime(&t).date_naive()
}

/// The wall-clock time in Almaty of a stored UTC instant.
pub fn to_local(t: NaiveDateTime) -> NaiveDateTime {
    ALMATY.from_utc_datetime(&t).naive_local()
}

/// A wall-clock time in Almaty as stored UTC.
pub fn local_to_utc(local: NaiveDateTime) -> NaiveDateTime {
    match ALMATY.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.naive_utc(),
        // A wall-clock time skipped by a change of offset (none since 2024, some in the
        // 1990s): the offset in force just after the change applies.
        chrono::LocalResult::None => ALMATY
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map_or(local - Duration::hours(5), |t| {
                t.naive_utc() - Duration::hours(1)
            }),
    }
}

/// The first instant of an Almaty day, in UTC.
pub fn day_start(d: NaiveDate) -> NaiveDateTime {
    local_to_utc(d.and_time(chrono::NaiveTime::MIN))
}

/// The last microsecond of an Almaty day, in UTC ("by 30 June" includes all of it).
pub fn day_end(d: NaiveDate) -> NaiveDateTime {
    match d.succ_opt() {
        Some(next) => day_start(next) - Duration::microseconds(1),
        None => day_start(d),
    }
}

/// An exact instant by which something must happen (CFP-06): met at the instant itself,
/// missed one microsecond later. Stored in UTC, shown in Almaty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deadline(NaiveDateTime);

/// CFP-06, the one rule for every deadline: something happening at `now` is in time when
/// the deadline exists and `now` is not after it (the deadline's instant included).
pub fn in_time(now: NaiveDateTime, deadline: Option<NaiveDateTime>) -> bool {
    deadline.is_some_and(|d| Deadline::at(d).is_met_at(now))
}

/// CFP-06: the deadline exists and `now` is after it.
pub fn passed(now: NaiveDateTime, deadline: Option<NaiveDateTime>) -> bool {
    deadline.is_some_and(|d| Deadline::at(d).has_passed(now))
}

impl Deadline {
    pub fn at(instant: NaiveDateTime) -> Deadline {
        Deadline(instant)
    }

    /// The end of an Almaty day ("by D + 8 months").
    pub fn end_of_day(d: NaiveDate) -> Deadline {
        Deadline(day_end(d))
    }

    pub fn instant(self) -> NaiveDateTime {
        self.0
    }

    /// Whether something happening at `now` is in time.
    pub fn is_met_at(self, now: NaiveDateTime) -> bool {
        now <= self.0
    }

    pub fn has_passed(self, now: NaiveDateTime) -> bool {
        !self.is_met_at(now)
    }

    /// The deadline `days` whole days earlier (CFP-03's question and answer windows).
    pub fn days_before(self, days: i64) -> Result<Deadline, DateError> {
        Duration::try_days(days)
            .and_then(|delta| self.0.checked_sub_signed(delta))
            .map(Deadline)
            .ok_or(DateError::Overflow)
    }

    /// The deadline `days` whole days later.
    pub fn days_after(self, days: i64) -> Result<Deadline, DateError> {
        Duration::try_days(days)
            .and_then(|delta| self.0.checked_add_signed(delta))
            .map(Deadline)
            .ok_or(DateError::Overflow)
    }

    /// The Almaty day it falls on.
    pub fn local_date(self) -> NaiveDate {
        local_date(self.0)
    }

    /// Time left at `now` (negative once passed).
    pub fn remaining_at(self, now: NaiveDateTime) -> Duration {
        self.0 - now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn almaty_was_utc_plus_six_before_march_2024_and_is_utc_plus_five_since() {
        let utc = |y, m, d, h| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        // 18:00 in Almaty was 12:00 UTC in 2023 and is 13:00 UTC now.
        assert_eq!(local_to_utc(utc(2023, 6, 1, 18)), utc(2023, 6, 1, 12));
        assert_eq!(local_to_utc(utc(2026, 6, 1, 18)), utc(2026, 6, 1, 13));
        assert_eq!(to_local(utc(2023, 6, 1, 12)), utc(2023, 6, 1, 18));
        // Round trip at any hour of both periods.
        for t in [utc(2024, 2, 29, 23), utc(2024, 3, 1, 5), utc(2025, 1, 1, 0)] {
            assert_eq!(local_to_utc(to_local(t)), t);
        }
    }
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn almaty_is_utc_plus_five() {
        let utc = d(2026, 11, 24).and_hms_opt(19, 30, 0).unwrap();
        assert_eq!(local_date(utc), d(2026, 11, 25));
        assert_eq!(
            to_local(utc),
            d(2026, 11, 25).and_hms_opt(0, 30, 0).unwrap()
        );
        assert_eq!(local_to_utc(to_local(utc)), utc);
        assert_eq!(
            day_start(d(2026, 11, 25)),
            d(2026, 11, 24).and_hms_opt(19, 0, 0).unwrap()
        );
        assert_eq!(
            day_end(d(2026, 11, 25)),
            d(2026, 11, 25)
                .and_hms_micro_opt(18, 59, 59, 999_999)
                .unwrap()
        );
    }

    #[test]
    fn a_deadline_is_met_at_its_instant_and_missed_a_microsecond_later() {
        let at = d(2026, 9, 30).and_hms_opt(7, 0, 0).unwrap();
        let deadline = Deadline::at(at);
        assert!(deadline.is_met_at(at));
        assert!(deadline.has_passed(at + Duration::microseconds(1)));
        assert_eq!(
            deadline.days_before(21).unwrap().instant(),
            at - Duration::days(21)
        );
        assert_eq!(
            Deadline::end_of_day(d(2026, 9, 30)).local_date(),
            d(2026, 9, 30)
        );
        assert!(Deadline::at(NaiveDateTime::MIN).days_before(1).is_err());
    }

    #[test]
    fn plausible_dates_are_this_century() {
        assert!(plausible_date(d(2000, 1, 1)).is_ok());
        assert!(plausible_date(d(2100, 12, 31)).is_ok());
        assert_eq!(plausible_date(d(1999, 12, 31)), Err(DateError::OutOfRange));
        assert_eq!(plausible_date(d(2101, 1, 1)), Err(DateError::OutOfRange));
        assert_eq!(parse_date("0000-01-01"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("9999-12-31"), Err(DateError::OutOfRange));
        assert!(parse_date("+262142-01-01").is_err());
        assert!(plausible_instant(NaiveDateTime::MIN).is_err());
    }

    #[test]
    fn month_arithmetic_reports_overflow_instead_of_returning_its_input() {
        assert_eq!(add_months(NaiveDate::MAX, 1), Err(DateError::Overflow));
        assert_eq!(sub_months(NaiveDate::MIN, 1), Err(DateError::Overflow));
        assert_eq!(add_months(d(2026, 1, 31), 1), Ok(d(2026, 2, 28)));
        assert_eq!(add_months(d(2028, 1, 31), 1), Ok(d(2028, 2, 29)));
    }

    #[test]
    fn notice_periods_read_one_way_at_month_ends() {
        // An extension asked on 31 March for a phase ending 30 June: three months.
        assert_eq!(
            is_at_least_months_before(d(2026, 3, 31), d(2026, 6, 30), 3),
            Ok(true)
        );
        assert_eq!(
            is_at_least_months_before(d(2026, 4, 1), d(2026, 6, 30), 3),
            Ok(false)
        );
        assert_eq!(
            is_at_least_months_before(d(2026, 3, 30), d(2026, 6, 30), 3),
            Ok(true)
        );
    }

    fn any_plausible_date() -> impl Strategy<Value = NaiveDate> {
        (EARLIEST_YEAR..=LATEST_YEAR, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, day)| {
                NaiveDate::from_ymd_opt(y, m, day)
            })
    }

    proptest! {
        #[test]
        fn adding_months_moves_forward_by_whole_months(day in any_plausible_date(), n in 0u32..=240) {
            let later = add_months(day, n).unwrap();
            prop_assert!(later >= day);
            let months = (later.year() - day.year()) * 12 + later.month() as i32 - day.month() as i32;
            prop_assert_eq!(months, n as i32);
            // Clamped only when the day does not exist in the target month.
            prop_assert!(later.day() == day.day() || later.day() < day.day());
        }

        #[test]
        fn subtracting_undoes_adding_unless_the_day_was_clamped(day in any_plausible_date(), n in 0u32..=240) {
            let back = sub_months(add_months(day, n).unwrap(), n).unwrap();
            prop_assert!(back <= day);
            if day.day() <= 28 {
                prop_assert_eq!(back, day);
            }
            prop_assert_eq!(is_at_least_months_before(day, add_months(day, n).unwrap(), n), Ok(true));
        }

        #[test]
        fn the_almaty_day_contains_its_start_and_end(day in any_plausible_date()) {
            prop_assert_eq!(local_date(day_start(day)), day);
            prop_assert_eq!(local_date(day_end(day)), day);
            prop_assert!(day_start(day) < day_end(day));
        }
    }

    #[test]
    fn every_deadline_is_met_at_its_instant_and_missed_a_microsecond_later() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 21)
            .unwrap()
            .and_hms_opt(13, 0, 0)
            .unwrap();
        let later = d + Duration::microseconds(1);
        assert!(in_time(d, Some(d)) && !passed(d, Some(d)));
        assert!(!in_time(later, Some(d)) && passed(later, Some(d)));
        // No deadline: nothing is in time, nothing has passed.
        assert!(!in_time(d, None) && !passed(d, None));
    }
}
