//! The news folder format, shared by `news import`, `news export` and the
//! bundled sample news.
//!
//! One Markdown file per item and language, named `NAME.fr.md` or
//! `NAME.en.md`, opening with TOML front matter between two `+++` lines:
//!
//! ```text
//! +++
//! slug = "2026-03-lyon-joins-the-pact"
//! published_at = 2026-03-02T10:00:00+01:00
//! title = "Lyon signe le Pacte"
//! summary = "La ville de Lyon rejoint le Pacte…"
//! image = "lyon.jpg"              # optional: a JPEG, PNG or WebP in the same folder, ≤ 2 MiB
//! image_alt = "La place Bellecour" # required with an image, in the file's language
//! +++
//! The body, in Markdown.
//! ```
//!
//! The files of one item share its slug; they must agree on `published_at`
//! and `image`. Every file is checked before anything is written: one
//! problem rejects the whole folder.

use std::{
    collections::{BTreeMap, HashMap},
    fmt,
    io::{self, Read},
    path::Path,
};

use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};

use crate::{
    domain::{
        Slug, Title,
        news::{
            AltText, BODY_MAX_BYTES, FileName, IMAGE_MAX_BYTES, Image, Markdown, NewNewsItem, NewsImage, Published,
            SUMMARY_MAX_CHARS, Translation,
        },
    },
    text::i18n::Lang,
};

/// More errors than this are not worth listing one by one.
const MAX_REPORTED: usize = 30;
const DELIMITER: &str = "+++";

/// One problem in a folder: the file it is in and, where known, the line.
#[derive(Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Everything wrong with a folder; it is rejected whole.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FolderErrors {
    pub errors: Vec<FileError>,
    pub more: usize,
}

impl FolderErrors {
    fn push(&mut self, file: &str, line: Option<usize>, message: impl Into<String>) {
        if self.errors.len() < MAX_REPORTED {
            self.errors.push(FileError { file: file.to_owned(), line, message: message.into() });
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.more == 0
    }
}

impl fmt::Display for FolderErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        if self.more > 0 {
            write!(f, "\n… and {} more problems", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for FolderErrors {}

/// A Markdown file of the folder, read as text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

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

/// The front matter as `export` writes it, in this order.
#[derive(Serialize)]
struct FrontMatterOut<'a> {
    slug: &'a str,
    published_at: toml::value::Datetime,
    title: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_alt: Option<&'a str>,
}

/// One file, checked on its own.
struct Parsed {
    file: String,
    slug: Slug,
    published: Published,
    image: Option<(FileName, usize)>,
    translation: Translation,
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

fn parse_file(file: &SourceFile, errors: &mut FolderErrors) -> Option<(Lang, Parsed)> {
    let name = file.name.as_str();
    let lang = match language_of(name) {
        Ok(lang) => lang,
        Err(message) => {
            errors.push(name, None, message);
            return None;
        }
    };
    let (front, body) = match split(&file.text) {
        Ok(parts) => parts,
        Err((line, message)) => {
            errors.push(name, line, message);
            return None;
        }
    };
    let matter: FrontMatter = match toml::from_str(front) {
        Ok(matter) => matter,
        Err(error) => {
            let message = error.message().trim().to_owned();
            // A missing field is reported against the whole table: no line.
            let line = error.span().filter(|_| !message.starts_with("missing field")).map(|s| line_of(front, s.start));
            errors.push(name, line, format!("front matter: {message}"));
            return None;
        }
    };
    let before = errors.errors.len() + errors.more;
    let mut check = |span: std::ops::Range<usize>, field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(name, Some(line_of(front, span.start)), format!("{field}: {message}"));
        }
    };

    let slug = Slug::parse(matter.slug.get_ref());
    check(matter.slug.span(), "slug", slug.as_ref().map(|_| ()).map_err(ToString::to_string));

    let published = match matter.published_at.get_ref() {
        toml::Value::Datetime(datetime) => Some(datetime.to_string()),
        toml::Value::String(text) => Some(text.clone()),
        _ => None,
    }
    .and_then(|text| OffsetDateTime::parse(&text, &Rfc3339).ok())
    .map(Published::new);
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

