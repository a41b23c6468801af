//! Annexes of an application: checked by content and size, listed with their SHA-256,
//! named by the submission (so the receipt covers them), replaced in versions, seen by
//! the organisation and by staff once submitted, and by nobody else; the same through
//! the API; and the document store on an S3-compatible server — on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::StatusCode;
use serde_json::Value;
use sha2::Digest;

use crate::calls::{delegation, programme, published_open_call, today};
use crate::full_applications::{start, write_everything};
use crate::helpers::{body, new_client, Db, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    annexes_are_checked_named_by_the_submission_and_seen_by_staff,
    the_api_uploads_lists_downloads_and_removes_annexes,
    an_annex_added_while_submitting_is_never_lost_from_view,
    parallel_uploads_never_pass_twenty_annexes
);

fn sha(bytes: &[u8]) -> String {
    hex::encode(sha2::Sha256::digest(bytes))
}

fn annex_form(title: &str, file_name: &str, bytes: Vec<u8>) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("title", title.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string()),
        )
}

async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    application: &str,
    form: reqwest::multipart::Form,
) -> String {
    let token = app.csrf_token_of(client).await;
    let res = client
        .post(app.url(&format!("{application}/annexes?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    body(app.get_with(client, application).await).await
}

fn annexes_of(app: &TestApp, id: &str) -> Vec<grants::db::attachments::AttachmentRow> {
    grants::services::annexes::annexes_on(&mut app.state.pool.get().unwrap(), id).unwrap()
}

/// An open call and an applicant (signed in) with an application to its lot 2.
struct Setup {
    staff_client: reqwest::Client,
    call: String,
    applicant: reqwest::Client,
    /// The application's page path.
    application: String,
    id: String,
}

async fn setup(app: &TestApp, reference: &str, email: &str, bin_no: &str) -> Setup {
    let (staff_client, staff) = delegation(app).await;
    let pid = programme(
        app,
        &staff,
        today(app) - Duration::days(30),
        &format!("P-{reference}"),
    )
    .await;
    let call = published_open_call(app, &staff, &pid, reference, 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    app.create_user(email, Role::Applicant).await;
    let applicant = new_client();
    app.login_with(&applicant, email, PASSWORD).await;
    let application = start(app, &applicant, &call, &lots[1].id, bin_no).await;
    let id = application.trim_start_matches("/applications/").to_string();
    Setup {
        staff_client,
        call,
        applicant,
        application,
        id,
    }
}

async fn annexes_are_checked_named_by_the_submission_and_seen_by_staff(app: TestApp) {
    let Setup {
        staff_client,
        call,
        applicant: a,
        application,
        id,
    } = setup(&app, "CALL-ANX", "annex@aral.example.kz", "08014000777").await;
    write_everything(&app, &a, &application).await;
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("No annexes yet."));

    // Refused, each with its reason, nothing stored: no title, a file over 10 MiB (the
    // last allowed size passes below), content that is not what the name says.
    let pdf = grants::services::demo::minimal_pdf(&["Legal entity sheet"]);
    let page = upload(
        &app,
        &a,
        &application,
        annex_form(" ", "les.pdf", pdf.clone()),
    )
    .await;
    assert!(page.contains("Give the annex a title."), "{page}");
    let mut over = b"%PDF-1.7\n".to_vec();
    over.resize(10 * 1024 * 1024 + 1, b' ');
    let page = upload(&app, &a, &application, annex_form("Big", "big.pdf", over)).await;
    assert!(page.contains("The file is too large."), "{page}");
    let png = b"\x89PNG\r\n\x1a\n not a pdf".to_vec();
    let page = upload(
        &app,
        &a,
        &application,
        annex_form("Photo", "photo.pdf", png),
    )
    .await;
    assert!(page.contains("extension must match the content"), "{page}");
    assert!(annexes_of(&app, &id).is_empty());
    let uploads_dir = app
        .state
        .settings
        .storage
        .dir_in(&app.state.settings.data.dir);
    let stored_before = std::fs::read_dir(&uploads_dir).unwrap().count();

    let mut largest = b"%PDF-1.7\n".to_vec();
    largest.resize(10 * 1024 * 1024, b' ');
    let page = upload(
        &app,
        &a,
        &application,
        annex_form("CV of the manager", "cv.pdf", largest.clone()),
    )
    .await;
    assert!(
        page.contains("Annex “CV of the manager” uploaded."),
        "{page}"
    );
    let page = upload(
        &app,
        &a,
        &application,
        annex_form("Legal entity sheet", "les.pdf", pdf.clone()),
    )
    .await;
    assert!(
        page.contains(&sha(&pdf)) && page.contains("les.pdf"),
        "{page}"
    );
    assert_eq!(
        std::fs::read_dir(&uploads_dir).unwrap().count(),
        stored_before + 2
    );
    let files = annexes_of(&app, &id);
    let les = files
        .iter()
        .find(|f| f.title == "Legal entity sheet")
        .unwrap()
        .clone();
    let res = app
        .get_with(&a, &format!("{application}/files/{}", les.id))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-content-sha256"], sha(&pdf).as_str());
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);

    // Another organisation's member learns nothing: 404 on the file and on uploading.
    app.create_user("other@ngo.example.kz", Role::Applicant)
        .await;
    let other = new_client();
    app.login_with(&other, "other@ngo.example.kz", PASSWORD)
        .await;
    assert_eq!(
        app.get_with(&other, &format!("{application}/files/{}", les.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let token = app.csrf_token_of(&other).await;
    let res = other
        .post(app.url(&format!("{application}/annexes?csrf_token={token}")))
        .multipart(annex_form("Mine", "mine.pdf", pdf.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Staff see no file before a submission names it, and nothing before the deadline.
    let staff_file = |fid: &str| format!("/manage/applications/{id}/files/{fid}");
    assert_ne!(
        app.get_with(&staff_client, &staff_file(&les.id))
            .await
            .status(),
        StatusCode::OK
    );

    // The submission names its annexes with their SHA-256: the receipt covers them.
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    let content: Value = serde_json::from_str(&subs[0].content).unwrap();
    let named: Vec<(&str, &str)> = content["annexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["title"].as_str().unwrap(), f["sha256"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        vec![
            ("CV of the manager", sha(&largest).as_str()),
            ("Legal entity sheet", sha(&pdf).as_str())
        ]
    );
    let package = app
        .get_with(
            &a,
            &format!("{application}/submissions/{}/package", subs[0].id),
        )
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(sha(&package), subs[0].content_sha256);
    // Submitted, but sealed until the deadline, whoever asks (CFP-06, EVC-02).
    assert_eq!(
        app.get_with(&staff_client, &staff_file(&les.id))
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // Before the deadline the applicant replaces an annex: a new version, the changes
    // await a new submission, the submitted file stays available to staff.
    let pdf2 = grants::services::demo::minimal_pdf(&["Legal entity sheet, signed"]);
    let page = upload(
        &app,
        &a,
        &application,
        annex_form("legal entity sheet", "les-signed.pdf", pdf2.clone()),
    )
    .await;
    assert!(
        page.contains("version 2") && page.contains(&sha(&pdf2)),
        "{page}"
    );
    assert!(page.contains("not submitted"), "{page}");
    let les2 = annexes_of(&app, &id)
        .into_iter()
        .find(|f| f.version == 2)
        .unwrap();
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    assert_eq!(subs.len(), 2);
    assert!(subs[0].content.contains(&sha(&pdf2)) && !subs[0].content.contains(&sha(&pdf)));
    // Removing an annex after submitting is a change awaiting submission too.
    let cv = annexes_of(&app, &id)
        .into_iter()
        .find(|f| f.title.starts_with("CV"))
        .unwrap();
    let res = app
        .post_form_with(&a, &format!("{application}/annexes/{}/remove", cv.id), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("Annex removed.") && page.contains("not submitted"));
    assert_eq!(annexes_of(&app, &id).len(), 1);

    // After the deadline nothing changes.
    app.clock
        .freeze_at(crate::calls::deadline_of(&app, &call) + Duration::seconds(1));
    let a = new_client();
    app.login_with(&a, "annex@aral.example.kz", PASSWORD).await;
    let token = app.csrf_token_of(&a).await;
    a.post(app.url(&format!("{application}/annexes?csrf_token={token}")))
        .multipart(annex_form("Late", "late.pdf", pdf.clone()))
        .send()
        .await
        .unwrap();
    app.post_form_with(
        &a,
        &format!("{application}/annexes/{}/remove", les2.id),
        &[],
    )
    .await;
    let files = annexes_of(&app, &id);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].id, les2.id);

    // After the deadline staff read what the submissions name, once they signed the
    // call's declaration (EVC-02): the page offers it first.
    let (staff_client, _) = app.client_as(Role::Delegation).await;
    let res = app
        .get_with(&staff_client, &format!("/manage/applications/{id}"))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(body(res)
        .await
        .contains("Declaration of impartiality and confidentiality"));
    let res = app
        .post_form_with(
            &staff_client,
            &format!("/evaluation/calls/{call}/declaration"),
            &[("next", &format!("/manage/applications/{id}"))],
        )
        .await;
    assert_eq!(
        crate::helpers::location(&res),
        format!("/manage/applications/{id}")
    );
    let staff_page = body(
        app.get_with(&staff_client, &format!("/manage/applications/{id}"))
            .await,
    )
    .await;
    assert!(staff_page.contains(&staff_file(&les2.id)) && staff_page.contains(&sha(&pdf2)));
    // Both submitted versions stay available; the removed annex too.
    for (f, bytes) in [(&les.id, &pdf), (&les2.id, &pdf2)] {
        let res = app.get_with(&staff_client, &staff_file(f)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(&res.bytes().await.unwrap().to_vec(), bytes);
    }
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"application.annex_added".to_string()));
    assert!(actions.contains(&"application.annex_removed".to_string()));
}

async fn the_api_uploads_lists_downloads_and_removes_annexes(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-ANXAPI").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-ANXAPI", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let token = crate::calls::api_token(&app, Role::Applicant).await;
    let api = new_client();
    let res = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"legal_name": "Annex API NGO", "legal_status": "ngo", "country": "KZ",
            "oblast": "kyzylorda", "registration_number": crate::organisations::bin("08014000888"),
            "address": "Aralsk"}))
        .send()
        .await
        .unwrap();
    let org = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = api
        .post(app.url(&format!("/api/v1/calls/{call}/applications")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"organisation_id": org, "lot_id": lots[1].id}))
        .send()
        .await
        .unwrap();
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let annexes = app.url(&format!("/api/v1/applications/{id}/annexes"));

    let res = api
        .post(&annexes)
        .bearer_auth(&token)
        .multipart(annex_form(
            "Budget notes",
            "notes.docx",
            b"%PDF-1.7".to_vec(),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "file", "{problem}");
    let pdf = grants::services::demo::minimal_pdf(&["Letter of support"]);
    let res = api
        .post(&annexes)
        .bearer_auth(&token)
        .multipart(annex_form("Letter of support", "letter.pdf", pdf.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["sha256"], sha(&pdf));
    assert_eq!(created["bytes"], pdf.len());
    let fid = created["id"].as_str().unwrap().to_string();
    let list: Value = api
        .get(&annexes)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let file = app.url(&format!("/api/v1/applications/{id}/files/{fid}"));
    let res = api.get(&file).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    // Another applicant: 404 everywhere.
    let stranger = crate::calls::api_token(&app, Role::Applicant).await;
    for res in [
        api.get(&file).bearer_auth(&stranger).send().await.unwrap(),
        api.get(&annexes)
            .bearer_auth(&stranger)
            .send()
            .await
            .unwrap(),
        api.delete(format!("{annexes}/{fid}"))
            .bearer_auth(&stranger)
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    let res = api
        .delete(format!("{annexes}/{fid}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = api
        .delete(format!("{annexes}/{fid}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let list: Value = api
        .get(&annexes)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list.as_array().unwrap().is_empty());
}

/// The S3-compatible document store (`TEST_S3_ENDPOINT`, e.g. a local MinIO or moto
/// server with a bucket `grants-test`): guidelines and annexes go to the bucket, not to
/// the local folder, and come back intact. Under CI=true the endpoint must be there.
fn s3_endpoint() -> Option<String> {
    match std::env::var("TEST_S3_ENDPOINT")
        .ok()
        .filter(|e| !e.is_empty())
    {
        Some(e) => Some(e),
        None if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("TEST_S3_ENDPOINT is not set under CI=true: the S3 document store is untested")
        }
        None => {
            eprintln!("TEST_S3_ENDPOINT not set: S3 document store not tested");
            None
        }
    }
}

async fn spawn_on_s3(db: Db, endpoint: &str, prefix: &str) -> Option<TestApp> {
    let endpoint = endpoint.to_string();
    let prefix = prefix.to_string();
    TestApp::spawn_with(db, move |s| {
        s.storage.kind = "s3".into();
        s.storage.s3_endpoint = endpoint;
        s.storage.s3_bucket = "grants-test".into();
        s.storage.s3_access_key_id = "test".into();
        s.storage.s3_secret_access_key = "test".into();
        s.storage.s3_allow_http = true;
        s.storage.s3_prefix = prefix;
    })
    .await
}

async fn documents_live_in_the_s3_store(db: Db) {
    let Some(endpoint) = s3_endpoint() else {
        return;
    };
    // The bucket exists (created by .ci/run; creating it again is harmless).
    let _ = reqwest::Client::new()
        .put(format!("{endpoint}/grants-test"))
        .send()
        .await;
    let prefix = format!("t-{}", uuid::Uuid::new_v4().simple());
    let Some(app) = spawn_on_s3(db, &endpoint, &prefix).await else {
        eprintln!("PostgreSQL not configured: S3 variant on PostgreSQL not run");
        return;
    };
    let Setup {
        applicant: a,
        application,
        id,
        ..
    } = setup(&app, "CALL-S3", "s3@aral.example.kz", "08014000999").await;
    let pdf = grants::services::demo::minimal_pdf(&["Stored in S3"]);
    let page = upload(
        &app,
        &a,
        &application,
        annex_form("Statutes", "statutes.pdf", pdf.clone()),
    )
    .await;
    assert!(page.contains(&sha(&pdf)), "{page}");
    let f = annexes_of(&app, &id).remove(0);
    // In the bucket under the prefix, not in the local folder.
    let local = app
        .state
        .settings
        .storage
        .dir_in(&app.state.settings.data.dir);
    assert!(!local.join(&f.storage_key).exists());
    assert_eq!(app.state.documents.kind, "s3");
    use object_store::ObjectStore;
    let bucket = object_store::aws::AmazonS3Builder::new()
        .with_bucket_name("grants-test")
        .with_endpoint(&endpoint)
        .with_region("us-east-1")
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_allow_http(true)
        .build()
        .unwrap();
    let object = bucket
        .get(&object_store::path::Path::from(format!(
            "{prefix}/{}",
            f.storage_key
        )))
        .await
        .expect("the annex is an object of the bucket, under the prefix");
    assert_eq!(object.bytes().await.unwrap().to_vec(), pdf);
    // Back through the portal, intact; a second node on the same database and store
    // serves the same file.
    let res = app
        .get_with(&a, &format!("{application}/files/{}", f.id))
        .await;
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let docs = grants::storage::Documents::from_settings(
        &app.state.settings.storage,
        &app.state.settings.data.dir,
    )
    .unwrap();
    assert_eq!(docs.get(&f.storage_key).await.unwrap().unwrap(), pdf);
    assert_eq!(docs.get("0000-missing").await.unwrap(), None);
}

mod documents_are_kept_in_an_s3_compatible_store {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::documents_live_in_the_s3_store(super::Db::Sqlite).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::documents_live_in_the_s3_store(super::Db::Postgres).await;
    }
}

/// Uploads racing submissions (PostgreSQL runs them truly in parallel): whenever the
/// application says nothing awaits submission, its last submission names exactly the
/// annexes it has.
async fn an_annex_added_while_submitting_is_never_lost_from_view(app: TestApp) {
    let Setup {
        applicant: a,
        application,
        id,
        ..
    } = setup(&app, "CALL-ANXR", "race@aral.example.kz", "08014000444").await;
    write_everything(&app, &a, &application).await;
    let user = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap()
        .created_by;
    let actor = crate::concurrency::actor_of(&user, "race@aral.example.kz");
    for round in 0..6 {
        let pdf = grants::services::demo::minimal_pdf(&[&format!("Letter {round}")]);
        let upload = grants::services::uploads::check(
            grants::domain::attachments::Purpose::Annex,
            &format!("letter-{round}.pdf"),
            pdf,
        )
        .unwrap();
        let (state1, state2) = (app.state.clone(), app.state.clone());
        let (actor1, actor2) = (actor.clone(), actor.clone());
        let (id1, id2) = (id.clone(), id.clone());
        let adding = tokio::spawn(async move {
            grants::services::annexes::add(&state1, &actor1, id1, format!("Letter {round}"), upload)
                .await
                .unwrap()
        });
        let submitting = tokio::spawn(async move {
            grants::services::applications::submit(&state2, &actor2, id2).await
        });
        adding.await.unwrap();
        submitting.await.unwrap().unwrap().unwrap();
        let mut conn = app.state.pool.get().unwrap();
        let row = grants::db::applications::find(&mut conn, &id)
            .unwrap()
            .unwrap();
        let current: Vec<String> = annexes_of(&app, &id).into_iter().map(|f| f.id).collect();
        let last = grants::db::applications::submissions_of(&mut conn, &id).unwrap()[0].clone();
        let named = grants::services::applications::files_named_in(&last.content);
        if row.submitted_version == Some(row.version) {
            assert_eq!(
                named, current,
                "round {round}: nothing pending, so all submitted"
            );
        } else {
            assert_ne!(
                named, current,
                "round {round}: pending means not all submitted"
            );
        }
    }
}

/// The twentieth annex is accepted, the twenty-first refused, also when several arrive
/// at once (they are counted under the call's lock); a new version of an existing
/// annex is not a new annex.
async fn parallel_uploads_never_pass_twenty_annexes(app: TestApp) {
    let Setup { id, .. } = setup(&app, "CALL-ANX20", "twenty@aral.example.kz", "08014000222").await;
    let user = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap()
        .created_by;
    let actor = crate::concurrency::actor_of(&user, "twenty@aral.example.kz");
    let file = |n: usize| {
        grants::services::uploads::check(
            grants::domain::attachments::Purpose::Annex,
            &format!("cv-{n}.pdf"),
            grants::services::demo::minimal_pdf(&[&format!("CV {n}")]),
        )
        .unwrap()
    };
    for n in 0..18 {
        grants::services::annexes::add(&app.state, &actor, id.clone(), format!("CV {n}"), file(n))
            .await
            .unwrap();
    }
    // Six at once for the last two places.
    let tasks: Vec<_> = (18..24)
        .map(|n| {
            let (state, actor, id, upload) =
                (app.state.clone(), actor.clone(), id.clone(), file(n));
            tokio::spawn(async move {
                grants::services::annexes::add(&state, &actor, id, format!("CV {n}"), upload).await
            })
        })
        .collect();
    let mut accepted = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => accepted += 1,
            Err(grants::error::AppError::Validation(e)) => {
                assert_eq!(e[0].code, "error-annex-too-many")
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(accepted, 2);
    assert_eq!(annexes_of(&app, &id).len(), 20);
    // Full, yet a new version of an existing annex is accepted.
    grants::services::annexes::add(&app.state, &actor, id.clone(), "cv 3".into(), file(99))
        .await
        .unwrap();
    let files = annexes_of(&app, &id);
    assert_eq!(files.len(), 20);
    assert!(files.iter().any(|f| f.version == 2));
}
