//! The test harness: the real site on a random port against a fresh
//! database — a temporary SQLite file, or a throwaway PostgreSQL database —
//! and helpers to talk HTTP to it and to run the command line against it.
//!
//! Each test body is written once and run against both backends with
//! [`both_backends!`]. Without a reachable PostgreSQL server the PostgreSQL
//! half is skipped with a loud notice, except under CI, where it fails.

#![allow(dead_code)]

pub mod smtp;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{Command, Output},
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use oneinfive::{Server, startup::config::SiteConfig, store::Store};
use scraper::{Html, Selector};
use sqlx::{Connection, PgConnection};
use tokio::sync::oneshot;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct TestApp {
    pub backend: Backend,
    pub addr: SocketAddr,
    pub database_url: String,
    pub store: Store,
    /// Follows no redirect and keeps no cookie: every test sees the raw answer.
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
    pg_database: Option<String>,
    shutdown: Option<oneshot::Sender<()>>,
}

/// How a test's site is set up beyond its database.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// An SMTP server for outgoing mail; without it mails go to files.
    pub smtp_url: Option<String>,
    /// Sign-ups per minute and client; the site's default when `None`.
    pub signups_per_minute: Option<u32>,
    /// Behave as a busy site from the first request: trust the cheap signs
    /// of change (file times, notifications) rather than read the revision.
    pub busy: bool,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestApp {
    /// Starts the site on a fresh, migrated, empty database; `None` when the
    /// backend is PostgreSQL and no server is reachable outside CI.
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        TestApp::spawn_with(backend, &Options::default()).await
    }

    /// Starts the site with options on a fresh database.
    pub async fn spawn_with(backend: Backend, options: &Options) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg_database) = match backend {
            Backend::Sqlite => (format!("sqlite://{}", dir.path().join("test.db").display()), None),
            Backend::Postgres => {
                let name = format!(
                    "oneinfive_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst),
                    time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
                );
                let admin = postgres_admin_url();
                let mut connection =
                    match tokio::time::timeout(Duration::from_secs(5), PgConnection::connect(&admin)).await {
                        Ok(Ok(connection)) => connection,
                        failure => {
                            let reason = match failure {
                                Ok(Err(e)) => e.to_string(),
                                _ => "timed out".into(),
                            };
                            if std::env::var_os("CI").is_some() {
                                panic!("PostgreSQL at {admin} is not reachable under CI: {reason}");
                            }
                            eprintln!(
                                "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
                             !! PostgreSQL at {admin} is not reachable ({reason}):\n\
                             !! SKIPPING the PostgreSQL half of this test.\n\
                             !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                            );
                            return None;
                        }
                    };
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut connection)
                    .await
                    .expect("create test database");
                let _ = connection.close().await;
                let url = match admin.rsplit_once('/') {
                    Some((server, _)) => format!("{server}/{name}"),
                    None => panic!("TEST_POSTGRES_URL must name a database"),
                };
                (url, Some(name))
            }
        };
        let store = Store::connect(&database_url).await.expect("connect to the test database");
        store.migrate().await.expect("migrate the test database");
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("client");
        let mut app = TestApp {
            backend,
            addr: "127.0.0.1:0".parse().expect("address"),
            database_url,
            store,
            client,
            dir,
            pg_database,
            shutdown: None,
        };
        app.start(options).await;
        Some(app)
    }

    /// Starts (or starts again, as after a restart) the server on the test's database.
    pub async fn start(&mut self, options: &Options) {
        let (addr, shutdown) = launch(self.store.clone(), self.dir.path(), options).await;
        self.addr = addr;
        self.shutdown = Some(shutdown);
    }

    /// Starts another instance of the site on the same database, with its
    /// own connections, as a second server behind a load balancer would.
    pub async fn second_instance(&self, options: &Options) -> Instance {
        let store = Store::connect(&self.database_url).await.expect("connect the second instance");
        let (addr, shutdown) = launch(store.clone(), self.dir.path(), options).await;
        Instance { addr, store, shutdown: Some(shutdown) }
    }

    /// GETs a page that must answer 200 and show what `shows` looks for, at
    /// once on SQLite and within a second on PostgreSQL, whose busy sites
    /// hear of changes made elsewhere by notification. Returns the last page
    /// read.
    pub async fn page_showing(&self, path: &str, shows: impl Fn(&Html) -> bool) -> Html {
        let attempts = match self.backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 50,
        };
        let mut html = self.page(path).await;
        for _ in 1..attempts {
            if shows(&html) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            html = self.page(path).await;
        }
        html
    }

    /// Stops the server, as a restart or a crash would; the database stays.
    pub async fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    /// Starts the site with the bundled sample data loaded.
    pub async fn spawn_seeded(backend: Backend) -> Option<TestApp> {
        TestApp::spawn_seeded_with(backend, &Options::default()).await
    }

    /// Starts the site with options and the bundled sample data loaded.
    pub async fn spawn_seeded_with(backend: Backend, options: &Options) -> Option<TestApp> {
        let app = TestApp::spawn_with(backend, options).await?;
        oneinfive::formats::sample::load(&app.store, time::OffsetDateTime::now_utc())
            .await
            .expect("load the sample data");
        Some(app)
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// GETs a page that must answer 200 and returns its parsed HTML.
    pub async fn page(&self, path: &str) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        Html::parse_document(&response.text().await.expect("body"))
    }

    /// Runs the real binary against this app's database.
    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_oneinfive"))
            .arg("--database-url")
            .arg(&self.database_url)
            .args(args)
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "warn")
            .output()
            .expect("run oneinfive")
    }

    /// Writes a file into the test's temporary folder and returns its path.
    pub fn write_file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// Imports a CSV through the command line; returns the process output.
    pub fn import(&self, name: &str, csv: &str) -> Output {
        let path = self.write_file(name, csv.as_bytes());
        self.cli(&["signatories", "import", path_str(&path)])
    }

    pub fn export(&self) -> String {
        let output = self.cli(&["signatories", "export"]);
        assert!(output.status.success(), "export failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("UTF-8 export")
    }

    /// Stops the server and drops the throwaway database.
    pub async fn cleanup(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.store.close().await;
        if let Some(name) = &self.pg_database
            && let Ok(mut connection) = PgConnection::connect(&postgres_admin_url()).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                .execute(&mut connection)
                .await;
        }
    }
}

