//! Walks EVERY route of the portal as anonymous and as every role, and checks the
//! allowed ones work and all others are refused (login redirect for pages, 401/403
//! for the API). The expectations are written here independently of the code's
//! matrix; a route missing from this list fails the test.

use grants::domain::access::{Access, Action, Role};
use grants::web::routes::{self, Kind};
use reqwest::{Client, Method, StatusCode};

use crate::helpers::{location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

const STAFF_READ: &[&str] = &["delegation", "auditor"];
/// The auditor changes nothing but their own account.
const SIGNED_IN_BUT_AUDITOR: &[&str] = &["applicant", "evaluator", "delegation", "admin"];
const DELEGATION: &[&str] = &["delegation"];
/// Seats on evaluation committees go to evaluators and Delegation staff (the seat,
/// checked per call, decides the rest).
const COMMITTEE: &[&str] = &["evaluator", "delegation"];
const ANON: &str = "anonymous";
const ALL_SIGNED_IN: &[&str] = &["applicant", "evaluator", "delegation", "auditor", "admin"];
const EVERYONE: &[&str] = &[
    "anonymous",
    "applicant",
    "evaluator",
    "delegation",
    "auditor",
    "admin",
];

/// (method, path) → who may use it.
fn expected() -> Vec<(&'static str, &'static str, &'static [&'static str])> {
    vec![
        ("GET", "/", EVERYONE),
        ("GET", "/help", EVERYONE),
        ("GET", "/accessibility", EVERYONE),
        ("GET", "/privacy", EVERYONE),
        ("GET", "/robots.txt", EVERYONE),
        ("GET", "/sitemap.xml", EVERYONE),
        ("GET", "/healthz", EVERYONE),
        ("GET", "/metrics", EVERYONE),
        ("GET", "/static/{file:.*}", EVERYONE),
        ("POST", "/language", EVERYONE),
        ("GET", "/register", EVERYONE),
        ("POST", "/register", EVERYONE),
        ("GET", "/confirm-email", EVERYONE),
        ("POST", "/confirm-email", EVERYONE),
        ("GET", "/login", EVERYONE),
        ("POST", "/login", EVERYONE),
        ("GET", "/login/two-factor", EVERYONE),
        ("POST", "/login/two-factor", EVERYONE),
        ("POST", "/logout", ALL_SIGNED_IN),
        ("GET", "/forgot-password", EVERYONE),
        ("POST", "/forgot-password", EVERYONE),
        ("GET", "/reset-password", EVERYONE),
        ("POST", "/reset-password", EVERYONE),
        ("GET", "/set-password", EVERYONE),
        ("POST", "/set-password", EVERYONE),
        ("GET", "/account", ALL_SIGNED_IN),
        ("POST", "/account/profile", ALL_SIGNED_IN),
        ("POST", "/account/password", ALL_SIGNED_IN),
        ("POST", "/account/email", ALL_SIGNED_IN),
        ("GET", "/confirm-email-change", EVERYONE),
        ("POST", "/confirm-email-change", EVERYONE),
        ("POST", "/account/logout-everywhere", ALL_SIGNED_IN),
        ("POST", "/account/tokens", ALL_SIGNED_IN),
        ("POST", "/account/tokens/{id}/revoke", ALL_SIGNED_IN),
        ("GET", "/account/two-factor", ALL_SIGNED_IN),
        ("POST", "/account/two-factor", ALL_SIGNED_IN),
        ("POST", "/account/two-factor/recovery-codes", ALL_SIGNED_IN),
        ("POST", "/account/two-factor/disable", ALL_SIGNED_IN),
        ("GET", "/admin/users", &["admin"]),
        ("GET", "/admin/users/invite", &["admin"]),
        ("POST", "/admin/users/invite", &["admin"]),
        ("GET", "/admin/users/{id}", &["admin"]),
        ("POST", "/admin/users/{id}/role", &["admin"]),
        ("GET", "/admin/users/{id}/disable", &["admin"]),
        ("POST", "/admin/users/{id}/disable", &["admin"]),
        ("POST", "/admin/users/{id}/enable", &["admin"]),
        ("POST", "/admin/users/{id}/two-factor/reset", &["admin"]),
        ("POST", "/admin/users/{id}/invitation", &["admin"]),
        ("GET", "/admin/outbox", &["admin"]),
        ("POST", "/admin/outbox/{id}/retry", &["admin"]),
        ("GET", "/audit", &["admin", "auditor"]),
        ("GET", "/audit.csv", &["admin", "auditor"]),
        ("POST", "/api/v1/tokens", EVERYONE),
        ("GET", "/api/v1/tokens", ALL_SIGNED_IN),
        ("DELETE", "/api/v1/tokens/{id}", ALL_SIGNED_IN),
        ("GET", "/api/v1/me", ALL_SIGNED_IN),
        ("GET", "/api/v1/openapi.json", EVERYONE),
        ("GET", "/calls", EVERYONE),
        ("GET", "/my", ALL_SIGNED_IN),
        ("POST", "/calls/{id}/applications", &["applicant"]),
        ("GET", "/applications/{id}", &["applicant"]),
        ("POST", "/applications/{id}", &["applicant"]),
        ("POST", "/applications/{id}/autosave", &["applicant"]),
        ("POST", "/applications/{id}/supporting", &["applicant"]),
        ("GET", "/applications/{id}/submit", &["applicant"]),
        ("POST", "/applications/{id}/submit", &["applicant"]),
        ("GET", "/applications/{id}/withdraw", &["applicant"]),
        ("POST", "/applications/{id}/withdraw", &["applicant"]),
        (
            "GET",
            "/applications/{id}/submissions/{sid}",
            &["applicant"],
        ),
        (
            "GET",
            "/applications/{id}/submissions/{sid}/package",
            &["applicant"],
        ),
        ("POST", "/applications/{id}/partners", &["applicant"]),
        (
            "POST",
            "/applications/{id}/partners/{pid}/remove",
            &["applicant"],
        ),
        (
            "POST",
            "/applications/{id}/partners/{pid}/mandate",
            &["applicant"],
        ),
        (
            "GET",
            "/applications/{id}/partners/{pid}/mandate",
            &["applicant"],
        ),
        ("POST", "/applications/{id}/annexes", &["applicant"]),
        (
            "POST",
            "/applications/{id}/annexes/{aid}/remove",
            &["applicant"],
        ),
        ("GET", "/applications/{id}/files/{fid}", &["applicant"]),
        ("GET", "/applications/{id}/full/{section}", &["applicant"]),
        ("POST", "/applications/{id}/full/{section}", &["applicant"]),
        (
            "POST",
            "/applications/{id}/full/{section}/autosave",
            &["applicant"],
        ),
        ("GET", "/organisations", &["applicant"]),
        ("GET", "/organisations/new", &["applicant"]),
        ("POST", "/organisations", &["applicant"]),
        ("GET", "/organisations/{id}", &["applicant"]),
        ("POST", "/organisations/{id}", &["applicant"]),
        ("GET", "/organisations/{id}/edit", &["applicant"]),
        ("POST", "/organisations/{id}/invitations", &["applicant"]),
        (
            "POST",
            "/organisations/invitations/{inv}/accept",
            &["applicant"],
        ),
        (
            "POST",
            "/organisations/invitations/{inv}/decline",
            &["applicant"],
        ),
        (
            "POST",
            "/organisations/{id}/members/{user}/role",
            &["applicant"],
        ),
        (
            "POST",
            "/organisations/{id}/members/{user}/remove",
            &["applicant"],
        ),
        ("GET", "/calls/{id}", EVERYONE),
        ("GET", "/calls/{id}/documents/{doc}", EVERYONE),
        ("GET", "/calls/{id}/corrigenda/{number}/earlier", EVERYONE),
        (
            "GET",
            "/calls/{id}/corrigenda/{number}/documents/{doc}",
            EVERYONE,
        ),
        ("POST", "/calls/{id}/questions", &["applicant"]),
        ("POST", "/calls/{id}/follow", SIGNED_IN_BUT_AUDITOR),
        ("POST", "/calls/{id}/unfollow", SIGNED_IN_BUT_AUDITOR),
        ("GET", "/manage/programmes", STAFF_READ),
        ("GET", "/manage/programmes/new", DELEGATION),
        ("POST", "/manage/programmes", DELEGATION),
        ("GET", "/manage/programmes/{id}", STAFF_READ),
        ("POST", "/manage/programmes/{id}", DELEGATION),
        ("GET", "/manage/programmes/{id}/edit", DELEGATION),
        ("GET", "/manage/programmes/{id}/amendments/new", DELEGATION),
        ("POST", "/manage/programmes/{id}/amendments", DELEGATION),
        ("POST", "/manage/programmes/{id}/obligations", DELEGATION),
        (
            "GET",
            "/manage/programmes/{id}/entry-into-force",
            DELEGATION,
        ),
        (
            "POST",
            "/manage/programmes/{id}/entry-into-force",
            DELEGATION,
        ),
        ("GET", "/manage/programmes/{id}/calls/new", DELEGATION),
        ("POST", "/manage/programmes/{id}/calls", DELEGATION),
        ("GET", "/manage/calls", STAFF_READ),
        ("GET", "/manage/calls/{id}", STAFF_READ),
        ("GET", "/manage/calls/{id}/applications", STAFF_READ),
        ("GET", "/manage/calls/{id}/applications.csv", STAFF_READ),
        ("GET", "/manage/calls/{id}/applications.xlsx", STAFF_READ),
        ("GET", "/manage/calls/{id}/committee", STAFF_READ),
        ("POST", "/manage/calls/{id}/committee", DELEGATION),
        (
            "POST",
            "/manage/calls/{id}/committee/{member}/remove",
            DELEGATION,
        ),
        ("GET", "/evaluation", COMMITTEE),
        ("GET", "/evaluation/calls/{id}", COMMITTEE),
        ("POST", "/evaluation/calls/{id}/declaration", COMMITTEE),
        (
            "GET",
            "/evaluation/calls/{id}/board",
            &["evaluator", "delegation", "auditor"],
        ),
        ("POST", "/evaluation/calls/{id}/assign", COMMITTEE),
        ("POST", "/evaluation/calls/{id}/assign-one", COMMITTEE),
        (
            "POST",
            "/evaluation/calls/{id}/assignments/{aid}/replace",
            COMMITTEE,
        ),
        ("POST", "/evaluation/calls/{id}/resolutions", COMMITTEE),
        ("GET", "/api/v1/calls/{id}/committee", STAFF_READ),
        ("POST", "/api/v1/calls/{id}/committee", DELEGATION),
        (
            "DELETE",
            "/api/v1/calls/{id}/committee/{member_id}",
            DELEGATION,
        ),
        ("POST", "/api/v1/calls/{id}/declaration", COMMITTEE),
        ("GET", "/api/v1/calls/{id}/assignments", COMMITTEE),
        ("POST", "/api/v1/calls/{id}/assignments", COMMITTEE),
        (
            "POST",
            "/api/v1/calls/{id}/assignments/{assignment_id}/replace",
            COMMITTEE,
        ),
        ("POST", "/api/v1/calls/{id}/resolutions", COMMITTEE),
        (
            "GET",
            "/api/v1/calls/{id}/award",
            &["evaluator", "delegation", "auditor"],
        ),
        ("POST", "/api/v1/calls/{id}/report", COMMITTEE),
        ("POST", "/api/v1/calls/{id}/award", DELEGATION),
        ("POST", "/api/v1/calls/{id}/award/notify", DELEGATION),
        (
            "GET",
            "/api/v1/contracts",
            &["applicant", "delegation", "auditor"],
        ),
        (
            "GET",
            "/api/v1/contracts/{id}",
            &["applicant", "delegation", "auditor"],
        ),
        ("POST", "/api/v1/awards/{aid}/contract", DELEGATION),
        ("POST", "/api/v1/contracts/{id}/send", DELEGATION),
        ("POST", "/api/v1/contracts/{id}/payments", DELEGATION),
        (
            "POST",
            "/api/v1/contracts/{id}/reports/{n}/submit",
            &["applicant"],
        ),
        (
            "POST",
            "/api/v1/contracts/{id}/reports/{n}/decision",
            DELEGATION,
        ),
        ("POST", "/api/v1/contracts/{id}/terminate", DELEGATION),
        ("POST", "/api/v1/contracts/{id}/close", DELEGATION),
        ("POST", "/api/v1/contracts/{id}/amendments", &["applicant"]),
        (
            "POST",
            "/api/v1/contracts/{id}/amendments/{n}/decision",
            DELEGATION,
        ),
        (
            "GET",
            "/api/v1/calls/{id}/ranking",
            &["evaluator", "delegation", "auditor"],
        ),
        ("GET", "/api/v1/assignments/{id}", COMMITTEE),
        ("POST", "/api/v1/assignments/{id}/conflict", COMMITTEE),
        ("PUT", "/api/v1/assignments/{id}/sheet", COMMITTEE),
        ("POST", "/evaluation/calls/{id}/invitations", COMMITTEE),
        (
            "POST",
            "/evaluation/calls/{id}/supporting-requests",
            COMMITTEE,
        ),
        (
            "POST",
            "/evaluation/calls/{id}/supporting/{aid}/check",
            COMMITTEE,
        ),
        (
            "GET",
            "/evaluation/calls/{id}/supporting/{aid}/files/{fid}",
            &["evaluator", "delegation", "auditor"],
        ),
        (
            "GET",
            "/evaluation/calls/{id}/report",
            &["evaluator", "delegation", "auditor"],
        ),
        ("POST", "/evaluation/calls/{id}/report", COMMITTEE),
        (
            "GET",
            "/evaluation/calls/{id}/report.xlsx",
            &["evaluator", "delegation", "auditor"],
        ),
        ("POST", "/manage/calls/{id}/award", DELEGATION),
        ("POST", "/manage/calls/{id}/award/notify", DELEGATION),
        ("GET", "/awards", EVERYONE),
        ("GET", "/awards.csv", EVERYONE),
        ("GET", "/manage/programmes/{id}/monitoring", STAFF_READ),
        ("GET", "/manage/programmes/{id}/monitoring.xlsx", STAFF_READ),
        ("GET", "/manage/programmes/{id}/iati.xml", STAFF_READ),
        ("GET", "/contracts", &["applicant", "delegation", "auditor"]),
        (
            "GET",
            "/contracts/{id}",
            &["applicant", "delegation", "auditor"],
        ),
        (
            "GET",
            "/contracts/{id}/files/{fid}",
            &["applicant", "delegation", "auditor"],
        ),
        (
            "GET",
            "/contracts/{id}/dossier.zip",
            &["applicant", "delegation", "auditor"],
        ),
        ("POST", "/contracts/{id}/countersign", &["applicant"]),
        (
            "POST",
            "/contracts/{id}/reports/{n}/documents",
            &["applicant"],
        ),
        ("POST", "/contracts/{id}/reports/{n}/submit", &["applicant"]),
        ("GET", "/manage/awards/{aid}/contract", DELEGATION),
        ("POST", "/manage/awards/{aid}/contract", DELEGATION),
        ("POST", "/manage/contracts/{id}/send", DELEGATION),
        ("POST", "/manage/contracts/{id}/payments", DELEGATION),
        (
            "POST",
            "/manage/contracts/{id}/reports/{n}/decision",
            DELEGATION,
        ),
        ("POST", "/manage/contracts/{id}/close", DELEGATION),
        ("POST", "/manage/contracts/{id}/terminate", DELEGATION),
        ("POST", "/manage/contracts/{id}/suspension", DELEGATION),
        (
            "POST",
            "/manage/contracts/{id}/amendments/{n}/decision",
            DELEGATION,
        ),
        ("POST", "/contracts/{id}/amendments", &["applicant"]),
        (
            "GET",
            "/evaluation/applications/{id}",
            &["evaluator", "delegation", "auditor"],
        ),
        (
            "GET",
            "/evaluation/applications/{id}/files/{fid}",
            &["evaluator", "delegation", "auditor"],
        ),
        ("GET", "/evaluation/assignments/{id}", COMMITTEE),
        ("POST", "/evaluation/assignments/{id}/conflict", COMMITTEE),
        ("POST", "/evaluation/assignments/{id}/sheet", COMMITTEE),
        ("POST", "/evaluation/assignments/{id}/submit", COMMITTEE),
        ("GET", "/evaluation/assignments/{id}/files/{fid}", COMMITTEE),
        ("GET", "/manage/calls/{id}/opening", STAFF_READ),
        ("POST", "/manage/calls/{id}/opening", DELEGATION),
        ("GET", "/manage/applications/{id}", STAFF_READ),
        ("GET", "/manage/applications/{id}/files/{fid}", STAFF_READ),
        ("POST", "/manage/applications/{id}/check", COMMITTEE),
        ("POST", "/manage/calls/{id}", DELEGATION),
        ("GET", "/manage/calls/{id}/edit", DELEGATION),
        ("GET", "/manage/calls/{id}/translations", DELEGATION),
        ("POST", "/manage/calls/{id}/translations", DELEGATION),
        ("GET", "/manage/calls/{id}/corrigenda/new", DELEGATION),
        ("POST", "/manage/calls/{id}/corrigenda/preview", DELEGATION),
        ("POST", "/manage/calls/{id}/corrigenda", DELEGATION),
        (
            "POST",
            "/manage/calls/{id}/corrigenda/{number}/documents",
            DELEGATION,
        ),
        ("GET", "/manage/calls/{id}/lots/new", DELEGATION),
        ("POST", "/manage/calls/{id}/lots", DELEGATION),
        ("GET", "/manage/calls/{id}/lots/{lot}/edit", DELEGATION),
        ("POST", "/manage/calls/{id}/lots/{lot}", DELEGATION),
        ("GET", "/manage/calls/{id}/lots/{lot}/delete", DELEGATION),
        ("POST", "/manage/calls/{id}/lots/{lot}/delete", DELEGATION),
        ("GET", "/manage/calls/{id}/grids", DELEGATION),
        ("POST", "/manage/calls/{id}/grids", DELEGATION),
        ("POST", "/manage/calls/{id}/documents", DELEGATION),
        (
            "POST",
            "/manage/calls/{id}/documents/{doc}/remove",
            DELEGATION,
        ),
        ("GET", "/manage/calls/{id}/publish", DELEGATION),
        ("POST", "/manage/calls/{id}/publish", DELEGATION),
        ("GET", "/manage/calls/{id}/delete", DELEGATION),
        ("POST", "/manage/calls/{id}/delete", DELEGATION),
        ("GET", "/manage/calls/{id}/cancel", DELEGATION),
        ("POST", "/manage/calls/{id}/cancel", DELEGATION),
        (
            "POST",
            "/manage/calls/{id}/clarifications/{cid}/answer/preview",
            DELEGATION,
        ),
        (
            "POST",
            "/manage/calls/{id}/clarifications/{cid}/answer",
            DELEGATION,
        ),
        ("GET", "/api/v1/programmes", EVERYONE),
        ("POST", "/api/v1/programmes", DELEGATION),
        ("GET", "/api/v1/programmes/{id}", EVERYONE),
        ("PUT", "/api/v1/programmes/{id}", DELEGATION),
        ("POST", "/api/v1/programmes/{id}/calls", DELEGATION),
        ("GET", "/api/v1/calls", EVERYONE),
        ("GET", "/api/v1/calls/{id}", EVERYONE),
        ("PUT", "/api/v1/calls/{id}", DELEGATION),
        ("GET", "/api/v1/calls/{id}/lots", EVERYONE),
        ("POST", "/api/v1/calls/{id}/lots", DELEGATION),
        ("PUT", "/api/v1/calls/{id}/lots/{lot_id}", DELEGATION),
        ("GET", "/api/v1/calls/{id}/clarifications", EVERYONE),
        ("GET", "/api/v1/calls/{id}/corrigenda", EVERYONE),
        ("POST", "/api/v1/calls/{id}/publish", DELEGATION),
        ("POST", "/api/v1/calls/{id}/cancel", DELEGATION),
        ("GET", "/api/v1/calls/{id}/grids", EVERYONE),
        ("PUT", "/api/v1/calls/{id}/grids", DELEGATION),
        ("GET", "/api/v1/calls/{id}/documents", EVERYONE),
        ("POST", "/api/v1/calls/{id}/documents", DELEGATION),
        (
            "DELETE",
            "/api/v1/calls/{id}/documents/{document_id}",
            DELEGATION,
        ),
        ("POST", "/api/v1/programmes/{id}/amendments", DELEGATION),
        ("PUT", "/api/v1/calls/{id}/follow", SIGNED_IN_BUT_AUDITOR),
        ("DELETE", "/api/v1/calls/{id}/follow", SIGNED_IN_BUT_AUDITOR),
        ("POST", "/api/v1/calls/{id}/questions", &["applicant"]),
        ("GET", "/api/v1/organisations", &["applicant"]),
        ("POST", "/api/v1/organisations", &["applicant"]),
        ("POST", "/api/v1/calls/{id}/applications", &["applicant"]),
        ("GET", "/api/v1/applications/{id}", &["applicant"]),
        (
            "PUT",
            "/api/v1/applications/{id}/concept-note",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/applications/{id}/full/description",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/applications/{id}/full/logframe",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/applications/{id}/full/workplan",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/applications/{id}/full/budget",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/applications/{id}/full/declaration",
            &["applicant"],
        ),
        ("POST", "/api/v1/applications/{id}/submit", &["applicant"]),
        ("POST", "/api/v1/applications/{id}/withdraw", &["applicant"]),
        (
            "GET",
            "/api/v1/applications/{id}/submissions/{sid}/package",
            &["applicant"],
        ),
        ("GET", "/api/v1/organisations/{id}", &["applicant"]),
        ("PUT", "/api/v1/organisations/{id}", &["applicant"]),
        (
            "POST",
            "/api/v1/organisations/{id}/invitations",
            &["applicant"],
        ),
        (
            "PUT",
            "/api/v1/organisations/{id}/members/{user_id}",
            &["applicant"],
        ),
        (
            "DELETE",
            "/api/v1/organisations/{id}/members/{user_id}",
            &["applicant"],
        ),
        ("GET", "/api/v1/applications/{id}/annexes", &["applicant"]),
        ("POST", "/api/v1/applications/{id}/annexes", &["applicant"]),
        (
            "DELETE",
            "/api/v1/applications/{id}/annexes/{annex_id}",
            &["applicant"],
        ),
        (
            "GET",
            "/api/v1/applications/{id}/files/{file_id}",
            &["applicant"],
        ),
        ("GET", "/api/v1/calls/{id}/questions", STAFF_READ),
        (
            "POST",
            "/api/v1/calls/{id}/questions/{question_id}/answer",
            DELEGATION,
        ),
        ("POST", "/api/v1/calls/{id}/corrigenda", DELEGATION),
    ]
}

