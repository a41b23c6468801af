//! What an operator watches: Prometheus metrics (names and labels in one place, so the
//! README's alert rules and the code cannot drift apart) and the SQL statement count of
//! the request being served, for the slow-request log line.

use std::cell::RefCell;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::error::AppResult;
use crate::state::AppState;

/// Latency buckets in seconds: the portal's pages take milliseconds; an upload or an
/// export may take seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's metrics recorder, installed on first use (one per process: several
/// portals embedded in one test process share it).
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
            .expect("latency buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder is installed; /metrics shows only gauges");
        }
        describe();
        gauge!("grants_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);
        // Shown from the start, not only once a request has had to wait.
        gauge!("grants_db_pool_waiting").set(0.0);
        handle
    })
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(
        "grants_http_requests_total",
        "HTTP requests by method, route pattern and status"
    );
    describe_histogram!(
        "grants_http_request_duration_seconds",
        Unit::Seconds,
        "Time to answer a request, by method and route pattern"
    );
    describe_counter!(
        "grants_http_slow_requests_total",
        "Requests slower than log.slow_request_ms, by route pattern"
    );
    describe_counter!("grants_db_queries_total", "SQL statements run");
    describe_gauge!(
        "grants_db_pool_connections",
        "Database connections of this node, by state (in_use, idle) and the pool's size (max)"
    );
    describe_gauge!(
        "grants_db_pool_waiting",
        "Tasks waiting for a database connection"
    );
    describe_gauge!(
        "grants_outbox_messages",
        "Messages in the outbox by status (queued, sent, failed)"
    );
    describe_gauge!(
        "grants_outbox_due_messages",
        "Queued messages whose time to be sent has come"
    );
    describe_gauge!(
        "grants_outbox_oldest_queued_age_seconds",
        Unit::Seconds,
        "Age of the oldest queued message (0 when none)"
    );
    describe_counter!("grants_job_runs_total", "Worker job runs, by job");
    describe_counter!(
        "grants_job_failures_total",
        "Failed worker job runs, by job"
    );
    describe_counter!(
        "grants_mail_sent_total",
        "Messages handed to the mail server"
    );
    describe_counter!(
        "grants_mail_failures_total",
        "Attempts to send a message that failed (retried later)"
    );
    describe_counter!("grants_login_failures_total", "Failed sign-ins");
    describe_counter!(
        "grants_throttled_total",
        "Attempts refused by throttling, by kind (login, current_password, second_factor, email_to, email_change)"
    );
    describe_counter!(
        "grants_submissions_total",
        "Application submissions by outcome (accepted, refused_deadline)"
    );
}

/// One answered request. `route` is the pattern (`/calls/{id}`), never the raw path,
/// so the number of series stays bounded whatever clients send.
pub fn http_request(method: &str, route: &str, status: u16, seconds: f64) {
    let method = bounded_method(method);
    counter!("grants_http_requests_total",
        "method" => method, "route" => route.to_string(), "status" => status.to_string())
    .increment(1);
    histogram!("grants_http_request_duration_seconds",
        "method" => method, "route" => route.to_string())
    .record(seconds);
}

pub fn slow_request(route: &str) {
    counter!("grants_http_slow_requests_total", "route" => route.to_string()).increment(1);
}

/// Methods outside the known few share one label value (a client may send any token).
fn bounded_method(method: &str) -> &'static str {
    match method {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    }
}

pub fn login_failed() {
    counter!("grants_login_failures_total").increment(1);
}

/// An attempt refused by throttling: `login`, `check`, `second_factor` or `email`.
pub fn throttled(kind: &'static str) {
    counter!("grants_throttled_total", "kind" => kind).increment(1);
}

/// A submission accepted, or refused because the deadline had passed.
pub fn submission(accepted: bool) {
    let outcome = if accepted {
        "accepted"
    } else {
        "refused_deadline"
    };
    counter!("grants_submissions_total", "outcome" => outcome).increment(1);
}

