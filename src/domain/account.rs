//! Account rules: what a valid email address, display name and password are
//! (NIST SP 800-63B rev. 4 for password-only accounts; SECURITY.md "Authentication").

use std::collections::HashSet;
use std::sync::LazyLock;

use super::FieldError;

/// Fewest characters (Unicode code points) a password may have.
pub const PASSWORD_MIN_CHARS: usize = 15;
/// Most characters accepted; NIST asks for at least 64, the issue for at least 128.
pub const PASSWORD_MAX_CHARS: usize = 256;
/// Inputs over 1 KiB are refused before any hashing work.
pub const PASSWORD_MAX_BYTES: usize = 1024;
pub const DISPLAY_NAME_MAX_CHARS: usize = 120;
pub const EMAIL_MAX_CHARS: usize = 254;

/// Words of the portal itself that a password must not contain.
const PORTAL_WORDS: [&str; 6] = [
    "kazlod",
    "grants",
    "grant portal",
    "europeaid",
    "password",
    "qwerty",
];

static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../config/common-passwords.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// A syntactically valid email address, stored lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, FieldError> {
        let s = input.trim().to_lowercase();
        let err = FieldError::new("email", "error-email-invalid");
        if s.is_empty() {
            return Err(FieldError::new("email", "error-required"));
        }
        if s.chars().count() > EMAIL_MAX_CHARS
            || s.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(err);
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(err);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.contains(['"', '(', ')', ',', ':', ';', '<', '>', '[', ']', '\\']);
        if domain_ok && local_ok {
            Ok(EmailAddress(s))
        } else {
            Err(err)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or("")
    }
}

/// A person's name as shown in the portal and in email headers: no control characters
/// (so it can never add a header line), trimmed, 1–120 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<DisplayName, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldError::new("display_name", "error-required"));
        }
        if s.chars().count() > DISPLAY_NAME_MAX_CHARS {
            return Err(FieldError::new("display_name", "error-name-too-long"));
        }
        if s.chars().any(char::is_control) {
            return Err(FieldError::new("display_name", "error-name-invalid"));
        }
        Ok(DisplayName(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a proposed password is refused; each maps to a message the user sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsPersonalWords,
}

impl PasswordProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "error-password-too-short",
            PasswordProblem::TooLong => "error-password-too-long",
            PasswordProblem::Common => "error-password-common",
            PasswordProblem::ContainsPersonalWords => "error-password-personal",
        }
    }
}

/// Checks a new password (NIST SP 800-63B rev. 4): length in code points, no composition
/// rules, not a common password (nor one repeated or with digits added), and not built
/// from the portal's or the user's own words.
pub fn check_new_password(password: &str, personal_words: &[&str]) -> Result<(), PasswordProblem> {
    if password.len() > PASSWORD_MAX_BYTES || password.chars().count() > PASSWORD_MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if password.chars().count() < PASSWORD_MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::Common);
    }
    let words = personal_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| w.chars().count() >= 4)
        .chain(PORTAL_WORDS.iter().map(|w| w.to_string()));
    for word in words {
        if lower.contains(&word) {
            return Err(PasswordProblem::ContainsPersonalWords);
        }
    }
    Ok(())
}

fn is_common(lower: &str) -> bool {
    if COMMON_PASSWORDS.contains(lower) || is_repetition(lower) || is_keyboard_or_digit_run(lower) {
        return true;
    }
    // A common password with digits or punctuation around it ("letmein123456789!").
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    core.chars().count() >= 4 && (COMMON_PASSWORDS.contains(core) || is_repetition(core))
}

/// "abcabcabc…", "aaaaaaaa…", "passwordpassword": a short unit repeated.
fn is_repetition(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    (1..=n / 2).any(|unit| n % unit == 0 && chars.chunks(unit).all(|c| c == &chars[..unit]))
}

/// Runs along the digits or a keyboard row ("123456789012345", "qwertyuiopasdfgh").
fn is_keyboard_or_digit_run(s: &str) -> bool {
    const RUNS: [&str; 3] = [
        "1234567890123456789012345678901234567890",
        "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    ];
    RUNS.iter()
        .any(|run| run.contains(s) || run.chars().rev().collect::<String>().contains(s))
}

/// The state of a single-use emailed link (confirmation, reset, invitation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Usable,
    Used,
    Expired,
}

/// A link works until (not at) its expiry instant, and only once.
pub fn link_state(
    now: chrono::NaiveDateTime,
    expires_at: chrono::NaiveDateTime,
    used_at: Option<chrono::NaiveDateTime>,
) -> LinkState {
    if used_at.is_some() {
        LinkState::Used
    } else if now >= expires_at {
        LinkState::Expired
    } else {
        LinkState::Usable
    }
}

