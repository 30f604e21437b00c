# Aperçu des actualités : l’image dans l’aperçu du back-office, et le lien
# d’aperçu privé d’un brouillon, pour une personne sans compte.

## L’aperçu du formulaire
preview-image-after-saving = L’image que vous venez de choisir n’apparaît pas dans l’aperçu : elle apparaîtra une fois l’actualité enregistrée.

## Le lien d’aperçu privé, sur la page de l’actualité
preview-link-title = Lien d’aperçu privé
preview-link-explanation = Ce lien montre le brouillon tel que le public le verra, à une personne qui n’a pas de compte (pour le faire approuver avant publication). Il cesse de fonctionner au bout de 7 jours, quand l’actualité est publiée ou supprimée, ou quand vous le retirez.
preview-link-none = Ce brouillon n’a pas de lien d’aperçu.
preview-link-expires = Un lien d’aperçu fonctionne jusqu’au { $when }.
preview-link-create = Créer un lien d’aperçu
preview-link-replace = Créer un nouveau lien (l’ancien cessera de fonctionner)
preview-link-withdraw = Retirer le lien
preview-link-url-label = Lien d’aperçu à copier
preview-link-shown-once = Copiez-le maintenant : il n’est affiché qu’une fois. Pour l’obtenir de nouveau, créez un nouveau lien.
preview-link-done-created = Le lien d’aperçu a été créé.
preview-link-done-withdrawn = Le lien d’aperçu a été retiré : il ne fonctionne plus.

## La page ouverte par le lien
preview-draft-banner = Brouillon — non publié. Cette page n’est visible que par les personnes qui ont le lien.
preview-gone-title = Ce lien d’aperçu ne fonctionne plus
preview-gone-body = Le lien a été retiré, a expiré au bout de 7 jours, ou l’actualité a été publiée ou supprimée. Demandez un nouveau lien à la personne qui vous l’a envoyé, ou consultez les actualités publiées.

## Le journal des modifications
preview-kind-link-created = Lien d’aperçu d’une actualité créé
preview-kind-link-withdrawn = Lien d’aperçu d’une actualité retiré
