//! The audit log's entries as the back office shows them (the audit page
//! and the dashboard's latest changes).

use std::collections::HashMap;

use super::admin::{datetime, when};
use crate::{
    store::{AuditDetails, AuditEntry, AuditKind, AuditValue, TrashKind, Whereabouts, is_audit_word},
    text::i18n::{Arg, Tr},
    web::{error::AppError, paths::admin, state::AppState},
};

/// An audit entry as a table row shows it.
pub struct EntryRow {
    pub when: String,
    pub datetime: String,
    pub who: String,
    pub what: String,
    pub kind: String,
    /// The entry's details in the reader's language; its summary as
    /// written for an entry that keeps no details (written before they
    /// were kept).
    pub summary: String,
    /// Where the record the entry is about is now: its form, or the
    /// trash (none when it is gone, or the entry names no record).
    pub link: Option<EntryLink>,
}

/// A link from an entry to its record.
pub struct EntryLink {
    pub href: String,
    pub label: String,
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
                // The trash emptied of what was past its 30 days.
                None if entry.kind == AuditKind::TrashExpired.as_str() => tr.t("trash-audit-site"),
                None => tr.t("admin-audit-command-line"),
            },
            what: AuditKind::parse(&entry.kind).map_or_else(|| entry.kind.clone(), |kind| tr.t(kind_label(kind))),
            kind: entry.kind.clone(),
            summary: match (AuditKind::parse(&entry.kind), entry.details()) {
                (Some(kind), Some(details)) => details_text(tr, zone, kind, &details),
                _ => entry.summary.clone(),
            },
            link: None,
        }
    }

    /// The rows of entries, each linked to the record it is about: its
    /// form while it exists, the trash while it is there.
    pub async fn linked(state: &AppState, tr: &Tr, entries: &[AuditEntry]) -> Result<Vec<EntryRow>, AppError> {
        let mut found: HashMap<(TrashKind, i64), Whereabouts> = HashMap::new();
        let mut rows = Vec::with_capacity(entries.len());
        for entry in entries {
            let mut row = EntryRow::new(tr, &state.config.time_zone, entry);
            if let Some((kind, id)) = record_of(entry) {
                let whereabouts = match found.get(&(kind, id)) {
                    Some(known) => *known,
                    None => *found.entry((kind, id)).or_insert(state.store.whereabouts(kind, id).await?),
                };
                row.link = match whereabouts {
                    Whereabouts::Live => Some(EntryLink { href: edit_href(kind, id), label: tr.t("trash-audit-open") }),
                    Whereabouts::InTrash(trashed) => Some(EntryLink {
                        href: format!("{}#{}", admin::TRASH, anchor(trashed)),
                        label: tr.t("trash-audit-in-trash"),
                    }),
                    Whereabouts::Gone => None,
                };
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

/// An entry's details in the reader's language: its kind's message, with
/// each word, day and instant said in the language (an instant in the
/// secretariat's time `zone`).
fn details_text(tr: &Tr, zone: &crate::domain::TimeZone, kind: AuditKind, details: &AuditDetails) -> String {
    let args: Vec<(&str, Arg<'_>)> = details
        .values()
        .map(|(name, value)| {
            let arg = match value {
                AuditValue::Text(text) => Arg::Text(text.as_str().into()),
                AuditValue::Count(n) => Arg::Count(*n),
                AuditValue::Word(w) => Arg::Text(word(tr, w).into()),
                AuditValue::Words(words) => {
                    Arg::Text(words.iter().map(|w| word(tr, w)).collect::<Vec<_>>().join(", ").into())
                }
                AuditValue::Date(day) => match crate::domain::date::parse(day) {
                    Ok(day) => Arg::Text(tr.date(day).into()),
                    Err(_) => Arg::Text(day.as_str().into()),
                },
                AuditValue::Instant(at) => {
                    match time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339) {
                        Ok(at) => Arg::Text(when(tr, zone, at).into()),
                        Err(_) => Arg::Text(at.as_str().into()),
                    }
                }
            };
            (name, arg)
        })
        .collect();
    tr.format(detail_message(kind), &args)
}

/// A word of an entry's details in the reader's language; as written
/// when it is none the log knows (a role the code no longer has).
fn word(tr: &Tr, word: &str) -> String {
    if is_audit_word(word) { tr.t(&format!("audit-word-{word}")) } else { word.to_owned() }
}

/// The record an entry is about: its kind, and the id its details keep,
/// or, for an entry written before they were kept, the `#id` its summary
/// starts with.
fn record_of(entry: &AuditEntry) -> Option<(TrashKind, i64)> {
    let kind = AuditKind::parse(&entry.kind)?.item()?;
    if let Some(details) = entry.details() {
        return Some((kind, details.record_id()?));
    }
    let rest = entry.summary.strip_prefix('#')?;
    let digits: &str = rest.split(|c: char| !c.is_ascii_digit()).next()?;
    Some((kind, digits.parse().ok().filter(|id| *id > 0)?))
}

/// A record's form in the back office.
pub fn edit_href(kind: TrashKind, id: i64) -> String {
    match kind {
        TrashKind::Signatory => admin::signatory(id),
        TrashKind::Event => admin::event(id),
        TrashKind::News => admin::news_item(id),
    }
}

/// The id of an item's row on the trash page, by the trash's own id (a
/// record's id may be in the trash twice: SQLite gives the id of the
/// latest row deleted to the next one added).
pub fn anchor(trashed: i64) -> String {
    format!("trash-item-{trashed}")
}

/// The Fluent message that tells an entry's details, by its kind.
pub fn detail_message(kind: AuditKind) -> &'static str {
    match kind {
        AuditKind::AccountCreated => "audit-detail-account-created",
        AuditKind::AccountPasswordChanged => "audit-detail-account-password-changed",
        AuditKind::AccountRoleChanged => "audit-detail-account-role-changed",
        AuditKind::AccountLanguageChanged => "audit-detail-account-language-changed",
        AuditKind::AccountDisabled => "audit-detail-account-disabled",
        AuditKind::AccountDeleted => "audit-detail-account-deleted",
        AuditKind::AccountEnabled => "audit-detail-account-enabled",
        AuditKind::AccountInvited => "audit-detail-account-invited",
        AuditKind::InvitationResent => "audit-detail-invitation-resent",
        AuditKind::InvitationWithdrawn => "audit-detail-invitation-withdrawn",
        AuditKind::AccountLocked => "audit-detail-account-locked",
        AuditKind::SignedIn => "audit-detail-signed-in",
        AuditKind::SignInFailed => "audit-detail-sign-in-failed",
        AuditKind::SignedOut => "audit-detail-signed-out",
        AuditKind::SubscriberErased => "audit-detail-subscriber-erased",
        AuditKind::SubscribersExported => "audit-detail-subscribers-exported",
        AuditKind::SignatoriesImported => "audit-detail-signatories-imported",
        AuditKind::SignatoryAdded => "audit-detail-signatory-added",
        AuditKind::SignatoryUpdated => "audit-detail-signatory-updated",
        AuditKind::SignatoryDeleted => "audit-detail-signatory-deleted",
        AuditKind::EventsImported => "audit-detail-events-imported",
        AuditKind::NewsImported => "audit-detail-news-imported",
        AuditKind::SampleRemoved => "audit-detail-sample-removed",
        AuditKind::TwoStepOn => "audit-detail-two-step-on",
        AuditKind::TwoStepOff => "audit-detail-two-step-off",
        AuditKind::RecoveryCodesRenewed => "audit-detail-recovery-codes-renewed",
        AuditKind::RecoveryCodeUsed => "audit-detail-recovery-code-used",
        AuditKind::SettingChanged => "audit-detail-setting-changed",
        AuditKind::PageSaved => "audit-detail-page-saved",
        AuditKind::PageRestored => "audit-detail-page-restored",
        AuditKind::EventAdded => "audit-detail-event-added",
        AuditKind::EventUpdated => "audit-detail-event-updated",
        AuditKind::EventPostponed => "audit-detail-event-postponed",
        AuditKind::EventCancelled => "audit-detail-event-cancelled",
        AuditKind::EventDeleted => "audit-detail-event-deleted",
        AuditKind::NewsAdded => "audit-detail-news-added",
        AuditKind::NewsUpdated => "audit-detail-news-updated",
        AuditKind::NewsPublished => "audit-detail-news-published",
        AuditKind::NewsUnpublished => "audit-detail-news-unpublished",
        AuditKind::NewsDeleted => "audit-detail-news-deleted",
        AuditKind::SignatoryRestored => "audit-detail-signatory-restored",
        AuditKind::EventRestored => "audit-detail-event-restored",
        AuditKind::NewsRestored => "audit-detail-news-restored",
        AuditKind::TrashErased => "audit-detail-trash-erased",
        AuditKind::TrashEmptied => "audit-detail-trash-emptied",
        AuditKind::TrashExpired => "audit-detail-trash-expired",
        AuditKind::NewsPreviewLinkCreated => "audit-detail-news-preview-link-created",
        AuditKind::NewsPreviewLinkWithdrawn => "audit-detail-news-preview-link-withdrawn",
        AuditKind::NewsletterIssueAdded => "audit-detail-newsletter-issue-added",
        AuditKind::NewsletterIssueUpdated => "audit-detail-newsletter-issue-updated",
        AuditKind::NewsletterIssueScheduled => "audit-detail-newsletter-issue-scheduled",
        AuditKind::NewsletterSendingStarted => "audit-detail-newsletter-sending-started",
        AuditKind::NewsletterSendingPaused => "audit-detail-newsletter-paused",
        AuditKind::NewsletterSendingResumed => "audit-detail-newsletter-resumed",
        AuditKind::NewsletterIssueSent => "audit-detail-newsletter-sent",
        AuditKind::NewsletterIssueDeleted => "audit-detail-newsletter-issue-deleted",
        AuditKind::ApplicationConfirmed => "audit-detail-application-confirmed",
        AuditKind::ApplicationCorrected => "audit-detail-application-corrected",
        AuditKind::ApplicationApproved => "audit-detail-application-approved",
        AuditKind::ApplicationDeclined => "audit-detail-application-declined",
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
        AuditKind::InvitationResent => "admin-kind-invitation-resent",
        AuditKind::InvitationWithdrawn => "admin-kind-invitation-withdrawn",
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
        AuditKind::SignatoryRestored => "trash-kind-signatory-restored",
        AuditKind::EventRestored => "trash-kind-event-restored",
        AuditKind::NewsRestored => "trash-kind-news-restored",
        AuditKind::TrashErased => "trash-kind-erased",
        AuditKind::TrashEmptied => "trash-kind-emptied",
        AuditKind::TrashExpired => "trash-kind-expired",
        AuditKind::NewsPreviewLinkCreated => "preview-kind-link-created",
        AuditKind::NewsPreviewLinkWithdrawn => "preview-kind-link-withdrawn",
        AuditKind::NewsletterIssueAdded => "admin-kind-newsletter-issue-added",
        AuditKind::NewsletterIssueUpdated => "admin-kind-newsletter-issue-updated",
        AuditKind::NewsletterIssueScheduled => "admin-kind-newsletter-issue-scheduled",
        AuditKind::NewsletterSendingStarted => "admin-kind-newsletter-sending-started",
        AuditKind::NewsletterSendingPaused => "admin-kind-newsletter-paused",
        AuditKind::NewsletterSendingResumed => "admin-kind-newsletter-resumed",
        AuditKind::NewsletterIssueSent => "admin-kind-newsletter-sent",
        AuditKind::NewsletterIssueDeleted => "admin-kind-newsletter-issue-deleted",
        AuditKind::ApplicationConfirmed => "applications-kind-confirmed",
        AuditKind::ApplicationCorrected => "applications-kind-corrected",
        AuditKind::ApplicationApproved => "applications-kind-approved",
        AuditKind::ApplicationDeclined => "applications-kind-declined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: &str, summary: &str) -> AuditEntry {
        AuditEntry {
            id: 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            actor_email: None,
            kind: kind.to_owned(),
            summary: summary.to_owned(),
            details: None,
        }
    }

    fn with_details(kind: &str, summary: &str, details: &AuditDetails) -> AuditEntry {
        AuditEntry { details: serde_json::to_string(details).ok(), ..entry(kind, summary) }
    }

    #[test]
    fn an_entry_with_details_names_the_record_they_keep() {
        let details = AuditDetails::new().id(12).text("name", "Lyon");
        // The details, not the summary, say which.
        assert_eq!(
            record_of(&with_details("signatory.updated", "#9 Lyon", &details)),
            Some((TrashKind::Signatory, 12))
        );
        assert_eq!(record_of(&with_details("signatory.updated", "#9 Lyon", &AuditDetails::new())), None);
        assert_eq!(record_of(&with_details("news.imported", "#3", &AuditDetails::new().id(3))), None);
    }

    /// Details are told in the reader's language, their words too; a word
    /// the log does not know is shown as written.
    #[test]
    fn details_are_told_in_the_readers_language() {
        let locales = std::sync::Arc::new(crate::text::i18n::Locales::load().unwrap());
        let fr = Tr::new(crate::text::i18n::Lang::Fr, locales.clone());
        let en = Tr::new(crate::text::i18n::Lang::En, locales);
        let zone = crate::domain::TimeZone::parse("Europe/Paris").unwrap();
        let failed = AuditDetails::new().word("reason", "wrong-two-step-code");
        assert_eq!(details_text(&fr, &zone, AuditKind::SignInFailed, &failed), "code de validation erroné");
        assert_eq!(details_text(&en, &zone, AuditKind::SignInFailed, &failed), "wrong two-step code");
        // As a row written by a version that knew another role would read.
        let role: AuditDetails = serde_json::from_str(
            r#"{"email":{"text":"a@example.org"},"before":{"word":"owner"},"after":{"word":"role-admin"}}"#,
        )
        .unwrap();
        assert_eq!(
            details_text(&fr, &zone, AuditKind::AccountRoleChanged, &role),
            "a@example.org\u{a0}: owner → administrateur"
        );
        let restored = AuditDetails::new()
            .id(5)
            .text("name-fr", "Lyon")
            .text("name-en", "Lyons")
            .count("was", 3)
            .count("moved", 1);
        assert_eq!(
            details_text(&en, &zone, AuditKind::SignatoryRestored, &restored),
            "Lyons (under a new number, was #3)"
        );
        let restored = restored.count("moved", 0);
        assert_eq!(details_text(&fr, &zone, AuditKind::SignatoryRestored, &restored), "Lyon");
        let removed = AuditDetails::new().count("signatories", 1200).count("events", 1).count("news", 0);
        assert_eq!(
            details_text(&fr, &zone, AuditKind::SampleRemoved, &removed),
            "Données d’exemple retirées\u{a0}: 1\u{202f}200 adhérents, 1 événement, 0 actualité"
        );
        let added = AuditDetails::new()
            .text("name", "Lyon")
            .text("country", "FR")
            .word("kind", "city")
            .date("joined", time::macros::date!(2013 - 05 - 01));
        assert_eq!(
            details_text(&fr, &zone, AuditKind::SignatoryAdded, &added),
            "Lyon (FR, ville, adhésion le 1er mai 2013)"
        );
        assert_eq!(
            details_text(&en, &zone, AuditKind::SignatoryAdded, &added),
            "Lyon (FR, city, joined on 1 May 2013)"
        );
        let published = AuditDetails::new()
            .text("title", "Une actualité")
            .instant("at", time::macros::datetime!(2026-11-26 08:30 UTC))
            .count("scheduled", 1);
        assert_eq!(
            details_text(&fr, &zone, AuditKind::NewsPublished, &published),
            "Une actualité\u{a0}: programmée pour le 26 novembre 2026 à 9\u{a0}h\u{a0}30 (Europe/Paris)"
        );
    }

    /// An issue's sending and scheduling are told with their counts and
    /// time, in both languages.
    #[test]
    fn newsletter_sending_is_told_in_the_readers_language() {
        let locales = std::sync::Arc::new(crate::text::i18n::Locales::load().unwrap());
        let fr = Tr::new(crate::text::i18n::Lang::Fr, locales.clone());
        let en = Tr::new(crate::text::i18n::Lang::En, locales);
        let zone = crate::domain::TimeZone::parse("Europe/Paris").unwrap();
        let started = AuditDetails::new().id(3).text("subject", "Lettre n° 1").count("fr", 1).count("en", 2400);
        assert_eq!(
            details_text(&fr, &zone, AuditKind::NewsletterSendingStarted, &started),
            "Lettre n° 1\u{a0}: à 1 abonné en français et 2\u{202f}400 en anglais"
        );
        assert_eq!(
            details_text(&en, &zone, AuditKind::NewsletterSendingStarted, &started),
            "Lettre n° 1: to 1 subscriber in French and 2,400 in English"
        );
        let scheduled = AuditDetails::new()
            .text("subject", "Letter")
            .count("scheduled", 1)
            .instant("at", time::macros::datetime!(2026-11-26 08:30 UTC));
        assert_eq!(
            details_text(&en, &zone, AuditKind::NewsletterIssueScheduled, &scheduled),
            format!("Letter: to be sent on {}", when(&en, &zone, time::macros::datetime!(2026-11-26 08:30 UTC)))
        );
        let draft = AuditDetails::new().text("subject", "Lettre").count("scheduled", 0);
        assert_eq!(
            details_text(&fr, &zone, AuditKind::NewsletterIssueScheduled, &draft),
            "Lettre\u{a0}: redevenu brouillon"
        );
    }

    /// Every kind of entry, and every word its details may name, is said
    /// in both languages.
    #[test]
    fn every_kind_and_word_has_its_messages() {
        for lang in crate::text::i18n::Lang::ALL {
            let ids = crate::text::i18n::Locales::message_ids(lang);
            let missing: Vec<String> = AuditKind::ALL
                .into_iter()
                .map(|kind| detail_message(kind).to_owned())
                .chain(crate::store::audit_words().iter().map(|w| format!("audit-word-{w}")))
                .filter(|id| !ids.contains(id))
                .collect();
            assert!(missing.is_empty(), "{lang}: no message {missing:?}");
        }
    }

    #[test]
    fn an_entry_names_the_record_its_summary_starts_with() {
        assert_eq!(record_of(&entry("signatory.deleted", "#12 Lyon (FR, city)")), Some((TrashKind::Signatory, 12)));
        assert_eq!(record_of(&entry("event.restored", "#7")), Some((TrashKind::Event, 7)));
        assert_eq!(record_of(&entry("news.published", "#3 slug (Title): published")), Some((TrashKind::News, 3)));
        // The imports name no one record, nor does a summary without `#id`.
        assert_eq!(record_of(&entry("news.imported", "#3 files")), None);
        assert_eq!(record_of(&entry("signatory.added", "Lyon (FR, city)")), None);
        assert_eq!(record_of(&entry("signatory.added", "#x Lyon")), None);
        assert_eq!(record_of(&entry("signatory.added", "#0 Lyon")), None);
        assert_eq!(record_of(&entry("unknown.kind", "#3")), None);
    }
}
