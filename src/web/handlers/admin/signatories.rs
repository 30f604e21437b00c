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

use askama::Template;
use axum::{
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use url::form_urlencoded;

use crate::{
    domain::{
        Country, Field, FieldError, Kind, NewSignatory, Signatory, SignatoryFields,
        country::CountryError,
        position::{Axis, CoordinateError},
        signatory::NameError,
    },
    formats::{
        csv_file::{CsvErrors, FileProblem},
        signatories_csv::{self, Problem as CsvProblem},
    },
    store::{DirectoryFilter, ImportPreview, ImportReport, SignatorySaved, VersionedSignatory},
    text::{
        collate,
        i18n::{Arg, Tr},
    },
    web::{
        error::AppError,
        extract::ItemId,
        paths::{
            self,
            admin::{self, Area},
        },
        staff::{NoFields, Staff, StaffForm, StaffMultipart},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{ConfirmPage, FormField, StoredValue, posted_version},
            listing::{self, Choice, Pagination, page_count, page_number, present},
            render, render_with_status,
        },
    },
};

/// Signatories on one page of the list.
const PAGE_SIZE: i64 = 50;
/// The largest CSV file staff may upload, and the body that carries it.
pub const UPLOAD_LIMIT: usize = 2 * 1024 * 1024;
/// The body that sends a previewed file back to be applied: the file,
/// form-encoded (up to three bytes for one), and the other fields.
pub const APPLY_LIMIT: usize = 3 * UPLOAD_LIMIT + 16 * 1024;
/// The longest name search taken, in characters.
const QUERY_MAX_CHARS: usize = 100;

fn kind_label(tr: &Tr, kind: Kind) -> String {
    tr.t(match kind {
        Kind::City => "kind-city",
        Kind::Region => "kind-region",
    })
}

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
        FieldError::Website(_) => "admin-signatories-error-website",
        FieldError::Coordinate(CoordinateError::NotANumber) => "admin-signatories-error-coordinate",
        FieldError::Coordinate(CoordinateError::OutOfRange(Axis::Latitude)) => "admin-signatories-error-latitude-range",
        FieldError::Coordinate(CoordinateError::OutOfRange(Axis::Longitude)) => {
            "admin-signatories-error-longitude-range"
        }
        FieldError::HalfPosition => "admin-signatories-error-half-position",
    }
}

/// A problem of an uploaded file, in the person's language.
fn problem_message(tr: &Tr, problem: &CsvProblem) -> String {
    let text = |value: &str| Arg::Text(value.to_owned().into());
    let count = |n: usize| Arg::Count(i64::try_from(n).unwrap_or(i64::MAX));
    match problem {
        CsvProblem::Field(field, error) => tr.format(
            "admin-signatories-problem-field",
            &[("field", text(field.column())), ("message", Arg::Text(tr.t(error_message(error)).into()))],
        ),
        CsvProblem::Duplicate { name, country, first } => tr.format(
            "admin-signatories-problem-duplicate",
            &[
                ("name", text(name)),
                ("country", Arg::Text(tr.t(&country.message_id()).into())),
                ("line", Arg::Count(i64::try_from(*first).unwrap_or(0))),
            ],
        ),
        CsvProblem::File(file) => match file {
            FileProblem::Empty { expected } => tr.format("admin-csv-empty", &[("columns", text(expected))]),
            FileProblem::UnknownColumn { column, columns } => {
                tr.format("admin-csv-unknown-column", &[("column", text(column)), ("columns", text(columns))])
            }
            FileProblem::ColumnTwice { column } => tr.format("admin-csv-column-twice", &[("column", text(column))]),
            FileProblem::MissingColumn { column, expected } => {
                tr.format("admin-csv-missing-column", &[("column", text(column)), ("columns", text(expected))])
            }
            FileProblem::FieldCount { expected, found } => {
                tr.format("admin-csv-field-count", &[("expected", count(*expected)), ("found", count(*found))])
            }
            FileProblem::NotUtf8 => tr.t("admin-csv-not-utf8"),
            FileProblem::Unreadable(_) => tr.t("admin-csv-unreadable"),
        },
    }
}

