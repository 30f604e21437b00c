//! The audit log: every change made in the back office or by the command
//! line, kept for good (the schema refuses updates and deletions).

use std::{collections::BTreeMap, sync::LazyLock};

use serde::{Deserialize, Serialize};
use sqlx::{Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::OffsetDateTime;

use super::{ImportReport, Store, StoreError, TrashKind, instant};
use crate::{
    domain::{Role, event::EventField, signatory::Field},
    text::{i18n::Lang, pages::Prose},
};

/// Who made a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// Someone at the server's command line.
    CommandLine,
    /// A person signed in to the back office, by address.
    Staff(String),
}

impl Actor {
    /// The address stored; none for the command line.
    pub(super) fn email(&self) -> Option<&str> {
        match self {
            Actor::CommandLine => None,
            Actor::Staff(email) => Some(email),
        }
    }
}

/// What kind of change an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditKind {
    AccountCreated,
    AccountPasswordChanged,
    AccountRoleChanged,
    AccountLanguageChanged,
    AccountDisabled,
    AccountDeleted,
    AccountEnabled,
    AccountInvited,
    InvitationResent,
    InvitationWithdrawn,
    AccountLocked,
    SignedIn,
    SignInFailed,
    SignedOut,
    SubscriberErased,
    SubscribersExported,
    SignatoriesImported,
    SignatoryAdded,
    SignatoryUpdated,
    SignatoryDeleted,
    EventsImported,
    NewsImported,
    SampleRemoved,
    TwoStepOn,
    TwoStepOff,
    RecoveryCodesRenewed,
    RecoveryCodeUsed,
    SettingChanged,
    PageSaved,
    PageRestored,
    EventAdded,
    EventUpdated,
    EventPostponed,
    EventCancelled,
    EventDeleted,
    NewsAdded,
    NewsUpdated,
    NewsPublished,
    NewsUnpublished,
    NewsDeleted,
    SignatoryRestored,
    EventRestored,
    NewsRestored,
    TrashErased,
    TrashEmptied,
    TrashExpired,
    NewsPreviewLinkCreated,
    NewsPreviewLinkWithdrawn,
    NewsletterIssueAdded,
    NewsletterIssueUpdated,
    NewsletterIssueScheduled,
    NewsletterSendingStarted,
    NewsletterSendingPaused,
    NewsletterSendingResumed,
    NewsletterIssueSent,
    NewsletterIssueDeleted,
    ApplicationConfirmed,
    ApplicationCorrected,
    ApplicationApproved,
    ApplicationDeclined,
}

impl AuditKind {
    pub const ALL: [AuditKind; 60] = [
        AuditKind::AccountCreated,
        AuditKind::AccountPasswordChanged,
        AuditKind::AccountRoleChanged,
        AuditKind::AccountLanguageChanged,
        AuditKind::AccountDisabled,
        AuditKind::AccountDeleted,
        AuditKind::AccountEnabled,
        AuditKind::AccountInvited,
        AuditKind::InvitationResent,
        AuditKind::InvitationWithdrawn,
        AuditKind::AccountLocked,
        AuditKind::SignedIn,
        AuditKind::SignInFailed,
        AuditKind::SignedOut,
        AuditKind::SubscriberErased,
        AuditKind::SubscribersExported,
        AuditKind::SignatoriesImported,
        AuditKind::SignatoryAdded,
        AuditKind::SignatoryUpdated,
        AuditKind::SignatoryDeleted,
        AuditKind::EventsImported,
        AuditKind::NewsImported,
        AuditKind::SampleRemoved,
        AuditKind::TwoStepOn,
        AuditKind::TwoStepOff,
        AuditKind::RecoveryCodesRenewed,
        AuditKind::RecoveryCodeUsed,
        AuditKind::SettingChanged,
        AuditKind::PageSaved,
        AuditKind::PageRestored,
        AuditKind::EventAdded,
        AuditKind::EventUpdated,
        AuditKind::EventPostponed,
        AuditKind::EventCancelled,
        AuditKind::EventDeleted,
        AuditKind::NewsAdded,
        AuditKind::NewsUpdated,
        AuditKind::NewsPublished,
        AuditKind::NewsUnpublished,
        AuditKind::NewsDeleted,
        AuditKind::SignatoryRestored,
        AuditKind::EventRestored,
        AuditKind::NewsRestored,
        AuditKind::TrashErased,
        AuditKind::TrashEmptied,
        AuditKind::TrashExpired,
        AuditKind::NewsPreviewLinkCreated,
        AuditKind::NewsPreviewLinkWithdrawn,
        AuditKind::NewsletterIssueAdded,
        AuditKind::NewsletterIssueUpdated,
        AuditKind::NewsletterIssueScheduled,
        AuditKind::NewsletterSendingStarted,
        AuditKind::NewsletterSendingPaused,
        AuditKind::NewsletterSendingResumed,
        AuditKind::NewsletterIssueSent,
        AuditKind::NewsletterIssueDeleted,
        AuditKind::ApplicationConfirmed,
        AuditKind::ApplicationCorrected,
        AuditKind::ApplicationApproved,
        AuditKind::ApplicationDeclined,
    ];

