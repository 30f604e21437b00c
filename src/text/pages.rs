//! The campaign's long prose (About, Campaign aims, The Pact, the privacy
//! notice, the legal notice, the accessibility statement): Markdown kept in
//! `locales/{fr,en}/pages/`, rendered once at start-up, with the operator's
//! contacts and host put in where the pages' markers say. Staff may replace
//! a page's text from the back office (the revisions are in the database);
//! the bundled text is then the page's first revision, and the fallback.

use std::{collections::HashMap, sync::Arc};

use super::{
    i18n::{Arg, Lang, Locales, Tr},
    markdown,
};

/// Where a page lists the operator's contacts.
const CONTACTS_MARKER: &str = "<!-- contacts:";
/// Where the legal notice names the host.
const HOSTING_MARKER: &str = "<!-- hosting:";
/// Where the legal notice names the open data's licence.
const LICENCE_MARKER: &str = "<!-- licence:";

/// What the operator tells of itself, when it does: the addresses the
/// privacy notice, the legal notice and the accessibility statement give,
/// and the host the legal notice names.
#[derive(Clone, Debug, Default)]
pub struct Contacts {
    /// The secretariat's address, for any request about one's data.
    pub secretariat: Option<String>,
    /// The data protection officer's address.
    pub dpo: Option<String>,
    /// Who hosts the site: a name and a postal address.
    pub hosting: Option<String>,
    /// The licence of the open data, as the operator chose it.
    pub licence: Option<String>,
}

impl Contacts {
    /// The contacts as a Markdown list, in a language; without any, a line
    /// that says where to find them.
    fn markdown(&self, tr: &Tr) -> String {
        if self.secretariat.is_none() && self.dpo.is_none() {
            return format!("{}\n", tr.t("pages-contact-unset"));
        }
        let line = |id: &str, email: &str| {
            format!("- {}\n", tr.format(id, &[("email", Arg::Text(format!("[{email}](mailto:{email})").into()))]))
        };
        let mut list = String::new();
        if let Some(email) = &self.secretariat {
            list.push_str(&line("privacy-contact-secretariat", email));
        }
        if let Some(email) = &self.dpo {
            list.push_str(&line("privacy-contact-dpo", email));
        }
        list
    }
}

/// A page whose body is prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prose {
    About,
    Aims,
    Pact,
    Privacy,
    Legal,
    Accessibility,
    Contact,
    Help,
}

impl Prose {
    /// Whether only admins may change it: the privacy notice and the legal
    /// notice are what the institution answers for in law.
    pub fn admins_only(self) -> bool {
        matches!(self, Prose::Privacy | Prose::Legal)
    }

    pub const ALL: [Prose; 8] = [
        Prose::About,
        Prose::Aims,
        Prose::Pact,
        Prose::Privacy,
        Prose::Legal,
        Prose::Accessibility,
        Prose::Contact,
        Prose::Help,
    ];

    /// The page's name in the back office's addresses and in the database:
    /// `about`.
    pub fn key(self) -> &'static str {
        match self {
            Prose::About => "about",
            Prose::Aims => "aims",
            Prose::Pact => "pact",
            Prose::Privacy => "privacy",
            Prose::Legal => "legal",
            Prose::Accessibility => "accessibility",
            Prose::Contact => "contact",
            Prose::Help => "help",
        }
    }

    /// The page a [`Prose::key`] names.
    pub fn parse(key: &str) -> Option<Prose> {
        Prose::ALL.into_iter().find(|page| page.key() == key)
    }

    /// The Fluent message of the page's title.
    pub fn title_id(self) -> &'static str {
        match self {
            Prose::About => "about-title",
            Prose::Aims => "aims-title",
            Prose::Pact => "pact-title",
            Prose::Privacy => "privacy-title",
            Prose::Legal => "legal-title",
            Prose::Accessibility => "accessibility-title",
            Prose::Contact => "contact-title",
            Prose::Help => "help-title",
        }
    }
}

const SOURCES: &[(Lang, Prose, &str)] = &[
    (Lang::Fr, Prose::About, include_str!("../../locales/fr/pages/about.md")),
    (Lang::Fr, Prose::Aims, include_str!("../../locales/fr/pages/aims.md")),
    (Lang::Fr, Prose::Pact, include_str!("../../locales/fr/pages/pact.md")),
    (Lang::Fr, Prose::Privacy, include_str!("../../locales/fr/pages/privacy.md")),
    (Lang::Fr, Prose::Legal, include_str!("../../locales/fr/pages/legal.md")),
    (Lang::Fr, Prose::Accessibility, include_str!("../../locales/fr/pages/accessibility.md")),
    (Lang::Fr, Prose::Contact, include_str!("../../locales/fr/pages/contact.md")),
    (Lang::Fr, Prose::Help, include_str!("../../locales/fr/pages/help.md")),
    (Lang::En, Prose::About, include_str!("../../locales/en/pages/about.md")),
    (Lang::En, Prose::Aims, include_str!("../../locales/en/pages/aims.md")),
    (Lang::En, Prose::Pact, include_str!("../../locales/en/pages/pact.md")),
    (Lang::En, Prose::Privacy, include_str!("../../locales/en/pages/privacy.md")),
    (Lang::En, Prose::Legal, include_str!("../../locales/en/pages/legal.md")),
    (Lang::En, Prose::Accessibility, include_str!("../../locales/en/pages/accessibility.md")),
    (Lang::En, Prose::Contact, include_str!("../../locales/en/pages/contact.md")),
    (Lang::En, Prose::Help, include_str!("../../locales/en/pages/help.md")),
];

