//! `/admin/signatories`: the signatories as staff keep them. A list with
//! the public directory's filters, a form to add or edit one (every field
//! parsed by the same types as the CSV import), deletion after a
//! confirmation step, the export (the file `oneinfive signatories export`
//! writes), and a CSV file uploaded, previewed, then applied all at once.
//!
//! A form carries the version of the signatory it was read at: a save
//! over someone else's change is refused (409) with their change shown and
//! the typed values kept. A preview carries a fingerprint of the rows the
//! file names: if they changed before "apply", nothing is written and the
//! preview is shown again.

mod form;
mod import;
mod import_view;

pub use form::Signatories;
pub use import::{APPLY_LIMIT, UPLOAD_LIMIT, apply, preview, template, upload};

use askama::Template;
use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::Response,
};
use serde::Deserialize;
use url::form_urlencoded;

use crate::{
    domain::{
        Country, Field, FieldError, Kind,
        country::CountryError,
        position::{Axis, CoordinateError},
        signatory::NameError,
    },
    store::{DirectoryFilter, VersionedSignatory},
    text::{
        collate,
        i18n::{Arg, Tr},
    },
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            directory::kind_label,
            listing::{self, Choice, Pagination, country_choices, kind_choices, page_count, page_number, present},
            render,
        },
    },
};

/// Signatories on one page of the list.
const PAGE_SIZE: i64 = 50;
/// The longest name search taken, in characters.
const QUERY_MAX_CHARS: usize = 100;

/// The Fluent message that names a field.
fn field_label(field: Field) -> &'static str {
    match field {
        Field::Name => "admin-signatories-field-name",
        Field::Kind => "admin-signatories-field-kind",
        Field::Country => "admin-signatories-field-country",
        Field::JoinedOn => "admin-signatories-field-joined-on",
        Field::NameFr => "admin-signatories-field-name-fr",
        Field::NameEn => "admin-signatories-field-name-en",
        Field::Website => "admin-signatories-field-website",
        Field::Latitude => "admin-signatories-field-latitude",
        Field::Longitude => "admin-signatories-field-longitude",
    }
}

/// The Fluent message that says what is wrong with a field.
fn error_message(error: &FieldError) -> &'static str {
    match error {
        FieldError::Name(NameError::Empty) => "admin-signatories-error-name-empty",
        FieldError::Name(NameError::TooLong) => "admin-signatories-error-name-too-long",
        FieldError::Name(NameError::ControlCharacter) => "admin-signatories-error-name-control",
        FieldError::Name(NameError::BidiControl(_)) => "admin-signatories-error-name-bidi",
        FieldError::Kind(_) => "admin-signatories-error-kind",
        FieldError::Country(CountryError::Empty) => "admin-signatories-error-country-missing",
        FieldError::Country(CountryError::Unknown(_)) => "admin-signatories-error-country",
        FieldError::DateMissing => "admin-signatories-error-date-missing",
        FieldError::Date(_) => "admin-signatories-error-date",
        FieldError::DateInFuture(_) => "admin-signatories-error-date-future",
        FieldError::Website(_) => "admin-signatories-error-website",
        FieldError::Coordinate(CoordinateError::NotANumber) => "admin-signatories-error-coordinate",
        FieldError::Coordinate(CoordinateError::OutOfRange(Axis::Latitude)) => "admin-signatories-error-latitude-range",
        FieldError::Coordinate(CoordinateError::OutOfRange(Axis::Longitude)) => {
            "admin-signatories-error-longitude-range"
        }
        FieldError::HalfPosition => "admin-signatories-error-half-position",
    }
}

/// Every country a signatory may be in, by name in the person's language.
/// Every country, by name in the person's language: the order of the list.
fn countries_by_name(tr: &Tr) -> Vec<Country> {
    let mut countries: Vec<(String, Country)> = Country::all().map(|c| (tr.t(&c.message_id()), c)).collect();
    countries.sort_by(|a, b| collate::compare(&a.0, &b.0));
    countries.into_iter().map(|(_, country)| country).collect()
}

// ---------------------------------------------------------------- the list

/// A signatory as the list shows it.
struct Row {
    href: String,
    name: String,
    kind: String,
    country: String,
    joined: String,
    sample: bool,
}

