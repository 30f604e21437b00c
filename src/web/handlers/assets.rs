//! `/static/{file}`: the embedded files. A versioned name is immutable; the
//! plain name is served too, revalidated on each use.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::web::{conditional, error::AppError, negotiate, state::AppState};

pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request_headers: HeaderMap,
) -> Result<Response, AppError> {
    let (asset, immutable) = state.assets.find(&file).ok_or(AppError::NotFound)?;
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "public, no-cache" };
    let encoding = negotiate::encoding(&request_headers);
    // One tag per encoding: the bytes differ.
    let etag = format!("\"{}{}\"", asset.hash, encoding.map(|e| format!("-{}", e.token())).unwrap_or_default());
    let mut response = if conditional::not_modified(&request_headers, &etag, || None) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = ([(header::CONTENT_TYPE, asset.content_type)], asset.body(encoding)).into_response();
        if let Some(encoding) = encoding {
            response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding.token()));
        }
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    Ok(response)
}