fn role_of(name: &str) -> Option<Role> {
    Role::parse(name)
}

#[test]
fn every_route_has_an_expectation_and_the_matrix_agrees() {
    let expectations = expected();
    for spec in routes::all() {
        let found = expectations
            .iter()
            .find(|(m, p, _)| *m == spec.method.as_str() && *p == spec.path)
            .unwrap_or_else(|| {
                panic!(
                    "route {} {} has no expectation in tests/integration/access.rs",
                    spec.method, spec.path
                )
            });
        for who in EVERYONE {
            let allowed = found.2.contains(who);
            // The guard also refuses read-only roles' state changes outside their account.
            let read_only_refusal = role_of(who).is_some_and(|r| r.is_read_only())
                && spec.method != actix_web::http::Method::GET
                && !matches!(
                    spec.access,
                    Access::Public | Access::Action(Action::ManageOwnAccount | Action::UseApi)
                )
                && spec.path != "/logout";
            assert_eq!(
                spec.access.allows(role_of(who)) && !read_only_refusal,
                allowed,
                "{} {} as {who}",
                spec.method,
                spec.path
            );
        }
    }
    assert_eq!(
        expectations.len(),
        routes::all().len(),
        "an expectation names a route that does not exist"
    );
}

struct Caller {
    name: &'static str,
    client: Client,
    email: String,
    bearer: Option<String>,
}

