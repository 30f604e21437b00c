//! The back office, under `/admin`: one address per page, without a
//! language, since each person reads it in the language they chose.

/// `/admin`, which leads to the dashboard.
pub const ROOT: &str = "/admin";
/// The dashboard.
pub const HOME: &str = "/admin/";
pub const SIGN_IN: &str = "/admin/sign-in";
pub const SIGN_OUT: &str = "/admin/sign-out";
/// The sample data, and its removal.
pub const SAMPLE: &str = "/admin/sample";
pub const SUBSCRIBERS: &str = "/admin/subscribers";
/// The applications to join the Pact awaiting review.
pub const APPLICATIONS: &str = "/admin/applications";
pub const APPLICATION_ROUTE: &str = "/admin/applications/{id}";
pub const APPLICATION_DOCUMENT_ROUTE: &str = "/admin/applications/{id}/document.pdf";
pub const APPLICATION_APPROVE_ROUTE: &str = "/admin/applications/{id}/approve";
pub const APPLICATION_DECLINE_ROUTE: &str = "/admin/applications/{id}/decline";

/// An application's page, or one of its actions (`document.pdf`,
/// `approve`, `decline`) with `action`.
pub fn application(id: i64, action: Option<&str>) -> String {
    match action {
        Some(action) => format!("{APPLICATIONS}/{id}/{action}"),
        None => format!("{APPLICATIONS}/{id}"),
    }
}
pub const SUBSCRIBERS_EXPORT: &str = "/admin/subscribers/export.csv";
pub const SUBSCRIBER_ROUTE: &str = "/admin/subscribers/{id}";
pub const SUBSCRIBER_ERASE_ROUTE: &str = "/admin/subscribers/{id}/erase";
pub const ACCOUNT: &str = "/admin/account";
pub const ACCOUNT_PASSWORD: &str = "/admin/account/password";
pub const ACCOUNT_LANGUAGE: &str = "/admin/account/language";
pub const AUDIT: &str = "/admin/audit";
pub const ACCOUNTS: &str = "/admin/accounts";
pub const ACCOUNT_ROLE_ROUTE: &str = "/admin/accounts/{id}/role";
pub const ACCOUNT_DISABLE_ROUTE: &str = "/admin/accounts/{id}/disable";
pub const ACCOUNT_ENABLE_ROUTE: &str = "/admin/accounts/{id}/enable";
pub const ACCOUNT_DELETE_ROUTE: &str = "/admin/accounts/{id}/delete";
pub const INVITE: &str = "/admin/accounts/invite";
pub const INVITATION_ROUTE: &str = "/admin/invitation/{token}";
pub const INVITATION_RESEND_ROUTE: &str = "/admin/accounts/invitations/{id}/resend";
pub const INVITATION_WITHDRAW_ROUTE: &str = "/admin/accounts/invitations/{id}/withdraw";

/// An invitation's link, as its mail carries it (after the origin).
pub fn invitation(token: &str) -> String {
    format!("/admin/invitation/{token}")
}

/// What can be done to an account on the accounts page, by its number:
/// `/admin/accounts/12/role`.
pub fn account_action(id: i64, action: &str) -> String {
    format!("{ACCOUNTS}/{id}/{action}")
}

/// What can be done to a pending invitation, by its number:
/// `/admin/accounts/invitations/3/resend`.
pub fn invitation_action(id: i64, action: &str) -> String {
    format!("{ACCOUNTS}/invitations/{id}/{action}")
}

pub const SIGNATORIES: &str = "/admin/signatories";
pub const SIGNATORIES_NEW: &str = "/admin/signatories/new";
pub const SIGNATORIES_EXPORT: &str = "/admin/signatories/export.csv";
pub const SIGNATORIES_IMPORT: &str = "/admin/signatories/import";
/// A CSV file to fill in, in the person's language.
pub const SIGNATORIES_TEMPLATE: &str = "/admin/signatories/import/template.csv";
/// Where a CSV file is uploaded for its preview (a larger body allowed).
pub const SIGNATORIES_PREVIEW: &str = "/admin/signatories/import/preview";
/// Where a previewed file is applied (a larger body allowed).
pub const SIGNATORIES_APPLY: &str = "/admin/signatories/import/apply";
pub const SIGNATORY_ROUTE: &str = "/admin/signatories/{id}";
pub const SIGNATORY_DELETE_ROUTE: &str = "/admin/signatories/{id}/delete";

/// A signatory's form in the back office.
pub fn signatory(id: i64) -> String {
    format!("{SIGNATORIES}/{id}")
}

/// The page that confirms a signatory's deletion, and its form's target.
pub fn signatory_delete(id: i64) -> String {
    format!("{SIGNATORIES}/{id}/delete")
}

