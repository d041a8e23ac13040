"""Word lists and sentence templates of the fictional region: data only, no logic.

Templates are ``str.format`` strings. Story slots (``{town}``, ``{plan}``, ``{thing}``...) are fixed
for one story; number slots (``{years}``, ``{money}``...) are drawn afresh for every sentence. A slot
written with a capital (``{Plan}``) is the same value with its first letter capitalised.
"""

# ruff: noqa: E501  (each sentence stays whole on one line, to be read and searched as a sentence)

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = (
    "Alys", "Bram", "Corin", "Delia", "Edwin", "Fenna", "Gideon", "Harriet", "Ivo", "Jessamy", "Kit",
    "Lorna", "Magnus", "Nell", "Osric", "Petra", "Quentin", "Rosalind", "Silas", "Tamsin", "Ulric",
    "Verity", "Wilfred", "Xanthe", "Yusuf", "Zara", "Amara", "Bartholomew", "Cressida", "Dmitri",
    "Elspeth", "Farid", "Greta", "Hamish", "Imogen", "Jonah", "Keziah", "Leopold", "Mirela", "Niamh",
    "Otto", "Priya", "Rafe", "Saoirse", "Tobias", "Una", "Viggo", "Winifred", "Anwen", "Barnaby",
)  # fmt: skip

LAST_NAMES = (
    "Ashcombe", "Bellweather", "Carrow", "Dunmore", "Ellery", "Fairlie", "Garside", "Hollis",
    "Inchbald", "Jarrow", "Kettering", "Lumley", "Merriman", "Nettleship", "Orme", "Pennock",
    "Quarrie", "Ravenhill", "Stobart", "Thwaite", "Umfreville", "Vesey", "Wadlow", "Yeldham",
    "Aldous", "Brackley", "Catterall", "Dewhirst", "Eskdale", "Fothergill", "Gribble", "Haverstock",
    "Ibbotson", "Judd", "Kilbride", "Loxley", "Mawdsley", "Nuttall", "Oakes", "Prentice", "Ridsdale",
    "Sowerby", "Tallis", "Upshall", "Varley", "Whitlock", "Cardew", "Pellow", "Trenery", "Mossop",
    "Abney", "Blenkin", "Coldwell", "Dransfield", "Elwick", "Frisby", "Gatenby", "Hebblethwaite",
    "Illingworth", "Jowett", "Kendrew", "Lazenby", "Midgley", "Normington", "Oxtoby", "Pickersgill",
    "Rawcliffe", "Scatcherd", "Tennant", "Ullathorne", "Verrall", "Wragg", "Yarwood", "Attwater", "Bunce",
    "Chiswell", "Dimmock", "Eldridge", "Fennimore", "Goodhew", "Hatherley", "Ingram", "Jephcott", "Kimber",
    "Lavington", "Marchbank", "Newbold", "Ockenden", "Purslow", "Redfern", "Sillitoe", "Trowbridge", "Uttley",
    "Vokins", "Wheatcroft", "Ashdown", "Bracegirdle", "Cattermole", "Dunstable", "Edgeworth",
)  # fmt: skip

TOWNS = (
    "Marrow Bay", "Eastholm", "Kestrel Ford", "Linden Cross", "Port Avery", "Thornwick",
    "Hollins Reach", "Caddon Vale", "Wexbridge", "Saltmere", "Greyhaven", "Brindle Heath",
    "Oxley Sands", "Farrowdale", "Pellham Quay", "Corrie Mills",
)  # fmt: skip

REGIONS = ("Northshore", "Corrin valley", "Saltmere coast")

STREETS = (
    "Quayside Road", "Fenwick Street", "Chapel Row", "Ropewalk Lane", "Mill Hill", "Anchor Terrace",
    "Station Parade", "Gorse Avenue", "Tanners Yard", "Harbour Street", "Beacon Rise", "Sheep Lane",
)  # fmt: skip

VENUES = (
    "the town hall", "the Assembly Rooms", "St Brannoc's church hall", "the Mechanics' Institute",
    "the leisure centre", "the old Corn Exchange", "the community centre on {street}",
)  # fmt: skip

SITES = ("gasworks", "rope factory", "cattle market", "rail depot", "brewery", "tannery", "boatyard")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

