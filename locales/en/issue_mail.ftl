## The newsletter's issues as mailed to each subscriber.

# At the top of an issue written only in the other language (French).
issue-mail-only-other = This issue is only in French.
# The link to the issue's page in the newsletter's archive.
issue-mail-read-online = Read this issue on the site
# The same, before the address, in the plain text part.
issue-mail-read-online-text = Read this issue on the site:
issue-mail-why = You receive this newsletter because you subscribed to the ONE in FIVE campaign’s newsletter.