    /// The kind as stored and filtered on: `account.created`.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::AccountCreated => "account.created",
            AuditKind::AccountPasswordChanged => "account.password_changed",
            AuditKind::AccountRoleChanged => "account.role_changed",
            AuditKind::AccountLanguageChanged => "account.language_changed",
            AuditKind::AccountDisabled => "account.disabled",
            AuditKind::AccountDeleted => "account.deleted",
            AuditKind::AccountEnabled => "account.enabled",
            AuditKind::AccountInvited => "account.invited",
            AuditKind::InvitationResent => "account.invitation_resent",
            AuditKind::InvitationWithdrawn => "account.invitation_withdrawn",
            AuditKind::AccountLocked => "account.locked",
            AuditKind::SignedIn => "session.signed_in",
            AuditKind::SignInFailed => "session.sign_in_failed",
            AuditKind::SignedOut => "session.signed_out",
            AuditKind::SubscriberErased => "subscriber.erased",
            AuditKind::SubscribersExported => "subscribers.exported",
            AuditKind::SignatoriesImported => "signatories.imported",
            AuditKind::SignatoryAdded => "signatory.added",
            AuditKind::SignatoryUpdated => "signatory.updated",
            AuditKind::SignatoryDeleted => "signatory.deleted",
            AuditKind::EventsImported => "events.imported",
            AuditKind::NewsImported => "news.imported",
            AuditKind::SampleRemoved => "sample.removed",
            AuditKind::TwoStepOn => "account.two_step_on",
            AuditKind::TwoStepOff => "account.two_step_off",
            AuditKind::RecoveryCodesRenewed => "account.recovery_codes_renewed",
            AuditKind::RecoveryCodeUsed => "session.recovery_code_used",
            AuditKind::SettingChanged => "settings.changed",
            AuditKind::PageSaved => "page.saved",
            AuditKind::PageRestored => "page.restored",
            AuditKind::EventAdded => "event.added",
            AuditKind::EventUpdated => "event.updated",
            AuditKind::EventPostponed => "event.postponed",
            AuditKind::EventCancelled => "event.cancelled",
            AuditKind::EventDeleted => "event.deleted",
            AuditKind::NewsAdded => "news.added",
            AuditKind::NewsUpdated => "news.updated",
            AuditKind::NewsPublished => "news.published",
            AuditKind::NewsUnpublished => "news.unpublished",
            AuditKind::NewsDeleted => "news.deleted",
            AuditKind::SignatoryRestored => "signatory.restored",
            AuditKind::EventRestored => "event.restored",
            AuditKind::NewsRestored => "news.restored",
            AuditKind::TrashErased => "trash.erased",
            AuditKind::TrashEmptied => "trash.emptied",
            AuditKind::TrashExpired => "trash.expired",
            AuditKind::NewsPreviewLinkCreated => "news.preview_link_created",
            AuditKind::NewsPreviewLinkWithdrawn => "news.preview_link_withdrawn",
            AuditKind::NewsletterIssueAdded => "newsletter.issue_added",
            AuditKind::NewsletterIssueUpdated => "newsletter.issue_updated",
            AuditKind::NewsletterIssueScheduled => "newsletter.issue_scheduled",
            AuditKind::NewsletterSendingStarted => "newsletter.sending_started",
            AuditKind::NewsletterSendingPaused => "newsletter.paused",
            AuditKind::NewsletterSendingResumed => "newsletter.resumed",
            AuditKind::NewsletterIssueSent => "newsletter.sent",
            AuditKind::NewsletterIssueDeleted => "newsletter.issue_deleted",
            AuditKind::ApplicationConfirmed => "application.confirmed",
            AuditKind::ApplicationCorrected => "application.corrected",
            AuditKind::ApplicationApproved => "application.approved",
            AuditKind::ApplicationDeclined => "application.declined",
        }
    }

    /// The kind of record an entry of this kind is about, when its summary
    /// starts with the record's `#id`.
    pub fn item(self) -> Option<TrashKind> {
        match self {
            AuditKind::SignatoryAdded
            | AuditKind::SignatoryUpdated
            | AuditKind::SignatoryDeleted
            | AuditKind::SignatoryRestored => Some(TrashKind::Signatory),
            AuditKind::EventAdded
            | AuditKind::EventUpdated
            | AuditKind::EventPostponed
            | AuditKind::EventCancelled
            | AuditKind::EventDeleted
            | AuditKind::EventRestored => Some(TrashKind::Event),
            AuditKind::NewsAdded
            | AuditKind::NewsUpdated
            | AuditKind::NewsPublished
            | AuditKind::NewsUnpublished
            | AuditKind::NewsDeleted
            | AuditKind::NewsRestored
            | AuditKind::NewsPreviewLinkCreated
            | AuditKind::NewsPreviewLinkWithdrawn => Some(TrashKind::News),
            _ => None,
        }
    }

    pub fn parse(text: &str) -> Option<AuditKind> {
        AuditKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// An entry of the log, as read back.
#[derive(Clone, Debug, FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: OffsetDateTime,
    /// None: the command line, or, for a failed sign-in, an address that
    /// has no account.
    pub actor_email: Option<String>,
    pub kind: String,
    pub summary: String,
    /// The details as data (JSON), for the entries written since they
    /// are kept; none before.
    pub details: Option<String>,
}

