//! News items and their images, with the same rules as the rest of the
//! store: queries written once for both backends, `$N` placeholders in
//! ascending order, instants bound in UTC to the second (so that SQLite's
//! text comparison is time order).

use std::sync::LazyLock;

use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, FromRow, IntoArguments, Row, Type};
use time::OffsetDateTime;

use super::{Store, StoreError, instant};
use crate::{
    domain::{
        Slug,
        news::{
            Checking, FileName, Image, ImageRef, ImageType, NewNewsItem, NewsEntry, NewsImage, Published, TextField,
            Translated, Translation,
        },
    },
    text::i18n::Lang,
};

/// Drops the images no news item uses any more.
pub(super) const DROP_UNUSED_IMAGES: &str =
    "DELETE FROM news_images WHERE hash NOT IN (SELECT image_hash FROM news WHERE image_hash IS NOT NULL)";

/// The columns an [`EntryRow`] reads, from an item, its translation and its image.
const SELECT_ENTRIES: &str = "SELECT n.slug, n.published_at, n.published_offset, n.image_hash, i.content_type, n.sample, \
         t.title, t.summary, t.body, t.image_alt \
         FROM news n JOIN news_translations t ON t.news_id = n.id \
         LEFT JOIN news_images i ON i.hash = n.image_hash ";

#[derive(FromRow)]
struct EntryRow {
    slug: String,
    published_at: OffsetDateTime,
    published_offset: i32,
    image_hash: Option<String>,
    content_type: Option<String>,
    sample: bool,
    title: String,
    summary: String,
    body: String,
    image_alt: Option<String>,
}

impl EntryRow {
    fn into_domain(self) -> Result<NewsEntry, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("news {:?}: {what}", self.slug));
        let image = match (&self.image_hash, &self.content_type) {
            (Some(hash), Some(content_type)) => Some(ImageRef {
                hash: hash.clone(),
                kind: ImageType::from_content_type(content_type).ok_or_else(|| corrupt("content type"))?,
                alt: self.image_alt.clone().unwrap_or_default(),
            }),
            (None, _) => None,
            (Some(_), None) => return Err(corrupt("image missing")),
        };
        Ok(NewsEntry {
            slug: Slug::parse(&self.slug).map_err(|_| corrupt("slug"))?,
            published: Published::from_parts(self.published_at, self.published_offset)
                .ok_or_else(|| corrupt("offset"))?,
            title: self.title,
            summary: self.summary,
            body: self.body,
            image,
            sample: self.sample,
        })
    }
}

#[derive(FromRow)]
pub(super) struct ItemRow {
    pub(super) id: i64,
    published_at: OffsetDateTime,
    published_offset: i32,
    image_hash: Option<String>,
    image_name: Option<String>,
    pub(super) sample: bool,
    draft: bool,
}

impl ItemRow {
    /// Whether an item is the one stored in this row with these
    /// translations (in any order).
    pub(super) fn same_as(&self, item: &NewNewsItem, mut stored: Vec<TranslationRow>) -> bool {
        stored.sort_by_key(|t| Lang::ALL.iter().position(|l| l.code() == t.lang));
        !self.draft
            && Published::from_parts(self.published_at, self.published_offset) == Some(item.published)
            && self.image_hash.as_deref() == item.image.as_ref().map(|i| i.image.hash())
            && self.image_name.as_deref() == item.image.as_ref().map(|i| i.file_name.as_str())
            && stored == TranslationRow::all_of(item)
    }
}

/// The columns of `news_translations` that hold a translation's texts,
/// one per [`TextField`], in the order of [`TextField::ALL`]: what every
/// query that reads or writes a [`TranslationRow`] names.
pub(super) static TEXT_COLUMNS: LazyLock<String> = LazyLock::new(|| TextField::ALL.map(TextField::name).join(", "));

/// A row of `news_translations`: its language (`lang`) and the columns
/// [`TEXT_COLUMNS`] names.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct TranslationRow {
    pub(super) lang: String,
    /// Each field's text, in the order of [`TextField::ALL`].
    texts: Vec<Option<String>>,
}

