//! "Join the Pact": an authority's application, sent from the public form
//! with the newsletter's protections (form token, same origin, honeypot,
//! a rate limit per client shared by every instance), confirmed from the
//! mailed link (a page with a button: mail scanners follow links), then
//! followed by its private link.

use axum::{
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::Response,
};

use crate::{
    domain::application::Document,
    infra::{
        mail::{ApplicationMail, render_application},
        random,
    },
    store::{ApplicationState, ApplicationSubmission, Outgoing, Submitted},
    text::{
        hex,
        i18n::{Lang, Tr},
    },
    web::{
        error::AppError,
        extract::{ClientIp, PageLanguages, PathLang},
        forgery::{PRIVATE_REFERRER_POLICY, PublicForm, PublicMultipart},
        paths::{JoinPage, Page, admin},
        rate_limit::client_key,
        state::AppState,
        view::{render_remembering, render_with_status},
    },
};

mod form;
mod step;

use form::{FormPage, Typed};
use step::{Button, StepPage};

/// The wording of the privacy notice the contact consents to, kept with
/// each application: the notice's version, as the newsletter's consent
/// records it (a test checks they are the same).
pub const CONSENT_VERSION: &str = "privacy-2026-12-07";

/// The largest body the form takes: the document's 5 MiB and the fields.
pub const FORM_LIMIT: usize = crate::domain::application::DOCUMENT_MAX_BYTES + 64 * 1024;

/// `/fr/pacte/adherer`: what signing means, then the form.
pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
) -> Result<Response, AppError> {
    render_remembering(&FormPage::new(&state, lang), lang, cookie)
}

/// POST `/fr/pacte/adherer`: an application.
pub async fn apply(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientIp(client): ClientIp,
    posted: PublicMultipart,
) -> Result<Response, AppError> {
    let posted = match posted {
        PublicMultipart::Fresh(posted) => posted,
        PublicMultipart::Stale(posted) => {
            let page = FormPage::again(&state, lang, Typed::of(&posted)).stale();
            return render_with_status(&page, lang, StatusCode::FORBIDDEN);
        }
    };
    let typed = Typed::of(&posted);
    let document = Document::parse(posted.file("document").map(|b| b.to_vec()).unwrap_or_default());
    let parsed = typed.fields().parse(state.config.today());
    let (application, document) = match (parsed, document) {
        (Ok(application), Ok(document)) => (application, document),
        (parsed, document) => {
            let mut errors = parsed.err().unwrap_or_default();
            if let Err(error) = document {
                errors.push((crate::domain::application::ApplicationField::Document, error.into()));
            }
            let page = FormPage::again(&state, lang, typed).with_errors(&errors);
            return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let check_inbox = || StepPage::new(&state, lang, "join-sent-title", "join-sent-body").respond();
    // A robot filled the field people cannot see: answer as usual, do nothing.
    if !posted.field("homepage").trim().is_empty() {
        return check_inbox();
    }
    if !state.applications.allow_here(client) {
        return Err(AppError::TooManyRequests);
    }
    let token = random::hex_token(32)?;
    let confirm_url = format!("{}{}", state.config.base_url, JoinPage::Confirm.token_path(lang, &token));
    let tr = Tr::new(lang, state.locales.clone());
    let authority = application.authority.name.as_str();
    let mail = ApplicationMail::Confirm { authority, confirm_url: &confirm_url };
    let message = render_application(&state.mailer, &tr, &application.contact.email, &mail)?;
    let submission = ApplicationSubmission {
        application: &application,
        document: document.as_ref(),
        lang,
        consent_version: CONSENT_VERSION,
        confirm_token_hash: &random::token_hash(&token),
        message: &message,
    };
    let key = client_key(client);
    match state.store.add_application(&submission, state.applications.attempt(&key), state.config.clock.now()).await? {
        Submitted::TooManyAttempts => Err(AppError::TooManyRequests),
        Submitted::Duplicate => {
            let page = FormPage::again(&state, lang, typed).duplicate();
            render_with_status(&page, lang, StatusCode::CONFLICT)
        }
        Submitted::Queued => {
            state.mailer.notify();
            if state.mailer.writes_files() {
                tracing::info!(%confirm_url, "no SMTP server: the confirmation address, for a local try-out");
            }
            check_inbox()
        }
    }
}

/// A token from a link: 64 hexadecimal characters, or nothing we know.
fn token(item: &str) -> Option<&str> {
    hex::is_hex(item, 64).then_some(item)
}

fn invalid_link(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut response = StepPage::new(state, lang, "join-invalid-title", "join-invalid-body").respond()?;
    *response.status_mut() = StatusCode::NOT_FOUND;
    Ok(response)
}

/// A page under a private link: never kept, its address sent to no one.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(header::REFERRER_POLICY, PRIVATE_REFERRER_POLICY);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// GET on the confirmation link: a page with a button, that changes nothing.
pub async fn confirm_page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    link_page(&state, lang, &item, None).await
}

async fn link_page(state: &AppState, lang: Lang, item: &str, notice: Option<&str>) -> Result<Response, AppError> {
    let Some(token) = token(item) else { return invalid_link(state, lang) };
    let found = state.store.application_by_confirmation(&random::token_hash(token), state.config.clock.now()).await?;
    let Some(found) = found else { return invalid_link(state, lang) };
    let mut page = StepPage::new(state, lang, "join-confirm-title", "join-confirm-body");
    if found.state == ApplicationState::Unconfirmed {
        let label = state.locales.format(lang, "join-confirm-button", None);
        page.button = Some(Button { action: JoinPage::Confirm.token_path(lang, token), label });
        page.notice = notice.map(|id| state.locales.format(lang, id, None));
    } else {
        page.message = state.locales.format(lang, "join-confirmed-already", None);
    }
    Ok(private(page.respond()?))
}

/// POST on the confirmation link's page: the application goes to staff,
/// the contact gets the private link to its status, staff a mail each.
pub async fn confirm(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(item): Path<String>,
    posted: PublicForm<step::NoFields>,
) -> Result<Response, AppError> {
    if let PublicForm::Stale(_) = posted {
        let mut response = link_page(&state, lang, &item, Some("join-page-stale")).await?;
        if response.status() == StatusCode::OK {
            *response.status_mut() = StatusCode::FORBIDDEN;
        }
        return Ok(response);
    }
    let Some(token) = token(&item) else { return invalid_link(&state, lang) };
    let hash = random::token_hash(token);
    let now = state.config.clock.now();
    let Some(found) = state.store.application_by_confirmation(&hash, now).await? else {
        return invalid_link(&state, lang);
    };
    let status_token = random::hex_token(32)?;
    let base = &state.config.base_url;
    let status_url = format!("{base}{}", JoinPage::Status.token_path(found.lang, &status_token));
    let review_url = format!("{base}{}", admin::application(found.id, None));
    let contact = crate::domain::EmailAddress::parse(&found.contact_email)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("application {}: stored address", found.id)))?;
    let tr = Tr::new(found.lang, state.locales.clone());
    let received = ApplicationMail::Received { authority: &found.name, status_url: &status_url };
    let mut messages = vec![(contact.clone(), render_application(&state.mailer, &tr, &contact, &received)?)];
    for (address, staff_lang) in staff_recipients(&state).await? {
        let tr = Tr::new(staff_lang, state.locales.clone());
        let mail = ApplicationMail::ForStaff { authority: &found.name, review_url: &review_url };
        let message = render_application(&state.mailer, &tr, &address, &mail)?;
        messages.push((address, message));
    }
    let outgoing: Vec<Outgoing<'_>> =
        messages.iter().map(|(to, message)| Outgoing { recipient: to.as_str(), message }).collect();
    if state.store.confirm_application(&hash, &random::token_hash(&status_token), &outgoing, now).await? {
        state.mailer.notify();
    }
    let mut page = StepPage::new(&state, lang, "join-confirmed-title", "join-confirmed-body");
    page.link = Some((JoinPage::Status.token_path(lang, &status_token), page.ctx.t("join-status-link")));
    Ok(private(page.respond()?))
}

