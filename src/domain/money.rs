//! Money: whole euro cents in a newtype, checked arithmetic, never floats.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(transparent)]
pub struct Money(i64);

/// Why a typed amount is not money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Invalid,
    Negative,
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money(0);
    /// Amounts above EUR 10 billion are typing errors in this domain.
    pub const MAX: Money = Money(10_000_000_000 * 100);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn euros(euros: i64) -> Money {
        Money(euros * 100)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// What is left after `other`, never below zero (what is still free of an envelope).
    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0).max(0))
    }

    /// Sum of amounts; None on overflow.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        items.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }

    /// `self × basis_points / 10 000`, rounded down (shares are in basis points).
    pub fn share(self, basis_points: i64) -> Option<Money> {
        (self.0 as i128)
            .checked_mul(basis_points as i128)
            .map(|v| v / 10_000)
            .and_then(|v| i64::try_from(v).ok())
            .map(Money)
    }

    /// Parses what people type in English, Kazakh or Russian conventions: "2100000",
    /// "2,100,000.50", "2 100 000,50", "2.100.000,50", optionally with "EUR" or "€".
    /// At most two decimals after the last "." or ","; thousands grouped by one kind
    /// of separator (comma, dot, space, apostrophe) in groups of exactly three digits.
    /// Anything else ("0.001", "1,2,3", "12.34.56") is refused rather than guessed.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let mut s = input.trim();
        for marker in ["EUR", "€"] {
            s = s.trim_start_matches(marker).trim_end_matches(marker).trim();
        }
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        if s.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        // Every kind of space (including no-break spaces) groups thousands alike.
        let s: String = s
            .chars()
            .map(|c| {
                if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let (int_part, frac_part, decimal_sep) = match s.rfind(['.', ',']) {
            Some(pos)
                if (1..=2).contains(&(s.len() - pos - 1))
                    && s[pos + 1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                (&s[..pos], &s[pos + 1..], s[pos..].chars().next())
            }
            _ => (s.as_str(), "", None),
        };
        let digits = Self::ungrouped(int_part, decimal_sep).ok_or(MoneyError::Invalid)?;
        let euros: i64 = digits.parse().map_err(|_| MoneyError::TooLarge)?;
        let cents: i64 = match frac_part.len() {
            0 => 0,
            1 => frac_part.parse::<i64>().map_err(|_| MoneyError::Invalid)? * 10,
            _ => frac_part.parse().map_err(|_| MoneyError::Invalid)?,
        };
        let total = euros
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .ok_or(MoneyError::TooLarge)?;
        if total > Money::MAX.0 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(total))
    }

    /// The digits of a whole-euro part, thousands separators removed, or None when the
    /// grouping is not a consistent grouping by threes.
    fn ungrouped(int_part: &str, decimal_sep: Option<char>) -> Option<String> {
        if int_part.is_empty() {
            return None;
        }
        if int_part.chars().all(|c| c.is_ascii_digit()) {
            return Some(int_part.to_string());
        }
        let mut separators = int_part.chars().filter(|c| !c.is_ascii_digit());
        let sep = separators.next()?;
        if !matches!(sep, ',' | '.' | ' ' | '\'') || separators.any(|c| c != sep) {
            return None;
        }
        // "1,234,56" would group and mark decimals with the same character.
        if decimal_sep == Some(sep) {
            return None;
        }
        let groups: Vec<&str> = int_part.split(sep).collect();
        let first = groups[0];
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        Some(groups.concat())
    }

    /// "2,100,000" or "2,100,000.50" (no currency sign).
    pub fn format_plain(self) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let euros = abs / 100;
        let cents = abs % 100;
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if negative { "-" } else { "" };
        if cents == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}.{cents:02}")
        }
    }

    /// "2 100 000,50" with the given separators (Kazakh and Russian write a space, or a
    /// no-break space, between thousands and a comma before the cents).
    pub fn format_with(self, thousands: char, decimal: char) -> String {
        let plain = self.format_plain();
        plain
            .chars()
            .map(|c| match c {
                ',' => thousands,
                '.' => decimal,
                other => other,
            })
            .collect()
    }

    /// The value to put back into a form field: "2100000" or "2100000.50".
    pub fn format_input(self) -> String {
        if self.0 % 100 == 0 {
            (self.0 / 100).to_string()
        } else {
            format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs())
        }
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EUR {}", self.format_plain())
    }
}

/// A share such as "90" or "90.5" percent, in basis points (9000, 9050).
pub fn parse_percent(input: &str) -> Option<i64> {
    let s = input.trim().trim_end_matches('%').trim().replace(',', ".");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if int.is_empty()
        || !int.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let frac_bp: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let bp = whole.checked_mul(100)?.checked_add(frac_bp)?;
    (bp <= 10_000).then_some(bp)
}

