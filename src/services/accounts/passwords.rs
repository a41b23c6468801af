//! Passwords: reset by emailed link, change with the current password (throttled, and
//! with the second factor when enrolled). A new password ends every other credential.

use serde_json::json;

use super::{
    end_credentials, issue_link, link_ttl, link_url, password_problem, recipient, second_factor,
    session_epoch, usable_link, Ends, LinkPurpose,
};
use crate::db::tokens;
use crate::db::users::{self, UserRow};
use crate::domain::account::EmailAddress;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::mail::{MailKind, Recipient};
use crate::services::throttle::{self, Counted};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// Sends a reset link when the address belongs to an enabled account; answers the same
/// either way. Works for throttled accounts too. At most a few links an hour go to one
/// address (and from one client address).
#[tracing::instrument(skip_all)]
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    lang: Lang,
    actor: &Actor,
) -> AppResult<()> {
    let Ok(email) = EmailAddress::parse(email) else {
        return Err(AppError::field("email", "error-email-invalid"));
    };
    let address = actor.client_ip.clone().unwrap_or_default();
    let subject = throttle::typed_subject(state, email.as_str());
    if !throttle::allowed(state, Counted::EmailTo, subject.clone(), address.clone()).await? {
        return Err(AppError::TooManyRequests);
    }
    let ttl = link_ttl(state, LinkPurpose::ResetPassword);
    let base = link_url(state, LinkPurpose::ResetPassword, "");
    let security = state.settings.security.clone();
    let anonymous = Actor {
        user_id: None,
        email: None,
        ..actor.clone()
    };
    state
        .write(&anonymous, Permission::Anyone, Lock::Nothing, move |tx| {
            if !throttle::take_send(
                tx.conn,
                &security,
                Counted::EmailTo,
                &subject,
                &address,
                tx.now,
            )? {
                return Err(AppError::TooManyRequests);
            }
            let Some(user) = users::find_by_email(tx.conn, email.as_str())? else {
                // What was typed is recorded as a keyed hash only.
                return tx.audit(
                    "user.reset_requested_unknown",
                    None,
                    json!({"typed_email_hash": subject}),
                );
            };
            if user.disabled_at.is_some() {
                return tx.audit(
                    "user.reset_requested_disabled",
                    Some(("user", &user.id)),
                    json!({}),
                );
            }
            let secret = issue_link(tx.conn, ttl, tx.now, &user.id, LinkPurpose::ResetPassword)?;
            let recipient_lang = user
                .language
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or(lang);
            tx.mail(
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
            tx.audit("user.reset_requested", Some(("user", &user.id)), json!({}))
        })
        .await
}

/// Sets a new password through a reset or invitation link. The link is used up, the
/// email counts as confirmed (the link proved it), failed sign-ins are forgotten, and
/// every session, API token and other link ends.
#[tracing::instrument(skip_all)]
pub async fn set_password_with_link(
    state: &AppState,
    purpose: LinkPurpose,
    secret: String,
    new_password: String,
    actor: &Actor,
) -> AppResult<UserRow> {
    let user = super::check_link(state, purpose, secret.clone()).await?;
    let email = EmailAddress::parse(&user.email)?;
    password_problem(&new_password, &email, &user.display_name)?;
    let hash = state.passwords.hash(new_password).await?;
    let subject = throttle::typed_subject(state, &user.email);
    let actor = Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        ..actor.clone()
    };
    state
        .write(
            &actor,
            Permission::Anyone,
            Lock::User(user.id.clone()),
            move |tx| {
                let (token, user) = usable_link(tx.conn, tx.now, purpose, &secret)?;
                if !tokens::mark_used(tx.conn, &token.id, tx.now)? {
                    return Err(AppError::BadRequest("error-link-used"));
                }
                users::set_password(tx.conn, &user.id, &hash, tx.now, false)?;
                users::confirm_email(tx.conn, &user.id, tx.now)?;
                end_credentials(tx.conn, &user.id, tx.now, Ends::ALL)?;
                throttle::clear(tx.conn, Counted::Login, &subject)?;
                let action = match purpose {
                    LinkPurpose::Invitation => "user.invitation_accepted",
                    _ => "user.password_reset",
                };
                tx.audit(action, Some(("user", &user.id)), json!({}))?;
                tx.mail(&recipient(&user), MailKind::PasswordChanged, &[])?;
                Ok(users::find(tx.conn, &user.id)?.unwrap_or(user))
            },
        )
        .await
}

/// The signed-in user, once their current password is confirmed (password and email
/// changes ask for it). Wrong passwords are throttled per user and audited.
pub(super) async fn user_with_current_password(
    state: &AppState,
    actor: &Actor,
    current: String,
) -> AppResult<UserRow> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let address = actor.client_ip.clone().unwrap_or_default();
    if !throttle::allowed(
        state,
        Counted::CurrentPassword,
        user_id.clone(),
        address.clone(),
    )
    .await?
    {
        return Err(AppError::field(
            "current_password",
            "error-current-password-throttled",
        ));
    }
    let uid = user_id.clone();
    let user = state
        .db(move |conn| users::find(conn, &uid)?.ok_or(AppError::NotFound))
        .await?;
    let verification = state
        .passwords
        .verify(current, user.password_hash.clone())
        .await?;
    if !verification.matches {
        state
            .write(actor, Permission::Anyone, Lock::Nothing, move |tx| {
                throttle::record(
                    tx.conn,
                    Counted::CurrentPassword,
                    &user_id,
                    &address,
                    tx.now,
                )?;
                tx.audit(
                    "user.current_password_failed",
                    Some(("user", &user_id)),
                    json!({}),
                )
            })
            .await?;
        return Err(AppError::field(
            "current_password",
            "error-current-password-wrong",
        ));
    }
    Ok(user)
}

/// Changes the password of a signed-in user after checking the current one (and the
/// second factor when enrolled). Ends every other session, API token and emailed link;
/// returns the new session epoch for the current session.
#[tracing::instrument(skip_all)]
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current: String,
    new_password: String,
    second_factor_code: Option<String>,
) -> AppResult<i64> {
    let user = user_with_current_password(state, actor, current).await?;
    second_factor::confirm_for_change(state, actor, &user.id, second_factor_code).await?;
    let email = EmailAddress::parse(&user.email)?;
    password_problem(&new_password, &email, &user.display_name)?;
    let hash = state.passwords.hash(new_password).await?;
    state
        .write(
            actor,
            Permission::Anyone,
            Lock::User(user.id.clone()),
            move |tx| {
                users::set_password(tx.conn, &user.id, &hash, tx.now, false)?;
                end_credentials(tx.conn, &user.id, tx.now, Ends::ALL)?;
                tx.audit("user.password_changed", Some(("user", &user.id)), json!({}))?;
                tx.mail(&recipient(&user), MailKind::PasswordChanged, &[])?;
                session_epoch(tx.conn, &user.id)
            },
        )
        .await
}
