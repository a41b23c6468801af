//! The audit log (page, chain, `grants audit verify`) and the JSON API.

use grants::domain::access::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    auditors_and_admins_browse_and_filter_the_audit_log,
    a_tampered_audit_row_is_detected,
    api_tokens_are_created_used_listed_and_revoked,
    api_errors_are_problem_documents,
    openapi_document_is_generated_from_the_code,
    the_audit_log_names_people_and_objects_in_words_and_exports_csv,
);

async fn the_audit_log_names_people_and_objects_in_words_and_exports_csv(app: TestApp) {
    let (_, actor) = crate::calls::delegation(&app).await;
    let today = crate::calls::today(&app);
    let pid =
        crate::calls::programme(&app, &actor, today - chrono::Duration::days(30), "P-AUD").await;
    let call = crate::calls::published_call(&app, &actor, &pid, "CALL-AUD", 60).await;
    let (auditor, _) = app.client_as(Role::Auditor).await;
    // By the call's reference, not its id: its events, the call named, events in words.
    let html = body(
        app.get_with(&auditor, "/audit?object_type=call&object_id=CALL-AUD")
            .await,
    )
    .await;
    assert!(
        html.contains("Call published") && html.contains("Call created"),
        "{html}"
    );
    assert!(html.contains("<strong>CALL-AUD</strong>"));
    assert!(html.contains(&call));
    assert!(!html.contains("<td>Programme created<br>"));
    // In Russian, the events are named in Russian.
    app.post_form_with(&auditor, "/language", &[("lang", "ru"), ("next", "/audit")])
        .await;
    let html = body(app.get_with(&auditor, "/audit?object_id=CALL-AUD").await).await;
    assert!(html.contains("Конкурс опубликован"), "{html}");
    // Amounts in the details read as money.
    let html = body(
        app.get_with(&auditor, "/audit?action=programme.created")
            .await,
    )
    .await;
    assert!(html.contains("P-AUD"));
    // CSV of the filtered view: a header and one line per event, nothing else.
    let res = app
        .get_with(&auditor, "/audit.csv?object_type=call&object_id=CALL-AUD")
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(records.iter().all(|r| &r[4] != "programme.created"));
    assert!(records.iter().any(|r| &r[4] == "call.published"
        && &r[6] == "CALL-AUD"
        && &r[3] == "Конкурс опубликован"));
    let formula = "=cmd|'/ccalc'!a0@example.kz";
    app.create_user(formula, Role::Applicant).await;
    app.login_with(&new_client(), formula, PASSWORD).await;
    let text = app
        .get_with(&auditor, "/audit.csv")
        .await
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let actors: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[2].to_string())
        .collect();
    assert!(
        actors.iter().any(|a| a.starts_with("'=cmd")) && actors.iter().all(|a| !a.starts_with('=')),
        "{actors:?}"
    );
    let (applicant, _) = app.client_as(Role::Applicant).await;
    assert_eq!(
        app.get_with(&applicant, "/audit.csv").await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn auditors_and_admins_browse_and_filter_the_audit_log(app: TestApp) {
    app.create_user("someone@example.kz", Role::Applicant).await;
    app.login_with(
        &new_client(),
        "someone@example.kz",
        "wrong password, long one",
    )
    .await;
    let (auditor, _) = app.client_as(Role::Auditor).await;
    let html = body(app.get_with(&auditor, "/audit").await).await;
    assert!(html.contains("user.login_failed"));
    assert!(html.contains("user.created"));
    let html = body(
        app.get_with(&auditor, "/audit?action=user.login_failed")
            .await,
    )
    .await;
    assert!(html.contains("user.login_failed"));
    assert!(!html.contains(">user.created</code>"));
    let html = body(
        app.get_with(&auditor, "/audit?actor=someone%40example.kz")
            .await,
    )
    .await;
    assert!(html.contains("someone@example.kz"));
    assert!(!html.contains(">user.login</code>"));
    // Dates are Almaty days; tomorrow has nothing yet.
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let html = body(
        app.get_with(&auditor, &format!("/audit?from={tomorrow}"))
            .await,
    )
    .await;
    assert!(html.contains("Nothing to show"));
    let (applicant, _) = app.client_as(Role::Applicant).await;
    assert_eq!(
        app.get_with(&applicant, "/audit").await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn a_tampered_audit_row_is_detected(app: TestApp) {
    app.create_user("a@example.kz", Role::Applicant).await;
    app.create_user("b@example.kz", Role::Evaluator).await;
    app.login("a@example.kz").await;
    let n = app.verify_audit().await.expect("intact chain");
    assert!(n >= 3);
    let cli = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_grants"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", url)
            .env(
                "APP_CONFIG_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
            )
            .env("APP_ENV", "test")
            .env("APP__DATA__DIR", &app.state.settings.data.dir)
            .output()
            .unwrap()
    };
    let ok = cli(&app.database_url);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("intact"));

    // The database itself refuses to change or remove an event…
    for sql in [
        "UPDATE audit_events SET details = '{}' WHERE seq = 2",
        "DELETE FROM audit_events WHERE seq = 2",
    ] {
        assert!(app.try_execute_sql(sql).is_err(), "{sql} was allowed");
    }
    // …so an attacker with rights over the schema first removes the triggers.
    if app.has_pg() {
        app.execute_sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
    } else {
        app.execute_sql("DROP TRIGGER audit_events_no_update");
    }
    app.execute_sql("UPDATE audit_events SET details = '{\"role\":\"admin\"}' WHERE seq = 2");
    let broken = app.verify_audit().await.unwrap_err();
    assert_eq!(
        broken,
        grants::domain::audit::ChainBreak::HashMismatch { seq: 2 }
    );
    let out = cli(&app.database_url);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("event #2"));
}