impl AuditEntry {
    /// The entry's details, when it keeps them (and they read).
    pub fn details(&self) -> Option<AuditDetails> {
        serde_json::from_str(self.details.as_deref()?).ok()
    }
}

/// A value of an entry's details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditValue {
    /// Shown as it is: a name, an address, a country's code, a slug.
    Text(String),
    /// A number: a count, a record's id.
    Count(i64),
    /// A word the reader's language says (see [`is_word`]).
    Word(String),
    /// Words, each said in the reader's language, as a list.
    Words(Vec<String>),
    /// A day (`2026-03-02`), written out the reader's way.
    Date(String),
    /// An instant (RFC 3339), told in the secretariat's time zone.
    Instant(String),
}

/// What an entry is about, as named values (a name, a count, a role…)
/// rather than text, so that the back office tells it in the reader's
/// language. Each kind of entry has its own names; `id` is the record an
/// entry is about, for the kinds that name one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuditDetails(BTreeMap<String, AuditValue>);

impl AuditDetails {
    pub fn new() -> AuditDetails {
        AuditDetails::default()
    }

    /// The record an entry is about.
    pub fn id(self, id: i64) -> AuditDetails {
        self.count("id", id)
    }

    pub fn text(mut self, name: &str, value: impl Into<String>) -> AuditDetails {
        self.0.insert(name.to_owned(), AuditValue::Text(value.into()));
        self
    }

