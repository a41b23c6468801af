//! Every page of the portal in every state the demonstration holds, as every role: on
//! the demo data, anonymous and each demo account follow every same-origin link and GET
//! form breadth-first from the home page and their start page, then request every GET
//! route of the route table (pages and API, with a bearer token) with ids filled from
//! what the crawl found. Nothing may answer 5xx, no page may show a template error, an
//! unknown localisation key or a raw message key; the first pages of each role are read
//! in Kazakh and Russian too. A template that breaks in a state the demo holds fails here.
//!
//! `VISIT_ONLY=<label>` runs one visitor, `VISIT_LIST=1` prints what each one visited.

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::sync::LazyLock;

use grants::services::demo;
use regex::Regex;
use reqwest::{header, Client, StatusCode};

use crate::helpers::{new_client, TestApp};
use crate::on_both_databases;

on_both_databases!(every_page_answers_as_every_role_in_every_state_of_the_demo);

/// Links of one URL pattern followed from one page: the first, the middle and the last
/// row of a list (lists are ordered, so their ends differ in state), not every row.
const LINKS_PER_LIST: usize = 3;
/// Visits of one URL pattern per role, all pages together.
const VISITS_PER_PATTERN: usize = 12;
/// Pages read again in Kazakh and in Russian per role.
const PAGES_PER_LANGUAGE: usize = 12;

static HREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r##"(?:href|src)="(/[^"#]*)(?:#[^"]*)?""##).unwrap());
static GET_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<form(?:[^>]*?)method="get"(?:[^>]*?)action="(/[^"]*)"[^>]*>(.*?)</form>"#)
        .unwrap()
});
static FORM_INPUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<input[^>]*?name="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>"#).unwrap()
});
static ID_SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f-]{19,}|\d+)$").unwrap());
/// Message keys a page must never show as they are: every key of the English messages,
/// but those that are also words of the messages themselves ("full-application
/// deadline").
static MESSAGE_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let en = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/main.ftl"))
        .unwrap();
    let mut keys = HashSet::new();
    let mut words = HashSet::new();
    for line in en.lines() {
        let value = match line.split_once(" = ") {
            Some((k, v)) if !line.starts_with(' ') => {
                keys.insert(k.trim().to_string());
                v
            }
            _ => line,
        };
        words.extend(
            value
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(str::to_string),
        );
    }
    keys.into_iter()
        .filter(|k| k.contains('-') && !words.contains(k))
        .collect()
});

/// Who visits: a label, the account (None: anonymous) and its password.
fn visitors() -> Vec<(&'static str, Option<(&'static str, &'static str)>)> {
    let org = demo::ORGANISATION_PASSWORD;
    let committee = demo::COMMITTEE_PASSWORD;
    let user = |i: usize| Some((demo::DEMO_USERS[i].1, demo::DEMO_USERS[i].3));
    vec![
        ("anonymous", None),
        ("admin", user(0)),
        ("delegation", user(1)),
        ("evaluator", user(2)),
        ("auditor", user(3)),
        ("applicant (owner)", user(4)),
        ("finance", Some((demo::FINANCE.1, demo::FINANCE.3))),
        ("chair", Some((demo::COMMITTEE[0].0, committee))),
        ("secretary", Some((demo::COMMITTEE[1].0, committee))),
        ("observer", Some((demo::COMMITTEE[5].0, committee))),
        ("editor", Some((demo::COLLEAGUES[0].0, org))),
        ("reader", Some((demo::COLLEAGUES[1].0, org))),
        (
            "closed contract",
            Some((demo::ORGANISATIONS[1].owner.0, org)),
        ),
        (
            "suspended contract",
            Some((demo::ORGANISATIONS[3].owner.0, org)),
        ),
        (
            "rejected on documents",
            Some((demo::ORGANISATIONS[4].owner.0, org)),
        ),
        (
            "waiting for a contract",
            Some((demo::ORGANISATIONS[13].owner.0, org)),
        ),
    ]
}

