"""Word lists the extractor leans on: speech verbs, pronouns, nominals, outlet cues.

Kept in one place so that a newsroom can read (and extend) what counts as a cue.
Everything here is data or a regular expression built from data; no logic.
"""

from __future__ import annotations

import re

# Verbs that introduce speech, in every form a news story uses. The base form is
# listed first; "said" is irregular, so forms are spelled out rather than derived.
_SPEECH_VERB_FORMS: tuple[str, ...] = (
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "write writes wrote writing written",
    "report reports reported reporting",
    "claim claims claimed claiming",
    "insist insists insisted insisting",
    "warn warns warned warning",
    "deny denies denied denying",
    "explain explains explained explaining",
    "note notes noted noting",
    "state states stated stating",
    "announce announces announced announcing",
    "argue argues argued arguing",
    "ask asks asked asking",
    "continue continues continued continuing",
    "recall recalls recalled recalling",
    "declare declares declared declaring",
    "tweet tweets tweeted tweeting",
    "emailed e-mailed texted messaged",  # past forms only: "email", "text", "message" are nouns first
    "post posts posted posting",
    "admit admits admitted admitting",
    "acknowledge acknowledges acknowledged acknowledging",
    "suggest suggests suggested suggesting",
    "predict predicts predicted predicting",
    "respond responds responded responding",
    "reply replies replied replying",
    "answer answers answered answering",
    "conclude concludes concluded concluding",
    "concede concedes conceded conceding",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised",
    "stress stresses stressed stressing",
    "joke jokes joked joking",
    "quip quips quipped quipping",
    "complain complains complained complaining",
    "confirm confirms confirmed confirming",
    "allege alleges alleged alleging",
    "assert asserts asserted asserting",
    "testify testifies testified testifying",
    "urge urges urged urging",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "maintain maintains maintained maintaining",
    "contend contends contended contending",
    "observe observes observed observing",
    "remark remarks remarked remarking",
    "shout shouts shouted shouting",
    "yell yells yelled yelling",
    "chant chants chanted chanting",
    "boast boasts boasted boasting",
    "brag brags bragged bragging",
    "demand demands demanded demanding",
    "mention mentions mentioned mentioning",
    "point pointed",  # "pointed out"
    "tell told",
    "wonder wonders wondered wondering",
    "agree agrees agreed agreeing",
    "counter counters countered countering",
    "insist insisted",
    "caution cautions cautioned cautioning",
    "reveal reveals revealed revealing",
    "recount recounts recounted recounting",
    "describe describes described describing",
    "disclose discloses disclosed disclosing",
    "pledge pledges pledged pledging",
    "repeat repeats repeated repeating",
    "reiterate reiterates reiterated reiterating",
    "comment comments commented commenting",
    "estimate estimates estimated estimating",
    "reckon reckons reckoned",  # "She reckons she has made it 140,000 times": British for "estimates"
    "charge charges charged",
    "scoff scoffs scoffed",
    "sigh sighs sighed",
    "whisper whispers whispered",
    "exclaim exclaims exclaimed",
    "thunder thundered",
    "proclaim proclaims proclaimed",
    "blast blasts blasted",
    "fire fired",  # "fired back"
    "shoot shot",  # "shot back"
    "hit hits",  # "hit back"
    "learn learned learnt",  # "has learned" (an outlet's own reporting)
    "believe believes believed",
    "think thinks thought",
    "expect expects expected",
    "accuse accuses accused accusing",
    "predict predicted",
    "hope hopes hoped",
    "fear fears feared",
    "acknowledge acknowledged",
    "indicate indicates indicated indicating",
    "signal signals signaled signalled",
)

SPEECH_VERBS: frozenset[str] = frozenset(w for line in _SPEECH_VERB_FORMS for w in line.split())


def verb_forms(bases: str) -> frozenset[str]:
    """Every listed form of the given verbs: "say tell" -> say, says, said, saying, tell, …"""
    wanted = set(bases.split())
    return frozenset(w for line in _SPEECH_VERB_FORMS if line.split()[0] in wanted for w in line.split())