async fn api_tokens_are_created_used_listed_and_revoked(app: TestApp) {
    app.create_user("api@example.kz", Role::Delegation).await;
    let client = new_client();
    let res = client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "api@example.kz", "password": PASSWORD, "name": "reporting script"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let token = created["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("kzg_"));

    let me: Value = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "api@example.kz");
    assert_eq!(me["role"], "delegation");

    let list: Value = client
        .get(app.url("/api/v1/tokens"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "reporting script");
    assert!(list[0].get("token").is_none(), "the secret is never listed");

    // It is listed on the profile page too, and stored only as a hash.
    app.login("api@example.kz").await;
    let html = body(app.get("/account").await).await;
    assert!(html.contains("reporting script"));
    assert!(!html.contains(&token));
    let id = created["id"].as_str().unwrap().to_string();
    let res = app
        .post_form(&format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Another user's token cannot be revoked by id.
    let (_, _) = app.client_as(Role::Applicant).await;
    let other: Value = client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "api@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    app.create_user("intruder@example.kz", Role::Admin).await;
    let intruder: Value = client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "intruder@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let res = client
        .delete(app.url(&format!("/api/v1/tokens/{}", other["id"].as_str().unwrap())))
        .bearer_auth(intruder["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(other["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn api_errors_are_problem_documents(app: TestApp) {
    let client = new_client();
    let res = client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "nobody@example.kz", "password": "wrong but long enough"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("application/problem+json"));
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["status"], 401);
    assert!(problem["type"]
        .as_str()
        .unwrap()
        .starts_with("urn:kazlod:problem:"));
    assert!(problem["request_id"].as_str().unwrap().len() > 10);

    let res = client
        .get(app.url("/api/v1/me"))
        .bearer_auth("kzg_forged")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = client
        .post(app.url("/api/v1/tokens"))
        .header("content-type", "application/json")
        .body(r#"{"email":"a@b.kz","password":"x","role":"admin"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let problem: Value = res.json().await.unwrap();
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("unknown or repeated"));
    let res = client
        .get(app.url("/api/v1/nothing-here"))
        .header("accept-language", "ru")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["status"], 404);
}

async fn openapi_document_is_generated_from_the_code(app: TestApp) {
    let doc: Value = new_client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for spec in grants::web::routes::all()
        .iter()
        .filter(|s| s.kind == grants::web::routes::Kind::Api)
    {
        let path = spec.path.to_string();
        let entry = paths
            .get(&path)
            .unwrap_or_else(|| panic!("{path} not documented"));
        assert!(
            entry.get(spec.method.as_str().to_lowercase()).is_some(),
            "{} {path} not documented",
            spec.method
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Every schema the document refers to is in it (a flattened or nested type that was
    // never registered would leave a dangling reference).
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.iter().any(|r| r.ends_with("/LotTerms")), "{found:?}");
    for r in found {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {r}"));
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{r} is referred to but not defined"
        );
    }
}
