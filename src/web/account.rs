//! The signed-in user's own account: profile, language, password, sessions, API tokens.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::guard::keys;
use super::page::Page;
use crate::clock::format_local;
use crate::db::users;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::{accounts, api_tokens};

#[derive(Serialize)]
struct TokenView {
    id: String,
    name: String,
    prefix: String,
    created: String,
    last_used: Option<String>,
    revoked: Option<String>,
}

async fn render_account(
    page: &Page,
    status: StatusCode,
    mut ctx: tera::Context,
) -> AppResult<HttpResponse> {
    let user = page.user()?.clone();
    let uid = user.id.clone();
    let row = page
        .state
        .db(move |conn| users::find(conn, &uid)?.ok_or(AppError::NotFound))
        .await?;
    let tokens = api_tokens::list(&page.state, &page.actor()).await?;
    let tokens: Vec<TokenView> = tokens
        .into_iter()
        .map(|t| TokenView {
            id: t.id,
            name: t.name,
            prefix: t.token_prefix,
            created: format_local(t.created_at),
            last_used: t.last_used_at.map(format_local),
            revoked: t.revoked_at.map(format_local),
        })
        .collect();
    ctx.insert("tokens", &tokens);
    if !ctx.contains_key("display_name") {
        ctx.insert("display_name", &row.display_name);
    }
    ctx.insert(
        "profile_language",
        &row.language.clone().unwrap_or_default(),
    );
    ctx.insert("email", &row.email);
    ctx.insert("role", &row.role);
    ctx.insert("last_login", &row.last_login_at.map(format_local));
    ctx.insert("member_since", &format_local(row.created_at));
    page.render_status(status, "account/show.html", ctx)
}

pub async fn show(page: Page) -> AppResult<HttpResponse> {
    render_account(&page, StatusCode::OK, tera::Context::new()).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileForm {
    display_name: String,
    #[serde(default)]
    language: String,
}

pub async fn update_profile(page: Page, form: web::Form<ProfileForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let language = match form.language.as_str() {
        "" => None,
        code => Some(Lang::parse(code).ok_or(AppError::BadRequest("error-invalid-form"))?),
    };
    match accounts::update_profile(&page.state, &page.actor(), &form.display_name, language).await {
        Ok(()) => {
            if let Some(lang) = language {
                let _ = page.session.insert(keys::LANG, lang.code());
            }
            let lang = language.unwrap_or(page.lang());
            let _ = lang;
            page.flash("success", "flash-profile-saved");
            Ok(page.redirect("/account"))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("profile_errors", &page.field_errors(&errors));
            ctx.insert("display_name", &form.display_name);
            render_account(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordForm {
    current_password: String,
    password: String,
}

pub async fn change_password(page: Page, form: web::Form<PasswordForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    match accounts::change_password(
        &page.state,
        &page.actor(),
        form.current_password,
        form.password,
    )
    .await
    {
        Ok(epoch) => {
            // This session stays; every other one ends with the old epoch.
            let _ = page.session.insert(keys::EPOCH, epoch);
            page.flash("success", "flash-password-changed");
            Ok(page.redirect("/account"))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("password_errors", &page.field_errors(&errors));
            render_account(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}

pub async fn logout_everywhere(page: Page) -> AppResult<HttpResponse> {
    let epoch = accounts::logout_everywhere(&page.state, &page.actor()).await?;
    let _ = page.session.insert(keys::EPOCH, epoch);
    page.flash("success", "flash-logged-out-everywhere");
    Ok(page.redirect("/account"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(page: Page, form: web::Form<TokenForm>) -> AppResult<HttpResponse> {
    match api_tokens::create(&page.state, &page.actor(), &form.name).await {
        Ok((_, secret)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("new_token", &secret);
            render_account(&page, StatusCode::OK, ctx).await
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("token_errors", &page.field_errors(&errors));
            render_account(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}

pub async fn revoke_token(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    api_tokens::revoke(&page.state, &page.actor(), path.into_inner()).await?;
    page.flash("success", "flash-token-revoked");
    Ok(page.redirect("/account"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailForm {
    email: String,
    current_password: String,
}

pub async fn change_email(page: Page, form: web::Form<EmailForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    match accounts::request_email_change(
        &page.state,
        &page.actor(),
        &form.email,
        form.current_password,
    )
    .await
    {
        Ok(new_email) => {
            page.flash_args(
                "success",
                "flash-email-change-sent",
                &[("email", new_email)],
            );
            Ok(page.redirect("/account"))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("email_errors", &page.field_errors(&errors));
            ctx.insert("new_email", &form.email);
            render_account(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}
