//! Cross-site request forgery: every form carries a token the site signed
//! (`state::FormKey`), and a POST from another site's page — as the
//! browser reports it with `Origin` and `Sec-Fetch-Site` — is refused with
//! 403. Handlers of the public forms ask for it by taking a
//! [`PublicForm`] ([`PublicMultipart`] for a form with a file; or, for the
//! one POST that carries no form, [`SameOrigin`]); the back office's forms pass `staff::StaffForm`.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Multipart, Request},
    http::{HeaderMap, HeaderValue, header, request::Parts},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, de::DeserializeOwned};

use crate::web::{error::AppError, state::AppState};

/// Whether the browser says the request comes from one of our own pages:
/// `Sec-Fetch-Site`, and `Origin` compared — scheme, host and port — with
/// the site's public origin, or, on the site's scheme, with the host the
/// browser asked for (behind a proxy, or on a test port). Requests
/// without these headers (not from a browser) pass; the form token still
/// has to be right.
///
/// `Origin: null` is what a browser sends with a form from a page whose
/// referrer policy is `no-referrer` (the Fetch standard, "serializing a
/// request origin"), or when the person's own settings strip referrers.
/// It names no site, so it passes only beside `Sec-Fetch-Site:
/// same-origin`, which the browser alone sets (no page can forge it) and
/// which says that the page and the address share our origin; with any
/// other `Sec-Fetch-Site`, or none, it is refused. The pages whose address
/// holds a secret send `Referrer-Policy: same-origin` (see
/// [`PRIVATE_REFERRER_POLICY`]), so that browsers without `Sec-Fetch-Site`
/// send their real origin.
pub fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let site = get("sec-fetch-site");
    if let Some(site) = site
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    let Some(origin) = get(header::ORIGIN.as_str()) else { return true };
    if origin == "null" {
        return site == Some("same-origin");
    }
    if origin == base_url {
        return true;
    }
    let scheme = base_url.split_once("://").map_or("", |(scheme, _)| scheme);
    let host = get(header::HOST.as_str()).unwrap_or("");
    !host.is_empty() && origin.strip_prefix(scheme).and_then(|rest| rest.strip_prefix("://")) == Some(host)
}

/// The referrer policy of a page whose address holds a secret (a
/// newsletter link's page, an invitation): its address is sent as a
/// referrer to our own origin only — which has it already, since it served
/// the page — and to no other site. Not `no-referrer`: under that policy a
/// browser sends `Origin: null` with the page's form, and a browser that
/// does not send `Sec-Fetch-Site` (older Safari and Firefox) would then
/// have the form refused.
pub const PRIVATE_REFERRER_POLICY: HeaderValue = HeaderValue::from_static("same-origin");

/// The token field every form of the site carries.
#[derive(Deserialize)]
struct Token {
    csrf: Option<String>,
}

/// A posted form sent from one of our pages (a post from another site is
/// refused with 403, a body that is not such a form with 400), fresh or
/// stale: a token we signed in the last day, or none we know (the page was
/// open for more than a day, say). A handler acts on a fresh form only; a
/// stale one it shows again with what was typed and a sentence saying so,
/// never a bare error page.
pub enum PublicForm<T> {
    Fresh(T),
    Stale(T),
}

impl<T: DeserializeOwned> FromRequest<AppState> for PublicForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !same_origin(request.headers(), &state.config.base_url) {
            return Err(AppError::Forbidden.into_response());
        }
        let body = Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let form: T = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        let token: Token = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        let signed = token.csrf.as_deref().is_some_and(|t| state.form_key.verify(t, state.config.clock.now()));
        Ok(if signed { PublicForm::Fresh(form) } else { PublicForm::Stale(form) })
    }
}

/// A public multipart form (one that may carry a file), checked as
/// [`PublicForm`] checks its form: its text fields in order, and its files
/// (a file field left empty is not one). A body over the route's limit:
/// 413.
pub enum PublicMultipart {
    Fresh(Posted),
    Stale(Posted),
}

/// What a multipart form carried.
#[derive(Default)]
pub struct Posted {
    pub fields: Vec<(String, String)>,
    /// Each file chosen: its field's name and its bytes.
    pub files: Vec<(String, Bytes)>,
}

impl Posted {
    /// A text field's value, or "" when it was not sent.
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(n, _)| n == name).map_or("", |(_, value)| value.as_str())
    }

    /// The bytes of a field's file, if one was chosen.
    pub fn file(&self, name: &str) -> Option<&Bytes> {
        self.files.iter().find(|(n, _)| n == name).map(|(_, bytes)| bytes)
    }
}

impl FromRequest<AppState> for PublicMultipart {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !same_origin(request.headers(), &state.config.base_url) {
            return Err(AppError::Forbidden.into_response());
        }
        let mut multipart = Multipart::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let mut posted = Posted::default();
        while let Some(field) = multipart.next_field().await.map_err(|e| e.status().into_response())? {
            let name = field.name().unwrap_or_default().to_owned();
            if field.file_name().is_some() {
                let bytes = field.bytes().await.map_err(|e| e.status().into_response())?;
                if !bytes.is_empty() {
                    posted.files.push((name, bytes));
                }
            } else {
                posted.fields.push((name, field.text().await.map_err(|e| e.status().into_response())?));
            }
        }
        let token = posted.field("csrf");
        let signed = !token.is_empty() && state.form_key.verify(token, state.config.clock.now());
        Ok(if signed { PublicMultipart::Fresh(posted) } else { PublicMultipart::Stale(posted) })
    }
}

/// A POST that carries no form but must come from our pages or from no
/// page at all (a mail client's one-click unsubscription).
pub struct SameOrigin;

impl FromRequestParts<AppState> for SameOrigin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if same_origin(&parts.headers, &state.config.base_url) { Ok(SameOrigin) } else { Err(AppError::Forbidden) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cross_site_is_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:3000"));
        assert!(same_origin(&headers, "http://site.example"));
        // The host is ours, but not the scheme.
        assert!(!same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://site.example"));
        assert!(same_origin(&headers, "https://site.example"));
        assert!(!same_origin(&headers, "http://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://127.0.0.1:3000"));
        assert!(!same_origin(&headers, "http://127.0.0.1:3000"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert!(!same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&headers, "https://site.example"));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers, "https://site.example"));
    }

    #[test]
    fn a_null_origin_passes_only_with_the_browser_saying_same_origin() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        // What Chromium sends with a form from a `no-referrer` page of ours.
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&headers, "https://site.example"));
        for site in ["cross-site", "same-site", "none"] {
            headers.insert("sec-fetch-site", HeaderValue::from_static(site));
            assert!(!same_origin(&headers, "https://site.example"), "null origin with {site}");
        }
        // Without the browser's word, `null` names nothing we know.
        headers.remove("sec-fetch-site");
        assert!(!same_origin(&headers, "https://site.example"));
        // And the browser's word does not make another site's origin ours.
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert!(!same_origin(&headers, "https://site.example"));
    }
}