# Verbs that are strong enough to carry a quote or a reported clause on their own
# when the text gives no other cue (used for reported speech). Belief verbs such
# as "think" are here because news attributes beliefs the same way.
REPORTING_VERBS: frozenset[str] = SPEECH_VERBS - frozenset(
    {"point", "pointed", "fire", "fired", "shoot", "shot", "hit", "hits", "continue", "continues",
     "continued", "continuing", "describe", "describes", "described", "describing", "post",
     "posts", "posted", "posting", "charge", "charges", "charged", "blast", "blasts", "blasted",
     "accuse", "accuses", "accused", "accusing", "comment", "comments", "commented", "commenting",
     "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering", "repeat",
     "repeats", "repeated", "repeating", "sigh", "sighs", "sighed", "whisper", "whispers",
     "whispered", "exclaim", "exclaims", "exclaimed", "thunder", "thundered", "scoff", "scoffs",
     "scoffed", "joke", "jokes", "joked", "joking", "quip", "quips", "quipped", "quipping",
     "shout", "shouts", "shouted", "shouting", "yell", "yells", "yelled", "yelling", "chant",
     "chants", "chanted", "chanting", "demand", "demands", "demanded", "demanding", "urge",
     "urges", "urged", "urging", "answer", "answers", "answered", "answering", "respond",
     "responds", "responded", "responding", "mention", "mentions", "mentioned", "mentioning"}
)  # fmt: skip

# Verbs that attribute a quoted word to someone without being speech verbs:
# "slammed the reports as “gibberish”", "called it “a disgrace”".
EVALUATIVE_VERBS: frozenset[str] = frozenset(
    "slam slams slammed call calls called calling describe describes described describing "
    "dismiss dismisses dismissed dismissing brand brands branded label labels labeled labelled "
    "denounce denounces denounced condemn condemns condemned praise praises praised criticize "
    "criticizes criticized criticise criticised decry decries decried blast blasts blasted "
    "dub dubs dubbed term terms termed characterize characterized characterise characterised "
    "hail hails hailed deride derides derided mock mocks mocked attack attacks attacked".split()
)

# Auxiliaries and adverbs that may sit between a speaker and the speech verb
# ("has also said", "later told"), skipped when reading the speaker.
ADVERBIALS: frozenset[str] = frozenset(
    "also later then previously earlier recently again once further has have had would will "
    "has had repeatedly publicly privately initially originally first last this yesterday today "
    "tonight on in at separately subsequently immediately quickly simply flatly angrily bluntly "
    "reportedly allegedly apparently since just already even still never not did does do "
    "is was were are been be being who which that ultimately finally curtly firmly openly "
    "specifically frequently often always emphatically forcefully calmly falsely wrongly incorrectly "
    "correctly rightly accurately erroneously mistakenly".split()
)

TIME_WORDS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|"
    r"morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|"
    r"aug\.|sept\.|sep\.|oct\.|nov\.|dec\.)"
)

PERSONAL_PRONOUNS: dict[str, str] = {
    # pronoun -> the kind of antecedent it can take
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "thing",
    "i": "first",
    "we": "first",
}

