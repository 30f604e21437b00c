//! The sign-in page, and the answers that send a person back to it: a
//! refusal (every failure gets the same one) and too many attempts; the
//! attempts counted, and the session opened, alike for a password and for
//! a two-step code.

use std::net::IpAddr;

use askama::Template;
use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use time::OffsetDateTime;

use super::{admin::AdminContext, render_with_status};
use crate::{
    store::{Attempt, Quota},
    text::i18n::Lang,
    web::{
        drafts,
        error::AppError,
        paths,
        rate_limit::{self, SIGN_IN_SCOPE, SIGN_IN_WINDOW},
        session::SessionCookie,
        state::AppState,
    },
};

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
pub struct SignInPage {
    pub ctx: AdminContext,
    action: &'static str,
    /// As typed; the password is never shown back.
    pub email: String,
    pub email_error: Option<String>,
    pub password_error: Option<String>,
    /// The failure of the whole form.
    pub error: Option<String>,
    /// What the page says first: an account just made by invitation.
    pub notice: Option<String>,
}

impl SignInPage {
    pub fn new(state: &AppState, lang: Lang) -> SignInPage {
        SignInPage {
            ctx: AdminContext::signed_out(state, lang),
            action: paths::admin::SIGN_IN,
            email: String::new(),
            email_error: None,
            password_error: None,
            error: None,
            notice: None,
        }
    }
}

/// The sign-in form again, with the failure every refusal gets (422):
/// also after too many wrong codes at the second step.
pub fn refused(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut page = SignInPage::new(state, lang);
    page.error = Some(page.ctx.t("admin-sign-in-failed"));
    render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// The answer to a client past its quota of sign-in attempts (429).
pub fn too_many(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut page = SignInPage::new(state, lang);
    page.error = Some(page.ctx.t("admin-sign-in-too-many"));
    let mut response = render_with_status(&page, lang, StatusCode::TOO_MANY_REQUESTS)?;
    let wait = HeaderValue::from(SIGN_IN_WINDOW.whole_seconds());
    response.headers_mut().insert(header::RETRY_AFTER, wait);
    Ok(response)
}

/// Counts an attempt (a password or a code) from a client address: the
/// address's key, under which its attempts are counted; or, past its
/// quota, the answer (429).
pub async fn count_attempt(
    state: &AppState,
    client: IpAddr,
    lang: Lang,
    now: OffsetDateTime,
) -> Result<Result<String, Response>, AppError> {
    let client = rate_limit::client_key(client);
    let quota = Quota { attempts: state.config.sign_ins_per_quarter_hour, window: SIGN_IN_WINDOW };
    if !state.store.allow_attempt(Attempt { scope: SIGN_IN_SCOPE, client: &client, quota }, now).await? {
        return too_many(state, lang).map(Err);
    }
    Ok(Ok(client))
}

/// After a sign-in that opened the session `id` at `now`: the client's attempts
/// forgotten, old sessions purged, and the way on (the dashboard, or the
/// form this browser was sending when its session ended) with the
/// session's cookie.
pub async fn session_opened(
    state: &AppState,
    headers: &HeaderMap,
    client: &str,
    account_id: i64,
    id: &str,
    now: OffsetDateTime,
) -> Result<Response, AppError> {
    state.store.forget_attempts(SIGN_IN_SCOPE, client).await?;
    state.store.purge_sessions(state.config.sessions, now).await?;
    let next = drafts::after_sign_in(state, headers, account_id).await?;
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().append(header::SET_COOKIE, SessionCookie::for_site(&state.config.base_url).set(id)?);
    Ok(response)
}
