//! The partners of an application on its page: naming them, their mandates.

use actix_multipart::Multipart;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::Page;
use crate::error::{AppError, AppResult};
use crate::services::partners as service;
use crate::services::uploads;

/// A partner as the application page lists it.
#[derive(Serialize)]
pub struct PartnerView {
    pub id: String,
    pub organisation: String,
    pub registration_number: String,
    pub role: String,
    pub needs_mandate: bool,
    pub mandate_name: Option<String>,
    pub mandate_sha256: Option<String>,
    pub mandate_size: Option<String>,
}

pub fn views(partners: Vec<service::Partner>) -> Vec<PartnerView> {
    partners
        .into_iter()
        .map(|p| PartnerView {
            needs_mandate: crate::domain::partners::PartnerRole::parse(&p.row.role)
                .is_some_and(|r| r.needs_mandate()),
            id: p.row.id,
            organisation: p.organisation,
            registration_number: p.registration_number,
            role: p.row.role,
            mandate_name: p.mandate.as_ref().map(|m| m.file_name.clone()),
            mandate_sha256: p.mandate.as_ref().map(|m| m.sha256.clone()),
            mandate_size: p
                .mandate
                .as_ref()
                .map(|m| crate::views::format::file_size(m.size_bytes)),
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddForm {
    #[serde(default)]
    registration_number: String,
    #[serde(default)]
    role: String,
}

fn back(id: &str) -> String {
    format!("/applications/{id}#partners")
}

fn refused(page: &Page, id: &str, e: AppError) -> AppResult<HttpResponse> {
    match e {
        AppError::Validation(errors) => {
            for e in errors {
                page.flash_near("error", e.code, &[], "partners");
            }
            Ok(page.redirect(&back(id)))
        }
        AppError::Conflict(key) => {
            page.flash_near("error", key, &[], "partners");
            Ok(page.redirect(&back(id)))
        }
        e => Err(e),
    }
}

pub async fn add(
    page: Page,
    path: web::Path<String>,
    form: web::Form<AddForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    match service::add(
        &page.state,
        &page.actor(),
        id.clone(),
        form.registration_number,
        form.role,
    )
    .await
    {
        Ok(()) => {
            page.flash_near("success", "flash-partner-added", &[], "partners");
            Ok(page.redirect(&back(&id)))
        }
        Err(e) => refused(&page, &id, e),
    }
}

pub async fn remove(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, pid) = path.into_inner();
    match service::remove(&page.state, &page.actor(), id.clone(), pid).await {
        Ok(()) => {
            page.flash_near("success", "flash-partner-removed", &[], "partners");
            Ok(page.redirect(&back(&id)))
        }
        Err(e) => refused(&page, &id, e),
    }
}

pub async fn upload_mandate(
    page: Page,
    path: web::Path<(String, String)>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let (id, pid) = path.into_inner();
    let result = async {
        let (_, file) = crate::web::input::read_multipart(payload, &[]).await?;
        let Some((file_name, bytes)) = file else {
            return Err(AppError::field("file", "error-upload-missing"));
        };
        let checked = uploads::check(
            crate::domain::attachments::Purpose::Mandate,
            &file_name,
            bytes,
        )?;
        service::add_mandate(&page.state, &page.actor(), id.clone(), pid, checked).await
    }
    .await;
    match result {
        Ok(()) => {
            page.flash_near("success", "flash-mandate-added", &[], "partners");
            Ok(page.redirect(&back(&id)))
        }
        Err(e) => refused(&page, &id, e),
    }
}

pub async fn download_mandate(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, pid) = path.into_inner();
    let m = service::mandate(&page.state, &page.actor(), id, pid).await?;
    super::annexes::file_response(&page.state, &m).await
}
