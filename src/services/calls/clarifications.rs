//! Clarifications (CFP-03): applicants ask until deadline − 21 days, staff answer and
//! the answer is published to everyone without the asker; staff are reminded as the
//! answer deadline nears.

use std::collections::HashMap;

use chrono::Duration;
use serde_json::json;

use super::{askers_of, load_call, Call};
use crate::db::calls::{self as q, ClarificationRow};
use crate::domain::access::{Action, Scope};
use crate::domain::calls::{may_ask_question, CallEvent};
use crate::domain::text;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::mail::MailKind;
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

pub const QUESTION_MAX_CHARS: usize = 4000;
pub const ANSWER_MAX_CHARS: usize = 10_000;
/// A person may have this many unanswered questions on one call: enough for a real
/// applicant, not enough to bury the staff's list.
pub const MAX_OPEN_QUESTIONS_PER_PERSON: i64 = 10;
/// …and ask at most this many questions an hour, on all calls together.
pub const MAX_QUESTIONS_PER_HOUR: i64 = 5;

/// Rule CFP-03: an applicant asks a question until deadline − 21 days (the server's
/// clock in the transaction decides), within the per-person limits.
#[tracing::instrument(skip_all)]
pub async fn ask_question(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    question: String,
) -> AppResult<()> {
    let question = text::text("question", &question, QUESTION_MAX_CHARS, true)?;
    let permission = Permission::Do(Action::AskClarification, Scope::Call(call_id.clone()));
    state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            if !call.is_published() {
                return Err(AppError::NotFound);
            }
            call.next_status(CallEvent::Clarify)?;
            let deadline = call.row.deadline.ok_or(AppError::NotFound)?;
            if !may_ask_question(tx.now, deadline, &call.params) {
                return Err(AppError::Conflict("error-questions-closed"));
            }
            let user_id = tx.actor.user_id.clone().unwrap_or_default();
            if q::open_questions_of(tx.conn, &call_id, &user_id)? >= MAX_OPEN_QUESTIONS_PER_PERSON {
                return Err(AppError::field("question", "error-too-many-open-questions"));
            }
            if q::questions_asked_since(tx.conn, &user_id, tx.now - Duration::hours(1))?
                >= MAX_QUESTIONS_PER_HOUR
            {
                return Err(AppError::TooManyRequests);
            }
            let row = ClarificationRow {
                id: crate::services::new_id(),
                call_id: call_id.clone(),
                asked_by: user_id.clone(),
                question: question.clone(),
                asked_at: tx.now,
                answer: None,
                answered_by: None,
                published_at: None,
            };
            q::insert_clarification(tx.conn, &row)?;
            q::follow(tx.conn, &call_id, &user_id, tx.now)?;
            tx.audit(
                "clarification.asked",
                Some(("clarification", &row.id)),
                json!({"call": call_id}),
            )
        })
        .await
}

/// Staff answer a question; the answer is published at once, without the asker's
/// identity, and followers are emailed. CFP-03: not after the answer deadline.
#[tracing::instrument(skip_all)]
pub async fn answer_question(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    clarification_id: String,
    answer: String,
) -> AppResult<()> {
    let answer = text::text("answer", &answer, ANSWER_MAX_CHARS, true)?;
    let link = state.public_url(&format!("/calls/{call_id}#clarifications"));
    let permission = Permission::Do(Action::AnswerClarifications, Scope::Call(call_id.clone()));
    state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            call.next_status(CallEvent::Clarify)?;
            q::find_clarification(tx.conn, &call_id, &clarification_id)?
                .ok_or(AppError::NotFound)?;
            if let Some(deadline) = call.row.deadline {
                if !crate::domain::calls::may_publish_answer(tx.now, deadline, &call.params) {
                    let by = crate::domain::calls::answer_deadline(deadline, &call.params);
                    return Err(AppError::Validation(vec![FieldError::new(
                        "answer",
                        "error-answer-too-late",
                    )
                    .with("by", crate::clock::format_local(by))]));
                }
            }
            let by = tx.actor.user_id.clone().unwrap_or_default();
            if !q::publish_answer(tx.conn, &clarification_id, &answer, &by, tx.now)? {
                return Err(AppError::Conflict("error-already-answered"));
            }
            let followers = q::followers(tx.conn, &call_id)?;
            tx.mail_each(&followers, MailKind::ClarificationPublished, |lang| {
                vec![("call", call.label_in(lang)), ("link", link.clone())]
            })?;
            tx.audit(
                "clarification.published",
                Some(("clarification", &clarification_id)),
                json!({"call": call_id}),
            )
        })
        .await
}

