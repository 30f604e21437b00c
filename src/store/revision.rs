//! The database's revision, which triggers raise on every change, known
//! cheaply by every request.
//!
//! A page may be served from the cache only if nothing changed since it was
//! rendered, so each page load needs the revision as it stands when the load
//! begins, after a change made anywhere: this instance, another one, the
//! command line, SQL typed by hand. Reading the row for every request would
//! make the database the bottleneck, so:
//!
//! - A quiet site (under about a thousand requests a second) reads it for
//!   every request, shared as below: a change shows on the next page load.
//! - A busy site first looks for a cheap signal that nothing changed since
//!   the last reading: a fingerprint of the database, taken before each
//!   reading, that is still the same. On SQLite the fingerprint is the
//!   header of the write-ahead log's index (the `-shm` file), which every
//!   commit, from any process, changes; and where that file cannot be read,
//!   the database file and its write-ahead log as the file system describes
//!   them (`stat`), trusted only a second after they last changed. On
//!   PostgreSQL it is the count of notifications, unchanged: the triggers
//!   `NOTIFY`, and a listener counts the notifications, so several
//!   instances of the site stay in step. A notification arrives within
//!   milliseconds of the commit.
//! - Without that signal, the request waits for the first reading of the row
//!   that *started* after it arrived. One task does the readings, and one
//!   reading answers every request that came in while the previous one
//!   ran, so the cost per request falls as the load rises.

use std::{
    fs::File,
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant, SystemTime},
};

use tokio::sync::{Notify, watch};

use super::{Availability, Store, StoreError};

/// A file changed more recently than this may change again without its
/// modification time moving (file systems keep it in coarse steps), so it
/// says nothing yet: the row is read instead.
const SETTLED_AFTER: Duration = Duration::from_secs(1);
/// Requests in the last hundredth of a second from which a site counts as
/// busy, and trusts the cheap change signal: a thousand a second.
pub const BUSY_THRESHOLD: u64 = 10;
/// The channel the triggers notify on PostgreSQL.
const CHANNEL: &str = "oneinfive_changes";
/// How long the listener waits before connecting again after a failure.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// One reading of the revision: its sequence number, what it found, and
/// the database's fingerprint taken just before it.
#[derive(Clone)]
struct Reading {
    number: u64,
    revision: Option<i64>,
    fingerprint: Option<Fingerprint>,
}

/// A cheap summary of the database's state: while it stays the same, the
/// database has not changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fingerprint {
    /// The SQLite file and its write-ahead log, as the file system describes them.
    Files([Option<FileFingerprint>; 2]),
    /// The SQLite file's and its index's inodes (a file put in place of
    /// another is another file), and the index's header.
    WalIndex { database: u64, index: u64, header: [u8; WAL_INDEX_HEADER] },
    /// The listener's count of notifications and reconnections.
    Notifications(u64),
}

/// What the file system says of a file: the same while it is not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileFingerprint {
    inode: u64,
    size: u64,
    modified: SystemTime,
}

/// The size of one copy of the header of SQLite's write-ahead log index
/// (<https://www.sqlite.org/walformat.html>, "The WAL-Index Header"),
/// which the `-shm` file holds twice at its start.
const WAL_INDEX_HEADER: usize = 48;
/// Where the header says whether the index is initialised.
const IS_INIT: usize = 12;

/// How long the index found at the index's path is trusted to be the one
/// there: a file put in place of the database or its index is seen
/// within this time. Looking by path on every request cost two system
/// calls more than reading the header.
const PATHS_TRUSTED_FOR: Duration = Duration::from_millis(10);

/// The SQLite database's files.
struct SqliteFiles {
    database: PathBuf,
    /// The write-ahead log, `-wal`.
    log: PathBuf,
    /// The write-ahead log's index, `-shm`.
    index: PathBuf,
    /// The index, kept open: opened again when its path names another file.
    open_index: Mutex<Option<Arc<OpenIndex>>>,
}

/// The index as opened, the inodes its path and the database's named then,
/// and when that was last confirmed.
struct OpenIndex {
    file: Arc<File>,
    database: u64,
    index: u64,
    confirmed: Instant,
}

impl SqliteFiles {
    fn new(database: PathBuf) -> SqliteFiles {
        let with_suffix = |suffix: &str| {
            let mut path = database.clone().into_os_string();
            path.push(suffix);
            PathBuf::from(path)
        };
        SqliteFiles { log: with_suffix("-wal"), index: with_suffix("-shm"), database, open_index: Mutex::default() }
    }

