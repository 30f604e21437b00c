# Le journal des modifications : le détail de chaque entrée, dans la langue de qui le lit (un message par type d’entrée), et les mots que ces détails nomment.

audit-detail-account-created = { $email } ({ $role }){ $invited ->
    [1] , sur invitation
   *[other] {""}
}
audit-detail-account-password-changed = { $email }
audit-detail-account-role-changed = { $email } : { $before } → { $after }
audit-detail-account-language-changed = { $email } : { $lang }
audit-detail-account-disabled = { $email }
audit-detail-account-deleted = { $email }
audit-detail-account-enabled = { $email }
audit-detail-account-invited = { $email } ({ $role })
audit-detail-invitation-resent = { $email } ({ $role })
audit-detail-invitation-withdrawn = { $email } ({ $role })
audit-detail-account-locked = { $failures } connexions manquées : attente de { $minutes } minutes
audit-detail-signed-in = Avec { $method }
audit-detail-sign-in-failed = { $reason }
audit-detail-signed-out = {""}
audit-detail-subscriber-erased = Abonné n° { $subscriber } : { $status }, { $lang }, consentement { $consent }
audit-detail-subscribers-exported = { $which } ({ $count-text })
audit-detail-signatories-imported = { $file } : { $count-text } { $count ->
    [one] adhérent
   *[other] adhérents
} : { $added-text } { $added ->
    [one] ajouté
   *[other] ajoutés
}, { $updated-text } { $updated ->
    [one] modifié
   *[other] modifiés
}, { $unchanged-text } sans changement
audit-detail-events-imported = { $file } : { $count-text } { $count ->
    [one] événement
   *[other] événements
} : { $added-text } { $added ->
    [one] ajouté
   *[other] ajoutés
}, { $updated-text } { $updated ->
    [one] modifié
   *[other] modifiés
}, { $unchanged-text } sans changement
audit-detail-news-imported = { $file } : { $count-text } { $count ->
    [one] actualité
   *[other] actualités
} : { $added-text } { $added ->
    [one] ajoutée
   *[other] ajoutées
}, { $updated-text } { $updated ->
    [one] modifiée
   *[other] modifiées
}, { $unchanged-text } sans changement
audit-detail-signatory-added = { $name } ({ $country }, { $kind }, adhésion le { $joined })
audit-detail-signatory-updated = { $name } ({ $country }) : { $fields }
audit-detail-signatory-deleted = { $name } ({ $country }, { $kind }, adhésion le { $joined }){ $sample ->
    [1] , donnée d’exemple
   *[other] {""}
}
audit-detail-sample-removed = Données d’exemple retirées : { $signatories-text } { $signatories ->
    [one] adhérent
   *[other] adhérents
}, { $events-text } { $events ->
    [one] événement
   *[other] événements
}, { $news-text } { $news ->
    [one] actualité
   *[other] actualités
}
audit-detail-two-step-on = { $email } : { $codes-text } { $codes ->
    [one] code de secours
   *[other] codes de secours
}
audit-detail-two-step-off = { $email }
audit-detail-recovery-codes-renewed = { $email } : { $codes-text } { $codes ->
    [one] nouveau code de secours
   *[other] nouveaux codes de secours
}
audit-detail-recovery-code-used = { $left ->
    [one] { $left-text } code restant
   *[other] { $left-text } codes restants
}
audit-detail-setting-changed = { $setting } : { $before } → { $after }
audit-detail-page-saved = { $page } ({ $lang }) : version n° { $revision }
audit-detail-page-restored = { $page } ({ $lang }) : la version n° { $revision } rétablit { $from ->
    [0] le texte d’origine
   *[other] la version n° { $from }
}
audit-detail-event-added = { $title-fr } ({ $start })
audit-detail-event-updated = { $slug } : { $fields }
audit-detail-event-postponed = { $slug } : { $fields }
audit-detail-event-cancelled = { $slug } : { $fields }
audit-detail-event-deleted = { $title-fr } ({ $start }){ $sample ->
    [1] , donnée d’exemple
   *[other] {""}
}
audit-detail-news-added = { $title } (brouillon)
audit-detail-news-updated = { $title } : { $changes }
audit-detail-news-published = { $title } : { $scheduled ->
    [1] programmée pour le { $at }
   *[other] publiée le { $at }
}
audit-detail-news-unpublished = { $title } : remise en brouillon
audit-detail-news-deleted = { $title }
audit-detail-signatory-restored = { $name-fr }{ $moved ->
    [1] {" "}(sous un nouveau numéro, auparavant n° { $was })
   *[other] {""}
}
audit-detail-event-restored = { $name-fr }{ $moved ->
    [1] {" "}(sous un nouveau numéro, auparavant n° { $was })
   *[other] {""}
}
audit-detail-news-restored = { $name-fr }{ $moved ->
    [1] {" "}(sous un nouveau numéro, auparavant n° { $was })
   *[other] {""}
}
audit-detail-trash-erased = { $kind } n° { $item } : { $name-fr }
audit-detail-trash-emptied = { $count-text } { $count ->
    [one] élément
   *[other] éléments
} : { $names-fr }
audit-detail-trash-expired = { $count-text } { $count ->
    [one] élément
   *[other] éléments
} : { $names-fr }

