//! An outage drill: the site's PostgreSQL server (a private one) crashes
//! and comes back while the site runs, and the site neither hangs nor needs
//! a restart.

use std::time::Duration;

use scraper::Html;

use crate::common::{Backend, PATIENCE, TestApp, attr, attrs, cluster::PrivateCluster, settle, text};

/// What a visitor may wait at most for any answer during the outage.
const ANSWER_WITHIN: Duration = Duration::from_secs(1);

const CACHED: [&str; 3] = ["/fr/", "/en/", "/en/members"];
const NEWSLETTER: &str = "/en/newsletter";

async fn sign_up(app: &TestApp, csrf: &str, email: &str) -> reqwest::Response {
    let form = [("email", email), ("consent", "yes"), ("csrf", csrf), ("website", "")];
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    let request = app.client.post(app.url(NEWSLETTER)).header("content-type", "application/x-www-form-urlencoded");
    tokio::time::timeout(ANSWER_WITHIN, request.body(body).send())
        .await
        .unwrap_or_else(|_| panic!("a sign-up was not answered within {ANSWER_WITHIN:?}"))
        .expect("POST")
}

async fn get_within(app: &TestApp, path: &str) -> reqwest::Response {
    tokio::time::timeout(ANSWER_WITHIN, app.client.get(app.url(path)).send())
        .await
        .unwrap_or_else(|_| panic!("GET {path} was not answered within {ANSWER_WITHIN:?}"))
        .expect("GET")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_is_served_from_the_cache_and_recovered_from() {
    let Some(cluster) = PrivateCluster::start() else { return };
    let Some(app) = TestApp::builder(Backend::Postgres).on_database(cluster.url()).seeded().start().await else {
        return;
    };
    // Visitors have read these pages: they are in the cache.
    let mut before = Vec::new();
    for path in CACHED {
        before.push(app.get(path).await.text().await.expect("body"));
    }
    let csrf =
        attr(&app.page(NEWSLETTER).await, ".newsletter-page form[action='/en/newsletter'] input[name=csrf]", "value");
    let signatory = attrs(&app.page("/en/members").await, ".signatory a[href^='/en/members/']", "href").remove(0);
    let staff = app.staff("officer@example.org", "editor").await;

    cluster.stop_immediately();
    // For a few seconds, every kind of request: each is answered within a
    // second, 200 from the cache or 503 to be retried.
    let until = tokio::time::Instant::now() + Duration::from_secs(3);
    let mut rounds = 0;
    while tokio::time::Instant::now() < until {
        for (path, body) in CACHED.iter().zip(&before) {
            let response = get_within(&app, path).await;
            assert_eq!(response.status(), 200, "GET {path} from the cache");
            assert_eq!(&response.text().await.expect("body"), body, "{path}: the page as last rendered");
        }
        let uncached = get_within(&app, &signatory).await;
        assert_eq!(uncached.status(), 503, "{signatory} was never rendered");
        assert_eq!(uncached.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
        let page = Html::parse_document(&uncached.text().await.expect("body"));
        assert_eq!(text(&page, "h1"), "Service temporarily unavailable");
        let refused = sign_up(&app, &csrf, &format!("during{rounds}@example.org")).await;
        assert_eq!(refused.status(), 503, "a sign-up while the database is down");
        // The back office's error page does not wait for the database to
        // say who is signed in.
        let back_office = tokio::time::timeout(
            ANSWER_WITHIN,
            app.client.get(app.url("/admin/")).header("cookie", &staff.cookie).send(),
        )
        .await
        .unwrap_or_else(|_| panic!("the back office was not answered within {ANSWER_WITHIN:?}"))
        .expect("GET");
        assert_eq!(back_office.status(), 503);
        let health = get_within(&app, "/healthz").await;
        assert_eq!(health.status(), 503);
        assert!(health.text().await.expect("body").starts_with("degraded"));
        rounds += 1;
    }

    // The database comes back: the site finds out by itself, no restart.
    cluster.start_again();
    let healthy = settle(PATIENCE, || async { app.get("/healthz").await.status() }, |s| *s == 200).await;
    assert_eq!(healthy, 200, "the site saw the database come back");
    assert_eq!(sign_up(&app, &csrf, "after@example.org").await.status(), 200);
    let stored = app.rows::<(String,)>("SELECT email FROM subscribers").await;
    assert_eq!(stored, [("after@example.org".to_owned(),)], "only the sign-up made after the outage");
    assert_eq!(app.get(&signatory).await.status(), 200);
    // The first change after the recovery shows on the next page load.
    let id: i64 = signatory
        .trim_start_matches("/en/members/")
        .split('-')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the signatory's id in its address");
    app.execute(&format!("UPDATE signatories SET name_en = 'Renamed after the outage' WHERE id = {id}")).await;
    assert_eq!(text(&app.page(&signatory).await, "h1"), "Renamed after the outage");
}
