//! The public site's addresses, in both languages: its pages, feeds,
//! files and the newsletter's actions.

use crate::{
    domain::{NewEvent, Signatory},
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
    /// An event's own page, by its slug in each language.
    Event {
        fr: String,
        en: String,
    },
    Newsletter,
    /// The newsletter's issues whose sending has begun.
    NewsletterArchive,
    /// An issue's own page in the archive: its id.
    NewsletterIssue {
        id: i64,
    },
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

    /// Every public page of a fixed address, in the sitemap's order: the
    /// navigation's, the map and the calendar's archive, then the other
    /// sections, then the newsletter's archive.
    pub fn fixed() -> impl Iterator<Item = Page> {
        let others = Page::SECTIONS.into_iter().filter(|page| !Page::NAVIGATION.contains(page));
        Page::NAVIGATION
            .into_iter()
            .chain([Page::Map, Page::CalendarArchive])
            .chain(others)
            .chain([Page::NewsletterArchive])
    }

    /// The localized first segment after the language.
    pub(super) fn section_slug(&self, lang: Lang) -> &'static str {
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
            (Page::Newsletter | Page::NewsletterArchive | Page::NewsletterIssue { .. }, Lang::Fr) => {
                "lettre-d-information"
            }
            (Page::Newsletter | Page::NewsletterArchive | Page::NewsletterIssue { .. }, Lang::En) => "newsletter",
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
            Page::CalendarArchive | Page::NewsletterArchive => format!("/{lang}/{section}/{}", archive_slug(lang)),
            Page::NewsletterIssue { id } => format!("/{lang}/{section}/{}/{id}", archive_slug(lang)),
            Page::Map => format!("/{lang}/{section}/{}", map_slug(lang)),
            Page::Event { fr, .. } if lang == Lang::Fr => format!("/{lang}/{section}/{fr}"),
            Page::Event { en, .. } => format!("/{lang}/{section}/{en}"),
            Page::NewsItem { slug } => format!("/{lang}/{section}/{slug}"),
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
            Page::NewsletterArchive | Page::NewsletterIssue { .. } => Page::Newsletter,
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
            Page::Newsletter | Page::NewsletterArchive | Page::NewsletterIssue { .. } => "newsletter-title",
            Page::Privacy => "privacy-title",
            Page::Legal => "legal-title",
            Page::Accessibility => "accessibility-title",
            Page::Contact => "contact-title",
            Page::Help => "help-title",
            Page::News | Page::NewsItem { .. } => "nav-news",
        }
    }
}

/// An event's own page.
pub fn event_page(event: &NewEvent) -> Page {
    Page::Event { fr: event.slug_fr.to_string(), en: event.slug.to_string() }
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

/// The last segment of the calendar's archive, `/fr/calendrier/archives`,
/// and of the newsletter's, `/fr/lettre-d-information/archives`.
pub fn archive_slug(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "archives",
        Lang::En => "archive",
    }
}

/// The route of an issue's page in the newsletter's archive:
/// `/fr/lettre-d-information/archives/{item}`.
pub fn newsletter_issue_route(lang: Lang) -> String {
    format!("{}/{{item}}", Page::NewsletterArchive.path(lang))
}

/// The language's iCalendar feed: `/fr/calendrier.ics`.
pub fn calendar_feed(lang: Lang) -> String {
    format!("{}.ics", Page::Calendar.path(lang))
}

/// The counter's history as open data: `/fr/adherents/historique.csv`.
pub fn history_csv(lang: Lang) -> String {
    format!("{}/{}", Page::Directory.path(lang), history_file(lang))
}

pub(super) fn history_file(lang: Lang) -> &'static str {
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

/// The segment of a draft news item's private preview link, after the
/// news section: `/fr/actualites/apercu/{token}`.
pub(super) fn news_preview_slug(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "apercu",
        Lang::En => "preview",
    }
}

/// A draft news item's private preview link, with its token.
pub fn news_preview(lang: Lang, token: &str) -> String {
    format!("{}/{}/{token}", Page::News.path(lang), news_preview_slug(lang))
}

/// The route of the preview links: `/en/news/preview/{token}`.
pub fn news_preview_route(lang: Lang) -> String {
    format!("{}/{}/{{token}}", Page::News.path(lang), news_preview_slug(lang))
}

