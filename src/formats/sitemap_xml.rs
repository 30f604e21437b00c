//! The sitemap protocol's XML (https://www.sitemaps.org/protocol.html): a
//! `<urlset>` of pages, each `<url>` with its hreflang alternates
//! (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap),
//! and the `<sitemapindex>` that lists such files.

use crate::text::i18n::Lang;

/// The most addresses a file may hold (the protocol's limit).
pub const MAX_URLS: usize = 50_000;
/// The most bytes a file may take, uncompressed (the protocol's limit:
/// 50 MB, written there as 52,428,800 bytes).
pub const MAX_BYTES: usize = 52_428_800;

/// What a `<urlset>` file starts with: the protocol's namespace and
/// XHTML's, for the hreflang alternates.
pub const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
/// What a `<urlset>` file ends with.
pub const URLSET_TAIL: &str = "</urlset>\n";

/// Escapes text for an XML element or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A page's `<url>` entries, one in each of its languages, each with the
/// alternates: `base` is the site's origin, `path` the page's path in a
/// language.
pub fn url_entries(xml: &mut String, base: &str, path: impl Fn(Lang) -> String, langs: &[Lang]) {
    for lang in langs {
        xml.push_str("<url><loc>");
        xml.push_str(&escape(&format!("{base}{}", path(*lang))));
        xml.push_str("</loc>");
        for alternate in langs {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>",
                escape(&format!("{base}{}", path(*alternate)))
            ));
        }
        // A page in one language only has no default to offer.
        if langs.len() == Lang::ALL.len() {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                escape(&format!("{base}{}", path(Lang::DEFAULT)))
            ));
        }
        xml.push_str("</url>\n");
    }
}

/// A `<sitemapindex>` of the files at these addresses (the protocol
/// allows 50,000 of them: the site lists a handful).
pub fn index(locations: impl IntoIterator<Item = String>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for location in locations {
        xml.push_str("<sitemap><loc>");
        xml.push_str(&escape(&location));
        xml.push_str("</loc></sitemap>\n");
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d&apos;");
        let xml = index(["https://x.test/?a=1&b=2".to_owned()]);
        assert!(xml.contains("<loc>https://x.test/?a=1&amp;b=2</loc>"), "{xml}");
    }

    #[test]
    fn a_page_in_both_languages_has_an_entry_for_each_with_a_default() {
        let mut xml = String::new();
        url_entries(&mut xml, "https://x.test", |lang| format!("/{lang}/p"), &Lang::ALL);
        assert_eq!(xml.matches("<url>").count(), 2);
        assert_eq!(xml.matches("hreflang=\"x-default\"").count(), 2);
        let mut one = String::new();
        url_entries(&mut one, "https://x.test", |lang| format!("/{lang}/p"), &[Lang::En]);
        assert_eq!(one.matches("<url>").count(), 1);
        assert!(!one.contains("x-default"));
    }
}
