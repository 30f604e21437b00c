//! What happens to an event besides editing it: postponed to new dates or
//! to a date still to be announced, or cancelled (it stays, marked, in the
//! calendar and its feeds). Each has its page and checks the version the
//! page was read at.

use askama::Template;
use axum::{extract::State, http::StatusCode, response::Response};
use serde::Deserialize;

use super::{EventForm, Events, Step, confirmation, error_message, facts, page::day_and_time};
use crate::{
    domain::{
        NewEvent,
        event::{EventField, EventFieldError, Status},
    },
    store::{AuditKind, EventEdit, Saved, VersionedEvent},
    text::i18n::Tr,
    web::{
        edit::flow::{self, stored},
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{ConfirmPage, FormField, StoredValue, posted_version},
            render, render_with_status,
        },
    },
};

/// The confirmation step of a cancellation, at the version it was read at.
fn cancel_page(state: &AppState, staff: &Staff, stored: &VersionedEvent) -> ConfirmPage {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
    let id = stored.event.id;
    confirmation(&ctx.tr, staff, stored, Step::Cancel).page(
        ctx,
        admin::event_action(id, Step::Cancel.action()),
        admin::event(id),
        Some(stored.version),
    )
}

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
    /// "New date to be announced" chosen rather than new dates.
    date_unknown: bool,
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
        typed: &PostponeForm,
        errors: &[(EventField, String)],
    ) -> PostponePage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
        let tr = ctx.tr.clone();
        let error = |field: EventField| errors.iter().find(|(f, _)| *f == field).map(|(_, message)| message.clone());
        let [start_date, start_time] = day_and_time(
            &tr,
            EventField::Start,
            (&typed.start_date, &typed.start_time),
            error(EventField::Start),
            true,
        );
        let [end_date, end_time] =
            day_and_time(&tr, EventField::End, (&typed.end_date, &typed.end_time), error(EventField::End), true);
        let e = &stored.event;
        PostponePage {
            title: e.details.title(staff.lang).as_str().to_owned(),
            facts: facts(&tr, e),
            action: admin::event_action(e.id, "postpone"),
            version: stored.version,
            inputs: vec![start_date, start_time, end_date, end_time],
            date_unknown: typed.date_unknown(),
            has_errors: !errors.is_empty(),
            conflict: None,
            cancel_href: admin::event(e.id),
            ctx,
        }
    }
}

/// Whether the new dates are known (`known`, with the start and end) or
/// still to be announced (`unknown`), and the new start and end, as the
/// native day and time fields post them.
#[derive(Default, Deserialize)]
pub struct PostponeForm {
    #[serde(default)]
    new_date: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_date: String,
    #[serde(default)]
    end_time: String,
    version: Option<String>,
}

impl PostponeForm {
    /// The form with an event's start and end in it, and the choice it
    /// stands at: to be announced if it is already.
    fn of(event: &NewEvent) -> PostponeForm {
        let (start, end) = event.when.to_strings();
        let form = EventForm::default().with_times(&start, &end);
        PostponeForm {
            new_date: (if event.date_unknown { NEW_DATE_UNKNOWN } else { NEW_DATE_KNOWN }).to_owned(),
            start_date: form.start_date,
            start_time: form.start_time,
            end_date: form.end_date,
            end_time: form.end_time,
            version: None,
        }
    }

    /// "New date to be announced" chosen.
    fn date_unknown(&self) -> bool {
        self.new_date == NEW_DATE_UNKNOWN
    }
}

/// The choice's values: new dates given, or to be announced.
const NEW_DATE_KNOWN: &str = "known";
const NEW_DATE_UNKNOWN: &str = "unknown";

