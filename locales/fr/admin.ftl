## The back office: its layout, sign-in, dashboard, subscribers, the
## person's own account, and the audit log.

admin-title = Administration UN sur CINQ
admin-nav-label = Administration
admin-nav-dashboard = Tableau de bord
admin-nav-subscribers = Abonnés
admin-nav-audit = Journal des modifications
admin-nav-account = Mon compte
admin-sign-out = Se déconnecter
admin-back-to-dashboard = Retour au tableau de bord
admin-error-403-body = Vous ne pouvez pas faire cela : la page est réservée aux administrateurs, ou le formulaire a expiré. Rechargez la page et réessayez.
admin-none = Rien pour l’instant.
admin-when = { $date } à { $time } UTC

## Signing in

admin-sign-in-title = Connexion
admin-email-label = Adresse électronique
admin-password-label = Mot de passe
admin-sign-in-submit = Se connecter
admin-email-missing = Saisissez votre adresse électronique.
admin-password-missing = Saisissez votre mot de passe.
admin-sign-in-failed = L’adresse ou le mot de passe est incorrect. Si vous avez essayé plusieurs fois, attendez 15 minutes avant de réessayer.
admin-sign-in-too-many = Trop de tentatives depuis votre connexion. Attendez 15 minutes avant de réessayer.

## Roles and passwords

admin-role = Rôle
admin-role-admin = Administrateur (contenus, abonnés, comptes et journal des modifications)
admin-role-editor = Rédacteur (contenus et abonnés)
admin-password-too-short = Le mot de passe est trop court : 12 caractères au moins.
admin-password-too-long = Le mot de passe est trop long : 128 caractères au plus.
admin-password-common = Ce mot de passe est trop facile à deviner : c’est un mot de passe courant, ou presque.
admin-password-personal = Ce mot de passe est trop facile à deviner : il reprend votre adresse ou le nom du site.
admin-password-pattern = Ce mot de passe est trop facile à deviner : il contient des répétitions, des suites ou des touches voisines.
admin-password-word = Ce mot de passe est trop facile à deviner : un mot, un nom ou une date seuls.
admin-password-weak = Ce mot de passe est trop facile à deviner : ajoutez des mots ou des caractères.

## The dashboard

admin-dashboard-title = Tableau de bord
admin-latest-signatures = Dernières adhésions
admin-outbox-title = Courriels
admin-outbox-waiting = { $count ->
        [one] { $count-text } courriel en attente d’envoi
       *[other] { $count-text } courriels en attente d’envoi
    }
admin-outbox-failed = { $count ->
        [one] { $count-text } courriel qui n’a pas pu être envoyé
       *[other] { $count-text } courriels qui n’ont pas pu être envoyés
    }
admin-recent-changes = Modifications récentes
admin-changes-caption = Les dernières modifications, des plus récentes aux plus anciennes

## Subscribers

admin-subscribers-none = Aucun abonné pour l’instant.
admin-subscribers-counts = Abonnés par statut et par langue
admin-status = Statut
admin-language = Langue
admin-count = Nombre
admin-status-confirmed = Confirmé
admin-status-pending = En attente de confirmation
admin-lang-fr = Français
admin-lang-en = English
admin-subscribers-confirmed = { $count ->
        [one] { $count-text } abonné confirmé
       *[other] { $count-text } abonnés confirmés
    }
admin-subscribers-pending = { $count ->
        [one] { $count-text } inscription en attente de confirmation
       *[other] { $count-text } inscriptions en attente de confirmation
    }
admin-subscribers-search-label = Rechercher par adresse (ou partie d’adresse)
admin-search = Rechercher
admin-subscribers-found = { $count ->
        [one] { $count-text } abonné trouvé
       *[other] { $count-text } abonnés trouvés
    }
admin-subscribed-at = Inscription
admin-confirmed-at = Confirmation
admin-not-confirmed = Non confirmée
admin-consent-at = Consentement donné
admin-consent-version = Version de la politique de confidentialité acceptée
admin-export-title = Exporter
admin-export-confirmed = Les abonnés confirmés (CSV)
admin-export-all = Tous les abonnés, y compris ceux en attente de confirmation (CSV)
admin-erase = Effacer cette personne
admin-erase-title = Effacer cette personne ?
admin-erase-explanation = Son inscription et les courriels en attente pour elle seront supprimés définitivement. Le journal des modifications garde trace de l’effacement, pas de l’adresse.
admin-erase-confirm = Effacer définitivement
admin-cancel = Annuler
admin-subscriber-erased = La personne a été effacée.

## My account

admin-language-title = Langue de l’administration
admin-language-legend = Afficher l’administration en
admin-save = Enregistrer
admin-language-changed = Votre langue a été enregistrée.
admin-password-title = Changer de mot de passe
admin-password-rules = 12 caractères au moins, difficile à deviner : plusieurs mots sans rapport entre eux font un bon mot de passe. Vos autres sessions seront fermées.
admin-current-password = Mot de passe actuel
admin-new-password = Nouveau mot de passe
admin-confirm-password = Nouveau mot de passe, à nouveau
admin-password-submit = Changer le mot de passe
admin-current-password-wrong = Le mot de passe actuel est incorrect.
admin-passwords-differ = Les deux nouveaux mots de passe diffèrent.
admin-password-changed = Votre mot de passe a été changé, et vos autres sessions ont été fermées.

## The audit log

