## Content pages and the directory of signatories.

about-title = À propos de la campagne
aims-title = Buts et objectifs de la campagne
pact-title = Le Pacte des villes et des régions
privacy-title = Notice sur la protection des données
content-see-members = Voir les adhérents au Pacte
content-read-pact = Lire le Pacte et ses « quatre P »

directory-title = Adhérents au Pacte
directory-lead = Les villes et les régions qui ont signé le Pacte des villes et des régions contre la violence sexuelle envers les enfants.
directory-by-country = Par pays
directory-filter-legend = Filtrer la liste
directory-filter-country = Pays
directory-filter-all-countries = Tous les pays
directory-filter-kind = Type
directory-filter-all-kinds = Villes et régions
directory-filter-name = Nom
directory-filter-submit = Afficher
directory-filter-reset = Tout afficher
# $count is the number of signatories the list shows.
directory-results = { $count ->
        [one] { $count-text } adhérent
       *[other] { $count-text } adhérents
    }
directory-none = Aucun adhérent ne correspond à ces critères.
directory-continued = (suite)
count-cities = { $count ->
        [one] { $count-text } ville
       *[other] { $count-text } villes
    }
count-regions = { $count ->
        [one] { $count-text } région
       *[other] { $count-text } régions
    }
kind-city = Ville
kind-region = Région
pagination-label = Pages de la liste
pagination-previous = Page précédente
pagination-next = Page suivante
pagination-status = Page { $page } sur { $pages }
directory-open-data = Données ouvertes
directory-open-data-text = La liste complète des adhérents, libre de réutilisation :
directory-download-csv = CSV
directory-download-json = JSON
directory-download-history = Historique des adhésions (CSV)
history-heading = Les adhésions au fil des ans
history-title = Nombre d’adhérents au Pacte, année par année
history-desc = Courbe du nombre total d’adhérents : { $firstCount-text } en { $first }, { $count-text } en { $last }.
history-table-summary = Les chiffres année par année
history-year = Année
history-added = Nouveaux adhérents
history-total = Total

signatory-kind = Type
signatory-country = Pays
signatory-joined = Date d’adhésion
signatory-website = Site internet
signatory-official-name = Nom officiel
signatory-back = Tous les adhérents — { $country }

# The privacy notice's contacts, when the operator gives them.
privacy-contact-secretariat = Adresse électronique du secrétariat : { $email }
privacy-contact-dpo = Délégué à la protection des données : { $email }

legal-title = Mentions légales
accessibility-title = Déclaration d’accessibilité
# The footer's link to the accessibility statement, with the site's compliance status.
footer-accessibility = Accessibilité : partiellement conforme
# Where a page gives the operator's contact addresses and none is set.
pages-contact-unset = Écrivez au secrétariat par courrier, à l’adresse du Conseil de l’Europe indiquée sur cette page.
# $host: the host's name and postal address, as the operator gives them.
pages-hosting = Le site est hébergé par : { $host }.
pages-hosting-title = Hébergement
# $licence: the open data's licence, as the operator names it.
pages-licence = Les données ouvertes sont publiées sous cette licence : { $licence }.

map-title = Carte des adhérents
map-lead = Chaque pays est teinté selon son nombre d’adhérents au Pacte, et chaque point est un adhérent dont la position est connue. Choisissez un pays ou un point pour voir ses adhérents.
map-filter-legend = Filtrer la carte
map-skip = Passer la carte et aller à la liste des pays
map-caption = Carte de l’Europe et de ses voisins, où chaque pays ayant des adhérents et chaque adhérent sont des liens.
map-legend = Nombre d’adhérents par pays
map-legend-none = Aucun adhérent
map-legend-dot = Un adhérent
map-country-label = { $country } : { $count }
map-dot-label = { $name } ({ $kind })
map-dot-label-sample = Exemple : { $name } ({ $kind })
map-countries = Les pays
map-to-directory = Voir ces adhérents dans la liste
map-too-many-dots = Trop d’adhérents pour les montrer un à un : choisissez un pays pour voir ses points.
map-outside = { $count ->
    [one] Un adhérent est situé hors de cette carte ; il figure dans la liste.
   *[other] { $count-text } adhérents sont situés hors de cette carte ; ils figurent dans la liste.
}
map-unplaced = { $count ->
    [one] La position d’un adhérent n’est pas connue ; il n’a pas de point, mais il est compté dans son pays.
   *[other] La position de { $count-text } adhérents n’est pas connue ; ils n’ont pas de point, mais ils sont comptés dans leur pays.
}
directory-map-link = Voir les adhérents sur une carte
counter-map-link = Voir la carte
