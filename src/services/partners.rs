//! Partners of an application: organisations of the registry named on it as
//! co-applicant, affiliated entity or associate, and the mandates the first two give
//! the lead applicant (PDF or DOCX/ODT, checked by content, kept in versions).

use serde_json::json;

use crate::db::applications::{self as q, PartnerRow};
use crate::db::attachments::{self as attachment_q, AttachmentRow};
use crate::db::organisations as org_q;
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::partners::{addition_problem, PartnerRole};
use crate::error::{AppError, AppResult};
use crate::services::attachments::{self, NewAttachment};
use crate::services::uploads::CheckedUpload;
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// A partner as its application's members see it.
pub struct Partner {
    pub row: PartnerRow,
    pub organisation: String,
    pub registration_number: String,
    /// The current mandate, if any.
    pub mandate: Option<AttachmentRow>,
}

/// The partners of an application and their mandates, for its members (three queries).
#[tracing::instrument(skip_all)]
pub async fn partners(state: &AppState, actor: &Actor, id: String) -> AppResult<Vec<Partner>> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            org_q::membership(conn, &a.organisation_id, &user)?.ok_or(AppError::NotFound)?;
            partners_on(conn, &id)
        })
        .await
}

pub fn partners_on(conn: &mut crate::db::DbConnection, id: &str) -> AppResult<Vec<Partner>> {
    let rows = q::partners_of(conn, id)?;
    let mandates = attachment_q::present_of_owners(
        conn,
        OwnerKind::Application,
        &[id.to_string()],
        Purpose::Mandate,
    )?;
    Ok(rows
        .into_iter()
        .map(|(row, organisation, registration_number)| {
            // The latest version titled by the partner's id.
            let mandate = mandates
                .iter()
                .filter(|m| m.title == row.id)
                .max_by_key(|m| m.version)
                .cloned();
            Partner {
                row,
                organisation,
                registration_number,
                mandate,
            }
        })
        .collect())
}

/// Names an organisation of the registry (by its registration number) as a partner.
#[tracing::instrument(skip_all)]
pub async fn add(
    state: &AppState,
    actor: &Actor,
    id: String,
    registration_number: String,
    role: String,
) -> AppResult<()> {
    let role = PartnerRole::parse(role.trim())
        .ok_or_else(|| AppError::field("role", "error-partner-role"))?;
    let number = registration_number.trim().to_string();
    if number.is_empty() || number.len() > 50 {
        return Err(AppError::field(
            "registration_number",
            "error-partner-unknown",
        ));
    }
    super::applications::edit_files(state, actor, id.clone(), move |tx, application, _| {
        let organisation_id = application.organisation_id;
        // Kazakh organisations first (a BIN), then any with that number.
        let partner = org_q::find_by_registration(tx.conn, "KZ", &number)?
            .or(org_q::find_any_by_registration(tx.conn, &number)?)
            .ok_or_else(|| AppError::field("registration_number", "error-partner-unknown"))?;
        let existing = q::partners_of(tx.conn, &id)?;
        let already: Vec<&str> = existing
            .iter()
            .map(|(p, _, _)| p.organisation_id.as_str())
            .collect();
        if let Some(code) = addition_problem(&organisation_id, &partner.id, &already) {
            return Err(AppError::field("registration_number", code));
        }
        let row = PartnerRow {
            id: new_id(),
            application_id: id.clone(),
            organisation_id: partner.id.clone(),
            role: role.as_str().into(),
            added_by: tx.actor.user_id.clone().unwrap_or_default(),
            added_at: tx.now,
        };
        q::insert_partner(tx.conn, &row)?;
        tx.audit(
            "application.partner_added",
            Some(("application", &id)),
            json!({"partner": partner.id, "name": partner.legal_name, "role": role.as_str()}),
        )
    })
    .await
}

/// Removes a partner (its mandates stay on file, marked removed with the partner).
#[tracing::instrument(skip_all)]
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    id: String,
    partner_id: String,
) -> AppResult<()> {
    super::applications::edit_files(state, actor, id.clone(), move |tx, _, _| {
        if !q::delete_partner(tx.conn, &id, &partner_id)? {
            return Err(AppError::NotFound);
        }
        for m in attachment_q::all_of(tx.conn, OwnerKind::Application, &id, Purpose::Mandate)? {
            if m.title == partner_id && m.removed_at.is_none() && m.frozen_at.is_none() {
                attachments::detach(tx, OwnerKind::Application, &id, &m.id)?;
            }
        }
        tx.audit(
            "application.partner_removed",
            Some(("application", &id)),
            json!({"partner_row": partner_id}),
        )
    })
    .await
}

/// Stores a partner's mandate (checked by content; a new one replaces the earlier, kept).
#[tracing::instrument(skip_all)]
pub async fn add_mandate(
    state: &AppState,
    actor: &Actor,
    id: String,
    partner_id: String,
    upload: CheckedUpload,
) -> AppResult<()> {
    super::applications::attach_file(state, actor, id.clone(), upload, move |tx, upload, stored| {
        let partner = q::partners_of(tx.conn, &id)?
            .into_iter()
            .find(|(p, _, _)| p.id == partner_id)
            .ok_or(AppError::NotFound)?;
        let row = attachments::attach(
            tx,
            &NewAttachment {
                owner: OwnerKind::Application,
                owner_id: &id,
                purpose: Purpose::Mandate,
                language: None,
                title: &partner_id,
            },
            upload,
            stored,
        )?;
        tx.audit(
            "application.mandate_added",
            Some(("application", &id)),
            json!({"partner": partner.0.organisation_id, "file": row.file_name, "sha256": row.sha256,
                   "bytes": row.size_bytes, "version": row.version}),
        )
    })
    .await
}

/// A partner's current mandate, for the application's members.
#[tracing::instrument(skip_all)]
pub async fn mandate(
    state: &AppState,
    actor: &Actor,
    id: String,
    partner_id: String,
) -> AppResult<AttachmentRow> {
    partners(state, actor, id)
        .await?
        .into_iter()
        .find(|p| p.row.id == partner_id)
        .and_then(|p| p.mandate)
        .ok_or(AppError::NotFound)
}
