//! Sorting and matching text the way readers expect: "Élancourt" sorts with
//! the E's, "États-Unis" between "Estonie" and "Finlande", and a search for
//! "koln" finds "Köln".

use std::cmp::Ordering;

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// A key for sorting and accent-insensitive matching: lower case, accents
/// removed, common ligatures spelled out, punctuation kept.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            '’' | '‘' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Compares two texts in reading order: by folded key, then exactly, so the
/// order is total and stable.
pub fn compare(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// The longest slug [`slug`] makes, in bytes (what the sitemap's bound on
/// a file's size counts on).
pub const SLUG_MAX_BYTES: usize = 80;

/// A URL slug: folded, ASCII letters and digits, words joined by hyphens,
/// at most [`SLUG_MAX_BYTES`].
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(SLUG_MAX_BYTES);
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_ligatures() {
        assert_eq!(fold("Élancourt"), "elancourt");
        assert_eq!(fold("Köln"), "koln");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Œuvre Straße"), "oeuvre strasse");
        assert_eq!(fold("Timișoara"), "timisoara");
    }

    #[test]
    fn sorts_french_country_names() {
        let mut names =
            vec!["Finlande", "États-Unis d’Amérique", "Estonie", "Allemagne", "Arménie", "Autriche", "Espagne"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            ["Allemagne", "Arménie", "Autriche", "Espagne", "Estonie", "États-Unis d’Amérique", "Finlande"]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Région de Bruxelles-Capitale"), "region-de-bruxelles-capitale");
        assert_eq!(slug("  Saint-Étienne (Loire) "), "saint-etienne-loire");
        assert_eq!(slug("Αθήνα"), "");
        assert_eq!(slug(&"a".repeat(200)).len(), 80);
    }
}
