//! The campaign's long prose (About, Campaign aims, The Pact, the privacy
//! notice): Markdown kept in `locales/{fr,en}/pages/`, rendered once at
//! start-up.

use std::collections::HashMap;

use super::{i18n::Lang, markdown};

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
    pub fn load() -> PageTexts {
        let bodies = SOURCES.iter().map(|(lang, page, source)| ((*lang, *page), markdown::to_html(source))).collect();
        PageTexts { bodies }
    }

    /// A page's body: trusted HTML rendered from the project's own Markdown.
    pub fn body(&self, lang: Lang, page: Prose) -> &str {
        self.bodies.get(&(lang, page)).map_or("", String::as_str)
    }
}
