## The accessibility checks of a text written in the back office, said
## beside its field when it is not saved. $detail is the heading levels
## ("## → ####") or the link's words.

check-hint = Avant l’enregistrement, le texte est vérifié : aucun intertitre qui saute un niveau, aucun lien intitulé « cliquez ici » ou par sa seule adresse, aucun lien vide, aucune image.
check-heading-skipped = Un intertitre saute un niveau ({ $detail }) : donnez-lui un # de plus que l’intertitre qui le précède, pas davantage.
check-link-vague = Un lien s’intitule « { $detail } », ce qui ne dit pas où il mène : nommez-le par ce vers quoi il mène.
check-link-address = Un lien est nommé par son adresse (« { $detail } ») : nommez-le par ce vers quoi il mène.
check-link-empty = Un lien n’a pas de texte : donnez-lui des mots qui disent où il mène.
check-image = Le texte contient une image, que le site n’affiche pas : l’image d’une actualité a son propre champ, avec sa description.