/// Recent failures the throttle looks at, counted in its window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentFailures {
    /// Of this account (or typed address) from this client address.
    pub subject_from_address: i64,
    /// Of this account from every address.
    pub subject_total: i64,
    /// From this client address, whatever the account.
    pub address_total: i64,
}

/// The throttle's limits (settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleLimits {
    pub per_subject_and_address: i64,
    pub per_subject_total: i64,
    pub per_address: i64,
}

/// Whether one more attempt is allowed. Only failures count, so a stranger cannot lock
/// the owner out: the per-account limit applies to the addresses that failed; past the
/// account's total limit only an address that never failed on it gets through (the
/// owner at home still signs in, a guesser spread over many addresses gets one try
/// each); and any address that fails too often on any account is stopped.
pub fn attempt_allowed(failures: RecentFailures, limits: ThrottleLimits) -> bool {
    if failures.address_total >= limits.per_address {
        return false;
    }
    if failures.subject_from_address >= limits.per_subject_and_address {
        return false;
    }
    !(failures.subject_total >= limits.per_subject_total && failures.subject_from_address > 0)
}

/// API bearer tokens: 90 days unless chosen otherwise, at most a year.
pub const API_TOKEN_DEFAULT_DAYS: i64 = 90;
pub const API_TOKEN_MAX_DAYS: i64 = 365;

/// The life of a new API token, in days, or the problem with what was asked.
pub fn api_token_days(requested: Option<i64>) -> Result<i64, FieldError> {
    match requested {
        None => Ok(API_TOKEN_DEFAULT_DAYS),
        Some(days) if (1..=API_TOKEN_MAX_DAYS).contains(&days) => Ok(days),
        Some(_) => Err(FieldError::new("expires_in_days", "error-token-days")),
    }
}

