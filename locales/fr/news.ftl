## News (Actualités): the list, an item's page, the home page's latest
## items and the RSS feed.

news-title = Actualités
news-lead = Les nouvelles de la campagne UN sur CINQ et du Pacte des villes et des régions contre la violence sexuelle envers les enfants.
news-none = Aucune actualité n’a encore été publiée.
news-pagination-label = Pages des actualités
news-newer = Actualités plus récentes
news-older = Actualités plus anciennes
news-back = Toutes les actualités
# Followed by the date: "Publié le 2 mars 2026".
news-published = Publié le
news-home-title = Dernières actualités
news-follow-title = Suivre les actualités
news-follow-text = Abonnez-vous au flux RSS pour recevoir les actualités dans votre lecteur de flux.
news-follow-link = Flux RSS des actualités
# The title of the feed, as browsers and feed readers show it.
news-feed-link-title = UN sur CINQ – Actualités (RSS, français)
news-feed-description = Les actualités de la campagne UN sur CINQ du Conseil de l’Europe et du Pacte des villes et des régions contre la violence sexuelle envers les enfants.
