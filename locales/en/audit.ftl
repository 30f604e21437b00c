# The audit log: each entry’s details in the reader’s language (one message per kind of entry), and the words those details name.

audit-detail-account-created = { $email } ({ $role }){ $invited ->
    [1] , by invitation
   *[other] {""}
}
audit-detail-account-password-changed = { $email }
audit-detail-account-role-changed = { $email }: { $before } → { $after }
audit-detail-account-language-changed = { $email }: { $lang }
audit-detail-account-disabled = { $email }
audit-detail-account-deleted = { $email }
audit-detail-account-enabled = { $email }
audit-detail-account-invited = { $email } ({ $role })
audit-detail-invitation-resent = { $email } ({ $role })
audit-detail-invitation-withdrawn = { $email } ({ $role })
audit-detail-account-locked = { $failures } failed sign-ins: waits { $minutes } minutes
audit-detail-signed-in = With { $method }
audit-detail-sign-in-failed = { $reason }
audit-detail-signed-out = {""}
audit-detail-subscriber-erased = Subscriber #{ $subscriber }: { $status }, { $lang }, consent { $consent }
audit-detail-subscribers-exported = { $which } ({ $count-text })
audit-detail-signatories-imported = { $file }: { $count-text } { $count ->
    [one] signatory
   *[other] signatories
}: { $added-text } added, { $updated-text } updated, { $unchanged-text } unchanged
audit-detail-events-imported = { $file }: { $count-text } { $count ->
    [one] event
   *[other] events
}: { $added-text } added, { $updated-text } updated, { $unchanged-text } unchanged
audit-detail-news-imported = { $file }: { $count-text } news { $count ->
    [one] item
   *[other] items
}: { $added-text } added, { $updated-text } updated, { $unchanged-text } unchanged
audit-detail-signatory-added = { $name } ({ $country }, { $kind }, joined on { $joined })
audit-detail-signatory-updated = { $name } ({ $country }): { $fields }
audit-detail-signatory-deleted = { $name } ({ $country }, { $kind }, joined on { $joined }){ $sample ->
    [1] , sample data
   *[other] {""}
}
audit-detail-sample-removed = Sample data removed: { $signatories-text } { $signatories ->
    [one] signatory
   *[other] signatories
}, { $events-text } { $events ->
    [one] event
   *[other] events
}, { $news-text } news { $news ->
    [one] item
   *[other] items
}
audit-detail-two-step-on = { $email }: { $codes-text } recovery { $codes ->
    [one] code
   *[other] codes
}
audit-detail-two-step-off = { $email }
audit-detail-recovery-codes-renewed = { $email }: { $codes-text } new recovery { $codes ->
    [one] code
   *[other] codes
}
audit-detail-recovery-code-used = { $left ->
    [one] { $left-text } code left
   *[other] { $left-text } codes left
}
audit-detail-setting-changed = { $setting }: { $before } → { $after }
audit-detail-page-saved = { $page } ({ $lang }): revision #{ $revision }
audit-detail-page-restored = { $page } ({ $lang }): revision #{ $revision } restores { $from ->
    [0] the text the site came with
   *[other] revision #{ $from }
}
audit-detail-event-added = { $title-en } ({ $start })
audit-detail-event-updated = { $slug }: { $fields }
audit-detail-event-postponed = { $slug }: { $fields }
audit-detail-event-cancelled = { $slug }: { $fields }
audit-detail-event-deleted = { $title-en } ({ $start }){ $sample ->
    [1] , sample data
   *[other] {""}
}
audit-detail-news-added = { $title } (draft)
audit-detail-news-updated = { $title }: { $changes }
audit-detail-news-published = { $title }: { $scheduled ->
    [1] scheduled for { $at }
   *[other] published on { $at }
}
audit-detail-news-unpublished = { $title }: back to draft
audit-detail-news-deleted = { $title }
audit-detail-signatory-restored = { $name-en }{ $moved ->
    [1] {" "}(under a new number, was #{ $was })
   *[other] {""}
}
audit-detail-event-restored = { $name-en }{ $moved ->
    [1] {" "}(under a new number, was #{ $was })
   *[other] {""}
}
audit-detail-news-restored = { $name-en }{ $moved ->
    [1] {" "}(under a new number, was #{ $was })
   *[other] {""}
}
audit-detail-trash-erased = { $kind } #{ $item }: { $name-en }
audit-detail-trash-emptied = { $count-text } { $count ->
    [one] item
   *[other] items
}: { $names-en }
audit-detail-trash-expired = { $count-text } { $count ->
    [one] item
   *[other] items
}: { $names-en }

## The words of the details.

audit-word-role-admin = admin
audit-word-role-editor = editor
audit-word-lang-fr = French
audit-word-lang-en = English
audit-word-page-about = { about-title }
audit-word-page-aims = { aims-title }
audit-word-page-pact = { pact-title }
audit-word-page-privacy = { privacy-title }
audit-word-page-legal = { legal-title }
audit-word-page-accessibility = { accessibility-title }
audit-word-page-contact = { contact-title }
audit-word-page-help = { help-title }
audit-word-field-name = name
audit-word-field-kind = kind
audit-word-field-country = country
audit-word-field-joined-on = date of joining
audit-word-field-name-fr = name in French
audit-word-field-name-en = name in English
audit-word-field-website = website
audit-word-field-latitude = latitude
audit-word-field-longitude = longitude
audit-word-field-slug = address
audit-word-field-title-fr = title in French
audit-word-field-title-en = title in English
audit-word-field-start = start
audit-word-field-end = end
audit-word-field-time-zone = time zone
audit-word-field-status = status
audit-word-field-venue-name = venue
audit-word-field-venue-city = city
audit-word-field-venue-country = venue’s country
audit-word-field-online-url = online link
audit-word-field-registration-url = registration link
audit-word-field-signatory = signatory
audit-word-field-description-fr = description in French
audit-word-field-description-en = description in English
audit-word-wrong-password = wrong password
audit-word-locked = account waiting after failed sign-ins
audit-word-disabled = account disabled
audit-word-unknown-address = unknown address
audit-word-wrong-two-step-code = wrong two-step code
audit-word-password = the password alone
audit-word-authenticator-app = the authenticator app
audit-word-recovery-code = a recovery code
audit-word-two-step-required = two-step sign-in required of everyone
audit-word-on = yes
audit-word-off = no
audit-word-sample-real = sample data made real
audit-word-city = city
audit-word-region = region
audit-word-signatory-changed = linked signatory changed
audit-word-fr-added = French text added
audit-word-fr-removed = French text removed
audit-word-fr-edited = French text edited
audit-word-en-added = English text added
audit-word-en-removed = English text removed
audit-word-en-edited = English text edited
audit-word-image-replaced = image replaced
audit-word-image-removed = image removed
audit-word-no-change = no change
audit-word-signatory = Signatory
audit-word-event = Event
audit-word-news = News item
audit-word-pending = waiting for confirmation
audit-word-confirmed = confirmed
audit-word-all-subscribers = Every subscriber, pending ones too
audit-word-confirmed-subscribers = The confirmed subscribers

## Added with the news preview links and the events' French addresses
audit-detail-news-preview-link-created = { $slug }: a link until { $until }
audit-detail-news-preview-link-withdrawn = { $slug }
audit-word-field-slug-fr = French address
audit-word-new-date-to-be-announced = new date to be announced
audit-word-new-date-announced = new date announced

## Newsletter issues
audit-detail-newsletter-issue-added = { $subject }
audit-detail-newsletter-issue-updated = { $subject }
audit-detail-newsletter-issue-scheduled = { $subject }: { $scheduled ->
    [1] to be sent on { $at }
   *[other] back to draft
}
audit-detail-newsletter-sending-started = { $subject }: to { $fr-text } { $fr ->
    [one] subscriber
   *[other] subscribers
} in French and { $en-text } in English
audit-detail-newsletter-paused = { $subject }
audit-detail-newsletter-resumed = { $subject }
audit-detail-newsletter-sent = { $subject }
audit-detail-newsletter-issue-deleted = { $subject }

## Applications to join the Pact
audit-detail-application-confirmed = { $name } ({ $country })
audit-detail-application-corrected = { $name } ({ $country })
audit-detail-application-approved = { $name } ({ $country })
audit-detail-application-declined = { $name } ({ $country })
