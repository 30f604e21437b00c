//! The test harness: the real site on a random port against a fresh
//! database — a temporary SQLite file, or a throwaway PostgreSQL database —
//! started by [`TestApp::builder`], and helpers to talk HTTP to it and to
//! run the command line against it.
//!
//! Each test body is written once and run against both backends with
//! [`both_backends!`]. Without a reachable PostgreSQL server the PostgreSQL
//! half is skipped, loudly and counted, except under CI, where it fails.
//!
//! Nothing here waits for a fixed time: a site's clock is set (at [`NOW`]
//! unless a test says otherwise) and moved by the test, its mail is kept in
//! memory and waited for, and what happens in the background is waited for
//! with [`settle`], which gives up after a deadline.

pub mod cluster;
pub mod html;
mod postgres;
pub mod smtp;
pub mod staff;

use std::{
    future::Future,
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{Command, Output},
    time::Duration,
};

pub use html::{attr, attrs, text, texts};
use oneinfive::{
    infra::{
        clock::Clock,
        mail::{MailConfig, MailRate, MemoryOutbox},
    },
    startup::{
        config::{ConnectionLimits, RenderLimits, SiteConfig, TimeZone},
        server::Server,
    },
    store::{ConnectionWait, Store},
};
use scraper::Html;
use time::{OffsetDateTime, macros::datetime};
use tokio::{sync::oneshot, task::JoinHandle};

use postgres::ThrowawayDatabase;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What a test site's clock shows unless the test sets another: after the
/// last of the sample news, and before any day the tests run, so that what
/// the command line does (on the system's clock) always comes later than
/// the site's present.
pub const NOW: OffsetDateTime = datetime!(2026-11-25 12:00 UTC);

/// How long a test waits for what should happen at once (a mail sent, a
/// change heard of, a server stopped) before it fails.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// How a test's site is set up beyond its database and clock.
#[derive(Clone, Debug, Default)]
struct Settings {
    /// An SMTP server for outgoing mail; without it mail is kept in memory.
    smtp_url: Option<String>,
    /// Sign-ups per minute and client; the site's default when `None`.
    signups_per_minute: Option<u32>,
    /// Sign-in attempts per quarter of an hour and client; the site's
    /// default when `None`.
    sign_ins_per_quarter_hour: Option<u32>,
    /// Behave as a busy site from the first request.
    busy: bool,
    /// The public origin; `http://site.test` when `None`.
    base_url: Option<String>,
    /// The bounds on connections; the process's defaults when `None`.
    connections: Option<ConnectionLimits>,
    /// Serve `/metrics` on an address of its own.
    metrics: bool,
    /// The bound on drawings of uncached pages; the machine's default when `None`.
    render: Option<RenderLimits>,
    /// The secretariat's time zone; the site's default (Europe/Paris) when `None`.
    time_zone: Option<&'static str>,
    /// The newsletter's mails a second; as fast as the site goes when `None`.
    mail_rate: Option<u32>,
}

/// Sets up a test's site: `TestApp::builder(backend).seeded().start()`.
#[must_use]
pub struct Builder {
    backend: Backend,
    /// A PostgreSQL database of the test's own, instead of a throwaway one.
    database_url: Option<String>,
    seeded: bool,
    clock: Clock,
    settings: Settings,
}

impl Builder {
    /// With the bundled sample data, its events dated around the site's clock.
    pub fn seeded(mut self) -> Builder {
        self.seeded = true;
        self
    }

    /// Behaves as a busy site from the first request: trusts the cheap
    /// signs of change (file times, notifications) rather than read the
    /// revision for every request.
    pub fn busy(mut self) -> Builder {
        self.settings.busy = true;
        self
    }

    /// Sends mail to an SMTP server instead of keeping it in memory.
    pub fn smtp(mut self, url: impl Into<String>) -> Builder {
        self.settings.smtp_url = Some(url.into());
        self
    }

    /// Allows `n` sign-ups per minute and client.
    pub fn signups_per_minute(mut self, n: u32) -> Builder {
        self.settings.signups_per_minute = Some(n);
        self
    }