/// A path with its ids and numbers replaced, its query reduced to its keys: the pattern
/// counted against `VISITS_PER_PATTERN`.
fn pattern_of(url: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path: Vec<&str> = path
        .split('/')
        .map(|s| if ID_SEGMENT.is_match(s) { "{}" } else { s })
        .collect();
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|p| p.split('=').next())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    format!("{}?{}", path.join("/"), keys.join("&"))
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
}

/// The visible text of a page (tags, scripts and styles taken out).
fn visible_text(html: &str) -> String {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<script.*?</script>|<style.*?</style>|<[^>]*>").unwrap());
    TAG.replace_all(html, " ").to_string()
}

/// What is wrong with a page, if anything.
fn problems_of(url: &str, status: StatusCode, content_type: &str, body: &str) -> Vec<String> {
    let mut out = Vec::new();
    if status.is_server_error() {
        out.push(format!("{url}: {status}"));
    }
    if !content_type.starts_with("text/html") {
        return out;
    }
    for marker in [
        "Unknown localization key",
        "Tera error",
        "Variable `",
        "Failed to render",
    ] {
        if body.contains(marker) {
            out.push(format!("{url}: shows {marker:?}"));
        }
    }
    let text = visible_text(body);
    for word in text.split(|c: char| c.is_whitespace() || "(),.:;«»\"'".contains(c)) {
        if MESSAGE_KEYS.contains(word) {
            out.push(format!("{url}: shows the message key {word:?}"));
        }
    }
    out
}

struct Visit {
    client: Client,
    seen: HashSet<String>,
    per_pattern: BTreeMap<String, usize>,
    /// Ids met in paths, by the literal segment before them.
    ids: BTreeMap<String, BTreeSet<String>>,
    visited: Vec<String>,
    problems: Vec<String>,
    /// (milliseconds, url) of each request, to find what makes the visit slow.
    timings: Vec<(u128, String)>,
}

impl Visit {
    fn take(&mut self, url: &str) -> bool {
        if url.starts_with("/static/")
            || url.starts_with("/logout")
            || !self.seen.insert(url.into())
        {
            return false;
        }
        let n = self.per_pattern.entry(pattern_of(url)).or_insert(0);
        *n += 1;
        *n <= VISITS_PER_PATTERN
    }

    fn note_ids(&mut self, url: &str) {
        let path = url.split('?').next().unwrap_or(url);
        let segments: Vec<&str> = path.split('/').collect();
        for pair in segments.windows(2) {
            if ID_SEGMENT.is_match(pair[1]) && !ID_SEGMENT.is_match(pair[0]) {
                self.ids
                    .entry(pair[0].to_string())
                    .or_default()
                    .insert(pair[1].to_string());
            }
        }
    }

    /// GETs `url`; returns the HTML to crawl further and where a redirect leads.
    async fn get(&mut self, app: &TestApp, url: &str, headers: &[(&str, &str)]) -> Option<String> {
        let mut req = self.client.get(app.url(url));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let started = std::time::Instant::now();
        let res = match req.send().await {
            Ok(r) => r,
            Err(e) => {
                self.problems.push(format!("{url}: {e}"));
                return None;
            }
        };
        let status = res.status();
        let content_type = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = res.text().await.unwrap_or_default();
        self.timings
            .push((started.elapsed().as_millis(), url.to_string()));
        self.problems
            .extend(problems_of(url, status, &content_type, &body));
        self.visited.push(url.to_string());
        self.note_ids(url);
        if status.is_redirection() {
            return location
                .filter(|l| l.starts_with('/'))
                .map(|l| format!("\u{0}{l}"));
        }
        content_type.starts_with("text/html").then_some(body)
    }

