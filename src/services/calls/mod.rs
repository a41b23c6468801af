//! Calls for proposals: the call as the rules see it, and what pages and the API read.
//! The use cases live by sub-area: `drafts` (identity, rules, lots, grids),
//! `publication` (publish, cancel: TL-01, CFP-02, CFP-07), `documents` (guidelines,
//! CFP-08), `clarifications` (CFP-03) and `followers`.

mod clarifications;
mod corrigenda;
mod documents;
mod drafts;
mod followers;
mod publication;
mod translations;

pub use clarifications::{
    answer_question, ask_question, remind_unanswered_questions, staff_questions, QuestionsPage,
    ANSWER_MAX_CHARS, ANSWER_REMINDER_DAYS, MAX_OPEN_QUESTIONS_PER_PERSON, QUESTIONS_PAGE_SIZE,
    QUESTION_MAX_CHARS,
};
pub use corrigenda::{
    add_corrigendum_document, corrigendum_document_for_download, current_version, earlier_version,
    preview_corrigendum, publish_corrigendum, Corrigendum, REASON_MAX_CHARS,
};
pub use documents::{add_document, document_for_download, remove_document};
pub use drafts::{create, delete_draft, delete_lot, save_lot, update, update_grids, CallInput};
pub use followers::{my_space, set_following, MySpace};
pub use publication::{cancel, publish, publish_problems, PublishReport};
pub use translations::{set_translations, CallTranslations};

use std::collections::HashMap;

use crate::db::attachments::{self as attachment_q, AttachmentRow};
use crate::db::calls::{self as q, CallRow, ClarificationRow, LotRow};
use crate::db::{users, DbConnection};
use crate::domain::access::Action;
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::calls::{CallEvent, CallParameters, CallStatus, CallType, LotTerms};
use crate::domain::grids::Grid;
use crate::domain::money::Money;
use crate::domain::text::Translated;
use crate::domain::workflow::Workflow;
use crate::error::{AppError, AppResult};
use crate::services::group_by;
use crate::state::AppState;

/// A call with everything parsed.
#[derive(Debug, Clone)]
pub struct Call {
    pub row: CallRow,
    pub call_type: CallType,
    pub status: CallStatus,
    pub params: CallParameters,
    pub concept_grid: Grid,
    pub full_grid: Grid,
}

impl Call {
    pub fn from_row(row: CallRow) -> AppResult<Call> {
        let bad = |what: &str| {
            AppError::Internal(anyhow::anyhow!("call {} has an invalid {what}", row.id))
        };
        Ok(Call {
            call_type: CallType::parse(&row.call_type).ok_or_else(|| bad("type"))?,
            status: CallStatus::parse(&row.status).ok_or_else(|| bad("status"))?,
            params: serde_json::from_str(&row.parameters).map_err(|_| bad("parameters"))?,
            concept_grid: serde_json::from_str(&row.concept_note_grid).map_err(|_| bad("grid"))?,
            full_grid: serde_json::from_str(&row.full_application_grid).map_err(|_| bad("grid"))?,
            row,
        })
    }

    pub fn is_published(&self) -> bool {
        self.status == CallStatus::Published
    }

    /// The state the call moves to on `event`, or the conflict that refuses it.
    pub fn next_status(&self, event: CallEvent) -> AppResult<CallStatus> {
        self.status
            .transition(event)
            .map_err(|r| AppError::Conflict(r.message_key))
    }

    /// The title in three languages (CFP-08).
    pub fn title(&self) -> Translated<'_> {
        Translated {
            en: &self.row.title,
            kk: &self.row.title_kk,
            ru: &self.row.title_ru,
        }
    }

    /// "EuropeAid/150123/L/ACT/KZ – Title", as emails name a call: in the reader's
    /// language, the English title when not translated.
    pub fn label_in(&self, lang: crate::i18n::Lang) -> String {
        format!(
            "{} – {}",
            self.row.reference,
            self.title().for_reader(lang).0
        )
    }
}

