//! The cheap signal that the database has not changed: its fingerprint,
//! taken before each reading of the revision and compared by a busy site
//! instead of reading it (see `signal`). A fingerprint is two counts read
//! from memory, no system call: the changes seen by whatever watches the
//! database (notifications on PostgreSQL; on SQLite, a look at its files
//! every [`crate::store::SQLITE_WATCH_INTERVAL`]), and the writes made
//! through this site's own requests, counted as each one ends.

use std::{
    fs::File,
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant, SystemTime},
};

/// A file changed more recently than this may change again without its
/// modification time moving (file systems keep it in coarse steps), so it
/// says nothing yet: the row is read instead.
const SETTLED_AFTER: Duration = Duration::from_secs(1);

/// A cheap summary of the database's state: while it stays the same, the
/// database has not changed (but for what the watcher has yet to see).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Fingerprint {
    /// The watcher's count of changes seen.
    seen: u64,
    /// The writes made through this site's requests.
    writes: u64,
}

/// What a SQLite database's files say of its state: the same while it is
/// not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileState {
    /// The SQLite file and its write-ahead log, as the file system describes them.
    Files([Option<FileFingerprint>; 2]),
    /// The SQLite file's and its index's inodes (a file put in place of
    /// another is another file), and the index's header.
    WalIndex { database: u64, index: u64, header: [u8; WAL_INDEX_HEADER] },
}

/// What the file system says of a file: the same while it is not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FileFingerprint {
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
/// within this time (or at the watcher's next look, if later).
const PATHS_TRUSTED_FOR: Duration = Duration::from_millis(10);

/// The SQLite database's files, which the watcher looks at.
pub(super) struct SqliteFiles {
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
    pub(super) fn new(database: PathBuf) -> SqliteFiles {
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
    fn wal_index(&self) -> Option<FileState> {
        let open = self.open_index()?;
        let mut headers = [0u8; 2 * WAL_INDEX_HEADER];
        read_exact_at(&open.file, &mut headers)?;
        let (first, second) = headers.split_at(WAL_INDEX_HEADER);
        if first != second || first[IS_INIT] == 0 {
            return None;
        }
        let mut header = [0u8; WAL_INDEX_HEADER];
        header.copy_from_slice(first);
        Some(FileState::WalIndex { database: open.database, index: open.index, header })
    }

    /// The state from what the file system says of the database and its
    /// log, or `None` while either changed too recently.
    fn stat(&self) -> Option<FileState> {
        let now = SystemTime::now();
        let database = file_fingerprint(&self.database)?;
        let log = file_fingerprint(&self.log);
        let settled = |file: &FileFingerprint| now.duration_since(file.modified).is_ok_and(|age| age > SETTLED_AFTER);
        (settled(&database) && log.as_ref().is_none_or(settled)).then_some(FileState::Files([Some(database), log]))
    }

    /// The files' state now: from the index, else from the file system;
    /// `None` when neither can be trusted.
    pub(super) fn state(&self) -> Option<FileState> {
        self.wal_index().or_else(|| self.stat())
    }
}

/// Where the fingerprints come from: the watcher's count, and the writes
/// made through the site.
pub(super) struct ChangeSignal {
    /// Even while the watcher can be trusted, odd while not (it is not
    /// listening, or the files cannot tell); raised on each change it sees.
    /// `None` when nothing cheap tells of changes (an in-memory database).
    seen: Option<Arc<AtomicU64>>,
    writes: AtomicU64,
}

impl ChangeSignal {
    /// A signal from a watcher's count: see [`ChangeSignal::seen`].
    pub(super) fn watched(seen: Option<Arc<AtomicU64>>) -> ChangeSignal {
        ChangeSignal { seen, writes: AtomicU64::new(0) }
    }

    /// The database's fingerprint now, or `None` when it cannot be trusted.
    pub(super) fn fingerprint(&self) -> Option<Fingerprint> {
        let seen = self.seen.as_ref()?.load(Ordering::SeqCst);
        seen.is_multiple_of(2).then(|| Fingerprint { seen, writes: self.writes.load(Ordering::SeqCst) })
    }

    /// Counts a write made through the site, once its request has ended
    /// (and its transaction has committed).
    pub(super) fn written(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }
}

/// Raises a watcher's count (see [`ChangeSignal::seen`]) for what it found
/// now: a change (or trust regained) makes it another even number, a
/// state that cannot be trusted an odd one.
pub(super) fn count_change(seen: &AtomicU64, trusted: bool) {
    let count = seen.load(Ordering::SeqCst);
    let step = match (trusted, count.is_multiple_of(2)) {
        (true, true) => 2,
        (true, false) | (false, true) => 1,
        (false, false) => 0,
    };
    seen.fetch_add(step, Ordering::SeqCst);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The write-ahead log index's header is the state: the same
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
        assert!(matches!(seen[0], FileState::WalIndex { .. }));
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
            assert!(!seen.contains(&now), "commit {n} left the state as it was");
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
