//! Applications: starting one from a call's page, and writing its concept note.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::Page;
use crate::domain::applications::{concept_note_editable, count_words, Stage, CONCEPT_SECTIONS};
use crate::domain::money::Money;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::applications::{self as service, ConceptNoteInput};
use crate::views::format;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    lot_id: String,
}

/// Starts an application from the call page; when the organisation may not apply, the
/// call page says why, next to the form.
pub async fn start(
    page: Page,
    path: web::Path<String>,
    form: web::Form<StartForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let form = form.into_inner();
    let back = format!("/calls/{call_id}#apply");
    match service::start(
        &page.state,
        &page.actor(),
        call_id,
        form.lot_id,
        form.organisation_id,
    )
    .await?
    {
        Ok(id) => {
            page.flash("success", "flash-application-started");
            Ok(page.redirect(&format!("/applications/{id}")))
        }
        Err(service::NotEligible(reasons)) => {
            for reason in reasons {
                page.flash_near("error", reason, &[], "apply");
            }
            Ok(page.redirect(&back))
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptNoteForm {
    #[serde(default)]
    version: i32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    relevance: String,
    #[serde(default)]
    design: String,
    #[serde(default)]
    eu_contribution: String,
    #[serde(default)]
    duration_months: String,
    /// CFP-04: present when the form asked where the action takes place.
    #[serde(default)]
    action_locations_asked: Option<String>,
    #[serde(default)]
    action_mangystau: Option<String>,
    #[serde(default)]
    action_kyzylorda: Option<String>,
    #[serde(default)]
    action_east_kazakhstan: Option<String>,
}

impl ConceptNoteForm {
    fn of(row: &crate::db::applications::ApplicationRow) -> ConceptNoteForm {
        ConceptNoteForm {
            version: row.version,
            title: row.title.clone(),
            relevance: row.relevance.clone(),
            design: row.design.clone(),
            eu_contribution: row
                .eu_contribution_cents
                .map(|c| Money::from_cents(c).format_input())
                .unwrap_or_default(),
            duration_months: row
                .duration_months
                .map(|m| m.to_string())
                .unwrap_or_default(),
            action_locations_asked: Some("yes".into()),
            action_mangystau: chosen(row, "mangystau"),
            action_kyzylorda: chosen(row, "kyzylorda"),
            action_east_kazakhstan: chosen(row, "east_kazakhstan"),
        }
    }

    /// The oblasts ticked, when the form asked.
    fn action_locations(&self) -> Option<Vec<String>> {
        self.action_locations_asked.as_ref()?;
        Some(
            [
                ("mangystau", &self.action_mangystau),
                ("kyzylorda", &self.action_kyzylorda),
                ("east_kazakhstan", &self.action_east_kazakhstan),
            ]
            .into_iter()
            .filter(|(_, ticked)| ticked.is_some())
            .map(|(code, _)| code.to_string())
            .collect(),
        )
    }

    fn input(&self) -> Result<ConceptNoteInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let eu_contribution = match self.eu_contribution.trim() {
            "" => None,
            v => Money::parse(v)
                .map_err(|_| {
                    errors.push(FieldError::new("eu_contribution", "error-amount-invalid"))
                })
                .ok(),
        };
        let duration_months = match self.duration_months.trim() {
            "" => None,
            v => v
                .parse()
                .map_err(|_| {
                    errors.push(FieldError::new("duration_months", "error-number-invalid"))
                })
                .ok(),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ConceptNoteInput {
            title: self.title.clone(),
            relevance: self.relevance.clone(),
            design: self.design.clone(),
            eu_contribution,
            duration_months,
            action_locations: self.action_locations(),
        })
    }
}

fn chosen(row: &crate::db::applications::ApplicationRow, code: &str) -> Option<String> {
    crate::domain::applications::parse_action_locations(&row.action_locations)
        .contains(&code)
        .then(|| "on".to_string())
}

#[derive(Serialize)]
struct SectionView {
    name: &'static str,
    limit: usize,
    words: usize,
    over: bool,
}

async fn render(
    page: &Page,
    id: String,
    status: StatusCode,
    form: Option<&ConceptNoteForm>,
    errors: &[FieldError],
    theirs: Option<&crate::db::applications::ApplicationRow>,
) -> AppResult<HttpResponse> {
    let d = service::detail(&page.state, &page.actor(), id).await?;
    let lang = page.lang();
    let stored = ConceptNoteForm::of(&d.row);
    let mut shown = form.cloned().unwrap_or_else(|| stored.clone());
    // After a conflict the form carries the stored version number, so that saving
    // again (after comparing) is a deliberate choice.
    if theirs.is_some() {
        shown.version = d.row.version;
    }
    let text_of = |name: &str| match name {
        "relevance" => shown.relevance.as_str(),
        _ => shown.design.as_str(),
    };
    let sections: Vec<SectionView> = CONCEPT_SECTIONS
        .iter()
        .map(|(name, limit)| {
            let words = count_words(text_of(name));
            SectionView {
                name,
                limit: *limit,
                words,
                over: words > *limit,
            }
        })
        .collect();
    let mut ctx = tera::Context::new();
    header_context(page, &mut ctx, &d);
    ctx.insert("f", &shown);
    ctx.insert("sections", &sections);
    let concept_editable = concept_note_editable(Stage::parse(&d.row.stage), d.call.call_type);
    ctx.insert(
        "may_edit",
        &(ctx_bool(&ctx, "may_change") && concept_editable),
    );
    ctx.insert("concept_kept", &!concept_editable);
    let lot = crate::services::calls::lot_terms(&d.lot);
    ctx.insert("grant_min", &format::money(lang, lot.min_grant));
    ctx.insert("grant_max", &format::money(lang, lot.max_grant));
    ctx.insert("months_min", &lot.min_duration_months);
    ctx.insert("months_max", &lot.max_duration_months);
    // CFP-04: a lot limited to some oblasts asks where the action takes place.
    let chosen = crate::domain::applications::parse_action_locations(&d.row.action_locations);
    let choices: Vec<(String, String, bool)> = if lot.locations.iter().any(|l| l == "national") {
        Vec::new()
    } else {
        lot.locations
            .iter()
            .map(|code| {
                (
                    code.clone(),
                    crate::i18n::t(lang, &format!("location-{code}")),
                    chosen.contains(&code.as_str()),
                )
            })
            .collect()
    };
    ctx.insert("action_choices", &choices);
    ctx.insert(
        "action_words",
        &chosen
            .iter()
            .map(|c| crate::i18n::t(lang, &format!("location-{c}")))
            .collect::<Vec<_>>()
            .join(", "),
    );
    ctx.insert("saved_at", &format::instant_long(lang, d.row.updated_at));
    if d.row.stage == "full" {
        let full =
            crate::domain::full_application::FullApplication::from_json(&d.row.full_application);
        let (states, _) = super::full_application::section_states(&d, &full);
        ctx.insert("full_sections", &states);
    }
    let partners =
        crate::services::partners::partners(&page.state, &page.actor(), d.row.id.clone()).await?;
    ctx.insert("partners", &super::partners::views(partners));
    let annexes =
        crate::services::annexes::annexes(&page.state, &page.actor(), d.row.id.clone()).await?;
    ctx.insert("annexes", &super::annexes::views(&annexes));
    ctx.insert("annex_max", &crate::services::annexes::MAX_ANNEXES);
    // SEL-02: the supporting documents asked for, once the committee asks.
    if let Some((request, files)) =
        crate::services::supporting::for_applicant(&page.state, &page.actor(), d.row.id.clone())
            .await?
    {
        let lang = page.lang();
        let docs: Vec<serde_json::Value> = request
            .codes()
            .into_iter()
            .map(|code| {
                let file = files.iter().find(|f| f.title == code);
                serde_json::json!({
                    "code": code,
                    "label": crate::i18n::t(lang, &format!("supporting-{}", code.replace('_', "-"))),
                    "file_id": file.map(|f| f.id.clone()),
                    "file_name": file.map(|f| f.file_name.clone()),
                    "version": file.map(|f| f.version),
                })
            })
            .collect();
        ctx.insert("supporting_docs", &docs);
        ctx.insert("supporting_open", &request.passed.is_none());
        ctx.insert("supporting_passed", &request.passed);
        ctx.insert(
            "supporting_asked",
            &crate::views::format::instant_long(lang, request.requested_at),
        );
    }
    ctx.insert(
        "annex_size",
        &format::file_size(crate::domain::attachments::Purpose::Annex.max_bytes() as i64),
    );
    ctx.insert(
        "partner_roles",
        &crate::domain::partners::PartnerRole::ALL
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>(),
    );
    let submissions = service::submissions(&page.state, &page.actor(), d.row.id.clone()).await?;
    ctx.insert(
        "submissions",
        &submissions
            .iter()
            .map(|s| SubmissionView {
                id: s.id.clone(),
                number: s.receipt_number.clone(),
                no: s.submission_no,
                stage: s.stage.clone(),
                at: format::instant_long(lang, s.submitted_at),
                sha256: s.content_sha256.clone(),
                counts: Some(s.id.as_str())
                    == submissions
                        .iter()
                        .find(|x| x.stage == d.row.stage)
                        .map(|x| x.id.as_str()),
            })
            .collect::<Vec<_>>(),
    );
    if let Some(t) = theirs {
        ctx.insert("theirs", &ConceptNoteForm::of(t));
    }
    // Problems of the full application's sections link to their pages; the concept
    // note's are shown at its fields.
    let (full_problems, own): (Vec<&FieldError>, Vec<&FieldError>) =
        errors.iter().partition(|e| e.field.contains('.'));
    let rules = super::full_application::rule_texts(lang, &d);
    let links: Vec<ProblemLink> = full_problems
        .iter()
        .filter_map(|e| {
            let (section, field) = e.field.split_once('.')?;
            Some(ProblemLink {
                section: crate::i18n::t(lang, &format!("full-section-{section}")),
                href: format!("/applications/{}/full/{section}#{field}", d.row.id),
                text: rules.get(e.code).cloned().unwrap_or_else(|| {
                    crate::i18n::field_message_args(lang, e.code, field, &e.args)
                }),
            })
        })
        .collect();
    ctx.insert("submit_problems", &links);
    let own: Vec<FieldError> = own.into_iter().cloned().collect();
    page.show_errors(&mut ctx, &own);
    page.render_status(status, "applications/show.html", ctx)
}

/// A problem of the full application that stops the submission, with a link to it.
#[derive(Serialize)]
struct ProblemLink {
    section: String,
    href: String,
    text: String,
}

/// One submission in the application's history.
#[derive(Serialize)]
struct SubmissionView {
    id: String,
    number: String,
    no: i32,
    stage: String,
    at: String,
    sha256: String,
    /// The last one of the current stage: the one that counts.
    counts: bool,
}

fn ctx_bool(ctx: &tera::Context, key: &str) -> bool {
    ctx.get(key).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// What every page of an application shows at the top: organisation, call, lot, stage,
/// the deadline that applies and the time left (Almaty time), the status, and whether
/// the person may still change it.
pub fn header_context(page: &Page, ctx: &mut tera::Context, d: &service::ApplicationDetail) {
    let lang = page.lang();
    let now = page.state.clock.now();
    let deadline = service::deadline_for(&d.row, &d.call);
    let open = d.call.is_published() && crate::domain::time::in_time(now, deadline);
    ctx.insert("id", &d.row.id);
    ctx.insert("status", &d.row.status);
    ctx.insert("stage", &d.row.stage);
    ctx.insert("call_type", d.call.call_type.as_str());
    ctx.insert("organisation", &d.organisation);
    ctx.insert("call_id", &d.call.row.id);
    ctx.insert("call", &crate::views::Shown::new(d.call.title(), lang));
    ctx.insert("reference", &d.call.row.reference);
    ctx.insert("lot_number", &d.lot.number);
    ctx.insert(
        "lot_title",
        &crate::views::Shown::new(
            crate::domain::text::Translated {
                en: &d.lot.title,
                kk: &d.lot.title_kk,
                ru: &d.lot.title_ru,
            },
            lang,
        ),
    );
    ctx.insert("deadline", &deadline.map(|t| format::instant_long(lang, t)));
    ctx.insert(
        "time_left",
        &deadline
            .filter(|_| open)
            .map(|t| super::public_calls::time_left(lang, (t - now).num_seconds())),
    );
    ctx.insert("receipt_number", &d.row.receipt_number);
    ctx.insert("content_sha256", &d.row.content_sha256);
    ctx.insert(
        "submitted_at",
        &d.row.submitted_at.map(|t| format::instant_long(lang, t)),
    );
    ctx.insert(
        "unsubmitted_changes",
        &(d.row.status == "submitted" && d.row.submitted_version != Some(d.row.version)),
    );
    let may_change =
        d.my_role.may_edit() && matches!(d.row.status.as_str(), "draft" | "submitted") && open;
    ctx.insert("may_change", &may_change);
    // ADM-03: an invitation not taken up by its deadline lapses; the full stage's report
    // lists the application as not received and the applicant is told with the others.
    ctx.insert(
        "invitation_lapsed",
        &crate::domain::applications::invitation_lapsed(
            Stage::parse(&d.row.stage),
            &d.row.status,
            deadline,
            now,
        ),
    );
    ctx.insert(
        "may_withdraw",
        &(d.my_role.may_edit() && d.row.status != "withdrawn" && open),
    );
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render(&page, path.into_inner(), StatusCode::OK, None, &[], None).await
}

pub async fn save(
    page: Page,
    path: web::Path<String>,
    form: web::Form<ConceptNoteForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => {
            return render(
                &page,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(&form),
                &errors,
                None,
            )
            .await
        }
    };
    match service::save_concept_note(&page.state, &page.actor(), id.clone(), form.version, input)
        .await
    {
        Ok(Ok(())) => {
            page.flash_near("success", "flash-concept-note-saved", &[], "concept-note");
            // Kept as typed, but said now, not only at submission: an amount or a
            // duration outside the lot's range (APP-02, APP-03).
            let d = service::detail(&page.state, &page.actor(), id.clone()).await?;
            for e in service::range_warnings(&d) {
                page.flash_near("warn", e.code, &e.args, "concept-note");
            }
            Ok(page.redirect(&format!("/applications/{id}#concept-note")))
        }
        // Someone saved meanwhile: both versions side by side, nothing lost.
        Ok(Err(theirs)) => {
            page.flash_near(
                "error",
                "error-application-saved-meanwhile",
                &[],
                "concept-note",
            );
            render(
                &page,
                id,
                StatusCode::CONFLICT,
                Some(&form),
                &[],
                Some(&theirs),
            )
            .await
        }
        Err(AppError::Validation(errors)) => {
            render(
                &page,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(&form),
                &errors,
                None,
            )
            .await
        }
        Err(AppError::Conflict(key)) => {
            Ok(page.flash_redirect("error", key, &format!("/applications/{id}#concept-note")))
        }
        Err(e) => Err(e),
    }
}

/// Before submitting: what submission does.
pub async fn confirm_submit(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = service::detail(&page.state, &page.actor(), id.clone()).await?;
    let lang = page.lang();
    crate::web::confirm::render(
        &page,
        &crate::web::confirm::Confirmation {
            title: crate::i18n::t(lang, "application-submit-title"),
            intro: crate::i18n::t_args(
                lang,
                "application-submit-intro",
                &[("reference", d.call.row.reference.clone())],
            ),
            consequences: vec![
                crate::i18n::t(lang, "application-submit-effect-frozen"),
                crate::i18n::t(lang, "application-submit-effect-receipt"),
                crate::i18n::t_args(
                    lang,
                    "application-submit-effect-withdraw",
                    &[(
                        "deadline",
                        d.call
                            .row
                            .deadline
                            .map(|t| format::instant_long(lang, t))
                            .unwrap_or_default(),
                    )],
                ),
            ],
            preview: None,
            action: format!("/applications/{id}/submit"),
            hidden: Vec::new(),
            button: crate::i18n::t(lang, "application-submit-button"),
            danger: false,
            back: format!("/applications/{id}#concept-note"),
            edit: None,
        },
    )
}

pub async fn submit(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let back = format!("/applications/{id}");
    match service::submit(&page.state, &page.actor(), id.clone()).await {
        Ok(Ok(receipt)) => {
            page.flash_near(
                "success",
                "flash-application-submitted",
                &[("number", receipt.number)],
                "receipt",
            );
            Ok(page.redirect(&format!("{back}#receipt")))
        }
        // What is missing, at each field, with the summary at the top.
        Ok(Err(errors)) => {
            render(
                &page,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                &errors,
                None,
            )
            .await
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

pub async fn withdraw(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let back = format!("/applications/{id}");
    match service::withdraw(&page.state, &page.actor(), id).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-application-withdrawn", &back)),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// Before withdrawing: what it means.
pub async fn confirm_withdraw(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = service::detail(&page.state, &page.actor(), id.clone()).await?;
    let lang = page.lang();
    crate::web::confirm::render(
        &page,
        &crate::web::confirm::Confirmation {
            title: crate::i18n::t(lang, "application-withdraw-title"),
            intro: crate::i18n::t_args(
                lang,
                "application-withdraw-intro",
                &[("reference", d.call.row.reference.clone())],
            ),
            consequences: vec![crate::i18n::t(lang, "application-withdraw-effect")],
            preview: None,
            action: format!("/applications/{id}/withdraw"),
            hidden: Vec::new(),
            button: crate::i18n::t(lang, "application-withdraw"),
            danger: true,
            back: format!("/applications/{id}"),
            edit: None,
        },
    )
}

/// The answer to an automatic save (JavaScript): the new version, or why not.
#[derive(Serialize)]
struct AutosaveAnswer {
    saved: bool,
    version: Option<i32>,
    /// Shown to the person: "Saved automatically at 14:05" or why it was not.
    message: String,
}

/// Saves the concept note in the background while the person types (JavaScript only;
/// the Save button does the same without it). Never overwrites: a version conflict is
/// reported, and the person saves by hand to compare.
pub async fn autosave(
    page: Page,
    path: web::Path<String>,
    form: web::Form<ConceptNoteForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let result = match form.input() {
        Ok(input) => {
            service::save_concept_note(&page.state, &page.actor(), id.clone(), form.version, input)
                .await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    autosave_answer(&page, id, result.map(|r| r.map_err(|_| ()))).await
}

/// The answer to an automatic save of any part of an application: the new version, or
/// why not (a version conflict: the person saves by hand to compare).
pub async fn autosave_answer(
    page: &Page,
    id: String,
    result: AppResult<Result<(), ()>>,
) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let answer = |status: StatusCode, saved: bool, version: Option<i32>, message: String| {
        crate::web::api::json(
            status,
            &AutosaveAnswer {
                saved,
                version,
                message,
            },
        )
    };
    match result {
        Ok(Ok(())) => {
            let d = service::detail(&page.state, &page.actor(), id).await?;
            answer(
                StatusCode::OK,
                true,
                Some(d.row.version),
                crate::i18n::t_args(
                    lang,
                    "autosave-saved",
                    &[("when", crate::clock::format_local(d.row.updated_at))],
                ),
            )
        }
        Ok(Err(())) => answer(
            StatusCode::CONFLICT,
            false,
            None,
            crate::i18n::t(lang, "autosave-conflict"),
        ),
        Err(AppError::Validation(_)) => answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            false,
            None,
            crate::i18n::t(lang, "autosave-invalid"),
        ),
        Err(AppError::Conflict(key)) => {
            answer(StatusCode::CONFLICT, false, None, crate::i18n::t(lang, key))
        }
        Err(e) => Err(e),
    }
}

/// The receipt of one submission, as a page to print (APP-05).
pub async fn receipt(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let (d, s) = service::submission(&page.state, &page.actor(), id, sid).await?;
    let lang = page.lang();
    let mut ctx = tera::Context::new();
    header_context(&page, &mut ctx, &d);
    ctx.insert("sid", &s.id);
    ctx.insert("number", &s.receipt_number);
    ctx.insert("no", &s.submission_no);
    ctx.insert("submission_stage", &s.stage);
    ctx.insert("at", &format::instant_long(lang, s.submitted_at));
    ctx.insert(
        "at_utc",
        &s.submitted_at.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string(),
    );
    ctx.insert("sha256", &s.content_sha256);
    ctx.insert("bytes", &s.content.len());
    page.render("applications/receipt.html", ctx)
}

/// The package of one submission: exactly the bytes whose SHA-256 the receipt shows
/// (`sha256sum` of the file gives it back).
pub async fn package(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let (_, s) = service::submission(&page.state, &page.actor(), id, sid).await?;
    let name = format!(
        "{}-{}.json",
        s.receipt_number.replace('/', "-"),
        s.submission_no
    );
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            crate::services::uploads::content_disposition(&name),
        ))
        .body(s.content))
}
