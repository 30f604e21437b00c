## The page shell: header, navigation, footer, error pages.

site-name = ONE in FIVE
site-tagline = The Council of Europe campaign to stop sexual violence against children
site-description = ONE in FIVE: the Council of Europe campaign to stop sexual violence against children, and the Pact of cities and regions of the Congress of Local and Regional Authorities.
coe-name = Council of Europe
congress-name = Congress of Local and Regional Authorities
skip-to-content = Skip to main content
nav-label = Main navigation
nav-home = Home
language-label = Choose a language
language-current = English
language-switch = Français
footer-label = Footer
footer-follow = Follow the campaign
footer-facebook = Facebook
footer-about = A Council of Europe campaign, carried out at local and regional level by the Congress of Local and Regional Authorities.
footer-copyright = © Council of Europe

error-code = Error { $status }
error-back-home = Back to the home page
error-400-title = Bad request
error-400-body = The request could not be processed. Please check the address or the information you sent.
error-404-title = Page not found
error-404-body = The page you asked for does not exist or has moved.
error-405-title = Method not allowed
error-405-body = This address does not accept this kind of request.
error-413-title = Too much data
error-413-body = The information you sent is larger than allowed.
error-429-title = Too many requests
error-429-body = You have sent too many requests in a short time. Please try again in a minute.
error-500-title = Internal error
error-500-body = Something went wrong on our side. It has been logged; please try again later.
error-503-title = Service temporarily unavailable
error-503-body = The site cannot answer right now. Please try again in a few moments.

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

nav-about = About
nav-aims = Campaign aims
nav-pact = The Pact
nav-directory = Members of the Pact
footer-share = Share
share-email = By email
read-more = Read more
error-bad-filter = One of the list’s filters is not valid.