    let body_text = body.trim();
    let body = if body_text.len() > BODY_MAX_BYTES {
        errors.push(name, None, format!("the body is longer than {} KiB", BODY_MAX_BYTES / 1024));
        None
    } else {
        match Markdown::parse(body_text, usize::MAX) {
            Ok(body) => Some(body),
            Err(error) => {
                errors.push(name, None, format!("the body after the front matter: {error}"));
                None
            }
        }
    };

    if errors.errors.len() + errors.more > before {
        return None;
    }
    Some((
        lang,
        Parsed {
            file: name.to_owned(),
            slug: slug.ok()?,
            published: published?,
            image: image.flatten(),
            translation: Translation {
                title: title.ok()?,
                summary: summary.ok()?,
                body: body?,
                image_alt: image_alt.flatten(),
            },
        },
    ))
}

/// Why an image could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageReadError {
    #[error("there is no such file in the folder")]
    Missing,
    #[error("the image is larger than 2 MiB ({0} bytes)")]
    TooLarge(u64),
    #[error("cannot read it: {0}")]
    Io(String),
}

/// Checks every file, then puts each item's languages together. `read_image`
/// fetches an image file the front matter names.
pub fn parse(
    files: &[SourceFile],
    read_image: impl Fn(&FileName) -> Result<Vec<u8>, ImageReadError>,
) -> Result<Vec<NewNewsItem>, FolderErrors> {
    let mut errors = FolderErrors::default();
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut groups: BTreeMap<Slug, [Option<Parsed>; 2]> = BTreeMap::new();
    for file in sorted {
        let Some((lang, parsed)) = parse_file(file, &mut errors) else {
            continue;
        };
        let slot = &mut groups.entry(parsed.slug.clone()).or_default()[usize::from(lang == Lang::En)];
        match slot {
            Some(first) => errors.push(
                &parsed.file,
                Some(2),
                format!("slug {:?} in this language is already in {}", parsed.slug.as_str(), first.file),
            ),
            None => *slot = Some(parsed),
        }
    }

    let mut images: HashMap<FileName, Option<Image>> = HashMap::new();
    let mut items = Vec::new();
    for (slug, [fr, en]) in groups {
        let (first, second) = match (&fr, &en) {
            (Some(fr), Some(en)) => (fr, Some(en)),
            (Some(only), None) | (None, Some(only)) => (only, None),
            (None, None) => continue,
        };
        if let Some(second) = second {
            if second.published != first.published {
                errors.push(&second.file, None, format!("published_at differs from the one in {}", first.file));
            }
            let names = |p: &Parsed| p.image.as_ref().map(|(name, _)| name.clone());
            if names(second) != names(first) {
                errors.push(&second.file, None, format!("image differs from the one in {}", first.file));
            }
        }
        let published = first.published;
        let mut image = None;
        if let Some((file_name, line)) = &first.image {
            let loaded = images.entry(file_name.clone()).or_insert_with(|| {
                match read_image(file_name)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| Image::parse(bytes).map_err(|e| e.to_string()))
                {
                    Ok(image) => Some(image),
                    Err(message) => {
                        errors.push(&first.file, Some(*line), format!("image {file_name}: {message}"));
                        None
                    }
                }
            });
            image = loaded.clone().map(|image| NewsImage { file_name: file_name.clone(), image });
        }
        items.push(NewNewsItem {
            slug,
            published,
            image,
            fr: fr.map(|p| p.translation),
            en: en.map(|p| p.translation),
        });
    }
    if errors.is_empty() { Ok(items) } else { Err(errors) }
}

/// Reads a folder: every `*.md` file in it (not in sub-folders; hidden
/// files are skipped), and the images they name.
pub fn read_folder(dir: &Path) -> Result<Vec<NewNewsItem>, FolderErrors> {
    let mut errors = FolderErrors::default();
    let folder = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(&folder, None, format!("cannot read the folder: {error}"));
            return Err(errors);
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                errors.push(&folder, None, format!("cannot read the folder: {error}"));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(".md") || entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(SourceFile { name, text }),
                Err(_) => errors.push(&name, None, "the file is not valid UTF-8"),
            },
            Err(error) => errors.push(&name, None, format!("cannot read it: {error}")),
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(&folder, None, "no NAME.fr.md or NAME.en.md file in the folder");
    }
    let parsed = parse(&files, |name| read_image(dir, name));
    match parsed {
        Ok(items) if errors.is_empty() => Ok(items),
        Ok(_) => Err(errors),
        Err(more) => {
            for error in more.errors {
                errors.push(&error.file, error.line, error.message);
            }
            errors.more += more.more;
            Err(errors)
        }
    }
}

