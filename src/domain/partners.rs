//! Partners of an application (DOMAIN.md §3, PRAG): co-applicants and affiliated
//! entities, which give the lead applicant a mandate, and associates, which do not. The
//! mandates are checked at submission and by the administrative check (ADM-02).

/// A partner's role on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerRole {
    CoApplicant,
    AffiliatedEntity,
    Associate,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 3] = [
        PartnerRole::CoApplicant,
        PartnerRole::AffiliatedEntity,
        PartnerRole::Associate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PartnerRole::CoApplicant => "co_applicant",
            PartnerRole::AffiliatedEntity => "affiliated_entity",
            PartnerRole::Associate => "associate",
        }
    }

    pub fn parse(s: &str) -> Option<PartnerRole> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Co-applicants and affiliated entities sign a mandate; associates do not.
    pub fn needs_mandate(self) -> bool {
        !matches!(self, PartnerRole::Associate)
    }
}

/// The most partners one application names (far above any action).
pub const MAX_PARTNERS: usize = 30;

/// Why a partner cannot be added, as a message key (None: it can).
pub fn addition_problem(lead: &str, partner: &str, already: &[&str]) -> Option<&'static str> {
    if lead == partner {
        Some("error-partner-is-lead")
    } else if already.contains(&partner) {
        Some("error-partner-twice")
    } else if already.len() >= MAX_PARTNERS {
        Some("error-too-many-rows")
    } else {
        None
    }
}

/// The partners whose mandate is missing (by position, 1-based), which stop submission.
pub fn missing_mandates(partners: &[(PartnerRole, bool)]) -> Vec<usize> {
    partners
        .iter()
        .enumerate()
        .filter(|(_, (role, has))| role.needs_mandate() && !has)
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_applicants_and_affiliated_entities_need_a_mandate() {
        use PartnerRole::*;
        assert_eq!(
            missing_mandates(&[
                (CoApplicant, true),
                (AffiliatedEntity, false),
                (Associate, false)
            ]),
            [2]
        );
        for r in PartnerRole::ALL {
            assert_eq!(PartnerRole::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn a_partner_is_another_organisation_named_once() {
        assert_eq!(
            addition_problem("a", "a", &[]),
            Some("error-partner-is-lead")
        );
        assert_eq!(
            addition_problem("a", "b", &["b"]),
            Some("error-partner-twice")
        );
        assert_eq!(addition_problem("a", "b", &["c"]), None);
        let many = vec!["x"; MAX_PARTNERS];
        assert_eq!(
            addition_problem("a", "b", &many),
            Some("error-too-many-rows")
        );
    }
}
