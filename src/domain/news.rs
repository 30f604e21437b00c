//! News items: what the campaign publishes, in French, English or both,
//! with an optional image.

use time::{OffsetDateTime, UtcOffset};

mod image;

pub use image::{FileName, IMAGE_MAX_BYTES, Image, ImageError, ImageType};

pub use super::text::TextError;
use super::{
    Slug, Title,
    text::{TITLE_MAX_CHARS, normalise_line_breaks, one_line, without_bidi_controls},
};
use crate::text::i18n::Lang;

/// The longest summary we accept, in characters.
pub const SUMMARY_MAX_CHARS: usize = 1000;
/// The longest body we accept, in bytes.
pub const BODY_MAX_BYTES: usize = 200 * 1024;
/// The longest alternative text we accept, in characters.
pub const ALT_MAX_CHARS: usize = 500;

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

/// A news item's image, with the file name it came in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsImage {
    pub file_name: FileName,
    pub image: Image,
}

/// A field of a news item's text in one language: a column of
/// `news_translations`, a key of a news file's front matter (the body is
/// the file's text after it) and a field of the back office's form. A new
/// field is a variant here, its arms below, and its place in
/// [`Translation`]; the store, the news folder and the form follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Summary,
    Body,
    ImageAlt,
}

/// What a field's text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Plain text on one line (see [`one_line`]).
    Line,
    /// Markdown, checked for what a tool can check of its accessibility;
    /// the form gives it a text area of `rows` lines.
    Markdown { rows: u32 },
}

/// When a translation has the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needed {
    Always,
    /// Exactly when the item has an image: a text of the image's, told with
    /// it (after `image` in a file; not in the form's conflict view, which
    /// does not show the image), ignored in a form without an image.
    WithImage,
    /// Left empty, it is not there.
    Optional,
}

/// The longest a field's text may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Longest {
    /// In characters, once folded or trimmed.
    Chars(usize),
    /// In bytes, as typed.
    Bytes(usize),
}

impl Longest {
    /// The bound, whatever its unit (a form's `maxlength`).
    pub fn limit(self) -> usize {
        match self {
            Longest::Chars(max) | Longest::Bytes(max) => max,
        }
    }
}

/// A field's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRules {
    pub kind: TextKind,
    pub needed: Needed,
    pub longest: Longest,
    /// Whether the form explains it with a hint of its own.
    pub hint: bool,
}

/// How a translation's texts are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checking {
    /// As staff typed them (in a form, a file): every rule, given whether
    /// the item has an image.
    Typed { has_image: bool },
    /// As the database holds them: bidirectional controls saved before they
    /// were refused are dropped from lines, Markdown is not bounded (its
    /// bound is for typing), and a text of the image's is kept as stored.
    Stored,
}

impl TextField {
    /// Every field, in the order files and forms show them.
    pub const ALL: [TextField; 4] = [TextField::Title, TextField::Summary, TextField::Body, TextField::ImageAlt];