/// Reads an image of the folder, refusing a large one before reading it.
fn read_image(dir: &Path, name: &FileName) -> Result<Vec<u8>, ImageReadError> {
    let path = dir.join(name.as_str());
    let file = std::fs::File::open(&path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => ImageReadError::Missing,
        _ => ImageReadError::Io(error.to_string()),
    })?;
    let limit = IMAGE_MAX_BYTES as u64;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| ImageReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        return Err(ImageReadError::TooLarge(size));
    }
    Ok(bytes)
}

/// The text of one item's file in one language, as `export` writes it.
pub fn write_file(item: &NewNewsItem, lang: Lang, image_name: Option<&str>) -> Result<Option<String>, String> {
    let Some(translation) = item.translation(lang) else {
        return Ok(None);
    };
    let published = item.published.local().format(&Rfc3339).map_err(|e| e.to_string())?;
    let matter = FrontMatterOut {
        slug: item.slug.as_str(),
        published_at: published.parse().map_err(|e: toml::value::DatetimeParseError| e.to_string())?,
        title: translation.title.as_str(),
        summary: translation.summary.as_str(),
        image: image_name.filter(|_| item.image.is_some()),
        image_alt: translation.image_alt.as_ref().map(AltText::as_str),
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

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile { name: name.to_owned(), text: text.to_owned() }
    }

    fn no_images(_: &FileName) -> Result<Vec<u8>, ImageReadError> {
        Err(ImageReadError::Missing)
    }

    const FR: &str = "+++\nslug = \"lyon\"\npublished_at = 2026-03-02T10:00:00+01:00\ntitle = \"Lyon signe\"\n\
                      summary = \"Lyon *rejoint* le Pacte.\"\n+++\n\nLe corps.\n\n## Suite\n";

    fn errors_of(files: &[SourceFile]) -> String {
        parse(files, no_images).expect_err("rejected").to_string()
    }

    #[test]
    fn one_item_in_one_language() {
        let items = parse(&[file("a.fr.md", FR)], no_images).expect("parses");
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(item.slug.as_str(), "lyon");
        assert_eq!(item.published.offset_seconds(), 3600);
        assert_eq!(item.languages(), vec![Lang::Fr]);
        let fr = item.fr.as_ref().expect("French");
        assert_eq!(fr.title.as_str(), "Lyon signe");
        assert_eq!(fr.body.as_str(), "Le corps.\n\n## Suite");
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let missing = FR.replace("title = \"Lyon signe\"\n", "");
        assert_eq!(errors_of(&[file("a.fr.md", &missing)]), "a.fr.md: front matter: missing field `title`");
        let bad_date = FR.replace("2026-03-02T10:00:00+01:00", "2026-02-30T10:00:00+01:00");
        assert!(errors_of(&[file("a.fr.md", &bad_date)]).starts_with("a.fr.md: line 3: "));
        let local = FR.replace("2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00");
        assert!(errors_of(&[file("a.fr.md", &local)]).starts_with("a.fr.md: line 3: published_at: expected"));
        let text = FR.replace("2026-03-02T10:00:00+01:00", "\"yesterday\"");
        assert!(errors_of(&[file("a.fr.md", &text)]).starts_with("a.fr.md: line 3: published_at"));
        let slug = FR.replace("\"lyon\"", "\"Lyon City\"");
        assert!(errors_of(&[file("a.fr.md", &slug)]).starts_with("a.fr.md: line 2: slug:"));
        let unknown = FR.replace("+++\n\n", "author = \"x\"\n+++\n\n");
        assert!(errors_of(&[file("a.fr.md", &unknown)]).starts_with("a.fr.md: line 6: front matter: unknown field"));
        assert_eq!(
            errors_of(&[file("a.de.md", FR)]),
            "a.de.md: unknown language suffix \"de\": name the file NAME.fr.md or NAME.en.md"
        );
        assert!(errors_of(&[file("a.md", FR)]).starts_with("a.md: no language suffix"));
        assert!(errors_of(&[file("a.fr.md", "slug = 1\n")]).starts_with("a.fr.md: line 1: the file must start"));
        assert!(errors_of(&[file("a.fr.md", "+++\nslug = \"a\"\n")]).contains("not closed"));
        let empty_body = FR.split("+++\n\n").next().map(|f| format!("{f}+++\n  \n")).unwrap_or_default();
        assert!(errors_of(&[file("a.fr.md", &empty_body)]).contains("the body after the front matter: it is empty"));
        let image_without_alt = FR.replace("+++\n\n", "image = \"x.png\"\n+++\n\n");
        assert!(errors_of(&[file("a.fr.md", &image_without_alt)]).contains("line 6: image_alt"));
    }

    #[test]
    fn files_of_one_item_must_agree() {
        let dup = errors_of(&[file("a.fr.md", FR), file("b.fr.md", FR)]);
        assert_eq!(dup, "b.fr.md: line 2: slug \"lyon\" in this language is already in a.fr.md");
        let en = FR.replace("10:00:00+01:00", "11:00:00+01:00");
        assert!(errors_of(&[file("a.fr.md", FR), file("a.en.md", &en)]).contains("a.en.md: published_at differs"));
        // The same instant written in another offset is not the same text.
        let same = FR.replace("10:00:00+01:00", "09:00:00Z");
        assert!(parse(&[file("a.fr.md", FR), file("a.en.md", &same)], no_images).is_err());
    }

    #[test]
    fn images_are_read_and_checked() {
        let with = FR.replace("+++\n\n", "image = \"x.png\"\nimage_alt = \"Une place\"\n+++\n\n");
        let items = parse(&[file("a.fr.md", &with)], |name| {
            assert_eq!(name.as_str(), "x.png");
            Ok(PNG.to_vec())
        })
        .expect("parses");
        let image = items[0].image.as_ref().expect("image");
        assert_eq!(image.image.bytes(), PNG);
        let text = parse(&[file("a.fr.md", &with)], |_| Ok(b"GIF89a".to_vec())).expect_err("not an image");
        assert_eq!(text.to_string(), "a.fr.md: line 6: image x.png: the file is not a JPEG, PNG or WebP image");
        let missing = parse(&[file("a.fr.md", &with)], no_images).expect_err("missing");
        assert!(missing.to_string().contains("image x.png: there is no such file"));
        let escape = FR.replace("+++\n\n", "image = \"../x.png\"\nimage_alt = \"x\"\n+++\n\n");
        assert!(errors_of(&[file("a.fr.md", &escape)]).contains("line 6: image:"));
    }

    #[test]
    fn written_files_read_back_the_same() {
        let en = "+++\nslug = \"lyon\"\npublished_at = \"2026-03-02T10:00:00+01:00\"\ntitle = 'Lyon \"signs\"'\n\
                  summary = \"\"\"\nTwo\nlines\"\"\"\nimage = \"x.png\"\nimage_alt = \"A square\"\n+++\nBody\n";
        let fr = FR.replace("+++\n\n", "image = \"x.png\"\nimage_alt = \"Une place\"\n+++\n\n");
        let items = parse(&[file("a.fr.md", &fr), file("a.en.md", en)], |_| Ok(PNG.to_vec())).expect("parses");
        let written: Vec<SourceFile> = Lang::ALL
            .iter()
            .filter_map(|lang| {
                write_file(&items[0], *lang, Some("x.png"))
                    .expect("writes")
                    .map(|text| file(&format!("lyon.{lang}.md"), &text))
            })
            .collect();
        assert!(written[0].text.contains("published_at = 2026-03-02T10:00:00+01:00\n"), "{}", written[0].text);
        let again = parse(&written, |_| Ok(PNG.to_vec())).expect("reads back");
        assert_eq!(again, items);
    }
}
