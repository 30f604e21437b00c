//! Writing items in the folder format, for `news export`.

use std::{collections::HashMap, path::Path};

use serde::{Serialize, Serializer, ser::SerializeStruct};
use time::format_description::well_known::Rfc3339;

use super::{
    DELIMITER,
    front_matter::{KEYS, Key},
};
use crate::{
    domain::news::{NewNewsItem, NewsImage, Translated, Translation},
    text::i18n::Lang,
};

/// The front matter as `export` writes it: every key it has, in the order
/// of [`KEYS`].
struct FrontMatterOut<'a> {
    item: &'a NewNewsItem,
    published_at: toml::value::Datetime,
    image: Option<&'a str>,
    translation: &'a Translation,
}

impl FrontMatterOut<'_> {
    /// A key's value: text, or the date-time.
    fn value(&self, key: Key) -> Option<Result<&str, &toml::value::Datetime>> {
        match key {
            Key::Slug => Some(Ok(self.item.slug.as_str())),
            Key::PublishedAt => Some(Err(&self.published_at)),
            Key::Image => self.image.map(Ok),
            Key::Text(field) => self.translation.text(field).map(Ok),
        }
    }
}

impl Serialize for FrontMatterOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = KEYS.iter().filter(|key| self.value(**key).is_some()).count();
        let mut out = serializer.serialize_struct("FrontMatter", written)?;
        for key in KEYS.iter() {
            match self.value(*key) {
                Some(Ok(text)) => out.serialize_field(key.name(), text)?,
                Some(Err(datetime)) => out.serialize_field(key.name(), datetime)?,
                None => out.skip_field(key.name())?,
            }
        }
        out.end()
    }
}

/// The text of one item's file in one language, as `export` writes it.
pub fn write_file(item: &NewNewsItem, lang: Lang, image_name: Option<&str>) -> Result<Option<String>, String> {
    let Some(translation) = item.translation(lang) else {
        return Ok(None);
    };
    let published = item.published.local().format(&Rfc3339).map_err(|e| e.to_string())?;
    let matter = FrontMatterOut {
        item,
        published_at: published.parse().map_err(|e: toml::value::DatetimeParseError| e.to_string())?,
        image: image_name.filter(|_| item.image.is_some()),
        translation,
    };
    let front = toml::to_string(&matter).map_err(|e| e.to_string())?;
    Ok(Some(format!("{DELIMITER}\n{front}{DELIMITER}\n\n{}\n", translation.body.as_str())))
}

/// What `export` wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    pub items: usize,
    pub files: usize,
    pub images: usize,
}

/// Writes items into a folder (created if needed) in the format `parse`
/// reads: `SLUG.fr.md`, `SLUG.en.md` and the images. Two different images
/// stored under one file name get distinct names.
pub fn write_folder(dir: &Path, items: &[NewNewsItem]) -> anyhow::Result<ExportReport> {
    use anyhow::Context;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut report = ExportReport::default();
    let mut written: HashMap<String, String> = HashMap::new();
    for item in items {
        let image_name = match &item.image {
            None => None,
            Some(NewsImage { file_name, image }) => {
                let mut name = file_name.as_str().to_owned();
                if written.get(&name).is_some_and(|hash| hash != image.hash()) {
                    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), image.kind().extension()));
                    name = format!("{stem}-{}.{ext}", &image.hash()[..12]);
                }
                if !written.contains_key(&name) {
                    let path = dir.join(&name);
                    std::fs::write(&path, image.bytes()).with_context(|| format!("cannot write {}", path.display()))?;
                    written.insert(name.clone(), image.hash().to_owned());
                    report.images += 1;
                }
                Some(name)
            }
        };
        for lang in Lang::ALL {
            let text = write_file(item, lang, image_name.as_deref())
                .map_err(|e| anyhow::anyhow!("{}: cannot write the front matter: {e}", item.slug))?;
            if let Some(text) = text {
                let path = dir.join(format!("{}.{lang}.md", item.slug));
                std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
                report.files += 1;
            }
        }
        report.items += 1;
    }
    Ok(report)
}