/// The terms of a stored lot.
pub fn lot_terms(row: &LotRow) -> LotTerms {
    let split = |s: &str| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    LotTerms {
        number: row.number,
        title: row.title.clone(),
        envelope: Money::from_cents(row.envelope_cents),
        min_grant: Money::from_cents(row.min_grant_cents),
        max_grant: Money::from_cents(row.max_grant_cents),
        min_eu_share_bp: row.min_eu_share_bp,
        max_eu_share_bp: row.max_eu_share_bp,
        min_duration_months: row.min_duration_months,
        max_duration_months: row.max_duration_months,
        applicant_types: split(&row.applicant_types),
        locations: split(&row.locations),
        envelope_id: row.envelope_id.clone(),
        title_kk: Some(row.title_kk.clone()),
        title_ru: Some(row.title_ru.clone()),
    }
}

fn lot_row(call_id: &str, id: String, t: &LotTerms) -> LotRow {
    LotRow {
        id,
        call_id: call_id.to_string(),
        number: t.number,
        title: t.title.trim().to_string(),
        envelope_cents: t.envelope.cents(),
        min_grant_cents: t.min_grant.cents(),
        max_grant_cents: t.max_grant.cents(),
        min_eu_share_bp: t.min_eu_share_bp,
        max_eu_share_bp: t.max_eu_share_bp,
        min_duration_months: t.min_duration_months,
        max_duration_months: t.max_duration_months,
        applicant_types: t.applicant_types.join(","),
        locations: t.locations.join(","),
        envelope_id: t.envelope_id.clone(),
        // An update keeps the stored translations unless new ones are given.
        title_kk: t.title_kk.as_deref().unwrap_or("").trim().to_string(),
        title_ru: t.title_ru.as_deref().unwrap_or("").trim().to_string(),
    }
}

/// A call's current guidelines (latest versions, not removed).
fn guidelines_of(conn: &mut DbConnection, call_id: &str) -> AppResult<Vec<AttachmentRow>> {
    let all = attachment_q::all_of(conn, OwnerKind::Call, call_id, Purpose::Guidelines)?;
    Ok(crate::services::attachments::current(all))
}

fn load_call(conn: &mut DbConnection, id: &str) -> AppResult<Call> {
    Call::from_row(q::find(conn, id)?.ok_or(AppError::NotFound)?)
}

/// A call with its lots, documents and clarifications.
pub struct CallDetail {
    pub call: Call,
    pub lots: Vec<LotRow>,
    pub documents: Vec<AttachmentRow>,
    pub clarifications: Vec<ClarificationRow>,
    /// Asker emails by user id (staff view only).
    pub askers: HashMap<String, String>,
    pub programme_reference: String,
    pub following: bool,
    /// Corrigenda, the first first, with their documents (current versions).
    pub corrigenda: Vec<Corrigendum>,
    pub corrigendum_documents: Vec<AttachmentRow>,
    /// The viewer's own questions not answered yet (public view only).
    pub my_pending: Vec<ClarificationRow>,
}

/// A call's corrigenda and their current documents (two queries).
fn corrigenda_with_documents(
    conn: &mut DbConnection,
    call_id: &str,
) -> AppResult<(Vec<Corrigendum>, Vec<AttachmentRow>)> {
    let list = corrigenda::corrigenda_in(conn, call_id)?;
    let ids: Vec<String> = list.iter().map(|c| c.row.id.clone()).collect();
    let docs =
        attachment_q::present_of_owners(conn, OwnerKind::Corrigendum, &ids, Purpose::Corrigendum)?;
    Ok((list, crate::services::attachments::current(docs)))
}

/// The public view: published or cancelled calls only; drafts are "not found".
#[tracing::instrument(skip_all)]
pub async fn public_detail(
    state: &AppState,
    id: String,
    viewer: Option<String>,
) -> AppResult<CallDetail> {
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            if call.status == CallStatus::Draft {
                return Err(AppError::NotFound);
            }
            let programme = crate::db::programmes::find(conn, &call.row.programme_id)?
                .ok_or(AppError::NotFound)?;
            let (following, my_pending) = match &viewer {
                Some(uid) => (
                    q::is_following(conn, &id, uid)?,
                    q::pending_questions_of(conn, &id, uid)?,
                ),
                None => (false, Vec::new()),
            };
            let (corrigenda, corrigendum_documents) = corrigenda_with_documents(conn, &id)?;
            Ok(CallDetail {
                corrigenda,
                corrigendum_documents,
                my_pending,
                lots: q::lots_of(conn, &id)?,
                documents: guidelines_of(conn, &id)?,
                clarifications: q::published_clarifications(conn, &id)?,
                askers: HashMap::new(),
                programme_reference: programme.reference,
                following,
                call,
            })
        })
        .await
}

