//! Private preview links to draft news items: made and withdrawn by staff
//! (each with its audit entry, in its own transaction), one live link per
//! item, stored under the hash of its token. A link finds its item while
//! the item is a draft and the link is less than [`PREVIEW_LINK_LIFETIME`]
//! old; publishing the item deletes it, deleting the item too (the
//! cascade), and the housekeeping purges the expired ones.

use time::{Duration, OffsetDateTime};

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};

/// How long a preview link works.
pub const PREVIEW_LINK_LIFETIME: Duration = Duration::days(7);

/// An item's live preview link, as its page lists it (its token is not
/// kept: it is shown once, when made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewLink {
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// Deletes an item's preview link: run in the transaction that publishes it.
pub(super) const DROP_PREVIEW_LINK: &str = "DELETE FROM news_preview_links WHERE news_id = $1";

impl Store {
    /// Makes an item's preview link under `token_hash`, replacing the one
    /// it had; when it expires. `None` when there is no such item, or it is
    /// not a draft.
    pub async fn create_news_preview_link(
        &self,
        id: i64,
        token_hash: &str,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        const ITEM: &str = "SELECT slug FROM news WHERE id = $1 AND draft";
        const UPSERT: &str = "INSERT INTO news_preview_links (news_id, token_hash, created_by, created_at, expires_at) \
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (news_id) DO UPDATE SET token_hash = excluded.token_hash, \
            created_by = excluded.created_by, created_at = excluded.created_at, expires_at = excluded.expires_at";
        let now = instant(now);
        let expires = now + PREVIEW_LINK_LIFETIME;
        let moment = expires.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let item: Option<(String,)> = sqlx::query_as(ITEM).bind(id).fetch_optional(&mut *tx).await?;
            let Some((slug,)) = item else { return Ok(None) };
            sqlx::query(UPSERT)
                .bind(id)
                .bind(token_hash)
                .bind(actor.email())
                .bind(now)
                .bind(expires)
                .execute(&mut *tx)
                .await?;
            let text = format!("#{id} {slug}: preview link until {moment}");
            let details = AuditDetails::new().id(id).text("slug", slug.as_str()).instant("until", expires);
            audit::record(&mut *tx, now, actor.email(), AuditKind::NewsPreviewLinkCreated, &details, &text).await?;
            tx.commit().await?;
            Some(expires)
        });
        Ok(done)
    }

    /// Withdraws an item's preview link: it finds nothing from now on.
    /// False when the item had no live link.
    pub async fn withdraw_news_preview_link(
        &self,
        id: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM news_preview_links WHERE news_id = $1 AND expires_at > $2";
        const SLUG: &str = "SELECT slug FROM news WHERE id = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let deleted = sqlx::query(DELETE).bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if deleted == 0 {
                return Ok(false);
            }
            let (slug,): (String,) = sqlx::query_as(SLUG).bind(id).fetch_one(&mut *tx).await?;
            let text = format!("#{id} {slug}: preview link withdrawn");
            let details = AuditDetails::new().id(id).text("slug", slug.as_str());
            audit::record(&mut *tx, now, actor.email(), AuditKind::NewsPreviewLinkWithdrawn, &details, &text).await?;
            tx.commit().await?;
            true
        });
        Ok(done)
    }

    /// An item's live preview link, if it has one (and is a draft).
    pub async fn news_preview_link(&self, id: i64, now: OffsetDateTime) -> Result<Option<PreviewLink>, StoreError> {
        const FIND: &str = "SELECT l.created_at, l.expires_at FROM news_preview_links l \
            JOIN news n ON n.id = l.news_id WHERE l.news_id = $1 AND l.expires_at > $2 AND n.draft";
        let row: Option<(OffsetDateTime, OffsetDateTime)> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(id).bind(instant(now)).fetch_optional(pool).await)?;
        Ok(row.map(|(created_at, expires_at)| PreviewLink { created_at, expires_at }))
    }

    /// The draft a live preview link's token hash opens: its id.
    pub async fn news_previewed(&self, token_hash: &str, now: OffsetDateTime) -> Result<Option<i64>, StoreError> {
        const FIND: &str = "SELECT l.news_id FROM news_preview_links l JOIN news n ON n.id = l.news_id \
            WHERE l.token_hash = $1 AND l.expires_at > $2 AND n.draft";
        let row: Option<(i64,)> = on_pool!(self, pool => sqlx::query_as(FIND).bind(token_hash).bind(instant(now)).fetch_optional(pool).await)?;
        Ok(row.map(|(id,)| id))
    }

    /// Erases the preview links that no longer open anything: expired, or
    /// of an item no longer a draft.
    pub async fn purge_news_preview_links(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        const PURGE: &str = "DELETE FROM news_preview_links WHERE expires_at <= $1 \
            OR news_id IN (SELECT id FROM news WHERE NOT draft)";
        Ok(on_pool!(self, pool => sqlx::query(PURGE).bind(instant(now)).execute(pool).await?.rows_affected()))
    }
}
