//! What a tool can check of a text's accessibility before it is published
//! (WCAG 2.1: 1.3.1 Info and relationships, 2.4.4 and 2.4.9 Link purpose):
//! headings that skip a level, links named "click here" or "ici", links
//! named by a bare address, links with no name, and images in the text
//! (which the site does not show: an item's image has a field of its own,
//! with its description). The back office refuses to save a text with one
//! of these and says which, beside the field; the accessibility statement
//! lists them.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::i18n::{Arg, Tr};

/// What is wrong with a text, for a person to mend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A heading of `level` after one of `after` (or after the page's
    /// title, level 1): a level is skipped.
    HeadingSkipped { after: u8, level: u8 },
    /// A link whose words say nothing of where it leads.
    VagueLink(String),
    /// A link named by its bare address.
    BareAddressLink(String),
    /// A link with no words at all.
    EmptyLink,
    /// An image in the text.
    Image,
}

/// Link names that say nothing of where a link leads, in either language,
/// compared without case and final punctuation.
const VAGUE: [&str; 15] = [
    "click here",
    "click",
    "here",
    "this link",
    "link",
    "read more",
    "more",
    "ici",
    "cliquez ici",
    "cliquer ici",
    "ce lien",
    "lien",
    "en savoir plus",
    "lire la suite",
    "suite",
];

fn level(level: HeadingLevel) -> u8 {
    match level {
        // Rendered as h2: the page's title is its only h1.
        HeadingLevel::H1 | HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a link's words are its address (with or without its scheme).
fn is_address(words: &str, url: &str) -> bool {
    let bare = |s: &str| {
        s.trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("mailto:")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_lowercase()
    };
    let words = words.trim();
    words.starts_with("http://")
        || words.starts_with("https://")
        || words.starts_with("www.")
        || (!words.is_empty() && bare(words) == bare(url) && url.contains("://"))
}

/// The problems of a Markdown text, in the order they come.
pub fn check(markdown: &str) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    let mut last_heading = 1;
    let mut link: Option<(String, LinkType, String)> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level: heading, .. }) => {
                let heading = level(heading);
                if heading > last_heading + 1 {
                    problems.push(TextProblem::HeadingSkipped { after: last_heading, level: heading });
                }
                last_heading = heading;
            }
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                link = Some((dest_url.to_string(), link_type, String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, words)) = link.as_mut() {
                    words.push_str(&text);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, link_type, words)) = link.take() {
                    let name = words.trim().trim_end_matches(['.', ':', '!', '?', '…']).trim().to_lowercase();
                    if name.is_empty() {
                        problems.push(TextProblem::EmptyLink);
                    } else if link_type == LinkType::Autolink || is_address(&words, &url) {
                        problems.push(TextProblem::BareAddressLink(words.trim().to_owned()));
                    } else if VAGUE.contains(&name.as_str()) {
                        problems.push(TextProblem::VagueLink(words.trim().to_owned()));
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => problems.push(TextProblem::Image),
            _ => {}
        }
    }
    problems
}

/// What is wrong with a text, in the person's language (a sentence a
/// problem, five at most); `None` when nothing is.
pub fn explain(tr: &Tr, markdown: &str) -> Option<String> {
    let mut sentences: Vec<String> = Vec::new();
    for problem in check(markdown) {
        let (id, detail) = problem.message();
        let sentence = match detail {
            Some(detail) => tr.format(id, &[("detail", Arg::Text(detail.into()))]),
            None => tr.t(id),
        };
        if !sentences.contains(&sentence) {
            sentences.push(sentence);
        }
    }
    sentences.truncate(5);
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

impl TextProblem {
    /// The Fluent message that says what is wrong, and its argument.
    pub fn message(&self) -> (&'static str, Option<String>) {
        match self {
            TextProblem::HeadingSkipped { after, level } => (
                "check-heading-skipped",
                Some(format!("{} → {}", "#".repeat(usize::from(*after)), "#".repeat(usize::from(*level)))),
            ),
            TextProblem::VagueLink(words) => ("check-link-vague", Some(words.clone())),
            TextProblem::BareAddressLink(words) => ("check-link-address", Some(words.clone())),
            TextProblem::EmptyLink => ("check-link-empty", None),
            TextProblem::Image => ("check-image", None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_text_passes() {
        let text = "Intro.\n\n## A part\n\nSee [the Lanzarote Convention](https://www.coe.int/lanzarote).\n\n\
                    ### A detail\n\n## Another part\n\nWrite to [the secretariat](mailto:a@example.org).";
        assert_eq!(check(text), []);
        // A level-1 heading is shown as a level 2: fine first.
        assert_eq!(check("# Title\n\n## Part"), []);
    }

    #[test]
    fn skipped_heading_levels_are_found() {
        assert_eq!(check("### Too deep"), [TextProblem::HeadingSkipped { after: 1, level: 3 }]);
        assert_eq!(check("## Part\n\n#### Deeper"), [TextProblem::HeadingSkipped { after: 2, level: 4 }]);
        assert_eq!(check("## Part\n\n### Sub\n\n## Back up\n\n### Down again"), []);
    }

    #[test]
    fn links_that_say_nothing_or_their_address_are_found() {
        assert_eq!(
            check("To read it, [click here](https://x.example)."),
            [TextProblem::VagueLink("click here".into())]
        );
        assert_eq!(check("Le texte est [ici](https://x.example)."), [TextProblem::VagueLink("ici".into())]);
        assert_eq!(check("[Cliquez ici !](https://x.example)"), [TextProblem::VagueLink("Cliquez ici !".into())]);
        assert_eq!(
            check("See [https://www.coe.int/en](https://www.coe.int/en)."),
            [TextProblem::BareAddressLink("https://www.coe.int/en".into())]
        );
        assert_eq!(check("See <https://www.coe.int>."), [TextProblem::BareAddressLink("https://www.coe.int".into())]);
        assert_eq!(
            check("See [www.coe.int](https://www.coe.int)."),
            [TextProblem::BareAddressLink("www.coe.int".into())]
        );
        assert_eq!(check("[](https://x.example)"), [TextProblem::EmptyLink]);
        assert_eq!(check("![](https://x.example/a.png)"), [TextProblem::Image]);
        // Words about the place are fine, even with "here" among them.
        assert_eq!(check("[The helplines listed here](https://x.example)"), []);
        // An address written as text is no link.
        assert_eq!(check("Our site is www.coe.int."), []);
    }
}
