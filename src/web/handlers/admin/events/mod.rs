//! `/admin/events`: the calendar's events as staff keep them. A list
//! (upcoming first, then past, filtered by year and status), a form to add
//! or edit one (every field parsed by the same types as the events CSV,
//! with a preview of the descriptions rendered by the server), postponing
//! to a new date, cancelling (the event stays, marked, in the calendar and
//! its feeds), and deletion after a confirmation step.
//!
//! A form carries the version of the event it was read at: a save over
//! someone else's change is refused (409) with their change shown and the
//! typed values kept.

mod changes;
mod form;
mod page;
mod record;

pub use changes::{cancel, confirm_cancel, postpone, postpone_form};
pub use record::Events;

use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    domain::{
        Event,
        country::CountryError,
        event::{DescriptionError, EventField, EventFieldError, Status, WhenError},
        text::TextError,
    },
    store::{StaffEventFilter, VersionedEvent},
    text::i18n::Tr,
    web::{
        edit::Confirmation,
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            cards::{event_status, event_venue, event_when},
            form::StoredValue,
            listing::{Choice, present},
            render,
            typed::Mixed,
        },
    },
};
use form::EventForm;

/// The body an event's form may take: two descriptions of up to 20,000
/// characters, form-encoded (up to nine bytes for one), and the rest.
pub const FORM_LIMIT: usize = 2 * 9 * 20_000 + 32 * 1024;

/// The fields of the form, in its order: the CSV's but the slugs, which
/// are not typed (they are made from the titles, and stay).
fn form_fields() -> impl Iterator<Item = EventField> {
    EventField::ALL.into_iter().filter(|field| !matches!(field, EventField::Slug | EventField::SlugFr))
}

const STATUSES: [Status; 3] = [Status::Scheduled, Status::Postponed, Status::Cancelled];

/// The Fluent message that names a field.
fn field_label(field: EventField) -> &'static str {
    match field {
        EventField::Slug => "admin-events-field-slug",
        EventField::SlugFr => "events-field-slug-fr",
        EventField::TitleFr => "admin-events-field-title-fr",
        EventField::TitleEn => "admin-events-field-title-en",
        EventField::Start => "admin-events-field-start",
        EventField::End => "admin-events-field-end",
        EventField::TimeZone => "admin-events-field-time-zone",
        EventField::Status => "admin-events-field-status",
        EventField::VenueName => "admin-events-field-venue-name",
        EventField::VenueCity => "admin-events-field-venue-city",
        EventField::VenueCountry => "admin-events-field-venue-country",
        EventField::OnlineUrl => "admin-events-field-online-url",
        EventField::RegistrationUrl => "admin-events-field-registration-url",
        EventField::Signatory => "admin-events-field-signatory",
        EventField::DescriptionFr => "admin-events-field-description-fr",
        EventField::DescriptionEn => "admin-events-field-description-en",
    }
}

/// The Fluent message that explains a field, if any.
fn field_hint(field: EventField) -> Option<&'static str> {
    match field {
        EventField::Start => Some("admin-events-hint-start"),
        EventField::End => Some("admin-events-hint-end"),
        EventField::TimeZone => Some("admin-events-hint-time-zone"),
        EventField::VenueName => Some("admin-events-hint-venue"),
        EventField::OnlineUrl | EventField::RegistrationUrl => Some("admin-events-hint-url"),
        EventField::Signatory => Some("admin-events-hint-signatory"),
        EventField::DescriptionFr | EventField::DescriptionEn => Some("admin-events-hint-description"),
        _ => None,
    }
}

/// The Fluent message that says what is wrong with a field.
fn error_message(field: EventField, error: &EventFieldError) -> &'static str {
    use EventFieldError as E;
    match error {
        E::Text(TextError::Empty) => "admin-events-error-title-empty",
        E::Text(TextError::TooLong(_)) => "admin-events-error-too-long",
        E::Text(TextError::ControlCharacter) | E::Description(DescriptionError::ControlCharacter) => {
            "admin-events-error-control"
        }
        E::Text(TextError::BidiControl(_)) => "admin-events-error-bidi",
        E::Description(DescriptionError::TooLong) => "admin-events-error-description-too-long",
        E::When(WhenError::StartMissing) => "admin-events-error-start-missing",
        E::When(WhenError::Format(_)) if field == EventField::Start => "admin-events-error-start",
        E::When(WhenError::Format(_)) => "admin-events-error-end",
        E::When(WhenError::EndDayBefore | WhenError::EndNotAfter) => "admin-events-error-end-before",
        E::TimeZone(_) => "admin-events-error-time-zone",
        E::Status(_) => "admin-events-error-status",
        E::Country(CountryError::Empty | CountryError::Unknown(_)) => "admin-events-error-country",
        E::Url(_) => "admin-events-error-url",
        E::VenuePartial => "admin-events-error-venue-partial",
        E::NoPlace => "admin-events-error-no-place",
        E::Signatory(_) => "admin-events-error-signatory",
        E::SignatoryUnknown => "admin-events-error-signatory-unknown",
        E::Slug(_) | E::SlugReserved => "admin-events-error-slug",
    }
}

fn status_label(tr: &Tr, status: Status) -> String {
    tr.t(match status {
        Status::Scheduled => "admin-events-status-scheduled",
        Status::Postponed => "admin-events-status-postponed",
        Status::Cancelled => "admin-events-status-cancelled",
    })
}

