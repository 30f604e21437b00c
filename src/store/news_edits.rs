//! Staff's news items from the back office: written as drafts, edited,
//! published at once or at a later time, taken back to draft, deleted.
//! Each change writes its audit entry in its own transaction, and drops
//! the images no item uses any more.
//!
//! An edit carries the version of the item it was read at: a save over a
//! newer version is refused, with the item as it now stands.

use sqlx::{Database, Encode, IntoArguments, Type};
use time::OffsetDateTime;

use super::{
    Actor, AuditDetails, AuditKind, BeginWrite, Saved, Store, StoreError, audit, instant,
    news::{DROP_UNUSED_IMAGES, TranslationRow, add_image, add_translation},
    news_preview::DROP_PREVIEW_LINK,
    trash::{TrashKind, put_in_trash},
};
use crate::{
    domain::{
        Slug,
        news::{FileName, ImageType, NewsImage, Published, Translated, Translation},
    },
    text::i18n::Lang,
};

/// An item's image as stored: what it is, and the name it is kept under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredImage {
    pub hash: String,
    pub kind: ImageType,
    pub file_name: FileName,
}

/// A news item as staff see it: draft or not, in every language it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffNews {
    pub id: i64,
    pub slug: Slug,
    /// Shown nowhere on the public site.
    pub draft: bool,
    /// When it is (or was, or will be) shown; a placeholder for a draft.
    pub published: Published,
    pub version: i64,
    pub image: Option<StoredImage>,
    pub fr: Option<Translation>,
    pub en: Option<Translation>,
    /// Part of the bundled sample data; saved by staff, it becomes real.
    pub sample: bool,
}

impl Translated for StaffNews {
    fn texts(&self) -> (Option<&Translation>, Option<&Translation>) {
        (self.fr.as_ref(), self.en.as_ref())
    }
}

impl StaffNews {
    /// Its title in `lang`, else in the other language.
    pub fn title(&self, lang: Lang) -> &str {
        self.translation(lang).or(self.translation(lang.other())).map(|t| t.title.as_str()).unwrap_or("")
    }
}

/// An item's texts: at least one of the two languages, each with the
/// image's alternative text when the item has an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsTexts {
    pub fr: Option<Translation>,
    pub en: Option<Translation>,
}

impl NewsTexts {
    fn rows(&self) -> Vec<TranslationRow> {
        [(Lang::Fr, &self.fr), (Lang::En, &self.en)]
            .into_iter()
            .filter_map(|(lang, t)| t.as_ref().map(|t| TranslationRow::of(lang, t)))
            .collect()
    }

    fn title(&self) -> &str {
        self.fr.as_ref().or(self.en.as_ref()).map(|t| t.title.as_str()).unwrap_or("")
    }
}

/// What a save does to an item's image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageChange {
    Keep,
    Replace(NewsImage),
    Remove,
}

/// A change of state [`Store::change_news`] makes to an item.
#[derive(Clone, Copy)]
enum NewsChange {
    /// Published at a moment (maybe later than now).
    Publish(Published),
    /// Taken back to draft.
    Unpublish,
    Delete,
}

impl NewsChange {
    fn kind(self) -> AuditKind {
        match self {
            NewsChange::Publish(_) => AuditKind::NewsPublished,
            NewsChange::Unpublish => AuditKind::NewsUnpublished,
            NewsChange::Delete => AuditKind::NewsDeleted,
        }
    }
}

/// How an item is named in the audit log.
fn describe(id: i64, slug: &str, title: &str) -> String {
    format!("#{id} {slug} ({title})")
}

/// An item as the audit log's details name it: its id, slug and title.
fn news_details(id: i64, slug: &str, title: &str) -> AuditDetails {
    AuditDetails::new().id(id).text("slug", slug).text("title", title)
}

