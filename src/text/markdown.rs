//! Markdown written by staff (event descriptions, news), rendered to HTML
//! and sanitised: whatever the text holds, the page gets no script, no
//! style, no frame and no image from elsewhere.

use std::{collections::HashSet, sync::LazyLock};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown to safe HTML. Headings start at level 2 (the page's
/// title is its only `h1`); ammonia drops scripts, event handlers, styles,
/// frames, images (a page shows only images of the site's own) and any URL
/// scheme other than http, https and mailto.
pub fn to_html(markdown: &str) -> String {
    sanitised_html(parse(markdown), markdown.len())
}

/// Markdown for a mail, as sanitised HTML and as plain text (see
/// [`to_html`] and [`to_plain_text`]): a link to a path of the site
/// (`/fr/pacte`) is made absolute on `base_url`, as a mail client has no
/// site to resolve it against, and an image is replaced by its alternative
/// text, as a mail loads nothing from anywhere.
pub fn to_mail(markdown: &str, base_url: &str) -> (String, String) {
    let base = base_url.trim_end_matches('/');
    let events = || {
        parse(markdown).filter_map(move |event| match event {
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(Tag::Link { link_type, dest_url, title, id })
                if dest_url.starts_with('/') && !dest_url.starts_with("//") =>
            {
                Some(Event::Start(Tag::Link { link_type, dest_url: format!("{base}{dest_url}").into(), title, id }))
            }
            event => Some(event),
        })
    };
    (sanitised_html(events(), markdown.len()), plain_text(events(), markdown.len()))
}

/// Markdown's events, with the site's extensions (tables, strikethrough).
fn parse(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}

fn sanitised_html<'a>(events: impl Iterator<Item = Event<'a>>, size: usize) -> String {
    static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .rm_tags(["img"])
            .link_rel(Some("noopener noreferrer nofollow"))
            .url_schemes(HashSet::from(["http", "https", "mailto"]));
        builder
    });
    let demote = |level: HeadingLevel| if level == HeadingLevel::H1 { HeadingLevel::H2 } else { level };
    let events = events.map(|event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: demote(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        event => event,
    });
    let mut raw = String::with_capacity(size * 3 / 2);
    html::push_html(&mut raw, events);
    SANITIZER.clean(&raw).to_string().trim_end().to_owned()
}

/// Text to put into Markdown as it is: every character Markdown could read
/// as markup is escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if "\\`*_{}[]()#+-.!<>|&~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown as plain text, for where no markup is read (a calendar app's
/// description): the words, paragraphs apart, links followed by their
/// address; no emphasis marks, no HTML.
pub fn to_plain_text(markdown: &str) -> String {
    plain_text(parse(markdown), markdown.len())
}

fn plain_text<'a>(events: impl Iterator<Item = Event<'a>>, size: usize) -> String {
    let mut out = String::with_capacity(size);
    let mut link: Option<String> = None;
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::Start(Tag::Item) => out.push_str("- "),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => out.push('\n'),
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => out.push('\n'),
            _ => {}
        }
    }
    let paragraphs: Vec<&str> = out.split('\n').map(str::trim).filter(|line| !line.is_empty()).collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_stays_text() {
        let host = "Host & Co. <b>[x](javascript:1)</b> *1* #2 ~3~";
        let html = to_html(&escape(host));
        assert_eq!(html, "<p>Host &amp; Co. &lt;b&gt;[x](javascript:1)&lt;/b&gt; *1* #2 ~3~</p>");
    }

    #[test]
    fn keeps_the_text_and_drops_the_danger() {
        let html = to_html(
            "**Bold** [link](https://example.org) <script>alert(1)</script> <img src=x onerror=alert(1)> [js](javascript:alert(1))",
        );
        assert!(html.contains("<strong>Bold</strong>"));
        assert!(html.contains("href=\"https://example.org\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn markdown_is_rendered_and_sanitised() {
        let html = to_html("# Title\n\nText <script>alert(1)</script> **bold**\n\n<img src=x onerror=alert(1)>");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(!html.contains("script") && !html.contains("onerror") && !html.contains("<img"), "{html}");
        let html = to_html("[a](javascript:alert(1)) [b](https://example.org/) [c](/fr/pacte)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("href=\"https://example.org/\""), "{html}");
        assert!(html.contains("href=\"/fr/pacte\""), "{html}");
        let html = to_html("<p style=\"color:red\" onclick=\"x()\">hi</p><iframe src=\"https://x\"></iframe>");
        assert!(!html.contains("style") && !html.contains("onclick") && !html.contains("iframe"), "{html}");
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_marks() {
        assert_eq!(
            to_plain_text("*Sample data.* An **online** [webinar](https://example.org/w).\n\n- one\n- two"),
            "Sample data. An online webinar (https://example.org/w).\n\n- one\n\n- two"
        );
        assert_eq!(to_plain_text("a <b>bold</b> word"), "a bold word");
        assert_eq!(to_plain_text("<script>x</script>"), "");
    }

    #[test]
    fn a_mail_links_to_the_site_in_full_and_shows_no_image() {
        let (html, text) = to_mail(
            "# News\n\nSee [the Pact](/fr/pacte), [elsewhere](https://example.org/a) and [mail](mailto:a@example.org).\n\n\
             ![A map of Europe](https://tracker.example.net/map.png) ![Logo](/static/logo.png) <img src=\"https://x.example/p.gif\">",
            "https://oneinfive.example.org/",
        );
        assert!(html.contains("<h2>News</h2>"), "{html}");
        assert!(html.contains("href=\"https://oneinfive.example.org/fr/pacte\""), "{html}");
        assert!(html.contains("href=\"https://example.org/a\""), "{html}");
        assert!(html.contains("A map of Europe") && html.contains("Logo"), "{html}");
        assert!(!html.contains("<img") && !html.contains("tracker") && !html.contains("x.example"), "{html}");
        assert_eq!(
            text,
            "News\n\nSee the Pact (https://oneinfive.example.org/fr/pacte), elsewhere (https://example.org/a) \
             and mail (mailto:a@example.org).\n\nA map of Europe Logo"
        );
    }
}
