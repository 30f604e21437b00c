//! Back-office sessions, in the database so that every instance of the
//! site knows them. A session is found by the SHA-256 hash of the id its
//! cookie carries; the id itself is never stored.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};
use crate::{
    domain::{EmailAddress, Role, text::without_bidi_controls},
    text::i18n::Lang,
};

/// How long a session lasts: since its last request, and in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: Duration,
    pub max: Duration,
}

/// A session's last request is written down at most this often, so that
/// a page's requests do not each write to the database.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The person a live session belongs to.
#[derive(Clone, Debug)]
pub struct SessionAccount {
    pub account_id: i64,
    pub email: EmailAddress,
    pub role: Role,
    pub lang: Option<Lang>,
}

#[derive(FromRow)]
struct Row {
    account_id: i64,
    email: String,
    role: String,
    lang: Option<String>,
    created_at: OffsetDateTime,
    last_seen_at: OffsetDateTime,
}

impl Store {
    /// The account of a live session: one that exists, has been used within
    /// the idle time and is younger than the longest a session lasts, of
    /// an account that is not disabled. The request is written down as the
    /// session's last use (at most once a minute). A session found expired
    /// is deleted.
    pub async fn session(
        &self,
        id_hash: &str,
        limits: SessionLimits,
        now: OffsetDateTime,
    ) -> Result<Option<SessionAccount>, StoreError> {
        const FIND: &str = "SELECT s.account_id, a.email, a.role, a.lang, s.created_at, s.last_seen_at \
            FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = $1 AND a.disabled_at IS NULL";
        const TOUCH: &str = "UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2";
        const END: &str = "DELETE FROM sessions WHERE id_hash = $1";
        let now = instant(now);
        let row: Option<Row> = on_pool!(self, pool => sqlx::query_as(FIND).bind(id_hash).fetch_optional(pool).await)?;
        let Some(row) = row else { return Ok(None) };
        if now - row.last_seen_at > limits.idle || now - row.created_at > limits.max {
            on_pool!(self, pool => sqlx::query(END).bind(id_hash).execute(pool).await.map(drop))?;
            return Ok(None);
        }
        if now - row.last_seen_at >= TOUCH_EVERY {
            on_pool!(self, pool => sqlx::query(TOUCH).bind(now).bind(id_hash).execute(pool).await.map(drop))?;
        }
        let corrupt =
            |what: &str, value: &str| StoreError::Corrupt(format!("account {}: {what} {value:?}", row.account_id));
        Ok(Some(SessionAccount {
            account_id: row.account_id,
            email: EmailAddress::parse(&without_bidi_controls(&row.email)).map_err(|_| corrupt("email", &row.email))?,
            role: Role::parse(&row.role).ok_or_else(|| corrupt("role", &row.role))?,
            lang: match &row.lang {
                Some(code) => Some(Lang::parse(code).ok_or_else(|| corrupt("lang", code))?),
                None => None,
            },
        }))
    }

    /// Ends a session (signing out): `false` when it had ended already.
    pub async fn end_session(&self, id_hash: &str, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const END: &str = "DELETE FROM sessions WHERE id_hash = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(END).bind(id_hash).execute(&mut *tx).await?.rows_affected() > 0;
            if done {
                audit::record(&mut *tx, now, actor.email(), AuditKind::SignedOut, &AuditDetails::new(), "").await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Deletes the sessions that have expired, whoever they belong to.
    pub async fn purge_sessions(&self, limits: SessionLimits, now: OffsetDateTime) -> Result<u64, StoreError> {
        const PURGE: &str = "DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2";
        let now = instant(now);
        Ok(on_pool!(self, pool => sqlx::query(PURGE)
            .bind(now - limits.idle)
            .bind(now - limits.max)
            .execute(pool)
            .await?
            .rows_affected()))
    }
}
