//! An issue's sending, through the mail outbox: started, paused and
//! resumed, counted, and closed once no mail is left; and the recipients'
//! unsubscribe hashes the worker signs their links with.
//!
//! Starting the sending is one transaction: the issue turns `sending` and
//! one outbox row per recipient is made by a single `INSERT … SELECT`, for
//! the subscribers confirmed at that moment and not suppressed. The rows
//! carry no message: the worker renders each mail when it sends it. A
//! recipient has at most one row per issue (a unique index). Unsubscribing
//! erases the subscriber and so their rows not sent yet; a paused issue's
//! rows are not claimed (see `claim_mails`).

use std::collections::HashMap;

use time::OffsetDateTime;

use super::{
    Actor, AuditKind, BeginWrite, Store, StoreError, audit, instant,
    newsletter_issues::{BY_ID, IssueRow, IssueStatus, NewsletterIssue, describe, issue_details, recipients},
};

/// What starting an issue's sending came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartOutcome {
    /// Queued for this many recipients in French and in English.
    Started {
        fr: i64,
        en: i64,
    },
    NotFound,
    /// Changed since it was read: as it stands now.
    Conflict(Box<NewsletterIssue>),
    /// Sending, paused or sent already: a second start sends nothing.
    AlreadyStarted(IssueStatus),
}

/// An issue's sending in one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangProgress {
    /// The recipients counted at the start.
    pub queued: i64,
    pub sent: i64,
    /// Given up on after every retry.
    pub failed: i64,
    /// Still to send (waiting or being sent).
    pub left: i64,
}

/// An issue's sending, per language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IssueProgress {
    pub fr: LangProgress,
    pub en: LangProgress,
}

/// A change of status that staff make to an issue being sent.
#[derive(Clone, Copy)]
enum Flow {
    Pause,
    Resume,
}

