//! The evaluation pages: the committee of a call (Delegation), a member's own space
//! (declaration, assignments, score sheets) and the chair's board (assignment,
//! divergence, ranking, shortlist, selection with a what-if envelope).

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::full_application::Pairs;
use super::page::Page;
use crate::domain::access::{Action, CommitteeRole};
use crate::domain::evaluation::{
    scored_sections, AssignmentStatus, EvaluationStage, ScoreSheet, SectionSheet,
};
use crate::domain::money::Money;
use crate::domain::selection::Placement;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::services::evaluation as service;
use crate::views::format;

pub use crate::views::format::points;

fn stage_of(s: Option<&str>) -> EvaluationStage {
    s.and_then(EvaluationStage::parse)
        .unwrap_or(EvaluationStage::Concept)
}

// ---------------------------------------------------------------------------------
// The committee (Delegation)
// ---------------------------------------------------------------------------------

#[derive(Serialize)]
struct MemberView {
    id: String,
    name: String,
    email: String,
    role: String,
    code: String,
    signed: Option<String>,
}

pub async fn committee(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render_committee(page, path.into_inner(), &[], None).await
}

async fn render_committee(
    page: Page,
    call_id: String,
    errors: &[crate::domain::FieldError],
    typed: Option<(String, String)>,
) -> AppResult<HttpResponse> {
    let c = service::committee(&page.state, &page.actor(), call_id).await?;
    let lang = page.lang();
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &c.call.row.id);
    ctx.insert("reference", &c.call.row.reference);
    ctx.insert("call_title", &c.call.label_in(lang));
    ctx.insert(
        "members",
        &c.members
            .iter()
            .map(|m| MemberView {
                id: m.row.id.clone(),
                name: m.name.clone(),
                email: m.email.clone(),
                role: t(lang, &format!("committee-role-{}", m.row.role)),
                code: format!("A{}", m.row.seq),
                signed: m.signed_at.map(|at| format::instant_long(lang, at)),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "problems",
        &c.problems.iter().map(|k| t(lang, k)).collect::<Vec<_>>(),
    );
    ctx.insert(
        "roles",
        &CommitteeRole::ALL
            .iter()
            .map(|r| {
                (
                    r.as_str(),
                    t(lang, &format!("committee-role-{}", r.as_str())),
                )
            })
            .collect::<Vec<_>>(),
    );
    let (email, role) = typed.unwrap_or_default();
    ctx.insert("typed_email", &email);
    ctx.insert("typed_role", &role);
    ctx.insert(
        "may_manage",
        &page.actor().require(Action::ManageCommittee).is_ok(),
    );
    page.show_errors(&mut ctx, errors);
    page.render_status(
        if errors.is_empty() {
            actix_web::http::StatusCode::OK
        } else {
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
        },
        "evaluation/committee.html",
        ctx,
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub async fn add_member(
    page: Page,
    path: web::Path<String>,
    form: web::Form<MemberForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let f = form.into_inner();
    match service::add_member(
        &page.state,
        &page.actor(),
        call_id.clone(),
        f.email.clone(),
        f.role.clone(),
    )
    .await
    {
        Ok(()) => Ok(page.flash_redirect(
            "success",
            "flash-committee-member-added",
            &format!("/manage/calls/{call_id}/committee"),
        )),
        Err(AppError::Validation(errors)) => {
            render_committee(page, call_id, &errors, Some((f.email, f.role))).await
        }
        Err(e) => Err(e),
    }
}

pub async fn remove_member(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, member_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}/committee");
    match service::remove_member(&page.state, &page.actor(), call_id, member_id).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-committee-member-removed", &back)),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------
// A member's own space
// ---------------------------------------------------------------------------------

#[derive(Serialize)]
struct SeatView {
    id: String,
    reference: String,
    title: String,
    role: String,
    signed: bool,
}

pub async fn index(page: Page) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let calls = service::my_calls(&page.state, &page.actor()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "seats",
        &calls
            .iter()
            .map(|(c, role, signed)| SeatView {
                id: c.row.id.clone(),
                reference: c.row.reference.clone(),
                title: c.label_in(lang),
                role: t(lang, &format!("committee-role-{}", role.as_str())),
                signed: *signed,
            })
            .collect::<Vec<_>>(),
    );
    page.render("evaluation/index.html", ctx)
}

#[derive(Serialize)]
struct MyAssignmentView {
    id: String,
    receipt: String,
    title: String,
    organisation: String,
    stage: String,
    status: String,
    status_key: String,
    total: Option<i64>,
}

pub async fn call(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let me = service::my_evaluation(&page.state, &page.actor(), path.into_inner()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &me.call.row.id);
    ctx.insert("reference", &me.call.row.reference);
    ctx.insert("call_title", &me.call.label_in(lang));
    ctx.insert(
        "seat",
        &t(lang, &format!("committee-role-{}", me.seat.as_str())),
    );
    ctx.insert("sees_board", &me.seat.sees_all_scores());
    ctx.insert("is_chair", &(me.seat == CommitteeRole::Chair));
    ctx.insert(
        "declaration_text",
        &service::declaration_text(lang, &me.call),
    );
    ctx.insert(
        "signed",
        &me.declaration
            .as_ref()
            .map(|d| format::instant_long(lang, d.signed_at)),
    );
    ctx.insert(
        "signed_version",
        &me.declaration.as_ref().map(|d| d.version.clone()),
    );
    ctx.insert(
        "assignments",
        &me.assignments
            .iter()
            .map(|(a, app)| MyAssignmentView {
                id: a.id.clone(),
                receipt: app.receipt.clone(),
                title: app.title.clone(),
                organisation: app.organisation.clone(),
                stage: t(lang, &format!("evaluation-stage-{}", a.stage)),
                status: t(lang, &format!("assignment-status-{}", a.status)),
                status_key: a.status.clone(),
                total: a.total,
            })
            .collect::<Vec<_>>(),
    );
    page.render("evaluation/call.html", ctx)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SignForm {
    /// Where to go back to (the application page of Delegation staff who had to sign).
    #[serde(default)]
    next: String,
}

pub async fn sign(
    page: Page,
    path: web::Path<String>,
    form: web::Form<SignForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let lang = page.lang();
    service::sign_declaration(&page.state, &page.actor(), call_id.clone(), lang).await?;
    let back = crate::web::guard::safe_next(&form.next)
        .unwrap_or_else(|| format!("/evaluation/calls/{call_id}"));
    Ok(page.flash_redirect("success", "flash-declaration-signed", &back))
}

// ---------------------------------------------------------------------------------
// One assignment: the application, the conflict question, the score sheet
// ---------------------------------------------------------------------------------

#[derive(Serialize)]
struct CriterionView {
    code: String,
    title: crate::views::Shown,
    weight: i64,
    value: Option<i64>,
    field: String,
}

#[derive(Serialize)]
struct SectionView {
    code: String,
    title: crate::views::Shown,
    max: i64,
    criteria: Vec<CriterionView>,
    comment: String,
    field: String,
    points: i64,
}

pub async fn assignment(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render_assignment(page, path.into_inner(), &[], None).await
}

async fn render_assignment(
    page: Page,
    id: String,
    errors: &[crate::domain::FieldError],
    typed: Option<ScoreSheet>,
) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let v = service::assignment_view(&page.state, &page.actor(), id).await?;
    let status = AssignmentStatus::parse(&v.row.status).unwrap_or(AssignmentStatus::Pending);
    let mut ctx = tera::Context::new();
    ctx.insert("id", &v.row.id);
    ctx.insert("call_id", &v.call.row.id);
    ctx.insert("reference", &v.call.row.reference);
    ctx.insert(
        "receipt",
        &v.application.receipt_number.clone().unwrap_or_default(),
    );
    ctx.insert("title", &v.application.title);
    ctx.insert("organisation", &v.organisation);
    ctx.insert(
        "stage",
        &t(lang, &format!("evaluation-stage-{}", v.stage.as_str())),
    );
    ctx.insert("status", &status.as_str());
    ctx.insert(
        "status_words",
        &t(lang, &format!("assignment-status-{}", status.as_str())),
    );
    ctx.insert(
        "code",
        &service::assessor_code(&v.members, &v.row.assessor_id),
    );
    let readable = matches!(
        status,
        AssignmentStatus::Accepted | AssignmentStatus::Submitted
    );
    ctx.insert("readable", &readable);
    ctx.insert(
        "file_base",
        &format!("/evaluation/assignments/{}/files/", v.row.id),
    );
    if readable {
        if let Some(s) = &v.submission {
            super::staff_applications::insert_content(&mut ctx, lang, &s.content);
            ctx.insert("submission_sha256", &s.content_sha256);
        }
        let months = v.application.duration_months.unwrap_or(0).clamp(0, 48);
        ctx.insert("months", &(1..=months).collect::<Vec<_>>());
        // The full stage shows the full application; the concept stage the note alone.
        if v.stage == EvaluationStage::Concept {
            ctx.remove("full");
        }
    }
    let sheet = typed.unwrap_or_else(|| v.sheet.clone());
    let grid = match v.stage {
        EvaluationStage::Concept => &v.call.concept_grid,
        EvaluationStage::Full => &v.call.full_grid,
    };
    let sections: Vec<SectionView> = scored_sections(grid)
        .map(|s| {
            let given = sheet.sections.get(&s.code);
            SectionView {
                code: s.code.clone(),
                title: crate::views::Shown::new(s.title_view(), lang),
                max: s.max_score(),
                field: format!("comment-{}", s.code),
                comment: given.map(|g| g.comment.clone()).unwrap_or_default(),
                points: crate::domain::evaluation::section_points(s, &sheet),
                criteria: s
                    .criteria
                    .iter()
                    .map(|c| CriterionView {
                        code: c.code.clone(),
                        title: crate::views::Shown::new(c.title_view(), lang),
                        weight: c.weight,
                        value: given.and_then(|g| g.scores.get(&c.code)).copied(),
                        field: format!("score-{}", c.code),
                    })
                    .collect(),
            }
        })
        .collect();
    ctx.insert("sections", &sections);
    ctx.insert(
        "carried",
        &grid
            .sections
            .iter()
            .filter(|s| s.carried_over)
            .map(|s| s.title_view().for_reader(lang).0.to_string())
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "sheet_total",
        &crate::domain::evaluation::sheet_total(grid, &sheet),
    );
    ctx.insert(
        "sheet_max",
        &scored_sections(grid).map(|s| s.max_score()).sum::<i64>(),
    );
    ctx.insert(
        "complete",
        &crate::domain::evaluation::sheet_problems(grid, &sheet, true).is_empty(),
    );
    ctx.insert(
        "saved",
        &v.row.saved_at.map(|at| format::instant_long(lang, at)),
    );
    ctx.insert("others", &v.others);
    ctx.insert(
        "scale",
        &(1..=5)
            .map(|i| (i, t(lang, &format!("score-scale-{i}"))))
            .collect::<Vec<_>>(),
    );
    page.show_errors(&mut ctx, errors);
    page.render_status(
        if errors.is_empty() {
            actix_web::http::StatusCode::OK
        } else {
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
        },
        "evaluation/assignment.html",
        ctx,
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    note: String,
}

pub async fn answer_conflict(
    page: Page,
    path: web::Path<String>,
    form: web::Form<ConflictForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let f = form.into_inner();
    let back = format!("/evaluation/assignments/{id}");
    let has_conflict = match f.answer.as_str() {
        "conflict" => true,
        "none" => false,
        _ => {
            return render_assignment(
                page,
                id,
                &[crate::domain::FieldError::new(
                    "answer",
                    "error-conflict-answer-missing",
                )],
                None,
            )
            .await
        }
    };
    match service::answer_conflict(&page.state, &page.actor(), id.clone(), has_conflict, f.note)
        .await
    {
        Ok(()) if has_conflict => {
            Ok(page.flash_redirect("success", "flash-conflict-declared", "/evaluation"))
        }
        Ok(()) => Ok(page.flash_redirect("success", "flash-no-conflict", &back)),
        Err(AppError::Validation(errors)) => render_assignment(page, id, &errors, None).await,
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// The sheet as typed: `score-<criterion>` and `comment-<section>` for every scored
/// section of the grid (anything else is ignored; a non-number is out of range).
fn typed_sheet(pairs: &Pairs, grid: &crate::domain::grids::Grid) -> ScoreSheet {
    let mut sheet = ScoreSheet::default();
    for s in scored_sections(grid) {
        let mut section = SectionSheet {
            comment: pairs
                .get(&format!("comment-{}", s.code))
                .chars()
                .take(crate::domain::evaluation::MAX_COMMENT_CHARS + 1)
                .collect(),
            ..SectionSheet::default()
        };
        for c in &s.criteria {
            let raw = pairs.get(&format!("score-{}", c.code));
            let raw = raw.trim();
            if !raw.is_empty() {
                section
                    .scores
                    .insert(c.code.clone(), raw.parse::<i64>().unwrap_or(0));
            }
        }
        sheet.sections.insert(s.code.clone(), section);
    }
    sheet
}

pub async fn save_sheet(
    page: Page,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let pairs = Pairs::new(form.into_inner());
    let v = service::assignment_view(&page.state, &page.actor(), id.clone()).await?;
    let grid = match v.stage {
        EvaluationStage::Concept => v.call.concept_grid.clone(),
        EvaluationStage::Full => v.call.full_grid.clone(),
    };
    let sheet = typed_sheet(&pairs, &grid);
    let back = format!("/evaluation/assignments/{id}");
    match service::save_sheet(
        &page.state,
        &page.actor(),
        id.clone(),
        Some(sheet.clone()),
        false,
    )
    .await
    {
        Ok(()) => {
            Ok(page.flash_redirect("success", "flash-sheet-saved", &format!("{back}#submit")))
        }
        Err(AppError::Validation(errors)) => {
            render_assignment(page, id, &errors, Some(sheet)).await
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// Submits the saved sheet (the page shows its totals first: the confirmation step).
pub async fn submit_sheet(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let back = format!("/evaluation/assignments/{id}");
    match service::save_sheet(&page.state, &page.actor(), id.clone(), None, true).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-sheet-submitted", &back)),
        Err(AppError::Validation(errors)) => render_assignment(page, id, &errors, None).await,
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// A file named by the submission the assessor reads.
pub async fn assignment_file(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let f = service::assignment_file(&page.state, &page.actor(), id, file_id).await?;
    super::annexes::file_response(&page.state, &f).await
}

// ---------------------------------------------------------------------------------
// The chair's board
// ---------------------------------------------------------------------------------

#[derive(Serialize)]
struct SheetCell {
    id: String,
    code: String,
    name: String,
    status_key: String,
    status: String,
    total: Option<i64>,
    origin: String,
    may_replace: bool,
}

#[derive(Serialize)]
struct DocumentView {
    code: String,
    label: String,
    file_id: Option<String>,
}

#[derive(Serialize)]
struct SupportingView {
    documents: Vec<DocumentView>,
    complete: bool,
    passed: Option<bool>,
    note: Option<String>,
}

#[derive(Serialize)]
struct BoardRowView {
    id: String,
    receipt: String,
    title: String,
    organisation: String,
    requested: String,
    progress_key: String,
    progress: String,
    sheets: Vec<SheetCell>,
    total: Option<String>,
    sections: Vec<String>,
    divergent: bool,
    resolution: Option<String>,
    may_resolve: bool,
    failure: Option<String>,
    rank: Option<usize>,
    placement: Option<String>,
    shortlisted: bool,
    tied: bool,
    rejection: Option<String>,
    supporting: Option<SupportingView>,
}

#[derive(Serialize)]
struct LotView {
    id: String,
    number: i32,
    title: String,
    envelope: String,
    envelope_euros: String,
    own_envelope: String,
    what_if: bool,
    selected: String,
    left: String,
    pending: usize,
    rows: Vec<BoardRowView>,
}

pub async fn board(
    page: Page,
    path: web::Path<String>,
    query: web::Query<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let call_id = path.into_inner();
    let q = query.into_inner();
    let stage = stage_of(
        q.iter()
            .find(|(k, _)| k == "stage")
            .map(|(_, v)| v.as_str()),
    );
    // What-if envelopes: `envelope-<lot id>` in euros (invalid figures are ignored).
    let what_if: HashMap<String, i64> = q
        .iter()
        .filter_map(|(k, v)| {
            let lot = k.strip_prefix("envelope-")?;
            let euros = Money::parse(v.trim()).ok()?;
            Some((lot.to_string(), euros.cents()))
        })
        .collect();
    let b = service::board(&page.state, &page.actor(), call_id, stage, what_if).await?;
    let is_chair = b.my_seat == Some(CommitteeRole::Chair);
    let may_check_documents = b.my_seat.is_some_and(CommitteeRole::sees_all_scores);
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &b.call.row.id);
    ctx.insert("reference", &b.call.row.reference);
    ctx.insert("call_title", &b.call.label_in(lang));
    ctx.insert("stage", &b.stage.as_str());
    ctx.insert(
        "stage_words",
        &t(lang, &format!("evaluation-stage-{}", b.stage.as_str())),
    );
    ctx.insert("open", &b.open);
    ctx.insert("is_chair", &is_chair);
    ctx.insert("may_check_documents", &may_check_documents);
    ctx.insert(
        "problems",
        &b.problems.iter().map(|k| t(lang, k)).collect::<Vec<_>>(),
    );
    ctx.insert("restricted", &(b.call.call_type.as_str() == "restricted"));
    let grid = match b.stage {
        EvaluationStage::Concept => &b.call.concept_grid,
        EvaluationStage::Full => &b.call.full_grid,
    };
    ctx.insert(
        "section_heads",
        &grid
            .sections
            .iter()
            .map(|s| format!("{} ({})", s.code, s.max_score()))
            .collect::<Vec<_>>(),
    );
    ctx.insert("columns", &(grid.sections.len() + 6));
    // CFP-02: the invitation's deadline offered is the shortest allowed from now.
    let offered = page.state.clock.now()
        + chrono::Duration::days(b.call.params.invitation_min_days)
        + chrono::Duration::hours(1);
    ctx.insert(
        "invite_deadline",
        &crate::domain::time::to_local(offered)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    );
    let scorers: Vec<(String, String)> = b
        .members
        .iter()
        .filter(|m| m.removed_at.is_none())
        .filter(|m| CommitteeRole::parse(&m.role).is_some_and(CommitteeRole::scores))
        .map(|m| {
            (
                m.user_id.clone(),
                format!(
                    "A{} · {}",
                    m.seq,
                    b.names.get(&m.user_id).cloned().unwrap_or_default()
                ),
            )
        })
        .collect();
    ctx.insert("scorers", &scorers);
    let lots: Vec<LotView> = b
        .lots
        .iter()
        .map(|l| LotView {
            id: l.lot.id.clone(),
            number: l.lot.number,
            title: l.lot.title.clone(),
            envelope: format::money(lang, Money::from_cents(l.envelope_cents)),
            envelope_euros: Money::from_cents(l.envelope_cents).format_input(),
            own_envelope: format::money(lang, Money::from_cents(l.lot.envelope_cents)),
            what_if: l.what_if,
            selected: format::money(lang, Money::from_cents(l.selected_cents)),
            left: format::money(lang, Money::from_cents(l.envelope_cents - l.selected_cents)),
            pending: l.pending,
            rows: l
                .rows
                .iter()
                .map(|r| BoardRowView {
                    id: r.app.id.clone(),
                    receipt: r.app.receipt.clone(),
                    title: r.app.title.clone(),
                    organisation: r.app.organisation.clone(),
                    requested: format::money(lang, Money::from_cents(r.app.requested_cents)),
                    progress_key: format!("{:?}", r.progress).to_lowercase(),
                    progress: t(
                        lang,
                        &format!(
                            "evaluation-progress-{}",
                            format!("{:?}", r.progress).to_lowercase()
                        ),
                    ),
                    sheets: r
                        .assignments
                        .iter()
                        .map(|a| SheetCell {
                            id: a.id.clone(),
                            code: b.code_of(&a.assessor_id),
                            name: b.names.get(&a.assessor_id).cloned().unwrap_or_default(),
                            status_key: a.status.clone(),
                            status: t(lang, &format!("assignment-status-{}", a.status)),
                            total: a.total,
                            origin: t(lang, &format!("assignment-origin-{}", a.origin)),
                            may_replace: is_chair
                                && matches!(
                                    a.status.as_str(),
                                    "pending" | "accepted" | "conflicted"
                                )
                                && !r
                                    .assignments
                                    .iter()
                                    .any(|x| x.replaces_id.as_deref() == Some(a.id.as_str())),
                        })
                        .collect(),
                    total: r
                        .result
                        .as_ref()
                        .filter(|_| r.progress == service::Progress::Scored)
                        .map(|x| points(lang, x.total)),
                    sections: r
                        .result
                        .as_ref()
                        .filter(|_| r.progress == service::Progress::Scored)
                        .map(|x| x.sections.iter().map(|(_, p)| points(lang, *p)).collect())
                        .unwrap_or_default(),
                    divergent: r.divergent,
                    resolution: r.resolution.as_ref().map(|x| x.note.clone()),
                    may_resolve: is_chair && r.progress == service::Progress::Divergent,
                    failure: r.failure.map(|f| t(lang, f.message_key())),
                    rank: r.rank,
                    placement: r.placement.map(|p| {
                        t(
                            lang,
                            match p {
                                Placement::Selected => "placement-selected",
                                Placement::Reserve => "placement-reserve",
                            },
                        )
                    }),
                    shortlisted: r.shortlisted,
                    tied: r.tied_with_next,
                    supporting: r.supporting.as_ref().map(|sr| {
                        let documents: Vec<DocumentView> = sr
                            .codes()
                            .into_iter()
                            .map(|code| DocumentView {
                                label: t(lang, &format!("supporting-{}", code.replace('_', "-"))),
                                file_id: r
                                    .supporting_given
                                    .iter()
                                    .find(|(c, _)| *c == code)
                                    .map(|(_, f)| f.clone()),
                                code,
                            })
                            .collect();
                        SupportingView {
                            complete: documents.iter().all(|d| d.file_id.is_some()),
                            documents,
                            passed: sr.passed,
                            note: sr.note.clone(),
                        }
                    }),
                    rejection: r.app.rejection_reason.as_ref().map(|reason| {
                        reason
                            .split(',')
                            .map(|i| t(lang, &format!("check-item-{i}")))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }),
                })
                .collect(),
        })
        .collect();
    ctx.insert("lots", &lots);
    page.render("evaluation/board.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageForm {
    #[serde(default)]
    stage: String,
}

fn board_link(call_id: &str, stage: EvaluationStage) -> String {
    format!("/evaluation/calls/{call_id}/board?stage={}", stage.as_str())
}

pub async fn assign_automatically(
    page: Page,
    path: web::Path<String>,
    form: web::Form<StageForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let stage = stage_of(Some(&form.stage));
    let back = board_link(&call_id, stage);
    match service::assign_automatically(&page.state, &page.actor(), call_id, stage).await {
        Ok(done) => {
            page.flash_args(
                "success",
                "flash-assigned",
                &[("count", done.assigned.to_string())],
            );
            if !done.short.is_empty() {
                page.flash_args(
                    "error",
                    "flash-assign-short",
                    &[("numbers", done.short.join(", "))],
                );
            }
            Ok(page.redirect(&back))
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignOneForm {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    application: String,
    #[serde(default)]
    assessor: String,
}

pub async fn assign_one(
    page: Page,
    path: web::Path<String>,
    form: web::Form<AssignOneForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let f = form.into_inner();
    let stage = stage_of(Some(&f.stage));
    let back = format!("{}#app-{}", board_link(&call_id, stage), f.application);
    match service::assign_manually(
        &page.state,
        &page.actor(),
        call_id,
        stage,
        f.application,
        f.assessor,
    )
    .await
    {
        Ok(()) => Ok(page.flash_redirect("success", "flash-assigned-one", &back)),
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors.first().map_or("error-assign-not-scorer", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplaceForm {
    #[serde(default)]
    assessor: String,
}

pub async fn replace(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<ReplaceForm>,
) -> AppResult<HttpResponse> {
    let (call_id, assignment_id) = path.into_inner();
    let chosen = Some(form.into_inner().assessor).filter(|a| !a.trim().is_empty());
    let back = format!("/evaluation/calls/{call_id}/board");
    match service::replace_assessor(&page.state, &page.actor(), call_id, assignment_id, chosen)
        .await
    {
        Ok(()) => Ok(page.flash_redirect("success", "flash-assessor-replaced", &back)),
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors.first().map_or("error-assign-not-scorer", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolveForm {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    application: String,
    #[serde(default)]
    note: String,
}

pub async fn resolve(
    page: Page,
    path: web::Path<String>,
    form: web::Form<ResolveForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let f = form.into_inner();
    let stage = stage_of(Some(&f.stage));
    let back = format!("{}#app-{}", board_link(&call_id, stage), f.application);
    match service::resolve_divergence(
        &page.state,
        &page.actor(),
        call_id,
        f.application,
        stage,
        f.note,
    )
    .await
    {
        Ok(()) => Ok(page.flash_redirect("success", "flash-divergence-resolved", &back)),
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors
                .first()
                .map_or("error-resolution-note-missing", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteForm {
    #[serde(default)]
    full_deadline: String,
}

/// GRD-03: the chair invites the shortlisted concept notes (CFP-02 deadline).
pub async fn invite_shortlisted(
    page: Page,
    path: web::Path<String>,
    form: web::Form<InviteForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = board_link(&call_id, EvaluationStage::Concept);
    let Some(deadline) = super::calls::parse_local_datetime(&form.full_deadline) else {
        return Ok(page.flash_redirect("error", "error-invite-deadline-missing", &back));
    };
    match service::invite_shortlisted(&page.state, &page.actor(), call_id, deadline).await {
        Ok(n) => {
            page.flash_args("success", "flash-invited", &[("count", n.to_string())]);
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors
                .first()
                .map_or("error-invite-deadline-too-soon", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// SEL-02: the chair asks the selected and reserve applicants for their documents.
pub async fn request_supporting(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = board_link(&call_id, EvaluationStage::Full);
    match crate::services::supporting::request(&page.state, &page.actor(), call_id).await {
        Ok(n) => {
            page.flash_args(
                "success",
                "flash-supporting-requested",
                &[("count", n.to_string())],
            );
            Ok(page.redirect(&back))
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportingCheckForm {
    #[serde(default)]
    result: String,
    #[serde(default)]
    note: String,
}

/// SEL-02: the secretary records the check of one application's documents.
pub async fn check_supporting(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<SupportingCheckForm>,
) -> AppResult<HttpResponse> {
    let (call_id, application) = path.into_inner();
    let f = form.into_inner();
    let back = format!(
        "{}#app-{application}",
        board_link(&call_id, EvaluationStage::Full)
    );
    let passed = match f.result.as_str() {
        "passed" => true,
        "failed" => false,
        _ => return Ok(page.flash_redirect("error", "error-supporting-result-missing", &back)),
    };
    match crate::services::supporting::record_check(
        &page.state,
        &page.actor(),
        application,
        passed,
        f.note,
    )
    .await
    {
        Ok(moved) if moved.is_empty() => {
            Ok(page.flash_redirect("success", "flash-supporting-checked", &back))
        }
        Ok(moved) => {
            page.flash_args(
                "success",
                "flash-supporting-moved-up",
                &[("numbers", moved.join(", "))],
            );
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors
                .first()
                .map_or("error-supporting-note-missing", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// A supporting document, for the committee's secretary and chair (and the auditor).
pub async fn supporting_file(
    page: Page,
    path: web::Path<(String, String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, application, file_id) = path.into_inner();
    let f = crate::services::supporting::file_for_committee(
        &page.state,
        &page.actor(),
        call_id,
        application,
        file_id,
    )
    .await?;
    super::annexes::file_response(&page.state, &f).await
}
