//! The database's revision, which triggers raise on every change, known
//! cheaply by every request.
//!
//! A page may be served from the cache only if nothing changed since it was
//! drawn, so each page load needs the revision as it stands when the load
//! begins, after a change made anywhere: this instance, another one, the
//! command line, SQL typed by hand. Reading the row for every request would
//! make the database the bottleneck, so:
//!
//! - A quiet site (under about a thousand requests a second) reads it for
//!   every request, shared as below: a change shows on the next page load.
//! - A busy site first looks for a cheap sign that nothing changed since the
//!   last reading. On SQLite that is the database file and its write-ahead
//!   log, unchanged on disk (`stat`): every commit, from any process, writes
//!   to them. On PostgreSQL it is the absence of a notification: the
//!   triggers `NOTIFY`, and a listener counts the notifications, so several
//!   instances of the site stay in step. A notification arrives within
//!   milliseconds of the commit.
//! - Without that sign, the request waits for the first reading of the row
//!   that *started* after it arrived. One task does the readings, and one
//!   reading answers every request that came in while the previous one
//!   ran, so the cost per request falls as the load rises.

use std::{
    path::PathBuf,
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant, SystemTime},
};

use tokio::sync::{Notify, watch};

use super::Store;

/// A file changed more recently than this may change again without its
/// modification time moving (file systems keep it in coarse steps), so it
/// says nothing yet: the row is read instead.
const SETTLED_AFTER: Duration = Duration::from_secs(1);
/// Requests in the last hundredth of a second from which a site counts as
/// busy, and trusts the cheap signs of change: a thousand a second.
pub const BUSY_PACE: u64 = 10;
/// The channel the triggers notify on PostgreSQL.
const CHANNEL: &str = "oneinfive_changes";
/// How long the listener waits before connecting again after a failure.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// One reading of the revision: its sequence number, what it found, and
/// the sign of change taken just before it.
#[derive(Clone)]
struct Reading {
    number: u64,
    revision: Option<i64>,
    stamp: Option<Stamp>,
}

/// What shows, cheaply, whether the database may have changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stamp {
    /// The SQLite file and its write-ahead log, as the file system describes them.
    Files([Option<FileStamp>; 2]),
    /// The listener's count of notifications and reconnections.
    Notified(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileStamp {
    inode: u64,
    size: u64,
    modified: SystemTime,
}

/// Where the stamps come from.
enum Signs {
    /// Nothing cheap tells of changes (an in-memory database): always read.
    Nothing,
    Files([PathBuf; 2]),
    /// Even while listening, odd while not; raised by two on each
    /// notification and on each change of state.
    Notifications(Arc<AtomicU64>),
}

impl Signs {
    fn stamp(&self) -> Option<Stamp> {
        match self {
            Signs::Nothing => None,
            Signs::Files(paths) => {
                let now = SystemTime::now();
                let database = file_stamp(&paths[0])?;
                let log = file_stamp(&paths[1]);
                let settled =
                    |stamp: &FileStamp| now.duration_since(stamp.modified).is_ok_and(|age| age > SETTLED_AFTER);
                (settled(&database) && log.as_ref().is_none_or(settled)).then_some(Stamp::Files([Some(database), log]))
            }
            Signs::Notifications(count) => {
                let count = count.load(Ordering::SeqCst);
                (count % 2 == 0).then_some(Stamp::Notified(count))
            }
        }
    }
}

#[cfg(unix)]
fn file_stamp(path: &std::path::Path) -> Option<FileStamp> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    Some(FileStamp { inode: metadata.ino(), size: metadata.size(), modified: metadata.modified().ok()? })
}

#[cfg(not(unix))]
fn file_stamp(_: &std::path::Path) -> Option<FileStamp> {
    None
}

#[derive(Default)]
struct Rounds {
    /// Readings started so far.
    started: u64,
    /// The reading some request waits for.
    wanted: u64,
}

struct Shared {
    rounds: Mutex<Rounds>,
    wake: Notify,
    signs: Signs,
}

pub struct Revisions {
    shared: Arc<Shared>,
    readings: watch::Receiver<Reading>,
    pace: Pace,
    busy_pace: u64,
}

/// Counts requests by hundredths of a second, to tell a busy site from a
/// quiet one. Counts may be off by a request or two under contention,
/// which does not matter here.
struct Pace {
    start: Instant,
    /// The hundredth of a second being counted.
    slot: AtomicU64,
    count: AtomicU64,
    /// The count of the hundredth before, if it was the previous one.
    previous: AtomicU64,
}

impl Pace {
    fn new() -> Pace {
        Pace { start: Instant::now(), slot: AtomicU64::new(0), count: AtomicU64::new(0), previous: AtomicU64::new(0) }
    }

    /// Counts a request; returns how many came in the previous hundredth.
    fn tick(&self) -> u64 {
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
    /// the returned value is dropped. From `busy_pace` requests in a
    /// hundredth of a second on, requests trust the cheap signs of change.
    pub fn start(store: Store, busy_pace: u64) -> Revisions {
        let (sender, readings) = watch::channel(Reading { number: 0, revision: None, stamp: None });
        let signs = match &store {
            Store::Sqlite(pool) => {
                let database = PathBuf::from(pool.connect_options().get_filename());
                let mut log = database.clone().into_os_string();
                log.push("-wal");
                if database.is_file() { Signs::Files([database, log.into()]) } else { Signs::Nothing }
            }
            Store::Postgres(pool) => {
                let count = Arc::new(AtomicU64::new(1));
                tokio::spawn(listen(pool.clone(), count.clone(), sender.clone()));
                Signs::Notifications(count)
            }
        };
        let shared = Arc::new(Shared { rounds: Mutex::default(), wake: Notify::new(), signs });
        tokio::spawn(read_on_demand(shared.clone(), store, sender));
        Revisions { shared, readings, pace: Pace::new(), busy_pace }
    }

    /// The revision as it stands now, or `None` when the database cannot
    /// tell (the caller then does without the cache).
    pub async fn current(&self) -> Option<i64> {
        if self.pace.tick() >= self.busy_pace
            && let Some(stamp) = self.shared.signs.stamp()
        {
            let last = self.readings.borrow();
            if last.stamp == Some(stamp)
                && let Some(revision) = last.revision
            {
                return Some(revision);
            }
        }
        let wanted = {
            let mut rounds = self.shared.rounds.lock().unwrap_or_else(PoisonError::into_inner);
            rounds.wanted = rounds.started + 1;
            rounds.wanted
        };
        self.shared.wake.notify_one();
        let mut readings = self.readings.clone();
        let reading = readings.wait_for(|reading| reading.number >= wanted).await.ok()?;
        reading.revision
    }
}

async fn read_on_demand(shared: Arc<Shared>, store: Store, sender: watch::Sender<Reading>) {
    loop {
        let number = {
            let mut rounds = shared.rounds.lock().unwrap_or_else(PoisonError::into_inner);
            (rounds.wanted > rounds.started).then(|| {
                rounds.started += 1;
                rounds.started
            })
        };
        match number {
            Some(number) => {
                let stamp = shared.signs.stamp();
                let revision = store.revision().await.ok();
                sender.send_replace(Reading { number, revision, stamp });
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
async fn listen(pool: sqlx::PgPool, count: Arc<AtomicU64>, readings: watch::Sender<Reading>) {
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
                // The connection was lost: notifications may have been missed.
                Ok(None) | Err(_) => {
                    count.fetch_add(1, Ordering::SeqCst);
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
