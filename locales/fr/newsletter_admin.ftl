# Les pages de la lettre d'information dans l'espace d'administration :
# les numéros, leur formulaire, l'aperçu, le test, l'envoi, la
# programmation, la pause.

admin-nav-newsletter = Lettre d’information

## La liste

newsletter-admin-new = Nouveau numéro
newsletter-admin-issues = Numéros
newsletter-admin-none = Aucun numéro pour l’instant.
newsletter-admin-column-status = État
newsletter-admin-column-dates = Dates
newsletter-admin-column-progress = Envoi
newsletter-admin-recipients = { $total ->
    [one] { $total-text } abonné confirmé aujourd’hui : { $fr-text } en français, { $en-text } en anglais.
   *[other] { $total-text } abonnés confirmés aujourd’hui : { $fr-text } en français, { $en-text } en anglais.
}
newsletter-admin-progress-short = { $sent-text } envoyés sur { $queued-text }{ $failed ->
    [0] {""}
   *[other] , { $failed-text } en échec
}
newsletter-admin-deleted = Le numéro a été supprimé.
newsletter-admin-suppressed = Adresses qui ne reçoivent plus de courriel
newsletter-admin-suppressed-note = Quand le serveur de courriel d’un abonné refuse définitivement son adresse, ou qu’il signale un courriel comme indésirable, le site cesse de lui écrire de lui-même. Les adresses dont le courriel est revenu non distribué trois fois en 30 jours sont aussi arrêtées.
newsletter-admin-suppressed-bounced = Refusées définitivement (rebonds)
newsletter-admin-suppressed-complained = Signalées comme indésirables (plaintes)
newsletter-admin-suppressed-soft = Non distribuées trois fois (rebonds temporaires)

## États et dates

newsletter-admin-status-draft = Brouillon
newsletter-admin-status-scheduled = Programmé
newsletter-admin-status-sending = En cours d’envoi
newsletter-admin-status-paused = En pause
newsletter-admin-status-sent = Envoyé
newsletter-admin-status-line = État : { $status }
newsletter-admin-updated-at = Dernière modification le { $when }
newsletter-admin-scheduled-for = Programmé pour le { $when }
newsletter-admin-started-at = Envoi commencé le { $when }
newsletter-admin-finished-at = Envoi terminé le { $when }
newsletter-admin-lang-fr = En français
newsletter-admin-lang-en = En anglais
newsletter-admin-total = En tout

## Le formulaire

newsletter-admin-hint-languages = Rédigez le numéro en français, en anglais, ou les deux. Les abonnés d’une langue laissée vide reçoivent l’autre, avec une ligne en tête qui le dit dans leur langue.
newsletter-admin-field-subject = Objet
newsletter-admin-field-body = Texte
newsletter-admin-field-subject-fr = Objet en français
newsletter-admin-field-subject-en = Objet en anglais
newsletter-admin-field-body-fr = Texte en français
newsletter-admin-field-body-en = Texte en anglais
newsletter-admin-hint-subject = Une ligne, 200 caractères au plus.
newsletter-admin-hint-body = Markdown : une ligne vide entre les paragraphes, ## pour un intertitre, [mots](adresse) pour un lien. Les images ne sont pas envoyées.
newsletter-admin-preview = Aperçu
newsletter-admin-leave = Retour à la liste
newsletter-admin-added = Le numéro a été enregistré comme brouillon.
newsletter-admin-saved = Le numéro a été enregistré.
newsletter-admin-has-errors = Le numéro n’a pas été enregistré : voyez les messages à côté des champs.
newsletter-admin-conflict = Quelqu’un d’autre a enregistré ce numéro après que vous l’avez ouvert. Sa version figure ci-dessous ; votre texte est toujours dans le formulaire. Enregistrez à nouveau pour remplacer la sienne.
newsletter-admin-empty-value = (vide)
newsletter-admin-locked = Ce numéro est en cours d’envoi, ou a été envoyé : il ne peut plus être modifié. Rien n’a été enregistré.
newsletter-admin-error-empty = Le numéro est vide : rédigez-le en français, en anglais, ou les deux.
newsletter-admin-error-subject-empty = Donnez un objet dans cette langue, ou laissez aussi son texte vide.
newsletter-admin-error-body-empty = Donnez un texte dans cette langue, ou laissez aussi son objet vide.
newsletter-admin-error-subject-too-long = L’objet dépasse 200 caractères.
newsletter-admin-error-body-too-long = Le texte dépasse 100 000 caractères.
newsletter-admin-error-control = Retirez de ce champ les caractères de contrôle invisibles.
newsletter-admin-error-bidi = Retirez le caractère invisible qui change le sens du texte.

## La suppression

newsletter-admin-delete = Supprimer ce numéro
newsletter-admin-delete-title = Supprimer ce numéro ?
newsletter-admin-delete-explanation = Le numéro n’a pas été envoyé. La suppression est définitive.
newsletter-admin-delete-confirm = Supprimer le numéro
newsletter-admin-not-deletable = L’envoi de ce numéro a commencé : il est conservé, avec ce qu’il a envoyé, et ne peut pas être supprimé.

