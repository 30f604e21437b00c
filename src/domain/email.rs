//! E-mail addresses, as visitors type them into the newsletter form.

use std::fmt;

use super::text::{code_point, is_bidi_control};

/// An e-mail address: at most 254 characters, a local part and a domain
/// with a dot, no white space, control character, bidirectional control or
/// markup; kept in lower
/// case, with an internationalised domain in its ASCII form
/// (`bücher.example` is `xn--bcher-kva.example`), so that one person is one
/// subscriber and the domain needs no SMTPUTF8. The value is the proof.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the address is empty")]
    Empty,
    #[error("the address is too long")]
    TooLong,
    #[error("the address is not valid")]
    Invalid,
    #[error("the address contains {}, an invisible character that changes the direction of the text", code_point(*.0))]
    BidiControl(char),
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let text = input.trim_matches([' ', '\t']);
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.len() > 254 {
            return Err(EmailError::TooLong);
        }
        if let Some(control) = text.chars().find(|c| is_bidi_control(*c)) {
            return Err(EmailError::BidiControl(control));
        }
        let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"'`".contains(c);
        if text.chars().any(forbidden) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let domain = ascii_domain(domain)?;
        let domain = domain.as_str();
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.split('.').all(|label| {
                !label.is_empty() && label.len() <= 63 && !label.starts_with('-') && !label.ends_with('-')
            });
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(EmailError::Invalid);
        }
        let lower = format!("{}@{domain}", local.to_lowercase());
        if lower.len() > 254 {
            return Err(EmailError::TooLong);
        }
        // A second opinion from the crate made for RFC 5322 syntax.
        if !email_address::EmailAddress::is_valid(&lower) {
            return Err(EmailError::Invalid);
        }
        // And from the mail library that will send to it.
        if lower.parse::<lettre::Address>().is_err() {
            return Err(EmailError::Invalid);
        }
        Ok(EmailAddress(lower))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A domain in its one ASCII form: IDNA (UTS 46) mapping and Punycode, in
/// lower case.
fn ascii_domain(domain: &str) -> Result<String, EmailError> {
    match url::Host::parse(domain) {
        Ok(url::Host::Domain(ascii)) if ascii.is_ascii() => Ok(ascii.to_ascii_lowercase()),
        _ => Err(EmailError::Invalid),
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        assert_eq!(
            EmailAddress::parse(" Marie.Dupont+news@Example.ORG ").map(|e| e.0),
            Ok("marie.dupont+news@example.org".into())
        );
        assert!(EmailAddress::parse("a@b.eu").is_ok());
        assert!(EmailAddress::parse("élodie@exemple.fr").is_ok());
    }

    #[test]
    fn an_internationalised_domain_has_one_form() {
        let unicode = EmailAddress::parse("user@bücher.example").expect("unicode domain");
        let ascii = EmailAddress::parse("user@xn--bcher-kva.example").expect("ascii domain");
        assert_eq!(unicode, ascii);
        assert_eq!(unicode.as_str(), "user@xn--bcher-kva.example");
        assert_eq!(EmailAddress::parse("User@BÜCHER.Example"), Ok(ascii));
    }

    #[test]
    fn refuses_the_rest() {
        let long = format!("{}@example.org", "a".repeat(250));
        for bad in [
            "",
            "   ",
            "no-at-sign",
            "@example.org",
            "a@",
            "a@b",
            "a@.org",
            "a@b..org",
            "a b@example.org",
            "a@exam ple.org",
            "a@example.org\r\nBcc: x@y.z",
            "a@example.org\n",
            "<script>@x.org",
            "a\"b@x.org",
            "a@b@c.org",
            "a\u{0}@x.org",
            &long,
            "a@-x.org",
            "a,b@x.org",
            "a@127.0.0.1",
            "a@xn--.org",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn refuses_bidirectional_controls() {
        for control in crate::domain::text::BIDI_CONTROLS {
            for address in [
                format!("ev{control}e@example.org"),
                format!("eve@exam{control}ple.org"),
                format!("{control}eve@example.org"),
            ] {
                assert_eq!(EmailAddress::parse(&address), Err(EmailError::BidiControl(control)), "{address:?}");
            }
        }
    }
}
