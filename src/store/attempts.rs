//! Attempts at rate-limited actions, counted in the database so that every
//! instance of the site shares one limit per client.
//!
//! Counts are kept per window (a minute, say) and judged as a sliding
//! window: the attempts of this window, plus those of the previous one
//! weighted by how much of it the sliding window still covers. A client
//! then cannot double its quota by straddling two windows.

use time::{Duration, OffsetDateTime};

use super::{Store, StoreError};

/// Windows older than this are deleted (by the mail worker's periodic
/// housekeeping, `forget_old_attempts`).
const KEPT_FOR: Duration = Duration::days(1);

/// A limit: so many attempts per window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub attempts: u32,
    pub window: Duration,
}

const COUNT: &str = "INSERT INTO attempts (scope, client, window_start, count) VALUES ($1, $2, $3, 1) \
     ON CONFLICT (scope, client, window_start) DO UPDATE SET count = attempts.count + 1 RETURNING count";
const PREVIOUS: &str = "SELECT count FROM attempts WHERE scope = $1 AND client = $2 AND window_start = $3";
const FORGET: &str = "DELETE FROM attempts WHERE window_start < $1";

impl Store {
    /// Counts one attempt of `scope` (`"newsletter"`, `"sign-in"`) by
    /// `client` (an address, or an account) and says whether it is within
    /// the quota. Attempts past the quota are counted too, so a client
    /// that keeps trying stays refused.
    pub async fn allow_attempt(
        &self,
        scope: &str,
        client: &str,
        quota: Quota,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let window = quota.window.whole_seconds().max(1);
        let now = now.unix_timestamp();
        let start = now.div_euclid(window) * window;
        let (current, previous) = on_pool!(self, pool => {
            let (current,): (i32,) =
                sqlx::query_as(COUNT).bind(scope).bind(client).bind(start).fetch_one(pool).await?;
            let previous: Option<(i32,)> =
                sqlx::query_as(PREVIOUS).bind(scope).bind(client).bind(start - window).fetch_optional(pool).await?;
            (current, previous.map_or(0, |(n,)| n))
        });
        // The share of the previous window the sliding window still covers.
        let weight = 1.0 - (now - start) as f64 / window as f64;
        let seen = f64::from(current) + f64::from(previous) * weight;
        Ok(seen <= f64::from(quota.attempts))
    }

    /// Forgets the windows that ended long ago (`KEPT_FOR`). Done from time
    /// to time rather than with each attempt: a write less for each of
    /// them.
    pub async fn forget_old_attempts(&self, now: OffsetDateTime) -> Result<(), StoreError> {
        let before = now.unix_timestamp() - KEPT_FOR.whole_seconds();
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
        let attempt = || store.allow_attempt("test", "client", quota, at);
        assert!(attempt().await.unwrap());
        assert!(!attempt().await.unwrap(), "past the quota");
        store.forget_old_attempts(at + Duration::hours(1)).await.unwrap();
        assert!(!attempt().await.unwrap(), "a window an hour old is kept");
        store.forget_old_attempts(at + KEPT_FOR + Duration::minutes(2)).await.unwrap();
        assert!(attempt().await.unwrap(), "a window older than a day is forgotten");
        store.close().await;
    }
}
