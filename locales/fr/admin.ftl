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
admin-error-403-body = Ce formulaire a été envoyé depuis la page d’un autre site : il a été refusé et rien n’a été modifié. Si vous vouliez l’envoyer, ouvrez l’espace d’administration dans ce navigateur et utilisez son formulaire.
admin-error-403-admins-title = Réservé aux administrateurs
admin-error-403-admins-body = Cette page ou cette action est réservée aux administrateurs du site, et votre compte est celui d’un éditeur : rien n’a été modifié. Demandez à un administrateur du site de le faire pour vous.
admin-form-restored = Votre session avait pris fin ou ce formulaire avait expiré : rien n’a été enregistré. Ce que vous aviez saisi est de retour dans le formulaire ci-dessous : vérifiez-le, puis appuyez de nouveau sur le bouton pour l’enregistrer.
admin-form-restored-files = Votre session avait pris fin ou ce formulaire avait expiré : rien n’a été enregistré. Ce que vous aviez saisi est de retour dans le formulaire ci-dessous : vérifiez-le, puis appuyez de nouveau sur le bouton pour l’enregistrer. Le fichier que vous aviez choisi n’a pas été gardé : choisissez-le de nouveau.
admin-form-not-sent = Votre session avait pris fin ou cette page avait expiré : rien n’a été fait. Appuyez de nouveau sur le bouton si vous le souhaitez toujours.
admin-session-ended = Votre session a pris fin : ce que vous avez envoyé n’a pas été enregistré. Reconnectez-vous : vous retrouverez la page où vous étiez, avec ce que vous aviez saisi.
admin-sign-in-stale = Cette page était ouverte depuis trop longtemps : vous n’avez pas été connecté. Saisissez de nouveau votre mot de passe, puis connectez-vous.
admin-two-step-stale = Cette page était ouverte depuis trop longtemps : votre code n’a pas été vérifié. Saisissez le code que votre application affiche maintenant, puis envoyez-le.
admin-invitation-stale = Cette page était ouverte depuis trop longtemps : votre mot de passe n’a pas été enregistré. Saisissez-le de nouveau, deux fois, puis envoyez-le.
admin-none = Rien pour l’instant.
admin-when = { $date } à { $time } ({ $zone })

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
admin-role-editor = Rédacteur (contenus : adhérents, événements, actualités, pages)
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
admin-consent-version = Version de la notice sur la protection des données acceptée
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
admin-audit-unknown-address = Une adresse sans compte
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
admin-kind-signatories-imported = Adhérents importés
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
admin-email-bidi = Cette adresse contient un caractère invisible qui change le sens du texte : saisissez-la au clavier plutôt que de la coller.
admin-invitation-lang-missing = Choisissez la langue du courriel.
admin-invitation-has-account = Cette adresse a déjà un compte : changez plutôt son rôle dans la liste ci-dessus.
admin-invitation-sent = L’invitation a été envoyée.
admin-invitations-caption = Invitations en attente
admin-invitations-none = Aucune invitation n’attend de réponse.
admin-invitations-by = Envoyée par
admin-invitations-sent-at = Envoi
admin-invitations-expires-at = Expiration
admin-invitation-resend = Renvoyer
admin-invitation-resend-of = Renvoyer l’invitation à { $email }
admin-invitation-withdraw = Retirer
admin-invitation-withdraw-of = Retirer l’invitation à { $email }
admin-invitation-resent = Une nouvelle invitation a été envoyée ; le lien précédent ne fonctionne plus.
admin-invitation-withdrawn = L’invitation a été retirée : son lien ne fonctionne plus.
admin-kind-invitation-resent = Invitation renvoyée
admin-kind-invitation-withdrawn = Invitation retirée
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
# $inviter is the address of the admin who invited.
mail-invitation-intro = { $inviter } vous invite à travailler sur le site de la campagne UN sur CINQ du Conseil de l’Europe.
mail-invitation-action = Pour choisir votre mot de passe et créer votre compte, ouvrez ce lien :
mail-invitation-button = Choisir mon mot de passe
# $hours is how long the link lasts.
mail-invitation-expiry = { $hours ->
        [one] Ce lien ne peut servir qu’une fois, dans l’heure.
       *[other] Ce lien ne peut servir qu’une fois, dans les { $hours-text } heures.
    }
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
admin-signatories-deleted = L’adhérent a été mis à la corbeille.
admin-signatories-imported = Le fichier a été appliqué : { $added-text } ajout(s), { $updated-text } mise(s) à jour, { $unchanged-text } inchangé(s).
admin-signatories-field-name = Nom (tel que la collectivité l’écrit)
admin-signatories-field-name-fr = Nom en français
admin-signatories-field-name-en = Nom en anglais
admin-signatories-field-kind = Type
admin-signatories-field-country = Pays
admin-signatories-field-joined-on = Date d’adhésion
admin-signatories-field-website = Site web
admin-signatories-field-latitude = Latitude
admin-signatories-field-longitude = Longitude
admin-signatories-hint-translated = Seulement s’il diffère du nom propre de la collectivité.
admin-signatories-hint-date = Au format AAAA-MM-JJ, par exemple 2026-03-02.
admin-signatories-hint-website = Une adresse commençant par http:// ou https://.
admin-signatories-hint-position = Pour la carte, en degrés décimaux, par exemple 48.58 et 7.75 pour Strasbourg ; pour une région, son chef-lieu. Laissez les deux vides si vous ne savez pas.
admin-signatories-choose = Choisir…
admin-signatories-has-errors = L’adhérent n’a pas été enregistré : corrigez les champs signalés ci-dessous.
admin-signatories-error-name-empty = Saisissez le nom.
admin-signatories-error-name-too-long = Le nom est trop long : 200 caractères au plus.
admin-signatories-error-name-control = Le nom contient un caractère qui ne peut pas être affiché.
admin-signatories-error-name-bidi = Le nom contient un caractère invisible qui change le sens du texte : saisissez le nom au clavier plutôt que de le coller.
admin-signatories-error-kind = Choisissez ville ou région.
admin-signatories-error-country-missing = Choisissez le pays.
admin-signatories-error-country = Choisissez un État membre ou observateur du Conseil de l’Europe.
admin-signatories-error-date-missing = Saisissez la date d’adhésion.
admin-signatories-error-date = Saisissez une date réelle au format AAAA-MM-JJ, par exemple 2026-03-02.
admin-signatories-error-date-future = La date d’adhésion ne peut pas être postérieure à aujourd’hui.
admin-signatories-error-website = Saisissez une adresse commençant par http:// ou https://.
admin-signatories-error-coordinate = Saisissez un nombre de degrés décimaux, par exemple 48.58 ou -1.68.
admin-signatories-error-latitude-range = Une latitude va de -90 à 90 degrés.
admin-signatories-error-longitude-range = Une longitude va de -180 à 180 degrés.
admin-signatories-error-half-position = Saisissez la latitude et la longitude, ou aucune des deux.
admin-signatories-problem-duplicate = { $name } ({ $country }) figure déjà à la ligne { $line }.
admin-csv-empty = Le fichier est vide : sa première ligne doit nommer les colonnes { $columns }.
admin-csv-unknown-column = Colonne inconnue « { $column } » : les colonnes possibles sont { $columns }.
admin-csv-column-twice = La colonne « { $column } » apparaît deux fois.
admin-csv-missing-column = Il manque la colonne « { $column } » : la première ligne doit nommer { $columns }.
admin-csv-not-utf8 = Le fichier n’est pas un texte UTF-8 à cet endroit. Enregistrez-le en « CSV UTF-8 » depuis votre tableur.
admin-csv-unreadable = Le fichier n’a pas pu être lu comme un CSV.
admin-signatories-error-duplicate = Un adhérent de ce nom existe déjà dans ce pays.
admin-signatories-conflict = Quelqu’un d’autre a enregistré cet adhérent pendant que vous le modifiiez. Votre saisie est conservée ci-dessous ; voici ce que cette personne a enregistré. Enregistrez de nouveau pour remplacer sa version par la vôtre.
admin-signatories-empty-value = (vide)
admin-signatories-sample-note = Cet adhérent est un exemple. Une fois enregistré, il devient une donnée réelle.
admin-signatories-public-page = Voir sa page sur le site public
admin-signatories-delete = Supprimer cet adhérent
admin-signatories-delete-title = Supprimer cet adhérent ?
admin-signatories-delete-explanation = Il disparaîtra aussitôt de la liste des adhérents, du compteur et des données ouvertes, et restera 30 jours dans la corbeille, d’où il peut être restauré avec tout ce qu’il avait. Le journal des modifications garde trace de la suppression.
admin-signatories-delete-confirm = Mettre à la corbeille
admin-signatories-upload-title = Choisir un fichier
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
admin-signatories-becomes-real = l’exemple devient une donnée réelle
admin-signatories-apply = Appliquer le fichier
admin-signatories-import-stale = Les adhérents ont changé depuis l’aperçu : rien n’a été enregistré. Voici de nouveau l’aperçu, d’après les données actuelles.
admin-signatories-import-rejected = Le fichier comporte des erreurs : rien n’a été enregistré. Corrigez-les et réessayez.
admin-signatories-line = Ligne { $line-text } :
admin-signatories-more-problems = { $count ->
        [one] … et { $count-text } autre problème
       *[other] … et { $count-text } autres problèmes
    }

