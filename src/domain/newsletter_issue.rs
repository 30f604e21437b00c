//! An issue of the newsletter as staff write it: a subject and a Markdown
//! body in French and in English. Either language may be left empty (its
//! subscribers then get the other one), not both.

use super::{
    news::Markdown,
    text::{TextError, one_line},
};
use crate::text::i18n::Lang;

/// The longest subject, in characters.
pub const SUBJECT_MAX_CHARS: usize = 200;
/// The longest body, in characters.
pub const BODY_MAX_CHARS: usize = 100_000;

/// A subject: one line, trimmed, 1 to 200 characters, no control
/// characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueSubject(String);

impl IssueSubject {
    pub fn parse(input: &str) -> Result<IssueSubject, TextError> {
        one_line(input, SUBJECT_MAX_CHARS).map(IssueSubject)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A body: Markdown, trimmed, not empty, 100,000 characters at most.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueBody(Markdown);

impl IssueBody {
    pub fn parse(input: &str) -> Result<IssueBody, TextError> {
        Markdown::parse(input, BODY_MAX_CHARS).map(IssueBody)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// An issue in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueText {
    pub subject: IssueSubject,
    pub body: IssueBody,
}

/// A field of an issue, as the back office's form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IssueField {
    SubjectFr,
    SubjectEn,
    BodyFr,
    BodyEn,
}

impl IssueField {
    pub const ALL: [IssueField; 4] =
        [IssueField::SubjectFr, IssueField::BodyFr, IssueField::SubjectEn, IssueField::BodyEn];

    /// The form field and the column of this name.
    pub fn column(self) -> &'static str {
        match self {
            IssueField::SubjectFr => "subject_fr",
            IssueField::SubjectEn => "subject_en",
            IssueField::BodyFr => "body_fr",
            IssueField::BodyEn => "body_en",
        }
    }
}

/// What is wrong with an issue as typed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum IssueError {
    /// One field, and why.
    #[error("{}: {error}", .field.column())]
    Field { field: IssueField, error: TextError },
    /// Neither language has a subject or a body.
    #[error("the issue is empty: write it in French, in English, or both")]
    Empty,
}

/// An issue's fields as typed.
#[derive(Clone, Copy, Debug, Default)]
pub struct IssueFields<'a> {
    pub subject_fr: &'a str,
    pub body_fr: &'a str,
    pub subject_en: &'a str,
    pub body_en: &'a str,
}

/// An issue's texts: at least one language, each with its subject and
/// its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueTexts {
    Both { fr: IssueText, en: IssueText },
    Fr(IssueText),
    En(IssueText),
}