    pub fn count(mut self, name: &str, n: impl TryInto<i64>) -> AuditDetails {
        self.0.insert(name.to_owned(), AuditValue::Count(n.try_into().unwrap_or(i64::MAX)));
        self
    }

    /// A word (see [`is_word`]); a word the log does not know is a
    /// mistake that the tests catch.
    pub fn word(mut self, name: &str, word: impl Into<String>) -> AuditDetails {
        let word = word.into();
        debug_assert!(is_word(&word), "not a word of the audit log: {word:?}");
        self.0.insert(name.to_owned(), AuditValue::Word(word));
        self
    }

    pub fn words(mut self, name: &str, words: Vec<String>) -> AuditDetails {
        debug_assert!(words.iter().all(|w| is_word(w)), "not words of the audit log: {words:?}");
        self.0.insert(name.to_owned(), AuditValue::Words(words));
        self
    }

    pub fn date(mut self, name: &str, date: time::Date) -> AuditDetails {
        self.0.insert(name.to_owned(), AuditValue::Date(crate::domain::date::format(date)));
        self
    }

    pub fn instant(mut self, name: &str, at: OffsetDateTime) -> AuditDetails {
        let text = at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        self.0.insert(name.to_owned(), AuditValue::Instant(text));
        self
    }

    /// An import of a file's `count` rows, and what they did.
    pub fn import(file: &str, count: usize, report: &ImportReport) -> AuditDetails {
        AuditDetails::new()
            .text("file", file)
            .count("count", count)
            .count("added", report.added)
            .count("updated", report.updated)
            .count("unchanged", report.unchanged)
    }

    /// The named values, by name.
    pub fn values(&self) -> impl Iterator<Item = (&str, &AuditValue)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value))
    }

    /// The record's id, when it names one.
    pub fn record_id(&self) -> Option<i64> {
        match self.0.get("id") {
            Some(AuditValue::Count(id)) if *id > 0 => Some(*id),
            _ => None,
        }
    }
}

/// The subscribers exported (all of them, or the confirmed ones), as the
/// audit log tells it: its summary and details.
pub fn subscribers_exported(all: bool, count: usize) -> (String, AuditDetails) {
    let (what, word) = if all {
        ("every subscriber, pending ones too", "all-subscribers")
    } else {
        ("the confirmed subscribers", "confirmed-subscribers")
    };
    (format!("{what} ({count})"), AuditDetails::new().word("which", word).count("count", count))
}

/// The word for a role: `role-admin`.
pub fn role_word(role: Role) -> String {
    format!("role-{}", role.as_str())
}

/// The word for a role as stored (`admin`); the text itself when it
/// names no role.
pub fn stored_role_word(stored: &str) -> String {
    Role::parse(stored).map_or_else(|| stored.to_owned(), role_word)
}

/// The word for a language: `lang-fr`.
pub fn lang_word(lang: Lang) -> String {
    format!("lang-{}", lang.code())
}

/// The word for a page of prose: `page-about`.
pub fn page_word(page: Prose) -> String {
    format!("page-{}", page.key())
}

/// The word for a field of a record, by its column: `field-joined-on`.
pub fn field_word(column: &str) -> String {
    format!("field-{}", column.replace('_', "-"))
}

/// The words that are no record's field, role, language or page: why a
/// sign-in failed, how one was made, what else changed.
const OTHER_WORDS: &[&str] = &[
    "wrong-password",
    "locked",
    "disabled",
    "unknown-address",
    "wrong-two-step-code",
    "password",
    "authenticator-app",
    "recovery-code",
    "two-step-required",
    "on",
    "off",
    "sample-real",
    "city",
    "region",
    "signatory-changed",
    "new-date-to-be-announced",
    "new-date-announced",
    "fr-added",
    "fr-removed",
    "fr-edited",
    "en-added",
    "en-removed",
    "en-edited",
    "image-replaced",
    "image-removed",
    "no-change",
    "signatory",
    "event",
    "news",
    "pending",
    "confirmed",
    "all-subscribers",
    "confirmed-subscribers",
];