    /// Allows `n` sign-in attempts per quarter of an hour and client.
    pub fn sign_ins_per_quarter_hour(mut self, n: u32) -> Builder {
        self.settings.sign_ins_per_quarter_hour = Some(n);
        self
    }

    /// Sends the newsletter's mails at `per_second` at most.
    pub fn mail_rate(mut self, per_second: u32) -> Builder {
        self.settings.mail_rate = Some(per_second);
        self
    }

    /// Shows and reads the back office's times in this time zone.
    pub fn time_zone(mut self, name: &'static str) -> Builder {
        self.settings.time_zone = Some(name);
        self
    }

    /// Serves the site as if at this public origin (e.g. an https one).
    pub fn base_url(mut self, url: &str) -> Builder {
        self.settings.base_url = Some(url.to_owned());
        self
    }

    /// Bounds the site's connections so (header time-out, cap, grace).
    pub fn connections(mut self, limits: ConnectionLimits) -> Builder {
        self.settings.connections = Some(limits);
        self
    }

    /// Draws at most `concurrency` uncached pages at once, with `queue`
    /// more waiting; each drawing first pauses for `pause`, so that a
    /// test's flood meets the bound.
    pub fn render_bound(mut self, concurrency: usize, queue: usize, pause: Duration) -> Builder {
        self.settings.render = Some(RenderLimits { concurrency, queue, pause });
        self
    }

    /// Runs the site on this PostgreSQL database (a private server's).
    pub fn on_database(mut self, url: String) -> Builder {
        self.database_url = Some(url);
        self
    }

    /// Serves the Prometheus metrics on a port of their own: [`TestApp::metrics_url`].
    pub fn metrics(mut self) -> Builder {
        self.settings.metrics = true;
        self
    }

    /// Sets the site's clock at `at` instead of [`NOW`].
    pub fn clock(mut self, at: OffsetDateTime) -> Builder {
        self.clock = Clock::set_at(at);
        self
    }

    /// Runs the site on the system's clock, for a test in which the site
    /// and the command line (which runs on it) must agree on the day.
    pub fn system_clock(mut self) -> Builder {
        self.clock = Clock::system();
        self
    }

    /// Starts the site on a fresh, migrated database; `None` when the
    /// backend is PostgreSQL and no server is reachable outside CI.
    pub async fn start(self) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, database) = match self.backend {
            Backend::Sqlite => (format!("sqlite://{}", dir.path().join("test.db").display()), None),
            Backend::Postgres if self.database_url.is_some() => (self.database_url.unwrap_or_default(), None),
            Backend::Postgres => {
                let database = ThrowawayDatabase::create().await?;
                (database.url.clone(), Some(database))
            }
        };
        let store =
            Store::connect_with(&database_url, ConnectionWait::Visitor).await.expect("connect to the test database");
        store.migrate().await.expect("migrate the test database");
        if self.seeded {
            oneinfive::formats::sample::load(&store, self.clock.now()).await.expect("load the sample data");
        }
        let mail = MemoryOutbox::new();
        let (addr, server) = Running::launch(store.clone(), &self.settings, &self.clock, &mail, dir.path()).await;
        let metrics_addr = server.metrics_addr;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("client");
        Some(TestApp {
            backend: self.backend,
            addr,
            metrics_addr,
            database_url,
            client,
            clock: self.clock,
            mail,
            settings: self.settings,
            server: Some(server),
            store,
            _database: database,
            dir,
        })
    }
}

/// A test's site. Dropping it stops the site and drops its database, also
/// when the test panics.
pub struct TestApp {
    pub backend: Backend,
    pub addr: SocketAddr,
    /// Where `/metrics` is served, when the site was built with `.metrics()`.
    metrics_addr: Option<SocketAddr>,
    pub database_url: String,
    /// Follows no redirect and keeps no cookie: every test sees the raw answer.
    pub client: reqwest::Client,
    /// The site's clock: a test moves it to let time pass.
    pub clock: Clock,
    /// The mail the site sent (unless it was given an SMTP server).
    pub mail: MemoryOutbox,
    settings: Settings,
    // Dropped in this order: the site, its connections, its database
    // (held for its `Drop`).
    server: Option<Running>,
    pub store: Store,
    _database: Option<ThrowawayDatabase>,
    pub dir: tempfile::TempDir,
}

