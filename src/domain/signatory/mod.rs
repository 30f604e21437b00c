//! Signatories of the Pact: the cities and regions that have joined it.

use std::fmt;

use time::Date;

use super::{
    country::{Country, CountryError},
    date,
    position::{Axis, Coordinate, CoordinateError, Position},
    text::{TextError, code_point, one_line},
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
/// not empty, at most [`NAME_MAX_CHARS`] characters, no control characters,
/// no bidirectional controls.
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
    #[error("the name contains {}, an invisible character that changes the direction of the text", code_point(*.0))]
    BidiControl(char),
}

impl Name {
    pub fn parse(input: &str) -> Result<Name, NameError> {
        one_line(input, NAME_MAX_CHARS).map(Name).map_err(|error| match error {
            TextError::Empty => NameError::Empty,
            TextError::TooLong(_) => NameError::TooLong,
            TextError::ControlCharacter => NameError::ControlCharacter,
            TextError::BidiControl(control) => NameError::BidiControl(control),
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
    /// Where it is on the map (a region's seat), when known.
    pub position: Option<Position>,
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

    /// A field as the CSV writes it (empty when absent).
    pub fn field_text(&self, field: Field) -> String {
        let optional = |name: &Option<Name>| name.as_ref().map_or_else(String::new, |n| n.as_str().to_owned());
        match field {
            Field::Name => self.name.as_str().to_owned(),
            Field::Kind => self.kind.as_str().to_owned(),
            Field::Country => self.country.code().to_owned(),
            Field::JoinedOn => date::format(self.joined_on),
            Field::NameFr => optional(&self.name_fr),
            Field::NameEn => optional(&self.name_en),
            Field::Website => self.website.as_ref().map_or_else(String::new, |w| w.as_str().to_owned()),
            Field::Latitude => self.position.map_or_else(String::new, |p| p.latitude.to_string()),
            Field::Longitude => self.position.map_or_else(String::new, |p| p.longitude.to_string()),
        }
    }

    /// The fields in which `other` differs from this one.
    pub fn differences(&self, other: &NewSignatory) -> Vec<Field> {
        Field::ALL.into_iter().filter(|field| self.field_text(*field) != other.field_text(*field)).collect()
    }

    /// What changed from this to `other`, for the audit log:
    /// `website: "" → "https://…"; kind: "city" → "region"`.
    pub fn describe_changes(&self, other: &NewSignatory) -> String {
        self.differences(other)
            .into_iter()
            .map(|field| format!("{}: {:?} → {:?}", field.column(), self.field_text(field), other.field_text(field)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// This signatory with the `kept` fields taken from `stored`: a file
    /// without a column for them changes nothing there. Only the optional
    /// fields can be kept; the position is kept whole when either
    /// coordinate is.
    pub fn keeping(&self, stored: &NewSignatory, kept: &[Field]) -> NewSignatory {
        let mut merged = self.clone();
        for field in kept {
            match field {
                Field::NameFr => merged.name_fr.clone_from(&stored.name_fr),
                Field::NameEn => merged.name_en.clone_from(&stored.name_en),
                Field::Website => merged.website.clone_from(&stored.website),
                Field::Latitude | Field::Longitude => merged.position = stored.position,
                Field::Name | Field::Kind | Field::Country | Field::JoinedOn => {}
            }
        }
        merged
    }

    /// The slug of the signatory's own name, for its page's address.
    pub fn slug(&self) -> String {
        collate::slug(self.name.as_str())
    }
}

/// A field of a signatory, as the CSV's columns and the back office's
/// form name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kind,
    Country,
    JoinedOn,
    NameFr,
    NameEn,
    Website,
    Latitude,
    Longitude,
}

impl Field {
    /// In the CSV's order.
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::Kind,
        Field::Country,
        Field::JoinedOn,
        Field::NameFr,
        Field::NameEn,
        Field::Website,
        Field::Latitude,
        Field::Longitude,
    ];

    /// The CSV column, and the form field, of this name.
    pub fn column(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Country => "country",
            Field::JoinedOn => "joined_on",
            Field::NameFr => "name_fr",
            Field::NameEn => "name_en",
            Field::Website => "website",
            Field::Latitude => "latitude",
            Field::Longitude => "longitude",
        }
    }
}

/// What is wrong with one field of a signatory.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(transparent)]
    Kind(#[from] KindError),
    #[error(transparent)]
    Country(#[from] CountryError),
    #[error("the date is empty")]
    DateMissing,
    /// The date as `date::parse` explains it.
    #[error("{0}")]
    Date(String),
    /// A signature cannot have been made after today.
    #[error("the date {0} is after today")]
    DateInFuture(String),
    #[error(transparent)]
    Website(#[from] WebsiteError),
    #[error(transparent)]
    Coordinate(#[from] CoordinateError),
    /// One coordinate without the other.
    #[error("give both the latitude and the longitude, or neither")]
    HalfPosition,
}

/// A signatory's fields as typed, in a CSV row or the back office's form:
/// each is parsed by its own type, the same way wherever it comes from.
/// An optional field left blank is absent.
#[derive(Clone, Copy, Debug, Default)]
pub struct SignatoryFields<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub country: &'a str,
    pub joined_on: &'a str,
    pub name_fr: &'a str,
    pub name_en: &'a str,
    pub website: &'a str,
    pub latitude: &'a str,
    pub longitude: &'a str,
}

impl SignatoryFields<'_> {
    /// The signatory, or every field that is wrong, in the fields' order;
    /// `today` is the secretariat's day, the latest a signature can bear.
    pub fn parse(&self, today: Date) -> Result<NewSignatory, Vec<(Field, FieldError)>> {
        let mut errors = Vec::new();
        let name = keep(&mut errors, Field::Name, Name::parse(self.name).map_err(FieldError::from));
        let kind = keep(&mut errors, Field::Kind, Kind::parse(self.kind).map_err(FieldError::from));
        let country = keep(&mut errors, Field::Country, Country::parse(self.country).map_err(FieldError::from));
        let joined_on = keep(
            &mut errors,
            Field::JoinedOn,
            if self.joined_on.trim().is_empty() {
                Err(FieldError::DateMissing)
            } else {
                date::parse(self.joined_on).map_err(FieldError::Date).and_then(|day| {
                    if day > today { Err(FieldError::DateInFuture(date::format(day))) } else { Ok(day) }
                })
            },
        );
        let name_fr = keep(
            &mut errors,
            Field::NameFr,
            optional(self.name_fr).map(Name::parse).transpose().map_err(FieldError::from),
        );
        let name_en = keep(
            &mut errors,
            Field::NameEn,
            optional(self.name_en).map(Name::parse).transpose().map_err(FieldError::from),
        );
        let website = keep(
            &mut errors,
            Field::Website,
            optional(self.website).map(Website::parse).transpose().map_err(FieldError::from),
        );
        let coordinate = |errors: &mut Vec<(Field, FieldError)>, field, text, axis| {
            keep(
                errors,
                field,
                optional(text).map(|t| Coordinate::parse(t, axis)).transpose().map_err(FieldError::from),
            )
        };
        let latitude = coordinate(&mut errors, Field::Latitude, self.latitude, Axis::Latitude);
        let longitude = coordinate(&mut errors, Field::Longitude, self.longitude, Axis::Longitude);
        let position = match (latitude, longitude) {
            (Some(Some(latitude)), Some(Some(longitude))) => Some(Position { latitude, longitude }),
            (Some(None), Some(None)) => None,
            (Some(None), Some(Some(_))) => {
                errors.push((Field::Latitude, FieldError::HalfPosition));
                None
            }
            (Some(Some(_)), Some(None)) => {
                errors.push((Field::Longitude, FieldError::HalfPosition));
                None
            }
            // A coordinate that is wrong has said so already.
            _ => None,
        };
        match (name, kind, country, joined_on, name_fr, name_en, website) {
            (Some(name), Some(kind), Some(country), Some(joined_on), Some(name_fr), Some(name_en), Some(website))
                if errors.is_empty() =>
            {
                Ok(NewSignatory { name, kind, country, joined_on, name_fr, name_en, website, position })
            }
            _ => Err(errors),
        }
    }
}

/// An optional field: absent when left blank.
fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// A field's value, or `None` with its error kept.
fn keep<T>(errors: &mut Vec<(Field, FieldError)>, field: Field, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|error| errors.push((field, error))).ok()
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
mod tests;
