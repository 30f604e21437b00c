//! A CSV file of signatories uploaded, previewed (what it would add and
//! change, or every bad row with its line), then applied all at once. A
//! preview carries a fingerprint of the rows the file names: if they
//! changed before "apply", nothing is written and the preview is shown
//! again.

use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::Date;

use super::{import_view::ImportPage, kind_label};
use crate::{
    domain::Kind,
    formats::{
        csv_file::CsvErrors,
        csv_text::{CsvText, TextEncoding},
        signatories_csv::{self, Problem as CsvProblem, SignatoriesFile},
    },
    store::ImportReport,
    text::i18n::Tr,
    web::{
        error::AppError,
        paths::admin,
        staff::{Staff, StaffForm, StaffMultipart},
        state::AppState,
        view::{render, render_with_status},
    },
};

/// The largest CSV file staff may upload, and the body that carries it.
pub const UPLOAD_LIMIT: usize = 2 * 1024 * 1024;
/// The body that sends a previewed file back to be applied: the file,
/// form-encoded (up to three bytes for one), and the other fields.
pub const APPLY_LIMIT: usize = 3 * UPLOAD_LIMIT + 16 * 1024;

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
type Parsed = Result<SignatoriesFile, CsvErrors<CsvProblem>>;

/// A file parsed on a blocking thread (2 MiB of CSV is work for a core,
/// not for the async runtime), handed there and back.
async fn parse_aside(csv: CsvText, today: Date) -> Result<(CsvText, Parsed), AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = signatories_csv::parse(&csv, today);
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
    csv: CsvText,
    source: String,
    stale: bool,
) -> Result<Response, AppError> {
    let mut page = ImportPage::new(state, staff);
    page.stale = stale;
    let today = state.config.today();
    let (csv, parsed) = parse_aside(csv, today).await?;
    match parsed {
        Err(errors) => render_with_status(&page.with_problems(&errors), staff.lang, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(file) => {
            let preview = state.store.preview_signatories_import(&file.signatories, &file.kept).await?;
            let status = if stale { StatusCode::CONFLICT } else { StatusCode::OK };
            render_with_status(&page.with_preview(&file, &preview, csv.text, source), staff.lang, status)
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
    // Read as the command line reads it: UTF-8, or else Windows-1252.
    preview_page(&state, staff, CsvText::decode(&file.bytes), source, false).await
}

#[derive(Deserialize)]
pub struct ApplyFields {
    #[serde(default)]
    csv: String,
    #[serde(default)]
    fingerprint: String,
    #[serde(default)]
    source: String,
    /// How the file was read at its preview, to say it again.
    #[serde(default)]
    encoding: String,
}

/// POST `/admin/signatories/import/apply`: the previewed file, written all
/// at once with its audit entry; or, when the rows it names changed since
/// the preview, nothing, and the preview again (409).
pub async fn apply(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<ApplyFields>,
) -> Result<Response, AppError> {
    // A file read as Windows-1252 comes back as UTF-8, a letter in up to
    // three bytes: its length in characters is the file's in bytes.
    if form.csv.len() > UPLOAD_LIMIT && form.csv.chars().count() > UPLOAD_LIMIT {
        return Ok(StatusCode::PAYLOAD_TOO_LARGE.into_response());
    }
    let source = source_name(Some(&form.source));
    let encoding = TextEncoding::parse(&form.encoding).unwrap_or(TextEncoding::Utf8);
    let today = state.config.today();
    let (csv, parsed) = parse_aside(CsvText::decoded(form.csv, encoding), today).await?;
    let file = match parsed {
        Ok(file) => file,
        Err(_) => return preview_page(&state, &staff, csv, source, false).await,
    };
    let now = state.config.clock.now();
    let store = &state.store;
    let (rows, kept) = (&file.signatories, &file.kept);
    match store.apply_signatories_import(rows, kept, &form.fingerprint, &source, &staff.actor(), now).await? {
        Some(ImportReport { added, updated, unchanged }) => Ok(Redirect::to(&format!(
            "{}?done=imported&added={added}&updated={updated}&unchanged={unchanged}",
            admin::SIGNATORIES
        ))
        .into_response()),
        None => preview_page(&state, &staff, csv, source, true).await,
    }
}

/// GET `/admin/signatories/import/template.csv`: a file to fill in, in the
/// person's language, with one line that is an example.
pub async fn template(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let tr = Tr::new(staff.lang, state.locales.clone());
    let (name, kind, country) = (tr.t("import-template-example-name"), kind_label(&tr, Kind::City), tr.t("country-FR"));
    let example = [name.as_str(), &kind, &country, "2026-03-02", "", "", "https://exampleton.example/", "", ""];
    let bytes = signatories_csv::template(staff.lang, &example).map_err(|e| AppError::Internal(e.into()))?;
    let disposition = format!("attachment; filename=\"{}\"", tr.t("import-template-file-name"));
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let disposition = HeaderValue::from_str(&disposition).map_err(|e| AppError::Internal(e.into()))?;
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    Ok(response)
}
