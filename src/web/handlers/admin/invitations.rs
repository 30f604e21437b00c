//! Invitations: an admin invites a colleague by address, role and
//! language from the accounts page; the mail names the admin, and its
//! link, valid 48 hours and once, opens a page where the person chooses a password (a GET changes
//! nothing: mail scanners follow links). The POST makes the account and
//! sends the person to the sign-in page, where they sign in as anyone
//! does (and set up the two-step sign-in if it is required). A pending
//! invitation can be sent again (a new link; the old one stops working) or
//! withdrawn (its link then finds nothing).

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::{EmailAddress, Password, Role, email::EmailError},
    infra::{
        mail::{self, Mail},
        password, random,
    },
    store::{InvitationState, NewInvitation, Renewal},
    text::{
        hex,
        i18n::{Lang, Tr},
    },
    web::{
        error::AppError,
        extract::ItemId,
        forgery::{PRIVATE_REFERRER_POLICY, PublicForm},
        negotiate,
        paths::admin,
        staff::{AdminForm, NoFields, Staff},
        state::AppState,
        view::{
            accounts::{AccountsPage, InviteFields},
            admin::AdminContext,
            render, render_with_status,
        },
    },
};

/// POST `/admin/accounts/invite`: the invitation is stored and its mail
/// queued; an address with an account, or a form with a mistake, shows the
/// page again (422) with a message next to each field.
pub async fn invite(
    State(state): State<AppState>,
    AdminForm { staff, form }: AdminForm<InviteFields>,
) -> Result<Response, AppError> {
    let typed = form.email.as_deref().unwrap_or("").trim();
    let email = EmailAddress::parse(typed);
    let role = form.role.as_deref().and_then(Role::parse);
    let lang = form.lang.as_deref().and_then(Lang::parse);
    let mut page = AccountsPage::new(&state, &staff, None).await?;
    if let (Ok(email), Some(role), Some(lang)) = (&email, role, lang) {
        let link = Link::new(&state, &staff, email, lang)?;
        let invitation = NewInvitation { email, role, lang, token_hash: &link.token_hash, message: &link.message };
        if state.store.invite(&invitation, &staff.actor(), state.config.clock.now()).await? {
            link.sent(&state);
            return Ok(Redirect::to(&format!("{}?done=invited", admin::ACCOUNTS)).into_response());
        }
        page.invite.email_error = Some(page.ctx.t("admin-invitation-has-account"));
    }
    form.show_in(&mut page.invite);
    let form_view = &mut page.invite;
    if let Err(error) = &email {
        form_view.email_error = Some(page.ctx.t(match error {
            EmailError::Empty => "admin-email-missing",
            EmailError::BidiControl(_) => "admin-email-bidi",
            EmailError::TooLong | EmailError::Invalid => "admin-email-invalid",
        }));
    }
    form_view.role_error = role.is_none().then(|| page.ctx.t("admin-accounts-role-missing"));
    form_view.lang_error = lang.is_none().then(|| page.ctx.t("admin-invitation-lang-missing"));
    render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY)
}

/// A new invitation link and its mail, in the invitation's language.
struct Link {
    accept_url: String,
    token_hash: String,
    message: Vec<u8>,
}

impl Link {
    fn new(state: &AppState, staff: &Staff, email: &EmailAddress, lang: Lang) -> Result<Link, AppError> {
        let token = random::hex_token(32)?;
        let accept_url = format!("{}{}", state.config.base_url, admin::invitation(&token));
        let tr = Tr::new(lang, state.locales.clone());
        let invitation_mail = Mail::Invitation { accept_url: &accept_url, inviter: &staff.email };
        let message = mail::render(&state.mailer, &tr, email, &invitation_mail)?;
        Ok(Link { token_hash: random::token_hash(&token), accept_url, message })
    }

    /// The mail queued: the worker told.
    fn sent(&self, state: &AppState) {
        state.mailer.notify();
        if state.mailer.writes_files() {
            let accept_url = &self.accept_url;
            tracing::info!(%accept_url, "no SMTP server: the invitation's address, for a local try-out");
        }
    }
}

