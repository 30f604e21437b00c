//! Every address of the site, in both languages: pages, feeds, the
//! newsletter's actions. The one module that knows URLs; it imports nothing
//! else of the web layer, so that routes, handlers and templates all ask it.

use crate::{
    domain::Signatory,
    text::{i18n::Lang, pages::Prose},
};

/// A public page of the site, in whichever language. Knows its address in
/// both languages, so the switcher and hreflang links always agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    About,
    Aims,
    Pact,
    Directory,
    /// The directory drawn on a map of Europe.
    Map,
    /// A signatory's own page: its id and the slug of its name.
    Signatory {
        id: i64,
        slug: String,
    },
    Calendar,
    CalendarArchive,
    /// An event's own page, by its slug.
    Event {
        slug: String,
    },
    Newsletter,
    Privacy,
    Legal,
    Accessibility,
    /// How to reach the campaign's secretariat.
    Contact,
    /// Help for a child, and for an adult worried about one.
    Help,
    /// The list of news items (Actualités / News).
    News,
    /// A news item's own page: its slug.
    NewsItem {
        slug: String,
    },
}

impl From<Prose> for Page {
    /// The public page a prose text is the body of.
    fn from(prose: Prose) -> Page {
        match prose {
            Prose::About => Page::About,
            Prose::Aims => Page::Aims,
            Prose::Pact => Page::Pact,
            Prose::Privacy => Page::Privacy,
            Prose::Legal => Page::Legal,
            Prose::Accessibility => Page::Accessibility,
            Prose::Contact => Page::Contact,
            Prose::Help => Page::Help,
        }
    }
}

impl Page {
    /// Every page listed in the navigation, in order.
    pub const NAVIGATION: [Page; 7] =
        [Page::Home, Page::About, Page::Aims, Page::Pact, Page::Directory, Page::Calendar, Page::News];

    /// The pages whose address is `/{lang}/{section}`.
    pub const SECTIONS: [Page; 12] = [
        Page::About,
        Page::Aims,
        Page::Pact,
        Page::Directory,
        Page::Calendar,
        Page::News,
        Page::Newsletter,
        Page::Privacy,
        Page::Legal,
        Page::Accessibility,
        Page::Contact,
        Page::Help,
    ];

    /// The localized first segment after the language.
    fn section_slug(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Page::About, Lang::Fr) => "a-propos",
            (Page::About, Lang::En) => "about",
            (Page::Aims, Lang::Fr) => "buts-et-objectifs",
            (Page::Aims, Lang::En) => "campaign-aims",
            (Page::Pact, Lang::Fr) => "pacte",
            (Page::Pact, Lang::En) => "pact",
            (Page::Directory | Page::Map | Page::Signatory { .. }, Lang::Fr) => "adherents",
            (Page::Directory | Page::Map | Page::Signatory { .. }, Lang::En) => "members",
            (Page::Calendar | Page::CalendarArchive | Page::Event { .. }, Lang::Fr) => "calendrier",
            (Page::Calendar | Page::CalendarArchive | Page::Event { .. }, Lang::En) => "calendar",
            (Page::Newsletter, Lang::Fr) => "lettre-d-information",
            (Page::Newsletter, Lang::En) => "newsletter",
            (Page::Privacy, Lang::Fr) => "confidentialite",
            (Page::Privacy, Lang::En) => "privacy",
            (Page::Legal, Lang::Fr) => "mentions-legales",
            (Page::Legal, Lang::En) => "legal-notice",
            (Page::Accessibility, Lang::Fr) => "accessibilite",
            (Page::Accessibility, Lang::En) => "accessibility",
            (Page::Contact, _) => "contact",
            (Page::Help, Lang::Fr) => "aide",
            (Page::Help, Lang::En) => "help",
            (Page::News | Page::NewsItem { .. }, Lang::Fr) => "actualites",
            (Page::News | Page::NewsItem { .. }, Lang::En) => "news",
            (Page::Home, _) => "",
        }
    }

    /// The page's address in a language.
    pub fn path(&self, lang: Lang) -> String {
        let section = self.section_slug(lang);
        match self {
            Page::Home => format!("/{lang}/"),
            Page::Signatory { id, slug } if slug.is_empty() => format!("/{lang}/{section}/{id}"),
            Page::Signatory { id, slug } => format!("/{lang}/{section}/{id}-{slug}"),
            Page::CalendarArchive => format!("/{lang}/{section}/{}", archive_slug(lang)),
            Page::Map => format!("/{lang}/{section}/{}", map_slug(lang)),
            Page::Event { slug } | Page::NewsItem { slug } => format!("/{lang}/{section}/{slug}"),
            _ => format!("/{lang}/{section}"),
        }
    }

    /// A section page's address with the other language's slug, such as
    /// `/fr/about`, which leads to `/fr/a-propos`.
    pub fn path_with_other_slug(&self, lang: Lang) -> String {
        format!("/{lang}/{}", self.section_slug(lang.other()))
    }

    /// The route of the pages under a section, `/fr/adherents/{item}`:
    /// signatories, events (and their `.ics` files), news items.
    pub fn item_route(&self, lang: Lang) -> String {
        format!("/{lang}/{}/{{item}}", self.section_slug(lang))
    }

    /// The navigation entry a page belongs to.
    pub fn section(&self) -> Page {
        match self {
            Page::Signatory { .. } | Page::Map => Page::Directory,
            Page::CalendarArchive | Page::Event { .. } => Page::Calendar,
            Page::NewsItem { .. } => Page::News,
            page => page.clone(),
        }
    }

    /// The Fluent message that names the page in the navigation.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Page::Home => "nav-home",
            Page::About => "nav-about",
            Page::Aims => "nav-aims",
            Page::Pact => "nav-pact",
            Page::Directory | Page::Map | Page::Signatory { .. } => "nav-directory",
            Page::Calendar | Page::CalendarArchive | Page::Event { .. } => "nav-calendar",
            Page::Newsletter => "newsletter-title",
            Page::Privacy => "privacy-title",
            Page::Legal => "legal-title",
            Page::Accessibility => "accessibility-title",
            Page::Contact => "contact-title",
            Page::Help => "help-title",
            Page::News | Page::NewsItem { .. } => "nav-news",
        }
    }
}

