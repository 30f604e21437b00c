## The back office’s applications to join the Pact
applications-kind-confirmed = Application confirmed
applications-kind-corrected = Application corrected
applications-kind-approved = Application approved
applications-kind-declined = Application declined
applications-nav = Applications
applications-intro = Applications to join the Pact that their contact has confirmed, awaiting review. Check each one, correct the authority’s fields if needed, then approve or decline it: the contact is told by email.
applications-none = No application awaits review.
applications-awaiting = Applications awaiting review, oldest first
applications-confirmed-at = Confirmed
applications-approved = The application is approved: the authority is a signatory.
applications-declined = The application is declined; its contact has been told the reason.
applications-status-received = Awaiting review.
applications-status-approved = Approved.
applications-status-declined = Declined.
applications-document = Download the document (PDF)
applications-no-document = None
applications-correct = Save the corrections
applications-correct-note = Kind: city or region. Country: its two-letter code. Date: YYYY-MM-DD.
applications-decide = Decide
applications-news-box = Also create a news draft announcing the signature, in both languages
applications-approve = Approve: add to the signatories
applications-reason = Reason for declining (sent to the contact)
applications-decline = Decline
applications-reason-needed = Give the reason, in at most 2,000 characters.
applications-duplicate = A signatory of this name and country exists already: nothing was done.
applications-news-title = { $authority } signs the Pact
applications-news-body = { $authority } joined the Pact of cities and regions to stop sexual violence against children on { $date }.
applications-dashboard = { $count ->
    [one] One application to join the Pact awaits review.
   *[other] { $count } applications to join the Pact await review.
}