async fn caller(app: &TestApp, name: &'static str) -> Caller {
    if name == ANON {
        return Caller {
            name,
            client: new_client(),
            email: String::new(),
            bearer: None,
        };
    }
    let role = role_of(name).unwrap();
    let email = format!("walk-{name}@example.kz");
    app.create_user(&email, role).await;
    let client = new_client();
    assert_eq!(
        app.login_with(&client, &email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let token = new_token(app, &email).await;
    Caller {
        name,
        client,
        email,
        bearer: Some(token),
    }
}

async fn new_token(app: &TestApp, email: &str) -> String {
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/tokens"))
        .json(&serde_json::json!({"email": email, "password": PASSWORD, "name": "walk"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A concrete path for a route pattern.
fn concrete(pattern: &str, ids: &Ids) -> String {
    pattern
        .replace("/static/{file:.*}", "/static/app.css")
        .replace(
            "/account/tokens/{id}",
            &format!("/account/tokens/{}", ids.token),
        )
        .replace(
            "/api/v1/tokens/{id}",
            &format!("/api/v1/tokens/{}", ids.token),
        )
        .replace("/admin/users/{id}", &format!("/admin/users/{}", ids.user))
        .replace("/admin/outbox/{id}", &format!("/admin/outbox/{}", ids.mail))
        .replace("{id}", &ids.other)
        .replace("{doc}", &ids.other)
        .replace("{lot}", &ids.other)
        .replace("{number}", "1")
        .replace("{lot_id}", &ids.other)
        .replace("{cid}", &ids.other)
        .replace("{question_id}", &ids.other)
        .replace("{document_id}", &ids.other)
        .replace("{inv}", &ids.other)
        .replace("{user}", &ids.other)
        .replace("{member}", &ids.other)
        .replace("{member_id}", &ids.other)
        .replace("{assignment_id}", &ids.other)
        .replace("{sid}", &ids.other)
        .replace("{pid}", &ids.other)
        .replace("{aid}", &ids.other)
        .replace("{fid}", &ids.other)
        .replace("{annex_id}", &ids.other)
        .replace("{file_id}", &ids.other)
        .replace("{user_id}", &ids.other)
        .replace("{section}", "budget")
}

struct Ids {
    /// An id that names nothing: allowed roles get "not found", never a refusal.
    other: String,
    user: String,
    token: String,
    mail: String,
}

fn refused(kind: Kind, status: StatusCode, loc: &str, anonymous: bool) -> bool {
    match (kind, anonymous) {
        (Kind::Html, true) => status == StatusCode::SEE_OTHER && loc.starts_with("/login?next="),
        (Kind::Html, false) => status == StatusCode::FORBIDDEN,
        (Kind::Api, true) => status == StatusCode::UNAUTHORIZED,
        (Kind::Api, false) => status == StatusCode::FORBIDDEN,
    }
}

on_both_databases!(every_route_as_every_role);

async fn every_route_as_every_role(app: TestApp) {
    let target = app.create_user("target@example.kz", Role::Applicant).await;
    let mut callers = Vec::new();
    for who in EVERYONE {
        callers.push(caller(&app, who).await);
    }
    let ids = Ids {
        other: uuid::Uuid::now_v7().to_string(),
        user: target,
        token: uuid::Uuid::now_v7().to_string(),
        mail: uuid::Uuid::now_v7().to_string(),
    };
    let expectations = expected();
    for spec in routes::all() {
        let allowed_roles = expectations
            .iter()
            .find(|(m, p, _)| *m == spec.method.as_str() && *p == spec.path)
            .unwrap()
            .2;
        for c in callers.iter_mut() {
            let path = concrete(spec.path, &ids);
            let method = Method::from_bytes(spec.method.as_str().as_bytes()).unwrap();
            let res = match spec.kind {
                Kind::Html => {
                    let mut req = c.client.request(method.clone(), app.url(&path));
                    if method == Method::POST {
                        let token = app.csrf_token_of(&c.client).await;
                        req = req.form(&[("csrf_token", token)]);
                    }
                    req.send().await.unwrap()
                }
                Kind::Api => {
                    let mut req = new_client().request(method.clone(), app.url(&path));
                    if let Some(b) = &c.bearer {
                        req = req.bearer_auth(b);
                    }
                    if method == Method::POST {
                        req = req.json(&serde_json::json!({"email": "nobody@example.kz", "password": "wrong wrong wrong"}));
                    }
                    req.send().await.unwrap()
                }
            };
            let status = res.status();
            let loc = location(&res);
            // "Log out everywhere" ends the caller's API tokens too: take a new one.
            if spec.path == "/account/logout-everywhere" && c.bearer.is_some() {
                c.bearer = Some(new_token(&app, &c.email).await);
            }
            let is_refused = refused(spec.kind, status, &loc, c.name == ANON);
            let should_allow = allowed_roles.contains(&c.name);
            if should_allow {
                // POST /api/v1/tokens is open to all; wrong credentials there answer 401.
                let credential_check = spec.path == "/api/v1/tokens";
                assert!(
                    credential_check
                        || (!is_refused
                            && status != StatusCode::UNAUTHORIZED
                            && status != StatusCode::FORBIDDEN),
                    "{} {path} as {}: expected allowed, got {status} {loc}",
                    spec.method,
                    c.name
                );
                assert!(
                    status.as_u16() < 500,
                    "{} {path} as {}: server error {status}",
                    spec.method,
                    c.name
                );
            } else {
                assert!(
                    is_refused,
                    "{} {path} as {}: expected refusal, got {status} {loc}",
                    spec.method, c.name
                );
            }
            // Routes that end the session: sign in again for the next route.
            if c.name != ANON
                && should_allow
                && (spec.path == "/logout" || spec.path == "/account/logout-everywhere")
            {
                let fresh = new_client();
                assert_eq!(
                    app.login_with(&fresh, &c.email, PASSWORD).await.status(),
                    StatusCode::SEE_OTHER
                );
                c.client = fresh;
            }
        }
    }
    // The auditor reads the audit log but every state change of others' data is refused.
    let auditor = callers.iter().find(|c| c.name == "auditor").unwrap();
    let res = app
        .post_form_with(
            &auditor.client,
            &format!("/admin/users/{}/disable", ids.user),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

on_both_databases!(api_ignores_the_session_cookie);

async fn api_ignores_the_session_cookie(app: TestApp) {
    app.create_user("cookie@example.kz", Role::Admin).await;
    app.login("cookie@example.kz").await;
    assert_eq!(app.get("/account").await.status(), StatusCode::OK);
    let res = app.get("/api/v1/me").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers().get("www-authenticate").unwrap(), "Bearer");
}
