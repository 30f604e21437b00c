//! `/admin/applications`: the applications to join the Pact awaiting
//! review, each with all its fields and its document; the authority's
//! fields corrected, then approved (the authority becomes a signatory,
//! with a news draft when asked) or declined with a reason. Approve and
//! decline are actions beside the page, as an event's postponement is.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::application::ApplicationFields,
    store::{ApplicationState, ApplicationSummary, StoredApplication},
    text::i18n::Tr,
    web::{
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            application::error_message,
            form::{FormField, StoredValue},
            listing::{country_choices, kind_choices},
            render, render_with_status,
        },
    },
};

mod decide;

pub use decide::{approve, decline};

#[derive(Template)]
#[template(path = "admin/applications.html")]
struct ListPage {
    ctx: AdminContext,
    rows: Vec<Row>,
    /// What was just done: a message id.
    done: Option<String>,
}

struct Row {
    href: String,
    name: String,
    kind: String,
    country: String,
    decided_on: String,
    confirmed: String,
}

fn row(tr: &Tr, ctx: &AdminContext, a: &ApplicationSummary) -> Row {
    Row {
        href: admin::application(a.id, None),
        name: a.name.clone(),
        kind: tr.t(if a.kind == "city" { "kind-city" } else { "kind-region" }),
        country: crate::domain::Country::parse(&a.country)
            .map_or_else(|_| a.country.clone(), |c| tr.t(&c.message_id())),
        decided_on: crate::domain::date::format(a.decided_on),
        confirmed: ctx.when(a.confirmed_at),
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    done: Option<String>,
}

/// GET `/admin/applications`: those awaiting review, oldest first.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Applications));
    let tr = ctx.tr.clone();
    let rows = state.store.applications_awaiting_review().await?.iter().map(|a| row(&tr, &ctx, a)).collect();
    let done = match query.done.as_deref() {
        Some("approved") => Some(tr.t("applications-approved")),
        Some("declined") => Some(tr.t("applications-declined")),
        _ => None,
    };
    render(&ListPage { ctx, rows, done }, staff.lang)
}

#[derive(Template)]
#[template(path = "admin/application.html")]
pub(super) struct ApplicationPage {
    ctx: AdminContext,
    a: StoredApplication,
    status: String,
    /// The authority's fields as the correction form shows them, with
    /// their messages (while the application awaits review).
    inputs: Vec<FormField>,
    /// The same, as read once the application is decided.
    facts: Vec<StoredValue>,
    document_href: Option<String>,
    correct_action: String,
    approve_action: String,
    decline_action: String,
    pending: bool,
    notice: Option<String>,
    reason_error: Option<String>,
}

/// An application confirmed by its contact; any other id is not found.
async fn application(state: &AppState, id: i64) -> Result<StoredApplication, AppError> {
    state.store.application(id).await?.ok_or(AppError::NotFound)
}

/// The correction form's fields, in its order: name, `id`, label, the
/// control.
const FIELDS: [(&str, &str, &str); 7] = [
    ("name", "application-name", "join-field-name"),
    ("name_fr", "application-name-fr", "join-field-name-fr"),
    ("name_en", "application-name-en", "join-field-name-en"),
    ("kind", "application-kind", "join-field-kind"),
    ("country", "application-country", "join-field-country"),
    ("website", "application-website", "join-field-website"),
    ("decided_on", "application-decided-on", "join-field-decided-on"),
];

/// The correction form with these values (as stored, or as typed), the
/// kind and the country as the public form's lists.
fn inputs(tr: &Tr, values: [&str; 7], today: &str) -> Vec<FormField> {
    FIELDS
        .iter()
        .zip(values)
        .map(|(&(name, id, label), value)| {
            let field = FormField::new(
                id,
                name,
                tr.t(label),
                value.chars().filter(|c| !c.is_control()).take(500).collect::<String>(),
            );
            match name {
                "kind" | "country" => FormField {
                    kind: "select",
                    required: true,
                    blank: Some(tr.t(if name == "kind" { "join-choose-kind" } else { "join-choose-country" })),
                    choices: if name == "kind" {
                        kind_choices(tr, Some(value))
                    } else {
                        country_choices(tr, Some(value))
                    },
                    ..field
                },
                "name" => FormField { required: true, maxlength: Some(200), ..field },
                "website" => FormField { kind: "url", maxlength: Some(500), ..field },
                "decided_on" => FormField { kind: "date", required: true, max: Some(today.to_owned()), ..field },
                _ => FormField { maxlength: Some(200), ..field },
            }
        })
        .collect()
}

