//! Kazakh and Russian versions of a call's texts (CFP-08: English is authentic and the
//! others are for information). They may be added or corrected in a draft and after
//! publication alike; the English text of a published call changes only by corrigendum.

use serde_json::json;

use super::load_call;
use crate::db::calls as q;
use crate::domain::access::{Action, Scope};
use crate::domain::calls::CallEvent;
use crate::domain::text::{self, Texts};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// The maximum length of a title (as for the English one).
pub const TITLE_MAX_CHARS: usize = 300;
/// The maximum length of a description (as for the English one).
pub const DESCRIPTION_MAX_CHARS: usize = 20_000;

/// What the translations page sends: the kk and ru versions of the call's title and
/// description, and of each lot's title (by lot id). The English values are not read.
#[derive(Debug, Clone, Default)]
pub struct CallTranslations {
    pub title: Texts,
    pub description: Texts,
    pub lot_titles: Vec<(String, Texts)>,
    /// The evaluation grids' section and sub-criterion titles: (grid, code, texts),
    /// grid being "concept" or "full". Information only, like the rest.
    pub grid_titles: Vec<(String, String, Texts)>,
}

fn checked(input: &CallTranslations) -> AppResult<CallTranslations> {
    let mut errors = Vec::new();
    let mut one_line = |field: String, value: &str| -> String {
        if text::has_forbidden_characters(value) || value.contains(['\n', '\r', '\t']) {
            errors.push(FieldError::named(field, "error-control-characters"));
            return String::new();
        }
        let v = value.trim();
        if v.chars().count() > TITLE_MAX_CHARS {
            errors.push(FieldError::named(field, "error-text-too-long"));
        }
        v.to_string()
    };
    let title = Texts {
        en: String::new(),
        kk: one_line("title_kk".into(), &input.title.kk),
        ru: one_line("title_ru".into(), &input.title.ru),
    };
    let lot_titles = input
        .lot_titles
        .iter()
        .map(|(id, t)| {
            (
                id.clone(),
                Texts {
                    en: String::new(),
                    kk: one_line(format!("lot-{id}-kk"), &t.kk),
                    ru: one_line(format!("lot-{id}-ru"), &t.ru),
                },
            )
        })
        .collect();
    let grid_titles = input
        .grid_titles
        .iter()
        .map(|(grid, code, t)| {
            (
                grid.clone(),
                code.clone(),
                Texts {
                    en: String::new(),
                    kk: one_line(format!("grid-{grid}-{code}-kk"), &t.kk),
                    ru: one_line(format!("grid-{grid}-{code}-ru"), &t.ru),
                },
            )
        })
        .collect();
    let mut description = input.description.checked_text(
        ["description", "description_kk", "description_ru"],
        DESCRIPTION_MAX_CHARS,
        false,
        &mut errors,
    );
    description.en = String::new();
    if errors.is_empty() {
        Ok(CallTranslations {
            title,
            description,
            lot_titles,
            grid_titles,
        })
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Saves the Kazakh and Russian versions; a lot id that is not of this call is refused.
#[tracing::instrument(skip_all)]
pub async fn set_translations(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    input: CallTranslations,
) -> AppResult<()> {
    let input = checked(&input)?;
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone()));
    state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            call.next_status(CallEvent::AddTranslation)?;
            let lots = q::lots_of(tx.conn, &call_id)?;
            for (lot_id, _) in &input.lot_titles {
                if !lots.iter().any(|l| &l.id == lot_id) {
                    return Err(AppError::NotFound);
                }
            }
            q::set_translations(tx.conn, &call_id, &input.title, &input.description, tx.now)?;
            for (lot_id, title) in &input.lot_titles {
                q::set_lot_translations(tx.conn, lot_id, title)?;
            }
            if !input.grid_titles.is_empty() {
                let (mut concept, mut full) = (call.concept_grid.clone(), call.full_grid.clone());
                for (grid, code, t) in &input.grid_titles {
                    let known = match grid.as_str() {
                        "concept" => concept.set_translation(code, &t.kk, &t.ru),
                        "full" => full.set_translation(code, &t.kk, &t.ru),
                        _ => false,
                    };
                    if !known {
                        return Err(AppError::NotFound);
                    }
                }
                let to_json = |g: &crate::domain::grids::Grid| {
                    serde_json::to_string(g).map_err(|e| AppError::Internal(e.into()))
                };
                q::set_grids(tx.conn, &call_id, &to_json(&concept)?, &to_json(&full)?, tx.now)?;
            }
            let filled = |t: &Texts| {
                [("kk", &t.kk), ("ru", &t.ru)]
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(l, _)| *l)
                    .collect::<Vec<_>>()
            };
            tx.audit(
                "call.translations_saved",
                Some(("call", &call_id)),
                json!({
                    "before": {"title_kk": call.row.title_kk, "title_ru": call.row.title_ru,
                               "description_kk_chars": call.row.description_kk.chars().count(),
                               "description_ru_chars": call.row.description_ru.chars().count()},
                    "title": filled(&input.title),
                    "description": filled(&input.description),
                    "title_kk": input.title.kk, "title_ru": input.title.ru,
                    "lots": input.lot_titles.iter().map(|(id, t)| json!({"lot": id, "kk": t.kk, "ru": t.ru})).collect::<Vec<_>>(),
                    "grid_titles": input.grid_titles.len(),
                }),
            )
        })
        .await
}
