//! The fields of the back office's forms, drawn the same way everywhere by
//! `templates/admin/form.html`: a label, the control, a hint, and the
//! field's error in the person's language, both tied to the control by
//! `aria-describedby`; and the values someone else saved, shown when a save
//! is refused for them.

use askama::Template;

use super::{admin::AdminContext, listing::Choice};
use crate::web::error::AppError;

/// One field of a form.
pub struct FormField {
    pub id: String,
    pub name: String,
    pub label: String,
    /// As typed, or as stored.
    pub value: String,
    /// `select`, `textarea`, or an `<input>`'s type (`text`, `date`, `url`).
    pub kind: &'static str,
    pub required: bool,
    pub maxlength: Option<usize>,
    /// A text area's height.
    pub rows: u32,
    /// The language of what is typed, where it is not the interface's.
    pub lang: Option<&'static str>,
    /// A drop-down list's empty choice, and its choices.
    pub blank: Option<String>,
    pub choices: Vec<Choice>,
    pub hint: Option<String>,
    pub error: Option<String>,
    /// A date field's latest day (`YYYY-MM-DD`), where there is one.
    pub max: Option<String>,
    /// Suggestions a text field offers as one types (a `<datalist>`, which
    /// browsers filter without a script): their values.
    pub suggestions: Vec<String>,
}

impl FormField {
    /// A one-line text field; the other settings are changed on the value.
    pub fn new(id: impl Into<String>, name: impl Into<String>, label: String, value: impl Into<String>) -> FormField {
        FormField {
            id: id.into(),
            name: name.into(),
            label,
            value: value.into(),
            kind: "text",
            required: false,
            maxlength: None,
            rows: 10,
            lang: None,
            blank: None,
            choices: Vec::new(),
            hint: None,
            error: None,
            max: None,
            suggestions: Vec::new(),
        }
    }

    /// The `aria-describedby` of the control: its error, then its hint.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        ids.join(" ")
    }
}

/// The version a form was read at, as it posts it back; a form without one
/// (or with anything else) was not the site's.
pub fn posted_version(posted: Option<&str>) -> Result<i64, AppError> {
    posted.and_then(|v| v.trim().parse().ok()).ok_or(AppError::BadRequest)
}

/// A value as another person saved it, shown beside a form whose save was
/// refused because of it.
pub struct StoredValue {
    pub label: String,
    pub value: String,
}

/// A confirmation step before a change that cannot be undone (a deletion,
/// a cancellation): what it is about, then a button to go on and a link
/// back.
#[derive(Template)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    pub ctx: AdminContext,
    /// What the page's ids are made from: `event-cancel` gives
    /// `event-cancel-record` and `event-cancel-form`.
    pub id: String,
    pub heading: String,
    pub explanation: String,
    /// A warning above it all, with its id: that the item changed since
    /// the page was read, say.
    pub warning: Option<(&'static str, String)>,
    /// What the item is: its name or title first.
    pub facts: Vec<StoredValue>,
    pub action: String,
    /// The version the page was read at, when the change needs it.
    pub version: Option<i64>,
    pub confirm: String,
    pub back_href: String,
    pub back_label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_then_the_hint_describe_the_control() {
        let mut field = FormField::new("event-title", "title", "Title".into(), "");
        assert_eq!(field.described_by(), "");
        field.hint = Some("A hint".into());
        assert_eq!(field.described_by(), "event-title-hint");
        field.error = Some("Wrong".into());
        assert_eq!(field.described_by(), "event-title-error event-title-hint");
    }
}
