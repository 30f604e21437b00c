//! Text that mixes the site's own words with what people typed (a venue
//! and its city, an address), for a page to isolate the typed parts: a
//! name in a right-to-left script then reorders nothing around it.
//! Templates show it with the `mixed` macro of `partials/typed.html`, each
//! typed part in a `<bdi>`; text that is typed and nothing else goes in a
//! `<bdi>` of its own, written in the template.

use std::fmt;

use crate::text::i18n::{Arg, Tr};

/// One part of a [`Mixed`] text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    /// Typed by someone, to be isolated.
    pub typed: bool,
}

/// The site's words and typed text, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mixed(Vec<Part>);

/// Where a message's placeable goes while the message is formatted: a
/// character no message and no typed text holds.
const MARK: &str = "\u{1}";

impl Mixed {
    /// Typed text alone.
    pub fn typed(text: impl Into<String>) -> Mixed {
        Mixed::default().and_typed(text)
    }

    /// The site's words alone.
    pub fn words(text: impl Into<String>) -> Mixed {
        Mixed::default().and_words(text)
    }

    /// This, then typed text.
    pub fn and_typed(mut self, text: impl Into<String>) -> Mixed {
        self.push(text.into(), true);
        self
    }

    /// This, then the site's words.
    pub fn and_words(mut self, text: impl Into<String>) -> Mixed {
        self.push(text.into(), false);
        self
    }

    /// A message with `inner` as its placeable `name`, the other
    /// placeables given in `args`: "Role of { $email }" with the address
    /// typed.
    pub fn message(tr: &Tr, id: &str, args: &[(&str, Arg<'_>)], name: &str, inner: Mixed) -> Mixed {
        let mut all = args.to_vec();
        all.push((name, Arg::Text(MARK.into())));
        let mut out = Mixed::default();
        for (i, words) in tr.format(id, &all).split(MARK).enumerate() {
            if i > 0 {
                for part in &inner.0 {
                    out.push(part.text.clone(), part.typed);
                }
            }
            out.push(words.to_owned(), false);
        }
        out
    }

    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    fn push(&mut self, text: String, typed: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            // The site's words run on; typed parts stay apart.
            Some(last) if !typed && !last.typed => last.text.push_str(&text),
            _ => self.0.push(Part { text, typed }),
        }
    }
}

/// The text as a reader sees it.
impl fmt::Display for Mixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|part| f.write_str(&part.text))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::text::i18n::{Lang, Locales};

    #[test]
    fn typed_parts_stay_apart_and_words_run_on() {
        let venue = Mixed::typed("Sala").and_words(", ").and_typed("Torino").and_words(", ").and_words("Italie");
        let parts: Vec<(&str, bool)> = venue.parts().iter().map(|p| (p.text.as_str(), p.typed)).collect();
        assert_eq!(parts, [("Sala", true), (", ", false), ("Torino", true), (", Italie", false)]);
        assert_eq!(venue.to_string(), "Sala, Torino, Italie");
        assert!(Mixed::typed("").parts().is_empty());
    }

    #[test]
    fn a_message_holds_typed_text_where_its_placeable_is() {
        let locales = Arc::new(Locales::load().expect("locales"));
        let tr = Tr::new(Lang::En, locales.clone());
        let label = Mixed::message(&tr, "admin-accounts-role-of", &[], "email", Mixed::typed("eve@example.org"));
        let parts: Vec<(&str, bool)> = label.parts().iter().map(|p| (p.text.as_str(), p.typed)).collect();
        assert_eq!(parts, [("Role of ", false), ("eve@example.org", true)]);
        assert_eq!(
            label.to_string(),
            tr.format("admin-accounts-role-of", &[("email", Arg::Text("eve@example.org".into()))])
        );
    }
}
