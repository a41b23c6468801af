//! The programme (financing agreement) itself: its indicative budget, grant envelopes
//! and the KAZLOD figures of DOMAIN.md §1.

use super::money::Money;

pub const KAZLOD_REFERENCE: &str = "DCI-ASIE/2010/020-609";
pub const KAZLOD_TITLE: &str = "Support to local development in the Republic of Kazakhstan";
pub const KAZLOD_TOTAL: Money = Money::euros(15_000_000);

/// The indicative budget of the financing agreement (EUR).
pub fn kazlod_budget_lines() -> Vec<(String, Money)> {
    [
        ("Activity 1 – institutional framework", 3_450_000),
        (
            "Activity 2 – local development policy in the pilot oblasts",
            3_100_000,
        ),
        ("Activity 3 – public service centres", 3_450_000),
        ("Activity 4 – private sector (OECD agreement)", 4_000_000),
        ("Communication and visibility", 200_000),
        ("Framework contracts", 600_000),
        ("Contingencies", 0),
        ("Monitoring, evaluation and audit", 200_000),
    ]
    .into_iter()
    .map(|(l, e)| (l.to_string(), Money::euros(e)))
    .collect()
}

/// The grant envelopes (at most EUR 3.0M in all).
pub fn kazlod_envelopes() -> Vec<(String, Money)> {
    vec![
        (
            "Non-state actors and local authorities in the pilot oblasts".to_string(),
            Money::euros(2_100_000),
        ),
        (
            "Civil society in local development at national level".to_string(),
            Money::euros(900_000),
        ),
    ]
}

/// Parses "label | amount" lines (budget lines, envelopes). Errors name the line.
pub fn parse_labelled_amounts(text: &str) -> Result<Vec<(String, Money)>, (usize, &'static str)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let Some((label, amount)) = line.rsplit_once('|') else {
            return Err((i + 1, "error-line-format"));
        };
        let label = label.trim();
        if label.is_empty() || label.chars().any(char::is_control) || label.chars().count() > 200 {
            return Err((i + 1, "error-line-format"));
        }
        let amount = Money::parse(amount).map_err(|_| (i + 1, "error-line-amount"))?;
        out.push((label.to_string(), amount));
    }
    Ok(out)
}

pub fn format_labelled_amounts(items: &[(String, Money)]) -> String {
    items
        .iter()
        .map(|(l, m)| format!("{l} | {}\n", m.format_plain()))
        .collect()
}

/// Problems with a programme's money: budget lines and envelopes within the total.
pub fn budget_problems(
    total: Money,
    lines: &[(String, Money)],
    envelopes: &[(String, Money)],
) -> Vec<(&'static str, &'static str)> {
    let mut p = Vec::new();
    if total <= Money::ZERO {
        p.push(("total_budget", "error-amount-positive"));
    }
    match Money::sum(lines.iter().map(|l| l.1)) {
        Some(sum) if sum <= total => {}
        _ => p.push(("budget_lines", "error-lines-over-total")),
    }
    match Money::sum(envelopes.iter().map(|l| l.1)) {
        Some(sum) if sum <= total => {}
        _ => p.push(("envelopes", "error-envelopes-over-total")),
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kazlod_budget_adds_up_to_15_million() {
        assert_eq!(
            Money::sum(kazlod_budget_lines().into_iter().map(|l| l.1)),
            Some(KAZLOD_TOTAL)
        );
        assert_eq!(
            Money::sum(kazlod_envelopes().into_iter().map(|l| l.1)),
            Some(Money::euros(3_000_000))
        );
        assert!(
            budget_problems(KAZLOD_TOTAL, &kazlod_budget_lines(), &kazlod_envelopes()).is_empty()
        );
    }

    #[test]
    fn lines_round_trip_and_errors_name_the_line() {
        let lines = kazlod_budget_lines();
        assert_eq!(
            parse_labelled_amounts(&format_labelled_amounts(&lines)).unwrap(),
            lines
        );
        assert_eq!(
            parse_labelled_amounts("A | 1\nno amount here"),
            Err((2, "error-line-format"))
        );
        assert_eq!(
            parse_labelled_amounts("A | lots"),
            Err((1, "error-line-amount"))
        );
    }

    #[test]
    fn envelopes_over_the_total_are_refused() {
        let p = budget_problems(Money::euros(1_000_000), &[], &kazlod_envelopes());
        assert_eq!(p, vec![("envelopes", "error-envelopes-over-total")]);
    }
}