COUNCIL_FORMS = ("{town} Borough Council", "{town} Town Council", "{town} District Council")

PARTIES = ("Harbour Independents", "Progress Party", "Coastal Alliance", "Valley First")

RESIDENT_ROLES = (
    "who has lived on {street} for {years} years",
    "a retired fisherman from {town}",
    "a mother of two from {town}",
    "who runs a cafe on {street}",
    "a volunteer with the {town} Residents' Association",
    "a nurse who lives in {town}",
)  # fmt: skip


@dataclass(frozen=True)
class Outlet:
    name: str  # "Harbour Gazette"
    article: str  # "the" when the name takes one in running text, else ""
    domain: str
    publisher: str

    @property
    def in_text(self) -> str:
        return f"{self.article} {self.name}".strip()


OUTLETS = (
    Outlet("Harbour Gazette", "the", "harbourgazette.example", "Tidewater Publishing"),
    Outlet("Eastholm Evening Post", "the", "eastholmpost.example", "Northshore Media Group"),
    Outlet("Kestrel Courier", "the", "kestrelcourier.example", "Northshore Media Group"),
    Outlet("Northshore Daily", "", "northshoredaily.example", "Northshore Media Group"),
    Outlet("Valley Chronicle", "the", "valleychronicle.example", "Corrin Valley Newspapers"),
    Outlet("Saltmere Observer", "the", "saltmereobserver.example", "Tidewater Publishing"),
    Outlet("Coastline Radio News", "", "coastlineradio.example", "Coastline Broadcasting"),
    Outlet("Wexbridge Herald", "the", "wexbridgeherald.example", "Corrin Valley Newspapers"),
)


@dataclass(frozen=True)
class Topic:
    """One kind of local story: who decides, who objects, what is at stake."""

    key: str
    section: str
    deciders: tuple[str, ...]
    decider_roles: tuple[str, ...]  # "{org}" is the decider
    critics: tuple[str, ...]
    critic_roles: tuple[str, ...]  # "{org}" is the critic
    plans: tuple[str, ...]
    things: tuple[str, ...]
    people: tuple[str, ...]
    actions: tuple[str, ...]
    units: tuple[str, ...]  # "no {unit} will be lost"
    workplaces: tuple[str, ...]
    headlines: tuple[str, ...]


_COMPANY_ROLES = ("chief executive of {org}", "a spokesperson for {org}", "operations director at {org}")
_COUNCIL_ROLES = ("leader of {org}", "the cabinet member responsible at {org}", "a spokesperson for {org}")
_UNION_ROLES = ("general secretary of {org}", "regional organiser for {org}", "branch chair of {org}")
_GROUP_ROLES = ("chair of {org}", "secretary of {org}", "a founder of {org}")

