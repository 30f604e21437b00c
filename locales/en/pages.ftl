## Content pages and the directory of signatories.

about-title = About the campaign
aims-title = Campaign aims
pact-title = The Pact of cities and regions
privacy-title = Data protection notice
content-see-members = See the signatories of the Pact
content-read-pact = Read the Pact and its “four Ps”

directory-title = Signatories of the Pact
directory-lead = The cities and regions that have signed the Pact of cities and regions to stop sexual violence against children.
directory-by-country = By country
directory-filter-legend = Filter the list
directory-filter-country = Country
directory-filter-all-countries = All countries
directory-filter-kind = Type
directory-filter-all-kinds = Cities and regions
directory-filter-name = Name
directory-filter-submit = Show
directory-filter-reset = Show all
# $count is the number of signatories the list shows.
directory-results = { $count ->
        [one] { $count-text } signatory
       *[other] { $count-text } signatories
    }
directory-none = No signatory matches these criteria.
directory-continued = (continued)
count-cities = { $count ->
        [one] { $count-text } city
       *[other] { $count-text } cities
    }
count-regions = { $count ->
        [one] { $count-text } region
       *[other] { $count-text } regions
    }
kind-city = City
kind-region = Region
pagination-label = Pages of the list
pagination-previous = Previous page
pagination-next = Next page
pagination-status = Page { $page } of { $pages }
directory-open-data = Open data
directory-open-data-text = The full list of signatories, free to reuse:
directory-download-csv = CSV
directory-download-json = JSON
directory-download-history = History of signatures (CSV)
history-heading = Signatures over the years
history-title = Number of signatories of the Pact, year by year
history-desc = Line of the total number of signatories: { $firstCount-text } in { $first }, { $count-text } in { $last }.
history-table-summary = The figures, year by year
history-year = Year
history-added = New signatories
history-total = Total

signatory-kind = Type
signatory-country = Country
signatory-joined = Joined on
signatory-website = Website
signatory-official-name = Official name
signatory-back = All signatories in { $country }

# The privacy notice's contacts, when the operator gives them.
privacy-contact-secretariat = The secretariat’s email address: { $email }
privacy-contact-dpo = Data protection officer: { $email }

legal-title = Legal notice
accessibility-title = Accessibility statement
# The footer's link to the accessibility statement, with the site's compliance status.
footer-accessibility = Accessibility: partially compliant
# Where a page gives the operator's contact addresses and none is set.
pages-contact-unset = Write to the secretariat by post, at the Council of Europe’s address given on this page.
# $host: the host's name and postal address, as the operator gives them.
pages-hosting = The site is hosted by: { $host }.
pages-hosting-title = Hosting
# $licence: the open data's licence, as the operator names it.
pages-licence = The open data are published under this licence: { $licence }.

map-title = Map of the signatories
map-lead = Each country is shaded by its number of signatories of the Pact, and each dot is a signatory whose position is known. Choose a country or a dot to see its signatories.
map-filter-legend = Filter the map
map-skip = Skip the map and go to the list of countries
map-caption = Map of Europe and its neighbours, in which each country with signatories and each signatory is a link.
map-legend = Signatories per country
map-legend-none = No signatories
map-legend-dot = A signatory
map-country-label = { $country }: { $count }
map-dot-label = { $name } ({ $kind })
map-dot-label-sample = Sample: { $name } ({ $kind })
map-countries = The countries
map-to-directory = See these signatories in the list
map-too-many-dots = Too many signatories to show one by one: choose a country to see its dots.
map-outside = { $count ->
    [one] One signatory lies outside this map; it is in the list.
   *[other] { $count-text } signatories lie outside this map; they are in the list.
}
map-unplaced = { $count ->
    [one] One signatory’s position is not known; it has no dot, but is counted in its country.
   *[other] The position of { $count-text } signatories is not known; they have no dot, but are counted in their country.
}
directory-map-link = See the signatories on a map
counter-map-link = See the map
