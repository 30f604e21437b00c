//! Issues of the newsletter: drafts staff edit (with a version, as other
//! edited records), and scheduling; their sending is `newsletter_sending`.

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
pub(super) const BY_ID: &str = select_issue!("WHERE id = $1");

/// The subscribers an issue goes to: confirmed, and not suppressed.
macro_rules! recipients {
    () => {
        "FROM subscribers s WHERE s.status = 'confirmed' \
         AND NOT EXISTS (SELECT 1 FROM address_suppressions a WHERE a.email = s.email)"
    };
}
pub(super) use {recipients, select_issue};

pub(super) fn issue_details(issue: &NewsletterIssue) -> AuditDetails {
    AuditDetails::new().id(issue.id).text("subject", issue.subject())
}

/// An issue's line in the audit log's summary.
pub(super) fn describe(issue: &NewsletterIssue) -> String {
    format!("#{} {}", issue.id, issue.subject())
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
}
