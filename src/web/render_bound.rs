//! The bound on drawings: a public page the page cache does not have is
//! drawn by at most `--render-concurrency` requests at once; a few more
//! (`--render-queue`) wait their turn, for a second at most, and the rest
//! are refused at once. The page cache marks the requests that draw
//! ([`Drawing`]); `middleware::render_bound` holds them to their turn, and
//! a turn lasts until the answer's body has been sent, or dropped, so an
//! answer streamed after its handler returned is bounded too.
//!
//! The heavy answers, those that list every signatory (the sitemap's
//! files, the open data), are bounded the same way with a turn of their
//! own: one of them at a time, and its queue. However many are asked for
//! at once, and however slowly their bodies are read, they take no turn
//! from the pages, so a page nobody has drawn yet never waits for them.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::settings::RenderLimits;

/// How long a request waits in the queue for its turn to draw.
pub const QUEUE_WAIT: Duration = Duration::from_secs(1);

/// How many heavy answers are drawn at once.
const HEAVY_AT_ONCE: usize = 1;

/// Marks a request whose page is drawn afresh (set by the page cache).
#[derive(Clone, Copy, Debug)]
pub struct Drawing;

/// Turns, and a queue of bounded length for them.
struct Turns {
    permits: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
}

/// Leaves the queue when dropped, also when the client goes away.
struct InQueue<'a>(&'a AtomicUsize);

impl Drop for InQueue<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Turns {
    fn new(at_once: usize, queue: usize) -> Turns {
        Turns { permits: Arc::new(Semaphore::new(at_once.max(1))), waiting: AtomicUsize::new(0), queue }
    }

    /// A turn: at once, or after a wait in the queue; `None` when the
    /// queue is full or the wait was too long.
    async fn enter(&self) -> Option<OwnedSemaphorePermit> {
        if let Ok(permit) = self.permits.clone().try_acquire_owned() {
            return Some(permit);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.queue {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        let _in_queue = InQueue(&self.waiting);
        match tokio::time::timeout(QUEUE_WAIT, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Some(permit),
            // Timed out (the semaphore is never closed).
            _ => None,
        }
    }

    fn full(&self) -> bool {
        self.permits.available_permits() == 0 && self.waiting.load(Ordering::Acquire) >= self.queue
    }
}

/// The turns to draw, and the turn of the heavy answers.
pub struct RenderBound {
    drawing: Turns,
    heavy: Turns,
    pub limits: RenderLimits,
}

/// A request's turn to draw: given back when dropped.
pub struct Turn {
    _permit: OwnedSemaphorePermit,
}

impl RenderBound {
    pub fn new(limits: RenderLimits) -> RenderBound {
        RenderBound {
            drawing: Turns::new(limits.concurrency, limits.queue),
            heavy: Turns::new(HEAVY_AT_ONCE, limits.queue),
            limits,
        }
    }

    /// A turn to draw, a page's or a heavy answer's: at once, or after a
    /// wait in the queue; `None` when the queue is full or the wait was too
    /// long.
    pub async fn enter(&self, heavy: bool) -> Option<Turn> {
        let turns = if heavy { &self.heavy } else { &self.drawing };
        turns.enter().await.map(|permit| Turn { _permit: permit })
    }

    /// Whether a page would be refused now: no turn free, and the queue
    /// full.
    pub fn full(&self) -> bool {
        self.drawing.full()
    }

    /// Requests waiting for a turn now.
    pub fn waiting(&self) -> usize {
        self.drawing.waiting.load(Ordering::Acquire) + self.heavy.waiting.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(concurrency: usize, queue: usize) -> RenderBound {
        RenderBound::new(RenderLimits { concurrency, queue, pause: Duration::ZERO })
    }

    #[tokio::test]
    async fn past_the_permits_and_the_queue_requests_are_refused() {
        let bound = bound(1, 0);
        let first = bound.enter(false).await;
        assert!(first.is_some());
        assert!(bound.enter(false).await.is_none(), "no queue: refused at once");
        drop(first);
        assert!(bound.enter(false).await.is_some(), "the turn is given back");
    }

    #[tokio::test]
    async fn a_request_waits_its_turn_in_the_queue_for_a_while() {
        let bound = bound(1, 1);
        let first = bound.enter(false).await;
        assert!(first.is_some());
        // The queue's one place taken, another is refused at once.
        let (waited, refused) = tokio::join!(bound.enter(false), async {
            tokio::task::yield_now().await;
            assert_eq!(bound.waiting(), 1);
            bound.enter(false).await.is_none()
        });
        assert!(refused);
        assert!(waited.is_none(), "the first drawing outlasted the wait");
        assert_eq!(bound.waiting(), 0);
        let (waited, ()) = tokio::join!(bound.enter(false), async {
            tokio::task::yield_now().await;
            drop(first);
        });
        assert!(waited.is_some(), "the turn given back while it waits");
    }

    #[tokio::test]
    async fn heavy_answers_are_drawn_one_at_a_time_and_take_no_turn_from_the_pages() {
        let bound = bound(1, 0);
        let heavy = bound.enter(true).await;
        assert!(heavy.is_some());
        assert!(bound.enter(true).await.is_none(), "a second heavy answer waits for the first (no queue: refused)");
        let page = bound.enter(false).await;
        assert!(page.is_some(), "the pages' turn is not the heavy answers'");
        assert!(bound.enter(false).await.is_none());
        drop(heavy);
        assert!(bound.enter(true).await.is_some(), "the heavy turn is given back");
    }
}
