//! Registration, email confirmation, login and logout, password reset and invitations.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::guard::{keys, safe_next, start_session};
use super::page::Page;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::accounts::second_factor::CodeRefusal;
use crate::services::accounts::{self, LinkPurpose, LoginOutcome, LoginRefusal, Registration};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterForm {
    email: String,
    display_name: String,
    password: String,
}

pub async fn register_form(page: Page) -> AppResult<HttpResponse> {
    if page.ctx.user.is_some() {
        return Ok(page.redirect("/account"));
    }
    page.render("auth/register.html", tera::Context::new())
}

pub async fn register(page: Page, form: web::Form<RegisterForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let input = Registration {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        password: form.password,
        lang: page.lang(),
    };
    match accounts::register(&page.state, input, &page.actor()).await {
        Ok(()) => {
            let mut ctx = tera::Context::new();
            ctx.insert("email", form.email.trim());
            page.render("auth/check_email.html", ctx)
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors(&mut ctx, &errors);
            ctx.insert("email", &form.email);
            ctx.insert("display_name", &form.display_name);
            page.render_status(StatusCode::UNPROCESSABLE_ENTITY, "auth/register.html", ctx)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenForm {
    token: String,
}

/// Shows a button rather than confirming on GET, so mail scanners that open links do
/// not use them up.
pub async fn confirm_email_form(page: Page, q: web::Query<TokenQuery>) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("token", &q.token);
    page.render("auth/confirm_email.html", ctx)
}

pub async fn confirm_email(page: Page, form: web::Form<TokenForm>) -> AppResult<HttpResponse> {
    match accounts::confirm_email(&page.state, form.into_inner().token, &page.actor()).await {
        Ok(_) => {
            page.flash("success", "flash-email-confirmed");
            Ok(page.redirect("/login"))
        }
        Err(AppError::BadRequest(key)) => link_problem(&page, key),
        Err(e) => Err(e),
    }
}

fn link_problem(page: &Page, key: &'static str) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("message", &page.t(key));
    page.render_status(StatusCode::BAD_REQUEST, "auth/link_problem.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn login_form(page: Page, q: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    if page.ctx.user.is_some() {
        return Ok(page.redirect(&safe_next(&q.next).unwrap_or_else(|| "/".into())));
    }
    let mut ctx = tera::Context::new();
    ctx.insert("next", &safe_next(&q.next).unwrap_or_default());
    page.render("auth/login.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login(page: Page, form: web::Form<LoginForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    if form.password.len() > crate::domain::account::PASSWORD_MAX_BYTES || form.email.len() > 1024 {
        return Err(AppError::field("password", "error-password-too-long"));
    }
    let outcome = accounts::login(&page.state, &form.email, form.password, &page.actor()).await?;
    let next = safe_next(&form.next).unwrap_or_else(|| "/".into());
    match outcome {
        Ok(LoginOutcome::SignedIn(user)) => {
            signed_in(&page, &user);
            Ok(page.redirect(&next))
        }
        Ok(LoginOutcome::SecondFactorNeeded(user)) => {
            // Not signed in yet: a fresh session holds only who is half-way and since when.
            let lang = page.lang();
            page.session.renew();
            page.session.clear();
            let _ = page.session.insert(keys::LANG, lang.code());
            let _ = page.session.insert(keys::PENDING_USER, &user.id);
            let _ = page.session.insert(
                keys::PENDING_SINCE,
                page.state.clock.now().and_utc().timestamp(),
            );
            let _ = page.session.insert(keys::PENDING_NEXT, &next);
            Ok(page.redirect("/login/two-factor"))
        }
        Err(refusal) => {
            let (status, key) = match refusal {
                LoginRefusal::InvalidCredentials => {
                    (StatusCode::UNAUTHORIZED, "error-login-invalid")
                }
                LoginRefusal::Throttled => (StatusCode::TOO_MANY_REQUESTS, "error-login-throttled"),
                LoginRefusal::EmailNotConfirmed => {
                    (StatusCode::FORBIDDEN, "error-login-unconfirmed")
                }
                LoginRefusal::Disabled => (StatusCode::FORBIDDEN, "error-login-disabled"),
            };
            let mut ctx = tera::Context::new();
            // Which of the two was wrong is not said; the summary leads back to the email.
            page.summarise_errors(&mut ctx, &[("email".to_string(), page.t(key))]);
            ctx.insert("email", form.email.trim());
            ctx.insert("next", &safe_next(&form.next).unwrap_or_default());
            page.render_status(status, "auth/login.html", ctx)
        }
    }
}

/// Starts the signed-in session of `user` (a new cookie; the profile's language).
fn signed_in(page: &Page, user: &crate::db::users::UserRow) {
    start_session(
        &page.session,
        &user.id,
        user.session_epoch,
        page.state.clock.now(),
    );
    if let Some(lang) = &user.language {
        let _ = page.session.insert(keys::LANG, lang);
    }
}

/// How long the second step of signing in may take after the password.
const PENDING_SECONDS: i64 = 300;

/// The user half-way through signing in, if still in time.
fn pending_user(page: &Page) -> Option<String> {
    let user = page
        .session
        .get::<String>(keys::PENDING_USER)
        .ok()
        .flatten()?;
    let since = page
        .session
        .get::<i64>(keys::PENDING_SINCE)
        .ok()
        .flatten()?;
    let now = page.state.clock.now().and_utc().timestamp();
    (now - since <= PENDING_SECONDS).then_some(user)
}

pub async fn second_factor_form(page: Page) -> AppResult<HttpResponse> {
    if pending_user(&page).is_none() {
        page.flash("info", "flash-sign-in-again");
        return Ok(page.redirect("/login"));
    }
    page.render("auth/second_factor.html", tera::Context::new())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorForm {
    #[serde(default)]
    code: String,
}

pub async fn second_factor(
    page: Page,
    form: web::Form<SecondFactorForm>,
) -> AppResult<HttpResponse> {
    let Some(user_id) = pending_user(&page) else {
        page.flash("info", "flash-sign-in-again");
        return Ok(page.redirect("/login"));
    };
    let next = page
        .session
        .get::<String>(keys::PENDING_NEXT)
        .ok()
        .flatten()
        .and_then(|n| safe_next(&n))
        .unwrap_or_else(|| "/".into());
    let code = form.into_inner().code;
    if code.len() > 64 {
        return Err(AppError::field("code", "error-second-factor-wrong"));
    }
    match accounts::second_factor::verify_sign_in(&page.state, &page.actor(), user_id, code).await?
    {
        Ok(user) => {
            signed_in(&page, &user);
            Ok(page.redirect(&next))
        }
        Err(refusal) => {
            let (status, key) = match refusal {
                CodeRefusal::Wrong => (StatusCode::UNAUTHORIZED, "error-second-factor-wrong"),
                CodeRefusal::Throttled => (
                    StatusCode::TOO_MANY_REQUESTS,
                    "error-second-factor-throttled",
                ),
            };
            let mut ctx = tera::Context::new();
            page.show_errors(&mut ctx, &[FieldError::new("code", key)]);
            page.render_status(status, "auth/second_factor.html", ctx)
        }
    }
}

pub async fn logout(page: Page) -> AppResult<HttpResponse> {
    if let Some(sid) = page.ctx.session_id.clone() {
        let s = &page.state.settings.session;
        // The cookie cannot outlive its absolute timeout, nor the revocation entry it.
        let until = page.state.clock.now()
            + chrono::Duration::hours(s.absolute_timeout_hours)
            + chrono::Duration::minutes(5);
        accounts::logout(&page.state, &page.actor(), sid, until).await?;
    }
    let lang = page.lang();
    page.session.purge();
    let _ = page.session.insert(keys::LANG, lang.code());
    page.flash("info", "flash-logged-out");
    Ok(page.redirect("/"))
}

pub async fn forgot_password_form(page: Page) -> AppResult<HttpResponse> {
    page.render("auth/forgot_password.html", tera::Context::new())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForgotForm {
    email: String,
}

pub async fn forgot_password(page: Page, form: web::Form<ForgotForm>) -> AppResult<HttpResponse> {
    match accounts::request_password_reset(&page.state, &form.email, page.lang(), &page.actor())
        .await
    {
        Ok(()) => {
            let mut ctx = tera::Context::new();
            ctx.insert("email", form.email.trim());
            ctx.insert("reset", &true);
            page.render("auth/check_email.html", ctx)
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            page.show_errors(&mut ctx, &errors);
            ctx.insert("email", &form.email);
            page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "auth/forgot_password.html",
                ctx,
            )
        }
        Err(e) => Err(e),
    }
}

async fn new_password_form(
    page: Page,
    purpose: LinkPurpose,
    token: String,
) -> AppResult<HttpResponse> {
    match accounts::check_link(&page.state, purpose, token.clone()).await {
        Ok(user) => {
            let mut ctx = tera::Context::new();
            ctx.insert("token", &token);
            ctx.insert("email", &user.email);
            ctx.insert("invitation", &(purpose == LinkPurpose::Invitation));
            page.render("auth/new_password.html", ctx)
        }
        Err(AppError::BadRequest(key)) => link_problem(&page, key),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPasswordForm {
    token: String,
    password: String,
}

async fn set_new_password(
    page: Page,
    purpose: LinkPurpose,
    form: NewPasswordForm,
) -> AppResult<HttpResponse> {
    match accounts::set_password_with_link(
        &page.state,
        purpose,
        form.token.clone(),
        form.password,
        &page.actor(),
    )
    .await
    {
        Ok(_) => {
            // Any session this browser had belonged to the old password.
            page.session.purge();
            page.flash("success", "flash-password-set");
            Ok(page.redirect("/login"))
        }
        Err(AppError::Validation(errors)) => {
            let mut ctx = tera::Context::new();
            ctx.insert("token", &form.token);
            page.show_errors(&mut ctx, &errors);
            ctx.insert("invitation", &(purpose == LinkPurpose::Invitation));
            page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "auth/new_password.html",
                ctx,
            )
        }
        Err(AppError::BadRequest(key)) => link_problem(&page, key),
        Err(e) => Err(e),
    }
}

pub async fn reset_password_form(page: Page, q: web::Query<TokenQuery>) -> AppResult<HttpResponse> {
    new_password_form(page, LinkPurpose::ResetPassword, q.into_inner().token).await
}

pub async fn reset_password(
    page: Page,
    form: web::Form<NewPasswordForm>,
) -> AppResult<HttpResponse> {
    set_new_password(page, LinkPurpose::ResetPassword, form.into_inner()).await
}

pub async fn set_password_form(page: Page, q: web::Query<TokenQuery>) -> AppResult<HttpResponse> {
    new_password_form(page, LinkPurpose::Invitation, q.into_inner().token).await
}

pub async fn set_password(page: Page, form: web::Form<NewPasswordForm>) -> AppResult<HttpResponse> {
    set_new_password(page, LinkPurpose::Invitation, form.into_inner()).await
}

pub async fn confirm_email_change_form(
    page: Page,
    q: web::Query<TokenQuery>,
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("token", &q.token);
    ctx.insert("change", &true);
    page.render("auth/confirm_email.html", ctx)
}

pub async fn confirm_email_change(
    page: Page,
    form: web::Form<TokenForm>,
) -> AppResult<HttpResponse> {
    match accounts::confirm_email_change(&page.state, form.into_inner().token, &page.actor()).await
    {
        Ok(_) => {
            page.flash("success", "flash-email-changed");
            Ok(page.redirect(if page.ctx.user.is_some() {
                "/account"
            } else {
                "/login"
            }))
        }
        Err(AppError::BadRequest(key)) => link_problem(&page, key),
        Err(e) => Err(e),
    }
}
