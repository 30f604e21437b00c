//! Issues of the newsletter: drafts staff edit (with a version, as other
//! edited records), scheduling, and their sending through the mail outbox.
//!
//! Starting the sending is one transaction: the issue turns `sending` and
//! one outbox row per recipient is made by a single `INSERT … SELECT`, for
//! the subscribers confirmed at that moment and not suppressed. The rows
//! carry no message: the worker renders each mail when it sends it. A
//! recipient has at most one row per issue (a unique index). Unsubscribing
//! erases the subscriber and so their rows not sent yet; a paused issue's
//! rows are not claimed (see `claim_mails`).

use std::collections::HashMap;

use sqlx::FromRow;
use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Saved, Store, StoreError, audit, instant};
use crate::{
    domain::newsletter_issue::{IssueFields, IssueTexts},
    text::i18n::Lang,
};

/// Where an issue stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueStatus {
    Draft,
    Scheduled,
    Sending,
    Paused,
    Sent,
}

impl IssueStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueStatus::Draft => "draft",
            IssueStatus::Scheduled => "scheduled",
            IssueStatus::Sending => "sending",
            IssueStatus::Paused => "paused",
            IssueStatus::Sent => "sent",
        }
    }

    pub fn parse(text: &str) -> Option<IssueStatus> {
        [IssueStatus::Draft, IssueStatus::Scheduled, IssueStatus::Sending, IssueStatus::Paused, IssueStatus::Sent]
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// Whether the issue may still be edited, scheduled and started.
    pub fn editable(self) -> bool {
        matches!(self, IssueStatus::Draft | IssueStatus::Scheduled)
    }
}

/// An issue as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsletterIssue {
    pub id: i64,
    pub texts: IssueTexts,
    pub status: IssueStatus,
    /// When a scheduled issue is to start.
    pub scheduled_at: Option<OffsetDateTime>,
    /// The staff member who wrote it; none for the command line.
    pub created_by: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub version: i64,
    pub started_at: Option<OffsetDateTime>,
    pub finished_at: Option<OffsetDateTime>,
    /// The recipients in French and in English, counted at the start.
    pub recipients: Option<(i64, i64)>,
}

impl NewsletterIssue {
    /// The subject staff know it by: the French one, else the English one.
    pub fn subject(&self) -> &str {
        self.texts.for_reader(Lang::Fr).1.subject.as_str()
    }
}

#[derive(FromRow)]
pub(super) struct IssueRow {
    id: i64,
    subject_fr: String,
    subject_en: String,
    body_fr: String,
    body_en: String,
    status: String,
    scheduled_at: Option<OffsetDateTime>,
    created_by: Option<String>,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
    version: i64,
    started_at: Option<OffsetDateTime>,
    finished_at: Option<OffsetDateTime>,
    recipients_fr: Option<i64>,
    recipients_en: Option<i64>,
}

impl TryFrom<IssueRow> for NewsletterIssue {
    type Error = StoreError;

    fn try_from(row: IssueRow) -> Result<NewsletterIssue, StoreError> {
        let fields = IssueFields {
            subject_fr: &row.subject_fr,
            body_fr: &row.body_fr,
            subject_en: &row.subject_en,
            body_en: &row.body_en,
        };
        let texts = IssueTexts::parse(&fields)
            .map_err(|errors| StoreError::Corrupt(format!("newsletter issue {}: {errors:?}", row.id)))?;
        let status = IssueStatus::parse(&row.status)
            .ok_or_else(|| StoreError::Corrupt(format!("newsletter issue {}: status {:?}", row.id, row.status)))?;
        Ok(NewsletterIssue {
            id: row.id,
            texts,
            status,
            scheduled_at: row.scheduled_at,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
            started_at: row.started_at,
            finished_at: row.finished_at,
            recipients: row.recipients_fr.zip(row.recipients_en),
        })
    }
}

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

/// An issue's row, as [`IssueRow`] reads it: `select_issue!("WHERE …")`
/// (the archive's queries too).
macro_rules! select_issue {
    ($($rest:expr),*) => {
        concat!(
            "SELECT id, subject_fr, subject_en, body_fr, body_en, status, scheduled_at, created_by, created_at, \
             updated_at, version, started_at, finished_at, recipients_fr, recipients_en FROM newsletter_issues ",
            $($rest),*
        )
    };
}
const BY_ID: &str = select_issue!("WHERE id = $1");
pub(super) use select_issue;

/// The subscribers an issue goes to: confirmed, and not suppressed.
macro_rules! recipients {
    () => {
        "FROM subscribers s WHERE s.status = 'confirmed' \
         AND NOT EXISTS (SELECT 1 FROM address_suppressions a WHERE a.email = s.email)"
    };
}

fn issue_details(issue: &NewsletterIssue) -> AuditDetails {
    AuditDetails::new().id(issue.id).text("subject", issue.subject())
}

/// An issue's line in the audit log's summary.
fn describe(issue: &NewsletterIssue) -> String {
    format!("#{} {}", issue.id, issue.subject())
}

/// A change of status that staff make to an issue being sent.
#[derive(Clone, Copy)]
enum Flow {
    Pause,
    Resume,
}

impl Store {
    /// One issue.
    pub async fn newsletter_issue(&self, id: i64) -> Result<Option<NewsletterIssue>, StoreError> {
        let row: Option<IssueRow> = on_pool!(self, pool => sqlx::query_as(BY_ID).bind(id).fetch_optional(pool).await)?;
        row.map(NewsletterIssue::try_from).transpose()
    }