# Nominals that refer back to a speaker already named: "the group said".
# Each maps to words that a fitting antecedent's name (or description) contains,
# or to a class of antecedent ("org" or "person").
NOMINAL_HEADS: dict[str, tuple[str, ...]] = {
    "group": ("org",),
    "organisation": ("org",),
    "organization": ("org",),
    "network": ("network", "org"),
    "company": ("org",),
    "firm": ("org",),
    "agency": ("org",),
    "campaign": ("campaign", "org"),
    "committee": ("committee", "org"),
    "ministry": ("ministry", "org"),
    "department": ("department", "org"),
    "party": ("party", "org"),
    "charity": ("org",),
    "union": ("union", "org"),
    "council": ("council", "org"),
    "court": ("court",),
    "report": ("report",),
    "newspaper": ("org", "named"),
    "paper": ("org", "named"),
    "daily": ("org", "named"),
    "weekly": ("org", "named"),
    "broadcaster": ("org", "named"),
    "anchor": ("anchor", "person"),
    "host": ("host", "person"),
    "presenter": ("presenter", "person"),
    "outlet": ("org",),
    "government": ("government", "org"),
    "administration": ("administration", "org"),
    "minister": ("minister",),
    "president": ("president",),
    "senator": ("senator", "sen."),
    "governor": ("governor", "gov."),
    "mayor": ("mayor",),
    "spokesman": ("spokesman", "spokesperson", "press secretary"),
    "spokeswoman": ("spokeswoman", "spokesperson", "press secretary"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "official": ("official", "minister", "secretary", "spokes"),
    "candidate": ("candidate", "nominee", "person"),
    "nominee": ("nominee", "candidate", "person"),
    "congressman": ("rep.", "congressman", "person"),
    "congresswoman": ("rep.", "congresswoman", "person"),
    "lawmaker": ("rep.", "sen.", "senator", "lawmaker", "person"),
    "doctor": ("doctor", "dr."),
    "founder": ("founder",),
    "chairman": ("chairman",),
    "chief": ("chief",),
    "director": ("director",),
    "lawyer": ("lawyer", "attorney"),
    "attorney": ("attorney", "lawyer"),
    "businessman": ("businessman", "person"),
    "billionaire": ("billionaire", "person"),
    "secretary": ("secretary",),
    "victim": ("victim",),
    "witness": ("witness",),
    "source": ("source",),
    "activist": ("activist",),
    "researcher": ("researcher",),
    "expert": ("expert",),
    "woman": ("female", "woman"),
    "man": ("male", "man"),
}

# Words that mark a name as an organisation rather than a person.
ORG_WORDS: frozenset[str] = frozenset(
    "network group committee campaign department ministry agency party association council "
    "union inc inc. corp corp. company commission court office service police times post news "
    "press reuters ap afp bbc cnn nbc abc cbs fox msnbc hbo guardian independent telegraph "
    "journal gazeta gazette tribune herald institute foundation university college center centre "
    "organisation organization government administration coalition league federation board "
    "bureau senate house congress parliament kremlin pentagon army navy watch amnesty fund bank "
    "channel magazine daily newspaper website team staff spokespeople "
    "campaigns officials authorities sources group's network's".split()
)


MALE_WORDS: frozenset[str] = frozenset(
    "mr mr. he him his man boy father son brother husband king prince sir lord chairman "
    "spokesman congressman businessman".split()
)
FEMALE_WORDS: frozenset[str] = frozenset(
    "mrs mrs. ms ms. she her woman girl mother daughter sister wife queen princess lady "
    "chairwoman spokeswoman congresswoman businesswoman widow actress".split()
)

# Plural speakers ("officials said") that "they" can refer to.
PLURAL_HEADS: frozenset[str] = frozenset(
    "officials sources authorities critics aides advisers advisors analysts experts residents "
    "witnesses victims people activists researchers lawmakers democrats republicans members "
    "police investigators prosecutors leaders supporters voters organizers organisers staff "
    "doctors economists scientists observers diplomats others "
    # groups a feature or a regional story quotes: "Colleagues recall …", "Friends say …"
    "colleagues friends neighbours neighbors relatives campaigners parents fans villagers councillors locals "
    "volunteers teachers nurses engineers teammates pupils students protesters".split()
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt prof rev jr sr vs inc corp co ltd no "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc approx est "
    "ft mt ave blvd dept univ assn bros D.C Wash Calif Fla Ill Mass Mich N.Y N.J Pa Va Ky "
    "Tenn Tex Ariz Colo Conn Del Ga Ind Kan La Md Minn Miss Mo Mont Neb Nev N.C N.D N.H N.M "
    "Okla Ore R.I S.C S.D Vt W.Va Wis Wyo Ala Ark".lower().split()
)

# "in an interview with HBO", "in a statement", "on X", "reported by The Independent".
OUTLET_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:[Ii]n|[Dd]uring)\s+(?:an?\s+)?(?:(?:exclusive|recent|televised|radio|TV|phone|telephone|"
        r"separate|email|e-mail|written)\s+)?interview\s+(?:with|on|to)\s+"
        r"(?P<outlet>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*){0,4})"
    ),
    re.compile(
        r"\b(?:reported|published|first\s+reported|according\s+to\s+a\s+report)\s+(?:by|in)\s+"
        r"(?:(?:the\s+)?(?:[A-Z]{2,}|[A-Z][a-z]+)’s\s+)?"
        r"(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*){0,4})"
    ),
    re.compile(
        r"\b(?:wrote|posted|said|tweeted|announced|declared|added|claimed|shared)\s+(?:\w+\s+)?"
        r"on\s+(?P<outlet>(?:X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|Truth\s+Social|"
        r"LinkedIn|Threads|Bluesky|Mastodon|VKontakte|VK|Weibo|WeChat|Reddit|Substack)\b|"
        r"(?:his|her|their|its)\s+(?:\w+\s+)?(?:blog|website|page|account|channel|podcast|show))"
    ),
    re.compile(
        r"\b[Ii]n\s+(?P<outlet>(?:a|an|the|his|her|their|its)\s+(?:(?:\w+|[\w-]+)\s+){0,2}?"
        r"(?:statement|press\s+release|report|letter|op-ed|post|tweet|email|e-mail|memo|"
        r"blog\s+post|speech|filing|affidavit|testimony|podcast|essay|column|book|video|"
        r"briefing|press\s+conference|news\s+conference))\b"
    ),
    re.compile(
        r"\b(?:told|said\s+to|speaking\s+to|in\s+comments\s+to)\s+"
        r"(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w’'&-]*(?:(?:\s+(?:of\s+|the\s+)?|/)[A-Z][\w’'&-]*){0,5})"
    ),
)