/// Whether a path is a preview link's (of any token), cheaply: the page
/// cache keeps none of them.
pub fn is_news_preview(path: &str) -> bool {
    Lang::ALL.into_iter().any(|lang| {
        path.strip_prefix('/')
            .and_then(|rest| rest.strip_prefix(lang.code()))
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|rest| rest.strip_prefix(Page::News.section_slug(lang)))
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|rest| rest.strip_prefix(news_preview_slug(lang)))
            .is_some_and(|rest| rest.starts_with('/'))
    })
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

/// The address of the Prometheus metrics, served only on the metrics
/// listener (`--metrics-listen`), never on the site's own address.
pub const METRICS: &str = "/metrics";

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
    pub(super) fn slug(self, lang: Lang) -> &'static str {
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

/// The "Join the Pact" page and its mails' links: the form, the link that
/// confirms the contact's address, the private link to the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinPage {
    Form,
    Confirm,
    Status,
}

impl JoinPage {
    /// The segment after the Pact's: `adherer`, `join`.
    pub(super) fn slug(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "adherer",
            Lang::En => "join",
        }
    }

    /// `/fr/pacte/adherer`, `/en/pact/join`, and the links under it.
    pub fn path(self, lang: Lang) -> String {
        let form = format!("{}/{}", Page::Pact.path(lang), JoinPage::slug(lang));
        match (self, lang) {
            (JoinPage::Form, _) => form,
            (JoinPage::Confirm, Lang::Fr) => format!("{form}/confirmer"),
            (JoinPage::Confirm, Lang::En) => format!("{form}/confirm"),
            (JoinPage::Status, Lang::Fr) => format!("{form}/suivi"),
            (JoinPage::Status, Lang::En) => format!("{form}/status"),
        }
    }

    /// A mail link's address with its token.
    pub fn token_path(self, lang: Lang, token: &str) -> String {
        format!("{}/{token}", self.path(lang))
    }

    /// The route of a mail link: `/fr/pacte/adherer/suivi/{token}`.
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
        assert_eq!(Page::NewsletterArchive.path(Lang::Fr), "/fr/lettre-d-information/archives");
        assert_eq!(Page::NewsletterArchive.path(Lang::En), "/en/newsletter/archive");
        assert_eq!(Page::NewsletterIssue { id: 12 }.path(Lang::Fr), "/fr/lettre-d-information/archives/12");
        assert_eq!(Page::NewsletterIssue { id: 12 }.path(Lang::En), "/en/newsletter/archive/12");
        assert_eq!(newsletter_issue_route(Lang::En), "/en/newsletter/archive/{item}");
        assert_eq!(Page::Directory.item_route(Lang::En), "/en/members/{item}");
        assert_eq!(calendar_feed(Lang::En), "/en/calendar.ics");
        assert_eq!(news_feed(Lang::Fr), "/fr/actualites.rss");
        assert_eq!(NewsletterAction::Confirm.token_route(Lang::Fr), "/fr/lettre-d-information/confirmer/{token}");
        assert_eq!(NewsletterAction::Leave.path(Lang::En), "/en/newsletter/leave");
        assert_eq!(JoinPage::Form.path(Lang::Fr), "/fr/pacte/adherer");
        assert_eq!(JoinPage::Form.path(Lang::En), "/en/pact/join");
        assert_eq!(JoinPage::Status.token_route(Lang::Fr), "/fr/pacte/adherer/suivi/{token}");
        assert_eq!(JoinPage::Confirm.token_path(Lang::En, "ab"), "/en/pact/join/confirm/ab");
        assert_eq!(news_preview(Lang::Fr, "ab12"), "/fr/actualites/apercu/ab12");
        assert_eq!(news_preview_route(Lang::En), "/en/news/preview/{token}");
        assert!(is_news_preview("/en/news/preview/ab12") && is_news_preview("/fr/actualites/apercu/"));
        assert!(!is_news_preview("/en/news/preview") && !is_news_preview("/fr/actualites/preview/ab12"));
        assert!(!is_news_preview("/en/news/previews/ab12") && !is_news_preview("/fr/actualites/apercus"));
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