    /// The index, open, as its path names it (confirmed within
    /// [`PATHS_TRUSTED_FOR`]); `None` without an index or a database.
    fn open_index(&self) -> Option<Arc<OpenIndex>> {
        let mut open = self.open_index.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(current) = open.as_ref()
            && current.confirmed.elapsed() < PATHS_TRUSTED_FOR
        {
            return Some(current.clone());
        }
        let (Some(database), Some(index)) = (inode(&self.database), inode(&self.index)) else {
            *open = None;
            return None;
        };
        let file = match open.take() {
            Some(current) if current.index == index => current.file.clone(),
            _ => Arc::new(File::open(&self.index).ok()?),
        };
        let confirmed = Arc::new(OpenIndex { file, database, index, confirmed: Instant::now() });
        *open = Some(confirmed.clone());
        Some(confirmed)
    }

    /// The fingerprint of the write-ahead log's index: every commit, by any
    /// connection of any process, raises the header's change counter and
    /// frame count, or starts a new log with new salts, and writes the
    /// header twice, the second copy first. The header is taken only when
    /// both copies are equal and it says it is initialised, as SQLite itself
    /// reads it; otherwise (a write under way, no index: not in WAL mode,
    /// or nobody has the database open) `None`.
    fn wal_index(&self) -> Option<Fingerprint> {
        let open = self.open_index()?;
        let mut headers = [0u8; 2 * WAL_INDEX_HEADER];
        read_exact_at(&open.file, &mut headers)?;
        let (first, second) = headers.split_at(WAL_INDEX_HEADER);
        if first != second || first[IS_INIT] == 0 {
            return None;
        }
        let mut header = [0u8; WAL_INDEX_HEADER];
        header.copy_from_slice(first);
        Some(Fingerprint::WalIndex { database: open.database, index: open.index, header })
    }

    /// The fingerprint from what the file system says of the database and
    /// its log, or `None` while either changed too recently.
    fn stat(&self) -> Option<Fingerprint> {
        let now = SystemTime::now();
        let database = file_fingerprint(&self.database)?;
        let log = file_fingerprint(&self.log);
        let settled = |file: &FileFingerprint| now.duration_since(file.modified).is_ok_and(|age| age > SETTLED_AFTER);
        (settled(&database) && log.as_ref().is_none_or(settled)).then_some(Fingerprint::Files([Some(database), log]))
    }
}

/// Where the fingerprints come from: how this backend detects changes.
enum ChangeSignal {
    /// Nothing cheap tells of changes (an in-memory database): always read.
    Unavailable,
    Sqlite(SqliteFiles),
    /// Even while listening, odd while not; raised by two on each
    /// notification and on each change of state.
    Notifications(Arc<AtomicU64>),
}

impl ChangeSignal {
    /// The database's fingerprint now, or `None` when it cannot be trusted
    /// (a file changed too recently, or the listener is not listening).
    fn fingerprint(&self) -> Option<Fingerprint> {
        match self {
            ChangeSignal::Unavailable => None,
            ChangeSignal::Sqlite(files) => files.wal_index().or_else(|| files.stat()),
            ChangeSignal::Notifications(count) => {
                let count = count.load(Ordering::SeqCst);
                (count % 2 == 0).then_some(Fingerprint::Notifications(count))
            }
        }
    }
}

#[cfg(unix)]
fn file_fingerprint(path: &Path) -> Option<FileFingerprint> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    Some(FileFingerprint { inode: metadata.ino(), size: metadata.size(), modified: metadata.modified().ok()? })
}

#[cfg(not(unix))]
fn file_fingerprint(_: &Path) -> Option<FileFingerprint> {
    None
}

#[cfg(unix)]
fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|metadata| metadata.ino())
}

#[cfg(not(unix))]
fn inode(_: &Path) -> Option<u64> {
    None
}

/// Fills `buffer` from the start of `file`, or `None` (a file too short).
#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8]) -> Option<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buffer, 0).ok()
}

#[cfg(not(unix))]
fn read_exact_at(_: &File, _: &mut [u8]) -> Option<()> {
    None
}

/// The readings asked for and started, which the reader compares to know
/// whether to start another.
#[derive(Default)]
struct ReadingProgress {
    /// Readings started so far.
    started: u64,
    /// The reading some request waits for.
    wanted: u64,
}

struct Shared {
    progress: Mutex<ReadingProgress>,
    /// Wakes the reader when a request wants a reading.
    wake: Notify,
    change_signal: ChangeSignal,
}

