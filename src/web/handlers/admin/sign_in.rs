//! Signing in and out. Every failure — an unknown address, a wrong
//! password, an account disabled or waiting after too many failures —
//! takes as long (a password is always checked, against a dummy hash for
//! an unknown address) and gets the same page and status, so the answer
//! never tells whether an address has an account. A client address that
//! tries too often is slowed down (429).

use askama::Template;
use axum::{
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::second_step;
use crate::{
    domain::EmailAddress,
    infra::{password, random},
    store::{Attempt, Quota, SignInFailure},
    text::i18n::Lang,
    web::{
        drafts,
        error::AppError,
        extract::ClientIp,
        middleware::csrf::PublicForm,
        negotiate, paths, rate_limit,
        staff::{SessionCookie, Staff, StaffForm, session_hash},
        state::AppState,
        view::{admin::AdminContext, render, render_with_status},
    },
};

/// What the attempts of a client address are counted under.
pub(super) const SCOPE: &str = "sign-in";
/// The window they are counted in; a client past its quota waits this long.
pub(super) const WINDOW: time::Duration = time::Duration::minutes(15);

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
struct SignInPage {
    ctx: AdminContext,
    action: &'static str,
    /// As typed; the password is never shown back.
    email: String,
    email_error: Option<String>,
    password_error: Option<String>,
    /// The failure of the whole form.
    error: Option<String>,
    /// What the page says first: an account just made by invitation.
    notice: Option<String>,
}

impl SignInPage {
    fn new(state: &AppState, lang: Lang) -> SignInPage {
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

#[derive(Deserialize)]
pub struct Welcome {
    welcome: Option<String>,
    /// A second step not taken in time.
    expired: Option<String>,
    /// A form sent after the session ended (see `drafts`).
    ended: Option<String>,
}

/// GET `/admin/sign-in`: the form, or the dashboard for someone signed in;
/// `?welcome=1` after an invitation was accepted.
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<Welcome>,
) -> Result<Response, AppError> {
    if Staff::find(&state, &headers, false).await?.is_some() {
        return Ok(Redirect::to(paths::admin::HOME).into_response());
    }
    let lang = negotiate::language(&headers);
    let mut page = SignInPage::new(&state, lang);
    page.notice = query.welcome.is_some().then(|| page.ctx.t("admin-invitation-accepted"));
    if query.expired.is_some() {
        page.notice = Some(page.ctx.t("admin-two-step-expired"));
    }
    if query.ended.is_some() {
        page.notice = Some(page.ctx.t("admin-session-ended"));
    }
    render(&page, lang)
}

#[derive(Deserialize)]
pub struct SignInFields {
    email: Option<String>,
    password: Option<String>,
}

/// POST `/admin/sign-in`.
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    posted: PublicForm<SignInFields>,
) -> Result<Response, AppError> {
    let lang = negotiate::language(&headers);
    let now = state.config.clock.now();
    let mut page = SignInPage::new(&state, lang);
    let (form, fresh) = match posted {
        PublicForm::Fresh(form) => (form, true),
        PublicForm::Stale(form) => (form, false),
    };
    let typed = form.email.as_deref().unwrap_or("").trim();
    page.email = typed.chars().filter(|c| !c.is_control()).take(254).collect();
    if !fresh {
        // Nothing is checked: the address typed, the password to type again.
        page.notice = Some(page.ctx.t("admin-sign-in-stale"));
        return render_with_status(&page, lang, StatusCode::FORBIDDEN);
    }
    let candidate = form.password.unwrap_or_default();
    let client = rate_limit::client_key(client);
    let quota = Quota { attempts: state.config.sign_ins_per_quarter_hour, window: WINDOW };
    if !state.store.allow_attempt(Attempt { scope: SCOPE, client: &client, quota }, now).await? {
        return too_many(&state, lang);
    }
    if typed.is_empty() || candidate.is_empty() {
        page.email_error = typed.is_empty().then(|| page.ctx.t("admin-email-missing"));
        page.password_error = candidate.is_empty().then(|| page.ctx.t("admin-password-missing"));
        return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let found = match EmailAddress::parse(typed) {
        Ok(email) => state.store.account_credentials(&email).await?,
        Err(_) => None,
    };
    let (account, hash) = found.map_or((None, None), |(account, hash)| (Some(account), Some(hash)));
    let right = password::verify(candidate, hash).await?;
    match account {
        Some(account) if right && !account.disabled && !account.locked(now) && account.totp_on => {
            return second_step::begin(&state, &account, now).await;
        }
        Some(account) if right && !account.disabled && !account.locked(now) => {
            let id = random::hex_token(32)?;
            state.store.sign_in_succeeded(&account, &session_hash(&id), now).await?;
            state.store.forget_attempts(SCOPE, &client).await?;
            state.store.purge_sessions(state.config.sessions, now).await?;
            let cookie = SessionCookie::for_site(&state.config.base_url);
            let next = drafts::after_sign_in(&state, &headers, account.id).await?;
            let mut response = Redirect::to(&next).into_response();
            response.headers_mut().insert(header::SET_COOKIE, cookie.set(&id)?);
            return Ok(response);
        }
        Some(account) => {
            let failure = if account.disabled {
                SignInFailure::Disabled
            } else if account.locked(now) {
                SignInFailure::Locked
            } else {
                SignInFailure::WrongPassword
            };
            state.store.sign_in_failed(&account, failure, now).await?;
        }
        None => state.store.sign_in_failed_unknown(now).await?,
    }
    page.error = Some(page.ctx.t("admin-sign-in-failed"));
    render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// The sign-in form again, with the failure every refusal gets (422):
/// also after too many wrong codes at the second step.
pub(super) fn refused(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut page = SignInPage::new(state, lang);
    page.error = Some(page.ctx.t("admin-sign-in-failed"));
    render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// The answer to a client past its quota of sign-in attempts (429).
pub(super) fn too_many(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut page = SignInPage::new(state, lang);
    page.error = Some(page.ctx.t("admin-sign-in-too-many"));
    let mut response = render_with_status(&page, lang, StatusCode::TOO_MANY_REQUESTS)?;
    let wait = HeaderValue::from(WINDOW.whole_seconds());
    response.headers_mut().insert(header::RETRY_AFTER, wait);
    Ok(response)
}

/// The sign-out form carries only its token.
#[derive(Deserialize)]
pub struct NoFields {}

/// POST `/admin/sign-out`: the session ends on the server, the browser
/// forgets it, and the sign-in page follows.
pub async fn sign_out(
    State(state): State<AppState>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    state.store.end_session(&staff.session_hash, &staff.actor(), state.config.clock.now()).await?;
    let cookie = SessionCookie::for_site(&state.config.base_url);
    let mut response = Redirect::to(paths::admin::SIGN_IN).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie.clear()?);
    Ok(response)
}
