//! The campaign's long prose (About, Campaign aims, The Pact, the privacy
//! notice): Markdown kept in `locales/{fr,en}/pages/`, rendered once at
//! start-up.

use std::collections::HashMap;

use super::{
    i18n::{Arg, Lang, Tr},
    markdown,
};

/// Where the privacy notice lists the operator's contacts.
const CONTACTS_MARKER: &str = "<!-- contacts:";

/// The addresses the privacy notice gives, when the operator sets them.
#[derive(Clone, Debug, Default)]
pub struct Contacts {
    /// The secretariat's address, for any request about one's data.
    pub secretariat: Option<String>,
    /// The data protection officer's address.
    pub dpo: Option<String>,
}

impl Contacts {
    /// The contacts as a Markdown list, in a language.
    fn markdown(&self, tr: &Tr) -> String {
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
}

const SOURCES: &[(Lang, Prose, &str)] = &[
    (Lang::Fr, Prose::About, include_str!("../../locales/fr/pages/about.md")),
    (Lang::Fr, Prose::Aims, include_str!("../../locales/fr/pages/aims.md")),
    (Lang::Fr, Prose::Pact, include_str!("../../locales/fr/pages/pact.md")),
    (Lang::Fr, Prose::Privacy, include_str!("../../locales/fr/pages/privacy.md")),
    (Lang::En, Prose::About, include_str!("../../locales/en/pages/about.md")),
    (Lang::En, Prose::Aims, include_str!("../../locales/en/pages/aims.md")),
    (Lang::En, Prose::Pact, include_str!("../../locales/en/pages/pact.md")),
    (Lang::En, Prose::Privacy, include_str!("../../locales/en/pages/privacy.md")),
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
                let text = match source.find(CONTACTS_MARKER) {
                    Some(at) if *page == Prose::Privacy => {
                        let contacts = contacts.markdown(&Tr::new(*lang, locales.clone()));
                        format!("{}{contacts}{}", &source[..at], &source[at..])
                    }
                    _ => (*source).to_owned(),
                };
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