/// How an update is told in the audit log: the item, then what changed
/// (each language's text, the image, a sample item made real), or "no
/// change"; as a summary, and as details whose words are the summary's
/// (`fr-added` for "fr added").
fn update_summary(id: i64, current: &StaffNews, texts: &NewsTexts, image: &ImageChange) -> (String, AuditDetails) {
    let mut changes: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        let (before, after) = match lang {
            Lang::Fr => (&current.fr, &texts.fr),
            Lang::En => (&current.en, &texts.en),
        };
        match (before, after) {
            (None, Some(_)) => changes.push(format!("{lang} added")),
            (Some(_), None) => changes.push(format!("{lang} removed")),
            (Some(a), Some(b)) if a != b => changes.push(format!("{lang} edited")),
            _ => {}
        }
    }
    match image {
        ImageChange::Keep => {}
        ImageChange::Replace(_) => changes.push("image replaced".to_owned()),
        ImageChange::Remove if current.image.is_some() => changes.push("image removed".to_owned()),
        ImageChange::Remove => {}
    }
    let mut words: Vec<String> = changes.iter().map(|change| change.replace(' ', "-")).collect();
    if current.sample {
        changes.push("sample → real".to_owned());
        words.push("sample-real".to_owned());
    }
    if words.is_empty() {
        words.push("no-change".to_owned());
    }
    let changes = if changes.is_empty() { "no change".to_owned() } else { changes.join("; ") };
    let text = format!("{}: {changes}", describe(id, current.slug.as_str(), texts.title()));
    (text, news_details(id, current.slug.as_str(), texts.title()).words("changes", words))
}

impl Store {
    /// Adds a draft, under `slug` or, when another item has it, the first
    /// of `slug-2`, `slug-3`… that is free. Its id. Each slug is tried by
    /// the insert itself (`ON CONFLICT DO NOTHING`), so that two drafts of
    /// the same title at once each get one of their own.
    pub async fn add_news(
        &self,
        slug: &Slug,
        texts: &NewsTexts,
        image: Option<&NewsImage>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(image) = image {
                add_image(&mut *tx, image).await?;
            }
            let id = insert_draft(&mut *tx, slug, texts, image, actor, now).await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Saves an item's texts and image, read at `version`: refused when it
    /// changed since, with the item as it now stands. The slug stays; a
    /// sample item saved by staff becomes real.
    pub async fn update_news(
        &self,
        id: i64,
        version: i64,
        texts: &NewsTexts,
        image: &ImageChange,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<StaffNews>, StoreError> {
        const UPDATE: &str = "UPDATE news SET image_hash = $1, image_name = $2, updated_at = $3, sample = FALSE, \
            version = version + 1 WHERE id = $4 AND version = $5";
        const CLEAR: &str = "DELETE FROM news_translations WHERE news_id = $1";
        let Some(current) = self.staff_news(id).await? else { return Ok(Saved::NotFound) };
        if current.version != version {
            return Ok(Saved::Conflict(Box::new(current)));
        }
        let (hash, name) = match image {
            ImageChange::Keep => (
                current.image.as_ref().map(|i| i.hash.clone()),
                current.image.as_ref().map(|i| i.file_name.to_string()),
            ),
            ImageChange::Replace(new) => (Some(new.image.hash().to_owned()), Some(new.file_name.to_string())),
            ImageChange::Remove => (None, None),
        };
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let ImageChange::Replace(new) = image {
                add_image(&mut *tx, new).await?;
            }
            let done = sqlx::query(UPDATE)
                .bind(hash.as_deref())
                .bind(name.as_deref())
                .bind(now)
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                false
            } else {
                sqlx::query(CLEAR).bind(id).execute(&mut *tx).await?;
                for t in texts.rows() {
                    add_translation(&mut *tx, id, t).await?;
                }
                sqlx::query(DROP_UNUSED_IMAGES).execute(&mut *tx).await?;
                let (text, details) = update_summary(id, &current, texts, image);
                audit::record(&mut *tx, now, actor.email(), AuditKind::NewsUpdated, &details, &text).await?;
                tx.commit().await?;
                true
            }
        });
        if done {
            return Ok(Saved::Done(id));
        }
        // Changed between the reading and the writing: as it stands now.
        match self.staff_news(id).await? {
            Some(now) => Ok(Saved::Conflict(Box::new(now))),
            None => Ok(Saved::NotFound),
        }
    }

    /// Publishes an item at `at`: shown from then on (scheduled, when
    /// later than `now`). False when there is no item of this id.
    pub async fn publish_news(
        &self,
        id: i64,
        at: Published,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let later = at.utc() > instant(now);
        let when = if later { "scheduled for" } else { "published at" };
        let moment = at.utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        let details = AuditDetails::new().instant("at", at.utc()).count("scheduled", i64::from(later));
        self.change_news(id, NewsChange::Publish(at), &format!("{when} {moment}"), details, actor, now).await
    }

    /// Takes an item back to draft: shown nowhere until published again.
    /// False when there is no item of this id.
    pub async fn unpublish_news(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        self.change_news(id, NewsChange::Unpublish, "back to draft", AuditDetails::new(), actor, now).await
    }

    /// Moves an item to the trash with its texts and image (see
    /// `trash.rs`), and drops the image if no other item uses it. False
    /// when there is no item of this id.
    pub async fn delete_news(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        self.change_news(id, NewsChange::Delete, "deleted", AuditDetails::new(), actor, now).await
    }

    /// Runs one change's statement on an item (returning its slug), drops
    /// the images no item uses any more, and writes the audit entry (`what`
    /// was done, with the change's own `details`), in one transaction;
    /// false when no item has this id.
    async fn change_news(
        &self,
        id: i64,
        change: NewsChange,
        what: &str,
        details: AuditDetails,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const PUBLISH: &str = "UPDATE news SET draft = FALSE, published_at = $1, published_offset = $2, \
            updated_at = $3, version = version + 1 WHERE id = $4 RETURNING slug";
        const UNPUBLISH: &str =
            "UPDATE news SET draft = TRUE, updated_at = $1, version = version + 1 WHERE id = $2 RETURNING slug";
        const DELETE: &str = "DELETE FROM news WHERE id = $1 RETURNING slug";
        let title = self.staff_news(id).await?.map(|item| item.title(Lang::Fr).to_owned()).unwrap_or_default();
        let postgres = matches!(self, Store::Postgres(_));
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if matches!(change, NewsChange::Delete)
                && !put_in_trash(&mut *tx, TrashKind::News, id, actor, now, postgres).await?
            {
                return Ok(false);
            }
            let statement = match change {
                NewsChange::Publish(at) => {
                    sqlx::query_as(PUBLISH).bind(at.utc()).bind(at.offset_seconds()).bind(instant(now)).bind(id)
                }
                NewsChange::Unpublish => sqlx::query_as(UNPUBLISH).bind(instant(now)).bind(id),
                NewsChange::Delete => sqlx::query_as(DELETE).bind(id),
            };
            let row: Option<(String,)> = statement.fetch_optional(&mut *tx).await?;
            match row {
                Some((slug,)) => {
                    // Published, a draft's preview link has done its work.
                    if let NewsChange::Publish(_) = change {
                        sqlx::query(DROP_PREVIEW_LINK).bind(id).execute(&mut *tx).await?;
                    }
                    sqlx::query(DROP_UNUSED_IMAGES).execute(&mut *tx).await?;
                    let text = format!("{}: {what}", describe(id, &slug, &title));
                    let details = details.clone().id(id).text("slug", slug.as_str()).text("title", title.as_str());
                    audit::record(&mut *tx, now, actor.email(), change.kind(), &details, &text).await?;
                    tx.commit().await?;
                    true
                }
                None => false,
            }
        });
        Ok(done)
    }
}

