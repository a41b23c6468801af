//! Starting an application and writing its concept note — on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::StatusCode;

use crate::calls::{delegation, programme, published_call, today};
use crate::helpers::{body, location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;
use crate::organisations::bin;

on_both_databases!(
    an_eligible_organisation_starts_an_application_and_members_never_overwrite_each_other,
    a_concept_note_is_submitted_with_a_receipt_until_the_deadline_and_not_after
);

async fn an_eligible_organisation_starts_an_application_and_members_never_overwrite_each_other(
    app: TestApp,
) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-APP").await;
    let call = published_call(&app, &actor, &pid, "CALL-APP", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let (pilot, national) = (&lots[0].id, &lots[1].id);
    app.create_user("a@ngo.example.kz", Role::Applicant).await;
    app.create_user("b@ngo.example.kz", Role::Applicant).await;
    let a = new_client();
    app.login_with(&a, "a@ngo.example.kz", PASSWORD).await;
    let b = new_client();
    app.login_with(&b, "b@ngo.example.kz", PASSWORD).await;

    // Without an organisation, the call page says to register one first.
    let page = body(app.get_with(&a, &format!("/calls/{call}")).await).await;
    assert!(page.contains("register your organisation first"));
    // A local authority of Mangystau: lot 1 (pilot oblasts) yes, lot 2 (NGOs only) no.
    let number = bin("06014000456");
    let res = app
        .post_form_with(
            &a,
            "/organisations",
            &[
                ("legal_name", "Akimat of Zhanaozen"),
                ("legal_status", "local_authority"),
                ("country", "KZ"),
                ("oblast", "mangystau"),
                ("registration_number", &number),
                ("address", "Zhanaozen"),
            ],
        )
        .await;
    let org = location(&res)
        .trim_start_matches("/organisations/")
        .to_string();
    let res = app
        .post_form_with(
            &a,
            &format!("/calls/{call}/applications"),
            &[("organisation_id", &org), ("lot_id", national)],
        )
        .await;
    assert_eq!(location(&res), format!("/calls/{call}#apply"));
    let page = body(app.get_with(&a, &format!("/calls/{call}")).await).await;
    assert!(
        page.contains("legal status is not among those this lot accepts"),
        "{page}"
    );
    // Someone else's organisation cannot be used.
    let res = app
        .post_form_with(
            &b,
            &format!("/calls/{call}/applications"),
            &[("organisation_id", &org), ("lot_id", pilot)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = app
        .post_form_with(
            &a,
            &format!("/calls/{call}/applications"),
            &[("organisation_id", &org), ("lot_id", pilot)],
        )
        .await;
    let application = location(&res);
    assert!(application.starts_with("/applications/"), "{application}");
    // Only members see it.
    assert_eq!(
        app.get_with(&b, &application).await.status(),
        StatusCode::NOT_FOUND
    );
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("0 of at most 1500 words"), "{page}");
    let version = |html: &str| {
        regex::Regex::new(r#"name="version" value="(\d+)""#)
            .unwrap()
            .captures(html)
            .unwrap()[1]
            .to_string()
    };
    let v1 = version(&page);

    // Two members at once: the second save is refused with both versions shown.
    app.post_form_with(
        &a,
        &format!("/organisations/{org}/invitations"),
        &[("email", "b@ngo.example.kz"), ("role", "editor")],
    )
    .await;
    let list = body(app.get_with(&b, "/organisations").await).await;
    let inv = regex::Regex::new(r#"/organisations/invitations/([0-9a-f-]+)/accept"#)
        .unwrap()
        .captures(&list)
        .unwrap()[1]
        .to_string();
    app.post_form_with(&b, &format!("/organisations/invitations/{inv}/accept"), &[])
        .await;
    let save = |relevance: &'static str, v: String| {
        vec![
            ("version", v),
            ("title", "Clean water".to_string()),
            ("relevance", relevance.to_string()),
            ("design", String::new()),
            ("eu_contribution", "150 000".to_string()),
            ("duration_months", "24".to_string()),
        ]
    };
    let pairs = |f: &Vec<(&'static str, String)>| {
        f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let first = pairs(&save("Villages of the Aral shore lack water.", v1.clone()));
    let res = app
        .post_form_with(
            &a,
            &application,
            &first
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = pairs(&save("A different text typed meanwhile.", v1));
    let res = app
        .post_form_with(
            &b,
            &application,
            &second
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body(res).await;
    assert!(
        html.contains("Villages of the Aral shore lack water.")
            && html.contains("A different text typed meanwhile."),
        "{html}"
    );
    let stored = grants::db::applications::find(
        &mut app.state.pool.get().unwrap(),
        application.trim_start_matches("/applications/"),
    )
    .unwrap()
    .unwrap();
    assert_eq!(stored.relevance, "Villages of the Aral shore lack water.");
    assert_eq!(stored.eu_contribution_cents, Some(15_000_000));
    assert_eq!(stored.version, 2);
    let mine = body(app.get_with(&a, "/my").await).await;
    assert!(mine.contains("Clean water") && mine.contains("CALL-APP"));
    // The call page leads back to it rather than only offering to start another.
    let page = body(app.get_with(&a, &format!("/calls/{call}")).await).await;
    assert!(
        page.contains("Your applications to this call")
            && page.contains(&format!("href=\"{application}\""))
    );
    // Saved in the background (JavaScript): a JSON answer with the new version; an old
    // version is refused, never overwriting.
    let auto = |v: &'static str| {
        [
            ("version", v),
            ("title", "Clean water"),
            ("relevance", "Autosaved text."),
            ("design", ""),
            ("eu_contribution", "150 000"),
            ("duration_months", "24"),
        ]
    };
    let res = app
        .post_form_with(&a, &format!("{application}/autosave"), &auto("2"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let answer: serde_json::Value = res.json().await.unwrap();
    assert_eq!(answer["saved"], true);
    assert_eq!(answer["version"], 3);
    let res = app
        .post_form_with(&b, &format!("{application}/autosave"), &auto("2"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let answer: serde_json::Value = res.json().await.unwrap();
    assert_eq!(answer["saved"], false);
    assert!(answer["message"]
        .as_str()
        .unwrap()
        .contains("someone else saved"));
    // After the deadline the draft no longer changes.
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    let late = new_client();
    app.login_with(&late, "a@ngo.example.kz", PASSWORD).await;
    let third = pairs(&save("Late.", "2".into()));
    let res = app
        .post_form_with(
            &late,
            &application,
            &third
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = grants::db::applications::find(
        &mut app.state.pool.get().unwrap(),
        application.trim_start_matches("/applications/"),
    )
    .unwrap()
    .unwrap();
    assert_eq!(stored.relevance, "Autosaved text.");
}

async fn a_concept_note_is_submitted_with_a_receipt_until_the_deadline_and_not_after(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-SUB").await;
    let call = published_call(&app, &actor, &pid, "CALL-SUB", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    app.create_user("sub@ngo.example.kz", Role::Applicant).await;
    let a = new_client();
    app.login_with(&a, "sub@ngo.example.kz", PASSWORD).await;
    let number = bin("07014000789");
    let res = app
        .post_form_with(
            &a,
            "/organisations",
            &[
                ("legal_name", "Kyzylorda Water NGO"),
                ("legal_status", "ngo"),
                ("country", "KZ"),
                ("oblast", "kyzylorda"),
                ("registration_number", &number),
                ("address", "Kyzylorda"),
            ],
        )
        .await;
    let org = location(&res)
        .trim_start_matches("/organisations/")
        .to_string();
    let mut started = Vec::new();
    for lot in [&lots[1].id, &lots[0].id] {
        let res = app
            .post_form_with(
                &a,
                &format!("/calls/{call}/applications"),
                &[("organisation_id", org.as_str()), ("lot_id", lot.as_str())],
            )
            .await;
        started.push(location(&res));
    }
    let (first, second) = (started[0].clone(), started[1].clone());
    // Incomplete: every missing part at its field, nothing submitted.
    let res = app
        .post_form_with(&a, &format!("{first}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    for text in [
        "Enter the title.",
        "Write this part.",
        "Give the indicative EU contribution.",
        "Give the duration in months.",
    ] {
        assert!(html.contains(text), "{text}");
    }
    let relevance = vec!["water"; 1500].join(" ");
    let design = ["water"; 10].join(" ");
    let version_re = regex::Regex::new(r#"name="version" value="(\d+)""#).unwrap();
    let max = (lots[1].max_grant_cents / 100).to_string();
    let over = (lots[1].max_grant_cents / 100 + 1).to_string();
    for (path, eu) in [(&first, &over), (&first, &max), (&second, &max)] {
        let html = body(app.get_with(&a, path).await).await;
        let v = version_re.captures(&html).unwrap()[1].to_string();
        let res = app
            .post_form_with(
                &a,
                path,
                &[
                    ("version", v.as_str()),
                    ("title", "Water for Aral villages"),
                    ("relevance", relevance.as_str()),
                    ("design", design.as_str()),
                    ("eu_contribution", eu.as_str()),
                    ("duration_months", "24"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        if eu == &over {
            // Kept when saved, and said at once, not only at submission.
            let html = body(app.get_with(&a, &first).await).await;
            assert!(
                html.contains("flash-warn") && html.contains("is outside this lot"),
                "{html}"
            );
            // One euro over the lot's maximum grant: refused at the field.
            let res = app
                .post_form_with(&a, &format!("{first}/submit"), &[])
                .await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = body(res).await;
            assert!(
                html.contains("grant range, EUR 50,000.00 to EUR 150,000.00 (APP-02)"),
                "{html}"
            );
        }
    }
    let confirm = body(app.get_with(&a, &format!("{first}/submit")).await).await;
    assert!(confirm.contains("Submit the concept note?"));
    let res = app
        .post_form_with(&a, &format!("{first}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&a, &first).await).await;
    assert!(page.contains("CALL-SUB/L2/CN/0001"), "{page}");
    assert!(
        regex::Regex::new(r#"<code class="small">[0-9a-f]{64}</code>"#)
            .unwrap()
            .is_match(&page)
    );
    let mail = app
        .wait_for_mail("sub@ngo.example.kz", "Receipt CALL-SUB/L2/CN/0001")
        .await;
    assert!(mail.body.contains("SHA-256"));
    let find = |path: &str| {
        grants::db::applications::find(
            &mut app.state.pool.get().unwrap(),
            path.trim_start_matches("/applications/"),
        )
        .unwrap()
        .unwrap()
    };
    // A second click submits nothing new: one submission, the same receipt.
    let res = app
        .post_form_with(&a, &format!("{first}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let frozen = |path: &str| {
        grants::db::applications::submissions_of(
            &mut app.state.pool.get().unwrap(),
            path.trim_start_matches("/applications/"),
        )
        .unwrap()
    };
    assert_eq!(frozen(&first).len(), 1);
    // Until the deadline it may change: the submitted version counts meanwhile, and an
    // incomplete change cannot be submitted.
    app.post_form_with(&a, &first, &[("version", "3"), ("title", "Changed")])
        .await;
    let stored = find(&first);
    assert_eq!(stored.title, "Changed");
    assert_eq!(stored.status, "submitted");
    assert_eq!(stored.submitted_version, Some(3));
    let page = body(app.get_with(&a, &first).await).await;
    assert!(page.contains("are not submitted"), "{page}");
    let res = app
        .post_form_with(&a, &format!("{first}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(frozen(&first).len(), 1);
    app.post_form_with(
        &a,
        &first,
        &[
            ("version", "4"),
            ("title", "Water for Aral villages, revised"),
            ("relevance", relevance.as_str()),
            ("design", design.as_str()),
            ("eu_contribution", max.as_str()),
            ("duration_months", "24"),
        ],
    )
    .await;
    app.post_form_with(&a, &format!("{first}/submit"), &[])
        .await;
    let subs = frozen(&first);
    assert_eq!(subs.len(), 2, "each submission a new version");
    assert_eq!(subs[0].receipt_number, "CALL-SUB/L2/CN/0001");
    assert_eq!(subs[0].submission_no, 2);
    assert!(subs[0].content.contains("revised") && !subs[1].content.contains("revised"));
    let page = body(app.get_with(&a, &first).await).await;
    assert!(page.contains("submission 2") && page.contains("submission 1"));

    // The second, submitted exactly at the deadline: in time. Withdrawal at the deadline
    // still works; one second later nothing does.
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline);
    let at_deadline = new_client();
    app.login_with(&at_deadline, "sub@ngo.example.kz", PASSWORD)
        .await;
    let res = app
        .post_form_with(&at_deadline, &format!("{second}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = find(&second);
    assert_eq!(
        stored.receipt_number.as_deref(),
        Some("CALL-SUB/L1/CN/0001")
    );
    assert_eq!(stored.submitted_at, Some(deadline));
    app.post_form_with(&at_deadline, &format!("{second}/withdraw"), &[])
        .await;
    assert_eq!(find(&second).status, "withdrawn");
    app.clock.freeze_at(deadline + Duration::seconds(1));
    let late = new_client();
    app.login_with(&late, "sub@ngo.example.kz", PASSWORD).await;
    app.post_form_with(&late, &format!("{first}/withdraw"), &[])
        .await;
    assert_eq!(
        find(&first).status,
        "submitted",
        "no withdrawal after the deadline"
    );
    // One second late: refused, and counted for the operator beside the accepted ones.
    let refused = r#"grants_submissions_total{outcome="refused_deadline"}"#;
    let before = crate::operations::value_of(&crate::operations::scrape(&app).await, refused);
    let res = app
        .post_form_with(&late, &format!("{first}/submit"), &[])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "back to the page, with the refusal"
    );
    assert_eq!(
        frozen(&first).len(),
        2,
        "nothing submitted after the deadline"
    );
    let metrics = crate::operations::scrape(&app).await;
    assert!(crate::operations::value_of(&metrics, refused) >= before + 1.0);
    assert!(
        crate::operations::value_of(&metrics, r#"grants_submissions_total{outcome="accepted"}"#)
            >= 3.0
    );
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"application.submitted".to_string()));
    assert!(actions.contains(&"application.withdrawn".to_string()));
}