/// The staff view: drafts too; questions are read page by page (`staff_questions`).
#[tracing::instrument(skip_all)]
pub async fn staff_detail(
    state: &AppState,
    actor: &crate::services::Actor,
    id: String,
) -> AppResult<CallDetail> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let call = load_call(conn, &id)?;
            let programme = crate::db::programmes::find(conn, &call.row.programme_id)?
                .ok_or(AppError::NotFound)?;
            let (corrigenda, corrigendum_documents) = corrigenda_with_documents(conn, &id)?;
            Ok(CallDetail {
                corrigenda,
                corrigendum_documents,
                my_pending: Vec::new(),
                lots: q::lots_of(conn, &id)?,
                documents: guidelines_of(conn, &id)?,
                clarifications: Vec::new(),
                askers: HashMap::new(),
                programme_reference: programme.reference,
                following: false,
                call,
            })
        })
        .await
}

/// Asker emails for a page of questions, in one query.
fn askers_of(
    conn: &mut DbConnection,
    questions: &[ClarificationRow],
) -> AppResult<HashMap<String, String>> {
    let ids: Vec<String> = questions.iter().map(|q| q.asked_by.clone()).collect();
    Ok(users::emails_of(conn, &ids)?.into_iter().collect())
}

/// A published or cancelled call with its lots and guidelines, for the public list.
pub struct ListedCall {
    pub call: Call,
    pub lots: Vec<LotRow>,
    pub documents: Vec<AttachmentRow>,
}

/// Published and cancelled calls with their lots and documents (three queries,
/// whatever the number of calls).
#[tracing::instrument(skip_all)]
pub async fn public_list(state: &AppState) -> AppResult<Vec<ListedCall>> {
    state
        .db(move |conn| {
            let rows = q::list_public(conn)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut lots = group_by(q::lots_of_calls(conn, &ids)?, |l| &l.call_id);
            let present =
                attachment_q::present_of_owners(conn, OwnerKind::Call, &ids, Purpose::Guidelines)?;
            let mut docs = group_by(crate::services::attachments::current(present), |d| {
                &d.owner_id
            });
            rows.into_iter()
                .map(|row| {
                    let lots = lots.remove(&row.id).unwrap_or_default();
                    let documents = docs.remove(&row.id).unwrap_or_default();
                    Ok(ListedCall {
                        call: Call::from_row(row)?,
                        lots,
                        documents,
                    })
                })
                .collect()
        })
        .await
}

/// Every call (drafts too) with its lots, for staff: two queries whatever the count.
#[tracing::instrument(skip_all)]
pub async fn staff_list_with_lots(
    state: &AppState,
    actor: &crate::services::Actor,
) -> AppResult<Vec<(Call, Vec<LotRow>)>> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let rows = q::list_all(conn)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut by_call = group_by(q::lots_of_calls(conn, &ids)?, |l| &l.call_id);
            rows.into_iter()
                .map(|row| {
                    let lots = by_call.remove(&row.id).unwrap_or_default();
                    Ok((Call::from_row(row)?, lots))
                })
                .collect()
        })
        .await
}

/// Every call for staff, with unanswered question counts.
#[tracing::instrument(skip_all)]
pub async fn staff_list(
    state: &AppState,
    actor: &crate::services::Actor,
) -> AppResult<Vec<(Call, i64)>> {
    actor.require(Action::ViewProgrammes)?;
    state
        .db(move |conn| {
            let counts: HashMap<String, i64> = q::unanswered_counts(conn)?.into_iter().collect();
            q::list_all(conn)?
                .into_iter()
                .map(|row| {
                    let n = counts.get(&row.id).copied().unwrap_or(0);
                    Ok((Call::from_row(row)?, n))
                })
                .collect()
        })
        .await
}
