//! `/admin/account`: the person's own account. Their interface language,
//! a new password (the current one required; the person's other
//! sessions end), and their two-step sign-in: set up with an
//! authenticator app (a secret shown as text and as a QR code, confirmed
//! with a code), ten recovery codes shown once, renewed with the password,
//! and turned off with the password and a code.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::{
        Password,
        two_step::{RecoveryCode, SecondFactor, TotpSecret},
    },
    infra::password,
    store::TwoStep,
    text::i18n::{Arg, Lang},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::{NoFields, Staff, StaffForm},
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
    two_step: TwoStepPanel,
}

/// A set-up in progress: the secret to give the app.
pub struct SetUp {
    /// Base32, in groups of four.
    pub secret: String,
    /// The QR code of its `otpauth://` address, as inline SVG with its
    /// accessible name.
    pub qr_svg: String,
}

/// The two-step sign-in's part of the page.
#[derive(Default)]
pub struct TwoStepPanel {
    pub on: bool,
    pub set_up: Option<SetUp>,
    /// "8 recovery codes left".
    pub codes_left: String,
    /// Why the person was sent here: an admin requires the two-step sign-in.
    pub required: Option<String>,
    /// Recovery codes just made: shown this once.
    pub new_codes: Vec<String>,
    pub code_error: Option<String>,
    pub off_password_error: Option<String>,
    pub off_code_error: Option<String>,
    pub renew_password_error: Option<String>,
    pub start_action: &'static str,
    pub confirm_action: &'static str,
    pub off_action: &'static str,
    pub renew_action: &'static str,
}

/// What authenticator apps show as the account's issuer.
const ISSUER: &str = "ONE in FIVE";

/// Escapes text for an HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A QR code of `text`, as an inline `<svg>` named by `label` (its role
/// an image): no style, no data address, so that the CSP lets it be.
fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    // The renderer writes a standalone file: an XML declaration first,
    // which has no place in HTML.
    let start = svg.find("<svg")?;
    let named = format!("<svg class=\"qr-code\" role=\"img\" aria-label=\"{}\" ", attribute(label));
    Some(svg[start..].replacen("<svg ", &named, 1))
}

