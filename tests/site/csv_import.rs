//! The signatories' CSV file as people have it, on both backends: the
//! file Excel writes in French (semicolons, Windows-1252, French column
//! names, day-first dates, countries by name) previewed in the back
//! office, every column and the old and new value of a changed field
//! shown, then applied; the same file at the command line; a UTF-8 file
//! with its byte-order mark and English columns; a bad line said in
//! French with its line; an optional column left out keeping what is
//! stored; and the templates, downloaded in each language and imported
//! back.

use scraper::Html;

use crate::{
    admin_signatories::{apply, html, upload_bytes},
    common::{self, TestApp, both_backends, stdout, text, texts},
};

/// A signatory already on the site, with its names in French and English
/// and its position: the French file below has no column for them.
const STORED: &str = "name,kind,country,joined_on,name_fr,name_en,website,latitude,longitude\n\
    Zürich,city,CH,2014-01-01,Zurich,Zurich,,47.37,8.54\n";

/// The file as Excel saves "CSV (séparateur : point-virgule)": Windows-1252
/// (`ü` is 0xFC, `é` 0xE9, `ç` 0xE7, `’` 0x92), semicolons, CRLF, French
/// column names, dates day first, countries by their French names.
const FRENCH_EXCEL: &[u8] = b"Nom;Type;Pays;Date d\x92adh\xe9sion;Site web\r\n\
    Z\xfcrich;ville;Suisse;02/03/2015;https://www.stadt-zuerich.ch/\r\n\
    Besan\xe7on;ville;France;15/06/2016;\r\n";

/// The stored signatories as the export writes them (by country), without its header.
fn exported(app: &TestApp) -> Vec<String> {
    app.export().lines().skip(1).map(str::to_owned).collect()
}

