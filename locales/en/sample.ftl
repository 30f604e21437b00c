# The bundled sample data: the banner every page shows while any sample
# row remains, and the label of each sample item where it is listed.
sample-banner = Demonstration site: the signatories, news and events shown are examples.
sample-label = Sample
# Under the name of a sample signatory on its page.
signatory-sample-note = This place is real, but its signature of the Pact and its date are made up, to show how the site works: it is not a signatory of the Pact.
# Before a sample item's title in the RSS and iCalendar feeds.
sample-feed-prefix = [Sample]
sample-feed-note = Demonstration site: the items marked [Sample] are examples, not real information.
sample-open-data-note = Demonstration site: { $sample } of the { $total } signatories in this file are examples, not real signatories of the Pact.
