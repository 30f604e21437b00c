## The error pages.

error-code = Error { $status }
error-back-home = Back to the home page
error-400-title = This request could not be read
error-400-body = The site could not understand this request. Check the page’s address or what you typed, then try again.
error-403-title = Request refused
error-403-body = This form was sent from a page of another website, so it was refused and nothing was changed. If you meant to send it, open the page on this site and use its form there.
form-stale = This form had been open too long to be sent, so nothing was done. Check what you typed below, then send it again.
error-404-title = Page not found
error-404-body = The page you asked for does not exist or has moved. Check the address, or find the page from the home page or the site’s menu.
error-405-title = This page cannot do that
error-405-body = This address cannot do what your browser asked of it. Open the page from the site’s menu and use its links and forms.
error-413-title = Too much data
error-413-body = The information you sent is larger than allowed. Shorten what you typed or choose a smaller file, then try again.
error-429-title = Too many requests
error-429-body = You have sent too many requests in a short time. Please try again in a minute.
error-500-title = Internal error
error-500-body = Something went wrong on our side. It has been logged; please try again later.
error-503-title = Service temporarily unavailable
error-503-body = The site cannot answer right now. Please try again in a few moments.
