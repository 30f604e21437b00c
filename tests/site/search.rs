//! The directory's word search, read through its index: the trigram index
//! on PostgreSQL, the FTS5 trigram table on SQLite. The same signatories
//! are found as by reading every name; the index follows imports, edits
//! and deletions; searches of one or two characters read every name.

use scraper::Html;

use crate::common::{Backend, TestApp, both_backends, text, texts};

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The names the directory shows for a search, and its count of results.
async fn found(app: &TestApp, query: &str) -> (Vec<String>, String) {
    let html: Html = app.page(&format!("/en/members?q={}", urlencode(query))).await;
    (texts(&html, ".signatory a"), text(&html, "#results-count"))
}

/// How many signatories' folded names hold a text, counted by reading them all.
async fn scanned(app: &TestApp, folded: &str) -> i64 {
    let rows: Vec<(i64,)> =
        app.rows(&format!("SELECT count(*) FROM signatories WHERE search_text LIKE '%{folded}%'")).await;
    rows[0].0
}

/// The plan the database makes for an indexed search, one line per step.
async fn plan(app: &TestApp) -> String {
    match app.backend {
        Backend::Sqlite => {
            let rows: Vec<(i64, i64, i64, String)> = app
                .rows(
                    "EXPLAIN QUERY PLAN SELECT count(*) FROM signatories WHERE id IN \
                     (SELECT rowid FROM signatories_search WHERE signatories_search MATCH '\"koln\"')",
                )
                .await;
            rows.into_iter().map(|row| row.3).collect::<Vec<_>>().join("\n")
        }
        Backend::Postgres => {
            // With a few rows a scan is cheaper: the test asks whether the
            // index can answer, not whether it is worth it here.
            app.execute(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET enable_seqscan = off', current_database()); END $$",
            )
            .await;
            let rows: Vec<(String,)> =
                app.rows("EXPLAIN SELECT count(*) FROM signatories WHERE search_text LIKE '%koln%' ESCAPE '\\'").await;
            rows.into_iter().map(|row| row.0).collect::<Vec<_>>().join("\n")
        }
    }
}

both_backends! {
    async fn search_finds_any_name_through_the_index(app.seeded()) {
        // Any of the names, accents and case ignored, spaces and hyphens kept.
        for (query, name) in [
            ("KÖLN", "Cologne"),
            ("cologne", "Cologne"),
            ("MÜNCHEN", "Munich"),
            ("ON DE bruxelles-cap", "Brussels-Capital Region"),
        ] {
            let (names, count) = found(app, query).await;
            assert_eq!(names, vec![name.to_owned()], "{query}");
            assert_eq!(count, "1 signatory", "{query}");
        }
        // As many as reading every name finds.
        for query in ["ber", "Sankt", "burg", "région", "zzz"] {
            let folded = oneinfive::text::collate::fold(query);
            let expected = scanned(app, &folded).await;
            let (_, count) = found(app, query).await;
            let word = if expected == 1 { "signatory" } else { "signatories" };
            assert_eq!(count, format!("{expected} {word}"), "{query}");
        }
        let plan = plan(app).await;
        let index = match app.backend {
            Backend::Sqlite => "signatories_search",
            Backend::Postgres => "signatories_search_trgm",
        };
        assert!(plan.contains(index), "{plan}");
    }

    async fn short_searches_read_every_name(app.seeded()) {
        // One or two characters: every name that holds them, as before.
        for query in ["Ö", "ko", "É", "u"] {
            let folded = oneinfive::text::collate::fold(query);
            let expected = scanned(app, &folded).await;
            assert!(expected > 0, "{query}");
            let (_, count) = found(app, query).await;
            let word = if expected == 1 { "signatory" } else { "signatories" };
            assert_eq!(count, format!("{expected} {word}"), "{query}");
        }
        let (names, _) = found(app, "ko").await;
        assert!(names.contains(&"Cologne".to_owned()), "{names:?}");
    }

    async fn the_index_follows_imports_edits_and_deletions(app.seeded()) {
        let csv = "name,kind,country,joined_on,name_fr,name_en\nZwolle-sur-Quux,city,NL,2026-01-10,,\n";
        assert!(app.import("add.csv", csv).status.success());
        assert_eq!(found(app, "sur-quux").await.0, vec!["Zwolle-sur-Quux".to_owned()]);
        // A new English name is found, and only it.
        let csv = "name,kind,country,joined_on,name_fr,name_en\nZwolle-sur-Quux,city,NL,2026-01-10,,Zwolle on Plonk\n";
        assert!(app.import("edit.csv", csv).status.success());
        assert_eq!(found(app, "on plonk").await.0, vec!["Zwolle on Plonk".to_owned()]);
        assert_eq!(found(app, "zwolle-sur").await.0, vec!["Zwolle on Plonk".to_owned()]);
        app.execute("UPDATE signatories SET name_en = NULL, search_text = 'zwolle-sur-quux' WHERE name = 'Zwolle-sur-Quux'")
            .await;
        assert!(found(app, "n plonk").await.0.is_empty());
        app.execute("DELETE FROM signatories WHERE name = 'Zwolle-sur-Quux'").await;
        assert!(found(app, "wolle-sur").await.0.is_empty());
    }
}