fn status_choices(tr: &Tr, selected: Option<&str>) -> Vec<Choice> {
    STATUSES
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status_label(tr, status),
            selected: selected.is_some_and(|s| Status::parse(s).ok() == Some(status)),
        })
        .collect()
}

// ---------------------------------------------------------------- the list

/// An event as the list shows it.
struct Row {
    href: String,
    title: String,
    when: String,
    place: Mixed,
    status: Option<(&'static str, String)>,
    sample: bool,
}

impl Row {
    fn new(tr: &Tr, stored: &VersionedEvent) -> Row {
        let event = &stored.event;
        Row {
            href: admin::event(event.id),
            title: event.details.title(tr.lang()).as_str().to_owned(),
            when: event_when(tr, event),
            place: event_venue(tr, event).unwrap_or_else(|| Mixed::words(tr.t("event-online"))),
            status: event_status(tr, event),
            sample: event.sample,
        }
    }
}

/// A part of the list: the events to come, or the past ones.
struct Section {
    id: &'static str,
    heading: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "admin/events.html")]
struct ListPage {
    ctx: AdminContext,
    action: &'static str,
    years: Vec<Choice>,
    statuses: Vec<Choice>,
    filtered: bool,
    sections: [Section; 2],
    new_href: &'static str,
    /// What was just done, said at the top of the page.
    done: Option<String>,
    /// After a deletion, the trash, where the record can be restored.
    trash_href: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    year: Option<String>,
    status: Option<String>,
    done: Option<String>,
}

/// GET `/admin/events`: the events to come, soonest first, then the past
/// ones, latest first; filtered by year and status.
async fn list_page(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
    let tr = ctx.tr.clone();
    let year = present(query.year.as_deref())
        .map(|y| y.trim().parse::<i32>().ok().filter(|y| (1000..=9999).contains(y)))
        .map(|y| y.ok_or(AppError::BadRequest))
        .transpose()?;
    let status = present(query.status.as_deref()).map(Status::parse).transpose().map_err(|_| AppError::BadRequest)?;
    let filter = StaffEventFilter { year, status };
    let (upcoming, past) = state.store.staff_events(filter, state.config.clock.now()).await?;
    let (years, _) = state.store.event_facets().await?;
    let done = match query.done.as_deref() {
        Some("deleted") => Some(tr.t("admin-events-deleted")),
        _ => None,
    };
    let page = ListPage {
        action: admin::EVENTS,
        years: years
            .into_iter()
            .map(|y| Choice { value: y.to_string(), label: y.to_string(), selected: Some(y) == year })
            .collect(),
        statuses: status_choices(&tr, status.map(Status::as_str)),
        filtered: year.is_some() || status.is_some(),
        sections: [
            Section {
                id: "events-upcoming",
                heading: tr.t("admin-events-upcoming"),
                rows: upcoming.iter().map(|e| Row::new(&tr, e)).collect(),
            },
            Section {
                id: "events-past",
                heading: tr.t("admin-events-past"),
                rows: past.iter().map(|e| Row::new(&tr, e)).collect(),
            },
        ],
        new_href: admin::EVENTS_NEW,
        done,
        trash_href: (query.done.as_deref() == Some("deleted")).then_some(admin::TRASH),
        ctx,
    };
    render(&page, staff.lang)
}

// ------------------------------------------------- the confirmation steps

/// A change that has a confirmation step of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Cancel,
    Delete,
}

impl Step {
    /// The last segment of its address: `/admin/events/12/cancel`.
    fn action(self) -> &'static str {
        match self {
            Step::Cancel => "cancel",
            Step::Delete => "delete",
        }
    }
}

/// What the confirmation step of a cancellation or a deletion says.
fn confirmation(tr: &Tr, staff: &Staff, stored: &VersionedEvent, step: Step) -> Confirmation {
    let e = &stored.event;
    // Beside "Cancel the event", going back says what it does.
    let (heading, explanation, confirm, back) = match step {
        Step::Cancel => (
            "admin-events-cancel-title",
            "admin-events-cancel-explanation",
            "admin-events-cancel-confirm",
            "admin-events-keep",
        ),
        Step::Delete => (
            "admin-events-delete-title",
            "admin-events-delete-explanation",
            "admin-events-delete-confirm",
            "admin-cancel",
        ),
    };
    let mut facts = vec![StoredValue {
        label: tr.t("admin-events-column-title"),
        value: e.details.title(staff.lang).as_str().to_owned(),
    }];
    facts.extend(self::facts(tr, e));
    Confirmation { id: format!("event-{}", step.action()), heading, explanation, confirm, back, facts }
}

/// What a confirmation page says of an event: when, where, its status.
fn facts(tr: &Tr, e: &Event) -> Vec<StoredValue> {
    let mut facts = vec![StoredValue { label: tr.t("admin-events-when"), value: event_when(tr, e) }];
    if let Some(place) = event_venue(tr, e) {
        facts.push(StoredValue { label: tr.t("admin-events-field-venue-name"), value: place.to_string() });
    }
    if let Some(url) = &e.details.online_url {
        facts.push(StoredValue { label: tr.t("admin-events-field-online-url"), value: url.as_str().to_owned() });
    }
    facts.push(StoredValue { label: tr.t("admin-events-field-status"), value: status_label(tr, e.details.status) });
    facts
}