/// GET `/admin/events/{id}/postpone`: the new dates, to be typed (or as
/// this browser typed them before its session ended).
pub async fn postpone_form(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored::<Events>(&state, id).await?;
    let restored: Option<PostponeForm> = staff.restored(&admin::event_action(stored.event.id, "postpone"));
    let version = restored.as_ref().and_then(|typed| posted_version(typed.version.as_deref()).ok());
    let typed = restored.unwrap_or_else(|| PostponeForm::of(&stored.event.details));
    let mut page = PostponePage::new(&state, &staff, &stored, &typed, &[]);
    if let Some(version) = version {
        page.version = version;
    }
    render(&page, staff.lang)
}

/// POST `/admin/events/{id}/postpone`: the event at its new dates, marked
/// postponed (the same checks as the form's), or marked postponed at its
/// dates as they are, its new date to be announced; or the page again with
/// the dates' messages (422), or with the event as it now stands when
/// someone else changed it meanwhile (409).
pub async fn postpone(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<PostponeForm>,
) -> Result<Response, AppError> {
    let current = stored::<Events>(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let tr = Tr::new(staff.lang, state.locales.clone());
    let event = if form.date_unknown() {
        // The dates stay, for sorting; every page says they are not the new ones.
        let mut event = current.event.details.clone();
        event.status = Status::Postponed;
        event.date_unknown = true;
        event
    } else {
        match with_new_dates(&current, &form) {
            Ok(event) => event,
            Err(errors) => {
                let errors: Vec<(EventField, String)> =
                    errors.iter().map(|(field, error)| (*field, tr.t(error_message(*field, error)))).collect();
                let mut page = PostponePage::new(&state, &staff, &current, &form, &errors);
                page.version = version;
                return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    };
    let edit = EventEdit {
        id: current.event.id,
        version,
        event: &event,
        signatory_id: current.event.signatory_id,
        kind: AuditKind::EventPostponed,
    };
    let done = if event.date_unknown { "postponed-date-unknown" } else { "postponed" };
    match state.store.update_event(&edit, &staff.actor(), state.config.clock.now()).await? {
        Saved::Done(_) => Ok(flow::done(&admin::event(current.event.id), done)),
        Saved::NotFound | Saved::Duplicate => Err(AppError::NotFound),
        Saved::Conflict(now_stored) => {
            let mut page = PostponePage::new(&state, &staff, &now_stored, &form, &[]);
            page.conflict = Some(facts(&tr, &now_stored.event));
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

/// The stored event at the new dates typed, marked postponed, through the
/// form's checks (a new date known: no longer to be announced).
fn with_new_dates(
    current: &VersionedEvent,
    form: &PostponeForm,
) -> Result<NewEvent, Vec<(EventField, EventFieldError)>> {
    let mut typed = EventForm::of(&current.event.details);
    typed.start_date = form.start_date.clone();
    typed.start_time = form.start_time.clone();
    typed.end_date = form.end_date.clone();
    typed.end_time = form.end_time.clone();
    let mut typed = typed.settled();
    typed.status = Status::Postponed.as_str().to_owned();
    let details = &current.event.details;
    typed.fields(details.slug.as_str(), details.slug_fr.as_str()).parse()
}

/// GET `/admin/events/{id}/cancel`: the confirmation step.
pub async fn confirm_cancel(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored::<Events>(&state, id).await?;
    render(&cancel_page(&state, &staff, &stored), staff.lang)
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
    let current = stored::<Events>(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let mut event = current.event.details.clone();
    event.status = Status::Cancelled;
    event.date_unknown = false;
    let edit = EventEdit {
        id: current.event.id,
        version,
        event: &event,
        signatory_id: current.event.signatory_id,
        kind: AuditKind::EventCancelled,
    };
    match state.store.update_event(&edit, &staff.actor(), state.config.clock.now()).await? {
        Saved::Done(_) => Ok(flow::done(&admin::event(current.event.id), "cancelled")),
        Saved::NotFound | Saved::Duplicate => Err(AppError::NotFound),
        Saved::Conflict(now_stored) => {
            let mut page = cancel_page(&state, &staff, &now_stored);
            page.warning = Some(("event-conflict", page.ctx.t("admin-events-changed")));
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}
