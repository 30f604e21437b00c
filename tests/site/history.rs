//! The counter's history: the chart and table on the directory and the
//! home page, and `/fr/adherents/historique.csv`, `/en/members/history.csv`,
//! checked against the signatories' own dates in the open data.

use std::collections::BTreeMap;

use scraper::{Html, Selector};

use crate::common::{NOW, TestApp, attr, attrs, both_backends, text};

/// (year, new, total) as a table of the history shows them.
pub(crate) fn table_rows(page: &Html, scope: &str) -> Vec<(i32, i64, i64)> {
    let rows = Selector::parse(&format!("{scope} .history__table tbody tr")).expect("selector");
    let cell = Selector::parse("th, td").expect("selector");
    page.select(&rows)
        .map(|row| {
            let cells: Vec<String> = row
                .select(&cell)
                .map(|c| c.text().collect::<String>().chars().filter(char::is_ascii_digit).collect())
                .collect();
            assert_eq!(cells.len(), 3, "year, new, total");
            (cells[0].parse().expect("year"), cells[1].parse().expect("new"), cells[2].parse().expect("total"))
        })
        .collect()
}

/// What the history must be: each year's signatures counted from the
/// open data's dates, from the first year to the site's current year.
async fn expected(app: &TestApp) -> Vec<(i32, i64, i64)> {
    let csv = app.get("/open-data/signatories.csv").await.text().await.expect("open data");
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(csv.as_bytes());
    let column = reader.headers().expect("header").iter().position(|h| h == "joined_on").expect("joined_on");
    let mut by_year: BTreeMap<i32, i64> = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("record");
        let year: i32 = record[column][..4].parse().expect("year");
        *by_year.entry(year).or_default() += 1;
    }
    let Some(&first) = by_year.keys().next() else { return Vec::new() };
    let mut total = 0;
    (first..=NOW.year())
        .map(|year| {
            let added = by_year.get(&year).copied().unwrap_or(0);
            total += added;
            (year, added, total)
        })
        .collect()
}

/// The history CSV's rows under its header.
async fn csv_rows(app: &TestApp, path: &str, header: &str) -> Vec<(i32, i64, i64)> {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(response.headers()["content-type"].to_str().expect("type").starts_with("text/csv"));
    let body = response.text().await.expect("csv");
    let mut lines = body.lines();
    assert_eq!(lines.next(), Some(header), "{path}");
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (fields[0].parse().expect("year"), fields[1].parse().expect("new"), fields[2].parse().expect("total"))
        })
        .collect()
}

both_backends! {
    async fn the_chart_and_its_table_follow_the_signatures_dates(app.seeded()) {
        let want = expected(app).await;
        assert!(want.len() > 5, "the sample data spans years: {want:?}");
        assert_eq!(want.last().map(|row| row.0), Some(NOW.year()), "the line runs to this year");

        let directory = app.page("/en/members").await;
        assert_eq!(table_rows(&directory, ".history-section"), want);
        let chart = ".history-section svg.history__chart";
        assert_eq!(attr(&directory, chart, "role"), "img");
        assert!(!text(&directory, &format!("{chart} > title")).is_empty(), "the chart has a title");
        assert!(text(&directory, &format!("{chart} > desc")).contains("77"), "and a description with the count");
        assert_eq!(text(&directory, ".history-section .history__latest"), "77", "the latest point is labelled");
        assert_eq!(attr(&directory, ".history-section details", "open"), "", "the figures are shown at first");

        let home = app.page("/fr/").await;
        assert_eq!(table_rows(&home, ".counter"), want, "the home page's smaller chart has the same figures");
        assert_eq!(text(&home, ".counter .history__latest"), "77");

        assert_eq!(csv_rows(app, "/en/members/history.csv", "year,new_signatories,total").await, want);
        assert_eq!(csv_rows(app, "/fr/adherents/historique.csv", "annee,nouveaux_adherents,total").await, want);
        let links = attrs(&app.page("/fr/adherents").await, ".downloads a", "href");
        assert!(links.iter().any(|href| href == "/fr/adherents/historique.csv"), "{links:?}");
    }

    async fn a_signature_this_year_moves_the_last_point(app.seeded()) {
        let before = app.page("/en/members").await;
        let point = ".history-section circle.history__point";
        let (x, y) = (attr(&before, point, "cx"), attr(&before, point, "cy"));

        let staff = app.staff("eddie@example.org", "editor").await;
        let this_year = format!("{}-01-15", NOW.year());
        let fields = [
            ("name", "Valmorin"),
            ("kind", "city"),
            ("country", "FR"),
            ("joined_on", this_year.as_str()),
            ("name_fr", ""),
            ("name_en", ""),
            ("website", ""),
        ];
        assert_eq!(staff.post("/admin/signatories/new", &fields).await.status(), 303);

        let after = app.page("/en/members").await;
        assert_eq!(text(&after, ".history-section .history__latest"), "78");
        assert_eq!(attr(&after, point, "cx"), x, "still this year");
        let (y_before, y_after): (f64, f64) =
            (y.parse().expect("cy"), attr(&after, point, "cy").parse().expect("cy"));
        assert!(y_after < y_before, "the point rises: {y_before} → {y_after}");
        let rows = table_rows(&after, ".history-section");
        assert_eq!(rows.last(), Some(&(NOW.year(), 1, 78)));
        assert_eq!(rows, expected(app).await);
        let csv = csv_rows(app, "/en/members/history.csv", "year,new_signatories,total").await;
        assert_eq!(csv.last(), Some(&(NOW.year(), 1, 78)));
    }

    async fn without_signatories_there_is_no_chart(app) {
        let directory = app.page("/fr/adherents").await;
        assert!(directory.select(&Selector::parse(".history").expect("selector")).next().is_none());
        assert!(csv_rows(app, "/fr/adherents/historique.csv", "annee,nouveaux_adherents,total").await.is_empty());
    }
}
