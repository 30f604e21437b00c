//! The newsletter: sign-up with double opt-in, confirmation and
//! unsubscription links, and leaving by address. The answer to a sign-up is
//! the same whoever the address belongs to, so no one can learn who
//! subscribed; links in mails open a page with a button, and only that
//! button's POST acts (mail scanners follow links), except the one-click
//! unsubscription of RFC 8058 that mail clients POST.

use std::{net::SocketAddr, num::NonZeroU32, sync::Arc};

use askama::Template;
use axum::{
    body::Bytes,
    extract::ConnectInfo,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::Response,
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{
    AppState, csrf,
    error::AppError,
    page::{Page, PageContext, render, render_remembering},
};
use crate::{
    domain::{EmailAddress, email::EmailError},
    infra::mail::{self, Mail},
    store::{Subscription, SubscriptionOutcome},
    text::i18n::{Lang, Tr},
};

/// The wording of the privacy notice a visitor consents to; kept with
/// each subscription. Change it when the notice changes.
pub const CONSENT_VERSION: &str = "privacy-2026-11-28";

/// Sign-ups (and requests to leave) a client may make, per minute.
pub type Limiter = DefaultKeyedRateLimiter<std::net::IpAddr>;

pub fn limiter(per_minute: u32) -> Arc<Limiter> {
    let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN));
    Arc::new(RateLimiter::keyed(quota))
}

/// The hash under which a token sent by mail is stored.
pub fn token_hash(token: &str) -> String {
    crate::text::hex::encode(&Sha256::digest(token.as_bytes()))
}

/// The last segment of the newsletter's action addresses.
fn action_slug(lang: Lang, action: Action) -> &'static str {
    match (lang, action) {
        (Lang::Fr, Action::Leave) => "quitter",
        (Lang::En, Action::Leave) => "leave",
        (Lang::Fr, Action::Confirm) => "confirmer",
        (Lang::En, Action::Confirm) => "confirm",
        (Lang::Fr, Action::Unsubscribe) => "desabonner",
        (Lang::En, Action::Unsubscribe) => "unsubscribe",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Leave,
    Confirm,
    Unsubscribe,
}

impl Action {
    pub fn parse(lang: Lang, slug: &str) -> Option<Action> {
        [Action::Leave, Action::Confirm, Action::Unsubscribe].into_iter().find(|a| action_slug(lang, *a) == slug)
    }

    pub fn path(self, lang: Lang) -> String {
        format!("{}/{}", Page::Newsletter.path(lang), action_slug(lang, self))
    }

    /// The absolute link a mail carries for this action and a token.
    fn link(self, state: &AppState, lang: Lang, token: &str) -> String {
        format!("{}{}/{token}", state.config.base_url, self.path(lang))
    }
}

/// A form's fields; anything else a client sends is ignored.
#[derive(Debug, Default, Deserialize)]
struct FormFields {
    email: Option<String>,
    consent: Option<String>,
    csrf: Option<String>,
    /// The honeypot: people leave it empty.
    website: Option<String>,
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
        leave_action: Action::Leave.path(lang),
    }
}

/// `/fr/lettre-d-information`: the sign-up and leave forms.
pub fn show(state: &AppState, lang: Lang, cookie: Option<Lang>) -> Result<Response, AppError> {
    render_remembering(&newsletter_page(state, lang), lang, cookie)
}

fn step(
    state: &AppState,
    lang: Lang,
    title: &str,
    message: &str,
    button: Option<(String, String)>,
) -> Result<Response, AppError> {
    let tr = Tr::new(lang, state.locales.clone());
    let mut ctx = PageContext::bare(state, lang, Some(&Page::Newsletter));
    ctx.switch_href = Page::Newsletter.path(lang.other());
    render(&StepPage { title: tr.t(title), message: tr.t(message), button, ctx }, lang)
}

