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

## Signatories: the list, the form, deletion, the CSV file's preview

admin-nav-signatories = Adhérents
admin-kind-signatory-added = Adhérent ajouté
admin-kind-signatory-updated = Adhérent modifié
admin-kind-signatory-deleted = Adhérent supprimé
admin-signatories-count = { $count ->
        [one] { $count-text } adhérent
       *[other] { $count-text } adhérents
    }
admin-signatories-new = Ajouter un adhérent
admin-signatories-import = Importer un fichier CSV
admin-signatories-export = Exporter en CSV
admin-signatories-sample = Exemple
admin-signatories-added = L’adhérent a été ajouté. Il apparaît dès maintenant sur le site public.
admin-signatories-saved = L’adhérent a été enregistré. La modification apparaît dès maintenant sur le site public.
admin-signatories-deleted = L’adhérent a été supprimé.
admin-signatories-imported = Le fichier a été appliqué : { $added-text } ajout(s), { $updated-text } mise(s) à jour, { $unchanged-text } inchangé(s).
admin-signatories-field-name = Nom (tel que la collectivité l’écrit)
admin-signatories-field-name-fr = Nom en français
admin-signatories-field-name-en = Nom en anglais
admin-signatories-field-kind = Type
admin-signatories-field-country = Pays
admin-signatories-field-joined-on = Date d’adhésion
admin-signatories-field-website = Site web
admin-signatories-hint-translated = Seulement s’il diffère du nom propre de la collectivité.
admin-signatories-hint-date = Au format AAAA-MM-JJ, par exemple 2026-03-02.
admin-signatories-hint-website = Une adresse commençant par http:// ou https://.
admin-signatories-choose = Choisir…
admin-signatories-has-errors = L’adhérent n’a pas été enregistré : corrigez les champs signalés ci-dessous.
admin-signatories-error-name-empty = Saisissez le nom.
admin-signatories-error-name-too-long = Le nom est trop long : 200 caractères au plus.
admin-signatories-error-name-control = Le nom contient un caractère qui ne peut pas être affiché.
admin-signatories-error-kind = Choisissez ville ou région.
admin-signatories-error-country-missing = Choisissez le pays.
admin-signatories-error-country = Choisissez un État membre ou observateur du Conseil de l’Europe.
admin-signatories-error-date-missing = Saisissez la date d’adhésion.
admin-signatories-error-date = Saisissez une date réelle au format AAAA-MM-JJ, par exemple 2026-03-02.
admin-signatories-error-website = Saisissez une adresse commençant par http:// ou https://.
admin-signatories-error-duplicate = Un adhérent de ce nom existe déjà dans ce pays.
admin-signatories-conflict = Quelqu’un d’autre a enregistré cet adhérent pendant que vous le modifiiez. Votre saisie est conservée ci-dessous ; voici ce que cette personne a enregistré. Enregistrez de nouveau pour remplacer sa version par la vôtre.
admin-signatories-empty-value = (vide)
admin-signatories-sample-note = Cet adhérent est un exemple. Une fois enregistré, il devient une donnée réelle.
admin-signatories-public-page = Voir sa page sur le site public
admin-signatories-delete = Supprimer cet adhérent
admin-signatories-delete-title = Supprimer cet adhérent ?
admin-signatories-delete-explanation = Il disparaîtra aussitôt de la liste des adhérents, du compteur et des données ouvertes. Le journal des modifications garde trace de la suppression.
admin-signatories-delete-confirm = Supprimer définitivement
admin-signatories-upload-title = Choisir un fichier
admin-signatories-upload-hint = Un fichier CSV avec les colonnes name, kind, country, joined_on et, au besoin, name_fr, name_en, website (2 Mo au plus). Rien n’est enregistré avant que vous ayez vu l’aperçu et l’ayez appliqué.
admin-signatories-file = Fichier CSV
admin-signatories-file-missing = Choisissez un fichier CSV.
admin-signatories-preview = Voir l’aperçu
admin-signatories-preview-title = Ce que le fichier va faire
admin-signatories-preview-added = { $count ->
        [one] { $count-text } adhérent ajouté
       *[other] { $count-text } adhérents ajoutés
    }
admin-signatories-preview-updated = { $count ->
        [one] { $count-text } adhérent mis à jour
       *[other] { $count-text } adhérents mis à jour
    }
admin-signatories-preview-unchanged = { $count ->
        [one] { $count-text } adhérent inchangé
       *[other] { $count-text } adhérents inchangés
    }
admin-signatories-preview-added-title = Ajoutés
admin-signatories-preview-updated-title = Mis à jour
admin-signatories-preview-changes = Modifications
admin-signatories-becomes-real = l’exemple devient une donnée réelle
admin-signatories-apply = Appliquer le fichier
admin-signatories-import-stale = Les adhérents ont changé depuis l’aperçu : rien n’a été enregistré. Voici de nouveau l’aperçu, d’après les données actuelles.
admin-signatories-import-rejected = Le fichier comporte des erreurs : rien n’a été enregistré. Corrigez-les et réessayez.
admin-signatories-line = Ligne { $line-text } :
admin-signatories-more-problems = { $count ->
        [one] … et { $count-text } autre problème
       *[other] … et { $count-text } autres problèmes
    }

