//! The prose pages' revisions: every text staff saved for a page in a
//! language, kept for good, the latest being the one the public sees (none:
//! the bundled text). Each save is one transaction with its audit entry;
//! inserting a revision raises the site's revision (a trigger does it), so
//! the page cache of every instance drops the page at once.
//!
//! A save names the revision its text was based on (none: the bundled
//! text); it is refused when another was saved since. Two saves based on
//! the same revision cannot both be written: a page's revisions are
//! numbered, one number each (`seq`).

use std::sync::LazyLock;

use sqlx::FromRow;
use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};
use crate::text::{i18n::Lang, pages::Prose};

/// A revision as a list shows it: who saved it and when, not its text.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct RevisionInfo {
    pub id: i64,
    /// Its number among its page's revisions in its language, from 1.
    pub seq: i64,
    /// The author's address when they saved it (kept when the account is
    /// deleted).
    pub author_email: Option<String>,
    pub created_at: OffsetDateTime,
}

/// A revision with its text.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct PageRevision {
    #[sqlx(flatten)]
    pub info: RevisionInfo,
    /// Markdown.
    pub body: String,
}

/// The current revision of a page in a language, for the list of pages.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
struct LatestRow {
    page: String,
    lang: String,
    #[sqlx(flatten)]
    info: RevisionInfo,
}

/// Who saves a revision: an account, by id and address.
#[derive(Clone, Debug)]
pub struct Author<'a> {
    pub account_id: i64,
    pub email: &'a str,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageSaved {
    /// Written: the new revision's id.
    Done(i64),
    /// Another revision was saved since the one the text was based on:
    /// the current one (none: still the bundled text, when the base named
    /// a revision that is not this page's latest).
    Conflict(Option<Box<PageRevision>>),
}

/// Where a saved text comes from, for the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSource {
    /// Typed in the form.
    Typed,
    /// An older revision's text saved again (none: the bundled text).
    Restored(Option<i64>),
}

/// A text to save as a page's new revision.
#[derive(Clone, Debug)]
pub struct NewRevision<'a> {
    pub page: Prose,
    pub lang: Lang,
    /// The revision the text was based on (none: the bundled text).
    pub base: Option<i64>,
    /// Markdown.
    pub body: &'a str,
    pub source: TextSource,
}

/// The columns of a [`RevisionInfo`].
const INFO_COLUMNS: &str = "id, seq, author_email, created_at";

/// The latest revision of a page (`$1`) in a language (`$2`), with its text.
static LATEST: LazyLock<String> = LazyLock::new(|| {
    format!("SELECT {INFO_COLUMNS}, body FROM page_revisions WHERE page = $1 AND lang = $2 ORDER BY seq DESC LIMIT 1")
});