    /// Its column in `news_translations`, and its key in a file's front matter.
    pub fn name(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Summary => "summary",
            TextField::Body => "body",
            TextField::ImageAlt => "image_alt",
        }
    }

    pub fn from_name(name: &str) -> Option<TextField> {
        TextField::ALL.into_iter().find(|field| field.name() == name)
    }

    /// The prefix of its form fields (`{form_name}_{lang}`).
    pub fn form_name(self) -> &'static str {
        match self {
            TextField::ImageAlt => "alt",
            field => field.name(),
        }
    }

    /// What it is, in the command line's words.
    pub fn noun(self) -> &'static str {
        match self {
            TextField::ImageAlt => "alternative text",
            field => field.name(),
        }
    }

    pub fn rules(self) -> TextRules {
        let (kind, needed, longest, hint) = match self {
            TextField::Title => (TextKind::Line, Needed::Always, Longest::Chars(TITLE_MAX_CHARS), false),
            TextField::Summary => {
                (TextKind::Markdown { rows: 4 }, Needed::Always, Longest::Chars(SUMMARY_MAX_CHARS), false)
            }
            TextField::Body => (TextKind::Markdown { rows: 14 }, Needed::Always, Longest::Bytes(BODY_MAX_BYTES), false),
            TextField::ImageAlt => (TextKind::Line, Needed::WithImage, Longest::Chars(ALT_MAX_CHARS), true),
        };
        TextRules { kind, needed, longest, hint }
    }

    /// Its place in [`TextField::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// A text of this field checked: a line folded, Markdown with its line
    /// breaks made LF and trimmed.
    pub fn check(self, text: &str, checking: Checking) -> Result<String, TextError> {
        let rules = self.rules();
        let stored = checking == Checking::Stored;
        let max = match rules.longest {
            Longest::Chars(max) => max,
            Longest::Bytes(max) if !stored && text.len() > max => return Err(TextError::TooLong(max)),
            Longest::Bytes(_) => usize::MAX,
        };
        match rules.kind {
            TextKind::Line if stored => one_line(&without_bidi_controls(text), max),
            TextKind::Line => one_line(text, max),
            TextKind::Markdown { .. } => Markdown::parse(text, if stored { usize::MAX } else { max }).map(|m| m.0),
        }
    }
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

impl Translation {
    /// A field's text, if the translation has it.
    pub fn text(&self, field: TextField) -> Option<&str> {
        match field {
            TextField::Title => Some(self.title.as_str()),
            TextField::Summary => Some(self.summary.as_str()),
            TextField::Body => Some(self.body.as_str()),
            TextField::ImageAlt => self.image_alt.as_ref().map(AltText::as_str),
        }
    }

    /// The translation from each field's text (`None`: not given), or what
    /// is wrong with each field, in the order of [`TextField::ALL`].
    pub fn from_texts<'a>(
        checking: Checking,
        text: impl Fn(TextField) -> Option<&'a str>,
    ) -> Result<Translation, Vec<(TextField, TextError)>> {
        let mut checked: [Option<String>; TextField::ALL.len()] = Default::default();
        let mut errors = Vec::new();
        for field in TextField::ALL {
            let given = match (field.rules().needed, checking) {
                (Needed::WithImage, Checking::Typed { has_image: false }) => None,
                (Needed::Always, _) | (Needed::WithImage, Checking::Typed { has_image: true }) => {
                    Some(text(field).unwrap_or(""))
                }
                (Needed::WithImage, Checking::Stored) => text(field),
                (Needed::Optional, _) => text(field).filter(|t| !t.trim().is_empty()),
            };
            match given.map(|given| field.check(given, checking)) {
                Some(Ok(value)) => checked[field.index()] = Some(value),
                Some(Err(error)) => errors.push((field, error)),
                None => {}
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut take = |field: TextField| checked[field.index()].take();
        let required = |field: TextField, text: Option<String>| text.ok_or_else(|| vec![(field, TextError::Empty)]);
        let title = required(TextField::Title, take(TextField::Title))?;
        Ok(Translation {
            title: Title::parse(&title).map_err(|error| vec![(TextField::Title, error)])?,
            summary: Markdown(required(TextField::Summary, take(TextField::Summary))?),
            body: Markdown(required(TextField::Body, take(TextField::Body))?),
            image_alt: take(TextField::ImageAlt).map(AltText),
        })
    }
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

/// A news item written in French, in English or in both, however it is
/// held (as staff describe it, as the store keeps it).
pub trait Translated {
    /// Its French and English texts.
    fn texts(&self) -> (Option<&Translation>, Option<&Translation>);

    fn translation(&self, lang: Lang) -> Option<&Translation> {
        let (fr, en) = self.texts();
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The languages it is written in.
    fn languages(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|lang| self.translation(*lang).is_some()).collect()
    }
}

impl Translated for NewNewsItem {
    fn texts(&self) -> (Option<&Translation>, Option<&Translation>) {
        (self.fr.as_ref(), self.en.as_ref())
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
mod tests;
