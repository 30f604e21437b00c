//! Applications to join the Pact: what an authority sends from the public
//! form, parsed once, every field's error told at once.

use super::{
    email::{EmailAddress, EmailError},
    signatory::{Field, FieldError, NewSignatory, SignatoryFields},
    text::{TextError, normalise_line_breaks, one_line},
};
use time::Date;

mod document;

pub use document::{DOCUMENT_MAX_BYTES, Document, DocumentError};

/// The longest contact name and role, in characters.
pub const CONTACT_MAX_CHARS: usize = 200;
/// The longest phone number, in characters.
pub const PHONE_MAX_CHARS: usize = 40;
/// The longest message, in characters.
pub const MESSAGE_MAX_CHARS: usize = 5000;

/// A field of the form, as the form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApplicationField {
    Name,
    NameFr,
    NameEn,
    Kind,
    Country,
    Website,
    DecidedOn,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    Message,
    Document,
    Consent,
}

impl ApplicationField {
    /// The form field's name.
    pub fn name(self) -> &'static str {
        match self {
            ApplicationField::Name => "name",
            ApplicationField::NameFr => "name_fr",
            ApplicationField::NameEn => "name_en",
            ApplicationField::Kind => "kind",
            ApplicationField::Country => "country",
            ApplicationField::Website => "website",
            ApplicationField::DecidedOn => "decided_on",
            ApplicationField::ContactName => "contact_name",
            ApplicationField::ContactRole => "contact_role",
            ApplicationField::ContactEmail => "contact_email",
            ApplicationField::ContactPhone => "contact_phone",
            ApplicationField::Message => "message",
            ApplicationField::Document => "document",
            ApplicationField::Consent => "consent",
        }
    }

    /// The form's field for a signatory's field (the decision's date is the
    /// date of signature).
    fn of(field: Field) -> ApplicationField {
        match field {
            Field::Name => ApplicationField::Name,
            Field::NameFr => ApplicationField::NameFr,
            Field::NameEn => ApplicationField::NameEn,
            Field::Kind => ApplicationField::Kind,
            Field::Country | Field::Latitude | Field::Longitude => ApplicationField::Country,
            Field::Website => ApplicationField::Website,
            Field::JoinedOn => ApplicationField::DecidedOn,
        }
    }
}

/// What is wrong with one field of an application.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplicationError {
    /// A field of the authority, as a signatory's is checked.
    #[error(transparent)]
    Authority(#[from] FieldError),
    /// The contact's name or role.
    #[error("{0}")]
    Text(#[from] TextError),
    #[error(transparent)]
    Email(#[from] EmailError),
    #[error("the phone number may hold only digits, spaces, and + ( ) - . characters")]
    Phone,
    #[error("the message is longer than {MESSAGE_MAX_CHARS} characters")]
    MessageTooLong,
    #[error("the message contains a control character")]
    MessageControl,
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("consent to the processing of the contact's data is required")]
    ConsentMissing,
}

/// The person who writes for the authority.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub email: EmailAddress,
    pub phone: Option<String>,
}

/// An application, checked: the authority as it would be signed in (its
/// date of signature the decision's), the contact, the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewApplication {
    pub authority: NewSignatory,
    pub contact: Contact,
    pub message: Option<String>,
}

impl NewApplication {
    /// The decision's date.
    pub fn decided_on(&self) -> Date {
        self.authority.joined_on
    }
}

/// The form's fields as typed (the document apart, sent as a file).
#[derive(Clone, Copy, Debug, Default)]
pub struct ApplicationFields<'a> {
    pub name: &'a str,
    pub name_fr: &'a str,
    pub name_en: &'a str,
    pub kind: &'a str,
    pub country: &'a str,
    pub website: &'a str,
    pub decided_on: &'a str,
    pub contact_name: &'a str,
    pub contact_role: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    pub message: &'a str,
    pub consent: bool,
}

type Errors = Vec<(ApplicationField, ApplicationError)>;

impl ApplicationFields<'_> {
    /// The authority's fields as a signatory's (no position).
    pub fn authority(&self) -> SignatoryFields<'_> {
        SignatoryFields {
            name: self.name,
            kind: self.kind,
            country: self.country,
            joined_on: self.decided_on,
            name_fr: self.name_fr,
            name_en: self.name_en,
            website: self.website,
            latitude: "",
            longitude: "",
        }
    }

    /// The application, or every field that is wrong, in the form's order;
    /// `today` is the secretariat's day, the latest a decision can bear.
    pub fn parse(&self, today: Date) -> Result<NewApplication, Errors> {
        let mut errors: Errors = Vec::new();
        let authority = self
            .authority()
            .parse(today)
            .map_err(|found| {
                errors.extend(found.into_iter().map(|(field, e)| (ApplicationField::of(field), e.into())));
            })
            .ok();
        let mut line =
            |field, text: &str| one_line(text, CONTACT_MAX_CHARS).map_err(|e| errors.push((field, e.into()))).ok();
        let name = line(ApplicationField::ContactName, self.contact_name);
        let role = line(ApplicationField::ContactRole, self.contact_role);
        let email = EmailAddress::parse(self.contact_email)
            .map_err(|e| errors.push((ApplicationField::ContactEmail, e.into())))
            .ok();
        let phone = parse_phone(self.contact_phone).map_err(|e| errors.push((ApplicationField::ContactPhone, e))).ok();
        let message = parse_message(self.message).map_err(|e| errors.push((ApplicationField::Message, e))).ok();
        if !self.consent {
            errors.push((ApplicationField::Consent, ApplicationError::ConsentMissing));
        }
        match (authority, name, role, email, phone, message) {
            (Some(authority), Some(name), Some(role), Some(email), Some(phone), Some(message)) if errors.is_empty() => {
                Ok(NewApplication { authority, contact: Contact { name, role, email, phone }, message })
            }
            _ => Err(errors),
        }
    }
}

/// A phone number, optional: digits, spaces and `+ ( ) - .`, at least one digit.
fn parse_phone(text: &str) -> Result<Option<String>, ApplicationError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let allowed = |c: char| c.is_ascii_digit() || " +()-.".contains(c);
    let good = text.chars().count() <= PHONE_MAX_CHARS
        && text.chars().all(allowed)
        && text.chars().any(|c| c.is_ascii_digit());
    good.then(|| Some(text.to_owned())).ok_or(ApplicationError::Phone)
}

/// A message, optional: several lines, LF line breaks, no other control
/// character and no bidirectional control, at most [`MESSAGE_MAX_CHARS`].
fn parse_message(text: &str) -> Result<Option<String>, ApplicationError> {
    let text = normalise_line_breaks(text);
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || super::text::is_bidi_control(c)) {
        return Err(ApplicationError::MessageControl);
    }
    if text.chars().count() > MESSAGE_MAX_CHARS {
        return Err(ApplicationError::MessageTooLong);
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests;
