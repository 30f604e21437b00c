//! A signatories file's cells as people write them, made the values the
//! form takes: a kind in French or English ("ville", "région"), a country
//! by its code or its name in either language ("Allemagne", "Germany"),
//! a date as French Excel writes it (`DD/MM/YYYY`). (A decimal comma in a
//! coordinate is the coordinate's own parser's.) Anything else is left as
//! it is, for the field's own parser to accept or explain.

use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

use crate::text::{collate, i18n};

/// `city` or `region` for the words that mean them, in either language.
pub fn kind(cell: &str) -> Cow<'_, str> {
    match collate::fold(cell.trim()).as_str() {
        "ville" | "city" => Cow::Borrowed("city"),
        "region" => Cow::Borrowed("region"),
        _ => Cow::Borrowed(cell),
    }
}

/// Every country's name in both languages, folded, with its code.
static COUNTRY_NAMES: LazyLock<HashMap<String, &'static str>> =
    LazyLock::new(|| i18n::country_names().map(|(code, name)| (collate::fold(name), code)).collect());

/// The code of the country a cell names, or the cell.
pub fn country(cell: &str) -> Cow<'_, str> {
    let text = cell.trim();
    if text.chars().count() <= 2 {
        return Cow::Borrowed(cell);
    }
    match COUNTRY_NAMES.get(&collate::fold(text)) {
        Some(code) => Cow::Borrowed(code),
        None => Cow::Borrowed(cell),
    }
}

/// A date written `DD/MM/YYYY` (day first, as in French, and in Excel's
/// French and British settings; one or two digits for the day and the
/// month) as `YYYY-MM-DD`; anything else as it is.
pub fn date(cell: &str) -> Cow<'_, str> {
    let parts: Vec<&str> = cell.trim().split('/').collect();
    let digits =
        |text: &str, lengths: &[usize]| lengths.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [day, month, year] if digits(day, &[1, 2]) && digits(month, &[1, 2]) && digits(year, &[4]) => {
            Cow::Owned(format!("{year}-{month:0>2}-{day:0>2}"))
        }
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_either_language() {
        for (cell, read) in [("ville", "city"), ("Région", "region"), (" REGION ", "region"), ("City", "city")] {
            assert_eq!(kind(cell), read, "{cell:?}");
        }
        assert_eq!(kind("town"), "town");
    }

    #[test]
    fn countries_by_code_or_name() {
        for (cell, read) in [
            ("Allemagne", "DE"),
            ("germany", "DE"),
            ("Türkiye", "TR"),
            ("Etats-Unis d’Amerique", "US"),
            ("Royaume-Uni", "GB"),
            ("fr", "fr"),
        ] {
            assert_eq!(country(cell), read, "{cell:?}");
        }
        assert_eq!(country("Frence"), "Frence");
    }

    #[test]
    fn day_first_dates() {
        assert_eq!(date("02/03/2026"), "2026-03-02");
        assert_eq!(date(" 2/3/2026 "), "2026-03-02");
        assert_eq!(date("31/12/2013"), "2013-12-31");
        assert_eq!(date("2026-03-02"), "2026-03-02");
        assert_eq!(date("02/03/26"), "02/03/26");
        assert_eq!(date("a/b/cdef"), "a/b/cdef");
    }
}