/// The prose pages' bodies as HTML, by language and page, and what it
/// takes to render a text staff wrote for one of them.
pub struct PageTexts {
    bodies: HashMap<(Lang, Prose), String>,
    locales: Arc<Locales>,
    contacts: Contacts,
}

impl PageTexts {
    /// Renders every page; the privacy notice lists the `contacts` given.
    pub fn load(locales: &Arc<Locales>, contacts: &Contacts) -> PageTexts {
        let mut texts = PageTexts { bodies: HashMap::new(), locales: locales.clone(), contacts: contacts.clone() };
        texts.bodies =
            SOURCES.iter().map(|(lang, page, source)| ((*lang, *page), texts.render(*lang, *page, source))).collect();
        texts
    }

    /// A page's body as bundled: trusted HTML rendered from the project's
    /// own Markdown.
    pub fn body(&self, lang: Lang, page: Prose) -> &str {
        self.bodies.get(&(lang, page)).map_or("", String::as_str)
    }

    /// A page's Markdown as bundled: its first revision.
    pub fn bundled(lang: Lang, page: Prose) -> &'static str {
        SOURCES.iter().find(|(l, p, _)| *l == lang && *p == page).map_or("", |(_, _, source)| source)
    }

    /// A page's Markdown rendered as the public page shows it: sanitised
    /// HTML, with the operator's contacts and host where the markers say.
    pub fn render(&self, lang: Lang, page: Prose, source: &str) -> String {
        let contacts = &self.contacts;
        let tr = Tr::new(lang, self.locales.clone());
        let mut text = source.to_owned();
        if let Some(at) = text.find(CONTACTS_MARKER) {
            // The privacy notice says where to find the addresses itself.
            if !(page == Prose::Privacy && contacts.secretariat.is_none() && contacts.dpo.is_none()) {
                text.insert_str(at, &contacts.markdown(&tr));
            }
        }
        // The host and the licence, only where the operator named them:
        // without them, the notice says nothing rather than a placeholder.
        if let (Some(at), Some(host)) = (text.find(HOSTING_MARKER), &contacts.hosting) {
            let hosting = tr.format("pages-hosting", &[("host", Arg::Text(markdown::escape(host).into()))]);
            text.insert_str(at, &format!("## {}\n\n{hosting}\n\n", tr.t("pages-hosting-title")));
        }
        if let (Some(at), Some(licence)) = (text.find(LICENCE_MARKER), &contacts.licence) {
            let licence = tr.format("pages-licence", &[("licence", Arg::Text(markdown::escape(licence).into()))]);
            text.insert_str(at, &format!("{licence}\n\n"));
        }
        markdown::to_html(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_a_key_and_a_bundled_text_in_each_language() {
        for page in Prose::ALL {
            assert_eq!(Prose::parse(page.key()), Some(page));
            for lang in Lang::ALL {
                assert!(!PageTexts::bundled(lang, page).trim().is_empty(), "{page:?} {lang}");
            }
        }
        for unknown in ["", "About", "about ", "../about", "home"] {
            assert_eq!(Prose::parse(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn every_bundled_text_passes_the_checks_staff_texts_pass() {
        for page in Prose::ALL {
            for lang in Lang::ALL {
                assert_eq!(super::super::checks::check(PageTexts::bundled(lang, page)), [], "{page:?} {lang}");
            }
        }
    }

    #[test]
    fn a_text_staff_wrote_gets_the_contacts_where_its_markers_say() {
        let locales = Arc::new(Locales::load().expect("locales"));
        let contacts = Contacts {
            secretariat: Some("office@example.org".into()),
            dpo: None,
            hosting: Some("Host & Co, 1 rue du Port".into()),
            licence: Some("A licence chosen by the operator".into()),
        };
        let texts = PageTexts::load(&locales, &contacts);
        let html = texts.render(
            Lang::En,
            Prose::Legal,
            "Hello.\n\n<!-- contacts: -->\n\n<!-- hosting: -->\n\n<!-- licence: -->\n",
        );
        assert!(html.contains("mailto:office@example.org"), "{html}");
        assert!(html.contains("Host &amp; Co"), "{html}");
        assert!(html.contains("A licence chosen by the operator"), "{html}");
        // Without a host or a licence, the notice says nothing of them.
        let bare = PageTexts::load(&locales, &Contacts::default());
        let html = bare.render(Lang::En, Prose::Legal, "<!-- hosting: -->\n\n<!-- licence: -->\n");
        assert!(!html.contains("<h2"), "no heading for a host nobody named: {html}");
        assert!(html.trim().is_empty() || !html.contains("licence"), "{html}");
        // The same renderer as the bundled pages.
        assert_eq!(
            texts.body(Lang::En, Prose::Legal),
            texts.render(Lang::En, Prose::Legal, PageTexts::bundled(Lang::En, Prose::Legal))
        );
    }
}
