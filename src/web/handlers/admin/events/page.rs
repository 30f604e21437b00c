//! An event's form as the page shows it, with the descriptions rendered
//! when the Preview button was pressed.

use askama::Template;

use super::{Step, field_hint, field_label, form::EventForm, form_fields, status_choices};
use crate::{
    domain::{
        TimeZone,
        event::{Description, EventField, Status},
    },
    store::VersionedEvent,
    text::{
        i18n::{Arg, Tr},
        markdown,
    },
    web::{
        edit::FieldErrors,
        paths::{
            self,
            admin::{self, Area},
        },
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            cards::event_status,
            form::{FormField, StoredValue},
            listing::Choice,
        },
    },
};

/// A description rendered as the event's page will show it.
struct Preview {
    lang: &'static str,
    heading: String,
    /// Sanitised HTML.
    html: String,
}

#[derive(Template)]
#[template(path = "admin/event.html")]
pub(super) struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    /// The version the form was read at; none for a new event.
    pub(super) version: Option<i64>,
    inputs: Vec<FormField>,
    has_errors: bool,
    /// Someone else's change, when a save was refused for it.
    pub(super) conflict: Option<Vec<StoredValue>>,
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
    /// What was just saved, said at the top, the public page beside it.
    pub(super) done: Option<String>,
}

/// The day and time fields of a start or an end (`start` or `end`), with
/// the field's error beside the day; `new` for a postponement's.
pub(super) fn day_and_time(
    tr: &Tr,
    field: EventField,
    (date, time): (&str, &str),
    error: Option<String>,
    new: bool,
) -> [FormField; 2] {
    let name = field.column();
    let (day_label, time_label, day_hint, time_hint) = match (field, new) {
        (EventField::Start, false) => (
            "admin-events-field-start-date",
            "admin-events-field-start-time",
            "admin-events-hint-start",
            "admin-events-hint-start-time",
        ),
        (EventField::Start, true) => (
            "admin-events-field-new-start",
            "admin-events-field-new-start-time",
            "admin-events-hint-start",
            "admin-events-hint-start-time",
        ),
        (_, false) => (
            "admin-events-field-end-date",
            "admin-events-field-end-time",
            "admin-events-hint-end",
            "admin-events-hint-end-time",
        ),
        (_, true) => (
            "admin-events-field-new-end",
            "admin-events-field-new-end-time",
            "admin-events-hint-end",
            "admin-events-hint-end-time",
        ),
    };
    [
        FormField {
            kind: "date",
            required: field == EventField::Start && !new,
            hint: Some(tr.t(day_hint)),
            error,
            ..FormField::new(format!("event-{name}-date"), format!("{name}_date"), tr.t(day_label), date)
        },
        FormField {
            kind: "time",
            hint: Some(tr.t(time_hint)),
            ..FormField::new(format!("event-{name}-time"), format!("{name}_time"), tr.t(time_label), time)
        },
    ]
}

/// Every time zone, the chosen one selected.
fn zone_choices(chosen: &str) -> Vec<Choice> {
    TimeZone::names()
        .into_iter()
        .map(|name| Choice { selected: name == chosen.trim(), label: name.clone(), value: name })
        .collect()
}

impl FormPage {
    pub(super) fn new(
        state: &AppState,
        staff: &Staff,
        form: &EventForm,
        errors: &FieldErrors,
        signatories: Vec<String>,
    ) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Events));
        let tr = ctx.tr.clone();
        let mut signatories = Some(signatories);
        let inputs = form_fields()
            .flat_map(|field| {
                if let EventField::Start | EventField::End = field {
                    let typed = match field {
                        EventField::Start => (form.start_date.as_str(), form.start_time.as_str()),
                        _ => (form.end_date.as_str(), form.end_time.as_str()),
                    };
                    return Vec::from(day_and_time(&tr, field, typed, errors.of(field.column()), false));
                }
                let value = form.value(field).to_owned();
                let (kind, choices, blank) = match field {
                    EventField::Status => ("select", status_choices(&tr, Some(&value)), None),
                    EventField::TimeZone => ("select", zone_choices(&value), None),
                    EventField::VenueCountry => (
                        "select",
                        crate::web::view::listing::country_choices(&tr, Some(&value)),
                        Some(tr.t("admin-events-no-venue-country")),
                    ),
                    EventField::DescriptionFr | EventField::DescriptionEn => ("textarea", Vec::new(), None),
                    EventField::OnlineUrl | EventField::RegistrationUrl => ("url", Vec::new(), None),
                    _ => ("text", Vec::new(), None),
                };
                let suggestions = match field {
                    EventField::Signatory => signatories.take().unwrap_or_default(),
                    _ => Vec::new(),
                };
                vec![FormField {
                    kind,
                    suggestions,
                    required: matches!(field, EventField::TitleFr | EventField::TitleEn),
                    maxlength: Some(if kind == "textarea" { 20_000 } else { 500 }),
                    blank,
                    choices,
                    // A description is checked before it is saved: said beside it.
                    hint: field_hint(field).map(|id| match kind {
                        "textarea" => format!("{} {}", tr.t(id), tr.t("check-hint")),
                        _ => tr.t(id),
                    }),
                    error: errors.of(field.column()),
                    ..FormField::new(
                        format!("event-{}", field.column().replace('_', "-")),
                        field.column(),
                        tr.t(field_label(field)),
                        value,
                    )
                }]
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
            done: None,
            ctx,
        }
    }

    /// The page of a stored event's form.
    pub(super) fn for_event(mut self, stored: &VersionedEvent) -> FormPage {
        let e = &stored.event;
        self.title = e.details.title(self.ctx.lang).as_str().to_owned();
        self.action = admin::event(e.id);
        self.version = Some(stored.version);
        self.sample = e.sample;
        let tr = &self.ctx.tr;
        self.status = event_status(tr, e)
            .map(|(_, label)| tr.format("admin-events-status-note", &[("status", Arg::Text(label.into()))]));
        self.public_href = Some(paths::event_page(&e.details).path(self.ctx.lang));
        self.postpone_href = Some(admin::event_action(e.id, "postpone"));
        self.cancel_href =
            (e.details.status != Status::Cancelled).then(|| admin::event_action(e.id, Step::Cancel.action()));
        self.delete_href = Some(admin::event_action(e.id, Step::Delete.action()));
        self
    }

    pub(super) fn for_new(mut self) -> FormPage {
        self.title = self.ctx.t("admin-events-new");
        self
    }

    /// The typed descriptions, rendered.
    pub(super) fn with_previews(mut self, form: &EventForm) -> FormPage {
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
