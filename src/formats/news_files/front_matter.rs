//! One file of the folder: its language, its front matter and its body,
//! each field checked and every problem reported with its line.

use std::{fmt, ops::Range, sync::LazyLock};

use serde::{
    Deserialize, Deserializer,
    de::{self, MapAccess, Visitor},
};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};
use toml::Spanned;

use super::{DELIMITER, FolderErrors, SourceFile};
use crate::{
    domain::{
        Slug,
        news::{BODY_MAX_BYTES, Checking, FileName, Needed, Published, TextError, TextField, Translation},
    },
    text::i18n::Lang,
};

/// A key of the front matter: the item's, or one of its texts (all but
/// the body, which is the file's text after the front matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    Slug,
    PublishedAt,
    Image,
    Text(TextField),
}

/// Every key, in the order `export` writes them: the item's, its texts,
/// then the image and the image's own texts.
pub(super) static KEYS: LazyLock<Vec<Key>> = LazyLock::new(|| {
    let texts = |of_image: bool| {
        TextField::ALL
            .into_iter()
            .filter(move |field| *field != TextField::Body && (field.rules().needed == Needed::WithImage) == of_image)
            .map(Key::Text)
    };
    [Key::Slug, Key::PublishedAt].into_iter().chain(texts(false)).chain([Key::Image]).chain(texts(true)).collect()
});

/// Their names, as an unknown key's message lists them.
static KEY_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| KEYS.iter().map(|key| key.name()).collect());

impl Key {
    pub(super) fn name(self) -> &'static str {
        match self {
            Key::Slug => "slug",
            Key::PublishedAt => "published_at",
            Key::Image => "image",
            Key::Text(field) => field.name(),
        }
    }
}

/// The front matter as written. Read as a struct with
/// `deny_unknown_fields` would be: an unknown key, or a value of the wrong
/// type, refused with its line; a missing key, without.
struct FrontMatter {
    slug: Spanned<String>,
    published_at: Spanned<toml::Value>,
    image: Option<Spanned<String>>,
    /// By field, in the order of [`TextField::ALL`] (the body's is `None`).
    texts: Vec<Option<Spanned<String>>>,
}

impl FrontMatter {
    fn text(&self, field: TextField) -> Option<&Spanned<String>> {
        self.texts.get(field.index()).and_then(Option::as_ref)
    }
}

impl<'de> Deserialize<'de> for FrontMatter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FrontMatter, D::Error> {
        deserializer.deserialize_struct("FrontMatter", KEY_NAMES.as_slice(), FrontMatterVisitor)
    }
}

/// A key as read, refused when unknown (so that the error has its span).
impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        KEYS.iter().copied().find(|key| key.name() == name).ok_or_else(|| E::unknown_field(name, KEY_NAMES.as_slice()))
    }
}

struct FrontMatterVisitor;

/// A key's value, once.
fn once<T, E: de::Error>(slot: &mut Option<T>, key: Key, value: impl FnOnce() -> Result<T, E>) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key.name()));
    }
    *slot = Some(value()?);
    Ok(())
}

impl<'de> Visitor<'de> for FrontMatterVisitor {
    type Value = FrontMatter;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct FrontMatter")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FrontMatter, A::Error> {
        let (mut slug, mut published_at, mut image) = (None, None, None);
        let mut texts: Vec<Option<Spanned<String>>> = TextField::ALL.iter().map(|_| None).collect();
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Slug => once(&mut slug, key, || map.next_value())?,
                Key::PublishedAt => once(&mut published_at, key, || map.next_value())?,
                Key::Image => once(&mut image, key, || map.next_value())?,
                Key::Text(field) => match texts.get_mut(field.index()) {
                    Some(slot) => once(slot, key, || map.next_value())?,
                    None => return Err(de::Error::unknown_field(key.name(), KEY_NAMES.as_slice())),
                },
            }
        }
        let slug = slug.ok_or_else(|| de::Error::missing_field("slug"))?;
        let published_at = published_at.ok_or_else(|| de::Error::missing_field("published_at"))?;
        for key in KEYS.iter() {
            if let Key::Text(field) = key
                && field.rules().needed == Needed::Always
                && texts.get(field.index()).is_none_or(Option::is_none)
            {
                return Err(de::Error::missing_field(field.name()));
            }
        }
        Ok(FrontMatter { slug, published_at, image, texts })
    }
}

/// One file, checked on its own.
pub(super) struct Parsed {
    pub file: String,
    pub slug: Slug,
    pub published: Published,
    pub image: Option<(FileName, usize)>,
    pub translation: Translation,
}

/// The language a file's name announces: `NAME.fr.md` or `NAME.en.md`.
fn language_of(name: &str) -> Result<Lang, String> {
    let stem = name.strip_suffix(".md").ok_or_else(|| "not a Markdown file".to_owned())?;
    match stem.rsplit_once('.') {
        Some((base, code)) if !base.is_empty() => Lang::parse(code)
            .ok_or_else(|| format!("unknown language suffix {code:?}: name the file NAME.fr.md or NAME.en.md")),
        _ => Err("no language suffix: name the file NAME.fr.md or NAME.en.md".to_owned()),
    }
}

/// The line (1-based, in the whole file) of a byte offset in the front
/// matter, which starts on the file's second line.
fn line_of(front: &str, offset: usize) -> usize {
    let offset = offset.min(front.len());
    front.as_bytes()[..offset].iter().filter(|b| **b == b'\n').count() + 2
}

