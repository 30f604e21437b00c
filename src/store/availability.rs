//! Whether the database answers: the site's breaker.
//!
//! When a request finds the database down, the breaker opens: from then
//! on no visitor waits on the database. Pages in the cache are served as
//! they were last rendered; everything else is answered at once with 503
//! and `Retry-After`. One background probe, not the visitors, asks the
//! database every quarter of a second whether it is back, and closes the
//! breaker when it is: the site recovers without a restart, and since the
//! page cache is keyed by the database's revision, the first change made
//! after the recovery shows on the next page load.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use super::Store;

/// How often the probe asks while the database is down.
const PROBE_EVERY: Duration = Duration::from_millis(250);
/// How long the probe waits for an answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);
/// How long a check on a suspicion waits for an answer.
const SUSPICION_TIMEOUT: Duration = Duration::from_millis(300);

/// The breaker, shared by every request of an instance.
pub struct Availability {
    store: Store,
    down: AtomicBool,
    probing: AtomicBool,
}

impl Availability {
    pub fn new(store: Store) -> Arc<Availability> {
        Arc::new(Availability { store, down: AtomicBool::new(false), probing: AtomicBool::new(false) })
    }

    /// Whether the database answered when last asked.
    pub fn is_up(&self) -> bool {
        !self.down.load(Ordering::SeqCst)
    }

    /// Opens the breaker: a request found the database unreachable. Starts
    /// the probe unless it runs already. Not when every connection of the
    /// pool is open: the request waited for one in a busy moment, and the
    /// database is there.
    pub fn trip(self: &Arc<Self>) {
        if self.store.is_saturated() {
            return;
        }
        if !self.down.swap(true, Ordering::SeqCst) {
            tracing::warn!("the database is down: serving cached pages, 503 for the rest, until it answers");
        }
        if !self.probing.swap(true, Ordering::SeqCst) {
            tokio::spawn(self.clone().probe());
        }
    }

    /// Opens the breaker, as [`Availability::trip`], if the database
    /// cannot be reached on a connection of its own either: a request that
    /// found it unreachable may only have waited too long for one of the
    /// pool's connections while the site was busy (the pool still opening
    /// connections), and then the next requests should not be refused.
    pub async fn trip_unless_reachable(self: &Arc<Self>) {
        if !self.is_up() || self.store.is_saturated() {
            return;
        }
        if let Ok(Ok(())) = tokio::time::timeout(SUSPICION_TIMEOUT, self.store.connect_aside()).await {
            return;
        }
        self.trip();
    }

    /// Something hints that the database went away (on PostgreSQL, the
    /// listener for changes lost its connection): asks it at once, and
    /// opens the breaker unless it answers quickly, before visitors find
    /// out by waiting.
    pub fn suspect(self: &Arc<Self>) {
        if !self.is_up() {
            return;
        }
        let this = self.clone();
        tokio::spawn(async move {
            if !matches!(tokio::time::timeout(SUSPICION_TIMEOUT, this.store.ping()).await, Ok(Ok(()))) {
                this.trip();
            }
        });
    }

    /// Asks the database until it answers, then closes the breaker.
    async fn probe(self: Arc<Self>) {
        loop {
            if !self.wait_for_an_answer().await {
                self.probing.store(false, Ordering::SeqCst);
                return;
            }
            self.down.store(false, Ordering::SeqCst);
            tracing::info!("the database answers again");
            self.probing.store(false, Ordering::SeqCst);
            // Unless it was found down again meanwhile, with nobody probing.
            if self.is_up() || self.probing.swap(true, Ordering::SeqCst) {
                return;
            }
        }
    }

    /// Asks every [`PROBE_EVERY`] until the database answers (`true`) or
    /// the store is closed (`false`).
    async fn wait_for_an_answer(&self) -> bool {
        loop {
            tokio::time::sleep(PROBE_EVERY).await;
            if self.store.is_closed() {
                return false;
            }
            if let Ok(Ok(())) = tokio::time::timeout(PROBE_TIMEOUT, self.store.ping()).await {
                return true;
            }
        }
    }
}
