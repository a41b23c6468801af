//! Accounts: registration, email confirmation, login, password reset and change,
//! invitations, profile and "log out everywhere".

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use super::mail::{self, MailKind, Recipient};
use super::{audit, hash_secret, new_id, new_secret, Actor};
use crate::db::tokens::{self, UserTokenRow};
use crate::db::users::{self, UserRow};
use crate::db::{api_tokens, sessions, DbConnection};
use crate::domain::access::Role;
use crate::domain::account::{
    check_new_password, link_state, DisplayName, EmailAddress, LinkState,
};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;

/// Purposes of emailed single-use links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    ConfirmEmail,
    ResetPassword,
    Invitation,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::ConfirmEmail => "confirm_email",
            LinkPurpose::ResetPassword => "reset_password",
            LinkPurpose::Invitation => "invitation",
        }
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

fn password_problem(password: &str, email: &EmailAddress, name: &str) -> Result<(), FieldError> {
    check_new_password(password, &[email.local_part(), name])
        .map_err(|p| FieldError::new("password", p.message_key()))
}

/// Creates a single-use link token (replacing unused ones of the same purpose) and
/// returns the secret to put in the link.
fn issue_link(
    conn: &mut DbConnection,
    state_ttl: Duration,
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
            expires_at: now + state_ttl,
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

pub struct Registration {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub lang: Lang,
}

/// Registers an applicant. Answers the same way whether or not the email is taken: the
/// owner of a taken address gets an email saying so instead of a confirmation link.
pub async fn register(state: &AppState, input: Registration, actor: &Actor) -> AppResult<()> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(&input.email)
        .map_err(|e| errors.push(e))
        .ok();
    let name = DisplayName::parse(&input.display_name)
        .map_err(|e| errors.push(e))
        .ok();
    if let (Some(email), Some(name)) = (&email, &name) {
        if let Err(e) = password_problem(&input.password, email, name.as_str()) {
            errors.push(e);
        }
    } else if let Err(p) = check_new_password(&input.password, &[]) {
        errors.push(FieldError::new("password", p.message_key()));
    }
    let (Some(email), Some(name)) = (email, name) else {
        return Err(AppError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    // Hash before looking the address up, so both answers take the same time.
    let hash = state.passwords.hash(input.password).await?;
    let now = state.clock.now();
    let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
    let login_url = state.public_url("/login");
    let reset_url = state.public_url("/forgot-password");
    let confirm_base = link_url(state, LinkPurpose::ConfirmEmail, "");
    let actor = actor.clone();
    let lang = input.lang;
    state
        .tx(move |conn| {
            if let Some(existing) = users::find_by_email(conn, email.as_str())? {
                mail::queue(
                    conn,
                    now,
                    &Recipient {
                        email: &existing.email,
                        name: &existing.display_name,
                        lang: user_lang(&existing),
                    },
                    MailKind::AlreadyRegistered,
                    &[("login_link", login_url), ("reset_link", reset_url)],
                )?;
                audit::record(
                    conn,
                    now,
                    &actor,
                    "user.register_existing",
                    Some(("user", &existing.id)),
                    json!({}),
                )?;
                return Ok(());
            }
            let user = UserRow {
                id: new_id(),
                email: email.as_str().to_string(),
                display_name: name.as_str().to_string(),
                password_hash: Some(hash),
                role: Role::Applicant.as_str().to_string(),
                language: Some(lang.code().to_string()),
                email_confirmed_at: None,
                disabled_at: None,
                session_epoch: 0,
                created_at: now,
                updated_at: now,
                last_login_at: None,
            };
            users::insert(conn, &user)?;
            let secret = issue_link(conn, ttl, now, &user.id, LinkPurpose::ConfirmEmail)?;
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: &user.email,
                    name: &user.display_name,
                    lang,
                },
                MailKind::ConfirmEmail,
                &[
                    ("link", format!("{confirm_base}{secret}")),
                    ("hours", ttl.num_hours().to_string()),
                ],
            )?;
            let actor = Actor {
                user_id: Some(user.id.clone()),
                email: Some(user.email.clone()),
                ..actor
            };
            audit::record(
                conn,
                now,
                &actor,
                "user.register",
                Some(("user", &user.id)),
                json!({"role": "applicant"}),
            )?;
            Ok(())
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
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

pub async fn confirm_email(state: &AppState, secret: String, actor: &Actor) -> AppResult<UserRow> {
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let (token, user) = usable_link(conn, now, LinkPurpose::ConfirmEmail, &secret)?;
            if !tokens::mark_used(conn, &token.id, now)? {
                return Err(AppError::BadRequest("error-link-used"));
            }
            users::confirm_email(conn, &user.id, now)?;
            let actor = Actor {
                user_id: Some(user.id.clone()),
                email: Some(user.email.clone()),
                ..actor
            };
            audit::record(
                conn,
                now,
                &actor,
                "user.confirm_email",
                Some(("user", &user.id)),
                json!({}),
            )?;
            Ok(user)
        })
        .await
}

/// Why a login was refused. Unknown email and wrong password are the same answer.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginRefusal {
    InvalidCredentials,
    Throttled,
    EmailNotConfirmed,
    Disabled,
}

