//! One edit flow for the records staff keep: signatories, events and news
//! items. A record says what it is once, by implementing [`Record`]: its
//! addresses, its form and how the form is parsed into the domain type,
//! how it is loaded and saved (the store writes the audit entry in the
//! same transaction), and how its pages look. The handlers in [`flow`]
//! do the rest the same way for all of them:
//!
//! - a form carries the version of the record it was read at;
//! - a sent form comes to one [`Outcome`]: saved; invalid, shown again
//!   with each field's message and the typed values (422); in conflict
//!   with someone else's change, shown with their values and the typed
//!   ones, at the new version (409); or not found (404);
//! - a form sent after its session ended is kept and shown again, typed
//!   as it was, once the person has signed in again;
//! - deleting goes through a confirmation step.
//!
//! Prose pages keep revisions rather than a version that a save replaces,
//! so they have a flow of their own (`handlers/admin/pages`).

pub mod flow;

use std::future::Future;

use axum::{extract::FromRequest, http::StatusCode, response::Response};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

use super::{
    error::AppError,
    paths::admin::Area,
    staff::Staff,
    state::AppState,
    view::{
        admin::AdminContext,
        form::{ConfirmPage, StoredValue},
    },
};
use crate::{store::Saved, text::i18n::Tr};

/// A record that staff edit through the edit flow.
pub trait Record: Sized + Send + Sync + 'static {
    /// The record as stored, with its version.
    type Stored: Send + Sync + 'static;
    /// The form's values as typed: the values a page shows again.
    type Form: Send + Sync + 'static;
    /// A sent form, as it comes through the staff gate.
    type Body: FromRequest<AppState> + Send + 'static;
    /// The form's values parsed into the domain: what is saved.
    type Checked: Send + Sync + 'static;
    /// The list's query: its filters and page.
    type ListQuery: DeserializeOwned + Send + 'static;

    /// The back-office area the record's pages belong to.
    const AREA: Area;
    /// The list's address.
    const LIST: &'static str;
    /// The address of the form that adds one.
    const NEW: &'static str;
    /// The route of one record's form, and of its confirmation to delete.
    const ITEM_ROUTE: &'static str;
    const DELETE_ROUTE: &'static str;
    /// The largest body the record's form may send.
    const FORM_LIMIT: usize;

    /// The address of one record's form, and of its deletion.
    fn href(id: i64) -> String;
    fn delete_href(id: i64) -> String;

    // ------------------------------------------------------------ reading

    fn id(stored: &Self::Stored) -> i64;
    fn version(stored: &Self::Stored) -> i64;
    fn load(state: &AppState, id: i64) -> impl Future<Output = Result<Option<Self::Stored>, AppError>> + Send;

    /// The list, filtered and paged as the query asks.
    fn list(
        state: &AppState,
        staff: &Staff,
        query: Self::ListQuery,
    ) -> impl Future<Output = Result<Response, AppError>> + Send;

    // ----------------------------------------------------------- the form

    /// An empty form.
    fn blank() -> Self::Form;
    /// The form of a stored record.
    fn form_of(state: &AppState, stored: &Self::Stored) -> Self::Form;
    /// The form as this browser typed it before its session ended, when
    /// `action` is the form it was sent to.
    fn restored(staff: &Staff, action: &str) -> Option<Self::Form>;
    /// Who sent the form, and what they typed.
    fn posted(body: Self::Body) -> (Staff, Self::Form);
    /// The version the form says it was read at, as sent.
    fn typed_version(form: &Self::Form) -> Option<&str>;
    /// Whether the form asks only to be shown rendered (a preview button):
    /// nothing is written.
    fn previewing(_form: &Self::Form) -> bool {
        false
    }

    // --------------------------------------------------- checking, saving

    /// The form's values parsed into the domain (`current` is the record
    /// being edited, none for a new one); or each field's message.
    fn check(
        state: &AppState,
        tr: &Tr,
        form: &Self::Form,
        current: Option<&Self::Stored>,
    ) -> impl Future<Output = Result<Result<Self::Checked, FieldErrors>, AppError>> + Send;
    /// A new record written, with its audit entry.
    fn insert(
        state: &AppState,
        staff: &Staff,
        checked: &Self::Checked,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Saved<Self::Stored>, AppError>> + Send;
    /// A stored record written over, if it is still at `version`.
    fn update(
        state: &AppState,
        staff: &Staff,
        current: &Self::Stored,
        version: i64,
        checked: &Self::Checked,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Saved<Self::Stored>, AppError>> + Send;
    /// The record deleted, with its audit entry; false if there was none.
    fn remove(
        state: &AppState,
        staff: &Staff,
        id: i64,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, AppError>> + Send;
    /// Where a save leads (and what else the press asked for, done).
    fn saved(
        state: &AppState,
        staff: &Staff,
        saved: Done,
        checked: &Self::Checked,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Response, AppError>> + Send {
        let _ = (state, staff, checked, now);
        // The record saved, where the person goes on from: said at its top,
        // with its public page beside it.
        std::future::ready(Ok(flow::done(&Self::href(saved.id), saved.word())))
    }
    /// What the store's "another record has this" says, field by field.
    fn duplicate(_tr: &Tr) -> FieldErrors {
        FieldErrors::default()
    }

    // ---------------------------------------------------------- its pages

    /// The form's page, with the status given.
    fn page(
        state: &AppState,
        staff: &Staff,
        view: FormView<'_, Self>,
    ) -> impl Future<Output = Result<Response, AppError>> + Send;
    /// What someone else saved, where it differs from what was typed.
    fn theirs(tr: &Tr, theirs: &Self::Stored, form: &Self::Form) -> Vec<StoredValue>;
    /// What the confirmation step before deleting says.
    fn deletion(ctx: &AdminContext, staff: &Staff, stored: &Self::Stored, now: OffsetDateTime) -> Confirmation;
}

/// What a sent form came to.
pub enum Outcome<R: Record> {
    /// Written.
    Saved(Done, R::Checked),
    /// Shown rendered, nothing written.
    Preview,
    /// Refused: each field's message; the typed values are shown again.
    Invalid(FieldErrors),
    /// Refused: someone else saved the record since the form was read.
    Conflict(Box<R::Stored>),
    /// No record has this id (any more).
    NotFound,
}

/// A save that was written: the record's id, and whether it is new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Done {
    pub id: i64,
    pub added: bool,
}

impl Done {
    /// What the list's `?done=` says of it.
    pub fn word(self) -> &'static str {
        if self.added { "added" } else { "saved" }
    }
}

/// What is wrong with a form, by field (the name it is sent under, or a
/// name of the page's own for what belongs to no single field).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: String) {
        self.0.push((field.into(), message));
    }

    /// The first message about a field.
    pub fn of(&self, field: &str) -> Option<String> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, message)| message.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// These messages, then the other's.
    pub fn and(mut self, other: FieldErrors) -> FieldErrors {
        self.0.extend(other.0);
        self
    }
}