/// The revision, as each request asks for it (see the module's comment).
pub struct Revisions {
    shared: Arc<Shared>,
    availability: Arc<Availability>,
    readings: watch::Receiver<Reading>,
    request_rate: RequestRate,
    busy_threshold: u64,
}

/// Counts requests by hundredths of a second, to tell a busy site from a
/// quiet one. Counts may be off by a request or two under contention,
/// which does not matter here.
struct RequestRate {
    start: Instant,
    /// The hundredth of a second being counted.
    slot: AtomicU64,
    count: AtomicU64,
    /// The count of the hundredth before, if it was the previous one.
    previous: AtomicU64,
}

impl RequestRate {
    fn new() -> RequestRate {
        RequestRate {
            start: Instant::now(),
            slot: AtomicU64::new(0),
            count: AtomicU64::new(0),
            previous: AtomicU64::new(0),
        }
    }

    /// Counts a request; returns how many came in the previous hundredth.
    fn count_request(&self) -> u64 {
        let now = u64::try_from(self.start.elapsed().as_millis() / 10).unwrap_or(u64::MAX);
        let slot = self.slot.load(Ordering::Relaxed);
        if now != slot && self.slot.compare_exchange(slot, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            let count = self.count.swap(0, Ordering::Relaxed);
            self.previous.store(if now == slot + 1 { count } else { 0 }, Ordering::Relaxed);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.previous.load(Ordering::Relaxed)
    }
}

impl Revisions {
    /// Starts the reader (and on PostgreSQL the listener), which stop when
    /// the returned value is dropped. From `busy_threshold` requests in a
    /// hundredth of a second on, requests trust the cheap change signal.
    pub fn start(store: Store, busy_threshold: u64, availability: Arc<Availability>) -> Revisions {
        let (sender, readings) = watch::channel(Reading { number: 0, revision: None, fingerprint: None });
        let change_signal = match &store {
            Store::Sqlite(pool) => {
                let database = PathBuf::from(pool.connect_options().get_filename());
                if database.is_file() {
                    ChangeSignal::Sqlite(SqliteFiles::new(database))
                } else {
                    ChangeSignal::Unavailable
                }
            }
            Store::Postgres(pool) => {
                let count = Arc::new(AtomicU64::new(1));
                tokio::spawn(listen(pool.clone(), count.clone(), sender.clone(), availability.clone()));
                ChangeSignal::Notifications(count)
            }
        };
        let shared = Arc::new(Shared { progress: Mutex::default(), wake: Notify::new(), change_signal });
        tokio::spawn(read_on_demand(shared.clone(), store, sender, availability.clone()));
        Revisions { shared, availability, readings, request_rate: RequestRate::new(), busy_threshold }
    }

    /// The revision as it stands now, or `None` when the database cannot
    /// tell (the caller then does without the cache). While the database
    /// is known to be down, `None` at once: nobody waits on it.
    pub async fn current(&self) -> Option<i64> {
        if !self.availability.is_up() {
            return None;
        }
        if self.request_rate.count_request() >= self.busy_threshold
            && let Some(fingerprint) = self.shared.change_signal.fingerprint()
        {
            let last = self.readings.borrow();
            if last.fingerprint == Some(fingerprint)
                && let Some(revision) = last.revision
            {
                return Some(revision);
            }
        }
        let wanted = {
            let mut progress = self.shared.progress.lock().unwrap_or_else(PoisonError::into_inner);
            progress.wanted = progress.started + 1;
            progress.wanted
        };
        self.shared.wake.notify_one();
        let mut readings = self.readings.clone();
        let reading = readings.wait_for(|reading| reading.number >= wanted).await.ok()?;
        reading.revision
    }
}

async fn read_on_demand(
    shared: Arc<Shared>,
    store: Store,
    sender: watch::Sender<Reading>,
    availability: Arc<Availability>,
) {
    loop {
        let number = {
            let mut progress = shared.progress.lock().unwrap_or_else(PoisonError::into_inner);
            (progress.wanted > progress.started).then(|| {
                progress.started += 1;
                progress.started
            })
        };
        match number {
            Some(number) => {
                let fingerprint = shared.change_signal.fingerprint();
                let revision = match store.revision().await {
                    Ok(revision) => Some(revision),
                    Err(error) => {
                        if matches!(error, StoreError::Unavailable(_)) {
                            availability.trip();
                        }
                        None
                    }
                };
                sender.send_replace(Reading { number, revision, fingerprint });
            }
            None => tokio::select! {
                () = shared.wake.notified() => {}
                () = sender.closed() => return,
            },
        }
    }
}

/// Counts the notifications of changes on PostgreSQL, and says when it is
/// not listening (then every request reads the row).
async fn listen(
    pool: sqlx::PgPool,
    count: Arc<AtomicU64>,
    readings: watch::Sender<Reading>,
    availability: Arc<Availability>,
) {
    let mut connected = false;
    loop {
        if readings.is_closed() {
            return;
        }
        let listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
            Ok(mut listener) => listener.listen(CHANNEL).await.map(|()| listener),
            Err(error) => Err(error),
        };
        let mut listener = match listener {
            Ok(listener) => listener,
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                if connected {
                    tracing::warn!(%error, "not listening for changes; reading the revision on each request");
                    connected = false;
                }
                tokio::time::sleep(RECONNECT_AFTER).await;
                continue;
            }
        };
        // Listening from here on: readings made from now on are trusted.
        connected = true;
        count.fetch_add(1, Ordering::SeqCst);
        loop {
            let received = tokio::select! {
                received = listener.try_recv() => received,
                () = readings.closed() => return,
            };
            match received {
                Ok(Some(_)) => {
                    count.fetch_add(2, Ordering::SeqCst);
                }
                // The connection was lost: notifications may have been
                // missed, and the database may be down.
                Ok(None) | Err(_) => {
                    count.fetch_add(1, Ordering::SeqCst);
                    availability.suspect();
                    break;
                }
            }
        }
    }
}

