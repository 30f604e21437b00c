//! The second step of a sign-in, for an account with the two-step sign-in
//! on. A right password opens no session yet: it records a pending
//! sign-in (a random 256-bit token, of which the database keeps the
//! SHA-256 hash, valid five minutes) that a short-lived cookie carries,
//! and this page asks for a code from the authenticator app or a recovery
//! code. Only a right code opens the session. Wrong codes count with the
//! wrong passwords towards the account's lockout and the client address's
//! quota; the account locking drops the pending sign-in.

use askama::Template;
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::two_step::SecondFactor,
    infra::random,
    store::{PendingSignIn, SignInMethod},
    text::i18n::Lang,
    web::{
        error::AppError,
        extract::ClientIp,
        forgery::PublicForm,
        negotiate, paths,
        session::{pending_cookie, session_hash},
        staff::SignedIn,
        state::AppState,
        view::{
            admin::AdminContext,
            render, render_with_status,
            sign_in::{count_attempt, refused as sign_in_refused, session_opened},
        },
    },
};

#[derive(Template)]
#[template(path = "admin/two_step.html")]
struct TwoStepPage {
    ctx: AdminContext,
    action: &'static str,
    code_error: Option<String>,
}

impl TwoStepPage {
    fn new(state: &AppState, lang: Lang) -> TwoStepPage {
        TwoStepPage {
            ctx: AdminContext::signed_out(state, lang),
            action: paths::admin::SIGN_IN_TWO_STEP,
            code_error: None,
        }
    }
}

/// The pending sign-in a request's cookie stands for, with the hash of its
/// token.
async fn pending(state: &AppState, headers: &HeaderMap) -> Result<(PendingSignIn, String), AppError> {
    let cookie = pending_cookie(&state.config.base_url);
    let Some(token) = cookie.read(headers) else { return Ok((PendingSignIn::Unknown, String::new())) };
    let hash = session_hash(&token);
    Ok((state.store.pending_sign_in(&hash, state.config.clock.now()).await?, hash))
}

/// Back to the sign-in form, the pending cookie forgotten; with a notice
/// when the pending sign-in expired.
fn back_to_sign_in(state: &AppState, expired: bool) -> Result<Response, AppError> {
    let to = if expired { format!("{}?expired=1", paths::admin::SIGN_IN) } else { paths::admin::SIGN_IN.to_owned() };
    let mut response = Redirect::to(&to).into_response();
    response.headers_mut().insert(header::SET_COOKIE, pending_cookie(&state.config.base_url).clear()?);
    Ok(response)
}

/// GET `/admin/sign-in/two-step`.
pub async fn show(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if signed_in.staff(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(paths::admin::HOME).into_response());
    }
    match pending(&state, &headers).await?.0 {
        PendingSignIn::Waiting(_) => {
            let lang = negotiate::browser_language(&headers);
            render(&TwoStepPage::new(&state, lang), lang)
        }
        PendingSignIn::Expired => back_to_sign_in(&state, true),
        PendingSignIn::Unknown => back_to_sign_in(&state, false),
    }
}

#[derive(Deserialize)]
pub struct CodeFields {
    code: Option<String>,
}

/// POST `/admin/sign-in/two-step`.
pub async fn check(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    posted: PublicForm<CodeFields>,
) -> Result<Response, AppError> {
    let lang = negotiate::browser_language(&headers);
    let form = match posted {
        PublicForm::Fresh(form) => form,
        PublicForm::Stale(_) => {
            let mut page = TwoStepPage::new(&state, lang);
            page.ctx.notice = Some(page.ctx.t("admin-two-step-stale"));
            return render_with_status(&page, lang, StatusCode::FORBIDDEN);
        }
    };
    let now = state.config.clock.now();
    let client = match count_attempt(&state, client, lang, now).await? {
        Ok(client) => client,
        Err(too_many) => return Ok(too_many),
    };
    let (account, pending_hash) = match pending(&state, &headers).await? {
        (PendingSignIn::Waiting(account), hash) => (account, hash),
        (PendingSignIn::Expired, _) => return back_to_sign_in(&state, true),
        (PendingSignIn::Unknown, _) => return back_to_sign_in(&state, false),
    };
    if account.disabled || account.locked(now) {
        state.store.drop_pending_sign_in(&pending_hash).await?;
        return refused(&state, lang);
    }
    let typed = form.code.unwrap_or_default();
    let mut page = TwoStepPage::new(&state, lang);
    if typed.trim().is_empty() {
        page.code_error = Some(page.ctx.t("admin-two-step-code-missing"));
        return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let Some(two_step) = state.store.two_step(account.id).await?.filter(|two_step| two_step.on) else {
        // Turned off meanwhile (at the command line): sign in again.
        state.store.drop_pending_sign_in(&pending_hash).await?;
        return back_to_sign_in(&state, false);
    };
    let how = match (SecondFactor::parse(&typed), &two_step.secret) {
        (Some(SecondFactor::App(code)), Some(secret)) => match secret.step_of(&code, now) {
            Some(step) if state.store.accept_step(account.id, step).await? => Some(SignInMethod::AuthenticatorApp),
            _ => None,
        },
        (Some(SecondFactor::Recovery(code)), _) => {
            let actor = crate::store::Actor::Staff(account.email.to_string());
            state
                .store
                .use_recovery_code(account.id, &code.hash(), &actor, now)
                .await?
                .then_some(SignInMethod::RecoveryCode)
        }
        _ => None,
    };
    let Some(how) = how else {
        if state.store.two_step_failed(&account, now).await? {
            return refused(&state, lang);
        }
        page.code_error = Some(page.ctx.t("admin-two-step-code-wrong"));
        return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let id = random::hex_token(32)?;
    if !state.store.two_step_succeeded(&account, &pending_hash, &session_hash(&id), how, now).await? {
        return back_to_sign_in(&state, false);
    }
    let mut response = session_opened(&state, &headers, &client, account.id, &id, now).await?;
    response.headers_mut().append(header::SET_COOKIE, pending_cookie(&state.config.base_url).clear()?);
    Ok(response)
}

/// The sign-in form with the refusal every failure gets, the pending
/// cookie forgotten.
fn refused(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut response = sign_in_refused(state, lang)?;
    response.headers_mut().insert(header::SET_COOKIE, pending_cookie(&state.config.base_url).clear()?);
    Ok(response)
}