TOPICS = (
    Topic(
        "buses", "Transport",
        ("Kestrel Bus Company", "Northshore Coaches"), _COMPANY_ROLES,
        ("the {town} Bus Users' Group", "the Allied Transport Union"), _GROUP_ROLES,
        ("the cuts to evening bus services", "the new winter timetable", "the withdrawal of the route {route} bus",
         "the fare rise on the coast road"),
        ("the route {route} bus", "the evening service to {town2}", "the bus station on {street}"),
        ("passengers", "shift workers", "pensioners", "students"),
        ("cut the last three buses of the day", "run the route once an hour", "close the bus station ticket office"),
        ("drivers", "routes", "services"),
        ("the hospital in {town2}", "the cannery", "the distribution centre"),
        ("Anger in {town} over loss of evening buses", "Bus company defends cuts to route {route}",
         "Petition to save the route {route} bus passes {signatures} names"),
    ),
    Topic(
        "dock_strike", "Business",
        ("Pellham Port Authority", "Halden Freight"), _COMPANY_ROLES,
        ("the Dock and Ferry Workers' Union", "the Mill and Warehouse Workers' Federation"), _UNION_ROLES,
        ("the pay offer", "the new shift pattern", "the plan to end the night shift"),
        ("the container terminal", "the grain store at {town}", "the night shift"),
        ("our members", "dock workers", "warehouse staff", "crane drivers"),
        ("cut overtime rates", "move the night shift to agency staff", "freeze pay for a second year"),
        ("jobs", "shifts", "posts"),
        ("the container terminal", "the grain store", "the cold store"),
        ("Dock workers in {town} vote to strike", "Port strike talks collapse after {days} days",
         "Union rejects {pct} per cent pay offer at {town} docks"),
    ),
    Topic(
        "flood", "Environment",
        ("the Coastal Flood Board", "{council}"), _COUNCIL_ROLES,
        ("the {town} Seafront Action Group", "the Lower Town Residents' Association"), _GROUP_ROLES,
        ("the flood defence scheme", "the plan to raise the sea wall", "the delay to the river barrier"),
        ("the sea wall at {town}", "the river barrier", "the pumping station on {street}"),
        ("homeowners on the seafront", "families in the lower town", "businesses on {street}"),
        ("raise the sea wall by forty centimetres", "delay the barrier for another year",
         "close the promenade during the works"),
        ("homes", "properties", "businesses"),
        ("the harbour office", "the lifeboat station", "the fish market"),
        ("Seafront homes at risk as flood scheme slips", "{money} sea wall plan for {town} unveiled",
         "Residents demand answers after {town} flooding"),
    ),
    Topic(
        "maternity", "Health",
        ("the Northshore Health Trust", "the Corrin Valley Health Board"), _COMPANY_ROLES,
        ("the Save {town} Maternity campaign", "the Northshore Nurses' Association"), _GROUP_ROLES,
        ("the move of maternity services to {town2}", "the overnight closure of the minor injuries unit",
         "the cuts to community midwives"),
        ("the maternity unit at {town} General", "the minor injuries unit", "the birth centre"),
        ("expectant mothers", "patients", "families", "young parents"),
        ("close the birth centre at night", "move births to {town2}", "merge the two wards"),
        ("beds", "midwives", "posts"),
        ("{town} General", "the care home on {street}", "the health centre"),
        ("Fears for {town} maternity unit as trust confirms review", "Mothers face {miles}-mile journey to give birth",
         "Health trust pauses plan to move births to {town2}"),
    ),
    Topic(
        "schools", "Education",
        ("{council}", "the Corrin Learning Trust"), _COUNCIL_ROLES,
        ("the {town} Parents' Forum", "the Union of School Staff"), _GROUP_ROLES,
        ("the merger of the two primary schools", "the new catchment boundaries", "the closure of the sixth form"),
        ("{town} Primary School", "the school on {street}", "the sixth form"),
        ("parents", "pupils", "teachers", "young families"),
        ("merge the two schools", "redraw the catchment map", "close the sixth form in July"),
        ("teaching posts", "classes", "places"),
        ("the school kitchen", "the nursery", "the library"),
        ("Parents fight plan to merge {town} primary schools", "School merger would save {money}, council says",
         "{count} pupils affected by catchment change"),
    ),
    Topic(
        "housing", "Property",
        ("Marlow & Finch Homes", "Greystone Developments"), _COMPANY_ROLES,
        ("the {town} Civic Society", "the Friends of {town} Green"), _GROUP_ROLES,
        ("the plan for {count} homes on the old {site} site", "the tower proposed for the old {site} site",
         "the loss of the green on {street}"),
        ("the old {site} site", "the green on {street}", "the affordable homes"),
        ("first-time buyers", "neighbours", "young families", "renters"),
        ("cut the share of affordable homes", "build six storeys instead of four", "fell the row of limes on {street}"),
        ("affordable homes", "trees", "parking spaces"),
        ("the builders' merchant", "the estate office", "the garden centre"),
        ("{count} homes planned for former {site} site", "Objections pile up over {town} tower plan",
         "Developer cuts affordable homes at old {site} site"),
    ),
    Topic(
        "mill", "Business",
        ("Saltmere Paper Mills", "Tessaly Foods"), _COMPANY_ROLES,
        ("the Mill and Warehouse Workers' Federation", "the {town} Chamber of Trade"), _UNION_ROLES,
        ("the closure of the mill", "the move of production abroad", "the sale of the {town} plant"),
        ("the mill", "the {town} plant", "the packing line"),
        ("the workforce", "families who depend on the mill", "suppliers", "apprentices"),
        ("close the packing line", "move production to the Continent", "sell the plant"),
        ("jobs", "apprenticeships", "contracts"),
        ("the mill", "the packing line", "the loading bay"),
        ("{count} jobs at risk as {town} mill faces closure", "Mill owner blames energy costs for closure plan",
         "Last shift at {town} plant set for {month}"),
    ),
    Topic(
        "library", "Community",
        ("{council}",), _COUNCIL_ROLES,
        ("the Friends of {town} Library", "the {town} Residents' Association"), _GROUP_ROLES,
        ("the closure of {town} library", "the move to volunteer-run libraries", "the shorter opening hours"),
        ("{town} library", "the mobile library", "the reading room on {street}"),
        ("readers", "children", "older residents", "job seekers"),
        ("close the library on Saturdays", "hand the building to volunteers", "sell the reading room"),
        ("librarians", "opening hours", "branches"),
        ("the library", "the council offices", "the museum"),
        ("Campaigners rally to save {town} library", "Library hours cut as council seeks {money} savings",
         "Volunteers asked to run {town} library"),
    ),
    Topic(
        "water", "Environment",
        ("Brightwater Utilities",), _COMPANY_ROLES,
        ("the {town} Sea Swimmers", "the Coastal Fishermen's Guild"), _GROUP_ROLES,
        ("the sewage discharges into the bay", "the delay to the treatment works upgrade", "the new discharge permit"),
        ("the treatment works at {town}", "the bathing water off {town}", "the outfall pipe"),
        ("swimmers", "fishermen", "holiday businesses", "shellfish growers"),
        ("postpone the upgrade until next year", "discharge at high tide only", "close the beach after heavy rain"),
        ("jobs", "beaches", "permits"),
        ("the treatment works", "the shellfish beds", "the harbour"),
        ("Sewage spills off {town} rise for third year", "Water firm delays {money} works upgrade",
         "Swimmers warned to stay out of the sea at {town}"),
    ),
    Topic(
        "ferry", "Transport",
        ("Greyhaven Ferries",), _COMPANY_ROLES,
        ("the Greyhaven Islanders' Council", "the Dock and Ferry Workers' Union"), _UNION_ROLES,
        ("the new ferry timetable", "the sale of the Maid of Corrin", "the end of the winter crossings"),
        ("the crossing to Greyhaven", "the Maid of Corrin", "the early sailing"),
        ("islanders", "hauliers", "commuters", "island schoolchildren"),
        ("drop the first sailing of the day", "sell the older of the two boats", "stop the winter crossings"),
        ("crossings", "crew", "sailings"),
        ("the ferry terminal", "the island surgery", "the fish quay"),
        ("Islanders fear isolation as ferry crossings cut", "Ferry firm to sell Maid of Corrin",
         "Winter sailings to Greyhaven scrapped"),
    ),
)  # fmt: skip

