use time::macros::date;

use super::*;

const TODAY: Date = date!(2026 - 12 - 07);

fn full() -> ApplicationFields<'static> {
    ApplicationFields {
        name: "  Ville   de Test ",
        name_fr: "",
        name_en: "Test Town",
        kind: "city",
        country: "mt",
        website: "https://test.example/",
        decided_on: "2026-11-30",
        contact_name: "Ana Example",
        contact_role: "Mayor's office",
        contact_email: "Ana@Example.org",
        contact_phone: "+356 21 00 00 00",
        message: "Hello\r\nthere",
        consent: true,
    }
}

fn fields_of(errors: &[(ApplicationField, ApplicationError)]) -> Vec<ApplicationField> {
    errors.iter().map(|(field, _)| *field).collect()
}

#[test]
fn a_full_application_parses_into_its_types() {
    let application = full().parse(TODAY).expect("valid");
    assert_eq!(application.authority.name.as_str(), "Ville de Test");
    assert_eq!(application.authority.country.code(), "MT");
    assert_eq!(application.decided_on(), date!(2026 - 11 - 30));
    assert_eq!(application.authority.name_fr, None);
    assert_eq!(application.contact.email.as_str(), "ana@example.org");
    assert_eq!(application.contact.phone.as_deref(), Some("+356 21 00 00 00"));
    assert_eq!(application.message.as_deref(), Some("Hello\nthere"));
}

#[test]
fn optional_fields_may_be_left_blank() {
    let fields = ApplicationFields { name_en: "", website: " ", contact_phone: "", message: " \n ", ..full() };
    let application = fields.parse(TODAY).expect("valid");
    assert_eq!((application.authority.website, application.contact.phone, application.message), (None, None, None));
}

#[test]
fn every_wrong_field_is_told_at_once_in_the_forms_order() {
    let fields = ApplicationFields {
        name: " ",
        kind: "village",
        country: "ZZ",
        website: "ftp://x.example",
        decided_on: "2026-12-08",
        contact_name: "",
        contact_role: "",
        contact_email: "not an address",
        contact_phone: "call me",
        consent: false,
        ..full()
    };
    let errors = fields.parse(TODAY).expect_err("invalid");
    assert_eq!(
        fields_of(&errors),
        vec![
            ApplicationField::Name,
            ApplicationField::Kind,
            ApplicationField::Country,
            ApplicationField::DecidedOn,
            ApplicationField::Website,
            ApplicationField::ContactName,
            ApplicationField::ContactRole,
            ApplicationField::ContactEmail,
            ApplicationField::ContactPhone,
            ApplicationField::Consent,
        ]
    );
    assert!(matches!(errors[3].1, ApplicationError::Authority(FieldError::DateInFuture(_))));
}

#[test]
fn a_decision_of_today_is_accepted_and_tomorrow_is_not() {
    assert!(ApplicationFields { decided_on: "2026-12-07", ..full() }.parse(TODAY).is_ok());
    assert!(ApplicationFields { decided_on: "2026-12-08", ..full() }.parse(TODAY).is_err());
    assert!(ApplicationFields { decided_on: "", ..full() }.parse(TODAY).is_err());
}

#[test]
fn the_message_is_bounded_and_plain() {
    let long = "é".repeat(MESSAGE_MAX_CHARS + 1);
    let errors = ApplicationFields { message: &long, ..full() }.parse(TODAY).expect_err("too long");
    assert_eq!(errors, vec![(ApplicationField::Message, ApplicationError::MessageTooLong)]);
    let exact = "é".repeat(MESSAGE_MAX_CHARS);
    assert!(ApplicationFields { message: &exact, ..full() }.parse(TODAY).is_ok());
    let errors = ApplicationFields { message: "a\u{202E}b", ..full() }.parse(TODAY).expect_err("bidi");
    assert_eq!(errors, vec![(ApplicationField::Message, ApplicationError::MessageControl)]);
}

#[test]
fn a_document_is_a_pdf_by_its_first_bytes_and_at_most_5_mib() {
    assert_eq!(Document::parse(Vec::new()), Ok(None));
    assert!(Document::parse(b"%PDF-1.7\n...".to_vec()).expect("pdf").is_some());
    assert_eq!(Document::parse(b"<html>%PDF-".to_vec()), Err(DocumentError::NotPdf));
    let mut big = b"%PDF-".to_vec();
    big.resize(DOCUMENT_MAX_BYTES + 1, b' ');
    assert_eq!(Document::parse(big), Err(DocumentError::TooLarge));
    let mut exact = b"%PDF-".to_vec();
    exact.resize(DOCUMENT_MAX_BYTES, b' ');
    assert!(Document::parse(exact).is_ok());
}