impl<F: Into<String>> FromIterator<(F, String)> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = (F, String)>>(iter: I) -> Self {
        FieldErrors(iter.into_iter().map(|(field, message)| (field.into(), message)).collect())
    }
}

/// What a form's page shows: the values typed (or stored), the record they
/// belong to, and what became of them.
pub struct FormView<'a, R: Record> {
    pub form: &'a R::Form,
    /// The record edited; none for a new one.
    pub stored: Option<&'a R::Stored>,
    /// The version the form was read at; the page sends it back.
    pub version: Option<i64>,
    pub errors: FieldErrors,
    /// Someone else's values, when a save was refused for them.
    pub conflict: Option<Vec<StoredValue>>,
    /// The preview button was pressed: the texts rendered above the form.
    pub preview: bool,
    /// What was just done, from the address's `?done=`.
    pub done: Option<String>,
    pub status: StatusCode,
}

impl<'a, R: Record> FormView<'a, R> {
    /// The form of a record (none: a new one) at a version, as it stands.
    pub fn new(form: &'a R::Form, stored: Option<&'a R::Stored>, version: Option<i64>) -> FormView<'a, R> {
        FormView {
            form,
            stored,
            version,
            errors: FieldErrors::default(),
            conflict: None,
            preview: false,
            done: None,
            status: StatusCode::OK,
        }
    }
}

/// The words of a confirmation step: Fluent message ids, and what the
/// record is.
pub struct Confirmation {
    /// What the page's ids are made from (`signatory-delete`).
    pub id: String,
    pub heading: &'static str,
    pub explanation: &'static str,
    pub confirm: &'static str,
    /// The link back, beside the button.
    pub back: &'static str,
    pub facts: Vec<StoredValue>,
}

impl Confirmation {
    /// The page, posting to `action`, leading back to `back_href`; with the
    /// version it was read at when the change needs one.
    pub fn page(self, ctx: AdminContext, action: String, back_href: String, version: Option<i64>) -> ConfirmPage {
        ConfirmPage {
            id: self.id,
            heading: ctx.t(self.heading),
            explanation: ctx.t(self.explanation),
            warning: None,
            facts: self.facts,
            action,
            version,
            confirm: ctx.t(self.confirm),
            back_href,
            back_label: ctx.t(self.back),
            ctx,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_shows_its_first_message_and_the_others_follow() {
        let errors: FieldErrors = [("name", "Empty".to_owned()), ("name", "Too long".to_owned())].into_iter().collect();
        let more: FieldErrors = [("country", "Unknown".to_owned())].into_iter().collect();
        let all = errors.and(more);
        assert_eq!(all.of("name").as_deref(), Some("Empty"));
        assert_eq!(all.of("country").as_deref(), Some("Unknown"));
        assert_eq!(all.of("website"), None);
        assert!(!all.is_empty());
        assert!(FieldErrors::default().is_empty());
    }

    #[test]
    fn the_list_says_whether_a_record_was_added_or_saved() {
        assert_eq!(Done { id: 3, added: true }.word(), "added");
        assert_eq!(Done { id: 3, added: false }.word(), "saved");
    }
}
