## The error pages.

error-code = Erreur { $status }
error-back-home = Retour à l’accueil
error-400-title = Cette demande n’a pas pu être lue
error-400-body = Le site n’a pas compris cette demande. Vérifiez l’adresse de la page ou ce que vous avez saisi, puis réessayez.
error-403-title = Requête refusée
error-403-body = Ce formulaire a été envoyé depuis la page d’un autre site : il a été refusé et rien n’a été modifié. Si vous vouliez l’envoyer, ouvrez la page de ce site et utilisez son formulaire.
form-stale = Ce formulaire était ouvert depuis trop longtemps pour être envoyé : rien n’a été fait. Vérifiez ce que vous avez saisi ci-dessous, puis envoyez-le de nouveau.
error-404-title = Page introuvable
error-404-body = La page demandée n’existe pas ou a été déplacée. Vérifiez l’adresse, ou retrouvez la page depuis l’accueil ou le menu du site.
error-405-title = Cette page ne permet pas cela
error-405-body = Cette adresse ne permet pas ce que votre navigateur lui a demandé. Ouvrez la page depuis le menu du site et utilisez ses liens et ses formulaires.
error-413-title = Envoi trop volumineux
error-413-body = Les informations envoyées dépassent la taille autorisée. Raccourcissez ce que vous avez saisi ou choisissez un fichier plus petit, puis réessayez.
error-429-title = Trop de requêtes
error-429-body = Vous avez envoyé trop de requêtes en peu de temps. Merci de réessayer dans une minute.
error-500-title = Erreur interne
error-500-body = Une erreur s’est produite de notre côté. Elle a été enregistrée ; merci de réessayer plus tard.
error-503-title = Service momentanément indisponible
error-503-body = Le site ne peut pas répondre pour le moment. Merci de réessayer dans quelques instants.