## Les mots des détails.

audit-word-role-admin = administrateur
audit-word-role-editor = rédacteur
audit-word-lang-fr = français
audit-word-lang-en = anglais
audit-word-page-about = { about-title }
audit-word-page-aims = { aims-title }
audit-word-page-pact = { pact-title }
audit-word-page-privacy = { privacy-title }
audit-word-page-legal = { legal-title }
audit-word-page-accessibility = { accessibility-title }
audit-word-page-contact = { contact-title }
audit-word-page-help = { help-title }
audit-word-field-name = nom
audit-word-field-kind = type
audit-word-field-country = pays
audit-word-field-joined-on = date d’adhésion
audit-word-field-name-fr = nom en français
audit-word-field-name-en = nom en anglais
audit-word-field-website = site web
audit-word-field-latitude = latitude
audit-word-field-longitude = longitude
audit-word-field-slug = adresse
audit-word-field-title-fr = titre en français
audit-word-field-title-en = titre en anglais
audit-word-field-start = début
audit-word-field-end = fin
audit-word-field-time-zone = fuseau horaire
audit-word-field-status = statut
audit-word-field-venue-name = lieu
audit-word-field-venue-city = ville
audit-word-field-venue-country = pays du lieu
audit-word-field-online-url = lien en ligne
audit-word-field-registration-url = lien d’inscription
audit-word-field-signatory = adhérent
audit-word-field-description-fr = description en français
audit-word-field-description-en = description en anglais
audit-word-wrong-password = mot de passe erroné
audit-word-locked = compte en attente après des connexions manquées
audit-word-disabled = compte désactivé
audit-word-unknown-address = adresse inconnue
audit-word-wrong-two-step-code = code de validation erroné
audit-word-password = le mot de passe seul
audit-word-authenticator-app = l’application d’authentification
audit-word-recovery-code = un code de secours
audit-word-two-step-required = validation en deux étapes exigée de tous
audit-word-on = oui
audit-word-off = non
audit-word-sample-real = donnée d’exemple devenue réelle
audit-word-city = ville
audit-word-region = région
audit-word-signatory-changed = adhérent lié changé
audit-word-fr-added = texte français ajouté
audit-word-fr-removed = texte français retiré
audit-word-fr-edited = texte français modifié
audit-word-en-added = texte anglais ajouté
audit-word-en-removed = texte anglais retiré
audit-word-en-edited = texte anglais modifié
audit-word-image-replaced = image remplacée
audit-word-image-removed = image retirée
audit-word-no-change = aucun changement
audit-word-signatory = Adhérent
audit-word-event = Événement
audit-word-news = Actualité
audit-word-pending = en attente de confirmation
audit-word-confirmed = confirmé
audit-word-all-subscribers = Tous les abonnés, en attente compris
audit-word-confirmed-subscribers = Les abonnés confirmés

## Added with the news preview links and the events' French addresses
audit-detail-news-preview-link-created = { $slug } : un lien jusqu’au { $until }
audit-detail-news-preview-link-withdrawn = { $slug }
audit-word-field-slug-fr = adresse en français
audit-word-new-date-to-be-announced = nouvelle date à annoncer
audit-word-new-date-announced = nouvelle date annoncée

## Numéros de la lettre d’information
audit-detail-newsletter-issue-added = { $subject }
audit-detail-newsletter-issue-updated = { $subject }
audit-detail-newsletter-issue-scheduled = { $subject } : { $scheduled ->
    [1] à envoyer le { $at }
   *[other] redevenu brouillon
}
audit-detail-newsletter-sending-started = { $subject } : à { $fr-text } { $fr ->
    [one] abonné
   *[other] abonnés
} en français et { $en-text } en anglais
audit-detail-newsletter-paused = { $subject }
audit-detail-newsletter-resumed = { $subject }
audit-detail-newsletter-sent = { $subject }
audit-detail-newsletter-issue-deleted = { $subject }

## Demandes d’adhésion au Pacte
audit-detail-application-confirmed = { $name } ({ $country })
audit-detail-application-corrected = { $name } ({ $country })
audit-detail-application-approved = { $name } ({ $country })
audit-detail-application-declined = { $name } ({ $country })
