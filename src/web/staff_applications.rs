//! A received application as staff read it, and its administrative check (ADM-02).

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::page::Page;
use crate::domain::admin_check::{CheckItem, ITEMS};
use crate::domain::full_application::FullApplication;
use crate::domain::money::Money;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::services::admin_check as service;
use crate::views::format;

#[derive(Serialize)]
struct SubmissionLine {
    number: String,
    no: i32,
    stage: String,
    at: String,
    sha256: String,
}

#[derive(Serialize)]
struct CheckLine {
    item: String,
    label: String,
    ok: bool,
    comment: String,
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render(page, path.into_inner(), &[], None).await
}

async fn render(
    page: Page,
    id: String,
    errors: &[crate::domain::FieldError],
    typed: Option<Vec<CheckItem>>,
) -> AppResult<HttpResponse> {
    let a = match service::staff_view(&page.state, &page.actor(), id.clone()).await {
        Err(AppError::Conflict("error-declaration-first")) => {
            return declaration_page(&page, &id).await;
        }
        other => other?,
    };
    let lang = page.lang();
    let now = page.state.clock.now();
    let call_type = a.call.call_type.as_str();
    let mut ctx = tera::Context::new();
    ctx.insert("id", &a.row.id);
    ctx.insert("call_id", &a.call.row.id);
    ctx.insert("reference", &a.call.row.reference);
    ctx.insert("receipt", &a.row.receipt_number);
    ctx.insert("title", &a.row.title);
    ctx.insert("status", &a.row.status);
    ctx.insert(
        "stage_words",
        &t(
            lang,
            &format!("application-stage-{}-{call_type}", a.row.stage),
        ),
    );
    ctx.insert("lot_number", &a.lot.number);
    let o = &a.organisation;
    ctx.insert("org_name", &o.legal_name);
    ctx.insert("org_local", &o.legal_name_local);
    ctx.insert(
        "org_type",
        &t(lang, &format!("applicant-type-{}", o.legal_status)),
    );
    ctx.insert("org_country", &o.country);
    ctx.insert(
        "org_oblast",
        &(!o.oblast.is_empty()).then(|| t(lang, &format!("location-{}", o.oblast))),
    );
    ctx.insert("org_number", &o.registration_number);
    ctx.insert("org_address", &o.address);
    ctx.insert("org_email", &o.contact_email);
    ctx.insert(
        "rejection",
        &a.row.rejection_reason.as_ref().map(|r| {
            r.split(',')
                .map(|i| t(lang, &format!("check-item-{i}")))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    ctx.insert(
        "submissions",
        &a.submissions
            .iter()
            .map(|s| SubmissionLine {
                number: s.receipt_number.clone(),
                no: s.submission_no,
                stage: t(lang, &format!("application-stage-{}-{call_type}", s.stage)),
                at: format::instant_long(lang, s.submitted_at),
                sha256: s.content_sha256.clone(),
            })
            .collect::<Vec<_>>(),
    );
    // What counts: the last submission of the current stage (drafts after it are the
    // applicant's own until submitted).
    // (An invited application not yet submitted at the full stage shows its concept note.)
    let last = a
        .submissions
        .iter()
        .find(|s| s.stage == a.row.stage)
        .or_else(|| a.submissions.first());
    ctx.insert(
        "file_base",
        &format!("/manage/applications/{}/files/", a.row.id),
    );
    if let Some(last) = last {
        insert_content(&mut ctx, lang, &last.content);
    }
    let months = a.row.duration_months.unwrap_or(0).clamp(0, 48);
    ctx.insert("months", &(1..=months).collect::<Vec<_>>());
    let recorded = a.checks.iter().rev().find(|c| c.stage == a.row.stage);
    if let Some(c) = recorded {
        let items: Vec<CheckItem> = serde_json::from_str(&c.items).unwrap_or_default();
        ctx.insert(
            "check",
            &items
                .into_iter()
                .map(|i| CheckLine {
                    label: t(lang, &format!("check-item-{}", i.item)),
                    item: i.item,
                    ok: i.ok,
                    comment: i.comment,
                })
                .collect::<Vec<_>>(),
        );
        ctx.insert("check_passed", &c.passed);
        ctx.insert("checked_at", &format::instant_long(lang, c.checked_at));
    }
    let deadline = crate::services::applications::deadline_for(&a.row, &a.call);
    let may_check = recorded.is_none()
        && a.row.status == "submitted"
        && crate::domain::time::passed(now, deadline)
        && page
            .actor()
            .require(crate::domain::access::Action::CheckApplications)
            .is_ok();
    ctx.insert("may_check", &may_check);
    ctx.insert(
        "check_waits",
        &(recorded.is_none() && crate::domain::time::in_time(now, deadline)),
    );
    let typed = typed.unwrap_or_default();
    ctx.insert(
        "items",
        &ITEMS
            .iter()
            .map(|i| {
                let given = typed.iter().find(|c| c.item == *i);
                CheckLine {
                    item: (*i).into(),
                    label: t(lang, &format!("check-item-{i}")),
                    ok: given.is_none_or(|c| c.ok),
                    comment: given.map(|c| c.comment.clone()).unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>(),
    );
    page.show_errors(&mut ctx, errors);
    page.render_status(
        if errors.is_empty() {
            actix_web::http::StatusCode::OK
        } else {
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
        },
        "manage/application.html",
        ctx,
    )
}

pub async fn check(
    page: Page,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let pairs = super::full_application::Pairs::new(form.into_inner());
    let items: Vec<CheckItem> = ITEMS
        .iter()
        .filter(|i| !pairs.get(&format!("item-{i}")).is_empty())
        .map(|i| CheckItem {
            item: (*i).into(),
            ok: pairs.get(&format!("item-{i}")) == "yes",
            comment: pairs
                .get(&format!("comment-{i}"))
                .chars()
                .take(2000)
                .collect(),
        })
        .collect();
    let back = format!("/manage/applications/{id}");
    match service::record_check(&page.state, &page.actor(), id.clone(), items.clone()).await {
        Ok(true) => Ok(page.flash_redirect("success", "flash-check-passed", &back)),
        Ok(false) => Ok(page.flash_redirect("success", "flash-check-rejected", &back)),
        Err(AppError::Validation(errors)) => render(page, id, &errors, Some(items)).await,
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// For Delegation staff who have not signed the call's declaration: the declaration to
/// sign, which brings them back to the application (EVC-02).
async fn declaration_page(page: &Page, id: &str) -> AppResult<HttpResponse> {
    let (call_id, _) = crate::services::applications::owners_of(&page.state, id).await?;
    declaration_for_call(page, call_id).await
}

/// The call's declaration to sign, coming back to this page afterwards (EVC-02).
pub(crate) async fn declaration_for_call(page: &Page, call_id: String) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let Some((call, text)) =
        crate::services::reading::declaration_needed(&page.state, &page.actor(), call_id, lang)
            .await?
    else {
        return Err(AppError::NotFound);
    };
    let mut ctx = tera::Context::new();
    ctx.insert("reference", &call.row.reference);
    ctx.insert("declaration", &text);
    ctx.insert("declaration_call_id", &call.row.id);
    ctx.insert("declaration_next", &page.here);
    page.render_status(
        actix_web::http::StatusCode::FORBIDDEN,
        "manage/declaration.html",
        ctx,
    )
}

/// A file (annex or mandate) named by one of the application's submissions.
pub async fn download_file(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let f =
        crate::services::annexes::submitted_file(&page.state, &page.actor(), id, file_id).await?;
    super::annexes::file_response(&page.state, &f).await
}

/// The content of a submission as the staff and the committee read it: the concept
/// note, partners with their mandates, annexes, the full application.
pub(crate) fn insert_content(ctx: &mut tera::Context, lang: crate::i18n::Lang, content: &str) {
    let content: serde_json::Value = serde_json::from_str(content).unwrap_or_default();
    let cn = &content["concept_note"];
    ctx.insert("cn_title", &cn["title"].as_str().unwrap_or_default());
    ctx.insert(
        "cn_relevance",
        &cn["relevance"].as_str().unwrap_or_default(),
    );
    ctx.insert("cn_design", &cn["design"].as_str().unwrap_or_default());
    ctx.insert(
        "cn_eu",
        &cn["eu_contribution_cents"]
            .as_i64()
            .map(|c| format::money(lang, Money::from_cents(c))),
    );
    ctx.insert("cn_months", &cn["duration_months"].as_i64());
    // The partners as submitted, with their mandates' SHA-256 (ADM-02 "mandates").
    let partners: Vec<serde_json::Value> = content["partners"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            serde_json::json!({
                "name": p["name"], "number": p["registration_number"],
                "role": t(lang, &format!("partner-role-{}", p["role"].as_str().unwrap_or(""))),
                "mandate": p["mandate_sha256"], "mandate_id": p["mandate_id"],
            })
        })
        .collect();
    ctx.insert("partners", &partners);
    // The annexes as submitted, each downloadable by its id.
    let annexes: Vec<serde_json::Value> = content["annexes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|f| {
            serde_json::json!({
                "id": f["id"], "title": f["title"], "file_name": f["file_name"],
                "sha256": f["sha256"],
                "size": format::file_size(f["bytes"].as_i64().unwrap_or(0)),
            })
        })
        .collect();
    ctx.insert("annexes", &annexes);
    if !content["full_application"].is_null() {
        let full: FullApplication =
            serde_json::from_value(content["full_application"].clone()).unwrap_or_default();
        ctx.insert("full", &super::full_application::readonly_view(&full, lang));
    }
}
