# Événements : reportés à une date à annoncer, et leurs adresses en français.

## Le site public et ses flux

event-date-to-be-announced = Nouvelle date à annoncer (initialement : { $planned })
event-status-postponed-date-unknown = Reporté, nouvelle date à annoncer
event-postponed-date-unknown-notice = Cet événement a été reporté. Sa nouvelle date sera annoncée ici.
event-feed-date-to-be-announced = Reporté, nouvelle date à annoncer

## L’espace d’administration

events-field-slug-fr = Adresse en français
events-postpone-choice = Nouvelle date
events-postpone-choice-hint = Si la nouvelle date n’est pas encore connue, l’événement garde ses dates actuelles dans la liste, et le site indique partout que la nouvelle date sera annoncée.
events-postpone-known = Nouvelle date connue
events-postpone-unknown = Nouvelle date à annoncer
events-postponed-date-unknown = L’événement a été reporté ; sa nouvelle date sera annoncée.
