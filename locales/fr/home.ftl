## The home page, after the campaign's French home page: its counter of
## signatories, the upcoming events and the latest news.

home-title = Accueil
home-heading = UN sur CINQ
home-lead = Le Congrès des pouvoirs locaux et régionaux participe à la campagne du Conseil de l’Europe pour mettre fin à la violence sexuelle à l’égard des enfants, et invite les villes et les régions à signer son Pacte.

counter-title = Adhérents au Pacte
# $signatories and $countries are counts; $signatories-text and
# $countries-text are the same counts written the French way.
counter-figures = { $signatories ->
        [one] { $signatories-text } ville ou région
       *[other] { $signatories-text } villes et régions
    } dans { $countries-text } pays
counter-explanation = Sont comptées les villes et les régions adhérentes au Pacte, et les pays distincts dont elles font partie.
counter-latest = Dernière adhésion : { $date }
counter-directory-link = Voir les adhérents

home-events-title = Prochains événements
home-events-none = Aucun événement n’est prévu pour le moment.
home-events-all = Tout le calendrier

home-about-title = À propos
home-about-body = Le Congrès participe à la campagne UN sur CINQ du Conseil de l’Europe, dont l’objectif principal est de promouvoir la signature et la ratification de la Convention de Lanzarote – instrument juridique de référence en la matière. La campagne vise également à sensibiliser tous les acteurs, y compris les enfants, leurs familles ainsi que les personnes s’occupant d’eux, à la gravité de ces violences et aux actions qui peuvent être menées pour les prévenir.

home-aims-title = Buts et objectifs spécifiques des dimensions locale et régionale de la campagne UN sur CINQ
home-aims-body = Aux niveaux local et régional, la campagne UN sur CINQ a pour but général d’associer les membres du Congrès, les autorités locales et régionales et leurs associations, ainsi que divers autres partenaires (ONG, société civile, fonction publique, cadres, décideurs, médias), à la promotion de la campagne et de faire connaître la Convention de Lanzarote auprès des collectivités territoriales. Ce faisant, le Congrès vise à favoriser l’adoption de services locaux et régionaux attentifs aux besoins des enfants, à protéger les enfants et à prévenir les violences sexuelles au sein de la collectivité. La commission des questions d’actualité suivra la mise en œuvre de la campagne.

home-pact-title = Pacte des villes et des régions contre la violence sexuelle envers les enfants
home-pact-body-1 = Les buts et objectifs du Plan d’action stratégique seront promus et atteints principalement par le biais du Pacte des villes et des régions contre la violence sexuelle envers les enfants, élaboré par le Congrès et approuvé par son Bureau en septembre 2012.
home-pact-body-2 = Le Pacte propose une approche alliant les « quatre P » : la Prévention, la Protection, les Poursuites et la Participation, que devraient adopter les autorités locales et régionales dans leurs efforts pour combattre la violence sexuelle à l’égard des enfants. Pour ce faire, il faut que les collectivités territoriales fassent mieux connaître ce phénomène, conçoivent et mettent en œuvre des stratégies et des plans d’action locaux pour traiter les « quatre P » et qu’elles investissent dans de meilleurs services. Tous les services et toutes les actions doivent respecter les droits des enfants, privilégier leur intérêt supérieur et leur permettre de faire entendre leur point de vue, afin de réunir au niveau local les conditions dont les enfants et les familles ont besoin pour éradiquer la violence et les abus sexuels, ainsi que pour traduire les auteurs de tels actes en justice.
home-four-ps-label = Les « quatre P »
home-p-prevention = Prévention
home-p-protection = Protection
home-p-prosecution = Poursuites
home-p-participation = Participation
read-more = Lire la suite
# Follows "Lire la suite" for screen readers: "Lire la suite : À propos".
# $page is the title of the page the link leads to. The message begins
# with a no-break space, written as an escape so that it can be seen.
read-more-page = { "\u00A0" }: { $page }

news-home-all = Toutes les actualités
