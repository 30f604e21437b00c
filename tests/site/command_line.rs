//! The command line as staff use it, against both backends: imports,
//! exports, seeding, and the server process itself.

use std::{
    process::{Command, ExitStatus, Stdio},
    time::Duration,
};

use tokio::io::{AsyncBufReadExt, BufReader};

use crate::common::{self, Backend, PATIENCE, TestApp, attrs, both_backends, stderr, stdout, text, texts};

const TWO: &str = "name,kind,country,joined_on\nStrasbourg,city,FR,2013-05-02\nRegione Toscana,region,IT,2014-01-31\n";

/// How long the real binary may take to start listening: on its first
/// start it creates its database and loads the sample data.
const START_WITHIN: Duration = Duration::from_secs(30);

/// The real binary serving the site; killed if dropped while running.
struct ServerProcess {
    child: tokio::process::Child,
    /// The address it listens on, as it says in its log.
    address: String,
}

impl ServerProcess {
    /// Starts the real binary and waits until it says where it listens.
    async fn start(args: &[&str], dir: &std::path::Path, envs: &[(&str, &str)]) -> ServerProcess {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_oneinfive"))
            .args(args)
            .envs(envs.iter().copied())
            .current_dir(dir)
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "info")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start oneinfive");
        let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
        let mut log = Vec::new();
        let listening = async {
            while let Some(line) = lines.next_line().await? {
                if let Some(rest) = line.split("serving the site on http://").nth(1) {
                    return Ok(Some(rest.split('/').next().unwrap_or_default().to_owned()));
                }
                log.push(line);
            }
            Ok::<_, std::io::Error>(None)
        };
        let address = match tokio::time::timeout(START_WITHIN, listening).await {
            Ok(Ok(Some(address))) => address,
            Ok(_) => panic!("the server stopped before listening:\n{}", log.join("\n")),
            Err(_) => panic!("the server did not listen within {START_WITHIN:?}:\n{}", log.join("\n")),
        };
        // Keep draining the log so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        ServerProcess { child, address }
    }

    /// Sends SIGTERM, as a service manager would, and waits for the exit.
    async fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().expect("the server is running");
        let status = Command::new("kill").args(["-TERM", &pid.to_string()]).status().expect("kill");
        assert!(status.success());
        match tokio::time::timeout(PATIENCE, self.child.wait()).await {
            Ok(status) => status.expect("wait for the server"),
            Err(_) => panic!("the server did not stop on SIGTERM within {PATIENCE:?}"),
        }
    }
}

