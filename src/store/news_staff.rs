//! News items as staff see them (drafts and scheduled ones too): the
//! back office's list and an item read for its form.

use sqlx::FromRow;
use time::OffsetDateTime;

use super::{
    Store, StoreError,
    news::{TEXT_COLUMNS, TranslationRow},
    news_edits::{StaffNews, StoredImage},
};
use crate::{
    domain::{
        Slug,
        news::{FileName, ImageType, Published},
    },
    text::i18n::Lang,
};

#[derive(FromRow)]
struct StaffRow {
    id: i64,
    slug: String,
    draft: bool,
    published_at: OffsetDateTime,
    published_offset: i32,
    version: i64,
    image_hash: Option<String>,
    image_name: Option<String>,
    content_type: Option<String>,
    sample: bool,
}

#[derive(FromRow)]
struct StaffTranslationRow {
    news_id: i64,
    #[sqlx(flatten)]
    translation: TranslationRow,
}

const SELECT: &str = "SELECT n.id, n.slug, n.draft, n.published_at, n.published_offset, n.version, n.image_hash, \
                      n.image_name, i.content_type, n.sample FROM news n LEFT JOIN news_images i ON i.hash = n.image_hash ";

/// The translations' rows, as `rest` picks and orders them.
fn translations(rest: &str) -> String {
    format!("SELECT news_id, lang, {} FROM news_translations {rest}", TEXT_COLUMNS.as_str())
}

impl StaffRow {
    fn into_domain(self, translations: &[StaffTranslationRow]) -> Result<StaffNews, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("news {:?}: {what}", self.slug));
        let image = match (&self.image_hash, &self.image_name, &self.content_type) {
            (None, None, _) => None,
            (Some(hash), Some(name), Some(content_type)) => Some(StoredImage {
                hash: hash.clone(),
                kind: ImageType::from_content_type(content_type).ok_or_else(|| corrupt("content type"))?,
                file_name: FileName::parse(name).map_err(|_| corrupt("image name"))?,
            }),
            _ => return Err(corrupt("image")),
        };
        let mut item = StaffNews {
            id: self.id,
            slug: Slug::parse(&self.slug).map_err(|_| corrupt("slug"))?,
            draft: self.draft,
            published: Published::from_parts(self.published_at, self.published_offset)
                .ok_or_else(|| corrupt("offset"))?,
            version: self.version,
            image,
            fr: None,
            en: None,
            sample: self.sample,
        };
        for t in translations.iter().filter(|t| t.news_id == self.id) {
            let (lang, translation) = t.translation.clone().into_domain(&self.slug)?;
            match lang {
                Lang::Fr => item.fr = Some(translation),
                Lang::En => item.en = Some(translation),
            }
        }
        Ok(item)
    }
}

impl Store {
    /// Every item, drafts first, then newest first (the scheduled ones
    /// at the top).
    pub async fn staff_news_list(&self) -> Result<Vec<StaffNews>, StoreError> {
        let items = format!("{SELECT}ORDER BY n.draft DESC, n.published_at DESC, n.id DESC");
        let translations = translations("ORDER BY news_id, lang");
        let rows: Vec<StaffRow> =
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(items)).fetch_all(pool).await)?;
        let translations: Vec<StaffTranslationRow> =
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(translations)).fetch_all(pool).await)?;
        rows.into_iter().map(|row| row.into_domain(&translations)).collect()
    }

    /// One item as staff see it.
    pub async fn staff_news(&self, id: i64) -> Result<Option<StaffNews>, StoreError> {
        let item = format!("{SELECT}WHERE n.id = $1");
        let translations = translations("WHERE news_id = $1");
        let row: Option<StaffRow> =
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(item)).bind(id).fetch_optional(pool).await)?;
        let Some(row) = row else { return Ok(None) };
        let translations: Vec<StaffTranslationRow> = on_pool!(self, pool =>
            sqlx::query_as(sqlx::AssertSqlSafe(translations)).bind(id).fetch_all(pool).await)?;
        row.into_domain(&translations).map(Some)
    }
}
