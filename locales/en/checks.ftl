## The accessibility checks of a text written in the back office, said
## beside its field when it is not saved. $detail is the heading levels
## ("## → ####") or the link's words.

check-hint = Before it is saved, the text is checked: no heading that skips a level, no link named “click here” or by its bare address, no empty link, no image.
check-heading-skipped = A heading skips a level ({ $detail }): give it one # more than the heading above it, no more.
check-link-vague = A link is named “{ $detail }”, which does not say where it leads: name it by what it leads to.
check-link-address = A link is named by its address (“{ $detail }”): name it by what it leads to.
check-link-empty = A link has no words: give it words that say where it leads.
check-image = The text holds an image, which the site does not show: a news item’s image has a field of its own, with its description.
