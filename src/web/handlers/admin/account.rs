//! `/admin/account`: the person's own account. Their interface language,
//! and a new password (the current one required; the person's other
//! sessions end).

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::Password,
    infra::password,
    text::i18n::Lang,
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{admin::AdminContext, render, render_with_status},
    },
};

/// A choice of the language form.
struct LangChoice {
    code: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    ctx: AdminContext,
    email: String,
    role: String,
    languages: Vec<LangChoice>,
    language_action: &'static str,
    password_action: &'static str,
    current_error: Option<String>,
    new_error: Option<String>,
    confirm_error: Option<String>,
    /// What was just changed, said at the top of the page.
    done: Option<String>,
}

impl AccountPage {
    fn new(state: &AppState, staff: &Staff) -> AccountPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Account));
        AccountPage {
            email: staff.email.to_string(),
            role: ctx.t(staff.role_message()),
            languages: Lang::ALL
                .into_iter()
                .map(|lang| LangChoice {
                    code: lang.code(),
                    label: ctx.t(if lang == Lang::Fr { "admin-lang-fr" } else { "admin-lang-en" }),
                    checked: lang == staff.lang,
                })
                .collect(),
            language_action: admin::ACCOUNT_LANGUAGE,
            password_action: admin::ACCOUNT_PASSWORD,
            current_error: None,
            new_error: None,
            confirm_error: None,
            done: None,
            ctx,
        }
    }
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// GET `/admin/account`.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<Done>,
) -> Result<Response, AppError> {
    let mut page = AccountPage::new(&state, &staff);
    page.done = match query.done.as_deref() {
        Some("password") => Some(page.ctx.t("admin-password-changed")),
        Some("language") => Some(page.ctx.t("admin-language-changed")),
        _ => None,
    };
    render(&page, staff.lang)
}

#[derive(Deserialize)]
pub struct LanguageFields {
    lang: Option<String>,
}

/// POST `/admin/account/language`.
pub async fn set_language(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<LanguageFields>,
) -> Result<Response, AppError> {
    let lang = form.lang.as_deref().and_then(Lang::parse).ok_or(AppError::BadRequest)?;
    state.store.set_account_lang(staff.account_id, lang, &staff.actor(), state.config.clock.now()).await?;
    Ok(Redirect::to(&format!("{}?done=language", admin::ACCOUNT)).into_response())
}

#[derive(Deserialize)]
pub struct PasswordFields {
    current: Option<String>,
    new: Option<String>,
    confirm: Option<String>,
}

/// POST `/admin/account/password`: with the current password, a new one
/// that passes the policy, typed twice. The person's other sessions end.
pub async fn set_password(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<PasswordFields>,
) -> Result<Response, AppError> {
    let mut page = AccountPage::new(&state, &staff);
    let current = form.current.unwrap_or_default();
    let new = form.new.unwrap_or_default();
    let confirm = form.confirm.unwrap_or_default();
    let hash = state.store.account_credentials(&staff.email).await?.map(|(_, hash)| hash);
    let right = !current.is_empty() && password::verify(current, hash).await?;
    if !right {
        page.current_error = Some(page.ctx.t("admin-current-password-wrong"));
    }
    let policy = Password::new(&new, staff.email.as_str());
    if let Err(error) = &policy {
        page.new_error = Some(page.ctx.t(error.message_id()));
    } else if new != confirm {
        page.confirm_error = Some(page.ctx.t("admin-passwords-differ"));
    }
    match policy {
        Ok(password) if right && page.confirm_error.is_none() => {
            let hash = password::hash(password).await?;
            let now = state.config.clock.now();
            state.store.set_password(&staff.email, &hash, Some(&staff.session_hash), &staff.actor(), now).await?;
            Ok(Redirect::to(&format!("{}?done=password", admin::ACCOUNT)).into_response())
        }
        _ => render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY),
    }
}
