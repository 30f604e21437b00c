## Back-office tables that fit, fields alike, and the words that say what a button does

# Signing in with the right password of a disabled account.
admin-sign-in-disabled = This account has been disabled: it can no longer sign in. Ask an admin of the site to enable it again.

# The accounts page's buttons, as screen readers name them.
admin-accounts-change-role-of = Change the role of { $email }
admin-accounts-enable-of = Enable { $email }
admin-accounts-disable-of = Disable { $email }
admin-accounts-delete-of = Delete { $email }

# Leaving a form without saving it (never "Cancel", which an event's form also says for the event).
admin-events-leave = Back to the events
admin-events-postpone-leave = Back to the event
admin-signatories-leave = Back to the signatories
admin-news-leave = Back to the news
admin-pages-leave = Back to the pages

# The sources of a page's text, beside its form.
admin-pages-sources-title = Sources of this text
admin-pages-sources-note = Where the text first published with the site comes from, kept for the editors. It is not part of the text, and the site never shows it.
