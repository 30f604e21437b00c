## The newsletter's issues as mailed to each subscriber.

# At the top of an issue written only in the other language (English).
issue-mail-only-other = Cette lettre n’existe qu’en anglais.
# The link to the issue's page in the newsletter's archive.
issue-mail-read-online = Lire cette lettre sur le site
# The same, before the address, in the plain text part.
issue-mail-read-online-text = Lire cette lettre sur le site :
issue-mail-why = Vous recevez cette lettre parce que vous vous êtes inscrit à la lettre d’information de la campagne UN sur CINQ.