/// Questions shown to staff per page.
pub const QUESTIONS_PAGE_SIZE: i64 = 25;

/// A page of a call's questions for staff, with the askers' emails (two queries).
pub struct QuestionsPage {
    pub questions: Vec<ClarificationRow>,
    pub askers: HashMap<String, String>,
    pub total: i64,
    pub unanswered: i64,
    /// Answers published so far, and how many of them after the answer deadline.
    pub answered: i64,
    pub late_answers: i64,
}

#[tracing::instrument(skip_all)]
pub async fn staff_questions(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    unanswered_only: bool,
    page: i64,
) -> AppResult<QuestionsPage> {
    actor.require(Action::ViewProgrammes)?;
    let offset = (page.clamp(1, 1_000_000) - 1) * QUESTIONS_PAGE_SIZE;
    state
        .db(move |conn| {
            let (questions, total) = q::clarifications_page(
                conn,
                &call_id,
                unanswered_only,
                offset,
                QUESTIONS_PAGE_SIZE,
            )?;
            let (_, unanswered) = q::clarifications_page(conn, &call_id, true, 0, 0)?;
            let (_, all) = q::clarifications_page(conn, &call_id, false, 0, 0)?;
            let call = load_call(conn, &call_id)?;
            let late_answers = match call.row.deadline {
                Some(d) => q::answers_published_after(
                    conn,
                    &call_id,
                    crate::domain::calls::answer_deadline(d, &call.params),
                )?,
                None => 0,
            };
            let askers = askers_of(conn, &questions)?;
            Ok(QuestionsPage {
                questions,
                askers,
                total,
                unanswered,
                answered: all - unanswered,
                late_answers,
            })
        })
        .await
}

/// How many days before the answer deadline (CFP-03) staff are reminded by email.
pub const ANSWER_REMINDER_DAYS: i64 = 3;

/// Emails EU Delegation staff, once a day per call, when questions are still unanswered
/// and the answer deadline (deadline − 11 days) is at most three days away. Safe with
/// several portal nodes: the reminder of the day is claimed in the same transaction.
#[tracing::instrument(skip_all)]
pub async fn remind_unanswered_questions(state: &AppState) -> AppResult<usize> {
    let base = state.public_url("/manage/calls/");
    state
        .write(
            &Actor::system("reminders"),
            Permission::Anyone,
            Lock::Nothing,
            move |tx| {
                let now = tx.now;
                let today = tx.today();
                let mut sent = 0;
                for (row, unanswered) in q::published_with_unanswered(tx.conn)? {
                    let call = Call::from_row(row)?;
                    let Some(deadline) = call.row.deadline else {
                        continue;
                    };
                    let due = crate::domain::calls::answer_deadline(deadline, &call.params);
                    if crate::domain::time::Deadline::at(deadline).has_passed(now)
                        || due - now > Duration::days(ANSWER_REMINDER_DAYS)
                    {
                        continue;
                    }
                    if !q::claim_reminder(tx.conn, &call.row.id, "clarifications_due", today, now)?
                    {
                        continue;
                    }
                    let link = format!("{base}{}#clarifications", call.row.id);
                    let when = crate::clock::format_local(due);
                    let staff = q::delegation_staff(tx.conn)?;
                    sent += tx.mail_each(&staff, MailKind::ClarificationsDue, |lang| {
                        vec![
                            ("call", call.label_in(lang)),
                            ("count", unanswered.to_string()),
                            ("when", when.clone()),
                            ("link", link.clone()),
                        ]
                    })?;
                    tx.audit(
                        "clarifications.reminder_sent",
                        Some(("call", &call.row.id)),
                        json!({"unanswered": unanswered, "recipients": staff.len()}),
                    )?;
                }
                if sent == 0 {
                    tx.nothing_changed();
                }
                Ok(sent)
            },
        )
        .await
}
