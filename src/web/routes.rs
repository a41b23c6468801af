//! Every route of the portal, each declared with the permission it requires. Routes are
//! registered only from this table, and the access guard refuses any request whose
//! route is not in it, so a route cannot exist without a permission.

use std::collections::HashMap;

use actix_web::http::Method;
use actix_web::web;

use super::{
    account, admin, annexes, api, applications, audit, auth, award, calls, contracts, evaluation,
    full_application, monitoring, operations, organisations, partners, programmes, public,
    public_calls, received, staff_applications,
};
use crate::domain::access::{Access, Action};

/// Whether a route serves people (HTML, cookie session, CSRF token) or programs (JSON,
/// bearer token, never the cookie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Api,
}

#[derive(Clone)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    pub kind: Kind,
    pub route: fn() -> actix_web::Route,
}

impl std::fmt::Debug for RouteSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} ({:?}, {:?})",
            self.method, self.path, self.access, self.kind
        )
    }
}

macro_rules! route {
    ($method:ident $path:literal, $access:expr, $kind:ident => $handler:path) => {
        RouteSpec {
            method: Method::$method,
            path: $path,
            access: $access,
            kind: Kind::$kind,
            route: || web::method(Method::$method).to($handler),
        }
    };
}

const PUBLIC: Access = Access::Public;
const SIGNED_IN: Access = Access::SignedIn;
const OWN_ACCOUNT: Access = Access::Action(Action::ManageOwnAccount);
const MANAGE_USERS: Access = Access::Action(Action::ManageUsers);
const VIEW_OUTBOX: Access = Access::Action(Action::ViewOutbox);
const VIEW_AUDIT: Access = Access::Action(Action::ViewAuditLog);
const USE_API: Access = Access::Action(Action::UseApi);
const VIEW_PROGRAMMES: Access = Access::Action(Action::ViewProgrammes);
const MANAGE_PROGRAMMES: Access = Access::Action(Action::ManageProgrammes);
const MANAGE_CALLS: Access = Access::Action(Action::ManageCalls);
const ANSWER: Access = Access::Action(Action::AnswerClarifications);
const ASK: Access = Access::Action(Action::AskClarification);
const ORGANISATIONS: Access = Access::Action(Action::WorkForOrganisation);
const VIEW_RECEIVED: Access = Access::Action(Action::ViewReceivedApplications);
const CHECK: Access = Access::Action(Action::CheckApplications);
const MANAGE_COMMITTEE: Access = Access::Action(Action::ManageCommittee);
const COMMITTEE_SEAT: Access = Access::Action(Action::SignDeclaration);
const SCORE: Access = Access::Action(Action::ScoreApplication);
const RUN_EVALUATION: Access = Access::Action(Action::RunEvaluation);
const VIEW_EVALUATION: Access = Access::Action(Action::ViewEvaluation);
const DECIDE_AWARD: Access = Access::Action(Action::DecideAward);
const CHECK_SUPPORTING: Access = Access::Action(Action::CheckSupportingDocuments);
const MANAGE_CONTRACTS: Access = Access::Action(Action::ManageContracts);
const VIEW_CONTRACTS: Access = Access::Action(Action::ViewContracts);
const WORK_ON_CONTRACT: Access = Access::Action(Action::WorkOnContract);

