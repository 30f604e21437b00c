//! Turns every error response — a handler's, an extractor's, a layer's,
//! the router's 404 and 405 — into a localized page.

use askama::Template;
use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    text::i18n::{Arg, Lang},
    web::{
        error::{AppError, Refusal},
        negotiate, paths,
        staff::SignedIn,
        state::AppState,
        view::{PageContext, Rendered, admin::AdminContext, render_with_status},
    },
};

/// The seconds a refused drawing is to be asked again after.
pub const RETRY_AFTER_BUSY: &str = "1";

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageContext,
    code_text: String,
    title: String,
    message: String,
}

/// The message pair (title, explanation) for a status.
fn messages(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        403 => ("error-403-title", "error-403-body"),
        404 | 410 => ("error-404-title", "error-404-body"),
        405 => ("error-405-title", "error-405-body"),
        413 | 414 => ("error-413-title", "error-413-body"),
        429 => ("error-429-title", "error-429-body"),
        503 => ("error-503-title", "error-503-body"),
        500..=599 => ("error-500-title", "error-500-body"),
        _ => ("error-400-title", "error-400-body"),
    }
}

/// The back office's error page: its own layout, in the person's language.
#[derive(Template)]
#[template(path = "admin/error.html")]
struct AdminErrorPage {
    ctx: AdminContext,
    code_text: String,
    title: String,
    message: String,
}

/// Renders a localized error page for any error response that is not a
/// page already. The language is the one the path names, else the
/// visitor's; in the back office, the signed-in person's.
pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let lang = Lang::from_path(request.uri().path()).unwrap_or_else(|| negotiate::language(request.headers()));
    let back_office = paths::admin::contains(request.uri().path()).then(|| {
        let signed_in = SignedIn::default();
        request.extensions_mut().insert(signed_in.clone());
        (request.headers().clone(), signed_in)
    });
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.extensions().get::<Rendered>().is_some() {
        return response;
    }
    let refusal = response.extensions().get::<Refusal>().copied();
    let rendered = match back_office {
        Some((headers, signed_in)) => back_office_page(&state, &headers, &signed_in, status, refusal).await,
        None => public_page(&state, lang, status),
    };
    let mut page_response = match rendered {
        Ok(page_response) => page_response,
        Err(error) => {
            tracing::error!(%error, "could not render the error page");
            return response;
        }
    };
    // Keep what the original response told the client to do next.
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = response.headers().get(&name) {
            page_response.headers_mut().insert(name, value.clone());
        }
    }
    page_response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        // The rest of the body was not read: the connection cannot carry
        // another request, and the client must not try to reuse it.
        page_response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    page_response
}

/// The page of a public page refused for want of a turn to draw it
/// (`render_bound`), as the layer would make it, for the page cache to
/// answer on the fast path.
pub fn busy(state: &AppState, lang: Lang) -> Response {
    let status = StatusCode::SERVICE_UNAVAILABLE;
    let mut response = match public_page(state, lang, status) {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "could not render the error page");
            status.into_response()
        }
    };
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_BUSY));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn public_page(state: &AppState, lang: Lang, status: StatusCode) -> Result<Response, AppError> {
    let (title, message) = messages(status);
    let ctx = PageContext::bare(state, lang, None);
    let code_text = ctx.tr.format("error-code", &[("status", Arg::Text(status.as_str().into()))]);
    let page = ErrorPage { title: ctx.t(title), message: ctx.t(message), code_text, ctx };
    render_with_status(&page, lang, status)
}

/// A back-office error page, with the navigation for someone signed in.
/// A 403 there is an editor on an admin's page, or a form sent from
/// another site (a form of ours sent too late is not refused: see
/// `drafts`).
async fn back_office_page(
    state: &AppState,
    headers: &HeaderMap,
    signed_in: &SignedIn,
    status: StatusCode,
    refusal: Option<Refusal>,
) -> Result<Response, AppError> {
    // Who is signed in, for the navigation: as the request found it, else
    // asked now, but not of a database known to be down (the page answers
    // at once, signed out), as nothing else is.
    let staff = match signed_in.known() {
        Some(staff) => staff,
        None if state.availability.is_up() => signed_in.staff(state, headers).await.unwrap_or(None),
        None => None,
    };
    let ctx = match &staff {
        Some(staff) => AdminContext::signed_in(state, staff, None),
        None => AdminContext::signed_out(state, negotiate::browser_language(headers)),
    };
    let (title, message) = match status {
        StatusCode::FORBIDDEN if refusal == Some(Refusal::AdminsOnly) => {
            ("admin-error-403-admins-title", "admin-error-403-admins-body")
        }
        StatusCode::FORBIDDEN => ("error-403-title", "admin-error-403-body"),
        status => messages(status),
    };
    let code_text = ctx.tr.format("error-code", &[("status", Arg::Text(status.as_str().into()))]);
    let lang = ctx.lang;
    let page = AdminErrorPage { title: ctx.t(title), message: ctx.t(message), code_text, ctx };
    render_with_status(&page, lang, status)
}
