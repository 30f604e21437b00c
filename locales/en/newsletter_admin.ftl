# The back office's newsletter pages: the issues, their form, preview,
# test, sending, schedule, pause.

admin-nav-newsletter = Newsletter

## The list

newsletter-admin-new = New issue
newsletter-admin-issues = Issues
newsletter-admin-none = No issue yet.
newsletter-admin-column-status = Status
newsletter-admin-column-dates = Dates
newsletter-admin-column-progress = Sending
newsletter-admin-recipients = { $total ->
    [one] { $total-text } confirmed subscriber now: { $fr-text } in French, { $en-text } in English.
   *[other] { $total-text } confirmed subscribers now: { $fr-text } in French, { $en-text } in English.
}
newsletter-admin-progress-short = { $sent-text } sent of { $queued-text }{ $failed ->
    [0] {""}
   *[other] , { $failed-text } failed
}
newsletter-admin-deleted = The issue was deleted.
newsletter-admin-suppressed = Addresses that get no more mail
newsletter-admin-suppressed-note = When a subscriber’s mail server refuses their address for good, or they report a mail as spam, the site stops writing to that address by itself. Addresses whose mail came back undelivered three times within 30 days are stopped too.
newsletter-admin-suppressed-bounced = Refused for good (bounces)
newsletter-admin-suppressed-complained = Reported as spam (complaints)
newsletter-admin-suppressed-soft = Undelivered three times (soft bounces)

## Statuses and dates

newsletter-admin-status-draft = Draft
newsletter-admin-status-scheduled = Scheduled
newsletter-admin-status-sending = Being sent
newsletter-admin-status-paused = Paused
newsletter-admin-status-sent = Sent
newsletter-admin-status-line = Status: { $status }
newsletter-admin-updated-at = Last changed on { $when }
newsletter-admin-scheduled-for = Scheduled for { $when }
newsletter-admin-started-at = Sending started on { $when }
newsletter-admin-finished-at = Sent in full on { $when }
newsletter-admin-lang-fr = In French
newsletter-admin-lang-en = In English
newsletter-admin-total = In all

## The form

newsletter-admin-hint-languages = Write the issue in French, in English, or both. Subscribers of a language left empty get the other one, with a line at the top saying so in their language.
newsletter-admin-field-subject = Subject
newsletter-admin-field-body = Text
newsletter-admin-field-subject-fr = Subject in French
newsletter-admin-field-subject-en = Subject in English
newsletter-admin-field-body-fr = Text in French
newsletter-admin-field-body-en = Text in English
newsletter-admin-hint-subject = One line, 200 characters at most.
newsletter-admin-hint-body = Markdown: a blank line between paragraphs, ## for a heading, [words](address) for a link. Images are not sent.
newsletter-admin-preview = Preview
newsletter-admin-leave = Back to the list
newsletter-admin-added = The issue was saved as a draft.
newsletter-admin-saved = The issue was saved.
newsletter-admin-has-errors = The issue was not saved: see the messages beside the fields.
newsletter-admin-conflict = Someone else saved this issue after you opened it. Their version is below; your text is still in the form. Save again to replace theirs.
newsletter-admin-empty-value = (empty)
newsletter-admin-locked = This issue is being sent, or has been sent: it can no longer be changed. Nothing was saved.
newsletter-admin-error-empty = The issue is empty: write it in French, in English, or both.
newsletter-admin-error-subject-empty = Give this language a subject, or leave its text empty too.
newsletter-admin-error-body-empty = Give this language a text, or leave its subject empty too.
newsletter-admin-error-subject-too-long = The subject is longer than 200 characters.
newsletter-admin-error-body-too-long = The text is longer than 100,000 characters.
newsletter-admin-error-control = Remove the invisible control characters from this field.
newsletter-admin-error-bidi = Remove the invisible character that changes the direction of the text.

## Deleting

newsletter-admin-delete = Delete this issue
newsletter-admin-delete-title = Delete this issue?
newsletter-admin-delete-explanation = The issue has not been sent. Deleting it cannot be undone.
newsletter-admin-delete-confirm = Delete the issue
newsletter-admin-not-deletable = This issue has begun sending: it is kept, with what it sent, and cannot be deleted.

