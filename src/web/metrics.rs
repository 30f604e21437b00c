//! The Prometheus metrics: what the site counts as it goes (requests by
//! route and status, and how long they took; the page cache's hits and
//! misses; the uncached pages refused a turn to be drawn; newsletter
//! sign-ups by outcome), kept in one registry, and
//! `GET /metrics`, which first reads what is read when scraped (the page
//! cache's size, whether the database answers, the mail outbox), then
//! writes them all in the OpenMetrics text format that Prometheus reads.
//! `/metrics` is served only on its own address (`--metrics-listen`,
//! started by `startup::server`), never on the site's.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use axum::{
    extract::{Request, State},
    http::StatusCode,
    middleware::Next,
    response::Response,
};
use prometheus_client::{
    encoding::{EncodeLabelSet, text},
    metrics::{counter::Counter, family::Family, gauge::Gauge, histogram::Histogram},
    registry::{Registry, Unit},
};

use super::paths;
use crate::store::{Availability, Store};

/// The content type of the OpenMetrics text format.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// How long a scrape waits for the database to answer before it counts it
/// as down.
const PING_TIMEOUT: Duration = Duration::from_millis(500);

/// The upper bounds, in seconds, of the request durations' buckets: a
/// cached page takes well under a millisecond, a request times out at 15 s.
const DURATION_BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];

/// A request's labels: its route's label (see `paths::route_label`, never
/// the path itself) and its status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// What became of a newsletter sign-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signup {
    /// Taken: stored, its confirmation mail queued when one is due.
    Accepted,
    /// Refused for its address or a missing consent.
    Invalid,
    /// Refused: the client had used up its sign-ups for the minute.
    RateLimited,
    /// A robot filled in the field people cannot see; nothing was done.
    Honeypot,
}

impl Signup {
    const ALL: [Signup; 4] = [Signup::Accepted, Signup::Invalid, Signup::RateLimited, Signup::Honeypot];

    fn label(self) -> &'static str {
        match self {
            Signup::Accepted => "accepted",
            Signup::Invalid => "invalid",
            Signup::RateLimited => "rate_limited",
            Signup::Honeypot => "honeypot",
        }
    }
}

/// The site's metrics, shared by every request (`AppState::metrics`).
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram>,
    cache_hits: Counter,
    cache_misses: Counter,
    cache_entries: Gauge,
    cache_bytes: Gauge,
    database_up: Gauge,
    outbox_pending: Gauge,
    outbox_failed: Gauge,
    signups: Family<OutcomeLabels, Counter>,
    drawings_refused: Counter,
    drawings_waiting: Gauge,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let mut registry = Registry::with_prefix("oneinfive");
        let requests = Family::default();
        registry.register("http_requests", "Requests answered, by route and status", requests.clone());
        let durations = Family::<RouteLabels, Histogram>::new_with_constructor(|| Histogram::new(DURATION_BUCKETS));
        registry.register_with_unit(
            "http_request_duration",
            "Time from a request to its response's headers, by route",
            Unit::Seconds,
            durations.clone(),
        );
        let cache_hits = Counter::default();
        registry.register("page_cache_hits", "Pages and feeds answered from the page cache", cache_hits.clone());
        let cache_misses = Counter::default();
        registry.register("page_cache_misses", "Pages and feeds rendered for the page cache", cache_misses.clone());
        let cache_entries = Gauge::default();
        registry.register("page_cache_entries", "Responses in the page cache", cache_entries.clone());
        let cache_bytes = Gauge::default();
        registry.register_with_unit(
            "page_cache",
            "What the page cache's entries take",
            Unit::Bytes,
            cache_bytes.clone(),
        );
        let database_up = Gauge::default();
        registry.register(
            "database_up",
            "1 when the database answers within half a second, else 0 (also while the site serves from its cache for an outage)",
            database_up.clone(),
        );
        let outbox_pending = Gauge::default();
        registry.register("outbox_pending", "Mails in the outbox not sent yet", outbox_pending.clone());
        let outbox_failed = Gauge::default();
        registry.register("outbox_failed", "Mails in the outbox given up on", outbox_failed.clone());
        let signups = Family::<OutcomeLabels, Counter>::default();
        registry.register("newsletter_signups", "Newsletter sign-ups, by outcome", signups.clone());
        // Every outcome is shown from the start, at 0.
        for outcome in Signup::ALL {
            signups.get_or_create_owned(&OutcomeLabels { outcome: outcome.label() });
        }
        let drawings_refused = Counter::default();
        registry.register(
            "drawings_refused",
            "Uncached public pages answered 503 because too many were being drawn at once",
            drawings_refused.clone(),
        );
        let drawings_waiting = Gauge::default();
        registry.register(
            "drawings_waiting",
            "Uncached public pages waiting for a turn to be drawn",
            drawings_waiting.clone(),
        );
        Metrics {
            registry,
            requests,
            durations,
            cache_hits,
            cache_misses,
            cache_entries,
            cache_bytes,
            database_up,
            outbox_pending,
            outbox_failed,
            signups,
            drawings_refused,
            drawings_waiting,
        }
    }
}