## La connexion en deux étapes (application d’authentification)
admin-two-step-title = Connexion en deux étapes
admin-two-step-lead = Votre mot de passe est correct. Saisissez le code à 6 chiffres que votre application d’authentification affiche maintenant, ou l’un de vos codes de secours.
admin-two-step-code-label = Code de l’application, ou code de secours
admin-two-step-submit = Continuer
admin-two-step-code-missing = Saisissez le code.
admin-two-step-code-wrong = Ce code n’est pas correct, ou a déjà servi. Attendez le code suivant et réessayez.
admin-two-step-expired = Le temps pour saisir le code est écoulé (5 minutes). Connectez-vous à nouveau.
admin-two-step-qr-label = Code QR à scanner avec votre application d’authentification
admin-two-step-qr-caption = Scannez ce code avec votre application d’authentification.
admin-two-step-secret-label = Ou saisissez cette clé dans l’application :
admin-two-step-setup-lead = Configurez votre application d’authentification (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator), puis saisissez le code qu’elle affiche pour confirmer.
admin-two-step-confirm-label = Code à 6 chiffres affiché par l’application
admin-two-step-confirm-submit = Confirmer et activer
admin-two-step-off-state = Désactivée. Avec la connexion en deux étapes, la connexion demande aussi un code d’une application sur votre téléphone : un mot de passe volé ne suffit plus.
admin-two-step-start = Activer la connexion en deux étapes
admin-two-step-turned-on = La connexion en deux étapes est activée. Désormais, la connexion demande un code de votre application.
admin-two-step-turned-off = La connexion en deux étapes est désactivée.
admin-two-step-codes-title = Vos codes de secours
admin-two-step-codes-lead = Chaque code sert une fois, à la place d’un code de l’application, si vous perdez votre téléphone. Gardez-les en lieu sûr dès maintenant (imprimés, ou dans un gestionnaire de mots de passe) : ils ne seront plus affichés.
admin-two-step-codes-renewed = De nouveaux codes de secours ont été créés. Les anciens ne fonctionnent plus.
admin-two-step-codes-left = { $count ->
        [one] { $count-text } code de secours restant.
       *[other] { $count-text } codes de secours restants.
    }