/// A signatory's own page.
pub fn signatory_page(signatory: &Signatory) -> Page {
    Page::Signatory { id: signatory.id, slug: signatory.details.slug() }
}

/// The last segment of the directory's map: `/fr/adherents/carte`.
pub fn map_slug(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "carte",
        Lang::En => "map",
    }
}

/// The last segment of the calendar's archive: `/fr/calendrier/archives`.
pub fn archive_slug(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "archives",
        Lang::En => "archive",
    }
}

/// The language's iCalendar feed: `/fr/calendrier.ics`.
pub fn calendar_feed(lang: Lang) -> String {
    format!("{}.ics", Page::Calendar.path(lang))
}

/// The counter's history as open data: `/fr/adherents/historique.csv`.
pub fn history_csv(lang: Lang) -> String {
    format!("{}/{}", Page::Directory.path(lang), history_file(lang))
}

fn history_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "historique.csv",
        Lang::En => "history.csv",
    }
}

/// The extension of an event's own iCalendar file, `/fr/calendrier/{slug}.ics`.
pub const EVENT_ICS_SUFFIX: &str = ".ics";

/// The language's news feed: `/fr/actualites.rss`.
pub fn news_feed(lang: Lang) -> String {
    format!("{}.rss", Page::News.path(lang))
}

/// The news items' images, named by the hash of their bytes.
pub const MEDIA_ROUTE: &str = "/media/{file}";

/// An image's address.
pub fn media(hash: &str, extension: &str) -> String {
    format!("/media/{hash}.{extension}")
}

/// The embedded static files.
pub const STATIC_ROUTE: &str = "/static/{file}";

/// A static file's address under a name.
pub fn static_file(name: &str) -> String {
    format!("/static/{name}")
}

/// The open data: the signatories as CSV and JSON.
pub const OPEN_DATA_CSV: &str = "/open-data/signatories.csv";
pub const OPEN_DATA_JSON: &str = "/open-data/signatories.json";
pub const SITEMAP: &str = "/sitemap.xml";
pub const ROBOTS: &str = "/robots.txt";
pub const HEALTH: &str = "/healthz";

/// The back office, under `/admin`: one address per page, without a
/// language, since each person reads it in the language they chose.
pub mod admin {
    /// `/admin`, which leads to the dashboard.
    pub const ROOT: &str = "/admin";
    /// The dashboard.
    pub const HOME: &str = "/admin/";
    pub const SIGN_IN: &str = "/admin/sign-in";
    pub const SIGN_OUT: &str = "/admin/sign-out";
    pub const SUBSCRIBERS: &str = "/admin/subscribers";
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

