//! Who reads an application's content, and from when (EVC-02, CFP-06): nobody before the
//! deadline of the stage it was submitted at; after it, Delegation staff and the
//! committee's chair and secretary once they have signed the call's declaration, and the
//! auditor (TL-08). Every page, download and export of content goes through here.

use chrono::NaiveDateTime;

use crate::db::applications::{ApplicationRow, SubmissionRow};
use crate::db::calls as call_q;
use crate::db::DbConnection;
use crate::domain::access::{Action, Role, Scope};
use crate::domain::applications::{deadline_of, Stage};
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::write::{check_permission_in, Permission};
use crate::services::Actor;

/// Refused unless `actor` may read the application's content now: its call's deadline
/// has passed (`error-content-sealed`) and the actor's role and declaration allow it.
/// Delegation staff who have not signed are told to sign (`error-declaration-first`);
/// anyone else is shown nothing.
pub fn check_may_read(
    conn: &mut DbConnection,
    actor: &Actor,
    a: &ApplicationRow,
    now: NaiveDateTime,
) -> AppResult<Call> {
    let call = Call::from_row(call_q::find(conn, &a.call_id)?.ok_or(AppError::NotFound)?)?;
    require_declaration(conn, actor, &a.call_id)?;
    if !crate::domain::time::passed(now, call.row.deadline) {
        return Err(AppError::Conflict("error-content-sealed"));
    }
    Ok(call)
}

/// Refused unless the actor may read the call's applications: Delegation staff and the
/// chair and secretary after signing its declaration (`error-declaration-first` tells
/// Delegation staff to sign; anyone else is shown nothing), the auditor.
pub fn require_declaration(conn: &mut DbConnection, actor: &Actor, call_id: &str) -> AppResult<()> {
    let permission = Permission::Do(
        Action::ReadApplicationContent,
        Scope::Call(call_id.to_string()),
    );
    match check_permission_in(conn, actor, &permission) {
        Err(AppError::NotFound) if actor.role == Some(Role::Delegation) => {
            Err(AppError::Conflict("error-declaration-first"))
        }
        other => other,
    }
}

/// Whether a submission's content may be read at `now`: after the deadline of the stage
/// it was made at (an invited full application's own deadline in a restricted call).
pub fn readable(
    submission: &SubmissionRow,
    a: &ApplicationRow,
    call: &Call,
    now: NaiveDateTime,
) -> bool {
    deadline_of(
        Stage::parse(&submission.stage),
        call.call_type,
        call.row.deadline,
        a.full_deadline,
    )
    .is_some_and(|d| now > d)
}

/// For Delegation staff who have not signed the call's declaration yet: the call and
/// the declaration's text to sign (in `lang`), so that a page can offer it; None when
/// nothing is to be signed.
#[tracing::instrument(skip_all)]
pub async fn declaration_needed(
    state: &crate::state::AppState,
    actor: &Actor,
    call_id: String,
    lang: crate::i18n::Lang,
) -> AppResult<Option<(Call, String)>> {
    if actor.role != Some(Role::Delegation) {
        return Ok(None);
    }
    let user = actor.user_id.clone().unwrap_or_default();
    state
        .db(move |conn| {
            if crate::db::evaluation::declaration(conn, &call_id, &user)?.is_some() {
                return Ok(None);
            }
            let call = Call::from_row(call_q::find(conn, &call_id)?.ok_or(AppError::NotFound)?)?;
            let text = super::evaluation::declaration_text(lang, &call);
            Ok(Some((call, text)))
        })
        .await
}