# Number slots, drawn afresh for every sentence: (low, high) for integers.
NUMBER_SLOTS = {
    "years": (3, 40), "days": (10, 30), "weeks": (2, 12), "miles": (6, 40), "pct": (4, 45), "hours": (50, 70),
    "age1": (4, 9), "age2": (10, 16), "few": (12, 60), "route": (2, 48), "day": (1, 28),
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# What people say. Every template has at least one word in SYNONYMS, so a draft can change one.
# --------------------------------------------------------------------------------------------

CRITIC_QUOTES = (
    "{People} in {town} have been patient for {years} years, and they are tired of being told that {thing} will be sorted out next year",
    "This is not about {money}, it is about whether {people} can still rely on {thing} when they need it",
    "We were given {days} days to respond to {plan}, which is nowhere near enough for a decision that will last a generation",
    "If {decider} goes ahead with {plan}, the people who pay for it will be {people} who have no other choice",
    "Our members at {workplace} have been very clear that the current offer is not good enough, and we will not pretend otherwise",
    "{Plan} was drawn up without a single public meeting in {town}, and that tells you everything about how this has been handled",
    "I have spoken to {few} {people} this week and every one of them has told me the same thing",
    "We asked for a meeting in {month} and we are still waiting for a reply from {decider}",
    "Nobody should have to travel {miles} miles for something that used to be on their doorstep",
    "They found {money} for new offices on {street} last year, so please do not tell us the money is not there",
    "The people making this decision do not live in {town}, and they will not be the ones standing in the rain",
    "We are not against change in {town}, but change has to be planned with the people it affects rather than announced to them",
    "Every time {decider} promises a review, the review comes back with the answer it was always going to give",
    "What worries me most is that once {thing} has gone, it will never come back",
    "We have a petition with {signatures} signatures and we will be handing it in at {venue} on {weekday}",
    "There is real anger in {town}, and I would be lying if I said it was going to die down any time soon",
)  # fmt: skip

DECIDER_QUOTES = (
    "Nobody on the board wants to {action}, but we have a gap of {money} that has to be closed by {month}",
    "We have put {money} aside for {thing} and the work should begin {time}",
    "It would be wrong to pretend there is an easy answer on {thing}, because every option on the table costs more than we have",
    "Our engineers have looked at {thing} twice and they are confident the problems can be fixed for less than {money}",
    "The decision will be reviewed after {weeks} months, and if it is not working we will change it",
    "There has been a lot of misleading talk about {plan}, so I want to be clear that no {unit} will be lost this year",
    "We read more than {count} responses during the consultation and the plan has changed because of them",
    "The figures show that demand has fallen by {pct} per cent since {year}, and we cannot ignore that",
    "We understand how much {thing} means to {people}, and that is why we have taken so long over this decision",
    "I would rather make a difficult decision now than leave a bigger problem for whoever does this job in {years} years",
    "Our door is open, and I am happy to meet anyone in {town} who has a better idea that we can actually pay for",
    "Costs have risen by {money} in the last two years alone, and that money has to come from somewhere",
    "We are committed to {town}, and this plan is about making sure {thing} is still here in {year2}",
    "The current arrangement is costing us about {money} a year and it is simply not sustainable",
    "We have met the campaigners {few} times since {month} and we will keep meeting them for as long as it takes",
    "Nothing has been decided yet, and the public will have a further {weeks} weeks to comment before anything is final",
)  # fmt: skip

RESIDENT_QUOTES = (
    "I grew up on {street} and I can honestly say {thing} has never been in a worse state than it is now",
    "My mother used {thing} every week for {years} years, and I do not know what she would have done without it",
    "We moved to {town} in {year} because of {thing}, and now it feels like the rug is being pulled from under us",
    "You can sign all the petitions you like, but in the end {decider} will do whatever they had already decided",
    "I work nights at {workplace} and I have no idea how I am supposed to manage if this goes ahead",
    "{Town} is a small place and everybody knows somebody who will be hit by this",
    "My children are {age1} and {age2}, and I want them to grow up with the same things I had here",
    "I was at the meeting on {weekday} and not one of our questions got a straight answer",
    "Honestly, I just want someone from {decider} to come down here and see it for themselves",
    "We have been here for {years} years and this is the first time I have seriously thought about leaving",
    "The nearest alternative is a {miles}-mile round trip, and I do not drive",
    "We only found out about {plan} from a leaflet through the door, which says it all",
    "Everyone I know in {town} is worried, and nobody at {decider} seems to be listening",
    "I have paid my council tax for {years} years and this is what we get for it",
)  # fmt: skip

COUNCILLOR_QUOTES = (
    "I will be asking for {plan} to come back to the full council before anything is signed",
    "My inbox has had more letters about {thing} this month than about anything else since I was elected in {year}",
    "The {town} ward I represent has waited long enough, and I will not vote for anything that makes it wait longer",
    "There are questions about how {decider} reached these figures that still have not been answered",
    "We need an independent look at the numbers behind {plan} before anyone takes a decision that cannot be reversed",
    "I have asked officers for a full breakdown of the {money} and I want to have it before the next meeting",
    "I have had {few} emails from residents about {plan} since {month}, and not one of them was in favour",
    "Officers have told us the saving is {money}, but nobody has shown me where that figure comes from",
    "If the scheme is as good as they say, they should have no trouble explaining it at {venue}",
    "This council has a duty to {people}, and that duty does not end when the budget gets tight",
    "I was elected to speak up for this ward, and on {plan} the ward has spoken very loudly",
    "We should be looking at what {town2} did with its own budget before we make any promises here",
)  # fmt: skip

# Words a reporter might put before or after a quote; most quotes get neither.
QUOTE_OPENERS = ("Frankly, ", "To be honest, ", "Look, ", "As I said at the meeting, ")
QUOTE_TAILS = (", and I think most people in {town} would agree", ", whatever anyone says", ", and that is the truth of it")
WITH_OPENER = 0.15  # share of quotes that get an opener; the same share gets a tail

TIMES = ("in the spring", "before the winter", "within {weeks} weeks", "by the end of {month}", "next {month}")

# Quotes no page ever contains: a draft's invented quotes come only from here.
ABSENT_QUOTES = (
    "The whole process has been a shambles from start to finish, and somebody at {decider} should have the decency to say sorry",
    "I would invite anyone who supports {plan} to spend a week living on {street} before they make up their mind",
    "We intend to publish a full report on the options by {month}, and every household will get a copy through the door",
    "There is a quiet determination in {town} that I have not seen since the great storm of {year}",
    "In {years} years people will look back on this as the moment the town turned a corner",
    "Nobody has asked the young people of {town} what they want, and they are the ones who will live with it longest",
    "We have written to the minister twice about {thing} and we are now taking legal advice about what comes next",
    "The last time something like this was tried in {town2}, it fell apart within eighteen months",
    "My grandfather helped build {thing} with his own hands and I am not going to stand by and watch it disappear",
    "If the money had been spent properly on {thing} ten years ago we would not be having this conversation at all",
)  # fmt: skip

# Short quoted phrases, the kind a story embeds in its own sentence.
PARTIAL_PHRASES = (
    "a slap in the face for {people}",
    "a short-sighted gamble with the future of {town}",
    "the best news {town} has had in years",
    "a decision made behind closed doors at {decider}",
    "a step in the right direction for {people}",
    "the end of an era for {town}",
    "a sensible compromise for {town}",
    "nothing short of a betrayal of {people}",
    "a plan for {town} with no plan behind it",
    "the hardest choice of my {years} years in this job",
)  # fmt: skip
PARTIAL_FORMS = (
    "{who} described {plan} as “{phrase}”.",
    "{who} called the proposal “{phrase}”.",
    "{who} branded the decision “{phrase}”.",
)  # fmt: skip

# Reported speech: the clause as a page words it, and as a draft might retell it.
STATEMENTS = (
    ("the board would take a final decision on {plan} {time}",
     "a final decision on {plan} would be taken by the board {time}"),
    ("{signatures} people had signed a petition against {plan}",
     "a petition opposing {plan} had been signed by {signatures} people"),
    ("{thing} would stay open until at least {month}",
     "{thing} would remain open at least until {month}"),
    ("the repairs had already cost {money} and would take another {weeks} weeks",
     "another {weeks} weeks of repairs were needed on top of the {money} already spent"),
    ("talks with {decider} would resume on {weekday}",
     "talks would restart with {decider} on {weekday}"),
    ("complaints about {thing} had doubled since {year}",
     "the number of complaints about {thing} was twice what it had been in {year}"),
    ("about {count} people used {thing} every week",
     "{thing} was used by about {count} people each week"),
    ("no formal application had yet been made for {plan}",
     "an application for {plan} had not yet been formally submitted"),
    ("the consultation had drawn {count} responses, the most for any scheme in {town}",
     "{count} responses had come in to the consultation, more than for any other scheme in {town}"),
    ("staff had been told about the changes at a meeting on {weekday}",
     "workers heard about the changes at a {weekday} meeting"),
)  # fmt: skip

# Reported statements no page contains.
ABSENT_STATEMENTS = (
    "the plans had been quietly shelved last autumn before being revived in {month}",
    "an outside firm had been paid {money} to review {plan}",
    "three members of the board had stepped down over {plan}",
    "the regulator had opened an inquiry into {thing}",
)  # fmt: skip

# Plain reporting, with no one speaking: no speech verb may appear here (a draft uses these too).
NARRATIVE = (
    "{Thing} has served {town} since {year}.",
    "{Decider} employs about {count} people across the {region}.",
    "A consultation on {plan} ran for {weeks} weeks over the summer.",
    "The board meets again on {weekday} {day} {month} at {venue}.",
    "Figures published by {decider} in {month} put the annual cost of {thing} at {money}.",
    "{Town} has a population of about {pop}, and roughly a third of households do not own a car.",
    "The last major change to {thing} came in {year}, after a long campaign by residents.",
    "Protesters gathered outside {venue} on {weekday} morning, some of them holding handmade banners.",
    "The proposals go before {council} in {month}.",
    "Several shops on {street} have put posters in their windows backing the campaign.",
    "{Decider} has run {thing} under a contract with {council} since {year}.",
    "The nearest alternative is in {town2}, about {miles} miles away by road.",
    "A public meeting at {venue} in {month} drew more than {few}0 people.",
    "Copies of the plans can be read at {venue} and on the council website.",
    "The {region} has lost {pct} per cent of its young adults to the cities over the past decade.",
    "Rain closed the coast road twice last winter, cutting {town} off from {town2} for most of a day.",
    "The building on {street} dates from {year} and is listed for its iron roof.",
    "A first vote on {plan} was postponed in {month} when the papers arrived late.",
)  # fmt: skip

LEADS = (
    "{People} in {town} face an uncertain winter after {decider} set out {plan}.",
    "The row over {plan} in {town} has deepened after a tense public meeting at {venue}.",
    "Campaigners in {town} have stepped up their fight against {plan}.",
    "{Decider} is under pressure over {plan}, with {people} among those most affected.",
)  # fmt: skip

STANDFIRSTS = (
    "{Critic} warns that {people} will bear the cost, while {decider} says the numbers leave no choice.",
    "Campaigners and {decider} remain far apart as a decision on {plan} nears.",
    "A meeting at {venue} drew a crowd, and hard questions for {decider}.",
)  # fmt: skip

CAPTIONS = (
    "{Thing} on a quiet weekday morning.",
    "Campaigners outside {venue} earlier this month.",
    "{Street} in {town}, close to the site at the centre of the dispute.",
    "A view across {town} from Beacon Rise.",
)  # fmt: skip

DRAFT_TITLES = (
    "Across the {region}, a season of hard choices",
    "Buses, beds and sea walls: the fights reshaping the {region}",
    "What the {region} stands to lose, town by town",
)  # fmt: skip

DRAFT_STANDFIRSTS = (
    "From {town} to {town2}, councils, companies and campaigners are at odds over services many residents took for granted.",
    "A roundup of the disputes that have filled public meetings across the {region} this season.",
)  # fmt: skip

DRAFT_SECTION_INTROS = (
    "In {town}, the row over {plan} shows no sign of ending.",
    "{Town} is having a familiar argument, this time over {thing}.",
    "The future of {thing} in {town} is once again in doubt.",
    "In {town}, {plan} has split the town down the middle.",
)  # fmt: skip

COMMENTS = (
    "I have lived in {town} for {years} years and I have never seen {thing} in such a state.",
    "Typical. There is always money for consultants but never for {thing}.",
    "Does anyone know if the petition is still open? I would like to sign it.",
    "Well done to everyone who turned up on {weekday}. It made a difference.",
    "People complain now, but how many of them actually used {thing} before this?",
    "This was tried in {town2} and it worked fine. Nobody mentions that.",
    "Hard to see how this helps anyone on {street}.",
    "My neighbour has been campaigning on this for years. Good to see it finally getting some attention.",
    "Same story every winter.",
    "Could somebody ask {decider} how much the consultation itself cost?",
    "Read the whole report before you judge. It is more balanced than the headline.",
    "Another decision made by people who have never set foot in {town}.",
)  # fmt: skip

HANDLE_PARTS = (
    ("Quayside", "Harbour", "Old", "Salty", "Valley", "Coastal", "Northern", "Lower", "Gorse", "Beacon"),
    ("Walker", "Hand", "Reader", "Rambler", "Local", "Gull", "Skipper", "Neighbour", "Observer", "Sailor"),
)  # fmt: skip

# A changed word in an altered quote: each word of a quote template that has a near-synonym.
SYNONYMS = {
    "patient": "tolerant", "tired": "weary", "rely": "depend", "nowhere": "not", "enough": "sufficient",
    "clear": "plain", "drawn": "put", "spoken": "talked", "asked": "pushed", "travel": "go", "found": "discovered",
    "people": "folk", "change": "reform", "promises": "offers", "worries": "concerns", "petition": "list",
    "real": "genuine", "anger": "fury", "wrong": "unfair", "easy": "simple", "confident": "sure",
    "misleading": "inaccurate", "difficult": "hard", "bigger": "larger", "costing": "losing", "figures": "numbers",
    "decision": "choice", "understand": "know", "committed": "devoted", "honestly": "truly", "worse": "poorer",
    "small": "little", "straight": "proper", "seriously": "really", "independent": "outside", "breakdown": "account",
    "waited": "hoped", "questions": "doubts", "inbox": "postbag", "happy": "glad", "board": "committee",
    "blame": "fault", "simply": "just", "engineers": "experts", "demand": "use", "risen": "climbed",
    "mother": "mum", "moved": "came", "petitions": "letters", "nights": "evenings", "idea": "notion",
    "children": "kids", "someone": "somebody", "put": "set", "read": "studied", "consultation": "survey",
    "alone": "only", "officers": "staff", "whatever": "what", "rug": "carpet", "reversed": "undone", "signed": "agreed",
    "emails": "messages", "saving": "cut", "trouble": "difficulty", "duty": "responsibility", "loudly": "clearly",
    "alternative": "option", "leaflet": "flyer", "worried": "anxious", "listening": "hearing", "paid": "given",
    "campaigners": "protesters", "decided": "settled",
}  # fmt: skip

# Auxiliaries after which a "not" can be put into a quote.
NEGATABLE = ("is", "are", "was", "were", "will", "can", "should", "must", "would", "could")

# Page furniture.
NAV_SECTIONS = (
    "News", "Local", "Sport", "Business", "Politics", "Health", "Education", "Environment", "Transport",
    "Property", "Opinion", "Letters", "Weather", "Traffic", "Travel", "What's On", "Food & Drink",
    "Puzzles", "Obituaries", "Announcements", "Jobs", "Motors", "Photos", "Video", "Podcasts",
    "Newsletters",
)  # fmt: skip
SPORT_SECTIONS = ("Football", "Rugby", "Cricket", "Sailing", "Athletics", "Results", "Fixtures", "Tables")
FOOTER_LINKS = (
    "About us", "Contact us", "Advertise with us", "Work for us", "Terms and conditions", "Privacy notice",
    "Cookie policy", "Cookie settings", "Accessibility", "Complaints", "Corrections", "Subscribe",
    "Digital edition", "Archive", "Sitemap", "RSS feeds", "Reader panel", "Help centre",
)  # fmt: skip
AD_VENDORS = (
    "Adspring", "Metricly", "Tallyho Analytics", "Bidwell Exchange", "Lanternfish Media", "Cobalt Audience",
    "Pinecone Ads", "Quillmark", "Sextant Data", "Brightpath Measurement", "Kelpie Networks", "Orrery Insights",
    "Fathom Reach", "Gannet Bidding", "Harrow Segments", "Inkwell Ads", "Jetty Metrics", "Keystone Audience",
)  # fmt: skip
CSS_BLOCKS = (
    "site-header", "primary-nav", "secondary-nav", "story", "story-body", "byline", "dateline", "kicker",
    "standfirst", "ad-slot", "consent", "comments", "comment", "site-footer", "related", "teaser", "card",
    "most-read", "share", "tags", "newsletter", "search", "figure", "caption", "button", "pagination",
)  # fmt: skip
CSS_ELEMENTS = ("", "", "__title", "__link", "__item", "__list", "__meta", "__image", "__label", "__inner")
CSS_MODIFIERS = ("", "", "", "--active", "--large", "--compact", "--dark", "--sticky", "--hidden")
CSS_DECLARATIONS = (
    "display:flex", "display:block", "display:grid", "display:none", "margin:0", "margin:0 auto",
    "padding:4px 8px", "padding:12px 16px", "padding:0 0 24px", "color:#1a1a1a", "color:#5b6770",
    "color:#0b4f8a", "background:#fff", "background:#f4f1ea", "background:#0b2e4f", "font-size:14px",
    "font-size:1.125rem", "font-size:2.25rem", "line-height:1.45", "font-weight:700", "border:0",
    "border-bottom:1px solid #d9d4c7", "border-radius:4px", "gap:12px", "grid-template-columns:repeat(4,1fr)",
    "max-width:1180px", "width:100%", "position:relative", "position:sticky", "top:0", "z-index:20",
    "text-decoration:none", "text-transform:uppercase", "letter-spacing:.04em", "overflow:hidden",
    "cursor:pointer", "transition:opacity .2s ease", "opacity:.85", "flex-wrap:wrap", "align-items:center",
)  # fmt: skip