pub const NEWS: &str = "/admin/news";
/// The new item's form; it posts there too (multipart, a larger body).
pub const NEWS_NEW: &str = "/admin/news/new";
/// An item's form; it posts there too (multipart, a larger body).
pub const NEWS_ITEM_ROUTE: &str = "/admin/news/{id}";
pub const NEWS_DELETE_ROUTE: &str = "/admin/news/{id}/delete";

/// A news item's private preview link: made (replacing the one it had),
/// and withdrawn.
pub const NEWS_PREVIEW_LINK_ROUTE: &str = "/admin/news/{id}/preview-link";
pub const NEWS_PREVIEW_WITHDRAW_ROUTE: &str = "/admin/news/{id}/preview-link/withdraw";

/// A news item's form in the back office.
pub fn news_item(id: i64) -> String {
    format!("{NEWS}/{id}")
}

/// What can be done to a news item: `/admin/news/12/delete`.
pub fn news_action(id: i64, action: &str) -> String {
    format!("{NEWS}/{id}/{action}")
}

/// A subscriber's record.
pub fn subscriber(id: i64) -> String {
    format!("{SUBSCRIBERS}/{id}")
}

/// The page that confirms a subscriber's erasure, and its form's target.
pub fn subscriber_erase(id: i64) -> String {
    format!("{SUBSCRIBERS}/{id}/erase")
}

/// The second step of a sign-in, for an account with the two-step
/// sign-in on.
pub const SIGN_IN_TWO_STEP: &str = "/admin/sign-in/two-step";
/// My account's two-step sign-in: set up, confirmed, turned off, its
/// recovery codes renewed.
pub const TWO_STEP_START: &str = "/admin/account/two-step";
pub const TWO_STEP_CONFIRM: &str = "/admin/account/two-step/confirm";
pub const TWO_STEP_OFF: &str = "/admin/account/two-step/off";
pub const RECOVERY_CODES: &str = "/admin/account/two-step/recovery-codes";
/// Where the person is sent while an admin requires the two-step
/// sign-in and theirs is off.
pub const TWO_STEP_REQUIRED_NOTICE: &str = "/admin/account?two-step=required#two-step";
/// The admins' setting: the two-step sign-in required of everyone.
pub const TWO_STEP_SETTING: &str = "/admin/accounts/two-step-required";

/// Whether an address stays open to someone signed in while the
/// two-step sign-in is required and theirs is off: their account and
/// its set-up, signing in and out, an invitation.
pub fn open_before_two_step(path: &str) -> bool {
    path == ACCOUNT
        || path.starts_with("/admin/account/")
        || path == SIGN_IN
        || path.starts_with("/admin/sign-in/")
        || path == SIGN_OUT
        || path.starts_with("/admin/invitation/")
}

pub const PAGES: &str = "/admin/pages";
pub const PAGE_ROUTE: &str = "/admin/pages/{page}/{lang}";
pub const PAGE_PREVIEW_ROUTE: &str = "/admin/pages/{page}/{lang}/preview";
pub const PAGE_REVISIONS_ROUTE: &str = "/admin/pages/{page}/{lang}/revisions";
pub const PAGE_REVISION_ROUTE: &str = "/admin/pages/{page}/{lang}/revisions/{revision}";
pub const PAGE_COMPARE_ROUTE: &str = "/admin/pages/{page}/{lang}/revisions/{revision}/compare";
pub const PAGE_RESTORE_ROUTE: &str = "/admin/pages/{page}/{lang}/revisions/{revision}/restore";
/// How the bundled text, a page's first revision, is named in addresses.
pub const BUNDLED_REVISION: &str = "bundled";

/// A prose page's form in a language: `/admin/pages/about/fr`; `rest`
/// is empty or what follows, like `/revisions`.
pub fn page(key: &str, lang: crate::text::i18n::Lang, rest: &str) -> String {
    format!("{PAGES}/{key}/{lang}{rest}")
}

/// A revision of a prose page (none: the bundled text), and what
/// follows (`""`, `/compare`, `/restore`).
pub fn page_revision(key: &str, lang: crate::text::i18n::Lang, revision: Option<i64>, rest: &str) -> String {
    match revision {
        Some(id) => format!("{PAGES}/{key}/{lang}/revisions/{id}{rest}"),
        None => format!("{PAGES}/{key}/{lang}/revisions/{BUNDLED_REVISION}{rest}"),
    }
}

pub const EVENTS: &str = "/admin/events";
pub const EVENTS_NEW: &str = "/admin/events/new";
pub const EVENT_ROUTE: &str = "/admin/events/{id}";
pub const EVENT_POSTPONE_ROUTE: &str = "/admin/events/{id}/postpone";
pub const EVENT_CANCEL_ROUTE: &str = "/admin/events/{id}/cancel";
pub const EVENT_DELETE_ROUTE: &str = "/admin/events/{id}/delete";

/// An event's form in the back office.
pub fn event(id: i64) -> String {
    format!("{EVENTS}/{id}")
}