impl Store {
    /// The text the public sees of a page in a language: the latest
    /// revision's Markdown, or `None` for the bundled text.
    pub async fn page_body(&self, page: Prose, lang: Lang) -> Result<Option<String>, StoreError> {
        const BODY: &str = "SELECT body FROM page_revisions WHERE page = $1 AND lang = $2 ORDER BY seq DESC LIMIT 1";
        let row: Option<(String,)> = on_pool!(self, pool => sqlx::query_as(BODY)
            .bind(page.key())
            .bind(lang.code())
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|(body,)| body))
    }

    /// The latest revision of a page in a language; `None`: the bundled
    /// text.
    pub async fn current_page_revision(&self, page: Prose, lang: Lang) -> Result<Option<PageRevision>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(LATEST.as_str())
            .bind(page.key())
            .bind(lang.code())
            .fetch_optional(pool)
            .await)?)
    }

    /// One revision of a page in a language; `None` when no revision of
    /// this id is of that page and language.
    pub async fn page_revision(&self, page: Prose, lang: Lang, id: i64) -> Result<Option<PageRevision>, StoreError> {
        static ONE: LazyLock<String> = LazyLock::new(|| {
            format!("SELECT {INFO_COLUMNS}, body FROM page_revisions WHERE page = $1 AND lang = $2 AND id = $3")
        });
        Ok(on_pool!(self, pool => sqlx::query_as(ONE.as_str())
            .bind(page.key())
            .bind(lang.code())
            .bind(id)
            .fetch_optional(pool)
            .await)?)
    }

    /// The revisions of a page in a language, newest first, `limit` at most.
    pub async fn page_revisions(&self, page: Prose, lang: Lang, limit: i64) -> Result<Vec<RevisionInfo>, StoreError> {
        static LIST: LazyLock<String> = LazyLock::new(|| {
            format!(
                "SELECT {INFO_COLUMNS} FROM page_revisions WHERE page = $1 AND lang = $2 ORDER BY seq DESC LIMIT $3"
            )
        });
        Ok(on_pool!(self, pool => sqlx::query_as(LIST.as_str())
            .bind(page.key())
            .bind(lang.code())
            .bind(limit)
            .fetch_all(pool)
            .await)?)
    }

    /// The current revision of every page and language that has one.
    pub async fn current_page_revisions(&self) -> Result<Vec<(Prose, Lang, RevisionInfo)>, StoreError> {
        static CURRENT: LazyLock<String> = LazyLock::new(|| {
            format!(
                "SELECT page, lang, {INFO_COLUMNS} FROM page_revisions AS r \
             WHERE seq = (SELECT max(seq) FROM page_revisions WHERE page = r.page AND lang = r.lang)"
            )
        });
        let rows: Vec<LatestRow> = on_pool!(self, pool => sqlx::query_as(CURRENT.as_str()).fetch_all(pool).await)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| Some((Prose::parse(&row.page)?, Lang::parse(&row.lang)?, row.info)))
            .collect())
    }

    /// Saves a text as a page's new revision, if the page's current
    /// revision is still the one it was based on, with its audit entry.
    pub async fn save_page(
        &self,
        revision: &NewRevision<'_>,
        author: &Author<'_>,
        now: OffsetDateTime,
    ) -> Result<PageSaved, StoreError> {
        let NewRevision { page, lang, base, body, source } = *revision;
        const INSERT: &str = "INSERT INTO page_revisions (page, lang, seq, body, author_id, author_email, created_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (page, lang, seq) DO NOTHING RETURNING id";
        let actor = Actor::Staff(author.email.to_owned());
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let current: Option<PageRevision> = sqlx::query_as(LATEST.as_str())
                .bind(page.key())
                .bind(lang.code())
                .fetch_optional(&mut *tx)
                .await?;
            if current.as_ref().map(|r| r.info.id) != base {
                return Ok(PageSaved::Conflict(current.map(Box::new)));
            }
            let seq = current.as_ref().map_or(1, |r| r.info.seq + 1);
            let id: Option<(i64,)> = sqlx::query_as(INSERT)
                .bind(page.key())
                .bind(lang.code())
                .bind(seq)
                .bind(body)
                .bind(author.account_id)
                .bind(author.email)
                .bind(instant(now))
                .fetch_optional(&mut *tx)
                .await?;
            let Some((id,)) = id else {
                // Another save from the same revision came first (PostgreSQL
                // lets another transaction in): as it stands now.
                drop(tx);
                let current = self.current_page_revision(page, lang).await?;
                return Ok(PageSaved::Conflict(current.map(Box::new)));
            };
            let details =
                AuditDetails::new().word("page", audit::page_word(page)).word("lang", audit::lang_word(lang)).count("revision", id);
            let (kind, text, details) = match source {
                TextSource::Typed => (AuditKind::PageSaved, format!("{} ({lang}): revision #{id}", page.key()), details),
                TextSource::Restored(from) => {
                    // 0: the text the site came with.
                    let details = details.count("from", from.unwrap_or(0));
                    let from = from.map_or_else(|| "the bundled text".to_owned(), |from| format!("revision #{from}"));
                    (AuditKind::PageRestored, format!("{} ({lang}): revision #{id} restores {from}", page.key()), details)
                }
            };
            audit::record(&mut *tx, now, actor.email(), kind, &details, &text).await?;
            tx.commit().await?;
            Ok(PageSaved::Done(id))
        })
    }
}
