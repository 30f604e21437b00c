//! Editing signatories in the back office, over HTTP on both backends:
//! adding, editing and deleting one (each seen at once on the public
//! directory, the signatory's page, the home counter and the open data),
//! each field's message, two people saving the same signatory, and a CSV
//! file previewed, applied, refused when the data changed meanwhile, and
//! refused whole for one bad row; the larger body the upload alone takes;
//! and the audit log of it all.

use scraper::Html;

use crate::common::{TestApp, attr, attrs, both_backends, staff::Staff, text, texts};

pub(crate) async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The fields of a signatory's form, with `changes` over a plain city.
pub(crate) fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("name", "Valmorin"),
        ("kind", "city"),
        ("country", "FR"),
        ("joined_on", "2026-03-02"),
        ("name_fr", ""),
        ("name_en", ""),
        ("website", ""),
    ];
    for &(name, value) in changes {
        match form.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

/// The id of the signatory of this name, read from the database.
pub(crate) async fn id_of(app: &TestApp, name: &str) -> i64 {
    let rows: Vec<(i64,)> = app.rows(&format!("SELECT id FROM signatories WHERE name = '{name}'")).await;
    rows.first().map(|(id,)| *id).expect("the signatory is stored")
}

async fn count(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories").await;
    rows[0].0
}

/// The audit log's entries of signatories, oldest first.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log WHERE kind LIKE 'signator%' ORDER BY id").await
}

/// What a visitor sees of the signatories: the directory's names, the
/// home page's counter, and the open data's rows.
async fn public(app: &TestApp) -> (Vec<String>, String, String) {
    let directory = texts(&app.page("/fr/adherents").await, ".signatory a");
    let counter = text(&app.page("/fr/").await, "#counter");
    let csv = app.get("/open-data/signatories.csv").await.text().await.expect("csv");
    (directory, counter, csv)
}

/// Uploads a CSV file for its preview, as the browser's form sends it.
pub(crate) async fn upload(staff: &Staff<'_>, name: &str, csv: &str) -> reqwest::Response {
    upload_bytes(staff, name, csv.as_bytes()).await
}

/// Uploads a file's bytes (in whatever encoding) for its preview, as the
/// browser's form sends it.
pub(crate) async fn upload_bytes(staff: &Staff<'_>, name: &str, bytes: &[u8]) -> reqwest::Response {
    let token = staff.token().await;
    let boundary = "----oneinfive-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    staff
        .app
        .client
        .post(staff.app.url("/admin/signatories/import/preview"))
        .header("cookie", &staff.cookie)
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .expect("POST preview")
}

/// Posts a preview's "apply" form as the browser would.
pub(crate) async fn apply(staff: &Staff<'_>, preview: &Html) -> reqwest::Response {
    let value = |name: &str| attr(preview, &format!("#import-apply input[name={name}]"), "value");
    let (csrf, fingerprint, source, csv) = (value("csrf"), value("fingerprint"), value("source"), value("csv"));
    staff
        .post_raw(
            "/admin/signatories/import/apply",
            &[("csrf", &csrf), ("fingerprint", &fingerprint), ("source", &source), ("csv", &csv)],
        )
        .await
}

