//! An event's fields, as the CSV's columns and the back office's form name
//! them: each parsed with the error it gives, and written back as text.

use super::{
    Description, DescriptionError, NewEvent, RESERVED_SLUGS, SLUG_MAX_CHARS, SignatoryRef, Status, StatusError,
    TimeZone, TimeZoneError, Venue, When, WhenError, slug_candidates,
};
use crate::domain::{
    Country, Slug, Title, Website, country::CountryError, signatory::WebsiteError, slug::SlugError, text::TextError,
};

/// A field of an event, as the CSV's columns and the back office's form
/// name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventField {
    Slug,
    /// The French address's slug: made from the French title when blank.
    SlugFr,
    TitleFr,
    TitleEn,
    Start,
    End,
    TimeZone,
    Status,
    VenueName,
    VenueCity,
    VenueCountry,
    OnlineUrl,
    RegistrationUrl,
    Signatory,
    DescriptionFr,
    DescriptionEn,
}

impl EventField {
    /// In the CSV's order.
    pub const ALL: [EventField; 16] = [
        EventField::Slug,
        EventField::SlugFr,
        EventField::TitleFr,
        EventField::TitleEn,
        EventField::Start,
        EventField::End,
        EventField::TimeZone,
        EventField::Status,
        EventField::VenueName,
        EventField::VenueCity,
        EventField::VenueCountry,
        EventField::OnlineUrl,
        EventField::RegistrationUrl,
        EventField::Signatory,
        EventField::DescriptionFr,
        EventField::DescriptionEn,
    ];

    /// The CSV column, and the form field, of this name.
    pub fn column(self) -> &'static str {
        match self {
            EventField::Slug => "slug",
            EventField::SlugFr => "slug_fr",
            EventField::TitleFr => "title_fr",
            EventField::TitleEn => "title_en",
            EventField::Start => "start",
            EventField::End => "end",
            EventField::TimeZone => "time_zone",
            EventField::Status => "status",
            EventField::VenueName => "venue_name",
            EventField::VenueCity => "venue_city",
            EventField::VenueCountry => "venue_country",
            EventField::OnlineUrl => "online_url",
            EventField::RegistrationUrl => "registration_url",
            EventField::Signatory => "signatory",
            EventField::DescriptionFr => "description_fr",
            EventField::DescriptionEn => "description_en",
        }
    }
}

