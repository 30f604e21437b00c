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
admin-error-403-body = You cannot do this: the page is for admins, or the form has expired. Reload the page and try again.
admin-none = Nothing yet.
admin-when = { $date }, { $time } UTC

## Signing in

admin-sign-in-title = Sign in
admin-email-label = E-mail address
admin-password-label = Password
admin-sign-in-submit = Sign in
admin-email-missing = Enter your e-mail address.
admin-password-missing = Enter your password.
admin-sign-in-failed = The address or the password is wrong. If you have tried several times, wait 15 minutes before trying again.
admin-sign-in-too-many = Too many attempts from your connection. Wait 15 minutes before trying again.

## Roles and passwords

admin-role = Role
admin-role-admin = Admin (content, subscribers, accounts and the audit log)
admin-role-editor = Editor (content and subscribers)
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
admin-consent-version = Privacy notice agreed to
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
admin-email-invalid = This is not an e-mail address: check it, for example name@example.org.
admin-invitation-lang-missing = Choose the language of the mail.
admin-invitation-has-account = This address already has an account: change its role in the list above instead.
admin-invitation-sent = The invitation has been sent.
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
mail-invitation-intro = You have been invited to work on the website of the Council of Europe’s ONE in FIVE campaign.
mail-invitation-action = To choose your password and create your account, open this link:
mail-invitation-button = Choose my password
mail-invitation-expiry = This link is valid for 48 hours, and once.
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
admin-signatories-deleted = The signatory has been deleted.
admin-signatories-imported = The file has been applied: { $added-text } added, { $updated-text } updated, { $unchanged-text } unchanged.
admin-signatories-field-name = Name (as the authority writes it)
admin-signatories-field-name-fr = Name in French
admin-signatories-field-name-en = Name in English
admin-signatories-field-kind = Kind
admin-signatories-field-country = Country
admin-signatories-field-joined-on = Date of signature
admin-signatories-field-website = Website
admin-signatories-hint-translated = Only where it differs from the authority’s own name.
admin-signatories-hint-date = Written YYYY-MM-DD, for example 2026-03-02.
admin-signatories-hint-website = An address starting with http:// or https://.
admin-signatories-choose = Choose…
admin-signatories-has-errors = The signatory was not saved: correct the fields marked below.
admin-signatories-error-name-empty = Enter the name.
admin-signatories-error-name-too-long = The name is too long: at most 200 characters.
admin-signatories-error-name-control = The name contains a character that cannot be shown.
admin-signatories-error-kind = Choose city or region.
admin-signatories-error-country-missing = Choose the country.
admin-signatories-error-country = Choose a member or observer state of the Council of Europe.
admin-signatories-error-date-missing = Enter the date of signature.
admin-signatories-error-date = Enter a real date written YYYY-MM-DD, for example 2026-03-02.
admin-signatories-error-website = Enter an address starting with http:// or https://.
admin-signatories-error-duplicate = A signatory of this name in this country exists already.
admin-signatories-conflict = Someone else saved this signatory while you were editing it. Your text is kept below; here is what they saved. Save again to replace their version with yours.
admin-signatories-empty-value = (empty)
admin-signatories-sample-note = This is a sample signatory. Once saved, it becomes real data.
admin-signatories-public-page = See its page on the public site
admin-signatories-delete = Delete this signatory
admin-signatories-delete-title = Delete this signatory?
admin-signatories-delete-explanation = It will disappear from the directory, the counter and the open data at once. The audit log records the deletion.
admin-signatories-delete-confirm = Delete for good
admin-signatories-upload-title = Choose a file
admin-signatories-upload-hint = A CSV file with the columns name, kind, country, joined_on and, if you like, name_fr, name_en, website (2 MB at most). Nothing is written before you have seen the preview and applied it.
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
admin-signatories-preview-added-title = Added
admin-signatories-preview-updated-title = Updated
admin-signatories-preview-changes = Changes
admin-signatories-becomes-real = sample data becomes real
admin-signatories-apply = Apply the file
admin-signatories-import-stale = The signatories changed since the preview, so nothing was written. Here is the preview again, as things stand now.
admin-signatories-import-rejected = The file has problems, so nothing was written. Correct them and try again.
admin-signatories-line = Line { $line-text }:
admin-signatories-more-problems = { $count ->
        [one] … and { $count-text } more problem
       *[other] … and { $count-text } more problems
    }

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
admin-news-done-deleted = The news item has been deleted.
admin-news-field-title = Title
admin-news-field-summary = Summary
admin-news-field-body = Text
admin-news-field-alt = Description of the image
admin-news-field-image = Choose an image
admin-news-field-date = Date
admin-news-field-time = Time (UTC)
admin-news-hint-languages = Write the item in French, in English or in both. A language left empty means the item does not exist in that language.
admin-news-hint-markdown = Markdown: a blank line between paragraphs, **bold**, *italics*, [a link](https://example.org), lines starting with “- ” for a list.
admin-news-hint-alt = What the image shows, for people who cannot see it. Required in each language of the item when there is an image.
admin-news-hint-image = A JPEG, PNG or WebP image of 2 MB at most.
admin-news-hint-publish = Leave the date and time empty to publish now, or choose a later moment (in UTC) to schedule it.
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
admin-news-error-alt-empty = Describe the image in this language.
admin-news-error-alt-too-long = The description is too long: at most 500 characters.
admin-news-error-control = The text contains a character that cannot be shown.
admin-news-error-image-type = The file is not a JPEG, PNG or WebP image. Nothing was saved.
admin-news-error-image-too-large = The image is larger than 2 MB. Nothing was saved.
admin-news-error-publish-at = Enter a real date and a time written HH:MM, or leave both empty to publish now.
admin-news-empty-value = (empty)
admin-news-conflict = Someone else changed this news item while you were editing it. Your text is kept below; here is what it now says. Save again to replace their version with yours.
admin-news-preview = Preview
admin-news-preview-title = Preview
admin-news-preview-note = This is how the texts will look. Nothing has been saved yet.
admin-news-publish-title = Publish
admin-news-publish-again-title = Publish at another time
admin-news-publish = Publish
admin-news-unpublish = Back to draft (hide it from the public site)
admin-news-public-page = See it on the public site
admin-news-delete = Delete this news item
admin-news-delete-title = Delete this news item?
admin-news-delete-explanation = It will disappear from the public site, its feeds and the sitemap at once, in every language. The audit log records the deletion.
admin-news-delete-confirm = Delete for good
admin-news-sample = Sample
admin-news-sample-note = This is a sample news item. Once saved, it becomes real data.
