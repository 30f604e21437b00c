## Les demandes d’adhésion au Pacte, dans l'espace d'administration
applications-kind-confirmed = Demande d’adhésion confirmée
applications-kind-corrected = Demande d’adhésion corrigée
applications-kind-approved = Demande d’adhésion acceptée
applications-kind-declined = Demande d’adhésion refusée
applications-nav = Demandes d’adhésion
applications-intro = Les demandes d’adhésion au Pacte confirmées par leur contact, en attente d’examen. Vérifiez chacune, corrigez au besoin les champs de la collectivité, puis acceptez-la ou refusez-la : le contact en est informé par courriel.
applications-none = Aucune demande n’attend d’examen.
applications-awaiting = Demandes en attente d’examen, de la plus ancienne à la plus récente
applications-confirmed-at = Confirmée
applications-approved = La demande est acceptée : la collectivité est signataire.
applications-declined = La demande est refusée ; son contact a reçu le motif.
applications-status-received = En attente d’examen.
applications-status-approved = Acceptée.
applications-status-declined = Refusée.
applications-document = Télécharger le document (PDF)
applications-no-document = Aucun
applications-correct = Enregistrer les corrections
applications-correct-note = Type : city ou region. Pays : son code à deux lettres. Date : AAAA-MM-JJ.
applications-decide = Décider
applications-news-box = Créer aussi un brouillon d’actualité annonçant la signature, dans les deux langues
applications-approve = Accepter : ajouter aux signataires
applications-reason = Motif du refus (envoyé au contact)
applications-decline = Refuser
applications-reason-needed = Indiquez le motif, en 2 000 caractères au plus.
applications-duplicate = Un signataire de ce nom et de ce pays existe déjà : rien n’a été fait.
applications-news-title = { $authority } signe le Pacte
applications-news-body = { $authority } a adhéré au Pacte des villes et des régions pour mettre fin à la violence sexuelle à l’égard des enfants le { $date }.
applications-dashboard = { $count ->
    [one] Une demande d’adhésion au Pacte attend d’être examinée.
   *[other] { $count } demandes d’adhésion au Pacte attendent d’être examinées.
}
