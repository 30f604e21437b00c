//! The newsletter: sign-up with double opt-in, the confirmation and
//! unsubscribe links, and unsubscribing by address. The answer to a sign-up
//! is the same whoever the address belongs to, so no one can learn who
//! subscribed; links in mails open a page with a button, and only that
//! button's POST acts (mail scanners follow links), except the one-click
//! unsubscribe of RFC 8058 that mail clients POST.

use std::{future::Future, net::IpAddr, pin::Pin};

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use serde::Deserialize;

use crate::{
    domain::{EmailAddress, email::EmailError},
    infra::{
        mail::{self, Mail},
        random,
    },
    store::{Subscription, SubscriptionOutcome},
    text::{
        hex,
        i18n::{Lang, Tr},
    },
    web::{
        error::AppError,
        extract::{ClientIp, PageLanguages, PathLang},
        forgery::{PRIVATE_REFERRER_POLICY, PublicForm, SameOrigin},
        metrics::Signup,
        paths::{NewsletterAction, Page},
        rate_limit::client_key,
        state::AppState,
        view::{PageContext, render, render_remembering, render_with_status},
    },
};

/// The wording of the privacy notice a visitor consents to; kept with
/// each subscription. Change it when the notice changes.
pub const CONSENT_VERSION: &str = "privacy-2026-12-07";

/// The absolute link a mail carries for an action and a token.
fn mail_link(state: &AppState, lang: Lang, action: NewsletterAction, token: &str) -> String {
    format!("{}{}", state.config.base_url, action.token_path(lang, token))
}

/// A form's fields; anything else a client sends is ignored.
#[derive(Debug, Default, Deserialize)]
pub struct FormFields {
    email: Option<String>,
    consent: Option<String>,
    /// The honeypot: people leave it empty.
    website: Option<String>,
}

impl FormFields {
    /// The address as typed, and as parsed.
    fn email(&self) -> (&str, Result<EmailAddress, EmailError>) {
        let typed = self.email.as_deref().unwrap_or("");
        (typed, EmailAddress::parse(typed))
    }
}

/// The newsletter page, with the form as sent back when it has a problem.
#[derive(Template)]
#[template(path = "newsletter.html")]
struct NewsletterPage {
    ctx: PageContext,
    email: String,
    email_error: Option<String>,
    consent_error: Option<String>,
    consent_checked: bool,
    leave_email: String,
    leave_error: Option<String>,
    privacy_href: String,
    leave_action: String,
    /// The archive of the issues sent.
    archive_href: String,
    /// Said above the forms: that a form came too late to be taken.
    notice: Option<String>,
}

/// A page that tells the outcome of a step, with a button where one is needed.
#[derive(Template)]
#[template(path = "newsletter_step.html")]
struct StepPage {
    ctx: PageContext,
    title: String,
    message: String,
    /// A form with one button that POSTs to `action`.
    button: Option<(String, String)>,
    /// Said above the button: that it came too late to be taken.
    notice: Option<String>,
}

fn newsletter_page(state: &AppState, lang: Lang) -> NewsletterPage {
    let title = state.locales.format(lang, "newsletter-title", None);
    NewsletterPage {
        ctx: PageContext::for_page(state, lang, Page::Newsletter, &title),
        email: String::new(),
        email_error: None,
        consent_error: None,
        consent_checked: false,
        leave_email: String::new(),
        leave_error: None,
        privacy_href: Page::Privacy.path(lang),
        leave_action: NewsletterAction::Leave.path(lang),
        archive_href: Page::NewsletterArchive.path(lang),
        notice: None,
    }
}

/// `/fr/lettre-d-information`: the sign-up and unsubscribe forms.
pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
) -> Result<Response, AppError> {
    render_remembering(&newsletter_page(&state, lang), lang, cookie)
}

/// A page of a step (messages by their Fluent ids), with a button when
/// the step needs one, and a notice above it.
fn step_page(
    state: &AppState,
    lang: Lang,
    (title, message): (&str, &str),
    button: Option<(String, String)>,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let tr = Tr::new(lang, state.locales.clone());
    let mut ctx = PageContext::bare(state, lang, Some(&Page::Newsletter));
    ctx.switch_href = Page::Newsletter.path(lang.other());
    let notice = notice.map(|id| tr.t(id));
    render(&StepPage { title: tr.t(title), message: tr.t(message), button, notice, ctx }, lang)
}

/// The page that tells the outcome of a step.
fn outcome_page(state: &AppState, lang: Lang, title: &str, message: &str) -> Result<Response, AppError> {
    step_page(state, lang, (title, message), None, None)
}

async fn rate_limit(state: &AppState, client: IpAddr) -> Result<(), AppError> {
    let allowed = state.signups.allow(&state.store, client, state.config.clock.now()).await?;
    if allowed { Ok(()) } else { Err(AppError::TooManyRequests) }
}

fn email_message(tr: &Tr, error: &EmailError) -> String {
    tr.t(match error {
        EmailError::Empty => "newsletter-error-email-empty",
        EmailError::TooLong | EmailError::Invalid => "newsletter-error-email-invalid",
        EmailError::BidiControl(_) => "newsletter-error-email-bidi",
    })
}

