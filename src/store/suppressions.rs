//! Addresses that get no more mail: refused for good by their mail server,
//! a complaint, or three soft bounces within 30 days. A suppressed address
//! keeps only what keeps it suppressed (its address, why, since when): its
//! soft bounces are forgotten and its mails not sent yet are deleted.
//! Erasing a subscriber leaves the suppression, so that an address that
//! bounced or complained is not written to again if it signs up anew.

use time::{Duration, OffsetDateTime};

use super::{BeginWrite, Store, StoreError, instant};
use crate::domain::EmailAddress;

/// Why an address is suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuppressionReason {
    /// Refused for good (a 5xx at `RCPT TO`, or a hard bounce).
    Bounced,
    /// The recipient complained (an abuse report).
    Complained,
    /// Too many soft bounces in a short time.
    SoftBounces,
}

impl SuppressionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionReason::Bounced => "bounced",
            SuppressionReason::Complained => "complained",
            SuppressionReason::SoftBounces => "soft_bounces",
        }
    }
}

/// Soft bounces counted within this time…
pub const SOFT_BOUNCE_WINDOW: Duration = Duration::days(30);
/// …this many suppress the address.
pub const SOFT_BOUNCES_TO_SUPPRESS: i64 = 3;

/// Suppressed addresses, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuppressionCounts {
    pub bounced: i64,
    pub complained: i64,
    pub soft_bounces: i64,
}

/// The reports that `newsletter bounces` has read are remembered, as a
/// hash, this long: a mailbox read again within it counts nothing twice.
pub const BOUNCE_MESSAGES_KEPT_FOR: Duration = Duration::days(90);

/// What a bounce or a complaint report says of an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// Refused for good: suppressed at once.
    HardBounce,
    /// Refused for now: counted, and suppressed at the third within 30 days.
    SoftBounce,
    /// The recipient complained: suppressed at once.
    Complaint,
}

/// What the store did with one address of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackOutcome {
    /// Suppressed now.
    Suppressed,
    /// Suppressed already.
    AlreadySuppressed,
    /// A soft bounce counted: this many within 30 days.
    Counted(i64),
    /// A soft bounce from before the last 30 days: it can count for nothing.
    TooOld,
}

/// Suppresses an address within a transaction `$tx` (either backend's):
/// the suppression, its soft bounces forgotten, its mails not taken yet
/// deleted. `true` when newly suppressed.
macro_rules! suppress_in {
    ($tx:expr, $email:expr, $reason:expr, $now:expr) => {{
        const SUPPRESS: &str =
            "INSERT INTO address_suppressions (email, reason, at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING";
        const FORGET: &str = "DELETE FROM soft_bounces WHERE email = $1";
        const DROP_MAILS: &str = "DELETE FROM mail_outbox WHERE recipient = $1 AND status = 'pending'";
        let done = sqlx::query(SUPPRESS).bind($email).bind($reason.as_str()).bind($now).execute(&mut *$tx).await?;
        sqlx::query(FORGET).bind($email).execute(&mut *$tx).await?;
        sqlx::query(DROP_MAILS).bind($email).execute(&mut *$tx).await?;
        done.rows_affected() == 1
    }};
}

/// Counts a soft bounce of an address at `$at` within a transaction `$tx`
/// (either backend's): a `FeedbackOutcome`, the address suppressed at the
/// third within 30 days.
macro_rules! soft_bounce_in {
    ($tx:expr, $email:expr, $at:expr) => {{
        const FORGET_OLD: &str = "DELETE FROM soft_bounces WHERE email = $1 AND at <= $2";
        const ADD: &str = "INSERT INTO soft_bounces (email, at) VALUES ($1, $2)";
        const COUNT: &str = "SELECT count(*) FROM soft_bounces WHERE email = $1";
        const SUPPRESSED: &str = "SELECT count(*) FROM address_suppressions WHERE email = $1";
        let (already,): (i64,) = sqlx::query_as(SUPPRESSED).bind($email).fetch_one(&mut *$tx).await?;
        if already > 0 {
            FeedbackOutcome::AlreadySuppressed
        } else {
            sqlx::query(FORGET_OLD).bind($email).bind($at - SOFT_BOUNCE_WINDOW).execute(&mut *$tx).await?;
            sqlx::query(ADD).bind($email).bind($at).execute(&mut *$tx).await?;
            let (n,): (i64,) = sqlx::query_as(COUNT).bind($email).fetch_one(&mut *$tx).await?;
            if n >= SOFT_BOUNCES_TO_SUPPRESS && suppress_in!($tx, $email, SuppressionReason::SoftBounces, $at) {
                FeedbackOutcome::Suppressed
            } else {
                FeedbackOutcome::Counted(n)
            }
        }
    }};
}

