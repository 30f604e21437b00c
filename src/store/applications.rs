//! Applications to join the Pact, as the public side makes them: sent
//! (with the confirmation mail queued in the same transaction), confirmed
//! from the mailed link (with the contact's and the staff's mails),
//! followed by a private link, and erased when their time is up. Staff's
//! review is in `application_review.rs`.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{AuditDetails, AuditKind, BeginWrite, Store, StoreError, attempts::Attempt, audit, instant};
use crate::{
    domain::{
        NewSignatory,
        application::{Document, NewApplication},
    },
    text::{collate, i18n::Lang},
};

/// How long a confirmation link stays valid; an application not confirmed
/// by then is erased.
pub const APPLICATION_CONFIRMATION_LIFETIME: Duration = Duration::days(7);
/// How long an application is kept once staff decided on it (declined or
/// approved): then it and its document are erased; an approved
/// authority stays a signatory.
pub const DECIDED_APPLICATION_KEPT_FOR: Duration = Duration::days(30);

/// An application, ready to store: the checked fields, the document, the
/// page's language, the consent, and the hash of the confirmation link's
/// token with the mail that carries it.
pub struct ApplicationSubmission<'a> {
    pub application: &'a NewApplication,
    pub document: Option<&'a Document>,
    pub lang: Lang,
    pub consent_version: &'a str,
    pub confirm_token_hash: &'a str,
    /// The confirmation mail, rendered, to queue in the same transaction.
    pub message: &'a [u8],
}

/// What sending an application did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Stored, unconfirmed, its mail queued.
    Queued,
    /// The authority is a signatory already, or has an application
    /// pending: nothing stored.
    Duplicate,
    /// The client has used up its quota: only the attempt is counted.
    TooManyAttempts,
}

/// An application's state, as its contact may follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplicationState {
    Unconfirmed,
    /// Confirmed, awaiting staff's review.
    Received,
    /// The authority is a signatory: its id, when the row is still there.
    Approved(Option<i64>),
    /// With staff's reason.
    Declined(String),
}

/// What the contact's links show of an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationStatus {
    pub id: i64,
    pub name: String,
    pub lang: Lang,
    pub contact_email: String,
    pub state: ApplicationState,
}

/// A mail to queue: its recipient and the rendered message.
pub struct Outgoing<'a> {
    pub recipient: &'a str,
    pub message: &'a [u8],
}

#[derive(FromRow)]
pub(super) struct StatusRow {
    id: i64,
    name: String,
    lang: String,
    contact_email: String,
    status: String,
    signatory_id: Option<i64>,
    decline_reason: Option<String>,
}

impl StatusRow {
    fn into_status(self) -> Result<ApplicationStatus, StoreError> {
        let state = match self.status.as_str() {
            "unconfirmed" => ApplicationState::Unconfirmed,
            "received" => ApplicationState::Received,
            "approved" => ApplicationState::Approved(self.signatory_id),
            "declined" => ApplicationState::Declined(self.decline_reason.unwrap_or_default()),
            other => return Err(StoreError::Corrupt(format!("application {}: status {other:?}", self.id))),
        };
        let lang = Lang::parse(&self.lang)
            .ok_or_else(|| StoreError::Corrupt(format!("application {}: language {:?}", self.id, self.lang)))?;
        Ok(ApplicationStatus { id: self.id, name: self.name, lang, contact_email: self.contact_email, state })
    }
}

/// What the contact's links read of an application.
const STATUS_SELECT: &str =
    "SELECT id, name, lang, contact_email, status, signatory_id, decline_reason FROM pact_applications";

/// Queues a site mail: `$1` recipient, `$2` message, `$3` now.
pub(super) const QUEUE_MAIL: &str = "INSERT INTO mail_outbox (recipient, message, status, next_attempt_at, created_at) \
    VALUES ($1, $2, 'pending', $3, $3)";

/// The signatories' names in a country (`$1`), each folded by the caller.
const NAMES_IN_COUNTRY: &str = "SELECT name, name_fr, name_en FROM signatories WHERE country = CAST($1 AS CHAR(2))";
/// An application pending for a folded name (`$1`) in a country (`$2`):
/// received, or unconfirmed and not expired at `$3`.
const PENDING_FOR: &str = "SELECT count(*) FROM pact_applications WHERE name_fold = $1 AND country = $2 \
    AND (status = 'received' OR (status = 'unconfirmed' AND confirm_expires_at > $3))";

/// A signatory's names: its own, in French, in English.
pub(super) type Names = (String, Option<String>, Option<String>);

/// Whether one of a signatory's names, folded, is `folded`.
pub(super) fn same_name(folded: &str, names: &Names) -> bool {
    [Some(&names.0), names.1.as_ref(), names.2.as_ref()].into_iter().flatten().any(|n| collate::fold(n) == folded)
}

/// The audit details of an application: its id, name and country.
pub(super) fn application_details(id: i64, authority: &NewSignatory) -> AuditDetails {
    AuditDetails::new().id(id).text("name", authority.name.as_str()).text("country", authority.country.code())
}