/// Whether an entry's details may name `word`: the back office says each
/// word as the message `audit-word-{word}`.
pub fn is_word(word: &str) -> bool {
    words().iter().any(|w| w == word)
}

/// Every word an entry's details may name (see [`is_word`]).
pub fn words() -> &'static [String] {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut words: Vec<String> = OTHER_WORDS.iter().map(|w| (*w).to_owned()).collect();
        words.extend(Role::ALL.into_iter().map(role_word));
        words.extend(Lang::ALL.into_iter().map(lang_word));
        words.extend(Prose::ALL.into_iter().map(page_word));
        words.extend(Field::ALL.into_iter().map(|field| field_word(field.column())));
        words.extend(EventField::ALL.into_iter().map(|field| field_word(field.column())));
        words
    });
    &WORDS
}

/// Which entries to list: by whom, of what kind; all when both are `None`.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub actor: Option<Actor>,
    pub kind: Option<AuditKind>,
}

impl AuditFilter {
    /// The filter's `$1`: NULL for anyone, an empty text for the command
    /// line (no address is empty), else the address.
    fn who(&self) -> Option<&str> {
        self.actor.as_ref().map(|actor| actor.email().unwrap_or(""))
    }
}

/// Records an entry: `$1` at, `$2` actor's address, `$3` kind, `$4`
/// summary, `$5` details.
const INSERT: &str = "INSERT INTO audit_log (at, actor_email, kind, summary, details) VALUES ($1, $2, $3, $4, $5)";

/// A summary as kept: one line, 500 characters at most.
fn summary(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).take(500).collect()
}

/// Records an entry, at `at` (stored to the second), by `actor_email`
/// (none for the command line, or for a failed sign-in by an address that
/// has no account), with its `details` and `text` kept as a [`summary`]
/// (one line of English, for the command line). Run it in the
/// transaction of the change it records, where there is one, so that the
/// change and its entry are kept or lost together; either backend, the
/// pool or a transaction's connection.
pub(super) fn record<'e, 'c: 'e, E>(
    executor: E,
    at: OffsetDateTime,
    actor_email: Option<&str>,
    kind: AuditKind,
    details: &AuditDetails,
    text: &str,
) -> impl Future<Output = Result<(), StoreError>> + Send + 'e
where
    E: Executor<'c> + 'e,
    for<'t> OffsetDateTime: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> Option<&'t str>: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> &'t str: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> String: Encode<'t, E::Database> + Type<E::Database>,
    for<'t> Option<String>: Encode<'t, E::Database> + Type<E::Database>,
    <E::Database as Database>::Arguments: IntoArguments<E::Database>,
{
    // The values are encoded here, so that the future holds none of the
    // caller's borrows but the executor's.
    let query = sqlx::query::<'static, E::Database>(INSERT)
        .bind(instant(at))
        .bind(actor_email)
        .bind(kind.as_str())
        .bind(summary(text))
        .bind(serde_json::to_string(details).ok());
    let written = executor.execute(query);
    async move {
        written.await?;
        Ok(())
    }
}

/// The entries a filter selects: `$1` who (see [`AuditFilter::who`]), `$2`
/// kind (or NULL).
const FILTERED: &str = " FROM audit_log WHERE ($1 IS NULL OR actor_email = $1 OR ($1 = '' AND actor_email IS NULL)) \
          AND ($2 IS NULL OR kind = $2) ";

