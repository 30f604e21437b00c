## News: the list, an item's page, the home page's latest items and the
## RSS feed.

news-title = News
news-lead = News of the ONE in FIVE campaign and of the Pact of cities and regions to stop sexual violence against children.
news-none = No news has been published yet.
news-pagination-label = News pages
news-newer = Newer news
news-older = Older news
news-back = All news
# Followed by the date: "Published on 2 March 2026".
news-published = Published on
news-home-title = Latest news
news-follow-title = Follow the news
news-follow-text = Subscribe to the RSS feed to get the news in your feed reader.
news-follow-link = News RSS feed
# The title of the feed, as browsers and feed readers show it.
news-feed-link-title = ONE in FIVE – News (RSS, English)
news-feed-description = News of the Council of Europe’s ONE in FIVE campaign and of the Pact of cities and regions to stop sexual violence against children.
