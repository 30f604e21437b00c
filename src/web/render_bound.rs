//! The bound on drawings: a public page the page cache does not have is
//! drawn by at most `--render-concurrency` requests at once; a few more
//! (`--render-queue`) wait their turn, for a second at most, and the rest
//! are refused at once. The page cache marks the requests that draw
//! ([`Drawing`]); `middleware::render_bound` holds them to their turn.

use std::{
    sync::atomic::{AtomicUsize, Ordering},
    time::Duration,
};

use tokio::sync::{Semaphore, SemaphorePermit};

use super::settings::RenderLimits;

/// How long a request waits in the queue for its turn to draw.
pub const QUEUE_WAIT: Duration = Duration::from_secs(1);

/// Marks a request whose page is drawn afresh (set by the page cache).
#[derive(Clone, Copy, Debug)]
pub struct Drawing;

/// The permits to draw, and the queue for them.
pub struct RenderBound {
    permits: Semaphore,
    waiting: AtomicUsize,
    pub limits: RenderLimits,
}

/// Leaves the queue when dropped, also when the client goes away.
struct InQueue<'a>(&'a AtomicUsize);

impl Drop for InQueue<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl RenderBound {
    pub fn new(limits: RenderLimits) -> RenderBound {
        RenderBound { permits: Semaphore::new(limits.concurrency.max(1)), waiting: AtomicUsize::new(0), limits }
    }

    /// A turn to draw: at once, or after a wait in the queue; `None` when
    /// the queue is full or the wait was too long.
    pub async fn enter(&self) -> Option<SemaphorePermit<'_>> {
        if let Ok(permit) = self.permits.try_acquire() {
            return Some(permit);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.limits.queue {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        let _in_queue = InQueue(&self.waiting);
        match tokio::time::timeout(QUEUE_WAIT, self.permits.acquire()).await {
            Ok(Ok(permit)) => Some(permit),
            // Timed out (the semaphore is never closed).
            _ => None,
        }
    }

    /// Whether a request would be refused now: no turn free, and the queue
    /// full.
    pub fn full(&self) -> bool {
        self.permits.available_permits() == 0 && self.waiting.load(Ordering::Acquire) >= self.limits.queue
    }

    /// Requests waiting for a turn now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
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
        let first = bound.enter().await;
        assert!(first.is_some());
        assert!(bound.enter().await.is_none(), "no queue: refused at once");
        drop(first);
        assert!(bound.enter().await.is_some(), "the turn is given back");
    }

    #[tokio::test]
    async fn a_request_waits_its_turn_in_the_queue_for_a_while() {
        let bound = bound(1, 1);
        let first = bound.enter().await;
        assert!(first.is_some());
        // The queue's one place taken, another is refused at once.
        let (waited, refused) = tokio::join!(bound.enter(), async {
            tokio::task::yield_now().await;
            assert_eq!(bound.waiting(), 1);
            bound.enter().await.is_none()
        });
        assert!(refused);
        assert!(waited.is_none(), "the first drawing outlasted the wait");
        assert_eq!(bound.waiting(), 0);
        let (waited, ()) = tokio::join!(bound.enter(), async {
            tokio::task::yield_now().await;
            drop(first);
        });
        assert!(waited.is_some(), "the turn given back while it waits");
    }
}