both_backends! {
    async fn import_twice_changes_nothing(app) {
        let first = app.import("two.csv", TWO);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("2 added, 0 updated, 0 unchanged"), "{}", stdout(&first));
        let exported = app.export();
        let second = app.import("two.csv", TWO);
        assert!(second.status.success(), "{}", stderr(&second));
        assert!(stdout(&second).contains("0 added, 0 updated, 2 unchanged"), "{}", stdout(&second));
        assert_eq!(app.export(), exported);
        // The same city spelled in another case is the same city.
        let again = app.import("case.csv", "name,kind,country,joined_on\nSTRASBOURG,city,fr,2013-05-02\n");
        assert!(stdout(&again).contains("0 added, 1 updated"), "{}", stdout(&again));
        assert_eq!(app.export().lines().count(), 3);
    }

    async fn import_updates_changed_rows(app) {
        assert!(app.import("two.csv", TWO).status.success());
        let changed = app.import(
            "changed.csv",
            "name,kind,country,joined_on,website\nStrasbourg,city,FR,2013-06-01,https://www.strasbourg.eu/\n",
        );
        assert!(stdout(&changed).contains("0 added, 1 updated, 0 unchanged"), "{}", stdout(&changed));
        let exported = app.export();
        assert!(exported.contains("Strasbourg,city,FR,2013-06-01,,,https://www.strasbourg.eu/"), "{exported}");
    }

    async fn bad_files_are_rejected_whole(app) {
        assert!(app.import("two.csv", TWO).status.success());
        let before = app.export();
        let good = "Lyon,city,FR,2015-01-01\n";
        for (case, file, expected) in [
            ("empty name", format!("name,kind,country,joined_on\n{good} ,city,FR,2015-01-01\n"), "line 3: name"),
            ("unknown country", format!("name,kind,country,joined_on\n{good}Moskva,city,RU,2015-01-01\n"), "line 3: country"),
            ("bad date", format!("name,kind,country,joined_on\n{good}Nice,city,FR,2015-02-30\n"), "line 3: joined_on"),
            ("not a date", format!("name,kind,country,joined_on\n{good}Nice,city,FR,2015/02/01\n"), "line 3: joined_on"),
            ("not a day-first date", format!("name,kind,country,joined_on\n{good}Nice,city,FR,02/13/2015\n"), "line 3: joined_on"),
            ("wrong separator", format!("name;kind;country;joined_on\n{good}"), "line 2: the header has 4 fields but this line has 1; the file was read as separated by semicolons"),
            ("unknown kind", format!("name,kind,country,joined_on\n{good}Nice,town,FR,2015-01-01\n"), "line 3: kind"),
            ("duplicate", format!("name,kind,country,joined_on\n{good}LYON,city,FR,2016-01-01\n"), "line 3: LYON (FR) is already on line 2"),
            ("short row", format!("name,kind,country,joined_on\n{good}Nice,city\n"), "line 3"),
            ("missing column", "name,kind,country\nLyon,city,FR\n".to_owned(), "line 1: missing column \"joined_on\""),
            ("unknown column", format!("name,kind,country,joined_on,mayor\n{}", "Lyon,city,FR,2015-01-01,X\n"), "line 1: unknown column"),
            ("empty file", String::new(), "line 1"),
            ("control character", format!("name,kind,country,joined_on\n{good}Ni\u{7}ce,city,FR,2015-01-01\n"), "line 3: name"),
            ("bad website", "name,kind,country,joined_on,website\nNice,city,FR,2015-01-01,javascript:alert(1)\n".to_owned(), "line 2: website"),
            ("latitude out of range", format!("name,kind,country,joined_on,latitude,longitude\n{good}Nice,city,FR,2015-01-01,95,7.26\n"), "line 3: latitude"),
            ("half a position", format!("name,kind,country,joined_on,latitude,longitude\n{good}Nice,city,FR,2015-01-01,43.7,\n"), "line 3: longitude"),
            ("not a longitude", format!("name,kind,country,joined_on,latitude,longitude\n{good}Nice,city,FR,2015-01-01,43.7,7°E\n"), "line 3: longitude"),
        ] {
            let output = app.import("bad.csv", &file);
            assert!(!output.status.success(), "{case}: accepted");
            let message = stderr(&output);
            assert!(message.contains(expected), "{case}: {message}");
            assert!(message.contains("nothing was imported"), "{case}: {message}");
            assert_eq!(app.export(), before, "{case}: something was written");
        }
        // Not UTF-8: read as Windows-1252, and still all or nothing.
        let path = app.write_file("latin1.csv", b"name,kind,country,joined_on\nLyon,city,FR,2015-01-01\nN\xeemes,city,FR,2015-13-01\n");
        let output = app.cli(&["signatories", "import", common::path_str(&path)]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("line 3: joined_on"), "{}", stderr(&output));
        // A file that is not there.
        let output = app.cli(&["signatories", "import", "/nonexistent/file.csv"]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("cannot open /nonexistent/file.csv"), "{}", stderr(&output));
        assert_eq!(app.export(), before);
        assert_eq!(text(&app.page("/en/").await, "#counter"), "2 cities and regions in 2 countries");
    }

    async fn export_then_import_round_trips(app.seeded()) {
        let exported = app.export();
        // Two notes (French, English) say the rows are sample data.
        assert_eq!(exported.lines().take_while(|line| line.starts_with("# ")).count(), 2);
        let data: Vec<&str> = exported.lines().filter(|line| !line.starts_with('#')).collect();
        assert_eq!(data.first().copied(), Some("name,kind,country,joined_on,name_fr,name_en,website,latitude,longitude"));
        assert_eq!(data.len(), 78);
        let other = TestApp::builder(app.backend).start().await.expect("second database");
        let output = other.import("export.csv", &exported);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("77 added"), "{}", stdout(&output));
        // The same rows, now real: the other site's export has no notes.
        assert_eq!(other.export(), data.iter().map(|line| format!("{line}\n")).collect::<String>());
        assert_eq!(text(&other.page("/fr/").await, "#counter"), "77 villes et régions dans 22 pays");
    }

    async fn a_name_a_spreadsheet_would_run_is_exported_as_text_and_imported_back(app) {
        let name = "=HYPERLINK(\"http://evil.example\",\"x\")";
        let file = format!("name,kind,country,joined_on\n\"{}\",city,FR,2013-05-02\n", name.replace('"', "\"\""));
        let output = app.import("formula.csv", &file);
        assert!(output.status.success(), "{}", stderr(&output));
        // The export and the public open data write it after a `'`, so that
        // a spreadsheet shows it as text rather than running it.
        let open_data = app.get("/open-data/signatories.csv").await.text().await.expect("the open data");
        for csv in [app.export(), open_data] {
            let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(csv.as_bytes());
            let first = reader.records().next().expect("a row").expect("a good row");
            assert_eq!(first.get(0), Some(format!("'{name}").as_str()), "{csv}");
        }
        // Read back, it is the name as typed.
        assert_eq!(text(&app.page("/en/members").await, ".signatory bdi"), name);
        let other = TestApp::builder(app.backend).start().await.expect("second database");
        let again = other.import("export.csv", &app.export());
        assert!(again.status.success(), "{}", stderr(&again));
        assert_eq!(other.export(), app.export());
    }

    async fn seed_twice_changes_nothing(app) {
        let first = app.cli(&["seed"]);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("77 added"), "{}", stdout(&first));
        assert!(stdout(&first).contains("news: 7 added"), "{}", stdout(&first));
        let second = app.cli(&["seed"]);
        assert!(stdout(&second).contains("0 added, 0 updated, 77 unchanged"), "{}", stdout(&second));
        assert!(stdout(&second).contains("news: 0 added, 0 updated, 7 unchanged"), "{}", stdout(&second));
        assert_eq!(text(&app.page("/en/").await, "#counter"), "77 cities and regions in 22 countries");
        let migrate = app.cli(&["migrate"]);
        assert!(migrate.status.success(), "{}", stderr(&migrate));
    }

    async fn server_process_serves_and_stops_on_sigterm(app.seeded()) {
        let server = ServerProcess::start(
            &["--database-url", &app.database_url, "serve", "--listen", "127.0.0.1:0"],
            app.dir.path(),
            &[],
        )
        .await;
        let body = reqwest::get(format!("http://{}/en/", server.address)).await.expect("GET").text().await.expect("body");
        let html = scraper::Html::parse_document(&body);
        assert_eq!(text(&html, "#counter"), "77 cities and regions in 22 countries");
        let status = server.terminate().await;
        assert!(status.success(), "exit status {status:?}");
    }

    async fn the_privacy_notice_gives_the_operators_contacts(app) {
        let server = ServerProcess::start(
            &[
                "--database-url", &app.database_url, "serve", "--listen", "127.0.0.1:0",
                "--contact-email", "Secretariat@Example.org", "--dpo-email", "dpo@example.org",
                "--hosting", "Example Hosting <b>SA</b>, 1 rue de l’Exemple, Strasbourg",
                "--open-data-licence", "A licence the operator chose",
            ],
            app.dir.path(),
            &[],
        )
        .await;
        for (path, expected) in [
            ("/fr/confidentialite", ["Adresse électronique du secrétariat\u{a0}: secretariat@example.org", "Délégué à la protection des données\u{a0}: dpo@example.org"]),
            ("/en/privacy", ["The secretariat’s email address: secretariat@example.org", "Data protection officer: dpo@example.org"]),
        ] {
            let body = reqwest::get(format!("http://{}{path}", server.address)).await.expect("GET").text().await.expect("body");
            let html = scraper::Html::parse_document(&body);
            let contacts: Vec<String> = texts(&html, "main li").into_iter().filter(|t| t.contains("@")).collect();
            assert_eq!(contacts, expected, "{path}");
            assert!(attrs(&html, "main a", "href").contains(&"mailto:dpo@example.org".to_owned()), "{path}");
        }
        // The legal notice names the host as given, as text.
        for (path, hosted) in [("/fr/mentions-legales", "Le site est hébergé par\u{a0}:"), ("/en/legal-notice", "The site is hosted by:")] {
            let body = reqwest::get(format!("http://{}{path}", server.address)).await.expect("GET").text().await.expect("body");
            let html = scraper::Html::parse_document(&body);
            let expected = format!("{hosted} Example Hosting <b>SA</b>, 1 rue de l’Exemple, Strasbourg.");
            assert!(texts(&html, "main p").contains(&expected), "{path}");
            assert!(texts(&html, "main b").is_empty(), "{path}: no markup from the setting");
            let contacts: Vec<String> = texts(&html, "main li").into_iter().filter(|t| t.contains("@")).collect();
            assert_eq!(contacts.len(), 2, "{path}");
            assert!(texts(&html, "main p").iter().any(|p| p.contains("A licence the operator chose")), "{path}");
        }
        // The contact page gives the secretariat's address.
        let body = reqwest::get(format!("http://{}/en/contact", server.address)).await.expect("GET").text().await.expect("body");
        let html = scraper::Html::parse_document(&body);
        assert!(attrs(&html, "main a", "href").contains(&"mailto:secretariat@example.org".to_owned()));
        assert!(server.terminate().await.success());
        // Without a host, a licence or a contact address, the pages say
        // nothing of them: no placeholder, and the postal address to write to.
        let bare = ServerProcess::start(&["--database-url", &app.database_url, "serve", "--listen", "127.0.0.1:0"], app.dir.path(), &[]).await;
        for path in ["/fr/mentions-legales", "/en/legal-notice"] {
            let body = reqwest::get(format!("http://{}{path}", bare.address)).await.expect("GET").text().await.expect("body");
            let html = scraper::Html::parse_document(&body);
            let headings = texts(&html, "main h2");
            assert!(!headings.iter().any(|h| h == "Hosting" || h == "Hébergement"), "{path}: {headings:?}");
            assert!(!texts(&html, "main p").iter().any(|p| p.contains("licence")), "{path}");
        }
        let body = reqwest::get(format!("http://{}/en/contact", bare.address)).await.expect("GET").text().await.expect("body");
        let html = scraper::Html::parse_document(&body);
        assert!(text(&html, "main").contains("F-67075 Strasbourg Cedex"));
        assert!(!attrs(&html, "main a", "href").iter().any(|h| h.starts_with("mailto:")));
        assert!(bare.terminate().await.success());
        // A bad address is refused, naming the setting.
        let output = app.cli(&["serve", "--listen", "127.0.0.1:0", "--dpo-email", "not-an-address"]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("--dpo-email"), "{}", stderr(&output));
    }

    async fn sigterm_does_not_wait_for_a_stalled_request_past_the_grace_period(app.seeded()) {
        // A header time-out longer than the test's patience: only the grace
        // period can end the stalled connection.
        let server = ServerProcess::start(
            &[
                "--database-url", &app.database_url, "serve", "--listen", "127.0.0.1:0",
                "--header-timeout", "600", "--shutdown-grace", "1",
            ],
            app.dir.path(),
            &[],
        )
        .await;
        let mut stalled = tokio::net::TcpStream::connect(&server.address).await.expect("connect");
        tokio::io::AsyncWriteExt::write_all(&mut stalled, b"GET /en/ HTTP/1.1\r\nHost: site.test\r\n").await.expect("write");
        // The half-sent request is in the server's hands once the site answers another.
        let other = reqwest::get(format!("http://{}/healthz", server.address)).await.expect("GET");
        assert_eq!(other.status(), 200);
        let status = server.terminate().await;
        assert!(status.success(), "exit status {status:?}");
        drop(stalled);
    }
}

