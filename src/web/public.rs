//! Public pages: home, language switch, static files, health check.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;
use rust_embed::RustEmbed;
use serde::{Deserialize, Serialize};

use super::guard::{keys, safe_next};
use super::page::Page;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::accounts;
use crate::state::AppState;

#[derive(RustEmbed)]
#[folder = "static/"]
struct StaticFiles;

pub async fn home(page: Page) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("open_calls", &super::public_calls::open_calls(&page).await?);
    ctx.insert("programmes", &home_programmes(&page).await?);
    ctx.insert(
        "min_cofinancing",
        &crate::domain::money::format_percent(
            10_000 - crate::domain::calls::DEFAULT_MAX_EU_SHARE_BP,
        ),
    );
    ctx.insert("max_months", &crate::domain::calls::MAX_DURATION_MONTHS);
    page.render("home.html", ctx)
}

#[derive(Serialize)]
struct HomeEnvelope {
    label: crate::views::Shown,
    amount: String,
}

#[derive(Serialize)]
struct HomeProgramme {
    title: String,
    summary: String,
    envelopes: Vec<HomeEnvelope>,
}

/// The programmes' figures as their records hold them (budget, grant envelopes).
async fn home_programmes(page: &Page) -> AppResult<Vec<HomeProgramme>> {
    let lang = page.lang();
    let list = crate::services::programmes::list(&page.state).await?;
    Ok(list
        .iter()
        .map(|p| {
            let money = |cents: i64| {
                crate::views::format::money(lang, crate::domain::money::Money::from_cents(cents))
            };
            HomeProgramme {
                title: p.programme.title.clone(),
                summary: crate::i18n::t_args(
                    lang,
                    "home-programme-text",
                    &[
                        ("total", money(p.programme.total_budget_cents)),
                        (
                            "grants",
                            crate::views::format::money(lang, p.grant_budget()),
                        ),
                        ("count", p.envelopes.len().to_string()),
                    ],
                ),
                envelopes: p
                    .envelopes
                    .iter()
                    .map(|e| HomeEnvelope {
                        label: crate::views::Shown::new(
                            crate::domain::text::Translated {
                                en: &e.label,
                                kk: &e.label_kk,
                                ru: &e.label_ru,
                            },
                            lang,
                        ),
                        amount: money(e.amount_cents),
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Help and contact, the accessibility statement and the privacy notice: the Delegation's
/// contact from the settings, the retention periods from the rules that apply them.
pub async fn help(page: Page) -> AppResult<HttpResponse> {
    info_page(&page, "info/help.html")
}

pub async fn accessibility(page: Page) -> AppResult<HttpResponse> {
    info_page(&page, "info/accessibility.html")
}

pub async fn privacy(page: Page) -> AppResult<HttpResponse> {
    info_page(&page, "info/privacy.html")
}

fn info_page(page: &Page, template: &str) -> AppResult<HttpResponse> {
    let s = &page.state.settings;
    let mut ctx = tera::Context::new();
    ctx.insert("contact", &ContactView::from(&s.contact));
    ctx.insert("unconfirmed_days", &s.security.unconfirmed_account_days);
    ctx.insert("sent_mail_days", &s.mail.keep_sent_days);
    ctx.insert("idle_minutes", &s.session.idle_timeout_minutes);
    ctx.insert("records_years", &crate::domain::audit::RECORDS_KEPT_YEARS);
    page.render(template, ctx)
}

#[derive(Serialize)]
struct ContactView {
    organisation: String,
    email: String,
    phone: String,
    address: String,
    data_protection_email: String,
}

impl From<&crate::config::ContactSettings> for ContactView {
    fn from(c: &crate::config::ContactSettings) -> ContactView {
        ContactView {
            organisation: c.organisation.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            address: c.address.clone(),
            data_protection_email: c.data_protection_email.clone(),
        }
    }
}

/// Crawlers may index the public pages (calls, information pages), not the rest.
pub async fn robots(page: Page) -> AppResult<HttpResponse> {
    let sitemap = page.state.public_url("/sitemap.xml");
    let body = format!(
        "User-agent: *\nAllow: /$\nAllow: /calls\nAllow: /help\nAllow: /accessibility\nAllow: /privacy\nAllow: /static/\nDisallow: /\n\nSitemap: {sitemap}\n"
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body))
}

/// The public pages: home, the list of calls, each published or cancelled call (with
/// the date it last changed) and the information pages.
pub async fn sitemap(page: Page) -> AppResult<HttpResponse> {
    let list = crate::services::calls::public_list(&page.state).await?;
    let url = |path: &str| page.state.public_url(path);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in ["/", "/calls", "/help", "/accessibility", "/privacy"] {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", url(path)));
    }
    for l in &list {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            url(&format!("/calls/{}", l.call.row.id)),
            l.call.row.updated_at.format("%Y-%m-%d")
        ));
    }
    xml.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(xml))
}

pub async fn static_file(path: web::Path<String>) -> AppResult<HttpResponse> {
    let path = path.into_inner();
    let file = StaticFiles::get(&path).ok_or(AppError::NotFound)?;
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let content_type =
        if mime.type_() == "text" || mime.subtype() == "javascript" || mime.subtype() == "svg" {
            format!("{mime}; charset=utf-8")
        } else {
            mime.to_string()
        };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.data.into_owned()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Switches the language of this session (and of the profile when signed in).
pub async fn set_language(page: Page, form: web::Form<LanguageForm>) -> AppResult<HttpResponse> {
    let lang = Lang::parse(&form.lang).ok_or(AppError::BadRequest("error-invalid-form"))?;
    let _ = page.session.insert(keys::LANG, lang.code());
    if page.ctx.user.is_some() {
        accounts::set_language(&page.state, &page.actor(), lang).await?;
    }
    let next = safe_next(&form.next).unwrap_or_else(|| "/".into());
    Ok(page.redirect(&next))
}

/// 200 when the database answers, 503 when it does not.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let ok = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        tokio::task::spawn_blocking(move || {
            pool.get_timeout(std::time::Duration::from_secs(3))
                .ok()
                .map(|mut c| c.batch_execute("SELECT 1").is_ok())
                .unwrap_or(false)
        }),
    )
    .await
    .map(|r| r.unwrap_or(false))
    .unwrap_or(false);
    let (status, body) = if ok {
        (StatusCode::OK, r#"{"status":"ok","database":"ok"}"#)
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"unavailable","database":"unreachable"}"#,
        )
    };
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}
