//! Throwaway PostgreSQL databases: one per test site, created empty and
//! dropped when the site is dropped, even by a test that panics. Without a
//! reachable server the PostgreSQL half of the tests is skipped — loudly,
//! and counted for the end of the run — except under CI, where it fails.

use std::{
    io::Write,
    sync::{
        Once, OnceLock,
        atomic::{AtomicU32, AtomicUsize, Ordering},
    },
    time::Duration,
};

use sqlx::{Connection, PgConnection};

/// The PostgreSQL server the tests create their databases on.
pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// How long to wait for the server before taking it as unreachable.
const CONNECT_WITHIN: Duration = Duration::from_secs(5);

/// A database of its own for one test site, dropped on `Drop`.
pub struct ThrowawayDatabase {
    name: String,
    pub url: String,
}

impl ThrowawayDatabase {
    /// Creates an empty database; `None` when the server cannot be reached
    /// outside CI (the test is then skipped and counted).
    pub async fn create() -> Option<ThrowawayDatabase> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        // Once the server is known to be unreachable, later tests skip at once.
        static UNREACHABLE: OnceLock<String> = OnceLock::new();
        let admin = admin_url();
        let connected = match UNREACHABLE.get() {
            Some(reason) => Err(reason.clone()),
            None => match tokio::time::timeout(CONNECT_WITHIN, PgConnection::connect(&admin)).await {
                Ok(Ok(connection)) => Ok(connection),
                Ok(Err(error)) => Err(error.to_string()),
                Err(_) => Err(format!("no answer within {CONNECT_WITHIN:?}")),
            },
        };
        let mut connection = match connected {
            Ok(connection) => connection,
            Err(reason) => {
                if std::env::var_os("CI").is_some() {
                    panic!("PostgreSQL at {admin} is not reachable under CI: {reason}");
                }
                let _ = UNREACHABLE.set(reason.clone());
                skipped(&admin, &reason);
                return None;
            }
        };
        let name = format!(
            "oneinfive_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
        );
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut connection)
            .await
            .expect("create the test database");
        let _ = connection.close().await;
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("TEST_POSTGRES_URL must name a database"),
        };
        Some(ThrowawayDatabase { name, url })
    }
}

impl Drop for ThrowawayDatabase {
    /// Drops the database, closing whatever connections are still open on
    /// it. `Drop` cannot wait on the test's runtime, which may be unwinding
    /// from a panic: a short-lived thread with a runtime of its own does it.
    fn drop(&mut self) {
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || -> Result<(), String> {
            let runtime =
                tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
            runtime.block_on(async {
                let drop = async {
                    let mut connection = PgConnection::connect(&admin_url()).await?;
                    sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                        .execute(&mut connection)
                        .await?;
                    connection.close().await
                };
                match tokio::time::timeout(Duration::from_secs(10), drop).await {
                    Ok(result) => result.map_err(|e| e.to_string()),
                    Err(_) => Err("no answer within 10 s".into()),
                }
            })
        })
        .join();
        let failure = match dropped {
            Ok(Ok(())) => return,
            Ok(Err(error)) => error,
            Err(_) => "the thread that drops it panicked".into(),
        };
        // Never panic here: the test may already be unwinding.
        let _ = writeln!(std::io::stderr(), "could not drop the test database {}: {failure}", self.name);
    }
}

/// Tests whose PostgreSQL half was skipped in this run.
static SKIPPED: AtomicUsize = AtomicUsize::new(0);

fn skipped(admin: &str, reason: &str) {
    SKIPPED.fetch_add(1, Ordering::SeqCst);
    // The test harness keeps a passing test's output to itself: the count
    // is printed once more as the process exits, after the harness's summary.
    static AT_EXIT: Once = Once::new();
    AT_EXIT.call_once(|| {
        // SAFETY: `report_skips` is a plain function that neither unwinds
        // nor relies on anything `exit` tears down before calling it.
        if unsafe { libc::atexit(report_skips) } != 0 {
            let _ = writeln!(std::io::stderr(), "cannot report the skipped tests at exit");
        }
    });
    let _ = writeln!(
        std::io::stderr(),
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
         !! PostgreSQL at {admin} is not reachable ({reason}):\n\
         !! SKIPPING the PostgreSQL half of this test.\n\
         !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    );
}

extern "C" fn report_skips() {
    let count = SKIPPED.load(Ordering::SeqCst);
    let _ = writeln!(
        std::io::stderr(),
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
         !! PostgreSQL at {} was not reachable: {count} test{} SKIPPED\n\
         !! their PostgreSQL half (counted as passed above).\n\
         !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        admin_url(),
        if count == 1 { "" } else { "s" },
    );
}