admin-two-step-on-lead = Activée : la connexion demande un code de votre application d’authentification.
admin-two-step-renew-title = Nouveaux codes de secours
admin-two-step-renew-lead = Crée dix nouveaux codes ; les anciens ne fonctionnent plus.
admin-two-step-renew-submit = Créer de nouveaux codes de secours
admin-two-step-off-title = Désactiver la connexion en deux étapes
admin-two-step-off-lead = Votre mot de passe et un code de l’application (ou un code de secours) sont demandés.
admin-two-step-off-submit = Désactiver
admin-two-step-required-notice = Un administrateur exige la connexion en deux étapes pour tous. Activez-la ici pour accéder au reste de l’espace d’administration.
admin-two-step-setting-title = Connexion en deux étapes pour tous
admin-two-step-setting-lead = Lorsqu’elle est exigée, une personne sans connexion en deux étapes n’accède qu’à la page de son compte, jusqu’à ce qu’elle l’active.
admin-two-step-setting-legend = Connexion en deux étapes
admin-two-step-setting-on = Exigée pour tous
admin-two-step-setting-off = Au choix de chacun
admin-two-step-setting-saved = Le réglage de la connexion en deux étapes a été enregistré.
admin-kind-two-step-on = Connexion en deux étapes activée
admin-kind-two-step-off = Connexion en deux étapes désactivée
admin-kind-recovery-codes-renewed = Codes de secours renouvelés
admin-kind-recovery-code-used = Code de secours utilisé
admin-kind-setting-changed = Réglage modifié
## Prose pages: the list, the form and its preview, the revisions