/// Every country a signatory may be in, by name in the person's language.
fn country_choices(tr: &Tr, selected: Option<&str>) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Country::all()
        .map(|country| Choice {
            value: country.code().to_owned(),
            label: tr.t(&country.message_id()),
            selected: selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(country.code())),
        })
        .collect();
    choices.sort_by(|a, b| collate::compare(&a.label, &b.label));
    choices
}

fn kind_choices(tr: &Tr, selected: Option<&str>) -> Vec<Choice> {
    [Kind::City, Kind::Region]
        .into_iter()
        .map(|kind| Choice {
            value: kind.as_str().to_owned(),
            label: kind_label(tr, kind),
            selected: selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(kind.as_str())),
        })
        .collect()
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
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Signatories));
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
    let rows = state
        .store
        .listed_signatories(&filter, staff.lang, PAGE_SIZE, (page - 1) * PAGE_SIZE)
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
        Some("added") => Some(tr.t("admin-signatories-added")),
        Some("saved") => Some(tr.t("admin-signatories-saved")),
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
        ctx,
    };
    render(&page, staff.lang)
}

// ---------------------------------------------------------------- the form

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SignatoryForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    joined_on: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    latitude: String,
    #[serde(default)]
    longitude: String,
    version: Option<String>,
}

impl SignatoryForm {
    fn of(s: &NewSignatory) -> SignatoryForm {
        SignatoryForm {
            name: s.field_text(Field::Name),
            kind: s.field_text(Field::Kind),
            country: s.field_text(Field::Country),
            joined_on: s.field_text(Field::JoinedOn),
            name_fr: s.field_text(Field::NameFr),
            name_en: s.field_text(Field::NameEn),
            website: s.field_text(Field::Website),
            latitude: s.field_text(Field::Latitude),
            longitude: s.field_text(Field::Longitude),
            version: None,
        }
    }

    fn fields(&self) -> SignatoryFields<'_> {
        SignatoryFields {
            name: &self.name,
            kind: &self.kind,
            country: &self.country,
            joined_on: &self.joined_on,
            name_fr: &self.name_fr,
            name_en: &self.name_en,
            website: &self.website,
            latitude: &self.latitude,
            longitude: &self.longitude,
        }
    }

    fn value(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Kind => &self.kind,
            Field::Country => &self.country,
            Field::JoinedOn => &self.joined_on,
            Field::NameFr => &self.name_fr,
            Field::NameEn => &self.name_en,
            Field::Website => &self.website,
            Field::Latitude => &self.latitude,
            Field::Longitude => &self.longitude,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/signatory.html")]
struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    /// The version the form was read at; none for a new signatory.
    version: Option<i64>,
    inputs: Vec<FormField>,
    has_errors: bool,
    /// Someone else's change, when a save was refused for it.
    conflict: Option<Vec<StoredValue>>,
    sample: bool,
    public_href: Option<String>,
    delete_href: Option<String>,
    back_href: &'static str,
}