# Words each of OUTLET_PATTERNS needs (any one of them), in order: a text with none is not searched.
OUTLET_PATTERN_NEEDS: tuple[tuple[str, ...], ...] = (
    ("interview",),
    ("report", "published"),
    ("wrote", "posted", "said", "tweeted", "announced", "declared", "added", "claimed", "shared"),
    ("statement", "release", "report", "letter", "op-ed", "post", "tweet", "mail", "memo", "speech", "filing",
     "affidavit", "testimony", "podcast", "essay", "column", "book", "video", "briefing", "conference"),
    ("told", "said", "speaking", "comments"),
)

# Names that are outlets (news organisations, wires, platforms) when told-to or named.
KNOWN_OUTLET_WORDS: frozenset[str] = frozenset(
    "reuters ap afp bbc cnn nbc abc cbs fox msnbc hbo npr pbs bloomberg politico axios "
    "guardian independent telegraph times post journal gazeta gazette tribune herald news "
    "press radio magazine network agency wire daily tv television channel x twitter facebook "
    "instagram telegram tiktok youtube interfax tass ria novosti huffington buzzfeed vox "
    "breitbart hill atlantic newsweek economist usa today".split()
)

# Common given names whose bearer the text will most likely call "he" or "she".
# Only a hint for pronoun resolution: what the text itself says ("Mr.", "she said"
# after the name) always wins.
MALE_GIVEN_NAMES: frozenset[str] = frozenset(
    "aaron adam alan albert alex alexander alexei andrew anthony antonio arthur barack ben benjamin "
    "bernie bill bob brian bruce carl carlos charles chris christopher chuck dan daniel david dennis "
    "dmitry donald doug douglas ed edward eric frank fred gary george gerald greg gregory harry "
    "henry hugh ian igor ivan jack jacob james jason jeb jeff jeffrey jim jimmy joe john jonathan "
    "jose joseph josh juan justin keith ken kevin larry luis marco mark martin matt matthew michael "
    "mike mitch mohammed muhammad nick nicholas oleg pablo patrick paul peter phil philip ramzan "
    "ray richard rick robert roger ron ronald rudy ryan sam samuel scott sean sergei stephen steve "
    "steven ted terry thomas tim timothy tom tony vladimir walter william".split()
)
FEMALE_GIVEN_NAMES: frozenset[str] = frozenset(
    "alice amanda amy angela ann anna anne barbara betty betsy carla carol caroline catherine "
    "chelsea christine claire cynthia deborah debbie diana diane donna dorothy elizabeth ellen "
    "emily emma hannah heather helen hillary irina jane janet jennifer jessica jill joan joanna "
    "judith julia julie karen kate katherine kathleen kathy kelly kellyanne kim laura lauren linda "
    "lisa lois margaret maria marie marina martha mary melania melanie michelle nancy natalia "
    "nicole nikki olga pamela patricia rachel rebecca ruth sarah sharon sophie stephanie susan "
    "svetlana tatiana theresa valerie victoria virginia".split()
)


