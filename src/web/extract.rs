//! Extractors for what a request says of its visitor: the language its
//! path names, and the language the visitor's cookie remembers; and the
//! number of the record a back-office address names.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Path},
    http::request::Parts,
};

use super::{error::AppError, negotiate, rate_limit, state::AppState};
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

/// The record an address's `{id}` names: a positive number; anything
/// else is not found (404), as a number with no record is.
pub struct ItemId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for ItemId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(item) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| AppError::NotFound)?;
        item.parse::<i64>().ok().filter(|id| *id > 0).map(ItemId).ok_or(AppError::NotFound)
    }
}

/// A visit to a page: the language its path names, and the one the
/// visitor's cookie remembers (a page read in another language sets it).
pub struct PageLanguages {
    pub lang: Lang,
    pub cookie: Option<Lang>,
}

impl<S: Send + Sync> FromRequestParts<S> for PageLanguages {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let PathLang(lang) = PathLang::from_request_parts(parts, state).await?;
        Ok(PageLanguages { lang, cookie: negotiate::cookie_language(&parts.headers) })
    }
}

/// The client's address, as the rate limits count it: the connection's, or
/// the one a trusted proxy names (`--client-ip-header`).
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// The client's address of a request.
    pub fn of(parts: &Parts, state: &AppState) -> Result<ClientIp, AppError> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the server does not give the client's address")))?;
        Ok(ClientIp(rate_limit::client_ip(state.config.client_ip_header.as_ref(), peer, &parts.headers)))
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        ClientIp::of(parts, state)
    }
}
