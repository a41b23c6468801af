//! Changing one's email address: the current password (and second factor) is
//! required, the change takes effect when confirmed from the new address, and the old
//! address is told. Whether the new address is taken is never revealed to the asker:
//! its owner is told instead.

use serde_json::json;

use super::passwords::user_with_current_password;
use super::{
    end_credentials, link_ttl, recipient, require_usable_link, second_factor, user_lang, Ends,
    LinkPurpose,
};
use crate::db::tokens;
use crate::db::users::{self, UserRow};
use crate::domain::account::EmailAddress;
use crate::error::{AppError, AppResult};
use crate::services::mail::{MailKind, Recipient};
use crate::services::throttle::{self, Counted};
use crate::services::write::{Lock, Permission};
use crate::services::{hash_secret, new_id, new_secret, Actor};
use crate::state::AppState;

/// Asks to change the email address; returns the new address as it will be shown.
#[tracing::instrument(skip_all)]
pub async fn request_email_change(
    state: &AppState,
    actor: &Actor,
    new_email: &str,
    current_password: String,
    second_factor_code: Option<String>,
) -> AppResult<String> {
    let new_email = EmailAddress::parse(new_email)?;
    let user = user_with_current_password(state, actor, current_password).await?;
    second_factor::confirm_for_change(state, actor, &user.id, second_factor_code).await?;
    if new_email.as_str() == user.email {
        return Err(AppError::field("email", "error-email-unchanged"));
    }
    let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
    let base = state.public_url("/confirm-email-change?token=");
    let login_url = state.public_url("/login");
    let security = state.settings.security.clone();
    let to_subject = throttle::typed_subject(state, new_email.as_str());
    let address = actor.client_ip.clone().unwrap_or_default();
    state
        .write(
            actor,
            Permission::Anyone,
            Lock::User(user.id.clone()),
            move |tx| {
                // Limits per asker and per target address, so the form cannot send mail to
                // anyone at will.
                if !throttle::take_send(
                    tx.conn,
                    &security,
                    Counted::EmailChange,
                    &user.id,
                    &address,
                    tx.now,
                )? || !throttle::take_send(
                    tx.conn,
                    &security,
                    Counted::EmailTo,
                    &to_subject,
                    &address,
                    tx.now,
                )? {
                    return Err(AppError::field("email", "error-email-change-throttled"));
                }
                let shown = new_email.as_str().to_string();
                if let Some(owner) = users::find_by_email(tx.conn, new_email.as_str())? {
                    tx.mail(
                        &recipient(&owner),
                        MailKind::EmailChangeAddressTaken,
                        &[("login_link", login_url.clone())],
                    )?;
                    tx.audit(
                        "user.email_change_requested",
                        Some(("user", &user.id)),
                        json!({"new_email": shown, "address_taken": true}),
                    )?;
                    return Ok(shown);
                }
                let secret = new_secret();
                tokens::insert_email_change(
                    tx.conn,
                    &tokens::EmailChangeRow {
                        id: new_id(),
                        user_id: user.id.clone(),
                        new_email: shown.clone(),
                        token_hash: hash_secret(&secret),
                        created_at: tx.now,
                        expires_at: tx.now + ttl,
                        used_at: None,
                    },
                )?;
                // Nobody has confirmed this address yet: no name from the account in the
                // greeting, only the link.
                tx.mail(
                    &Recipient {
                        email: &shown,
                        name: "",
                        lang: user_lang(&user),
                    },
                    MailKind::ConfirmEmailChange,
                    &[
                        ("link", format!("{base}{secret}")),
                        ("hours", ttl.num_hours().to_string()),
                        ("old_email", user.email.clone()),
                    ],
                )?;
                tx.audit(
                    "user.email_change_requested",
                    Some(("user", &user.id)),
                    json!({"new_email": shown}),
                )?;
                Ok(shown)
            },
        )
        .await
}

/// Confirms an email change from the link sent to the new address. Unused links sent
/// to the old address end with it.
#[tracing::instrument(skip_all)]
pub async fn confirm_email_change(
    state: &AppState,
    secret: String,
    actor: &Actor,
) -> AppResult<UserRow> {
    state
        .write(actor, Permission::Anyone, Lock::UserDirectory, move |tx| {
            let invalid = AppError::BadRequest("error-link-invalid");
            if secret.is_empty() || secret.len() > 100 {
                return Err(invalid);
            }
            let change =
                tokens::find_email_change(tx.conn, &hash_secret(&secret))?.ok_or(invalid)?;
            require_usable_link(tx.now, change.expires_at, change.used_at)?;
            let user = users::find(tx.conn, &change.user_id)?
                .ok_or(AppError::BadRequest("error-link-invalid"))?;
            if user.disabled_at.is_some() {
                return Err(AppError::BadRequest("error-link-invalid"));
            }
            if users::find_by_email(tx.conn, &change.new_email)?.is_some() {
                return Err(AppError::BadRequest("error-email-change-unavailable"));
            }
            if !tokens::use_email_change(tx.conn, &change.id, tx.now)? {
                return Err(AppError::BadRequest("error-link-used"));
            }
            users::set_email(tx.conn, &user.id, &change.new_email, tx.now)?;
            end_credentials(
                tx.conn,
                &user.id,
                tx.now,
                Ends {
                    links: true,
                    ..Ends::default()
                },
            )?;
            tx.mail(
                &recipient(&user),
                MailKind::EmailChanged,
                &[("new_email", change.new_email.clone())],
            )?;
            tx.audit(
                "user.email_changed",
                Some(("user", &user.id)),
                json!({"before": user.email, "after": change.new_email}),
            )?;
            Ok(users::find(tx.conn, &user.id)?.unwrap_or(user))
        })
        .await
}
