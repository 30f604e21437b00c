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

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::{
        Country, Event, NewEvent, Title,
        country::CountryError,
        event::{
            Description, DescriptionError, EventField, EventFieldError, EventFields, Status, TimeZone, WhenError,
            slug_candidates,
        },
        text::TextError,
    },
    store::{AuditKind, EventEdit, EventSaved, StaffEventFilter, VersionedEvent},
    text::{
        checks, collate,
        i18n::{Arg, Tr},
        markdown,
    },
    web::{
        error::AppError,
        extract::ItemId,
        paths::{
            Page,
            admin::{self, Area},
        },
        staff::{NoFields, Staff, StaffForm},
        state::AppState,
        view::{
            admin::AdminContext,
            cards::{event_status, event_venue, event_when},
            form::{ConfirmPage, FormField, StoredValue, posted_version},
            listing::{Choice, present},
            render, render_with_status,
            typed::Mixed,
        },
    },
};

/// The body an event's form may take: two descriptions of up to 20,000
/// characters, form-encoded (up to nine bytes for one), and the rest.
pub const FORM_LIMIT: usize = 2 * 9 * 20_000 + 32 * 1024;

/// The fields of the form, in its order: the CSV's but the slug, which is
/// not typed (it is made from the title, and stays).
fn form_fields() -> impl Iterator<Item = EventField> {
    EventField::ALL.into_iter().filter(|field| *field != EventField::Slug)
}

const STATUSES: [Status; 3] = [Status::Scheduled, Status::Postponed, Status::Cancelled];

/// The Fluent message that names a field.
fn field_label(field: EventField) -> &'static str {
    match field {
        EventField::Slug => "admin-events-field-slug",
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

/// Every country a venue may be in, by name in the person's language.
fn country_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Country::all()
        .map(|country| Choice {
            value: country.code().to_owned(),
            label: tr.t(&country.message_id()),
            selected: selected.trim().eq_ignore_ascii_case(country.code()),
        })
        .collect();
    choices.sort_by(|a, b| collate::compare(&a.label, &b.label));
    choices
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
}

#[derive(Deserialize)]
pub struct ListQuery {
    year: Option<String>,
    status: Option<String>,
    done: Option<String>,
}

/// GET `/admin/events`: the events to come, soonest first, then the past
/// ones, latest first; filtered by year and status.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Events));
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
        Some("added") => Some(tr.t("admin-events-added")),
        Some("saved") => Some(tr.t("admin-events-saved")),
        Some("postponed") => Some(tr.t("admin-events-postponed")),
        Some("cancelled") => Some(tr.t("admin-events-cancelled")),
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
        ctx,
    };
    render(&page, staff.lang)
}

// ---------------------------------------------------------------- the form

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    status: String,
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
    description_fr: String,
    #[serde(default)]
    description_en: String,
    version: Option<String>,
    /// Present when the Preview button was pressed: nothing is written.
    preview: Option<String>,
}

impl EventForm {
    fn of(e: &NewEvent) -> EventForm {
        let text = |field: EventField| e.field_text(field);
        EventForm {
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
        }
    }

    fn blank() -> EventForm {
        EventForm {
            time_zone: TimeZone::DEFAULT.to_owned(),
            status: Status::Scheduled.as_str().to_owned(),
            ..EventForm::default()
        }
    }

