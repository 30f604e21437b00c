//! Static files (stylesheet, icons), embedded in the binary and served under
//! a name that carries a hash of their content, `style.3f9c2a1b7d.css`, so
//! that browsers may keep them for a year and still never see a stale one.
//! Each is compressed once, at start-up, with brotli and gzip.

use std::{collections::HashMap, io::Write};

use axum::{
    body::Bytes,
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
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
    etag: String,
}

/// The embedded files, by plain and by hashed name.
pub struct Assets {
    by_name: HashMap<&'static str, Asset>,
    /// hashed name → plain name
    hashed: HashMap<String, &'static str>,
    /// plain name → hashed name
    urls: HashMap<&'static str, String>,
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = writer.write_all(bytes);
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

impl Assets {
    pub fn load() -> Assets {
        let mut assets = Assets { by_name: HashMap::new(), hashed: HashMap::new(), urls: HashMap::new() };
        for (name, content_type, bytes) in FILES {
            let digest = Sha256::digest(bytes);
            let hash: String = crate::text::hex::encode(&digest[..5]);
            let hashed_name = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let asset = Asset {
                content_type,
                identity: Bytes::from_static(bytes),
                brotli: Bytes::from(brotli(bytes)),
                gzip: Bytes::from(gzip(bytes)),
                etag: hash,
            };
            assets.by_name.insert(name, asset);
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

/// The encoding a client accepts that we have: brotli, then gzip, else none.
fn encoding(request: &HeaderMap) -> Option<&'static str> {
    let accepted: Vec<String> = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter(|item| {
            // "br;q=0" refuses br.
            item.split(';')
                .skip(1)
                .find_map(|p| p.trim().strip_prefix("q="))
                .is_none_or(|q| q.trim().parse::<f32>().is_ok_and(|q| q > 0.0))
        })
        .map(|item| item.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .collect();
    ["br", "gzip"].into_iter().find(|e| accepted.iter().any(|a| a == e))
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
    let encoding = encoding(&request_headers);
    // One tag per encoding: the bytes differ.
    let etag = format!("\"{}{}\"", asset.etag, encoding.map(|e| format!("-{e}")).unwrap_or_default());
    let mut response = if super::cache::not_modified(&request_headers, &etag, None) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = match encoding {
            Some("br") => asset.brotli.clone(),
            Some(_) => asset.gzip.clone(),
            None => asset.identity.clone(),
        };
        let mut response = ([(header::CONTENT_TYPE, asset.content_type)], body).into_response();
        if let Some(encoding) = encoding {
            response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
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