/// The route table. Order matters only for paths that overlap.
pub fn all() -> Vec<RouteSpec> {
    vec![
        route!(GET "/", PUBLIC, Html => public::home),
        route!(GET "/help", PUBLIC, Html => public::help),
        route!(GET "/accessibility", PUBLIC, Html => public::accessibility),
        route!(GET "/privacy", PUBLIC, Html => public::privacy),
        route!(GET "/robots.txt", PUBLIC, Html => public::robots),
        route!(GET "/sitemap.xml", PUBLIC, Html => public::sitemap),
        route!(GET "/healthz", PUBLIC, Html => public::healthz),
        route!(GET "/metrics", PUBLIC, Html => operations::scrape),
        route!(GET "/static/{file:.*}", PUBLIC, Html => public::static_file),
        route!(POST "/language", PUBLIC, Html => public::set_language),
        route!(GET "/register", PUBLIC, Html => auth::register_form),
        route!(POST "/register", PUBLIC, Html => auth::register),
        route!(GET "/confirm-email", PUBLIC, Html => auth::confirm_email_form),
        route!(POST "/confirm-email", PUBLIC, Html => auth::confirm_email),
        route!(GET "/login", PUBLIC, Html => auth::login_form),
        route!(POST "/login", PUBLIC, Html => auth::login),
        route!(GET "/login/two-factor", PUBLIC, Html => auth::second_factor_form),
        route!(POST "/login/two-factor", PUBLIC, Html => auth::second_factor),
        route!(POST "/logout", SIGNED_IN, Html => auth::logout),
        route!(GET "/forgot-password", PUBLIC, Html => auth::forgot_password_form),
        route!(POST "/forgot-password", PUBLIC, Html => auth::forgot_password),
        route!(GET "/reset-password", PUBLIC, Html => auth::reset_password_form),
        route!(POST "/reset-password", PUBLIC, Html => auth::reset_password),
        route!(GET "/set-password", PUBLIC, Html => auth::set_password_form),
        route!(POST "/set-password", PUBLIC, Html => auth::set_password),
        route!(GET "/account", OWN_ACCOUNT, Html => account::show),
        route!(POST "/account/profile", OWN_ACCOUNT, Html => account::update_profile),
        route!(POST "/account/password", OWN_ACCOUNT, Html => account::change_password),
        route!(POST "/account/email", OWN_ACCOUNT, Html => account::change_email),
        route!(GET "/confirm-email-change", PUBLIC, Html => auth::confirm_email_change_form),
        route!(POST "/confirm-email-change", PUBLIC, Html => auth::confirm_email_change),
        route!(POST "/account/logout-everywhere", OWN_ACCOUNT, Html => account::logout_everywhere),
        route!(POST "/account/tokens", OWN_ACCOUNT, Html => account::create_token),
        route!(POST "/account/tokens/{id}/revoke", OWN_ACCOUNT, Html => account::revoke_token),
        route!(GET "/account/two-factor", OWN_ACCOUNT, Html => account::second_factor_page),
        route!(POST "/account/two-factor", OWN_ACCOUNT, Html => account::confirm_second_factor),
        route!(POST "/account/two-factor/recovery-codes", OWN_ACCOUNT, Html => account::regenerate_recovery_codes),
        route!(POST "/account/two-factor/disable", OWN_ACCOUNT, Html => account::turn_off_second_factor),
        route!(GET "/admin/users", MANAGE_USERS, Html => admin::users),
        route!(GET "/admin/users/invite", MANAGE_USERS, Html => admin::invite_form),
        route!(POST "/admin/users/invite", MANAGE_USERS, Html => admin::invite),
        route!(GET "/admin/users/{id}", MANAGE_USERS, Html => admin::user),
        route!(POST "/admin/users/{id}/role", MANAGE_USERS, Html => admin::change_role),
        route!(GET "/admin/users/{id}/disable", MANAGE_USERS, Html => admin::confirm_disable),
        route!(POST "/admin/users/{id}/disable", MANAGE_USERS, Html => admin::disable),
        route!(POST "/admin/users/{id}/enable", MANAGE_USERS, Html => admin::enable),
        route!(POST "/admin/users/{id}/two-factor/reset", MANAGE_USERS, Html => admin::reset_second_factor),
        route!(POST "/admin/users/{id}/invitation", MANAGE_USERS, Html => admin::resend_invitation),
        route!(GET "/admin/outbox", VIEW_OUTBOX, Html => admin::outbox),
        route!(POST "/admin/outbox/{id}/retry", VIEW_OUTBOX, Html => admin::retry_mail),
        route!(GET "/audit", VIEW_AUDIT, Html => audit::index),
        route!(GET "/audit.csv", VIEW_AUDIT, Html => audit::export_csv),
        route!(GET "/calls", PUBLIC, Html => public_calls::index),
        route!(GET "/my", SIGNED_IN, Html => public_calls::my_space),
        route!(POST "/calls/{id}/applications", ORGANISATIONS, Html => applications::start),
        route!(GET "/applications/{id}", ORGANISATIONS, Html => applications::show),
        route!(POST "/applications/{id}", ORGANISATIONS, Html => applications::save),
        route!(POST "/applications/{id}/autosave", ORGANISATIONS, Html => applications::autosave),
        route!(POST "/applications/{id}/supporting", ORGANISATIONS, Html => annexes::upload_supporting),
        route!(GET "/applications/{id}/submit", ORGANISATIONS, Html => applications::confirm_submit),
        route!(POST "/applications/{id}/submit", ORGANISATIONS, Html => applications::submit),
        route!(GET "/applications/{id}/withdraw", ORGANISATIONS, Html => applications::confirm_withdraw),
        route!(GET "/applications/{id}/submissions/{sid}", ORGANISATIONS, Html => applications::receipt),
        route!(POST "/applications/{id}/partners", ORGANISATIONS, Html => partners::add),
        route!(POST "/applications/{id}/partners/{pid}/remove", ORGANISATIONS, Html => partners::remove),
        route!(POST "/applications/{id}/partners/{pid}/mandate", ORGANISATIONS, Html => partners::upload_mandate),
        route!(GET "/applications/{id}/partners/{pid}/mandate", ORGANISATIONS, Html => partners::download_mandate),
        route!(POST "/applications/{id}/annexes", ORGANISATIONS, Html => annexes::upload),
        route!(POST "/applications/{id}/annexes/{aid}/remove", ORGANISATIONS, Html => annexes::remove),
        route!(GET "/applications/{id}/files/{fid}", ORGANISATIONS, Html => annexes::download),
        route!(GET "/applications/{id}/submissions/{sid}/package", ORGANISATIONS, Html => applications::package),
        route!(GET "/applications/{id}/full/{section}", ORGANISATIONS, Html => full_application::show),
        route!(POST "/applications/{id}/full/{section}", ORGANISATIONS, Html => full_application::save),
        route!(POST "/applications/{id}/full/{section}/autosave", ORGANISATIONS, Html => full_application::autosave),
        route!(POST "/applications/{id}/withdraw", ORGANISATIONS, Html => applications::withdraw),
        route!(GET "/organisations", ORGANISATIONS, Html => organisations::index),
        route!(GET "/organisations/new", ORGANISATIONS, Html => organisations::new_form),
        route!(POST "/organisations", ORGANISATIONS, Html => organisations::create),
        route!(GET "/organisations/{id}", ORGANISATIONS, Html => organisations::show),
        route!(POST "/organisations/{id}", ORGANISATIONS, Html => organisations::update),
        route!(GET "/organisations/{id}/edit", ORGANISATIONS, Html => organisations::edit_form),
        route!(POST "/organisations/{id}/invitations", ORGANISATIONS, Html => organisations::invite),
        route!(POST "/organisations/invitations/{inv}/accept", ORGANISATIONS, Html => organisations::accept),
        route!(POST "/organisations/invitations/{inv}/decline", ORGANISATIONS, Html => organisations::decline),
        route!(POST "/organisations/{id}/members/{user}/role", ORGANISATIONS, Html => organisations::change_role),
        route!(POST "/organisations/{id}/members/{user}/remove", ORGANISATIONS, Html => organisations::remove_member),
        route!(GET "/calls/{id}", PUBLIC, Html => public_calls::show),
        route!(GET "/calls/{id}/documents/{doc}", PUBLIC, Html => public_calls::download),
        route!(GET "/calls/{id}/corrigenda/{number}/earlier", PUBLIC, Html => public_calls::earlier_version),
        route!(GET "/calls/{id}/corrigenda/{number}/documents/{doc}", PUBLIC, Html => public_calls::download_corrigendum_document),
        route!(POST "/calls/{id}/questions", ASK, Html => public_calls::ask),
        route!(POST "/calls/{id}/follow", SIGNED_IN, Html => public_calls::follow),
        route!(POST "/calls/{id}/unfollow", SIGNED_IN, Html => public_calls::unfollow),
        route!(GET "/manage/programmes", VIEW_PROGRAMMES, Html => programmes::index),
        route!(GET "/manage/programmes/new", MANAGE_PROGRAMMES, Html => programmes::new_form),
        route!(POST "/manage/programmes", MANAGE_PROGRAMMES, Html => programmes::create),
        route!(GET "/manage/programmes/{id}", VIEW_PROGRAMMES, Html => programmes::show),
        route!(POST "/manage/programmes/{id}", MANAGE_PROGRAMMES, Html => programmes::update),
        route!(GET "/manage/programmes/{id}/edit", MANAGE_PROGRAMMES, Html => programmes::edit_form),
        route!(GET "/manage/programmes/{id}/amendments/new", MANAGE_PROGRAMMES, Html => programmes::amendment_form),
        route!(POST "/manage/programmes/{id}/amendments", MANAGE_PROGRAMMES, Html => programmes::record_amendment),
        route!(POST "/manage/programmes/{id}/obligations", MANAGE_PROGRAMMES, Html => programmes::record_obligation),
        route!(GET "/manage/programmes/{id}/entry-into-force", MANAGE_PROGRAMMES, Html => programmes::d_correction_form),
        route!(POST "/manage/programmes/{id}/entry-into-force", MANAGE_PROGRAMMES, Html => programmes::correct_d),
        route!(GET "/manage/programmes/{id}/calls/new", MANAGE_CALLS, Html => calls::new_form),
        route!(POST "/manage/programmes/{id}/calls", MANAGE_CALLS, Html => calls::create),
        route!(GET "/manage/calls", VIEW_PROGRAMMES, Html => calls::index),
        route!(GET "/manage/calls/{id}", VIEW_PROGRAMMES, Html => calls::show),
        route!(GET "/manage/calls/{id}/applications", VIEW_RECEIVED, Html => received::list),
        route!(GET "/manage/calls/{id}/applications.csv", VIEW_RECEIVED, Html => received::export_csv),
        route!(GET "/manage/calls/{id}/applications.xlsx", VIEW_RECEIVED, Html => received::export_xlsx),
        route!(GET "/manage/calls/{id}/opening", VIEW_RECEIVED, Html => received::opening),
        route!(POST "/manage/calls/{id}/opening", MANAGE_CALLS, Html => received::open),
        route!(GET "/manage/calls/{id}/committee", VIEW_PROGRAMMES, Html => evaluation::committee),
        route!(POST "/manage/calls/{id}/committee", MANAGE_COMMITTEE, Html => evaluation::add_member),
        route!(POST "/manage/calls/{id}/committee/{member}/remove", MANAGE_COMMITTEE, Html => evaluation::remove_member),
        route!(GET "/evaluation", COMMITTEE_SEAT, Html => evaluation::index),
        route!(GET "/evaluation/calls/{id}", COMMITTEE_SEAT, Html => evaluation::call),
        route!(POST "/evaluation/calls/{id}/declaration", COMMITTEE_SEAT, Html => evaluation::sign),
        route!(GET "/evaluation/calls/{id}/board", VIEW_EVALUATION, Html => evaluation::board),
        route!(POST "/evaluation/calls/{id}/assign", RUN_EVALUATION, Html => evaluation::assign_automatically),
        route!(POST "/evaluation/calls/{id}/assign-one", RUN_EVALUATION, Html => evaluation::assign_one),
        route!(POST "/evaluation/calls/{id}/assignments/{aid}/replace", RUN_EVALUATION, Html => evaluation::replace),
        route!(POST "/evaluation/calls/{id}/resolutions", RUN_EVALUATION, Html => evaluation::resolve),
        route!(POST "/evaluation/calls/{id}/invitations", RUN_EVALUATION, Html => evaluation::invite_shortlisted),
        route!(POST "/evaluation/calls/{id}/supporting-requests", RUN_EVALUATION, Html => evaluation::request_supporting),
        route!(POST "/evaluation/calls/{id}/supporting/{aid}/check", CHECK_SUPPORTING, Html => evaluation::check_supporting),
        route!(GET "/evaluation/calls/{id}/supporting/{aid}/files/{fid}", VIEW_EVALUATION, Html => evaluation::supporting_file),
        route!(GET "/evaluation/calls/{id}/report", VIEW_EVALUATION, Html => award::report),
        route!(POST "/evaluation/calls/{id}/report", RUN_EVALUATION, Html => award::submit_report),
        route!(GET "/evaluation/calls/{id}/report.xlsx", VIEW_EVALUATION, Html => award::report_xlsx),
        route!(POST "/manage/calls/{id}/award", DECIDE_AWARD, Html => award::decide),
        route!(POST "/manage/calls/{id}/award/notify", DECIDE_AWARD, Html => award::notify),
        route!(GET "/awards", PUBLIC, Html => award::public_awards),
        route!(GET "/awards.csv", PUBLIC, Html => award::public_awards_csv),
        route!(GET "/manage/programmes/{id}/monitoring", VIEW_PROGRAMMES, Html => monitoring::dashboard),
        route!(GET "/manage/programmes/{id}/monitoring.xlsx", VIEW_PROGRAMMES, Html => monitoring::report_xlsx),
        route!(GET "/manage/programmes/{id}/iati.xml", VIEW_PROGRAMMES, Html => monitoring::iati),
        route!(GET "/contracts", VIEW_CONTRACTS, Html => contracts::list),
        route!(GET "/contracts/{id}", VIEW_CONTRACTS, Html => contracts::show),
        route!(GET "/contracts/{id}/files/{fid}", VIEW_CONTRACTS, Html => contracts::file),
        route!(GET "/contracts/{id}/dossier.zip", VIEW_CONTRACTS, Html => contracts::dossier),
        route!(POST "/contracts/{id}/countersign", WORK_ON_CONTRACT, Html => contracts::countersign),
        route!(POST "/contracts/{id}/reports/{n}/documents", WORK_ON_CONTRACT, Html => contracts::upload_report_document),
        route!(POST "/contracts/{id}/reports/{n}/submit", WORK_ON_CONTRACT, Html => contracts::submit_report),
        route!(GET "/manage/awards/{aid}/contract", MANAGE_CONTRACTS, Html => contracts::prepare_form),
        route!(POST "/manage/awards/{aid}/contract", MANAGE_CONTRACTS, Html => contracts::prepare),
        route!(POST "/manage/contracts/{id}/send", MANAGE_CONTRACTS, Html => contracts::send),
        route!(POST "/manage/contracts/{id}/payments", MANAGE_CONTRACTS, Html => contracts::record_payment),
        route!(POST "/manage/contracts/{id}/reports/{n}/decision", MANAGE_CONTRACTS, Html => contracts::decide_report),
        route!(POST "/manage/contracts/{id}/close", MANAGE_CONTRACTS, Html => contracts::close),
        route!(POST "/manage/contracts/{id}/terminate", MANAGE_CONTRACTS, Html => contracts::terminate),
        route!(POST "/manage/contracts/{id}/suspension", MANAGE_CONTRACTS, Html => contracts::suspension),
        route!(POST "/manage/contracts/{id}/amendments/{n}/decision", MANAGE_CONTRACTS, Html => contracts::decide_amendment),
        route!(POST "/contracts/{id}/amendments", WORK_ON_CONTRACT, Html => contracts::request_amendment),
        route!(GET "/evaluation/applications/{id}", VIEW_EVALUATION, Html => staff_applications::show),
        route!(GET "/evaluation/applications/{id}/files/{fid}", VIEW_EVALUATION, Html => staff_applications::download_file),
        route!(GET "/evaluation/assignments/{id}", SCORE, Html => evaluation::assignment),
        route!(POST "/evaluation/assignments/{id}/conflict", SCORE, Html => evaluation::answer_conflict),
        route!(POST "/evaluation/assignments/{id}/sheet", SCORE, Html => evaluation::save_sheet),
        route!(POST "/evaluation/assignments/{id}/submit", SCORE, Html => evaluation::submit_sheet),
        route!(GET "/evaluation/assignments/{id}/files/{fid}", SCORE, Html => evaluation::assignment_file),
        route!(GET "/manage/applications/{id}", VIEW_RECEIVED, Html => staff_applications::show),
        route!(POST "/manage/applications/{id}/check", CHECK, Html => staff_applications::check),
        route!(GET "/manage/applications/{id}/files/{fid}", VIEW_RECEIVED, Html => staff_applications::download_file),
        route!(POST "/manage/calls/{id}", MANAGE_CALLS, Html => calls::update),
        route!(GET "/manage/calls/{id}/edit", MANAGE_CALLS, Html => calls::edit_form),
        route!(GET "/manage/calls/{id}/lots/new", MANAGE_CALLS, Html => calls::new_lot_form),
        route!(POST "/manage/calls/{id}/lots", MANAGE_CALLS, Html => calls::create_lot),
        route!(GET "/manage/calls/{id}/lots/{lot}/edit", MANAGE_CALLS, Html => calls::edit_lot_form),
        route!(POST "/manage/calls/{id}/lots/{lot}", MANAGE_CALLS, Html => calls::update_lot),
        route!(GET "/manage/calls/{id}/lots/{lot}/delete", MANAGE_CALLS, Html => calls::confirm_delete_lot),
        route!(POST "/manage/calls/{id}/lots/{lot}/delete", MANAGE_CALLS, Html => calls::delete_lot),
        route!(GET "/manage/calls/{id}/grids", MANAGE_CALLS, Html => calls::grids_form),
        route!(POST "/manage/calls/{id}/grids", MANAGE_CALLS, Html => calls::update_grids),
        route!(POST "/manage/calls/{id}/documents", MANAGE_CALLS, Html => calls::upload_document),
        route!(POST "/manage/calls/{id}/documents/{doc}/remove", MANAGE_CALLS, Html => calls::remove_document),
        route!(GET "/manage/calls/{id}/publish", MANAGE_CALLS, Html => calls::confirm_publish),
        route!(POST "/manage/calls/{id}/publish", MANAGE_CALLS, Html => calls::publish),
        route!(GET "/manage/calls/{id}/delete", MANAGE_CALLS, Html => calls::confirm_delete),
        route!(POST "/manage/calls/{id}/delete", MANAGE_CALLS, Html => calls::delete),
        route!(GET "/manage/calls/{id}/translations", MANAGE_CALLS, Html => calls::translations_form),
        route!(POST "/manage/calls/{id}/translations", MANAGE_CALLS, Html => calls::save_translations),
        route!(GET "/manage/calls/{id}/corrigenda/new", MANAGE_CALLS, Html => calls::corrigendum_form),
        route!(POST "/manage/calls/{id}/corrigenda/preview", MANAGE_CALLS, Html => calls::preview_corrigendum),
        route!(POST "/manage/calls/{id}/corrigenda", MANAGE_CALLS, Html => calls::publish_corrigendum),
        route!(POST "/manage/calls/{id}/corrigenda/{number}/documents", MANAGE_CALLS, Html => calls::upload_corrigendum_document),
        route!(GET "/manage/calls/{id}/cancel", MANAGE_CALLS, Html => calls::cancel_form),
        route!(POST "/manage/calls/{id}/cancel", MANAGE_CALLS, Html => calls::cancel),
        route!(POST "/manage/calls/{id}/clarifications/{cid}/answer/preview", ANSWER, Html => calls::preview_answer),
        route!(POST "/manage/calls/{id}/clarifications/{cid}/answer", ANSWER, Html => calls::answer),
        route!(POST "/api/v1/tokens", PUBLIC, Api => api::create_token),
        route!(GET "/api/v1/tokens", USE_API, Api => api::list_tokens),
        route!(DELETE "/api/v1/tokens/{id}", USE_API, Api => api::revoke_token),
        route!(GET "/api/v1/me", USE_API, Api => api::me),
        route!(GET "/api/v1/openapi.json", PUBLIC, Api => api::openapi),
        route!(GET "/api/v1/programmes", PUBLIC, Api => api::calls::list_programmes),
        route!(POST "/api/v1/programmes", MANAGE_PROGRAMMES, Api => api::calls::create_programme),
        route!(GET "/api/v1/programmes/{id}", PUBLIC, Api => api::calls::get_programme),
        route!(PUT "/api/v1/programmes/{id}", MANAGE_PROGRAMMES, Api => api::calls::update_programme),
        route!(POST "/api/v1/programmes/{id}/calls", MANAGE_CALLS, Api => api::calls::create_call),
        route!(GET "/api/v1/calls", PUBLIC, Api => api::calls::list_calls),
        route!(GET "/api/v1/calls/{id}", PUBLIC, Api => api::calls::get_call),
        route!(PUT "/api/v1/calls/{id}", MANAGE_CALLS, Api => api::calls::update_call),
        route!(GET "/api/v1/calls/{id}/lots", PUBLIC, Api => api::calls::list_lots),
        route!(POST "/api/v1/calls/{id}/lots", MANAGE_CALLS, Api => api::calls::create_lot),
        route!(PUT "/api/v1/calls/{id}/lots/{lot_id}", MANAGE_CALLS, Api => api::calls::update_lot),
        route!(GET "/api/v1/calls/{id}/clarifications", PUBLIC, Api => api::calls::list_clarifications),
        route!(GET "/api/v1/calls/{id}/corrigenda", PUBLIC, Api => api::calls::list_corrigenda),
        route!(POST "/api/v1/calls/{id}/publish", MANAGE_CALLS, Api => api::workflow::publish),
        route!(POST "/api/v1/calls/{id}/cancel", MANAGE_CALLS, Api => api::workflow::cancel),
        route!(GET "/api/v1/calls/{id}/grids", PUBLIC, Api => api::workflow::get_grids),
        route!(PUT "/api/v1/calls/{id}/grids", MANAGE_CALLS, Api => api::workflow::put_grids),
        route!(GET "/api/v1/calls/{id}/documents", PUBLIC, Api => api::workflow::list_documents),
        route!(POST "/api/v1/calls/{id}/documents", MANAGE_CALLS, Api => api::workflow::upload_document),
        route!(DELETE "/api/v1/calls/{id}/documents/{document_id}", MANAGE_CALLS, Api => api::workflow::remove_document),
        route!(POST "/api/v1/programmes/{id}/amendments", MANAGE_PROGRAMMES, Api => api::workflow::record_amendment),
        route!(PUT "/api/v1/calls/{id}/follow", SIGNED_IN, Api => api::workflow::follow),
        route!(DELETE "/api/v1/calls/{id}/follow", SIGNED_IN, Api => api::workflow::unfollow),
        route!(POST "/api/v1/calls/{id}/questions", ASK, Api => api::workflow::ask),
        route!(GET "/api/v1/calls/{id}/questions", VIEW_PROGRAMMES, Api => api::workflow::staff_questions),
        route!(POST "/api/v1/calls/{id}/questions/{question_id}/answer", ANSWER, Api => api::workflow::answer),
        route!(POST "/api/v1/calls/{id}/corrigenda", MANAGE_CALLS, Api => api::calls::create_corrigendum),
        route!(GET "/api/v1/organisations", ORGANISATIONS, Api => api::applications::list_organisations),
        route!(POST "/api/v1/organisations", ORGANISATIONS, Api => api::applications::create_organisation),
        route!(GET "/api/v1/organisations/{id}", ORGANISATIONS, Api => api::applications::get_organisation),
        route!(PUT "/api/v1/organisations/{id}", ORGANISATIONS, Api => api::applications::update_organisation),
        route!(POST "/api/v1/organisations/{id}/invitations", ORGANISATIONS, Api => api::applications::invite_member),
        route!(PUT "/api/v1/organisations/{id}/members/{user_id}", ORGANISATIONS, Api => api::applications::change_member),
        route!(DELETE "/api/v1/organisations/{id}/members/{user_id}", ORGANISATIONS, Api => api::applications::remove_member),
        route!(GET "/api/v1/calls/{id}/committee", VIEW_PROGRAMMES, Api => api::evaluation::get_committee),
        route!(POST "/api/v1/calls/{id}/committee", MANAGE_COMMITTEE, Api => api::evaluation::add_member),
        route!(DELETE "/api/v1/calls/{id}/committee/{member_id}", MANAGE_COMMITTEE, Api => api::evaluation::remove_member),
        route!(POST "/api/v1/calls/{id}/declaration", COMMITTEE_SEAT, Api => api::evaluation::sign_declaration),
        route!(GET "/api/v1/calls/{id}/assignments", COMMITTEE_SEAT, Api => api::evaluation::my_assignments),
        route!(POST "/api/v1/calls/{id}/assignments", RUN_EVALUATION, Api => api::evaluation::assign),
        route!(POST "/api/v1/calls/{id}/assignments/{assignment_id}/replace", RUN_EVALUATION, Api => api::evaluation::replace),
        route!(POST "/api/v1/calls/{id}/resolutions", RUN_EVALUATION, Api => api::evaluation::resolve),
        route!(GET "/api/v1/calls/{id}/ranking", VIEW_EVALUATION, Api => api::evaluation::ranking),
        route!(GET "/api/v1/calls/{id}/award", VIEW_EVALUATION, Api => api::evaluation::get_award),
        route!(POST "/api/v1/calls/{id}/report", RUN_EVALUATION, Api => api::evaluation::submit_report),
        route!(POST "/api/v1/calls/{id}/award", DECIDE_AWARD, Api => api::evaluation::decide),
        route!(POST "/api/v1/calls/{id}/award/notify", DECIDE_AWARD, Api => api::evaluation::notify),
        route!(GET "/api/v1/contracts", VIEW_CONTRACTS, Api => api::contracts::list),
        route!(GET "/api/v1/contracts/{id}", VIEW_CONTRACTS, Api => api::contracts::get),
        route!(POST "/api/v1/awards/{aid}/contract", MANAGE_CONTRACTS, Api => api::contracts::prepare),
        route!(POST "/api/v1/contracts/{id}/send", MANAGE_CONTRACTS, Api => api::contracts::send),
        route!(POST "/api/v1/contracts/{id}/payments", MANAGE_CONTRACTS, Api => api::contracts::record_payment),
        route!(POST "/api/v1/contracts/{id}/reports/{n}/submit", WORK_ON_CONTRACT, Api => api::contracts::submit_report),
        route!(POST "/api/v1/contracts/{id}/reports/{n}/decision", MANAGE_CONTRACTS, Api => api::contracts::decide_report),
        route!(POST "/api/v1/contracts/{id}/terminate", MANAGE_CONTRACTS, Api => api::contracts::terminate),
        route!(POST "/api/v1/contracts/{id}/close", MANAGE_CONTRACTS, Api => api::contracts::close),
        route!(POST "/api/v1/contracts/{id}/amendments", WORK_ON_CONTRACT, Api => api::contracts::request_amendment),
        route!(POST "/api/v1/contracts/{id}/amendments/{n}/decision", MANAGE_CONTRACTS, Api => api::contracts::decide_amendment),
        route!(GET "/api/v1/assignments/{id}", SCORE, Api => api::evaluation::get_assignment),
        route!(POST "/api/v1/assignments/{id}/conflict", SCORE, Api => api::evaluation::answer_conflict),
        route!(PUT "/api/v1/assignments/{id}/sheet", SCORE, Api => api::evaluation::put_sheet),
        route!(POST "/api/v1/calls/{id}/applications", ORGANISATIONS, Api => api::applications::start),
        route!(GET "/api/v1/applications/{id}", ORGANISATIONS, Api => api::applications::get_application),
        route!(PUT "/api/v1/applications/{id}/concept-note", ORGANISATIONS, Api => api::applications::put_concept_note),
        route!(PUT "/api/v1/applications/{id}/full/description", ORGANISATIONS, Api => api::applications::put_description),
        route!(PUT "/api/v1/applications/{id}/full/logframe", ORGANISATIONS, Api => api::applications::put_logframe),
        route!(PUT "/api/v1/applications/{id}/full/workplan", ORGANISATIONS, Api => api::applications::put_workplan),
        route!(PUT "/api/v1/applications/{id}/full/budget", ORGANISATIONS, Api => api::applications::put_budget),
        route!(PUT "/api/v1/applications/{id}/full/declaration", ORGANISATIONS, Api => api::applications::put_declaration),
        route!(POST "/api/v1/applications/{id}/submit", ORGANISATIONS, Api => api::applications::submit),
        route!(POST "/api/v1/applications/{id}/withdraw", ORGANISATIONS, Api => api::applications::withdraw),
        route!(GET "/api/v1/applications/{id}/submissions/{sid}/package", ORGANISATIONS, Api => api::applications::package),
        route!(GET "/api/v1/applications/{id}/annexes", ORGANISATIONS, Api => api::applications::list_annexes),
        route!(POST "/api/v1/applications/{id}/annexes", ORGANISATIONS, Api => api::applications::upload_annex),
        route!(DELETE "/api/v1/applications/{id}/annexes/{annex_id}", ORGANISATIONS, Api => api::applications::remove_annex),
        route!(GET "/api/v1/applications/{id}/files/{file_id}", ORGANISATIONS, Api => api::applications::download_file),
    ]
}

