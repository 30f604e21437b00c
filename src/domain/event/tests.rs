use super::*;
use crate::domain::{signatory::WebsiteError, text::TextError};
use time::macros::{date, datetime};

#[test]
fn when_is_days_or_times() {
    assert_eq!(
        When::parse("2026-12-03", "2026-12-05"),
        Ok(When::AllDay { first: date!(2026 - 12 - 03), last: date!(2026 - 12 - 05) })
    );
    assert_eq!(
        When::parse("2026-12-03", ""),
        Ok(When::AllDay { first: date!(2026 - 12 - 03), last: date!(2026 - 12 - 03) })
    );
    assert_eq!(
        When::parse("2026-12-03T14:30", "2026-12-03 17:00"),
        Ok(When::Timed { starts: datetime!(2026-12-03 14:30), ends: datetime!(2026-12-03 17:00) })
    );
    assert!(When::parse("2026-12-05", "2026-12-03").is_err());
    assert!(When::parse("2026-12-03T14:30", "2026-12-03T14:30").is_err());
    assert!(When::parse("2026-12-03", "2026-12-03T17:00").is_err());
    assert!(When::parse("tomorrow", "").is_err());
    assert!(When::parse("2026-02-30", "").is_err());
    assert!(When::parse("2026-12-03T25:00", "").is_err());
}

#[test]
fn time_zones_place_local_times() {
    let paris = TimeZone::parse("Europe/Paris").expect("zone");
    assert_eq!(paris.instant(datetime!(2026-12-03 14:30)), datetime!(2026-12-03 13:30 UTC));
    assert_eq!(paris.instant(datetime!(2026-07-03 14:30)), datetime!(2026-07-03 12:30 UTC));
    assert_eq!(paris.offset_at(datetime!(2026-07-03 12:30 UTC)).whole_hours(), 2);
    assert!(TimeZone::parse("Mars/Olympus").is_err());
    assert!(TimeZone::parse("").is_err());
}

#[test]
fn fields_say_which_is_wrong() {
    use EventField as F;
    let fields = EventFields {
        slug: "forum",
        title_fr: "Forum",
        title_en: " ",
        start: "2026-12-05T10:00",
        end: "2026-12-05T09:00",
        venue_name: "Hall",
        venue_country: "XX",
        online_url: "ftp://example.org",
        ..EventFields::default()
    };
    let errors = fields.parse().expect_err("bad fields");
    assert_eq!(
        errors,
        [
            (F::TitleEn, EventFieldError::Text(TextError::Empty)),
            (F::End, EventFieldError::When(WhenError::EndNotAfter)),
            (F::VenueCity, EventFieldError::VenuePartial),
            (F::OnlineUrl, EventFieldError::Url(WebsiteError)),
        ]
    );
    let bad_start = EventFields { start: "2026-02-30", ..fields };
    let errors = bad_start.parse().expect_err("bad start");
    assert!(errors.iter().any(|(f, e)| *f == F::Start && matches!(e, EventFieldError::When(WhenError::Format(_)))));
    let nowhere =
        EventFields { slug: "archives", title_fr: "A", title_en: "A", start: "2026-12-05", ..EventFields::default() };
    assert_eq!(
        nowhere.parse().expect_err("no place"),
        [(F::Slug, EventFieldError::SlugReserved), (F::OnlineUrl, EventFieldError::NoPlace)]
    );
    let good = EventFields { slug: "a", online_url: "https://example.org/live", ..nowhere };
    let event = good.parse().expect("good fields");
    assert_eq!(event.time_zone.name(), TimeZone::DEFAULT);
    assert_eq!(event.status, Status::Scheduled);
    let optional = [
        F::VenueName,
        F::VenueCity,
        F::VenueCountry,
        F::RegistrationUrl,
        F::Signatory,
        F::DescriptionFr,
        F::DescriptionEn,
    ];
    for field in EventField::ALL {
        assert_eq!(event.field_text(field).is_empty(), optional.contains(&field), "{field:?}");
    }
}

