# The bundled sample data: the banner every page shows while any sample
# row remains, and the label of each sample item where it is listed.
sample-banner = Site de démonstration : les adhérents, actualités et événements affichés sont des exemples.
sample-label = Exemple
# Under the name of a sample signatory on its page.
signatory-sample-note = Ce lieu existe, mais son adhésion au Pacte et sa date sont inventées pour montrer le fonctionnement du site : il n’est pas adhérent du Pacte.
# Before a sample item's title in the RSS and iCalendar feeds.
sample-feed-prefix = [Exemple]
sample-feed-note = Site de démonstration : les éléments marqués [Exemple] sont des exemples, pas des informations réelles.
sample-open-data-note = Site de démonstration : { $sample } des { $total } adhérents de ce fichier sont des exemples, pas de véritables adhérents au Pacte.
