## The "Join the Pact" page