pub async fn login(
    state: &AppState,
    email: &str,
    password: String,
    actor: &Actor,
) -> AppResult<Result<UserRow, LoginRefusal>> {
    let now = state.clock.now();
    let address = actor.client_ip.clone().unwrap_or_default();
    let typed_email = email.trim().to_lowercase();
    let record_failure = |reason: &'static str, user: Option<UserRow>| {
        let actor = Actor {
            user_id: user.as_ref().map(|u| u.id.clone()),
            email: Some(typed_email.chars().take(254).collect()),
            ..actor.clone()
        };
        let reason = reason.to_string();
        async move {
            state
                .tx(move |conn| {
                    let object = user.as_ref().map(|u| ("user", u.id.as_str()));
                    audit::record(
                        conn,
                        now,
                        &actor,
                        "user.login_failed",
                        object,
                        json!({ "reason": reason }),
                    )
                })
                .await
        }
    };
    if !state.throttle.attempt(&typed_email, &address) {
        // Same work as a real attempt, so throttling cannot be told apart by timing.
        let _ = state.passwords.verify(password, None).await?;
        record_failure("throttled", None).await?;
        return Ok(Err(LoginRefusal::Throttled));
    }
    let lookup_email = typed_email.clone();
    let user = match EmailAddress::parse(&lookup_email) {
        Ok(e) => {
            state
                .db(move |conn| Ok(users::find_by_email(conn, e.as_str())?))
                .await?
        }
        Err(_) => None,
    };
    let verification = state
        .passwords
        .verify(
            password,
            user.as_ref().and_then(|u| u.password_hash.clone()),
        )
        .await?;
    let Some(user) = user.filter(|_| verification.matches) else {
        record_failure("invalid_credentials", None).await?;
        return Ok(Err(LoginRefusal::InvalidCredentials));
    };
    if user.disabled_at.is_some() {
        record_failure("disabled", Some(user)).await?;
        return Ok(Err(LoginRefusal::Disabled));
    }
    if user.email_confirmed_at.is_none() {
        // The password was right, so this is the owner: send a fresh confirmation link.
        let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
        let confirm_base = link_url(state, LinkPurpose::ConfirmEmail, "");
        let actor = Actor {
            user_id: Some(user.id.clone()),
            email: Some(user.email.clone()),
            ..actor.clone()
        };
        state
            .tx(move |conn| {
                let secret = issue_link(conn, ttl, now, &user.id, LinkPurpose::ConfirmEmail)?;
                mail::queue(
                    conn,
                    now,
                    &Recipient {
                        email: &user.email,
                        name: &user.display_name,
                        lang: user_lang(&user),
                    },
                    MailKind::ConfirmEmail,
                    &[
                        ("link", format!("{confirm_base}{secret}")),
                        ("hours", ttl.num_hours().to_string()),
                    ],
                )?;
                audit::record(
                    conn,
                    now,
                    &actor,
                    "user.login_failed",
                    Some(("user", &user.id)),
                    json!({"reason": "email_not_confirmed"}),
                )
            })
            .await?;
        state.mail_wakeup.notify_one();
        return Ok(Err(LoginRefusal::EmailNotConfirmed));
    }
    let upgraded = verification.upgraded_hash;
    let actor = Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        ..actor.clone()
    };
    let user = state
        .tx(move |conn| {
            if let Some(hash) = &upgraded {
                users::set_password(conn, &user.id, hash, now, false)?;
            }
            users::record_login(conn, &user.id, now)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.login",
                Some(("user", &user.id)),
                json!({ "hash_upgraded": upgraded.is_some() }),
            )?;
            Ok(users::find(conn, &user.id)?.unwrap_or(user))
        })
        .await?;
    Ok(Ok(user))
}

