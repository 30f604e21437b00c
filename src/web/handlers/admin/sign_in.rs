//! Signing in and out. Every failure — an unknown address, a wrong
//! password, an account disabled or waiting after too many failures —
//! takes as long (a password is always checked, against a dummy hash for
//! an unknown address) and gets the same page and status, so the answer
//! never tells whether an address has an account; but the right password
//! of a disabled account is told that the account is disabled (only who
//! knows the password learns it). A client address that tries too often
//! is slowed down (429).

use axum::{
    extract::{Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    domain::EmailAddress,
    infra::{password, random},
    store::{Account, PENDING_LIFETIME, SignInFailure},
    web::{
        error::AppError,
        extract::ClientIp,
        forgery::PublicForm,
        negotiate, paths,
        session::{SessionCookie, pending_cookie, session_hash},
        staff::{NoFields, SignedIn, StaffForm},
        state::AppState,
        view::{
            render, render_with_status,
            sign_in::{SignInPage, count_attempt, session_opened},
        },
    },
};

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
    signed_in: SignedIn,
    headers: HeaderMap,
    Query(query): Query<Welcome>,
) -> Result<Response, AppError> {
    if signed_in.staff(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(paths::admin::HOME).into_response());
    }
    let lang = negotiate::browser_language(&headers);
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
    let lang = negotiate::browser_language(&headers);
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
    let client = match count_attempt(&state, client, lang, now).await? {
        Ok(client) => client,
        Err(too_many) => return Ok(too_many),
    };
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
    let mut refusal = "admin-sign-in-failed";
    match account {
        Some(account) if right && !account.disabled && !account.locked(now) && account.totp_on => {
            return ask_two_step_code(&state, &account, now).await;
        }
        Some(account) if right && !account.disabled && !account.locked(now) => {
            let id = random::hex_token(32)?;
            state.store.sign_in_succeeded(&account, &session_hash(&id), now).await?;
            return session_opened(&state, &headers, &client, account.id, &id, now).await;
        }
        Some(account) => {
            let failure = if account.disabled {
                if right {
                    refusal = "admin-sign-in-disabled";
                }
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
    page.error = Some(page.ctx.t(refusal));
    render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// After a right password: the pending sign-in recorded, its cookie set,
/// and the second step's page next.
async fn ask_two_step_code(state: &AppState, account: &Account, now: OffsetDateTime) -> Result<Response, AppError> {
    let token = random::hex_token(32)?;
    state.store.open_pending_sign_in(account.id, &session_hash(&token), now).await?;
    let cookie = pending_cookie(&state.config.base_url);
    let mut response = Redirect::to(paths::admin::SIGN_IN_TWO_STEP).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie.set_lasting(&token, PENDING_LIFETIME)?);
    Ok(response)
}

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