both_backends! {
    async fn staff_add_edit_and_delete_and_the_public_site_follows(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let (directory, empty_counter, _) = public(app).await;
        assert!(directory.is_empty());
        let list = staff.page("/admin/signatories").await;
        assert_eq!(text(&list, "h1"), "Adhérents");
        assert_eq!(attr(&list, ".main-nav a[aria-current=page]", "href"), "/admin/signatories");

        // Added.
        assert_eq!(staff.page("/admin/signatories/new").await.select(&scraper::Selector::parse("form input[name=version]").expect("selector")).count(), 0);
        let response = staff.post("/admin/signatories/new", &fields(&[])).await;
        assert_eq!(response.status(), 303);
        // The officer lands on the signatory added, its public page beside it.
        let id = id_of(app, "Valmorin").await;
        assert_eq!(response.headers()["location"], format!("/admin/signatories/{id}?done=added"));
        let landed = staff.page(&format!("/admin/signatories/{id}?done=added")).await;
        assert_eq!(text(&landed, "#signatory-done"), "L’adhérent a été ajouté. Il apparaît dès maintenant sur le site public.");
        assert!(attr(&landed, "#signatory-done-public", "href").starts_with(&format!("/fr/adherents/{id}")));
        let (directory, counter, csv) = public(app).await;
        assert_eq!(directory, ["Valmorin"]);
        assert_ne!(counter, empty_counter);
        assert!(counter.contains('1'), "{counter}");
        assert!(csv.contains("Valmorin,city,FR,2026-03-02,,,"), "{csv}");
        let id = id_of(app, "Valmorin").await;
        let page = app.page(&format!("/fr/adherents/{id}-valmorin")).await;
        assert_eq!(text(&page, "h1"), "Valmorin");

        // Found by the list's filters.
        let found = staff.page("/admin/signatories?country=FR&kind=city&q=valm").await;
        assert_eq!(attrs(&found, "#signatory-results a", "href"), [format!("/admin/signatories/{id}")]);
        let none = staff.page("/admin/signatories?kind=region").await;
        assert!(attrs(&none, "#signatory-results a", "href").is_empty());

        // Edited: names in both languages, kind, website, date.
        let form = staff.page(&format!("/admin/signatories/{id}")).await;
        assert_eq!(attr(&form, "#signatory-name", "value"), "Valmorin");
        assert_eq!(attr(&form, "#signatory-joined-on", "value"), "2026-03-02");
        let version = attr(&form, "form.admin-form input[name=version]", "value");
        let edit = fields(&[("name_en", "Valmorin Town"), ("kind", "region"), ("website", "https://valmorin.example/"), ("joined_on", "2026-03-05"), ("version", &version)]);
        let response = staff.post(&format!("/admin/signatories/{id}"), &edit).await;
        assert_eq!(response.status(), 303);
        let english = app.page(&format!("/en/members/{id}-valmorin")).await;
        assert_eq!(text(&english, "h1"), "Valmorin Town");
        assert_eq!(texts(&english, ".facts dd")[1..], ["Region", "France", "5 March 2026", "https://valmorin.example/"]);
        let (_, _, csv) = public(app).await;
        assert!(csv.contains("Valmorin,region,FR,2026-03-05,,Valmorin Town,https://valmorin.example/"), "{csv}");

        // An admin may edit too.
        let admin = app.staff("ada@example.org", "admin").await;
        assert_eq!(admin.get(&format!("/admin/signatories/{id}")).await.status(), 200);

        // Deleted, after a confirmation step.
        let confirm = staff.page(&format!("/admin/signatories/{id}/delete")).await;
        assert_eq!(text(&confirm, "h1"), "Supprimer cet adhérent\u{a0}?");
        assert_eq!(count(app).await, 1, "nothing deleted by the confirmation page");
        assert_eq!(staff.post_raw(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303, "without a token");
        assert_eq!(count(app).await, 1, "nothing deleted without the token");
        let response = staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/signatories?done=deleted");
        let (directory, counter, csv) = public(app).await;
        assert!(directory.is_empty());
        assert_eq!(counter, empty_counter);
        assert!(!csv.contains("Valmorin"));
        assert_eq!(app.get(&format!("/fr/adherents/{id}-valmorin")).await.status(), 404);
        assert_eq!(staff.get(&format!("/admin/signatories/{id}")).await.status(), 404);
        assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 404);

        // The audit log: who, what, before and after.
        let entries = audit(app).await;
        let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["signatory.added", "signatory.updated", "signatory.deleted"]);
        assert!(entries.iter().all(|(who, _, _)| who.as_deref() == Some("eddie@example.org")));
        assert_eq!(entries[0].2, format!("#{id} Valmorin (FR, city, 2026-03-02)"));
        assert_eq!(entries[1].2, format!("#{id} Valmorin (FR): kind: \"city\" → \"region\"; joined_on: \"2026-03-02\" → \"2026-03-05\"; name_en: \"\" → \"Valmorin Town\"; website: \"\" → \"https://valmorin.example/\""));
        assert!(entries[2].2.starts_with(&format!("#{id} Valmorin (FR, region")), "{}", entries[2].2);
        let log = admin.page("/admin/audit?kind=signatory.updated").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Adhérent modifié"));
    }

    async fn each_field_says_what_is_wrong(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let bad = fields(&[("name", " "), ("kind", "town"), ("country", "XX"), ("joined_on", "2026-02-30"), ("website", "ftp://valmorin.example/"), ("name_en", "Valmorin Town")]);
        let response = staff.post("/admin/signatories/new", &bad).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#signatory-name-error"), "Saisissez le nom.");
        assert_eq!(text(&page, "#signatory-kind-error"), "Choisissez ville ou région.");
        assert_eq!(text(&page, "#signatory-country-error"), "Choisissez un État membre ou observateur du Conseil de l’Europe.");
        assert_eq!(text(&page, "#signatory-joined-on-error"), "Saisissez une date réelle au format AAAA-MM-JJ, par exemple 2026-03-02.");
        assert_eq!(text(&page, "#signatory-website-error"), "Saisissez une adresse commençant par http:// ou https://.");
        assert_eq!(attr(&page, "#signatory-name", "aria-invalid"), "true");
        assert_eq!(attr(&page, "#signatory-website", "aria-describedby"), "signatory-website-error signatory-website-hint");
        assert_eq!(attr(&page, "#signatory-country", "aria-describedby"), "signatory-country-error");
        assert!(attrs(&page, "#signatory-name-en", "aria-invalid").is_empty());
        // The typed values are kept.
        assert_eq!(attr(&page, "#signatory-website", "value"), "ftp://valmorin.example/");
        assert_eq!(attr(&page, "#signatory-name-en", "value"), "Valmorin Town");
        assert_eq!(attr(&page, "#signatory-joined-on", "value"), "2026-02-30");
        assert_eq!(count(app).await, 0);

        // In the person's language.
        assert_eq!(staff.post("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        let page = html(staff.post("/admin/signatories/new", &fields(&[("joined_on", "")])).await).await;
        assert_eq!(text(&page, "#signatory-joined-on-error"), "Enter the date of signature.");
        assert_eq!(attr(&page, "html", "lang"), "en");

        // A name already in the country, in any case.
        assert_eq!(staff.post("/admin/signatories/new", &fields(&[])).await.status(), 303);
        let response = staff.post("/admin/signatories/new", &fields(&[("name", "VALMORIN")])).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#signatory-name-error"), "A signatory of this name in this country exists already.");
        assert_eq!(staff.post("/admin/signatories/new", &fields(&[("name", "VALMORIN"), ("country", "BE")])).await.status(), 303, "another country");
        assert_eq!(count(app).await, 2);

        // Forms need the session's token; unknown ids are not found.
        assert_eq!(staff.post_raw("/admin/signatories/new", &fields(&[("name", "Other")])).await.status(), 303);
        let id = id_of(app, "Valmorin").await;
        assert_eq!(staff.post_raw(&format!("/admin/signatories/{id}"), &fields(&[("version", "1")])).await.status(), 303);
        assert_eq!(count(app).await, 2, "nothing added without the token");
        for path in ["/admin/signatories/999999", "/admin/signatories/abc", "/admin/signatories/999999/delete"] {
            assert_eq!(staff.get(path).await.status(), 404, "{path}");
        }
        assert_eq!(staff.post("/admin/signatories/999999", &fields(&[("version", "1")])).await.status(), 404);
        assert_eq!(count(app).await, 2);
        assert_eq!(app.get("/admin/signatories").await.status(), 303, "signed out: to the sign-in page");
    }

    async fn a_save_over_someone_elses_change_is_refused(app) {
        let first = app.staff("eddie@example.org", "editor").await;
        let second = app.staff("ada@example.org", "admin").await;
        assert_eq!(first.post("/admin/signatories/new", &fields(&[])).await.status(), 303);
        let id = id_of(app, "Valmorin").await;
        let path = format!("/admin/signatories/{id}");
        let version = attr(&first.page(&path).await, "form.admin-form input[name=version]", "value");
        assert_eq!(version, attr(&second.page(&path).await, "form.admin-form input[name=version]", "value"));
        // The first saves a website; the second, who read the same version, a name in English.
        let response = first.post(&path, &fields(&[("website", "https://valmorin.example/"), ("version", &version)])).await;
        assert_eq!(response.status(), 303);
        let response = second.post(&path, &fields(&[("name_en", "Valmorin Town"), ("version", &version)])).await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        let conflict = text(&page, "#signatory-conflict");
        assert!(conflict.contains("Quelqu’un d’autre a enregistré cet adhérent"), "{conflict}");
        assert_eq!(texts(&page, "#signatory-conflict dd"), ["(vide)", "https://valmorin.example/"], "their values where they differ from what was typed");
        assert_eq!(attr(&page, "#signatory-name-en", "value"), "Valmorin Town", "the typed text is kept");
        let rows: Vec<(Option<String>, Option<String>)> = app.rows("SELECT name_en, website FROM signatories").await;
        assert_eq!(rows, [(None, Some("https://valmorin.example/".to_owned()))], "nothing overwritten");
        // Saving again, knowingly, from the refused page.
        let newer = attr(&page, "form.admin-form input[name=version]", "value");
        assert_ne!(newer, version);
        let response = second.post(&path, &fields(&[("name_en", "Valmorin Town"), ("website", "https://valmorin.example/"), ("version", &newer)])).await;
        assert_eq!(response.status(), 303);
        let rows: Vec<(Option<String>, Option<String>)> = app.rows("SELECT name_en, website FROM signatories").await;
        assert_eq!(rows, [(Some("Valmorin Town".to_owned()), Some("https://valmorin.example/".to_owned()))]);
        // A version that is not a number is a bad request.
        assert_eq!(second.post(&path, &fields(&[("version", "x")])).await.status(), 400);
    }

    async fn a_sample_signatory_saved_by_staff_becomes_real(app.seeded()) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let rows: Vec<(i64,)> = app.rows("SELECT id FROM signatories WHERE sample ORDER BY id LIMIT 1").await;
        let id = rows[0].0;
        let path = format!("/admin/signatories/{id}");
        let form = staff.page(&path).await;
        assert!(!text(&form, "#signatory-sample").is_empty());
        let mut values: Vec<(String, String)> = ["name", "joined_on", "name_fr", "name_en", "website", "version"]
            .iter()
            .map(|name| (name.to_string(), attr(&form, &format!("form.admin-form input[name={name}]"), "value")))
            .collect();
        for select in ["kind", "country"] {
            values.push((select.to_owned(), attr(&form, &format!("select[name={select}] option[selected]"), "value")));
        }
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(staff.post(&path, &pairs).await.status(), 303);
        let rows: Vec<(bool,)> = app.rows(&format!("SELECT sample FROM signatories WHERE id = {id}")).await;
        assert_eq!(rows, [(false,)]);
        assert!(audit(app).await.last().is_some_and(|(_, _, summary)| summary.ends_with("sample → real")));
    }

    async fn a_csv_file_is_previewed_then_applied_all_or_nothing(app) {
        let output = app.import("base.csv", "name,kind,country,joined_on,name_fr,name_en,website\nLyon,city,FR,2013-01-01,,,\nTorino,city,IT,2014-01-01,Turin,Turin,\n");
        assert!(output.status.success());
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(text(&staff.page("/admin/signatories/import").await, "h1"), "Importer un fichier CSV");
        let file = "name,kind,country,joined_on,name_fr,name_en,website\r\nLyon,city,FR,2013-01-01,,,\r\nTorino,city,IT,2014-01-01,Turin,Turin,https://www.comune.torino.it/\r\nGraz,city,AT,2016-05-24,,,\r\n";
        let response = upload(&staff, "signatories.csv", file).await;
        assert_eq!(response.status(), 200);
        let preview = html(response).await;
        assert_eq!(texts(&preview, "#import-counts li"), ["1 adhérent ajouté", "1 adhérent mis à jour", "1 adhérent inchangé"]);
        assert_eq!(
            texts(&preview, "#import-rows tr[data-status=added] > *"),
            ["Graz", "4", "Nouveau", "Graz", "Ville", "Autriche", "2016-05-24", "(vide)", "(vide)", "(vide)"]
        );
        assert_eq!(
            texts(&preview, "#import-rows tr[data-status=updated] .import-changed"),
            ["avant\u{a0}: (vide) après\u{a0}: https://www.comune.torino.it/"]
        );
        assert_eq!(texts(&preview, "#import-rows tr[data-status=unchanged] th"), ["Lyon"]);
        assert_eq!(count(app).await, 2, "nothing written by the preview");
        let response = apply(&staff, &preview).await;
        assert_eq!(response.status(), 303);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        assert_eq!(text(&staff.page(&location).await, "#signatories-done"), "Le fichier a été appliqué\u{a0}: 1 ajout(s), 1 mise(s) à jour, 1 inchangé(s).");
        assert_eq!(count(app).await, 3);
        let (directory, _, csv) = public(app).await;
        assert!(directory.contains(&"Graz".to_owned()));
        assert!(csv.contains("Torino,city,IT,2014-01-01,Turin,Turin,https://www.comune.torino.it/"));
        let entries = audit(app).await;
        let last = entries.last().expect("an entry");
        assert_eq!((last.0.as_deref(), last.1.as_str(), last.2.as_str()), (Some("eddie@example.org"), "signatories.imported", "signatories.csv: 3 signatories: 1 added, 1 updated, 1 unchanged"));

        // Changed between the preview and "apply": refused, the preview shown again.
        let file = "name,kind,country,joined_on,name_en\nGraz,city,AT,2016-05-24,Graz City\n";
        let preview = html(upload(&staff, "graz.csv", file).await).await;
        let id = id_of(app, "Graz").await;
        let path = format!("/admin/signatories/{id}");
        let version = attr(&staff.page(&path).await, "form.admin-form input[name=version]", "value");
        let edit = [("name", "Graz"), ("kind", "city"), ("country", "AT"), ("joined_on", "2016-05-25"), ("version", version.as_str())];
        assert_eq!(staff.post(&path, &edit).await.status(), 303);
        let response = apply(&staff, &preview).await;
        assert_eq!(response.status(), 409);
        let again = html(response).await;
        assert!(!text(&again, "#import-stale").is_empty());
        assert_eq!(
            texts(&again, "#import-rows .import-changed"),
            ["avant\u{a0}: 2016-05-25 après\u{a0}: 2016-05-24", "avant\u{a0}: (vide) après\u{a0}: Graz City"]
        );
        let rows: Vec<(Option<String>,)> = app.rows("SELECT name_en FROM signatories WHERE name = 'Graz'").await;
        assert_eq!(rows, [(None,)], "nothing written");
        assert_eq!(apply(&staff, &again).await.status(), 303, "the new preview applies");
        let rows: Vec<(Option<String>,)> = app.rows("SELECT name_en FROM signatories WHERE name = 'Graz'").await;
        assert_eq!(rows, [(Some("Graz City".to_owned()),)]);

        // One bad row: every problem with its line, and nothing written.
        let file = "name,kind,country,joined_on\nInnsbruck,city,AT,2017-01-01\nNowhere,city,XX,2017-01-01\n";
        let response = upload(&staff, "bad.csv", file).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        let problems = texts(&page, "#import-problems li");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0],
            "Ligne 3\u{a0}: colonne «\u{a0}country\u{a0}»\u{a0}: le pays «\u{a0}XX\u{a0}» n’est pas un État membre ou observateur du Conseil de l’Europe. Écrivez son code (par exemple FR) ou son nom en français ou en anglais.",
            "said in the interface's language"
        );
        assert!(attrs(&page, "#import-apply", "action").is_empty(), "nothing to apply");
        assert_eq!(count(app).await, 3);
        // Problems of the file's shape, and a name listed twice, said in French too.
        let file = "name,kind,country,joined_on,mayor\nInnsbruck,city,AT,2017-01-01,X\n";
        let problems = texts(&html(upload(&staff, "bad.csv", file).await).await, "#import-problems li");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("Ligne 1\u{a0}: Colonne inconnue «\u{a0}mayor\u{a0}»"), "{problems:?}");
        let file = "name,kind,country,joined_on\nInnsbruck,city,AT,2017-01-01\nINNSBRUCK,city,AT,2018-01-01\n";
        let problems = texts(&html(upload(&staff, "bad.csv", file).await).await, "#import-problems li");
        assert_eq!(problems, ["Ligne 3\u{a0}: INNSBRUCK (Autriche) figure déjà à la ligne 2."]);
        // A form without a file, or without the token.
        let response = upload(&staff, "empty.csv", "").await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#import-file-error"), "Choisissez un fichier CSV.");
        let forged = staff.app.client.post(app.url("/admin/signatories/import/preview")).header("cookie", &staff.cookie)
            .header("content-type", "multipart/form-data; boundary=x").body("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nname,kind,country,joined_on\nA,city,FR,2020-01-01\r\n--x--\r\n").send().await.expect("POST");
        assert_eq!(forged.status(), 303, "without a token: nothing read");
        let tampered = staff.post("/admin/signatories/import/apply", &[("csv", "name,kind,country,joined_on\nA,city,FR,2020-01-01\n"), ("fingerprint", "0"), ("source", "a.csv")]).await;
        assert_eq!(tampered.status(), 409, "a fingerprint that does not match writes nothing");
        assert_eq!(count(app).await, 3);

        // The export is the command line's.
        let export = staff.get("/admin/signatories/export.csv").await;
        assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
        assert_eq!(export.text().await.expect("csv"), app.export());
    }

    async fn only_the_upload_takes_a_large_body(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let long = "x".repeat(20 * 1024);
        assert_eq!(staff.post("/admin/signatories/new", &fields(&[("name_fr", &long)])).await.status(), 413);
        assert_eq!(staff.post("/admin/account/language", &[("lang", &long)]).await.status(), 413);
        // A file of some 100 KiB: previewed and applied.
        let mut file = String::from("name,kind,country,joined_on,website\n");
        for n in 0..1500 {
            file.push_str(&format!("Commune numéro {n},city,FR,2020-01-01,https://commune-{n}.example/\n"));
        }
        assert!(file.len() > 90 * 1024);
        let response = upload(&staff, "many.csv", &file).await;
        assert_eq!(response.status(), 200);
        let preview = html(response).await;
        assert_eq!(texts(&preview, "#import-counts li")[0], "1\u{202f}500 adhérents ajoutés");
        assert_eq!(apply(&staff, &preview).await.status(), 303);
        assert_eq!(count(app).await, 1500);
        // Past 2 MiB, even there.
        let huge = "a".repeat(2 * 1024 * 1024 + 1);
        assert_eq!(upload(&staff, "huge.csv", &huge).await.status(), 413);
    }
}
