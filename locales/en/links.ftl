## The pages a visitor looks for next: the Council of Europe, the
## Congress, help, a contact. Every address here was confirmed in the
## page named beside it.

# Printed as the Council of Europe's website at the foot of its own pages,
# e.g. https://coe.int/en/web/portal/newsroom?delta=100&start=28
coe-href = https://www.coe.int
# The Congress's own page "Overview":
# https://www.coe.int/en/web/congress/overview
congress-href = https://www.coe.int/en/web/congress/overview
contact-title = Contact
help-title = Help for children
footer-help = Help and contact
footer-newsletter = Newsletter