/// Ends one session: its id is refused from now until its cookie would expire.
pub async fn logout(
    state: &AppState,
    actor: &Actor,
    session_id: String,
    cookie_expires: NaiveDateTime,
) -> AppResult<()> {
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let user_id = actor.user_id.clone().unwrap_or_default();
            sessions::revoke(conn, &session_id, &user_id, cookie_expires)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.logout",
                Some(("user", &user_id)),
                json!({}),
            )
        })
        .await
}

/// Sends a reset link when the address belongs to an enabled account; answers the same
/// either way. Works for throttled accounts too.
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    lang: Lang,
    actor: &Actor,
) -> AppResult<()> {
    let address = actor.client_ip.clone().unwrap_or_default();
    if !state.throttle.attempt_address(&address) {
        return Err(AppError::TooManyRequests);
    }
    let Ok(email) = EmailAddress::parse(email) else {
        return Err(AppError::field("email", "error-email-invalid"));
    };
    let now = state.clock.now();
    let ttl = link_ttl(state, LinkPurpose::ResetPassword);
    let base = link_url(state, LinkPurpose::ResetPassword, "");
    let actor = actor.clone();
    let queued = state
        .tx(move |conn| {
            let Some(user) = users::find_by_email(conn, email.as_str())? else {
                audit::record(
                    conn,
                    now,
                    &Actor {
                        email: Some(email.as_str().into()),
                        ..actor
                    },
                    "user.reset_requested_unknown",
                    None,
                    json!({}),
                )?;
                return Ok(false);
            };
            if user.disabled_at.is_some() {
                return Ok(false);
            }
            let secret = issue_link(conn, ttl, now, &user.id, LinkPurpose::ResetPassword)?;
            let recipient_lang = user
                .language
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or(lang);
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: &user.email,
                    name: &user.display_name,
                    lang: recipient_lang,
                },
                MailKind::ResetPassword,
                &[
                    ("link", format!("{base}{secret}")),
                    ("minutes", ttl.num_minutes().to_string()),
                ],
            )?;
            let actor = Actor {
                email: Some(user.email.clone()),
                ..actor
            };
            audit::record(
                conn,
                now,
                &actor,
                "user.reset_requested",
                Some(("user", &user.id)),
                json!({}),
            )?;
            Ok(true)
        })
        .await?;
    if queued {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// Sets a new password through a reset or invitation link. The link is used up, the
/// email counts as confirmed (the link proved it), and every session ends.
pub async fn set_password_with_link(
    state: &AppState,
    purpose: LinkPurpose,
    secret: String,
    new_password: String,
    actor: &Actor,
) -> AppResult<UserRow> {
    let user = check_link(state, purpose, secret.clone()).await?;
    let email = EmailAddress::parse(&user.email)?;
    password_problem(&new_password, &email, &user.display_name)?;
    let hash = state.passwords.hash(new_password).await?;
    let now = state.clock.now();
    let actor = actor.clone();
    let user = state
        .tx(move |conn| {
            let (token, user) = usable_link(conn, now, purpose, &secret)?;
            if !tokens::mark_used(conn, &token.id, now)? {
                return Err(AppError::BadRequest("error-link-used"));
            }
            users::set_password(conn, &user.id, &hash, now, true)?;
            users::confirm_email(conn, &user.id, now)?;
            // A reset also ends the other ways in: pending reset links and API tokens.
            tokens::expire_unused(conn, &user.id, LinkPurpose::ResetPassword.as_str(), now)?;
            api_tokens::revoke_all_for_user(conn, &user.id, now)?;
            let action = match purpose {
                LinkPurpose::Invitation => "user.invitation_accepted",
                _ => "user.password_reset",
            };
            let actor = Actor {
                user_id: Some(user.id.clone()),
                email: Some(user.email.clone()),
                ..actor
            };
            audit::record(
                conn,
                now,
                &actor,
                action,
                Some(("user", &user.id)),
                json!({}),
            )?;
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: &user.email,
                    name: &user.display_name,
                    lang: user_lang(&user),
                },
                MailKind::PasswordChanged,
                &[],
            )?;
            Ok(users::find(conn, &user.id)?.unwrap_or(user))
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(user)
}

/// The signed-in user, once their current password is confirmed (password and email
/// changes ask for it).
async fn user_with_current_password(
    state: &AppState,
    actor: &Actor,
    current: String,
) -> AppResult<UserRow> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let user = state
        .db(move |conn| users::find(conn, &user_id)?.ok_or(AppError::NotFound))
        .await?;
    let verification = state
        .passwords
        .verify(current, user.password_hash.clone())
        .await?;
    if !verification.matches {
        return Err(AppError::field(
            "current_password",
            "error-current-password-wrong",
        ));
    }
    Ok(user)
}