    fn fields<'a>(&'a self, slug: &'a str) -> EventFields<'a> {
        EventFields {
            slug,
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

    fn value(&self, field: EventField) -> &str {
        match field {
            EventField::Slug => "",
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

    /// The version the form was read at; a form without one, or with one
    /// that is not a number, is a bad request.
    fn version(&self) -> Result<i64, AppError> {
        posted_version(self.version.as_deref())
    }
}

/// A description rendered as the event's page will show it.
struct Preview {
    lang: &'static str,
    heading: String,
    /// Sanitised HTML.
    html: String,
}

#[derive(Template)]
#[template(path = "admin/event.html")]
struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    /// The version the form was read at; none for a new event.
    version: Option<i64>,
    inputs: Vec<FormField>,
    has_errors: bool,
    /// Someone else's change, when a save was refused for it.
    conflict: Option<Vec<StoredValue>>,
    /// The descriptions rendered, when the Preview button was pressed.
    previews: Vec<Preview>,
    sample: bool,
    /// The event's status, when it is not scheduled.
    status: Option<String>,
    public_href: Option<String>,
    postpone_href: Option<String>,
    cancel_href: Option<String>,
    delete_href: Option<String>,
    back_href: &'static str,
}

impl FormPage {
    fn new(state: &AppState, staff: &Staff, form: &EventForm, errors: &[(EventField, String)]) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
        let tr = ctx.tr.clone();
        let inputs = form_fields()
            .map(|field| {
                let value = form.value(field).to_owned();
                let (kind, choices, blank) = match field {
                    EventField::Status => ("select", status_choices(&tr, Some(&value)), None),
                    EventField::VenueCountry => {
                        ("select", country_choices(&tr, &value), Some(tr.t("admin-events-no-venue-country")))
                    }
                    EventField::DescriptionFr | EventField::DescriptionEn => ("textarea", Vec::new(), None),
                    EventField::OnlineUrl | EventField::RegistrationUrl => ("url", Vec::new(), None),
                    _ => ("text", Vec::new(), None),
                };
                FormField {
                    kind,
                    required: matches!(field, EventField::TitleFr | EventField::TitleEn | EventField::Start),
                    maxlength: Some(if kind == "textarea" { 20_000 } else { 500 }),
                    blank,
                    choices,
                    // A description is checked before it is saved: said beside it.
                    hint: field_hint(field).map(|id| match kind {
                        "textarea" => format!("{} {}", tr.t(id), tr.t("check-hint")),
                        _ => tr.t(id),
                    }),
                    error: errors.iter().find(|(f, _)| *f == field).map(|(_, message)| message.clone()),
                    ..FormField::new(
                        format!("event-{}", field.column().replace('_', "-")),
                        field.column(),
                        tr.t(field_label(field)),
                        value,
                    )
                }
            })
            .collect();
        FormPage {
            title: String::new(),
            action: admin::EVENTS_NEW.to_owned(),
            version: None,
            has_errors: !errors.is_empty(),
            inputs,
            conflict: None,
            previews: Vec::new(),
            sample: false,
            status: None,
            public_href: None,
            postpone_href: None,
            cancel_href: None,
            delete_href: None,
            back_href: admin::EVENTS,
            ctx,
        }
    }

    /// The page of a stored event's form.
    fn for_event(mut self, stored: &VersionedEvent) -> FormPage {
        let e = &stored.event;
        self.title = e.details.title(self.ctx.lang).as_str().to_owned();
        self.action = admin::event(e.id);
        self.version = Some(stored.version);
        self.sample = e.sample;
        let tr = &self.ctx.tr;
        self.status = event_status(tr, e)
            .map(|(_, label)| tr.format("admin-events-status-note", &[("status", Arg::Text(label.into()))]));
        self.public_href = Some(Page::Event { slug: e.details.slug.to_string() }.path(self.ctx.lang));
        self.postpone_href = Some(admin::event_action(e.id, "postpone"));
        self.cancel_href =
            (e.details.status != Status::Cancelled).then(|| admin::event_action(e.id, Step::Cancel.action()));
        self.delete_href = Some(admin::event_action(e.id, Step::Delete.action()));
        self
    }

    fn for_new(mut self) -> FormPage {
        self.title = self.ctx.t("admin-events-new");
        self
    }

    /// The typed descriptions, rendered.
    fn with_previews(mut self, form: &EventForm) -> FormPage {
        let tr = self.ctx.tr.clone();
        self.previews = [
            ("fr", "admin-events-preview-fr", &form.description_fr),
            ("en", "admin-events-preview-en", &form.description_en),
        ]
        .into_iter()
        .map(|(lang, heading, text)| {
            let text: String = text.chars().take(Description::MAX_CHARS).collect();
            let html = if text.trim().is_empty() {
                format!("<p>{}</p>", markdown::escape(&tr.t("admin-events-preview-empty")))
            } else {
                markdown::to_html(&text)
            };
            Preview { lang, heading: tr.t(heading), html }
        })
        .collect();
        self
    }
}

/// The form's values checked, with the related signatory's id; or each
/// field's message in the person's language.
async fn check(
    state: &AppState,
    tr: &Tr,
    form: &EventForm,
    slug: &str,
) -> Result<Result<(NewEvent, Option<i64>), Vec<(EventField, String)>>, AppError> {
    let messages = |errors: Vec<(EventField, EventFieldError)>| -> Vec<(EventField, String)> {
        errors
            .iter()
            .map(|(field, error)| {
                // The slug is made from the English title.
                let shown = if *field == EventField::Slug { EventField::TitleEn } else { *field };
                (shown, tr.t(error_message(*field, error)))
            })
            .collect()
    };
    // What a tool can check of the descriptions' accessibility.
    let unchecked: Vec<(EventField, String)> =
        [(EventField::DescriptionFr, &form.description_fr), (EventField::DescriptionEn, &form.description_en)]
            .into_iter()
            .filter_map(|(field, text)| checks::explain(tr, text).map(|message| (field, message)))
            .collect();
    let event = match form.fields(slug).parse() {
        Ok(event) if unchecked.is_empty() => event,
        Ok(_) => return Ok(Err(unchecked)),
        Err(errors) => return Ok(Err(messages(errors).into_iter().chain(unchecked).collect())),
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

/// An event named by an address's `{id}`; any other id is not found.
async fn stored(state: &AppState, id: i64) -> Result<VersionedEvent, AppError> {
    state.store.versioned_event(id).await?.ok_or(AppError::NotFound)
}

fn done(what: &str) -> Response {
    Redirect::to(&format!("{}?done={what}", admin::EVENTS)).into_response()
}

/// GET `/admin/events/new`: an empty form, or the one this browser typed
/// before its session ended.
pub async fn new(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let form = staff.restored(admin::EVENTS_NEW).unwrap_or_else(EventForm::blank);
    let page = FormPage::new(&state, &staff, &form, &[]).for_new();
    render(&page, staff.lang)
}

/// POST `/admin/events/new`: added under a slug made from the English
/// title; or the form again with each field's message (422); or, for the
/// Preview button, the descriptions rendered above the form, nothing
/// written.
pub async fn add(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<EventForm>,
) -> Result<Response, AppError> {
    if form.preview.is_some() {
        let page = FormPage::new(&state, &staff, &form, &[]).for_new().with_previews(&form);
        return render(&page, staff.lang);
    }
    let tr = Tr::new(staff.lang, state.locales.clone());
    // The first slug the title gives; the store takes the first one free.
    let slug = Title::parse(&form.title_en)
        .ok()
        .and_then(|title| slug_candidates(&title).next())
        .map_or_else(|| "event".to_owned(), |slug| slug.to_string());
    match check(&state, &tr, &form, &slug).await? {
        Ok((event, signatory_id)) => {
            state.store.add_event(&event, signatory_id, &staff.actor(), state.config.clock.now()).await?;
            Ok(done("added"))
        }
        Err(errors) => {
            let page = FormPage::new(&state, &staff, &form, &errors).for_new();
            render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// GET `/admin/events/{id}`: the event's form, or the one this browser
/// typed before its session ended, at the version it was read at.
pub async fn edit(State(state): State<AppState>, staff: Staff, ItemId(id): ItemId) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    let restored: Option<EventForm> = staff.restored(&admin::event(stored.event.id));
    let version = restored.as_ref().and_then(|form| form.version().ok());
    let form = restored.unwrap_or_else(|| EventForm::of(&stored.event.details));
    let mut page = FormPage::new(&state, &staff, &form, &[]).for_event(&stored);
    page.version = version.or(page.version);
    render(&page, staff.lang)
}

/// What someone else saved, where it differs from what was typed.
fn their_values(tr: &Tr, theirs: &NewEvent, typed: impl Fn(EventField) -> String) -> Vec<StoredValue> {
    form_fields()
        .filter(|field| theirs.field_text(*field).trim() != typed(*field).trim())
        .map(|field| StoredValue {
            label: tr.t(field_label(field)),
            value: match theirs.field_text(field) {
                text if text.is_empty() => tr.t("admin-events-empty-value"),
                _ if field == EventField::Status => status_label(tr, theirs.status),
                text if field == EventField::VenueCountry => theirs
                    .venue
                    .as_ref()
                    .map_or(text.clone(), |v| format!("{} ({text})", tr.t(&v.country.message_id()))),
                text => text,
            },
        })
        .collect()
}

/// POST `/admin/events/{id}`: saved (the slug stays); or the form again
/// with each field's message (422); or, when someone else saved the event
/// since the form was read, refused (409) with their values shown and the
/// typed ones kept; or, for the Preview button, the descriptions rendered.
pub async fn save(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<EventForm>,
) -> Result<Response, AppError> {
    let current = stored(&state, id).await?;
    let version = form.version()?;
    if form.preview.is_some() {
        let mut page = FormPage::new(&state, &staff, &form, &[]).for_event(&current).with_previews(&form);
        page.version = Some(version);
        return render(&page, staff.lang);
    }
    let tr = Tr::new(staff.lang, state.locales.clone());
    let (event, signatory_id) = match check(&state, &tr, &form, current.event.details.slug.as_str()).await? {
        Ok(checked) => checked,
        Err(errors) => {
            let mut page = FormPage::new(&state, &staff, &form, &errors).for_event(&current);
            page.version = Some(version);
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let edit = EventEdit { id: current.event.id, version, event: &event, signatory_id, kind: AuditKind::EventUpdated };
    match state.store.update_event(&edit, &staff.actor(), state.config.clock.now()).await? {
        EventSaved::Done(_) => Ok(done("saved")),
        EventSaved::NotFound => Err(AppError::NotFound),
        EventSaved::Conflict(now_stored) => {
            // The form keeps the typed values, at the new version, so that
            // saving again is a choice made knowingly.
            let differs = their_values(&tr, &now_stored.event.details, |field| form.value(field).to_owned());
            let mut page = FormPage::new(&state, &staff, &form, &[]).for_event(&now_stored);
            page.conflict = Some(differs);
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

// ---------------------------------------------------------------- postpone

#[derive(Template)]
#[template(path = "admin/event_postpone.html")]
struct PostponePage {
    ctx: AdminContext,
    title: String,
    facts: Vec<StoredValue>,
    action: String,
    version: i64,
    /// The new start and end.
    inputs: Vec<FormField>,
    has_errors: bool,
    /// The event changed since the page was read: its dates now.
    conflict: Option<Vec<StoredValue>>,
    cancel_href: String,
}

impl PostponePage {
    fn new(
        state: &AppState,
        staff: &Staff,
        stored: &VersionedEvent,
        (start, end): (&str, &str),
        errors: &[(EventField, String)],
    ) -> PostponePage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
        let tr = ctx.tr.clone();
        let input = |field: EventField, value: &str| FormField {
            required: field == EventField::Start,
            maxlength: Some(100),
            hint: field_hint(field).map(|id| tr.t(id)),
            error: errors.iter().find(|(f, _)| *f == field).map(|(_, message)| message.clone()),
            ..FormField::new(
                format!("event-{}", field.column()),
                field.column(),
                tr.t(match field {
                    EventField::Start => "admin-events-field-new-start",
                    _ => "admin-events-field-new-end",
                }),
                value,
            )
        };
        let e = &stored.event;
        PostponePage {
            title: e.details.title(staff.lang).as_str().to_owned(),
            facts: facts(&tr, e),
            action: admin::event_action(e.id, "postpone"),
            version: stored.version,
            inputs: vec![input(EventField::Start, start), input(EventField::End, end)],
            has_errors: !errors.is_empty(),
            conflict: None,
            cancel_href: admin::event(e.id),
            ctx,
        }
    }
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

#[derive(Deserialize)]
pub struct PostponeForm {
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    version: Option<String>,
}

/// GET `/admin/events/{id}/postpone`: the new dates, to be typed (or as
/// this browser typed them before its session ended).
pub async fn postpone_form(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    let restored: Option<PostponeForm> = staff.restored(&admin::event_action(stored.event.id, "postpone"));
    let (start, end) = match &restored {
        Some(typed) => (typed.start.clone(), typed.end.clone()),
        None => stored.event.details.when.to_strings(),
    };
    let mut page = PostponePage::new(&state, &staff, &stored, (&start, &end), &[]);
    if let Some(version) = restored.and_then(|typed| posted_version(typed.version.as_deref()).ok()) {
        page.version = version;
    }
    render(&page, staff.lang)
}

/// POST `/admin/events/{id}/postpone`: the event at its new dates, marked
/// postponed (the same checks as the form's); or the page again with the
/// dates' messages (422), or with the event as it now stands when someone
/// else changed it meanwhile (409).
pub async fn postpone(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<PostponeForm>,
) -> Result<Response, AppError> {
    let current = stored(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let tr = Tr::new(staff.lang, state.locales.clone());
    // The stored event with its new dates, through the form's checks.
    let mut typed = EventForm::of(&current.event.details);
    typed.start = form.start.clone();
    typed.end = form.end.clone();
    typed.status = Status::Postponed.as_str().to_owned();
    let event = match typed.fields(current.event.details.slug.as_str()).parse() {
        Ok(event) => event,
        Err(errors) => {
            let errors: Vec<(EventField, String)> =
                errors.iter().map(|(field, error)| (*field, tr.t(error_message(*field, error)))).collect();
            let mut page = PostponePage::new(&state, &staff, &current, (&form.start, &form.end), &errors);
            page.version = version;
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let edit = EventEdit {
        id: current.event.id,
        version,
        event: &event,
        signatory_id: current.event.signatory_id,
        kind: AuditKind::EventPostponed,
    };
    match state.store.update_event(&edit, &staff.actor(), state.config.clock.now()).await? {
        EventSaved::Done(_) => Ok(done("postponed")),
        EventSaved::NotFound => Err(AppError::NotFound),
        EventSaved::Conflict(now_stored) => {
            let mut page = PostponePage::new(&state, &staff, &now_stored, (&form.start, &form.end), &[]);
            page.conflict = Some(facts(&tr, &now_stored.event));
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

// ---------------------------------------------------------------- cancel and delete

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

/// The confirmation step of a cancellation or a deletion.
fn confirm_page(state: &AppState, staff: &Staff, stored: &VersionedEvent, step: Step) -> ConfirmPage {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
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
        label: ctx.t("admin-events-column-title"),
        value: e.details.title(staff.lang).as_str().to_owned(),
    }];
    facts.extend(self::facts(&ctx.tr, e));
    ConfirmPage {
        id: format!("event-{}", step.action()),
        heading: ctx.t(heading),
        explanation: ctx.t(explanation),
        warning: None,
        facts,
        action: admin::event_action(e.id, step.action()),
        version: (step == Step::Cancel).then_some(stored.version),
        confirm: ctx.t(confirm),
        back_href: admin::event(e.id),
        back_label: ctx.t(back),
        ctx,
    }
}

/// GET `/admin/events/{id}/cancel`: the confirmation step.
pub async fn confirm_cancel(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    render(&confirm_page(&state, &staff, &stored, Step::Cancel), staff.lang)
}

#[derive(Deserialize)]
pub struct VersionForm {
    version: Option<String>,
}

/// POST `/admin/events/{id}/cancel`: the event stays, marked cancelled (the
/// calendar and its feeds say so, under the same UID); or, when it changed
/// since the page was read, the page again as it now stands (409).
pub async fn cancel(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<VersionForm>,
) -> Result<Response, AppError> {
    let current = stored(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let mut event = current.event.details.clone();
    event.status = Status::Cancelled;
    let edit = EventEdit {
        id: current.event.id,
        version,
        event: &event,
        signatory_id: current.event.signatory_id,
        kind: AuditKind::EventCancelled,
    };
    match state.store.update_event(&edit, &staff.actor(), state.config.clock.now()).await? {
        EventSaved::Done(_) => Ok(done("cancelled")),
        EventSaved::NotFound => Err(AppError::NotFound),
        EventSaved::Conflict(now_stored) => {
            let mut page = confirm_page(&state, &staff, &now_stored, Step::Cancel);
            page.warning = Some(("event-conflict", page.ctx.t("admin-events-changed")));
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

/// GET `/admin/events/{id}/delete`: the confirmation step.
pub async fn confirm_delete(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    render(&confirm_page(&state, &staff, &stored, Step::Delete), staff.lang)
}

/// POST `/admin/events/{id}/delete`: deleted, gone from the calendar, its
/// page and the feeds; the list says so.
pub async fn delete(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.delete_event(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(done("deleted"))
}
