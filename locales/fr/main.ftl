## The page shell: header, navigation, footer, and dates as every page
## writes them.

site-name = UN sur CINQ
site-tagline = La campagne du Conseil de l’Europe pour mettre fin à la violence sexuelle à l’égard des enfants
site-description = UN sur CINQ : la campagne du Conseil de l’Europe contre la violence sexuelle à l’égard des enfants, et le Pacte des villes et des régions du Congrès des pouvoirs locaux et régionaux.
coe-name = Conseil de l’Europe
congress-name = Congrès des pouvoirs locaux et régionaux
skip-to-content = Aller au contenu principal
language-label = Choisir la langue
language-current = Français
language-switch = English

nav-label = Navigation principale
nav-home = Accueil
nav-about = À propos
nav-aims = Buts et objectifs
nav-pact = Le Pacte
nav-directory = Adhérents au Pacte
nav-calendar = Calendrier
nav-news = Actualités

footer-follow = Suivre la campagne
footer-facebook = Facebook
footer-rss = Flux RSS
footer-share = Partager
share-email = Par courriel
footer-about = Une campagne du Conseil de l’Europe, menée au niveau local et régional par le Congrès des pouvoirs locaux et régionaux.
footer-copyright = © Conseil de l’Europe

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
