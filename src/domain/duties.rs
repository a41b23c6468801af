//! Segregation of duties (SOD-01): nobody approves a report or decision they took part
//! in making.

/// Rule SOD-01: a person who holds or held a seat on a call's evaluation committee does
/// not approve that committee's report.
pub fn may_approve_evaluation_report(held_a_seat: bool) -> bool {
    !held_a_seat
}

/// Rule SOD-01: the person who records a payment is not the one who approved the report
/// that released it, when the programme keeps the two apart (`separate`, on by default;
/// a small Delegation may need it off).
pub fn may_record_payment(
    recorder: &str,
    release_approved_by: Option<&str>,
    separate: bool,
) -> bool {
    !separate || release_approved_by != Some(recorder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sod_01_a_committee_member_does_not_approve_its_report() {
        assert!(!may_approve_evaluation_report(true));
        assert!(may_approve_evaluation_report(false));
    }

    #[test]
    fn sod_01_the_approver_of_a_release_does_not_record_its_payment() {
        assert!(!may_record_payment("ann", Some("ann"), true));
        assert!(may_record_payment("bob", Some("ann"), true));
        // Pre-financing is released by no report.
        assert!(may_record_payment("ann", None, true));
        // Turned off for a small Delegation.
        assert!(may_record_payment("ann", Some("ann"), false));
    }
}