impl FormPage {
    fn new(state: &AppState, staff: &Staff, form: &SignatoryForm, errors: &[(Field, String)]) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Signatories));
        let tr = ctx.tr.clone();
        let error = |field: Field| errors.iter().find(|(f, _)| *f == field).map(|(_, message)| message.clone());
        let input = |field: Field, id: &'static str, kind: &'static str, required: bool| FormField {
            kind,
            required,
            maxlength: (kind != "date").then_some(500),
            error: error(field),
            ..FormField::new(id, field.column(), tr.t(field_label(field)), form.value(field))
        };
        let mut name_fr = input(Field::NameFr, "signatory-name-fr", "text", false);
        name_fr.hint = Some(tr.t("admin-signatories-hint-translated"));
        let mut name_en = input(Field::NameEn, "signatory-name-en", "text", false);
        name_en.hint = Some(tr.t("admin-signatories-hint-translated"));
        let select = |field: Field, id: &'static str, choices: Vec<Choice>| FormField {
            blank: Some(tr.t("admin-signatories-choose")),
            choices,
            ..input(field, id, "select", true)
        };
        let kind = select(Field::Kind, "signatory-kind", kind_choices(&tr, Some(&form.kind)));
        let country = select(Field::Country, "signatory-country", country_choices(&tr, Some(&form.country)));
        let mut joined = input(Field::JoinedOn, "signatory-joined-on", "date", true);
        joined.hint = Some(tr.t("admin-signatories-hint-date"));
        let mut website = input(Field::Website, "signatory-website", "url", false);
        website.hint = Some(tr.t("admin-signatories-hint-website"));
        let mut latitude = input(Field::Latitude, "signatory-latitude", "text", false);
        latitude.hint = Some(tr.t("admin-signatories-hint-position"));
        let longitude = input(Field::Longitude, "signatory-longitude", "text", false);
        let inputs = vec![
            input(Field::Name, "signatory-name", "text", true),
            name_fr,
            name_en,
            kind,
            country,
            joined,
            website,
            latitude,
            longitude,
        ];
        FormPage {
            title: String::new(),
            action: admin::SIGNATORIES_NEW.to_owned(),
            version: None,
            has_errors: !errors.is_empty(),
            inputs,
            conflict: None,
            sample: false,
            public_href: None,
            delete_href: None,
            back_href: admin::SIGNATORIES,
            ctx,
        }
    }

    /// The page of a stored signatory's form.
    fn for_signatory(mut self, stored: &VersionedSignatory) -> FormPage {
        let s = &stored.signatory;
        self.title = s.details.display_name(self.ctx.lang).to_string();
        self.action = admin::signatory(s.id);
        self.version = Some(stored.version);
        self.sample = s.sample;
        self.public_href = Some(paths::signatory_page(s).path(self.ctx.lang));
        self.delete_href = Some(admin::signatory_delete(s.id));
        self
    }

    fn for_new(mut self) -> FormPage {
        self.title = self.ctx.t("admin-signatories-new");
        self
    }
}

/// The form's values checked, or each field's message in the person's
/// language.
fn check(tr: &Tr, form: &SignatoryForm) -> Result<NewSignatory, Vec<(Field, String)>> {
    form.fields().parse().map_err(|errors| errors.iter().map(|(field, e)| (*field, tr.t(error_message(e)))).collect())
}

/// A signatory named by an address's `{id}`; any other id is not found.
async fn stored(state: &AppState, id: i64) -> Result<VersionedSignatory, AppError> {
    state.store.versioned_signatory(id).await?.ok_or(AppError::NotFound)
}

/// GET `/admin/signatories/new`: an empty form, or the one this browser
/// typed before its session ended.
pub async fn new(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let form = staff.restored(admin::SIGNATORIES_NEW).unwrap_or_default();
    let page = FormPage::new(&state, &staff, &form, &[]).for_new();
    render(&page, staff.lang)
}

/// POST `/admin/signatories/new`: added, or the form again with each
/// field's message (422).
pub async fn add(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<SignatoryForm>,
) -> Result<Response, AppError> {
    let tr = Tr::new(staff.lang, state.locales.clone());
    let errors = match check(&tr, &form) {
        Ok(signatory) => match state.store.add_signatory(&signatory, &staff.actor(), state.config.clock.now()).await? {
            SignatorySaved::Done(_) => {
                return Ok(Redirect::to(&format!("{}?done=added", admin::SIGNATORIES)).into_response());
            }
            _ => vec![(Field::Name, tr.t("admin-signatories-error-duplicate"))],
        },
        Err(errors) => errors,
    };
    let page = FormPage::new(&state, &staff, &form, &errors).for_new();
    render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// GET `/admin/signatories/{id}`: the signatory's form, or the one this
/// browser typed before its session ended, at the version it was read at
/// (a change saved meanwhile is then noticed on saving).
pub async fn edit(State(state): State<AppState>, staff: Staff, ItemId(id): ItemId) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    let restored: Option<SignatoryForm> = staff.restored(&admin::signatory(stored.signatory.id));
    let version = restored.as_ref().and_then(|form| form.version.as_deref()?.trim().parse().ok());
    let form = restored.unwrap_or_else(|| SignatoryForm::of(&stored.signatory.details));
    let mut page = FormPage::new(&state, &staff, &form, &[]).for_signatory(&stored);
    page.version = version.or(page.version);
    render(&page, staff.lang)
}