/// Changes the password of a signed-in user after checking the current one. Ends every
/// other session; returns the new session epoch for the current session.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current: String,
    new_password: String,
) -> AppResult<i64> {
    let user = user_with_current_password(state, actor, current).await?;
    let email = EmailAddress::parse(&user.email)?;
    password_problem(&new_password, &email, &user.display_name)?;
    let hash = state.passwords.hash(new_password).await?;
    let now = state.clock.now();
    let actor = actor.clone();
    let epoch = state
        .tx(move |conn| {
            users::set_password(conn, &user.id, &hash, now, true)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.password_changed",
                Some(("user", &user.id)),
                json!({}),
            )?;
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: &user.email,
                    name: &user.display_name,
                    lang: user_lang(&user),
                },
                MailKind::PasswordChanged,
                &[],
            )?;
            Ok(users::find(conn, &user.id)?
                .map(|u| u.session_epoch)
                .unwrap_or_default())
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(epoch)
}

/// Ends every session of the user (the caller keeps its own by taking the new epoch).
pub async fn logout_everywhere(state: &AppState, actor: &Actor) -> AppResult<i64> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            users::bump_session_epoch(conn, &user_id, now)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.logout_everywhere",
                Some(("user", &user_id)),
                json!({}),
            )?;
            Ok(users::find(conn, &user_id)?
                .map(|u| u.session_epoch)
                .unwrap_or_default())
        })
        .await
}

pub async fn update_profile(
    state: &AppState,
    actor: &Actor,
    display_name: &str,
    language: Option<Lang>,
) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let name = DisplayName::parse(display_name)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let before = users::find(conn, &user_id)?.ok_or(AppError::NotFound)?;
            users::set_profile(conn, &user_id, name.as_str(), language.map(Lang::code), now)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.profile_updated",
                Some(("user", &user_id)),
                json!({
                    "before": {"display_name": before.display_name, "language": before.language},
                    "after": {"display_name": name.as_str(), "language": language.map(Lang::code)},
                }),
            )
        })
        .await
}

pub async fn set_language(state: &AppState, actor: &Actor, lang: Lang) -> AppResult<()> {
    let Some(user_id) = actor.user_id.clone() else {
        return Ok(());
    };
    let now = state.clock.now();
    state
        .tx(move |conn| Ok(users::set_language(conn, &user_id, lang.code(), now)?))
        .await
}

