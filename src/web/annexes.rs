//! The annexes of an application on its page, and downloads of its files.

use actix_multipart::Multipart;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::page::Page;
use crate::db::attachments::AttachmentRow;
use crate::domain::attachments::Purpose;
use crate::error::{AppError, AppResult};
use crate::services::annexes as service;
use crate::services::uploads;

/// An annex as the application page lists it.
#[derive(Serialize)]
pub struct AnnexView {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
    pub version: i32,
}

pub fn views(rows: &[AttachmentRow]) -> Vec<AnnexView> {
    rows.iter()
        .map(|r| AnnexView {
            id: r.id.clone(),
            title: r.title.clone(),
            file_name: r.file_name.clone(),
            size: crate::views::format::file_size(r.size_bytes),
            sha256: r.sha256.clone(),
            version: r.version,
        })
        .collect()
}

fn back(id: &str) -> String {
    format!("/applications/{id}#annexes")
}

fn refused(page: &Page, id: &str, e: AppError) -> AppResult<HttpResponse> {
    match e {
        AppError::Validation(errors) => {
            for e in errors {
                page.flash_near("error", e.code, &[], "annexes");
            }
            Ok(page.redirect(&back(id)))
        }
        AppError::Conflict(key) => {
            page.flash_near("error", key, &[], "annexes");
            Ok(page.redirect(&back(id)))
        }
        e => Err(e),
    }
}

/// Reads a title and a file from a multipart form and checks the file for an annex.
pub async fn read_annex(payload: Multipart) -> AppResult<(String, uploads::CheckedUpload)> {
    let (fields, file) = crate::web::input::read_multipart(payload, &["title"]).await?;
    let title = fields
        .into_iter()
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let Some((file_name, bytes)) = file else {
        return Err(AppError::field("file", "error-annex-file-missing"));
    };
    Ok((title, uploads::check(Purpose::Annex, &file_name, bytes)?))
}

pub async fn upload(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let result = async {
        let (title, checked) = read_annex(payload).await?;
        service::add(&page.state, &page.actor(), id.clone(), title, checked).await
    }
    .await;
    match result {
        Ok(row) => {
            page.flash_near(
                "success",
                "flash-annex-added",
                &[("title", row.title)],
                "annexes",
            );
            Ok(page.redirect(&back(&id)))
        }
        Err(e) => refused(&page, &id, e),
    }
}

pub async fn remove(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, annex_id) = path.into_inner();
    match service::remove(&page.state, &page.actor(), id.clone(), annex_id).await {
        Ok(()) => {
            page.flash_near("success", "flash-annex-removed", &[], "annexes");
            Ok(page.redirect(&back(&id)))
        }
        Err(e) => refused(&page, &id, e),
    }
}

/// A file of the application (annex or mandate), for its organisation's members.
pub async fn download(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let f = service::file_for_member(&page.state, &page.actor(), id, file_id).await?;
    file_response(&page.state, &f).await
}

/// A stored file as a download (never shown inline), not kept by shared caches, with
/// its SHA-256 for checking.
pub async fn file_response(
    state: &crate::state::AppState,
    f: &AttachmentRow,
) -> AppResult<HttpResponse> {
    let bytes = uploads::read(state, &f.storage_key).await?;
    Ok(HttpResponse::Ok()
        .content_type(f.content_type.clone())
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            uploads::content_disposition(&f.file_name),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-SHA256", f.sha256.clone()))
        .body(bytes))
}

/// SEL-02: the applicant uploads one of the supporting documents asked for.
pub async fn upload_supporting(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let back = format!("/applications/{id}#supporting");
    let result = async {
        let (fields, file) = crate::web::input::read_multipart(payload, &["document"]).await?;
        let code = fields
            .into_iter()
            .find(|(k, _)| k == "document")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let Some((file_name, bytes)) = file else {
            return Err(AppError::field("file", "error-annex-file-missing"));
        };
        let checked = uploads::check(Purpose::SupportingDocument, &file_name, bytes)?;
        crate::services::supporting::upload(&page.state, &page.actor(), id.clone(), code, checked)
            .await
    }
    .await;
    match result {
        Ok(_) => {
            page.flash_near("success", "flash-supporting-uploaded", &[], "supporting");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            for e in errors {
                page.flash_near("error", e.code, &[], "supporting");
            }
            Ok(page.redirect(&back))
        }
        Err(AppError::Conflict(key)) => {
            page.flash_near("error", key, &[], "supporting");
            Ok(page.redirect(&back))
        }
        Err(e) => Err(e),
    }
}
