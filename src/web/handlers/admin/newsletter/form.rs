//! An issue's form: the subject and Markdown body in French and in
//! English, as typed, and their check — every field's message at once, as
//! the domain gives them, and what a tool can check of the bodies'
//! accessibility.

use serde::Deserialize;

use crate::{
    domain::{
        newsletter_issue::{IssueError, IssueField, IssueFields, IssueTexts},
        text::TextError,
    },
    store::NewsletterIssue,
    text::{
        checks,
        i18n::{Lang, Tr},
    },
    web::edit::FieldErrors,
};

/// The name, among the form's errors, of what belongs to no one field.
pub(super) const FORM: &str = "form";

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    pub(super) subject_fr: String,
    #[serde(default)]
    pub(super) body_fr: String,
    #[serde(default)]
    pub(super) subject_en: String,
    #[serde(default)]
    pub(super) body_en: String,
    pub(super) version: Option<String>,
    /// Present when the Preview button was pressed: nothing is written.
    pub(super) preview: Option<String>,
}

impl IssueForm {
    /// The form of a stored issue.
    pub(super) fn of(issue: &NewsletterIssue) -> IssueForm {
        let ((subject_fr, body_fr), (subject_en, body_en)) =
            (issue.texts.columns(Lang::Fr), issue.texts.columns(Lang::En));
        IssueForm {
            subject_fr: subject_fr.to_owned(),
            body_fr: body_fr.to_owned(),
            subject_en: subject_en.to_owned(),
            body_en: body_en.to_owned(),
            version: None,
            preview: None,
        }
    }

    pub(super) fn fields(&self) -> IssueFields<'_> {
        IssueFields {
            subject_fr: &self.subject_fr,
            body_fr: &self.body_fr,
            subject_en: &self.subject_en,
            body_en: &self.body_en,
        }
    }

    pub(super) fn value(&self, field: IssueField) -> &str {
        match field {
            IssueField::SubjectFr => &self.subject_fr,
            IssueField::SubjectEn => &self.subject_en,
            IssueField::BodyFr => &self.body_fr,
            IssueField::BodyEn => &self.body_en,
        }
    }
}

/// The Fluent message that says what is wrong with a field.
fn error_message(field: IssueField, error: &TextError) -> &'static str {
    let subject = matches!(field, IssueField::SubjectFr | IssueField::SubjectEn);
    match (error, subject) {
        (TextError::Empty, true) => "newsletter-admin-error-subject-empty",
        (TextError::Empty, false) => "newsletter-admin-error-body-empty",
        (TextError::TooLong(_), true) => "newsletter-admin-error-subject-too-long",
        (TextError::TooLong(_), false) => "newsletter-admin-error-body-too-long",
        (TextError::ControlCharacter, _) => "newsletter-admin-error-control",
        (TextError::BidiControl(_), _) => "newsletter-admin-error-bidi",
    }
}

/// The form's texts, or each field's message in the person's language.
pub(super) fn check(tr: &Tr, form: &IssueForm) -> Result<IssueTexts, FieldErrors> {
    // What a tool can check of the bodies' accessibility.
    let unchecked: FieldErrors = [IssueField::BodyFr, IssueField::BodyEn]
        .into_iter()
        .filter_map(|field| checks::explain(tr, form.value(field)).map(|message| (field.column(), message)))
        .collect();
    match IssueTexts::parse(&form.fields()) {
        Ok(texts) if unchecked.is_empty() => Ok(texts),
        Ok(_) => Err(unchecked),
        Err(errors) => {
            let messages: FieldErrors = errors
                .iter()
                .map(|error| match error {
                    IssueError::Field { field, error } => (field.column(), tr.t(error_message(*field, error))),
                    IssueError::Empty => (FORM, tr.t("newsletter-admin-error-empty")),
                })
                .collect();
            Err(messages.and(unchecked))
        }
    }
}
