//! Applicant organisations (DOMAIN.md §3, PADOR-like): registered once and reused for
//! every call, with their members and the members' roles.

use serde::{Deserialize, Serialize};

use super::FieldError;

/// The legal statuses an applicant organisation may have (the applicant types of the
/// lots, CFP-04).
pub const LEGAL_STATUSES: [&str; 5] = super::calls::APPLICANT_TYPES;

/// Where an organisation is registered and works, as lots name locations.
pub const OBLASTS: [&str; 4] = super::calls::LOCATIONS;

/// What a member of an organisation may do in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberRole {
    /// Manages the organisation's record and its members; edits and submits.
    Owner,
    /// Edits the organisation's applications.
    Editor,
    /// Reads them.
    Reader,
}

impl MemberRole {
    pub const ALL: [MemberRole; 3] = [MemberRole::Owner, MemberRole::Editor, MemberRole::Reader];

    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Owner => "owner",
            MemberRole::Editor => "editor",
            MemberRole::Reader => "reader",
        }
    }

    pub fn parse(s: &str) -> Option<MemberRole> {
        MemberRole::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn may_manage_members(self) -> bool {
        self == MemberRole::Owner
    }

    pub fn may_edit(self) -> bool {
        matches!(self, MemberRole::Owner | MemberRole::Editor)
    }
}

/// Why a member cannot leave or lose the owner role: an organisation always keeps at
/// least one owner.
pub fn last_owner_problem(
    role_before: MemberRole,
    role_after: Option<MemberRole>,
    owners: usize,
) -> Option<&'static str> {
    let stays_owner = role_after == Some(MemberRole::Owner);
    (role_before == MemberRole::Owner && !stays_owner && owners <= 1)
        .then_some("error-organisation-last-owner")
}

