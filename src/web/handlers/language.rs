//! The addresses that lead elsewhere: `/` to the visitor's language, `/fr`
//! to `/fr/`, and a section's slug in the other language (`/fr/about`) to
//! this language's (`/fr/a-propos`).

use axum::{
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
};

use crate::web::{extract::PathLang, negotiate, paths::Page};

/// `/`: 303 to the visitor's language.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = negotiate::language(&headers);
    let mut response = Redirect::to(&Page::Home.path(lang)).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `/fr` and `/en`: the home page is `/fr/` and `/en/`.
pub async fn add_slash(PathLang(lang): PathLang) -> Redirect {
    Redirect::permanent(&Page::Home.path(lang))
}