/// Read by column name, on a row of either backend.
impl<'r, R: Row> FromRow<'r, R> for TranslationRow
where
    &'static str: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    Option<String>: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<TranslationRow, sqlx::Error> {
        let texts = TextField::ALL.iter().map(|field| row.try_get(field.name())).collect::<Result<_, _>>()?;
        Ok(TranslationRow { lang: row.try_get("lang")?, texts })
    }
}

impl TranslationRow {
    /// An item's translations, in the order of [`Lang::ALL`].
    pub(super) fn all_of(item: &NewNewsItem) -> Vec<TranslationRow> {
        Lang::ALL.iter().filter_map(|lang| item.translation(*lang).map(|t| TranslationRow::of(*lang, t))).collect()
    }

    pub(super) fn of(lang: Lang, t: &Translation) -> TranslationRow {
        TranslationRow {
            lang: lang.code().to_owned(),
            texts: TextField::ALL.iter().map(|field| t.text(*field).map(str::to_owned)).collect(),
        }
    }

    pub(super) fn into_domain(self, slug: &str) -> Result<(Lang, Translation), StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("news {slug:?} ({}): {what}", self.lang));
        let lang = Lang::parse(&self.lang).ok_or_else(|| corrupt("language"))?;
        let text = |field: TextField| self.texts.get(field.index()).and_then(Option::as_deref);
        let translation = Translation::from_texts(Checking::Stored, text)
            .map_err(|errors| corrupt(errors.first().map_or("texts", |(field, _)| field.name())))?;
        Ok((lang, translation))
    }
}

#[derive(FromRow)]
struct ExportRow {
    id: i64,
    slug: String,
    published_at: OffsetDateTime,
    published_offset: i32,
    image_name: Option<String>,
    image_hash: Option<String>,
    data: Option<Vec<u8>>,
}

#[derive(FromRow)]
struct ExportTranslationRow {
    news_id: i64,
    #[sqlx(flatten)]
    translation: TranslationRow,
}

impl Store {
    /// How many items are published in a language at `now`.
    pub async fn news_count(&self, lang: Lang, now: OffsetDateTime) -> Result<i64, StoreError> {
        const COUNT: &str = "SELECT count(*) FROM news n JOIN news_translations t ON t.news_id = n.id \
                             WHERE t.lang = $1 AND NOT n.draft AND n.published_at <= $2";
        let now = instant(now);
        let (count,): (i64,) =
            on_pool!(self, pool => sqlx::query_as(COUNT).bind(lang.code()).bind(now).fetch_one(pool).await)?;
        Ok(count)
    }

