## The calendar of events and its iCalendar feed.

calendar-title = Calendar
calendar-lead = Events of the ONE in FIVE campaign and of the Pact of cities and regions.
calendar-upcoming = Upcoming events
calendar-none-upcoming = No upcoming event matches these criteria.
calendar-archive-link = Past events
calendar-archive-title = Past events
calendar-archive-lead = The campaign’s events that have taken place, most recent first.
calendar-none-past = No past event matches these criteria.
calendar-back = Back to the calendar
calendar-filter-legend = Filter the events
calendar-filter-year = Year
calendar-filter-all-years = All years
calendar-filter-country = Country
calendar-filter-all-countries = All countries
calendar-filter-mode = Format
calendar-filter-all-modes = In person and online
calendar-mode-in-person = In person
calendar-mode-online = Online
calendar-subscribe-title = Follow the calendar
calendar-subscribe-text = Subscribe to see the events in your own calendar app and get their updates.
calendar-subscribe = Subscribe (webcal)
calendar-download = Download the calendar (.ics)
calendar-feed-name = ONE in FIVE – Calendar
calendar-feed-description = Events of the Council of Europe’s ONE in FIVE campaign and of the Pact of cities and regions.

event-status-cancelled = Cancelled
event-status-postponed = Postponed
event-cancelled-notice = This event is cancelled.
event-postponed-notice = This event has been postponed. The date shown is the latest one announced.
event-online = Online
# $place is a venue, written "name, city, country".
event-place-and-online = { $place }, and online
event-when = Date
event-time-zone-label = Time zone
# $zone is an IANA name such as Europe/Paris; $offset such as +01:00.
event-time-zone = { $zone } (UTC{ $offset })
event-venue = Venue
event-online-link = Join online
event-registration = Registration
event-registration-link = Register
event-signatory = Signatory of the Pact
event-add-to-calendar = Add to my calendar (.ics)
event-description = About this event
# Whole days: $first and $last are dates with their weekday.
event-days = From { $first } to { $last }
# One day with times: "Thursday 3 December 2026, 2.30 pm – 4.00 pm".
event-times-same-day = { $date }, { $start } – { $end }
event-times-range = From { $start-date }, { $start } to { $end-date }, { $end }

date-weekday = { $weekday } { $date }
month-year = { $month } { $year }
# "2.30 pm": the hour on the 12-hour clock, a full stop, the minutes.
time-of-day = { $hour12 }.{ $minute } { $period ->
        [am] am
       *[pm] pm
    }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
