//! Rendering pages: the `Page` extractor gathers what every page needs (user, language,
//! CSRF token, flash messages) and renders a tera template inside the layout.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use actix_session::Session;
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use serde::Serialize;

use super::guard::{ensure_csrf_token, keys, CurrentUser, RequestCtx};
use super::routes::Kind;
use crate::domain::access::{role_allows, Action};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::Actor;
use crate::state::AppState;

/// A message for the next page, kept in the session cookie as a message key and its
/// short arguments (translated when shown), so that the cookie stays small in every
/// language.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Flash {
    pub kind: String,
    pub key: String,
    #[serde(default)]
    pub args: Vec<(String, String)>,
    /// The id of the page section the message is about (shown there, next to what
    /// changed, instead of at the top of the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near: Option<String>,
}

/// Messages shown at once on a page; older ones are dropped beyond this.
pub const MAX_FLASHES: usize = 4;
/// Longest argument kept in a message (an email address, a count).
const MAX_FLASH_ARG_CHARS: usize = 120;

/// A flash message as the layout shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ShownFlash {
    pub kind: String,
    pub text: String,
    /// The section it is shown in (`partials/forms.html` `notices`), or none for the top.
    pub near: Option<String>,
}

/// One line of the error summary at the top of a page: the message, linking to the
/// input it is about.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct SummaryError {
    pub id: String,
    pub text: String,
}

/// Where a form's errors go: the template variable holding them by field name, the
/// prefix of the form's input ids (forms sharing a page have distinct ids) and the
/// names of fields the form calls differently from the command.
#[derive(Debug, Clone, Copy)]
pub struct FormSpot<'a> {
    pub key: &'a str,
    pub id_prefix: &'a str,
    pub aliases: &'a [(&'a str, &'a str)],
}

impl FormSpot<'static> {
    /// The single form of a page: `errors`, ids equal to field names.
    pub const PAGE: FormSpot<'static> = FormSpot {
        key: "errors",
        id_prefix: "",
        aliases: &[],
    };
}

pub struct Page {
    pub ctx: RequestCtx,
    pub session: Session,
    pub state: web::Data<AppState>,
    /// Path and query of this request, for "return here" links.
    pub here: String,
}

impl FromRequest for Page {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Page, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let session_fut = Session::from_request(&req, payload);
        Box::pin(async move {
            let session = session_fut.await?;
            let ctx = req
                .extensions()
                .get::<RequestCtx>()
                .cloned()
                .unwrap_or_else(|| RequestCtx {
                    user: None,
                    lang: Lang::En,
                    kind: Kind::Html,
                    client_ip: "unknown".into(),
                    session_id: None,
                });
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no app state")))?;
            // A page shown in answer to a form (a refused form, a preview) has no address
            // of its own to come back to: "here" is then the page the form was on.
            let here = if matches!(
                *req.method(),
                actix_web::http::Method::GET | actix_web::http::Method::HEAD
            ) {
                req.uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| "/".into())
            } else {
                req.headers()
                    .get(actix_web::http::header::REFERER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|r| url::Url::parse(r).ok())
                    .map(|u| match u.query() {
                        Some(q) => format!("{}?{q}", u.path()),
                        None => u.path().to_string(),
                    })
                    .unwrap_or_else(|| "/".into())
            };
            Ok(Page {
                ctx,
                session,
                state,
                here,
            })
        })
    }
}

impl Page {
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    pub fn actor(&self) -> Actor {
        self.ctx.actor()
    }

    pub fn user(&self) -> AppResult<&CurrentUser> {
        self.ctx.user.as_ref().ok_or(AppError::Unauthorized)
    }

    pub fn t(&self, key: &str) -> String {
        t(self.lang(), key)
    }

    /// Queues a message shown on the next page rendered.
    pub fn flash(&self, kind: &str, key: &str) {
        self.flash_args(kind, key, &[]);
    }

    /// Queues a message shown in the section `near` of the next page (the page is reached
    /// with `#near`), next to what changed.
    pub fn flash_near(&self, kind: &str, key: &str, args: &[(&str, String)], near: &str) {
        self.queue_flash(kind, key, args, Some(near));
    }

