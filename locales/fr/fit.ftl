## Back-office tables that fit, fields alike, and the words that say what a button does

# Signing in with the right password of a disabled account.
admin-sign-in-disabled = Ce compte a été désactivé : il ne peut plus se connecter. Demandez à un administrateur du site de le réactiver.

# The accounts page's buttons, as screen readers name them.
admin-accounts-change-role-of = Changer le rôle de { $email }
admin-accounts-enable-of = Réactiver { $email }
admin-accounts-disable-of = Désactiver { $email }
admin-accounts-delete-of = Supprimer { $email }

# Leaving a form without saving it (never "Cancel", which an event's form also says for the event).
admin-events-leave = Retour aux événements
admin-events-postpone-leave = Retour à l’événement
admin-signatories-leave = Retour aux signataires
admin-news-leave = Retour aux actualités
admin-pages-leave = Retour aux pages

# The sources of a page's text, beside its form.
admin-pages-sources-title = Sources de ce texte
admin-pages-sources-note = D’où vient le texte publié à l’origine avec le site, conservé pour les rédacteurs. Il ne fait pas partie du texte, et le site ne l’affiche jamais.