# Word classes the speaker and cue finder (``verify.claims.attribution``) reads phrases with.
DETERMINERS = frozenset(
    "a an the one another two three four five some several many most other his her their its our "
    "this that these those each both all no any your my".split()
)
# Words that open an introductory phrase before the subject ("In an interview, ...").
INTRO_WORDS = frozenset(
    "in on at after before during last earlier later but however meanwhile asked speaking when "
    "while instead still yet now today yesterday separately according since as with without despite "
    "following for from under through to by of about like unlike although though because if so and "
    "then also indeed moreover furthermore writing responding referring addressing in a an the "
    "monday tuesday wednesday thursday friday saturday sunday recently previously first finally "
    "overall elsewhere here there this that back once".split()
)
LEADING_CONJUNCTIONS = frozenset("and but so yet then also while meanwhile however or plus what even".split())
SUBORDINATORS = frozenset(
    "when while because if as after before since although though until unless whether where "
    "which who whom whose what how why that but and or so than".split()
)
PREPOSITIONS = frozenset(
    "by of from with to for at in on about into onto over under between against among "
    "through during after before without".split()
)
AMBIGUOUS_VERBS = frozenset(
    "state states note notes report reports claim claims post posts charge charges fire hit hits "
    "point counter answer answers comment comments hope hopes fear fears repeat promise promises "
    "pledge pledges vow vows demand demands estimate estimates caution joke jokes quip tweet tweets "
    "remark remarks stress warning testimony call calls attack attacks mention mentions reply "
    "replies insist deny add write".split()
)
NP_STOP = frozenset(
    "who which that after before when while on in at during since last this as because if "
    "one-year earlier later".split()
)
BAD_ENDINGS = frozenset(
    "and or but to of the a an with for in on at by from that which who as while than nor".split()
)
CLAUSE_WORDS = frozenset(
    "is was are were has have had can could will would shall should may might must do does did "
    "seemed seems appeared appears began begins went goes got gets made makes took takes became "
    "becomes there you to whom which whose".split()
)
NOT_PLURALS = frozenset("this his its was has is us yes thus always perhaps sometimes news".split())
SAID = frozenset("said says told tells added adds wrote writes".split())
ED_NOUNS = frozenset("red bed seed need creed united reed".split())
PARTICLES = frozenset({"out", "back", "up", "on"})

# Words a phrase of time, date or quantity is made of: "Three weeks later", "Last Monday",
# "10:30", "2024", "40 percent". Such a phrase never speaks and is never a statement. "May" is
# left out: it is also a surname that speaks.
_TIME_OR_NUMBER_WORDS = frozenset(
    "a an the some few several many last this next past previous following later earlier ago after before "
    "early late mid on in at of by until since about around nearly almost over under more than less just only "
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries time times morning mornings afternoon evening night nights weekend weekends today "
    "tonight yesterday tomorrow now then once twice spring summer autumn fall winter season quarter "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "a.m p.m am pm noon midnight percent per cent percentage point points half dozen dozens hundreds "
    "thousands millions one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion first third fourth fifth".split()
)
_NUMBER_TOKEN = re.compile(r"[\d.,:%$£€/'’s-]+|\d+(?:st|nd|rd|th|s)")


_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries morning mornings afternoon evening night nights weekend weekends today tonight "
    "yesterday tomorrow noon midnight a.m p.m am pm monday tuesday wednesday thursday friday saturday sunday "
    "january february march april june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec spring summer autumn winter".split()
)


def only_time_or_number(norms: list[str]) -> bool:
    """Whether words (lower case, no final dot) make only a time, date or quantity phrase."""
    return bool(norms) and all(n in _TIME_OR_NUMBER_WORDS or _NUMBER_TOKEN.fullmatch(n) for n in norms)


def names_a_time(norms: list[str]) -> bool:
    """A time, a date or a bare figure ("Three weeks", "Monday", "2024", "10:30"); not a share of
    people ("Some", "Half", "Three", "63 percent"), which may speak."""
    if not only_time_or_number(norms) or any(n in {"percent", "cent"} or n.endswith("%") for n in norms):
        return False
    return any(n in _TIME_UNITS or any(c.isdigit() for c in n) for n in norms)

# Countries, capitals and seats of government that news writes as speakers ("Moscow denied",
# "Kyiv said"): such a place stands for its government, an organisation, never "he" or "she".
PLACES = frozenset(
    "afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus "
    "belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo "
    "croatia cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france "
    "germany ghana greece guatemala haiti honduras hungary iceland indonesia iran iraq ireland "
    "italy japan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania "
    "luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar burma nepal "
    "netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines "
    "poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan "
    "sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine "
    "uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe america scotland wales england "
    "moscow kyiv kiev beijing tehran pyongyang seoul tokyo london berlin brussels ankara damascus "
    "baghdad kabul islamabad delhi jerusalem cairo riyadh havana caracas ottawa canberra rome madrid warsaw "
    "minsk budapest athens taipei hanoi manila jakarta bangkok nairobi pretoria abuja doha beirut amman "
    "tripoli khartoum kinshasa vienna bern stockholm oslo copenhagen helsinki dublin lisbon prague bucharest "
    "sofia belgrade zagreb vilnius riga tallinn tbilisi yerevan baku astana tashkent westminster whitehall "
    "holyrood brasilia bogota ramallah gaza tel-aviv the-kremlin kremlin".split()
)