    /// The items published in a language at `now`, newest first, `limit`
    /// of them from `offset` on.
    pub async fn news_list(
        &self,
        lang: Lang,
        now: OffsetDateTime,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<NewsEntry>, StoreError> {
        static LIST: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{SELECT_ENTRIES}WHERE t.lang = $1 AND NOT n.draft AND n.published_at <= $2 ORDER BY n.published_at DESC, n.slug LIMIT $3 OFFSET $4"
            )
        });
        let now = instant(now);
        let rows: Vec<EntryRow> = on_pool!(self, pool => sqlx::query_as(LIST.as_str())
            .bind(lang.code())
            .bind(now)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(EntryRow::into_domain).collect()
    }

    /// One item in a language, if it is published in it at `now`.
    pub async fn news_entry(
        &self,
        lang: Lang,
        slug: &Slug,
        now: OffsetDateTime,
    ) -> Result<Option<NewsEntry>, StoreError> {
        static ONE: LazyLock<String> = LazyLock::new(|| {
            format!("{SELECT_ENTRIES}WHERE t.lang = $1 AND n.slug = $2 AND NOT n.draft AND n.published_at <= $3")
        });
        let now = instant(now);
        let row: Option<EntryRow> = on_pool!(self, pool => sqlx::query_as(ONE.as_str())
            .bind(lang.code())
            .bind(slug.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await)?;
        row.map(EntryRow::into_domain).transpose()
    }

    /// Every published item with the languages it is written in, newest
    /// first: for the sitemap and for an item's language links.
    pub async fn news_index(&self, now: OffsetDateTime) -> Result<Vec<(Slug, Vec<Lang>)>, StoreError> {
        const INDEX: &str = "SELECT n.slug, t.lang FROM news n JOIN news_translations t ON t.news_id = n.id \
                             WHERE NOT n.draft AND n.published_at <= $1 ORDER BY n.published_at DESC, n.slug";
        let now = instant(now);
        let rows: Vec<(String, String)> =
            on_pool!(self, pool => sqlx::query_as(INDEX).bind(now).fetch_all(pool).await)?;
        let mut index: Vec<(Slug, Vec<Lang>)> = Vec::new();
        for (slug, lang) in rows {
            let corrupt = || StoreError::Corrupt(format!("news {slug:?}: language {lang:?}"));
            let lang = Lang::parse(&lang).ok_or_else(corrupt)?;
            let slug = Slug::parse(&slug).map_err(|_| corrupt())?;
            match index.last_mut() {
                Some((last, langs)) if *last == slug => langs.push(lang),
                _ => index.push((slug, vec![lang])),
            }
        }
        for (_, langs) in &mut index {
            langs.sort_by_key(|lang| Lang::ALL.iter().position(|l| l == lang));
        }
        Ok(index)
    }

    /// The languages one item is published in at `now`.
    pub async fn news_languages(&self, slug: &Slug, now: OffsetDateTime) -> Result<Vec<Lang>, StoreError> {
        const LANGS: &str = "SELECT t.lang FROM news n JOIN news_translations t ON t.news_id = n.id \
                             WHERE n.slug = $1 AND NOT n.draft AND n.published_at <= $2";
        let now = instant(now);
        let rows: Vec<(String,)> =
            on_pool!(self, pool => sqlx::query_as(LANGS).bind(slug.as_str()).bind(now).fetch_all(pool).await)?;
        Ok(Lang::ALL.into_iter().filter(|lang| rows.iter().any(|(code,)| code == lang.code())).collect())
    }

    /// When what the news pages and feeds show last changed: the latest
    /// change to any item, or the latest publication up to `now`.
    pub async fn news_last_modified(&self, now: OffsetDateTime) -> Result<Option<OffsetDateTime>, StoreError> {
        const CHANGED: &str = "SELECT max(updated_at) FROM news";
        const PUBLISHED: &str = "SELECT max(published_at) FROM news WHERE NOT draft AND published_at <= $1";
        let now = instant(now);
        let (changed,): (Option<OffsetDateTime>,) =
            on_pool!(self, pool => sqlx::query_as(CHANGED).fetch_one(pool).await)?;
        let (published,): (Option<OffsetDateTime>,) =
            on_pool!(self, pool => sqlx::query_as(PUBLISHED).bind(now).fetch_one(pool).await)?;
        Ok(changed.into_iter().chain(published).max())
    }

    /// A stored image by the hash of its bytes.
    pub async fn news_image(&self, hash: &str) -> Result<Option<(ImageType, Vec<u8>)>, StoreError> {
        const IMAGE: &str = "SELECT content_type, data FROM news_images WHERE hash = $1";
        let row: Option<(String, Vec<u8>)> =
            on_pool!(self, pool => sqlx::query_as(IMAGE).bind(hash).fetch_optional(pool).await)?;
        row.map(|(content_type, data)| {
            ImageType::from_content_type(&content_type)
                .map(|kind| (kind, data))
                .ok_or_else(|| StoreError::Corrupt(format!("image {hash}: content type {content_type:?}")))
        })
        .transpose()
    }

    /// Every item but the drafts, published or scheduled, with its image:
    /// what `news export` writes (a folder has no drafts).
    pub async fn all_news(&self) -> Result<Vec<NewNewsItem>, StoreError> {
        const ITEMS: &str = "SELECT n.id, n.slug, n.published_at, n.published_offset, n.image_name, n.image_hash, \
                             i.data FROM news n LEFT JOIN news_images i ON i.hash = n.image_hash \
                             WHERE NOT n.draft ORDER BY n.published_at, n.slug";
        static TRANSLATIONS: LazyLock<String> = LazyLock::new(|| {
            format!("SELECT news_id, lang, {} FROM news_translations ORDER BY news_id, lang", TEXT_COLUMNS.as_str())
        });
        let rows: Vec<ExportRow> = on_pool!(self, pool => sqlx::query_as(ITEMS).fetch_all(pool).await)?;
        let translations: Vec<ExportTranslationRow> =
            on_pool!(self, pool => sqlx::query_as(TRANSLATIONS.as_str()).fetch_all(pool).await)?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let corrupt = |what: &str| StoreError::Corrupt(format!("news {:?}: {what}", row.slug));
            let image = match (&row.image_name, &row.image_hash, row.data) {
                (None, None, _) => None,
                (Some(name), Some(hash), Some(data)) => {
                    let image = Image::parse(data).map_err(|_| corrupt("image"))?;
                    if image.hash() != hash {
                        return Err(corrupt("image hash"));
                    }
                    Some(NewsImage { file_name: FileName::parse(name).map_err(|_| corrupt("image name"))?, image })
                }
                _ => return Err(corrupt("image")),
            };
            let mut item = NewNewsItem {
                slug: Slug::parse(&row.slug).map_err(|_| corrupt("slug"))?,
                published: Published::from_parts(row.published_at, row.published_offset)
                    .ok_or_else(|| corrupt("offset"))?,
                image,
                fr: None,
                en: None,
            };
            for t in translations.iter().filter(|t| t.news_id == row.id) {
                let (lang, translation) = t.translation.clone().into_domain(&row.slug)?;
                match lang {
                    Lang::Fr => item.fr = Some(translation),
                    Lang::En => item.en = Some(translation),
                }
            }
            items.push(item);
        }
        Ok(items)
    }
}

