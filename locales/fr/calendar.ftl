## The calendar of events and its iCalendar feed.

calendar-title = Calendrier
calendar-lead = Les événements de la campagne UN sur CINQ et du Pacte des villes et des régions.
calendar-upcoming = Événements à venir
calendar-none-upcoming = Aucun événement à venir ne correspond à ces critères.
calendar-archive-link = Événements passés
calendar-archive-title = Événements passés
calendar-archive-lead = Les événements de la campagne qui ont eu lieu, du plus récent au plus ancien.
calendar-none-past = Aucun événement passé ne correspond à ces critères.
calendar-back = Retour au calendrier
calendar-filter-legend = Filtrer les événements
calendar-filter-year = Année
calendar-filter-all-years = Toutes les années
calendar-filter-country = Pays
calendar-filter-all-countries = Tous les pays
calendar-filter-mode = Modalité
calendar-filter-all-modes = Sur place et en ligne
calendar-mode-in-person = Sur place
calendar-mode-online = En ligne
calendar-subscribe-title = Suivre le calendrier
calendar-subscribe-text = Abonnez-vous pour retrouver les événements dans votre agenda et recevoir leurs mises à jour.
calendar-subscribe = S’abonner (webcal)
calendar-download = Télécharger le calendrier (.ics)
calendar-feed-name = UN sur CINQ – Calendrier
calendar-feed-description = Les événements de la campagne UN sur CINQ du Conseil de l’Europe et du Pacte des villes et des régions.

event-status-cancelled = Annulé
event-status-postponed = Reporté
event-cancelled-notice = Cet événement est annulé.
event-postponed-notice = Cet événement a été reporté. La date indiquée est la dernière annoncée.
event-online = En ligne
# $place is a venue, written "name, city, country".
event-place-and-online = { $place }, et en ligne
event-when = Date
event-time-zone-label = Fuseau horaire
# $zone is an IANA name such as Europe/Paris; $offset such as +01:00.
event-time-zone = { $zone } (UTC{ $offset })
event-venue = Lieu
event-online-link = Participer en ligne
event-registration = Inscription
event-registration-link = S’inscrire
event-signatory = Adhérent au Pacte
event-add-to-calendar = Ajouter à mon agenda (.ics)
event-description = Présentation
# Whole days: $first and $last are dates with their weekday.
event-days = du { $first } au { $last }
# One day with times: "jeudi 3 décembre 2026, 14 h 30 – 16 h 00".
event-times-same-day = { $date }, { $start } – { $end }
event-times-range = du { $start-date }, { $start } au { $end-date }, { $end }

date-weekday = { $weekday } { $date }
month-year = { $month } { $year }
# "14 h 30", with no-break spaces around the h.
time-of-day = { $hour } h { $minute }
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
