//! Large imports of signatories on both backends: written in a few
//! statements, all or nothing, the site's revision raised once per import
//! (not once per row), the report's counts and the rows' versions as a
//! row-by-row import gives them, and the public pages showing the import
//! on their next load.

use crate::{
    admin_signatories::{apply, html, upload},
    common::{TestApp, both_backends, stderr, stdout, text, texts},
};

const COUNTRIES: [&str; 10] = ["FR", "DE", "IT", "ES", "PT", "PL", "NL", "BE", "AT", "SE"];

/// A file of `rows` signatories; those whose number `changed` picks sign a
/// year later.
fn file(rows: usize, changed: impl Fn(usize) -> bool) -> String {
    let mut csv = String::from("name,kind,country,joined_on,latitude,longitude\n");
    for n in 0..rows {
        let year = if changed(n) { 2021 } else { 2020 };
        let kind = if n % 9 == 0 { "region" } else { "city" };
        let country = COUNTRIES[n % COUNTRIES.len()];
        csv.push_str(&format!(
            "Commune {n:05},{kind},{country},{year}-{:02}-{:02},45.5,{}.25\n",
            1 + n % 12,
            1 + n % 28,
            n % 10
        ));
    }
    csv
}

async fn revision(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT value FROM site_revision WHERE id = 1").await;
    rows[0].0
}

async fn count(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories").await;
    rows[0].0
}

/// How many signatories are at each version.
async fn versions(app: &TestApp) -> Vec<(i64, i64)> {
    app.rows("SELECT CAST(version AS BIGINT), count(*) FROM signatories GROUP BY version ORDER BY version").await
}

both_backends! {
    async fn a_large_import_raises_the_revision_once_and_shows_at_once(app) {
        // Seen once, so that the page is in the cache.
        assert_eq!(text(&app.page("/en/").await, "#counter"), "0 cities and regions in 0 countries");
        let before = revision(app).await;
        let output = app.import("many.csv", &file(2000, |_| false));
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("2000 signatories: 2000 added, 0 updated, 0 unchanged"), "{}", stdout(&output));
        assert_eq!(revision(app).await, before + 1);
        assert_eq!(count(app).await, 2000);
        let home = app.page_showing("/en/", |page| text(page, "#counter").starts_with("2,000")).await;
        assert_eq!(text(&home, "#counter"), "2,000 cities and regions in 10 countries");
        // Each row's values written.
        let rows: Vec<(String, Option<f64>, Option<f64>)> =
            app.rows("SELECT kind, latitude, longitude FROM signatories WHERE name = 'Commune 01234'").await;
        assert_eq!(rows, [("city".to_owned(), Some(45.5), Some(4.25))]);

        // The same file again: nothing written, the revision left alone.
        let output = app.import("many.csv", &file(2000, |_| false));
        assert!(stdout(&output).contains("0 added, 0 updated, 2000 unchanged"), "{}", stdout(&output));
        assert_eq!(revision(app).await, before + 1);
    }

    async fn a_second_import_counts_and_versions_what_it_changes(app) {
        assert!(app.import("many.csv", &file(2000, |_| false)).status.success());
        let before = revision(app).await;
        // 100 rows changed, 300 new.
        let output = app.import("more.csv", &file(2300, |n| n % 20 == 7));
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("2300 signatories: 300 added, 100 updated, 1900 unchanged"), "{}", stdout(&output));
        assert_eq!(revision(app).await, before + 1);
        assert_eq!(versions(app).await, [(1, 2200), (2, 100)]);
        let rows: Vec<(String,)> = app.rows("SELECT CAST(joined_on AS TEXT) FROM signatories WHERE name = 'Commune 00027'").await;
        assert_eq!(rows, [("2021-04-28".to_owned(),)]);
    }

    async fn a_bad_row_at_the_end_of_a_large_file_writes_nothing(app) {
        assert!(app.import("many.csv", &file(2000, |_| false)).status.success());
        let before = (revision(app).await, versions(app).await);
        let mut bad = file(3000, |n| n % 2 == 0);
        bad.push_str("Nowhere,city,XX,2020-01-01,,\n");
        let output = app.import("bad.csv", &bad);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("line 3002: country"), "{}", stderr(&output));
        assert_eq!((revision(app).await, versions(app).await), before);
        assert_eq!(count(app).await, 2000);
    }

    async fn the_back_office_applies_a_large_file_the_same_way(app) {
        assert!(app.import("many.csv", &file(2000, |_| false)).status.success());
        let staff = app.staff("eddie@example.org", "editor").await;
        let before = revision(app).await;
        let preview = html(upload(&staff, "more.csv", &file(2300, |n| n % 20 == 7)).await).await;
        assert_eq!(texts(&preview, "#import-counts li"), ["300 adhérents ajoutés", "100 adhérents mis à jour", "1\u{202f}900 adhérents inchangés"]);
        assert_eq!(revision(app).await, before, "the preview writes nothing");
        assert_eq!(apply(&staff, &preview).await.status(), 303);
        assert_eq!(revision(app).await, before + 1);
        assert_eq!(versions(app).await, [(1, 2200), (2, 100)]);
    }
}