    /// The same-origin links and GET forms of a page: of the links sharing a pattern,
    /// the first, the middle and the last.
    fn links(html: &str) -> Vec<String> {
        let mut by_pattern: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut order = Vec::new();
        for c in HREF.captures_iter(html) {
            let link = unescape(&c[1]);
            if link.starts_with("//") {
                continue;
            }
            let list = by_pattern.entry(pattern_of(&link)).or_default();
            if list.is_empty() {
                order.push(pattern_of(&link));
            }
            if !list.contains(&link) {
                list.push(link);
            }
        }
        let mut out = Vec::new();
        for pattern in order {
            let list = &by_pattern[&pattern];
            let n = list.len();
            let mut picks: Vec<usize> = vec![0, n / 2, n - 1];
            picks.dedup();
            out.extend(
                picks
                    .into_iter()
                    .take(LINKS_PER_LIST)
                    .map(|i| list[i].clone()),
            );
        }
        for form in GET_FORM.captures_iter(html) {
            let fields: Vec<String> = FORM_INPUT
                .captures_iter(&form[2])
                .map(|c| {
                    let value = c.get(2).map_or("", |m| m.as_str());
                    format!(
                        "{}={}",
                        &c[1],
                        url::form_urlencoded::byte_serialize(unescape(value).as_bytes())
                            .collect::<String>()
                    )
                })
                .collect();
            let action = unescape(&form[1]);
            let sep = if action.contains('?') { '&' } else { '?' };
            out.push(format!("{action}{sep}{}", fields.join("&")));
        }
        out
    }

    async fn crawl(&mut self, app: &TestApp, starts: &[String]) {
        let mut queue: VecDeque<String> = starts.iter().cloned().collect();
        while let Some(url) = queue.pop_front() {
            if !self.take(&url) {
                continue;
            }
            match self.get(app, &url, &[]).await {
                Some(next) if next.starts_with('\u{0}') => queue.push_back(next[1..].to_string()),
                Some(html) => queue.extend(Self::links(&html)),
                None => {}
            }
        }
    }
}

/// Concrete paths for a route pattern of the table, its parameters filled with ids the
/// crawl met after the same literal segment (or any id, for a 404 at worst).
fn fill(pattern: &str, ids: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let any: Vec<&String> = ids.values().flatten().take(3).collect();
    let mut paths = vec![String::new()];
    let segments: Vec<&str> = pattern.trim_start_matches('/').split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let options: Vec<String> = if segment.starts_with('{') {
            if segment.contains(":.*") {
                vec!["css/portal.css".into()]
            } else if *segment == "{section}" {
                vec!["description".into(), "budget".into()]
            } else {
                let before = if i > 0 { segments[i - 1] } else { "" };
                let known: Vec<String> = ids
                    .get(before)
                    .map(|s| s.iter().take(2).cloned().collect())
                    .unwrap_or_default();
                if known.is_empty() {
                    any.iter().map(|s| s.to_string()).collect()
                } else {
                    known
                }
            }
        } else {
            vec![segment.to_string()]
        };
        paths = paths
            .iter()
            .flat_map(|p| options.iter().map(move |o| format!("{p}/{o}")))
            .take(4)
            .collect();
    }
    paths
}

/// The paths a route pattern of the table matches.
fn route_regex(pattern: &str) -> Regex {
    static PARAM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\\{[^}]*\\\}").unwrap());
    Regex::new(&format!(
        "^{}$",
        PARAM.replace_all(&regex::escape(pattern), "[^/]+")
    ))
    .unwrap()
}

