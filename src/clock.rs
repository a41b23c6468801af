//! The one source of "now". Production reads the system clock; tests move an offset to
//! stand one second either side of a deadline or an expiry.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{NaiveDateTime, Utc};

#[derive(Debug, Clone)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
    /// Microseconds since the epoch of a frozen "now", or `NOT_FROZEN`.
    frozen_micros: Arc<AtomicI64>,
}

const NOT_FROZEN: i64 = i64::MIN;

impl Default for Clock {
    fn default() -> Self {
        Clock {
            offset_ms: Arc::new(AtomicI64::new(0)),
            frozen_micros: Arc::new(AtomicI64::new(NOT_FROZEN)),
        }
    }
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// Current UTC time, truncated to microseconds (what both databases keep).
    pub fn now(&self) -> NaiveDateTime {
        let frozen = self.frozen_micros.load(Ordering::SeqCst);
        if frozen != NOT_FROZEN {
            if let Some(t) = chrono::DateTime::from_timestamp_micros(frozen) {
                return t.naive_utc();
            }
        }
        let t = Utc::now().naive_utc()
            + chrono::Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst));
        crate::domain::time::truncate_micros(t)
    }

    /// Moves this clock (and every clone of it) forward; for tests and demonstrations.
    pub fn advance(&self, by: chrono::Duration) {
        let frozen = self.frozen_micros.load(Ordering::SeqCst);
        if frozen != NOT_FROZEN {
            self.frozen_micros.store(
                frozen + by.num_microseconds().unwrap_or(0),
                Ordering::SeqCst,
            );
        }
        self.offset_ms
            .fetch_add(by.num_milliseconds(), Ordering::SeqCst);
    }

    /// The instant this clock stands still at, if it is frozen.
    pub fn frozen_at(&self) -> Option<NaiveDateTime> {
        let frozen = self.frozen_micros.load(Ordering::SeqCst);
        (frozen != NOT_FROZEN)
            .then(|| chrono::DateTime::from_timestamp_micros(frozen).map(|t| t.naive_utc()))
            .flatten()
    }

    /// Lets this clock run again (with its offset), after `freeze_at`.
    pub fn unfreeze(&self) {
        self.frozen_micros.store(NOT_FROZEN, Ordering::SeqCst);
    }

    /// Stops this clock at `at` (UTC), to stand exactly one second either side of a
    /// deadline in tests.
    pub fn freeze_at(&self, at: NaiveDateTime) {
        self.frozen_micros
            .store(at.and_utc().timestamp_micros(), Ordering::SeqCst);
    }
}

pub use crate::domain::time::{local_date, local_to_utc, ALMATY as DISPLAY_TZ};

/// Formats a stored UTC time for people: `2026-11-24 22:45` (Almaty).
pub fn format_local(t: NaiveDateTime) -> String {
    crate::domain::time::to_local(t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn almaty_is_utc_plus_five() {
        let utc = NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(19, 30, 0)
            .unwrap();
        assert_eq!(format_local(utc), "2026-11-25 00:30");
        assert_eq!(
            local_date(utc),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
        );
        assert_eq!(local_to_utc(utc + chrono::Duration::hours(5)), utc);
    }
}
