//! The messages of an application's errors, for the public form and the
//! back office's correction form alike.

use crate::domain::{
    application::{ApplicationError, DocumentError},
    country::CountryError,
    email::EmailError,
    signatory::{FieldError, NameError},
    text::TextError,
};

/// The message of a field's error.
pub fn error_message(error: &ApplicationError) -> &'static str {
    use ApplicationError as A;
    match error {
        A::Authority(FieldError::Name(NameError::Empty) | FieldError::DateMissing)
        | A::Authority(FieldError::Country(CountryError::Empty))
        | A::Text(TextError::Empty)
        | A::Email(EmailError::Empty) => "join-error-required",
        A::Authority(FieldError::Name(NameError::TooLong)) | A::Text(TextError::TooLong(_)) => "join-error-too-long",
        A::Authority(FieldError::Kind(_)) => "join-error-kind",
        A::Authority(FieldError::Country(_)) => "join-error-country",
        A::Authority(FieldError::Date(_)) => "join-error-date",
        A::Authority(FieldError::DateInFuture(_)) => "join-error-date-future",
        A::Authority(FieldError::Website(_)) => "join-error-website",
        A::Email(_) => "join-error-email",
        A::Phone => "join-error-phone",
        A::MessageTooLong => "join-error-message-long",
        A::Document(DocumentError::NotPdf) => "join-error-not-pdf",
        A::Document(DocumentError::TooLarge) => "join-error-too-large",
        A::ConsentMissing => "join-error-consent",
        A::Authority(_) | A::Text(_) | A::MessageControl => "join-error-characters",
    }
}
