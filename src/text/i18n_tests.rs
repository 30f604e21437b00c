//! The messages checked: both languages alike, every message used, plurals
//! and numbers (the French text's typography and words: `i18n_french_tests.rs`).

use super::*;
use crate::domain::{
    country::Country,
    news::{Needed, TextField},
};

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

/// A family of messages whose identifiers the code builds at run time,
/// so that no string literal names them.
struct BuiltIds {
    prefix: &'static str,
    /// The one place that builds them.
    built_by: &'static str,
    /// Whether the rest of an identifier, after the prefix, is one the
    /// code can build: as narrow as the code.
    suffix: fn(&str) -> bool,
}

const BUILT_AT_RUN_TIME: &[BuiltIds] = &[
    BuiltIds {
        prefix: "country-",
        built_by: "Country::message_id",
        suffix: |code| Country::all().any(|c| c.code() == code),
    },
    BuiltIds {
        prefix: "month-",
        built_by: "Tr::date, Tr::month_year",
        suffix: |n| n.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)),
    },
    BuiltIds {
        prefix: "admin-news-field-",
        built_by: "admin::news::field_label",
        suffix: |name| TextField::ALL.iter().any(|field| message_name(*field) == name),
    },
    BuiltIds {
        prefix: "admin-news-hint-",
        built_by: "admin::news::field_hint",
        suffix: |name| TextField::ALL.iter().any(|field| field.rules().hint && message_name(*field) == name),
    },
    BuiltIds {
        prefix: "admin-news-error-",
        built_by: "admin::news::text_error",
        suffix: |name| {
            TextField::ALL.iter().any(|field| {
                let empty =
                    field.rules().needed != Needed::Optional && name == format!("{}-empty", message_name(*field));
                empty || name == format!("{}-too-long", message_name(*field))
            })
        },
    },
    BuiltIds {
        prefix: "weekday-",
        built_by: "Tr::weekday_date",
        suffix: |n| n.parse::<u8>().is_ok_and(|n| (1..=7).contains(&n)),
    },
];

/// A news field's name as its messages spell it (`image-alt`).
fn message_name(field: TextField) -> String {
    field.name().replace('_', "-")
}

/// The text of every file under `dir` (relative to the crate) whose name
/// ends with one of `extensions`.
fn sources(dir: &str, extensions: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if extensions.iter().any(|ext| path.extension().is_some_and(|e| e == *ext)) {
                found.push(std::fs::read_to_string(&path).expect("read a source file"));
            }
        }
    }
    found
}

/// A message that nothing shows is dead weight that translators keep
/// up to date: every message of both languages must be named, as a
/// string literal, by a template (`.html` pages and `.txt` mails) or by
/// the Rust code, unless its identifier is built at run time.
#[test]
fn every_message_is_used() {
    let mut texts = sources("templates", &["html", "txt"]);
    texts.extend(sources("src", &["rs"]));
    assert!(texts.len() > 20, "{} source files", texts.len());
    // An exception lasts as long as the code that needs it.
    for BuiltIds { prefix, built_by, .. } in BUILT_AT_RUN_TIME {
        let built = format!("\"{prefix}{{");
        assert!(
            texts.iter().any(|text| text.contains(&built)),
            "no source builds `{prefix}…` any more (was {built_by}): remove it from BUILT_AT_RUN_TIME"
        );
    }
    let mut unused = Vec::new();
    for lang in Lang::ALL {
        for id in Locales::message_ids(lang) {
            let built =
                BUILT_AT_RUN_TIME.iter().any(|family| id.strip_prefix(family.prefix).is_some_and(family.suffix));
            let quoted = format!("\"{id}\"");
            if !built && !texts.iter().any(|text| text.contains(&quoted)) {
                unused.push(format!("{lang}: {id}"));
            }
        }
    }
    assert!(unused.is_empty(), "messages that no template and no Rust source uses: {unused:?}");
}

/// A news text field's messages, which the back office's form builds from
/// its name and rules, are written in both languages: its label, its
/// errors, and its own hint when it has one.
#[test]
fn every_news_field_has_its_messages() {
    for lang in Lang::ALL {
        let ids = Locales::message_ids(lang);
        for field in TextField::ALL {
            let name = message_name(field);
            let rules = field.rules();
            let mut wanted = vec![format!("admin-news-field-{name}"), format!("admin-news-error-{name}-too-long")];
            if rules.needed != Needed::Optional {
                wanted.push(format!("admin-news-error-{name}-empty"));
            }
            if rules.hint {
                wanted.push(format!("admin-news-hint-{name}"));
            }
            for id in wanted {
                assert!(ids.contains(&id), "{lang}: {id} is missing");
            }
        }
    }
}

#[test]
fn path_names_its_language() {
    assert_eq!(Lang::from_path("/en/about"), Some(Lang::En));
    assert_eq!(Lang::from_path("/fr/"), Some(Lang::Fr));
    assert_eq!(Lang::from_path("/fr"), Some(Lang::Fr));
    assert_eq!(Lang::from_path("/de/"), None);
    assert_eq!(Lang::from_path("/"), None);
}