/// Binds and runs a server on `store` in the background.
async fn launch(store: Store, dir: &Path, options: &Options) -> (SocketAddr, oneshot::Sender<()>) {
    let mut config = SiteConfig::new("http://site.test", "https://www.facebook.com/councilofeurope").expect("config");
    config.mail = oneinfive::infra::mail::MailConfig::new(
        options.smtp_url.clone(),
        "ONE in FIVE <newsletter@site.test>",
        dir.join("outbox"),
    )
    .expect("mail config");
    config.mail.retry_base = Duration::from_millis(200);
    if let Some(n) = options.signups_per_minute {
        config.signups_per_minute = n;
    }
    if options.busy {
        config.busy_pace = 0;
    }
    let server = Server::bind("127.0.0.1:0".parse().expect("address"), store, config).await.expect("bind");
    let addr = server.local_addr().expect("local address");
    let (shutdown, stop) = oneshot::channel::<()>();
    tokio::spawn(server.run(async move {
        let _ = stop.await;
    }));
    (addr, shutdown)
}

/// A second instance of a test's site (see [`TestApp::second_instance`]).
pub struct Instance {
    pub addr: SocketAddr,
    store: Store,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Instance {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.store.close().await;
    }
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The text of every element a CSS selector matches, white space folded.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector)
        .map(|element| element.text().collect::<String>().split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The text of the one element a selector must match.
pub fn text(html: &Html, selector: &str) -> String {
    let all = texts(html, selector);
    assert_eq!(all.len(), 1, "expected one {selector}, found {all:?}");
    all.into_iter().next().unwrap_or_default()
}

/// An attribute of every element a selector matches.
pub fn attrs(html: &Html, selector: &str, attribute: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).filter_map(|e| e.value().attr(attribute).map(str::to_owned)).collect()
}

pub fn attr(html: &Html, selector: &str, attribute: &str) -> String {
    let all = attrs(html, selector, attribute);
    assert_eq!(all.len(), 1, "expected one {selector}[{attribute}], found {all:?}");
    all.into_iter().next().unwrap_or_default()
}

/// Writes each test body once and runs it against SQLite and PostgreSQL.
/// `fresh` starts on an empty database, `seeded` with the sample data.
#[macro_export]
macro_rules! both_backends {
    ($($start:ident async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn body($app: &$crate::common::TestApp) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::both_backends!(@spawn $start, $crate::common::Backend::Sqlite)
                        .expect("SQLite is always available");
                    body(&app).await;
                    app.cleanup().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) = $crate::both_backends!(@spawn $start, $crate::common::Backend::Postgres) {
                        body(&app).await;
                        app.cleanup().await;
                    }
                }
            }
        )*
    };
    (@spawn fresh, $backend:expr) => { $crate::common::TestApp::spawn($backend).await };
    (@spawn seeded, $backend:expr) => { $crate::common::TestApp::spawn_seeded($backend).await };
    (@spawn busy, $backend:expr) => {
        $crate::common::TestApp::spawn_seeded_with(
            $backend,
            &$crate::common::Options { busy: true, ..$crate::common::Options::default() },
        )
        .await
    };
}
