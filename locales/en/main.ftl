## The page shell: header, navigation, footer, and dates as every page
## writes them.

site-name = ONE in FIVE
site-tagline = The Council of Europe campaign to stop sexual violence against children
site-description = ONE in FIVE: the Council of Europe campaign to stop sexual violence against children, and the Pact of cities and regions of the Congress of Local and Regional Authorities.
coe-name = Council of Europe
congress-name = Congress of Local and Regional Authorities
skip-to-content = Skip to main content
language-label = Choose a language
language-current = English
language-switch = Français

nav-label = Main navigation
nav-home = Home
nav-about = About
nav-aims = Campaign aims
nav-pact = The Pact
nav-directory = Signatories of the Pact
nav-calendar = Calendar
nav-news = News

footer-follow = Follow the campaign
footer-facebook = Facebook
footer-rss = RSS feed
footer-share = Share
share-email = By email
footer-about = A Council of Europe campaign, carried out at local and regional level by the Congress of Local and Regional Authorities.
footer-copyright = © Council of Europe

# A date: "1 May 2013". $month is a month's name below.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