impl Store {
    /// Lets a command that changed the data end only once the running
    /// sites have heard of it. On PostgreSQL, notifications reach every
    /// listener in the order they were sent, so the command sends one more
    /// after its changes and waits (a second at most) for it to come back.
    /// On SQLite there is nothing to wait for: the sites look at the file.
    pub async fn announce_changes(&self) {
        let Store::Postgres(pool) = self else { return };
        let heard = async {
            let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
            listener.listen(CHANNEL).await?;
            sqlx::query("SELECT pg_notify($1, 'announce')").bind(CHANNEL).execute(pool).await?;
            listener.recv().await.map(drop)
        };
        if let Ok(Err(error)) = tokio::time::timeout(Duration::from_secs(1), heard).await {
            tracing::warn!(%error, "could not check that the running sites heard of the changes");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The write-ahead log index's header is the fingerprint: the same
    /// while nothing is written, another after each commit (within the
    /// same second, which file times cannot tell), whichever connection
    /// commits, and the same after a transaction that writes nothing.
    #[tokio::test]
    async fn every_commit_changes_the_wal_index_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fingerprint.db");
        let url = format!("sqlite://{}", path.display());
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        let Store::Sqlite(pool) = &store else { unreachable!() };
        let files = SqliteFiles::new(path.clone());
        let mut seen = vec![files.wal_index().expect("a fingerprint from the index")];
        assert!(matches!(seen[0], Fingerprint::WalIndex { .. }));
        assert_eq!(files.wal_index(), Some(seen[0]));
        // Another connection, as another process would be.
        let other = sqlx::SqlitePool::connect(&url).await.unwrap();
        for n in 0..5 {
            let writer = if n % 2 == 0 { pool } else { &other };
            sqlx::query("INSERT INTO site_secrets (name, value) VALUES ($1, 'x')")
                .bind(format!("test-{n}"))
                .execute(writer)
                .await
                .unwrap();
            let now = files.wal_index().expect("a fingerprint from the index");
            assert!(!seen.contains(&now), "commit {n} left the fingerprint as it was");
            seen.push(now);
        }
        let last = seen[seen.len() - 1];
        sqlx::query("SELECT count(*) FROM site_secrets").execute(&other).await.unwrap();
        sqlx::query("DELETE FROM site_secrets WHERE name = 'none'").execute(pool).await.unwrap();
        assert_eq!(files.wal_index(), Some(last));
        // A checkpoint moves the data, not the header.
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(pool).await.unwrap();
        assert_eq!(files.wal_index(), Some(last));
        other.close().await;
        store.close().await;
        // Without the index (nobody has the database open: SQLite removed
        // it, or it was never made), no such fingerprint.
        // Within the time the index's path is trusted, the index still open
        // is read; after it, the path is looked at again.
        let _ = std::fs::remove_file(dir.path().join("fingerprint.db-shm"));
        tokio::time::sleep(PATHS_TRUSTED_FOR).await;
        assert_eq!(files.wal_index(), None);
    }
}