impl ApplicationPage {
    pub(super) fn new(state: &AppState, staff: &Staff, a: StoredApplication) -> ApplicationPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Applications));
        let tr = &ctx.tr;
        let s = &a.authority;
        fn optional(name: &Option<crate::domain::Name>) -> &str {
            name.as_ref().map_or("", crate::domain::Name::as_str)
        }
        let decided_on = crate::domain::date::format(s.joined_on);
        let values = [
            s.name.as_str(),
            optional(&s.name_fr),
            optional(&s.name_en),
            s.kind.as_str(),
            s.country.code(),
            s.website.as_ref().map_or("", |w| w.as_str()),
            &decided_on,
        ];
        let inputs = inputs(tr, values, &crate::domain::date::format(state.config.today()));
        let facts = inputs
            .iter()
            .map(|input| StoredValue {
                label: input.label.clone(),
                value: input
                    .choices
                    .iter()
                    .find(|c| c.selected)
                    .map_or_else(|| input.value.clone(), |c| c.label.clone()),
            })
            .collect();
        let status = tr.t(match a.state {
            ApplicationState::Unconfirmed | ApplicationState::Received => "applications-status-received",
            ApplicationState::Approved(_) => "applications-status-approved",
            ApplicationState::Declined(_) => "applications-status-declined",
        });
        ApplicationPage {
            document_href: a.document_size.map(|_| admin::application(a.id, Some("document.pdf"))),
            correct_action: admin::application(a.id, None),
            approve_action: admin::application(a.id, Some("approve")),
            decline_action: admin::application(a.id, Some("decline")),
            pending: a.state == ApplicationState::Received,
            status,
            inputs,
            facts,
            a,
            ctx,
            notice: None,
            reason_error: None,
        }
    }
}

/// GET `/admin/applications/{id}`: every field, the document, the actions.
pub async fn show(State(state): State<AppState>, staff: Staff, ItemId(id): ItemId) -> Result<Response, AppError> {
    let a = application(&state, id).await?;
    let lang = staff.lang;
    render(&ApplicationPage::new(&state, &staff, a), lang)
}

/// GET `/admin/applications/{id}/document.pdf`: the document, to save.
pub async fn document(State(state): State<AppState>, _: Staff, ItemId(id): ItemId) -> Result<Response, AppError> {
    let bytes = state.store.application_document(id).await?.ok_or(AppError::NotFound)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"application.pdf\""));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The correction form's fields.
#[derive(Deserialize)]
pub struct Correction {
    #[serde(default)]
    name: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    decided_on: String,
}

/// POST `/admin/applications/{id}`: the authority's fields corrected.
pub async fn correct(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    crate::web::staff::StaffForm { staff, form }: crate::web::staff::StaffForm<Correction>,
) -> Result<Response, AppError> {
    let a = application(&state, id).await?;
    let fields = ApplicationFields {
        name: &form.name,
        name_fr: &form.name_fr,
        name_en: &form.name_en,
        kind: &form.kind,
        country: &form.country,
        website: &form.website,
        decided_on: &form.decided_on,
        ..ApplicationFields::default()
    };
    match fields.authority().parse(state.config.today()) {
        Ok(authority) => {
            if !state.store.correct_application(id, &authority, &staff.actor(), state.config.clock.now()).await? {
                return Err(AppError::NotFound);
            }
            Ok(Redirect::to(&admin::application(id, None)).into_response())
        }
        Err(errors) => {
            let lang = staff.lang;
            let mut page = ApplicationPage::new(&state, &staff, a);
            let typed =
                [&*form.name, &form.name_fr, &form.name_en, &form.kind, &form.country, &form.website, &form.decided_on];
            page.inputs = inputs(&page.ctx.tr, typed, &crate::domain::date::format(state.config.today()));
            for (field, error) in errors {
                let name = field.column();
                if let Some(input) =
                    page.inputs.iter_mut().find(|f| f.name == name || (name == "joined_on" && f.name == "decided_on"))
                {
                    input.error = Some(page.ctx.tr.t(error_message(&error.into())));
                }
            }
            render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