## News written in the back office

admin-nav-news = Actualités
admin-kind-news-added = Actualité ajoutée
admin-kind-news-updated = Actualité modifiée
admin-kind-news-published = Actualité publiée
admin-kind-news-unpublished = Actualité remise en brouillon
admin-kind-news-deleted = Actualité supprimée
admin-news-new = Écrire une actualité
admin-news-items = Actualités, brouillons en premier
admin-news-in-french = En français
admin-news-in-english = En anglais
admin-news-column-languages = Langues
admin-news-column-status = État
admin-news-status-draft = Brouillon : visible nulle part sur le site public.
admin-news-status-scheduled = Programmée : visible à partir du { $when }.
admin-news-status-published = Publiée le { $when }.
admin-news-done-added = Le brouillon a été enregistré. Le public le verra une fois publié.
admin-news-done-saved = L’actualité a été enregistrée. Si elle est publiée, la modification apparaît dès maintenant sur le site public.
admin-news-done-published = L’actualité a été publiée. Elle apparaît dès maintenant sur le site public.
admin-news-done-scheduled = L’actualité a été programmée. Elle apparaîtra sur le site public à la date et à l’heure choisies.
admin-news-done-unpublished = L’actualité est redevenue un brouillon : elle n’apparaît plus sur le site public.
admin-news-done-deleted = L’actualité a été supprimée.
admin-news-field-title = Titre
admin-news-field-summary = Résumé
admin-news-field-body = Texte
admin-news-field-alt = Description de l’image
admin-news-field-image = Choisir une image
admin-news-field-date = Date
admin-news-field-time = Heure (UTC)
admin-news-hint-languages = Écrivez l’actualité en français, en anglais ou dans les deux langues. Une langue laissée vide signifie que l’actualité n’existe pas dans cette langue.
admin-news-hint-markdown = Markdown : une ligne vide entre les paragraphes, **gras**, *italique*, [un lien](https://example.org), des lignes commençant par « - » pour une liste.
admin-news-hint-alt = Ce que montre l’image, pour les personnes qui ne la voient pas. Obligatoire dans chaque langue de l’actualité lorsqu’il y a une image.
admin-news-hint-image = Une image JPEG, PNG ou WebP de 2 Mo au plus.
admin-news-hint-publish = Laissez la date et l’heure vides pour publier maintenant, ou choisissez un moment à venir (en UTC) pour programmer la publication.
admin-news-image = Image
admin-news-remove-image = Retirer l’image
admin-news-replace-image = Remplacer l’image par une autre
admin-news-image-again = L’image choisie n’a pas été conservée : choisissez-la de nouveau avant d’enregistrer.
admin-news-has-errors = L’actualité n’a pas été enregistrée : corrigez les champs signalés ci-dessous.
admin-news-error-no-language = Écrivez le titre, le résumé et le texte dans au moins une langue.
admin-news-error-title-empty = Saisissez le titre, ou laissez cette langue vide.
admin-news-error-title-too-long = Le titre est trop long : 200 caractères au plus.
admin-news-error-summary-empty = Saisissez le résumé, ou laissez cette langue vide.
admin-news-error-summary-too-long = Le résumé est trop long : 1 000 caractères au plus.
admin-news-error-body-empty = Saisissez le texte, ou laissez cette langue vide.
admin-news-error-body-too-long = Le texte est trop long : 200 Ko au plus.
admin-news-error-alt-empty = Décrivez l’image dans cette langue.
admin-news-error-alt-too-long = La description est trop longue : 500 caractères au plus.
admin-news-error-control = Le texte contient un caractère qui ne peut pas être affiché.
admin-news-error-image-type = Le fichier n’est pas une image JPEG, PNG ou WebP. Rien n’a été enregistré.
admin-news-error-image-too-large = L’image dépasse 2 Mo. Rien n’a été enregistré.
admin-news-error-publish-at = Saisissez une vraie date et une heure écrite HH:MM, ou laissez les deux vides pour publier maintenant.
admin-news-empty-value = (vide)
admin-news-conflict = Quelqu’un d’autre a modifié cette actualité pendant que vous la modifiiez. Votre saisie est conservée ci-dessous ; voici ce qu’elle contient maintenant. Enregistrez de nouveau pour remplacer sa version par la vôtre.
admin-news-preview = Aperçu
admin-news-preview-title = Aperçu
admin-news-preview-note = Voici l’allure des textes. Rien n’a encore été enregistré.
admin-news-publish-title = Publier
admin-news-publish-again-title = Publier à un autre moment
admin-news-publish = Publier
admin-news-unpublish = Remettre en brouillon (retirer du site public)
admin-news-public-page = La voir sur le site public
admin-news-delete = Supprimer cette actualité
admin-news-delete-title = Supprimer cette actualité ?
admin-news-delete-explanation = Elle disparaîtra aussitôt du site public, de ses flux et du plan du site, dans toutes les langues. Le journal des modifications garde trace de la suppression.
admin-news-delete-confirm = Supprimer définitivement
admin-news-sample = Exemple
admin-news-sample-note = Cette actualité fait partie des données d’exemple. Une fois enregistrée, elle devient une donnée réelle.