async fn every_page_answers_as_every_role_in_every_state_of_the_demo(app: TestApp) {
    demo::load(&app.state).await.expect("the demo loads");
    let started = std::time::Instant::now();
    let routes: Vec<(&'static str, Regex)> = grants::web::routes::all()
        .into_iter()
        .filter(|r| r.method == actix_web::http::Method::GET)
        .map(|r| (r.path, route_regex(r.path)))
        .collect();
    let mut problems = Vec::new();
    let mut report = Vec::new();
    let only = std::env::var("VISIT_ONLY").unwrap_or_default();
    let runs = visitors()
        .into_iter()
        .filter(|(l, _)| only.is_empty() || *l == only)
        .map(|(label, account)| {
            let app = &app;
            let routes = &routes;
            async move {
                let client = new_client();
                let mut starts = vec!["/".to_string()];
                let mut token = None;
                if let Some((email, password)) = account {
                    let mut res = app.login_with(&client, email, password).await;
                    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{label} signs in");
                    let location = |res: &reqwest::Response| {
                        res.headers()
                            .get(header::LOCATION)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("/")
                            .to_string()
                    };
                    if location(&res).starts_with("/login/two-factor") {
                        // Staff were enrolled by the demonstration: its key gives the code.
                        let code = grants::services::accounts::second_factor::code_at(
                            &demo::demo_totp_secret(email),
                            app.clock.now(),
                        )
                        .unwrap();
                        res = app
                            .post_form_with(&client, "/login/two-factor", &[("code", &code)])
                            .await;
                        assert_eq!(
                            res.status(),
                            StatusCode::SEE_OTHER,
                            "{label}'s second factor"
                        );
                    }
                    starts.insert(0, location(&res));
                    let state = app.state.clone();
                    let (_, secret) = grants::services::api_tokens::create_for_operator(
                        &state,
                        email,
                        "visit",
                        Some(1),
                    )
                    .await
                    .expect("a token");
                    token = Some(secret);
                }
                let mut v = Visit {
                    client,
                    seen: HashSet::new(),
                    per_pattern: BTreeMap::new(),
                    ids: BTreeMap::new(),
                    visited: Vec::new(),
                    problems: Vec::new(),
                    timings: Vec::new(),
                };
                v.crawl(app, &starts).await;
                let crawled = v.visited.len();
                // Every GET route of the table the crawl did not reach, ids filled in.
                let bearer = token.map(|t| format!("Bearer {t}"));
                for (pattern, re) in routes {
                    if pattern.starts_with("/static/") || pattern.contains("logout") {
                        continue;
                    }
                    if v.visited
                        .iter()
                        .any(|u| re.is_match(u.split('?').next().unwrap_or(u)))
                    {
                        continue;
                    }
                    for url in fill(pattern, &v.ids) {
                        let headers: Vec<(&str, &str)> = match (&bearer, url.starts_with("/api/")) {
                            (Some(b), true) => vec![("authorization", b.as_str())],
                            _ => vec![],
                        };
                        v.get(app, &url, &headers).await;
                    }
                }
                // The first pages again in Kazakh and Russian, then back to English.
                let first: Vec<String> = v
                    .visited
                    .iter()
                    .filter(|u| !u.starts_with("/api/"))
                    .take(PAGES_PER_LANGUAGE)
                    .cloned()
                    .collect();
                for lang in ["kk", "ru"] {
                    v.get(app, &format!("/?lang={lang}"), &[]).await;
                    for url in &first {
                        v.get(app, url, &[]).await;
                    }
                }
                v.get(app, "/?lang=en", &[]).await;
                if std::env::var_os("VISIT_LIST").is_some() {
                    eprintln!("{label} visited:\n  {}", v.visited.join("\n  "));
                }
                (label, crawled, v.visited.len(), v.problems, v.timings)
            }
        });
    let mut timings = Vec::new();
    for (label, crawled, total, found, times) in futures_util::future::join_all(runs).await {
        timings.extend(
            times
                .into_iter()
                .map(|(ms, url)| (ms, format!("{label} {url}"))),
        );
        report.push(format!("{label}: {crawled} crawled, {total} requests"));
        problems.extend(found.into_iter().map(|p| format!("{label}: {p}")));
    }
    eprintln!(
        "visited in {:?}:\n  {}",
        started.elapsed(),
        report.join("\n  ")
    );
    timings.sort();
    timings.reverse();
    eprintln!(
        "slowest requests:\n  {}",
        timings
            .iter()
            .take(15)
            .map(|(ms, url)| format!("{ms} ms {url}"))
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
