//! Static files (stylesheet, icons), embedded in the binary and served under
//! a name that carries a hash of their content, `style.3f9c2a1b7d.css`, so
//! that browsers may keep them for a year and still never see a stale one.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

use super::{AppState, error::AppError};

const FILES: &[(&str, &str, &[u8])] = &[
    ("style.css", "text/css; charset=utf-8", include_bytes!("../../static/style.css")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../../static/favicon.svg")),
];

struct Asset {
    content_type: &'static str,
    bytes: &'static [u8],
    etag: HeaderValue,
}

/// The embedded files, by plain and by hashed name.
pub struct Assets {
    by_name: HashMap<&'static str, Asset>,
    /// hashed name → plain name
    hashed: HashMap<String, &'static str>,
    /// plain name → hashed name
    urls: HashMap<&'static str, String>,
}

impl Assets {
    pub fn load() -> Assets {
        let mut assets = Assets { by_name: HashMap::new(), hashed: HashMap::new(), urls: HashMap::new() };
        for (name, content_type, bytes) in FILES {
            let digest = Sha256::digest(bytes);
            let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
            let hashed_name = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let etag = HeaderValue::from_str(&format!("\"{hash}\"")).unwrap_or(HeaderValue::from_static("\"0\""));
            assets.by_name.insert(name, Asset { content_type, bytes, etag });
            assets.hashed.insert(hashed_name.clone(), name);
            assets.urls.insert(name, format!("/static/{hashed_name}"));
        }
        assets
    }

    /// The versioned address of an embedded file.
    pub fn url(&self, name: &str) -> String {
        self.urls.get(name).cloned().unwrap_or_else(|| format!("/static/{name}"))
    }
}

/// `/static/{file}`: a versioned name is immutable; the plain name is
/// served too, revalidated on each use.
pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request_headers: HeaderMap,
) -> Result<Response, AppError> {
    let assets = &state.assets;
    let (name, immutable) = match assets.hashed.get(&file) {
        Some(name) => (*name, true),
        None => (file.as_str(), false),
    };
    let asset = assets.by_name.get(name).ok_or(AppError::NotFound)?;
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "public, no-cache" };
    let not_modified = request_headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim().trim_start_matches("W/") == asset.etag));
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, asset.content_type)], asset.bytes).into_response()
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response.headers_mut().insert(header::ETAG, asset.etag.clone());
    Ok(response)
}