/// What can be done to an event besides editing it, by its number:
/// `/admin/events/12/postpone`, `…/cancel`, `…/delete`.
pub fn event_action(id: i64, action: &str) -> String {
    format!("{EVENTS}/{id}/{action}")
}

/// The newsletter's issues.
pub const NEWSLETTER: &str = "/admin/newsletter";
pub const NEWSLETTER_NEW: &str = "/admin/newsletter/new";
pub const NEWSLETTER_ISSUE_ROUTE: &str = "/admin/newsletter/{id}";
pub const NEWSLETTER_DELETE_ROUTE: &str = "/admin/newsletter/{id}/delete";
/// An issue's mail in a language, as its HTML part alone, for the preview's
/// frame.
pub const NEWSLETTER_PREVIEW_ROUTE: &str = "/admin/newsletter/{id}/preview/{lang}";
pub const NEWSLETTER_TEST_ROUTE: &str = "/admin/newsletter/{id}/test";
pub const NEWSLETTER_SEND_ROUTE: &str = "/admin/newsletter/{id}/send";
pub const NEWSLETTER_SCHEDULE_ROUTE: &str = "/admin/newsletter/{id}/schedule";
pub const NEWSLETTER_UNSCHEDULE_ROUTE: &str = "/admin/newsletter/{id}/unschedule";
pub const NEWSLETTER_PAUSE_ROUTE: &str = "/admin/newsletter/{id}/pause";
pub const NEWSLETTER_RESUME_ROUTE: &str = "/admin/newsletter/{id}/resume";

/// An issue's page in the back office.
pub fn newsletter_issue(id: i64) -> String {
    format!("{NEWSLETTER}/{id}")
}

/// What can be done to an issue: `/admin/newsletter/12/send`, `…/test`.
pub fn newsletter_action(id: i64, action: &str) -> String {
    format!("{NEWSLETTER}/{id}/{action}")
}

/// An issue's mail in a language, for the preview's frame.
pub fn newsletter_preview(id: i64, lang: crate::text::i18n::Lang) -> String {
    format!("{NEWSLETTER}/{id}/preview/{lang}")
}

/// The trash: deleted signatories, events and news items, kept 30 days.
pub const TRASH: &str = "/admin/trash";
/// Where an admin empties it (a confirmation, then its form's target).
pub const TRASH_EMPTY: &str = "/admin/trash/empty";
pub const TRASH_RESTORE_ROUTE: &str = "/admin/trash/{id}/restore";
pub const TRASH_ERASE_ROUTE: &str = "/admin/trash/{id}/erase";

/// What can be done to an item of the trash: `/admin/trash/12/restore`,
/// `…/erase`.
pub fn trash_action(id: i64, action: &str) -> String {
    format!("{TRASH}/{id}/{action}")
}

/// Whether an address is the back office's.
pub fn contains(path: &str) -> bool {
    path == ROOT || path.starts_with("/admin/")
}

/// An area of the back office, as its navigation lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Dashboard,
    Signatories,
    Applications,
    Events,
    Subscribers,
    Audit,
    Accounts,
    Account,
    Pages,
    News,
    Newsletter,
    Trash,
}

impl Area {
    /// In the navigation's order.
    pub const ALL: [Area; 12] = [
        Area::Dashboard,
        Area::Signatories,
        Area::Applications,
        Area::Events,
        Area::News,
        Area::Newsletter,
        Area::Pages,
        Area::Trash,
        Area::Subscribers,
        Area::Audit,
        Area::Accounts,
        Area::Account,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Area::Dashboard => HOME,
            Area::Signatories => SIGNATORIES,
            Area::Applications => APPLICATIONS,
            Area::Events => EVENTS,
            Area::Subscribers => SUBSCRIBERS,
            Area::Audit => AUDIT,
            Area::Accounts => ACCOUNTS,
            Area::Account => ACCOUNT,
            Area::Pages => PAGES,
            Area::News => NEWS,
            Area::Newsletter => NEWSLETTER,
            Area::Trash => TRASH,
        }
    }

    /// The Fluent message that names the area.
    pub fn label(self) -> &'static str {
        match self {
            Area::Dashboard => "admin-nav-dashboard",
            Area::Signatories => "admin-nav-signatories",
            Area::Applications => "applications-nav",
            Area::Events => "admin-nav-events",
            Area::Subscribers => "admin-nav-subscribers",
            Area::Audit => "admin-nav-audit",
            Area::Accounts => "admin-nav-accounts",
            Area::Account => "admin-nav-account",
            Area::Pages => "admin-nav-pages",
            Area::News => "admin-nav-news",
            Area::Newsletter => "admin-nav-newsletter",
            Area::Trash => "admin-nav-trash",
        }
    }

    /// Whether only admins may see it: the subscribers' addresses are
    /// personal data, which only those who need them see.
    pub fn admins_only(self) -> bool {
        matches!(self, Area::Audit | Area::Accounts | Area::Subscribers)
    }
}
