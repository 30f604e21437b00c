//! Extractors for what a request says of its visitor: the language its
//! path names, and the language the visitor's cookie remembers.

use axum::{extract::FromRequestParts, http::request::Parts};

use super::{error::AppError, negotiate};
use crate::text::i18n::Lang;

/// The language a page's path names (`/{lang}/…`). Every localized route
/// is registered once per language, so a handler that takes this knows it.
pub struct PathLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PathLang {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Lang::from_path(parts.uri.path()).map(PathLang).ok_or(AppError::NotFound)
    }
}

/// The language the visitor's cookie remembers, if any.
pub struct CookieLang(pub Option<Lang>);

impl<S: Send + Sync> FromRequestParts<S> for CookieLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(CookieLang(negotiate::cookie_language(&parts.headers)))
    }
}
