//! The campaign's long prose (About, Campaign aims, The Pact, the privacy
//! notice, the legal notice, the accessibility statement): Markdown kept in
//! `locales/{fr,en}/pages/`, rendered once at start-up, with the operator's
//! contacts and host put in where the pages' markers say.

use std::collections::HashMap;

use super::{
    i18n::{Arg, Lang, Tr},
    markdown,
};

/// Where a page lists the operator's contacts.
const CONTACTS_MARKER: &str = "<!-- contacts:";
/// Where the legal notice names the host.
const HOSTING_MARKER: &str = "<!-- hosting:";

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
}

const SOURCES: &[(Lang, Prose, &str)] = &[
    (Lang::Fr, Prose::About, include_str!("../../locales/fr/pages/about.md")),
    (Lang::Fr, Prose::Aims, include_str!("../../locales/fr/pages/aims.md")),
    (Lang::Fr, Prose::Pact, include_str!("../../locales/fr/pages/pact.md")),
    (Lang::Fr, Prose::Privacy, include_str!("../../locales/fr/pages/privacy.md")),
    (Lang::Fr, Prose::Legal, include_str!("../../locales/fr/pages/legal.md")),
    (Lang::Fr, Prose::Accessibility, include_str!("../../locales/fr/pages/accessibility.md")),
    (Lang::En, Prose::About, include_str!("../../locales/en/pages/about.md")),
    (Lang::En, Prose::Aims, include_str!("../../locales/en/pages/aims.md")),
    (Lang::En, Prose::Pact, include_str!("../../locales/en/pages/pact.md")),
    (Lang::En, Prose::Privacy, include_str!("../../locales/en/pages/privacy.md")),
    (Lang::En, Prose::Legal, include_str!("../../locales/en/pages/legal.md")),
    (Lang::En, Prose::Accessibility, include_str!("../../locales/en/pages/accessibility.md")),
];

/// The prose pages' bodies as HTML, by language and page.
pub struct PageTexts {
    bodies: HashMap<(Lang, Prose), String>,
}

impl PageTexts {
    /// Renders every page; the privacy notice lists the `contacts` given.
    pub fn load(locales: &std::sync::Arc<super::i18n::Locales>, contacts: &Contacts) -> PageTexts {
        let bodies = SOURCES
            .iter()
            .map(|(lang, page, source)| {
                let tr = Tr::new(*lang, locales.clone());
                let mut text = (*source).to_owned();
                if let Some(at) = text.find(CONTACTS_MARKER) {
                    // The privacy notice says where to find the addresses itself.
                    if !(*page == Prose::Privacy && contacts.secretariat.is_none() && contacts.dpo.is_none()) {
                        text.insert_str(at, &contacts.markdown(&tr));
                    }
                }
                if let Some(at) = text.find(HOSTING_MARKER) {
                    let hosting = match &contacts.hosting {
                        Some(host) => tr.format("pages-hosting", &[("host", Arg::Text(markdown::escape(host).into()))]),
                        None => tr.t("pages-hosting-unset"),
                    };
                    text.insert_str(at, &format!("{hosting}\n\n"));
                }
                ((*lang, *page), markdown::to_html(&text))
            })
            .collect();
        PageTexts { bodies }
    }

    /// A page's body: trusted HTML rendered from the project's own Markdown.
    pub fn body(&self, lang: Lang, page: Prose) -> &str {
        self.bodies.get(&(lang, page)).map_or("", String::as_str)
    }
}