/// A Kazakh business identification number (BIN): 12 digits; the 5th digit names a
/// legal entity (4 resident, 5 non-resident, 6 joint venture / branch); the 3rd and 4th
/// digits are a month of registration; the last is a control digit computed with the
/// weights 1…11, and when that gives 10 with the weights 3…11, 1, 2 (10 again: the
/// number cannot be valid).
pub fn check_bin(bin: &str) -> Result<(), &'static str> {
    let digits: Vec<u32> = bin.chars().filter_map(|c| c.to_digit(10)).collect();
    if bin.chars().count() != 12 || digits.len() != 12 {
        return Err("error-bin-format");
    }
    let month = digits[2] * 10 + digits[3];
    if !(1..=12).contains(&month) || !(4..=6).contains(&digits[4]) {
        return Err("error-bin-format");
    }
    let control = |weights: [u32; 11]| {
        digits[..11]
            .iter()
            .zip(weights)
            .map(|(d, w)| d * w)
            .sum::<u32>()
            % 11
    };
    let mut check = control([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if check == 10 {
        check = control([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    if check == 10 || check != digits[11] {
        return Err("error-bin-check-digit");
    }
    Ok(())
}

/// An organisation's record as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationInput {
    pub legal_name: String,
    pub legal_name_local: String,
    pub acronym: String,
    pub legal_status: String,
    pub country: String,
    pub oblast: String,
    pub registration_number: String,
    pub address: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub year_registered: Option<i32>,
    pub staff: Option<i32>,
    /// Annual turnover in euro cents.
    pub annual_turnover_cents: Option<i64>,
}

/// Every problem of an organisation's record, named by field. A Kazakh organisation's
/// registration number is its BIN and is checked as such.
pub fn organisation_problems(o: &OrganisationInput, this_year: i32) -> Vec<FieldError> {
    let mut p = Vec::new();
    let mut required = |field: &'static str, v: &str| {
        if v.trim().is_empty() {
            p.push(FieldError::new(field, "error-required"));
        }
    };
    required("legal_name", &o.legal_name);
    required("registration_number", &o.registration_number);
    required("address", &o.address);
    required("country", &o.country);
    if !LEGAL_STATUSES.contains(&o.legal_status.as_str()) {
        p.push(FieldError::new("legal_status", "error-required"));
    }
    let kazakh = o.country.trim().eq_ignore_ascii_case("KZ");
    if kazakh {
        if !OBLASTS.contains(&o.oblast.as_str()) {
            p.push(FieldError::new("oblast", "error-required"));
        }
        if !o.registration_number.trim().is_empty() {
            if let Err(code) = check_bin(o.registration_number.trim()) {
                p.push(FieldError::new("registration_number", code));
            }
        }
    }
    if o.country.trim().len() != 2 || !o.country.trim().chars().all(|c| c.is_ascii_alphabetic()) {
        p.push(FieldError::new("country", "error-country-code"));
    }
    if let Some(y) = o.year_registered {
        if !(1900..=this_year).contains(&y) {
            p.push(FieldError::new("year_registered", "error-year-registered"));
        }
    }
    if o.staff.is_some_and(|s| !(0..=1_000_000).contains(&s)) {
        p.push(FieldError::new("staff", "error-number-range"));
    }
    if o.annual_turnover_cents
        .is_some_and(|t| !(0..=super::money::Money::MAX.cents()).contains(&t))
    {
        p.push(FieldError::new("annual_turnover", "error-amount-invalid"));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid BIN built from its first 11 digits.
    fn with_control(first: &str) -> String {
        let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
        let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        if c == 10 {
            c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
        }
        format!("{first}{c}")
    }

    #[test]
    fn a_bin_is_twelve_digits_of_a_legal_entity_with_its_control_digit() {
        let valid = with_control("05014000123");
        assert_eq!(check_bin(&valid), Ok(()));
        let last = valid.chars().last().unwrap().to_digit(10).unwrap();
        let wrong = format!("{}{}", &valid[..11], (last + 1) % 10);
        assert_eq!(check_bin(&wrong), Err("error-bin-check-digit"));
        assert_eq!(check_bin("0501400012"), Err("error-bin-format"));
        assert_eq!(check_bin("05014000123x"), Err("error-bin-format"));
        // An individual's IIN (5th digit 0–3) is not a BIN; month 13 does not exist.
        assert_eq!(
            check_bin(&with_control("05013000123")),
            Err("error-bin-format")
        );
        assert_eq!(
            check_bin(&with_control("05134000123")),
            Err("error-bin-format")
        );
    }

    #[test]
    fn an_organisation_keeps_at_least_one_owner() {
        use MemberRole::*;
        assert_eq!(
            last_owner_problem(Owner, None, 1),
            Some("error-organisation-last-owner")
        );
        assert_eq!(
            last_owner_problem(Owner, Some(Editor), 1),
            Some("error-organisation-last-owner")
        );
        assert_eq!(last_owner_problem(Owner, None, 2), None);
        assert_eq!(last_owner_problem(Editor, None, 1), None);
        assert_eq!(last_owner_problem(Owner, Some(Owner), 1), None);
    }

    #[test]
    fn a_kazakh_organisation_needs_an_oblast_and_a_valid_bin() {
        let mut o = OrganisationInput {
            legal_name: "Aral Tenizi".into(),
            legal_status: "ngo".into(),
            country: "KZ".into(),
            oblast: "kyzylorda".into(),
            registration_number: with_control("05014000123"),
            address: "Aralsk".into(),
            ..Default::default()
        };
        assert!(organisation_problems(&o, 2026).is_empty());
        o.registration_number = "123".into();
        o.oblast = String::new();
        o.year_registered = Some(2027);
        let fields: Vec<_> = organisation_problems(&o, 2026)
            .into_iter()
            .map(|e| e.field.to_string())
            .collect();
        assert_eq!(fields, ["oblast", "registration_number", "year_registered"]);
        // Abroad: no BIN, no oblast.
        o.country = "DE".into();
        o.year_registered = Some(2026);
        assert!(organisation_problems(&o, 2026).is_empty());
    }
}
