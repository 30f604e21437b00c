## The back office: its layout, sign-in, dashboard, subscribers, the
## person's own account, and the audit log.

admin-title = ONE in FIVE back office
admin-nav-label = Back office
admin-nav-dashboard = Dashboard
admin-nav-subscribers = Subscribers
admin-nav-audit = Audit log
admin-nav-account = My account
admin-sign-out = Sign out
admin-back-to-dashboard = Back to the dashboard
admin-error-403-body = This form was sent from a page of another website, so it was refused and nothing was changed. If you meant to send it, open the back office in this browser and use its form there.
admin-error-403-admins-title = For admins only
admin-error-403-admins-body = This page or action is for the site’s admins, and your account is an editor’s: nothing was changed. Ask an admin of the site to do it for you.
admin-form-restored = Your session had ended or this form had expired, so nothing was saved. What you typed is back in the form below: check it, then press the button again to save it.
admin-form-restored-files = Your session had ended or this form had expired, so nothing was saved. What you typed is back in the form below: check it, then press the button again to save it. The file you had chosen was not kept: choose it again.
admin-form-not-sent = Your session had ended or this page had expired, so nothing was done. Press the button again if you still want to.
admin-session-ended = Your session has ended, so what you sent was not saved. Sign in again: you will be back on the page you were on, with anything you had typed.
admin-sign-in-stale = This page had been open too long, so you were not signed in. Type your password again, then sign in.
admin-two-step-stale = This page had been open too long, so your code was not checked. Type the code your app shows now, then send it.
admin-invitation-stale = This page had been open too long, so your password was not saved. Type it again, twice, then send it.
admin-none = Nothing yet.
admin-when = { $date }, { $time } ({ $zone })

## Signing in

admin-sign-in-title = Sign in
admin-email-label = Email address
admin-password-label = Password
admin-sign-in-submit = Sign in
admin-email-missing = Enter your email address.
admin-password-missing = Enter your password.
admin-sign-in-failed = The address or the password is wrong. If you have tried several times, wait 15 minutes before trying again.
admin-sign-in-too-many = Too many attempts from your connection. Wait 15 minutes before trying again.

## Roles and passwords

admin-role = Role
admin-role-admin = Admin (content, subscribers, accounts and the audit log)
admin-role-editor = Editor (content: signatories, events, news, pages)
admin-password-too-short = The password is too short: at least 12 characters.
admin-password-too-long = The password is too long: at most 128 characters.
admin-password-common = This password is too easy to guess: it is a common password, or close to one.
admin-password-personal = This password is too easy to guess: it is made of your address or the site’s name.
admin-password-pattern = This password is too easy to guess: it has repeats, sequences or rows of keys.
admin-password-word = This password is too easy to guess: a word, a name or a date alone.
admin-password-weak = This password is too easy to guess: add more words or characters.

## The dashboard

admin-dashboard-title = Dashboard
admin-latest-signatures = Latest signatures
admin-outbox-title = Mail
admin-outbox-waiting = { $count ->
        [one] { $count-text } mail waiting to be sent
       *[other] { $count-text } mails waiting to be sent
    }
admin-outbox-failed = { $count ->
        [one] { $count-text } mail that could not be sent
       *[other] { $count-text } mails that could not be sent
    }
admin-recent-changes = Recent changes
admin-changes-caption = The latest changes, newest first

## Subscribers

admin-subscribers-none = No subscribers yet.
admin-subscribers-counts = Subscribers by status and language
admin-status = Status
admin-language = Language
admin-count = Number
admin-status-confirmed = Confirmed
admin-status-pending = Waiting for confirmation
admin-lang-fr = Français
admin-lang-en = English
admin-subscribers-confirmed = { $count ->
        [one] { $count-text } confirmed subscriber
       *[other] { $count-text } confirmed subscribers
    }
admin-subscribers-pending = { $count ->
        [one] { $count-text } subscription waiting for confirmation
       *[other] { $count-text } subscriptions waiting for confirmation
    }
admin-subscribers-search-label = Search by address (or part of it)
admin-search = Search
admin-subscribers-found = { $count ->
        [one] { $count-text } subscriber found
       *[other] { $count-text } subscribers found
    }
