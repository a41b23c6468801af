//! Administrators' pages: users (list, invite, role, disable, enable) and the outbox.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::{Page, Pager};
use crate::clock::format_local;
use crate::db::users::{UserFilter, UserRow};
use crate::domain::access::Role;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args, Lang};
use crate::services::{accounts, admin};
use crate::web::confirm::{self, Confirmation};

#[derive(Serialize)]
struct UserView {
    id: String,
    email: String,
    display_name: String,
    role: String,
    confirmed: bool,
    /// Invited and not yet accepted (no password chosen).
    invitation_pending: bool,
    disabled: bool,
    created: String,
    last_login: Option<String>,
    disabled_at: Option<String>,
}

impl From<UserRow> for UserView {
    fn from(u: UserRow) -> Self {
        UserView {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            role: u.role,
            confirmed: u.email_confirmed_at.is_some(),
            invitation_pending: u.email_confirmed_at.is_none() && u.password_hash.is_none(),
            disabled: u.disabled_at.is_some(),
            created: format_local(u.created_at),
            last_login: u.last_login_at.map(format_local),
            disabled_at: u.disabled_at.map(format_local),
        }
    }
}

fn roles() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.as_str()).collect()
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct UsersQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn users(page: Page, query: web::Query<UsersQuery>) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let filter = UserFilter {
        search: Some(query.q.clone()),
        role: Role::parse(&query.role).map(|r| r.as_str().to_string()),
        status: Some(query.status.clone())
            .filter(|s| ["active", "disabled", "unconfirmed"].contains(&s.as_str())),
    };
    let page_no = query.page.unwrap_or(1).max(1);
    let (rows, total) = admin::list_users(&page.state, &page.actor(), filter, page_no).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "users",
        &rows.into_iter().map(UserView::from).collect::<Vec<_>>(),
    );
    ctx.insert("pager", &Pager::new(page_no, total, admin::PAGE_SIZE));
    ctx.insert("filter_qs", &super::page::filter_query(&query));
    ctx.insert("filter", &query);
    ctx.insert("roles", &roles());
    page.render("admin/users.html", ctx)
}

pub async fn invite_form(page: Page) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("roles", &roles());
    ctx.insert("form_role", "applicant");
    ctx.insert("form_language", page.lang().code());
    page.render("admin/invite.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteForm {
    email: String,
    display_name: String,
    role: String,
    language: String,
}

