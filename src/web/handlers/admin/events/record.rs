//! Events in the edit flow: how an event is loaded, checked, saved and
//! shown, for the flow's generic handlers.

use axum::response::Response;
use time::OffsetDateTime;

use super::{
    FORM_LIMIT, ListQuery, Step, field_label,
    form::{EventForm, check},
    form_fields, list_page,
    page::FormPage,
    status_label,
};
use crate::{
    domain::{
        NewEvent, Title,
        event::{EventField, slug_candidates},
    },
    store::{AuditKind, EventEdit, Saved, VersionedEvent},
    text::i18n::Tr,
    web::{
        edit::{Confirmation, FieldErrors, FormView, Record},
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{admin::AdminContext, form::StoredValue, render_with_status},
    },
};

/// The most signatories an event's form suggests by name: enough for the
/// Pact for years, and a page that stays light; past it, a name typed is
/// still found.
const SUGGESTED_SIGNATORIES: i64 = 2_000;

/// The calendar's events, as the edit flow keeps them.
pub struct Events;

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

    fn form_of(_state: &AppState, stored: &VersionedEvent) -> EventForm {
        EventForm::of(&stored.event.details)
    }

    fn restored(staff: &Staff, action: &str) -> Option<EventForm> {
        staff.restored::<EventForm>(action).map(EventForm::settled)
    }

    fn posted(StaffForm { staff, form }: StaffForm<EventForm>) -> (Staff, EventForm) {
        (staff, form.settled())
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
        // A stored event keeps its slugs; a new one gets the first its
        // English title gives (the French one from its French title), and
        // the store the first ones free.
        let (slug, slug_fr) = match current {
            Some(stored) => (stored.event.details.slug.to_string(), stored.event.details.slug_fr.to_string()),
            None => (
                Title::parse(&form.title_en)
                    .ok()
                    .and_then(|title| slug_candidates(&title).next())
                    .map_or_else(|| "event".to_owned(), |slug| slug.to_string()),
                String::new(),
            ),
        };
        check(state, tr, form, (&slug, &slug_fr)).await
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
        // The form does not say whether the new date is known: kept while
        // the event stays postponed at the same dates, ended by new dates
        // or another status.
        let mut event = event.clone();
        event.keep_date_unknown(&current.event.details);
        let edit = EventEdit {
            id: current.event.id,
            version,
            event: &event,
            signatory_id: *signatory_id,
            kind: AuditKind::EventUpdated,
        };
        Ok(state.store.update_event(&edit, &staff.actor(), now).await?)
    }

    async fn remove(state: &AppState, staff: &Staff, id: i64, now: OffsetDateTime) -> Result<bool, AppError> {
        Ok(state.store.delete_event(id, &staff.actor(), now).await?)
    }

    async fn page(state: &AppState, staff: &Staff, view: FormView<'_, Self>) -> Result<Response, AppError> {
        // A list the browser filters as one types, without a script.
        let signatories = state.store.signatory_references(SUGGESTED_SIGNATORIES).await?;
        let page = FormPage::new(state, staff, view.form, &view.errors, signatories);
        let mut page = match view.stored {
            Some(stored) => page.for_event(stored),
            None => page.for_new(),
        };
        if view.preview {
            page = page.with_previews(view.form);
        }
        page.version = view.version;
        page.conflict = view.conflict;
        let done = match view.done.as_deref() {
            Some("added") => Some("admin-events-added"),
            Some("saved") => Some("admin-events-saved"),
            Some("postponed") => Some("admin-events-postponed"),
            Some("postponed-date-unknown") => Some("events-postponed-date-unknown"),
            Some("cancelled") => Some("admin-events-cancelled"),
            _ => None,
        };
        page.done = done.map(|id| Tr::new(staff.lang, state.locales.clone()).t(id));
        render_with_status(&page, staff.lang, view.status)
    }

    fn theirs(tr: &Tr, theirs: &VersionedEvent, form: &EventForm) -> Vec<StoredValue> {
        their_values(tr, &theirs.event.details, |field| form.value(field).to_owned())
    }

    fn deletion(ctx: &AdminContext, staff: &Staff, stored: &VersionedEvent, _now: OffsetDateTime) -> Confirmation {
        let tr = &ctx.tr;
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