impl IssueTexts {
    /// Parses every field and gives every error at once. A language whose
    /// subject and body are both blank is absent; one of them alone is an
    /// error of the other.
    pub fn parse(fields: &IssueFields<'_>) -> Result<IssueTexts, Vec<IssueError>> {
        let mut errors = Vec::new();
        let fr = language(fields.subject_fr, fields.body_fr, (IssueField::SubjectFr, IssueField::BodyFr), &mut errors);
        let en = language(fields.subject_en, fields.body_en, (IssueField::SubjectEn, IssueField::BodyEn), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        IssueTexts::new(fr, en).ok_or_else(|| vec![IssueError::Empty])
    }

    /// The texts, when at least one language is given.
    pub fn new(fr: Option<IssueText>, en: Option<IssueText>) -> Option<IssueTexts> {
        match (fr, en) {
            (Some(fr), Some(en)) => Some(IssueTexts::Both { fr, en }),
            (Some(fr), None) => Some(IssueTexts::Fr(fr)),
            (None, Some(en)) => Some(IssueTexts::En(en)),
            (None, None) => None,
        }
    }

    /// The text written in `lang`, if any.
    pub fn get(&self, lang: Lang) -> Option<&IssueText> {
        match (self, lang) {
            (IssueTexts::Both { fr, .. } | IssueTexts::Fr(fr), Lang::Fr) => Some(fr),
            (IssueTexts::Both { en, .. } | IssueTexts::En(en), Lang::En) => Some(en),
            _ => None,
        }
    }

    /// The text a subscriber of `lang` gets: theirs, or else the other
    /// language's (with the language it is in).
    pub fn for_reader(&self, lang: Lang) -> (Lang, &IssueText) {
        match (self.get(lang), self) {
            (Some(text), _) => (lang, text),
            (None, IssueTexts::Both { fr, .. } | IssueTexts::Fr(fr)) => (Lang::Fr, fr),
            (None, IssueTexts::En(en)) => (Lang::En, en),
        }
    }

    /// The subject and body of a language as stored: empty when absent.
    pub fn columns(&self, lang: Lang) -> (&str, &str) {
        self.get(lang).map_or(("", ""), |text| (text.subject.as_str(), text.body.as_str()))
    }
}

fn language(
    subject: &str,
    body: &str,
    (subject_field, body_field): (IssueField, IssueField),
    errors: &mut Vec<IssueError>,
) -> Option<IssueText> {
    if subject.trim().is_empty() && body.trim().is_empty() {
        return None;
    }
    let subject =
        IssueSubject::parse(subject).map_err(|error| errors.push(IssueError::Field { field: subject_field, error }));
    let body = IssueBody::parse(body).map_err(|error| errors.push(IssueError::Field { field: body_field, error }));
    Some(IssueText { subject: subject.ok()?, body: body.ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(subject_fr: &'a str, body_fr: &'a str, subject_en: &'a str, body_en: &'a str) -> IssueFields<'a> {
        IssueFields { subject_fr, body_fr, subject_en, body_en }
    }

    #[test]
    fn a_subject_is_one_trimmed_line_of_200_characters_at_most() {
        assert_eq!(IssueSubject::parse("  Lettre\n n° 1 ").unwrap().as_str(), "Lettre n° 1");
        assert_eq!(IssueSubject::parse(&"é".repeat(200)).unwrap().as_str().chars().count(), 200);
        assert_eq!(IssueSubject::parse(&"é".repeat(201)), Err(TextError::TooLong(200)));
        assert_eq!(IssueSubject::parse(" \t "), Err(TextError::Empty));
        assert_eq!(IssueSubject::parse("a\u{7}b"), Err(TextError::ControlCharacter));
        assert_eq!(IssueSubject::parse("a\u{202E}b"), Err(TextError::BidiControl('\u{202E}')));
    }

    #[test]
    fn a_body_is_bounded_markdown() {
        assert_eq!(IssueBody::parse("# Titre\r\n\r\nTexte ").unwrap().as_str(), "# Titre\n\nTexte");
        assert_eq!(IssueBody::parse(&"a".repeat(BODY_MAX_CHARS + 1)), Err(TextError::TooLong(BODY_MAX_CHARS)));
        assert_eq!(IssueBody::parse("a\u{0}"), Err(TextError::ControlCharacter));
    }

    #[test]
    fn an_issue_needs_one_language_whole() {
        assert_eq!(IssueTexts::parse(&fields("", " ", "", "")), Err(vec![IssueError::Empty]));
        let fr_only = IssueTexts::parse(&fields("Sujet", "Corps", "", "")).unwrap();
        assert!(fr_only.get(Lang::En).is_none());
        let (lang, text) = fr_only.for_reader(Lang::En);
        assert_eq!((lang, text.subject.as_str()), (Lang::Fr, "Sujet"));
        assert_eq!(fr_only.columns(Lang::En), ("", ""));
        let both = IssueTexts::parse(&fields("Sujet", "Corps", "Subject", "Body")).unwrap();
        assert_eq!(both.for_reader(Lang::En).1.body.as_str(), "Body");
        // Half a language is an error of its missing field; all are told.
        let errors = IssueTexts::parse(&fields("Sujet", "", "", "Body")).unwrap_err();
        assert_eq!(
            errors,
            vec![
                IssueError::Field { field: IssueField::BodyFr, error: TextError::Empty },
                IssueError::Field { field: IssueField::SubjectEn, error: TextError::Empty },
            ]
        );
    }
}
