//! What saving a record that staff edit came to: the one answer the
//! store gives for signatories, events and news items alike.

/// What a save did. `T` is the record as stored, with its version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved<T> {
    /// Written: the record's id.
    Done(i64),
    /// No record has this id (any more).
    NotFound,
    /// Someone else changed it since the form was read: as it stands now.
    Conflict(Box<T>),
    /// Another record already has what must be unique (a signatory's
    /// name in its country).
    Duplicate,
}