/// POST `/admin/signatories/{id}`: saved; or the form again with each
/// field's message (422); or, when someone else saved it since the form
/// was read, refused (409) with their values shown and the typed ones kept.
pub async fn save(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<SignatoryForm>,
) -> Result<Response, AppError> {
    let current = stored(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let tr = Tr::new(staff.lang, state.locales.clone());
    let signatory = match check(&tr, &form) {
        Ok(signatory) => signatory,
        Err(errors) => {
            let mut page = FormPage::new(&state, &staff, &form, &errors).for_signatory(&current);
            page.version = Some(version);
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let now = state.config.clock.now();
    match state.store.update_signatory(current.signatory.id, version, &signatory, &staff.actor(), now).await? {
        SignatorySaved::Done(_) => Ok(Redirect::to(&format!("{}?done=saved", admin::SIGNATORIES)).into_response()),
        SignatorySaved::NotFound => Err(AppError::NotFound),
        SignatorySaved::Duplicate => {
            let errors = [(Field::Name, tr.t("admin-signatories-error-duplicate"))];
            let mut page = FormPage::new(&state, &staff, &form, &errors).for_signatory(&current);
            page.version = Some(version);
            render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
        SignatorySaved::Conflict(now_stored) => {
            // What the other person saved, where it differs from what was
            // typed; the form keeps the typed values, at the new version,
            // so that saving again is a choice made knowingly.
            let theirs = &now_stored.signatory.details;
            let differs = Field::ALL
                .into_iter()
                .filter(|field| theirs.field_text(*field).trim() != form.value(*field).trim())
                .map(|field| StoredValue {
                    label: tr.t(field_label(field)),
                    value: match theirs.field_text(field) {
                        text if text.is_empty() => tr.t("admin-signatories-empty-value"),
                        _ if field == Field::Kind => kind_label(&tr, theirs.kind),
                        text if field == Field::Country => {
                            format!("{} ({text})", tr.t(&theirs.country.message_id()))
                        }
                        text => text,
                    },
                })
                .collect();
            let mut page = FormPage::new(&state, &staff, &form, &[]).for_signatory(&now_stored);
            page.conflict = Some(differs);
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

/// GET `/admin/signatories/{id}/delete`: the confirmation step.
pub async fn confirm_delete(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored(&state, id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Signatories));
    let s: &Signatory = &stored.signatory;
    let d = &s.details;
    let facts = vec![
        StoredValue { label: ctx.t(field_label(Field::Name)), value: d.name.to_string() },
        StoredValue { label: ctx.t(field_label(Field::Kind)), value: kind_label(&ctx.tr, d.kind) },
        StoredValue { label: ctx.t(field_label(Field::Country)), value: ctx.t(&d.country.message_id()) },
        StoredValue { label: ctx.t(field_label(Field::JoinedOn)), value: ctx.tr.date(d.joined_on) },
    ];
    let page = ConfirmPage {
        id: "signatory-delete".into(),
        heading: ctx.t("admin-signatories-delete-title"),
        explanation: ctx.t("admin-signatories-delete-explanation"),
        warning: None,
        facts,
        action: admin::signatory_delete(s.id),
        version: None,
        confirm: ctx.t("admin-signatories-delete-confirm"),
        back_href: admin::signatory(s.id),
        back_label: ctx.t("admin-cancel"),
        ctx,
    };
    render(&page, staff.lang)
}

/// POST `/admin/signatories/{id}/delete`: deleted; the list says so.
pub async fn delete(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.delete_signatory(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=deleted", admin::SIGNATORIES)).into_response())
}

/// GET `/admin/signatories/export.csv`: every signatory, as
/// `oneinfive signatories export` writes them.
pub async fn export(State(state): State<AppState>, _staff: Staff) -> Result<Response, AppError> {
    let signatories = state.store.signatories().await?;
    let notes = signatories_csv::sample_notes(&signatories, &state.locales);
    let mut csv = Vec::new();
    signatories_csv::write(&mut csv, &signatories, &notes).map_err(|e| AppError::Internal(e.into()))?;
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"signatories.csv\""));
    Ok(response)
}

// ------------------------------------------------------ the CSV and preview

/// A row of the preview.
struct PreviewRow {
    line_name: String,
    country: String,
    changes: String,
}

/// A problem of the file, with its line.
struct Problem {
    line: String,
    message: String,
}

/// The preview: what the file would do, and the form that applies it.
struct Preview {
    counts: Vec<String>,
    added: Vec<PreviewRow>,
    updated: Vec<PreviewRow>,
    csv: String,
    fingerprint: String,
    source: String,
}

#[derive(Template)]
#[template(path = "admin/signatories_import.html")]
struct ImportPage {
    ctx: AdminContext,
    preview_action: &'static str,
    apply_action: &'static str,
    back_href: &'static str,
    /// The file's problems: nothing was written.
    problems: Vec<Problem>,
    more_problems: Option<String>,
    /// The data changed since the preview shown before: shown again.
    stale: bool,
    /// The form had no file, or its file could not be read.
    missing_file: bool,
    preview: Option<Preview>,
}

impl ImportPage {
    fn new(state: &AppState, staff: &Staff) -> ImportPage {
        ImportPage {
            ctx: AdminContext::signed_in(state, staff, Some(Area::Signatories)),
            preview_action: admin::SIGNATORIES_PREVIEW,
            apply_action: admin::SIGNATORIES_APPLY,
            back_href: admin::SIGNATORIES,
            problems: Vec::new(),
            more_problems: None,
            stale: false,
            missing_file: false,
            preview: None,
        }
    }

    fn with_problems(mut self, errors: &CsvErrors<CsvProblem>) -> ImportPage {
        let tr = &self.ctx.tr;
        self.problems = errors
            .errors
            .iter()
            .map(|e| Problem {
                line: tr.format("admin-signatories-line", &[("line", Arg::Count(i64::try_from(e.line).unwrap_or(0)))]),
                message: problem_message(tr, &e.message),
            })
            .collect();
        if errors.more > 0 {
            self.more_problems =
                Some(tr.count("admin-signatories-more-problems", "count", i64::try_from(errors.more).unwrap_or(0)));
        }
        self
    }

    fn with_preview(mut self, preview: &ImportPreview, csv: String, source: String) -> ImportPage {
        let tr = &self.ctx.tr;
        let lang = self.ctx.lang;
        let row = |s: &NewSignatory, changes: String| PreviewRow {
            line_name: s.display_name(lang).to_string(),
            country: tr.t(&s.country.message_id()),
            changes,
        };
        let report = preview.report();
        let count = |id: &str, n: usize| tr.count(id, "count", i64::try_from(n).unwrap_or(0));
        self.preview = Some(Preview {
            counts: vec![
                count("admin-signatories-preview-added", report.added),
                count("admin-signatories-preview-updated", report.updated),
                count("admin-signatories-preview-unchanged", report.unchanged),
            ],
            added: preview.added.iter().map(|s| row(s, String::new())).collect(),
            updated: preview
                .updated
                .iter()
                .map(|(before, after)| {
                    let mut changes = before.details.describe_changes(after);
                    if before.sample {
                        let real = tr.t("admin-signatories-becomes-real");
                        changes = if changes.is_empty() { real } else { format!("{changes}; {real}") };
                    }
                    row(after, changes)
                })
                .collect(),
            csv,
            fingerprint: preview.fingerprint.clone(),
            source,
        });
        self
    }
}

/// GET `/admin/signatories/import`: the upload form.
pub async fn upload(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    render(&ImportPage::new(&state, &staff), staff.lang)
}

/// A file's name as the audit log keeps it: its last part, printable, short.
fn source_name(name: Option<&str>) -> String {
    let name = name.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = name.chars().filter(|c| !c.is_control()).take(100).collect();
    if clean.trim().is_empty() { "upload.csv".to_owned() } else { clean }
}

/// What a file of signatories parses into.
type ParsedRows = Result<Vec<NewSignatory>, CsvErrors<CsvProblem>>;

/// A file parsed on a blocking thread (2 MiB of CSV is work for a core,
/// not for the async runtime), handed there and back.
async fn parse_aside(csv: String) -> Result<(String, ParsedRows), AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = signatories_csv::parse(csv.as_bytes());
        (csv, parsed)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// Parses a file and previews it: the preview page (200), or every bad
/// row with its line (422); nothing is written either way.
async fn preview_page(
    state: &AppState,
    staff: &Staff,
    csv: String,
    source: String,
    stale: bool,
) -> Result<Response, AppError> {
    let mut page = ImportPage::new(state, staff);
    page.stale = stale;
    let (csv, parsed) = parse_aside(csv).await?;
    match parsed {
        Err(errors) => render_with_status(&page.with_problems(&errors), staff.lang, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(rows) => {
            let preview = state.store.preview_signatories_import(&rows).await?;
            let status = if stale { StatusCode::CONFLICT } else { StatusCode::OK };
            render_with_status(&page.with_preview(&preview, csv, source), staff.lang, status)
        }
    }
}

/// POST `/admin/signatories/import/preview` (multipart, up to
/// [`UPLOAD_LIMIT`]): the file's preview, through the staff gate.
pub async fn preview(State(state): State<AppState>, posted: StaffMultipart) -> Result<Response, AppError> {
    let staff = &posted.staff;
    let Some(file) = posted.file("file") else {
        let mut page = ImportPage::new(&state, staff);
        page.missing_file = true;
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let source = source_name(file.file_name.as_deref());
    let csv = match String::from_utf8(file.bytes.to_vec()) {
        Ok(text) => text,
        Err(error) => {
            // The parser names the line that is not UTF-8.
            let errors = signatories_csv::parse(error.as_bytes()).err().unwrap_or_else(|| CsvErrors::new(Vec::new()));
            let page = ImportPage::new(&state, staff).with_problems(&errors);
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    preview_page(&state, staff, csv, source, false).await
}

#[derive(Deserialize)]
pub struct ApplyFields {
    #[serde(default)]
    csv: String,
    #[serde(default)]
    fingerprint: String,
    #[serde(default)]
    source: String,
}

/// POST `/admin/signatories/import/apply`: the previewed file, written all
/// at once with its audit entry; or, when the rows it names changed since
/// the preview, nothing, and the preview again (409).
pub async fn apply(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<ApplyFields>,
) -> Result<Response, AppError> {
    if form.csv.len() > UPLOAD_LIMIT {
        return Ok(StatusCode::PAYLOAD_TOO_LARGE.into_response());
    }
    let source = source_name(Some(&form.source));
    let (csv, parsed) = parse_aside(form.csv).await?;
    let rows = match parsed {
        Ok(rows) => rows,
        Err(_) => return preview_page(&state, &staff, csv, source, false).await,
    };
    let now = state.config.clock.now();
    match state.store.apply_signatories_import(&rows, &form.fingerprint, &source, &staff.actor(), now).await? {
        Some(ImportReport { added, updated, unchanged }) => Ok(Redirect::to(&format!(
            "{}?done=imported&added={added}&updated={updated}&unchanged={unchanged}",
            admin::SIGNATORIES
        ))
        .into_response()),
        None => preview_page(&state, &staff, csv, source, true).await,
    }
}
