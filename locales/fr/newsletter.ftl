## The newsletter: sign-up, confirmation, unsubscribing, and its mails.

newsletter-title = Lettre d’information
newsletter-lead = Recevez par courriel les nouvelles de la campagne UN sur CINQ et du Pacte des villes et des régions.
newsletter-subscribe-title = S’inscrire
newsletter-email-label = Votre adresse électronique
newsletter-footer-email = Votre adresse électronique *
# $privacy is the link to the privacy notice, named by privacy-title.
newsletter-consent = J’accepte que mon adresse soit conservée pour recevoir la lettre d’information, comme l’explique la page { $privacy }.
newsletter-honeypot = Laissez ce champ vide
newsletter-required = * champ obligatoire
newsletter-submit = S’inscrire
newsletter-leave-title = Se désinscrire
newsletter-leave-text = Saisissez votre adresse : si elle est inscrite, vous recevrez un lien pour vous désinscrire.
newsletter-leave-submit = Recevoir le lien
newsletter-error-email-empty = Saisissez votre adresse électronique.
newsletter-error-email-invalid = Cette adresse électronique n’est pas valide. Vérifiez-la, par exemple nom@example.org.
newsletter-error-email-bidi = Cette adresse électronique contient un caractère invisible qui change le sens du texte : saisissez-la au clavier plutôt que de la coller.
newsletter-error-consent = Cochez la case pour accepter que votre adresse soit conservée.
newsletter-check-title = Vérifiez votre boîte de réception
# The same answer whoever the address belongs to: it reveals nothing.
newsletter-check-body = Un message vient d’être envoyé à cette adresse, sauf si elle est déjà inscrite. Cliquez sur le lien qu’il contient pour confirmer votre inscription ; le lien est valable 7 jours.
newsletter-leave-sent-title = Vérifiez votre boîte de réception
newsletter-leave-sent-body = Si cette adresse est inscrite, un message avec un lien pour vous désinscrire vient de lui être envoyé.
newsletter-confirm-title = Confirmer votre inscription
newsletter-confirm-body = Pour recevoir la lettre d’information, confirmez votre inscription.
newsletter-confirm-button = Confirmer mon inscription
newsletter-page-stale = Cette page était ouverte depuis trop longtemps : rien n’a été fait. Appuyez de nouveau sur le bouton.
newsletter-confirmed-title = Inscription confirmée
newsletter-confirmed-body = Merci ! Vous recevrez désormais la lettre d’information de la campagne UN sur CINQ. Chaque message contient un lien pour vous désinscrire.
newsletter-unsubscribe-title = Se désinscrire
newsletter-unsubscribe-body = Vous ne recevrez plus la lettre d’information et votre adresse sera effacée.
newsletter-unsubscribe-button = Me désinscrire
newsletter-unsubscribed-title = Désinscription effectuée
newsletter-unsubscribed-body = Vous ne recevrez plus la lettre d’information. Votre adresse a été effacée.
newsletter-invalid-title = Lien non valable
newsletter-invalid-body = Ce lien n’est pas valable ou a expiré. Vous pouvez vous inscrire à nouveau depuis la page de la lettre d’information.

mail-confirm-subject = Confirmez votre inscription à la lettre d’information UN sur CINQ
mail-greeting = Bonjour,
mail-confirm-intro = Vous avez demandé à recevoir la lettre d’information de la campagne UN sur CINQ du Conseil de l’Europe.
mail-confirm-action = Pour confirmer votre inscription, ouvrez ce lien :
mail-confirm-button = Confirmer mon inscription
mail-confirm-expiry = Ce lien est valable 7 jours.
mail-confirm-ignore = Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : vous ne serez pas inscrit et votre adresse sera effacée.
# The link to the data protection notice (its words in the HTML part; the
# plain text part's line before its address).
mail-confirm-privacy = Comment votre adresse est conservée, et vos droits
mail-confirm-privacy-text = Comment votre adresse est conservée, et vos droits :
mail-unsubscribe-subject = Votre lien de désinscription de la lettre d’information UN sur CINQ
mail-unsubscribe-intro = Vous avez demandé à vous désinscrire de la lettre d’information de la campagne UN sur CINQ.
mail-unsubscribe-action = Pour vous désinscrire, ouvrez ce lien :
mail-unsubscribe-button = Me désinscrire
mail-unsubscribe-ignore = Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : vous resterez inscrit.
# Before the link to unsubscribe, in a mail's plain text.
mail-unsubscribe-footer = Se désinscrire :
# The link to unsubscribe itself, in a mail's HTML.
mail-unsubscribe-link = Se désinscrire
mail-signature = UN sur CINQ – Congrès des pouvoirs locaux et régionaux du Conseil de l’Europe
