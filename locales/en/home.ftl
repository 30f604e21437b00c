## The home page, after the campaign's French home page: its counter of
## signatories, the upcoming events and the latest news.

home-title = Home
home-heading = ONE in FIVE
home-lead = The Congress of Local and Regional Authorities takes part in the Council of Europe campaign to stop sexual violence against children, and invites cities and regions to sign its Pact.

counter-title = Signatories of the Pact
# $signatories and $countries are counts; $signatories-text and
# $countries-text are the same counts written the English way.
counter-figures = { $signatories ->
        [one] { $signatories-text } city or region
       *[other] { $signatories-text } cities and regions
    } in { $countries ->
        [one] { $countries-text } country
       *[other] { $countries-text } countries
    }
counter-explanation = Counted: the cities and regions that have signed the Pact, and the distinct countries they belong to.
counter-latest = Latest signature: { $date }
counter-directory-link = See the signatories

home-events-title = Upcoming events
home-events-none = No event is planned at the moment.
home-events-all = The whole calendar

home-about-title = About
home-about-body = The Congress takes part in the Council of Europe’s ONE in FIVE campaign, whose main aim is to promote the signature and ratification of the Lanzarote Convention – the reference legal instrument in this field. The campaign also aims to make everyone concerned, including children, their families and the people who care for them, aware of how serious this violence is and of the action that can be taken to prevent it.

home-aims-title = Specific aims and objectives of the local and regional dimension of the ONE in FIVE campaign
home-aims-body = At local and regional level, the general aim of the ONE in FIVE campaign is to involve the members of the Congress, local and regional authorities and their associations, and various other partners (NGOs, civil society organisations, officials, professionals, decision-makers, media) in promoting the campaign and in making the Lanzarote Convention known to local and regional authorities. In doing so, the Congress seeks to encourage child-friendly local and regional services, to protect children and to prevent sexual violence within the community. The Current Affairs Committee will follow the implementation of the campaign.

home-pact-title = Pact of cities and regions to stop sexual violence against children
home-pact-body-1 = The aims and objectives of the Strategic Action Plan will be promoted and achieved mainly through the Congress’s Pact of cities and regions to stop sexual violence against children, endorsed by the Congress Bureau in September 2012.
home-pact-body-2 = The Pact proposes a “four Ps” approach – Prevention, Protection, Prosecution and Participation – that local and regional authorities should adopt in their efforts to combat sexual violence against children. To do so, local and regional authorities need to raise awareness of the phenomenon, design and implement local strategies and action plans that address the “four Ps”, and invest in better services. All services and actions must respect children’s rights, put their best interests first and let them make their views heard, so as to deliver locally what children and families need to eradicate sexual violence and abuse, and to bring the perpetrators of such acts to justice.
home-four-ps-label = The “four Ps”
home-p-prevention = Prevention
home-p-protection = Protection
home-p-prosecution = Prosecution
home-p-participation = Participation
read-more = Read more
# Follows "Read more" for screen readers: "Read more: About". $page is the
# title of the page the link leads to.
read-more-page = : { $page }

news-home-all = All news
