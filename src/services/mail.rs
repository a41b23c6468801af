//! Composing email in the recipient's language and queueing it in the outbox, inside
//! the caller's transaction. The worker (`jobs::outbox`) sends it later.

use chrono::NaiveDateTime;

use crate::db::outbox::{self, OutboxRow};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::i18n::{t, t_args, Lang};

/// One kind of email; its subject and body are the Fluent messages
/// `email-<kind>-subject` and `email-<kind>-body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    ConfirmEmail,
    ResetPassword,
    Invitation,
    AlreadyRegistered,
    PasswordChanged,
    CallCancelled,
    CallCorrected,
    OrganisationInvitation,
    ApplicationReceipt,
    FullApplicationInvitation,
    ApplicationRejected,
    ClarificationPublished,
    ClarificationsDue,
    ConfirmEmailChange,
    EmailChanged,
    EmailChangeAddressTaken,
    CommitteeSeat,
    AssessorAssigned,
    ConflictDeclared,
    AwardSuccessful,
    AwardReserve,
    AwardUnsuccessful,
    SupportingRequested,
    ContractSent,
    ContractCountersigned,
    ContractCountersignReminder,
    ContractReportSubmitted,
    ContractReportDecided,
    ContractReportOverdue,
    ContractNoPaymentWarning,
    ContractTerminated,
    PaymentOverdue,
    ProgrammeDeadline,
    ContractAmendment,
    NoticeDue,
}

impl MailKind {
    pub fn key(self) -> &'static str {
        match self {
            MailKind::ConfirmEmail => "confirm-email",
            MailKind::ResetPassword => "reset-password",
            MailKind::Invitation => "invitation",
            MailKind::AlreadyRegistered => "already-registered",
            MailKind::PasswordChanged => "password-changed",
            MailKind::CallCancelled => "call-cancelled",
            MailKind::CallCorrected => "call-corrected",
            MailKind::OrganisationInvitation => "organisation-invitation",
            MailKind::ApplicationReceipt => "application-receipt",
            MailKind::FullApplicationInvitation => "full-application-invitation",
            MailKind::ApplicationRejected => "application-rejected",
            MailKind::ClarificationPublished => "clarification-published",
            MailKind::ClarificationsDue => "clarifications-due",
            MailKind::ConfirmEmailChange => "confirm-email-change",
            MailKind::EmailChanged => "email-changed",
            MailKind::EmailChangeAddressTaken => "address-taken",
            MailKind::CommitteeSeat => "committee-seat",
            MailKind::AssessorAssigned => "assessor-assigned",
            MailKind::ConflictDeclared => "conflict-declared",
            MailKind::AwardSuccessful => "award-successful",
            MailKind::AwardReserve => "award-reserve",
            MailKind::AwardUnsuccessful => "award-unsuccessful",
            MailKind::SupportingRequested => "supporting-requested",
            MailKind::ContractSent => "contract-sent",
            MailKind::ContractCountersigned => "contract-countersigned",
            MailKind::ContractCountersignReminder => "contract-countersign-reminder",
            MailKind::ContractReportSubmitted => "contract-report-submitted",
            MailKind::ContractReportDecided => "contract-report-decided",
            MailKind::ContractReportOverdue => "contract-report-overdue",
            MailKind::ContractNoPaymentWarning => "contract-no-payment-warning",
            MailKind::ContractTerminated => "contract-terminated",
            MailKind::PaymentOverdue => "payment-overdue",
            MailKind::ProgrammeDeadline => "programme-deadline",
            MailKind::ContractAmendment => "contract-amendment",
            MailKind::NoticeDue => "notice-due",
        }
    }
}

impl MailKind {
    /// Kinds whose body holds a single-use link (its secret is the credential).
    pub fn carries_secret_link(kind: &str) -> bool {
        [
            MailKind::ConfirmEmail,
            MailKind::ResetPassword,
            MailKind::Invitation,
            MailKind::ConfirmEmailChange,
        ]
        .iter()
        .any(|k| k.key() == kind)
    }
}

/// What replaces a link carrying a secret once the message is sent.
pub const LINK_REMOVED: &str = "[link removed after sending]";

/// The body without the secrets of its links: every address holding `token=` is
/// replaced, so the outbox (and backups of it) keep no usable link after sending, and
/// administrators never see one.
pub fn redact_secret_links(body: &str) -> String {
    body.split_inclusive(char::is_whitespace)
        .map(|word| {
            let trimmed = word.trim_end();
            if trimmed.contains("://") && trimmed.contains("token=") {
                format!("{LINK_REMOVED}{}", &word[trimmed.len()..])
            } else {
                word.to_string()
            }
        })
        .collect()
}

pub struct Recipient<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub lang: Lang,
}

/// Renders the message and adds it to the outbox.
pub fn queue(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    to: &Recipient<'_>,
    kind: MailKind,
    args: &[(&str, String)],
) -> AppResult<String> {
    let mut all_args: Vec<(&str, String)> = args.to_vec();
    all_args.push(("name", to.name.to_string()));
    let subject = t_args(to.lang, &format!("email-{}-subject", kind.key()), &all_args);
    // Mail to an address nobody has confirmed yet greets nobody by name (the name is
    // the sender's to choose).
    let greeting = if to.name.trim().is_empty() {
        "email-greeting-plain"
    } else {
        "email-greeting"
    };
    let body = format!(
        "{}\n\n{}\n\n-- \n{}\n",
        t_args(to.lang, greeting, &all_args),
        t_args(to.lang, &format!("email-{}-body", kind.key()), &all_args),
        t(to.lang, "email-footer"),
    );
    let id = super::new_id();
    outbox::insert(
        conn,
        &OutboxRow {
            id: id.clone(),
            kind: kind.key().to_string(),
            to_email: to.email.to_string(),
            to_name: to.name.to_string(),
            subject,
            body_text: body,
            status: "queued".into(),
            attempts: 0,
            next_attempt_at: now,
            locked_until: None,
            locked_by: None,
            last_error: None,
            created_at: now,
            sent_at: None,
        },
    )?;
    Ok(id)
}

/// Queues the same message to each (email, name, language) — followers of a call,
/// Delegation staff — each in their own language.
pub fn queue_to_each(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    recipients: &[(String, String, Option<String>)],
    kind: MailKind,
    args: impl Fn(Lang) -> Vec<(&'static str, String)>,
) -> AppResult<usize> {
    for (email, name, lang) in recipients {
        let lang = lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        queue(
            conn,
            now,
            &Recipient { email, name, lang },
            kind,
            &args(lang),
        )?;
    }
    Ok(recipients.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_links_are_removed_and_the_rest_kept() {
        let body = "Dear A,\n\nReset here:\n\n    https://portal.example/reset-password?token=abc123\n\nThanks https://portal.example/login";
        let redacted = redact_secret_links(body);
        assert!(!redacted.contains("abc123"));
        assert!(redacted.contains(LINK_REMOVED));
        assert!(redacted.contains("https://portal.example/login"));
        assert!(redacted.starts_with("Dear A,\n"));
        assert!(MailKind::carries_secret_link("reset-password"));
        assert!(!MailKind::carries_secret_link("call-cancelled"));
    }
}
