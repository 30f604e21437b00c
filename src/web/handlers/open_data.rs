//! The list of signatories as open data, `/open-data/signatories.csv` and
//! `.json`: what `signatories export` writes, free to reuse.

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;

use crate::{
    domain::{Name, Website, date},
    formats::signatories_csv,
    web::{error::AppError, state::AppState},
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

fn download(content_type: &'static str, filename: &'static str, body: Vec<u8>) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(filename));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// `/open-data/signatories.csv`: what `signatories export` writes.
pub async fn csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let signatories = state.store.signatories().await?;
    let mut body = Vec::new();
    // While sample rows remain, the file says so, in both languages.
    let notes = signatories_csv::sample_notes(&signatories, &state.locales);
    signatories_csv::write(&mut body, &signatories, &notes).map_err(|e| AppError::Internal(e.into()))?;
    Ok(download("text/csv; charset=utf-8", "attachment; filename=\"oneinfive-signatories.csv\"", body))
}

/// `/open-data/signatories.json`: the same records as JSON.
pub async fn json(State(state): State<AppState>) -> Result<Response, AppError> {
    let signatories = state.store.signatories().await?;
    let records: Vec<Record<'_>> = signatories
        .iter()
        .map(|signatory| {
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
        })
        .collect();
    let body = serde_json::to_vec_pretty(&records).map_err(|e| AppError::Internal(e.into()))?;
    Ok(download("application/json", "inline; filename=\"oneinfive-signatories.json\"", body))
}
