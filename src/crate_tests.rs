//! Checks of the whole crate, which read more than one layer: every
//! message is used somewhere, and the texts that state what the code does
//! say what the code's constants say. (They sit at the crate's root so
//! that no layer imports one above it, even in a test.)

use crate::{
    domain::{
        country::Country,
        news::{Needed, TextField},
    },
    store::{
        APPLICATION_CONFIRMATION_LIFETIME, ATTEMPTS_KEPT_FOR, DECIDED_APPLICATION_KEPT_FOR, DRAFT_KEPT_FOR,
        ISSUE_RECIPIENTS_KEPT_FOR, SOFT_BOUNCE_WINDOW, SOFT_BOUNCES_TO_SUPPRESS, is_audit_word,
    },
    text::{
        i18n::{Lang, Locales},
        pages::{PageTexts, Prose},
    },
    web,
};

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
    BuiltIds { prefix: "audit-word-", built_by: "view::audit::word", suffix: is_audit_word },
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
fn the_privacy_notice_says_how_long_what_is_kept_is_kept() {
    // Change the notice's sentences with the durations the housekeeping uses.
    assert_eq!(ATTEMPTS_KEPT_FOR, time::Duration::days(1));
    assert_eq!(DRAFT_KEPT_FOR, time::Duration::hours(1));
    let (en, fr) = (PageTexts::bundled(Lang::En, Prose::Privacy), PageTexts::bundled(Lang::Fr, Prose::Privacy));
    assert!(en.contains("These counts are erased after one day."));
    assert!(fr.contains("Ces décomptes sont effacés au bout d’un jour."));
    assert!(en.contains("erased once shown back to them, or after one hour"));
    assert!(fr.contains("effacé dès qu’il leur est présenté de nouveau, ou au bout d’une heure"));
    // The newsletter's sending: its recipients, and the soft bounces.
    let days = |duration: time::Duration| duration.whole_days();
    let kept = days(ISSUE_RECIPIENTS_KEPT_FOR);
    assert_eq!(ISSUE_RECIPIENTS_KEPT_FOR, time::Duration::days(kept));
    assert!(en.contains(&format!("for {kept} days after the issue was sent")));
    assert!(fr.contains(&format!("pendant {kept} jours après l’envoi du numéro")));
    let window = days(SOFT_BOUNCE_WINDOW);
    assert_eq!(SOFT_BOUNCE_WINDOW, time::Duration::days(window));
    assert_eq!(SOFT_BOUNCES_TO_SUPPRESS, 3, "the notice says three");
    assert!(en.contains(&format!("three times within {window} days")));
    assert!(fr.contains(&format!("trois fois en {window} jours")));
    assert!(en.contains(&format!("forgotten after {window} days")));
    assert!(fr.contains(&format!("oublié au bout de {window} jours")));
    // Applications to join the Pact.
    let unconfirmed = days(APPLICATION_CONFIRMATION_LIFETIME);
    assert_eq!(APPLICATION_CONFIRMATION_LIFETIME, time::Duration::days(unconfirmed));
    assert!(en.contains(&format!("when its link expires, {unconfirmed} days after it was sent")));
    assert!(fr.contains(&format!("quand son lien expire, {unconfirmed} jours après son envoi")));
    let decided = days(DECIDED_APPLICATION_KEPT_FOR);
    assert_eq!(DECIDED_APPLICATION_KEPT_FOR, time::Duration::days(decided));
    assert!(en.contains(&format!("is erased {decided} days after the decision, whether approved or declined")));
    assert!(fr.contains(&format!("est effacée {decided} jours après la décision, qu’elle soit acceptée ou refusée")));
    // The version recorded with each consent is the notice's.
    let version = web::handlers::newsletter::CONSENT_VERSION;
    assert_eq!(web::handlers::join::CONSENT_VERSION, version, "an application consents to the same notice");
    assert!(en.contains(&format!("Version {version},")) && fr.contains(&format!("Version {version},")));
}
