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

use crate::{
    domain::{
        Slug,
        news::{FileName, IMAGE_MAX_BYTES, Image, NewNewsItem, NewsImage},
    },
    text::i18n::Lang,
};

mod export;
mod front_matter;
#[cfg(test)]
mod tests;

/// The texts of an item's file: each a key of its front matter, but the
/// body, which is the file's text after it.
pub use crate::domain::news::TextField;
pub use export::{ExportReport, write_file, write_folder};
use front_matter::{Parsed, parse_file};

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

    /// The problems found, listed or not.
    fn count(&self) -> usize {
        self.errors.len() + self.more
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
