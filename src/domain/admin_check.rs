//! The administrative check (DOMAIN.md §4, ADM-02): after the deadline each received
//! application is checked against a list; a failed item rejects it without evaluation,
//! with the failed items as the reason the applicant is told.

use serde::{Deserialize, Serialize};

/// The checklist of ADM-02, in order.
pub const ITEMS: [&str; 7] = [
    "deadline",
    "form",
    "declaration",
    "language",
    "budget",
    "logframe",
    "mandates",
];

/// One item as recorded: met or not, with the secretary's comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    pub item: String,
    pub ok: bool,
    pub comment: String,
}

/// Why a check cannot be recorded as given, by field (empty: it can).
pub fn check_problems(items: &[CheckItem]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for name in ITEMS {
        match items.iter().filter(|i| i.item == name).count() {
            0 => out.push((format!("item-{name}"), "error-check-item-missing")),
            1 => {}
            _ => out.push((format!("item-{name}"), "error-check-item-twice")),
        }
    }
    for i in items {
        if !ITEMS.contains(&i.item.as_str()) {
            out.push((format!("item-{}", i.item), "error-check-item-unknown"));
        }
        // A failed item rejects the application: the applicant is owed the reason.
        if !i.ok && i.comment.trim().is_empty() {
            out.push((format!("item-{}", i.item), "error-check-comment-required"));
        }
    }
    out
}

/// Whether the application passes: every item met.
pub fn passes(items: &[CheckItem]) -> bool {
    items.iter().all(|i| i.ok)
}

/// The reason of a rejection: the failed items, in the checklist's order.
pub fn failed_items(items: &[CheckItem]) -> Vec<&str> {
    ITEMS
        .iter()
        .copied()
        .filter(|name| items.iter().any(|i| i.item == *name && !i.ok))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(ok: bool) -> Vec<CheckItem> {
        ITEMS
            .iter()
            .map(|i| CheckItem {
                item: (*i).into(),
                ok,
                comment: if ok { String::new() } else { "Missing".into() },
            })
            .collect()
    }

    #[test]
    fn every_item_is_answered_once_and_a_failure_says_why() {
        assert!(check_problems(&all(true)).is_empty());
        assert!(passes(&all(true)));
        let mut one_failed = all(true);
        one_failed[2].ok = false;
        assert_eq!(
            check_problems(&one_failed),
            [(
                "item-declaration".to_string(),
                "error-check-comment-required"
            )]
        );
        one_failed[2].comment = "Not signed".into();
        assert!(check_problems(&one_failed).is_empty());
        assert!(!passes(&one_failed));
        assert_eq!(failed_items(&one_failed), ["declaration"]);
        let mut missing = all(true);
        missing.pop();
        assert_eq!(
            check_problems(&missing),
            [("item-mandates".to_string(), "error-check-item-missing")]
        );
    }
}