/// Adds a draft in a transaction that may do more (see [`Store::add_news`]),
/// with its audit entry; its image, if any, added already. Its id.
pub(super) async fn insert_draft<C>(
    conn: &mut C,
    slug: &Slug,
    texts: &NewsTexts,
    image: Option<&NewsImage>,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<i64, StoreError>
where
    C: sqlx::Connection,
    for<'c> &'c mut C: sqlx::Executor<'c, Database = C::Database>,
    for<'t> OffsetDateTime: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<&'t str>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> &'t str: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<String>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    (i64,): for<'r> sqlx::FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const INSERT: &str = "INSERT INTO news (slug, published_at, published_offset, image_hash, image_name, \
        created_at, updated_at, sample, draft) VALUES ($1, $2, 0, $3, $4, $2, $2, FALSE, TRUE) \
        ON CONFLICT (slug) DO NOTHING RETURNING id";
    let mut chosen = slug.clone();
    let mut n = 1;
    let id = loop {
        let inserted: Option<(i64,)> = sqlx::query_as(INSERT)
            .bind(chosen.as_str())
            .bind(now)
            .bind(image.map(|i| i.image.hash()))
            .bind(image.map(|i| i.file_name.as_str()))
            .fetch_optional(&mut *conn)
            .await?;
        if let Some((id,)) = inserted {
            break id;
        }
        n += 1;
        chosen = Slug::parse(&format!("{slug}-{n}")).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    };
    for t in texts.rows() {
        add_translation(&mut *conn, id, t).await?;
    }
    let text = format!("{} (draft)", describe(id, chosen.as_str(), texts.title()));
    let details = news_details(id, chosen.as_str(), texts.title());
    audit::record(&mut *conn, now, actor.email(), AuditKind::NewsAdded, &details, &text).await?;
    Ok(id)
}
