//! The calls workflow through API v1 with bearer tokens — on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::calls::{add_guidelines, api_token, delegation, draft_call, programme, today};
use crate::helpers::{new_client, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_whole_calls_workflow_runs_through_the_api,
    documents_and_programme_amendments_through_the_api
);

async fn documents_and_programme_amendments_through_the_api(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let d = today(&app) - Duration::days(30);
    let pid = programme(&app, &actor, d, "P-API-DOC").await;
    let id = draft_call(&app, &actor, &pid, "CALL-API-DOC", 60).await;
    let staff = api_token(&app, Role::Delegation).await;
    let client = new_client();
    let upload = |lang: &str, bytes: Vec<u8>, name: &str| {
        reqwest::multipart::Form::new()
            .text("language", lang.to_string())
            .text("title", "Guidelines")
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            )
    };
    let url = app.url(&format!("/api/v1/calls/{id}/documents"));
    let res = client
        .post(&url)
        .bearer_auth(&staff)
        .multipart(upload("en", b"MZ not a pdf".to_vec(), "g.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "file");
    let pdf = grants::services::demo::minimal_pdf(&["Guidelines"]);
    let res = client
        .post(&url)
        .bearer_auth(&staff)
        .multipart(upload("en", pdf.clone(), "g.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let docs: Value = res.json().await.unwrap();
    let doc = docs[0]["id"].as_str().unwrap().to_string();
    assert_eq!(docs[0]["sha256"].as_str().unwrap().len(), 64);
    let res = client
        .delete(app.url(&format!("/api/v1/calls/{id}/documents/{doc}")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let docs: Value = client
        .get(&url)
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 0);

    // A programme amendment: too short a notice is refused; three months is recorded.
    let launch = grants::domain::timeline::add_months(d, 8).unwrap();
    let new_date = launch + Duration::days(60);
    let amend = |effective: chrono::NaiveDate| {
        json!({"date": "call_launch_deadline", "new_date": new_date.to_string(), "effective_on": effective.to_string(),
               "reason": "Later start.", "addendum_reference": "Addendum 1"})
    };
    let url = app.url(&format!("/api/v1/programmes/{pid}/amendments"));
    let res = client
        .post(&url)
        .bearer_auth(&staff)
        .json(&amend(today(&app) + Duration::days(60)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let effective = grants::domain::timeline::add_months(today(&app), 3).unwrap();
    let res = client
        .post(&url)
        .bearer_auth(&staff)
        .json(&amend(effective))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let programme: Value = res.json().await.unwrap();
    assert_eq!(programme["amendments"].as_array().unwrap().len(), 1);
    let applicant = api_token(&app, Role::Applicant).await;
    let res = client
        .post(&url)
        .bearer_auth(&applicant)
        .json(&amend(effective))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn the_whole_calls_workflow_runs_through_the_api(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-API").await;
    let id = draft_call(&app, &actor, &pid, "CALL-API", 60).await;
    let staff = api_token(&app, Role::Delegation).await;
    let applicant = api_token(&app, Role::Applicant).await;
    let client = new_client();
    let url = |path: &str| app.url(&format!("/api/v1/calls/{id}{path}"));

    // Publishing without English guidelines: every problem as its own entry.
    let res = client
        .post(url("/publish"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/problem+json"));
    let problem: Value = res.json().await.unwrap();
    let errors = problem["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["code"] == "publish-problem-guidelines" && e["field"] == "CFP-08"),
        "{problem}"
    );
    // An applicant may not publish.
    let res = client
        .post(url("/publish"))
        .bearer_auth(&applicant)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Grids as JSON, checked by the same rules: a grid without sections is refused.
    let grids: Value = client
        .get(url("/grids"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(grids["concept_note"]["sections"]
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    let mut broken = grids.clone();
    broken["full_application"]["sections"] = json!([]);
    let res = client
        .put(url("/grids"))
        .bearer_auth(&staff)
        .json(&broken)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = client
        .put(url("/grids"))
        .bearer_auth(&staff)
        .json(&grids)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    add_guidelines(&app, &actor, &id).await;
    let res = client
        .post(url("/publish"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let call: Value = res.json().await.unwrap();
    assert_eq!(call["status"], "published");
    let res = client
        .post(url("/publish"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = client
        .put(url("/grids"))
        .bearer_auth(&staff)
        .json(&grids)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "the grids of a published call are fixed"
    );
    let docs: Value = client
        .get(url("/documents"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(docs[0]["language"], "en");
    assert_eq!(docs[0]["authentic"], true);

    // Follow (twice: idempotent), ask, and the staff see the question with its asker.
    for _ in 0..2 {
        let res = client
            .put(url("/follow"))
            .bearer_auth(&applicant)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let res = client
        .post(url("/questions"))
        .bearer_auth(&applicant)
        .json(&json!({"question": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = client
        .post(url("/questions"))
        .bearer_auth(&applicant)
        .json(&json!({"question": "Is VAT eligible?"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let waiting: Value = client
        .get(url("/questions?unanswered=true"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(waiting.as_array().unwrap().len(), 1);
    assert!(waiting[0]["asked_by"]
        .as_str()
        .unwrap()
        .starts_with("api-applicant-"));
    let qid = waiting[0]["id"].as_str().unwrap().to_string();
    let res = client
        .get(url("/questions"))
        .bearer_auth(&applicant)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "applicants never see who asked"
    );
    let res = client
        .post(url(&format!("/questions/{qid}/answer")))
        .bearer_auth(&staff)
        .json(&json!({"answer": "VAT is not eligible when it can be recovered."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let answer: Value = res.json().await.unwrap();
    assert_eq!(answer["question"], "Is VAT eligible?");
    assert!(answer.get("asked_by").is_none());
    let res = client
        .post(url(&format!("/questions/{qid}/answer")))
        .bearer_auth(&staff)
        .json(&json!({"answer": "Again."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // A corrigendum: shortening is refused with the problem named; extending is published.
    let deadline: chrono::DateTime<chrono::Utc> =
        call["deadline"].as_str().unwrap().parse().unwrap();
    let res = client
        .post(url("/corrigenda"))
        .bearer_auth(&staff)
        .json(&json!({"reason": {"en": "Earlier."}, "deadline": (deadline - Duration::days(1)).to_rfc3339()}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["code"],
        "corrigendum-problem-deadline-earlier"
    );
    // A deadline in a far year, or an amount beyond any envelope: refused, nothing kept.
    for body in [
        json!({"reason": {"en": "Far."}, "deadline": "9999-12-31T00:00:00Z"}),
        json!({"reason": {"en": "Huge."}, "lots": [{"number": 1, "envelope_cents": 1_000_000_000_000_000_000i64}]}),
        json!({"reason": {"en": "No lot."}, "lots": [{"number": 99, "envelope_cents": 1}]}),
    ] {
        let res = client
            .post(url("/corrigenda"))
            .bearer_auth(&staff)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let res = client
        .post(url("/corrigenda"))
        .bearer_auth(&staff)
        .json(&json!({"reason": {"en": "More time.", "kk": "Көбірек уақыт."}, "deadline": (deadline + Duration::days(14)).to_rfc3339()}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let corrigendum: Value = res.json().await.unwrap();
    assert_eq!(corrigendum["number"], 1);
    assert_eq!(corrigendum["changes"][0]["kind"], "deadline");

    // Cancel: the reason must be one of the four; then the call is cancelled.
    let res = client
        .post(url("/cancel"))
        .bearer_auth(&staff)
        .json(&json!({"reason": "bored", "explanation": {"en": "x"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = client
        .post(url("/cancel"))
        .bearer_auth(&staff)
        .json(&json!({"reason": "force_majeure", "explanation": {"en": "Floods."}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let call: Value = res.json().await.unwrap();
    assert_eq!(call["status"], "cancelled");
    assert_eq!(call["cancel_explanation"], "Floods.");
    let res = client
        .delete(url("/follow"))
        .bearer_auth(&applicant)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}