/// Who is told of a newly confirmed application: the addresses the
/// settings name, else every admin (in their language).
async fn staff_recipients(state: &AppState) -> Result<Vec<(crate::domain::EmailAddress, Lang)>, AppError> {
    if !state.config.applications_notify.is_empty() {
        return Ok(state.config.applications_notify.iter().map(|a| (a.clone(), Lang::DEFAULT)).collect());
    }
    let accounts = state.store.accounts().await?;
    Ok(accounts
        .into_iter()
        .filter(|a| a.role == crate::domain::Role::Admin && !a.disabled)
        .map(|a| (a.email, a.lang.unwrap_or(Lang::DEFAULT)))
        .collect())
}

/// GET on the private link: the application's status.
pub async fn status(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let Some(token) = token(&item) else { return invalid_link(&state, lang) };
    let Some(found) = state.store.application_by_status(&random::token_hash(token)).await? else {
        return invalid_link(&state, lang);
    };
    let mut page = StepPage::new(&state, lang, "join-status-title", "join-status-received");
    page.authority = Some(found.name);
    match found.state {
        ApplicationState::Unconfirmed | ApplicationState::Received => {}
        ApplicationState::Approved(signatory) => {
            page.message = page.ctx.t("join-status-approved");
            page.link = signatory.map(|id| {
                (Page::Signatory { id, slug: String::new() }.path(lang), page.ctx.t("join-status-directory"))
            });
        }
        ApplicationState::Declined(reason) => {
            page.message = page.ctx.t("join-status-declined");
            page.reason = Some(reason);
        }
    }
    Ok(private(page.respond()?))
}
