//! Accounts created by an administrator or the operator. An invitation to an address
//! that someone registered but never confirmed takes the account over: the earlier
//! password, sessions, tokens and links are void (a squatter cannot wait for a role).

use serde_json::json;

use super::{
    end_credentials, issue_link, link_ttl, link_url, password_problem, user_lang, Ends, LinkPurpose,
};
use crate::db::tokens;
use crate::db::users::{self, UserRow};
use crate::domain::access::Role;
use crate::domain::account::{DisplayName, EmailAddress};
use crate::error::{AppError, AppResult, UniqueAsField};
use crate::i18n::Lang;
use crate::services::mail::{MailKind, Recipient};
use crate::services::write::{Lock, Permission, Tx};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// Creates an account on an administrator's or the operator's behalf. With a password
/// the account is ready at once; without one an invitation link is emailed.
#[tracing::instrument(skip_all)]
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
    let ttl = link_ttl(state, LinkPurpose::Invitation);
    let base = link_url(state, LinkPurpose::Invitation, "");
    // The command line acts with full rights; the web checks ManageUsers first.
    let permission = if actor.user_id.is_none() && actor.role.is_none() {
        Permission::Anyone
    } else {
        Permission::Do(
            crate::domain::access::Action::ManageUsers,
            crate::domain::access::Scope::Portal,
        )
    };
    state
        .write(actor, permission, Lock::UserDirectory, move |tx| {
            let existing = users::find_by_email(tx.conn, email.as_str())?;
            let invited = hash.is_none();
            let takes_over = match &existing {
                Some(u) if u.email_confirmed_at.is_none() => Some(u.clone()),
                Some(_) => return Err(AppError::field("email", "error-email-taken")),
                None => None,
            };
            let user = UserRow {
                id: takes_over
                    .as_ref()
                    .map(|u| u.id.clone())
                    .unwrap_or_else(new_id),
                email: email.as_str().to_string(),
                display_name: name.as_str().to_string(),
                password_hash: hash,
                role: role.as_str().to_string(),
                language: Some(lang.code().to_string()),
                email_confirmed_at: if invited { None } else { Some(tx.now) },
                disabled_at: None,
                session_epoch: takes_over
                    .as_ref()
                    .map(|u| u.session_epoch + 1)
                    .unwrap_or(0),
                created_at: tx.now,
                updated_at: tx.now,
                last_login_at: None,
                previous_login_at: None,
            };
            if let Some(old) = &takes_over {
                end_credentials(tx.conn, &old.id, tx.now, Ends::ALL)?;
                users::overwrite_unconfirmed(tx.conn, &user)?;
                tx.audit(
                    "user.unconfirmed_taken_over",
                    Some(("user", &user.id)),
                    json!({"email": user.email, "registered_at": old.created_at}),
                )?;
            } else {
                users::insert(tx.conn, &user).unique_as("email", "error-email-taken")?;
            }
            if invited {
                send_invitation(tx, &user, lang, &base, ttl)?;
            }
            tx.audit(
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
        .await
}

/// Issues an invitation link and queues the invitation email, in the caller's transaction.
fn send_invitation(
    tx: &mut Tx<'_>,
    user: &UserRow,
    lang: Lang,
    base: &str,
    ttl: chrono::Duration,
) -> AppResult<()> {
    let secret = issue_link(tx.conn, ttl, tx.now, &user.id, LinkPurpose::Invitation)?;
    let role = crate::i18n::t(lang, &format!("role-{}", user.role));
    tx.mail(
        &Recipient {
            email: &user.email,
            name: &user.display_name,
            lang,
        },
        MailKind::Invitation,
        &[
            ("link", format!("{base}{secret}")),
            ("hours", ttl.num_hours().to_string()),
            ("role", role),
        ],
    )?;
    Ok(())
}

/// Sends an invitation again (the first was lost or has expired): the earlier links stop
/// working. Only for an invited account nobody has accepted yet.
#[tracing::instrument(skip_all)]
pub async fn resend_invitation(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    let ttl = link_ttl(state, LinkPurpose::Invitation);
    let base = link_url(state, LinkPurpose::Invitation, "");
    let permission = Permission::Do(
        crate::domain::access::Action::ManageUsers,
        crate::domain::access::Scope::Portal,
    );
    state
        .write(actor, permission, Lock::User(id.clone()), move |tx| {
            let user = users::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if user.email_confirmed_at.is_some() || user.password_hash.is_some() {
                return Err(AppError::Conflict("error-invitation-accepted"));
            }
            if user.disabled_at.is_some() {
                return Err(AppError::Conflict("error-invitation-disabled"));
            }
            tokens::expire_unused(tx.conn, &user.id, LinkPurpose::Invitation.as_str(), tx.now)?;
            send_invitation(tx, &user, user_lang(&user), &base, ttl)?;
            tx.audit(
                "user.invitation_resent",
                Some(("user", &user.id)),
                json!({"email": user.email}),
            )
        })
        .await
}
