//! A kept response as each request gets it: as it is, or 304 Not Modified
//! when the request's conditions say the client has it, with the language
//! cookie a page read in another language sets, and the request's id.
//!
//! A response's headers are copied from the kept ones for each request,
//! and a copy has no room to spare: a header added to it would move the
//! whole copy. So the kept headers already hold what an answer may add
//! (see [`make_room`]): the cookie, which is taken out when the visitor's
//! cookie already says the page's language, and the id, whose value is
//! set for each request.

use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::entries::Cached;
use crate::{
    text::i18n::Lang,
    web::{conditional, middleware::security, negotiate, request_log::REQUEST_ID},
};

/// The largest body read whole on the fast path (its pages are small).
pub(super) const MAX_READ: usize = 256 * 1024 * 1024;

/// What stands for the request's id in kept headers until it is set.
const NO_ID: HeaderValue = HeaderValue::from_static("-");

/// Gives a response's headers, as they are kept (complete, without a
/// cookie), what each answer may add, last and in this order, as the
/// answers drawn afresh have them: for a page of a language (`path`), the
/// cookie that remembers it (`Secure` over https), and the request's id.
/// Each is taken out, when it is, from the end: the headers' order is the
/// same whichever way a page is answered.
pub(super) fn make_room(headers: &mut HeaderMap, path: &str, over_https: bool) {
    let is_html =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if let Some(lang) = Lang::from_path(path)
        && is_html
    {
        let cookie = negotiate::language_cookie(lang);
        headers.append(header::SET_COOKIE, if over_https { security::secure_cookie(cookie) } else { cookie });
    }
    headers.append(REQUEST_ID, NO_ID);
}

fn response_from(cached: &Cached, request_headers: &HeaderMap) -> Response {
    let last_modified = || {
        cached.headers.get(header::LAST_MODIFIED).and_then(|v| v.to_str().ok()).and_then(conditional::parse_http_date)
    };
    if conditional::not_modified(request_headers, &cached.etag, last_modified) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::LAST_MODIFIED, header::CACHE_CONTROL, header::VARY, header::CONTENT_LANGUAGE]
        {
            if let Some(value) = cached.headers.get(&name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        return response;
    }
    plain_response(cached)
}

/// The cached response as this request should have it, with the request's
/// `id` (`None`: the layers outside set it).
pub(super) fn respond(cached: &Cached, path: &str, request_headers: &HeaderMap, id: Option<HeaderValue>) -> Response {
    let mut response = response_from(cached, request_headers);
    let headers = response.headers_mut();
    // The page's language is remembered already.
    if headers.contains_key(header::SET_COOKIE)
        && Lang::from_path(path).is_some_and(|lang| negotiate::cookie_language(request_headers) == Some(lang))
    {
        headers.remove(header::SET_COOKIE);
    }
    match id {
        Some(id) => headers.insert(REQUEST_ID, id),
        None => headers.remove(REQUEST_ID),
    };
    response
}

/// A kept response as it is, whatever the request's conditions.
pub(super) fn plain_response(cached: &Cached) -> Response {
    let mut response = Response::new(Body::from(cached.body.clone()));
    *response.status_mut() = cached.status;
    *response.headers_mut() = cached.headers.clone();
    response
}

#[cfg(test)]
mod tests {
    use axum::body::Bytes;

    use super::*;

    fn kept(path: &str, content_type: &'static str) -> Cached {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers.insert(header::ETAG, HeaderValue::from_static("\"e\""));
        make_room(&mut headers, path, false);
        Cached {
            status: StatusCode::OK,
            headers,
            body: Bytes::from_static(b"page"),
            etag: "\"e\"".into(),
            counted: None,
        }
    }

    fn asked(cookie: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(cookie) = cookie {
            headers.insert(header::COOKIE, HeaderValue::from_static(cookie));
        }
        headers
    }

    fn cookies(response: &Response) -> Vec<&str> {
        response.headers().get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).collect()
    }

    #[test]
    fn a_page_remembers_its_language_unless_the_cookie_says_it_already() {
        let page = kept("/fr/adherents", "text/html; charset=utf-8");
        let id = HeaderValue::from_static("0123456789abcdef0123456789abcdef");
        let first = respond(&page, "/fr/adherents", &asked(None), Some(id.clone()));
        assert_eq!(cookies(&first), [negotiate::language_cookie(Lang::Fr).to_str().unwrap()]);
        assert_eq!(first.headers().get_all(REQUEST_ID).iter().collect::<Vec<_>>(), [&id]);
        let other = respond(&page, "/fr/adherents", &asked(Some("lang=en")), Some(id.clone()));
        assert_eq!(cookies(&other), [negotiate::language_cookie(Lang::Fr).to_str().unwrap()]);
        let same = respond(&page, "/fr/adherents", &asked(Some("theme=x; lang=fr")), Some(id));
        assert!(cookies(&same).is_empty());
    }

    #[test]
    fn no_stand_in_for_the_id_is_ever_answered() {
        let page = kept("/en/", "text/html; charset=utf-8");
        let response = respond(&page, "/en/", &asked(None), None);
        assert!(!response.headers().contains_key(REQUEST_ID), "the layers outside set it");
        let mut conditional = asked(None);
        conditional.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"e\""));
        let not_modified = respond(&page, "/en/", &conditional, None);
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert!(!not_modified.headers().contains_key(REQUEST_ID));
        assert!(cookies(&not_modified).is_empty());
    }

    #[test]
    fn the_headers_order_is_the_same_whoever_sets_the_id() {
        let page = kept("/fr/", "text/html; charset=utf-8");
        let id = HeaderValue::from_static("0123456789abcdef0123456789abcdef");
        for cookie in [None, Some("lang=fr"), Some("lang=en")] {
            let names = |response: Response| response.headers().keys().map(|name| name.to_string()).collect::<Vec<_>>();
            let by_the_fast_path = respond(&page, "/fr/", &asked(cookie), Some(id.clone()));
            // The layers outside append the id.
            let mut by_the_layers = respond(&page, "/fr/", &asked(cookie), None);
            by_the_layers.headers_mut().append(REQUEST_ID, id.clone());
            assert_eq!(names(by_the_fast_path), names(by_the_layers), "{cookie:?}");
        }
    }

    #[test]
    fn over_https_the_kept_cookie_is_secure() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        make_room(&mut headers, "/en/", true);
        let cookie = headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(cookie.starts_with("lang=en;") && cookie.ends_with("; Secure"), "{cookie}");
    }

    #[test]
    fn a_feed_sets_no_cookie() {
        let feed = kept("/fr/actualites.rss", "application/rss+xml; charset=utf-8");
        let response = respond(&feed, "/fr/actualites.rss", &asked(None), Some(HeaderValue::from_static("1")));
        assert!(cookies(&response).is_empty());
    }
}
