//! Newsletter subscribers, the mail outbox, and the site's own secrets.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{BeginWrite, Store, StoreError, attempts::Attempt, instant};
use crate::{domain::EmailAddress, text::i18n::Lang};

/// A sign-up, ready to store: the address, its language, the consent, and
/// the hashes of the tokens its confirmation mail carries.
pub struct Subscription<'a> {
    pub email: &'a EmailAddress,
    pub lang: Lang,
    pub consent_version: &'a str,
    pub confirm_token_hash: &'a str,
    pub unsubscribe_token_hash: &'a str,
    /// The confirmation mail, rendered, to queue in the same transaction.
    pub message: &'a [u8],
}

/// What a sign-up did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubscriptionOutcome {
    /// A new or renewed pending subscription; its mail is queued.
    Queued,
    /// Nothing to do: the address is confirmed already, or a mail went to
    /// it less than an hour ago. The visitor is told as for `Queued`.
    NothingToSend,
    /// The client has used up its quota of sign-ups: only the attempt is
    /// counted.
    TooManyAttempts,
}

/// A subscriber, for staff.
#[derive(Clone, Debug, FromRow)]
pub struct Subscriber {
    pub email: String,
    pub lang: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub confirmed_at: Option<OffsetDateTime>,
    pub consent_version: String,
}

/// An outbox mail taken by a worker for sending.
#[derive(Clone, Debug, FromRow)]
pub struct Claimed {
    pub id: i64,
    pub recipient: String,
    /// The mail as rendered when queued; none for an issue of the
    /// newsletter, rendered when sent.
    pub message: Option<Vec<u8>>,
    pub attempts: i32,
    /// The newsletter issue the mail is, with its recipient and their language.
    pub issue_id: Option<i64>,
    pub subscriber_id: Option<i64>,
    pub lang: Option<String>,
}

/// The mails in the outbox that are not sent yet (waiting, or being sent),
/// and those given up on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: i64,
    pub failed: i64,
}

/// How long a confirmation link stays valid.
pub const CONFIRMATION_LIFETIME: Duration = Duration::days(7);
/// At most one mail to an address in this time.
pub const MAIL_INTERVAL: Duration = Duration::hours(1);

/// A subscriber by address, as a sign-up or a leave request finds it.
const FIND_BY_EMAIL: &str = "SELECT id, status, last_mail_at FROM subscribers WHERE email = $1";
/// Queues a mail to a subscriber: `$1` subscriber, `$2` recipient, `$3` message, `$4` now.
const QUEUE_MAIL: &str = "INSERT INTO mail_outbox (subscriber_id, recipient, message, status, next_attempt_at, created_at) \
    VALUES ($1, $2, $3, 'pending', $4, $4)";

#[derive(FromRow)]
struct Existing {
    id: i64,
    status: String,
    last_mail_at: Option<OffsetDateTime>,
}

impl Store {
    /// Counts the client's `attempt` and, within its quota, records the
    /// sign-up and queues its confirmation mail: one transaction, so one
    /// commit per sign-up.
    pub async fn subscribe(
        &self,
        s: &Subscription<'_>,
        attempt: Attempt<'_>,
        now: OffsetDateTime,
    ) -> Result<SubscriptionOutcome, StoreError> {
        // A pending subscription is renewed (new tokens, new consent, same
        // creation time) unless a mail went to it within `MAIL_INTERVAL`;
        // a confirmed one is left as it is. Either way no row comes back.
        const UPSERT: &str = "INSERT INTO subscribers (email, lang, status, confirm_token_hash, confirm_expires_at, \
            unsubscribe_token_hash, consent_at, consent_version, created_at, last_mail_at) \
            VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $6, $6) \
            ON CONFLICT (email) DO UPDATE SET lang = excluded.lang, \
            confirm_token_hash = excluded.confirm_token_hash, confirm_expires_at = excluded.confirm_expires_at, \
            unsubscribe_token_hash = excluded.unsubscribe_token_hash, consent_at = excluded.consent_at, consent_version = excluded.consent_version, \
            last_mail_at = excluded.last_mail_at \
            WHERE subscribers.status <> 'confirmed' AND (subscribers.last_mail_at IS NULL OR subscribers.last_mail_at <= $8) \
            RETURNING id";
        let now = instant(now);
        let expires = now + CONFIRMATION_LIFETIME;
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let counts = attempt.count(now).fetch_one(&mut *tx).await?;
            if !attempt.allowed(now, counts) {
                tx.commit().await?;
                return Ok(SubscriptionOutcome::TooManyAttempts);
            }
            let renewed: Option<(i64,)> = sqlx::query_as(UPSERT)
                .bind(s.email.as_str())
                .bind(s.lang.code())
                .bind(s.confirm_token_hash)
                .bind(expires)
                .bind(s.unsubscribe_token_hash)
                .bind(now)
                .bind(s.consent_version)
                .bind(now - MAIL_INTERVAL)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((id,)) = renewed else {
                tx.commit().await?;
                return Ok(SubscriptionOutcome::NothingToSend);
            };
            sqlx::query(QUEUE_MAIL).bind(id).bind(s.email.as_str()).bind(s.message).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(SubscriptionOutcome::Queued)
    }

