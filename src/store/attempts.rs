//! Attempts at rate-limited actions, counted in the database so that every
//! instance of the site shares one limit per client.
//!
//! Counts are kept per window (a minute, say) and judged as a sliding
//! window: the attempts of this window, plus those of the previous one
//! weighted by how much of it the sliding window still covers. A client
//! then cannot double its quota by straddling two windows.

use sqlx::{Database, Encode, FromRow, Type, query::QueryAs};
use time::{Duration, OffsetDateTime};

use super::{Store, StoreError};

/// Windows older than this are deleted (by the mail worker's periodic
/// housekeeping, `forget_old_attempts`). The privacy notice says so.
pub const ATTEMPTS_KEPT_FOR: Duration = Duration::days(1);

/// A limit: so many attempts per window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub attempts: u32,
    pub window: Duration,
}

/// One attempt of `scope` (`"newsletter"`, `"sign-in"`) by `client` (an
/// address, or an account), judged against `quota`.
#[derive(Clone, Copy, Debug)]
pub struct Attempt<'a> {
    pub scope: &'a str,
    pub client: &'a str,
    pub quota: Quota,
}

/// Counts an attempt in its window and reads the previous window's count,
/// in one statement: `$1` scope, `$2` client, `$3` the window's start, `$4`
/// the previous window's start.
const COUNT: &str = "INSERT INTO attempts (scope, client, window_start, count) VALUES ($1, $2, $3, 1) \
     ON CONFLICT (scope, client, window_start) DO UPDATE SET count = attempts.count + 1 \
     RETURNING count, (SELECT previous.count FROM attempts AS previous \
     WHERE previous.scope = $1 AND previous.client = $2 AND previous.window_start = $4)";
const FORGET: &str = "DELETE FROM attempts WHERE window_start < $1";

/// What [`COUNT`] returns: this window's attempts, and the previous
/// window's if it had any.
type Counts = (i32, Option<i32>);

impl<'a> Attempt<'a> {
    fn window(&self) -> i64 {
        self.quota.window.whole_seconds().max(1)
    }

    /// The statement that counts this attempt made at `now`, bound, for
    /// either backend and for the pool or a transaction that does more;
    /// what it returns goes to [`Attempt::allowed`].
    pub(super) fn count<'q, DB>(self, now: OffsetDateTime) -> QueryAs<'q, DB, Counts, <DB as Database>::Arguments>
    where
        'a: 'q,
        DB: Database,
        &'a str: Encode<'q, DB> + Type<DB>,
        i64: Encode<'q, DB> + Type<DB>,
        Counts: for<'r> FromRow<'r, DB::Row>,
    {
        let (start, previous) = self.windows(now);
        sqlx::query_as(COUNT).bind(self.scope).bind(self.client).bind(start).bind(previous)
    }

    /// The starts of the window `now` falls in and of the one before.
    fn windows(&self, now: OffsetDateTime) -> (i64, i64) {
        let window = self.window();
        let start = now.unix_timestamp().div_euclid(window) * window;
        (start, start - window)
    }

    /// Whether the attempt is within the quota, given what [`COUNT`]
    /// returned: this window's attempts, and the previous window's
    /// weighted by how much of it the sliding window still covers.
    pub(super) fn allowed(&self, now: OffsetDateTime, (current, previous): Counts) -> bool {
        let (start, _) = self.windows(now);
        let weight = 1.0 - (now.unix_timestamp() - start) as f64 / self.window() as f64;
        let seen = f64::from(current) + f64::from(previous.unwrap_or(0)) * weight;
        seen <= f64::from(self.quota.attempts)
    }
}

impl Store {
    /// Counts one attempt and says whether it is within its quota.
    /// Attempts past the quota are counted too, so a client that keeps
    /// trying stays refused.
    pub async fn allow_attempt(&self, attempt: Attempt<'_>, now: OffsetDateTime) -> Result<bool, StoreError> {
        let counts = on_pool!(self, pool => attempt.count(now).fetch_one(pool).await)?;
        Ok(attempt.allowed(now, counts))
    }

    /// Forgets the windows that ended long ago (`ATTEMPTS_KEPT_FOR`). Done from time
    /// to time rather than with each attempt: a write less for each of
    /// them.
    pub async fn forget_old_attempts(&self, now: OffsetDateTime) -> Result<(), StoreError> {
        let before = now.unix_timestamp() - ATTEMPTS_KEPT_FOR.whole_seconds();
        on_pool!(self, pool => sqlx::query(FORGET).bind(before).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// Forgets a client's attempts of `scope` (a sign-in that succeeded).
    pub async fn forget_attempts(&self, scope: &str, client: &str) -> Result<(), StoreError> {
        const FORGET_CLIENT: &str = "DELETE FROM attempts WHERE scope = $1 AND client = $2";
        on_pool!(self, pool => sqlx::query(FORGET_CLIENT).bind(scope).bind(client).execute(pool).await.map(drop))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Old windows are forgotten by the housekeeping, recent ones kept.
    #[tokio::test]
    async fn only_old_windows_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite://{}", dir.path().join("attempts.db").display())).await.unwrap();
        store.migrate().await.unwrap();
        let quota = Quota { attempts: 1, window: Duration::minutes(1) };
        let at = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let attempt = || store.allow_attempt(Attempt { scope: "test", client: "client", quota }, at);
        assert!(attempt().await.unwrap());
        assert!(!attempt().await.unwrap(), "past the quota");
        store.forget_old_attempts(at + Duration::hours(1)).await.unwrap();
        assert!(!attempt().await.unwrap(), "a window an hour old is kept");
        store.forget_old_attempts(at + ATTEMPTS_KEPT_FOR + Duration::minutes(2)).await.unwrap();
        assert!(attempt().await.unwrap(), "a window older than a day is forgotten");
        store.close().await;
    }
}
