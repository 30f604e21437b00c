//! The campaign's long prose (About, Campaign aims, The Pact, the privacy
//! notice, the legal notice, the accessibility statement): Markdown kept in
//! `locales/{fr,en}/pages/`, rendered once at start-up, with the operator's
//! contacts and host put in where the pages' markers say. Staff may replace
//! a page's text from the back office (the revisions are in the database);
//! the bundled text is then the page's first revision, and the fallback.
//! The sources of each bundled text are kept beside it, in
//! `locales/{fr,en}/pages/<page>.sources.txt`, for the editors: the back
//! office shows them beside the form, never in the text nor on the site.

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

/// Where each bundled text comes from, and the language that note is
/// written in (some French pages' notes are in English).
const NOTES: &[(Lang, Prose, Lang, &str)] = &[
    (Lang::Fr, Prose::About, Lang::En, include_str!("../../locales/fr/pages/about.sources.txt")),
    (Lang::Fr, Prose::Aims, Lang::En, include_str!("../../locales/fr/pages/aims.sources.txt")),
    (Lang::Fr, Prose::Pact, Lang::En, include_str!("../../locales/fr/pages/pact.sources.txt")),
    (Lang::Fr, Prose::Privacy, Lang::Fr, include_str!("../../locales/fr/pages/privacy.sources.txt")),
    (Lang::Fr, Prose::Legal, Lang::En, include_str!("../../locales/fr/pages/legal.sources.txt")),
    (Lang::Fr, Prose::Accessibility, Lang::En, include_str!("../../locales/fr/pages/accessibility.sources.txt")),
    (Lang::Fr, Prose::Contact, Lang::Fr, include_str!("../../locales/fr/pages/contact.sources.txt")),
    (Lang::Fr, Prose::Help, Lang::Fr, include_str!("../../locales/fr/pages/help.sources.txt")),
    (Lang::En, Prose::About, Lang::En, include_str!("../../locales/en/pages/about.sources.txt")),
    (Lang::En, Prose::Aims, Lang::En, include_str!("../../locales/en/pages/aims.sources.txt")),
    (Lang::En, Prose::Pact, Lang::En, include_str!("../../locales/en/pages/pact.sources.txt")),
    (Lang::En, Prose::Privacy, Lang::En, include_str!("../../locales/en/pages/privacy.sources.txt")),
    (Lang::En, Prose::Legal, Lang::En, include_str!("../../locales/en/pages/legal.sources.txt")),
    (Lang::En, Prose::Accessibility, Lang::En, include_str!("../../locales/en/pages/accessibility.sources.txt")),
    (Lang::En, Prose::Contact, Lang::En, include_str!("../../locales/en/pages/contact.sources.txt")),
    (Lang::En, Prose::Help, Lang::En, include_str!("../../locales/en/pages/help.sources.txt")),
];

/// How the bundled texts began before their sources were kept beside
/// them: an HTML comment on the first line.
const OLD_SOURCES_START: &str = "<!-- Sources";

/// A page's sources, as kept beside its bundled text: the sources of the
/// whole, then of some of its statements ("Confirmed: …").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourcesNote {
    /// The language the note is written in.
    pub lang: Lang,
    pub text: &'static str,
}

impl SourcesNote {
    /// The note's paragraphs (separated by a blank line in its file).
    pub fn paragraphs(&self) -> Vec<&'static str> {
        self.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
    }
}

/// The sources of a page's bundled text in a language, if it has any.
pub fn sources(lang: Lang, page: Prose) -> Option<SourcesNote> {
    NOTES
        .iter()
        .find(|(l, p, _, _)| *l == lang && *p == page)
        .map(|(_, _, written_in, text)| SourcesNote { lang: *written_in, text: text.trim() })
        .filter(|note| !note.text.is_empty())
}

/// A stored text as the editor shows it: a revision saved before the
/// sources were kept beside the text begins with them in an HTML comment,
/// left out here (the revision itself is never rewritten; the next save
/// leaves the comment out, and the public page never showed it).
pub fn without_old_sources(text: &str) -> &str {
    let Some(rest) = text.strip_prefix(OLD_SOURCES_START) else { return text };
    match rest.find("-->") {
        Some(end) => rest[end + 3..].trim_start_matches(['\r', '\n']),
        None => text,
    }
}

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
    fn every_bundled_text_has_its_sources_beside_it_not_in_it() {
        for page in Prose::ALL {
            for lang in Lang::ALL {
                let text = PageTexts::bundled(lang, page);
                assert!(!text.contains("Sources"), "{page:?} {lang}: the sources are in the text");
                let comments = text.matches("<!--").count();
                let markers: usize =
                    [CONTACTS_MARKER, HOSTING_MARKER, LICENCE_MARKER].iter().map(|m| text.matches(m).count()).sum();
                assert_eq!(comments, markers, "{page:?} {lang}: a comment other than a marker");
                let note = sources(lang, page).unwrap_or_else(|| panic!("{page:?} {lang}: no sources"));
                assert!(note.text.starts_with("Sources"), "{page:?} {lang}");
                assert!(!note.text.contains("<!--") && !note.text.contains("-->"), "{page:?} {lang}");
                // The note's language is the one it is written in.
                assert_eq!(note.text.starts_with("Sources\u{202f}:"), note.lang == Lang::Fr, "{page:?} {lang}");
            }
        }
    }

    #[test]
    fn an_old_stored_text_is_edited_without_its_sources() {
        let old = "<!-- Sources: somewhere, \"quoted\". -->\n\nThe text.\n\n<!-- contacts: here -->\n";
        assert_eq!(without_old_sources(old), "The text.\n\n<!-- contacts: here -->\n");
        // Any other text is left as it is, a comment of its own too.
        for text in ["The text.\n", "<!-- contacts: here -->\n", "<!-- Sources never closed\n", ""] {
            assert_eq!(without_old_sources(text), text);
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