admin-subscribed-at = Subscribed
admin-confirmed-at = Confirmed
admin-not-confirmed = Not confirmed
admin-consent-at = Consent given
admin-consent-version = Data protection notice agreed to
admin-export-title = Export
admin-export-confirmed = The confirmed subscribers (CSV)
admin-export-all = Every subscriber, with those waiting for confirmation (CSV)
admin-erase = Erase this person
admin-erase-title = Erase this person?
admin-erase-explanation = Their subscription and any mail waiting for them will be deleted for good. The audit log records the erasure, not the address.
admin-erase-confirm = Erase for good
admin-cancel = Cancel
admin-subscriber-erased = The person has been erased.

## My account

admin-language-title = Language of the back office
admin-language-legend = Show the back office in
admin-save = Save
admin-language-changed = Your language has been saved.
admin-password-title = Change your password
admin-password-rules = At least 12 characters, hard to guess: several unrelated words make a good password. Your other sessions will end.
admin-current-password = Current password
admin-new-password = New password
admin-confirm-password = New password again
admin-password-submit = Change the password
admin-current-password-wrong = The current password is wrong.
admin-passwords-differ = The two new passwords differ.
admin-password-changed = Your password has been changed, and your other sessions have ended.

## The audit log

admin-audit-lead = Every change made in the back office or at the command line. The log is kept: nothing in it can be changed or deleted.
admin-audit-filter = Filter the log
admin-audit-who = Who
admin-audit-what = What
admin-audit-when = When
admin-audit-summary = Details
admin-audit-anyone = Anyone
admin-audit-any-kind = Any change
admin-audit-apply = Filter
admin-audit-reset = Show everything
admin-audit-command-line = Command line
admin-audit-unknown-address = An address without an account
admin-audit-count = { $count ->
        [one] { $count-text } entry
       *[other] { $count-text } entries
    }
admin-kind-account-created = Account created
admin-kind-account-password-changed = Password changed
admin-kind-account-role-changed = Role changed
admin-kind-account-language-changed = Language changed
admin-kind-account-disabled = Account disabled
admin-kind-account-deleted = Account deleted
admin-kind-account-locked = Account waiting after failed sign-ins
admin-kind-signed-in = Signed in
admin-kind-sign-in-failed = Sign-in failed
admin-kind-signed-out = Signed out
admin-kind-subscriber-erased = Subscriber erased
admin-kind-subscribers-exported = Subscribers exported
admin-kind-signatories-imported = Signatories imported
admin-kind-events-imported = Events imported
admin-kind-news-imported = News imported
admin-kind-sample-removed = Sample data removed

## The accounts page

admin-nav-accounts = Accounts
admin-accounts-caption = Every back-office account, by address
admin-totp = Two-step sign-in
admin-totp-on = On
admin-totp-off = Off
admin-last-sign-in = Last sign-in
admin-never = Never
admin-actions = Actions
admin-account-active = Active
admin-account-disabled = Disabled
admin-account-waiting = Waiting after failed sign-ins
admin-accounts-role-of = Role of { $email }
admin-accounts-change-role = Change the role
admin-accounts-you = This is you: another admin can change your account.
admin-accounts-disable = Disable
admin-accounts-enable = Enable
admin-accounts-delete = Delete
admin-accounts-delete-title = Delete this account?
admin-accounts-delete-explanation = The person will no longer be able to sign in, and their sessions end at once. The audit log keeps what they did.
admin-accounts-delete-confirm = Delete for good
admin-accounts-role-changed = The role has been changed.
admin-accounts-disabled = The account has been disabled, and its sessions have ended.
admin-accounts-enabled = The account has been enabled.
admin-accounts-deleted = The account has been deleted.
admin-accounts-last-admin = This is the last active admin: without one, no one could manage the accounts. Make another person admin first.
admin-accounts-yourself = You cannot demote, disable or delete your own account: ask another admin.
admin-accounts-role-missing = Choose a role: admin or editor.
admin-kind-account-enabled = Account enabled
admin-kind-account-invited = Colleague invited

## Invitations

