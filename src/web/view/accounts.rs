//! The accounts page of the back office (admins only): every account as a
//! row with its actions, the invitations waiting for an answer, each with
//! its actions, and the form that invites a colleague.

use askama::Template;
use serde::Deserialize;

use super::admin::{AdminContext, datetime};
use crate::{
    domain::Role,
    store::{Account, PendingInvitation},
    text::i18n::{Arg, Lang},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::typed::Mixed,
    },
};

/// A role as the role form offers it.
pub struct RoleChoice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

impl RoleChoice {
    /// Every role, `selected` the one chosen.
    fn all(ctx: &AdminContext, selected: Role) -> Vec<RoleChoice> {
        Role::ALL
            .into_iter()
            .map(|role| RoleChoice { code: role.as_str(), label: ctx.t(role.message_id()), selected: role == selected })
            .collect()
    }
}

/// An account as a row of the list shows it.
pub struct AccountLine {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub roles: Vec<RoleChoice>,
    pub status: String,
    pub totp: String,
    /// When the person last signed in, as read and for `<time>`.
    pub last_sign_in: Option<(String, String)>,
    /// The person looking at the page: no actions on their own row.
    pub is_self: bool,
    pub disabled: bool,
    pub role_label: Mixed,
    /// The buttons' accessible names, each with the account's address:
    /// "Change the role of anna@example.org" (a page of such buttons is
    /// otherwise a list of the same words).
    pub role_button: String,
    pub enable_button: String,
    pub disable_button: String,
    pub delete_button: String,
    pub role_action: String,
    pub disable_action: String,
    pub enable_action: String,
    pub delete_href: String,
    /// The row the page's error is about.
    pub invalid: bool,
}

#[derive(Template)]
#[template(path = "admin/accounts.html")]
pub struct AccountsPage {
    pub ctx: AdminContext,
    lines: Vec<AccountLine>,
    pending: Vec<PendingLine>,
    pub done: Option<String>,
    /// Why the last action was refused.
    pub error: Option<String>,
    pub invite: InviteForm,
    /// Whether the two-step sign-in is required of everyone, and the
    /// setting's form.
    two_step_required: bool,
    two_step_action: &'static str,
}

impl AccountsPage {
    pub async fn new(state: &AppState, staff: &Staff, invalid: Option<i64>) -> Result<AccountsPage, AppError> {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Accounts));
        let now = state.config.clock.now();
        let lines = state
            .store
            .accounts()
            .await?
            .into_iter()
            .map(|account| line(&ctx, &account, staff.account_id, now, invalid))
            .collect();
        let pending =
            state.store.pending_invitations(now).await?.iter().map(|invitation| pending(&ctx, invitation)).collect();
        let invite = InviteForm::new(&ctx);
        let two_step_required = state.store.two_step_required().await?;
        Ok(AccountsPage {
            ctx,
            lines,
            pending,
            done: None,
            error: None,
            invite,
            two_step_required,
            two_step_action: admin::TWO_STEP_SETTING,
        })
    }
}

fn line(
    ctx: &AdminContext,
    account: &Account,
    me: i64,
    now: time::OffsetDateTime,
    invalid: Option<i64>,
) -> AccountLine {
    let email = account.email.to_string();
    let named = |id: &str| ctx.tr.format(id, &[("email", Arg::Text(email.clone().into()))]);
    let status = if account.disabled {
        "admin-account-disabled"
    } else if account.locked(now) {
        "admin-account-waiting"
    } else {
        "admin-account-active"
    };
    AccountLine {
        id: account.id,
        role: ctx.t(account.role.message_id()),
        roles: RoleChoice::all(ctx, account.role),
        status: ctx.t(status),
        totp: ctx.t(if account.totp_on { "admin-totp-on" } else { "admin-totp-off" }),
        last_sign_in: account.last_sign_in_at.map(|at| (ctx.when(at), datetime(at))),
        is_self: account.id == me,
        disabled: account.disabled,
        role_label: Mixed::message(&ctx.tr, "admin-accounts-role-of", &[], "email", Mixed::typed(email.as_str())),
        role_button: named("admin-accounts-change-role-of"),
        enable_button: named("admin-accounts-enable-of"),
        disable_button: named("admin-accounts-disable-of"),
        delete_button: named("admin-accounts-delete-of"),
        role_action: admin::account_action(account.id, "role"),
        disable_action: admin::account_action(account.id, "disable"),
        enable_action: admin::account_action(account.id, "enable"),
        delete_href: admin::account_action(account.id, "delete"),
        invalid: invalid == Some(account.id),
        email,
    }
}

