//! Staff's review of applications to join the Pact: those awaiting it,
//! each one whole, its document, corrections, and the decision — an
//! approval makes the authority a signatory in the same transaction.

use sqlx::FromRow;
use time::{Date, OffsetDateTime};

use super::{
    Actor, AuditKind, BeginWrite, NewsTexts, Store, StoreError,
    applications::{ApplicationState, Names, QUEUE_MAIL, application_details, same_name},
    audit, instant,
    news_edits::insert_draft,
    signatories::SignatoryRow,
    signatory_import::bind_signatory,
};
use crate::{
    domain::{EmailAddress, NewSignatory, Slug, application::Contact},
    text::{collate, i18n::Lang},
};

/// An application awaiting review, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct ApplicationSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub decided_on: Date,
    pub confirmed_at: OffsetDateTime,
}

/// An application as staff read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredApplication {
    pub id: i64,
    pub state: ApplicationState,
    /// The authority as it would be signed in, as corrected by staff.
    pub authority: NewSignatory,
    pub contact: Contact,
    pub message: Option<String>,
    /// The document's size in bytes, when there is one.
    pub document_size: Option<i64>,
    pub lang: Lang,
    pub created_at: OffsetDateTime,
    pub confirmed_at: Option<OffsetDateTime>,
}

/// A news draft announcing a signature, in both languages.
pub struct AnnouncementDraft<'a> {
    pub slug: &'a Slug,
    pub texts: &'a NewsTexts,
}

/// What an approval did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    /// The authority is a signatory (its id), with the news draft's id
    /// when one was asked for.
    Done { signatory: i64, news: Option<i64> },
    /// No application awaiting review has this id.
    NotFound,
    /// A signatory of the same name and country exists: nothing done.
    Duplicate,
}

#[derive(FromRow)]
struct ApplicationRow {
    #[sqlx(flatten)]
    authority: SignatoryRow,
    status: String,
    signatory_id: Option<i64>,
    decline_reason: Option<String>,
    contact_name: String,
    contact_role: String,
    contact_email: String,
    contact_phone: Option<String>,
    message: Option<String>,
    document_size: Option<i64>,
    lang: String,
    created_at: OffsetDateTime,
    confirmed_at: Option<OffsetDateTime>,
}

impl ApplicationRow {
    fn into_domain(self) -> Result<StoredApplication, StoreError> {
        let id = self.authority.id;
        let corrupt = |what: &str| StoreError::Corrupt(format!("application {id}: {what}"));
        let state = match self.status.as_str() {
            "unconfirmed" => ApplicationState::Unconfirmed,
            "received" => ApplicationState::Received,
            "approved" => ApplicationState::Approved(self.signatory_id),
            "declined" => ApplicationState::Declined(self.decline_reason.unwrap_or_default()),
            _ => return Err(corrupt("status")),
        };
        let email = EmailAddress::parse(&self.contact_email).map_err(|_| corrupt("contact e-mail"))?;
        Ok(StoredApplication {
            id,
            state,
            authority: self.authority.into_domain()?.details,
            contact: Contact { name: self.contact_name, role: self.contact_role, email, phone: self.contact_phone },
            message: self.message,
            document_size: self.document_size,
            lang: Lang::parse(&self.lang).ok_or_else(|| corrupt("language"))?,
            created_at: self.created_at,
            confirmed_at: self.confirmed_at,
        })
    }
}

/// An application, its authority's columns named as a signatory's.
const APPLICATION: &str = "SELECT id, name, kind, country, decided_on AS joined_on, name_fr, name_en, website, \
    CAST(NULL AS DOUBLE PRECISION) AS latitude, CAST(NULL AS DOUBLE PRECISION) AS longitude, FALSE AS sample, \
    status, signatory_id, decline_reason, contact_name, contact_role, contact_email, contact_phone, message, \
    CAST(length(document) AS BIGINT) AS document_size, lang, created_at, confirmed_at FROM pact_applications WHERE id = $1";

impl Store {
    /// The confirmed applications awaiting review, oldest first.
    pub async fn applications_awaiting_review(&self) -> Result<Vec<ApplicationSummary>, StoreError> {
        const LIST: &str = "SELECT id, name, kind, country, decided_on, confirmed_at FROM pact_applications \
            WHERE status = 'received' ORDER BY confirmed_at, id";
        Ok(on_pool!(self, pool => sqlx::query_as(LIST).fetch_all(pool).await)?)
    }

    /// How many confirmed applications await review.
    pub async fn applications_awaiting_count(&self) -> Result<i64, StoreError> {
        const COUNT: &str = "SELECT count(*) FROM pact_applications WHERE status = 'received'";
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(n)
    }

    /// A confirmed application (an unconfirmed one is no one's to see).
    pub async fn application(&self, id: i64) -> Result<Option<StoredApplication>, StoreError> {
        let row: Option<ApplicationRow> =
            on_pool!(self, pool => sqlx::query_as(APPLICATION).bind(id).fetch_optional(pool).await)?;
        let found = row.map(ApplicationRow::into_domain).transpose()?;
        Ok(found.filter(|a| a.state != ApplicationState::Unconfirmed))
    }

    /// A confirmed application's document.
    pub async fn application_document(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        const DOCUMENT: &str =
            "SELECT document FROM pact_applications WHERE id = $1 AND status <> 'unconfirmed' AND document IS NOT NULL";
        let found: Option<(Vec<u8>,)> =
            on_pool!(self, pool => sqlx::query_as(DOCUMENT).bind(id).fetch_optional(pool).await)?;
        Ok(found.map(|(bytes,)| bytes))
    }