admin-invite-title = Invite a colleague
admin-invite-lead = They get a mail with a link to choose their password, valid for 48 hours and once. Inviting the same address again replaces the older link.
admin-invite-lang = Language of the mail and of their back office
admin-invite-submit = Send the invitation
admin-email-invalid = This is not an email address: check it, for example name@example.org.
admin-email-bidi = This address contains an invisible character that changes the direction of the text: type it again rather than paste it.
admin-invitation-lang-missing = Choose the language of the mail.
admin-invitation-has-account = This address already has an account: change its role in the list above instead.
admin-invitation-sent = The invitation has been sent.
admin-invitations-caption = Pending invitations
admin-invitations-none = No invitation is waiting for an answer.
admin-invitations-by = Sent by
admin-invitations-sent-at = Sent
admin-invitations-expires-at = Expires
admin-invitation-resend = Resend
admin-invitation-resend-of = Resend the invitation to { $email }
admin-invitation-withdraw = Withdraw
admin-invitation-withdraw-of = Withdraw the invitation to { $email }
admin-invitation-resent = A new invitation has been sent; the previous link no longer works.
admin-invitation-withdrawn = The invitation has been withdrawn: its link no longer works.
admin-kind-invitation-resent = Invitation resent
admin-kind-invitation-withdrawn = Invitation withdrawn
admin-invitation-title = Choose your password
admin-password-rules-new = At least 12 characters, hard to guess: several unrelated words make a good password.
admin-invitation-submit = Create my account
admin-invitation-accepted = Your account is ready: sign in with your address and the password you have just chosen.
admin-invitation-used-title = This invitation has been used
admin-invitation-used-body = The account has been made with this link already: sign in with your address and password.
admin-invitation-expired-title = This invitation has expired
admin-invitation-expired-body = The link was valid for 48 hours. Ask an admin to invite you again.
admin-invitation-unknown-title = This invitation link is not valid
admin-invitation-unknown-body = Check that the whole link was copied. If you were invited again, only the newest mail’s link works.
mail-invitation-subject = Your invitation to the ONE in FIVE back office
# $inviter is the address of the admin who invited.
mail-invitation-intro = { $inviter } has invited you to work on the website of the Council of Europe’s ONE in FIVE campaign.
mail-invitation-action = To choose your password and create your account, open this link:
mail-invitation-button = Choose my password
# $hours is how long the link lasts.
mail-invitation-expiry = { $hours ->
        [one] This link can be used once, within the hour.
       *[other] This link can be used once, within { $hours-text } hours.
    }
mail-invitation-ignore = If you did not expect this invitation, ignore this message: no account will be made.

## Signatories: the list, the form, deletion, the CSV file's preview

admin-nav-signatories = Signatories
admin-kind-signatory-added = Signatory added
admin-kind-signatory-updated = Signatory edited
admin-kind-signatory-deleted = Signatory deleted
admin-signatories-count = { $count ->
        [one] { $count-text } signatory
       *[other] { $count-text } signatories
    }