/// Creates an account on an administrator's or the operator's behalf. With a password
/// the account is ready at once; without one an invitation link is emailed.
pub async fn create_user(
    state: &AppState,
    actor: &Actor,
    email: &str,
    display_name: &str,
    role: Role,
    password: Option<String>,
    lang: Lang,
) -> AppResult<UserRow> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(email).map_err(|e| errors.push(e)).ok();
    let name = DisplayName::parse(display_name)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(email), Some(name)) = (email, name) else {
        return Err(AppError::Validation(errors));
    };
    let hash = match password {
        Some(p) => {
            password_problem(&p, &email, name.as_str())?;
            Some(state.passwords.hash(p).await?)
        }
        None => None,
    };
    let now = state.clock.now();
    let ttl = link_ttl(state, LinkPurpose::Invitation);
    let base = link_url(state, LinkPurpose::Invitation, "");
    let actor = actor.clone();
    let user = state
        .tx(move |conn| {
            if users::find_by_email(conn, email.as_str())?.is_some() {
                return Err(AppError::field("email", "error-email-taken"));
            }
            let invited = hash.is_none();
            let user = UserRow {
                id: new_id(),
                email: email.as_str().to_string(),
                display_name: name.as_str().to_string(),
                password_hash: hash,
                role: role.as_str().to_string(),
                language: Some(lang.code().to_string()),
                email_confirmed_at: if invited { None } else { Some(now) },
                disabled_at: None,
                session_epoch: 0,
                created_at: now,
                updated_at: now,
                last_login_at: None,
            };
            users::insert(conn, &user)?;
            if invited {
                let secret = issue_link(conn, ttl, now, &user.id, LinkPurpose::Invitation)?;
                mail::queue(
                    conn,
                    now,
                    &Recipient {
                        email: &user.email,
                        name: &user.display_name,
                        lang,
                    },
                    MailKind::Invitation,
                    &[
                        ("link", format!("{base}{secret}")),
                        ("hours", ttl.num_hours().to_string()),
                        (
                            "role",
                            crate::i18n::t(lang, &format!("role-{}", role.as_str())),
                        ),
                    ],
                )?;
            }
            audit::record(
                conn,
                now,
                &actor,
                if invited {
                    "user.invited"
                } else {
                    "user.created"
                },
                Some(("user", &user.id)),
                json!({"email": user.email, "role": role.as_str()}),
            )?;
            Ok(user)
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(user)
}

/// Revokes every API token of a user (used when an account is disabled).
pub fn revoke_api_tokens(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    Ok(api_tokens::revoke_all_for_user(conn, user_id, now)?)
}

/// Asks to change the email address: the current password is required, and the change
/// takes effect only when confirmed from the new address (the old one is told).
pub async fn request_email_change(
    state: &AppState,
    actor: &Actor,
    new_email: &str,
    current_password: String,
) -> AppResult<String> {
    let new_email = EmailAddress::parse(new_email)?;
    let user = user_with_current_password(state, actor, current_password).await?;
    if new_email.as_str() == user.email {
        return Err(AppError::field("email", "error-email-unchanged"));
    }
    let now = state.clock.now();
    let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
    let base = state.public_url("/confirm-email-change?token=");
    let actor = actor.clone();
    state
        .tx(move |conn| {
            if users::find_by_email(conn, new_email.as_str())?.is_some() {
                return Err(AppError::field("email", "error-email-taken"));
            }
            let secret = new_secret();
            tokens::insert_email_change(
                conn,
                &tokens::EmailChangeRow {
                    id: new_id(),
                    user_id: user.id.clone(),
                    new_email: new_email.as_str().to_string(),
                    token_hash: hash_secret(&secret),
                    created_at: now,
                    expires_at: now + ttl,
                    used_at: None,
                },
            )?;
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: new_email.as_str(),
                    name: &user.display_name,
                    lang: user_lang(&user),
                },
                MailKind::ConfirmEmailChange,
                &[
                    ("link", format!("{base}{secret}")),
                    ("hours", ttl.num_hours().to_string()),
                    ("old_email", user.email.clone()),
                ],
            )?;
            audit::record(
                conn,
                now,
                &actor,
                "user.email_change_requested",
                Some(("user", &user.id)),
                json!({"new_email": new_email.as_str()}),
            )?;
            Ok(new_email.as_str().to_string())
        })
        .await
        .inspect(|_| state.mail_wakeup.notify_one())
}

/// Confirms an email change from the link sent to the new address.
pub async fn confirm_email_change(
    state: &AppState,
    secret: String,
    actor: &Actor,
) -> AppResult<UserRow> {
    let now = state.clock.now();
    let actor = actor.clone();
    let user = state
        .tx(move |conn| {
            let invalid = AppError::BadRequest("error-link-invalid");
            if secret.is_empty() || secret.len() > 100 {
                return Err(invalid);
            }
            let change = tokens::find_email_change(conn, &hash_secret(&secret))?.ok_or(invalid)?;
            require_usable_link(now, change.expires_at, change.used_at)?;
            let user = users::find(conn, &change.user_id)?
                .ok_or(AppError::BadRequest("error-link-invalid"))?;
            if user.disabled_at.is_some() {
                return Err(AppError::BadRequest("error-link-invalid"));
            }
            if users::find_by_email(conn, &change.new_email)?.is_some() {
                return Err(AppError::BadRequest("error-email-taken"));
            }
            if !tokens::use_email_change(conn, &change.id, now)? {
                return Err(AppError::BadRequest("error-link-used"));
            }
            users::set_email(conn, &user.id, &change.new_email, now)?;
            mail::queue(
                conn,
                now,
                &Recipient {
                    email: &user.email,
                    name: &user.display_name,
                    lang: user_lang(&user),
                },
                MailKind::EmailChanged,
                &[("new_email", change.new_email.clone())],
            )?;
            let actor = Actor {
                user_id: Some(user.id.clone()),
                email: Some(change.new_email.clone()),
                ..actor
            };
            audit::record(
                conn,
                now,
                &actor,
                "user.email_changed",
                Some(("user", &user.id)),
                json!({"before": user.email, "after": change.new_email}),
            )?;
            Ok(users::find(conn, &user.id)?.unwrap_or(user))
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(user)
}
