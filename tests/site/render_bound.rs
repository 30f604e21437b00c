//! The bound on drawings: a flood of searches the page cache does not have
//! gets 503 with `Retry-After` past the bound, while the pages the cache
//! keeps, and the back office, are answered as ever.

use std::time::Duration;

use scraper::Html;
use tokio::task::JoinSet;

use crate::{
    common::{both_backends, text},
    metrics::{scrape, value},
};

/// How long each drawing lasts in these tests: long enough for a flood
/// sent at once to find the one turn taken.
const DRAWING: Duration = Duration::from_secs(3);

/// Requests of the flood, each a search of its own.
const FLOOD: usize = 16;

/// Answers one GET: its status, its headers, and its body.
async fn answer(client: reqwest::Client, url: String) -> (u16, reqwest::header::HeaderMap, String) {
    let response = client.get(url).send().await.expect("GET");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("body"))
}

/// Checks one answer of the flood: drawn, or refused with the localized
/// page, a second to wait, and the headers every answer has.
fn check((status, headers, body): &(u16, reqwest::header::HeaderMap, String)) {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
    match status {
        200 => {}
        503 => {
            assert_eq!(header("retry-after"), "1");
            assert_eq!(header("cache-control"), "no-store");
            let html = Html::parse_document(body);
            assert_eq!(text(&html, "h1"), "Service temporarily unavailable");
        }
        other => panic!("a flood's request got {other}"),
    }
    assert!(header("content-security-policy").starts_with("default-src 'self'"), "{headers:?}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("x-request-id").len(), 32, "{headers:?}");
}

both_backends! {
    async fn a_flood_of_uncached_pages_meets_the_bound_and_cached_pages_are_served(
        app.seeded().metrics().render_bound(1, 0, DRAWING)
    ) {
        // The home page drawn once, and kept.
        assert_eq!(app.get("/en/").await.status(), 200);
        let mut flood = JoinSet::new();
        for i in 0..FLOOD {
            flood.spawn(answer(app.client.clone(), app.url(&format!("/en/members?q=flood{i}"))));
        }
        // The first answer back is a refusal: the one turn is taken, for a while.
        let first = flood.join_next().await.expect("an answer").expect("the request's task");
        check(&first);
        assert_eq!(first.0, 503);
        // Meanwhile the kept page, and the back office, which is not drawn in turn.
        assert_eq!(app.get("/en/").await.status(), 200);
        assert_eq!(app.get("/admin/sign-in").await.status(), 200);
        let mut statuses = vec![first.0];
        while let Some(done) = flood.join_next().await {
            let done = done.expect("the request's task");
            check(&done);
            statuses.push(done.0);
        }
        let refused = statuses.iter().filter(|&&s| s == 503).count();
        assert!(statuses.contains(&200), "the one turn drew its page: {statuses:?}");
        assert!(refused >= 1, "{statuses:?}");
        let samples = scrape(app).await;
        assert_eq!(value(&samples, "oneinfive_drawings_refused_total", &[]), Some(refused as f64));
        assert_eq!(value(&samples, "oneinfive_drawings_waiting", &[]), Some(0.0));
    }

    async fn heavy_answers_are_drawn_one_at_a_time_and_take_no_turn_from_the_pages(
        app.seeded().render_bound(1, 0, DRAWING)
    ) {
        // The two lists of every signatory asked for at once: one is drawn,
        // the other refused (one heavy answer at a time, no queue); a page
        // nobody has drawn yet still has its turn meanwhile, the one there is.
        let mut heavy = JoinSet::new();
        for path in ["/open-data/signatories.csv", "/open-data/signatories.json"] {
            heavy.spawn(answer(app.client.clone(), app.url(path)));
        }
        let first = heavy.join_next().await.expect("an answer").expect("the request's task");
        assert_eq!(first.0, 503, "the second heavy answer is refused while the first is drawn");
        assert_eq!(app.get("/fr/calendrier").await.status(), 200);
        let second = heavy.join_next().await.expect("an answer").expect("the request's task");
        assert_eq!(second.0, 200);
    }
}