admin-signatories-new = Add a signatory
admin-signatories-import = Import a CSV file
admin-signatories-export = Export as CSV
admin-signatories-sample = Sample
admin-signatories-added = The signatory has been added. It shows on the public site now.
admin-signatories-saved = The signatory has been saved. The change shows on the public site now.
admin-signatories-deleted = The signatory has been moved to the trash.
admin-signatories-imported = The file has been applied: { $added-text } added, { $updated-text } updated, { $unchanged-text } unchanged.
admin-signatories-field-name = Name (as the authority writes it)
admin-signatories-field-name-fr = Name in French
admin-signatories-field-name-en = Name in English
admin-signatories-field-kind = Kind
admin-signatories-field-country = Country
admin-signatories-field-joined-on = Date of signature
admin-signatories-field-website = Website
admin-signatories-field-latitude = Latitude
admin-signatories-field-longitude = Longitude
admin-signatories-hint-translated = Only where it differs from the authority’s own name.
admin-signatories-hint-date = Written YYYY-MM-DD, for example 2026-03-02.
admin-signatories-hint-website = An address starting with http:// or https://.
admin-signatories-hint-position = For the map, in decimal degrees, for instance 48.58 and 7.75 for Strasbourg; for a region, its seat. Leave both empty if you do not know.
admin-signatories-choose = Choose…
admin-signatories-has-errors = The signatory was not saved: correct the fields marked below.
admin-signatories-error-name-empty = Enter the name.
admin-signatories-error-name-too-long = The name is too long: at most 200 characters.
admin-signatories-error-name-control = The name contains a character that cannot be shown.
admin-signatories-error-name-bidi = The name contains an invisible character that changes the direction of the text: type the name again rather than paste it.
admin-signatories-error-kind = Choose city or region.
admin-signatories-error-country-missing = Choose the country.
admin-signatories-error-country = Choose a member or observer state of the Council of Europe.
admin-signatories-error-date-missing = Enter the date of signature.
admin-signatories-error-date = Enter a real date written YYYY-MM-DD, for example 2026-03-02.
admin-signatories-error-date-future = The date of signature cannot be after today.
admin-signatories-error-website = Enter an address starting with http:// or https://.
admin-signatories-error-coordinate = Enter a number of decimal degrees, for instance 48.58 or -1.68.
admin-signatories-error-latitude-range = A latitude goes from -90 to 90 degrees.
admin-signatories-error-longitude-range = A longitude goes from -180 to 180 degrees.
admin-signatories-error-half-position = Enter both the latitude and the longitude, or neither.
admin-signatories-problem-duplicate = { $name } ({ $country }) is already on line { $line }.
admin-csv-empty = The file is empty: its first line must name the columns { $columns }.
admin-csv-unknown-column = Unknown column “{ $column }”: the possible columns are { $columns }.
admin-csv-column-twice = The column “{ $column }” appears twice.
admin-csv-missing-column = The column “{ $column }” is missing: the first line must name { $columns }.
admin-csv-not-utf8 = The file is not UTF-8 text here. Save it as “CSV UTF-8” from your spreadsheet.
admin-csv-unreadable = The file could not be read as CSV.
admin-signatories-error-duplicate = A signatory of this name in this country exists already.
admin-signatories-conflict = Someone else saved this signatory while you were editing it. Your text is kept below; here is what they saved. Save again to replace their version with yours.
admin-signatories-empty-value = (empty)
admin-signatories-sample-note = This is a sample signatory. Once saved, it becomes real data.
admin-signatories-public-page = See its page on the public site
admin-signatories-delete = Delete this signatory
admin-signatories-delete-title = Delete this signatory?
admin-signatories-delete-explanation = It will disappear from the directory, the counter and the open data at once, and go to the trash for 30 days, from where it can be restored with everything it had. The audit log records the deletion.
admin-signatories-delete-confirm = Move to the trash
admin-signatories-upload-title = Choose a file
admin-signatories-file = CSV file
admin-signatories-file-missing = Choose a CSV file.
admin-signatories-preview = Preview
admin-signatories-preview-title = What the file will do
admin-signatories-preview-added = { $count ->
        [one] { $count-text } signatory added
       *[other] { $count-text } signatories added
    }
admin-signatories-preview-updated = { $count ->
        [one] { $count-text } signatory updated
       *[other] { $count-text } signatories updated
    }
admin-signatories-preview-unchanged = { $count ->
        [one] { $count-text } signatory unchanged
       *[other] { $count-text } signatories unchanged
    }
admin-signatories-becomes-real = sample data becomes real
admin-signatories-apply = Apply the file
admin-signatories-import-stale = The signatories changed since the preview, so nothing was written. Here is the preview again, as things stand now.
admin-signatories-import-rejected = The file has problems, so nothing was written. Correct them and try again.
admin-signatories-line = Line { $line-text }:
admin-signatories-more-problems = { $count ->
        [one] … and { $count-text } more problem
       *[other] … and { $count-text } more problems
    }

