//! Guidelines documents: upload (multipart) and removal.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use futures_util::StreamExt;

use super::{conflict_back, render_staff_call, Refused, ShowQuery};
use crate::domain::access::Action;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::calls::{self};
use crate::services::uploads;
use crate::web::page::Page;

/// Multipart upload of a guidelines document: language, title and the file. A refused
/// upload shows the call page again with the title kept and the error at the file.
pub async fn upload_document(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    let mut title = String::new();
    match receive_and_add(&page, &call_id, payload, &mut title).await {
        Ok(()) => {
            page.flash_near("success", "flash-document-added", &[], "documents");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            let refused = Refused::Document {
                title: &title,
                errors: &errors,
            };
            render_staff_call(
                &page,
                call_id,
                &ShowQuery::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(refused),
            )
            .await
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

/// Reads the multipart form (each part bounded) and adds the document; `title` keeps
/// what was typed for a refused upload.
async fn receive_and_add(
    page: &Page,
    call_id: &str,
    mut payload: Multipart,
    title: &mut String,
) -> AppResult<()> {
    let mut language = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
        let name = field.name().unwrap_or("").to_string();
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_string);
        let limit = if name == "file" {
            uploads::MAX_DOCUMENT_BYTES + 1
        } else {
            4096
        };
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
            if data.len() + chunk.len() > limit {
                return Err(if name == "file" {
                    AppError::field("file", "error-upload-too-large")
                } else {
                    AppError::BadRequest("error-invalid-form")
                });
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "language" => language = Lang::parse(String::from_utf8_lossy(&data).trim()),
            "title" => *title = String::from_utf8_lossy(&data).to_string(),
            "file" => file = Some((file_name.unwrap_or_default(), data)),
            // Unknown fields are refused, as in every form.
            _ => return Err(AppError::BadRequest("error-invalid-form")),
        }
    }
    let Some(language) = language else {
        return Err(AppError::field("language", "error-upload-missing"));
    };
    let Some((file_name, bytes)) = file.filter(|(name, _)| !name.is_empty()) else {
        return Err(AppError::field("file", "error-upload-missing"));
    };
    let checked = uploads::check_document(&file_name, bytes)?;
    calls::add_document(
        &page.state,
        &page.actor(),
        call_id.to_string(),
        checked,
        language,
        title.clone(),
    )
    .await
}

pub async fn remove_document(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, doc_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    match calls::remove_document(&page.state, &page.actor(), call_id, doc_id).await {
        Ok(()) => {
            page.flash_near("success", "flash-document-removed", &[], "documents");
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
