//! Large imports of signatories on both backends: written in a few
//! statements, all or nothing, the site's revision raised once per import
//! (not once per row), the report's counts and the rows' versions as a
//! row-by-row import gives them, and the public pages showing the import
//! on their next load. Imports of events and of news raise it once too.

use crate::{
    admin_signatories::{apply, html, upload},
    common::{TestApp, both_backends, path_str, stderr, stdout, text, texts},
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

/// A file of `count` events, the first `changed` of them retitled.
fn events(count: usize, changed: usize) -> String {
    let mut csv = String::from(
        "slug,title_fr,title_en,start,end,time_zone,status,venue_name,venue_city,venue_country,online_url,registration_url,signatory,description_fr,description_en\n",
    );
    for n in 0..count {
        let title = if n < changed { "Nouveau titre" } else { "Réunion" };
        csv.push_str(&format!(
            "meeting-{n},{title} {n},Meeting {n},2030-12-{:02}T14:30,2030-12-{:02}T16:00,Europe/Paris,,,,,https://example.org/live,,,,\n",
            n + 1,
            n + 1
        ));
    }
    csv
}

/// A news folder of `count` items in both languages, the first `changed`
/// of them retitled; returns its path.
fn news_folder(app: &TestApp, name: &str, count: usize, changed: usize) -> String {
    let dir = app.dir.path().join(name);
    std::fs::create_dir_all(&dir).expect("create folder");
    for n in 0..count {
        for lang in ["fr", "en"] {
            let title = if n < changed { format!("Changed {n}") } else { format!("Item {n}") };
            let file = format!(
                "+++\nslug = \"item-{n}\"\npublished_at = 2026-03-{:02}T11:00:00+01:00\ntitle = \"{title}\"\n\
                 summary = \"Summary {n}.\"\n+++\n\nBody {n}.\n",
                n + 1
            );
            std::fs::write(dir.join(format!("item-{n}.{lang}.md")), file).expect("write file");
        }
    }
    path_str(&dir).to_owned()
}

both_backends! {
    async fn an_import_of_events_or_news_raises_the_revision_once(app) {
        let before = revision(app).await;
        let file = app.write_file("events.csv", events(6, 0).as_bytes());
        let output = app.cli(&["events", "import", path_str(&file)]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(revision(app).await, before + 1, "6 events added");
        let output = app.cli(&["events", "import", path_str(&file)]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(revision(app).await, before + 1, "nothing changed");
        let file = app.write_file("changed.csv", events(6, 3).as_bytes());
        assert!(app.cli(&["events", "import", path_str(&file)]).status.success());
        assert_eq!(revision(app).await, before + 2, "3 events changed");

        let folder = news_folder(app, "news", 5, 0);
        let output = app.cli(&["news", "import", &folder]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(revision(app).await, before + 3, "5 items in 2 languages added");
        assert!(app.cli(&["news", "import", &folder]).status.success());
        assert_eq!(revision(app).await, before + 3, "nothing changed");
        let folder = news_folder(app, "changed", 5, 2);
        assert!(app.cli(&["news", "import", &folder]).status.success());
        assert_eq!(revision(app).await, before + 4, "2 items changed");
        let titles = texts(&app.page("/en/news").await, ".news-list__title");
        assert!(titles.iter().any(|title| title == "Changed 1"), "{titles:?}");

        // A change by hand still raises it, row by row.
        app.execute("UPDATE events SET title_en = 'By hand' WHERE slug = 'meeting-0'").await;
        assert_eq!(revision(app).await, before + 5);
    }

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