/// One run of a worker job and whether it failed.
pub fn job_run(job: &'static str, ok: bool) {
    counter!("grants_job_runs_total", "job" => job).increment(1);
    if !ok {
        counter!("grants_job_failures_total", "job" => job).increment(1);
    }
}

pub fn mail_sent(ok: bool) {
    if ok {
        counter!("grants_mail_sent_total").increment(1);
    } else {
        counter!("grants_mail_failures_total").increment(1);
    }
}

/// A task starts (+1) or stops (-1) waiting for a database connection.
pub fn db_waiting(delta: f64) {
    gauge!("grants_db_pool_waiting").increment(delta);
}

/// The text exposition: the gauges read now (pool, outbox) and everything recorded.
pub async fn render(state: &AppState) -> AppResult<String> {
    let handle = handle();
    let pool = state.pool.state();
    let in_use = pool.connections.saturating_sub(pool.idle_connections);
    gauge!("grants_db_pool_connections", "state" => "in_use").set(f64::from(in_use));
    gauge!("grants_db_pool_connections", "state" => "idle").set(f64::from(pool.idle_connections));
    gauge!("grants_db_pool_connections", "state" => "max").set(f64::from(state.pool.max_size()));
    let now = state.clock.now();
    let outbox = state
        .db(move |conn| Ok(crate::db::outbox::queue_figures(conn, now)?))
        .await?;
    for status in ["queued", "sent", "failed"] {
        let n = outbox
            .by_status
            .iter()
            .find(|(s, _)| s == status)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        gauge!("grants_outbox_messages", "status" => status).set(n as f64);
    }
    gauge!("grants_outbox_due_messages").set(outbox.due as f64);
    let age = outbox
        .oldest_queued
        .map(|t| (now - t).num_milliseconds().max(0) as f64 / 1000.0)
        .unwrap_or(0.0);
    gauge!("grants_outbox_oldest_queued_age_seconds").set(age);
    handle.run_upkeep();
    Ok(handle.render())
}

tokio::task_local! {
    static REQUEST_QUERIES: Arc<AtomicU64>;
}

thread_local! {
    static THREAD_QUERIES: RefCell<Option<Arc<AtomicU64>>> = const { RefCell::new(None) };
}

/// Runs `f` (a request) counting the SQL statements it causes.
pub async fn counting_queries<F: Future>(counter: Arc<AtomicU64>, f: F) -> F::Output {
    REQUEST_QUERIES.scope(counter, f).await
}

/// The counter of the request this task serves, if any (taken before a blocking task
/// is started: task-locals do not cross into the blocking pool).
pub fn request_query_counter() -> Option<Arc<AtomicU64>> {
    REQUEST_QUERIES.try_with(Arc::clone).ok()
}

/// While alive, statements run on this thread count for `counter`.
pub struct CountOnThisThread(());

impl CountOnThisThread {
    pub fn start(counter: Option<Arc<AtomicU64>>) -> CountOnThisThread {
        THREAD_QUERIES.with(|c| *c.borrow_mut() = counter);
        CountOnThisThread(())
    }
}

impl Drop for CountOnThisThread {
    fn drop(&mut self) {
        THREAD_QUERIES.with(|c| *c.borrow_mut() = None);
    }
}

/// Counts every statement of every connection the portal opens.
struct QueryCounting;

impl diesel::connection::Instrumentation for QueryCounting {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if let diesel::connection::InstrumentationEvent::StartQuery { .. } = event {
            counter!("grants_db_queries_total").increment(1);
            THREAD_QUERIES.with(|c| {
                if let Some(n) = c.borrow().as_ref() {
                    n.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    }
}

/// Installs the statement counting for connections opened from now on.
pub fn install_query_counting() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        if let Err(e) =
            diesel::connection::set_default_instrumentation(|| Some(Box::new(QueryCounting)))
        {
            tracing::warn!(error = %e, "SQL statements will not be counted");
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(super::bounded_method("GET"), "GET");
        assert_eq!(super::bounded_method("BREW"), "other");
    }
}
