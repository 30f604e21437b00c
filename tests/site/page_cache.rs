//! The page cache: every public page answered from the cache is the page
//! as rendered, header by header and byte by byte, and the order of a
//! query's parameters does not make a page of its own.

use crate::{
    common::{TestApp, both_backends},
    metrics::{scrape, value},
};

/// The headers that differ from one answer to the next by nature.
const PER_ANSWER: [&str; 2] = ["date", "x-request-id"];

/// What a client gets: the status, the headers in order (but
/// [`PER_ANSWER`]), and the body's bytes.
struct ConnectionService {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

/// GETs a path, compressed with `encoding` when it is given.
async fn answer(app: &TestApp, path: &str, encoding: Option<&str>) -> ConnectionService {
    let mut request = app.client.get(app.url(path));
    if let Some(encoding) = encoding {
        request = request.header("accept-encoding", encoding);
    }
    let response = request.send().await.expect("GET");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .filter(|(name, _)| !PER_ANSWER.contains(&name.as_str()))
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    let body = response.bytes().await.expect("body").to_vec();
    ConnectionService { status, headers, body }
}

/// Fails unless two answers are the same but for [`PER_ANSWER`].
fn assert_same(what: &str, expected: &ConnectionService, actual: &ConnectionService) {
    assert_eq!(expected.status, actual.status, "{what}: status");
    let shown = |headers: &[(String, Vec<u8>)]| -> Vec<(String, String)> {
        headers.iter().map(|(name, value)| (name.clone(), String::from_utf8_lossy(value).into_owned())).collect()
    };
    assert_eq!(shown(&expected.headers), shown(&actual.headers), "{what}: headers");
    if expected.body != actual.body {
        let at = expected.body.iter().zip(&actual.body).position(|(a, b)| a != b).unwrap_or(0);
        let around =
            |body: &[u8]| String::from_utf8_lossy(&body[at.saturating_sub(80)..(at + 80).min(body.len())]).into_owned();
        panic!(
            "{what}: bodies of {} and {} bytes differ at byte {at}:\n{}\n---\n{}",
            expected.body.len(),
            actual.body.len(),
            around(&expected.body),
            around(&actual.body)
        );
    }
}

/// The sitemap's addresses, as paths: every page of the site but for the
/// signatories, of whom the first two of each language stand for the rest.
async fn sitemap_paths(app: &TestApp) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for loc in crate::sitemap::locs(app).await {
        let path = loc.trim_start_matches("http://site.test").to_owned();
        let signatory = ["/fr/adherents/", "/en/members/"]
            .into_iter()
            .find(|section| path.starts_with(section) && !path.ends_with("/carte") && !path.ends_with("/map"));
        if let Some(section) = signatory
            && paths.iter().filter(|known| known.starts_with(section)).count() >= 2
        {
            continue;
        }
        paths.push(path);
    }
    paths
}

/// Every public address, and the ones the sitemap does not list: filtered
/// and paged lists, feeds, open data, redirects and unknown addresses.
async fn every_public_path(app: &TestApp) -> Vec<String> {
    let mut paths = sitemap_paths(app).await;
    let events: Vec<String> = paths
        .iter()
        .filter(|path| {
            (path.starts_with("/fr/calendrier/") || path.starts_with("/en/calendar/")) && !path.ends_with("archive")
        })
        .filter(|path| !path.ends_with("/archives"))
        .map(|path| format!("{path}.ics"))
        .collect();
    assert!(!events.is_empty(), "the sample has events: {paths:?}");
    paths.extend(events);
    let others = [
        "/fr/adherents?country=FR",
        "/fr/adherents?country=FR&kind=city",
        "/en/members?q=lyon&utm_source=x",
        "/en/members?page=2",
        "/fr/adherents/carte?kind=region",
        "/en/calendar/archive?year=2026&mode=online",
        "/fr/actualites?page=1",
        "/fr/actualites.rss",
        "/en/news.rss",
        "/fr/calendrier.ics",
        "/en/calendar.ics",
        "/fr/adherents/historique.csv",
        "/en/members/history.csv",
        "/open-data/signatories.csv",
        "/open-data/signatories.json",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/signatories-1.xml",
        "/robots.txt",
        "/fr",
        "/fr/about",
        "/fr/nulle-part",
        "/en/nowhere",
        "/fr/adherents/999999-nowhere",
        "/en/members?country=ZZ",
    ];
    paths.extend(others.into_iter().map(str::to_owned));
    paths
}

/// The cache's hits so far.
async fn hits(app: &TestApp) -> f64 {
    value(&scrape(app).await, "oneinfive_page_cache_hits_total", &[]).unwrap_or(0.0)
}

both_backends! {
    async fn every_public_page_from_the_cache_is_the_page_as_rendered(app.seeded().metrics()) {
        let paths = every_public_path(app).await;
        for encoding in [None, Some("br")] {
            for path in &paths {
                let what = format!("{path} ({encoding:?})");
                // Rendered (and kept, if it may be), then answered from the
                // cache on the fast path.
                let rendered = answer(app, path, encoding).await;
                let before = hits(app).await;
                let cached = answer(app, path, encoding).await;
                let kept = rendered.status == 200 && path != "/robots.txt";
                assert_eq!(hits(app).await - before, if kept { 1.0 } else { 0.0 }, "{what}: a hit");
                assert_same(&what, &rendered, &cached);
                // Rendered again, for a revision of the data that changed
                // nothing: as the cache had it.
                app.execute("UPDATE site_revision SET value = value + 1 WHERE id = 1").await;
                let again = answer(app, path, encoding).await;
                assert_same(&format!("{what}, rendered again"), &cached, &again);
            }
        }
    }

    async fn the_order_of_the_parameters_makes_no_page_of_its_own(app.seeded().metrics()) {
        let pairs = [
            ("/fr/adherents?country=FR&kind=city", "/fr/adherents?kind=city&country=FR"),
            ("/en/members?q=a&page=1&country=FR", "/en/members?country=FR&utm_source=x&page=1&q=a"),
            ("/en/calendar/archive?year=2026&mode=online", "/en/calendar/archive?mode=online&year=2026"),
        ];
        for (one, other) in pairs {
            let rendered = answer(app, one, None).await;
            assert_eq!(rendered.status, 200, "{one}");
            let before = hits(app).await;
            let cached = answer(app, other, None).await;
            assert_eq!(hits(app).await - before, 1.0, "{other} is answered from the entry of {one}");
            // And it is the page the other order renders.
            app.execute("UPDATE site_revision SET value = value + 1 WHERE id = 1").await;
            let again = answer(app, other, None).await;
            assert_same(other, &cached, &again);
        }
    }
}