    /// Queues a message and redirects; a `#section` in `to` places the message in that
    /// section of the page (`flash_near`).
    pub fn flash_redirect(&self, kind: &str, key: &str, to: &str) -> HttpResponse {
        match to.split_once('#') {
            Some((_, near)) if !near.is_empty() => self.flash_near(kind, key, &[], near),
            _ => self.flash(kind, key),
        }
        self.redirect(to)
    }

    /// Queues a message with arguments (each cut to a short length).
    pub fn flash_args(&self, kind: &str, key: &str, args: &[(&str, String)]) {
        self.queue_flash(kind, key, args, None);
    }

    fn queue_flash(&self, kind: &str, key: &str, args: &[(&str, String)], near: Option<&str>) {
        let mut flashes: Vec<Flash> = self
            .session
            .get(keys::FLASH)
            .ok()
            .flatten()
            .unwrap_or_default();
        flashes.push(Flash {
            kind: kind.to_string(),
            key: key.to_string(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.chars().take(MAX_FLASH_ARG_CHARS).collect()))
                .collect(),
            near: near.map(|n| n.chars().take(MAX_FLASH_ARG_CHARS).collect()),
        });
        if flashes.len() > MAX_FLASHES {
            flashes.drain(..flashes.len() - MAX_FLASHES);
        }
        let _ = self.session.insert(keys::FLASH, flashes);
    }

    /// Shows the errors of the page's form: each next to its field and all of them in the
    /// error summary at the top of the page (GOV.UK pattern), which links to the inputs,
    /// takes the focus and puts "Error:" before the page title.
    pub fn show_errors(&self, ctx: &mut tera::Context, errors: &[FieldError]) {
        self.show_errors_at(ctx, FormSpot::PAGE, errors);
    }

    /// `show_errors` for one form of several on a page, or one with aliased fields.
    pub fn show_errors_at(&self, ctx: &mut tera::Context, spot: FormSpot, errors: &[FieldError]) {
        let mut by_field: HashMap<String, String> = HashMap::new();
        let mut summary = summary_so_far(ctx);
        for e in errors {
            let field = spot
                .aliases
                .iter()
                .find(|(from, _)| *from == e.field)
                .map(|(_, to)| *to)
                .unwrap_or(&e.field);
            let text = crate::i18n::field_message_args(self.lang(), e.code, field, &e.args);
            let id = format!("{}{field}", spot.id_prefix);
            // A group (the call's parameters) may have several messages; each is listed once.
            if !summary.iter().any(|s| s.id == id && s.text == text) {
                summary.push(SummaryError {
                    id,
                    text: text.clone(),
                });
            }
            by_field.entry(field.to_string()).or_insert(text);
        }
        ctx.insert(spot.key, &by_field);
        ctx.insert("error_summary", &summary);
    }

    /// Adds errors already translated (a grid's line errors) to the summary.
    pub fn summarise_errors(&self, ctx: &mut tera::Context, errors: &[(String, String)]) {
        let mut summary = summary_so_far(ctx);
        summary.extend(errors.iter().map(|(id, text)| SummaryError {
            id: id.clone(),
            text: text.clone(),
        }));
        ctx.insert("error_summary", &summary);
    }

    pub fn redirect(&self, location: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location))
            .finish()
    }

    pub fn render(&self, template: &str, ctx: tera::Context) -> AppResult<HttpResponse> {
        self.render_status(StatusCode::OK, template, ctx)
    }

    pub fn render_status(
        &self,
        status: StatusCode,
        template: &str,
        mut ctx: tera::Context,
    ) -> AppResult<HttpResponse> {
        let flashes: Vec<Flash> = self
            .session
            .get(keys::FLASH)
            .ok()
            .flatten()
            .unwrap_or_default();
        if !flashes.is_empty() {
            self.session.remove(keys::FLASH);
        }
        let shown: Vec<ShownFlash> = flashes
            .iter()
            .map(|f| {
                let args: Vec<(&str, String)> = f
                    .args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                ShownFlash {
                    kind: f.kind.clone(),
                    text: crate::i18n::t_args(self.lang(), &f.key, &args),
                    near: f.near.clone(),
                }
            })
            .collect();
        let csrf = ensure_csrf_token(&self.session);
        layout_context(&mut ctx, &self.ctx, &csrf, &self.here);
        ctx.insert("flashes", &shown);
        let html = self
            .state
            .templates
            .render(template, &ctx)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("template {template}: {e:?}")))?;
        Ok(html_response(status, with_unplaced_flashes(html, &shown)))
    }
}

