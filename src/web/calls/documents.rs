//! Guidelines documents: upload (multipart) and removal.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

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
    payload: Multipart,
    title: &mut String,
) -> AppResult<()> {
    let (fields, file) = crate::web::input::read_multipart(payload, &["language", "title"]).await?;
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    *title = get("title").unwrap_or_default();
    let language = get("language").and_then(|l| Lang::parse(l.trim()));
    let Some(language) = language else {
        return Err(AppError::field("language", "error-upload-missing"));
    };
    let Some((file_name, bytes)) = file else {
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
