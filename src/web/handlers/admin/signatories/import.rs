//! A CSV file of signatories uploaded, previewed (what it would add and
//! change, or every bad row with its line), then applied all at once. A
//! preview carries a fingerprint of the rows the file names: if they
//! changed before "apply", nothing is written and the preview is shown
//! again.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::Date;

use super::error_message;
use crate::{
    domain::NewSignatory,
    formats::{
        csv_file::{CsvErrors, FileProblem},
        signatories_csv::{self, Problem as CsvProblem},
    },
    store::{ImportPreview, ImportReport},
    text::i18n::{Arg, Tr},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm, StaffMultipart},
        state::AppState,
        view::{admin::AdminContext, render, render_with_status},
    },
};

/// The largest CSV file staff may upload, and the body that carries it.
pub const UPLOAD_LIMIT: usize = 2 * 1024 * 1024;
/// The body that sends a previewed file back to be applied: the file,
/// form-encoded (up to three bytes for one), and the other fields.
pub const APPLY_LIMIT: usize = 3 * UPLOAD_LIMIT + 16 * 1024;

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
async fn parse_aside(csv: String, today: Date) -> Result<(String, ParsedRows), AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = signatories_csv::parse(csv.as_bytes(), today);
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
    let today = state.config.time_zone.today(state.config.clock.now());
    let (csv, parsed) = parse_aside(csv, today).await?;
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
            let today = state.config.time_zone.today(state.config.clock.now());
            let errors =
                signatories_csv::parse(error.as_bytes(), today).err().unwrap_or_else(|| CsvErrors::new(Vec::new()));
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
    let today = state.config.time_zone.today(state.config.clock.now());
    let (csv, parsed) = parse_aside(form.csv, today).await?;
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
