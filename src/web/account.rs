//! The signed-in user's own account: profile, language, password, sessions, API tokens.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::guard::keys;
use super::page::{FormSpot, Page};
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
    expires: Option<String>,
    expired: bool,
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
    let now = page.state.clock.now();
    let second_factor = accounts::second_factor::status(&page.state, user.id.clone()).await?;
    let tokens: Vec<TokenView> = tokens
        .into_iter()
        .map(|t| TokenView {
            id: t.id,
            name: t.name,
            prefix: t.token_prefix,
            created: format_local(t.created_at),
            last_used: t.last_used_at.map(format_local),
            revoked: t.revoked_at.map(format_local),
            expires: t.expires_at.map(format_local),
            expired: t.expires_at.is_none_or(|e| e <= now),
        })
        .collect();
    ctx.insert("tokens", &tokens);
    ctx.insert("second_factor", &second_factor);
    ctx.insert(
        "token_default_days",
        &crate::domain::account::API_TOKEN_DEFAULT_DAYS,
    );
    ctx.insert(
        "token_max_days",
        &crate::domain::account::API_TOKEN_MAX_DAYS,
    );
    if !ctx.contains_key("display_name") {
        ctx.insert("display_name", &row.display_name);
    }
    ctx.insert(
        "profile_language",
        &row.language.clone().unwrap_or_default(),
    );
    ctx.insert("email", &row.email);
    ctx.insert("role", &row.role);
    ctx.insert("previous_login", &row.previous_login_at.map(format_local));
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
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "profile_errors",
                    id_prefix: "",
                    aliases: &[],
                },
                &errors,
            );
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
    #[serde(default)]
    second_factor_code: Option<String>,
}

pub async fn change_password(page: Page, form: web::Form<PasswordForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    match accounts::change_password(
        &page.state,
        &page.actor(),
        form.current_password,
        form.password,
        form.second_factor_code,
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
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "password_errors",
                    id_prefix: "password-",
                    aliases: &[],
                },
                &errors,
            );
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
    #[serde(default)]
    expires_in_days: String,
    #[serde(default)]
    second_factor_code: Option<String>,
}

pub async fn create_token(page: Page, form: web::Form<TokenForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let created = async {
        let days = match form.expires_in_days.trim() {
            "" => None,
            d => Some(
                d.parse::<i64>()
                    .map_err(|_| AppError::field("expires_in_days", "error-token-days"))?,
            ),
        };
        let user = page.user()?.clone();
        accounts::second_factor::confirm_for_change(
            &page.state,
            &page.actor(),
            &user.id,
            form.second_factor_code.clone(),
        )
        .await?;
        api_tokens::create(&page.state, &page.actor(), &form.name, days).await
    }
    .await;
    match created {
        Ok((_, secret)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("new_token", &secret);
            render_account(&page, StatusCode::OK, ctx).await
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "token_errors",
                    id_prefix: "token-",
                    aliases: &[],
                },
                &errors,
            );
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
    #[serde(default)]
    second_factor_code: Option<String>,
}

pub async fn change_email(page: Page, form: web::Form<EmailForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    match accounts::request_email_change(
        &page.state,
        &page.actor(),
        &form.email,
        form.current_password,
        form.second_factor_code.clone(),
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
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "email_errors",
                    id_prefix: "email-",
                    aliases: &[],
                },
                &errors,
            );
            ctx.insert("new_email", &form.email);
            render_account(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}

/// The two-factor page: enrolment (QR code and secret, then a code) or, once enrolled,
/// its state with new recovery codes and, for applicants, turning it off.
pub async fn second_factor_page(page: Page) -> AppResult<HttpResponse> {
    render_second_factor(&page, StatusCode::OK, tera::Context::new()).await
}

async fn render_second_factor(
    page: &Page,
    status: StatusCode,
    mut ctx: tera::Context,
) -> AppResult<HttpResponse> {
    let user = page.user()?.clone();
    let state = accounts::second_factor::status(&page.state, user.id.clone()).await?;
    if !state.enrolled && !ctx.contains_key("recovery_codes") {
        let enrolment =
            accounts::second_factor::start_enrolment(&page.state, &page.actor()).await?;
        ctx.insert("enrolment", &enrolment);
    }
    ctx.insert("second_factor", &state);
    ctx.insert("must_enrol", &user.must_enrol);
    ctx.insert(
        "may_turn_off",
        &!accounts::second_factor_required(&page.state, user.role),
    );
    ctx.insert("issuer", accounts::second_factor::ISSUER);
    page.render_status(status, "account/second_factor.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn confirm_second_factor(
    page: Page,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    match accounts::second_factor::confirm_enrolment(
        &page.state,
        &page.actor(),
        form.into_inner().code,
    )
    .await
    {
        Ok((codes, epoch)) => {
            // This session stays; every other one signs in again, now with the code.
            let _ = page.session.insert(keys::EPOCH, epoch);
            let mut ctx = tera::Context::new();
            ctx.insert("recovery_codes", &codes);
            ctx.insert("just_enrolled", &true);
            render_second_factor(&page, StatusCode::OK, ctx).await
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors(&mut ctx, &errors);
            render_second_factor(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(e) => Err(e),
    }
}

pub async fn regenerate_recovery_codes(
    page: Page,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    match accounts::second_factor::regenerate_recovery_codes(
        &page.state,
        &page.actor(),
        form.into_inner().code,
    )
    .await
    {
        Ok(codes) => {
            let mut ctx = tera::Context::new();
            ctx.insert("recovery_codes", &codes);
            render_second_factor(&page, StatusCode::OK, ctx).await
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "recovery_errors",
                    id_prefix: "recovery-",
                    aliases: &[("second_factor_code", "code")],
                },
                &errors,
            );
            render_second_factor(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(AppError::Conflict(key)) => {
            page.flash("error", key);
            Ok(page.redirect("/account/two-factor"))
        }
        Err(e) => Err(e),
    }
}

pub async fn turn_off_second_factor(
    page: Page,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    match accounts::second_factor::disable(&page.state, &page.actor(), form.into_inner().code).await
    {
        Ok(epoch) => {
            let _ = page.session.insert(keys::EPOCH, epoch);
            page.flash("success", "flash-second-factor-off");
            Ok(page.redirect("/account"))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "off_errors",
                    id_prefix: "off-",
                    aliases: &[("second_factor_code", "code")],
                },
                &errors,
            );
            render_second_factor(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx).await
        }
        Err(AppError::Conflict(key)) => {
            page.flash("error", key);
            Ok(page.redirect("/account/two-factor"))
        }
        Err(e) => Err(e),
    }
}
