//! An event's form: the values typed, and their check — every field
//! parsed by the same types as the events CSV, a related signatory named
//! as the directory names it, the descriptions' accessibility.

use serde::Deserialize;

use super::error_message;
use crate::{
    domain::{
        NewEvent,
        event::{EventField, EventFieldError, EventFields, Status, TimeZone},
    },
    text::{checks, i18n::Tr},
    web::{edit::FieldErrors, error::AppError, state::AppState},
};

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    pub(super) title_en: String,
    /// The start and end as the native fields post them: a day, and a
    /// time of day for a timed event.
    #[serde(default)]
    pub(super) start_date: String,
    #[serde(default)]
    pub(super) start_time: String,
    #[serde(default)]
    pub(super) end_date: String,
    #[serde(default)]
    pub(super) end_time: String,
    /// The start and end as the CSV writes them, made from those.
    #[serde(skip)]
    pub(super) start: String,
    #[serde(skip)]
    pub(super) end: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    pub(super) status: String,
    #[serde(default)]
    venue_name: String,
    #[serde(default)]
    venue_city: String,
    #[serde(default)]
    venue_country: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    registration_url: String,
    #[serde(default)]
    signatory: String,
    #[serde(default)]
    pub(super) description_fr: String,
    #[serde(default)]
    pub(super) description_en: String,
    pub(super) version: Option<String>,
    /// Present when the Preview button was pressed: nothing is written.
    pub(super) preview: Option<String>,
}

/// A day and a time of day as one text: `2027-01-21T14:30`, or the day
/// alone.
fn joined(date: &str, time: &str) -> String {
    match (date.trim(), time.trim()) {
        // A time without its day is no start: said as missing.
        ("", _) => String::new(),
        (date, "") => date.to_owned(),
        (date, time) => format!("{date}T{time}"),
    }
}

/// A start or an end as its day and its time of day.
fn split(text: &str) -> (String, String) {
    match text.split_once('T') {
        Some((date, time)) => (date.to_owned(), time.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

impl EventForm {
    /// The start and end made from the posted day and time fields: an end
    /// with a time but no day ends on the start's day.
    pub(super) fn settled(mut self) -> EventForm {
        self.start = joined(&self.start_date, &self.start_time);
        self.end = match (self.end_date.trim(), self.end_time.trim()) {
            ("", "") => String::new(),
            ("", time) => joined(&self.start_date, time),
            (date, time) => joined(date, time),
        };
        self
    }

    /// The day and time fields of a start and an end.
    pub(super) fn with_times(mut self, start: &str, end: &str) -> EventForm {
        (self.start_date, self.start_time) = split(start);
        (self.end_date, self.end_time) = split(end);
        self.settled()
    }

    pub(super) fn of(e: &NewEvent) -> EventForm {
        let text = |field: EventField| e.field_text(field);
        let form = EventForm {
            title_fr: text(EventField::TitleFr),
            title_en: text(EventField::TitleEn),
            start: text(EventField::Start),
            end: text(EventField::End),
            time_zone: text(EventField::TimeZone),
            status: text(EventField::Status),
            venue_name: text(EventField::VenueName),
            venue_city: text(EventField::VenueCity),
            venue_country: text(EventField::VenueCountry),
            online_url: text(EventField::OnlineUrl),
            registration_url: text(EventField::RegistrationUrl),
            signatory: text(EventField::Signatory),
            description_fr: text(EventField::DescriptionFr),
            description_en: text(EventField::DescriptionEn),
            version: None,
            preview: None,
            ..EventForm::default()
        };
        let (start, end) = (form.start.clone(), form.end.clone());
        form.with_times(&start, &end)
    }

    pub(super) fn blank() -> EventForm {
        EventForm {
            time_zone: TimeZone::DEFAULT.to_owned(),
            status: Status::Scheduled.as_str().to_owned(),
            ..EventForm::default()
        }
    }

    /// The fields with the event's slugs (a blank French one is made from
    /// the French title).
    pub(super) fn fields<'a>(&'a self, slug: &'a str, slug_fr: &'a str) -> EventFields<'a> {
        EventFields {
            slug,
            slug_fr,
            title_fr: &self.title_fr,
            title_en: &self.title_en,
            start: &self.start,
            end: &self.end,
            time_zone: &self.time_zone,
            status: &self.status,
            venue_name: &self.venue_name,
            venue_city: &self.venue_city,
            venue_country: &self.venue_country,
            online_url: &self.online_url,
            registration_url: &self.registration_url,
            signatory: &self.signatory,
            description_fr: &self.description_fr,
            description_en: &self.description_en,
        }
    }

    pub(super) fn value(&self, field: EventField) -> &str {
        match field {
            EventField::Slug | EventField::SlugFr => "",
            EventField::TitleFr => &self.title_fr,
            EventField::TitleEn => &self.title_en,
            EventField::Start => &self.start,
            EventField::End => &self.end,
            EventField::TimeZone => &self.time_zone,
            EventField::Status => &self.status,
            EventField::VenueName => &self.venue_name,
            EventField::VenueCity => &self.venue_city,
            EventField::VenueCountry => &self.venue_country,
            EventField::OnlineUrl => &self.online_url,
            EventField::RegistrationUrl => &self.registration_url,
            EventField::Signatory => &self.signatory,
            EventField::DescriptionFr => &self.description_fr,
            EventField::DescriptionEn => &self.description_en,
        }
    }
}

/// The form's values checked, with the related signatory's id; or each
/// field's message in the person's language.
pub(super) async fn check(
    state: &AppState,
    tr: &Tr,
    form: &EventForm,
    (slug, slug_fr): (&str, &str),
) -> Result<Result<(NewEvent, Option<i64>), FieldErrors>, AppError> {
    let messages = |errors: Vec<(EventField, EventFieldError)>| -> FieldErrors {
        errors
            .iter()
            .map(|(field, error)| {
                // The slugs are made from the titles.
                let shown = match field {
                    EventField::Slug => EventField::TitleEn,
                    EventField::SlugFr => EventField::TitleFr,
                    field => *field,
                };
                (shown.column(), tr.t(error_message(*field, error)))
            })
            .collect()
    };
    // What a tool can check of the descriptions' accessibility.
    let unchecked: FieldErrors =
        [(EventField::DescriptionFr, &form.description_fr), (EventField::DescriptionEn, &form.description_en)]
            .into_iter()
            .filter_map(|(field, text)| checks::explain(tr, text).map(|message| (field.column(), message)))
            .collect();
    let event = match form.fields(slug, slug_fr).parse() {
        Ok(event) if unchecked.is_empty() => event,
        Ok(_) => return Ok(Err(unchecked)),
        Err(errors) => return Ok(Err(messages(errors).and(unchecked))),
    };
    let signatory_id = match &event.signatory {
        Some(reference) => match state.store.find_signatory(reference).await? {
            Some(id) => Some(id),
            None => return Ok(Err(messages(vec![(EventField::Signatory, EventFieldError::SignatoryUnknown)]))),
        },
        None => None,
    };
    Ok(Ok((event, signatory_id)))
}
