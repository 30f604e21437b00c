//! One file of the folder: its language, its front matter and its body,
//! each field checked and every problem reported with its line.

use serde::Deserialize;
use time::{OffsetDateTime, format_description::well_known::Rfc3339};

use super::{DELIMITER, FolderErrors, SourceFile};
use crate::{
    domain::{
        Slug, Title,
        news::{AltText, BODY_MAX_BYTES, FileName, Markdown, Published, SUMMARY_MAX_CHARS, Translation},
    },
    text::i18n::Lang,
};

/// The front matter as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    slug: toml::Spanned<String>,
    published_at: toml::Spanned<toml::Value>,
    title: toml::Spanned<String>,
    summary: toml::Spanned<String>,
    image: Option<toml::Spanned<String>>,
    image_alt: Option<toml::Spanned<String>>,
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

/// The body after the front matter: Markdown, not too long.
fn body(name: &str, body: &str, errors: &mut FolderErrors) -> Option<Markdown> {
    let text = body.trim();
    if text.len() > BODY_MAX_BYTES {
        errors.push(name, None, format!("the body is longer than {} KiB", BODY_MAX_BYTES / 1024));
        return None;
    }
    Markdown::parse(text, usize::MAX)
        .map_err(|error| errors.push(name, None, format!("the body after the front matter: {error}")))
        .ok()
}

/// Checks one file on its own; every problem is reported with its line.
pub(super) fn parse_file(file: &SourceFile, errors: &mut FolderErrors) -> Option<(Lang, Parsed)> {
    let name = file.name.as_str();
    let (lang, matter, front, body_text) = read(file, errors)?;
    let before = errors.count();
    let mut check = |span: std::ops::Range<usize>, field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(name, Some(line_of(front, span.start)), format!("{field}: {message}"));
        }
    };
    let slug = Slug::parse(matter.slug.get_ref());
    check(matter.slug.span(), "slug", slug.as_ref().map(|_| ()).map_err(ToString::to_string));
    let published = published(matter.published_at.get_ref());
    check(
        matter.published_at.span(),
        "published_at",
        published.map(|_| ()).ok_or_else(|| {
            "expected an RFC 3339 date-time with its UTC offset, such as 2026-03-02T10:00:00+01:00".to_owned()
        }),
    );
    let title = Title::parse(matter.title.get_ref());
    check(matter.title.span(), "title", title.as_ref().map(|_| ()).map_err(ToString::to_string));
    let summary = Markdown::parse(matter.summary.get_ref(), SUMMARY_MAX_CHARS);
    check(matter.summary.span(), "summary", summary.as_ref().map(|_| ()).map_err(ToString::to_string));
    let image = matter.image.as_ref().map(|image| {
        let parsed = FileName::parse(image.get_ref());
        check(image.span(), "image", parsed.as_ref().map(|_| ()).map_err(ToString::to_string));
        parsed.ok().map(|file_name| (file_name, line_of(front, image.span().start)))
    });
    let image_alt = matter.image_alt.as_ref().map(|alt| {
        let parsed = AltText::parse(alt.get_ref());
        check(alt.span(), "image_alt", parsed.as_ref().map(|_| ()).map_err(ToString::to_string));
        parsed.ok()
    });
    match (&matter.image, &matter.image_alt) {
        (Some(image), None) => check(
            image.span(),
            "image_alt",
            Err("an image needs its alternative text in the file's language".to_owned()),
        ),
        (None, Some(alt)) => check(alt.span(), "image_alt", Err("there is no image to describe".to_owned())),
        _ => {}
    }
    let body = body(name, body_text, errors);
    if errors.count() > before {
        return None;
    }
    let translation =
        Translation { title: title.ok()?, summary: summary.ok()?, body: body?, image_alt: image_alt.flatten() };
    let parsed =
        Parsed { file: name.to_owned(), slug: slug.ok()?, published: published?, image: image.flatten(), translation };
    Some((lang, parsed))
}
