//! Accounts: registration and confirmation, sign-in with throttling and the second
//! factor, passwords, email changes, invitations, profile and sessions. Shared here:
//! emailed single-use links and ending a person's other credentials.

mod email_change;
mod invitations;
mod login;
mod passwords;
mod profile;
mod registration;
pub mod second_factor;

pub use email_change::{confirm_email_change, request_email_change};
pub use invitations::{create_user, resend_invitation};
pub use login::{login, logout, LoginOutcome, LoginRefusal};
pub use passwords::{change_password, request_password_reset, set_password_with_link};
pub use profile::{logout_everywhere, set_language, update_profile};
pub use registration::{confirm_email, expire_unconfirmed_accounts, register, Registration};

use chrono::{Duration, NaiveDateTime};

use super::{hash_secret, new_id, new_secret};
use crate::db::tokens::{self, UserTokenRow};
use crate::db::users::{self, UserRow};
use crate::db::{api_tokens, DbConnection};
use crate::domain::access::Role;
use crate::domain::account::{check_new_password, link_state, EmailAddress, LinkState};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::mail::Recipient;
use crate::state::AppState;

/// Purposes of emailed single-use links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    ConfirmEmail,
    ResetPassword,
    Invitation,
}

impl LinkPurpose {
    pub const ALL: [LinkPurpose; 3] = [
        LinkPurpose::ConfirmEmail,
        LinkPurpose::ResetPassword,
        LinkPurpose::Invitation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::ConfirmEmail => "confirm_email",
            LinkPurpose::ResetPassword => "reset_password",
            LinkPurpose::Invitation => "invitation",
        }
    }
}

/// Mail to a person's own address, in their language.
pub fn recipient(user: &UserRow) -> Recipient<'_> {
    Recipient {
        email: &user.email,
        name: &user.display_name,
        lang: user_lang(user),
    }
}

pub fn user_lang(user: &UserRow) -> Lang {
    user.language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

pub fn user_role(user: &UserRow) -> AppResult<Role> {
    Role::parse(&user.role)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("unknown role {}", user.role)))
}

/// Whether this person must sign in with a second factor (staff, when required).
pub fn second_factor_required(state: &AppState, role: Role) -> bool {
    state.settings.security.staff_two_factor && role != Role::Applicant
}

fn password_problem(password: &str, email: &EmailAddress, name: &str) -> Result<(), FieldError> {
    check_new_password(password, &[email.local_part(), name])
        .map_err(|p| FieldError::new("password", p.message_key()))
}

/// Creates a single-use link token (replacing unused ones of the same purpose) and
/// returns the secret to put in the link.
fn issue_link(
    conn: &mut DbConnection,
    ttl: Duration,
    now: NaiveDateTime,
    user_id: &str,
    purpose: LinkPurpose,
) -> AppResult<String> {
    tokens::expire_unused(conn, user_id, purpose.as_str(), now)?;
    let secret = new_secret();
    tokens::insert(
        conn,
        &UserTokenRow {
            id: new_id(),
            user_id: user_id.to_string(),
            purpose: purpose.as_str().to_string(),
            token_hash: hash_secret(&secret),
            created_at: now,
            expires_at: now + ttl,
            used_at: None,
        },
    )?;
    Ok(secret)
}

fn link_ttl(state: &AppState, purpose: LinkPurpose) -> Duration {
    let s = &state.settings.security;
    match purpose {
        LinkPurpose::ConfirmEmail => Duration::hours(s.confirm_token_hours),
        LinkPurpose::ResetPassword => Duration::minutes(s.reset_token_minutes),
        LinkPurpose::Invitation => Duration::hours(s.invitation_token_hours),
    }
}

fn link_path(purpose: LinkPurpose) -> &'static str {
    match purpose {
        LinkPurpose::ConfirmEmail => "/confirm-email",
        LinkPurpose::ResetPassword => "/reset-password",
        LinkPurpose::Invitation => "/set-password",
    }
}

fn link_url(state: &AppState, purpose: LinkPurpose, secret: &str) -> String {
    state.public_url(&format!("{}?token={}", link_path(purpose), secret))
}

/// Says why an emailed link cannot be used, if it cannot.
fn require_usable_link(
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
    used_at: Option<NaiveDateTime>,
) -> AppResult<()> {
    match link_state(now, expires_at, used_at) {
        LinkState::Usable => Ok(()),
        LinkState::Used => Err(AppError::BadRequest("error-link-used")),
        LinkState::Expired => Err(AppError::BadRequest("error-link-expired")),
    }
}

/// Finds the user behind a usable link, or says why the link does not work.
fn usable_link(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    purpose: LinkPurpose,
    secret: &str,
) -> AppResult<(UserTokenRow, UserRow)> {
    let invalid = AppError::BadRequest("error-link-invalid");
    if secret.is_empty() || secret.len() > 100 {
        return Err(invalid);
    }
    let token =
        tokens::find_by_hash(conn, purpose.as_str(), &hash_secret(secret))?.ok_or(invalid)?;
    require_usable_link(now, token.expires_at, token.used_at)?;
    let user =
        users::find(conn, &token.user_id)?.ok_or(AppError::BadRequest("error-link-invalid"))?;
    if user.disabled_at.is_some() {
        return Err(AppError::BadRequest("error-link-invalid"));
    }
    Ok((token, user))
}

/// Checks a link without using it (to show the form behind it).
#[tracing::instrument(skip_all)]
pub async fn check_link(
    state: &AppState,
    purpose: LinkPurpose,
    secret: String,
) -> AppResult<UserRow> {
    let now = state.clock.now();
    state
        .db(move |conn| usable_link(conn, now, purpose, &secret).map(|(_, u)| u))
        .await
}

/// Which of a person's other credentials a change ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ends {
    /// Every session (the caller keeps its own by taking the new epoch).
    pub sessions: bool,
    /// Every API bearer token.
    pub api_tokens: bool,
    /// Every unused emailed link (reset, invitation, confirmation) and pending email
    /// change.
    pub links: bool,
}

impl Ends {
    /// A credential changed (password, reset, email, second factor): everything else of
    /// that person that could be used to get in ends (SECURITY.md).
    pub const ALL: Ends = Ends {
        sessions: true,
        api_tokens: true,
        links: true,
    };
    /// Every way the person is signed in (a role or second factor changed, or they asked
    /// to be signed out everywhere); emailed links stay usable.
    pub const SIGN_INS: Ends = Ends {
        sessions: true,
        api_tokens: true,
        links: false,
    };
}

/// The person's current session epoch: a caller that just ended every session keeps its
/// own by taking it.
pub fn session_epoch(conn: &mut DbConnection, user_id: &str) -> AppResult<i64> {
    Ok(users::find(conn, user_id)?
        .map(|u| u.session_epoch)
        .unwrap_or_default())
}

/// Ends a person's other credentials, in the caller's transaction.
pub fn end_credentials(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
    ends: Ends,
) -> AppResult<()> {
    if ends.sessions {
        users::bump_session_epoch(conn, user_id, now)?;
    }
    if ends.api_tokens {
        api_tokens::revoke_all_for_user(conn, user_id, now)?;
    }
    if ends.links {
        for purpose in LinkPurpose::ALL {
            tokens::expire_unused(conn, user_id, purpose.as_str(), now)?;
        }
        tokens::expire_email_changes(conn, user_id, now)?;
    }
    Ok(())
}

/// Revokes every API token of a user (used when an account is disabled).
pub fn revoke_api_tokens(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    Ok(api_tokens::revoke_all_for_user(conn, user_id, now)?)
}
