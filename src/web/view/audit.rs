//! The audit log's entries as the back office shows them (the audit page
//! and the dashboard's latest changes).

use super::admin::{datetime, when};
use crate::{
    store::{AuditEntry, AuditKind},
    text::i18n::Tr,
};

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
    pub fn new(tr: &Tr, zone: &crate::domain::TimeZone, entry: &AuditEntry) -> EntryRow {
        EntryRow {
            when: when(tr, zone, entry.at),
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
pub fn kind_label(kind: AuditKind) -> &'static str {
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