/// Splits a file into its front matter and its body.
fn split(text: &str) -> Result<(&str, &str), (Option<usize>, String)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != DELIMITER {
        return Err((Some(1), format!("the file must start with a {DELIMITER} line opening the front matter")));
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == DELIMITER {
            return Ok((&text[start..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err((None, format!("the front matter is not closed by a {DELIMITER} line")))
}

/// Reads a file's language, front matter and body; `None` (with the
/// problem reported) when they cannot be told apart.
fn read<'a>(file: &'a SourceFile, errors: &mut FolderErrors) -> Option<(Lang, FrontMatter, &'a str, &'a str)> {
    let name = file.name.as_str();
    let lang = language_of(name).map_err(|message| errors.push(name, None, message)).ok()?;
    let (front, body) = split(&file.text).map_err(|(line, message)| errors.push(name, line, message)).ok()?;
    match toml::from_str(front) {
        Ok(matter) => Some((lang, matter, front, body)),
        Err(error) => {
            let message = error.message().trim().to_owned();
            // A missing field is reported against the whole table: no line.
            let line = error.span().filter(|_| !message.starts_with("missing field")).map(|s| line_of(front, s.start));
            errors.push(name, line, format!("front matter: {message}"));
            None
        }
    }
}

/// `published_at`: an RFC 3339 date-time with its offset, as a TOML
/// date-time or a string.
fn published(value: &toml::Value) -> Option<Published> {
    match value {
        toml::Value::Datetime(datetime) => Some(datetime.to_string()),
        toml::Value::String(text) => Some(text.clone()),
        _ => None,
    }
    .and_then(|text| OffsetDateTime::parse(&text, &Rfc3339).ok())
    .map(Published::new)
}

/// What is wrong with one of the texts of the front matter (`failed`: what
/// reading the texts found), each with its line.
fn text_errors(
    front: &str,
    matter: &FrontMatter,
    field: TextField,
    failed: Option<TextError>,
) -> Vec<(Option<usize>, String)> {
    let line = |span: Range<usize>| Some(line_of(front, span.start));
    let name = field.name();
    let mut found = Vec::new();
    match matter.text(field) {
        Some(text) => {
            let of_image = field.rules().needed == Needed::WithImage;
            // Not read without an image, it is checked all the same.
            let failed = match &matter.image {
                None if of_image => field.check(text.get_ref(), Checking::Typed { has_image: false }).err(),
                _ => failed,
            };
            if let Some(error) = failed {
                found.push((line(text.span()), format!("{name}: {error}")));
            }
            if of_image && matter.image.is_none() {
                found.push((line(text.span()), format!("{name}: there is no image to describe")));
            }
        }
        // Only an image's own text can be missing here: the others are
        // refused as missing keys.
        None if failed.is_some() => {
            let message = format!("{name}: an image needs its {} in the file's language", field.noun());
            found.push((matter.image.as_ref().and_then(|image| line(image.span())), message));
        }
        None => {}
    }
    found
}

/// What is wrong with the body after the front matter.
fn body_error(error: TextError) -> String {
    match error {
        TextError::TooLong(_) => format!("the body is longer than {} KiB", BODY_MAX_BYTES / 1024),
        error => format!("the body after the front matter: {error}"),
    }
}

/// Checks one file on its own; every problem is reported with its line.
pub(super) fn parse_file(file: &SourceFile, errors: &mut FolderErrors) -> Option<(Lang, Parsed)> {
    let name = file.name.as_str();
    let (lang, matter, front, body_text) = read(file, errors)?;
    let before = errors.count();
    let mut push = |line: Option<usize>, message: String| errors.push(name, line, message);
    let at = |span: Range<usize>| Some(line_of(front, span.start));
    let slug = Slug::parse(matter.slug.get_ref());
    if let Err(error) = &slug {
        push(at(matter.slug.span()), format!("slug: {error}"));
    }
    let published = published(matter.published_at.get_ref());
    if published.is_none() {
        let expected = "expected an RFC 3339 date-time with its UTC offset, such as 2026-03-02T10:00:00+01:00";
        push(at(matter.published_at.span()), format!("published_at: {expected}"));
    }
    let body = body_text.trim();
    let given = |field: TextField| match field {
        TextField::Body => Some(body),
        field => matter.text(field).map(|text| text.get_ref().as_str()),
    };
    let has_image = matter.image.is_some();
    let (translation, mut failed) = match Translation::from_texts(Checking::Typed { has_image }, given) {
        Ok(translation) => (Some(translation), Vec::new()),
        Err(failed) => (None, failed),
    };
    let mut take = |field: TextField| failed.iter().position(|(f, _)| *f == field).map(|i| failed.remove(i).1);
    let mut image = None;
    for key in KEYS.iter() {
        match *key {
            Key::Slug | Key::PublishedAt => {}
            Key::Image => {
                image = matter.image.as_ref().and_then(|image| match FileName::parse(image.get_ref()) {
                    Ok(file_name) => Some((file_name, line_of(front, image.span().start))),
                    Err(error) => {
                        push(at(image.span()), format!("image: {error}"));
                        None
                    }
                });
            }
            Key::Text(field) => {
                for (line, message) in text_errors(front, &matter, field, take(field)) {
                    push(line, message);
                }
            }
        }
    }
    if let Some(error) = take(TextField::Body) {
        push(None, body_error(error));
    }
    if errors.count() > before {
        return None;
    }
    let parsed =
        Parsed { file: name.to_owned(), slug: slug.ok()?, published: published?, image, translation: translation? };
    Some((lang, parsed))
}
