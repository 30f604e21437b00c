# Events: postponed with the new date to be announced, and their French addresses.

## The public site and its feeds

event-date-to-be-announced = New date to be announced (originally: { $planned })
event-status-postponed-date-unknown = Postponed, new date to be announced
event-postponed-date-unknown-notice = This event has been postponed. Its new date will be announced here.
event-feed-date-to-be-announced = Postponed, new date to be announced

## The back office

events-field-slug-fr = French address
events-postpone-choice = New date
events-postpone-choice-hint = If the new date is not known yet, the event keeps its current dates in the list, and the site says everywhere that the new date will be announced.
events-postpone-known = New date known
events-postpone-unknown = New date to be announced
events-postponed-date-unknown = The event has been postponed; its new date will be announced.
