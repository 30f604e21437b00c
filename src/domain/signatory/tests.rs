use super::*;

/// The day the tests' signatories are checked on.
const TODAY: Date = time::macros::date!(2026 - 12 - 07);

#[test]
fn a_date_of_signature_may_be_today_not_later() {
    let fields = SignatoryFields {
        name: "Exampleton",
        kind: "city",
        country: "FR",
        joined_on: "2026-12-07",
        ..SignatoryFields::default()
    };
    assert!(fields.parse(TODAY).is_ok());
    let later = SignatoryFields { joined_on: "2026-12-08", ..fields };
    assert_eq!(later.parse(TODAY).err(), Some(vec![(Field::JoinedOn, FieldError::DateInFuture("2026-12-08".into()))]));
}

#[test]
fn names_are_folded_and_checked() {
    assert_eq!(Name::parse("  Saint-Étienne \t ").map(|n| n.0), Ok("Saint-Étienne".into()));
    assert_eq!(Name::parse("Region  of\nMurcia").map(|n| n.0), Ok("Region of Murcia".into()));
    assert_eq!(Name::parse(""), Err(NameError::Empty));
    assert_eq!(Name::parse(" \u{00A0} "), Err(NameError::Empty));
    assert_eq!(Name::parse("Bad\u{0007}name"), Err(NameError::ControlCharacter));
    assert_eq!(Name::parse("Bad\u{0000}"), Err(NameError::ControlCharacter));
    assert_eq!(Name::parse(&"x".repeat(201)), Err(NameError::TooLong));
    assert!(Name::parse(&"é".repeat(200)).is_ok());
    assert_eq!(Name::parse("PARIS").map(|n| n.key()), Name::parse("paris").map(|n| n.key()));
}

#[test]
fn names_refuse_bidirectional_controls() {
    for control in crate::domain::text::BIDI_CONTROLS {
        for name in [format!("Valmorin {control}ed elliv"), format!("{control}Valmorin"), format!("Valmorin{control}")]
        {
            assert_eq!(Name::parse(&name), Err(NameError::BidiControl(control)), "{name:?}");
        }
    }
    assert_eq!(
        NameError::BidiControl('\u{202E}').to_string(),
        "the name contains U+202E, an invisible character that changes the direction of the text"
    );
    let fields = SignatoryFields {
        name: "Valmorin",
        kind: "city",
        country: "FR",
        joined_on: "2026-03-02",
        name_en: "Valmorin\u{2067} Town",
        ..SignatoryFields::default()
    };
    assert_eq!(
        fields.parse(TODAY).err(),
        Some(vec![(Field::NameEn, FieldError::Name(NameError::BidiControl('\u{2067}')))])
    );
}

#[test]
fn kinds() {
    assert_eq!(Kind::parse(" City "), Ok(Kind::City));
    assert_eq!(Kind::parse("region"), Ok(Kind::Region));
    assert!(Kind::parse("town").is_err());
    assert!(Kind::parse("").is_err());
}

#[test]
fn fields_are_parsed_each_by_its_type() {
    let good = SignatoryFields {
        name: " Strasbourg ",
        kind: "city",
        country: "fr",
        joined_on: "2013-05-02",
        website: "https://www.strasbourg.eu/",
        ..SignatoryFields::default()
    };
    let parsed = good.parse(TODAY).expect("good fields");
    assert_eq!(parsed.name.as_str(), "Strasbourg");
    assert_eq!((parsed.name_fr, parsed.name_en), (None, None));
    let bad = SignatoryFields { name: "", kind: "town", country: "XX", website: "ftp://x", ..good };
    let fields: Vec<Field> = bad.parse(TODAY).err().unwrap_or_default().into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, [Field::Name, Field::Kind, Field::Country, Field::Website]);
    let errors = SignatoryFields { joined_on: " ", ..good }.parse(TODAY).err().unwrap_or_default();
    assert_eq!(errors, [(Field::JoinedOn, FieldError::DateMissing)]);
}

#[test]
fn a_position_is_both_coordinates_in_range_or_none() {
    let base = SignatoryFields {
        name: "Lyon",
        kind: "city",
        country: "FR",
        joined_on: "2013-01-01",
        ..SignatoryFields::default()
    };
    let placed = SignatoryFields { latitude: "45.76", longitude: "4,84", ..base }.parse(TODAY).expect("placed");
    assert_eq!(placed.field_text(Field::Latitude), "45.76");
    assert_eq!(placed.field_text(Field::Longitude), "4.84");
    assert_eq!(base.parse(TODAY).expect("no position").position, None);
    let errors = |fields: SignatoryFields<'_>| fields.parse(TODAY).err().unwrap_or_default();
    assert_eq!(
        errors(SignatoryFields { latitude: "95", longitude: "4.84", ..base }),
        [(Field::Latitude, FieldError::Coordinate(CoordinateError::OutOfRange(Axis::Latitude)))]
    );
    assert_eq!(errors(SignatoryFields { latitude: "45.76", ..base }), [(Field::Longitude, FieldError::HalfPosition)]);
    assert_eq!(errors(SignatoryFields { longitude: "x", ..base }).len(), 1, "one message for a wrong coordinate");
}

#[test]
fn changes_are_described_field_by_field() {
    let before = SignatoryFields {
        name: "Lyon",
        kind: "city",
        country: "FR",
        joined_on: "2013-01-01",
        ..SignatoryFields::default()
    };
    let after = SignatoryFields { website: "https://www.lyon.fr/", kind: "region", ..before };
    let (before, after) = (before.parse(TODAY).expect("before"), after.parse(TODAY).expect("after"));
    assert_eq!(before.differences(&after), [Field::Kind, Field::Website]);
    assert_eq!(
        before.describe_changes(&after),
        "kind: \"city\" → \"region\"; website: \"\" → \"https://www.lyon.fr/\""
    );
}

#[test]
fn websites() {
    assert!(Website::parse("https://www.strasbourg.eu/").is_ok());
    assert!(Website::parse("http://example.org/a?b=c").is_ok());
    for bad in
        ["javascript:alert(1)", "www.example.org", "ftp://x.org", "https://", "data:text/html,x", "https://u:p@x.org/"]
    {
        assert!(Website::parse(bad).is_err(), "{bad} accepted");
    }
}
