//! What the back office does to a newsletter issue besides editing and
//! sending it: a test of it mailed to one address (a site mail of the
//! outbox, not an issue's row, within a quota per account), and a draft
//! deleted.

use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, attempts::Attempt, audit, instant};

/// What queuing a test came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestQueued {
    Queued,
    /// The account has sent its quota of tests: nothing queued.
    TooMany,
}

impl Store {
    /// Counts `attempt` and, within its quota, queues `message` to
    /// `recipient` as one of the site's own mails (sent before any
    /// issue's), in one transaction.
    pub async fn queue_issue_test(
        &self,
        recipient: &str,
        message: &[u8],
        attempt: Attempt<'_>,
        now: OffsetDateTime,
    ) -> Result<TestQueued, StoreError> {
        const QUEUE: &str = "INSERT INTO mail_outbox (recipient, message, status, next_attempt_at, created_at) \
            VALUES ($1, $2, 'pending', $3, $3)";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let counts = attempt.count(now).fetch_one(&mut *tx).await?;
            if !attempt.allowed(now, counts) {
                tx.commit().await?;
                return Ok(TestQueued::TooMany);
            }
            sqlx::query(QUEUE).bind(recipient).bind(message).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(TestQueued::Queued)
    }

    /// Deletes an issue that has not begun sending (a draft, or a
    /// scheduled one), with its audit entry; `false` when there is no such
    /// issue, or its sending has begun (it is kept, with what it sent).
    pub async fn delete_newsletter_issue(
        &self,
        id: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM newsletter_issues WHERE id = $1 AND status IN ('draft', 'scheduled') \
            RETURNING subject_fr, subject_en";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let deleted: Option<(String, String)> = sqlx::query_as(DELETE).bind(id).fetch_optional(&mut *tx).await?;
            if let Some((subject_fr, subject_en)) = &deleted {
                let subject = if subject_fr.is_empty() { subject_en } else { subject_fr };
                let details = AuditDetails::new().id(id).text("subject", subject);
                audit::record(&mut *tx, now, actor.email(), AuditKind::NewsletterIssueDeleted, &details, &format!("#{id} {subject}")).await?;
            }
            tx.commit().await?;
            deleted.is_some()
        });
        Ok(done)
    }
}