impl Store {
    /// Starts sending an issue read at `version` (a draft, or a scheduled
    /// one), in one transaction: the issue turns `sending`, and one outbox
    /// row is made for each subscriber confirmed now and not suppressed,
    /// by one statement; the recipients per language are kept with the
    /// issue. A second start sends nothing.
    pub async fn start_sending(
        &self,
        id: i64,
        version: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<StartOutcome, StoreError> {
        const START: &str = "UPDATE newsletter_issues SET status = 'sending', scheduled_at = NULL, started_at = $1, \
            updated_at = $1, version = version + 1, recipients_fr = 0, recipients_en = 0 \
            WHERE id = $2 AND version = $3 AND status IN ('draft', 'scheduled')";
        const COUNT: &str = "UPDATE newsletter_issues SET \
            recipients_fr = (SELECT count(*) FROM mail_outbox WHERE issue_id = $1 AND lang = 'fr'), \
            recipients_en = (SELECT count(*) FROM mail_outbox WHERE issue_id = $1 AND lang = 'en') \
            WHERE id = $1 RETURNING recipients_fr, recipients_en";
        const QUEUE: &str = concat!(
            "INSERT INTO mail_outbox (subscriber_id, recipient, message, status, next_attempt_at, created_at, issue_id, lang) \
             SELECT s.id, s.email, NULL, 'pending', $1, $1, $2, s.lang ",
            recipients!(),
            " ORDER BY s.id"
        );
        let now = instant(now);
        let started = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found: Option<IssueRow> = sqlx::query_as(BY_ID).bind(id).fetch_optional(&mut *tx).await?;
            let Some(current) = found.map(NewsletterIssue::try_from).transpose()? else { return Ok(StartOutcome::NotFound) };
            if !current.status.editable() {
                return Ok(StartOutcome::AlreadyStarted(current.status));
            }
            if current.version != version {
                return Ok(StartOutcome::Conflict(Box::new(current)));
            }
            let done = sqlx::query(START).bind(now).bind(id).bind(version).execute(&mut *tx).await?.rows_affected();
            if done == 1 {
                sqlx::query(QUEUE).bind(now).bind(id).execute(&mut *tx).await?;
                let (fr, en): (i64, i64) = sqlx::query_as(COUNT).bind(id).fetch_one(&mut *tx).await?;
                let details = issue_details(&current).count("fr", fr).count("en", en);
                let text = format!("{}: {fr} recipients in French, {en} in English", describe(&current));
                audit::record(&mut *tx, now, actor.email(), AuditKind::NewsletterSendingStarted, &details, &text).await?;
                tx.commit().await?;
                Some((fr, en))
            } else {
                None
            }
        });
        if let Some((fr, en)) = started {
            return Ok(StartOutcome::Started { fr, en });
        }
        // Started, or changed, by someone else meanwhile.
        Ok(match self.newsletter_issue(id).await? {
            None => StartOutcome::NotFound,
            Some(current) if !current.status.editable() => StartOutcome::AlreadyStarted(current.status),
            Some(current) => StartOutcome::Conflict(Box::new(current)),
        })
    }

    /// Pauses an issue being sent: its mails not taken yet wait. `false`
    /// when it is not being sent.
    pub async fn pause_sending(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        self.flow(id, Flow::Pause, actor, now).await
    }

    /// Resumes a paused issue. `false` when it is not paused.
    pub async fn resume_sending(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        self.flow(id, Flow::Resume, actor, now).await
    }

    async fn flow(&self, id: i64, flow: Flow, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const PAUSE: &str = "UPDATE newsletter_issues SET status = 'paused', updated_at = $1, version = version + 1 \
            WHERE id = $2 AND status = 'sending'";
        const RESUME: &str = "UPDATE newsletter_issues SET status = 'sending', updated_at = $1, version = version + 1 \
            WHERE id = $2 AND status = 'paused'";
        let (sql, kind, what) = match flow {
            Flow::Pause => (PAUSE, AuditKind::NewsletterSendingPaused, "paused"),
            Flow::Resume => (RESUME, AuditKind::NewsletterSendingResumed, "resumed"),
        };
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(sql).bind(now).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
            if done {
                let row: IssueRow = sqlx::query_as(BY_ID).bind(id).fetch_one(&mut *tx).await?;
                let issue = NewsletterIssue::try_from(row)?;
                let text = format!("{}: {what}", describe(&issue));
                audit::record(&mut *tx, now, actor.email(), kind, &issue_details(&issue), &text).await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// An issue's sending per language: recipients counted at the start,
    /// mails sent, given up on, and left to send. (A recipient who left
    /// during the sending is in the first count only.)
    pub async fn issue_progress(&self, id: i64) -> Result<IssueProgress, StoreError> {
        const PROGRESS: &str = "SELECT lang, count(*) FILTER (WHERE status = 'sent'), \
            count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE status IN ('pending', 'sending')) \
            FROM mail_outbox WHERE issue_id = $1 GROUP BY lang";
        let Some(issue) = self.newsletter_issue(id).await? else { return Ok(IssueProgress::default()) };
        let (fr, en) = issue.recipients.unwrap_or_default();
        let mut progress = IssueProgress {
            fr: LangProgress { queued: fr, ..LangProgress::default() },
            en: LangProgress { queued: en, ..LangProgress::default() },
        };
        // A sent issue's counts were kept when it ended: its rows may be gone.
        if let Some(((sent_fr, failed_fr), (sent_en, failed_en))) = self.final_counts(id).await? {
            (progress.fr.sent, progress.fr.failed) = (sent_fr, failed_fr);
            (progress.en.sent, progress.en.failed) = (sent_en, failed_en);
            return Ok(progress);
        }
        let rows: Vec<(Option<String>, i64, i64, i64)> =
            on_pool!(self, pool => sqlx::query_as(PROGRESS).bind(id).fetch_all(pool).await)?;
        for (lang, sent, failed, left) in rows {
            let of = if lang.as_deref() == Some("en") { &mut progress.en } else { &mut progress.fr };
            (of.sent, of.failed, of.left) = (sent, failed, left);
        }
        Ok(progress)
    }

    /// Marks an issue being sent as sent once none of its mails is left to
    /// send; `true` when it did so now. A paused issue stays paused until
    /// it is resumed, even with nothing left.
    pub async fn finish_if_done(&self, id: i64, now: OffsetDateTime) -> Result<bool, StoreError> {
        // The final counts are kept with the issue: its recipients' rows go
        // after `ISSUE_RECIPIENTS_KEPT_FOR`.
        const FINISH: &str = "UPDATE newsletter_issues SET status = 'sent', finished_at = $1, updated_at = $1, \
            version = version + 1, \
            sent_fr = (SELECT count(*) FROM mail_outbox WHERE issue_id = $2 AND lang = 'fr' AND status = 'sent'), \
            sent_en = (SELECT count(*) FROM mail_outbox WHERE issue_id = $2 AND lang = 'en' AND status = 'sent'), \
            failed_fr = (SELECT count(*) FROM mail_outbox WHERE issue_id = $2 AND lang = 'fr' AND status = 'failed'), \
            failed_en = (SELECT count(*) FROM mail_outbox WHERE issue_id = $2 AND lang = 'en' AND status = 'failed') \
            WHERE id = $2 AND status = 'sending' \
            AND NOT EXISTS (SELECT 1 FROM mail_outbox WHERE issue_id = $2 AND status IN ('pending', 'sending'))";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(FINISH).bind(now).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
            if done {
                let row: IssueRow = sqlx::query_as(BY_ID).bind(id).fetch_one(&mut *tx).await?;
                let issue = NewsletterIssue::try_from(row)?;
                let text = format!("{}: sent", describe(&issue));
                audit::record(&mut *tx, now, None, AuditKind::NewsletterIssueSent, &issue_details(&issue), &text).await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// The ids of the issues being sent (not paused).
    pub async fn issues_being_sent(&self) -> Result<Vec<i64>, StoreError> {
        const SENDING: &str = "SELECT id FROM newsletter_issues WHERE status = 'sending' ORDER BY id";
        let rows: Vec<(i64,)> = on_pool!(self, pool => sqlx::query_as(SENDING).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// The hashes of several subscribers' unsubscribe tokens, by id, in
    /// one query: a batch of an issue's mails. Subscribers gone are absent.
    pub async fn subscriber_unsubscribe_hashes(&self, ids: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let rows: Vec<(i64, String)> = on_pool!(self, pool => {
            let mut find = sqlx::QueryBuilder::new("SELECT id, unsubscribe_token_hash FROM subscribers WHERE id IN (");
            let mut list = find.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            find.push(")").build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().collect())
    }

    /// The hash of a subscriber's unsubscribe token, by id: what an issue's
    /// signed unsubscribe link is made from and checked against.
    pub async fn subscriber_unsubscribe_hash(&self, subscriber: i64) -> Result<Option<String>, StoreError> {
        const FIND: &str = "SELECT unsubscribe_token_hash FROM subscribers WHERE id = $1";
        let found: Option<(String,)> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(subscriber).fetch_optional(pool).await)?;
        Ok(found.map(|(hash,)| hash))
    }
}
