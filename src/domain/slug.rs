//! Slugs: the stable, readable part of an address that names an event or a
//! news item, such as `2026-03-lyon-joins-the-pact`.

use std::fmt;

/// Lower-case ASCII letters and digits in words joined by single hyphens,
/// at most [`Slug::MAX_CHARS`] characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("the slug is empty")]
    Empty,
    #[error("the slug is longer than {0} characters")]
    TooLong(usize),
    #[error("the slug may only hold lower-case letters a-z, digits and single hyphens between them")]
    BadCharacter,
}

impl Slug {
    /// The longest slug of any kind.
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<Slug, SlugError> {
        Slug::parse_at_most(input, Slug::MAX_CHARS)
    }

    /// A slug of at most `max` characters (events keep theirs shorter).
    pub fn parse_at_most(input: &str, max: usize) -> Result<Slug, SlugError> {
        if input.is_empty() {
            return Err(SlugError::Empty);
        }
        if input.len() > max.min(Slug::MAX_CHARS) {
            return Err(SlugError::TooLong(max.min(Slug::MAX_CHARS)));
        }
        let good_chars = input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !good_chars || input.starts_with('-') || input.ends_with('-') || input.contains("--") {
            return Err(SlugError::BadCharacter);
        }
        Ok(Slug(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for good in ["a", "2026-03-lyon-joins", "x1-y2", "webinar-2026-12"] {
            assert_eq!(Slug::parse(good).map(|s| s.to_string()), Ok(good.to_owned()));
        }
        assert_eq!(Slug::parse(""), Err(SlugError::Empty));
        assert_eq!(Slug::parse(&"a".repeat(101)), Err(SlugError::TooLong(100)));
        assert_eq!(Slug::parse_at_most(&"a".repeat(81), 80), Err(SlugError::TooLong(80)));
        assert!(Slug::parse_at_most(&"a".repeat(80), 80).is_ok());
        for bad in ["A", "-a", "a-", "a--b", "a b", " a", "é", "a/b", "../x", "a_b", "a.b", "a\0"] {
            assert_eq!(Slug::parse(bad), Err(SlugError::BadCharacter), "{bad:?}");
        }
    }
}
