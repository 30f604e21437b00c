//! Signatories of the Pact: the cities and regions that have joined it.

use std::fmt;

use time::Date;

use super::{
    country::Country,
    text::{TextError, one_line},
};
use crate::{text::collate, text::i18n::Lang};

/// Whether a signatory is a city (a local authority) or a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    City,
    Region,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {0:?}: expected \"city\" or \"region\"")]
pub struct KindError(String);

impl Kind {
    pub fn parse(input: &str) -> Result<Kind, KindError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "city" => Ok(Kind::City),
            "region" => Ok(Kind::Region),
            _ => Err(KindError(input.chars().take(40).collect())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Region => "region",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The longest name we accept, in characters.
pub const NAME_MAX_CHARS: usize = 200;

/// A signatory's name: trimmed, inner white space folded to single spaces,
/// not empty, at most [`NAME_MAX_CHARS`] characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {NAME_MAX_CHARS} characters")]
    TooLong,
    #[error("the name contains a control character")]
    ControlCharacter,
}

impl Name {
    pub fn parse(input: &str) -> Result<Name, NameError> {
        one_line(input, NAME_MAX_CHARS).map(Name).map_err(|error| match error {
            TextError::Empty => NameError::Empty,
            TextError::TooLong(_) => NameError::TooLong,
            TextError::ControlCharacter => NameError::ControlCharacter,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key under which two spellings count as the same signatory:
    /// `Paris` and `PARIS` in the same country are one city.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A signatory's website: an absolute `http` or `https` address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Website(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the website must be an absolute http:// or https:// address")]
pub struct WebsiteError;

impl Website {
    pub fn parse(input: &str) -> Result<Website, WebsiteError> {
        let url = url::Url::parse(input.trim()).map_err(|_| WebsiteError)?;
        let good = matches!(url.scheme(), "http" | "https")
            && url.host_str().is_some_and(|h| !h.is_empty())
            && url.username().is_empty()
            && url.password().is_none()
            && input.len() <= 500;
        good.then(|| Website(url.into())).ok_or(WebsiteError)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A signatory as staff describe it, before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSignatory {
    pub name: Name,
    pub kind: Kind,
    pub country: Country,
    pub joined_on: Date,
    /// The name as written in French or English, where it differs.
    pub name_fr: Option<Name>,
    pub name_en: Option<Name>,
    pub website: Option<Website>,
}

impl NewSignatory {
    /// The name a reader of a language knows the signatory by.
    pub fn display_name(&self, lang: Lang) -> &Name {
        let localized = match lang {
            Lang::Fr => &self.name_fr,
            Lang::En => &self.name_en,
        };
        localized.as_ref().unwrap_or(&self.name)
    }

    /// The key that sorts signatories by the name shown in a language.
    pub fn sort_key(&self, lang: Lang) -> String {
        collate::fold(self.display_name(lang).as_str())
    }

    /// Every name of the signatory, folded, for searching.
    pub fn search_text(&self) -> String {
        [Some(&self.name), self.name_fr.as_ref(), self.name_en.as_ref()]
            .into_iter()
            .flatten()
            .map(|name| collate::fold(name.as_str()))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// The slug of the signatory's own name, for its page's address.
    pub fn slug(&self) -> String {
        collate::slug(self.name.as_str())
    }
}

/// A stored signatory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatory {
    pub id: i64,
    pub details: NewSignatory,
    /// Part of the bundled sample data, not a real signatory.
    pub sample: bool,
}

/// The live counter: how many cities and regions have signed, in how many
/// countries, and when the latest signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counter {
    pub signatories: i64,
    pub countries: i64,
    pub latest: Option<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_and_checked() {
        assert_eq!(Name::parse("  Saint-Étienne \t ").map(|n| n.0), Ok("Saint-Étienne".into()));
        assert_eq!(Name::parse("Region  of\nMurcia").map(|n| n.0), Ok("Region of Murcia".into()));
        assert_eq!(Name::parse(""), Err(NameError::Empty));
        assert_eq!(Name::parse(" \u{00A0} "), Err(NameError::Empty));
        assert_eq!(Name::parse("Bad\u{0007}name"), Err(NameError::ControlCharacter));
        assert_eq!(Name::parse("Bad\u{0000}"), Err(NameError::ControlCharacter));
        assert_eq!(Name::parse(&"x".repeat(201)), Err(NameError::TooLong));
        assert!(Name::parse(&"é".repeat(200)).is_ok());
        assert_eq!(Name::parse("PARIS").map(|n| n.key()), Name::parse("paris").map(|n| n.key()));
    }

    #[test]
    fn kinds() {
        assert_eq!(Kind::parse(" City "), Ok(Kind::City));
        assert_eq!(Kind::parse("region"), Ok(Kind::Region));
        assert!(Kind::parse("town").is_err());
        assert!(Kind::parse("").is_err());
    }

    #[test]
    fn websites() {
        assert!(Website::parse("https://www.strasbourg.eu/").is_ok());
        assert!(Website::parse("http://example.org/a?b=c").is_ok());
        for bad in [
            "javascript:alert(1)",
            "www.example.org",
            "ftp://x.org",
            "https://",
            "data:text/html,x",
            "https://u:p@x.org/",
        ] {
            assert!(Website::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
