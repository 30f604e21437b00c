//! The back office, one file per area: signing in and out (and the second
//! step of a two-step sign-in), the dashboard, the signatories, the events,
//! the prose pages and their revisions, the subscribers, the person's own
//! account, and, for admins, the audit
//! log, the accounts and the invitations. Every handler takes [`Staff`](crate::web::staff::Staff) or
//! [`AdminOnly`](crate::web::staff::AdminOnly), and every form post a
//! [`StaffForm`](crate::web::staff::StaffForm).

pub mod account;
pub mod accounts;
pub mod audit;
pub mod dashboard;
pub mod events;
pub mod invitations;
pub mod news;
pub mod pages;
pub mod second_step;
pub mod sign_in;
pub mod signatories;
pub mod subscribers;

use time::{OffsetDateTime, UtcOffset};

use crate::{
    store::{AuditEntry, AuditKind},
    text::i18n::{Arg, Tr},
};

/// An instant as staff read it, in UTC: "25 novembre 2026 à 12 h 00 UTC".
fn when(tr: &Tr, at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    tr.format(
        "admin-when",
        &[("date", Arg::Text(tr.date(at.date()).into())), ("time", Arg::Text(tr.time_of_day(at.time()).into()))],
    )
}

/// An instant for `<time datetime>`.
fn datetime(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// An audit entry as a table row shows it.
pub struct EntryRow {
    pub when: String,
    pub datetime: String,
    pub who: String,
    pub what: String,
    pub kind: String,
    pub summary: String,
}

impl EntryRow {
    fn new(tr: &Tr, entry: &AuditEntry) -> EntryRow {
        EntryRow {
            when: when(tr, entry.at),
            datetime: datetime(entry.at),
            who: match &entry.actor_email {
                Some(email) => email.clone(),
                // A failed sign-in for an address that has no account.
                None if entry.kind == AuditKind::SignInFailed.as_str() => tr.t("admin-audit-unknown-address"),
                None => tr.t("admin-audit-command-line"),
            },
            what: AuditKind::parse(&entry.kind).map_or_else(|| entry.kind.clone(), |kind| tr.t(kind_label(kind))),
            kind: entry.kind.clone(),
            summary: entry.summary.clone(),
        }
    }
}

/// The Fluent message that names a kind of change.
fn kind_label(kind: AuditKind) -> &'static str {
    match kind {
        AuditKind::AccountCreated => "admin-kind-account-created",
        AuditKind::AccountPasswordChanged => "admin-kind-account-password-changed",
        AuditKind::AccountRoleChanged => "admin-kind-account-role-changed",
        AuditKind::AccountLanguageChanged => "admin-kind-account-language-changed",
        AuditKind::AccountDisabled => "admin-kind-account-disabled",
        AuditKind::AccountDeleted => "admin-kind-account-deleted",
        AuditKind::AccountEnabled => "admin-kind-account-enabled",
        AuditKind::AccountInvited => "admin-kind-account-invited",
        AuditKind::AccountLocked => "admin-kind-account-locked",
        AuditKind::SignedIn => "admin-kind-signed-in",
        AuditKind::SignInFailed => "admin-kind-sign-in-failed",
        AuditKind::SignedOut => "admin-kind-signed-out",
        AuditKind::SubscriberErased => "admin-kind-subscriber-erased",
        AuditKind::SubscribersExported => "admin-kind-subscribers-exported",
        AuditKind::SignatoriesImported => "admin-kind-signatories-imported",
        AuditKind::SignatoryAdded => "admin-kind-signatory-added",
        AuditKind::SignatoryUpdated => "admin-kind-signatory-updated",
        AuditKind::SignatoryDeleted => "admin-kind-signatory-deleted",
        AuditKind::EventsImported => "admin-kind-events-imported",
        AuditKind::NewsImported => "admin-kind-news-imported",
        AuditKind::SampleRemoved => "admin-kind-sample-removed",
        AuditKind::TwoStepOn => "admin-kind-two-step-on",
        AuditKind::TwoStepOff => "admin-kind-two-step-off",
        AuditKind::RecoveryCodesRenewed => "admin-kind-recovery-codes-renewed",
        AuditKind::RecoveryCodeUsed => "admin-kind-recovery-code-used",
        AuditKind::SettingChanged => "admin-kind-setting-changed",
        AuditKind::PageSaved => "admin-kind-page-saved",
        AuditKind::PageRestored => "admin-kind-page-restored",
        AuditKind::EventAdded => "admin-kind-event-added",
        AuditKind::EventUpdated => "admin-kind-event-updated",
        AuditKind::EventPostponed => "admin-kind-event-postponed",
        AuditKind::EventCancelled => "admin-kind-event-cancelled",
        AuditKind::EventDeleted => "admin-kind-event-deleted",
        AuditKind::NewsAdded => "admin-kind-news-added",
        AuditKind::NewsUpdated => "admin-kind-news-updated",
        AuditKind::NewsPublished => "admin-kind-news-published",
        AuditKind::NewsUnpublished => "admin-kind-news-unpublished",
        AuditKind::NewsDeleted => "admin-kind-news-deleted",
    }
}
