//! Security headers on every response, and the checks every request passes
//! before a handler sees it.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, Version, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::web::{paths, state::AppState};

/// Only our own origin may provide anything; no inline script, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// The longest request target (path and query) the site reads; longer ones
/// get 414.
pub const MAX_URI_BYTES: usize = 2048;

/// Adds the security headers a handler did not set itself (a page that
/// must not leak its address keeps its own `Referrer-Policy`), and, when
/// the site is served over https, HSTS and `Secure` on every cookie. No
/// back-office response is kept by any cache or indexed.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let back_office = paths::admin::contains(request.uri().path());
    let mut response = next.run(request).await;
    add_headers(response.headers_mut(), &state, back_office);
    response
}

/// What [`layer`] adds to a response's headers; also used by the pages
/// the page cache answers ahead of the layers.
pub fn add_headers(headers: &mut HeaderMap, state: &AppState, back_office: bool) {
    if back_office {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(HeaderName::from_static("x-robots-tag"), HeaderValue::from_static("noindex"));
    }
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    }
    secure_transport(headers, state);
    headers.remove(header::SERVER);
}

/// Whether the site is served over https (its public address says so).
pub fn over_https(state: &AppState) -> bool {
    state.config.base_url.starts_with("https://")
}

/// When the site is served over https: HSTS, and `Secure` on every cookie.
pub fn secure_transport(headers: &mut HeaderMap, state: &AppState) {
    if over_https(state) {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
        if headers.contains_key(header::SET_COOKIE) {
            let cookies: Vec<HeaderValue> = headers.get_all(header::SET_COOKIE).iter().cloned().collect();
            headers.remove(header::SET_COOKIE);
            for cookie in cookies {
                headers.append(header::SET_COOKIE, secure_cookie(cookie));
            }
        }
    }
}

/// A cookie with the `Secure` attribute.
pub fn secure_cookie(cookie: HeaderValue) -> HeaderValue {
    let already = cookie
        .to_str()
        .is_ok_and(|text| text.split(';').any(|attribute| attribute.trim().eq_ignore_ascii_case("secure")));
    if already {
        return cookie;
    }
    let mut bytes = cookie.as_bytes().to_vec();
    bytes.extend_from_slice(b"; Secure");
    HeaderValue::from_bytes(&bytes).unwrap_or(cookie)
}

/// What makes a request one no server should answer: an HTTP/1.1 request
/// without exactly one `Host` (RFC 9112 § 3.2: 400), or a request target
/// too long to be one of ours (414).
pub fn request_problem<B>(request: &axum::http::Request<B>) -> Option<StatusCode> {
    if request.version() == Version::HTTP_11 && request.headers().get_all(header::HOST).iter().count() != 1 {
        return Some(StatusCode::BAD_REQUEST);
    }
    let target = request.uri().path_and_query().map_or(0, |target| target.as_str().len());
    (target > MAX_URI_BYTES).then_some(StatusCode::URI_TOO_LONG)
}

/// Refuses the requests [`request_problem`] finds fault with. (The page
/// cache, outside this layer, does not answer them either.)
pub async fn valid_request(request: Request, next: Next) -> Response {
    match request_problem(&request) {
        Some(status) => status.into_response(),
        None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_become_secure_once() {
        let lang = HeaderValue::from_static("lang=fr; Path=/; HttpOnly");
        assert_eq!(secure_cookie(lang), "lang=fr; Path=/; HttpOnly; Secure");
        let already = HeaderValue::from_static("id=1; secure; Path=/");
        assert_eq!(secure_cookie(already), "id=1; secure; Path=/");
    }
}
