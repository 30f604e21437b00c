//! The sitemap: `/sitemap.xml` is an index of files within the sitemap
//! protocol's limits (https://www.sitemaps.org/protocol.html: 50,000
//! addresses and 50 MB a file), each streamed and kept compressed; and
//! the open data at a hundred thousand signatories.

use std::collections::HashSet;
use std::io::Read;

use crate::common::{TestApp, both_backends};

/// The protocol's limits on a file.
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 52_428_800;

/// An address's path: what follows its origin.
fn path_of(loc: &str) -> String {
    let rest = loc.split_once("://").map_or(loc, |(_, rest)| rest);
    rest.find('/').map_or_else(|| "/".to_owned(), |slash| rest[slash..].to_owned())
}

/// The addresses an XML document lists in its `<loc>` elements.
fn locs_in(xml: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).expect("well-formed XML");
    document.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).map(str::to_owned).collect()
}

/// The files the index lists: each one's path and text.
pub(crate) async fn files(app: &TestApp) -> Vec<(String, String)> {
    let index = app.get("/sitemap.xml").await.text().await.expect("the index");
    let mut files = Vec::new();
    for loc in locs_in(&index) {
        let path = path_of(&loc);
        let response = app.get(&path).await;
        assert_eq!(response.status(), 200, "{path}");
        files.push((path, response.text().await.expect("a sitemap file")));
    }
    files
}

/// Every address the sitemap's files list.
pub(crate) async fn locs(app: &TestApp) -> Vec<String> {
    files(app).await.iter().flat_map(|(_, xml)| locs_in(xml)).collect()
}

/// The sitemap's files' text, one after the other.
pub(crate) async fn text(app: &TestApp) -> String {
    files(app).await.into_iter().map(|(_, xml)| xml).collect()
}

/// Inserts `n` signatories in one statement, as another program would:
/// in five countries, one in a thousand sample data.
async fn insert_signatories(app: &TestApp, n: usize) {
    app.execute(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
         INSERT INTO signatories (name_key, country, name, kind, joined_on, sort_fr, sort_en, search_text, sample) \
         SELECT 'lieu ' || i, substr('FRDEITESPL', 1 + 2 * (i % 5), 2), 'Lieu ' || i, \
         CASE WHEN i % 7 = 0 THEN 'region' ELSE 'city' END, '2020-01-01', 'lieu ' || i, 'lieu ' || i, 'lieu ' || i, \
         i % 1000 = 0 FROM n"
    ))
    .await;
}

/// The id of a signatory's page at this path, and its language.
fn signatory_id(path: &str) -> Option<(&'static str, i64)> {
    let (lang, rest) = if let Some(rest) = path.strip_prefix("/fr/adherents/") {
        ("fr", rest)
    } else {
        ("en", path.strip_prefix("/en/members/")?)
    };
    let id = rest.split('-').next()?;
    Some((lang, id.parse().ok()?))
}

both_backends! {
    async fn the_index_lists_files_each_a_sitemap_of_its_own(app.seeded()) {
        let robots = app.get("/robots.txt").await.text().await.expect("robots");
        assert!(robots.lines().any(|l| l == "Sitemap: http://site.test/sitemap.xml"), "{robots}");
        let response = app.get("/sitemap.xml").await;
        assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("application/xml"));
        let index = response.text().await.expect("the index");
        let document = roxmltree::Document::parse(&index).expect("well-formed XML");
        assert!(document.root_element().has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "sitemapindex")));
        // The sample's 77 signatories fit in one file.
        let listed: Vec<String> = locs_in(&index).iter().map(|loc| path_of(loc)).collect();
        assert_eq!(listed, ["/sitemaps/pages.xml", "/sitemaps/signatories-1.xml"]);
        for (path, xml) in files(app).await {
            let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
            assert!(document.root_element().has_tag_name("urlset"), "{path}");
            let response = app.get(&path).await;
            assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("application/xml"));
        }
        // 77 signatories in both languages in theirs.
        let signatories = app.get("/sitemaps/signatories-1.xml").await.text().await.expect("file");
        assert_eq!(locs_in(&signatories).len(), 77 * 2);
        assert!(locs_in(&signatories).iter().all(|loc| signatory_id(&path_of(loc)).is_some()));
        // Past the last file, or a name no file has: not found.
        for path in [
            "/sitemaps/signatories-2.xml",
            "/sitemaps/signatories-0.xml",
            "/sitemaps/signatories-01.xml",
            "/sitemaps/signatories-99999999999.xml",
            "/sitemaps/other.xml",
            "/sitemaps/",
        ] {
            assert_eq!(app.get(path).await.status(), 404, "{path}");
        }
    }

    async fn a_file_is_served_compressed_as_the_client_asks(app.seeded()) {
        let plain = app.get("/sitemaps/signatories-1.xml").await.text().await.expect("file");
        for _ in 0..2 {
            let response = app
                .client
                .get(app.url("/sitemaps/signatories-1.xml"))
                .header("accept-encoding", "gzip")
                .send()
                .await
                .expect("GET");
            assert_eq!(response.headers()["content-encoding"], "gzip");
            let bytes = response.bytes().await.expect("body");
            let mut unzipped = String::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut unzipped).expect("gzip");
            assert_eq!(unzipped, plain);
        }
    }

    async fn a_hundred_thousand_signatories_in_files_within_the_limits(app) {
        insert_signatories(app, 100_000).await;
        let ids: HashSet<i64> =
            app.rows::<(i64,)>("SELECT id FROM signatories").await.into_iter().map(|(id,)| id).collect();
        assert_eq!(ids.len(), 100_000);
        let files = files(app).await;
        let names: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(names[0], "/sitemaps/pages.xml");
        assert!(names.len() >= 5, "{names:?}");
        let mut seen: HashSet<(&'static str, i64)> = HashSet::new();
        for (path, xml) in &files {
            assert!(xml.len() <= MAX_BYTES, "{path}: {} bytes", xml.len());
            let document = roxmltree::Document::parse(xml).expect("well-formed XML");
            let urls = document.descendants().filter(|n| n.has_tag_name("url")).count();
            assert!(urls <= MAX_URLS, "{path}: {urls}");
            for loc in locs_in(xml) {
                if let Some(page) = signatory_id(&path_of(&loc)) {
                    assert!(seen.insert(page), "{loc} listed twice");
                }
            }
        }
        for lang in ["fr", "en"] {
            let listed: HashSet<i64> = seen.iter().filter(|(l, _)| *l == lang).map(|(_, id)| *id).collect();
            assert_eq!(listed, ids, "{lang}");
        }
        let past = format!("/sitemaps/signatories-{}.xml", names.len());
        assert_eq!(app.get(&past).await.status(), 404);

        // The open data: every record, the CSV as the command line writes it.
        let csv = app.get("/open-data/signatories.csv").await.text().await.expect("csv");
        assert!(csv.starts_with("# "), "the sample rows are said to be there");
        assert_eq!(csv, app.export());
        // The back office's export, written as it is read the same way.
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.get("/admin/signatories/export.csv").await.text().await.expect("csv"), csv);
        let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(csv.as_bytes());
        assert_eq!(reader.records().count(), 100_000);
        let json = app.get("/open-data/signatories.json").await.text().await.expect("json");
        let records: Vec<serde_json::Value> = serde_json::from_str(&json).expect("a JSON array");
        assert_eq!(records.len(), 100_000);
        assert_eq!(records.iter().filter(|r| r["sample"] == true).count(), 100);
    }
}
