//! Subscribers as staff see them: counts, a search by address, one
//! person's record, and erasure (audited, without the address: an erased
//! person is not kept in the log either).

use std::sync::LazyLock;

use sqlx::FromRow;
use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};
use crate::{domain::EmailAddress, text::i18n::Lang};

/// One person's subscription, with its consent.
#[derive(Clone, Debug, FromRow)]
pub struct SubscriberRecord {
    pub id: i64,
    pub email: String,
    pub lang: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub confirmed_at: Option<OffsetDateTime>,
    pub consent_at: OffsetDateTime,
    pub consent_version: String,
}

/// How many subscribers have a status and a language.
#[derive(Clone, Debug, FromRow)]
pub struct SubscriberCount {
    pub status: String,
    pub lang: String,
    pub count: i64,
}

const SELECT_RECORDS: &str =
    "SELECT id, email, lang, status, created_at, confirmed_at, consent_at, consent_version FROM subscribers ";

/// Where an erasure finds the person: by id (the back office) or by
/// address (the command line).
enum Whom<'a> {
    Id(i64),
    Email(&'a EmailAddress),
}

impl Store {
    /// Subscribers by status and language.
    pub async fn subscriber_counts(&self) -> Result<Vec<SubscriberCount>, StoreError> {
        const COUNTS: &str = "SELECT status, lang, count(*) AS count FROM subscribers GROUP BY status, lang \
            ORDER BY status, lang";
        Ok(on_pool!(self, pool => sqlx::query_as(COUNTS).fetch_all(pool).await)?)
    }

    /// The subscribers whose address contains `part` (case ignored), by
    /// address, `limit` at most.
    pub async fn search_subscribers(&self, part: &str, limit: i64) -> Result<Vec<SubscriberRecord>, StoreError> {
        static SEARCH: LazyLock<String> =
            LazyLock::new(|| format!("{SELECT_RECORDS}WHERE instr(email, $1) > 0 ORDER BY email LIMIT $2"));
        static SEARCH_PG: LazyLock<String> =
            LazyLock::new(|| format!("{SELECT_RECORDS}WHERE strpos(email, $1) > 0 ORDER BY email LIMIT $2"));
        let part = part.trim().to_lowercase();
        let sql = match self {
            Store::Postgres(_) => SEARCH_PG.as_str(),
            Store::Sqlite(_) => SEARCH.as_str(),
        };
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(&part).bind(limit).fetch_all(pool).await)?)
    }

    /// One subscriber's record.
    pub async fn subscriber_record(&self, id: i64) -> Result<Option<SubscriberRecord>, StoreError> {
        static FIND: LazyLock<String> = LazyLock::new(|| format!("{SELECT_RECORDS}WHERE id = $1"));
        Ok(on_pool!(self, pool => sqlx::query_as(FIND.as_str()).bind(id).fetch_optional(pool).await)?)
    }

    /// Erases a person entirely, by id: subscription and queued mails.
    pub async fn erase_subscriber(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        self.erase(Whom::Id(id), actor, now).await
    }

    /// Erases a person entirely, by address.
    pub async fn delete_subscriber(
        &self,
        email: &EmailAddress,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        self.erase(Whom::Email(email), actor, now).await
    }

    async fn erase(&self, whom: Whom<'_>, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        static BY_ID: LazyLock<String> = LazyLock::new(|| format!("{SELECT_RECORDS}WHERE id = $1"));
        static BY_EMAIL: LazyLock<String> = LazyLock::new(|| format!("{SELECT_RECORDS}WHERE email = $1"));
        const DELETE_MAILS: &str = "DELETE FROM mail_outbox WHERE recipient = $1";
        const DELETE: &str = "DELETE FROM subscribers WHERE id = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found: Option<SubscriberRecord> = match whom {
                Whom::Id(id) => sqlx::query_as(BY_ID.as_str()).bind(id).fetch_optional(&mut *tx).await?,
                Whom::Email(email) => sqlx::query_as(BY_EMAIL.as_str()).bind(email.as_str()).fetch_optional(&mut *tx).await?,
            };
            if let Some(record) = &found {
                sqlx::query(DELETE_MAILS).bind(&record.email).execute(&mut *tx).await?;
                sqlx::query(DELETE).bind(record.id).execute(&mut *tx).await?;
                // The address is not kept: the log says what was erased, not whom.
                let text = format!("subscriber #{}: {}, {}, consent {}", record.id, record.status, record.lang, record.consent_version);
                let lang = Lang::parse(&record.lang).map_or_else(|| record.lang.clone(), audit::lang_word);
                let details = AuditDetails::new()
                    .count("subscriber", record.id)
                    .word("status", record.status.as_str())
                    .word("lang", lang)
                    .text("consent", record.consent_version.as_str());
                audit::record(&mut *tx, now, actor.email(), AuditKind::SubscriberErased, &details, &text).await?;
            }
            tx.commit().await?;
            found.is_some()
        });
        Ok(done)
    }
}
