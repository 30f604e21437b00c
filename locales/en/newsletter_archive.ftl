## The newsletter's archive: the issues sent so far, and each issue's page.

newsletter-archive-title = Newsletter archive
newsletter-archive-lead = The issues of the ONE in FIVE campaign’s newsletter sent so far, latest first.
newsletter-archive-none = No issue of the newsletter has been sent yet.
newsletter-archive-pagination-label = Archive pages
newsletter-archive-newer = Newer issues
newsletter-archive-older = Older issues
# Followed by the date: "Sent on 2 March 2026".
newsletter-archive-sent = Sent on
newsletter-archive-back = All issues of the newsletter
# Above an issue written in French only, on its English page.
newsletter-archive-only-other = This issue was written in French only.
# On the newsletter page.
newsletter-archive-link = Read the issues already sent
# The back office's sample data page.
admin-sample-newsletter-issues = Sample newsletter issues
