//! The one error type of the web layer. A handler returns it; its response
//! carries only the status (and `Retry-After` where it helps), and the
//! error-page layer (`middleware::error_pages`) renders the localized page.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

use super::paths;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// A request whose query, body or form cannot be read, or that names
    /// something we do not know (a filter's unknown country).
    #[error("bad request")]
    BadRequest,
    /// A form post from another site, or without our form token.
    #[error("forbidden")]
    Forbidden,
    /// A back-office page or action for admins, asked for by an editor.
    #[error("for admins only")]
    AdminsOnly,
    #[error("too many requests")]
    TooManyRequests,
    /// A back-office page asked for without a live session: the answer
    /// leads to the sign-in page.
    #[error("sign-in required")]
    SignInRequired,
    /// The database is known to be down (the breaker is open): nobody
    /// waits on it.
    #[error("the database is down")]
    DatabaseDown,
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Too many of a costly kind of work at once (passwords being
    /// checked): asked again in a moment.
    #[error("busy")]
    Busy,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<crate::infra::password::PasswordError> for AppError {
    fn from(error: crate::infra::password::PasswordError) -> AppError {
        match error {
            crate::infra::password::PasswordError::Busy => AppError::Busy,
            crate::infra::password::PasswordError::Failed(error) => AppError::Internal(error),
        }
    }
}

impl IntoResponse for AppError {
    /// Only the status: details are logged, never shown.
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::AdminsOnly => {
                let mut response = StatusCode::FORBIDDEN.into_response();
                response.extensions_mut().insert(Refusal::AdminsOnly);
                return response;
            }
            AppError::SignInRequired => return Redirect::to(paths::admin::SIGN_IN).into_response(),
            AppError::TooManyRequests => {
                return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "60")]).into_response();
            }
            AppError::DatabaseDown => return unavailable(),
            AppError::Busy => {
                return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")]).into_response();
            }
            AppError::Store(StoreError::Unavailable(error)) => {
                tracing::warn!(%error, "database unavailable");
                let mut response = unavailable();
                // The outage layer opens the breaker when it sees this.
                response.extensions_mut().insert(DatabaseUnreachable);
                return response;
            }
            AppError::Store(StoreError::Busy(error)) => {
                tracing::warn!(%error, "database busy");
                return unavailable();
            }
            AppError::Store(error) => {
                tracing::error!(%error, "storage error");
                StatusCode::INTERNAL_SERVER_ERROR
            }
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "internal error");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        status.into_response()
    }
}

/// Why a 403 was answered, when it is not a form from another site: the
/// error page says what to do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    AdminsOnly,
}

/// Marks a response to a request that found the database unreachable.
#[derive(Clone, Copy, Debug)]
pub struct DatabaseUnreachable;

/// 503, to be retried in a few seconds.
fn unavailable() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "5")]).into_response()
}