#[test]
fn slugs_come_from_titles() {
    let slugs = |title: &str| {
        slug_candidates(&Title::parse(title).expect("title")).take(3).map(|s| s.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(
        slugs("Forum des villes, 2027 !"),
        ["forum-des-villes-2027", "forum-des-villes-2027-2", "forum-des-villes-2027-3"]
    );
    assert_eq!(slugs("Archives"), ["archives-2", "archives-3", "archives-4"]);
    assert_eq!(slugs("«\u{a0}—\u{a0}»"), ["event", "event-2", "event-3"]);
    let long = slugs(&"Très long titre ".repeat(12));
    assert!(long.iter().all(|s| s.len() <= SLUG_MAX_CHARS), "{long:?}");
}

#[test]
fn descriptions_have_one_kind_of_line_break() {
    let parsed = |text: &str| Description::parse(text).map(|d| d.0);
    assert_eq!(parsed("a\rb"), Ok("a\nb".into()));
    assert_eq!(parsed("a\r\nb"), Ok("a\nb".into()));
    assert_eq!(parsed("```\r\na\rb\r```\r"), Ok("```\na\nb\n```".into()));
    assert_eq!(parsed(" \r\n\r "), Ok(String::new()));
    assert_eq!(parsed("a\tb"), Ok("a\tb".into()));
    assert_eq!(parsed("a\u{0}b"), Err(DescriptionError::ControlCharacter));
    assert_eq!(parsed("a\u{85}b"), Err(DescriptionError::ControlCharacter));
    // A line break is one character, however it was typed.
    assert!(Description::parse(&format!("a{}", "\r\nb".repeat(9_999))).is_ok());
}

#[test]
fn signatory_references() {
    let r = SignatoryRef::parse("Région de Bruxelles-Capitale (be)").expect("ref");
    assert_eq!(r.to_string(), "Région de Bruxelles-Capitale (BE)");
    assert!(SignatoryRef::parse("Strasbourg").is_err());
    assert!(SignatoryRef::parse("Strasbourg (XX)").is_err());
}

#[test]
fn the_french_slug_is_given_or_made_from_the_french_title() {
    let fields = EventFields {
        slug: "forum-of-cities",
        title_fr: "Forum des villes, 2027 !",
        title_en: "Forum of cities",
        start: "2027-01-10",
        online_url: "https://example.org/live",
        ..EventFields::default()
    };
    let event = fields.parse().expect("good fields");
    assert_eq!(event.slug_in(Lang::En).as_str(), "forum-of-cities");
    assert_eq!(event.slug_in(Lang::Fr).as_str(), "forum-des-villes-2027");
    let given = EventFields { slug_fr: " forum-2027 ", ..fields }.parse().expect("a French slug given");
    assert_eq!(given.slug_fr.as_str(), "forum-2027");
    assert_eq!(
        EventFields { slug_fr: "Forum 2027", ..fields }.parse().map_err(|errors| errors[0].0),
        Err(EventField::SlugFr)
    );
    assert_eq!(
        EventFields { slug_fr: "archives", ..fields }.parse().map_err(|errors| errors.into_iter().next()),
        Err(Some((EventField::SlugFr, EventFieldError::SlugReserved)))
    );
}

#[test]
fn a_new_date_to_be_announced_lasts_while_the_dates_and_the_postponement_do() {
    let fields = EventFields {
        slug: "forum",
        title_fr: "Forum",
        title_en: "Forum",
        start: "2027-01-10",
        status: "postponed",
        online_url: "https://example.org/live",
        ..EventFields::default()
    };
    let mut before = fields.parse().expect("good fields");
    before.date_unknown = true;
    let kept = |after: EventFields<'_>| {
        let mut event = after.parse().expect("good fields");
        event.keep_date_unknown(&before);
        event.date_unknown
    };
    assert!(kept(EventFields { description_en: "Later.", ..fields }), "an edit of something else");
    assert!(!kept(EventFields { start: "2027-02-10", ..fields }), "new dates");
    assert!(!kept(EventFields { time_zone: "Europe/Lisbon", ..fields }), "another time zone");
    assert!(!kept(EventFields { status: "scheduled", ..fields }), "no longer postponed");
    assert!(!kept(EventFields { status: "cancelled", ..fields }), "cancelled");
    let mut after = fields.parse().expect("good fields");
    assert_eq!(before.describe_changes(&after), "new date: announced");
    after.date_unknown = true;
    assert_eq!(before.describe_changes(&after), "");
}