#[tokio::test]
async fn first_start_creates_the_embedded_database_with_sample_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = ServerProcess::start(&["serve", "--listen", "127.0.0.1:0"], dir.path(), &[]).await;
    assert!(dir.path().join("data/oneinfive.db").exists());
    let body = reqwest::get(format!("http://{}/fr/", server.address)).await.expect("GET").text().await.expect("body");
    assert_eq!(text(&scraper::Html::parse_document(&body), "#counter"), "77 villes et régions dans 22 pays");
    // The sample news too.
    let body =
        reqwest::get(format!("http://{}/en/news", server.address)).await.expect("GET").text().await.expect("body");
    assert_eq!(common::texts(&scraper::Html::parse_document(&body), ".news-list__title").len(), 6);
    assert!(server.terminate().await.success());
    // With no command at all the site is served, settings from the environment;
    // the database made on the first start is kept as it is. A file name
    // is needed: `-` is not standard input.
    let import = Command::new(env!("CARGO_BIN_EXE_oneinfive"))
        .args(["signatories", "import", "-"])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .output()
        .expect("run");
    assert!(!import.status.success());
    assert!(stderr(&import).contains("cannot open -: No such file or directory"), "{}", stderr(&import));
    let path = dir.path().join("one.csv");
    std::fs::write(&path, "name,kind,country,joined_on\nReykjavík,city,IS,2024-03-01\n").expect("write");
    let import = Command::new(env!("CARGO_BIN_EXE_oneinfive"))
        .args(["signatories", "import", common::path_str(&path)])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .output()
        .expect("run");
    assert!(import.status.success(), "{}", stderr(&import));
    let server = ServerProcess::start(&[], dir.path(), &[("LISTEN_ADDR", "127.0.0.1:0")]).await;
    let body = reqwest::get(format!("http://{}/en/", server.address)).await.expect("GET").text().await.expect("body");
    assert_eq!(text(&scraper::Html::parse_document(&body), "#counter"), "78 cities and regions in 23 countries");
    assert!(server.terminate().await.success());
}

