## Les archives de la lettre d’information : les numéros envoyés, et la
## page de chaque numéro.

newsletter-archive-title = Archives de la lettre d’information
newsletter-archive-lead = Les numéros de la lettre d’information de la campagne UN sur CINQ envoyés jusqu’ici, du plus récent au plus ancien.
newsletter-archive-none = Aucun numéro de la lettre d’information n’a encore été envoyé.
newsletter-archive-pagination-label = Pages des archives
newsletter-archive-newer = Numéros plus récents
newsletter-archive-older = Numéros plus anciens
# Suivi de la date : « Envoyé le 2 mars 2026 ».
newsletter-archive-sent = Envoyé le
newsletter-archive-back = Tous les numéros de la lettre d’information
# Au-dessus d’un numéro écrit en anglais seulement, sur sa page en français.
newsletter-archive-only-other = Ce numéro n’a été écrit qu’en anglais.
# Sur la page de la lettre d’information.
newsletter-archive-link = Lire les numéros déjà envoyés
# La page des données d’exemple, dans l’espace d’administration.
admin-sample-newsletter-issues = Numéros d’exemple de la lettre d’information