    /// An invitation's link, as its mail carries it (after the origin).
    pub fn invitation(token: &str) -> String {
        format!("/admin/invitation/{token}")
    }

    /// What can be done to an account on the accounts page, by its number:
    /// `/admin/accounts/12/role`.
    pub fn account_action(id: i64, action: &str) -> String {
        format!("{ACCOUNTS}/{id}/{action}")
    }

    pub const SIGNATORIES: &str = "/admin/signatories";
    pub const SIGNATORIES_NEW: &str = "/admin/signatories/new";
    pub const SIGNATORIES_EXPORT: &str = "/admin/signatories/export.csv";
    pub const SIGNATORIES_IMPORT: &str = "/admin/signatories/import";
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

    /// Whether an address is the back office's.
    pub fn contains(path: &str) -> bool {
        path == ROOT || path.starts_with("/admin/")
    }

    /// An area of the back office, as its navigation lists them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Area {
        Dashboard,
        Signatories,
        Events,
        Subscribers,
        Audit,
        Accounts,
        Account,
        Pages,
        News,
    }

    impl Area {
        /// In the navigation's order.
        pub const ALL: [Area; 9] = [
            Area::Dashboard,
            Area::Signatories,
            Area::Events,
            Area::News,
            Area::Pages,
            Area::Subscribers,
            Area::Audit,
            Area::Accounts,
            Area::Account,
        ];

        pub fn path(self) -> &'static str {
            match self {
                Area::Dashboard => HOME,
                Area::Signatories => SIGNATORIES,
                Area::Events => EVENTS,
                Area::Subscribers => SUBSCRIBERS,
                Area::Audit => AUDIT,
                Area::Accounts => ACCOUNTS,
                Area::Account => ACCOUNT,
                Area::Pages => PAGES,
                Area::News => NEWS,
            }
        }

        /// The Fluent message that names the area.
        pub fn label(self) -> &'static str {
            match self {
                Area::Dashboard => "admin-nav-dashboard",
                Area::Signatories => "admin-nav-signatories",
                Area::Events => "admin-nav-events",
                Area::Subscribers => "admin-nav-subscribers",
                Area::Audit => "admin-nav-audit",
                Area::Accounts => "admin-nav-accounts",
                Area::Account => "admin-nav-account",
                Area::Pages => "admin-nav-pages",
                Area::News => "admin-nav-news",
            }
        }

        /// Whether only admins may see it.
        pub fn admins_only(self) -> bool {
            matches!(self, Area::Audit | Area::Accounts)
        }
    }
}

/// Whether answering at an address may need the database: everything but
/// the static files, the health check (which says so itself), robots.txt
/// and the redirects to a language's home page.
pub fn needs_database(path: &str) -> bool {
    let home_redirect = path == "/" || Lang::ALL.iter().any(|lang| path.strip_prefix('/') == Some(lang.code()));
    !(home_redirect || path.starts_with("/static/") || path == HEALTH || path == ROBOTS)
}

/// The address of the Prometheus metrics, served only on the metrics
/// listener (`--metrics-listen`), never on the site's own address.
pub const METRICS: &str = "/metrics";

/// What kind of address a path is, in one of a few fixed words, for the
/// metrics and the page cache's policy (`page_cache::policy`): every
/// signatory's page is `signatory`, every news item's `news_item`, and a
/// path the site has no route for is `other`, so that the number of labels
/// stays the same whatever paths visitors ask for.
pub fn route_label(path: &str) -> &'static str {
    match path {
        "/" => "redirect",
        HEALTH => "healthz",
        SITEMAP => "sitemap",
        ROBOTS => "robots",
        OPEN_DATA_CSV | OPEN_DATA_JSON => "open_data",
        _ if path.strip_prefix("/static/").is_some_and(one_segment) => "static",
        _ if path.strip_prefix("/media/").is_some_and(one_segment) => "media",
        _ if admin::contains(path) => "admin",
        _ => Lang::ALL.into_iter().find_map(|lang| localized_route_label(lang, path)).unwrap_or("other"),
    }
}