#[derive(Template)]
#[template(path = "admin/signatories.html")]
struct ListPage {
    ctx: AdminContext,
    action: &'static str,
    country_choices: Vec<Choice>,
    kinds: Vec<Choice>,
    query: String,
    filtered: bool,
    results: String,
    rows: Vec<Row>,
    pagination: Option<Pagination>,
    new_href: &'static str,
    import_href: &'static str,
    export_href: &'static str,
    /// What was just done, said at the top of the page.
    done: Option<String>,
    /// After a deletion, the trash, where the record can be restored.
    trash_href: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    country: Option<String>,
    kind: Option<String>,
    q: Option<String>,
    page: Option<String>,
    done: Option<String>,
    added: Option<usize>,
    updated: Option<usize>,
    unchanged: Option<usize>,
}

/// GET `/admin/signatories`: filtered by country, kind and name, 50 a page.
async fn list_page(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Signatories));
    let tr = ctx.tr.clone();
    let country =
        present(query.country.as_deref()).map(Country::parse).transpose().map_err(|_| AppError::BadRequest)?;
    let kind = present(query.kind.as_deref()).map(Kind::parse).transpose().map_err(|_| AppError::BadRequest)?;
    let typed = present(query.q.as_deref())
        .map(|q| q.chars().filter(|c| !c.is_control()).take(QUERY_MAX_CHARS).collect::<String>())
        .filter(|q| !q.trim().is_empty());
    let filter = DirectoryFilter { country, kind, query: typed };
    let page = page_number(query.page.as_deref())?;
    let total = state.store.listed_signatory_count(&filter).await?;
    let pages = page_count(total, PAGE_SIZE);
    if page > pages {
        return Err(AppError::NotFound);
    }
    let countries = countries_by_name(&tr);
    let rows = state
        .store
        .listed_signatories(&filter, staff.lang, &countries, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        .await?
        .into_iter()
        .map(|VersionedSignatory { signatory, .. }| {
            let s = &signatory.details;
            Row {
                href: admin::signatory(signatory.id),
                name: s.display_name(staff.lang).to_string(),
                kind: kind_label(&tr, s.kind),
                country: tr.t(&s.country.message_id()),
                joined: tr.date(s.joined_on),
                sample: signatory.sample,
            }
        })
        .collect();
    let href = |page: i64| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(country) = filter.country {
            q.append_pair("country", country.code());
        }
        if let Some(kind) = filter.kind {
            q.append_pair("kind", kind.as_str());
        }
        if let Some(text) = &filter.query {
            q.append_pair("q", text);
        }
        q.append_pair("page", &page.to_string());
        format!("{}?{}", admin::SIGNATORIES, q.finish())
    };
    let count = |n: Option<usize>| Arg::Count(i64::try_from(n.unwrap_or(0)).unwrap_or(0));
    let done = match query.done.as_deref() {
        Some("deleted") => Some(tr.t("admin-signatories-deleted")),
        Some("imported") => Some(tr.format(
            "admin-signatories-imported",
            &[("added", count(query.added)), ("updated", count(query.updated)), ("unchanged", count(query.unchanged))],
        )),
        _ => None,
    };
    let page = ListPage {
        action: admin::SIGNATORIES,
        country_choices: country_choices(&tr, filter.country.map(Country::code)),
        kinds: kind_choices(&tr, filter.kind.map(Kind::as_str)),
        query: filter.query.clone().unwrap_or_default(),
        filtered: !filter.is_empty(),
        results: tr.count("admin-signatories-count", "count", total),
        rows,
        pagination: Pagination::new(&tr, &listing::PAGES, page, pages, href),
        new_href: admin::SIGNATORIES_NEW,
        import_href: admin::SIGNATORIES_IMPORT,
        export_href: admin::SIGNATORIES_EXPORT,
        done,
        trash_href: (query.done.as_deref() == Some("deleted")).then_some(admin::TRASH),
        ctx,
    };
    render(&page, staff.lang)
}

/// `oneinfive signatories export` writes them, written as they are read.
pub async fn export(State(state): State<AppState>, _staff: Staff) -> Result<Response, AppError> {
    let mut response = Response::new(crate::web::signatories_csv_body::csv_body(&state).await?);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"signatories.csv\""));
    Ok(response)
}