/// POST `/admin/accounts/invitations/{id}/resend`: a new link mailed, the
/// old one void, its lifetime started over.
pub async fn resend(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    let invitation = state.store.unused_invitation(id).await?.ok_or(AppError::NotFound)?;
    let link = Link::new(&state, &staff, &invitation.email, invitation.lang)?;
    let renewal = Renewal { token_hash: &link.token_hash, message: &link.message };
    if !state.store.resend_invitation(id, &renewal, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    link.sent(&state);
    Ok(Redirect::to(&format!("{}?done=resent", admin::ACCOUNTS)).into_response())
}

/// POST `/admin/accounts/invitations/{id}/withdraw`: the invitation
/// deleted; its link finds nothing.
pub async fn withdraw(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.withdraw_invitation(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=withdrawn", admin::ACCOUNTS)).into_response())
}

#[derive(Template)]
#[template(path = "admin/invitation.html")]
struct AcceptPage {
    ctx: AdminContext,
    action: String,
    email: String,
    role: String,
    password_error: Option<String>,
    confirm_error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/invitation_gone.html")]
struct GonePage {
    ctx: AdminContext,
    title: String,
    message: String,
    sign_in_href: &'static str,
}

/// A token from a link: 64 hexadecimal characters, or nothing we know.
fn token(item: &str) -> Option<&str> {
    hex::is_hex(item, 64).then_some(item)
}

/// The page for a link that no longer works: unknown or replaced (404),
/// used or expired (410). Nothing changes.
fn gone(state: &AppState, lang: Lang, found: &InvitationState) -> Result<Response, AppError> {
    let (status, title, message) = match found {
        InvitationState::Used => (StatusCode::GONE, "admin-invitation-used-title", "admin-invitation-used-body"),
        InvitationState::Expired => {
            (StatusCode::GONE, "admin-invitation-expired-title", "admin-invitation-expired-body")
        }
        InvitationState::Unknown | InvitationState::Valid(_) => {
            (StatusCode::NOT_FOUND, "admin-invitation-unknown-title", "admin-invitation-unknown-body")
        }
    };
    let ctx = AdminContext::signed_out(state, lang);
    let page = GonePage { title: ctx.t(title), message: ctx.t(message), sign_in_href: admin::SIGN_IN, ctx };
    private(render_with_status(&page, lang, status)?)
}

/// A page whose address holds a secret: never sent to another site as a referrer.
fn private(mut response: Response) -> Result<Response, AppError> {
    response.headers_mut().insert(header::REFERRER_POLICY, PRIVATE_REFERRER_POLICY);
    Ok(response)
}

/// The form to choose a password, in the invitation's language.
fn accept_page(state: &AppState, item: &str, email: &EmailAddress, role: Role, lang: Lang) -> AcceptPage {
    let ctx = AdminContext::signed_out(state, lang);
    AcceptPage {
        action: admin::invitation(item),
        email: email.to_string(),
        role: ctx.t(role.message_id()),
        password_error: None,
        confirm_error: None,
        ctx,
    }
}

/// GET `/admin/invitation/{token}`: the form, which changes nothing.
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let lang = negotiate::browser_language(&headers);
    let Some(token) = token(&item) else { return gone(&state, lang, &InvitationState::Unknown) };
    match state.store.invitation(&random::token_hash(token), state.config.clock.now()).await? {
        InvitationState::Valid(invitation) => {
            let page = accept_page(&state, token, &invitation.email, invitation.role, invitation.lang);
            private(render(&page, invitation.lang)?)
        }
        other => gone(&state, lang, &other),
    }
}

#[derive(Deserialize)]
pub struct AcceptFields {
    password: Option<String>,
    confirm: Option<String>,
}

/// POST `/admin/invitation/{token}`: a password that passes the policy,
/// typed twice, makes the account; then the sign-in page.
pub async fn accept(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(item): Path<String>,
    posted: PublicForm<AcceptFields>,
) -> Result<Response, AppError> {
    let lang = negotiate::browser_language(&headers);
    let Some(token) = token(&item) else { return gone(&state, lang, &InvitationState::Unknown) };
    let hash = random::token_hash(token);
    let now = state.config.clock.now();
    let invitation = match state.store.invitation(&hash, now).await? {
        InvitationState::Valid(invitation) => invitation,
        other => return gone(&state, lang, &other),
    };
    let mut page = accept_page(&state, token, &invitation.email, invitation.role, invitation.lang);
    let form = match posted {
        PublicForm::Fresh(form) => form,
        PublicForm::Stale(_) => {
            page.ctx.notice = Some(page.ctx.t("admin-invitation-stale"));
            return private(render_with_status(&page, invitation.lang, StatusCode::FORBIDDEN)?);
        }
    };
    let new = form.password.unwrap_or_default();
    let confirm = form.confirm.unwrap_or_default();
    let password = match Password::new(&new, invitation.email.as_str()) {
        Ok(password) if new == confirm => password,
        Ok(_) => {
            page.confirm_error = Some(page.ctx.t("admin-passwords-differ"));
            return private(render_with_status(&page, invitation.lang, StatusCode::UNPROCESSABLE_ENTITY)?);
        }
        Err(error) => {
            page.password_error = Some(page.ctx.t(error.message_id()));
            return private(render_with_status(&page, invitation.lang, StatusCode::UNPROCESSABLE_ENTITY)?);
        }
    };
    let password_hash = password::hash(password).await?;
    match state.store.accept_invitation(&hash, &password_hash, state.config.clock.now()).await? {
        InvitationState::Valid(_) => Ok(Redirect::to(&format!("{}?welcome=1", admin::SIGN_IN)).into_response()),
        other => gone(&state, lang, &other),
    }
}
