//! News items: what the campaign publishes, in French, English or both,
//! with an optional image.

use std::fmt;

use sha2::{Digest, Sha256};
use time::{OffsetDateTime, UtcOffset};

pub use super::text::TextError;
use super::{
    Slug, Title,
    text::{normalise_line_breaks, one_line},
};
use crate::text::i18n::Lang;

/// The longest summary we accept, in characters.
pub const SUMMARY_MAX_CHARS: usize = 1000;
/// The longest body we accept, in bytes.
pub const BODY_MAX_BYTES: usize = 200 * 1024;
/// The longest alternative text we accept, in characters.
pub const ALT_MAX_CHARS: usize = 500;
/// The largest image we accept: 2 MiB.
pub const IMAGE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// An image's alternative text: plain text on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltText(String);

impl AltText {
    pub fn parse(input: &str) -> Result<AltText, TextError> {
        one_line(input, ALT_MAX_CHARS).map(AltText)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown written by staff: the summary or the body of a news item.
/// Trimmed, not empty, its line breaks all LF, no control characters
/// other than line breaks and tabs. It is rendered and sanitised when shown
/// (see `web::news`), never trusted as HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markdown(String);

impl Markdown {
    /// `max_chars` bounds the length in characters.
    pub fn parse(input: &str, max_chars: usize) -> Result<Markdown, TextError> {
        let text = normalise_line_breaks(input);
        if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
            return Err(TextError::ControlCharacter);
        }
        let text = text.trim().to_owned();
        if text.is_empty() {
            return Err(TextError::Empty);
        }
        if text.chars().count() > max_chars {
            return Err(TextError::TooLong(max_chars));
        }
        Ok(Markdown(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The kinds of image a news item may carry, told by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageType {
    Jpeg,
    Png,
    Webp,
}

impl ImageType {
    /// The type the file's magic bytes announce, whatever its name says.
    pub fn sniff(bytes: &[u8]) -> Option<ImageType> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageType::Png)
        } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageType::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ImageType::Jpeg => "image/jpeg",
            ImageType::Png => "image/png",
            ImageType::Webp => "image/webp",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<ImageType> {
        [ImageType::Jpeg, ImageType::Png, ImageType::Webp].into_iter().find(|t| t.content_type() == content_type)
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Jpeg => "jpg",
            ImageType::Png => "png",
            ImageType::Webp => "webp",
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("the image is larger than 2 MiB ({0} bytes)")]
    TooLarge(usize),
    #[error("the file is not a JPEG, PNG or WebP image")]
    NotAnImage,
}

/// An image checked to be a JPEG, PNG or WebP of at most 2 MiB, known by
/// the SHA-256 of its bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    bytes: Vec<u8>,
    kind: ImageType,
    hash: String,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image").field("kind", &self.kind).field("hash", &self.hash).finish_non_exhaustive()
    }
}

impl Image {
    pub fn parse(bytes: Vec<u8>) -> Result<Image, ImageError> {
        if bytes.len() > IMAGE_MAX_BYTES {
            return Err(ImageError::TooLarge(bytes.len()));
        }
        let kind = ImageType::sniff(&bytes).ok_or(ImageError::NotAnImage)?;
        let hash = crate::text::hex::encode(&Sha256::digest(&bytes));
        Ok(Image { bytes, kind, hash })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn kind(&self) -> ImageType {
        self.kind
    }

    /// The SHA-256 of the bytes, in lower-case hexadecimal.
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

/// A file name as it may appear in an import folder: letters, digits,
/// dots, hyphens and underscores, not starting with a dot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileName(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the image must be a plain file name in the same folder (letters, digits, '.', '-', '_'; at most 100)")]
pub struct FileNameError;

impl FileName {
    pub fn parse(input: &str) -> Result<FileName, FileNameError> {
        let good = !input.is_empty()
            && input.len() <= 100
            && !input.starts_with('.')
            && input.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        good.then(|| FileName(input.to_owned())).ok_or(FileNameError)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A news item's image, with the file name it came in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsImage {
    pub file_name: FileName,
    pub image: Image,
}

/// A news item's text in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub title: Title,
    pub summary: Markdown,
    pub body: Markdown,
    /// The image's alternative text in this language; present exactly when
    /// the item has an image.
    pub image_alt: Option<AltText>,
}

/// The publication date-time, to the second, with the UTC offset it was
/// written with, so that it is shown as its author meant it.
#[derive(Clone, Copy, Debug)]
pub struct Published(OffsetDateTime);

/// The same instant written with another offset is another text: equal
/// means same instant and same offset (`OffsetDateTime` compares instants only).
impl PartialEq for Published {
    fn eq(&self, other: &Published) -> bool {
        self.0 == other.0 && self.0.offset() == other.0.offset()
    }
}

impl Eq for Published {}

impl Published {
    pub fn new(at: OffsetDateTime) -> Published {
        Published(at.replace_nanosecond(0).unwrap_or(at))
    }

    /// From the stored instant and offset (in seconds east of UTC).
    pub fn from_parts(utc: OffsetDateTime, offset_seconds: i32) -> Option<Published> {
        let offset = UtcOffset::from_whole_seconds(offset_seconds).ok()?;
        Some(Published::new(utc.to_offset(offset)))
    }

    /// The date-time as written, in its own offset.
    pub fn local(self) -> OffsetDateTime {
        self.0
    }

    /// The same instant in UTC, as stored (sorting compares these).
    pub fn utc(self) -> OffsetDateTime {
        self.0.to_offset(UtcOffset::UTC)
    }

    pub fn offset_seconds(self) -> i32 {
        self.0.offset().whole_seconds()
    }
}

/// A news item as staff describe it, before it is stored: at least one
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNewsItem {
    pub slug: Slug,
    pub published: Published,
    pub image: Option<NewsImage>,
    pub fr: Option<Translation>,
    pub en: Option<Translation>,
}

impl NewNewsItem {
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        match lang {
            Lang::Fr => self.fr.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// The languages the item is written in.
    pub fn languages(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|lang| self.translation(*lang).is_some()).collect()
    }
}

/// A news item's image as a page shows it: its address and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    pub hash: String,
    pub kind: ImageType,
    pub alt: String,
}

/// A published news item in one language, as pages and feeds show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsEntry {
    pub slug: Slug,
    pub published: Published,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub image: Option<ImageRef>,
    /// Part of the bundled sample data, not real news.
    pub sample: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown() {
        assert_eq!(Markdown::parse("\n\n# A\r\n\r\nb\n", 100).map(|m| m.0), Ok("# A\n\nb".into()));
        assert_eq!(Markdown::parse("  \n", 100), Err(TextError::Empty));
        assert_eq!(Markdown::parse("a\u{0}", 100), Err(TextError::ControlCharacter));
        assert_eq!(Markdown::parse("abc", 2), Err(TextError::TooLong(2)));
        assert_eq!(Markdown::parse("a\rb", 100).map(|m| m.0), Ok("a\nb".into()));
        assert_eq!(Markdown::parse("```\ra\r\nb\r```", 100).map(|m| m.0), Ok("```\na\nb\n```".into()));
        assert_eq!(Markdown::parse("\r", 100), Err(TextError::Empty));
    }

