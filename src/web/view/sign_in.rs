//! The sign-in page, and the answers that send a person back to it: a
//! refusal (every failure gets the same one) and too many attempts.

use askama::Template;
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::Response,
};

use super::{admin::AdminContext, render_with_status};
use crate::{
    text::i18n::Lang,
    web::{error::AppError, paths, rate_limit::SIGN_IN_WINDOW, state::AppState},
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
