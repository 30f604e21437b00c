//! The list of signatories as open data, `/open-data/signatories.csv` and
//! `.json`: what `signatories export` writes, free to reuse. Both are
//! written a page of rows at a time ([`paged_body`]): at a hundred thousand
//! signatories, neither holds the list in memory.

use axum::{
    body::Body,
    extract::State,
    http::{HeaderValue, header},
    response::Response,
};
use serde::Serialize;

use crate::{
    domain::{Name, Signatory, Website, date},
    store::{ExportKey, Store},
    web::{
        error::AppError,
        paged_body::{Page, PageError, app_error, paged_body},
        signatories_csv_body,
        state::AppState,
    },
};

/// One signatory in the JSON download: the columns of the CSV.
#[derive(Serialize)]
struct Record<'a> {
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    joined_on: String,
    name_fr: Option<&'a str>,
    name_en: Option<&'a str>,
    website: Option<&'a str>,
    /// Decimal degrees, where the position is known.
    latitude: Option<f64>,
    longitude: Option<f64>,
    /// Present, and true, for a row of the bundled sample data.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sample: bool,
}

impl<'a> Record<'a> {
    fn of(signatory: &'a Signatory) -> Record<'a> {
        let s = &signatory.details;
        Record {
            name: s.name.as_str(),
            kind: s.kind.as_str(),
            country: s.country.code(),
            joined_on: date::format(s.joined_on),
            name_fr: s.name_fr.as_ref().map(Name::as_str),
            name_en: s.name_en.as_ref().map(Name::as_str),
            website: s.website.as_ref().map(Website::as_str),
            latitude: s.position.map(|p| p.latitude.degrees()),
            longitude: s.position.map(|p| p.longitude.degrees()),
            sample: signatory.sample,
        }
    }
}

fn download(content_type: &'static str, filename: &'static str, body: Body) -> Response {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(filename));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// `/open-data/signatories.csv`: what `signatories export` writes, byte
/// for byte.
pub async fn csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let body = signatories_csv_body::csv_body(&state).await?;
    Ok(download("text/csv; charset=utf-8", "attachment; filename=\"oneinfive-signatories.csv\"", body))
}

/// Where the JSON download is: after which row, and whether a record was
/// written already (the next is then after a comma).
type JsonCursor = (Option<ExportKey>, bool);

/// A page of the JSON array, in the shape `serde_json::to_vec_pretty`
/// gives a whole array: each record on its own lines, indented one level,
/// after `\n` (the first) or `,\n`; the last page closes the array.
async fn json_page(store: &Store, (after, written): JsonCursor) -> Result<Page<JsonCursor>, PageError> {
    let (page, next) = signatories_csv_body::export_page(store, after).await?;
    let mut bytes = Vec::new();
    for (n, signatory) in page.iter().enumerate() {
        bytes.extend_from_slice(if written || n > 0 { b",\n" } else { b"\n" });
        let record = serde_json::to_string_pretty(&Record::of(signatory))?;
        // A JSON string has no line break of its own: every line is the
        // record's structure.
        for (i, line) in record.lines().enumerate() {
            if i > 0 {
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(b"  ");
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    let written = written || !page.is_empty();
    if next.is_none() {
        bytes.extend_from_slice(if written { b"\n]" } else { b"]" });
    }
    Ok((bytes, next.map(|after| (after, written))))
}

/// `/open-data/signatories.json`: the same records as JSON.
pub async fn json(State(state): State<AppState>) -> Result<Response, AppError> {
    let (mut head, next) = json_page(&state.store, (None, false)).await.map_err(app_error)?;
    head.insert(0, b'[');
    let store = state.store.clone();
    let body = paged_body(head, next, move |cursor| {
        let store = store.clone();
        async move { json_page(&store, cursor).await }
    });
    Ok(download("application/json", "inline; filename=\"oneinfive-signatories.json\"", body))
}