## The two-step sign-in (authenticator app)
admin-two-step-title = Two-step sign-in
admin-two-step-lead = Your password was right. Type the 6-digit code your authenticator app shows now, or one of your recovery codes.
admin-two-step-code-label = Code from the app, or a recovery code
admin-two-step-submit = Continue
admin-two-step-code-missing = Type the code.
admin-two-step-code-wrong = This code is not right, or has been used already. Wait for the next code and try again.
admin-two-step-expired = The time to type the code has run out (5 minutes). Sign in again.
admin-two-step-qr-label = QR code to scan with your authenticator app
admin-two-step-qr-caption = Scan this code with your authenticator app.
admin-two-step-secret-label = Or type this key into the app:
admin-two-step-setup-lead = Set up your authenticator app (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator), then type the code it shows to confirm.
admin-two-step-confirm-label = 6-digit code shown by the app
admin-two-step-confirm-submit = Confirm and turn on
admin-two-step-off-state = Off. With two-step sign-in, signing in also asks for a code from an app on your phone, so that a stolen password is not enough.
admin-two-step-start = Turn on two-step sign-in
admin-two-step-turned-on = Two-step sign-in is on. From now on, signing in asks for a code from your app.
admin-two-step-turned-off = Two-step sign-in is off.
admin-two-step-codes-title = Your recovery codes
admin-two-step-codes-lead = Each code works once, in place of a code from the app, if you lose your phone. Keep them somewhere safe now (printed, or in a password manager): they will not be shown again.
admin-two-step-codes-renewed = New recovery codes were made. The old ones no longer work.
admin-two-step-codes-left = { $count ->
        [one] { $count-text } recovery code left.
       *[other] { $count-text } recovery codes left.
    }
admin-two-step-on-lead = On: signing in asks for a code from your authenticator app.
admin-two-step-renew-title = New recovery codes
admin-two-step-renew-lead = Makes ten new codes; the old ones stop working.
admin-two-step-renew-submit = Make new recovery codes
admin-two-step-off-title = Turn off two-step sign-in
admin-two-step-off-lead = Your password and a code from the app (or a recovery code) are needed.
admin-two-step-off-submit = Turn off
admin-two-step-required-notice = An admin requires two-step sign-in for everyone. Turn it on here to use the rest of the back office.
admin-two-step-setting-title = Two-step sign-in for everyone
admin-two-step-setting-lead = When required, a person without two-step sign-in can only reach their own account page until they turn it on.
admin-two-step-setting-legend = Two-step sign-in
admin-two-step-setting-on = Required for everyone
admin-two-step-setting-off = Each person’s choice
admin-two-step-setting-saved = The two-step sign-in setting has been saved.
admin-kind-two-step-on = Two-step sign-in turned on
admin-kind-two-step-off = Two-step sign-in turned off
admin-kind-recovery-codes-renewed = Recovery codes renewed
admin-kind-recovery-code-used = Recovery code used
admin-kind-setting-changed = Setting changed
## Prose pages: the list, the form and its preview, the revisions

admin-nav-pages = Pages
admin-kind-page-saved = Page saved
admin-kind-page-restored = Page revision restored
admin-pages-intro = The site’s prose pages, in each language. Each save is kept as a revision, which the public page shows at its next load; the text the site was built with is the first revision of each page.
admin-pages-admins-only = The privacy notice and the legal notice are changed by admins only.
admin-pages-caption = Pages and their current text
admin-pages-page = Page
admin-pages-language = Language
admin-pages-current = Current text
admin-pages-author = Author
admin-pages-name = { $page } ({ $language })
admin-pages-lang-fr = French
admin-pages-lang-en = English
admin-pages-bundled = Bundled text
admin-pages-no-author = none
admin-pages-unknown-author = an account since deleted
admin-pages-history = Revisions
admin-pages-history-title = Revisions of { $page }
admin-pages-history-intro = Every saved text of this page, newest first, down to the text the site was built with. Restoring a revision saves its text again as a new revision: nothing is ever erased.
admin-pages-history-truncated = Only the 200 latest revisions are listed.
admin-pages-revisions-caption = Revisions, newest first
admin-pages-saved-at = Saved
admin-pages-current-badge = current
admin-pages-view = View
admin-pages-compare = Compare with the current text
admin-pages-restore = Restore this text
admin-pages-restore-conflict = Nothing was restored: someone saved a new text of this page meanwhile. Here are the revisions as they now stand.
admin-pages-by = by { $author }
admin-pages-saved-by = Saved on { $when } by { $author }.
admin-pages-text = Text of the page (Markdown)
admin-pages-hint = Markdown: a line starting with ## is a heading, a blank line starts a new paragraph, [words](https://…) is a link. At most { $kilobytes-text } KB. The addresses of the secretariat and of the host are added where the text says so.
admin-pages-preview = Preview
admin-pages-preview-title = Preview of the page (not saved)
admin-pages-public-page = See the page on the public site
admin-pages-current-revision = The current text was saved on
admin-pages-current-bundled = The current text is the one the site was built with.
admin-pages-saved = The page has been saved. The public page shows it from now on.
admin-pages-restored = The text has been restored as a new revision. The public page shows it from now on.
admin-pages-error-empty = Enter the text of the page.
admin-pages-error-too-long = The text is too long: at most 100 KB.
admin-pages-conflict = Someone else saved this page while you were editing it. Your text is kept in the form below; the table shows how theirs differs from yours. Save again to replace their text with yours.
admin-pages-conflict-caption = Their text (lines removed) compared with yours (lines added)
admin-pages-conflict-bundled = The page now has the text the site was built with.
admin-pages-their-text = See their text
admin-pages-revision-of = Revision of { $when }
admin-pages-revision-title = { $revision }, { $page }
admin-pages-bundled-note = The text the site was built with.
admin-pages-is-current = This is the current text.
admin-pages-as-shown = The text as the public page shows it
admin-pages-compare-title = Changes since a revision, { $page }
admin-pages-compare-intro = Each line that differs between the revision and the current text: removed lines are in the revision only, added lines in the current text only; a few unchanged lines around them help find them.
admin-pages-diff-caption = { $revision } compared with the current text
admin-pages-diff-none = The two texts are the same.
admin-pages-diff-change = Change
admin-pages-diff-old-line = Line before
admin-pages-diff-new-line = Line after
admin-pages-diff-text = Text
admin-pages-diff-removed = Removed
admin-pages-diff-added = Added
admin-pages-diff-unchanged = Unchanged
## Events: the list, the form, postponing, cancelling, deletion

