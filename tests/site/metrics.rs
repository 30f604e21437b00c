//! The Prometheus metrics: served on their own address only, and counting
//! what the site does.

use std::collections::BTreeMap;

use crate::common::{TestApp, both_backends};

/// One sample of a scrape: `name{label="value",…} 12`.
#[derive(Debug)]
pub struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Reads the samples of the text format, skipping comments. Enough for the
/// site's own metrics, whose label values hold no comma, quote or brace.
fn parse(text: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    for line in text.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("a sample: {line}"));
        let value = value.parse().unwrap_or_else(|_| panic!("a number: {line}"));
        let (name, labels) = match series.split_once('{') {
            Some((name, labels)) => (name, labels.strip_suffix('}').unwrap_or_else(|| panic!("labels: {line}"))),
            None => (series, ""),
        };
        let labels = labels
            .split(',')
            .filter(|label| !label.is_empty())
            .map(|label| {
                let (key, value) = label.split_once('=').unwrap_or_else(|| panic!("a label: {line}"));
                (key.to_owned(), value.trim_matches('"').to_owned())
            })
            .collect();
        samples.push(Sample { name: name.to_owned(), labels, value });
    }
    samples
}

/// The value of the sample with this name and exactly these labels.
pub fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let labels: BTreeMap<String, String> = labels.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    samples.iter().find(|sample| sample.name == name && sample.labels == labels).map(|sample| sample.value)
}

/// Scrapes the site's metrics and parses them.
pub async fn scrape(app: &TestApp) -> Vec<Sample> {
    let response = app.client.get(app.metrics_url()).send().await.expect("GET /metrics");
    assert_eq!(response.status(), 200);
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(content_type.starts_with("application/openmetrics-text;"), "{content_type}");
    let text = response.text().await.expect("body");
    assert!(text.ends_with("# EOF\n"), "{text}");
    parse(&text)
}

both_backends! {
    async fn metrics_count_requests_by_route_on_their_own_address(app.metrics()) {
        let mut etag = None;
        for _ in 0..2 {
            let response = app.get("/fr/").await;
            assert_eq!(response.status(), 200);
            etag = response.headers().get("etag").cloned();
        }
        // A conditional request the cache answers 304: counted as such.
        let etag = etag.expect("the home page has an entity tag");
        let again = app.client.get(app.url("/fr/")).header("if-none-match", etag).send().await.expect("GET");
        assert_eq!(again.status(), 304);
        assert_eq!(app.get("/fr/adherents/no-such/page").await.status(), 404);
        let samples = scrape(app).await;
        let requests = |route, status| value(&samples, "oneinfive_http_requests_total", &[("route", route), ("status", status)]);
        assert_eq!(requests("home", "200"), Some(2.0));
        assert_eq!(requests("home", "304"), Some(1.0));
        assert_eq!(requests("other", "404"), Some(1.0));
        assert_eq!(value(&samples, "oneinfive_http_request_duration_seconds_count", &[("route", "home")]), Some(3.0));
        let slowest = value(&samples, "oneinfive_http_request_duration_seconds_bucket", &[("route", "home"), ("le", "+Inf")]);
        assert_eq!(slowest, Some(3.0));
        // The first home page was rendered, the others came from the cache;
        // the unknown address was looked for, not kept.
        assert_eq!(value(&samples, "oneinfive_page_cache_hits_total", &[]), Some(2.0));
        assert_eq!(value(&samples, "oneinfive_page_cache_misses_total", &[]), Some(2.0));
        assert_eq!(value(&samples, "oneinfive_page_cache_entries", &[]), Some(1.0));
        assert!(value(&samples, "oneinfive_page_cache_bytes", &[]).is_some_and(|bytes| bytes > 1000.0));
        assert_eq!(value(&samples, "oneinfive_database_up", &[]), Some(1.0));
        assert_eq!(value(&samples, "oneinfive_outbox_pending", &[]), Some(0.0));
        assert_eq!(value(&samples, "oneinfive_outbox_failed", &[]), Some(0.0));
    }

    async fn metrics_read_the_outbox_when_scraped(app.metrics()) {
        let samples = scrape(app).await;
        assert_eq!(value(&samples, "oneinfive_outbox_pending", &[]), Some(0.0));
        assert_eq!(value(&samples, "oneinfive_outbox_failed", &[]), Some(0.0));
        // A mail due in the far future (the mail worker leaves it), one
        // being sent, and one given up on.
        app.execute(
            "INSERT INTO mail_outbox (recipient, status, next_attempt_at, created_at) VALUES \
             ('a@example.org', 'pending', '2100-01-01T00:00:00Z', '2026-11-25T12:00:00Z'), \
             ('b@example.org', 'sending', '2100-01-01T00:00:00Z', '2026-11-25T12:00:00Z'), \
             ('c@example.org', 'failed', '2026-11-25T12:00:00Z', '2026-11-25T12:00:00Z'), \
             ('d@example.org', 'sent', '2026-11-25T12:00:00Z', '2026-11-25T12:00:00Z')",
        )
        .await;
        let samples = scrape(app).await;
        assert_eq!(value(&samples, "oneinfive_outbox_pending", &[]), Some(2.0));
        assert_eq!(value(&samples, "oneinfive_outbox_failed", &[]), Some(1.0));
        // Never served on the site's own address; nothing else on the metrics'.
        assert_eq!(app.get("/metrics").await.status(), 404);
        let other = app.metrics_url().replace("/metrics", "/fr/");
        assert_eq!(app.client.get(other).send().await.expect("GET").status(), 404);
        let below = format!("{}/x", app.metrics_url());
        assert_eq!(app.client.get(below).send().await.expect("GET").status(), 404);
    }

    async fn no_metrics_address_by_default(app) {
        assert_eq!(app.get("/metrics").await.status(), 404);
    }
}