/// A posted form, once it passes the checks every form POST passes: from
/// one of our pages, with our token. A body that is not a form is a bad
/// request.
fn read_form(state: &AppState, headers: &HeaderMap, body: &Bytes) -> Result<FormFields, AppError> {
    let form: FormFields = serde_urlencoded::from_bytes(body).map_err(|_| AppError::BadRequest)?;
    let token_ok = form.csrf.as_deref().is_some_and(|t| csrf::valid(&state.form_key, t, state.config.clock.now()));
    if token_ok && csrf::same_origin(headers, &state.config.base_url) { Ok(form) } else { Err(AppError::Forbidden) }
}

impl FormFields {
    /// The address as typed, and as parsed.
    fn email(&self) -> (&str, Result<EmailAddress, EmailError>) {
        let typed = self.email.as_deref().unwrap_or("");
        (typed, EmailAddress::parse(typed))
    }
}

/// The client's address: the connection's, or, when the site is told to
/// trust a proxy's header, the address that header names last.
fn client_ip(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> std::net::IpAddr {
    state
        .config
        .client_ip_header
        .as_ref()
        .and_then(|name| headers.get_all(name).iter().next_back())
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok())
        .unwrap_or(peer.ip())
}

fn rate_limit(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> Result<(), AppError> {
    state.limiter.check_key(&client_ip(state, peer, headers)).map_err(|_| AppError::TooManyRequests)
}

fn email_message(tr: &Tr, error: &EmailError) -> String {
    tr.t(match error {
        EmailError::Empty => "newsletter-error-email-empty",
        EmailError::TooLong | EmailError::Invalid => "newsletter-error-email-invalid",
    })
}

/// The value to show back in a field: as typed, without control characters.
fn shown(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).take(300).collect()
}

