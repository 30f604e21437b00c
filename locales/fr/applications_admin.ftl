## Les demandes d’adhésion au Pacte, dans l'espace d'administration
applications-kind-confirmed = Demande d’adhésion confirmée
applications-kind-corrected = Demande d’adhésion corrigée
applications-kind-approved = Demande d’adhésion acceptée
applications-kind-declined = Demande d’adhésion refusée
