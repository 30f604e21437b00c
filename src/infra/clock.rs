//! The clock: the system's in production, one that tests set and move, so
//! that nothing depends on the day the tests run.

use std::sync::{Arc, Mutex, PoisonError};

use time::{Duration, OffsetDateTime};

/// What time it is, cheap to clone; every clone of a set clock moves with it.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system's time.
    set: Option<Arc<Mutex<OffsetDateTime>>>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock { set: None }
    }

    /// A clock that shows `at` until it is moved.
    pub fn set_at(at: OffsetDateTime) -> Clock {
        Clock { set: Some(Arc::new(Mutex::new(at))) }
    }

    /// Now, in UTC.
    pub fn now(&self) -> OffsetDateTime {
        match &self.set {
            Some(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
            None => OffsetDateTime::now_utc(),
        }
    }

    /// Moves a set clock (a test's); the system's clock cannot be moved.
    pub fn advance(&self, by: Duration) {
        if let Some(at) = &self.set {
            let mut at = at.lock().unwrap_or_else(PoisonError::into_inner);
            *at += by;
        }
    }

    /// Sets a set clock (a test's) to `to`.
    pub fn set(&self, to: OffsetDateTime) {
        if let Some(at) = &self.set {
            *at.lock().unwrap_or_else(PoisonError::into_inner) = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_set_clock_moves_only_when_told_and_its_clones_follow() {
        let clock = Clock::set_at(datetime!(2030-01-01 12:00:00.5 UTC));
        let clone = clock.clone();
        assert_eq!(clock.now(), datetime!(2030-01-01 12:00:00.5 UTC));
        clock.advance(Duration::minutes(31));
        assert_eq!(clone.now(), datetime!(2030-01-01 12:31:00.5 UTC));
        clone.set(datetime!(2031-06-01 00:00 UTC));
        assert_eq!(clock.now(), datetime!(2031-06-01 00:00 UTC));
    }

    #[test]
    fn the_system_clock_runs() {
        let clock = Clock::system();
        let before = OffsetDateTime::now_utc();
        clock.advance(Duration::days(365));
        let now = clock.now();
        assert!(now >= before && now - before < Duration::minutes(1));
    }
}