pub async fn invite(page: Page, form: web::Form<InviteForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let role = Role::parse(&form.role).ok_or(AppError::field("role", "error-role-invalid"));
    let lang = Lang::parse(&form.language).unwrap_or(page.lang());
    let result = match role {
        Ok(role) => {
            accounts::create_user(
                &page.state,
                &page.actor(),
                &form.email,
                &form.display_name,
                role,
                None,
                lang,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(user) => {
            page.flash_args(
                "success",
                "flash-user-invited",
                &[("email", user.email.clone())],
            );
            Ok(page.redirect(&format!("/admin/users/{}", user.id)))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("roles", &roles());
            page.show_errors(&mut ctx, &errors);
            ctx.insert("email", &form.email);
            ctx.insert("display_name", &form.display_name);
            ctx.insert("form_role", &form.role);
            ctx.insert("form_language", lang.code());
            page.render_status(StatusCode::UNPROCESSABLE_ENTITY, "admin/invite.html", ctx)
        }
        Err(e) => Err(e),
    }
}

#[derive(Serialize)]
struct EventView {
    when: String,
    action: String,
    actor: String,
    details: String,
}

pub async fn user(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let row = admin::get_user(&page.state, &page.actor(), id.clone()).await?;
    let history = page
        .state
        .db(move |conn| Ok(crate::db::audit::for_object(conn, "user", &id, 30)?))
        .await?;
    let second_factor =
        crate::services::accounts::second_factor::status(&page.state, row.id.clone()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("second_factor", &second_factor);
    ctx.insert("is_self", &(page.user()?.id == row.id));
    ctx.insert("u", &UserView::from(row));
    ctx.insert("roles", &roles());
    ctx.insert(
        "history",
        &history
            .into_iter()
            .map(|e| EventView {
                when: format_local(e.occurred_at),
                action: e.action,
                actor: e.actor_email.unwrap_or_else(|| "—".into()),
                details: e.details,
            })
            .collect::<Vec<_>>(),
    );
    page.render("admin/user.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleForm {
    role: String,
    /// "yes" once the administrator confirmed granting the administrator role.
    #[serde(default)]
    confirm: String,
}

fn conflict_to_flash(page: &Page, result: AppResult<()>, success_key: &str) -> AppResult<()> {
    match result {
        Ok(()) => {
            page.flash("success", success_key);
            Ok(())
        }
        Err(AppError::Conflict(key)) => {
            page.flash("error", key);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

pub async fn change_role(
    page: Page,
    path: web::Path<String>,
    form: web::Form<RoleForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let role = Role::parse(&form.role).ok_or(AppError::field("role", "error-role-invalid"))?;
    // Granting every right there is asks once more, saying what it means.
    if role == Role::Admin && form.confirm != "yes" {
        let user = admin::get_user(&page.state, &page.actor(), id.clone()).await?;
        if user.role != Role::Admin.as_str() {
            let lang = page.lang();
            return confirm::render(
                &page,
                &Confirmation {
                    title: t(lang, "role-admin-confirm-title"),
                    intro: t_args(
                        lang,
                        "role-admin-confirm-intro",
                        &[
                            ("name", user.display_name.clone()),
                            ("email", user.email.clone()),
                        ],
                    ),
                    consequences: vec![
                        t(lang, "role-admin-effect-rights"),
                        t(lang, "role-admin-effect-sessions"),
                    ],
                    preview: None,
                    action: format!("/admin/users/{id}/role"),
                    hidden: vec![
                        ("role".to_string(), Role::Admin.as_str().to_string()),
                        ("confirm".to_string(), "yes".to_string()),
                    ],
                    button: t(lang, "role-admin-confirm-button"),
                    danger: true,
                    back: format!("/admin/users/{id}"),
                    edit: None,
                },
            );
        }
    }
    let result = admin::change_role(&page.state, &page.actor(), id.clone(), role).await;
    conflict_to_flash(&page, result, "flash-role-changed")?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}

/// Before disabling an account: whose, and what it ends.
pub async fn confirm_disable(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = admin::get_user(&page.state, &page.actor(), id.clone()).await?;
    let lang = page.lang();
    confirm::render(
        &page,
        &Confirmation {
            title: t(lang, "user-disable-confirm-title"),
            intro: t_args(
                lang,
                "user-disable-confirm-intro",
                &[
                    ("name", user.display_name.clone()),
                    ("email", user.email.clone()),
                ],
            ),
            consequences: vec![
                t(lang, "user-disable-effect-sessions"),
                t(lang, "user-disable-effect-undo"),
            ],
            preview: None,
            action: format!("/admin/users/{id}/disable"),
            hidden: Vec::new(),
            button: t(lang, "user-disable"),
            danger: true,
            back: format!("/admin/users/{id}"),
            edit: None,
        },
    )
}

pub async fn disable(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let result = admin::set_disabled(&page.state, &page.actor(), id.clone(), true).await;
    conflict_to_flash(&page, result, "flash-user-disabled")?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}

pub async fn enable(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let result = admin::set_disabled(&page.state, &page.actor(), id.clone(), false).await;
    conflict_to_flash(&page, result, "flash-user-enabled")?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}

/// Resets a person's second factor (lost phone): audited; they enrol again.
pub async fn reset_second_factor(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let result = crate::services::accounts::second_factor::reset_by_admin(
        &page.state,
        &page.actor(),
        id.clone(),
    )
    .await;
    conflict_to_flash(&page, result, "flash-second-factor-reset")?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}

/// Sends a lost or expired invitation again; the earlier link stops working.
pub async fn resend_invitation(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let result = accounts::resend_invitation(&page.state, &page.actor(), id.clone()).await;
    conflict_to_flash(&page, result, "flash-invitation-resent")?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct OutboxQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: Option<i64>,
}

#[derive(Serialize)]
struct MailView {
    id: String,
    kind: String,
    to: String,
    subject: String,
    status: String,
    attempts: i32,
    created: String,
    sent: Option<String>,
    next_attempt: String,
    last_error: Option<String>,
}

pub async fn outbox(page: Page, query: web::Query<OutboxQuery>) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let status =
        Some(query.status.clone()).filter(|s| ["queued", "sent", "failed"].contains(&s.as_str()));
    let page_no = query.page.unwrap_or(1).max(1);
    let (rows, total, counts) =
        admin::list_outbox(&page.state, &page.actor(), status, page_no).await?;
    let mails: Vec<MailView> = rows
        .into_iter()
        .map(|m| MailView {
            id: m.id,
            kind: m.kind,
            to: m.to_email,
            subject: m.subject,
            status: m.status,
            attempts: m.attempts,
            created: format_local(m.created_at),
            sent: m.sent_at.map(format_local),
            next_attempt: format_local(m.next_attempt_at),
            last_error: m.last_error,
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("mails", &mails);
    ctx.insert(
        "counts",
        &counts
            .into_iter()
            .collect::<std::collections::HashMap<_, _>>(),
    );
    ctx.insert("pager", &Pager::new(page_no, total, admin::PAGE_SIZE));
    ctx.insert("filter_qs", &super::page::filter_query(&query));
    ctx.insert("filter", &query);
    page.render("admin/outbox.html", ctx)
}

pub async fn retry_mail(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    admin::retry_mail(&page.state, &page.actor(), path.into_inner()).await?;
    page.flash("success", "flash-mail-requeued");
    Ok(page.redirect("/admin/outbox"))
}