    /// Corrects the authority's fields of an application awaiting review,
    /// with the audit entry. `false` when none awaits review by this id.
    pub async fn correct_application(
        &self,
        id: i64,
        authority: &NewSignatory,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const CORRECT: &str = "UPDATE pact_applications SET name = $1, name_fold = $2, name_fr = $3, name_en = $4, \
            kind = $5, country = $6, website = $7, decided_on = $8 WHERE id = $9 AND status = 'received'";
        let now = instant(now);
        let optional = |name: &Option<crate::domain::Name>| name.as_ref().map(|n| n.as_str().to_owned());
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(CORRECT)
                .bind(authority.name.as_str())
                .bind(collate::fold(authority.name.as_str()))
                .bind(optional(&authority.name_fr))
                .bind(optional(&authority.name_en))
                .bind(authority.kind.as_str())
                .bind(authority.country.code())
                .bind(authority.website.as_ref().map(|w| w.as_str()))
                .bind(authority.joined_on)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            let text = format!("#{id} {} ({})", authority.name, authority.country.code());
            let details = application_details(id, authority);
            audit::record(&mut *tx, now, actor.email(), AuditKind::ApplicationCorrected, &details, &text).await?;
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Approves an application awaiting review: in one transaction, the
    /// authority becomes a signatory (its date of signature the decision's),
    /// the application is marked approved, the contact's mail (rendered by
    /// `message` for the new signatory's id) is queued, a news draft is
    /// added when asked, each with its audit entry.
    pub async fn approve_application<F>(
        &self,
        id: i64,
        announcement: Option<AnnouncementDraft<'_>>,
        message: F,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Approval, StoreError>
    where
        F: FnOnce(i64) -> Result<Vec<u8>, StoreError>,
    {
        const ADD: &str = "INSERT INTO signatories (name_key, country, name, kind, joined_on, name_fr, name_en, \
            website, sort_fr, sort_en, search_text, latitude, longitude, sample) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, FALSE) \
            ON CONFLICT (name_key, country) DO NOTHING RETURNING id";
        const NAMES: &str = "SELECT name, name_fr, name_en FROM signatories WHERE country = CAST($1 AS CHAR(2))";
        const APPROVE: &str = "UPDATE pact_applications SET status = 'approved', decided_at = $1, signatory_id = $2 \
            WHERE id = $3 AND status = 'received'";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<ApplicationRow> = sqlx::query_as(APPLICATION).bind(id).fetch_optional(&mut *tx).await?;
            let Some(application) = row.map(ApplicationRow::into_domain).transpose()? else { return Ok(Approval::NotFound) };
            if application.state != ApplicationState::Received {
                return Ok(Approval::NotFound);
            }
            let s = &application.authority;
            let names: Vec<Names> = sqlx::query_as(NAMES).bind(s.country.code()).fetch_all(&mut *tx).await?;
            if names.iter().any(|n| same_name(&collate::fold(s.name.as_str()), n)) {
                return Ok(Approval::Duplicate);
            }
            let added: Option<(i64,)> = bind_signatory(sqlx::query_as(ADD), s).fetch_optional(&mut *tx).await?;
            let Some((signatory,)) = added else { return Ok(Approval::Duplicate) };
            sqlx::query(APPROVE).bind(now).bind(signatory).bind(id).execute(&mut *tx).await?;
            let mail = message(signatory)?;
            sqlx::query(QUEUE_MAIL).bind(application.contact.email.as_str()).bind(mail).bind(now).execute(&mut *tx).await?;
            let added_text = format!("#{signatory} {} ({}, {}, {})", s.name, s.country.code(), s.kind, crate::domain::date::format(s.joined_on));
            let added_details = super::AuditDetails::new().id(signatory).text("name", s.name.as_str())
                .text("country", s.country.code()).word("kind", s.kind.as_str()).date("joined", s.joined_on);
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignatoryAdded, &added_details, &added_text).await?;
            let text = format!("#{id} {} ({})", s.name, s.country.code());
            audit::record(&mut *tx, now, actor.email(), AuditKind::ApplicationApproved, &application_details(id, s), &text).await?;
            let news = match announcement {
                Some(draft) => Some(insert_draft(&mut *tx, draft.slug, draft.texts, None, actor, now).await?),
                None => None,
            };
            tx.commit().await?;
            Ok(Approval::Done { signatory, news })
        })
    }

    /// Declines an application awaiting review, with the reason the
    /// contact's `message` gives; queues it, with the audit entry. `false`
    /// when none awaits review by this id.
    pub async fn decline_application(
        &self,
        id: i64,
        reason: &str,
        message: &[u8],
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const DECLINE: &str = "UPDATE pact_applications SET status = 'declined', decided_at = $1, decline_reason = $2 \
            WHERE id = $3 AND status = 'received' RETURNING name, country, contact_email";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done: Option<(String, String, String)> =
                sqlx::query_as(DECLINE).bind(now).bind(reason).bind(id).fetch_optional(&mut *tx).await?;
            let Some((name, country, email)) = done else { return Ok(false) };
            sqlx::query(QUEUE_MAIL).bind(email.as_str()).bind(message).bind(now).execute(&mut *tx).await?;
            let details = super::AuditDetails::new().id(id).text("name", name.as_str()).text("country", country.as_str());
            let text = format!("#{id} {name} ({country})");
            audit::record(&mut *tx, now, actor.email(), AuditKind::ApplicationDeclined, &details, &text).await?;
            tx.commit().await?;
        });
        Ok(true)
    }
}