impl TestApp {
    pub fn builder(backend: Backend) -> Builder {
        Builder { backend, database_url: None, seeded: false, clock: Clock::set_at(NOW), settings: Settings::default() }
    }

    /// Stops the site, as a restart or a crash would, and waits until it
    /// has; the database stays.
    pub async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await;
        }
    }

    /// Starts the site again on the test's database (after [`TestApp::stop`]).
    pub async fn start_again(&mut self) {
        let (addr, server) =
            Running::launch(self.store.clone(), &self.settings, &self.clock, &self.mail, self.dir.path()).await;
        self.addr = addr;
        self.metrics_addr = server.metrics_addr;
        self.server = Some(server);
    }

    /// Starts another instance of the site on the same database, with its
    /// own connections, as a second server behind a load balancer would:
    /// the same settings, clock and mail.
    pub async fn second_instance(&self) -> Instance {
        let store = Store::connect_with(&self.database_url, ConnectionWait::Visitor)
            .await
            .expect("connect the second instance");
        let (addr, server) =
            Running::launch(store.clone(), &self.settings, &self.clock, &self.mail, self.dir.path()).await;
        Instance { addr, server, store }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The address of the metrics; the site must have been built with `.metrics()`.
    pub fn metrics_url(&self) -> String {
        let addr = self.metrics_addr.expect("the site serves metrics: build it with .metrics()");
        format!("http://{addr}/metrics")
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

    /// GETs a page until it shows what `shows` looks for: within the time
    /// a busy site takes to hear of a change made elsewhere (its next look
    /// at the SQLite files, a notification on PostgreSQL). Returns the last
    /// page read, for the caller to assert on.
    pub async fn page_showing(&self, path: &str, shows: impl Fn(&Html) -> bool) -> Html {
        settle(NOTIFICATION_DELAY, || self.page(path), shows).await
    }

    /// Runs SQL on the test's database directly, as another program would.
    pub async fn execute(&self, sql: &str) {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.database_url).await.expect("connect");
                sqlx::query(sql).execute(&pool).await.expect("SQL");
                pool.close().await;
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.database_url).await.expect("connect");
                sqlx::query(sql).execute(&pool).await.expect("SQL");
                pool.close().await;
            }
        }
    }

    /// The rows a query finds on the test's database, read directly.
    pub async fn rows<T>(&self, sql: &str) -> Vec<T>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.database_url).await.expect("connect");
                let rows = sqlx::query_as(sql).fetch_all(&pool).await.expect("SQL");
                pool.close().await;
                rows
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.database_url).await.expect("connect");
                let rows = sqlx::query_as(sql).fetch_all(&pool).await.expect("SQL");
                pool.close().await;
                rows
            }
        }
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

    /// Runs the real binary against this app's database with `input` on
    /// its standard input (a password typed twice: two lines).
    pub fn cli_with_input(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_oneinfive"))
            .arg("--database-url")
            .arg(&self.database_url)
            .args(args)
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run oneinfive");
        let mut stdin = child.stdin.take().expect("standard input");
        stdin.write_all(input.as_bytes()).expect("write standard input");
        drop(stdin);
        child.wait_with_output().expect("wait for oneinfive")
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
}

/// How long a busy site may take to hear of a change made elsewhere: a
/// notification arrives on PostgreSQL within milliseconds of the commit,
/// and the site looks at the SQLite files every 50 milliseconds.
pub const NOTIFICATION_DELAY: Duration = Duration::from_secs(2);

/// A site running in the background. Dropping it stops it at once.
struct Running {
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    /// Where `/metrics` is served, if it is.
    metrics_addr: Option<SocketAddr>,
}