/// A message queued for a section the page does not show (a row of a list, a form that
/// is gone) is shown at the top of the page instead of being lost.
fn with_unplaced_flashes(mut html: String, flashes: &[ShownFlash]) -> String {
    const MAIN: &str = "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">";
    let unplaced: String = flashes
        .iter()
        .filter(|f| f.near.is_some())
        .filter(|f| !html.contains(&crate::escape_html(&f.text)))
        .map(|f| {
            let role = if f.kind == "error" { "alert" } else { "status" };
            format!(
                "\n<div class=\"flash flash-{}\" role=\"{role}\">{}</div>",
                crate::escape_html(&f.kind),
                crate::escape_html(&f.text)
            )
        })
        .collect();
    if let (false, Some(at)) = (unplaced.is_empty(), html.find(MAIN)) {
        html.insert_str(at + MAIN.len(), &unplaced);
    }
    html
}

pub fn html_response(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(html)
}

#[derive(Serialize)]
struct LangChoice {
    code: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct UserView<'a> {
    display_name: &'a str,
    email: &'a str,
    role: &'a str,
}

/// The error summary a page has collected so far (several forms may add to it).
fn summary_so_far(ctx: &tera::Context) -> Vec<SummaryError> {
    ctx.get("error_summary")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// What the layout (`base.html`) needs on every page.
pub fn layout_context(ctx: &mut tera::Context, req: &RequestCtx, csrf: &str, here: &str) {
    ctx.insert("lang", req.lang.code());
    ctx.insert(
        "langs",
        &Lang::ALL
            .iter()
            .map(|l| LangChoice {
                code: l.code(),
                name: l.native_name(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("csrf_token", csrf);
    ctx.insert("here", here);
    if let Some(u) = &req.user {
        ctx.insert(
            "user",
            &UserView {
                display_name: &u.display_name,
                email: &u.email,
                role: u.role.as_str(),
            },
        );
        ctx.insert(
            "can_manage_users",
            &role_allows(u.role, Action::ManageUsers),
        );
        ctx.insert("can_view_outbox", &role_allows(u.role, Action::ViewOutbox));
        ctx.insert("can_view_audit", &role_allows(u.role, Action::ViewAuditLog));
        ctx.insert(
            "can_view_programmes",
            &role_allows(u.role, Action::ViewProgrammes),
        );
        ctx.insert(
            "can_manage_calls",
            &role_allows(u.role, Action::ManageCalls),
        );
        ctx.insert(
            "can_evaluate",
            &role_allows(u.role, Action::SignDeclaration),
        );
        ctx.insert(
            "can_view_contracts",
            &role_allows(u.role, Action::ViewContracts),
        );
    }
    if !ctx.contains_key("flashes") {
        ctx.insert("flashes", &Vec::<ShownFlash>::new());
    }
    if !ctx.contains_key("errors") {
        ctx.insert("errors", &HashMap::<String, String>::new());
    }
    if !ctx.contains_key("error_summary") {
        ctx.insert("error_summary", &Vec::<SummaryError>::new());
    }
}

/// The query string of a list page's filters without the page number, for pager links.
pub fn filter_query<T: Serialize>(filters: &T) -> String {
    let value = serde_json::to_value(filters).unwrap_or_default();
    let pairs: Vec<(String, String)> = value
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| k.as_str() != "page")
                .filter_map(|(k, v)| {
                    v.as_str()
                        .filter(|s| !s.is_empty())
                        .map(|s| (k.clone(), s.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// Page numbers for list pages.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub prev: Option<i64>,
    pub next: Option<i64>,
}

impl Pager {
    pub fn new(page: i64, total: i64, page_size: i64) -> Pager {
        let pages = ((total + page_size - 1) / page_size).max(1);
        let page = page.clamp(1, pages);
        Pager {
            page,
            pages,
            total,
            prev: (page > 1).then(|| page - 1),
            next: (page < pages).then(|| page + 1),
        }
    }
}