/// What is wrong with one field of an event.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventFieldError {
    #[error(transparent)]
    Slug(#[from] SlugError),
    #[error("archive and archives name the calendar's archive")]
    SlugReserved,
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    Description(#[from] DescriptionError),
    #[error(transparent)]
    When(#[from] WhenError),
    #[error(transparent)]
    TimeZone(#[from] TimeZoneError),
    #[error(transparent)]
    Status(#[from] StatusError),
    #[error(transparent)]
    Country(#[from] CountryError),
    #[error(transparent)]
    Url(#[from] WebsiteError),
    /// Some of the venue's name, city and country given, not all.
    #[error("give the venue's name, city and country together, or none of them")]
    VenuePartial,
    /// Neither a venue nor an online address.
    #[error("give a venue (venue_name, venue_city, venue_country), an online_url, or both")]
    NoPlace,
    /// The reference as `SignatoryRef::parse` explains it.
    #[error("{0}")]
    Signatory(String),
    /// A well-written reference to a signatory that does not exist.
    #[error("no such signatory")]
    SignatoryUnknown,
}

/// An event's fields as typed, in a CSV row or the back office's form:
/// each is parsed by its own type, the same way wherever it comes from.
/// An optional field left blank is absent; a blank time zone is
/// [`TimeZone::DEFAULT`], a blank status `scheduled`, a blank end the
/// start, a blank French slug the French title's.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFields<'a> {
    pub slug: &'a str,
    pub slug_fr: &'a str,
    pub title_fr: &'a str,
    pub title_en: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub time_zone: &'a str,
    pub status: &'a str,
    pub venue_name: &'a str,
    pub venue_city: &'a str,
    pub venue_country: &'a str,
    pub online_url: &'a str,
    pub registration_url: &'a str,
    pub signatory: &'a str,
    pub description_fr: &'a str,
    pub description_en: &'a str,
}

impl EventFields<'_> {
    /// The event, or every field that is wrong, in the fields' order.
    pub fn parse(&self) -> Result<NewEvent, Vec<(EventField, EventFieldError)>> {
        use EventField as F;
        let mut errors = Vec::new();
        let slug = keep(&mut errors, F::Slug, event_slug(self.slug));
        let title_fr = keep(&mut errors, F::TitleFr, Title::parse(self.title_fr).map_err(EventFieldError::from));
        let title_en = keep(&mut errors, F::TitleEn, Title::parse(self.title_en).map_err(EventFieldError::from));
        let slug_fr = match optional(self.slug_fr) {
            Some(text) => keep(&mut errors, F::SlugFr, event_slug(text)),
            // A French title that is wrong says so on its own.
            None => title_fr.as_ref().and_then(|title| slug_candidates(title).next()),
        };
        let when = self.when(&mut errors);
        let zone = optional(self.time_zone).unwrap_or(TimeZone::DEFAULT);
        let time_zone = keep(&mut errors, F::TimeZone, TimeZone::parse(zone).map_err(EventFieldError::from));
        let status = keep(&mut errors, F::Status, Status::parse(self.status).map_err(EventFieldError::from));
        let venue = self.venue(&mut errors);
        let url = |text: &str| optional(text).map(Website::parse).transpose().map_err(EventFieldError::from);
        let online_url = keep(&mut errors, F::OnlineUrl, url(self.online_url));
        let registration_url = keep(&mut errors, F::RegistrationUrl, url(self.registration_url));
        if let (Some(None), Some(None)) = (&venue, &online_url) {
            errors.push((F::OnlineUrl, EventFieldError::NoPlace));
        }
        let signatory = keep(
            &mut errors,
            F::Signatory,
            optional(self.signatory).map(SignatoryRef::parse).transpose().map_err(EventFieldError::Signatory),
        );
        let description_fr =
            keep(&mut errors, F::DescriptionFr, Description::parse(self.description_fr).map_err(EventFieldError::from));
        let description_en =
            keep(&mut errors, F::DescriptionEn, Description::parse(self.description_en).map_err(EventFieldError::from));
        if !errors.is_empty() {
            // In the fields' order, whatever order they were found in.
            errors.sort_by_key(|(field, _)| EventField::ALL.iter().position(|f| f == field));
            return Err(errors);
        }
        let event = (|| {
            Some(NewEvent {
                slug: slug?,
                slug_fr: slug_fr?,
                status: status?,
                date_unknown: false,
                title_fr: title_fr?,
                title_en: title_en?,
                description_fr: description_fr?,
                description_en: description_en?,
                when: when?,
                time_zone: time_zone?,
                venue: venue?,
                online_url: online_url?,
                registration_url: registration_url?,
                signatory: signatory?,
            })
        })();
        event.ok_or_else(|| vec![(F::Slug, EventFieldError::Slug(SlugError::Empty))])
    }

    /// When the event takes place. A start that is wrong on its own is the
    /// start's fault; otherwise the end's. (A time alone ends as it starts,
    /// which is not after it, but is a good start.)
    fn when(&self, errors: &mut Vec<(EventField, EventFieldError)>) -> Option<When> {
        match When::parse(self.start, "") {
            Ok(_) | Err(WhenError::EndNotAfter) => {
                keep(errors, EventField::End, When::parse(self.start, self.end).map_err(EventFieldError::from))
            }
            Err(error) => {
                errors.push((EventField::Start, error.into()));
                None
            }
        }
    }

    /// The venue: none, or all three parts (each missing part says so).
    /// `None` when a part is wrong; `Some(None)` when there is no venue.
    fn venue(&self, errors: &mut Vec<(EventField, EventFieldError)>) -> Option<Option<Venue>> {
        use EventField as F;
        match (optional(self.venue_name), optional(self.venue_city), optional(self.venue_country)) {
            (None, None, None) => Some(None),
            (Some(name), Some(city), Some(country)) => {
                let name = keep(errors, F::VenueName, Title::parse(name).map_err(EventFieldError::from));
                let city = keep(errors, F::VenueCity, Title::parse(city).map_err(EventFieldError::from));
                let country = keep(errors, F::VenueCountry, Country::parse(country).map_err(EventFieldError::from));
                match (name, city, country) {
                    (Some(name), Some(city), Some(country)) => {
                        Some(Some(Venue { name: name.as_str().to_owned(), city: city.as_str().to_owned(), country }))
                    }
                    _ => None,
                }
            }
            (name, city, country) => {
                // Each missing part of the venue says so.
                for (field, part) in [(F::VenueName, name), (F::VenueCity, city), (F::VenueCountry, country)] {
                    if part.is_none() {
                        errors.push((field, EventFieldError::VenuePartial));
                    }
                }
                None
            }
        }
    }
}

/// An event's slug: a slug, and not one of the calendar's own words.
fn event_slug(text: &str) -> Result<Slug, EventFieldError> {
    let slug = Slug::parse_at_most(text.trim(), SLUG_MAX_CHARS)?;
    if RESERVED_SLUGS.contains(&slug.as_str()) { Err(EventFieldError::SlugReserved) } else { Ok(slug) }
}

/// An optional field: absent when left blank.
fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// A field's value, or `None` with its error kept.
fn keep<T>(
    errors: &mut Vec<(EventField, EventFieldError)>,
    field: EventField,
    result: Result<T, EventFieldError>,
) -> Option<T> {
    result.map_err(|error| errors.push((field, error))).ok()
}

impl NewEvent {
    /// A field as the CSV writes it (empty when absent).
    pub fn field_text(&self, field: EventField) -> String {
        let url = |url: &Option<Website>| url.as_ref().map_or_else(String::new, |u| u.as_str().to_owned());
        let venue = |part: fn(&Venue) -> String| self.venue.as_ref().map_or_else(String::new, part);
        match field {
            EventField::Slug => self.slug.to_string(),
            EventField::SlugFr => self.slug_fr.to_string(),
            EventField::TitleFr => self.title_fr.as_str().to_owned(),
            EventField::TitleEn => self.title_en.as_str().to_owned(),
            EventField::Start => self.when.to_strings().0,
            EventField::End => self.when.to_strings().1,
            EventField::TimeZone => self.time_zone.name().to_owned(),
            EventField::Status => self.status.as_str().to_owned(),
            EventField::VenueName => venue(|v| v.name.clone()),
            EventField::VenueCity => venue(|v| v.city.clone()),
            EventField::VenueCountry => venue(|v| v.country.code().to_owned()),
            EventField::OnlineUrl => url(&self.online_url),
            EventField::RegistrationUrl => url(&self.registration_url),
            EventField::Signatory => self.signatory.as_ref().map(ToString::to_string).unwrap_or_default(),
            EventField::DescriptionFr => self.description_fr.as_str().to_owned(),
            EventField::DescriptionEn => self.description_en.as_str().to_owned(),
        }
    }

    /// The fields that differ from this to `other`.
    pub fn differences(&self, other: &NewEvent) -> Vec<EventField> {
        EventField::ALL.into_iter().filter(|field| self.field_text(*field) != other.field_text(*field)).collect()
    }

    /// What changed from this to `other`, for the audit log:
    /// `start: "2026-12-03" → "2027-01-14"; status: "scheduled" → "postponed"`.
    /// A description is said to have changed, not quoted.
    pub fn describe_changes(&self, other: &NewEvent) -> String {
        let mut changes: Vec<String> = self
            .differences(other)
            .into_iter()
            .map(|field| match field {
                EventField::DescriptionFr | EventField::DescriptionEn => format!("{}: changed", field.column()),
                _ => format!("{}: {:?} → {:?}", field.column(), self.field_text(field), other.field_text(field)),
            })
            .collect();
        if self.date_unknown != other.date_unknown {
            changes.push(format!("new date: {}", if other.date_unknown { "to be announced" } else { "announced" }));
        }
        changes.join("; ")
    }
}
