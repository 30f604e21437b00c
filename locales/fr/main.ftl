## The page shell: header, navigation, footer, error pages.

site-name = UN sur CINQ
site-tagline = La campagne du Conseil de l’Europe pour mettre fin à la violence sexuelle à l’égard des enfants
site-description = UN sur CINQ : la campagne du Conseil de l’Europe contre la violence sexuelle à l’égard des enfants, et le Pacte des villes et des régions du Congrès des pouvoirs locaux et régionaux.
coe-name = Conseil de l’Europe
congress-name = Congrès des pouvoirs locaux et régionaux
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
nav-home = Accueil
language-label = Choisir la langue
language-current = Français
language-switch = English
footer-label = Pied de page
footer-follow = Suivre la campagne
footer-facebook = Facebook
footer-about = Une campagne du Conseil de l’Europe, menée au niveau local et régional par le Congrès des pouvoirs locaux et régionaux.
footer-copyright = © Conseil de l’Europe

error-code = Erreur { $status }
error-back-home = Retour à l’accueil
error-400-title = Requête invalide
error-400-body = La requête n’a pas pu être traitée. Vérifiez l’adresse ou les informations envoyées.
error-404-title = Page introuvable
error-404-body = La page demandée n’existe pas ou a été déplacée.
error-405-title = Méthode non autorisée
error-405-body = Cette adresse ne permet pas ce type de requête.
error-413-title = Envoi trop volumineux
error-413-body = Les informations envoyées dépassent la taille autorisée.
error-429-title = Trop de requêtes
error-429-body = Vous avez envoyé trop de requêtes en peu de temps. Merci de réessayer dans une minute.
error-500-title = Erreur interne
error-500-body = Une erreur s’est produite de notre côté. Elle a été enregistrée ; merci de réessayer plus tard.
error-503-title = Service momentanément indisponible
error-503-body = Le site ne peut pas répondre pour le moment. Merci de réessayer dans quelques instants.

# A date: "1er mai 2013", "12 mai 2013". $month is a month's name below.
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

nav-about = À propos
nav-aims = Buts et objectifs
nav-pact = Le Pacte
nav-directory = Adhérents au Pacte
footer-share = Partager
share-email = Par e-mail
read-more = Lire la suite
error-bad-filter = Un des filtres de la liste n’est pas valide.