impl Store {
    /// Records a change that has no transaction of its own to join (an
    /// import by the command line, a sign-out).
    pub async fn record(
        &self,
        actor: &Actor,
        kind: AuditKind,
        details: &AuditDetails,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => record(pool, now, actor.email(), kind, details, text).await)
    }

    /// A page of the entries a filter selects, newest first.
    pub async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        static PAGE: LazyLock<String> = LazyLock::new(|| {
            format!("SELECT id, at, actor_email, kind, summary, details{FILTERED}ORDER BY id DESC LIMIT $3 OFFSET $4")
        });
        let kind = filter.kind.map(AuditKind::as_str);
        Ok(on_pool!(self, pool => sqlx::query_as(PAGE.as_str())
            .bind(filter.who())
            .bind(kind)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?)
    }

    /// How many entries a filter selects.
    pub async fn audit_count(&self, filter: &AuditFilter) -> Result<i64, StoreError> {
        static COUNT: LazyLock<String> = LazyLock::new(|| format!("SELECT count(*){FILTERED}"));
        let kind = filter.kind.map(AuditKind::as_str);
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(COUNT.as_str())
            .bind(filter.who())
            .bind(kind)
            .fetch_one(pool)
            .await)?;
        Ok(n)
    }

    /// The latest changes to the site's data and accounts, newest first:
    /// the sessions' comings and goings left out.
    pub async fn recent_changes(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        const RECENT: &str = "SELECT id, at, actor_email, kind, summary, details FROM audit_log \
            WHERE kind NOT LIKE 'session.%' ORDER BY id DESC LIMIT $1";
        Ok(on_pool!(self, pool => sqlx::query_as(RECENT).bind(limit).fetch_all(pool).await)?)
    }

    /// Every address that made a change, for the log's filter.
    pub async fn audit_actors(&self) -> Result<Vec<String>, StoreError> {
        const ACTORS: &str =
            "SELECT DISTINCT actor_email FROM audit_log WHERE actor_email IS NOT NULL ORDER BY actor_email";
        let rows: Vec<(String,)> = on_pool!(self, pool => sqlx::query_as(ACTORS).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(email,)| email).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Details are kept as JSON in a shape that entries already written
    /// keep reading back.
    #[test]
    fn details_keep_their_shape() {
        let details = AuditDetails::new()
            .id(12)
            .text("name", "Lyon")
            .word("kind", "city")
            .words("fields", vec![field_word("joined_on")]);
        let json = serde_json::to_string(&details).unwrap();
        assert_eq!(
            json,
            r#"{"fields":{"words":["field-joined-on"]},"id":{"count":12},"kind":{"word":"city"},"name":{"text":"Lyon"}}"#
        );
        assert_eq!(serde_json::from_str::<AuditDetails>(&json).unwrap(), details);
        assert_eq!(details.record_id(), Some(12));
        assert!(["city", "field-joined-on", "role-editor", "lang-en", "page-about"].iter().all(|w| is_word(w)));
        assert!(!is_word("joined_on") && !is_word("field-nope"));
    }

    /// Whatever a caller hands over, an entry keeps one line of 500
    /// characters at most, at the second.
    #[tokio::test]
    async fn an_entry_keeps_a_summary() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite://{}", dir.path().join("audit.db").display())).await.unwrap();
        store.migrate().await.unwrap();
        let at = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap() + time::Duration::milliseconds(250);
        let text = format!("two\nlines{}", "x".repeat(600));
        let Store::Sqlite(pool) = &store else { unreachable!("a SQLite URL") };
        let mut tx = pool.begin().await.unwrap();
        let details = AuditDetails::new().word("setting", "two-step-required").count("n", 3);
        record(&mut *tx, at, Some("staff@example.org"), AuditKind::SettingChanged, &details, &text).await.unwrap();
        tx.commit().await.unwrap();
        let entries = store.audit_entries(&AuditFilter::default(), 10, 0).await.unwrap();
        assert_eq!(entries.len(), 1);
        let entry = &entries[0];
        assert_eq!(entry.summary.chars().count(), 500);
        assert!(entry.summary.starts_with("two lines"), "{:?}", entry.summary);
        assert_eq!(entry.at, instant(at));
        assert_eq!(entry.actor_email.as_deref(), Some("staff@example.org"));
        assert_eq!(entry.kind, "settings.changed");
        assert_eq!(entry.details(), Some(details));
        store.close().await;
    }
}
