//! The counts the public pages show (the home page's counter, the
//! directory's and the map's counts by country and kind, the history by
//! year), which the pages read from the counts the database keeps
//! (`signatory_counts`): after every way of writing signatories (the back
//! office, CSV imports large and small, SQL typed by hand, a random series
//! of changes) the kept counts are those a count over the signatories
//! gives, and so are the pages'.

use scraper::Html;

use crate::{
    admin_signatories::{apply, fields, html, id_of, upload},
    common::{Backend, NOTIFICATION_DELAY, TestApp, attr, both_backends, settle, stderr, text, texts},
    history::table_rows,
};

/// Counts by country, kind and year: `(country, kind, year, signatories,
/// of which with a position)`, sorted.
type Counts = Vec<(String, String, i64, i64, i64)>;

/// The counts, counted over the signatories themselves.
async fn counted(app: &TestApp) -> Counts {
    app.rows(
        "SELECT CAST(country AS TEXT), kind, CAST(substr(CAST(joined_on AS TEXT), 1, 4) AS BIGINT), \
         count(*), count(latitude) FROM signatories GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .await
}

/// The counts the database keeps, rows fallen to zero left out.
async fn kept(app: &TestApp) -> Counts {
    app.rows(
        "SELECT CAST(country AS TEXT), kind, CAST(year AS BIGINT), CAST(n AS BIGINT), CAST(placed AS BIGINT) \
         FROM signatory_counts WHERE n <> 0 OR placed <> 0 ORDER BY 1, 2, 3",
    )
    .await
}

/// The figures a text holds, in order: "2,000 cities and regions in 10
/// countries" holds 2000 and 10; "One signatory" holds 1.
fn figures(text: &str) -> Vec<i64> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter_map(|word| {
            let digits: String = word.chars().filter(|c| *c != ',').collect();
            if word.eq_ignore_ascii_case("one") { Some(1) } else { digits.parse().ok() }
        })
        .collect()
}

/// "7 cities, 1 region" as (7, 1); the parts that are zero are left out.
fn breakdown(text: &str) -> (i64, i64) {
    let (mut cities, mut regions) = (0, 0);
    for part in text.split(", ") {
        let n = figures(part).first().copied().unwrap_or(0);
        if part.contains("cit") {
            cities = n;
        } else if part.contains("region") {
            regions = n;
        }
    }
    (cities, regions)
}

/// What the public pages say of the counts.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    /// The home page's counter: signatories, countries.
    counter: Vec<i64>,
    /// The directory's countries: (code, cities, regions), by code.
    directory: Vec<(String, i64, i64)>,
    /// The map's countries, as their links name them, by code.
    map: Vec<(String, i64, i64)>,
    /// The directory's count of results for the regions, and for France.
    regions: i64,
    france: i64,
    /// The map's note on the signatories without a position; 0 without a note.
    unplaced: i64,
    /// The history: (year, new, total).
    history: Vec<(i32, i64, i64)>,
}

/// The country code a link to the directory filters on.
fn code_of(href: &str) -> String {
    href.split("country=").nth(1).map(|rest| rest.chars().take(2).collect()).unwrap_or_default()
}

async fn shown(app: &TestApp) -> Shown {
    let home = app.page("/en/").await;
    let directory = app.page("/en/members").await;
    let mut countries: Vec<(String, i64, i64)> = directory
        .select(&scraper::Selector::parse(".country-index li").expect("selector"))
        .map(|item| {
            let item = Html::parse_fragment(&item.html());
            let (cities, regions) = breakdown(&text(&item, ".country-index__count"));
            (code_of(&attr(&item, "a", "href")), cities, regions)
        })
        .collect();
    countries.sort();
    let map = app.page("/en/members/map").await;
    let mut map_countries: Vec<(String, i64, i64)> = map
        .select(&scraper::Selector::parse("svg.map__drawing a[href^='/en/members?country=']").expect("selector"))
        .map(|a| {
            let label = a.value().attr("aria-label").unwrap_or_default();
            let (cities, regions) = breakdown(label.split(": ").nth(1).unwrap_or_default());
            (code_of(a.value().attr("href").unwrap_or_default()), cities, regions)
        })
        .collect();
    map_countries.sort();
    let unplaced = texts(&map, "p.notice")
        .iter()
        .find(|note| note.contains("not known"))
        .map(|note| figures(note).first().copied().unwrap_or(0))
        .unwrap_or(0);
    let results = |page: Html| figures(&text(&page, "#results-count")).first().copied().unwrap_or(-1);
    Shown {
        counter: figures(&text(&home, "#counter")),
        directory: countries,
        map: map_countries,
        regions: results(app.page("/en/members?kind=region").await),
        france: results(app.page("/en/members?country=FR").await),
        unplaced,
        history: table_rows(&directory, ".history-section"),
    }
}