#[test]
fn an_unsupported_database_url_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_oneinfive"))
        .args(["--database-url", "mysql://root:secret@localhost/db", "migrate"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("unsupported database URL scheme \"mysql\""), "{message}");
    assert!(!message.contains("secret"), "the password leaked: {message}");
}

/// `backup` copies the SQLite database while the site runs; the copy is the
/// database as it was: a change made after it is not in it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_is_the_database_as_it_was() {
    let Some(app) = TestApp::builder(Backend::Sqlite).seeded().start().await else { return };
    assert_eq!(text(&app.page("/en/").await, "#counter"), "77 cities and regions in 22 countries");
    let backup = app.dir.path().join("backup.db");
    let output = app.cli(&["backup", common::path_str(&backup)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("backup written"), "{}", stdout(&output));
    // Never over an existing file.
    let again = app.cli(&["backup", common::path_str(&backup)]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
    // A change after the backup.
    let output = app.import("late.csv", "name,kind,country,joined_on\nLatetown,city,FR,2025-01-01\n");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(text(&app.page("/en/").await, "#counter"), "78 cities and regions in 22 countries");
    // Restored (served from the copy), the site is as it was.
    let restored = std::process::Command::new(env!("CARGO_BIN_EXE_oneinfive"))
        .args(["--database-url", &format!("sqlite://{}", common::path_str(&backup)), "signatories", "export"])
        .env_remove("DATABASE_URL")
        .output()
        .expect("export the copy");
    assert!(restored.status.success(), "{}", stderr(&restored));
    let rows = stdout(&restored).lines().filter(|line| !line.starts_with('#')).count();
    assert_eq!(rows, 78, "the header and the 77 signatories of the backup");
    assert!(!stdout(&restored).contains("Latetown"));
}

/// On PostgreSQL, `backup` says to use pg_dump.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_on_postgres_points_to_pg_dump() {
    let Some(app) = TestApp::builder(Backend::Postgres).start().await else { return };
    let output = app.cli(&["backup", common::path_str(&app.dir.path().join("x.db"))]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("pg_dump"), "{}", stderr(&output));
}

/// `--log-format json`: one JSON object a line, for a log collector.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_can_be_json_lines() {
    let Some(app) = TestApp::builder(Backend::Sqlite).start().await else { return };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_oneinfive"))
        .args(["--log-format", "json", "--database-url", &app.database_url, "migrate"])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "info")
        .output()
        .expect("run oneinfive");
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert!(!lines.is_empty(), "the migration is logged");
    for line in &lines {
        let object: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(object.get("level").is_some() && object.get("fields").is_some(), "{line}");
    }
}