/// An invitation waiting for its answer, as a row of its table shows it.
pub struct PendingLine {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub invited_by: String,
    /// When it was sent and when its link expires, as read and for `<time>`.
    pub sent: (String, String),
    pub expires: (String, String),
    pub resend_action: String,
    pub withdraw_action: String,
    /// The buttons' accessible names, each with the address.
    pub resend_button: String,
    pub withdraw_button: String,
}

fn pending(ctx: &AdminContext, invitation: &PendingInvitation) -> PendingLine {
    let email = invitation.email.clone();
    let named = |id: &str| ctx.tr.format(id, &[("email", Arg::Text(email.clone().into()))]);
    let role = Role::parse(&invitation.role).map_or_else(|| invitation.role.clone(), |role| ctx.t(role.message_id()));
    PendingLine {
        id: invitation.id,
        role,
        invited_by: invitation.invited_by.clone().unwrap_or_else(|| ctx.t("admin-audit-command-line")),
        sent: (ctx.when(invitation.created_at), datetime(invitation.created_at)),
        expires: (ctx.when(invitation.expires_at), datetime(invitation.expires_at)),
        resend_action: admin::invitation_action(invitation.id, "resend"),
        withdraw_action: admin::invitation_action(invitation.id, "withdraw"),
        resend_button: named("admin-invitation-resend-of"),
        withdraw_button: named("admin-invitation-withdraw-of"),
        email,
    }
}

/// A language as the invitation form offers it.
pub struct LangChoice {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

/// The invitation form of the accounts page, with what was typed and what
/// is wrong with it.
pub struct InviteForm {
    pub action: &'static str,
    pub email: String,
    pub email_error: Option<String>,
    pub roles: Vec<RoleChoice>,
    pub role_error: Option<String>,
    pub langs: Vec<LangChoice>,
    pub lang_error: Option<String>,
}

impl InviteForm {
    /// The empty form: an editor, in the admin's own language.
    pub fn new(ctx: &AdminContext) -> InviteForm {
        InviteForm {
            action: admin::INVITE,
            email: String::new(),
            email_error: None,
            roles: RoleChoice::all(ctx, Role::Editor),
            role_error: None,
            langs: Lang::ALL
                .into_iter()
                .map(|lang| LangChoice {
                    code: lang.code(),
                    label: ctx.t(if lang == Lang::Fr { "admin-lang-fr" } else { "admin-lang-en" }),
                    checked: lang == ctx.lang,
                })
                .collect(),
            lang_error: None,
        }
    }
}

#[derive(Deserialize)]
pub struct InviteFields {
    pub email: Option<String>,
    pub role: Option<String>,
    pub lang: Option<String>,
}

impl InviteFields {
    /// The form showing what was typed and chosen.
    pub fn show_in(&self, form: &mut InviteForm) {
        let typed = self.email.as_deref().unwrap_or("").trim();
        form.email = typed.chars().filter(|c| !c.is_control()).take(254).collect();
        let role = self.role.as_deref().and_then(Role::parse);
        for choice in &mut form.roles {
            choice.selected = Some(choice.code) == role.map(Role::as_str);
        }
        let lang = self.lang.as_deref().and_then(Lang::parse);
        for choice in &mut form.langs {
            choice.checked = Some(choice.code) == lang.map(Lang::code);
        }
    }
}
