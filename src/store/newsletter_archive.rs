//! The newsletter's issues as the public reads them, and what their sending
//! leaves behind.
//!
//! The archive holds every issue whose sending has begun (sending, paused
//! or sent): its mails link to its page as soon as they leave. The sample
//! data holds one such issue, marked `sample`, sent to nobody. An issue's
//! recipients' rows in the outbox (address, language, sent or failed) are
//! erased [`ISSUE_RECIPIENTS_KEPT_FOR`] after its sending ended; the issue
//! keeps its final counts (`finish_if_done`), which the back office shows.

use time::{Duration, OffsetDateTime};

use super::{
    BeginWrite, Store, StoreError, instant,
    newsletter_issues::{IssueRow, select_issue},
};
use crate::{domain::newsletter_issue::IssueTexts, store::NewsletterIssue, text::i18n::Lang};

/// How long an issue's recipients' rows are kept after its sending ended.
pub const ISSUE_RECIPIENTS_KEPT_FOR: Duration = Duration::days(90);

/// The issues the archive shows: `started!()`.
macro_rules! started {
    () => {
        "status IN ('sending', 'paused', 'sent')"
    };
}

/// An issue's mails sent and given up on, per language: (sent, failed).
type FinalCounts = ((i64, i64), (i64, i64));

impl Store {
    /// How many issues the archive holds.
    pub async fn archived_issue_count(&self) -> Result<i64, StoreError> {
        const COUNT: &str = concat!("SELECT count(*) FROM newsletter_issues WHERE ", started!());
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(n)
    }

    /// A page of the archive: the issues whose sending has begun, the
    /// latest started first.
    pub async fn archived_issues(&self, limit: i64, offset: i64) -> Result<Vec<NewsletterIssue>, StoreError> {
        const PAGE: &str = select_issue!("WHERE ", started!(), " ORDER BY started_at DESC, id DESC LIMIT $1 OFFSET $2");
        let rows: Vec<IssueRow> = on_pool!(self, pool => sqlx::query_as(PAGE)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(NewsletterIssue::try_from).collect()
    }

    /// One issue of the archive; none when it is not there (no such issue,
    /// or one not started).
    pub async fn archived_issue(&self, id: i64) -> Result<Option<NewsletterIssue>, StoreError> {
        const ONE: &str = select_issue!("WHERE id = $1 AND ", started!());
        let row: Option<IssueRow> = on_pool!(self, pool => sqlx::query_as(ONE)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        row.map(NewsletterIssue::try_from).transpose()
    }

    /// The ids of the archive's issues, for the sitemap.
    pub async fn archived_issue_ids(&self) -> Result<Vec<i64>, StoreError> {
        const IDS: &str = concat!("SELECT id FROM newsletter_issues WHERE ", started!(), " ORDER BY id");
        let rows: Vec<(i64,)> = on_pool!(self, pool => sqlx::query_as(IDS).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// An issue's final counts, kept when its sending ended; none before.
    pub(super) async fn final_counts(&self, id: i64) -> Result<Option<FinalCounts>, StoreError> {
        const COUNTS: &str = "SELECT sent_fr, failed_fr, sent_en, failed_en FROM newsletter_issues WHERE id = $1";
        type Row = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);
        let row: Option<Row> = on_pool!(self, pool => sqlx::query_as(COUNTS).bind(id).fetch_optional(pool).await)?;
        Ok(match row {
            Some((Some(sent_fr), Some(failed_fr), Some(sent_en), Some(failed_en))) => {
                Some(((sent_fr, failed_fr), (sent_en, failed_en)))
            }
            _ => None,
        })
    }

    /// Erases the recipients' rows of the issues whose sending ended
    /// [`ISSUE_RECIPIENTS_KEPT_FOR`] ago or more (the worker does it in its
    /// housekeeping); how many went.
    pub async fn purge_issue_recipients(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        const PURGE: &str = "DELETE FROM mail_outbox WHERE issue_id IN \
            (SELECT id FROM newsletter_issues WHERE status = 'sent' AND finished_at <= $1)";
        let before = instant(now) - ISSUE_RECIPIENTS_KEPT_FOR;
        Ok(on_pool!(self, pool => sqlx::query(PURGE).bind(before).execute(pool).await?.rows_affected()))
    }

    /// Adds the sample data's issue, sent at `now` to nobody, unless the
    /// sample holds one already; whether it did.
    pub async fn add_sample_issue(&self, texts: &IssueTexts, now: OffsetDateTime) -> Result<bool, StoreError> {
        const FOUND: &str = "SELECT count(*) FROM newsletter_issues WHERE sample";
        const INSERT: &str = "INSERT INTO newsletter_issues (subject_fr, subject_en, body_fr, body_en, status, \
            created_at, updated_at, started_at, finished_at, recipients_fr, recipients_en, \
            sent_fr, sent_en, failed_fr, failed_en, sample) \
            VALUES ($1, $2, $3, $4, 'sent', $5, $5, $5, $5, 0, 0, 0, 0, 0, 0, TRUE)";
        let now = instant(now);
        let ((subject_fr, body_fr), (subject_en, body_en)) = (texts.columns(Lang::Fr), texts.columns(Lang::En));
        let added = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (found,): (i64,) = sqlx::query_as(FOUND).fetch_one(&mut *tx).await?;
            if found == 0 {
                sqlx::query(INSERT)
                    .bind(subject_fr)
                    .bind(subject_en)
                    .bind(body_fr)
                    .bind(body_en)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            found == 0
        });
        Ok(added)
    }
}