/// What the pages must say, from counts over the signatories.
fn expected(counts: &Counts) -> Shown {
    let mut by_country: Vec<(String, i64, i64)> = Vec::new();
    let mut years: Vec<(i32, i64)> = Vec::new();
    let (mut regions, mut france, mut unplaced) = (0, 0, 0);
    for (country, kind, year, n, placed) in counts {
        if by_country.last().map(|c| &c.0) != Some(country) {
            by_country.push((country.clone(), 0, 0));
        }
        if let Some(last) = by_country.last_mut() {
            if kind == "city" { last.1 += n } else { last.2 += n }
        }
        let year = i32::try_from(*year).expect("a year");
        match years.iter_mut().find(|(at, _)| *at == year) {
            Some(entry) => entry.1 += n,
            None => years.push((year, *n)),
        }
        regions += if kind == "region" { *n } else { 0 };
        france += if country == "FR" { *n } else { 0 };
        unplaced += n - placed;
    }
    years.sort();
    let mut history = Vec::new();
    if let (Some(first), Some(last)) = (years.first(), years.last()) {
        let mut total = 0;
        for year in first.0..=last.0.max(crate::common::NOW.year()) {
            let added = years.iter().find(|(at, _)| *at == year).map_or(0, |(_, n)| *n);
            total += added;
            history.push((year, added, total));
        }
    }
    let total: i64 = by_country.iter().map(|c| c.1 + c.2).sum();
    let countries = i64::try_from(by_country.len()).expect("a count");
    Shown {
        counter: vec![total, countries],
        directory: by_country.clone(),
        map: by_country,
        regions,
        france,
        unplaced,
        history,
    }
}

/// The kept counts are those counted over the signatories, and the pages
/// show them (once a busy PostgreSQL site has heard of the change).
async fn assert_counts_right(app: &TestApp, after: &str) {
    let counts = counted(app).await;
    assert_eq!(kept(app).await, counts, "the kept counts after {after}");
    let want = expected(&counts);
    let got = settle(NOTIFICATION_DELAY, || shown(app), |got| *got == want).await;
    assert_eq!(got, want, "the pages after {after}");
}

const COUNTRIES: [&str; 6] = ["FR", "DE", "IT", "MT", "AT", "SE"];

/// A CSV of `rows` signatories; `variant` moves their kinds, years and
/// positions, so that a second file with another updates them.
fn file(rows: usize, variant: usize) -> String {
    let mut csv = String::from("name,kind,country,joined_on,latitude,longitude\n");
    for n in 0..rows {
        let kind = if (n + variant).is_multiple_of(7) { "region" } else { "city" };
        let country = COUNTRIES[n % COUNTRIES.len()];
        // Signed in the past: 2012 to 2025.
        let year = 2012 + (n + 3 * variant) % 14;
        let position = if (n + variant).is_multiple_of(3) { String::from(",") } else { format!("46.5,{}.5", n % 9) };
        csv.push_str(&format!(
            "Commune {n:05},{kind},{country},{year}-{:02}-{:02},{position}\n",
            1 + n % 12,
            1 + n % 28
        ));
    }
    csv
}

/// The statement that inserts a signatory by hand, as another program would.
fn insert_sql(name: &str, kind: &str, country: &str, joined_on: &str, placed: bool) -> String {
    let key = name.to_lowercase();
    let (latitude, longitude) = if placed { ("45.5", "6.5") } else { ("NULL", "NULL") };
    format!(
        "INSERT INTO signatories (name_key, country, name, kind, joined_on, sort_fr, sort_en, search_text, latitude, longitude) \
         VALUES ('{key}', '{country}', '{name}', '{kind}', '{joined_on}', '{key}', '{key}', '{key}', {latitude}, {longitude})"
    )
}

/// A small random number generator (xorshift), seeded for a series that
/// is the same at each run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[usize::try_from(self.below(from.len() as u64)).expect("an index")]
    }
}