/// Stores an image, once per hash: on a transaction's connection, of
/// either backend.
pub(super) fn add_image<'e, 'c: 'e, E>(
    executor: E,
    image: &NewsImage,
) -> impl Future<Output = Result<(), StoreError>> + Send + 'e
where
    E: Executor<'c> + 'e,
    for<'t> &'t str: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> &'t [u8]: Encode<'t, E::Database> + Type<E::Database>,
    <E::Database as Database>::Arguments: IntoArguments<E::Database>,
{
    const ADD_IMAGE: &str =
        "INSERT INTO news_images (hash, content_type, data) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING";
    // Bound here: the future holds none of the image's borrows.
    let query = sqlx::query::<'static, E::Database>(ADD_IMAGE)
        .bind(image.image.hash())
        .bind(image.image.kind().content_type())
        .bind(image.image.bytes());
    let written = executor.execute(query);
    async move {
        written.await?;
        Ok(())
    }
}

/// Stores one of an item's texts (see [`NewsTexts::rows`]): on a
/// transaction's connection, of either backend.
pub(super) fn add_translation<'e, 'c: 'e, E>(
    executor: E,
    id: i64,
    t: TranslationRow,
) -> impl Future<Output = Result<(), StoreError>> + Send + 'e
where
    E: Executor<'c> + 'e,
    for<'t> i64: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> String: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> Option<String>: Encode<'t, E::Database> + Type<E::Database>,
    <E::Database as Database>::Arguments: IntoArguments<E::Database>,
{
    static ADD_TRANSLATION: LazyLock<String> = LazyLock::new(|| {
        let texts = (3..3 + TextField::ALL.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
        format!("INSERT INTO news_translations (news_id, lang, {}) VALUES ($1, $2, {texts})", TEXT_COLUMNS.as_str())
    });
    let mut query = sqlx::query::<'static, E::Database>(ADD_TRANSLATION.as_str()).bind(id).bind(t.lang);
    for text in t.texts {
        query = query.bind(text);
    }
    let written = executor.execute(query);
    async move {
        written.await?;
        Ok(())
    }
}