pub fn format_percent(basis_points: i64) -> String {
    if basis_points % 100 == 0 {
        format!("{}", basis_points / 100)
    } else {
        format!("{}.{:02}", basis_points / 100, basis_points % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("2100000"), Ok(Money::euros(2_100_000)));
        assert_eq!(Money::parse("2,100,000"), Ok(Money::euros(2_100_000)));
        assert_eq!(
            Money::parse("EUR 2 100 000.50"),
            Ok(Money::from_cents(210_000_050))
        );
        assert_eq!(Money::parse("900000,5"), Ok(Money::from_cents(90_000_050)));
        assert_eq!(Money::parse("€ 1.234.567"), Ok(Money::euros(1_234_567)));
        assert_eq!(
            Money::parse("2 100 000,50 EUR"),
            Ok(Money::from_cents(210_000_050))
        );
        assert_eq!(
            Money::parse("2\u{a0}100\u{a0}000,5"),
            Ok(Money::from_cents(210_000_050))
        );
        assert_eq!(
            Money::parse("2.100.000,50"),
            Ok(Money::from_cents(210_000_050))
        );
        assert_eq!(
            Money::parse("2'100'000.50"),
            Ok(Money::from_cents(210_000_050))
        );
        assert_eq!(Money::parse("0,50"), Ok(Money::from_cents(50)));
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("12abc"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("1.234"), Ok(Money::euros(1234)));
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::parse("10000000001"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn malformed_amounts_are_refused_not_guessed() {
        for bad in [
            "0.001",
            "1,2,3",
            "12.34.56",
            "1,234,56",
            "1,234 567",
            "1 23",
            "01,234",
            "1.2345",
            "1,,234",
            ",50",
            "1.",
            "1.234.5",
            "EUR",
            "1e6",
            "١٢٣",
            "1_000",
        ] {
            assert!(Money::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn formats_with_grouping() {
        assert_eq!(Money::euros(2_100_000).to_string(), "EUR 2,100,000");
        assert_eq!(Money::from_cents(5).format_plain(), "0.05");
        assert_eq!(Money::from_cents(90_000_050).format_input(), "900000.50");
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(
            Money::from_cents(i64::MAX).checked_add(Money::from_cents(1)),
            None
        );
        assert_eq!(
            Money::sum([Money::euros(2_100_000), Money::euros(900_000)]),
            Some(Money::euros(3_000_000))
        );
        assert_eq!(
            Money::euros(100_000).share(9000),
            Some(Money::euros(90_000))
        );
    }

    #[test]
    fn percents_are_basis_points() {
        assert_eq!(parse_percent("90"), Some(9000));
        assert_eq!(parse_percent("90.5%"), Some(9050));
        assert_eq!(parse_percent("101"), None);
        assert_eq!(parse_percent("abc"), None);
        assert_eq!(format_percent(9050), "90.5");
        assert_eq!(format_percent(9000), "90");
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips_in_the_three_languages(cents in 0i64..=Money::MAX.cents()) {
            let m = Money::from_cents(cents);
            // English
            prop_assert_eq!(Money::parse(&m.format_plain()), Ok(m));
            prop_assert_eq!(Money::parse(&m.format_input()), Ok(m));
            prop_assert_eq!(Money::parse(&m.to_string()), Ok(m));
            // Kazakh and Russian: space (or no-break space) and decimal comma
            prop_assert_eq!(Money::parse(&m.format_with(' ', ',')), Ok(m));
            prop_assert_eq!(Money::parse(&m.format_with('\u{a0}', ',')), Ok(m));
            prop_assert_eq!(Money::parse(&format!("{} €", m.format_with('.', ','))), Ok(m));
            prop_assert_eq!(Money::parse(&m.format_input().replace('.', ",")), Ok(m));
        }

        #[test]
        fn anything_accepted_reads_back_the_same(input in "[0-9 .,]{1,16}") {
            // Whatever is accepted formats back to an input that parses to the same.
            if let Ok(m) = Money::parse(&input) {
                prop_assert_eq!(Money::parse(&m.format_plain()), Ok(m));
                let digits: String = input.chars().filter(|c| c.is_ascii_digit()).collect();
                let value_digits = m.cents().to_string();
                // No digit typed is dropped or invented (only trailing cents zeros differ).
                prop_assert!(digits.trim_start_matches('0').starts_with(value_digits.trim_end_matches('0').trim_start_matches('0')) || m.cents() == 0);
            }
        }

        #[test]
        fn sums_never_wrap(a in any::<i64>(), b in any::<i64>()) {
            let r = Money::from_cents(a).checked_add(Money::from_cents(b));
            prop_assert_eq!(r.map(Money::cents), a.checked_add(b));
        }
    }
}
