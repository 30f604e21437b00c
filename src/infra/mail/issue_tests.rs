use std::{path::PathBuf, sync::Arc};

use mail_parser::MessageParser;
use scraper::{Html, Selector};

use super::*;
use crate::{
    infra::mail::{MailConfig, MemoryOutbox},
    text::i18n::Locales,
};

const FR: IssueText<'static> = IssueText {
    lang: Lang::Fr,
    subject: "La lettre de mars",
    body: "# Le Pacte\n\nTrois villes ont signé [le Pacte](/fr/pacte) ; lisez [le rapport](https://example.org/rapport).\n\n\
           ![Carte de l’Europe](https://tracker.example.net/carte.png)",
};
const EN: IssueText<'static> = IssueText {
    lang: Lang::En,
    subject: "The March issue",
    body: "# The Pact\n\nThree cities signed [the Pact](/en/pact); read [the report](https://example.org/report).",
};

fn mailer(bounce: Option<&str>) -> Mailer {
    let mut config =
        MailConfig::new(None, "Whoever <newsletter@example.org>", PathBuf::from("unused")).expect("a mail config");
    config.memory = Some(MemoryOutbox::new());
    config.bounce = bounce.map(|address| address.parse().expect("an address"));
    Mailer::new(config).expect("a mailer")
}

fn tr(lang: Lang) -> Tr {
    Tr::new(lang, Arc::new(Locales::load().expect("the messages")))
}

/// Renders `text` as an issue for a reader of `reader` (the text of
/// another language when the issue has none in theirs): the mail's bytes.
fn render(reader: Lang, text: IssueText<'_>, subscriber: i64) -> Vec<u8> {
    let issue = IssueMail {
        issue: 12,
        subscriber,
        text,
        unsubscribe_url: "https://oneinfive.example.org/fr/lettre-d-information/desinscription/tok3n",
        archive_url: "https://oneinfive.example.org/fr/lettre-d-information/archives/12",
        base_url: "https://oneinfive.example.org",
    };
    let to = EmailAddress::parse("reader@example.net").expect("an address");
    render_issue(&mailer(None), &tr(reader), &to, &issue).expect("rendered")
}

fn header(mail: &mail_parser::Message<'_>, name: &str) -> String {
    mail.header_raw(name).unwrap_or_else(|| panic!("no {name} header")).trim().to_owned()
}

/// The plain text part, its lines ended as in Rust (a mail's end in CRLF).
fn text_of(mail: &mail_parser::Message<'_>) -> String {
    mail.body_text(0).expect("a plain text part").replace("\r\n", "\n")
}

fn html_of(mail: &mail_parser::Message<'_>) -> Html {
    Html::parse_document(&mail.body_html(0).expect("an HTML part"))
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).expect("a selector")).collect()
}