## L'aperçu

newsletter-admin-preview-title = Aperçu du courriel
newsletter-admin-preview-for-fr = Pour les abonnés qui lisent le français
newsletter-admin-preview-for-en = Pour les abonnés qui lisent l’anglais
newsletter-admin-preview-html = Tel que la plupart des logiciels de courriel l’affichent
newsletter-admin-preview-text = En texte brut
newsletter-admin-preview-unsaved = Pas encore enregistré : le texte ci-dessous est montré sans la mise en forme du courriel. Enregistrez le numéro pour voir le courriel exactement tel qu’il sera.

## Le test

newsletter-admin-test-title = Envoyer un test
newsletter-admin-test-explanation = Le courriel de la langue choisie, son objet commençant par « [Test] », part vers cette seule adresse. Son lien de désabonnement ne vaut pour personne.
newsletter-admin-field-test-email = Adresse
newsletter-admin-hint-test-email = Votre propre adresse, ou celle d’un collègue.
newsletter-admin-field-test-lang = Langue du courriel
newsletter-admin-test-send = Envoyer le test
newsletter-admin-test-prefix = [Test]
newsletter-admin-test-queued = Le test est en route.
newsletter-admin-error-test-email-missing = Donnez l’adresse à laquelle envoyer le test.
newsletter-admin-error-test-email = Ce n’est pas une adresse électronique. Vérifiez-la, par exemple nom@example.org.
newsletter-admin-error-test-lang = Choisissez la langue du courriel.
newsletter-admin-error-test-too-many = Vous avez envoyé 20 tests au cours de la dernière heure. Attendez un peu avant d’en envoyer un autre.

## L'envoi

newsletter-admin-sending-title = Envoi
newsletter-admin-editor-note = Seul un administrateur peut envoyer ou programmer un numéro. Prévenez-en un quand il est prêt.
newsletter-admin-send = Envoyer…
newsletter-admin-send-title = Envoyer ce numéro
newsletter-admin-send-explanation = Le numéro part vers chaque abonné confirmé, dans sa langue. Une fois l’envoi commencé, il peut être mis en pause mais plus modifié.
newsletter-admin-field-count = Nombre de destinataires
newsletter-admin-hint-count = Pour confirmer, tapez le nombre de destinataires : { $total-text }.
newsletter-admin-send-confirm = { $total ->
    [one] Envoyer à { $total-text } abonné
   *[other] Envoyer à { $total-text } abonnés
}
newsletter-admin-back-to-issue = Retour au numéro
newsletter-admin-error-count-missing = Tapez le nombre de destinataires pour confirmer.
newsletter-admin-error-count-wrong = Ce n’est pas le nombre de destinataires : tapez { $total-text }. Rien n’a été envoyé.
newsletter-admin-no-recipients = Il n’y a encore aucun abonné confirmé : rien ne serait envoyé.
newsletter-admin-already-sending = Ce numéro est déjà en cours d’envoi, ou a été envoyé. Rien de plus n’a été fait.
newsletter-admin-changed = Le numéro a été modifié après que vous avez ouvert cette page. Vérifiez-le, puis confirmez à nouveau.
newsletter-admin-started = L’envoi a commencé. L’avancement ci-dessous suit le départ des courriels.

## La programmation

newsletter-admin-schedule-legend = Envoyer plus tard
newsletter-admin-field-schedule-date = Jour
newsletter-admin-field-schedule-time = Heure
newsletter-admin-hint-schedule = Dans le fuseau horaire du secrétariat ({ $zone }).
newsletter-admin-hint-schedule-time = Heures et minutes, à l’heure de { $zone }.
newsletter-admin-schedule = Programmer
newsletter-admin-unschedule = Ne pas l’envoyer à ce moment (retour au brouillon)
newsletter-admin-scheduled = Le numéro est programmé. Il le reste si vous le modifiez.
newsletter-admin-unscheduled = Le numéro est de nouveau un brouillon.
newsletter-admin-not-scheduled = Ce numéro n’est pas programmé.
newsletter-admin-error-schedule = Donnez un jour et une heure.
newsletter-admin-error-schedule-past = Ce moment est passé : choisissez-en un plus tardif.

## Avancement, pause, reprise

newsletter-admin-progress = Avancement
newsletter-admin-column-lang = Langue
newsletter-admin-column-queued = Destinataires
newsletter-admin-column-sent = Envoyés
newsletter-admin-column-failed = En échec
newsletter-admin-column-left = Restant à envoyer
newsletter-admin-pause = Mettre l’envoi en pause
newsletter-admin-resume = Reprendre l’envoi
newsletter-admin-paused = L’envoi est en pause. Plus aucun courriel ne part tant que vous ne l’avez pas repris.
newsletter-admin-resumed = L’envoi reprend.
newsletter-admin-not-sending = Ce numéro n’est pas en cours d’envoi : il n’y a rien à mettre en pause.
newsletter-admin-not-paused = Ce numéro n’est pas en pause.
