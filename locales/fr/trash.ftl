# La corbeille : adhérents, événements et actualités supprimés, gardés 30 jours.

admin-nav-trash = Corbeille
trash-lead = Les adhérents, événements et actualités supprimés restent ici 30 jours avec tout ce qu’ils avaient (site web, position sur la carte, textes, image), puis sont effacés définitivement. En restaurer un le remet sur le site, dans le compteur, les flux et le plan du site, à sa propre adresse.
trash-count = { $count ->
    [0] La corbeille est vide
    [one] Un élément dans la corbeille
   *[other] { $count } éléments dans la corbeille
}
trash-empty-now = Rien n’a été supprimé ces 30 derniers jours.
trash-column-item = Nom ou titre
trash-column-kind = Type
trash-column-deleted = Supprimé le
trash-column-by = Par
trash-column-left = Effacé dans
trash-column-actions = Actions
trash-kind-signatory = Adhérent
trash-kind-event = Événement
trash-kind-news = Actualité
trash-restore = Restaurer
trash-erase = Effacer définitivement
trash-empty = Vider la corbeille
trash-days-left = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
trash-last-day = moins d’un jour
trash-done-restored = Restauré : il est de retour sur le site tel qu’il était.
trash-open-restored = L’ouvrir
trash-done-erased = L’élément a été effacé définitivement.
trash-done-emptied = La corbeille a été vidée.
trash-clash-name = Cet adhérent ne peut pas être restauré : un autre adhérent du même nom dans le même pays a été ajouté depuis. Rien n’a été modifié ; renommez ou supprimez d’abord l’autre.
trash-clash-slug = Cet élément ne peut pas être restauré : un autre a désormais son adresse (slug). Rien n’a été modifié ; changez d’abord l’adresse de l’autre ou supprimez-le.
trash-erase-title = Effacer définitivement cet élément ?
trash-erase-explanation = Il disparaîtra définitivement, avec tout ce qu’il avait : il ne pourra plus être restauré. Le journal des modifications garde trace de l’effacement.
trash-empty-title = Vider la corbeille ?
trash-empty-explanation = { $count ->
    [one] Cet élément disparaîtra définitivement, avec tout ce qu’il avait : il ne pourra plus être restauré. Le journal des modifications en garde trace.
   *[other] Ces { $count } éléments disparaîtront définitivement, avec tout ce qu’ils avaient : ils ne pourront plus être restaurés. Le journal des modifications en garde trace.
}
trash-kind-signatory-restored = Adhérent restauré
trash-kind-event-restored = Événement restauré
trash-kind-news-restored = Actualité restaurée
trash-kind-erased = Effacé de la corbeille
trash-kind-emptied = Corbeille vidée
trash-kind-expired = Effacé après 30 jours dans la corbeille
trash-audit-site = Le site
trash-audit-open = Ouvrir
trash-audit-in-trash = Dans la corbeille
trash-deleted-see = Voir la corbeille, d’où il peut être restauré pendant 30 jours.
