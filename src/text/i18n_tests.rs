//! The messages checked: both languages alike, plurals and numbers (the
//! French text's typography and words: `i18n_french_tests.rs`; every
//! message used: `crate_tests.rs`).

use super::*;

#[test]
fn accept_language_honours_quality() {
    assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("fr;q=0.1, en;q=0.9"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4"), Some(Lang::Fr));
    assert_eq!(Lang::from_accept_language("FR-be"), Some(Lang::Fr));
    assert_eq!(Lang::from_accept_language("de, it"), None);
    assert_eq!(Lang::from_accept_language("en;q=0, fr;q=0"), None);
    assert_eq!(Lang::from_accept_language("en;q=nonsense"), None);
    assert_eq!(Lang::from_accept_language("*"), None);
    assert_eq!(Lang::from_accept_language(""), None);
    assert_eq!(Lang::from_accept_language(";;,,q=1"), None);
}

#[test]
fn counts_are_grouped_the_languages_way() {
    assert_eq!(format_count(Lang::En, 0), "0");
    assert_eq!(format_count(Lang::En, 999), "999");
    assert_eq!(format_count(Lang::En, 12345), "12,345");
    assert_eq!(format_count(Lang::En, 1234567), "1,234,567");
    assert_eq!(format_count(Lang::Fr, 12345), "12\u{202F}345");
    assert_eq!(format_count(Lang::Fr, -1000), "-1\u{202F}000");
}

#[test]
fn times_of_day_are_written_the_languages_way() {
    let locales = Arc::new(Locales::load().expect("the messages"));
    let (fr, en) = (Tr::new(Lang::Fr, locales.clone()), Tr::new(Lang::En, locales));
    let at = |hour, minute| time::Time::from_hms(hour, minute, 0).expect("a time");
    assert_eq!(fr.time_of_day(at(14, 30)), "14\u{a0}h\u{a0}30");
    assert_eq!(fr.time_of_day(at(9, 5)), "9\u{a0}h\u{a0}05");
    assert_eq!(en.time_of_day(at(14, 30)), "2.30 pm");
    assert_eq!(en.time_of_day(at(16, 48)), "4.48 pm");
    assert_eq!(en.time_of_day(at(0, 5)), "12.05 am");
    assert_eq!(en.time_of_day(at(12, 0)), "12.00 pm");
}

#[test]
fn path_names_its_language() {
    assert_eq!(Lang::from_path("/en/about"), Some(Lang::En));
    assert_eq!(Lang::from_path("/fr/"), Some(Lang::Fr));
    assert_eq!(Lang::from_path("/fr"), Some(Lang::Fr));
    assert_eq!(Lang::from_path("/de/"), None);
    assert_eq!(Lang::from_path("/"), None);
}
