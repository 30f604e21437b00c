//! An event's form, through the edit flow: every field parsed by the same
//! types as the events CSV, a related signatory named as the directory
//! names it, and a preview of the descriptions rendered by the server. A
//! new event's address is made from its English title, and stays.

use axum::response::Response;
use serde::Deserialize;
use time::OffsetDateTime;

use super::{
    FORM_LIMIT, ListQuery, Step, error_message, field_label, form_fields, list_page, page::FormPage, status_label,
};
use crate::{
    domain::{
        NewEvent, Title,
        event::{EventField, EventFieldError, EventFields, Status, TimeZone, slug_candidates},
    },
    store::{AuditKind, EventEdit, Saved, VersionedEvent},
    text::{checks, i18n::Tr},
    web::{
        edit::{Confirmation, FieldErrors, FormView, Record},
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{form::StoredValue, render_with_status},
    },
};

/// The calendar's events, as the edit flow keeps them.
pub struct Events;

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    pub(super) start: String,
    #[serde(default)]
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
    version: Option<String>,
    /// Present when the Preview button was pressed: nothing is written.
    preview: Option<String>,
}

impl EventForm {
    pub(super) fn of(e: &NewEvent) -> EventForm {
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

    pub(super) fn fields<'a>(&'a self, slug: &'a str) -> EventFields<'a> {
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

    pub(super) fn value(&self, field: EventField) -> &str {
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
}

/// The form's values checked, with the related signatory's id; or each
/// field's message in the person's language.
async fn check(
    state: &AppState,
    tr: &Tr,
    form: &EventForm,
    slug: &str,
) -> Result<Result<(NewEvent, Option<i64>), FieldErrors>, AppError> {
    let messages = |errors: Vec<(EventField, EventFieldError)>| -> FieldErrors {
        errors
            .iter()
            .map(|(field, error)| {
                // The slug is made from the English title.
                let shown = if *field == EventField::Slug { EventField::TitleEn } else { *field };
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
    let event = match form.fields(slug).parse() {
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

impl Record for Events {
    type Stored = VersionedEvent;
    type Form = EventForm;
    type Body = StaffForm<EventForm>;
    /// The event, and the id of the signatory it names.
    type Checked = (NewEvent, Option<i64>);
    type ListQuery = ListQuery;

    const AREA: Area = Area::Events;
    const LIST: &'static str = admin::EVENTS;
    const NEW: &'static str = admin::EVENTS_NEW;
    const ITEM_ROUTE: &'static str = admin::EVENT_ROUTE;
    const DELETE_ROUTE: &'static str = admin::EVENT_DELETE_ROUTE;
    const FORM_LIMIT: usize = FORM_LIMIT;

    fn href(id: i64) -> String {
        admin::event(id)
    }

    fn delete_href(id: i64) -> String {
        admin::event_action(id, Step::Delete.action())
    }

    fn id(stored: &VersionedEvent) -> i64 {
        stored.event.id
    }

    fn version(stored: &VersionedEvent) -> i64 {
        stored.version
    }

    async fn load(state: &AppState, id: i64) -> Result<Option<VersionedEvent>, AppError> {
        Ok(state.store.versioned_event(id).await?)
    }

    async fn list(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
        list_page(state, staff, query).await
    }

    fn blank() -> EventForm {
        EventForm::blank()
    }

    fn form_of(stored: &VersionedEvent, _now: OffsetDateTime) -> EventForm {
        EventForm::of(&stored.event.details)
    }

    fn restored(staff: &Staff, action: &str) -> Option<EventForm> {
        staff.restored(action)
    }

    fn posted(StaffForm { staff, form }: StaffForm<EventForm>) -> (Staff, EventForm) {
        (staff, form)
    }

    fn typed_version(form: &EventForm) -> Option<&str> {
        form.version.as_deref()
    }

    fn previewing(form: &EventForm) -> bool {
        form.preview.is_some()
    }

    async fn check(
        state: &AppState,
        tr: &Tr,
        form: &EventForm,
        current: Option<&VersionedEvent>,
    ) -> Result<Result<(NewEvent, Option<i64>), FieldErrors>, AppError> {
        // A stored event keeps its slug; a new one gets the first its
        // English title gives, and the store the first one free.
        let slug = match current {
            Some(stored) => stored.event.details.slug.to_string(),
            None => Title::parse(&form.title_en)
                .ok()
                .and_then(|title| slug_candidates(&title).next())
                .map_or_else(|| "event".to_owned(), |slug| slug.to_string()),
        };
        check(state, tr, form, &slug).await
    }

    async fn insert(
        state: &AppState,
        staff: &Staff,
        (event, signatory_id): &(NewEvent, Option<i64>),
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedEvent>, AppError> {
        let (id, _slug) = state.store.add_event(event, *signatory_id, &staff.actor(), now).await?;
        Ok(Saved::Done(id))
    }

    async fn update(
        state: &AppState,
        staff: &Staff,
        current: &VersionedEvent,
        version: i64,
        (event, signatory_id): &(NewEvent, Option<i64>),
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedEvent>, AppError> {
        let edit = EventEdit {
            id: current.event.id,
            version,
            event,
            signatory_id: *signatory_id,
            kind: AuditKind::EventUpdated,
        };
        Ok(state.store.update_event(&edit, &staff.actor(), now).await?)
    }

    async fn remove(state: &AppState, staff: &Staff, id: i64, now: OffsetDateTime) -> Result<bool, AppError> {
        Ok(state.store.delete_event(id, &staff.actor(), now).await?)
    }

    async fn page(state: &AppState, staff: &Staff, view: FormView<'_, Self>) -> Result<Response, AppError> {
        let page = FormPage::new(state, staff, view.form, &view.errors);
        let mut page = match view.stored {
            Some(stored) => page.for_event(stored),
            None => page.for_new(),
        };
        if view.preview {
            page = page.with_previews(view.form);
        }
        page.version = view.version;
        page.conflict = view.conflict;
        render_with_status(&page, staff.lang, view.status)
    }

    fn theirs(tr: &Tr, theirs: &VersionedEvent, form: &EventForm) -> Vec<StoredValue> {
        their_values(tr, &theirs.event.details, |field| form.value(field).to_owned())
    }

    fn deletion(tr: &Tr, staff: &Staff, stored: &VersionedEvent, _now: OffsetDateTime) -> Confirmation {
        super::confirmation(tr, staff, stored, Step::Delete)
    }
}

/// What someone else saved, where it differs from what was typed.
pub(super) fn their_values(tr: &Tr, theirs: &NewEvent, typed: impl Fn(EventField) -> String) -> Vec<StoredValue> {
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