impl Store {
    /// Suppresses an address (kept as first suppressed, if it is already)
    /// and deletes its mails not sent yet. `true` when newly suppressed.
    pub async fn suppress(
        &self,
        email: &EmailAddress,
        reason: SuppressionReason,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = suppress_in!(tx, email.as_str(), reason, now);
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Counts a soft bounce of an address, at `at`; the third within 30
    /// days suppresses it. `true` when this one did.
    pub async fn soft_bounce(&self, email: &EmailAddress, at: OffsetDateTime) -> Result<bool, StoreError> {
        let at = instant(at);
        let outcome = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let outcome = soft_bounce_in!(tx, email.as_str(), at);
            tx.commit().await?;
            outcome
        });
        Ok(outcome == FeedbackOutcome::Suppressed)
    }

    /// Applies what a bounce or complaint report says, `(address, what,
    /// when)` for each address it names, in one transaction with the
    /// report's `hash`: `None` when a report of that hash was read before
    /// (and nothing is done again), else what was done, address by address.
    /// The hashes older than `BOUNCE_MESSAGES_KEPT_FOR` are forgotten.
    pub async fn read_report(
        &self,
        hash: &str,
        notices: &[(EmailAddress, Feedback, OffsetDateTime)],
        now: OffsetDateTime,
    ) -> Result<Option<Vec<FeedbackOutcome>>, StoreError> {
        const FORGET_OLD: &str = "DELETE FROM bounce_messages WHERE at <= $1";
        const REMEMBER: &str = "INSERT INTO bounce_messages (hash, at) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING";
        let now = instant(now);
        let outcomes = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(FORGET_OLD).bind(now - BOUNCE_MESSAGES_KEPT_FOR).execute(&mut *tx).await?;
            let new = sqlx::query(REMEMBER).bind(hash).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
            if !new {
                return Ok(None);
            }
            let mut outcomes = Vec::with_capacity(notices.len());
            for (address, feedback, at) in notices {
                let (email, at) = (address.as_str(), instant(*at).min(now));
                let reason = match feedback {
                    Feedback::HardBounce => SuppressionReason::Bounced,
                    Feedback::Complaint => SuppressionReason::Complained,
                    Feedback::SoftBounce if at <= now - SOFT_BOUNCE_WINDOW => {
                        outcomes.push(FeedbackOutcome::TooOld);
                        continue;
                    }
                    Feedback::SoftBounce => {
                        outcomes.push(soft_bounce_in!(tx, email, at));
                        continue;
                    }
                };
                let done = suppress_in!(tx, email, reason, at);
                outcomes.push(if done { FeedbackOutcome::Suppressed } else { FeedbackOutcome::AlreadySuppressed });
            }
            tx.commit().await?;
            outcomes
        });
        Ok(Some(outcomes))
    }

    /// Forgets the soft bounces older than [`SOFT_BOUNCE_WINDOW`], which
    /// no longer count (the worker does it in its housekeeping); how many.
    pub async fn forget_old_soft_bounces(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        const FORGET: &str = "DELETE FROM soft_bounces WHERE at <= $1";
        let before = instant(now) - SOFT_BOUNCE_WINDOW;
        Ok(on_pool!(self, pool => sqlx::query(FORGET).bind(before).execute(pool).await?.rows_affected()))
    }

    /// Whether an address is suppressed.
    pub async fn is_suppressed(&self, email: &EmailAddress) -> Result<bool, StoreError> {
        const FIND: &str = "SELECT count(*) FROM address_suppressions WHERE email = $1";
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(FIND).bind(email.as_str()).fetch_one(pool).await)?;
        Ok(n > 0)
    }

    /// The suppressed addresses by reason, for the back office.
    pub async fn suppression_counts(&self) -> Result<SuppressionCounts, StoreError> {
        const COUNT: &str = "SELECT count(*) FILTER (WHERE reason = 'bounced'), \
            count(*) FILTER (WHERE reason = 'complained'), count(*) FILTER (WHERE reason = 'soft_bounces') \
            FROM address_suppressions";
        let (bounced, complained, soft_bounces): (i64, i64, i64) =
            on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(SuppressionCounts { bounced, complained, soft_bounces })
    }
}
