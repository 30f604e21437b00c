## L’import CSV des adhérents : les fichiers tels qu’on les a, le tableau de l’aperçu, le modèle.
import-upload-hint = Un fichier CSV tel qu’un tableur l’enregistre (Excel, LibreOffice) : champs séparés par des virgules ou des points-virgules, en UTF-8 ou Windows-1252, 2 Mo au plus. Sa première ligne nomme les colonnes, en français ou en anglais : { $required } sont nécessaires ; { $optional } peuvent suivre. Les dates s’écrivent JJ/MM/AAAA (le jour d’abord) ou AAAA-MM-JJ ; le pays par son code (FR) ou son nom ; le type ville ou région. Rien n’est enregistré avant que vous ayez vu l’aperçu et l’ayez appliqué.
import-template = Télécharger un modèle à remplir (CSV, colonnes en français)
import-template-file-name = modele-adherents.csv
import-template-example-name = Exampleton (exemple : remplacez cette ligne)
import-read-as-utf-8 = Lu en UTF-8.
import-read-as-windows-1252 = Lu en Windows-1252 (Excel).
import-separated-by = Champs séparés par des { $separator }.
import-separator-comma = virgules
import-separator-semicolon = points-virgules
import-separator-tab = tabulations
import-kept-columns = Le fichier n’a pas de colonne { $columns } : ces champs des adhérents déjà présents sur le site restent tels quels.
import-table-caption = Chaque ligne du fichier, avec la valeur qu’elle remplace quand elle en change une
import-column-signatory = Adhérent
import-column-line = Ligne
import-column-status = Effet
import-status-added = Nouveau
import-status-updated = Mis à jour
import-status-unchanged = Inchangé
import-before = avant :
import-after = après :
import-more-lines = { $count ->
        [one] … et { $count-text } autre ligne, non montrée ici, appliquée avec les autres.
       *[other] … et { $count-text } autres lignes, non montrées ici, appliquées avec les autres.
    }
import-problem-field = colonne « { $column } » : { $message }
import-problem-country = colonne « { $column } » : le pays « { $value } » n’est pas un État membre ou observateur du Conseil de l’Europe. Écrivez son code (par exemple FR) ou son nom en français ou en anglais.
import-problem-kind = colonne « { $column } » : « { $value } » n’est ni ville ni région (city ou region en anglais).
import-problem-date = colonne « { $column } » : « { $value } » n’est pas une date. Écrivez-la JJ/MM/AAAA, le jour d’abord (02/03/2026), ou AAAA-MM-JJ (2026-03-02).
import-problem-field-count = { $found ->
        [one] cette ligne a un seul champ
       *[other] cette ligne a { $found-text } champs
    } là où la première ligne en a { $expected-text }. Le fichier a été lu comme séparé par des { $separator } : si ce n’est pas son séparateur, ou si un champ qui en contient un n’est pas entre guillemets, enregistrez de nouveau le fichier en CSV depuis votre tableur.