both_backends! {
    async fn the_back_office_and_csv_files_keep_the_counts(app) {
        assert_counts_right(app, "nothing yet").await;
        let staff = app.staff("eddie@example.org", "editor").await;

        // Added in the back office, then moved to another country, kind,
        // year, and given a position.
        assert_eq!(staff.post("/admin/signatories/new", &fields(&[])).await.status(), 303);
        assert_counts_right(app, "a signatory added").await;
        let id = id_of(app, "Valmorin").await;
        let path = format!("/admin/signatories/{id}");
        let version = attr(&staff.page(&path).await, "form.admin-form input[name=version]", "value");
        let moved = fields(&[
            ("country", "DE"), ("kind", "region"), ("joined_on", "2019-05-05"),
            ("latitude", "48.1"), ("longitude", "11.6"), ("version", &version),
        ]);
        assert_eq!(staff.post(&path, &moved).await.status(), 303);
        assert_counts_right(app, "a signatory moved in the back office").await;

        // A CSV file at the command line, then another that changes kinds,
        // dates and positions.
        let output = app.import("first.csv", &file(60, 0));
        assert!(output.status.success(), "{}", stderr(&output));
        assert_counts_right(app, "an import").await;
        let output = app.import("second.csv", &file(80, 1));
        assert!(output.status.success(), "{}", stderr(&output));
        assert_counts_right(app, "an import that changes rows").await;

        // A CSV file in the back office.
        let preview = html(upload(&staff, "third.csv", &file(90, 2)).await).await;
        assert_eq!(apply(&staff, &preview).await.status(), 303);
        assert_counts_right(app, "an import in the back office").await;

        // Deleted in the back office.
        assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303);
        assert_counts_right(app, "a signatory deleted").await;
    }

    async fn a_large_import_keeps_the_counts(app) {
        let output = app.import("many.csv", &file(3000, 0));
        assert!(output.status.success(), "{}", stderr(&output));
        assert_counts_right(app, "a large import").await;
        // Most rows changed, 500 more.
        let output = app.import("more.csv", &file(3500, 4));
        assert!(output.status.success(), "{}", stderr(&output));
        assert_counts_right(app, "a large import over the first").await;
    }

    async fn sql_typed_by_hand_keeps_the_counts(app) {
        app.execute(&insert_sql("Aubeville", "city", "FR", "2016-02-03", false)).await;
        app.execute(&insert_sql("Brenne", "region", "FR", "2018-07-08", true)).await;
        app.execute(&insert_sql("Cassel", "city", "DE", "2018-01-01", true)).await;
        assert_counts_right(app, "rows inserted by hand").await;
        for (statement, what) in [
            ("UPDATE signatories SET country = 'IT' WHERE name = 'Aubeville'", "a country changed"),
            ("UPDATE signatories SET kind = 'region' WHERE name = 'Cassel'", "a kind changed"),
            ("UPDATE signatories SET joined_on = '2021-09-09' WHERE name = 'Brenne'", "a year changed"),
            ("UPDATE signatories SET joined_on = '2021-10-10' WHERE name = 'Brenne'", "a date within the year changed"),
            ("UPDATE signatories SET latitude = NULL, longitude = NULL WHERE name = 'Brenne'", "a position removed"),
            ("UPDATE signatories SET latitude = 50.0, longitude = 4.0 WHERE name = 'Aubeville'", "a position added"),
            ("UPDATE signatories SET website = 'https://cassel.example/'", "a change the counts ignore"),
            ("UPDATE signatories SET country = 'MT', kind = 'city', joined_on = '2015-01-01'", "every row moved at once"),
            ("DELETE FROM signatories WHERE name = 'Cassel'", "a row deleted"),
        ] {
            app.execute(statement).await;
            assert_counts_right(app, what).await;
        }
        // The upsert an import makes, typed by hand: one row updated, one added.
        app.execute(
            "INSERT INTO signatories (name_key, country, name, kind, joined_on, sort_fr, sort_en, search_text) \
             VALUES ('brenne', 'MT', 'Brenne', 'region', '2020-02-02', 'brenne', 'brenne', 'brenne'), \
                    ('dole', 'SE', 'Dole', 'city', '2022-03-03', 'dole', 'dole', 'dole') \
             ON CONFLICT (name_key, country) DO UPDATE SET kind = excluded.kind, joined_on = excluded.joined_on",
        )
        .await;
        assert_counts_right(app, "an upsert typed by hand").await;

        // Emptied: all at once (on PostgreSQL by TRUNCATE, which fires no
        // row's trigger).
        match app.backend {
            Backend::Sqlite => app.execute("DELETE FROM signatories").await,
            Backend::Postgres => app.execute("TRUNCATE signatories CASCADE").await,
        }
        assert_counts_right(app, "the table emptied").await;
        assert_eq!(text(&app.page("/en/").await, "#counter"), "0 cities and regions in 0 countries");
    }

    async fn a_random_series_of_changes_keeps_the_counts(app) {
        let mut random = Random(0x5eed_1234_abcd_0042);
        let kinds = ["city", "region"];
        let (mut names, mut extras) = (0, 0);
        for step in 0..60 {
            let country = random.pick(&COUNTRIES);
            let (m, r) = (2 + random.below(9), random.below(2));
            let year = 2010 + random.below(17);
            let statement = match random.below(8) {
                0 | 1 => {
                    names += 1;
                    let date = format!("{year}-0{}-1{}", 1 + random.below(9), random.below(9));
                    insert_sql(&format!("Place {names}"), random.pick(&kinds), country, &date, random.below(2) == 0)
                }
                2 => {
                    // An import's upsert: rows new, and rows there already
                    // (if a name already signed in this country).
                    let mut rows = Vec::new();
                    for n in 1..=5 {
                        let key = if names == 0 || random.below(3) == 0 {
                            extras += 1;
                            format!("extra {extras}")
                        } else {
                            format!("place {}", 1 + random.below(names))
                        };
                        let kind = random.pick(&kinds);
                        rows.push(format!("('{key}', '{country}', '{key}', '{kind}', '{year}-06-0{n}', '{key}', '{key}', '{key}')"));
                    }
                    rows.sort();
                    rows.dedup_by(|a, b| a.split(',').next() == b.split(',').next());
                    format!(
                        "INSERT INTO signatories (name_key, country, name, kind, joined_on, sort_fr, sort_en, search_text) \
                         VALUES {} ON CONFLICT (name_key, country) DO UPDATE SET kind = excluded.kind, joined_on = excluded.joined_on",
                        rows.join(", ")
                    )
                }
                // Moved to another country, where the name has not signed;
                // of the rows of one name, the first only.
                3 => format!(
                    "UPDATE signatories SET country = '{country}' WHERE id % {m} = {r} AND NOT EXISTS \
                     (SELECT 1 FROM signatories AS other WHERE other.name_key = signatories.name_key AND other.country = '{country}') \
                     AND id = (SELECT min(id) FROM signatories AS same WHERE same.name_key = signatories.name_key)"
                ),
                4 => format!("UPDATE signatories SET kind = CASE kind WHEN 'city' THEN 'region' ELSE 'city' END WHERE id % {m} = {r}"),
                5 => format!("UPDATE signatories SET joined_on = '{year}-04-04' WHERE id % {m} = {r}"),
                6 => format!(
                    "UPDATE signatories SET latitude = CASE WHEN latitude IS NULL THEN 45.5 END, \
                     longitude = CASE WHEN longitude IS NULL THEN 6.5 END WHERE id % {m} = {r}"
                ),
                _ => format!("DELETE FROM signatories WHERE id % {} = {r}", 3 * m),
            };
            app.execute(&statement).await;
            assert_eq!(kept(app).await, counted(app).await, "step {step}: {statement}");
        }
        assert!(!counted(app).await.is_empty(), "the series leaves signatories");
        assert_counts_right(app, "the random series").await;
    }

    async fn the_migration_counts_the_signatories_already_there(app.seeded()) {
        // The migration undone, with the sample data stored, and run again.
        let undo: &[&str] = match app.backend {
            Backend::Sqlite => &[
                "DROP TRIGGER signatory_counts_insert",
                "DROP TRIGGER signatory_counts_update",
                "DROP TRIGGER signatory_counts_delete",
                "DROP TABLE signatory_counts",
                "DROP INDEX signatories_placed",
            ],
            Backend::Postgres => &[
                "DROP FUNCTION signatory_counts_changed() CASCADE",
                "DROP TABLE signatory_counts",
                "DROP INDEX signatories_placed",
            ],
        };
        for statement in undo {
            app.execute(statement).await;
        }
        app.execute("DELETE FROM _sqlx_migrations WHERE version = 20261129000028").await;
        app.store.migrate().await.expect("migrate again");
        assert_eq!(kept(app).await.iter().map(|row| row.3).sum::<i64>(), 77);
        assert_counts_right(app, "the migration").await;
    }
}
