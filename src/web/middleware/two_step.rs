//! The two-step sign-in required of everyone (an admin's setting): while
//! it is on, a person signed in whose two-step sign-in is off is sent
//! (303) from every back-office address to their account's set-up, but
//! for the account itself, signing in and out.

use axum::{
    extract::{Request, State},
    http::HeaderMap,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use crate::web::{error::AppError, paths::admin, staff::SignedIn, state::AppState};

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if admin::open_before_two_step(request.uri().path()) {
        return next.run(request).await;
    }
    let signed_in = SignedIn::of(request.extensions());
    match must_set_up(&state, &signed_in, request.headers()).await {
        Ok(false) => next.run(request).await,
        Ok(true) => Redirect::to(admin::TWO_STEP_REQUIRED_NOTICE).into_response(),
        Err(error) => error.into_response(),
    }
}

/// Whether the request comes from someone signed in who must turn the
/// two-step sign-in on first.
async fn must_set_up(state: &AppState, signed_in: &SignedIn, headers: &HeaderMap) -> Result<bool, AppError> {
    if !state.store.two_step_required().await? {
        return Ok(false);
    }
    let Some(staff) = signed_in.staff(state, headers).await? else { return Ok(false) };
    let account = state.store.account_by_id(staff.account_id).await?;
    Ok(account.is_some_and(|account| !account.totp_on))
}
