//! Registration of applicants and confirmation of their email address. An unconfirmed
//! registration expires: it can be registered again by whoever holds the address, and
//! the worker removes it.

use chrono::Duration;
use serde_json::json;

use super::{
    issue_link, link_ttl, link_url, password_problem, recipient, usable_link, LinkPurpose,
};
use crate::db::{
    tokens,
    users::{self, UserRow},
};
use crate::domain::access::Role;
use crate::domain::account::{check_new_password, DisplayName, EmailAddress};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::mail::{MailKind, Recipient};
use crate::services::throttle::{self, Counted};
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

pub struct Registration {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub lang: Lang,
}

/// Registers an applicant. Answers the same way whether or not the email is taken: the
/// owner of a taken address gets an email saying so instead of a confirmation link.
/// Emails to one address are limited per hour (and per client address).
#[tracing::instrument(skip_all)]
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
    let (Some(email), Some(name), true) = (email, name, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let subject = throttle::typed_subject(state, email.as_str());
    let address = actor.client_ip.clone().unwrap_or_default();
    if !throttle::allowed(state, Counted::EmailTo, subject.clone(), address.clone()).await? {
        return Err(AppError::TooManyRequests);
    }
    // Hash before looking the address up, so both answers take the same time.
    let hash = state.passwords.hash(input.password).await?;
    let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
    let login_url = state.public_url("/login");
    let reset_url = state.public_url("/forgot-password");
    let confirm_base = link_url(state, LinkPurpose::ConfirmEmail, "");
    let expiry = Duration::days(state.settings.security.unconfirmed_account_days);
    let security = state.settings.security.clone();
    let lang = input.lang;
    state
        .write(actor, Permission::Anyone, Lock::UserDirectory, move |tx| {
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
            let existing = users::find_by_email(tx.conn, email.as_str())?;
            let replaces = match existing {
                // An unconfirmed registration past its time belongs to nobody: whoever
                // holds the address may register it again.
                Some(old)
                    if old.email_confirmed_at.is_none() && old.created_at + expiry < tx.now =>
                {
                    Some(old)
                }
                Some(existing) => {
                    tx.mail(
                        &recipient(&existing),
                        MailKind::AlreadyRegistered,
                        &[("login_link", login_url), ("reset_link", reset_url)],
                    )?;
                    return tx.audit(
                        "user.register_existing",
                        Some(("user", &existing.id)),
                        json!({}),
                    );
                }
                None => None,
            };
            let user = UserRow {
                id: replaces
                    .as_ref()
                    .map(|u| u.id.clone())
                    .unwrap_or_else(new_id),
                email: email.as_str().to_string(),
                display_name: name.as_str().to_string(),
                password_hash: Some(hash),
                role: Role::Applicant.as_str().to_string(),
                language: Some(lang.code().to_string()),
                email_confirmed_at: None,
                disabled_at: None,
                session_epoch: replaces.as_ref().map(|u| u.session_epoch + 1).unwrap_or(0),
                created_at: tx.now,
                updated_at: tx.now,
                last_login_at: None,
                previous_login_at: None,
            };
            if replaces.is_some() {
                users::overwrite_unconfirmed(tx.conn, &user)?;
            } else {
                users::insert(tx.conn, &user)?;
            }
            let secret = issue_link(tx.conn, ttl, tx.now, &user.id, LinkPurpose::ConfirmEmail)?;
            tx.mail(
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
            tx.audit(
                "user.register",
                Some(("user", &user.id)),
                json!({"role": "applicant", "replaced_expired_registration": replaces.is_some()}),
            )
        })
        .await
}

#[tracing::instrument(skip_all)]
pub async fn confirm_email(state: &AppState, secret: String, actor: &Actor) -> AppResult<UserRow> {
    state
        .write(actor, Permission::Anyone, Lock::Nothing, move |tx| {
            let (token, user) = usable_link(tx.conn, tx.now, LinkPurpose::ConfirmEmail, &secret)?;
            if !tokens::mark_used(tx.conn, &token.id, tx.now)? {
                return Err(AppError::BadRequest("error-link-used"));
            }
            users::confirm_email(tx.conn, &user.id, tx.now)?;
            tx.audit("user.confirm_email", Some(("user", &user.id)), json!({}))?;
            Ok(user)
        })
        .await
}

/// Removes registrations never confirmed within `unconfirmed_account_days` (with their
/// links); safe on several nodes at once.
#[tracing::instrument(skip_all)]
pub async fn expire_unconfirmed_accounts(state: &AppState) -> AppResult<usize> {
    let days = state.settings.security.unconfirmed_account_days;
    state
        .write(
            &Actor::system("housekeeping"),
            Permission::Anyone,
            Lock::UserDirectory,
            move |tx| {
                let before = tx.now - Duration::days(days);
                let expired = users::unconfirmed_created_before(tx.conn, before)?;
                for user in &expired {
                    users::delete_unconfirmed(tx.conn, &user.id)?;
                    tx.audit(
                        "user.unconfirmed_expired",
                        Some(("user", &user.id)),
                        json!({"registered_at": user.created_at}),
                    )?;
                }
                if expired.is_empty() {
                    tx.nothing_changed();
                }
                Ok(expired.len())
            },
        )
        .await
}