    /// Every issue, the newest first.
    pub async fn newsletter_issues(&self) -> Result<Vec<NewsletterIssue>, StoreError> {
        const ALL: &str = select_issue!("ORDER BY id DESC");
        let rows: Vec<IssueRow> = on_pool!(self, pool => sqlx::query_as(ALL).fetch_all(pool).await)?;
        rows.into_iter().map(NewsletterIssue::try_from).collect()
    }

    /// The scheduled issues whose time has come, the earliest first.
    pub async fn due_scheduled(&self, now: OffsetDateTime) -> Result<Vec<NewsletterIssue>, StoreError> {
        const DUE: &str = select_issue!("WHERE status = 'scheduled' AND scheduled_at <= $1 ORDER BY scheduled_at, id");
        let rows: Vec<IssueRow> = on_pool!(self, pool => sqlx::query_as(DUE).bind(instant(now)).fetch_all(pool).await)?;
        rows.into_iter().map(NewsletterIssue::try_from).collect()
    }

    /// How many subscribers an issue started now would go to, in French
    /// and in English.
    pub async fn newsletter_recipients(&self) -> Result<(i64, i64), StoreError> {
        const COUNT: &str = concat!(
            "SELECT count(*) FILTER (WHERE s.lang = 'fr'), count(*) FILTER (WHERE s.lang = 'en') ",
            recipients!()
        );
        Ok(on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?)
    }

    /// Saves a new draft; its id.
    pub async fn add_newsletter_issue(
        &self,
        texts: &IssueTexts,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        const INSERT: &str = "INSERT INTO newsletter_issues (subject_fr, subject_en, body_fr, body_en, status, \
            created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) RETURNING id";
        let now = instant(now);
        let ((subject_fr, body_fr), (subject_en, body_en)) = (texts.columns(Lang::Fr), texts.columns(Lang::En));
        let id = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (id,): (i64,) = sqlx::query_as(INSERT)
                .bind(subject_fr)
                .bind(subject_en)
                .bind(body_fr)
                .bind(body_en)
                .bind(actor.email())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            let subject = if subject_fr.is_empty() { subject_en } else { subject_fr };
            let details = AuditDetails::new().id(id).text("subject", subject);
            audit::record(&mut *tx, now, actor.email(), AuditKind::NewsletterIssueAdded, &details, &format!("#{id} {subject}")).await?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Saves a draft's (or a scheduled issue's) texts, read at `version`.
    /// An issue whose sending has begun cannot be edited: it comes back as
    /// a conflict, as it stands.
    pub async fn update_newsletter_issue(
        &self,
        id: i64,
        version: i64,
        texts: &IssueTexts,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<NewsletterIssue>, StoreError> {
        const UPDATE: &str = "UPDATE newsletter_issues SET subject_fr = $1, subject_en = $2, body_fr = $3, body_en = $4, \
            updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7 AND status IN ('draft', 'scheduled')";
        let now = instant(now);
        let ((subject_fr, body_fr), (subject_en, body_en)) = (texts.columns(Lang::Fr), texts.columns(Lang::En));
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(UPDATE)
                .bind(subject_fr)
                .bind(subject_en)
                .bind(body_fr)
                .bind(body_en)
                .bind(now)
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 1 {
                let subject = if subject_fr.is_empty() { subject_en } else { subject_fr };
                let details = AuditDetails::new().id(id).text("subject", subject);
                audit::record(&mut *tx, now, actor.email(), AuditKind::NewsletterIssueUpdated, &details, &format!("#{id} {subject}")).await?;
            }
            tx.commit().await?;
            done == 1
        });
        self.saved_issue(id, done).await
    }

    /// Schedules a draft (or moves a scheduled issue) to start at `at`, or,
    /// with `None`, makes it a draft again; read at `version`.
    pub async fn schedule_newsletter_issue(
        &self,
        id: i64,
        version: i64,
        at: Option<OffsetDateTime>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<NewsletterIssue>, StoreError> {
        const SCHEDULE: &str = "UPDATE newsletter_issues SET status = CASE WHEN $1 IS NULL THEN 'draft' ELSE 'scheduled' END, \
            scheduled_at = $1, updated_at = $2, version = version + 1 \
            WHERE id = $3 AND version = $4 AND status IN ('draft', 'scheduled')";
        let now = instant(now);
        let at = at.map(instant);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(SCHEDULE).bind(at).bind(now).bind(id).bind(version).execute(&mut *tx).await?.rows_affected();
            if done == 1 {
                let row: IssueRow = sqlx::query_as(BY_ID).bind(id).fetch_one(&mut *tx).await?;
                let issue = NewsletterIssue::try_from(row)?;
                let mut details = issue_details(&issue).count("scheduled", i64::from(at.is_some()));
                if let Some(at) = at {
                    details = details.instant("at", at);
                }
                let text = format!("{}: {}", describe(&issue), at.map_or_else(|| "draft again".to_owned(), |at| format!("scheduled for {at}")));
                audit::record(&mut *tx, now, actor.email(), AuditKind::NewsletterIssueScheduled, &details, &text).await?;
            }
            tx.commit().await?;
            done == 1
        });
        self.saved_issue(id, done).await
    }

    /// A change to an issue that was `done`; or, when it was not (the
    /// issue changed, or began sending, since it was read), the issue as
    /// it now stands, or none.
    async fn saved_issue(&self, id: i64, done: bool) -> Result<Saved<NewsletterIssue>, StoreError> {
        if done {
            return Ok(Saved::Done(id));
        }
        Ok(match self.newsletter_issue(id).await? {
            Some(current) => Saved::Conflict(Box::new(current)),
            None => Saved::NotFound,
        })
    }

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