/// Each row of the preview's table, cell by cell (the name first).
fn table_rows(page: &Html) -> Vec<Vec<String>> {
    let rows = scraper::Selector::parse("#import-rows tbody tr").expect("selector");
    let cells = scraper::Selector::parse("th, td").expect("selector");
    page.select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|cell| cell.text().collect::<String>().split_ascii_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

both_backends! {
    async fn a_french_excel_file_is_previewed_with_every_column_then_applied(app) {
        assert!(app.import("stored.csv", STORED).status.success());
        let staff = app.staff("eddie@example.org", "editor").await;
        let response = upload_bytes(&staff, "adhérents.csv", FRENCH_EXCEL).await;
        assert_eq!(response.status(), 200);
        let preview = html(response).await;
        assert_eq!(text(&preview, "#import-read"), "Lu en Windows-1252 (Excel). Champs séparés par des points-virgules.");
        assert!(text(&preview, "#import-kept").contains("nom en français, nom en anglais, latitude, longitude"));
        assert_eq!(
            texts(&preview, "#import-rows thead th"),
            ["Adhérent", "Ligne", "Effet", "Nom", "Type", "Pays", "Date d’adhésion", "Site web"]
        );
        assert_eq!(texts(&preview, "#import-rows tbody th[scope=row]"), ["Zurich", "Besançon"], "the French names");
        let rows = table_rows(&preview);
        assert_eq!(
            rows[0],
            [
                "Zurich", "2", "Mis à jour", "Zürich", "Ville", "Suisse",
                "avant\u{a0}: 2014-01-01 après\u{a0}: 2015-03-02",
                "avant\u{a0}: (vide) après\u{a0}: https://www.stadt-zuerich.ch/",
            ]
        );
        assert_eq!(rows[1], ["Besançon", "3", "Nouveau", "Besançon", "Ville", "France", "2016-06-15", "(vide)"]);
        assert_eq!(texts(&preview, "#import-rows del .visually-hidden"), ["avant\u{a0}:", "avant\u{a0}:"]);
        assert_eq!(exported(app).len(), 1, "nothing written by the preview");

        let response = apply(&staff, &preview).await;
        assert_eq!(response.status(), 303);
        assert_eq!(
            exported(app),
            [
                // Its names and position, for which the file has no column, kept.
                "Zürich,city,CH,2015-03-02,Zurich,Zurich,https://www.stadt-zuerich.ch/,47.37,8.54",
                "Besançon,city,FR,2016-06-15,,,,,",
            ]
        );
    }

    async fn the_command_line_reads_the_same_french_file(app) {
        assert!(app.import("stored.csv", STORED).status.success());
        let path = app.write_file("adhérents.csv", FRENCH_EXCEL);
        let output = app.cli(&["signatories", "import", common::path_str(&path)]);
        assert!(output.status.success(), "{}", common::stderr(&output));
        let said = stdout(&output);
        assert!(said.contains("read as Windows-1252, separated by semicolons"), "{said}");
        assert!(said.contains("1 added, 1 updated, 0 unchanged"), "{said}");
        assert_eq!(
            exported(app),
            [
                "Zürich,city,CH,2015-03-02,Zurich,Zurich,https://www.stadt-zuerich.ch/,47.37,8.54",
                "Besançon,city,FR,2016-06-15,,,,,",
            ]
        );
    }

    async fn a_utf8_file_with_its_mark_and_english_columns_still_works(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let file = "\u{FEFF}name,kind,country,joined_on,website\r\n\
            Torino,city,Italie,2014-01-01,https://www.comune.torino.it/\r\n\
            Graz,city,Austria,2016-05-24,\r\n\
            Bruxelles,region,be,31/01/2014,\r\n";
        let response = upload_bytes(&staff, "signatories.csv", file.as_bytes()).await;
        assert_eq!(response.status(), 200);
        let preview = html(response).await;
        assert_eq!(text(&preview, "#import-read"), "Lu en UTF-8. Champs séparés par des virgules.");
        assert_eq!(
            texts(&preview, "#import-rows thead th"),
            ["Adhérent", "Ligne", "Effet", "name", "kind", "country", "joined_on", "website"]
        );
        assert_eq!(texts(&preview, "#import-rows tbody td:nth-of-type(5)"), ["Italie", "Autriche", "Belgique"]);
        assert_eq!(apply(&staff, &preview).await.status(), 303);
        assert_eq!(
            exported(app),
            [
                "Graz,city,AT,2016-05-24,,,,,",
                "Bruxelles,region,BE,2014-01-31,,,,,",
                "Torino,city,IT,2014-01-01,,,https://www.comune.torino.it/,,",
            ]
        );
    }

    async fn each_bad_line_is_said_in_french_with_its_line_and_column(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let file = "nom;pays;type;date de signature\r\nLyon;France;ville;2015-01-01\r\nParis;Frence;ville;2015-01-01\r\nNice,FR,ville,2015-01-01\r\nLille;FR;town;31/02/2015\r\n";
        let response = upload_bytes(&staff, "bad.csv", file.as_bytes()).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(
            texts(&page, "#import-problems li"),
            [
                "Ligne 3\u{a0}: colonne «\u{a0}pays\u{a0}»\u{a0}: le pays «\u{a0}Frence\u{a0}» n’est pas un État membre ou observateur du Conseil de l’Europe. Écrivez son code (par exemple FR) ou son nom en français ou en anglais.",
                "Ligne 4\u{a0}: cette ligne a un seul champ là où la première ligne en a 4. Le fichier a été lu comme séparé par des points-virgules\u{a0}: si ce n’est pas son séparateur, ou si un champ qui en contient un n’est pas entre guillemets, enregistrez de nouveau le fichier en CSV depuis votre tableur.",
                "Ligne 5\u{a0}: colonne «\u{a0}type\u{a0}»\u{a0}: «\u{a0}town\u{a0}» n’est ni ville ni région (city ou region en anglais).",
                "Ligne 5\u{a0}: colonne «\u{a0}date de signature\u{a0}»\u{a0}: «\u{a0}31/02/2015\u{a0}» n’est pas une date. Écrivez-la JJ/MM/AAAA, le jour d’abord (02/03/2026), ou AAAA-MM-JJ (2026-03-02).",
            ]
        );
        assert!(texts(&page, "#import-apply").is_empty(), "nothing to apply");
        // A column unknown, and one missing, named in French.
        let file = "nom;pays;maire\r\nLyon;FR;X\r\n";
        let problems = texts(&html(upload_bytes(&staff, "bad.csv", file.as_bytes()).await).await, "#import-problems li");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("Ligne 1\u{a0}: Colonne inconnue «\u{a0}maire\u{a0}»\u{a0}: les colonnes possibles sont nom, type, pays, date d’adhésion"), "{problems:?}");
        assert!(problems[1].starts_with("Ligne 1\u{a0}: Il manque la colonne «\u{a0}type\u{a0}»"), "{problems:?}");
    }

    async fn the_template_downloads_in_each_language_and_imports_back(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let page = staff.page("/admin/signatories/import").await;
        assert_eq!(texts(&page, "#import-template"), ["Télécharger un modèle à remplir (CSV, colonnes en français)"]);
        let mut names = Vec::new();
        for (lang, header, name) in [
            ("fr", "nom;type;pays;date d’adhésion;nom en français;nom en anglais;site web;latitude;longitude", "Exampleton (exemple\u{a0}: remplacez cette ligne)"),
            ("en", "name,kind,country,joined_on,name_fr,name_en,website,latitude,longitude", "Exampleton (example: replace this line)"),
        ] {
            assert_eq!(staff.post("/admin/account/language", &[("lang", lang)]).await.status(), 303);
            let response = staff.get("/admin/signatories/import/template.csv").await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
            assert!(response.headers()["content-disposition"].to_str().expect("ASCII").starts_with("attachment"));
            let bytes = response.bytes().await.expect("the template");
            let template = std::str::from_utf8(&bytes).expect("UTF-8");
            let lines: Vec<&str> = template.lines().collect();
            assert_eq!(lines[0], format!("\u{FEFF}{header}"), "{lang}");
            assert_eq!(lines.len(), 2, "{lang}: one example line");
            assert!(lines[1].starts_with(name), "{lang}: {}", lines[1]);
            // Imported back as it is.
            let response = upload_bytes(&staff, "template.csv", &bytes).await;
            assert_eq!(response.status(), 200, "{lang}");
            let preview = html(response).await;
            assert_eq!(texts(&preview, "#import-rows tbody tr[data-status=added]").len(), 1, "{lang}");
            assert_eq!(apply(&staff, &preview).await.status(), 303, "{lang}");
            names.push(name);
        }
        let stored: Vec<(String, String)> = app.rows("SELECT name, country FROM signatories ORDER BY id").await;
        assert_eq!(stored, names.iter().map(|name| (name.to_string(), "FR".to_owned())).collect::<Vec<_>>());
    }
}