/// A route's count of requests answered with one status, and its
/// durations, found once: a kept page's hits are counted in them without
/// looking them up again (a lock and a hash each) on every hit.
#[derive(Clone, Debug)]
pub struct RouteCount {
    requests: Counter,
    durations: Histogram,
}

impl RouteCount {
    /// Counts a request answered after `elapsed`.
    pub fn record(&self, elapsed: Duration) {
        self.requests.inc();
        self.durations.observe(elapsed.as_secs_f64());
    }
}

impl Metrics {
    /// Counts a request answered with `status` after `elapsed`.
    pub fn record_request(&self, route: &'static str, status: StatusCode, elapsed: Duration) {
        self.requests.get_or_create(&RequestLabels { route, status: status.as_u16() }).inc();
        self.durations.get_or_create(&RouteLabels { route }).observe(elapsed.as_secs_f64());
    }

    /// Where the requests of `route` answered with `status` are counted.
    pub fn route_count(&self, route: &'static str, status: StatusCode) -> RouteCount {
        RouteCount {
            requests: self.requests.get_or_create_owned(&RequestLabels { route, status: status.as_u16() }),
            durations: self.durations.get_or_create_owned(&RouteLabels { route }),
        }
    }

    /// Counts a page or feed the page cache had, or that another request
    /// was rendering for it.
    pub fn page_cache_hit(&self) {
        self.cache_hits.inc();
    }

    /// Counts a page or feed the page cache did not have.
    pub fn page_cache_miss(&self) {
        self.cache_misses.inc();
    }

    /// Counts a newsletter sign-up by its outcome.
    pub fn signup(&self, outcome: Signup) {
        self.signups.get_or_create(&OutcomeLabels { outcome: outcome.label() }).inc();
    }

    /// Counts an uncached page refused a turn to be drawn.
    pub fn drawing_refused(&self) {
        self.drawings_refused.inc();
    }

    /// Reads what is read when scraped. With the database down, the
    /// outbox's gauges keep their last values, and `database_up` says why.
    pub async fn read_gauges(&self, now: Gauges<'_>) {
        let (entries, bytes) = now.cache_usage;
        self.cache_entries.set(gauge_value(entries));
        self.cache_bytes.set(gauge_value(bytes));
        self.drawings_waiting.set(gauge_value(now.drawings_waiting));
        let up = now.availability.is_up() && database_up(now.store).await;
        self.database_up.set(i64::from(up));
        if up {
            match now.store.outbox_counts().await {
                Ok(outbox) => {
                    self.outbox_pending.set(outbox.pending);
                    self.outbox_failed.set(outbox.failed);
                }
                Err(error) => tracing::warn!(%error, "cannot count the outbox's mails"),
            }
        }
    }

    /// Every metric, in the OpenMetrics text format.
    pub fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut body = String::new();
        text::encode(&mut body, &self.registry)?;
        Ok(body)
    }
}

/// What the gauges read when scraped.
pub struct Gauges<'a> {
    /// The page cache's entries and bytes.
    pub cache_usage: (usize, usize),
    pub drawings_waiting: usize,
    pub availability: &'a Availability,
    pub store: &'a Store,
}

/// Whether the database answers, within [`PING_TIMEOUT`], when the site's
/// breaker says it is up (while it is open, the database is down without
/// asking).
async fn database_up(store: &Store) -> bool {
    matches!(tokio::time::timeout(PING_TIMEOUT, store.ping()).await, Ok(Ok(())))
}

/// A count as a gauge holds it.
fn gauge_value(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// The layer that counts and times every request by its route's label and
/// status. It wraps every other layer but the request id's, so that pages
/// the page cache answers are counted too.
pub async fn layer(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = paths::route_label(request.uri().path());
    let started = Instant::now();
    let response = next.run(request).await;
    metrics.record_request(route, response.status(), started.elapsed());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_database_that_cannot_answer_is_down() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store =
            Store::connect(&format!("sqlite://{}", dir.path().join("up.db").display())).await.expect("a database");
        assert!(database_up(&store).await);
        store.close().await;
        assert!(!database_up(&store).await);
    }
}
