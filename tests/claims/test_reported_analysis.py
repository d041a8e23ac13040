"""Reported speech in political analysis, fact-checks, columns and campaign features.

Each row is a short fictional sentence in the shape such pieces write it: a statement and
the writer's own comment after it, polls and studies, posts described, page furniture. The
expected reported claims are (content, speaker as written) in order; rows that expect
nothing are forms that state no one's words.
"""

from __future__ import annotations

import pytest

from tests.helpers import claims_of
from verify.model import ClaimKind

ROWS: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    # (id, text, [(content, speaker)])
    # the writer's noun for the statement, with what others make of it, is no part of it
    (
        "summary-claim-a-name-disputes",
        "Vale said the pier was unsafe, a claim Lind disputes.",
        [("the pier was unsafe", "Vale")],
    ),
    (
        "summary-position-shared",
        "Dunmore argued that trade deals cost jobs, a position many of my neighbours share.",
        [("trade deals cost jobs", "Dunmore")],
    ),
    (
        "summary-account-plural-disputes",
        "Ruiz said the payments were fees for past work, an account prosecutors dispute.",
        [("the payments were fees for past work", "Ruiz")],
    ),
    (
        "summary-view-shared-after-dash",
        "Rao argued that the real problem was social care — a view shared by most officers.",
        [("the real problem was social care", "Rao")],
    ),
    (
        "summary-figure-not-published",
        "Oduya said the answer depended on visitor numbers, a figure the county does not publish.",
        [("the answer depended on visitor numbers", "Oduya")],
    ),
    (
        "summary-argument-that-has",
        "Hurst argued that a senator needs experience — an argument that has not, so far, moved voters.",
        [("a senator needs experience", "Hurst")],
    ),
    # the writer's or the speaker's other words after the statement
    (
        "which-she-denies",
        "Allies argue that Hollis is too close to the party, which she denies.",
        [("Hollis is too close to the party", "Allies")],
    ),
    (
        "calling-the-charges-baseless",
        "Brandt denied taking bribes from a developer, calling the charges baseless.",
        [("taking bribes from a developer", "Brandt")],
    ),
    (
        "denied-a-gerund",
        "The mayor on Monday denied taking bribes from a developer.",
        [("taking bribes from a developer", "The mayor")],
    ),
    (
        "and-calling-it",
        "Lindgren said the city would keep every library open, calling the plan prudent.",
        [("the city would keep every library open", "Lindgren")],
    ),
    (
        "bracketed-correction",
        "Marsh said the governor had cut the rate twice (he had cut it once, in 2022).",
        [("the governor had cut the rate twice", "Marsh")],
    ),
    (
        "bracketed-it-had-not",
        "Sollis said the bridge had come in under budget (it had not).",
        [("the bridge had come in under budget", "Sollis")],
    ),
    (
        "bracketed-phrase-stays",
        "Sollis said the bridge would open in spring (by April at the latest).",
        [("the bridge would open in spring (by April at the latest)", "Sollis")],
    ),
    # another's answer or another attribution after ", and" ends the statement
    (
        "and-a-name-disagreed",
        "Freel said the cap would cost less than half as much, and Bray disagreed.",
        [("the cap would cost less than half as much", "Freel")],
    ),
    (
        "and-the-contractor-disputed",
        "Sollis argued that the overrun was caused by a steel shortage, and the contractor disputed it.",
        [("the overrun was caused by a steel shortage", "Sollis")],
    ),
    (
        "and-another-said",
        "The league has said it will ask members to attend, and Tull said she would be there too.",
        [("it will ask members to attend", "The league"), ("she would be there too", "Tull")],
    ),
    (
        "and-a-clause-of-the-statement",
        "Vale said the pier was old, and the council would have to repair it.",
        [("the pier was old, and the council would have to repair it", "Vale")],
    ),
    # the speaker's next act after "and" is no part of the statement
    (
        "and-urged",
        "A council spokesperson said discounts were available for low incomes and urged residents to apply.",
        [("discounts were available for low incomes", "A council spokesperson")],
    ),
    (
        "and-accused",
        "Wilde said the congressman had secured 40 million for roads and accused Hollis of grandstanding.",
        [("the congressman had secured 40 million for roads", "Wilde")],
    ),
    (
        "and-cautioned-against",
        "Bright said the sample of 510 was small and cautioned against reading too much into it.",
        [("the sample of 510 was small", "Bright")],
    ),
    (
        "and-declined-to-say",
        "Varga said he would sit down with the buyers and declined to say more.",
        [("he would sit down with the buyers", "Varga")],
    ),
    ("too-little-left", "A spokesperson said they were and pointed me to the manifesto.", []),
    (
        "subjects-own-refusal-stays",
        "Police said the man had a gun and refused to drop it.",
        [("the man had a gun and refused to drop it", "Police")],
    ),
    # "think tank" is a noun: its subject speaks at the cue after it
    (
        "think-tank",
        "The Institute for Budget Research, an independent think tank, said the government would need £20bn.",
        [("the government would need £20bn", "The Institute for Budget Research")],
    ),
    # a verdict before a colon is the writer's; the trailing cue credits what follows the colon
    (
        "colon-then-according-to",
        "That's not quite right: the committee sat for six days, according to the record.",
        [("the committee sat for six days", "the record")],
    ),
    (
        "colon-then-trailing-cue",
        "Not quite: the poll asked both questions, the institute said.",
        [("the poll asked both questions", "the institute")],
    ),
    # page furniture and the writer's supposed speakers state no one's words
    (
        "explainer-title-in-a-list",
        "Read more:\n\n- Five things to know about the 4th District\n- Terrell's record on farm policy, explained",
        [],
    ),
    (
        "heres-what-they-say",
        "The pension fund is not going broke. Here's what the numbers actually say\n\nListen to them.",
        [],
    ),
    (
        "cue-alone-still-credits",
        "The ferry will run again. The harbour master said Tuesday.",
        [("The ferry will run again", "The harbour master")],
    ),
    ("anyone-who-tells-you", "Anyone who tells you the question is settled is selling something.", []),
    ("who-says-after-a-name", "Lind, who says the pier is safe, has not seen it.", [("the pier is safe", "Lind")]),
    # a trailing "told" and whom it was told credit the whole sentence, a cue inside it included
    (
        "trailing-have-told-an-outlet",
        "The Greens believe they can win the seat, senior party figures have told the Gazette.",
        [("The Greens believe they can win the seat", "senior party figures")],
    ),
    (
        "trailing-told-reporters-when",
        "The Greens believe they can win the seat, officials told reporters on Monday.",
        [("The Greens believe they can win the seat", "officials")],
    ),
    # posts and labels described: what the message says, not the thing made
    (
        "added-a-label-saying",
        "Facebook added a label to the post on Tuesday saying fact-checkers had found it false.",
        [("fact-checkers had found it false", "Facebook")],
    ),
    (
        "wrote-a-letter-saying",
        "Vale wrote a letter to the council saying the pier was unsafe.",
        [("the pier was unsafe", "Vale")],
    ),
    (
        "said-a-report-saying-stays",
        "Lind said a report saying the pier was unsafe had been ignored.",
        [("a report saying the pier was unsafe had been ignored", "Lind")],
    ),
    (
        "wrote-above-it-that",
        "Malloy, who wrote above it that voters should ask questions, later deleted it.",
        [("voters should ask questions", "Malloy")],
    ),
    (
        "what-it-said-was",
        'The post, which appeared on a page called "Patriots Watch," included what it said was a memo.',
        [("was a memo", None)],
    ),
    # "no" opens the clause's subject when its verb follows
    ("said-no-money-is", "The authority has said no money is missing.", [("no money is missing", "The authority")]),
    ("said-no-one-was", "Police said no one was hurt in the fire.", [("no one was hurt in the fire", "Police")]),
    (
        "said-no-decision-had",
        "A spokesman said no decision had been made.",
        [("no decision had been made", "A spokesman")],
    ),
    ("said-no-more-questions", "Lind said no more questions.", []),
    ("said-no-to", "Vale said no to the plan.", []),
    # a study or report as the speaker: "report" before its verb is the noun; an irregular past opens the clause
    (
        "annual-report-says",
        "The state police's annual report says violent crime rose 6 percent.",
        [("violent crime rose 6 percent", "The state police's annual report")],
    ),
    ("said-fares-fell", "Lind said bus fares fell sharply last year.", [("bus fares fell sharply last year", "Lind")]),
    # what a study, poll or report found is its statement; other things found are not
    (
        "report-found-that",
        "The report found that support had fallen in every district.",
        [("support had fallen in every district", "The report")],
    ),
    (
        "poll-found-a-name-ahead",
        "A poll released last week by Fenwick College found Terrell ahead by four points.",
        [("Terrell ahead by four points", "Fenwick College")],
    ),
    (
        "survey-found-then-said",
        "The survey by Larkfield found that 29 per cent expected it, while 54 per cent said it would not.",
        [("29 per cent expected it", "The survey by Larkfield"), ("it would not", "54 per cent")],
    ),
    ("police-found-a-gun", "Police found the gun in a car.", []),
    ("study-found-a-link", "The study found a link between diet and sleep.", []),
    # subjects of analysis copy: a participle with its agent, a demonstrative at the start
    (
        "petition-signed-by",
        "A petition signed by 3,000 people says the lights are too bright.",
        [("the lights are too bright", "A petition signed by 3,000 people")],
    ),
    (
        "that-memo-obtained-by",
        "That memo, obtained by the Beacon, warned that the city faced a gap of 11 million dollars.",
        [("the city faced a gap of 11 million dollars", "That memo")],
    ),
    (
        "man-arrested-by-police",
        "The man arrested by police said he was innocent.",
        [("he was innocent", "The man arrested by police")],
    ),
    # posts and polls: a scene with no comma before the pronoun, whom the writer asked, a share
    (
        "frame-then-pronoun",
        "In a third post he claimed the governor had known since March.",
        [("the governor had known since March", None)],
    ),
    (
        "economists-we-spoke-to",
        "Economists we spoke to said the rise was in line with costs.",
        [("the rise was in line with costs", "Economists")],
    ),
    (
        "far-fewer-after-semicolon",
        "Most said they wanted the ferry; far fewer said they would pay more for it.",
        [("they wanted the ferry", "Most"), ("they would pay more for it", "far fewer")],
    ),
    ("posted-that", "An hour later he posted that the chief should resign.", [("the chief should resign", None)]),
    (
        "projects-that",
        "The revenue office projects that the rate will reach 130 dollars.",
        [("the rate will reach 130 dollars", "The revenue office")],
    ),
    ("posted-that-notice", "The council posted that notice on Monday.", []),
    (
        "posted-again-saying",
        "On Friday afternoon he posted again, saying he stood by every question.",
        [("he stood by every question", None)],
    ),
    # when, with no comma before the subject
    (
        "on-friday-his-office",
        "The map was old. On Friday his office said the speaker respected the decision.",
        [("the speaker respected the decision", "his office")],
    ),
    ("on-monday-a-name", "On Monday Lind said the pier was unsafe.", [("the pier was unsafe", "Lind")]),
    ("in-may-the-council", "In May the council said the pier was unsafe.", [("the pier was unsafe", "the council")]),
    # a second clause after a semicolon has its own subject; a plural before a base form is its subject
    (
        "semicolon-then-plural-claim",
        "Court strikes down voting map; both parties claim they saw it coming",
        [("they saw it coming", "both parties")],
    ),
    ("the-news-report-stays-a-noun", "The news report that the pier closed was wrong.", []),
    # the writer's note on the statement's grounds or truth
    (
        "without-offering-evidence",
        "Ferris claimed the governor had known since March, without offering evidence.",
        [("the governor had known since March", "Ferris")],
    ),
    (
        "which-it-has-not-done",
        "The study warned that the fund could run dry if the state stopped paying, which it has not done.",
        [("the fund could run dry if the state stopped paying", "The study")],
    ),
    (
        "which-is-not-the-same",
        "A spokesman said no decision had been made, which is not the same as no.",
        [("no decision had been made", "A spokesman")],
    ),
    # a second cue of the same speaker whose words are a quotation ends the statement
    (
        "and-added-a-quotation",
        'Lind said the pier was unsafe and added, "We cannot wait."',
        [("the pier was unsafe", "Lind")],
    ),
    (
        "saying-then-and-added-colon",
        'He posted again, saying he stood by "every question" he had asked, and added: "Answers."',
        [('he stood by "every question" he had asked', None)],
    ),
    (
        "plural-subject-with-who",
        "The district said customers who use less than 3,000 gallons would see smaller rises.",
        [("customers who use less than 3,000 gallons would see smaller rises", "The district")],
    ),
    (
        "told-voters-who-then-that",
        "Lind told voters who came to the hall that the pier was unsafe.",
        [("the pier was unsafe", "Lind")],
    ),
    (
        "spent-the-week-arguing",
        "The council spent the week arguing the pier was safe.",
        [("the pier was safe", "The council")],
    ),
    # an object's statement ends at the writer's clause of what happens meanwhile
    (
        "denies-charges-as",
        "The mayor on Monday denied all the charges against him as the council weighed its next move.",
        [("all the charges against him", "The mayor")],
    ),
    (
        "announced-closure-amid",
        "The port announced the closure of the pier amid protests.",
        [("the closure of the pier", "The port")],
    ),
    (
        "denied-that-clause-as-stays",
        "The mayor denied that he took bribes as the council met.",
        [("he took bribes as the council met", "The mayor")],
    ),
    # ", and" a new subject with a plain past: the writer's next sentence, unless the statement is told in it
    (
        "and-his-lawyer-provided",
        "Varga says the debt was settled in 2021, and his lawyer, Hiram Stoke, provided a letter.",
        [("the debt was settled in 2021", "Varga")],
    ),
    (
        "and-the-council-had-known-stays",
        "Lind said the pier was old, and the council had known it.",
        [("the pier was old, and the council had known it", "Lind")],
    ),
    (
        "plain-past-throughout-stays",
        "Lind said the pier closed in May, and the ferries stopped.",
        [("the pier closed in May, and the ferries stopped", "Lind")],
    ),
    (
        "weeks-before-the-writers-when",
        "The board said it had opened its own inquiry in March, weeks before the charges were filed.",
        [("it had opened its own inquiry in March", "The board")],
    ),
    (
        "weeks-after-without-comma-stays",
        "Lind said the pier would reopen two weeks after the storm.",
        [("the pier would reopen two weeks after the storm", "Lind")],
    ),
    (
        "survey-in-early-october-found",
        "A survey for the Sentinel in early October found 52 percent of voters in favor.",
        [("52 percent of voters in favor", "A survey for the Sentinel")],
    ),
    (
        "audit-that-found",
        "Kell pointed to a state audit that found consulting costs had tripled since 2020.",
        [("consulting costs had tripled since 2020", "a state audit")],
    ),
    # a headline's trailing cue after a bare noun, in a list of links too
    (
        "headline-council-says",
        "Bridge lights will be dimmed after complaints, council says\n\nThe bridge opened in May.",
        [("Bridge lights will be dimmed after complaints", "council")],
    ),
    (
        "list-item-council-says",
        "Also this week:\n- Bridge lights to be dimmed after complaints, council says\n- Library staff brace for cuts",
        [("Bridge lights to be dimmed after complaints", "council")],
    ),
    (
        "sentence-with-full-stop-not-a-headline",
        "The lights were dimmed after complaints, officials say.",
        [("The lights were dimmed after complaints", "officials")],
    ),
    # "a claim the trust says is exaggerated": a noun, its speaker and cue, then the noun's own predicate
    (
        "change-actuaries-have-said-would",
        "Brandvold said he would move teachers into a new plan, a change the actuaries have said would cost more.",
        [("he would move teachers into a new plan", "Brandvold"), ("would cost more", "the actuaries")],
    ),
    (
        "claim-the-trust-says-is",
        "Mehta said the closure came up on every doorstep — a claim the trust says is greatly exaggerated.",
        [("the closure came up on every doorstep", "Mehta"), ("is greatly exaggerated", "the trust")],
    ),
    (
        "detail-that-allies-say-shows",
        "The inquiry opened in March — a detail that his allies say shows the case was planned.",
        [("shows the case was planned", "his allies")],
    ),
    # more of the writer's verdicts and the speaker's next acts
    (
        "charge-after-quoted-comma",
        'Barnes accused him of "sitting on his hands for two years," a charge his office denied.',
        [('him of "sitting on his hands for two years', "Barnes")],
    ),
    (
        "and-asks-for",
        "A memo warns that her lead is soft and asks for another 4 million dollars.",
        [("her lead is soft", "A memo")],
    ),
    (
        "which-would-be-illegal",
        "Emmerich denied coordinating with the Lyle campaign, which would be illegal.",
        [("coordinating with the Lyle campaign", "Emmerich")],
    ),
    (
        "which-the-letter-does-not-mention",
        "The report says opposition was strongest among businesses, which his letter does not mention.",
        [("opposition was strongest among businesses", "The report")],
    ),
    (
        "and-predicted-that",
        "Briggs said the memo showed panic and predicted that Lyle would lead within two weeks.",
        [("the memo showed panic", "Briggs"), ("Lyle would lead within two weeks", "Briggs")],
    ),
    (
        "consultation-which-found",
        "We received 1,212 responses to our consultation, which found that most supported charges.",
        [("most supported charges", "our consultation")],
    ),
    # a cue denied reports no statement
    ("i-do-not-think", "There are about 140 shops in Seaton. I do not think 31 is most.", []),
    ("never-said", "Lind never said the pier was unsafe.", []),
    (
        "did-not-say-then-trailing-cue",
        "Lind did not say the pier was unsafe, her office said.",
        [("Lind did not say the pier was unsafe", "her office")],
    ),
    # participles in the subject: which leaflet, which report
    (
        "leaflet-delivered-to",
        "A leaflet delivered to homes in Fenwick last week claimed that the hospital would close.",
        [("the hospital would close", "A leaflet delivered to homes in Fenwick")],
    ),
    (
        "published-report-says",
        "The council's published report says 1,212 responses were received.",
        [("1,212 responses were received", "The council's published report")],
    ),
    ("revised-plan-says", "The revised plan says fares will rise.", [("fares will rise", "The revised plan")]),
    (
        "bold-label-colon-then-subject",
        "**What was claimed:** A leaflet claimed that the hospital would close in the spring.",
        [("the hospital would close in the spring", "A leaflet")],
    ),
    # "and that" opens the same speaker's second statement
    (
        "said-a-and-that-b",
        "Prior said the council had wasted millions and that residents were paying for it.",
        [("the council had wasted millions", "Prior"), ("residents were paying for it", "Prior")],
    ),
    (
        "relative-that-and-that-stays",
        "Lind said it was a plan that voters liked and that critics hated.",
        [("it was a plan that voters liked and that critics hated", "Lind")],
    ),
    (
        "bold-lead-in-then-speaker",
        "**3. The stadium is still radioactive.** Grant said the city should never fund a team again.",
        [("the city should never fund a team again", "Grant")],
    ),
    (
        "which-the-office-estimates-will",
        "The thresholds stay frozen, which the Review Office estimates will pull 900,000 more people into tax.",
        [("will pull 900,000 more people into tax", "the Review Office")],
    ),
    (
        "audit-that-he-said-backed",
        "Grant pointed to a 2023 audit that he said backed him up.",
        [("backed him up", None)],
    ),
    (
        "pledge-experts-said-was",
        "Sanchez said she would build 20,000 homes, a pledge housing experts said was ambitious but possible.",
        [("she would build 20,000 homes", "Sanchez"), ("was ambitious but possible", "housing experts")],
    ),
    (
        "but-only-412-took-part",
        "A snap poll by the Tribune found Grant and Sanchez tied among viewers, but only 412 people took part.",
        [("Grant and Sanchez tied among viewers", "A snap poll by the Tribune")],
    ),
    (
        "but-only-a-measure-stays",
        "Lind said fares would rise, but only 2 percent.",
        [("fares would rise, but only 2 percent", "Lind")],
    ),
    (
        "and-threatened",
        "Crewe said his members faced a fourth year of pay cuts and threatened strike action in the spring.",
        [("his members faced a fourth year of pay cuts", "Crewe")],
    ),
    (
        "threat-the-government-says",
        "Crewe said his members faced pay cuts — a threat the government says it does not take seriously.",
        [("his members faced pay cuts", "Crewe"), ("it does not take seriously", "the government")],
    ),
    (
        "company-chief-executive-stays",
        "The company chief executive said the pier was old.",
        [("the pier was old", "The company chief executive")],
    ),
    (
        "a-line-that-drew-applause",
        "Grant said the city should never again fund a sports team, a line that drew the loudest applause.",
        [("the city should never again fund a sports team", "Grant")],
    ),
    (
        "a-comment-that-angered",
        "Lind said the pier was closed for good, a comment that angered fishermen.",
        [("the pier was closed for good", "Lind")],
    ),
    (
        "which-allies-say-explains",
        "Kowalczyk has announced she will run for governor, which her rivals' allies say explains her timing.",
        [("she will run for governor", "Kowalczyk"), ("explains her timing", "her rivals' allies")],
    ),
    (
        "which-officials-said-inside-stays",
        "Lind said the new pier, which officials said was completely unsafe, would close in May.",
        [("the new pier, which officials said was completely unsafe, would close in May", "Lind")],
    ),
    (
        "said-a-but-that-b",
        "Drake said similar laws had been upheld elsewhere but that the deadline could be a weak point.",
        [("similar laws had been upheld elsewhere", "Drake"), ("the deadline could be a weak point", "Drake")],
    ),
    (
        "a-point-election-officials-dispute",
        "Galloway argued that few cases reflected how hard fraud is to detect, a point election officials dispute.",
        [("few cases reflected how hard fraud is to detect", "Galloway")],
    ),
    # the writer's asides, an object pronoun and an explainer's title
    (
        "without-saying-where",
        "He claimed that Labour would build a million homes without saying where, or how.",
        [("Labour would build a million homes", None)],
    ),
    (
        "which-is-to-say",
        "Her office said the figure included homes already planned — which is to say, homes built anyway.",
        [("the figure included homes already planned", "Her office")],
    ),
    ("say-them", "We deserve ministers who check their numbers before they say them, and rivals who do the same.", []),
    ("title-explained-colon", "# The recall election, explained: how we got here and what happens next", []),
    (
        "it-found-that",
        "The review was published in May. It found that staffing at the jail was dangerously low.",
        [("staffing at the jail was dangerously low", None)],
    ),
    (
        "it-also-found-that",
        "But it also found that maths scores fell slightly.",
        [("maths scores fell slightly", None)],
    ),
    ("i-found-that-stays-out", "I found that the door was locked.", []),
    (
        "within-the-margin-of-error",
        "A poll released last week by Fenwick College found Terrell ahead by four points, within the margin of error.",
        [("Terrell ahead by four points", "Fenwick College")],
    ),
    (
        "margin-of-error-said-stays",
        "Lind said the lead was within the margin of error.",
        [("the lead was within the margin of error", "Lind")],
    ),
    (
        "and-she-may-have-a-point",
        "Penhale argued that the money would be better spent on buses, and she may have a point.",
        [("the money would be better spent on buses", "Penhale")],
    ),
    (
        "said-at-least-then-and-that",
        "Moreau's office said at least 40,000 drivers had been affected and that it would seek damages.",
        [
            ("at least 40,000 drivers had been affected", "Moreau's office"),
            ("it would seek damages", "Moreau's office"),
        ],
    ),
    ("said-at-the-meeting-that", "Lind said at the meeting that fares would rise.", [("fares would rise", "Lind")]),
    (
        "wrote-to-the-council-saying",
        "The minister wrote to the council in March saying the trial should end at once.",
        [("the trial should end at once", "The minister")],
    ),
    (
        "which-the-analysis-partly-supports",
        "Vandermeer argued that the tax cut had mostly helped the rich, which the bureau's analysis partly supports.",
        [("the tax cut had mostly helped the rich", "Vandermeer")],
    ),
    (
        "figure-between-commas",
        "Oyelowo said the state's unemployment rate, 3.4 percent, was the lowest in the region.",
        [("the state's unemployment rate, 3.4 percent, was the lowest in the region", "Oyelowo")],
    ),
    # after a cue in the past, a clause told in the present is the writer speaking now
    (
        "so-the-figure-is-close",
        "The bureau estimated at the time that about 870,000 households would pay less, so the figure is close.",
        [("about 870,000 households would pay less", "The bureau")],
    ),
    (
        "and-the-council-is-now",
        "Lind said the pier was old, and the council is now repairing it.",
        [("the pier was old", "Lind")],
    ),
    (
        "present-statement-stays",
        "Lind said the pier is old, and the council is repairing it.",
        [("the pier is old, and the council is repairing it", "Lind")],
    ),
    (
        "present-cue-stays",
        "Lind says the pier was old, and the council is repairing it.",
        [("the pier was old, and the council is repairing it", "Lind")],
    ),
    # page furniture: a correction quotes the outlet's own earlier text; a caption goes on after the relative clause
    (
        "correction-earlier-version-said",
        "*Correction: An earlier version of this article said the poll questioned 1,000 adults. It was 1,200.*",
        [],
    ),
    (
        "correction-previous-version-incorrectly",
        "Correction: A previous version of this story incorrectly said that Vale chairs the board.",
        [],
    ),
    (
        "caption-who-says-then-where",
        "Photo: Ana Lind, who says the pier is unsafe, at the harbour on Monday. (Jo Park/Ledger)",
        [("the pier is unsafe", "Ana Lind")],
    ),
    # what a court rules is its statement
    (
        "ruling-5-2-that",
        "The court struck down the map on Friday, ruling 5-2 that it diluted the votes of residents in the east.",
        [("it diluted the votes of residents in the east", "The court")],
    ),
    ("judge-ruled-that", "The judge ruled that the map was unlawful.", [("the map was unlawful", "The judge")]),
    ("the-ruling-that-stays-a-noun", "The ruling that the map was unlawful stands.", []),
    # rhetorical and yes-or-no questions
    ("can-anyone-say", "Can anyone say the plan has worked?", []),
    ("did-she-say", "Did Lind say the pier was unsafe?", []),
    (
        "why-does-she-say-stays",
        "Why does Lind say the pier is unsafe? Because it is.",
        [("the pier is unsafe", "Lind")],
    ),
    ("answer-after-a-question", "Did he mislead voters? Vale says he did not.", [("he did not", "Vale")]),
    ("is-it-true-that-as-claims", "Is it true that the levy doubled, as Vale claims?", [("the levy doubled", "Vale")]),
    # the writer's own view in the present reports no one
    ("i-think", "I think the plan will fail.", []),
    ("i-would-argue-that", "I would argue that the plan has failed.", []),
    ("we-believe", "We believe the plan will fail.", []),
    ("economists-think-stays", "Economists think the plan will fail.", [("the plan will fail", "Economists")]),
    # more of the writer's corrections set after a statement
    (
        "semicolon-in-fact",
        "Vale said the plan had failed; in fact, it had saved 2 million.",
        [("the plan had failed", "Vale")],
    ),
    (
        "though-the-figures-suggest",
        "Vale said the plan had failed, though the figures suggest otherwise.",
        [("the plan had failed", "Vale")],
    ),
    (
        "dashed-aside-it-had-not",
        "Vale said the plan had failed — it had not — and called for a vote.",
        [("the plan had failed", "Vale")],
    ),
    (
        "dashed-phrase-inside-stays",
        "Lind said the pier — built in 1902 — was unsafe.",
        [("the pier — built in 1902 — was unsafe", "Lind")],
    ),
    (
        "despite-evidence-to-the-contrary",
        "Vale said the plan had failed, despite evidence to the contrary.",
        [("the plan had failed", "Vale")],
    ),
    (
        "echoing-a-line",
        "Vale said the plan had failed, echoing a line from his 2022 campaign.",
        [("the plan had failed", "Vale")],
    ),
    # section labels and tag lines
    (
        "section-label-pipe",
        "Opinion | The mayor says the ferry will stop. She is wrong.",
        [("the ferry will stop", "The mayor")],
    ),
    ("tags-line", "Tags: ferry, council, Lind says", []),
    (
        "update-label-then-statement",
        "Update: the ferry will stop in June, Lind said.",
        [("the ferry will stop in June", "Lind")],
    ),
    # research credited after its finding
    (
        "the-survey-found-trailing",
        "Among Republicans, support for the plan is just 22 percent, the survey found.",
        [("Among Republicans, support for the plan is just 22 percent", "the survey")],
    ),
    (
        "a-new-poll-shows-trailing",
        "A majority of voters, 54 percent, say the ferry should stay, a new poll shows.",
        [("A majority of voters, 54 percent, say the ferry should stay", "a new poll")],
    ),
    (
        "a-video-in-which-he-claimed",
        "Vale posted a video in which he claimed the ferry would stop in June.",
        [("the ferry would stop in June", None)],
    ),
    # "that" as a demonstrative, and "pointed out" as the same speaker's second cue
    ("expect-that-to", "Most analysts we spoke to expect that to feed through.", []),
    (
        "but-that-programme-has",
        "The department says savings will come from insulation, but that programme has insulated 41,000 homes.",
        [("savings will come from insulation", "The department")],
    ),
    (
        "and-pointed-out-that",
        "The charity said the promise meant little, and pointed out that arrears had reached a record £3.7bn.",
        [("the promise meant little", "The charity"), ("arrears had reached a record £3.7bn", "The charity")],
    ),
    # still more of the writer's comment after a statement
    (
        "the-third-time-this-month",
        "Vale said the plan had failed, the third time this month he has made the claim.",
        [("the plan had failed", "Vale")],
    ),
    (
        "a-familiar-refrain-from",
        "Vale said the plan had failed, a familiar refrain from his campaign.",
        [("the plan had failed", "Vale")],
    ),
    (
        "without-mentioning-that",
        "Vale said the plan had failed, without mentioning that he had voted for it.",
        [("the plan had failed", "Vale")],
    ),
    (
        "an-assertion-at-odds-with",
        "Vale said the plan had failed, an assertion at odds with the council's own figures.",
        [("the plan had failed", "Vale")],
    ),
    (
        "a-statement-rivals-seized-on",
        "Vale said the plan had failed, a statement his rivals quickly seized on.",
        [("the plan had failed", "Vale")],
    ),
    (
        "the-first-time-inside-stays",
        "Lind said it was the first time the pier had closed.",
        [("it was the first time the pier had closed", "Lind")],
    ),
    ("and-she-was-right", "Lind said the pier was unsafe, and she was right.", [("the pier was unsafe", "Lind")]),
    (
        "cue-inside-then-she-was-right",
        "The pier, Lind said, was unsafe, and she was right.",
        [("The pier was unsafe", "Lind")],
    ),
    ("cue-inside-then-bracket", "The pier, Lind said, was unsafe (it was not).", [("The pier was unsafe", "Lind")]),
    (
        "something-the-port-denied",
        "Lind said the pier was unsafe, something the port has long denied.",
        [("the pier was unsafe", "Lind")],
    ),
    # a bare plural subject and its present verb open the clause after "said"
    ("said-a-bare-plural-then-its-verb", "Dee Marr said tenants want a longer lease.",
     [("tenants want a longer lease", "Dee Marr")]),
    ("said-a-plural-then-its-verb-then-how-far", "Ines Roe said rumours travel further than any correction.",
     [("rumours travel further than any correction", "Ines Roe")]),
    ("place-then-a-plural-an-adverb-then-its-verb", "In Dover, nearly two thirds still use it, the survey said.",
     [("In Dover, nearly two thirds still use it", "the survey")]),
    # the writer's picture of a place before a poll's finding is no part of it
    (
        "place-described-then-statement",
        "In Kelby, where the mill closed in May, most families still back the strike, the union said.",
        [("most families still back the strike", "the union")],
    ),
    # the figure someone puts on a thing, or estimates it at, is what they state of it
    ("figures-put-the-rise-at", "Port records put the rise at about 30 percent.",
     [("about 30 percent", "Port records")]),
    ("put-the-figure-closer-to", "Critics put the bill closer to 90 pounds.", [("closer to 90 pounds", "Critics")]),
    (
        "which-an-office-estimated-at",
        "Neither mentioned the deficit, which the auditor's office estimated in June at 3.1 billion dollars.",
        [("3.1 billion dollars", "the auditor's office")],
    ),
    (
        "gap-estimated-by-at",
        "The shortfall, estimated by the unions at £2bn, will be met from reserves.",
        [("£2bn", "the unions")],
    ),
    ("damage-was-estimated-at", "The damage was estimated at $4 million.", [("$4 million", None)]),
    # a thing put somewhere at a time, or pressure put on someone, gives no figure
    ("put-on-the-ballot-at", "The board put the levy on the ballot at the 2026 election.", []),
    ("put-the-meeting-at-a-time", "They put the meeting at 9 a.m. on Friday.", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_reported_analysis(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(text) if c.kind is ClaimKind.REPORTED]
    assert got == expected
