//! The database's revision, which triggers raise on every change, known
//! cheaply by every request.
//!
//! A page may be served from the cache only if nothing changed since it was
//! rendered, so each page load needs the revision as it stands when the load
//! begins, after a change made anywhere: this instance, another one, the
//! command line, SQL typed by hand. Reading the row for every request would
//! make the database the bottleneck, so:
//!
//! - A quiet site (under about a thousand requests a second, for a tenth
//!   of a second) reads it for every request, shared as below: a change
//!   shows on the next page load.
//! - A busy site first looks for a cheap signal that nothing changed since
//!   the last reading: a fingerprint of the database, taken before each
//!   reading, that is still the same. It is two counts, read from memory
//!   without a system call: the writes made through this site's requests
//!   (counted as each ends, so a change made through the site shows on the
//!   next page load), and the changes a watcher has seen, made anywhere.
//!   On SQLite the watcher looks every [`SQLITE_WATCH_INTERVAL`] at the
//!   header of the write-ahead log's index (the `-shm` file), which every
//!   commit, from any process, changes; and where that file cannot be read,
//!   at the database file and its write-ahead log as the file system
//!   describes them (`stat`), trusted only a second after they last
//!   changed. A change made elsewhere (the command line, another instance,
//!   SQL by hand, the site's own background work) shows within that
//!   interval; the commands wait it out before they end. On PostgreSQL the
//!   watcher is a listener that counts notifications: the triggers
//!   `NOTIFY`, so several instances of the site stay in step. A
//!   notification arrives within milliseconds of the commit.
//! - Without that signal, the request waits for the first reading of the row
//!   that *started* after it arrived. One task does the readings, and one
//!   reading answers every request that came in while the previous one
//!   ran, so the cost per request falls as the load rises.