impl Running {
    /// Binds and runs a site on `store` in the background.
    async fn launch(
        store: Store,
        settings: &Settings,
        clock: &Clock,
        mail: &MemoryOutbox,
        dir: &Path,
    ) -> (SocketAddr, Running) {
        let base_url = settings.base_url.as_deref().unwrap_or("http://site.test");
        let mut config = SiteConfig::new(base_url).expect("config");
        if let Some(limits) = settings.connections {
            config.connections = limits;
        }
        // The operator's name for the sender, which each mail replaces by
        // the campaign's in its own language.
        config.mail =
            MailConfig::new(settings.smtp_url.clone(), "Site operator <newsletter@site.test>", dir.join("outbox"))
                .expect("mail config");
        if settings.smtp_url.is_none() {
            config.mail.memory = Some(mail.clone());
        }
        config.mail.retry_base = Duration::from_millis(200);
        // The newsletter as fast as the site lets it go: the pace's own
        // tests move a clock of their own.
        config.mail.rate = MailRate { per_second: settings.mail_rate.unwrap_or(10_000), window: None };
        if let Some(n) = settings.sign_ins_per_quarter_hour {
            config.sign_ins_per_quarter_hour = n;
        }
        if let Some(n) = settings.signups_per_minute {
            config.signups_per_minute = n;
        }
        if settings.busy {
            config.busy_threshold = 0;
        }
        if let Some(name) = settings.time_zone {
            config.time_zone = TimeZone::parse(name).expect("a time zone");
        }
        if let Some(render) = settings.render {
            config.render = render;
        }
        config.clock = clock.clone();
        if settings.metrics {
            config.metrics_listen = Some("127.0.0.1:0".parse().expect("address"));
        }
        let server = Server::bind("127.0.0.1:0".parse().expect("address"), store, config).await.expect("bind");
        let addr = server.local_addr().expect("local address");
        let metrics_addr = server.metrics_addr().transpose().expect("the metrics' address");
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run(async move {
            let _ = stop.await;
        }));
        (addr, Running { shutdown: Some(shutdown), task, metrics_addr })
    }

    /// Asks the site to stop and waits until it has: no more connections
    /// accepted, its mail worker stopped.
    async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        match tokio::time::timeout(PATIENCE, &mut self.task).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(error))) => panic!("the site failed: {error}"),
            Ok(Err(error)) => panic!("the site's task failed: {error}"),
            Err(_) => panic!("the site did not stop within {PATIENCE:?}"),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.task.abort();
    }
}

/// A second instance of a test's site (see [`TestApp::second_instance`]).
pub struct Instance {
    pub addr: SocketAddr,
    server: Running,
    store: Store,
}

impl Instance {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn stop(self) {
        let Instance { server, store, .. } = self;
        server.stop().await;
        store.close().await;
    }
}

/// Reads a value again and again until `done` accepts it or `within` has
/// passed, and returns the last value read, for the caller to assert on.
pub async fn settle<T, F, Fut>(within: Duration, mut read: F, done: impl Fn(&T) -> bool) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let value = read().await;
        if done(&value) || tokio::time::Instant::now() >= deadline {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
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

/// Writes each test body once and runs it against SQLite and PostgreSQL.
/// The argument names the site and says how it is set up, as calls on its
/// builder: `async fn name(app)` starts on an empty database,
/// `async fn name(app.seeded().busy())` with the sample data, as a busy site.
macro_rules! both_backends {
    ($(
        $(#[$attribute:meta])*
        async fn $name:ident($app:ident $(.$setting:ident($($argument:expr),*))*) $body:block
    )*) => {
        $(
            $(#[$attribute])*
            async fn $name(backend: $crate::common::Backend) {
                let builder = $crate::common::TestApp::builder(backend)$(.$setting($($argument),*))*;
                let Some(started) = builder.start().await else { return };
                let $app = &started;
                $body
            }

            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::common::Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::common::Backend::Postgres).await;
                }
            }
        )*
    };
}
pub(crate) use both_backends;
