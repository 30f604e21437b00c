# The bundled sample data: the banner every page shows while any sample
# row remains, and the label of each sample item where it is listed.
sample-banner = Site de démonstration : les adhérents, actualités et événements affichés sont des exemples.
sample-label = Exemple
# Before a sample item's title in the RSS and iCalendar feeds.
sample-feed-prefix = [Exemple]
sample-feed-note = Site de démonstration : les éléments marqués [Exemple] sont des exemples, pas des informations réelles.
sample-open-data-note = Site de démonstration : { $sample } des { $total } adhérents de ce fichier sont des exemples, pas de véritables adhérents au Pacte.
