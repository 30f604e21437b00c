## The pages a visitor looks for next: the Council of Europe, the
## Congress, help, a contact. Every address here was confirmed in the
## page named beside it.

# Printed as the Council of Europe's website at the foot of its own pages,
# e.g. https://coe.int/fr/web/portal/newsroom?delta=50&start=7
coe-href = https://www.coe.int
# The Congress's own page « En bref »:
# https://www.coe.int/fr/web/congress/en-bref
congress-href = https://www.coe.int/fr/web/congress/en-bref
contact-title = Contact
help-title = Aide aux enfants
footer-help = Aide et contact
footer-newsletter = Lettre d’information
