//! Choosing the visitor's language: the path names it on every page; at
//! `/`, a cookie set when the visitor reads a language wins, then the
//! browser's `Accept-Language`, then French, the campaign's original.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};

use crate::text::i18n::Lang;

pub const COOKIE_NAME: &str = "lang";

/// `/`: 303 to the visitor's language.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = preferred(&headers);
    let mut response = Redirect::to(&format!("/{lang}/")).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `/fr` and `/en`: the home page is `/fr/` and `/en/`.
pub async fn add_slash(PathLang(lang): PathLang) -> Redirect {
    Redirect::permanent(&format!("/{lang}/"))
}

/// The language for a request that does not name one in its path.
pub fn preferred(headers: &HeaderMap) -> Lang {
    from_cookie(headers)
        .or_else(|| {
            headers
                .get_all(header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(Lang::from_accept_language)
        })
        .unwrap_or(Lang::DEFAULT)
}

/// The language the visitor's cookie remembers, if any.
pub fn from_cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .and_then(|(_, value)| Lang::parse(value.trim().trim_matches('"')))
}

/// The `Set-Cookie` value that remembers a language for a year.
pub fn cookie(lang: Lang) -> HeaderValue {
    HeaderValue::from_static(match lang {
        Lang::Fr => "lang=fr; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        Lang::En => "lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
    })
}

/// The language the visitor's cookie remembers, as an extractor.
pub struct CookieLang(pub Option<Lang>);

impl<S: Send + Sync> FromRequestParts<S> for CookieLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(CookieLang(from_cookie(&parts.headers)))
    }
}

/// The language a page's path names (`/{lang}/…`); any other first segment
/// is a page that does not exist.
pub struct PathLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PathLang {
    type Rejection = super::error::AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Lang::from_path(parts.uri.path()).map(PathLang).ok_or(super::error::AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn cookie_beats_accept_language() {
        assert_eq!(preferred(&headers(&[("cookie", "a=b; lang=en"), ("accept-language", "fr")])), Lang::En);
        assert_eq!(preferred(&headers(&[("cookie", "lang=xx"), ("accept-language", "en")])), Lang::En);
        assert_eq!(preferred(&headers(&[("accept-language", "de")])), Lang::Fr);
        assert_eq!(preferred(&headers(&[])), Lang::Fr);
    }
}
