//! What every back-office template carries (see `templates/admin/base.html`):
//! the person's language and localizer, the navigation of the areas they
//! may see, and their session's form token for the sign-out button.

use time::{OffsetDateTime, UtcOffset};

use super::NavLink;
use crate::{
    domain::TimeZone,
    text::i18n::{Arg, Lang, Tr},
    web::{paths::admin::Area, staff::Staff, state::AppState},
};

/// The shell of a back-office page.
pub struct AdminContext {
    pub tr: Tr,
    pub lang: Lang,
    pub stylesheet: String,
    pub favicon: String,
    /// The areas the person may see; none before signing in.
    pub nav: Vec<NavLink>,
    /// Who is signed in, for the header.
    pub staff_email: Option<String>,
    /// The token of the page's forms: the session's once signed in, else
    /// the public forms' (the sign-in form).
    pub csrf: String,
    pub sign_out_action: &'static str,
    pub home_href: &'static str,
    /// Said at the top of the page: that a form sent too late was not
    /// taken, and what of it the page shows again.
    pub notice: Option<String>,
    /// The secretariat's time zone, which the page's times are in.
    pub zone: TimeZone,
}

impl AdminContext {
    /// The shell of a page for someone signed in; `current` is the area
    /// the page belongs to, if any.
    pub fn signed_in(state: &AppState, staff: &Staff, current: Option<Area>) -> AdminContext {
        let mut context = AdminContext::signed_out(state, staff.lang);
        context.nav = Area::ALL
            .into_iter()
            .filter(|area| staff.is_admin() || !area.admins_only())
            .map(|area| NavLink {
                href: area.path().to_owned(),
                label: context.tr.t(area.label()),
                current: Some(area) == current,
            })
            .collect();
        context.staff_email = Some(staff.email.to_string());
        context.csrf = staff.form_token(state);
        context.notice = staff.draft.as_ref().map(|draft| {
            context.tr.t(match (draft.has_text(), draft.files_left) {
                (true, false) => "admin-form-restored",
                (true, true) => "admin-form-restored-files",
                (false, _) => "admin-form-not-sent",
            })
        });
        context
    }

    /// The shell of a page before signing in.
    pub fn signed_out(state: &AppState, lang: Lang) -> AdminContext {
        AdminContext {
            tr: Tr::new(lang, state.locales.clone()),
            lang,
            stylesheet: state.assets.url("style.css"),
            favicon: state.assets.url("favicon.svg"),
            nav: Vec::new(),
            staff_email: None,
            csrf: state.form_key.token(state.config.clock.now()),
            sign_out_action: crate::web::paths::admin::SIGN_OUT,
            home_href: crate::web::paths::admin::HOME,
            notice: None,
            zone: state.config.time_zone.clone(),
        }
    }

    /// Shorthand for templates: `{{ ctx.t("admin-title") }}`.
    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A message that names the secretariat's time zone (`$zone`).
    pub fn t_zone(&self, id: &str) -> String {
        self.tr.format(id, &[("zone", Arg::Text(self.zone.name().to_owned().into()))])
    }

    /// An instant as staff read it, in the secretariat's time zone.
    pub fn when(&self, at: OffsetDateTime) -> String {
        when(&self.tr, &self.zone, at)
    }
}

/// An instant as staff read it, in the secretariat's time zone, named:
/// "25 novembre 2026 à 13 h 00 (Europe/Paris)".
pub fn when(tr: &Tr, zone: &TimeZone, at: OffsetDateTime) -> String {
    let at = zone.local(at);
    tr.format(
        "admin-when",
        &[
            ("date", Arg::Text(tr.date(at.date()).into())),
            ("time", Arg::Text(tr.time_of_day(at.time()).into())),
            ("zone", Arg::Text(zone.name().to_owned().into())),
        ],
    )
}

/// An instant for `<time datetime>`.
pub fn datetime(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}