/// Recovery codes for two-factor sign-in: how many, and their form (16 characters of
/// an unambiguous alphabet, 80 random bits, shown in groups of four).
pub const RECOVERY_CODES: usize = 10;
pub const RECOVERY_CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A recovery code as people type it, reduced to its characters ("ABCD-efgh ijkl-mnop"
/// → "abcdefghijklmnop"); None when it cannot be one.
pub fn normalise_recovery_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    (code.len() == 16 && code.bytes().all(|b| RECOVERY_CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A six-digit one-time code as people type it ("123 456" → "123456").
pub fn normalise_totp_code(typed: &str) -> Option<String> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ThrottleLimits = ThrottleLimits {
        per_subject_and_address: 5,
        per_subject_total: 20,
        per_address: 30,
    };

    fn f(subject_from_address: i64, subject_total: i64, address_total: i64) -> RecentFailures {
        RecentFailures {
            subject_from_address,
            subject_total,
            address_total,
        }
    }

    #[test]
    fn only_failures_slow_an_address_down_and_a_stranger_cannot_lock_the_owner_out() {
        assert!(
            attempt_allowed(f(4, 4, 4), LIMITS),
            "the fifth try is allowed"
        );
        assert!(!attempt_allowed(f(5, 5, 5), LIMITS), "the sixth is refused");
        // Guessing from many addresses: beyond the account's total, addresses that
        // failed are refused, the owner's clean address is not.
        assert!(!attempt_allowed(f(1, 20, 1), LIMITS));
        assert!(attempt_allowed(f(0, 500, 0), LIMITS));
        assert!(attempt_allowed(f(1, 19, 1), LIMITS));
        // One address trying many accounts.
        assert!(attempt_allowed(f(0, 0, 29), LIMITS));
        assert!(!attempt_allowed(f(0, 0, 30), LIMITS));
    }

    #[test]
    fn api_tokens_live_90_days_by_default_and_a_year_at_most() {
        assert_eq!(api_token_days(None), Ok(90));
        assert_eq!(api_token_days(Some(1)), Ok(1));
        assert_eq!(api_token_days(Some(365)), Ok(365));
        assert!(api_token_days(Some(366)).is_err());
        assert!(api_token_days(Some(0)).is_err());
    }

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(normalise_totp_code(" 123 456 "), Some("123456".into()));
        assert_eq!(normalise_totp_code("12345"), None);
        assert_eq!(normalise_totp_code("12345a"), None);
        assert_eq!(
            normalise_recovery_code("ABCD-efgh jkmn-pqrs"),
            Some("abcdefghjkmnpqrs".into())
        );
        assert_eq!(
            normalise_recovery_code("abcd-efgh-ijkl-mnop"),
            None,
            "i, l, o are not used"
        );
        assert_eq!(normalise_recovery_code("abcd"), None);
    }

    #[test]
    fn emails_are_lower_cased_and_trimmed() {
        let e = EmailAddress::parse("  Aigerim.N@Example.KZ ").unwrap();
        assert_eq!(e.as_str(), "aigerim.n@example.kz");
        assert_eq!(e.local_part(), "aigerim.n");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a@.kz",
            "a b@x.kz",
            "a@x..kz",
            "a@x.kz\r\nBcc: x@y.z",
            "@x.kz",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn names_with_line_breaks_are_refused() {
        assert!(DisplayName::parse("Aigerim\r\nBcc: evil@x.kz").is_err());
        assert!(DisplayName::parse("   ").is_err());
        assert_eq!(
            DisplayName::parse(" Айгерім Нұрланқызы ").unwrap().as_str(),
            "Айгерім Нұрланқызы"
        );
        assert!(DisplayName::parse(&"я".repeat(121)).is_err());
        assert!(DisplayName::parse(&"я".repeat(120)).is_ok());
    }

    #[test]
    fn password_length_is_counted_in_code_points() {
        // 14 Cyrillic letters are 28 bytes but only 14 characters: too short.
        assert_eq!(
            check_new_password("жолдыбайқамысх", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_new_password("жолдыбайқамысхт", &[]), Ok(()));
    }

    #[test]
    fn fourteen_characters_are_refused_and_fifteen_accepted() {
        assert_eq!(
            check_new_password("steppe horse 7", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_new_password("steppe horse 72", &[]), Ok(()));
    }

    #[test]
    fn long_passphrases_are_accepted_up_to_the_limit() {
        let ok = "a steppe eagle flies over the caspian at dawn ".repeat(5);
        assert!(ok.chars().count() >= 128);
        assert_eq!(check_new_password(&ok[..200], &[]), Ok(()));
        let max = "x1y2z3w4 ".repeat(40);
        assert_eq!(check_new_password(&max[..PASSWORD_MAX_CHARS], &[]), Ok(()));
        assert_eq!(
            check_new_password(&max[..PASSWORD_MAX_CHARS + 1], &[]),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn inputs_over_one_kibibyte_are_too_long_not_an_error() {
        assert_eq!(
            check_new_password(&"ж".repeat(600), &[]),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn no_composition_rules() {
        assert_eq!(
            check_new_password("correct horse battery staple", &[]),
            Ok(())
        );
        assert_eq!(check_new_password("всеслованижнемрегистре", &[]), Ok(()));
    }

    #[test]
    fn common_passwords_and_their_simple_variants_are_refused() {
        for bad in [
            "123456789012345",
            "qwertyuiopasdfgh",
            "passwordpassword",
            "aaaaaaaaaaaaaaaa",
            "abcabcabcabcabcabc",
            "baseball1234567890",
            "dragon!!!!!!!!!!!!",
            "zyxwvutsrqponmlkj",
        ] {
            assert_eq!(
                check_new_password(bad, &[]),
                Err(PasswordProblem::Common),
                "{bad}"
            );
        }
    }

    #[test]
    fn personal_and_portal_words_are_refused() {
        assert_eq!(
            check_new_password(
                "aigerim.n-is-my-secret",
                &["aigerim.n", "Aigerim Nurlankyzy"]
            ),
            Err(PasswordProblem::ContainsPersonalWords)
        );
        assert_eq!(
            check_new_password("my kazlod account key", &[]),
            Err(PasswordProblem::ContainsPersonalWords)
        );
        // Short personal words (under 4 characters) are not checked: too many false hits.
        assert_eq!(
            check_new_password("abd steppe eagle wings", &["abd"]),
            Ok(())
        );
    }

    #[test]
    fn a_link_works_until_its_expiry_and_only_once() {
        let t0 = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let expires = t0 + chrono::Duration::hours(1);
        assert_eq!(
            link_state(expires - chrono::Duration::seconds(1), expires, None),
            LinkState::Usable
        );
        assert_eq!(link_state(expires, expires, None), LinkState::Expired);
        assert_eq!(link_state(t0, expires, Some(t0)), LinkState::Used);
    }

    #[test]
    fn the_common_list_is_loaded() {
        assert!(COMMON_PASSWORDS.len() > 29_000);
        assert!(COMMON_PASSWORDS.contains("letmein"));
    }
}