admin-nav-pages = Pages
admin-kind-page-saved = Page enregistrée
admin-kind-page-restored = Version de page rétablie
admin-pages-intro = Les pages de texte du site, dans chaque langue. Chaque enregistrement est conservé comme une version, que la page publique affiche dès son prochain chargement ; le texte livré avec le site est la première version de chaque page.
admin-pages-admins-only = La politique de confidentialité et les mentions légales ne sont modifiées que par les administrateurs.
admin-pages-caption = Les pages et leur texte actuel
admin-pages-page = Page
admin-pages-language = Langue
admin-pages-current = Texte actuel
admin-pages-author = Auteur
admin-pages-name = { $page } ({ $language })
admin-pages-lang-fr = français
admin-pages-lang-en = anglais
admin-pages-bundled = Texte livré avec le site
admin-pages-no-author = aucun
admin-pages-unknown-author = un compte supprimé depuis
admin-pages-history = Versions
admin-pages-history-title = Versions de la page { $page }
admin-pages-history-intro = Tous les textes enregistrés de cette page, du plus récent au plus ancien, jusqu’au texte livré avec le site. Rétablir une version enregistre à nouveau son texte comme une nouvelle version : rien n’est jamais effacé.
admin-pages-history-truncated = Seules les 200 dernières versions sont affichées.
admin-pages-revisions-caption = Versions, de la plus récente à la plus ancienne
admin-pages-saved-at = Enregistrée le
admin-pages-current-badge = actuelle
admin-pages-view = Afficher
admin-pages-compare = Comparer avec le texte actuel
admin-pages-restore = Rétablir ce texte
admin-pages-restore-conflict = Rien n’a été rétabli : quelqu’un a enregistré un nouveau texte de cette page entre-temps. Voici les versions telles qu’elles sont maintenant.
admin-pages-by = par { $author }
admin-pages-saved-by = Enregistrée le { $when } par { $author }.
admin-pages-text = Texte de la page (Markdown)
admin-pages-hint = Markdown : une ligne qui commence par ## est un intertitre, une ligne vide commence un nouveau paragraphe, [mots](https://…) est un lien. { $kilobytes-text } Ko au plus. Les adresses du secrétariat et de l’hébergeur sont ajoutées là où le texte le prévoit.
admin-pages-preview = Aperçu
admin-pages-preview-title = Aperçu de la page (non enregistré)
admin-pages-public-page = Voir la page sur le site public
admin-pages-current-revision = Le texte actuel a été enregistré le
admin-pages-current-bundled = Le texte actuel est celui livré avec le site.
admin-pages-saved = La page a été enregistrée. La page publique l’affiche dès maintenant.
admin-pages-restored = Le texte a été rétabli comme nouvelle version. La page publique l’affiche dès maintenant.
admin-pages-error-empty = Saisissez le texte de la page.
admin-pages-error-too-long = Le texte est trop long : 100 Ko au plus.
admin-pages-conflict = Quelqu’un d’autre a enregistré cette page pendant que vous la modifiiez. Votre texte est conservé dans le formulaire ci-dessous ; le tableau montre en quoi le sien diffère du vôtre. Enregistrez à nouveau pour remplacer son texte par le vôtre.
admin-pages-conflict-caption = Son texte (lignes retirées) comparé au vôtre (lignes ajoutées)
admin-pages-conflict-bundled = La page a maintenant le texte livré avec le site.
admin-pages-their-text = Voir son texte
admin-pages-revision-of = Version du { $when }
admin-pages-revision-title = { $revision }, { $page }
admin-pages-bundled-note = Le texte livré avec le site.
admin-pages-is-current = C’est le texte actuel.
admin-pages-as-shown = Le texte tel que la page publique l’affiche
admin-pages-compare-title = Modifications depuis une version, { $page }
admin-pages-compare-intro = Chaque ligne qui diffère entre la version et le texte actuel : les lignes retirées ne sont que dans la version, les lignes ajoutées que dans le texte actuel ; quelques lignes inchangées autour aident à les situer.
admin-pages-diff-caption = { $revision } comparée au texte actuel
admin-pages-diff-none = Les deux textes sont identiques.
admin-pages-diff-change = Modification
admin-pages-diff-old-line = Ligne avant
admin-pages-diff-new-line = Ligne après
admin-pages-diff-text = Texte
admin-pages-diff-removed = Retirée
admin-pages-diff-added = Ajoutée
admin-pages-diff-unchanged = Inchangée
## Events: the list, the form, postponing, cancelling, deletion

