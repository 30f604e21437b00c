//! A newsletter issue's mail to one subscriber, rendered by the worker
//! when it sends it (the outbox row holds no message, so that an issue to
//! 100,000 subscribers stays small): the links of the subscriber's mail
//! (their own unsubscribe link, the issue's page in the newsletter's
//! archive, in their language) given to
//! [`render_issue`](super::render_issue).
//!
//! The unsubscribe link is signed rather than stored: only hashes of
//! tokens are kept, so the link of each mail is made from the subscriber's
//! id and the hash of their current unsubscribe token, signed with a key of
//! the site's (an HMAC). Nothing is written per mail; asking for a new
//! unsubscribe link (which renews the hash) ends the old ones too.

use std::sync::Arc;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{IssueMail, IssueParts, Mailer, TOKEN_SLOT, issue_parts, render_issue_parts};
use crate::{
    domain::EmailAddress,
    store::NewsletterIssue,
    text::{
        hex,
        i18n::{Lang, Locales, Tr},
    },
};

/// What the worker needs to render an issue's mails: the texts, the
/// site's origin, the unsubscribe pages' addresses, the address of an
/// issue's page in the archive, and the key that signs the links.
#[derive(Clone)]
pub struct IssueLinks {
    locales: Arc<Locales>,
    base_url: String,
    /// The unsubscribe page's address in French and in English, to which
    /// `/{token}` is added.
    unsubscribe: [String; 2],
    /// The path of an issue's page in the archive, in a language ("read
    /// it on the site").
    issue_page: fn(Lang, i64) -> String,
    key: Vec<u8>,
}

impl std::fmt::Debug for IssueLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssueLinks").field("unsubscribe", &self.unsubscribe).finish_non_exhaustive()
    }
}

impl IssueLinks {
    /// `unsubscribe(lang)`: the unsubscribe page's path; `issue_page(lang,
    /// id)`: an issue's page in the archive; both made absolute on
    /// `base_url`.
    pub fn new(
        locales: Arc<Locales>,
        base_url: &str,
        unsubscribe: impl Fn(Lang) -> String,
        issue_page: fn(Lang, i64) -> String,
        key: impl Into<Vec<u8>>,
    ) -> IssueLinks {
        let absolute = |path: String| format!("{base_url}{path}");
        IssueLinks {
            locales,
            base_url: base_url.to_owned(),
            unsubscribe: [absolute(unsubscribe(Lang::Fr)), absolute(unsubscribe(Lang::En))],
            issue_page,
            key: key.into(),
        }
    }

    fn mac(&self, subscriber: i64, unsubscribe_hash: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else { return String::new() };
        mac.update(format!("newsletter-unsubscribe\n{subscriber}\n{unsubscribe_hash}").as_bytes());
        hex::encode(&mac.finalize().into_bytes())
    }

    /// A subscriber's unsubscribe token for the newsletter's mails: 64
    /// hexadecimal characters, as the other tokens, the id's 16 then 48
    /// of the signature.
    pub fn unsubscribe_token(&self, subscriber: i64, unsubscribe_hash: &str) -> String {
        let mac = self.mac(subscriber, unsubscribe_hash);
        format!("{:016x}{}", subscriber, mac.get(..48).unwrap_or_default())
    }

    /// Whether `token` is the one [`IssueLinks::unsubscribe_token`] makes
    /// for this subscriber (see [`token_subscriber`]), compared in
    /// constant time.
    pub fn token_matches(&self, token: &str, subscriber: i64, unsubscribe_hash: &str) -> bool {
        let expected = self.unsubscribe_token(subscriber, unsubscribe_hash);
        expected.len() == token.len()
            && expected.bytes().zip(token.bytes()).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
    }
}

/// The subscriber a signed unsubscribe token names, if it is one.
pub fn token_subscriber(token: &str) -> Option<i64> {
    if !hex::is_hex(token, 64) {
        return None;
    }
    i64::from_str_radix(token.get(..16)?, 16).ok().filter(|id| *id > 0)
}

/// One subscriber's mail of an issue.
pub struct IssueRecipient<'a> {
    pub subscriber: i64,
    pub email: &'a str,
    pub lang: Lang,
    pub unsubscribe_hash: &'a str,
}

/// An issue rendered once for all its readers of one language (the
/// markdown, the templates and the inlined styles): their own unsubscribe
/// link is all that differs from one mail to the next.
pub struct IssueForReaders {
    reader: Lang,
    tr: Tr,
    /// The language of the text they get.
    text_lang: Lang,
    archive_url: String,
    parts: IssueParts,
}

/// Renders an issue for its readers of `reader`'s language, their tokens
/// left to fill in.
pub fn issue_for_readers(links: &IssueLinks, issue: &NewsletterIssue, reader: Lang) -> anyhow::Result<IssueForReaders> {
    let (text_lang, text) = issue.texts.for_reader(reader);
    let tr = Tr::new(reader, links.locales.clone());
    let unsubscribe_url = format!("{}/{TOKEN_SLOT}", links.unsubscribe[index(reader)]);
    let archive_url = format!("{}{}", links.base_url, (links.issue_page)(reader, issue.id));
    let mail = IssueMail {
        issue: issue.id,
        subscriber: 0,
        text: super::IssueText { lang: text_lang, subject: text.subject.as_str(), body: text.body.as_str() },
        unsubscribe_url: &unsubscribe_url,
        archive_url: &archive_url,
        base_url: &links.base_url,
    };
    let parts = issue_parts(&tr, &mail)?;
    Ok(IssueForReaders { reader, tr, text_lang, archive_url, parts })
}

/// An issue's mail to one subscriber, from the issue rendered for the
/// readers of their language (see [`issue_for_readers`]). Its `Message-ID`
/// is fixed for an issue and a subscriber, so that a mail sent again after
/// a crash is the same message.
pub fn issue_mail(
    mailer: &Mailer,
    links: &IssueLinks,
    issue: &NewsletterIssue,
    rendered: &IssueForReaders,
    to: &IssueRecipient<'_>,
) -> anyhow::Result<Vec<u8>> {
    anyhow::ensure!(rendered.reader == to.lang, "issue {} rendered for other readers", issue.id);
    let (_, text) = issue.texts.for_reader(to.lang);
    let token = links.unsubscribe_token(to.subscriber, to.unsubscribe_hash);
    let unsubscribe_url = format!("{}/{token}", links.unsubscribe[index(to.lang)]);
    let mail = IssueMail {
        issue: issue.id,
        subscriber: to.subscriber,
        text: super::IssueText { lang: rendered.text_lang, subject: text.subject.as_str(), body: text.body.as_str() },
        unsubscribe_url: &unsubscribe_url,
        archive_url: &rendered.archive_url,
        base_url: &links.base_url,
    };
    let parts = rendered.parts.with_token(&token);
    render_issue_parts(mailer, &rendered.tr, &EmailAddress::parse(to.email)?, &mail, parts)
}

/// A language's place in the pairs of addresses.
fn index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}