/// The value to show back in a field: as typed, without control characters.
fn shown(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).take(300).collect()
}

/// The posted form (the sign-up's, or the leaving one's) when it is fresh;
/// else the page again, with what was typed (`stale`).
fn fresh(
    state: &AppState,
    lang: Lang,
    posted: PublicForm<FormFields>,
    leaving: bool,
) -> Result<Result<FormFields, Response>, AppError> {
    match posted {
        PublicForm::Fresh(form) => Ok(Ok(form)),
        PublicForm::Stale(form) => stale(state, lang, &form, leaving).map(Err),
    }
}

/// The newsletter page again, with what was typed in a form that came too
/// late to be taken (403): nothing was done.
fn stale(state: &AppState, lang: Lang, form: &FormFields, leaving: bool) -> Result<Response, AppError> {
    let mut page = newsletter_page(state, lang);
    let typed = shown(form.email().0);
    if leaving {
        page.leave_email = typed;
    } else {
        page.email = typed;
        page.consent_checked = form.consent.as_deref() == Some("yes");
    }
    page.notice = Some(page.ctx.t("form-stale"));
    render_with_status(&page, lang, StatusCode::FORBIDDEN)
}

/// POST `/fr/lettre-d-information`: a sign-up.
pub async fn subscribe(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientIp(client): ClientIp,
    posted: PublicForm<FormFields>,
) -> Result<Response, AppError> {
    let form = match fresh(&state, lang, posted, false)? {
        Ok(form) => form,
        Err(stale_page) => return Ok(stale_page),
    };
    let (typed, email) = form.email();
    let consent = form.consent.as_deref() == Some("yes");
    let email = match email {
        Ok(email) if consent => email,
        email => {
            state.metrics.signup(Signup::Invalid);
            let mut page = newsletter_page(&state, lang);
            let tr = page.ctx.tr.clone();
            page.email = shown(typed);
            page.email_error = email.as_ref().err().map(|e| email_message(&tr, e));
            page.consent_error = (!consent).then(|| tr.t("newsletter-error-consent"));
            page.consent_checked = consent;
            return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let check_inbox = || outcome_page(&state, lang, "newsletter-check-title", "newsletter-check-body");
    // A robot filled the field people cannot see: answer as usual, do nothing.
    if form.website.as_deref().is_some_and(|v| !v.trim().is_empty()) {
        state.metrics.signup(Signup::Honeypot);
        return check_inbox();
    }
    // The database's count of the client's attempts is taken with the
    // sign-up itself (one commit), this instance's first.
    if !state.signups.allow_here(client) {
        state.metrics.signup(Signup::RateLimited);
        return Err(AppError::TooManyRequests);
    }
    let confirm_token = random::hex_token(32)?;
    let unsubscribe_token = random::hex_token(32)?;
    let confirm_url = mail_link(&state, lang, NewsletterAction::Confirm, &confirm_token);
    let unsubscribe_url = mail_link(&state, lang, NewsletterAction::Unsubscribe, &unsubscribe_token);
    let tr = Tr::new(lang, state.locales.clone());
    let message = mail::render(
        &state.mailer,
        &tr,
        &email,
        &Mail::Confirm {
            confirm_url: &confirm_url,
            unsubscribe_url: &unsubscribe_url,
            privacy_url: &format!("{}{}", state.config.base_url, Page::Privacy.path(lang)),
        },
    )?;
    let subscription = Subscription {
        email: &email,
        lang,
        consent_version: CONSENT_VERSION,
        confirm_token_hash: &random::token_hash(&confirm_token),
        unsubscribe_token_hash: &random::token_hash(&unsubscribe_token),
        message: &message,
    };
    let client = client_key(client);
    let attempt = state.signups.attempt(&client);
    match state.store.subscribe(&subscription, attempt, state.config.clock.now()).await? {
        SubscriptionOutcome::TooManyAttempts => {
            state.metrics.signup(Signup::RateLimited);
            return Err(AppError::TooManyRequests);
        }
        SubscriptionOutcome::Queued => {
            state.mailer.notify();
            if state.mailer.writes_files() {
                tracing::info!(%confirm_url, "no SMTP server: the confirmation address, for a local try-out");
            }
        }
        SubscriptionOutcome::NothingToSend => {}
    }
    state.metrics.signup(Signup::Accepted);
    check_inbox()
}

/// POST `/fr/lettre-d-information/quitter`: unsubscribe by address. A mail
/// with a link goes to a subscribed address; the answer reveals nothing.
pub async fn leave(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientIp(client): ClientIp,
    posted: PublicForm<FormFields>,
) -> Result<Response, AppError> {
    let form = match fresh(&state, lang, posted, true)? {
        Ok(form) => form,
        Err(stale_page) => return Ok(stale_page),
    };
    let email = match form.email() {
        (_, Ok(email)) => email,
        (typed, Err(error)) => {
            let mut page = newsletter_page(&state, lang);
            page.leave_email = shown(typed);
            page.leave_error = Some(email_message(&page.ctx.tr, &error));
            return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    rate_limit(&state, client).await?;
    let token = random::hex_token(32)?;
    let unsubscribe_url = mail_link(&state, lang, NewsletterAction::Unsubscribe, &token);
    let tr = Tr::new(lang, state.locales.clone());
    let message = mail::render(&state.mailer, &tr, &email, &Mail::Unsubscribe { unsubscribe_url: &unsubscribe_url })?;
    let now = state.config.clock.now();
    if state.store.queue_unsubscribe_link(&email, &random::token_hash(&token), &message, now).await? {
        state.mailer.notify();
    }
    outcome_page(&state, lang, "newsletter-leave-sent-title", "newsletter-leave-sent-body")
}

/// A token from a link: 64 hexadecimal characters, or nothing we know.
fn token(item: &str) -> Option<&str> {
    hex::is_hex(item, 64).then_some(item)
}

/// The unsubscribe token's hash a link's token stands for: the hash of
/// the token itself, or, for the signed token of a newsletter issue's
/// mail, the hash of the subscriber's current token it was made from.
async fn unsubscribe_hash(state: &AppState, token: &str) -> Result<String, AppError> {
    if let (Some(subscriber), Some(links)) = (mail::token_subscriber(token), state.mailer.issue_links())
        && let Some(stored) = state.store.subscriber_unsubscribe_hash(subscriber).await?
        && links.token_matches(token, subscriber, &stored)
    {
        return Ok(stored);
    }
    Ok(random::token_hash(token))
}

fn invalid_link(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut response = outcome_page(state, lang, "newsletter-invalid-title", "newsletter-invalid-body")?;
    *response.status_mut() = StatusCode::NOT_FOUND;
    Ok(response)
}

/// GET on a link from a mail: a page with a button, that changes nothing;
/// `notice`, a sentence above it.
async fn link_page(
    state: &AppState,
    lang: Lang,
    action: NewsletterAction,
    item: &str,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let Some(token) = token(item) else { return invalid_link(state, lang) };
    let hash = random::token_hash(token);
    let (known, title, message, button) = match action {
        NewsletterAction::Confirm => (
            state.store.confirmation_known(&hash, state.config.clock.now()).await?,
            "newsletter-confirm-title",
            "newsletter-confirm-body",
            "newsletter-confirm-button",
        ),
        NewsletterAction::Unsubscribe | NewsletterAction::Leave => (
            state.store.unsubscribe_known(&unsubscribe_hash(state, token).await?).await?,
            "newsletter-unsubscribe-title",
            "newsletter-unsubscribe-body",
            "newsletter-unsubscribe-button",
        ),
    };
    if !known {
        return invalid_link(state, lang);
    }
    let label = state.locales.format(lang, button, None);
    let button = Some((action.token_path(lang, token), label));
    let mut response = step_page(state, lang, (title, message), button, notice)?;
    response.headers_mut().insert(header::REFERRER_POLICY, PRIVATE_REFERRER_POLICY);
    // Personal, and its answer changes with the subscription: never cached.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// What a link page's handler answers, once.
type LinkPageFuture = Pin<Box<dyn Future<Output = Result<Response, AppError>> + Send>>;

/// The handler of a mail link's page, `/fr/lettre-d-information/confirmer/{token}`:
/// `get(newsletter::link(NewsletterAction::Confirm))`.
pub fn link(
    action: NewsletterAction,
) -> impl Fn(State<AppState>, PathLang, Path<String>) -> LinkPageFuture + Clone + Send + Sync + 'static {
    move |State(state): State<AppState>, PathLang(lang): PathLang, Path(token): Path<String>| {
        Box::pin(async move { link_page(&state, lang, action, &token, None).await })
    }
}

/// POST on a confirmation link's page: the subscription is confirmed.
pub async fn confirm(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(item): Path<String>,
    posted: PublicForm<FormFields>,
) -> Result<Response, AppError> {
    if let PublicForm::Stale(_) = posted {
        // The page again, with its button and a sentence (403).
        let mut response =
            link_page(&state, lang, NewsletterAction::Confirm, &item, Some("newsletter-page-stale")).await?;
        if response.status() == StatusCode::OK {
            *response.status_mut() = StatusCode::FORBIDDEN;
        }
        return Ok(response);
    }
    let Some(token) = token(&item) else { return invalid_link(&state, lang) };
    if state.store.confirm(&random::token_hash(token), state.config.clock.now()).await? {
        outcome_page(&state, lang, "newsletter-confirmed-title", "newsletter-confirmed-body")
    } else {
        invalid_link(&state, lang)
    }
}

/// POST on an unsubscribe link's page, or the mail client's one-click POST
/// (RFC 8058), which carries no form token: the link's token is the proof.
pub async fn unsubscribe(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(item): Path<String>,
    _: SameOrigin,
) -> Result<Response, AppError> {
    let Some(token) = token(&item) else { return invalid_link(&state, lang) };
    // Unsubscribing an unknown or already used link is still "done".
    state.store.unsubscribe(&unsubscribe_hash(&state, token).await?).await?;
    outcome_page(&state, lang, "newsletter-unsubscribed-title", "newsletter-unsubscribed-body")
}