#[test]
fn a_french_subscriber_gets_the_french_issue_with_the_list_headers() {
    let bytes = render(Lang::Fr, FR, 34);
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    assert_eq!(mail.subject(), Some("La lettre de mars"));
    assert_eq!(mail.message_id(), Some("issue-12-34@oneinfive"));
    let from = mail.from().and_then(|from| from.first()).expect("a sender");
    assert_eq!((from.name(), from.address()), (Some("UN sur CINQ"), Some("newsletter@example.org")));
    assert_eq!(mail.to().and_then(|to| to.first()).and_then(|to| to.address()), Some("reader@example.net"));
    assert_eq!(header(&mail, "List-Id"), "\"ONE in FIVE newsletter\" <newsletter.oneinfive.example.org>");
    assert_eq!(
        header(&mail, "List-Unsubscribe"),
        "<https://oneinfive.example.org/fr/lettre-d-information/desinscription/tok3n>"
    );
    assert_eq!(header(&mail, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    assert_eq!(header(&mail, "Content-Language"), "fr");
    assert!(mail.header_raw("Return-Path").is_none(), "the receiving server writes it from the envelope");

    let text = text_of(&mail);
    assert!(text.starts_with("La lettre de mars\n\nLe Pacte\n\n"), "{text}");
    assert!(!text.contains("n’existe qu’en"), "{text}");
    assert!(
        text.contains("le Pacte (https://oneinfive.example.org/fr/pacte)")
            && text.contains("le rapport (https://example.org/rapport)"),
        "{text}"
    );
    assert!(text.contains("Carte de l’Europe") && !text.contains("tracker"), "{text}");
    assert!(text.contains("https://oneinfive.example.org/fr/lettre-d-information/archives/12"), "{text}");
    assert!(
        text.contains(
            "Se désinscrire\u{a0}: https://oneinfive.example.org/fr/lettre-d-information/desinscription/tok3n"
        )
    );

    let html = html_of(&mail);
    let root = select(&html, "html");
    assert_eq!(root.first().and_then(|html| html.attr("lang")), Some("fr"));
    assert_eq!(select(&html, "h1").first().map(|h| h.text().collect::<String>()), Some("La lettre de mars".into()));
    let links: Vec<&str> = select(&html, "a[href]").iter().filter_map(|a| a.attr("href")).collect();
    assert!(links.contains(&"https://oneinfive.example.org/fr/pacte"), "{links:?}");
    assert!(links.contains(&"https://example.org/rapport"), "{links:?}");
    assert!(links.contains(&"https://oneinfive.example.org/fr/lettre-d-information/archives/12"), "{links:?}");
    assert!(links.contains(&"https://oneinfive.example.org/fr/lettre-d-information/desinscription/tok3n"));
    assert!(select(&html, ".notice").is_empty());
}

#[test]
fn the_html_part_is_styled_inline_and_loads_nothing() {
    let bytes = render(Lang::Fr, FR, 34);
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    let html = html_of(&mail);
    assert!(select(&html, "style, link, script, img, iframe").is_empty());
    for selector in ["body", "h1", "h2", "p", "a"] {
        for element in select(&html, selector) {
            let style = element.attr("style").unwrap_or_default();
            assert!(style.contains(':'), "<{selector}> is not styled inline: {:?}", element.html());
        }
    }
    assert!(
        select(&html, "h1").iter().all(|h| h.attr("style").is_some_and(|s| s.contains("color: #0b2e59"))),
        "the stylesheet's rules, not made-up ones"
    );
    // No address outside the site, the links' targets and the stylesheet's
    // none: nothing to load.
    for element in select(&html, "*") {
        for (name, value) in element.value().attrs() {
            if name != "href" {
                assert!(!value.contains("http"), "{name}={value:?} on {:?}", element.value().name());
            }
        }
    }
    assert!(select(&html, "[style*='url(']").is_empty());
}

#[test]
fn a_subscriber_of_the_other_language_gets_the_text_there_is_with_a_line_saying_so() {
    let bytes = render(Lang::En, FR, 56);
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    assert_eq!(mail.subject(), Some("La lettre de mars"));
    assert_eq!(header(&mail, "Content-Language"), "fr");
    let from = mail.from().and_then(|from| from.first()).expect("a sender");
    assert_eq!(from.name(), Some("ONE in FIVE"), "the reader's language around the text");
    let text = text_of(&mail);
    assert!(text.starts_with("This issue is only in French.\n\nLa lettre de mars\n\n"), "{text}");
    assert!(text.contains("Unsubscribe: https://"), "{text}");
    let html = html_of(&mail);
    assert_eq!(select(&html, "html").first().and_then(|html| html.attr("lang")), Some("en"));
    let notice = select(&html, "p.notice");
    assert_eq!(notice.first().map(|p| p.text().collect::<String>()), Some("This issue is only in French.".into()));
    let text_lang = select(&html, "div[lang]");
    assert_eq!(text_lang.first().and_then(|div| div.attr("lang")), Some("fr"));

    // The French reader of an English-only issue is told in French.
    let bytes = render(Lang::Fr, EN, 56);
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    assert_eq!(mail.subject(), Some("The March issue"));
    let text = text_of(&mail);
    assert!(text.starts_with("Cette lettre n’existe qu’en anglais.\n\nThe March issue\n\n"), "{text}");
}

#[test]
fn an_issue_with_no_text_is_not_sent() {
    let empty = IssueText { subject: "", ..FR };
    assert_eq!(IssueText::for_reader(Lang::Fr, &[empty, IssueText { body: " ", ..EN }]), None);
    assert_eq!(IssueText::for_reader(Lang::En, &[FR, EN]), Some(EN));
    assert_eq!(IssueText::for_reader(Lang::En, &[FR]), Some(FR));
    let issue = IssueMail {
        issue: 1,
        subscriber: 1,
        text: empty,
        unsubscribe_url: "https://x.example/u",
        archive_url: "https://x.example/a",
        base_url: "https://x.example",
    };
    let to = EmailAddress::parse("reader@example.net").expect("an address");
    assert!(render_issue(&mailer(None), &tr(Lang::Fr), &to, &issue).is_err());
}

#[test]
fn the_same_issue_to_the_same_subscriber_is_the_same_message() {
    let first = MessageParser::default().parse(&render(Lang::Fr, FR, 34)).map(|m| m.message_id().map(str::to_owned));
    let again = MessageParser::default().parse(&render(Lang::Fr, FR, 34)).map(|m| m.message_id().map(str::to_owned));
    let other = MessageParser::default().parse(&render(Lang::Fr, FR, 35)).map(|m| m.message_id().map(str::to_owned));
    assert_eq!(first, Some(Some("issue-12-34@oneinfive".to_owned())));
    assert_eq!(first, again);
    assert_eq!(other, Some(Some("issue-12-35@oneinfive".to_owned())));
}

#[test]
fn the_subject_is_one_line_in_any_script() {
    let subject = "Été 2027\u{a0}: l’Europe — «\u{a0}ONE\u{a0}»\r\nBcc: everyone@example.org";
    let bytes = render(Lang::Fr, IssueText { subject, ..FR }, 1);
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    assert_eq!(mail.subject(), Some("Été 2027\u{a0}: l’Europe — «\u{a0}ONE\u{a0}» Bcc: everyone@example.org"));
    assert!(mail.header_raw("Bcc").is_none());
    let html = html_of(&mail);
    let title = select(&html, "h1").first().map(|h| h.text().collect::<String>());
    assert_eq!(title.as_deref(), mail.subject());
}

#[test]
fn the_list_is_named_after_the_sites_host() {
    assert_eq!(
        list_id("https://oneinfive.example.org/"),
        "\"ONE in FIVE newsletter\" <newsletter.oneinfive.example.org>"
    );
    assert_eq!(list_id("http://127.0.0.1:3000"), "\"ONE in FIVE newsletter\" <newsletter.127.0.0.1>");
    assert_eq!(list_id("http://[::1]:3000"), "\"ONE in FIVE newsletter\" <newsletter.localhost>");
    assert_eq!(list_id("not a url"), "\"ONE in FIVE newsletter\" <newsletter.localhost>");
}

#[test]
fn bounces_go_to_the_bounce_address_when_there_is_one() {
    assert_eq!(mailer(None).envelope_from().to_string(), "newsletter@example.org");
    assert_eq!(mailer(Some("bounces@example.org")).envelope_from().to_string(), "bounces@example.org");
}

#[test]
fn the_french_lines_of_the_mail_follow_french_typography() {
    let tr = tr(Lang::Fr);
    for id in ["issue-mail-only-other", "issue-mail-read-online", "issue-mail-read-online-text", "issue-mail-why"] {
        let line = tr.t(id);
        for (i, c) in line.char_indices() {
            if c == ':' {
                assert!(line[..i].ends_with('\u{a0}'), "{id}: no U+00A0 before ':' in {line:?}");
            }
            if matches!(c, ';' | '!' | '?') {
                assert!(line[..i].ends_with('\u{202f}'), "{id}: no U+202F before {c:?} in {line:?}");
            }
        }
    }
    assert!(tr.t("issue-mail-read-online-text").ends_with("site\u{a0}:"));
}

/// An issue as stored, written in French only.
fn french_only_issue(id: i64) -> crate::store::NewsletterIssue {
    use crate::domain::newsletter_issue::{IssueFields, IssueTexts};
    let fields = IssueFields { subject_fr: FR.subject, body_fr: FR.body, subject_en: "", body_en: "" };
    let at = time::macros::datetime!(2026-12-07 09:00 UTC);
    crate::store::NewsletterIssue {
        id,
        texts: IssueTexts::parse(&fields).expect("texts"),
        status: crate::store::IssueStatus::Sending,
        scheduled_at: None,
        created_by: None,
        created_at: at,
        updated_at: at,
        version: 2,
        started_at: Some(at),
        finished_at: None,
        recipients: Some((1, 1)),
    }
}

#[test]
fn the_read_on_the_site_link_is_the_issues_page_in_the_readers_language() {
    use super::super::issue_links::{IssueLinks, IssueRecipient, issue_for_readers, issue_mail};
    let links = IssueLinks::new(
        Arc::new(Locales::load().expect("the messages")),
        "https://oneinfive.example.org",
        |lang| format!("/{lang}/unsubscribe"),
        |lang, id| format!("/{lang}/archive/{id}"),
        b"a key of the site's".to_vec(),
    );
    let issue = french_only_issue(12);
    for (lang, expected) in [
        (Lang::Fr, "https://oneinfive.example.org/fr/archive/12"),
        // The English reader of a French-only issue: the English page,
        // which shows the French text with a line saying so.
        (Lang::En, "https://oneinfive.example.org/en/archive/12"),
    ] {
        let to = IssueRecipient { subscriber: 34, email: "reader@example.net", lang, unsubscribe_hash: "hash" };
        let rendered = issue_for_readers(&links, &issue, lang).expect("rendered for the readers");
        let bytes = issue_mail(&mailer(None), &links, &issue, &rendered, &to).expect("rendered");
        let mail = MessageParser::default().parse(&bytes).expect("a mail");
        // The reader's own token where the slot was, in both parts.
        let token = links.unsubscribe_token(34, "hash");
        assert!(text_of(&mail).contains(&token) && !text_of(&mail).contains(TOKEN_SLOT), "{lang}");
        assert!(header(&mail, "List-Unsubscribe").contains(&token), "{lang}");
        let html = html_of(&mail);
        let leave: Vec<_> = select(&html, "a")
            .iter()
            .filter_map(|a| a.attr("href"))
            .filter(|h| h.contains(&token))
            .map(str::to_owned)
            .collect();
        assert_eq!(leave.len(), 1, "{lang}");
        let online: Vec<_> =
            select(&html, "p.online a").iter().filter_map(|a| a.attr("href")).map(str::to_owned).collect();
        assert_eq!(online, [expected], "{lang}");
        assert!(text_of(&mail).contains(expected), "{lang}");
    }
}
