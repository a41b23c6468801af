//! Guidelines documents: upload (multipart) and removal.

use actix_multipart::Multipart;
use actix_web::{web, HttpResponse};
use futures_util::StreamExt;

use super::conflict_back;
use crate::domain::access::Action;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::calls::{self};
use crate::services::uploads;
use crate::web::page::Page;

/// Multipart upload of a guidelines document: language, title and the file.
pub async fn upload_document(
    page: Page,
    path: web::Path<String>,
    mut payload: Multipart,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    let mut language = None;
    let mut title = String::new();
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
                page.flash(
                    "error",
                    if name == "file" {
                        "error-upload-too-large"
                    } else {
                        "error-invalid-form"
                    },
                );
                return Ok(page.redirect(&back));
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "language" => language = Lang::parse(String::from_utf8_lossy(&data).trim()),
            "title" => title = String::from_utf8_lossy(&data).to_string(),
            "file" => file = Some((file_name.unwrap_or_default(), data)),
            // Unknown fields are refused, as in every form.
            _ => return Err(AppError::BadRequest("error-invalid-form")),
        }
    }
    let (Some(language), Some((file_name, bytes))) = (language, file) else {
        page.flash("error", "error-upload-missing");
        return Ok(page.redirect(&back));
    };
    let checked = match uploads::check_document(&file_name, bytes) {
        Ok(c) => c,
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            return Ok(page.redirect(&back));
        }
        Err(e) => return Err(e),
    };
    match calls::add_document(
        &page.state,
        &page.actor(),
        call_id.clone(),
        checked,
        language,
        title,
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-document-added");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

pub async fn remove_document(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, doc_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    match calls::remove_document(&page.state, &page.actor(), call_id, doc_id).await {
        Ok(()) => {
            page.flash("success", "flash-document-removed");
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