    /// Confirms the subscription a token belongs to. Confirming twice is
    /// harmless; an expired or unknown token confirms nothing (`false`).
    pub async fn confirm(&self, token_hash: &str, now: OffsetDateTime) -> Result<bool, StoreError> {
        const CONFIRM: &str = "UPDATE subscribers SET status = 'confirmed', confirmed_at = COALESCE(confirmed_at, $1) \
            WHERE confirm_token_hash = $2 AND (status = 'confirmed' OR confirm_expires_at > $1)";
        let now = instant(now);
        let done = on_pool!(self, pool => sqlx::query(CONFIRM).bind(now).bind(token_hash).execute(pool).await?.rows_affected());
        Ok(done == 1)
    }

    /// Whether a confirmation token is one we could confirm.
    pub async fn confirmation_known(&self, token_hash: &str, now: OffsetDateTime) -> Result<bool, StoreError> {
        const FIND: &str = "SELECT count(*) FROM subscribers WHERE confirm_token_hash = $1 \
            AND (status = 'confirmed' OR confirm_expires_at > $2)";
        let (n,): (i64,) =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(token_hash).bind(instant(now)).fetch_one(pool).await)?;
        Ok(n > 0)
    }

    /// Whether an unsubscribe token belongs to a subscriber.
    pub async fn unsubscribe_known(&self, token_hash: &str) -> Result<bool, StoreError> {
        const FIND: &str = "SELECT count(*) FROM subscribers WHERE unsubscribe_token_hash = $1";
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(FIND).bind(token_hash).fetch_one(pool).await)?;
        Ok(n > 0)
    }

    /// Erases the subscriber an unsubscribe token belongs to, with its mails.
    pub async fn unsubscribe(&self, token_hash: &str) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM subscribers WHERE unsubscribe_token_hash = $1";
        let done = on_pool!(self, pool => sqlx::query(DELETE).bind(token_hash).execute(pool).await?.rows_affected());
        Ok(done > 0)
    }

    /// Queues a mail with a new unsubscribe link for a confirmed subscriber,
    /// at most one an hour; the old link stops working. `false` when there
    /// is no such subscriber or a mail went out too recently.
    pub async fn queue_unsubscribe_link(
        &self,
        email: &EmailAddress,
        unsubscribe_token_hash: &str,
        message: &[u8],
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const RENEW: &str = "UPDATE subscribers SET unsubscribe_token_hash = $1, last_mail_at = $2 WHERE id = $3";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let existing: Option<Existing> = sqlx::query_as(FIND_BY_EMAIL).bind(email.as_str()).fetch_optional(&mut *tx).await?;
            let Some(e) = existing.filter(|e| e.status == "confirmed") else { return Ok(false) };
            if e.last_mail_at.is_some_and(|at| now - at < MAIL_INTERVAL) {
                return Ok(false);
            }
            sqlx::query(RENEW).bind(unsubscribe_token_hash).bind(now).bind(e.id).execute(&mut *tx).await?;
            sqlx::query(QUEUE_MAIL).bind(e.id).bind(email.as_str()).bind(message).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Subscribers for staff: the confirmed ones, or all with `all`.
    pub async fn subscribers(&self, all: bool) -> Result<Vec<Subscriber>, StoreError> {
        const CONFIRMED: &str = "SELECT email, lang, status, created_at, confirmed_at, consent_version FROM subscribers \
            WHERE status = 'confirmed' ORDER BY email";
        const ALL: &str =
            "SELECT email, lang, status, created_at, confirmed_at, consent_version FROM subscribers ORDER BY email";
        let sql = if all { ALL } else { CONFIRMED };
        Ok(on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await)?)
    }

    /// Takes the next mails due for sending, `limit` at most, in the order
    /// they were queued, the site's own (a confirmation, an invitation)
    /// before the newsletter's, so that a sending does not hold them. A
    /// mail taken by a worker that died is taken again once `lease` has
    /// passed. The mails of a paused newsletter issue wait.
    pub async fn claim_mails(
        &self,
        now: OffsetDateTime,
        lease: Duration,
        limit: u16,
    ) -> Result<Vec<Claimed>, StoreError> {
        // Several instances' workers claim at once: on PostgreSQL each skips
        // the mails another is claiming; SQLite has one writer at a time.
        // Either way the second condition keeps a mail from being taken twice.
        const CLAIM_POSTGRES: &str = "UPDATE mail_outbox SET status = 'sending', claimed_at = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') \
             AND ((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_at < $2)) \
             AND (issue_id IS NULL OR issue_id NOT IN (SELECT id FROM newsletter_issues WHERE status = 'paused')) \
             ORDER BY issue_id IS NOT NULL, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
             AND (status = 'pending' OR claimed_at < $2) RETURNING id, recipient, message, attempts, issue_id, subscriber_id, lang";
        const CLAIM_SQLITE: &str = "UPDATE mail_outbox SET status = 'sending', claimed_at = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') \
             AND ((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_at < $2)) \
             AND (issue_id IS NULL OR issue_id NOT IN (SELECT id FROM newsletter_issues WHERE status = 'paused')) \
             ORDER BY issue_id IS NOT NULL, id LIMIT $3) \
             AND (status = 'pending' OR claimed_at < $2) RETURNING id, recipient, message, attempts, issue_id, subscriber_id, lang";
        let now = instant(now);
        let sql = match self {
            Store::Postgres(_) => CLAIM_POSTGRES,
            Store::Sqlite(_) => CLAIM_SQLITE,
        };
        let limit = i64::from(limit);
        let mut claimed: Vec<Claimed> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(now).bind(now - lease).bind(limit).fetch_all(pool).await)?;
        claimed.sort_by_key(|mail| (mail.issue_id.is_some(), mail.id));
        Ok(claimed)
    }

    /// Marks mails sent and forgets their content (it held tokens): one
    /// statement for all of them.
    pub async fn mails_sent(&self, ids: &[i64], now: OffsetDateTime) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let now = instant(now);
        on_pool!(self, pool => {
            let mut sent = sqlx::QueryBuilder::new(
                "UPDATE mail_outbox SET status = 'sent', message = NULL, last_error = NULL, sent_at = ",
            );
            sent.push_bind(now).push(" WHERE id IN (");
            let mut list = sent.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            sent.push(")").build().execute(pool).await?;
        });
        Ok(())
    }

    /// Gives back mails claimed but not tried (the worker was stopped
    /// first): due again at once, for this or another instance, as if never
    /// claimed, rather than after the lease.
    pub async fn release_mails(&self, ids: &[i64]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        on_pool!(self, pool => {
            let mut release = sqlx::QueryBuilder::new(
                "UPDATE mail_outbox SET status = 'pending', claimed_at = NULL, attempts = attempts - 1 \
                 WHERE status = 'sending' AND id IN (",
            );
            let mut list = release.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            release.push(")").build().execute(pool).await?;
        });
        Ok(())
    }

    /// Puts a mail back for a later try, or gives up on it (`retry_at` None).
    pub async fn mail_failed(&self, id: i64, error: &str, retry_at: Option<OffsetDateTime>) -> Result<(), StoreError> {
        const RETRY: &str =
            "UPDATE mail_outbox SET status = 'pending', next_attempt_at = $1, last_error = $2 WHERE id = $3";
        const GIVE_UP: &str = "UPDATE mail_outbox SET status = 'failed', message = NULL, last_error = $1 WHERE id = $2";
        let error: String = error.chars().take(500).collect();
        match retry_at {
            Some(at) => {
                on_pool!(self, pool => sqlx::query(RETRY).bind(instant(at)).bind(&error).bind(id).execute(pool).await.map(|_| ()))?
            }
            None => on_pool!(self, pool => sqlx::query(GIVE_UP).bind(&error).bind(id).execute(pool).await.map(|_| ()))?,
        };
        Ok(())
    }

    /// How many mails the outbox holds not sent yet, and given up on.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        const COUNT: &str = "SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')), \
            count(*) FILTER (WHERE status = 'failed') FROM mail_outbox";
        let (pending, failed): (i64, i64) = on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(OutboxCounts { pending, failed })
    }

    /// Erases pending subscriptions whose link has expired, with their mails.
    pub async fn purge_expired(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        const PURGE: &str = "DELETE FROM subscribers WHERE status = 'pending' AND confirm_expires_at <= $1";
        Ok(on_pool!(self, pool => sqlx::query(PURGE).bind(instant(now)).execute(pool).await?.rows_affected()))
    }

    /// A secret of the site's: `fresh` on first use, then kept for good.
    pub async fn secret(&self, name: &str, fresh: &str) -> Result<String, StoreError> {
        const GET: &str = "SELECT value FROM site_secrets WHERE name = $1";
        const PUT: &str = "INSERT INTO site_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";
        // A key too short to be one (an empty key stored by an earlier
        // version whose randomness failed) is replaced.
        const MEND: &str = "UPDATE site_secrets SET value = $2 WHERE name = $1 AND length(value) < 32";
        let value: (String,) = on_pool!(self, pool => {
            sqlx::query(PUT).bind(name).bind(fresh).execute(pool).await?;
            sqlx::query(MEND).bind(name).bind(fresh).execute(pool).await?;
            sqlx::query_as(GET).bind(name).fetch_one(pool).await?
        });
        Ok(value.0)
    }
}