admin-nav-events = Événements
admin-kind-event-added = Événement ajouté
admin-kind-event-updated = Événement modifié
admin-kind-event-postponed = Événement reporté
admin-kind-event-cancelled = Événement annulé
admin-kind-event-deleted = Événement supprimé
admin-events-new = Ajouter un événement
admin-events-added = L’événement a été ajouté. Il apparaît dès maintenant dans le calendrier public.
admin-events-saved = L’événement a été enregistré. La modification apparaît dès maintenant dans le calendrier public.
admin-events-postponed = L’événement a été reporté à sa nouvelle date.
admin-events-cancelled = L’événement a été annulé. Il reste dans le calendrier, signalé comme annulé.
admin-events-deleted = L’événement a été mis à la corbeille.
admin-events-filter-legend = Afficher les événements
admin-events-filter-year = Année
admin-events-filter-all-years = Toutes les années
admin-events-filter-all-statuses = Tous les statuts
admin-events-upcoming = À venir
admin-events-past = Passés
admin-events-none = Aucun événement.
admin-events-column-title = Titre
admin-events-column-place = Lieu
admin-events-when = Date
admin-events-status-scheduled = Prévu
admin-events-status-postponed = Reporté
admin-events-status-cancelled = Annulé
admin-events-status-note = Statut : { $status }
admin-events-field-slug = Adresse
admin-events-field-title-fr = Titre en français
admin-events-field-title-en = Titre en anglais
admin-events-field-start = Début
admin-events-field-end = Fin
admin-events-field-new-start = Nouveau jour de début
admin-events-field-new-end = Nouveau jour de fin
admin-events-field-start-date = Jour de début
admin-events-field-start-time = Heure de début
admin-events-field-end-date = Jour de fin
admin-events-field-end-time = Heure de fin
admin-events-field-new-start-time = Nouvelle heure de début
admin-events-field-new-end-time = Nouvelle heure de fin
admin-events-field-time-zone = Fuseau horaire
admin-events-field-status = Statut
admin-events-field-venue-name = Lieu
admin-events-field-venue-city = Ville du lieu
admin-events-field-venue-country = Pays du lieu
admin-events-field-online-url = Lien en ligne
admin-events-field-registration-url = Site d’inscription
admin-events-field-signatory = Adhérent lié
admin-events-field-description-fr = Description en français
admin-events-field-description-en = Description en anglais
admin-events-hint-start = Le premier jour de l’événement.
admin-events-hint-end = Laissez vide pour un événement d’un seul jour.
admin-events-hint-start-time = Laissez vide pour un événement qui dure des journées entières.
admin-events-hint-end-time = Avec une heure de début, l’heure où il se termine.
admin-events-hint-time-zone = Le fuseau horaire des heures de début et de fin : choisissez la ville la plus proche de l’événement.
admin-events-hint-venue = Indiquez le lieu, sa ville et son pays ensemble, un lien en ligne, ou les deux.
admin-events-hint-url = Une adresse commençant par http:// ou https://.
admin-events-hint-signatory = Tapez une partie de son nom et choisissez-le dans la liste (nom et code du pays, par exemple Strasbourg (FR)) ; laissez vide s’il n’y en a pas.
admin-events-hint-description = En Markdown : **gras**, *italique*, [un lien](https://…), listes. Utilisez Aperçu pour le voir.
admin-events-no-venue-country = Pas de lieu
admin-events-has-errors = L’événement n’a pas été enregistré : corrigez les champs signalés ci-dessous.
admin-events-error-title-empty = Saisissez le titre.
admin-events-error-too-long = C’est trop long : 200 caractères au plus.
admin-events-error-control = Ce texte contient un caractère qui ne peut pas être affiché.
admin-events-error-bidi = Ce texte contient un caractère invisible qui change le sens du texte : saisissez-le au clavier plutôt que de le coller.
admin-events-error-description-too-long = La description est trop longue : 20 000 caractères au plus.
admin-events-error-start-missing = Saisissez le jour de début.
admin-events-error-start = Saisissez un jour réel et, si l’événement a des horaires, une heure réelle.
admin-events-error-end = Indiquez une heure de début et une heure de fin, ou aucune pour un événement qui dure des journées entières.
admin-events-error-end-before = La fin doit venir après le début.
admin-events-error-time-zone = Choisissez un fuseau horaire dans la liste.
admin-events-error-status = Choisissez prévu, reporté ou annulé.
admin-events-error-country = Choisissez un État membre ou observateur du Conseil de l’Europe.
admin-events-error-url = Saisissez une adresse commençant par http:// ou https://.
admin-events-error-venue-partial = Indiquez le lieu, sa ville et son pays ensemble, ou aucun des trois.
admin-events-error-no-place = Indiquez un lieu, un lien en ligne, ou les deux.
admin-events-error-signatory = Écrivez l’adhérent avec son nom et le code de son pays, par exemple Strasbourg (FR).
admin-events-error-signatory-unknown = Cet adhérent n’existe pas : vérifiez son nom et son pays dans la liste des adhérents.
admin-events-error-slug = Aucune adresse ne peut être tirée de ce titre.
admin-events-conflict = Quelqu’un d’autre a enregistré cet événement pendant que vous le modifiiez. Votre saisie est conservée ci-dessous ; voici ce que cette personne a enregistré. Enregistrez de nouveau pour remplacer sa version par la vôtre.
admin-events-changed = Quelqu’un d’autre a modifié cet événement depuis que vous avez ouvert cette page. Le voici tel qu’il est maintenant ; vérifiez-le et confirmez de nouveau.
admin-events-empty-value = (vide)
admin-events-sample-note = Cet événement est un exemple. Une fois enregistré, il devient une donnée réelle.
admin-events-preview = Aperçu
admin-events-preview-title = Aperçu des descriptions
admin-events-preview-note = Telles que la page de l’événement les affichera. Rien n’a encore été enregistré.
admin-events-preview-fr = En français
admin-events-preview-en = En anglais
admin-events-preview-empty = (pas de description)
admin-events-public-page = Voir sa page sur le site public
admin-events-postpone = Reporter
admin-events-cancel = Annuler cet événement
admin-events-delete = Supprimer cet événement
admin-events-postpone-title = Reporter cet événement
admin-events-postpone-explanation = Indiquez sa nouvelle date, ou qu’elle reste à annoncer. L’événement est signalé comme reporté dans le calendrier et ses flux, et les agendas abonnés reçoivent la modification.
admin-events-postpone-confirm = Reporter l’événement
admin-events-cancel-title = Annuler cet événement ?
admin-events-cancel-explanation = Il reste dans le calendrier et ses flux, signalé comme annulé, pour que les personnes qui comptaient venir l’apprennent. Les agendas abonnés le marquent comme annulé.
admin-events-keep = Garder l’événement
admin-events-cancel-confirm = Annuler l’événement
admin-events-delete-title = Supprimer cet événement ?
admin-events-delete-explanation = Il disparaîtra aussitôt du calendrier, de sa page et des flux, et restera 30 jours dans la corbeille, d’où il peut être restauré avec tout ce qu’il avait. Pour annoncer qu’il n’aura pas lieu, annulez-le plutôt. Le journal des modifications garde trace de la suppression.
admin-events-delete-confirm = Mettre à la corbeille
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
admin-news-done-deleted = L’actualité a été mise à la corbeille.
admin-news-field-title = Titre
admin-news-field-summary = Résumé
admin-news-field-body = Texte
admin-news-field-image-alt = Description de l’image
admin-news-field-image = Choisir une image
admin-news-field-date = Date
admin-news-field-time = Heure ({ $zone })
admin-news-hint-languages = Écrivez l’actualité en français, en anglais ou dans les deux langues. Une langue laissée vide signifie que l’actualité n’existe pas dans cette langue.
admin-news-hint-markdown = Markdown : une ligne vide entre les paragraphes, **gras**, *italique*, [un lien](https://example.org), des lignes commençant par « - » pour une liste.
admin-news-hint-image-alt = Ce que montre l’image, pour les personnes qui ne la voient pas. Obligatoire dans chaque langue de l’actualité lorsqu’il y a une image.
admin-news-hint-image = Une image JPEG, PNG ou WebP de 2 Mo au plus.
admin-news-hint-publish = Publiez maintenant, ou à une date et une heure en UTC : une date à venir programme l’actualité, une date passée l’antidate.
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
admin-news-error-image-alt-empty = Décrivez l’image dans cette langue.
admin-news-error-image-alt-too-long = La description est trop longue : 500 caractères au plus.
admin-news-error-control = Le texte contient un caractère qui ne peut pas être affiché.
admin-news-error-bidi = Le texte contient un caractère invisible qui change le sens du texte : saisissez-le au clavier plutôt que de le coller.
admin-news-error-image-type = Le fichier n’est pas une image JPEG, PNG ou WebP. Rien n’a été enregistré.
admin-news-error-image-too-large = L’image dépasse 2 Mo. Rien n’a été enregistré.
admin-news-error-publish-at = Saisissez une vraie date et une heure écrite HH:MM, ou choisissez « Publier maintenant ».
admin-news-empty-value = (vide)
admin-news-conflict = Quelqu’un d’autre a modifié cette actualité pendant que vous la modifiiez. Votre saisie est conservée ci-dessous ; voici ce qu’elle contient maintenant. Enregistrez de nouveau pour remplacer sa version par la vôtre.
admin-news-preview = Aperçu
admin-news-preview-title = Aperçu
admin-news-preview-note = Voici l’allure des textes. Rien n’a encore été enregistré.
admin-news-save-unpublish = Enregistrer et remettre en brouillon (retirer du site public)
admin-news-save-publish = Enregistrer et publier
admin-news-when-later = Publier à cette date et à cette heure
admin-news-when-now = Publier maintenant
admin-news-publication = Publication
admin-news-public-page = La voir sur le site public
admin-news-delete = Supprimer cette actualité
admin-news-delete-title = Supprimer cette actualité ?
admin-news-delete-explanation = Elle disparaîtra aussitôt du site public, de ses flux et du plan du site, dans toutes les langues, et restera 30 jours dans la corbeille, d’où elle peut être restaurée avec ses textes et son image. Le journal des modifications garde trace de la suppression.
admin-news-delete-confirm = Mettre à la corbeille
admin-news-sample = Exemple
admin-news-sample-note = Cette actualité fait partie des données d’exemple. Une fois enregistrée, elle devient une donnée réelle.

## The sample data, removed from the back office
admin-sample-title = Données d’exemple
admin-sample-explanation = Le site contient des données d’exemple, faites pour montrer à quoi il ressemble : ce ne sont pas celles du Pacte. Les retirer supprime ces lignes définitivement, en une fois ; les vraies données restent.
admin-sample-none = Le site ne contient aucune donnée d’exemple.
admin-sample-removed = Les données d’exemple ont été retirées.
admin-sample-confirm = Retirer les données d’exemple
admin-sample-back = Retour au tableau de bord
admin-sample-signatories = Adhérents d’exemple
admin-sample-events = Événements d’exemple
admin-sample-news = Actualités d’exemple
admin-sample-link = Retirer les données d’exemple…

## Numéros de la lettre d’information
admin-kind-newsletter-issue-added = Numéro de la lettre rédigé
admin-kind-newsletter-issue-updated = Numéro de la lettre modifié
admin-kind-newsletter-issue-scheduled = Numéro de la lettre programmé
admin-kind-newsletter-sending-started = Envoi de la lettre commencé
admin-kind-newsletter-paused = Envoi de la lettre suspendu
admin-kind-newsletter-resumed = Envoi de la lettre repris
admin-kind-newsletter-sent = Numéro de la lettre envoyé
admin-kind-newsletter-issue-deleted = Numéro de la lettre supprimé
