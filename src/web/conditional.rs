//! Conditional GET: an entity tag from the body's content (and a
//! modification date where there is one), and 304 when the client already
//! has the body.

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use time::{
    OffsetDateTime, PrimitiveDateTime, UtcOffset, format_description::BorrowedFormatItem, macros::format_description,
};

use super::header_list;

/// An HTTP date (IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
const HTTP_DATE: &[BorrowedFormatItem<'static>] =
    format_description!("[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT");

pub fn format_http_date(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC).format(HTTP_DATE).unwrap_or_default()
}

pub fn parse_http_date(text: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(text.trim(), HTTP_DATE).ok().map(PrimitiveDateTime::assume_utc)
}

/// The strong entity tag of a body.
pub fn etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = crate::text::hex::encode(&digest[..12]);
    format!("\"{hex}\"")
}

/// Whether an `If-None-Match` header names this tag (or `*`).
fn matches(request: &HeaderMap, etag: &str) -> bool {
    header_list::items(request, header::IF_NONE_MATCH)
        .map(|tag| tag.trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// Whether a conditional GET may be answered 304: `If-None-Match` when the
/// request has it (it wins, RFC 9110 § 13.2.2), else `If-Modified-Since`.
/// The body's modification date is asked for only in that last case: most
/// requests ask for the body whatever it is.
pub fn not_modified(request: &HeaderMap, etag: &str, last_modified: impl FnOnce() -> Option<OffsetDateTime>) -> bool {
    if request.contains_key(header::IF_NONE_MATCH) {
        return matches(request, etag);
    }
    request
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_http_date)
        .zip(last_modified())
        .is_some_and(|(since, modified)| modified <= since)
}

/// A body with its content type, entity tag, modification date if known and
/// cache lifetime, or 304 when the client's copy is current.
pub fn respond(
    request: &HeaderMap,
    content_type: &'static str,
    cache_control: &'static str,
    body: Vec<u8>,
    last_modified: Option<OffsetDateTime>,
) -> Response {
    let tag = etag(&body);
    let mut response = if not_modified(request, &tag, || last_modified) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = body.into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(value) = last_modified.and_then(|at| HeaderValue::from_str(&format_http_date(at)).ok()) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_round_trip() {
        let at = time::macros::datetime!(1994-11-06 08:49:37 UTC);
        assert_eq!(format_http_date(at), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(at));
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date(""), None);
        assert_eq!(
            format_http_date(time::macros::datetime!(2026-03-02 11:00:00 +01:00)),
            "Mon, 02 Mar 2026 10:00:00 GMT"
        );
    }

    #[test]
    fn conditional_requests() {
        let at = time::macros::datetime!(2026-03-02 10:00:00 UTC);
        let headers = |pairs: &[(header::HeaderName, &'static str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.insert(name.clone(), HeaderValue::from_static(value));
            }
            map
        };
        assert!(not_modified(&headers(&[(header::IF_NONE_MATCH, "\"a\"")]), "\"a\"", || None));
        assert!(not_modified(&headers(&[(header::IF_NONE_MATCH, "\"b\", W/\"a\"")]), "\"a\"", || None));
        assert!(!not_modified(&headers(&[(header::IF_NONE_MATCH, "\"b\"")]), "\"a\"", || Some(at)));
        let since = |value| headers(&[(header::IF_MODIFIED_SINCE, value)]);
        assert!(not_modified(&since("Mon, 02 Mar 2026 10:00:00 GMT"), "\"a\"", || Some(at)));
        assert!(!not_modified(&since("Mon, 02 Mar 2026 09:59:59 GMT"), "\"a\"", || Some(at)));
        assert!(!not_modified(&since("garbage"), "\"a\"", || Some(at)));
        assert!(!not_modified(&since("Mon, 02 Mar 2026 10:00:00 GMT"), "\"a\"", || None));
        // If-None-Match wins over If-Modified-Since.
        let both =
            headers(&[(header::IF_NONE_MATCH, "\"b\""), (header::IF_MODIFIED_SINCE, "Mon, 02 Mar 2026 10:00:00 GMT")]);
        assert!(!not_modified(&both, "\"a\"", || Some(at)));
    }
}