## The preview

newsletter-admin-preview-title = Preview of the mail
newsletter-admin-preview-for-fr = For the subscribers who read French
newsletter-admin-preview-for-en = For the subscribers who read English
newsletter-admin-preview-html = As most mail programs show it
newsletter-admin-preview-text = As plain text
newsletter-admin-preview-unsaved = Not saved yet: the text below is shown without the mail’s styling. Save the issue to see the mail exactly as it will look.

## The test

newsletter-admin-test-title = Send a test
newsletter-admin-test-explanation = The mail of the language chosen, its subject starting with "[Test]", goes to this address only. Its unsubscribe link works for nobody.
newsletter-admin-field-test-email = Address
newsletter-admin-hint-test-email = Your own address, or a colleague’s.
newsletter-admin-field-test-lang = Language of the mail
newsletter-admin-test-send = Send the test
newsletter-admin-test-prefix = [Test]
newsletter-admin-test-queued = The test is on its way.
newsletter-admin-error-test-email-missing = Give the address to send the test to.
newsletter-admin-error-test-email = This is not an e-mail address. Check it, for example name@example.org.
newsletter-admin-error-test-lang = Choose the language of the mail.
newsletter-admin-error-test-too-many = You have sent 20 tests in the last hour. Wait a little before sending another.

## Sending

newsletter-admin-sending-title = Sending
newsletter-admin-editor-note = Only an admin can send or schedule an issue. Tell one when it is ready.
newsletter-admin-send = Send…
newsletter-admin-send-title = Send this issue
newsletter-admin-send-explanation = The issue goes to every confirmed subscriber, in their language. Once sending has begun, the issue can be paused but no longer changed.
newsletter-admin-field-count = Number of recipients
newsletter-admin-hint-count = To confirm, type the number of recipients: { $total-text }.
newsletter-admin-send-confirm = { $total ->
    [one] Send to { $total-text } subscriber
   *[other] Send to { $total-text } subscribers
}
newsletter-admin-back-to-issue = Back to the issue
newsletter-admin-error-count-missing = Type the number of recipients to confirm.
newsletter-admin-error-count-wrong = This is not the number of recipients: type { $total-text }. Nothing was sent.
newsletter-admin-no-recipients = There is no confirmed subscriber yet: nothing would be sent.
newsletter-admin-already-sending = This issue is already being sent, or has been sent. Nothing more was done.
newsletter-admin-changed = The issue was changed after you opened this page. Check it, then confirm again.
newsletter-admin-started = Sending has started. The progress below is updated as the mails leave.

## The schedule

newsletter-admin-schedule-legend = Send later
newsletter-admin-field-schedule-date = Day
newsletter-admin-field-schedule-time = Time
newsletter-admin-hint-schedule = In the secretariat’s time zone ({ $zone }).
newsletter-admin-hint-schedule-time = Hours and minutes, in { $zone }.
newsletter-admin-schedule = Schedule
newsletter-admin-unschedule = Do not send it at that time (back to draft)
newsletter-admin-scheduled = The issue is scheduled. It stays scheduled if you edit it.
newsletter-admin-unscheduled = The issue is a draft again.
newsletter-admin-not-scheduled = This issue is not scheduled.
newsletter-admin-error-schedule = Give a day and a time.
newsletter-admin-error-schedule-past = This moment is past: choose a later one.

## Progress, pause, resume

newsletter-admin-progress = Progress
newsletter-admin-column-lang = Language
newsletter-admin-column-queued = Recipients
newsletter-admin-column-sent = Sent
newsletter-admin-column-failed = Failed
newsletter-admin-column-left = Left to send
newsletter-admin-pause = Pause the sending
newsletter-admin-resume = Resume the sending
newsletter-admin-paused = The sending is paused. No more mail leaves until you resume it.
newsletter-admin-resumed = The sending goes on.
newsletter-admin-not-sending = This issue is not being sent: there is nothing to pause.
newsletter-admin-not-paused = This issue is not paused.