fn unprocessable(page: &NewsletterPage, lang: Lang) -> Result<Response, AppError> {
    let mut response = render(page, lang)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// POST `/fr/lettre-d-information`: a sign-up.
pub async fn subscribe(
    state: &AppState,
    lang: Lang,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, AppError> {
    let form = read_form(state, headers, body)?;
    let (typed, email) = form.email();
    let consent = form.consent.as_deref() == Some("yes");
    if email.is_err() || !consent {
        let mut page = newsletter_page(state, lang);
        let tr = page.ctx.tr.clone();
        page.email = shown(typed);
        page.email_error = email.as_ref().err().map(|e| email_message(&tr, e));
        page.consent_error = (!consent).then(|| tr.t("newsletter-error-consent"));
        page.consent_checked = consent;
        return unprocessable(&page, lang);
    }
    let check_inbox = || step(state, lang, "newsletter-check-title", "newsletter-check-body", None);
    // A robot filled the field people cannot see: answer as usual, do nothing.
    if form.website.as_deref().is_some_and(|v| !v.trim().is_empty()) {
        return check_inbox();
    }
    rate_limit(state, peer, headers)?;
    let Ok(email) = email else { return Err(AppError::BadRequest) };
    let confirm_token = crate::infra::random::hex_token(32)?;
    let unsubscribe_token = crate::infra::random::hex_token(32)?;
    let confirm_url = Action::Confirm.link(state, lang, &confirm_token);
    let unsubscribe_url = Action::Unsubscribe.link(state, lang, &unsubscribe_token);
    let tr = Tr::new(lang, state.locales.clone());
    let message = mail::render(
        &state.mailer,
        &tr,
        &email,
        &Mail::Confirm { confirm_url: &confirm_url, unsubscribe_url: &unsubscribe_url },
    )?;
    let subscription = Subscription {
        email: &email,
        lang,
        consent_version: CONSENT_VERSION,
        confirm_token_hash: &token_hash(&confirm_token),
        unsubscribe_token_hash: &token_hash(&unsubscribe_token),
        message: &message,
    };
    let outcome = state.store.subscribe(&subscription, state.config.clock.now()).await?;
    if outcome == SubscriptionOutcome::Queued {
        state.mailer.notify();
        if state.mailer.writes_files() {
            tracing::info!(%confirm_url, "no SMTP server: the confirmation address, for a local try-out");
        }
    }
    check_inbox()
}

/// POST `/fr/lettre-d-information/quitter`: leave by address. A mail with a
/// link goes to a subscribed address; the answer reveals nothing.
pub async fn leave(
    state: &AppState,
    lang: Lang,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, AppError> {
    let form = read_form(state, headers, body)?;
    let email = match form.email() {
        (_, Ok(email)) => email,
        (typed, Err(error)) => {
            let mut page = newsletter_page(state, lang);
            page.leave_email = shown(typed);
            page.leave_error = Some(email_message(&page.ctx.tr, &error));
            return unprocessable(&page, lang);
        }
    };
    rate_limit(state, peer, headers)?;
    let token = crate::infra::random::hex_token(32)?;
    let unsubscribe_url = Action::Unsubscribe.link(state, lang, &token);
    let tr = Tr::new(lang, state.locales.clone());
    let message = mail::render(&state.mailer, &tr, &email, &Mail::Unsubscribe { unsubscribe_url: &unsubscribe_url })?;
    if state.store.queue_unsubscribe_link(&email, &token_hash(&token), &message, state.config.clock.now()).await? {
        state.mailer.notify();
    }
    step(state, lang, "newsletter-leave-sent-title", "newsletter-leave-sent-body", None)
}

/// A token from a link: 64 hexadecimal characters, or nothing we know.
fn token(item: &str) -> Option<&str> {
    (item.len() == 64 && item.bytes().all(|b| b.is_ascii_hexdigit())).then_some(item)
}

fn invalid_link(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let mut response = step(state, lang, "newsletter-invalid-title", "newsletter-invalid-body", None)?;
    *response.status_mut() = StatusCode::NOT_FOUND;
    Ok(response)
}

/// GET on a link from a mail: a page with a button, that changes nothing.
pub async fn link_page(state: &AppState, lang: Lang, action: Action, item: &str) -> Result<Response, AppError> {
    let Some(token) = token(item) else { return invalid_link(state, lang) };
    let hash = token_hash(token);
    let now = state.config.clock.now();
    let (known, title, message, button) = match action {
        Action::Confirm => (
            state.store.confirmation_known(&hash, now).await?,
            "newsletter-confirm-title",
            "newsletter-confirm-body",
            "newsletter-confirm-button",
        ),
        Action::Unsubscribe | Action::Leave => (
            state.store.unsubscribe_known(&hash).await?,
            "newsletter-unsubscribe-title",
            "newsletter-unsubscribe-body",
            "newsletter-unsubscribe-button",
        ),
    };
    if !known {
        return invalid_link(state, lang);
    }
    let action_path = format!("{}/{token}", action.path(lang));
    let label = state.locales.format(lang, button, None);
    let mut response = step(state, lang, title, message, Some((action_path, label)))?;
    response.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // Personal, and its answer changes with the subscription: never cached.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// POST on a link's page (or, to unsubscribe, the mail client's one-click
/// POST, which carries no form token: the link's token is the proof).
pub async fn link_post(
    state: &AppState,
    lang: Lang,
    action: Action,
    item: &str,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, AppError> {
    let Some(token) = token(item) else { return invalid_link(state, lang) };
    let hash = token_hash(token);
    match action {
        Action::Confirm => {
            read_form(state, headers, body)?;
            if state.store.confirm(&hash, state.config.clock.now()).await? {
                step(state, lang, "newsletter-confirmed-title", "newsletter-confirmed-body", None)
            } else {
                invalid_link(state, lang)
            }
        }
        Action::Unsubscribe | Action::Leave => {
            if !csrf::same_origin(headers, &state.config.base_url) {
                return Err(AppError::Forbidden);
            }
            // Unsubscribing an unknown or already used link is still "done".
            state.store.unsubscribe(&hash).await?;
            step(state, lang, "newsletter-unsubscribed-title", "newsletter-unsubscribed-body", None)
        }
    }
}