impl Store {
    /// Counts the client's `attempt` and, within its quota, stores the
    /// application unconfirmed and queues its confirmation mail, unless
    /// the authority is a signatory already or has an application pending:
    /// one transaction.
    pub async fn add_application(
        &self,
        s: &ApplicationSubmission<'_>,
        attempt: Attempt<'_>,
        now: OffsetDateTime,
    ) -> Result<Submitted, StoreError> {
        const INSERT: &str = "INSERT INTO pact_applications (status, name, name_fold, name_fr, name_en, kind, country, \
            website, decided_on, contact_name, contact_role, contact_email, contact_phone, message, document, lang, \
            confirm_token_hash, confirm_expires_at, consent_at, consent_version, created_at) \
            VALUES ('unconfirmed', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $18)";
        let now = instant(now);
        let a = s.application;
        let authority = &a.authority;
        let folded = collate::fold(authority.name.as_str());
        let optional = |name: &Option<crate::domain::Name>| name.as_ref().map(|n| n.as_str().to_owned());
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let counts = attempt.count(now).fetch_one(&mut *tx).await?;
            if !attempt.allowed(now, counts) {
                tx.commit().await?;
                return Ok(Submitted::TooManyAttempts);
            }
            let names: Vec<Names> =
                sqlx::query_as(NAMES_IN_COUNTRY).bind(authority.country.code()).fetch_all(&mut *tx).await?;
            let (pending,): (i64,) = sqlx::query_as(PENDING_FOR)
                .bind(&folded).bind(authority.country.code()).bind(now).fetch_one(&mut *tx).await?;
            if pending > 0 || names.iter().any(|n| same_name(&folded, n)) {
                tx.commit().await?;
                return Ok(Submitted::Duplicate);
            }
            sqlx::query(INSERT)
                .bind(authority.name.as_str())
                .bind(&folded)
                .bind(optional(&authority.name_fr))
                .bind(optional(&authority.name_en))
                .bind(authority.kind.as_str())
                .bind(authority.country.code())
                .bind(authority.website.as_ref().map(|w| w.as_str()))
                .bind(authority.joined_on)
                .bind(a.contact.name.as_str())
                .bind(a.contact.role.as_str())
                .bind(a.contact.email.as_str())
                .bind(a.contact.phone.as_deref())
                .bind(a.message.as_deref())
                .bind(s.document.map(Document::bytes))
                .bind(s.lang.code())
                .bind(s.confirm_token_hash)
                .bind(now + APPLICATION_CONFIRMATION_LIFETIME)
                .bind(now)
                .bind(s.consent_version)
                .execute(&mut *tx)
                .await?;
            sqlx::query(QUEUE_MAIL).bind(a.contact.email.as_str()).bind(s.message).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(Submitted::Queued)
    }

    /// The application a confirmation link's token belongs to, while the
    /// link is valid (and once confirmed, for good).
    pub async fn application_by_confirmation(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<ApplicationStatus>, StoreError> {
        let sql = format!(
            "{STATUS_SELECT} WHERE confirm_token_hash = $1 AND (status <> 'unconfirmed' OR confirm_expires_at > $2)"
        );
        let row: Option<StatusRow> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(token_hash).bind(instant(now)).fetch_optional(pool).await)?;
        row.map(StatusRow::into_status).transpose()
    }

    /// The application a status link's token belongs to.
    pub async fn application_by_status(&self, token_hash: &str) -> Result<Option<ApplicationStatus>, StoreError> {
        let sql = format!("{STATUS_SELECT} WHERE status_token_hash = $1");
        let row: Option<StatusRow> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(token_hash).fetch_optional(pool).await)?;
        row.map(StatusRow::into_status).transpose()
    }

    /// Confirms the unconfirmed application a token belongs to, with the
    /// hash of its status link's token, and queues `mails` (the contact's,
    /// the staff's) with the audit entry: one transaction. `false` when
    /// the link is unknown, expired, or used already.
    pub async fn confirm_application(
        &self,
        token_hash: &str,
        status_token_hash: &str,
        mails: &[Outgoing<'_>],
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const CONFIRM: &str = "UPDATE pact_applications SET status = 'received', confirmed_at = $1, status_token_hash = $2 \
            WHERE confirm_token_hash = $3 AND status = 'unconfirmed' AND confirm_expires_at > $1 \
            RETURNING id, name, country";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done: Option<(i64, String, String)> = sqlx::query_as(CONFIRM)
                .bind(now).bind(status_token_hash).bind(token_hash).fetch_optional(&mut *tx).await?;
            let Some((id, name, country)) = done else { return Ok(false) };
            for mail in mails {
                sqlx::query(QUEUE_MAIL).bind(mail.recipient).bind(mail.message).bind(now).execute(&mut *tx).await?;
            }
            let details = AuditDetails::new().id(id).text("name", name.as_str()).text("country", country.as_str());
            let text = format!("#{id} {name} ({country})");
            audit::record(&mut *tx, now, None, AuditKind::ApplicationConfirmed, &details, &text).await?;
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Erases the applications whose time is up: unconfirmed ones whose
    /// link expired, and decided ones [`DECIDED_APPLICATION_KEPT_FOR`]
    /// after the decision. How many.
    pub async fn purge_applications(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        const PURGE: &str = "DELETE FROM pact_applications WHERE (status = 'unconfirmed' AND confirm_expires_at <= $1) \
            OR (status IN ('approved', 'declined') AND decided_at <= $2)";
        let now = instant(now);
        let done = on_pool!(self, pool => sqlx::query(PURGE)
            .bind(now).bind(now - DECIDED_APPLICATION_KEPT_FOR).execute(pool).await?.rows_affected());
        Ok(done)
    }
}