admin-nav-events = Events
admin-kind-event-added = Event added
admin-kind-event-updated = Event edited
admin-kind-event-postponed = Event postponed
admin-kind-event-cancelled = Event cancelled
admin-kind-event-deleted = Event deleted
admin-events-new = Add an event
admin-events-added = The event has been added. It shows in the public calendar now.
admin-events-saved = The event has been saved. The change shows in the public calendar now.
admin-events-postponed = The event has been postponed to its new date.
admin-events-cancelled = The event has been cancelled. It stays in the calendar, marked as cancelled.
admin-events-deleted = The event has been moved to the trash.
admin-events-filter-legend = Show the events
admin-events-filter-year = Year
admin-events-filter-all-years = All years
admin-events-filter-all-statuses = All statuses
admin-events-upcoming = To come
admin-events-past = Past
admin-events-none = No event.
admin-events-column-title = Title
admin-events-column-place = Place
admin-events-when = When
admin-events-status-scheduled = Scheduled
admin-events-status-postponed = Postponed
admin-events-status-cancelled = Cancelled
admin-events-status-note = Status: { $status }
admin-events-field-slug = Address
admin-events-field-title-fr = Title in French
admin-events-field-title-en = Title in English
admin-events-field-start = Start
admin-events-field-end = End
admin-events-field-new-start = New start day
admin-events-field-new-end = New end day
admin-events-field-start-date = Start day
admin-events-field-start-time = Start time
admin-events-field-end-date = End day
admin-events-field-end-time = End time
admin-events-field-new-start-time = New start time
admin-events-field-new-end-time = New end time
admin-events-field-time-zone = Time zone
admin-events-field-status = Status
admin-events-field-venue-name = Venue
admin-events-field-venue-city = City of the venue
admin-events-field-venue-country = Country of the venue
admin-events-field-online-url = Online link
admin-events-field-registration-url = Registration website
admin-events-field-signatory = Related signatory
admin-events-field-description-fr = Description in French
admin-events-field-description-en = Description in English
admin-events-hint-start = The first day of the event.
admin-events-hint-end = Leave empty for an event on a single day.
admin-events-hint-start-time = Leave empty for an event lasting whole days.
admin-events-hint-end-time = With a start time, the time it ends.
admin-events-hint-time-zone = The time zone the start and end times are in: choose the city nearest the event.
admin-events-hint-venue = Give the venue, its city and its country together, an online link, or both.
admin-events-hint-url = An address starting with http:// or https://.
admin-events-hint-signatory = Type part of its name and choose it from the list (name and country code, for example Strasbourg (FR)); leave empty if none.
admin-events-hint-description = Markdown: **bold**, *italics*, [a link](https://…), lists. Use Preview to see it.
admin-events-no-venue-country = No venue
admin-events-has-errors = The event was not saved: correct the fields marked below.
admin-events-error-title-empty = Enter the title.
admin-events-error-too-long = This is too long: at most 200 characters.
admin-events-error-control = This contains a character that cannot be shown.
admin-events-error-bidi = This contains an invisible character that changes the direction of the text: type it again rather than paste it.
admin-events-error-description-too-long = The description is too long: at most 20,000 characters.
admin-events-error-start-missing = Enter the start day.
admin-events-error-start = Enter a real day and, if the event has times, a real time.
admin-events-error-end = Give both a start time and an end time, or neither for an event lasting whole days.
admin-events-error-end-before = The end must come after the start.
admin-events-error-time-zone = Choose a time zone from the list.
admin-events-error-status = Choose scheduled, postponed or cancelled.
admin-events-error-country = Choose a member or observer state of the Council of Europe.
admin-events-error-url = Enter an address starting with http:// or https://.
admin-events-error-venue-partial = Give the venue, its city and its country together, or none of them.
admin-events-error-no-place = Give a venue, an online link, or both.
admin-events-error-signatory = Write the signatory as its name and country code, for example Strasbourg (FR).
admin-events-error-signatory-unknown = There is no such signatory: check its name and country in the signatories’ list.
admin-events-error-slug = No address can be made from this title.
admin-events-conflict = Someone else saved this event while you were editing it. Your text is kept below; here is what they saved. Save again to replace their version with yours.
admin-events-changed = Someone else changed this event since you opened this page. Here it is as it stands now; check it and confirm again.
admin-events-empty-value = (empty)
admin-events-sample-note = This is a sample event. Once saved, it becomes real data.
admin-events-preview = Preview
admin-events-preview-title = Preview of the descriptions
admin-events-preview-note = As the event’s page will show them. Nothing has been saved yet.
admin-events-preview-fr = In French
admin-events-preview-en = In English
admin-events-preview-empty = (no description)
admin-events-public-page = See its page on the public site
admin-events-postpone = Postpone
admin-events-cancel = Cancel this event
admin-events-delete = Delete this event
admin-events-postpone-title = Postpone this event
admin-events-postpone-explanation = Give its new date, or say that it is still to be announced. The event is marked as postponed in the calendar and its feeds, and calendar apps that subscribed pick up the change.
admin-events-postpone-confirm = Postpone the event
admin-events-cancel-title = Cancel this event?
admin-events-cancel-explanation = It stays in the calendar and its feeds, marked as cancelled, so that people who planned to come learn of it. Calendar apps that subscribed mark it cancelled.
admin-events-keep = Keep the event
admin-events-cancel-confirm = Cancel the event
admin-events-delete-title = Delete this event?
admin-events-delete-explanation = It will disappear at once from the calendar, its page and the feeds, and go to the trash for 30 days, from where it can be restored with everything it had. To tell people it will not take place, cancel it instead. The audit log records the deletion.
admin-events-delete-confirm = Move to the trash
## News written in the back office

admin-nav-news = News
admin-kind-news-added = News item added
admin-kind-news-updated = News item edited
admin-kind-news-published = News item published
admin-kind-news-unpublished = News item back to draft
admin-kind-news-deleted = News item deleted
admin-news-new = Write a news item
admin-news-items = News items, drafts first
admin-news-in-french = In French
admin-news-in-english = In English
admin-news-column-languages = Languages
admin-news-column-status = Status
admin-news-status-draft = Draft: shown nowhere on the public site.
admin-news-status-scheduled = Scheduled: shown from { $when }.
admin-news-status-published = Published on { $when }.
admin-news-done-added = The draft has been saved. Visitors will see it once you publish it.
admin-news-done-saved = The news item has been saved. If it is published, the change shows on the public site now.
admin-news-done-published = The news item has been published. It shows on the public site now.
admin-news-done-scheduled = The news item has been scheduled. It will show on the public site from the date and time chosen.
admin-news-done-unpublished = The news item is a draft again: it no longer shows on the public site.
admin-news-done-deleted = The news item has been moved to the trash.
admin-news-field-title = Title
admin-news-field-summary = Summary
admin-news-field-body = Text
admin-news-field-image-alt = Description of the image
admin-news-field-image = Choose an image
admin-news-field-date = Date
admin-news-field-time = Time ({ $zone })
admin-news-hint-languages = Write the item in French, in English or in both. A language left empty means the item does not exist in that language.
admin-news-hint-markdown = Markdown: a blank line between paragraphs, **bold**, *italics*, [a link](https://example.org), lines starting with “- ” for a list.
admin-news-hint-image-alt = What the image shows, for people who cannot see it. Required in each language of the item when there is an image.
admin-news-hint-image = A JPEG, PNG or WebP image of 2 MB at most.
admin-news-hint-publish = Publish now, or at a date and time in { $zone } time: a later one schedules the item, an earlier one dates it back.
admin-news-image = Image
admin-news-remove-image = Remove the image
admin-news-replace-image = Replace the image with another one
admin-news-image-again = The image you chose was not kept: choose it again before saving.
admin-news-has-errors = The news item was not saved: correct the fields marked below.
admin-news-error-no-language = Write the title, the summary and the text in at least one language.
admin-news-error-title-empty = Enter the title, or leave this language empty.
admin-news-error-title-too-long = The title is too long: at most 200 characters.
admin-news-error-summary-empty = Enter the summary, or leave this language empty.
admin-news-error-summary-too-long = The summary is too long: at most 1,000 characters.
admin-news-error-body-empty = Enter the text, or leave this language empty.
admin-news-error-body-too-long = The text is too long: at most 200 KB.
admin-news-error-image-alt-empty = Describe the image in this language.
admin-news-error-image-alt-too-long = The description is too long: at most 500 characters.
admin-news-error-control = The text contains a character that cannot be shown.
admin-news-error-bidi = The text contains an invisible character that changes the direction of the text: type it again rather than paste it.
admin-news-error-image-type = The file is not a JPEG, PNG or WebP image. Nothing was saved.
admin-news-error-image-too-large = The image is larger than 2 MB. Nothing was saved.
admin-news-error-publish-at = Enter a real date and a time written HH:MM, or choose “Publish now”.
admin-news-empty-value = (empty)
admin-news-conflict = Someone else changed this news item while you were editing it. Your text is kept below; here is what it now says. Save again to replace their version with yours.
admin-news-preview = Preview
admin-news-preview-title = Preview
admin-news-preview-note = This is how the texts will look. Nothing has been saved yet.
admin-news-save-unpublish = Save and back to draft (hide it from the public site)
admin-news-save-publish = Save and publish
admin-news-when-later = Publish at this date and time
admin-news-when-now = Publish now
admin-news-publication = Publication
admin-news-public-page = See it on the public site
admin-news-delete = Delete this news item
admin-news-delete-title = Delete this news item?
admin-news-delete-explanation = It will disappear from the public site, its feeds and the sitemap at once, in every language, and go to the trash for 30 days, from where it can be restored with its texts and image. The audit log records the deletion.
admin-news-delete-confirm = Move to the trash
admin-news-sample = Sample
admin-news-sample-note = This is a sample news item. Once saved, it becomes real data.

## The sample data, removed from the back office
admin-sample-title = Sample data
admin-sample-explanation = The site holds sample data, made to show what it looks like: it is not the Pact’s. Removing it deletes these rows for good, in one go; the real data stays.
admin-sample-none = The site holds no sample data.
admin-sample-removed = The sample data has been removed.
admin-sample-confirm = Remove the sample data
admin-sample-back = Back to the dashboard
admin-sample-signatories = Sample signatories
admin-sample-events = Sample events
admin-sample-news = Sample news items
admin-sample-link = Remove the sample data…

## Newsletter issues
admin-kind-newsletter-issue-added = Newsletter issue written
admin-kind-newsletter-issue-updated = Newsletter issue edited
admin-kind-newsletter-issue-scheduled = Newsletter issue scheduled
admin-kind-newsletter-sending-started = Newsletter sending started
admin-kind-newsletter-paused = Newsletter sending paused
admin-kind-newsletter-resumed = Newsletter sending resumed
admin-kind-newsletter-sent = Newsletter issue sent
admin-kind-newsletter-issue-deleted = Newsletter issue deleted