/// The label of a path under `/{lang}`, as [`route_label`] gives it, or
/// `None` when the path is not in that language.
fn localized_route_label(lang: Lang, path: &str) -> Option<&'static str> {
    let rest = path.strip_prefix('/')?.strip_prefix(lang.code())?;
    let Some(rest) = rest.strip_prefix('/') else {
        return rest.is_empty().then_some("redirect");
    };
    if rest.is_empty() {
        return Some("home");
    }
    if rest.strip_suffix(".rss") == Some(Page::News.section_slug(lang)) {
        return Some("feed_rss");
    }
    if rest.strip_suffix(".ics") == Some(Page::Calendar.section_slug(lang)) {
        return Some("feed_ical");
    }
    let (first, item) = match rest.split_once('/') {
        Some((first, item)) => (first, Some(item)),
        None => (rest, None),
    };
    let newsletter_link = |item: &str| {
        [NewsletterAction::Confirm, NewsletterAction::Unsubscribe].into_iter().any(|action| {
            item.strip_prefix(action.slug(lang)).and_then(|token| token.strip_prefix('/')).is_some_and(one_segment)
        })
    };
    let Some(section) = Page::SECTIONS.into_iter().find(|page| page.section_slug(lang) == first) else {
        let other_slug = Page::SECTIONS.iter().any(|page| page.section_slug(lang.other()) == first);
        return Some(if other_slug && item.is_none() { "redirect" } else { "other" });
    };
    Some(match (section, item) {
        (
            Page::About
            | Page::Aims
            | Page::Pact
            | Page::Privacy
            | Page::Legal
            | Page::Accessibility
            | Page::Contact
            | Page::Help,
            None,
        ) => "content",
        (Page::Directory, None) => "directory",
        (Page::Directory, Some(item)) if item == map_slug(lang) => "map",
        (Page::Directory, Some(item)) if item == history_file(lang) => "history",
        (Page::Directory, Some(item)) if one_segment(item) => "signatory",
        (Page::Calendar, None) => "calendar",
        (Page::Calendar, Some(item)) if item == archive_slug(lang) => "calendar",
        (Page::Calendar, Some(item)) if one_segment(item) => "event",
        (Page::News, None) => "news",
        (Page::News, Some(item)) if one_segment(item) => "news_item",
        (Page::Newsletter, None) => "newsletter",
        (Page::Newsletter, Some(item)) if item == NewsletterAction::Leave.slug(lang) || newsletter_link(item) => {
            "newsletter"
        }
        _ => "other",
    })
}

/// Whether a rest of a path is one non-empty segment: `lyon`, not `a/b`.
fn one_segment(rest: &str) -> bool {
    !rest.is_empty() && !rest.contains('/')
}

/// What a newsletter address does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsletterAction {
    /// Leave by address (a form on the newsletter page).
    Leave,
    /// A mail's link to confirm a subscription.
    Confirm,
    /// A mail's link to unsubscribe.
    Unsubscribe,
}

