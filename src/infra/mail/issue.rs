//! A newsletter issue's mail to one subscriber, rendered by the worker
//! when it sends it (the outbox row holds no message, so that an issue to
//! 100,000 subscribers stays small): for now a plain-text mail in the
//! subscriber's language (else the issue's other one), with their own
//! unsubscribe link and the one-click unsubscribe headers of RFC 8058.
//!
//! The unsubscribe link is signed rather than stored: only hashes of
//! tokens are kept, so the link of each mail is made from the subscriber's
//! id and the hash of their current unsubscribe token, signed with a key of
//! the site's (an HMAC). Nothing is written per mail; asking for a new
//! unsubscribe link (which renews the hash) ends the old ones too.

use std::{str::FromStr, sync::Arc};

use hmac::{Hmac, Mac};
use lettre::{
    Address, Message,
    message::{
        Mailbox,
        header::{ContentType, HeaderName, HeaderValue},
    },
};
use sha2::Sha256;

use super::Mailer;
use crate::{
    store::NewsletterIssue,
    text::{
        hex,
        i18n::{Lang, Locales, Tr},
    },
};

/// What the worker needs to render an issue's mails: the texts, the
/// unsubscribe pages' addresses, and the key that signs the links.
#[derive(Clone)]
pub struct IssueLinks {
    locales: Arc<Locales>,
    /// The unsubscribe page's address in French and in English, to which
    /// `/{token}` is added.
    unsubscribe: [String; 2],
    key: Vec<u8>,
}

impl std::fmt::Debug for IssueLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssueLinks").field("unsubscribe", &self.unsubscribe).finish_non_exhaustive()
    }
}

impl IssueLinks {
    /// `unsubscribe(lang)`: the unsubscribe page's absolute address.
    pub fn new(locales: Arc<Locales>, unsubscribe: impl Fn(Lang) -> String, key: impl Into<Vec<u8>>) -> IssueLinks {
        IssueLinks { locales, unsubscribe: [unsubscribe(Lang::Fr), unsubscribe(Lang::En)], key: key.into() }
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

/// Renders an issue's mail to one subscriber. Its `Message-ID` is fixed
/// for an issue and a subscriber, so that a mail sent again after a crash
/// is the same message.
pub fn issue_mail(
    mailer: &Mailer,
    links: &IssueLinks,
    issue: &NewsletterIssue,
    to: &IssueRecipient<'_>,
) -> anyhow::Result<Vec<u8>> {
    let (lang, text) = issue.texts.for_reader(to.lang);
    let tr = Tr::new(to.lang, links.locales.clone());
    let token = links.unsubscribe_token(to.subscriber, to.unsubscribe_hash);
    let base = match to.lang {
        Lang::Fr => &links.unsubscribe[0],
        Lang::En => &links.unsubscribe[1],
    };
    let unsubscribe_url = format!("{base}/{token}");
    let body = format!(
        "{}\n\n-- \n{}\n{unsubscribe_url}\n\n{}\n",
        text.body.as_str(),
        tr.t("mail-unsubscribe-action"),
        tr.t("mail-signature")
    );
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let message = Message::builder()
        .from(Mailbox::new(Some(tr.t("site-name")), mailer.config.from.clone()))
        .to(Mailbox::new(None, Address::from_str(to.email)?))
        .subject(text.subject.as_str())
        .message_id(Some(format!("<issue-{}-{}@oneinfive>", issue.id, to.subscriber)))
        .raw_header(header("Content-Language", lang.code().to_owned()))
        .raw_header(header("List-Unsubscribe", format!("<{unsubscribe_url}>")))
        .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_owned()))
        .header(ContentType::TEXT_PLAIN)
        .body(body)?;
    Ok(message.formatted())
}