    #[test]
    fn images_are_told_by_their_bytes() {
        assert_eq!(ImageType::sniff(b"\xFF\xD8\xFF\xE0rest"), Some(ImageType::Jpeg));
        assert_eq!(ImageType::sniff(b"\x89PNG\r\n\x1a\nrest"), Some(ImageType::Png));
        assert_eq!(ImageType::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageType::Webp));
        assert_eq!(ImageType::sniff(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(ImageType::sniff(b"<svg xmlns="), None);
        assert_eq!(ImageType::sniff(b"GIF89a"), None);
        assert_eq!(ImageType::sniff(b""), None);
        assert_eq!(Image::parse(b"not an image".to_vec()), Err(ImageError::NotAnImage));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(IMAGE_MAX_BYTES + 1, 0);
        assert_eq!(Image::parse(big), Err(ImageError::TooLarge(IMAGE_MAX_BYTES + 1)));
        let mut fits = b"\x89PNG\r\n\x1a\n".to_vec();
        fits.resize(IMAGE_MAX_BYTES, 0);
        let image = Image::parse(fits).expect("2 MiB exactly fits");
        assert_eq!(image.hash().len(), 64);
        assert_eq!(image.kind(), ImageType::Png);
    }

    #[test]
    fn file_names() {
        assert!(FileName::parse("lyon-2026_03.jpg").is_ok());
        for bad in ["", ".hidden", "../x.jpg", "a/b.jpg", "a b.jpg", "é.jpg", "C:\\x.jpg"] {
            assert!(FileName::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn published_keeps_its_offset() {
        let at = time::macros::datetime!(2026-03-01 10:00:00.5 +01:00);
        let published = Published::new(at);
        assert_eq!(published.utc(), time::macros::datetime!(2026-03-01 09:00:00 UTC));
        assert_eq!(published.offset_seconds(), 3600);
        assert_eq!(Published::from_parts(published.utc(), 3600), Some(published));
        assert_eq!(Published::from_parts(published.utc(), 100_000), None);
    }
}