admin-audit-lead = Toutes les modifications faites dans l’administration ou en ligne de commande. Le journal est conservé : rien ne peut y être modifié ni supprimé.
admin-audit-filter = Filtrer le journal
admin-audit-who = Qui
admin-audit-what = Quoi
admin-audit-when = Quand
admin-audit-summary = Détails
admin-audit-anyone = Tout le monde
admin-audit-any-kind = Toute modification
admin-audit-apply = Filtrer
admin-audit-reset = Tout afficher
admin-audit-command-line = Ligne de commande
admin-audit-count = { $count ->
        [one] { $count-text } entrée
       *[other] { $count-text } entrées
    }
admin-kind-account-created = Compte créé
admin-kind-account-password-changed = Mot de passe changé
admin-kind-account-role-changed = Rôle changé
admin-kind-account-language-changed = Langue changée
admin-kind-account-disabled = Compte désactivé
admin-kind-account-deleted = Compte supprimé
admin-kind-account-locked = Compte en attente après des connexions échouées
admin-kind-signed-in = Connexion
admin-kind-sign-in-failed = Connexion échouée
admin-kind-signed-out = Déconnexion
admin-kind-subscriber-erased = Abonné effacé
admin-kind-subscribers-exported = Abonnés exportés
admin-kind-signatories-imported = Signataires importés
admin-kind-events-imported = Événements importés
admin-kind-news-imported = Actualités importées
admin-kind-sample-removed = Données d’exemple supprimées

## The accounts page

admin-nav-accounts = Comptes
admin-accounts-caption = Tous les comptes de l’administration, par adresse
admin-totp = Connexion en deux étapes
admin-totp-on = Activée
admin-totp-off = Désactivée
admin-last-sign-in = Dernière connexion
admin-never = Jamais
admin-actions = Actions
admin-account-active = Actif
admin-account-disabled = Désactivé
admin-account-waiting = En attente après des connexions manquées
admin-accounts-role-of = Rôle de { $email }
admin-accounts-change-role = Changer le rôle
admin-accounts-you = C’est vous : un autre administrateur peut modifier votre compte.
admin-accounts-disable = Désactiver
admin-accounts-enable = Réactiver
admin-accounts-delete = Supprimer
admin-accounts-delete-title = Supprimer ce compte ?
admin-accounts-delete-explanation = La personne ne pourra plus se connecter, et ses sessions sont fermées aussitôt. Le journal des modifications garde ce qu’elle a fait.
admin-accounts-delete-confirm = Supprimer définitivement
admin-accounts-role-changed = Le rôle a été changé.
admin-accounts-disabled = Le compte a été désactivé, et ses sessions ont été fermées.
admin-accounts-enabled = Le compte a été réactivé.
admin-accounts-deleted = Le compte a été supprimé.
admin-accounts-last-admin = C’est le dernier administrateur actif : sans lui, personne ne pourrait gérer les comptes. Nommez d’abord une autre personne administrateur.
admin-accounts-yourself = Vous ne pouvez pas rétrograder, désactiver ni supprimer votre propre compte : demandez-le à un autre administrateur.
admin-accounts-role-missing = Choisissez un rôle : administrateur ou rédacteur.
admin-kind-account-enabled = Compte réactivé
admin-kind-account-invited = Collègue invité

## Invitations

admin-invite-title = Inviter un collègue
admin-invite-lead = La personne reçoit un courriel avec un lien pour choisir son mot de passe, valable 48 heures et une seule fois. Inviter à nouveau la même adresse remplace le lien précédent.
admin-invite-lang = Langue du courriel et de son administration
admin-invite-submit = Envoyer l’invitation
admin-email-invalid = Ce n’est pas une adresse électronique : vérifiez-la, par exemple nom@example.org.
admin-invitation-lang-missing = Choisissez la langue du courriel.
admin-invitation-has-account = Cette adresse a déjà un compte : changez plutôt son rôle dans la liste ci-dessus.
admin-invitation-sent = L’invitation a été envoyée.
admin-invitation-title = Choisissez votre mot de passe
admin-password-rules-new = 12 caractères au moins, difficile à deviner : plusieurs mots sans rapport font un bon mot de passe.
admin-invitation-submit = Créer mon compte
admin-invitation-accepted = Votre compte est prêt : connectez-vous avec votre adresse et le mot de passe que vous venez de choisir.
admin-invitation-used-title = Cette invitation a déjà servi
admin-invitation-used-body = Le compte a déjà été créé avec ce lien : connectez-vous avec votre adresse et votre mot de passe.
admin-invitation-expired-title = Cette invitation a expiré
admin-invitation-expired-body = Le lien était valable 48 heures. Demandez à un administrateur de vous inviter à nouveau.
admin-invitation-unknown-title = Ce lien d’invitation n’est pas valable
admin-invitation-unknown-body = Vérifiez que le lien a été copié en entier. Si vous avez été invité à nouveau, seul le lien du courriel le plus récent fonctionne.
mail-invitation-subject = Votre invitation à l’administration du site UN sur CINQ
mail-invitation-intro = Vous êtes invité à travailler sur le site de la campagne UN sur CINQ du Conseil de l’Europe.
mail-invitation-action = Pour choisir votre mot de passe et créer votre compte, ouvrez ce lien :
mail-invitation-button = Choisir mon mot de passe
mail-invitation-expiry = Ce lien est valable 48 heures, une seule fois.
mail-invitation-ignore = Si vous n’attendiez pas cette invitation, ignorez ce message : aucun compte ne sera créé.
