//! Applicant organisations: registration with a checked BIN, members, invitations and
//! the last owner — on both databases.

use grants::domain::access::Role;
use reqwest::StatusCode;

use crate::helpers::{body, location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    an_organisation_is_registered_once_and_shared_by_invitation,
    the_api_reads_and_updates_an_organisation_and_its_members
);

/// A valid BIN from its first 11 digits.
pub(crate) fn bin(first: &str) -> String {
    let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if c == 10 {
        c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    format!("{first}{c}")
}

fn record(bin: &str) -> Vec<(&'static str, String)> {
    vec![
        ("legal_name", "Aral Tenizi Public Foundation".into()),
        ("legal_name_local", "«Арал теңізі» қоғамдық қоры".into()),
        ("acronym", "ATPF".into()),
        ("legal_status", "ngo".into()),
        ("country", "kz".into()),
        ("oblast", "kyzylorda".into()),
        ("registration_number", bin.into()),
        ("address", "Aralsk, Abylai Khan 12".into()),
        ("contact_email", "office@aral.example.kz".into()),
        ("contact_phone", "+7 724 332 10 10".into()),
        ("year_registered", "2005".into()),
        ("staff", "12".into()),
        ("annual_turnover", "120 000,50".into()),
    ]
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form_with(client, path, &pairs).await
}

async fn an_organisation_is_registered_once_and_shared_by_invitation(app: TestApp) {
    app.create_user("owner@aral.example.kz", Role::Applicant)
        .await;
    app.create_user("colleague@aral.example.kz", Role::Applicant)
        .await;
    let owner = new_client();
    app.login_with(&owner, "owner@aral.example.kz", PASSWORD)
        .await;
    let colleague = new_client();
    app.login_with(&colleague, "colleague@aral.example.kz", PASSWORD)
        .await;

    // A BIN with a wrong control digit, a future year: refused at their fields.
    let good = bin("05014000123");
    let last = good.chars().last().unwrap().to_digit(10).unwrap();
    let wrong = format!("{}{}", &good[..11], (last + 1) % 10);
    let mut fields = record(&wrong);
    fields.retain(|(k, _)| *k != "year_registered");
    fields.push(("year_registered", "2999".into()));
    let res = post(&app, &owner, "/organisations", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(
        html.contains("last digit does not match")
            && html.contains("href=\"#registration_number\""),
        "{html}"
    );
    assert!(html.contains("between 1900 and this year"));
    assert!(
        html.contains("value=\"Aral Tenizi Public Foundation\""),
        "what was typed is kept"
    );

    let res = post(&app, &owner, "/organisations", &record(&good)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let org = location(&res);
    assert!(org.starts_with("/organisations/"));
    let page = body(app.get_with(&owner, &org).await).await;
    assert!(
        page.contains("Your role here: owner.")
            && page.contains("KZ")
            && page.contains("120,000.50"),
        "{page}"
    );

    // The same BIN again is the same organisation: refused, and nobody else sees it.
    let res = post(&app, &colleague, "/organisations", &record(&good)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("already registered"));
    assert_eq!(
        app.get_with(&colleague, &org).await.status(),
        StatusCode::NOT_FOUND
    );

    // Invitation by email; the colleague answers it when signed in.
    let res = app
        .post_form_with(
            &owner,
            &format!("{org}/invitations"),
            &[("email", "Colleague@aral.example.kz"), ("role", "editor")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mail = app
        .wait_for_mail("colleague@aral.example.kz", "Invitation to work for")
        .await;
    assert!(mail.body.contains("as editor"));
    let list = body(app.get_with(&colleague, "/organisations").await).await;
    let accept = regex::Regex::new(r#"/organisations/invitations/([0-9a-f-]+)/accept"#).unwrap();
    let invitation = accept.captures(&list).expect("an invitation")[1].to_string();
    let res = app
        .post_form_with(
            &colleague,
            &format!("/organisations/invitations/{invitation}/accept"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Again: already answered.
    let res = app
        .post_form_with(
            &colleague,
            &format!("/organisations/invitations/{invitation}/accept"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let page = body(app.get_with(&colleague, &org).await).await;
    assert!(page.contains("Your role here: editor."));
    // An editor edits the record but does not manage members.
    let mut changed = record(&good);
    changed[0].1 = "Aral Tenizi Foundation".into();
    let res = post(&app, &colleague, &org, &changed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form_with(
            &colleague,
            &format!("{org}/invitations"),
            &[("email", "x@example.kz"), ("role", "reader")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The only owner cannot leave; once the colleague is an owner too, they can.
    let owner_id = grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "owner@aral.example.kz",
    )
    .unwrap()
    .unwrap()
    .id;
    let colleague_id = grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "colleague@aral.example.kz",
    )
    .unwrap()
    .unwrap()
    .id;
    let res = app
        .post_form_with(&owner, &format!("{org}/members/{owner_id}/remove"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&owner, &org).await)
        .await
        .contains("keeps at least one owner"));
    let res = app
        .post_form_with(
            &owner,
            &format!("{org}/members/{colleague_id}/role"),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form_with(&owner, &format!("{org}/members/{owner_id}/remove"), &[])
        .await;
    assert_eq!(location(&res), "/organisations");
    assert_eq!(
        app.get_with(&owner, &org).await.status(),
        StatusCode::NOT_FOUND
    );
    let actions = app.audit_actions().await;
    for a in [
        "organisation.registered",
        "organisation.member_invited",
        "organisation.member_joined",
        "organisation.updated",
        "organisation.member_role_changed",
        "organisation.member_left",
    ] {
        assert!(actions.contains(&a.to_string()), "{a}");
    }
}

on_both_databases!(hostile_input_on_the_new_forms_gets_field_errors_never_a_fault);

async fn hostile_input_on_the_new_forms_gets_field_errors_never_a_fault(app: TestApp) {
    app.create_user("h@ngo.example.kz", Role::Applicant).await;
    let c = new_client();
    app.login_with(&c, "h@ngo.example.kz", PASSWORD).await;
    let good = bin("05014000123");
    let cases: Vec<(&str, String, &str)> = vec![
        ("legal_name", "Nul\u{0}name".into(), "cannot be stored"),
        (
            "staff",
            "99999999999999999999".into(),
            "Enter a whole number.",
        ),
        ("year_registered", "-5".into(), "between 1900 and this year"),
        ("annual_turnover", "1e309".into(), ""),
        ("annual_turnover", "99999999999999999".into(), ""),
        ("country", "KAZ".into(), "two-letter code"),
        ("legal_status", "<script>alert(1)</script>".into(), ""),
        ("legal_name", "x".repeat(301), ""),
    ];
    for (field, value, message) in cases {
        let mut fields = record(&good);
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value.clone()));
        let res = post(&app, &c, "/organisations", &fields).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}={value:.40}"
        );
        let html = body(res).await;
        assert!(!html.contains("<script>alert(1)</script>"), "escaped");
        assert!(html.contains(message), "{field}: {message}");
    }
    // Nothing half-written.
    let list = body(app.get_with(&c, "/organisations").await).await;
    assert!(list.contains("You belong to no organisation yet"));
    // Ids that are not ids, or someone else's: not found, never a fault.
    for path in [
        "/organisations/not-an-id",
        "/organisations/01a2364f-b9d0-705b-b72d-50e13f59c253",
        "/applications/01a2364f-b9d0-705b-b72d-50e13f59c253",
    ] {
        let status = app.get_with(&c, path).await.status();
        assert!(status == StatusCode::NOT_FOUND, "{path}: {status}");
    }
}

async fn the_api_reads_and_updates_an_organisation_and_its_members(app: TestApp) {
    use serde_json::{json, Value};
    let owner = crate::calls::api_token(&app, Role::Applicant).await;
    let api = new_client();
    let res = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&owner)
        .json(
            &json!({"legal_name": "Mangystau Youth", "legal_status": "ngo", "country": "KZ",
            "oblast": "mangystau", "registration_number": bin("08014000321"), "address": "Aktau"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let org = app.url(&format!("/api/v1/organisations/{id}"));
    let got: Value = api
        .get(&org)
        .bearer_auth(&owner)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["my_role"], "owner");
    assert_eq!(got["legal_name"], "Mangystau Youth");
    assert_eq!(got["members"].as_array().unwrap().len(), 1);
    let owner_id = got["members"][0]["user_id"].as_str().unwrap().to_string();
    let mut record = got.clone();
    for k in ["id", "my_role", "members"] {
        record.as_object_mut().unwrap().remove(k);
    }
    // A BIN with a wrong check digit: 422 at its field, nothing changed.
    let mut bad = record.clone();
    bad["registration_number"] = json!("080140003210");
    if bad["registration_number"] == record["registration_number"] {
        bad["registration_number"] = json!("080140003211");
    }
    let res = api
        .put(&org)
        .bearer_auth(&owner)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["field"], "registration_number",
        "{problem}"
    );
    record["address"] = json!("Aktau, 14th microdistrict");
    let res = api
        .put(&org)
        .bearer_auth(&owner)
        .json(&record)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<Value>().await.unwrap()["address"],
        "Aktau, 14th microdistrict"
    );

    // A colleague invited as reader reads but cannot change the record.
    app.create_user("colleague@youth.example.kz", Role::Applicant)
        .await;
    let res = api
        .post(format!("{org}/invitations"))
        .bearer_auth(&owner)
        .json(&json!({"email": "colleague@youth.example.kz", "role": "reader"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let colleague = new_client();
    app.login_with(&colleague, "colleague@youth.example.kz", PASSWORD)
        .await;
    let invitation = grants::db::organisations::pending_for_email(
        &mut app.state.pool.get().unwrap(),
        "colleague@youth.example.kz",
    )
    .unwrap()[0]
        .0
        .id
        .clone();
    let res = app
        .post_form_with(
            &colleague,
            &format!("/organisations/invitations/{invitation}/accept"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = colleague
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "colleague@youth.example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let reader = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let got: Value = api
        .get(&org)
        .bearer_auth(&reader)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["my_role"], "reader");
    let reader_id = got["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "reader")
        .unwrap()["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = api
        .put(&org)
        .bearer_auth(&reader)
        .json(&record)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The reader sees the organisation's application but cannot change it or its annexes.
    let (_, staff) = crate::calls::delegation(&app).await;
    let pid = crate::calls::programme(
        &app,
        &staff,
        crate::calls::today(&app) - chrono::Duration::days(30),
        "P-READ",
    )
    .await;
    let call = crate::calls::published_open_call(&app, &staff, &pid, "CALL-READ", 100).await;
    let lot = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap()[1]
        .id
        .clone();
    let res = api
        .post(app.url(&format!("/api/v1/calls/{call}/applications")))
        .bearer_auth(&owner)
        .json(&json!({"organisation_id": id, "lot_id": lot}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let application = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let base = app.url(&format!("/api/v1/applications/{application}"));
    let res = api.get(&base).bearer_auth(&reader).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = api
        .put(format!("{base}/concept-note"))
        .bearer_auth(&reader)
        .json(&json!({"version": 1, "title": "Mine now", "relevance": "", "design": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let pdf = grants::services::demo::minimal_pdf(&["Letter"]);
    let res = api
        .post(format!("{base}/annexes"))
        .bearer_auth(&reader)
        .multipart(
            reqwest::multipart::Form::new()
                .text("title", "Letter")
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(pdf).file_name("letter.pdf"),
                ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = api
        .post(format!("{base}/submit"))
        .bearer_auth(&reader)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The owner makes them an editor: now they may.
    let res = api
        .put(format!("{org}/members/{reader_id}"))
        .bearer_auth(&owner)
        .json(&json!({"role": "editor"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = api
        .put(&org)
        .bearer_auth(&reader)
        .json(&record)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // The last owner cannot leave; the editor can.
    let res = api
        .delete(format!("{org}/members/{owner_id}"))
        .bearer_auth(&owner)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = api
        .delete(format!("{org}/members/{reader_id}"))
        .bearer_auth(&reader)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        api.get(&org)
            .bearer_auth(&reader)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // Someone else learns nothing.
    let stranger = crate::calls::api_token(&app, Role::Applicant).await;
    for res in [
        api.get(&org).bearer_auth(&stranger).send().await.unwrap(),
        api.put(&org)
            .bearer_auth(&stranger)
            .json(&record)
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
}
