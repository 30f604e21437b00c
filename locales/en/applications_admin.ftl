## The back office's applications to join the Pact
applications-kind-confirmed = Application confirmed
applications-kind-corrected = Application corrected
applications-kind-approved = Application approved
applications-kind-declined = Application declined