impl NewsletterAction {
    fn slug(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, NewsletterAction::Leave) => "quitter",
            (Lang::En, NewsletterAction::Leave) => "leave",
            (Lang::Fr, NewsletterAction::Confirm) => "confirmer",
            (Lang::En, NewsletterAction::Confirm) => "confirm",
            (Lang::Fr, NewsletterAction::Unsubscribe) => "desabonner",
            (Lang::En, NewsletterAction::Unsubscribe) => "unsubscribe",
        }
    }

    /// `/fr/lettre-d-information/quitter`.
    pub fn path(self, lang: Lang) -> String {
        format!("{}/{}", Page::Newsletter.path(lang), self.slug(lang))
    }

    /// A mail link's address with its token.
    pub fn token_path(self, lang: Lang, token: &str) -> String {
        format!("{}/{token}", self.path(lang))
    }

    /// The route of a mail link: `/fr/lettre-d-information/confirmer/{token}`.
    pub fn token_route(self, lang: Lang) -> String {
        format!("{}/{{token}}", self.path(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_both_languages() {
        assert_eq!(Page::Home.path(Lang::Fr), "/fr/");
        assert_eq!(Page::About.path(Lang::Fr), "/fr/a-propos");
        assert_eq!(Page::About.path_with_other_slug(Lang::Fr), "/fr/about");
        assert_eq!(Page::Signatory { id: 7, slug: "lyon".into() }.path(Lang::En), "/en/members/7-lyon");
        assert_eq!(Page::Signatory { id: 7, slug: String::new() }.path(Lang::En), "/en/members/7");
        assert_eq!(Page::CalendarArchive.path(Lang::Fr), "/fr/calendrier/archives");
        assert_eq!(Page::Directory.item_route(Lang::En), "/en/members/{item}");
        assert_eq!(calendar_feed(Lang::En), "/en/calendar.ics");
        assert_eq!(news_feed(Lang::Fr), "/fr/actualites.rss");
        assert_eq!(NewsletterAction::Confirm.token_route(Lang::Fr), "/fr/lettre-d-information/confirmer/{token}");
        assert_eq!(NewsletterAction::Leave.path(Lang::En), "/en/newsletter/leave");
    }

    #[test]
    fn every_route_has_its_label_in_both_languages() {
        let item = |page: Page, lang: Lang, item: &str| page.item_route(lang).replace("{item}", item);
        for lang in Lang::ALL {
            let cases = [
                (format!("/{lang}"), "redirect"),
                (Page::Home.path(lang), "home"),
                (Page::About.path(lang), "content"),
                (Page::Aims.path(lang), "content"),
                (Page::Pact.path(lang), "content"),
                (Page::Privacy.path(lang), "content"),
                (Page::Legal.path(lang), "content"),
                (Page::Accessibility.path(lang), "content"),
                (Page::About.path_with_other_slug(lang), "redirect"),
                (Page::Directory.path(lang), "directory"),
                (Page::Signatory { id: 7, slug: "lyon".into() }.path(lang), "signatory"),
                (Page::Map.path(lang), "map"),
                (history_csv(lang), "history"),
                (Page::Calendar.path(lang), "calendar"),
                (Page::CalendarArchive.path(lang), "calendar"),
                (Page::Event { slug: "forum-2027".into() }.path(lang), "event"),
                (item(Page::Calendar, lang, "forum-2027.ics"), "event"),
                (calendar_feed(lang), "feed_ical"),
                (Page::News.path(lang), "news"),
                (Page::NewsItem { slug: "2026-03-02-valmorin-joins".into() }.path(lang), "news_item"),
                (news_feed(lang), "feed_rss"),
                (Page::Newsletter.path(lang), "newsletter"),
                (NewsletterAction::Leave.path(lang), "newsletter"),
                (NewsletterAction::Confirm.token_path(lang, "ab12"), "newsletter"),
                (NewsletterAction::Unsubscribe.token_path(lang, "ab12"), "newsletter"),
            ];
            for (path, label) in cases {
                assert_eq!(route_label(&path), label, "{path}");
            }
        }
        assert_eq!(route_label("/"), "redirect");
        assert_eq!(route_label(HEALTH), "healthz");
        assert_eq!(route_label(SITEMAP), "sitemap");
        assert_eq!(route_label(ROBOTS), "robots");
        assert_eq!(route_label(OPEN_DATA_CSV), "open_data");
        assert_eq!(route_label(OPEN_DATA_JSON), "open_data");
        assert_eq!(route_label(&static_file("site.css")), "static");
        assert_eq!(route_label(&media("0123abcd", "jpg")), "media");
        assert_eq!(route_label(admin::ROOT), "admin");
        assert_eq!(route_label(&admin::subscriber(12)), "admin");
        assert_eq!(route_label("/administration"), "other");
    }

    #[test]
    fn any_other_path_is_other() {
        let long = format!("/fr/adherents/{}/x", "a".repeat(10_000));
        let hostile = [
            "",
            "//",
            "/metrics",
            "/fr//",
            "/fr/adherents/",
            "/fr/adherents/7/edit",
            "/en/members/../../etc/passwd",
            "/fr/actualites.rss/x",
            "/fr/calendrier/archives/2026",
            "/fr/lettre-d-information/confirmer",
            "/fr/lettre-d-information/confirmer/",
            "/fr/lettre-d-information/confirm/ab12",
            "/fr/lettre-d-information/desabonner/ab12/x",
            "/fr/about/x",
            "/de/",
            "/FR/",
            "/frx/adherents",
            "/fr%2Fadherents",
            "/static/",
            "/static/a/b",
            "/media/",
            "/healthz/",
            "/wp-admin/install.php",
            "/fr/\u{0}",
            &long,
        ];
        for path in hostile {
            assert_eq!(route_label(path), "other", "{path}");
        }
    }

    #[test]
    fn no_section_slug_is_shared_between_languages() {
        for page in Page::SECTIONS {
            // "contact" is the same word in both: one address, no redirect.
            if page != Page::Contact {
                assert_ne!(page.path(Lang::Fr), page.path_with_other_slug(Lang::Fr), "{page:?}");
            }
            for other in Page::SECTIONS.into_iter().filter(|other| *other != page) {
                assert_ne!(page.path(Lang::Fr), other.path_with_other_slug(Lang::Fr), "{page:?} {other:?}");
            }
        }
    }
}