/// Looks routes up by method and matched pattern.
pub struct RouteTable {
    by_key: HashMap<(Method, &'static str), (Access, Kind)>,
}

impl RouteTable {
    pub fn new(specs: &[RouteSpec]) -> RouteTable {
        let by_key = specs
            .iter()
            .map(|s| ((s.method.clone(), s.path), (s.access, s.kind)))
            .collect();
        RouteTable { by_key }
    }

    pub fn find(&self, method: &Method, pattern: &str) -> Option<(Access, Kind)> {
        let method = if method == Method::HEAD {
            &Method::GET
        } else {
            method
        };
        self.by_key
            .iter()
            .find(|((m, p), _)| m == method && *p == pattern)
            .map(|(_, v)| *v)
    }
}

/// Registers the table with actix: one resource per path, one route per method.
pub fn register(cfg: &mut web::ServiceConfig, specs: &[RouteSpec]) {
    let mut paths: Vec<&'static str> = Vec::new();
    for s in specs {
        if !paths.contains(&s.path) {
            paths.push(s.path);
        }
    }
    for path in paths {
        let mut resource =
            web::resource(path).wrap(actix_web::middleware::from_fn(super::catch_panics));
        for s in specs.iter().filter(|s| s.path == path) {
            resource = resource.route((s.route)());
        }
        cfg.service(resource);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_declared_once() {
        let specs = all();
        let table = RouteTable::new(&specs);
        assert_eq!(
            table.by_key.len(),
            specs.len(),
            "a method and path appear twice"
        );
    }

    #[test]
    fn api_routes_and_only_they_live_under_api() {
        for s in all() {
            assert_eq!(s.kind == Kind::Api, s.path.starts_with("/api/"), "{s:?}");
        }
    }

    #[test]
    fn every_state_changing_html_route_needs_a_csrf_token_by_design() {
        // State-changing routes open to the public are the account entry points only.
        for s in all().iter().filter(|s| {
            s.method == Method::POST && s.access == Access::Public && s.kind == Kind::Html
        }) {
            assert!(
                [
                    "/language",
                    "/register",
                    "/confirm-email",
                    "/confirm-email-change",
                    "/login",
                    "/login/two-factor",
                    "/forgot-password",
                    "/reset-password",
                    "/set-password"
                ]
                .contains(&s.path),
                "unexpected public POST {s:?}"
            );
        }
    }
}