impl TwoStepPanel {
    fn new(ctx: &AdminContext, two_step: &TwoStep, email: &str) -> TwoStepPanel {
        let set_up = match &two_step.secret {
            Some(secret) if !two_step.on => secret.uri(ISSUER, email).map(|uri| SetUp {
                secret: secret.grouped(),
                qr_svg: qr_svg(&uri, &ctx.t("admin-two-step-qr-label")).unwrap_or_default(),
            }),
            _ => None,
        };
        TwoStepPanel {
            on: two_step.on,
            set_up,
            codes_left: ctx.tr.format("admin-two-step-codes-left", &[("count", Arg::Count(two_step.codes_left))]),
            start_action: admin::TWO_STEP_START,
            confirm_action: admin::TWO_STEP_CONFIRM,
            off_action: admin::TWO_STEP_OFF,
            renew_action: admin::RECOVERY_CODES,
            ..TwoStepPanel::default()
        }
    }
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
            two_step: TwoStepPanel::default(),
            ctx,
        }
    }

    /// The page with the person's two-step sign-in as stored.
    async fn load(state: &AppState, staff: &Staff) -> Result<AccountPage, AppError> {
        let mut page = AccountPage::new(state, staff);
        let two_step = state.store.two_step(staff.account_id).await?.ok_or(AppError::SignInRequired)?;
        page.two_step = TwoStepPanel::new(&page.ctx, &two_step, staff.email.as_str());
        if !two_step.on && state.store.two_step_required().await? {
            page.two_step.required = Some(page.ctx.t("admin-two-step-required-notice"));
        }
        Ok(page)
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
    let mut page = AccountPage::load(&state, &staff).await?;
    page.done = match query.done.as_deref() {
        Some("password") => Some(page.ctx.t("admin-password-changed")),
        Some("language") => Some(page.ctx.t("admin-language-changed")),
        Some("two-step-off") => Some(page.ctx.t("admin-two-step-turned-off")),
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
    let mut page = AccountPage::load(&state, &staff).await?;
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

/// Whether `typed` is the person's password.
async fn right_password(state: &AppState, staff: &Staff, typed: String) -> Result<bool, AppError> {
    let hash = state.store.account_credentials(&staff.email).await?.map(|(_, hash)| hash);
    Ok(!typed.is_empty() && password::verify(typed, hash).await?)
}

/// Ten new recovery codes, as shown, and their hashes, as stored.
fn new_codes() -> Result<(Vec<String>, Vec<String>), AppError> {
    let codes = RecoveryCode::generate_set()?;
    Ok((codes.iter().map(RecoveryCode::shown).collect(), codes.iter().map(RecoveryCode::hash).collect()))
}

/// POST `/admin/account/two-step`: a new secret, pending until a code
/// confirms it; the page shows it.
pub async fn start_two_step(
    State(state): State<AppState>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let secret = TotpSecret::generate()?;
    state.store.begin_two_step(staff.account_id, &secret).await?;
    Ok(Redirect::to(&format!("{}#two-step", admin::ACCOUNT)).into_response())
}

#[derive(Deserialize)]
pub struct ConfirmFields {
    code: Option<String>,
}

/// POST `/admin/account/two-step/confirm`: a right code from the app turns
/// the two-step sign-in on, and the recovery codes are shown, this once.
pub async fn confirm_two_step(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<ConfirmFields>,
) -> Result<Response, AppError> {
    let mut page = AccountPage::load(&state, &staff).await?;
    let two_step = state.store.two_step(staff.account_id).await?.ok_or(AppError::SignInRequired)?;
    let Some(secret) = two_step.secret.filter(|_| !two_step.on) else {
        return Ok(Redirect::to(admin::ACCOUNT).into_response());
    };
    let now = state.config.clock.now();
    let typed = form.code.unwrap_or_default();
    let step = match SecondFactor::parse(&typed) {
        Some(SecondFactor::App(code)) => secret.step_of(&code, now),
        _ => None,
    };
    let Some(step) = step else {
        let message = if typed.trim().is_empty() { "admin-two-step-code-missing" } else { "admin-two-step-code-wrong" };
        page.two_step.code_error = Some(page.ctx.t(message));
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let (shown, hashes) = new_codes()?;
    if !state.store.confirm_two_step(staff.account_id, &secret, step, &hashes, &staff.actor(), now).await? {
        // Another set-up began meanwhile: the page shows it.
        return Ok(Redirect::to(&format!("{}#two-step", admin::ACCOUNT)).into_response());
    }
    let mut page = AccountPage::load(&state, &staff).await?;
    page.done = Some(page.ctx.t("admin-two-step-turned-on"));
    page.two_step.new_codes = shown;
    render(&page, staff.lang)
}

#[derive(Deserialize)]
pub struct OffFields {
    password: Option<String>,
    code: Option<String>,
}

/// POST `/admin/account/two-step/off`: with the password and a code from
/// the app (or a recovery code).
pub async fn turn_off_two_step(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<OffFields>,
) -> Result<Response, AppError> {
    let mut page = AccountPage::load(&state, &staff).await?;
    let two_step = state.store.two_step(staff.account_id).await?.ok_or(AppError::SignInRequired)?;
    let Some(secret) = two_step.secret.filter(|_| two_step.on) else {
        return Ok(Redirect::to(admin::ACCOUNT).into_response());
    };
    let now = state.config.clock.now();
    let typed = form.code.unwrap_or_default();
    let right = right_password(&state, &staff, form.password.unwrap_or_default()).await?;
    if !right {
        page.two_step.off_password_error = Some(page.ctx.t("admin-current-password-wrong"));
    }
    // A code is used up only with the right password.
    let code_right = match SecondFactor::parse(&typed) {
        _ if !right => true,
        Some(SecondFactor::App(code)) => match secret.step_of(&code, now) {
            Some(step) => state.store.accept_step(staff.account_id, step).await?,
            None => false,
        },
        Some(SecondFactor::Recovery(code)) => {
            state.store.use_recovery_code(staff.account_id, &code.hash(), &staff.actor(), now).await?
        }
        None => false,
    };
    if typed.trim().is_empty() {
        page.two_step.off_code_error = Some(page.ctx.t("admin-two-step-code-missing"));
    } else if !code_right {
        page.two_step.off_code_error = Some(page.ctx.t("admin-two-step-code-wrong"));
    }
    if !right || page.two_step.off_code_error.is_some() {
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    state.store.turn_off_two_step(staff.account_id, &staff.actor(), now).await?;
    Ok(Redirect::to(&format!("{}?done=two-step-off", admin::ACCOUNT)).into_response())
}

#[derive(Deserialize)]
pub struct RenewFields {
    password: Option<String>,
}

/// POST `/admin/account/two-step/recovery-codes`: with the password, a new
/// set of ten, shown this once; the old set no longer works.
pub async fn renew_recovery_codes(
    State(state): State<AppState>,
    StaffForm { staff, form }: StaffForm<RenewFields>,
) -> Result<Response, AppError> {
    let mut page = AccountPage::load(&state, &staff).await?;
    if !page.two_step.on {
        return Ok(Redirect::to(admin::ACCOUNT).into_response());
    }
    if !right_password(&state, &staff, form.password.unwrap_or_default()).await? {
        page.two_step.renew_password_error = Some(page.ctx.t("admin-current-password-wrong"));
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (shown, hashes) = new_codes()?;
    let now = state.config.clock.now();
    state.store.replace_recovery_codes(staff.account_id, &hashes, &staff.actor(), now).await?;
    let mut page = AccountPage::load(&state, &staff).await?;
    page.done = Some(page.ctx.t("admin-two-step-codes-renewed"));
    page.two_step.new_codes = shown;
    render(&page, staff.lang)
}