use std::{
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use tokio::sync::{Notify, watch};

use super::fingerprint::{ChangeSignal, Fingerprint, SqliteFiles, count_change};
use crate::store::{Availability, ChangeSource, SQLITE_WATCH_INTERVAL, Store, StoreError};

/// Requests in a hundredth of a second from which a site counts as busy,
/// and trusts the cheap change signal: a thousand a second.
pub const BUSY_THRESHOLD: u64 = 10;
/// Hundredths of a second a busy site stays busy through a lull. The
/// process, or its clients, may pause for a few hundredths (two cores
/// shared with the load); counted as quiet meanwhile, every request of the
/// next hundredth would wait for a reading, each holding its connection's
/// buffers (under 10,000 connections, up to 900 at once; the peak memory
/// stepped up by 2 to 15 MiB each time, `bench/RESULTS.md`).
const BUSY_HOLD: u64 = 10;
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

/// What [`Revisions::at_once`] can tell without waiting.
pub enum AtOnce {
    /// The revision, vouched for by the cheap change signal.
    Known(i64),
    /// The database is known to be down: no revision.
    Down,
    /// The request must wait for a reading ([`Revisions::ask`]).
    Ask,
}

/// The revision, as each request asks for it (see the module's comment).
pub struct Revisions {
    shared: Arc<Shared>,
    availability: Arc<Availability>,
    readings: watch::Receiver<Reading>,
    request_rate: RequestRate,
}

/// Counts requests by hundredths of a second, to tell a busy site from a
/// quiet one. Counts may be off by a request or two under contention,
/// which does not matter here.
struct RequestRate {
    start: Instant,
    /// Requests in a hundredth from which the site is busy.
    threshold: u64,
    /// The hundredth of a second being counted.
    slot: AtomicU64,
    count: AtomicU64,
    /// The first hundredth from which the site is quiet again, unless
    /// busy meanwhile: [`BUSY_HOLD`] after the last busy one.
    busy_until: AtomicU64,
}

impl RequestRate {
    fn new(threshold: u64) -> RequestRate {
        RequestRate {
            start: Instant::now(),
            threshold,
            slot: AtomicU64::new(0),
            count: AtomicU64::new(0),
            busy_until: AtomicU64::new(0),
        }
    }

    /// Counts a request; says whether the site is busy.
    fn count_request(&self) -> bool {
        let now = u64::try_from(self.start.elapsed().as_millis() / 10).unwrap_or(u64::MAX);
        self.count_request_in(now)
    }

    /// Counts a request in the hundredth `now`: the site is busy when this
    /// hundredth, or one of the [`BUSY_HOLD`] before, had `threshold`
    /// requests. (Ten thousand clients arriving at once would otherwise
    /// all wait for a reading.)
    fn count_request_in(&self, now: u64) -> bool {
        let slot = self.slot.load(Ordering::Relaxed);
        if now != slot && self.slot.compare_exchange(slot, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            let count = self.count.swap(0, Ordering::Relaxed);
            if count >= self.threshold {
                self.busy_until.fetch_max(slot.saturating_add(1 + BUSY_HOLD), Ordering::Relaxed);
            }
        }
        let count = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        count >= self.threshold || now < self.busy_until.load(Ordering::Relaxed)
    }
}

impl Revisions {
    /// Starts the reader (and on PostgreSQL the listener), which stop when
    /// the returned value is dropped. From `busy_threshold` requests in a
    /// hundredth of a second on, requests trust the cheap change signal.
    pub fn start(store: Store, busy_threshold: u64, availability: Arc<Availability>) -> Revisions {
        let (sender, readings) = watch::channel(Reading { number: 0, revision: None, fingerprint: None });
        // The watcher's count starts odd: untrusted until it has looked.
        let seen = Arc::new(AtomicU64::new(1));
        let change_signal = ChangeSignal::watched(match store.change_source() {
            ChangeSource::SqliteFile(database) => {
                tokio::spawn(watch_files(SqliteFiles::new(database), seen.clone(), sender.clone()));
                Some(seen)
            }
            ChangeSource::Unavailable => None,
            ChangeSource::Notifications => {
                tokio::spawn(listen(store.clone(), seen.clone(), sender.clone(), availability.clone()));
                Some(seen)
            }
        });
        let shared = Arc::new(Shared { progress: Mutex::default(), wake: Notify::new(), change_signal });
        tokio::spawn(read_on_demand(shared.clone(), store, sender, availability.clone()));
        Revisions { shared, availability, readings, request_rate: RequestRate::new(busy_threshold) }
    }

    /// The revision as it stands now, or `None` when the database cannot
    /// tell (the caller then does without the cache). While the database
    /// is known to be down, `None` at once: nobody waits on it.
    pub async fn current(&self) -> Option<i64> {
        match self.at_once() {
            AtOnce::Known(revision) => Some(revision),
            AtOnce::Down => None,
            AtOnce::Ask => self.ask().await,
        }
    }

    /// What a request can learn of the revision without waiting: counts
    /// the request (a busy site trusts the cheap signal), then says the
    /// revision if the signal vouches for the last reading, that the
    /// database is down, or that the request must [`ask`](Revisions::ask).
    pub fn at_once(&self) -> AtOnce {
        if !self.availability.is_up() {
            return AtOnce::Down;
        }
        if self.request_rate.count_request()
            && let Some(fingerprint) = self.shared.change_signal.fingerprint()
        {
            let last = self.readings.borrow();
            if last.fingerprint == Some(fingerprint)
                && let Some(revision) = last.revision
            {
                return AtOnce::Known(revision);
            }
        }
        AtOnce::Ask
    }

    /// The revision from the first reading that starts after this call,
    /// for a request [`at_once`](Revisions::at_once) could not answer;
    /// `None` when the database cannot tell.
    pub async fn ask(&self) -> Option<i64> {
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

    /// Says that a request that may have written has ended: the next page
    /// load reads the revision again.
    pub fn written(&self) {
        self.shared.change_signal.written();
    }
}

/// Looks at a SQLite database's files every [`SQLITE_WATCH_INTERVAL`] and
/// counts the changes it sees (see [`ChangeSignal`]), until the site stops.
async fn watch_files(files: SqliteFiles, seen: Arc<AtomicU64>, readings: watch::Sender<Reading>) {
    let mut last = None;
    loop {
        let now = files.state();
        match now {
            Some(_) if now == last => {}
            // A change, a first look, or trust regained.
            Some(_) => count_change(&seen, true),
            None => count_change(&seen, false),
        }
        last = now;
        tokio::select! {
            () = tokio::time::sleep(SQLITE_WATCH_INTERVAL) => {}
            () = readings.closed() => return,
        }
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
    store: Store,
    count: Arc<AtomicU64>,
    readings: watch::Sender<Reading>,
    availability: Arc<Availability>,
) {
    let mut connected = false;
    loop {
        if readings.is_closed() {
            return;
        }
        let mut listener = match store.listen_for_changes().await {
            Ok(Some(listener)) => listener,
            Ok(None) => return,
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
        count_change(&count, true);
        loop {
            let heard = tokio::select! {
                heard = listener.next() => heard,
                () = readings.closed() => return,
            };
            if heard {
                count_change(&count, true);
            } else {
                // The connection was lost: notifications may have been
                // missed, and the database may be down.
                count_change(&count, false);
                availability.suspect();
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RequestRate;

    #[test]
    fn a_busy_site_stays_busy_through_a_lull_and_no_longer() {
        let rate = RequestRate::new(3);
        // Quiet until a hundredth has had three requests.
        assert!(!rate.count_request_in(1));
        assert!(!rate.count_request_in(1));
        assert!(rate.count_request_in(1));
        assert!(rate.count_request_in(2));
        // A lull of five hundredths: still busy.
        assert!(rate.count_request_in(8));
        // Ten hundredths after the last busy one, quiet again.
        assert!(!rate.count_request_in(12));
    }

    #[test]
    fn a_threshold_of_nothing_is_always_busy() {
        let rate = RequestRate::new(0);
        assert!(rate.count_request_in(0));
        assert!(rate.count_request_in(500));
    }
}
