"""Reported speech: statements attributed without quote marks.

Three shapes, tried per sentence (words inside quotations are never read as cues):

- ``X said (in a report this week) that CONTENT.`` and ``X said CONTENT.``: the
  content runs from after the cue (and "that") to the end of the sentence;
- ``CONTENT, X said.`` / ``CONTENT, said X.``: the content is what precedes the comma;
- ``According to X, CONTENT.`` / ``CONTENT, according to X.``
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from verify.claims.attribution import (
    TIME_STAMP,
    Word,
    clean_subject,
    find_outlet,
    is_speech_verb,
    iter_words,
    more_words_than,
    np_after_according,
    outlet_of_reporter,
    parse_tail,
    plausible_subject,
    sentence_subject,
    words,
)
from verify.claims.lexicon import (
    DETERMINERS,
    ED_NOUNS,
    EVALUATIVE_VERBS,
    INTRO_WORDS,
    NOT_PLURALS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SAID,
    SPEECH_VERBS,
    SUBORDINATORS,
    TIME_WORDS,
    only_time_or_number,
    verb_forms,
)
from verify.claims.quotes import Quotation
from verify.claims.sentences import is_abbreviation
from verify.model import Span


@dataclass(frozen=True)
class ReportedSpeech:
    """A reported statement found in a sentence: its content, its speaker and its cue."""

    content: Span
    speaker: str | None  # as written; may be a pronoun
    speaker_at: int
    cue: str
    outlet: str | None
    # the content's pieces when a cue sits inside it ("X, Graham said, since Y"); else ``(content,)``
    parts: tuple[Span, ...] = ()


_OBJECT_VERBS = frozenset(
    "told tell tells telling warned warn warns assured assure informed inform reminded remind "
    "urged urge asked ask promised promise promises".split()
)
_OBJECT = re.compile(
    # "NBC's “Today” show": an outlet's programme
    r"\s*(?:[A-Z][\w&.-]*[’']s?\s+[“\"]?[A-Z][^”\"\n]{0,40}[”\"]?\s+(?:show|program|programme|podcast|broadcast)|"
    r"(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*[’']s\s+[“\"][A-Z][^”\"\n]{0,40}[”\"]|"  # "Coast News Channel’s “Today”"
    r"(?:host|anchor|moderator|interviewer|correspondent|reporter|columnist)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|"
    # "the host of “Harbour Hour”": whom, by the programme
    r"(?:the\s+)?(?:host|hosts|anchor|presenter|panel|audience)\s+of\s+[“\"][A-Z][^”\"\n]{0,40}[”\"]|"
    r"reporters|journalists|them|him|her|us|me|you|voters|supporters|listeners|viewers|police|staff|"
    # "told residents the ferry would stop": a bare plural is whom (a verb after it makes it the subject)
    r"[a-z][a-z-]{2,}[a-rt-z]s|"
    # a name is taken whole: "the Wall Street Journal", "Radio Free Europe/Radio Liberty"
    r"(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:(?:\s+(?:of\s+|and\s+|the\s+)?|/)[A-Z][\w’'&.-]*){0,5}|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)(?=[\s,:])"
)
_TOLD_ONLY = frozenset("reporters journalists them him her us me you voters supporters listeners viewers".split())
_ADVERBIAL = re.compile(
    r"\s*,?\s*(?:"
    r"(?:in|during|at|on)\s+(?:(?:an?|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?)?"
    r"(?:conference\s+call|report|statement|interview|letter|speech|briefing|conference|post|tweet|email|memo|"
    r"filing|op-ed|video|appearance|hearing|address|rally|debate|event|call|podcast|show|program|"
    r"programme|broadcast|release|session|meeting|visit|trip|book|column|essay|article|remark|comment|"
    r"testimony|forum|town\s+hall|message|ad|advertisement)s?"
    # the outlet's name: capitals only (the pattern is otherwise case-blind), or a time
    r"(?:\s+(?:with|to|on|at|for)\s+(?:the\s+)?(?-i:[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}))?"
    r"(?:\s+on\s+[“\"][^”\"\n]{1,40}[”\"])?"  # "during an appearance on “Harbour Talk”"
    # "in a call with reporters", "in an interview published Sunday"
    r"(?:\s+(?:with|to|for)\s+(?:reporters|journalists|supporters|donors|voters|students|members))?"
    r"(?:\s+(?:published|aired|released|broadcast|posted)(?:\s+(?:on\s+)?" + TIME_WORDS + r")?)?"
    # "in a statement read to the court", "in a letter sent to members"
    r"(?:\s+(?:read|sent|handed|delivered)\s+(?:out\s+)?(?:to|in|at)\s+(?:the\s+)?(?:[\w’'-]+\s+)?[\w’'-]+(?=\s+that\b))?"
    r"|(?:on|last|this|earlier|late|early|next)\s+" + TIME_WORDS + r"(?:\s+(?:morning|night|afternoon|evening))?"
    r"|(?:late|early|earlier|later)\s+(?:last|this|next)\s+" + TIME_WORDS + r""
    # "a day later", "hours later", "the next day", "afterward", "at the time"
    r"|(?:(?:a|an|one|two|three|four|five|several|a\s+few|\d+)\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)"
    r"\s+(?:later|earlier|afterwards?)"
    r"|the\s+(?:next|following|same|previous)\s+(?:day|week|month|year|morning|afternoon|evening|night)"
    r"|(?:shortly\s+|soon\s+)?afterwards?|at\s+the\s+time|at\s+one\s+point|in\s+the\s+past|for\s+the\s+first\s+time"
    r"|without\s+(?:naming|mentioning|citing|identifying)\s+(?:(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})|him|her|"
    r"them|it|(?:the|his|her|their|its)\s+[\w’'-]+)"
    r"|more\s+than\s+once|time\s+and\s+again|over\s+and\s+over(?:\s+again)?|once\s+again"
    r"|while\s+(?:campaigning|speaking|visiting|testifying|appearing)"
    r"(?:\s+(?:in|at|on|before)\s+(?:the\s+)?(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}))?"
    r"|" + TIME_WORDS + r"(?:\s+(?:morning|night|afternoon|evening))?"
    r"|(?:yesterday|today|tonight|recently|previously|earlier|later|again|also|repeatedly|publicly|"
    r"privately|separately|flatly|once|often|then|now)"
    # "on Radio Dover", "on CBS’s “Face the Nation”": a named channel or programme
    r"|(?:on|via)\s+(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:[’']s\s+[“\"][^”\"\n]{1,40}[”\"])?"
    r"|on\s+(?:X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|(?:[a-z]+\s+)?(?:television|TV|radio))"
    r"|(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|back\s+in\s+(?:\d{4}|" + TIME_WORDS + r")"
    r"|in\s+(?-i:[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?)(?=\s+(?:the|a|an|his|her|their|its|that|it|he|she|they)\s)"
    r"|in\s+(?:\d{4}|a\s+\d{4}\s+\w+)"
    r"|without\s+(?:(?:offering|providing|citing|giving|presenting)\s+)?(?:any\s+)?(?:evidence|proof)"
    r"|(?:via|by|through|in)\s+(?:an?\s+)?(?:e-?mail|text(?:\s+message)?|phone|telephone|spokes(?:man|woman|person))"
    # "said Monday's vote was …": a time word owning a noun opens the clause, it is not when
    r")(?:\b|(?<=[”\"]))(?![’']),?",
    re.IGNORECASE,
)
# "at least 31 people", "as many as 40 boats", "more than 9,000 people": a bound on the number that opens a subject
_BOUND_OF_A_NUMBER = re.compile(
    r"\s*(?:at\s+(?:least|most)|as\s+(?:many|few|much|little)\s+as|up\s+to|(?:more|fewer|less)\s+than)\s+\d",
    re.IGNORECASE,
)
# Words that measure a subject: "nearly half the ships", "only two", "about 40 jobs".
_QUANTITY_HEADS = frozenset("nearly only roughly approximately almost just barely".split())
_BEFORE_A_NUMBER = frozenset("about around over under some".split())
# "about one in five calls", "about half the ships": a number in words
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten twelve a half dozen twenty thirty forty fifty "
    "hundred hundreds thousand thousands".split()
)
# Words that may open a clause right after whom it was told, and words that are no noun before it.
_OPENS_A_CLAUSE = frozenset("the a an his her their its it he she they we i there this that".split())
_NOT_A_NOUN = frozenset("that and or but if when because so to of in on at for with by".split())
_CLAUSE_START = frozenset(
    "there it he she they we i you this that these those his her their its our my your a an the "
    "some no many most all one two three nobody everyone anyone nothing something if when".split()
)
_MIN_WORDS = 3
# A person's name: capitalised words ("Elin Varg", "Inspector Farid Naderi").
_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_OPENING_MARKS = ("“", '"', "‘", "«", "„")
# Words an introduction to a quotation may have before its colon ("Reuters:", "the court:").
_MAX_INTRO_WORDS = 4
# Words of a speaker named after an inverted cue ("…, said the harbour master.").
_MAX_INVERTED_SPEAKER_WORDS = 5
# Bounds that keep the work per sentence constant: how many cue words are tried,
# and how far before a cue its subject may start.
_MAX_CUES_PER_SENTENCE = 12
_SUBJECT_REACH = 300


def find_reported(text: str, sentences: tuple[Span, ...], quotations: tuple[Quotation, ...]) -> list[ReportedSpeech]:
    """Reported statements in ``text``, in order; a sentence may hold several that do not overlap."""
    opens = [q.open_at for q in quotations]
    found: list[ReportedSpeech] = []
    for k, sent in enumerate(sentences):
        if SKIP_SENTENCES_WITHOUT_A_CUE and not _may_hold_a_cue(text, sent):
            continue  # a quarter to a half of a draft's sentences: no rule below could fire on them
        inside = _quoted_ranges(quotations, opens, sent)
        inverted = _ends_inverted(text, sent, inside)
        said_then = _verb_then_content(text, sent, inside)
        and_that = None
        if said_then is not None:
            # trimmed first, so a cue in the writer's comment after it is looked for on its own
            said_then = _without_writer_comment(text, _cut_at_coordinated_cue(text, sent, inside, said_then))
        if said_then is not None:
            said_then, and_that = _split_at_and_that(text, inside, said_then)
        candidates = (
            _headline(text, sent, inside),
            _research_found(text, sent, inside),
            _according_to(text, sent, inside),
            _in_words_of(text, sent, inside),
            _parenthetical_cue(text, sent, inside),
            _as_cue_then_content(text, sent, inside),
            _content_then_cue(text, sent, inside) if inverted else None,
            said_then,
            _coordinated_statement(text, sent, inside, said_then) if said_then is not None else None,
            and_that,
            _content_then_cue(text, sent, inside) if not inverted else None,
            _gerund_after_trailing_cue(text, sent, inside),
            # "…; Lind said it would not", "…, but the council said it would not": the next statement
            _verb_then_content(text, Span(said_then.content.end, sent.end), inside)
            if said_then is not None and sent.end - said_then.content.end > 12 else None,
            _noun_cue(text, sent, inside),
            _passive_cue(text, sent, inside),
            _relative_cue(text, sent, inside),
            _finding(text, sent, inside),
            _figure_put_at(text, sent, inside),
            _bare_noun_after_headline(text, sent, inside),
        )
        # The first rule to fire keeps its content; a later one adds a statement beside it
        # ("…, its director conceded, as surveyors warned that …"), never inside it.
        kept: list[ReportedSpeech] = []
        for item in candidates:
            if item is not None and not any(_overlaps(item, other) for other in kept):
                kept.append(item)
        if not kept and k > 0 and not any(r.content.end > sentences[k - 1].start for r in found[-1:]):
            # "The ferry will run again. The harbour master said Tuesday.": a sentence that is only
            # a cue credits the one before it, in the same paragraph
            item = _cue_alone(text, sentences[k - 1], sent, _quoted_ranges(quotations, opens, sentences[k - 1]))
            if item is not None:
                kept.append(item)
        trimmed = (_without_writer_comment(text, r) for r in kept)
        found.extend(sorted((r for r in trimmed if r is not None), key=lambda r: r.content.start))
    found.extend(_block_after_colon(text, sentences, quotations))
    found.sort(key=lambda r: r.content.start)
    return found


# Cues a headline puts between its speaker and the statement: "Harbour Master Says Pier Will Close".
_HEADLINE_CUES = frozenset(
    "says said warns warned claims claimed argues argued insists insisted denies denied admits admitted confirms "
    "confirmed announces announced writes wrote adds added notes noted explains explained predicts predicted "
    "vows vowed pledges pledged".split()
)
_MIN_HEADLINE_WORDS = 4
_MAX_HEADLINE_WORDS = 30


def _is_headline(ws: list[Word]) -> bool:
    """Title case: nearly every word of four letters or more starts with a capital."""
    if not _MIN_HEADLINE_WORDS <= len(ws) <= _MAX_HEADLINE_WORDS:
        return False
    long = [w.text for w in ws if len(w.text) >= 4]
    capitalised = sum(t[0].isupper() for t in long)
    return len(long) >= 3 and capitalised >= 0.8 * len(long)


def _headline(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "Harbour Master Says Pier Will Close in May": in a title-case headline the cue is capitalised
    too; the words before it speak, the words after it are the statement."""
    if sent.start > 0 and text[sent.start - 1] != "\n" or text[sent.end : sent.end + 1] not in ("", "\n"):
        return None  # a headline stands alone on its line
    stext = text[sent.start : sent.end]
    ws = words(stext)
    if not any(w.norm in _HEADLINE_CUES for w in ws[1:7]) or not _is_headline(ws) or "\n" in stext.strip():
        return None
    for i, w in enumerate(ws[1:7], start=1):
        if w.norm not in _HEADLINE_CUES or inside.covers(sent.start + w.start):
            continue
        name = stext[: w.start].strip()
        if not plausible_subject(name) or len(words(name)) > 6:
            return None
        rest = ws[i + 1 :]
        if rest and rest[0].norm == "that":
            rest = rest[1:]
        if len(rest) < _MIN_WORDS or rest[0].norm in _NOT_CLAUSE_HEADS or not any(
            r.norm in _FINITE or r.norm.endswith("ed") or r.norm in _IRREGULAR_PAST
            or k > 0 and r.norm.endswith("s") and not r.norm.endswith("ss") and r.norm not in NOT_PLURALS
            for k, r in enumerate(rest)
        ):
            return None
        span = _content_span(text, sent.start + rest[0].start, sent.end)
        if span is None or _mostly_quoted(text, span, inside):
            return None
        return ReportedSpeech(span, name, sent.start, w.text, None)
    return None


# A headline's trailing cue drops the article: "Bridge lights to be dimmed, council says".
_HEADLINE_TAIL = re.compile(
    r",\s+(?P<name>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(?P<cue>says|say|warns|warn|claims|claim|suggests|suggest|"
    r"finds|find|insists|insist|admits|admit|denies|deny)\s*$"
)


def _bare_noun_after_headline(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"Bridge lights to be dimmed after complaints, council says": a line with no full stop whose cue
    follows a bare noun; the words before the comma are the statement."""
    if text[sent.end : sent.end + 1] not in ("", "\n") or text[sent.end - 1 : sent.end] in ".!?":
        return None  # a headline stands alone on its line, with no full stop
    m = _HEADLINE_TAIL.search(text, sent.start, sent.end)
    if m is None or inside.covers(m.start()):
        return None
    item = _LIST_ITEM.match(text, sent.start)
    span = _content_span(text, item.end() if item is not None else sent.start, m.start())
    if span is None or _mostly_quoted(text, span, inside):
        return None
    return ReportedSpeech(span, m.group("name"), m.start("name"), m.group("cue"), None)


# "…, the survey found.", "…, a new poll shows.": research credited after its finding
_FOUND_TAIL = re.compile(
    r",\s+(?P<name>(?:an?|the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:poll|survey|study|report|analysis|"
    r"audit|review|census|research))\s+(?P<cue>found|finds|shows|showed|suggests|suggested)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _research_found(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"Among Republicans, support is just 22 percent, the survey found.": the sentence before the
    comma is the finding, a cue inside it included ("… say the ferry should stay, a new poll shows")."""
    if not text[sent.start : sent.end].rstrip(" .!\n").endswith(("found", "finds", "shows", "showed", "suggests",
                                                                   "suggested")):
        return None  # the cheap test first: the sentence ends with the research's cue
    m = _FOUND_TAIL.search(text, sent.start, sent.end)
    if m is None or inside.covers(m.start()):
        return None
    span = _content_span(text, _after_colon(text, sent.start, m.start(), inside), m.start())
    if span is None or _mostly_quoted(text, span, inside):
        return None
    return ReportedSpeech(span, m.group("name"), m.start("name"), m.group("cue"), None)


def _overlaps(a: ReportedSpeech, b: ReportedSpeech) -> bool:
    return a.content.start < b.content.end and b.content.start < a.content.end or \
        a.content.start <= b.speaker_at < a.content.end or b.content.start <= a.speaker_at < b.content.end


class _Quoted:
    """The quotations of one sentence: ``(open_at, close_end)`` ranges, in order and apart.

    Every question about them is a bisection, so a sentence of thousands of quotations is
    read in linear time.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self.starts = [a for a, _ in ranges]
        self.ends = [b for _, b in ranges]

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies inside one of the quotations."""
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def opens_at_or_after(self, pos: int) -> bool:
        return bool(self.starts) and self.starts[-1] >= pos

    def last_end_up_to(self, pos: int) -> int | None:
        """The end of the last quotation that ends at or before ``pos``."""
        k = bisect_right(self.ends, pos) - 1
        return self.ends[k] if k >= 0 else None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap ``[start, end)``, in order."""
        return self.ranges[bisect_right(self.ends, start) : bisect_left(self.starts, end)]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.ranges)


def _quoted_ranges(quotations: tuple[Quotation, ...], opens: list[int], sent: Span) -> _Quoted:
    ranges: list[tuple[int, int]] = []
    k = bisect_right(opens, sent.end)
    while k > 0:
        k -= 1
        q = quotations[k]
        if q.close_end <= sent.start:
            break
        ranges.append((q.open_at, q.close_end))
    ranges.reverse()
    return _Quoted(ranges)


_FRAME = re.compile(
    r"(?:(?:in|on|at|after|before|during|since|following|last|earlier|over|within|until|when|while|as|"
    r"a|one|two|three|several|some)\s+[^,;]{0,90}?,\s+)",
    re.IGNORECASE,
)
_FRAME_TIME = re.compile(r"\b(?:year|years|week|weeks|month|months|day|days|decade|hours?|ago|after|before|"
                         r"since|during|when|while|last|" + TIME_WORDS + r")\b", re.IGNORECASE)


_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}?(?:\s*\([^)\n]{1,30}\))?\s*[―—–-]{1,2}\s+")


def _content_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t\n,:":
        start += 1
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "KYIV – …": the place the story was filed from is no part of it
    stamp = TIME_STAMP.match(text, start, end) if text[start : start + 3].lstrip("*_")[:1].isdigit() else None
    if stamp:
        start = stamp.end()
    # A framing phrase at the front ("A year after the first reports, ...") sets the
    # scene; the statement is what follows it.
    frame = _FRAME.match(text, start, end)
    # the time is at the frame's head ("A year after the first reports,"); "a shutdown would have cost
    # $6 billion a week," is a clause that ends in a time
    if frame and _FRAME_TIME.search(" ".join(w.text for w in words(frame.group(0))[:4])) \
            and len(words(text[frame.end() : end])) >= _MIN_WORDS:
        start = frame.end()
    while end > start and text[end - 1] in " \t\n.,;:!?)":
        if text[end - 1] == "." and is_abbreviation(text, end - 1) and text[end - 2 : end - 1].isalpha():
            break  # "the U.S.": the full stop is the abbreviation's
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # "(D-Del.)": a bracket the content opened is its own
        end -= 1
    # the first words decide for a long content: three of them, one neither a time nor a number
    first = words(text[start : min(end, start + 80)])
    if len(first) > _MIN_WORDS and not only_time_or_number([w.norm for w in first[:-1]]):
        return Span(start, end)
    ws = words(text[start:end])
    if len(ws) < _MIN_WORDS or only_time_or_number([w.norm for w in ws]):
        return None  # "Three weeks later, the port said …": when, not what
    return Span(start, end)


def _mostly_quoted(text: str, span: Span, ranges: _Quoted) -> bool:
    """A content that is one quotation (give or take marks) is a direct quote, not reported.

    So is one whose words outside its quotations are too few to state anything
    (``promised that “we will raise taxes” next year``): the partial quote is the claim.

    So is one whose only words before the quotation name the channel ("said in a
    statement, “…”"): the quotation is the statement.
    """
    inner = [(max(a, span.start), min(b, span.end)) for a, b in ranges.overlapping(span.start, span.end)]
    if inner:
        outside = text[span.start : inner[0][0]] + " ".join(
            text[b : (inner[k + 1][0] if k + 1 < len(inner) else span.end)] for k, (_, b) in enumerate(inner)
        )
        if len(words(outside)) < _MIN_WORDS:
            return True
    for a, b in ranges.overlapping(span.start, span.end):
        if a <= span.start + 1 and b < span.end - 1:
            rest = text[b : span.end]
            attr = parse_tail(rest)
            if attr is not None and attr.speaker is not None and len(words(rest)) <= _MAX_INTRO_WORDS + 4:
                return True  # "“…,” Ines Morrow said": a quotation and its attribution
        if b < span.end - 1:
            continue
        if a <= span.start + 1:
            return True
        lead = _ADVERBIAL.match(text, span.start, a)
        if lead is not None and not text[lead.end() : a].strip(" ,:\n"):
            return True
        # "told Reuters: “…”": a short object, then a colon or comma, introduces the quotation
        intro = text[span.start : a].rstrip()
        if intro.endswith((":", ",")) and len(words(intro)) <= _MAX_INTRO_WORDS:
            return True
        if intro.endswith(":"):
            return True  # "McCaskill scolded him: “…”": a colon introduces the quotation
    return False


# ", said Brian Baker, a longtime adviser to the family who …": a name, then who they are
_APPOSITIVE_TAIL = re.compile(
    r",\s*(?:said|says|told|added|adds|wrote|writes|noted|notes|argued|argues|explained|explains|warned|warns|"
    r"insisted|insists|cautioned|recalled|recalls)\s+"
    r"(?:(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:\d{1,3},\s+)?"
    # "…, a pilot", "…, who …", "…, chief economist at Nordbank": who the named speaker is
    r"(?:a|an|the|who|(?:president|chairman|chairwoman|chair|director|head|leader|chief|secretary|founder|owner|"
    r"spokesman|spokeswoman|spokesperson)\s+(?:of|for|at)|(?:[a-z][\w-]*\s+){1,3}(?:of|for|at)\s+(?:the\s+)?[A-Z])\s?|"
    # ", said a senior official who asked not to be named because …": a description and who it is
    r"(?:an?|the|one|two|three|several)\s+[^,;:“”\"]{1,60}?\s+who\s|"
    # ", said the minister, Philippa Carrow.": a description, then the name it stands for
    # (", said the president of the association, Howard Blessing, in written testimony.")
    r"(?:the|its|his|her|their)\s+[^,;:“”\"]{1,60}?,\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\s*"
    r"(?:[.!?]?\s*$|,\s+who\s|,\s+(?:in|on|at|during)\s+[^,;:“”\"]{1,40}[.!?]?\s*$))"
)
# A comma that joins clauses, not the thousands of a number ("2,000")
_CLAUSE_COMMA = re.compile(r",(?!(?<=\d,)\d{3}(?!\d))")
_CLAUSE_END = re.compile(r"[;:]|" + _CLAUSE_COMMA.pattern)  # a clause's comma, semicolon or colon
_RELATIVE_OPENING = re.compile(r"\s*(?:which|who|where)\b")


# ", D-Del." / ", R-S.C.": a lawmaker's party and state after the name, no new clause
_PARTY_TAG = re.compile(r",\s*[DRI]-[A-Z][A-Za-z.]{0,12}[.!?,]?\s*$")
# ", said." / ", told reporters Tuesday.": a cue whose subject stands before the last comma
_BARE_CUE = re.compile(r",\s*(?:[a-z]+\s+){0,2}(?:said|says|told|added|wrote|noted|argued|explained|insisted|"
                       r"warned|claimed)\b[^,;:]{0,30}$")
_APPOSITIVE_HEADS = frozenset("a an the who whose one its his her their".split())


_CHANNEL_AT_END = re.compile(r",\s+(?:in|on|at|during)\s+[^,;:“”\"]{1,40}[.!?]?\s*$")


def _inverted_comma(stext: str, commas: list[int]) -> int:
    """The comma that opens the cue: the last, or the one before a name and its appositive
    (", said Tom Vale, a pilot", ", said Sen. Tom Vale, D-Del.", ", Ana Lind, the treasurer, said.")."""
    if len(commas) > 1 and (_APPOSITIVE_TAIL.match(stext, commas[-2]) or _PARTY_TAG.match(stext, commas[-1])):
        return commas[-2]
    if len(commas) > 2 and (stext[commas[-2] + 1 : commas[-1]].strip().isdigit()
                            or _CHANNEL_AT_END.match(stext, commas[-1])) \
            and _APPOSITIVE_TAIL.match(stext, commas[-3]):
        # ", said Ana Lind, 45, a nurse": a name, an age, who she is; ", said the president of the
        # association, Howard Blessing, in written testimony.": who, then how it was said
        return commas[-3]
    if len(commas) > 2 and _BARE_CUE.match(stext, commas[-1]):
        middle = words(stext[commas[-2] : commas[-1]])
        named = words(stext[commas[-3] : commas[-2]])
        if middle and named and len(middle) <= 12 and len(named) <= 6 and (
            _PARTY_TAG.match(stext[commas[-2] : commas[-1]] + ",")
            or middle[0].norm in _APPOSITIVE_HEADS and named[-1].text[0].isupper()
            or all(w.text[0].isupper() for w in middle) and named[0].norm in _APPOSITIVE_HEADS
        ):
            return commas[-3]
    return commas[-1]


def _ends_inverted(text: str, sent: Span, inside: _Quoted) -> bool:
    """"Rock music is loud, said the manager.": the sentence ends in an inverted cue, so the
    statement is what comes before it, not the speaker's name after the verb."""
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in _CLAUSE_COMMA.finditer(stext) if not inside.covers(sent.start + m.start())]
    if not commas:
        return False
    if len(commas) > 1 and _RELATIVE_OPENING.match(stext, commas[-1] + 1):
        # "…, noted Kristin Fjell, chief economist at Nordbank, who said …": the cue is before the relative
        stext, commas = stext[: commas[-1]], commas[:-1]
    comma = _inverted_comma(stext, commas)
    if comma != commas[-1]:
        return True
    told = _TOLD_TAIL.match(stext, comma)
    if told is not None and _only_whom_and_when(stext[told.end() :].rstrip(" .!\n"), "told") \
            and plausible_subject(told.group("subject")):
        return True  # "…, senior party figures have told the Gazette.": the whole is theirs, a cue inside it too
    # a name after the verb is short; "…, said the harbour board's letter changed nothing" is not one
    # (a long tail is told by its first words, and is never split into all of them)
    if more_words_than(stext[comma : comma + 200], _MAX_INVERTED_SPEAKER_WORDS + 1):
        return False
    tail = words(stext[comma:])
    if not 1 < len(tail) <= _MAX_INVERTED_SPEAKER_WORDS + 1:
        return False
    if tail[0].norm in REPORTING_VERBS and _main_verb(tail[1:]):
        return False  # "Ana Lind, a Democrat, said fares had risen.": a clause after the cue, not a name
    # "…, said the manager." or "…, the source added.": a cue earlier in the sentence is part of
    # what the source said ("Lind had told officials that …, the source added.")
    return tail[0].norm in REPORTING_VERBS or (tail[-1].norm in SAID and tail[-1].text.islower())


# ", officials told the Gazette", ", senior figures have told reporters": a trailing cue and whom it was told
_TOLD_TAIL = re.compile(r",\s*(?P<subject>(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+(?:(?:has|have|had)\s+)?told\b")
# A sentence that is only a cue: "According to the port, anyway." / "The harbour master said Tuesday."
_ACCORDING_ALONE = re.compile(r"\s*[Aa]ccording\s+to\s+(?P<rest>[^,.;:!?“”\"]{2,80})(?:,\s*\w+)?[.!]?\s*$")
_MAX_CUE_ALONE_WORDS = 8
_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)]|#{1,6})\s")  # a list item's or a heading's marker
_CUES_ALONE = SAID | frozenset("say insisted argued noted explained warned claimed stated announced confirmed".split())


def _cue_alone(text: str, previous: Span, sent: Span, previous_inside: _Quoted) -> ReportedSpeech | None:
    """The previous sentence as a statement, when ``sent`` is only a cue and its speaker."""
    stext = text[sent.start : sent.end]
    ws = words(stext)
    if not ws or len(ws) > _MAX_CUE_ALONE_WORDS or "\n\n" in text[previous.end : sent.start]:
        return None
    if any(ch in stext for ch in "“”\"«»"):
        return None
    m = _ACCORDING_ALONE.match(stext)
    if m is not None:
        name = np_after_according(m.group("rest"))
        cue, at = "according to", sent.start + m.start("rest")
    else:
        verbs = [i for i, w in enumerate(ws) if i > 0 and w.norm in _CUES_ALONE and w.text.islower()]
        if not verbs:
            return None
        i = verbs[-1]
        if stext[: ws[i].start].rstrip().endswith(",") or _LIST_ITEM.match(stext) or ws[0].norm in {"here", "here's"}:
            # "Terrell's record on farm policy, explained": a title; "Here's what the numbers say": what follows
            return None
        tail = stext[ws[i].end :]
        pos = 0
        while True:
            adverbial = _ADVERBIAL.match(tail, pos)
            if not adverbial or adverbial.end() == pos:
                break
            pos = adverbial.end()
        if tail[pos:].strip(" .!"):
            return None  # more than when it was said: not a bare cue
        name = clean_subject(stext[: ws[i].start])
        cue, at = ws[i].text, sent.start + (stext.find(name) if name else 0)
    if name is None or not plausible_subject(name) or name.lower() in PERSONAL_PRONOUNS:
        return None  # "He said so.": a pronoun here is as often the previous quote's speaker
    span = _content_span(text, previous.start, previous.end)
    if span is None or previous_inside.starts:
        return None  # quotations there are claims of their own, with their own speaker
    return ReportedSpeech(span, name, at, cue, None)


def _according_to(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    tried = 0
    for m in re.finditer(r"\b[Aa]ccording\s+to\s+", stext) if "ccording" in stext else ():
        at = sent.start + m.start()
        if inside.covers(at):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cues: stay linear
        name = np_after_according(stext[m.end() :])
        if name is None:
            continue
        after_np = m.end() + len(name)
        if m.start() == 0 or not stext[: m.start()].strip(" ,"):
            comma = stext.find(",", after_np)
            if comma < 0:
                continue
            aside = _ASIDE_AFTER_NAME.match(stext, comma)
            if aside is not None:
                comma = aside.end() - 1  # "According to Lind, who chairs the board, the pier …"
            span = _content_span(text, sent.start + comma + 1, sent.end)
        else:
            if _GOES_ON.match(stext, after_np):
                continue  # "Six were hurt, according to police, and one died": a cue between commas
            span = _content_span(text, _after_colon(text, sent.start, at, inside), at)
            if span is not None and _verb_then_content(text, Span(sent.start, at), inside) is not None:
                return None  # "Lind said fares would rise, according to the Times": Lind's statement, as reported
        if span is None or _mostly_quoted(text, span, inside):
            continue
        return ReportedSpeech(span, name, sent.start + m.end(), "according to", find_outlet(stext))
    return None


# "…, according to police, and one died": the statement goes on past the cue
_GOES_ON = re.compile(r"(?:,\s+" + _NAME + r")?,\s+(?:and|but)\s+(?!(?:said|says|added|told)\b)")


def _after_colon(text: str, start: int, end: int, inside: _Quoted) -> int:
    """Where a statement credited by a trailing cue starts: after a colon that sets the writer's verdict
    before it ("That's not quite right: the committee sat for six days, according to the record"), or
    after the writer's question ("Is it true that the levy doubled, as Vale claims?")."""
    asked = _IS_IT_TRUE.match(text, start, end)
    if asked is not None:
        return asked.end()
    colon = text.rfind(":", start, end)
    if colon < 0 or inside.covers(colon) or text[colon + 1 : colon + 2] not in (" ", "\n"):
        return start
    label = len(words(text[start:colon])) == 1  # "Tags: ferry, council, Lind says": a label, then a list
    return colon + 1 if label or len(words(text[colon + 1 : end])) >= _MIN_WORDS else start


_IS_IT_TRUE = re.compile(r"\s*(?:Is|Was)\s+it\s+(?:true|the\s+case|right|correct)\s+that\s+")


# "In her words, …", "In Lind's view, …", "In the words of the coroner, …": a sentence credited up front
_IN_WORDS_OF = re.compile(
    r"\s*(?:(?:But|And|Yet),?\s+)?In\s+(?:(?P<pronoun>his|her|their)|(?P<owner>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3})[’']s?)\s+(?:own\s+)?(?:words|view|opinion|judgement|judgment),\s*"
    r"|\s*In\s+the\s+words\s+of\s+(?P<of>[^,;:“”\"]{2,60}),\s*"
)


def _in_words_of(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "In her words, the sea does not care.": the rest of the sentence is what she said."""
    m = _IN_WORDS_OF.match(text, sent.start, sent.end)
    if m is None or inside.covers(m.start()):
        return None
    span = _content_span(text, m.end(), sent.end)
    if span is None or _mostly_quoted(text, span, inside):
        return None
    if m.group("pronoun"):
        owner = {"his": "he", "her": "she", "their": "they"}[m.group("pronoun")]
        return ReportedSpeech(span, owner, m.start("pronoun"), "in the words of", None)
    group = "owner" if m.group("owner") else "of"
    return ReportedSpeech(span, m.group(group).strip(), m.start(group), "in the words of", None)


# Who a name is, between commas after it: a relative clause or a party and state.
# ("According to the port's report, released Tuesday, …": a participle says which one)
_ASIDE_AFTER_NAME = re.compile(
    r",\s*(?:(?:who|whose|which)\b[^,;:“”\"]{1,120}|[DRI]-[A-Z][A-Za-z.]{0,12}|"
    r"(?:released|published|issued|obtained|filed|seen|sent|posted|dated)\b[^,;:“”\"]{1,60}),"
)


# After a cue: a name set apart by a comma, the speaker of an inverted cue ("…, noted Kristin Fjell, …")
_NAME_SET_APART = re.compile(r"\s+(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*,\s")


def _verb_then_content(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    ws = words(stext)
    tried = 0
    for i, w in enumerate(ws):
        if w.norm not in _ANY_VERB_CUE:
            continue  # no cue whatever follows it: the checks below need not run
        if i == 0 or inside.covers(sent.start + w.start) or w.text[0].isupper():
            continue  # a capital inside a sentence is a name: "the United States economy"
        norm = w.norm
        quoted_after = inside.opens_at_or_after(sent.start + w.end)
        nxt = ws[i + 1].norm if i + 1 < len(ws) else ""
        # "pointed out that", "responded that": cues only with their particle or "that"
        # "ruling 5-2 that": a court's vote between the cue and its clause
        joined = norm in _POINT and nxt == "out" or norm in _CUES_BEFORE_THAT and (
            nxt == "that"
            or i + 2 < len(ws) and _TALLY.fullmatch(ws[i + 1].text) is not None and ws[i + 2].norm == "that"
        )
        # "the study found that", "a poll released Monday found": what research finds is its statement
        finding = norm in _FINDS and (
            any(v.norm in _RESEARCH for v in ws[max(0, i - 12) : i])
            or nxt == "that" and i > 0 and ws[i - 1].norm in {"it", "also"}  # "It found that": the study before
        )
        # "ruled that", "ruled 2 to 1 that"; "the court's ruling that" is the noun
        ruled = w.text.startswith("rul") and w.norm in _RULED and "that" in (v.norm for v in ws[i + 1 : i + 5]) \
            and not (ws[i - 1].norm in DETERMINERS or ws[i - 1].text.endswith(("’s", "'s", "s’")))
        # "made clear that", "has made it clear that": a statement made plain
        clear = next((k for k in (i + 1, i + 2) if k < len(ws) and ws[k].norm == "clear"), None) \
            if norm in _MAKE and nxt in {"clear", "it"} else None
        # "The court heard that …", "The inquest heard the anchor had …": evidence given, its giver unnamed
        heard = norm == "heard" and ws[i - 1].norm in _HEARINGS
        # "posted on Facebook that …": a post's statement; "The BBC understands that …": an outlet's report
        outlet_cue = norm in {"posted", "posts"} and _POSTED_THAT.match(stext, w.end) is not None \
            or norm == "understands" and ws[i - 1].text[:1].isupper()
        # "Lind is adamant that …", "The club remains confident that …": a stance stated
        stance = w.norm in _STANCES and nxt == "that" and i > 1 and ws[i - 1].norm in _COPULAS
        special = finding or ruled or clear is not None or stance or heard or outlet_cue  # no verb of saying alone
        if w.norm not in REPORTING_VERBS and not (quoted_after and w.norm in _MIXED_CUES) and not joined \
                and not special:
            continue
        if not special and not (joined and w.norm not in SPEECH_VERBS) and not is_speech_verb(ws, i):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cue words: stay linear
        # Only the words since the last quotation belong to this clause.
        closed = inside.last_end_up_to(sent.start + w.start)
        last_close = closed - sent.start if closed is not None and closed > sent.start else 0
        before = stext[max(last_close, w.start - _SUBJECT_REACH) : w.start]
        comma_before = stext.rfind(",", 0, w.start)
        if comma_before >= 0 and not stext[comma_before + 1 : w.start].strip() \
                and _NAME_SET_APART.match(stext, w.end):
            continue  # "…, noted Kristin Fjell, an economist, …": an inverted cue, its speaker after it
        if i > 0 and ws[i - 1].norm in {"worth", "having"}:
            continue  # "It's worth noting that", "Having said that,": the writer's aside
        if w.norm == "explained" and stext[: w.start].rstrip().endswith(","):
            continue  # "The recall election, explained: how we got here": a title
        if _NOT_YET_SAID.search(before) or _MIGHT_SAY.search(before):
            continue  # "is expected to announce", "wants voters to believe", "Some might argue": nothing said yet
        if w.norm in _OPINION_NOW and _WRITER_NOW.search(before[-40:]):
            continue  # "I think the plan will fail", "I would argue that": the writer's own view, no one reported
        if stext.rstrip().endswith("?") and _ASKED.match(stext):
            continue  # "Can anyone say the plan has worked?", "Did Lind say …?": asked, not said
        if _NEGATED.search(before[-40:]):
            continue  # "I do not think 31 is most", "Lind never said the pier was safe": not what was said
        passive = _PASSIVE_BEFORE.search(before) is not None
        if passive and w.norm not in _OBJECT_VERBS and not heard and nxt != "that" and w.norm != "quoted":
            continue  # "The memo was written two weeks before the vote": the thing written, not what it says
        told = w.norm in _OBJECT_VERBS and passive or heard
        # "Residents were told the pier would close": those told, not the speaker, are the subject
        if stance:
            before = before[: len(before) - (w.start - ws[i - 1].start)]  # the subject ends before its copula
        name = None if told else _subject_of(before, w.norm)
        if name is None and not told and last_close > 0 and _ONLY_A_CONJUNCTION.fullmatch(before):
            # "The mayor called the audit “a hatchet job” and said …": the clause's subject, before the quote
            name = _main_subject(stext[: w.start])
        if _OWN_EARLIER_VERSION.search(before[-120:]):
            continue  # "An earlier version of this article said …": the outlet's own text, corrected
        following_verb = nxt in _GAP_HEADS or i + 1 < len(ws) and ws[i + 1].text.islower() and (
            nxt in _IRREGULAR_PAST or nxt.endswith(("ed", "s")) and not nxt.endswith("ss") and len(nxt) > 3)
        gap = _GAP_SUBJECT.search(before) if following_verb and w.norm in _CLAUSE_CUES else None
        if gap is not None:
            # "a change the actuaries have said would cost more": the clause's subject is the noun before
            # the speaker, so the statement is the predicate
            name = gap.group("subject")
        elif name is not None and " " in name and (summary := _GAP_SUBJECT.search(before)) is not None \
                and summary.group("noun") \
                and words(summary.group("subject"))[0].norm in {"the", "his", "her", "its", "their"}:
            name = summary.group("subject")  # "a threat the government says it does not take seriously"
        if name is None and not told:
            continue
        if w.norm == "understands" and (name is None or outlet_of_reporter(name, "reports") is None
                                         or not any(x.text[0].isupper() for x in words(name)[1:])):
            continue  # "Lind understands the risk": a person's grasp, not an outlet's report
        if (clear is not None or stance) and not _someone(name):
            continue  # "The figures make clear that …": no one's statement
        if finding:
            # "researchers found that …" reports a study; "police found that …" is no one's statement
            by_name = name is not None and re.search(r"\b(?:by|from)\s+" + re.escape(name), before) is not None
            if not by_name and not any(x.norm in _RESEARCH for x in words(name or "")[:3]):
                # "A poll by Fenwick College" is the college's; "A study published in the Journal" the study's
                lead = next((x for x in words(before)[:3] if x.norm in _RESEARCH), None)
                if lead is not None:
                    name = before[: lead.end].strip()  # "A study published last month in … found that"
        if gap is not None:
            pos: int | None = w.end
        elif clear is not None:
            that = re.match(r"\s+that\b", stext[ws[clear].end :])
            pos = ws[clear].end + that.end() if that is not None else None
        elif ruled:
            pos = _skip_to_that(stext[w.end :], w.end)
        else:
            pos = _content_start(stext, ws[i + 1].end if w.norm in _POINT else w.end, w.norm)
        if joined and nxt != "that" and w.norm in _CUES_BEFORE_THAT:
            pos = ws[i + 2].end  # past "5-2 that"
        if heard and nxt == "how":
            pos = ws[i + 1].end  # "The inquest heard how the driver had been awake": what it heard
        if pos is None and quoted_after and _quotation_is_its_own(stext, w.end, inside, sent.start):
            # "called half of his supporters “deplorables”": with quoted words to
            # come, the rest of the sentence is what the speaker is reported to say.
            pos = w.end
            while (when := _ADVERBIAL.match(stext, pos)) is not None and when.end() > pos:
                pos = when.end()  # "warned Tuesday of a “crisis”": when it was said is no part of it
        if pos is None:
            continue
        if _WHAT_BEFORE.search(before):
            was = _WAS_THAT.match(stext, pos)
            pos = was.end() if was is not None else pos  # "What Lind said was that …": the clause after it
        span = _content_span(text, sent.start + pos, sent.end)
        if span is not None:
            tail = _PARTICIPLE_TAIL.search(text, span.start, span.end)
            if tail is not None:
                span = _content_span(text, span.start, tail.start())
        if span is not None:
            span = _end_before_contrast(text, span, inside)
            if w.norm.endswith("ed") or w.norm in _IRREGULAR_PAST:
                span = _end_at_present_comment(text, span, inside)
            reported = _REPORTED_BY.search(text, span.start, span.end)
            if reported is not None:
                span = _content_span(text, span.start, reported.start())  # "…, the Coastal Times reported."
        if span is not None:
            who = _WHO_A_NAME_IS.search(text, span.start, span.end) \
                or _WHICH_A_NAME_IS.search(text, span.start, span.end)
            if who is not None and not inside.covers(who.start("comma")):
                span = _content_span(text, span.start, who.start("comma"))
        if span is not None and w.norm in _NOUN_PHRASE_CUES:
            # "denies bribery charges as council weighs its next move": an object's statement ends at the
            # writer's clause of what happens meanwhile
            meanwhile = _MEANWHILE.search(text, span.start, span.end)
            if meanwhile is not None and not _main_verb(words(text[span.start : meanwhile.start()]), strict=True):
                span = _content_span(text, span.start, meanwhile.start())
        if span is not None and gap is not None and gap.group(0).lstrip().startswith(","):
            # "the pier, which officials said was unsafe, would close": the relative clause ends at its comma
            close = _VERB_AFTER_APPOSITION.search(text, span.start, span.end)
            span = _content_span(text, span.start, close.start()) if close is not None else span
        if span is not None and _RELATIVE_SUBJECT.search(before):
            span = _content_span(text, span.start, _end_of_relative(text, span))
        if span is not None and _FROM_BEFORE.search(before):
            # "from saying that … to playing up …": a range of things done, the statement is its first end
            to = _TO_GERUND.search(text, span.start, span.end)
            span = _content_span(text, span.start, to.start()) if to is not None else span
        if span is not None and _SUBORDINATE_CUE.search(before):
            # "If Lind says the pier is safe, nobody will believe her.": the clause ends at its comma
            comma = next((c for c in range(span.start, span.end) if text[c] == "," and not inside.covers(c)), None)
            span = _content_span(text, span.start, comma) if comma is not None else span
        if span is None or _mostly_quoted(text, span, inside):
            continue
        if _REFUSED_TO_SAY.search(before) and words(text[span.start : span.end])[0].norm in _QUESTION_WORDS:
            continue  # "declined to say whether the pier would close": a question left open, no statement
        if joined and w.norm not in _POINT and not _main_verb(words(text[span.start : span.end]), strict=True):
            continue  # "posted that notice on Monday": "that" is the demonstrative, no clause follows
        cue = f"{w.text} {ws[i + 1].text}" if w.norm in _POINT else w.text.rstrip(".")
        cue = stext[w.start : ws[clear].end] if clear is not None else cue
        if name is None:
            return ReportedSpeech(span, None, sent.start + w.start, cue, find_outlet(stext[:pos]))
        outlet = find_outlet(stext[:pos]) or outlet_of_reporter(name, w.text.rstrip("."))
        return ReportedSpeech(span, name, sent.start + stext.find(name), cue, outlet)
    return None


# ", the Coastal Times reported" closing a sentence: the outlet that reported the statement
_REPORTED_BY = re.compile(r",\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4}\s+(?:first\s+)?reported"
                          r"(?:\s+(?:on\s+)?\w+)?\W*$")
# "… with NATO, the alliance that includes …": who a name is, told the reader by the writer
_WHO_A_NAME_IS = re.compile(
    r"\b[A-Z][\w.’'-]*(?P<comma>,)\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,4}?(?:that|which|who)\b"
)
# "… to the Health and Safety Executive, which has no powers over …": what a named body is, to the
# end of the sentence, is told to the reader by the writer
_WHICH_A_NAME_IS = re.compile(r"\b[A-Z][\w.’'-]*(?P<comma>,)\s+which\s+(?:is|was|has|had|runs|owns)\b[^,;]*$")
_WHAT_BEFORE = re.compile(r"(?:^|[,;]\s*|\s)[Ww]hat\s+[^,;:]{1,60}$")
_WAS_THAT = re.compile(r"\s+(?:is|was|has\s+been)\s+(?:that\s+)?", re.IGNORECASE)
# A cue refused or negated: "declined to say", "would not say", "did not explain".
_REFUSED_TO_SAY = re.compile(
    r"\b(?:(?:declined|declines|refused|refuses|refusing|declining)\s+to|(?:would|will|did|does|could|can)\s*n[o’']t|"
    r"(?:would|will|did|does|could|can)\s+not|won[’']t)\s+(?:\w+ly\s+)?(?:say\s+)?$",
    re.IGNORECASE,
)
_QUESTION_WORDS = frozenset("whether if when how why what where who which".split())


# The writer in the present: "I think", "I would argue", "I believe", "we would say".
_OPINION_NOW = frozenset("think believe argue say suggest contend maintain insist".split())
_WRITER_NOW = re.compile(r"(?:^|[^\w’'])(?:I|[Ww]e)\s+(?:(?:would|do|still|also|really|honestly)\s+)*$")
# A yes-or-no question opens with its auxiliary: "Can anyone say …?", "Did the mayor claim …?"
_ASKED = re.compile(r"\W*(?:Can|Could|Will|Would|Should|Does|Do|Did|Has|Have|Had|Is|Are|Was|Were|Might|May)\s")
_OWN_EARLIER_VERSION = re.compile(
    r"\b(?:an?|the)\s+(?:earlier|previous|prior|original)\s+version\s+of\s+(?:this|the)\s+"
    r"(?:article|story|report|newsletter|column|piece|post|item)\b[^,.;:]{0,30}$",
    re.IGNORECASE,
)
# A cue denied: "did not say", "never claimed", "doesn't think".
_NEGATED = re.compile(
    r"\b(?:(?:do|does|did)\s*(?:n[’']t|\s+not)|never)\s+(?:\w+ly\s+)?(?:actually\s+)?$", re.IGNORECASE
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|also\s+|not\s+)?$", re.IGNORECASE)
# A cue that has not happened: expected, planned or wished for.
_NOT_YET_SAID = re.compile(
    r"(?=[esdpluhwira])\b(?:expected|scheduled|set|due|poised|planning|plans|plan|planned|likely|unlikely|hoping|hopes|hoped|"
    r"wants|want|wanted|intends|intended|ready|about|unable|wanting|pressure|pressed|urged)\s+(?:\w+\s+)?to\s+$",
    re.IGNORECASE,
)
_TALLY = re.compile(r"\d{1,2}-\d{1,2}")
_FINDS = frozenset("found finds find".split())
# "a claim the trust says is exaggerated": a noun, the speaker, the cue, then the noun's own verb
_GAP_HEADS = frozenset("would will is was are were could can may might should shows showed".split())
_GAP_SUBJECT = re.compile(
    r"(?=[,;\satow])"  # the first characters its forms can start with: other places fail at once
    r"(?:(?:^|[,;]\s*|\s(?:--|[—–―])\s*|\s)(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?P<noun>claim|change|detail|plan|figure|"
    r"proposal|measure|policy|project|rule|decision|move|idea|man|woman|person|group|company|document|report|pledge|"
    r"promise|threat|position|view|account|number|estimate|argument|charge)s?\s+(?:that\s+|which\s+|whom\s+|who\s+)?"
    # "an audit that he said backed him up", "…, which the office estimates will pull …"
    r"|(?<=[a-z] )(?:that|which)\s+|,\s+which\s+)"
    r"(?P<subject>(?:the\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:(?:has|have|had)\s+)?$"
)
_MAKE = frozenset("made makes make making".split())
_ADD = frozenset("add adds added adding".split())
# "Some might argue …", "You could say …": a statement imagined, not made
_MIGHT_SAY = re.compile(r"\b(?:might|could|may)\s+(?:well\s+|also\s+)?$", re.IGNORECASE)
_POSTED_THAT = re.compile(
    r"\s+(?:on|to)\s+(?:[A-Z][\w.]*|social\s+media|(?:his|her|its|their|the)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?:\s+(?:page|account|feed|site|website|channel|group))?\s+that\b"
)
_HEARINGS = frozenset("court inquest jury hearing tribunal trial magistrates committee panel inquiry".split())
_STANCES = frozenset("adamant insistent confident convinced".split())
_COPULAS = frozenset("is was are were remains remained been".split())
_SPEAKING_HEADS = ORG_WORDS | frozenset(
    "minister spokesman spokeswoman spokesperson chief manager leader chairman chairwoman chair mayor coach "
    "secretary director president governor officer club trust charity firm school hospital family player".split()
)


def _someone(name: str | None) -> bool:
    """Whether a subject names or describes a person or a body ("Lind", "she", "the council"), not a thing."""
    ws = words(name or "")
    if not ws:
        return False
    if ws[0].norm in {"he", "she", "they", "we", "i"}:
        return True
    named = any(w.text[0].isupper() for w in ws if w.norm not in DETERMINERS)
    return named or ws[-1].norm in _SPEAKING_HEADS


_RESEARCH = frozenset(
    "study studies survey surveys poll polls report reports review reviews audit audits analysis analyses research "
    "researchers inquiry investigation investigators evaluation assessment census findings paper consultation "
    "consultations scientists authors".split()
)
_RULED = frozenset("rule rules ruled ruling".split())
_CUES_BEFORE_THAT = frozenset(
    "respond responds responded answer answers answered mention mentions mentioned repeat repeats repeated "
    "post posts posted project projects projected "  # "posted that"; "ruled that" is _RULED's
    "joke jokes joked quip quips quipped".split()  # "joked that his doctor …": what the joke said
)


# ", the latest setback for …", ", a move that …", ", the first such vote": the writer sums up in a noun phrase
_SUMMING_UP = (
    r"(?:the|a|an)\s+(?:latest|newest|first|rare|further|(?:major|significant|surprising)\s+\w+|move|step|sign|"
    r"setback|blow|reversal|departure|signal|nod|concession)\b"
)
# A participle phrase led by an adverb after a comma ends a statement: it is the writer's comment
# on it ("…, implicitly putting his name on the line"). Without the adverb the phrase is as
# often part of what was said ("…, amounting to what the senators said was …").
# "…, citing a survey": the basis the writer gives for the statement, not more of it; so are the
# writer's verdict on it ("…, which is false", "…, a claim the port denies"), what the speaker
# did next ("…, then left the stage") and who reported it ("…, according to the Times").
_PARTICIPLE_TAIL = re.compile(
    r"(?:,|\s+(?:--|[—–―]))\s+(?:[a-z]+ly\s+(?!(?:saying|adding|noting|arguing|claiming|warning)\b)[a-z]+ing|citing"
    # ", the latest setback for …", ", a move that …": the writer's summing up in a noun phrase
    r"|" + _SUMMING_UP +
    # ", raising fears …", ", creating the country's …": the writer's account of what it means
    r"|(?:raising|creating|prompting|sparking|fueling|fuelling|deepening|underscoring|highlighting|marking|"
    r"capping|signaling|signalling|adding\s+to)\s+(?:the|a|an|its|his|her|their|fears|concerns|questions|hopes|doubts)"
    r"|which\s+(?:is|was|are|were)\s+(?:not\s+)?(?:\w+ly\s+)?(?:false|untrue|true|incorrect|wrong|inaccurate|"
    r"misleading|accurate|correct|baseless|unfounded)"
    r"|an?\s+(?:\w+\s+)?(?:claim|assertion|allegation|charge|contention|point|figure|view|argument)\s+(?:that\s+)?(?:the|a|an|his|her|their|its|"
    r"he|she|they|it|some|many|most|few|several|others|critics|no|nobody|[A-Z])"
    r"|(?:and\s+)?then\s+(?:[a-z]+ed|left|went|took|made|gave|sat|stood|ran|got|spoke)|according\s+to)\b"
)
# The writer's noun for the statement, set after it with what others make of it: "…, a claim Lind
# disputes", "…, an account prosecutors dispute", "… — a view shared by most officers".
_SUMMARY_NOUN = re.compile(
    r"(?:,[”\"’]?|\s+(?:--|[—–―]))\s+(?:an?|the|one)\s+(?:[a-z][\w-]*\s+)?(?:claim|assertion|allegation|charge|contention|"
    r"position|view|account|figure|promise|point|description|phrase|proposal|change|argument|detail|number|estimate|"
    r"version|idea|notion|stance|characteri[sz]ation|prediction|pledge|threat|warning|line|remark|comment|quip|"
    r"refrain|statement|talking\s+point)s?\s+"
    # "…, a line that drew the loudest applause of the night", "…, an assertion at odds with the figures"
    r"(?:(?:that|which)\s+(?:[a-z]+ed|drew|won|got|made|brought|became|left)\b|(?:at\s+odds|from|in\s+line)\b"
    r"|(?:(?:that|which)\s+)?"
    r"(?:(?:the|a|an|his|her|their|its|he|she|they|it|we|I|you|many|most|some|few|several|both|nobody|everyone|"
    r"has|have|had|is|was|shared|disputed|echoed|rejected|denied|contested|questioned|challenged|endorsed|backed|"
    r"dismissed|floated|made)\b|(?-i:[A-Z])[\w’'.-]*|[a-z]+s\s+[a-z]+\b"
    # "a pledge housing experts said", "a point election officials dispute"
    r"|(?:[a-z]+\s+){1,2}[a-z]+s\s+(?:said|say|says|have|had|called|call|calls|dispute|reject|deny|share|contest)\b))"
)
# The writer's or the speaker's other words after the statement: "…, which she denies"; "…, calling the
# charges baseless" (a judgment of the speaker's, not what was said); "… (it had not)", an aside in
# brackets with a clause of its own.
_WRITER_TAIL = re.compile(
    r"(?=[,;\s])"  # each form starts with a comma, a semicolon or a space: other places fail at once
    r"(?:,\s+(?:which\s+(?:he|she|they|it|we|I|(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,2}|the\s+[a-z]+)\s+"
    r"(?:also\s+)?(?:denies|denied|disputes|disputed|rejects|rejected|contests|contested|dismisses|dismissed)"
    r"|(?:and\s+)?(?:calling|dubbing|branding|labell?ing|deriding|echoing|reprising|contradicting)\s"
    # "…, despite evidence to the contrary", "…, though the figures suggest otherwise"
    r"|(?:despite|contrary\s+to)\s+(?:the\s+)?(?:evidence|data|figures|records|facts)\b"
    r"|(?:though|although|but)\s+(?:the\s+|official\s+|his\s+own\s+|her\s+own\s+|its\s+own\s+)?"
    r"(?:figures|data|records|numbers|evidence|facts)\s+(?:suggest|show|say|tell)"
    # "…, without offering evidence", "…, which it has not done", "…, which is not the same as no"
    r"|without\s+(?:offering|providing|citing|giving|presenting)\s+(?:any\s+)?(?:evidence|proof)"

    r"|which\s+(?:he|she|they|it|we|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:has|have|had|did|does|do)\s+not\b"
    r"|which\s+would\s+be\s+(?:illegal|unlawful|unusual|unprecedented|impossible)\b"
    # "…, which the bureau's analysis partly supports": the writer's check of it
    r"|which\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+(?:\w+ly\s+)?(?:supports|backs|confirms|contradicts|undercuts)\b"
    r"|which\s+(?:is|was)\s+not\s+(?:the\s+same|what|quite|how)\b"
    # "…, weeks before the charges were filed": when, told by the writer
    r"|(?:(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+)?(?:days|weeks|months|years)\s+(?:before|after)\s)"
    # "…; in fact, it had saved 2 million": the writer's correction after a semicolon
    r"|;\s+(?:in\s+fact|actually|in\s+reality|in\s+truth)\b"
    # "…, and she was right", "…, something the port has long denied": the writer's verdict
    r"|,\s+and\s+(?:he|she|they|it)\s+(?:was|were|is|are)\s+(?:right|wrong|correct|mistaken)\b"
    r"|,\s+something\s+(?:that\s+)?(?:the|his|her|their|its|he|she|they|(?-i:[A-Z]))"
    # a poll's figure "…, within the margin of error"; a columnist's "…, and she may have a point"
    r"|,\s+(?:well\s+|just\s+)?(?:within|inside|outside)\s+(?:the\s+|its\s+)?margin\s+of\s+error"
    r"|,\s+and\s+(?:he|she|they|it)\s+(?:(?:may|might|could)\s+(?:well\s+)?)?(?:has|have)\s+a\s+point"
    # "… without saying where", "… — which is to say, …": the writer's aside on it
    r"|,?\s+without\s+(?:saying|explaining|specifying)\s+(?:where|how|why|when|what|who|which)\b"
    r"|,\s+without\s+(?:mentioning|noting|acknowledging|disclosing)\b"
    # "…, the third time this month he has made the claim"
    r"|,\s+the\s+(?:first|second|third|fourth|fifth|latest|[a-z]+th)\s+time\b"
    r"|(?:,|\s+(?:--|[—–―]))\s+which\s+is\s+to\s+say\b"
    # "… and urged residents to apply": the speaker's next act, not more of the statement
    r"|,?\s+and\s+(?:then\s+)?(?:urged|accused|cautioned|pointed|promised|predicted|called|asked|thanked|praised|"
    r"critici[sz]ed|apologi[sz]ed|dismissed|demanded|appealed|pleaded|challenged|vowed|pledged|"
    r"urges|accuses|asks|calls|demands|appeals|thanks|praises|threatened|threatens)\b"
    # "… but declined to name them", "… and would not say which": what the speaker left unsaid
    r"|,?\s+(?:and|but)\s+(?:declined|refused)\s+to\s+(?:say|comment|elaborate|discuss|answer|give|name|specify|"
    r"take|identify)\b"
    # ("and would not comment further" is told in the past of reported speech: it is the statement's)
    r"|,?\s+(?:and|but)\s+did\s+not\s+(?:say|elaborate|comment|name|specify|identify)\b"
    r"|,?\s+(?:and|but)\s+(?:gave|offered|provided)\s+no\s+(?:details|evidence|reason|timeline|figures|names)\b"
    r"|,?\s+(?:and|but)\s+took\s+no\s+questions\b)"
)
_BRACKET_ASIDE = re.compile(
    r"\s+(?:\((?P<inner>[^()]{3,160})\)|(?:--|[—–])\s*(?P<dashed>[^—–]{3,80}?)\s*(?:--|[—–]))\s*$"
)
# A finite verb after a comma: the phrase set apart was inside the statement ("the plan, a proposal the
# council backs, would cost more").
_VERB_AFTER_APPOSITION = re.compile(
    r",\s+(?:has|have|had|is|was|are|were|will|would|can|could|may|might|must|should)\b"
)


def _without_writer_comment(text: str, item: ReportedSpeech) -> ReportedSpeech | None:
    """The statement without the writer's comment set after it (whatever rule found it)."""
    span = item.parts[-1] if item.parts else item.content  # "The pier, Lind said, was unsafe, and she was right"
    end = span.end
    m = _SUMMARY_NOUN.search(text, span.start, end)
    if m is not None and not _VERB_AFTER_APPOSITION.search(text, m.end(), end):
        end = m.start()
    tail = _WRITER_TAIL.search(text, span.start, end)
    end = tail.start() if tail is not None else end
    bracket = _BRACKET_ASIDE.search(text, span.start, end)
    aside = words(bracket.group("inner") or bracket.group("dashed")) if bracket is not None else []
    if bracket is not None and len(aside) >= _MIN_WORDS and _main_verb(aside, strict=True):
        end = bracket.start()  # "… (it had not)", "… — it had not —"
    if end == span.end:
        return item
    if len(item.parts) > 1:
        last = _predicate(text, span.start, end)
        if last is None:
            return item
        return replace(item, content=Span(item.content.start, last.end), parts=(*item.parts[:-1], last))
    cut = _content_span(text, span.start, end)
    # "A spokesman said they were and pointed me to the manifesto": too little is left to be a statement
    return None if cut is None else replace(item, content=cut, parts=())


# ", but the council disagreed", ", though she gave no reason": a contrast with a subject of its own is
# the writer's next clause
_CONTRAST = re.compile(r",\s+(?:but|though|although)\s+")
# Words after "but" that go on with the same clause ("but only if", "but also led", "but not yet").
_NO_NEW_SUBJECT = frozenset(
    "only also not rather even instead then still just because if when as so that to without by in on at for with "
    "from under after before now never more less perhaps maybe".split()
)


def _opens_clause(ws: list[Word]) -> bool:
    """Whether the words after "but" open a clause with a subject of its own and its verb."""
    if len(ws) > 2 and ws[0].norm in {"that", "this"} and ws[1].text.islower() and ws[2].norm in _FINITE \
            and ws[1].norm not in DETERMINERS and ws[1].norm not in PERSONAL_PRONOUNS:
        return True  # "…, but that programme has insulated 41,000 homes": a demonstrative subject
    if len(ws) > 2 and ws[0].norm == "only" and ws[1].text[0].isdigit():
        return _main_verb(ws[2:12], strict=True)  # "but only 412 people took part": a measured subject
    if len(ws) < 2 or ws[0].norm in _NO_NEW_SUBJECT or ws[0].norm in _FINITE or not ws[0].text.isalpha():
        return False
    if ws[0].text.islower() and (ws[0].norm.endswith(("ed", "ly")) or ws[0].norm in _IRREGULAR_PAST):
        return False  # "but pledged to stay": the same subject goes on
    return _main_verb(ws[1:12])


_AND_CLAUSE = re.compile(r",\s+and\s+")


def _narrative_clause(ws: list[Word]) -> bool:
    """ ", and his lawyer, Hiram Stoke, provided a letter": a new subject whose verb is a plain past, not
    the backshifted "had provided" or "would" of a reported clause, is the writer's next sentence."""
    if len(ws) < 3 or not (ws[0].norm in {"the", "his", "her", "their", "its"} or ws[0].text[0].isupper()):
        return False
    for k, w in enumerate(ws[1:7], start=1):
        if w.norm in _FINITE or w.norm in REPORTING_VERBS:
            return False
        if w.text.islower() and (w.norm in _IRREGULAR_PAST or w.norm.endswith("ed") and len(w.norm) > 3
                                 and w.norm not in ED_NOUNS):
            return k > 1 or ws[0].text[0].isupper()
    return False


def _plain_past_first(ws: list[Word]) -> bool:
    """Whether a statement's first verb is a plain past ("the pier closed in May"): then a plain past
    after ", and" may be more of it ("…, and the ferries stopped")."""
    for w in ws[1:12]:
        if w.norm in _FINITE:
            return False
        if w.text.islower() and (w.norm in _IRREGULAR_PAST or w.norm.endswith("ed") and len(w.norm) > 3):
            return True
    return False


_PRESENT_AUXILIARIES = frozenset("is are has have does do isn't aren't hasn't haven't doesn't".split())
_BACKSHIFTED = frozenset("would could might had was were should".split())
_JOINED_COMMENT = re.compile(r",\s+(?:and|so)\s+")


def _end_at_present_comment(text: str, span: Span, inside: _Quoted) -> Span:
    """After a cue in the past, a statement is told in the past ("would pay less"); ", so the figure is
    close" in the present, with a subject of its own, is the writer speaking now."""
    for m in _JOINED_COMMENT.finditer(text, span.start, span.end):
        head = words(text[span.start : m.start()])
        after = words(text[m.end() : min(span.end, m.end() + 80)])[:7]
        first_verb = next((w.norm for w in head if w.norm in _FINITE or w.norm in _BACKSHIFTED), None)
        present = next((k for k, w in enumerate(after) if w.norm in _PRESENT_AUXILIARIES), None)
        if inside.covers(m.start()) or first_verb not in _BACKSHIFTED or present is None or present == 0 \
                or _main_verb(after[:present], strict=True):
            continue
        cut = _content_span(text, span.start, m.start())
        return cut if cut is not None else span
    return span


def _end_before_contrast(text: str, span: Span, inside: _Quoted) -> Span:
    """A statement ends before ", but" and a clause with its own subject and verb (unless in the tense
    of reported speech), before the writer's context (", as shoppers turned …"), the speaker's next
    act ("and urged …"), and a semicolon or ", while" that opens another attribution."""
    for m in _CONTRAST.finditer(text, span.start, span.end):
        following = words(text[m.end() : min(span.end, m.end() + 120)])
        # "…, but she had taken his age into account": the tense of reported speech carries it on
        if not inside.covers(m.start()) and (_opens_clause(following) and not _backshifted(following)
                                             or _REFUSAL.match(text, m.end(), span.end)):
            # "says he's fine, but the pier is shaking": a short statement is still cut at the contrast
            cut = _content_span(text, span.start, m.start()) or _predicate(text, span.start, m.start())
            return cut if cut is not None else span
    for m in _AS_CONTEXT.finditer(text, span.start, span.end):
        if not inside.covers(m.start()) and _opens_clause(words(text[m.end() : min(span.end, m.end() + 120)])):
            # "says it's over, as shoppers turned away": a short statement is cut at the writer's context too
            cut = _content_span(text, span.start, m.start()) or _predicate(text, span.start, m.start())
            return cut if cut is not None else span
    for m in _AS_NOW.finditer(text, span.start, span.end):
        said = words(text[span.start : m.start()])
        if not inside.covers(m.start()) and any(w.norm in _PAST_IN_REPORT for w in said):
            cut = _content_span(text, span.start, m.start())
            return cut if cut is not None else span
    act = _SPEAKER_NEXT_ACT.search(text, span.start, span.end)
    if act is not None and not inside.covers(act.start()):
        cut = _content_span(text, span.start, act.start())
        if cut is not None:
            span = cut
    for m in _AND_CLAUSE.finditer(text, span.start, span.end):
        if not inside.covers(m.start()) and _narrative_clause(words(text[m.end() : min(span.end, m.end() + 120)])) \
                and not _plain_past_first(words(text[span.start : m.start()])):
            cut = _content_span(text, span.start, m.start())
            return cut if cut is not None else span
    for m in _COORDINATED_CUE.finditer(text, span.start, span.end):
        if not inside.covers(m.start()) and _QUOTE_NEXT.match(text, m.end()) is not None:
            cut = _content_span(text, span.start, m.start())  # "…, and added: “…”": the quotation is its own claim
            return cut if cut is not None else span
    narrator = _NARRATOR_CLAUSE.search(text, span.start, span.end)
    if narrator is not None and not inside.covers(narrator.start()):
        # "told me they worried …, so we set up a club": "I" or "we" after the comma is the narrator
        cut = _content_span(text, span.start, narrator.start())
        if cut is not None:
            span = cut
    for m in _NEXT_ATTRIBUTION.finditer(text, span.start, span.end):
        after = words(text[m.end() : min(span.end, m.end() + 100)])[:8]
        relative_inside = m.group(0).endswith("which") and _VERB_AFTER_APPOSITION.search(text, m.end(), span.end)
        if not inside.covers(m.start()) and not relative_inside and any(
            k > 0 and (w.norm in REPORTING_VERBS or w.norm in _REACTIONS) and w.text.islower()
            # "…, and the wind was expected to ease", "…, and had never had a reply": no new speaker
            and after[k - 1].norm not in _PASSIVE_AUXILIARIES and after[k - 1].norm not in {"a", "an"}
            for k, w in enumerate(after)
        ):
            cut = _content_span(text, span.start, m.start())
            return cut if cut is not None else span
    return span


# "…, as she tries to win back voters": after a statement told in the past, a clause in the present
# tense is the writer's own time, not part of what was said
_AS_NOW = re.compile(
    r",\s+as\s+(?:he|she|they|it|we|the\s+[a-z]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+"
    r"(?:\w+ly\s+)?(?:is|are|has|have|tries|seeks|faces|prepares|continues|looks|hopes|works|struggles|fights)\b"
)
_PAST_IN_REPORT = frozenset("would had was were could might should".split())
# "…, but declined to say whether …": the speaker's refusal to say more, not more of the statement
_REFUSAL = re.compile(
    r"(?:(?:he|she|they|it)\s+)?(?:declined|refused|would\s+not|did\s+not|could\s+not|wouldn[’']t|didn[’']t)\s+"
    r"(?:to\s+)?(?:say|comment|elaborate|discuss|specify|name|identify|give|provide|answer|confirm)\b"
)
# "said profit fell, as shoppers turned to cheaper brands": the writer's context, a clause with its own
# subject (a noun phrase, not "as long as" or "as well")
_AS_CONTEXT = re.compile(
    r",\s+even\s+(?:after|as)\s"  # "…, even after tests found …": the writer's aside
    r"|,\s+as\s+(?=(?:the|its|his|her|their|many|some|other|more|fewer)\s|[a-z]{3,}[a-rt-z]s\s"
    # "…, as it shifts spending": the present tense is the writer's, not the reported speech's
    r"|(?:it|he|she)\s+[a-z]{2,}[a-rt-z]s\b)"
)
# "said its members needed the trains and urged lawmakers to override": the speaker's next act
_SPEAKER_NEXT_ACT = re.compile(
    r",?\s+and\s+(?:then\s+)?(?:urged|called\s+(?:on|for)|appealed\s+to|accused|demanded)\s+(?=[a-z]|[A-Z]\w*\s+(?:to|of)\b)"
)
# "…; Lind said it would not", "…, while most Democrats said it should stay", "…, and Tull said she would
# be there", "…, and Stone disagreed": another attribution, or another's answer to the statement
_NEXT_ATTRIBUTION = re.compile(r";|,\s+(?:while|whereas|and(?!\s+that\b)|which)\b")  # ", and that": the same speaker
_PASSIVE_AUXILIARIES = frozenset("is are was were be been being".split())
_REACTIONS = frozenset(
    "disagreed disagrees agreed agrees objected objects demurred dissented disputed disputes".split()
)
_NARRATOR_CLAUSE = re.compile(r",\s+(?:so|and|but)\s+(?:I|we)\s+(?=[a-z])")


# A second cue of the same speaker ends the first statement: "… and said a curfew would
# continue", "…, though she noted that …".
_COORDINATED_CUE = re.compile(
    r"(?=[,\s])"  # each form starts with a comma or a space: other places fail at once
    r"(?:(?:,?\s+(?:but|and)|,\s+(?:though|although|while))\s+(?:then\s+)?(?P<pronoun>(?:he|she|they)\s+)?(?:also\s+)?(?:\w+ly\s+)?(?P<cue>said|added|noted|acknowledged|conceded|insisted|"
    r"argued|warned|stressed|pledged|vowed|promised|told|announced|claimed|explained|denied|confirmed|wrote|predicted|"
    r"suggested|maintained|cautioned|admitted|"
    # a profile's present tense: "Marsh admits …, but says …"
    r"says|adds|notes|acknowledges|concedes|insists|argues|warns|stresses|tells|claims|explains|denies|confirms|"
    r"writes|admits|points\s+out|pointed\s+out)"
    # "…, adding that …": a participle of the same speaker's saying
    r"|,\s+(?:and\s+)?(?:also\s+)?(?P<gerund>adding|noting|insisting|arguing|warning|explaining|stressing|"
    r"acknowledging|conceding))\b"
)


def _coordinated_cue(m: re.Match[str]) -> str:
    return m.group("cue") or m.group("gerund")


def _coordinated_statement(text: str, sent: Span, inside: _Quoted, first: ReportedSpeech) -> ReportedSpeech | None:
    """ "Police announced an arrest and said a curfew would continue": the second cue's statement,
    by the same speaker; the first statement ends where it starts."""
    m = _COORDINATED_CUE.search(text, first.content.start, sent.end)
    if m is None or m.start() > first.content.end or inside.covers(m.end() - 1):
        return None
    stext = text[sent.start : sent.end]
    pos = _content_start(stext, m.end() - sent.start, _coordinated_cue(m))
    span = _content_span(text, sent.start + pos, sent.end) if pos is not None else None
    if span is None or _mostly_quoted(text, span, inside):
        return None
    if m.group("pronoun"):
        return ReportedSpeech(span, m.group("pronoun").strip(), m.start("pronoun"), _coordinated_cue(m), None)
    return ReportedSpeech(span, first.speaker, first.speaker_at, _coordinated_cue(m), first.outlet)


_GERUND_CUE = re.compile(r",\s+(?:and\s+)?(?:also\s+)?(?P<gerund>adding|noting|insisting|arguing|warning|explaining|"
                         r"stressing|acknowledging|conceding)\b")


def _gerund_after_trailing_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "Fares will rise, Lind said in a statement, adding that wages would fall.": the gerund's
    statement, by the speaker of the cue just before it."""
    stext = text[sent.start : sent.end]
    if "ing" not in stext:
        return None
    for m in _GERUND_CUE.finditer(stext):
        if inside.covers(sent.start + m.start()):
            continue
        comma = stext.rfind(",", 0, m.start())
        if comma < 0 or inside.covers(sent.start + comma):
            return None
        cue = parse_tail(stext[comma : m.start()], offset=sent.start + comma)
        if cue is None or cue.speaker is None or cue.cue is None or cue.cue.split()[0].lower() not in REPORTING_VERBS:
            return None
        pos = _content_start(stext, m.end(), m.group("gerund"))
        span = _content_span(text, sent.start + pos, sent.end) if pos is not None else None
        if span is None or _mostly_quoted(text, span, inside):
            return None
        return ReportedSpeech(span, cue.speaker, cue.speaker_at, m.group("gerund"), cue.outlet)
    return None


_QUOTE_NEXT = re.compile(r"\s*[:,]?\s*[“\"‘«]")


_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+")


def _split_at_and_that(
    text: str, inside: _Quoted, item: ReportedSpeech
) -> tuple[ReportedSpeech, ReportedSpeech | None]:
    """ "said the council had wasted millions and that residents were paying": two statements of one
    speaker and cue. Not when a "that" came before, which the second may go on from ("a plan that
    voters liked and that critics hated")."""
    span = item.content
    m = _AND_THAT.search(text, span.start, span.end)
    if m is None or inside.covers(m.start()) or len(item.parts) > 1 \
            or any(w.norm == "that" for w in words(text[span.start : m.start()])):
        return item, None
    first = _content_span(text, span.start, m.start())
    second = _content_span(text, m.end(), span.end)
    if first is None or second is None or not _main_verb(words(text[second.start : second.end])):
        return item, None
    head = words(text[second.start : second.end])[0]
    if "but" in m.group(0) and head.text.islower() and head.norm not in DETERMINERS \
            and head.norm not in PERSONAL_PRONOUNS and not head.norm.endswith("s"):
        return item, None  # "…, but that programme has insulated …": the demonstrative, the writer's clause
    return replace(item, content=first, parts=()), replace(item, content=second, parts=())


def _cut_at_coordinated_cue(text: str, sent: Span, inside: _Quoted, item: ReportedSpeech) -> ReportedSpeech:
    """The first of two coordinated statements ends where the second cue begins."""
    second = _coordinated_statement(text, sent, inside, item)
    if second is None:
        return item
    m = _COORDINATED_CUE.search(text, item.content.start, sent.end)
    assert m is not None
    span = _content_span(text, item.content.start, m.start())
    if span is None or _mostly_quoted(text, span, inside):
        return item
    return ReportedSpeech(span, item.speaker, item.speaker_at, item.cue, item.outlet)


def _quotation_is_its_own(stext: str, pos: int, inside: _Quoted, offset: int) -> bool:
    """Whether the quotation after a cue is this cue's: not opening the content (then the quote
    is the claim), not after "the same", not after a conjunction that starts another clause,
    and with no other cue between ("mentioned the devil …, I laughed and said, “…”")."""
    rest = stext[pos:]
    head = words(rest[:60])
    if not head:
        return False
    if rest.lstrip()[:1] in _OPENING_MARKS:
        # the quotation opens the content: it is the claim, unless the clause goes on after it
        # (“budget reforms” and the collection of unpaid taxes would help), not a new predicate
        # ("chanted “What curfew?” and kept going")
        opened = next(((a, b) for a, b in inside if a >= offset + pos), None)
        if opened is None:
            return False
        after = words(stext[opened[1] - offset :][:80])
        if len(after) < 3 or stext[: opened[1] - offset].rstrip("”\"’'»").endswith(("?", "!")):
            return False
        new_predicate = after[1].norm in _FINITE or after[1].norm.endswith("ed")
        if not _has_finite_verb(after[:12]):
            return False  # "said “no” to the plan": an answer, not a clause
        return not (after[0].norm in {"and", "but", "then"} and new_predicate)
    if head[0].norm == "the" and len(head) > 1 and head[1].norm == "same":
        return False
    for k, w in enumerate(iter_words(rest[:200])):
        if inside.covers(offset + pos + w.start):
            break
        if w.norm in REPORTING_VERBS and k > 0:
            return False
    return not re.match(r"\s*,?\s*(?:in|on|to|via)\b[^,]*,\s*(?:and|but|or)\b", rest)


_SUBORDINATE_OPENING = re.compile(
    # "meetings in which managers warned that …": a clause with its own subject
    r"(?:^|[,;]\s*|\s)(?:as|while|when|whereas|because|although|though|since|after|before|(?:in|at|during)\s+which)\s+",
    re.IGNORECASE,
)


# A cue inside a clause that opens the sentence: "If Lind says …,", "When the port announced …,".
_SUBORDINATE_CUE = re.compile(r"^\W*(?:even\s+)?(?:if|unless|when|whenever|although|though|once)\s+[^,;:]{1,60}$",
                              re.IGNORECASE)


_RELATIVE_SUBJECT = re.compile(
    r"(?=[,wtmsaon])"  # the first characters its forms can start with: other places fail at once
    r"(?:,\s*)?\b(?:who|which|(?<=[a-z] )that|(?:many|some|most|all|one|none|several)\s+of\s+(?:whom|which))"
    r"(?:\s+(?:in|on|last|this|earlier)\s+[\w’'-]+)?(?:\s+(?:\w+ly|has|have|had)){0,2}\s*$",
    re.IGNORECASE,
)


# Where a relative clause holding the cue closes: a dash, or a comma before the main verb
# ("Tom Vale, who in 2010 said the pier was safe, has changed his mind").
_RELATIVE_CLOSE = re.compile(
    r"\s+(?:--|[—–―])\s+|,\s+(?=(?:has|have|had|is|was|are|were|will|would|can|could|did|does|may|might|must|"
    r"should|now|later|then|still|also)\b|[a-z]+ed\b)"
)


def _end_of_relative(text: str, span: Span) -> int:
    m = _RELATIVE_CLOSE.search(text, span.start, span.end)
    end = m.start() if m else span.end
    # "Vale, who said the pier was old, met Lind": a comma before an irregular past closes it too
    for c in re.finditer(r",\s+(?=([a-z]+)\b)", text[span.start : end]):
        if c.group(1) in _IRREGULAR_PAST:
            return span.start + c.start()
        # "Ana Lind, who says the pier is unsafe, at the harbour on Monday": a caption goes on with no verb
        rest = words(text[span.start + c.end() : end])
        if c.group(1) in PREPOSITIONS and rest and not _main_verb(rest, strict=True):
            return span.start + c.start()
    return end


_OBJECT_NP = re.compile(
    r"(?<=[a-z] )(?:a|an|the|this|that|our|his|her|its|their)\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*$"
    r"|(?<=[a-z] )[a-z][\w’'-]{2,}[a-rt-z]s$"  # "spoke to listeners who said": a bare plural
)
_TRAILING_NAME = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*$")


_AFTER_COPULA = re.compile(r"\b(?:are|is|was|were|been|be)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)\s*$", re.IGNORECASE)


_WHERE_THEY_WORK = re.compile(r"\b(?:of|at|for|with)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*$")


def _antecedent(before: str) -> str | None:
    """The one a "who" clause is about: the last name before it, past any appositive."""
    described = None
    for segment in reversed(re.split(r",\s*|\s+(?:--|[—–―])\s+", before.rstrip(" ,—–―-"))):
        first = segment.split()[:1]
        np = _OBJECT_NP.search(segment)
        if np is not None and _AFTER_COPULA.search(segment) is None and _main_verb(words(segment)[1:], strict=True):
            # "Lind cited a report which said", "The board met residents who said": the object the clause
            # hangs on, not the clause before it
            return np.group(0)
        # "now the harbour master", "chief economist at Nordbank": who the person is, not the person
        if first and (first[0].lower() in {"now", "then", "the", "a", "an", "his", "her", "its", "their", "once"}
                      or first[0][0].islower() and _WHERE_THEY_WORK.search(segment)):
            described = described or segment
            continue
        m = _TRAILING_NAME.search(segment)
        if m is not None and m.start() > 0:
            return m.group(1)
        name = clean_subject(segment)
        if name is None:
            # "there are some economists who argue": the noun phrase the clause hangs on
            copula = _AFTER_COPULA.search(segment)
            if copula is not None and plausible_subject(copula.group(1)):
                return copula.group(1)
        if name is None and np is not None:
            name = np.group(0)  # "a report the minister cited which": the noun phrase the clause hangs on
        return name or (clean_subject(described) if described else None)
    # "the study -- which notes that": a description is all the sentence gives
    return clean_subject(described) if described else None


_SUPPOSED = frozenset("anyone anybody whoever".split())


_NOW_BEFORE_CUE = re.compile(r"(?<=[\w.,])\s+now\s*$")  # "Vale, who voted for it, now says": after a comma too
# Verbs that only say the speaking goes on: "continues to insist" is "insists".
_ASPECTUAL = re.compile(r"\s+(?:(?:continues|continued|continue|went\s+on|goes\s+on|go\s+on|has\s+gone\s+on)\s+to|"
                        r"keeps|kept|keep|keeps\s+on|kept\s+on|"  # "keeps saying" is "says"
                        # "Supporters like to say": what they say, again and again
                        r"(?<!would\s)(?<!’d\s)(?<!'d\s)(?:like|likes|love|loves)\s+to)\s*$")


def _subject_of(before: str, verb: str) -> str | None:
    if not before.strip():
        return None  # "“…,” said Lind": the speaker comes after the cue, and no rule below finds one in blanks
    before = _ASPECTUAL.sub(" ", before)
    if not verb.endswith("ing"):
        before = _NOW_BEFORE_CUE.sub(" ", before)  # "She now says": when, not who
    relative = _RELATIVE_SUBJECT.search(before)
    if relative is not None:
        # "McConnell, now the majority leader, who in 2010 said": the one the clause is about
        antecedent = _antecedent(before[: relative.start()])
        # "Anyone who tells you the question is settled …": someone supposed, who said nothing
        return None if antecedent is not None and antecedent.lower() in _SUPPOSED else antecedent
    if verb.endswith("ing") and re.search(r",\s*$", before) and (main := _main_subject(before)) is not None:
        return main  # "The council shut the pier, saying …": the clause's subject, not all of it
    name = clean_subject(before)
    if name is None:
        # "..., as surveyors warned that": the subject of the clause the cue sits in
        last = None
        for last in _SUBORDINATE_OPENING.finditer(before):  # noqa: B007 - the last match is wanted
            pass
        passive = _ENDS_PASSIVE.search(before)
        if last is not None and before[last.end() :].strip() and not passive:
            name = clean_subject(before[last.end() :])
    if name is None and _ENDS_COORDINATED_OR_COMMA.search(before):
        # "She urged ... and said that", "... but has said she will", "..., saying that"
        if verb.endswith("ing") or _ENDS_COORDINATED.search(before):
            name = sentence_subject(before)
    if name is None and verb.endswith("ing"):
        quoted_as = _QUOTED_AS.search(before)
        if quoted_as is not None:
            name = clean_subject(before[: quoted_as.start()])  # "Lind was quoted as saying"
        elif _GERUND_AFTER.search(before) or _CHANNEL_BEFORE_GERUND.search(before):
            # "The council shut the pier, saying …", "…, now saying", "apologized for saying",
            # "issued a statement saying": the subject of the clause the gerund hangs on
            name = _main_subject(before)
    base = not verb.endswith(("ed", "ing")) and (not verb.endswith("s") or verb.endswith("ss"))  # "to stress"
    if name is None and _INFINITIVE_CUE.search(before) and base:
        # "went so far as to say", "took to Twitter to argue": the subject of the main verb
        name = _main_subject(before)
        if name is not None and name.lower() in {"it", "there", "this", "that"}:
            name = None  # "It is fair to say": the writer's aside
    if name is None:
        # "… was the third time AROS said it had …": a name right before the cue, mid-sentence
        run = _NAME_BEFORE_CUE.search(before[-80:])
        if run is not None and plausible_subject(run.group(1)) and run.group(1).split()[0].lower() not in DETERMINERS:
            name = run.group(1)
    return name


_ENDS_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.IGNORECASE)
# "and said", "but has said", "and then said", "…, then conceded": a second verb of the clause's subject
_ENDS_COORDINATED = re.compile(r"(?:\b(?:and|but)(?:\s+\w+ly)?(?:\s+(?:has|have|had|also|then))?|,\s*then)\s*$")
# A clause cut at a quotation down to its conjunction: "called the plan “a fantasy” and"
_ONLY_A_CONJUNCTION = re.compile(r"\s*(?:and|but)(?:\s+(?:then|also))?\s*")
_ENDS_COORDINATED_OR_COMMA = re.compile(r"(?:" + _ENDS_COORDINATED.pattern + r"|,|\bby)\s*$")
_QUOTED_AS = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been)\s+(?:\w+ly\s+)?"
    r"(?:quoted(?:\s+by\s+[^,;:]{1,60}?)?\s+as|(?:heard|caught|recorded|filmed|overheard|seen)(?:\s+[^,;:]{1,40}?)?)\s*$",
    re.IGNORECASE,
)
# "from saying … to doing …": a range whose second end closes the statement
_FROM_BEFORE = re.compile(r"\bfrom\s*$")
_TO_GERUND = re.compile(r"\s+to\s+[a-z]+ing\b")
# Where a gerund cue hangs on a clause before it: after a comma (and an adverb), or a preposition.
_GERUND_AFTER = re.compile(
    r"(?:,\s*(?:(?:\w+ly|now|also|then|still|even|again|later|once)\s+)?|\b(?:for|after|before|by|without|from|"
    r"while|when|since|in|on)\s+"
    # "spent much of the spring warning that", "spends hours arguing": time spent saying it
    r"|\b(?:spent|spends|spend|spending)\s+(?:[\w’'-]+\s+){1,6}"
    # "wrote to the council in March saying": the message and what it said
    r"|\b(?:wrote|writes|posted|posts|tweeted|sent|issued|released)\s+(?:[\w’'-]+\s+){1,6})$",
    re.IGNORECASE,
)
# "to say", "so far as to argue": an infinitive cue whose subject is the main verb's
_INFINITIVE_CUE = re.compile(r"\bto\s*$", re.IGNORECASE)
# "issued a statement saying", "posted a video on Facebook saying": a message that speaks for its sender
_CHANNEL_BEFORE_GERUND = re.compile(
    r"\b(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|video|post|tweet|release|e-?mail|"
    r"message|memo|note|op-ed|ad|advertisement|filing|response|editorial|essay|column|label|notice)"
    r"(?:\s+(?:on|to|in|at|with|from|for)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)?\s*$",
    re.IGNORECASE,
)
# Past forms that are not "-ed": enough to find where a clause's subject ends.
_IRREGULAR_PAST = frozenset(
    "said told made gave took sent put wrote spoke came went held left kept brought ran began met set cut won lost "
    "led shut threw hit stood sat paid sold built spent sought fought struck chose drew grew knew saw rose fell "
    "became found felt got heard meant read shook swore tore understood wore shot fled fought caught bought "
    "taught brought dealt hung hid lit lent rode rang sang sank slept slid spoke stuck swept swung wept".split()
)


def _main_subject(before: str) -> str | None:
    """The subject of the clause a gerund cue hangs on: the words before its first verb."""
    ws = words(before)
    if ws and ws[0].norm in INTRO_WORDS and ws[0].norm not in DETERMINERS and ", " in before[:120] \
            and words(before[before.find(", ") + 2 :]):
        before = before[before.find(", ") + 2 :]  # "On Monday, the council shut …"
        ws = words(before)
    for k, w in enumerate(ws[:12]):
        if k == 0 or not w.text.islower():
            continue
        n = w.norm
        past = n.endswith("ed") and len(n) > 3 and n not in ED_NOUNS or n in _IRREGULAR_PAST or n in _FINITE
        present = n.endswith("s") and not n.endswith("ss") and len(n) > 3 and ws[k - 1].norm not in DETERMINERS \
            and (ws[k - 1].text[0].isupper() or not ws[k - 1].norm.endswith("s"))
        if past or present:
            name = clean_subject(before[: w.start])
            return name if name is not None and plausible_subject(name) else None
    return None


_NAME_BEFORE_CUE = re.compile(r"(?<=[a-z] )((?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*)\s*$")


def _end_of_whom(stext: str, end: int) -> int:
    """Where the one told ends, when a clause follows it: past its nouns ("told a packed hall the pier …",
    "told Dover's council the pier …") and a place or group ("told reporters outside the court the pier …",
    "told a group of fishermen the pier …")."""
    after = words(stext[end : end + 120])[:10]
    for j in (1, 2):
        if len(after) > j and all(w.text.islower() and w.norm not in _NOT_A_NOUN for w in after[:j]) \
                and after[j].norm in _OPENS_A_CLAUSE and _has_finite_verb(after[j + 1 : j + 4]):
            return end + after[j - 1].end
    if after and after[0].norm in _PLACE_OR_GROUP:
        k = 2 if len(after) > 1 and after[1].norm in DETERMINERS else 1
        for j in range(k + 1, min(k + 4, len(after) - 1)):
            if after[j].norm in _OPENS_A_CLAUSE and after[j - 1].norm not in DETERMINERS \
                    and _has_finite_verb(after[j + 1 : j + 4]):
                return end + after[j - 1].end
    return end


_PLACE_OR_GROUP = frozenset("of at in outside inside near from on across".split())
_NOT_GERUNDS = frozenset("nothing something anything everything thing things".split())
_ASIDE_WORD = re.compile(
    r"\s*,\s*(?:however|though|too|also|again|in\s+fact|of\s+course|for\s+example|in\s+turn|nonetheless|"
    r"nevertheless|meanwhile|instead|at\s+least)\s*,(?=\s)",
    re.IGNORECASE,
)
_SKIPPABLE_TO_THAT = re.compile(r"(?:[^,.;:“”\"«»]|(?<=\d)[,.](?=\d)){0,70}?\bthat\b")  # "of 2,000 that" too
# A phrase between commas after the cue, then "that": "insists, in an interview on Friday, that".
_ASIDE_THEN_THAT = re.compile(
    r"\s*(?:,([^,.;:“”\"«»]{1,90}),|\s(?:--|[—–―])([^.;:“”\"«»—–―]{1,90})(?:--|[—–―])|\(([^()]{1,90})\))\s*that\b"
)


def _content_start(stext: str, pos: int, verb: str) -> int | None:
    """Where the reported content begins after the cue ending at ``pos``, if it does."""
    if verb in _OBJECT_VERBS and (m := _OBJECT.match(stext, pos)) is not None:
        end = _end_of_whom(stext, m.end())
        following = words(stext[end : end + 20])[:1]
        # "warned the pier is unsafe": a noun phrase followed by its verb is the clause's subject
        if not (following and following[0].norm in _FINITE and words(m.group(0))[0].norm not in _TOLD_ONLY):
            pos = end
    cue_end = pos
    while True:
        m = _ADVERBIAL.match(stext, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    if pos > cue_end and stext[:pos].rstrip().endswith(","):
        following = words(stext[pos : pos + 30])[:1]
        if following and following[0].text.islower() and following[0].norm.endswith("ing") \
                and following[0].norm not in _NOT_GERUNDS:
            return None  # "said in a statement, adding that …": another cue's clause, not this one's
        if following and following[0].norm != "that" and not _ASIDE_WORD.match(stext, pos - 1):
            return None  # "…, Lind said on Tuesday, the first time she has …": the writer's, after when it was said
    if re.match(r"\s*(?:--|[—–―])", stext[pos:]) and not _ASIDE_THEN_THAT.match(stext, pos):
        return None  # "…, Vale said -- a claim the board disputes": the writer's aside, no clause of the cue
    aside_word = _ASIDE_WORD.match(stext, pos)
    if aside_word is not None:
        pos = aside_word.end()  # "She said, though, the pier …": a word set apart, then the clause
    rest = stext[pos:]
    m_that = re.match(r"\s*,?\s*that\b(?![’'])", rest)
    aside = None if m_that else _ASIDE_THEN_THAT.match(rest)
    if aside is not None and not any(w.norm in REPORTING_VERBS for w in words(aside.group(0)[:-4])):
        m_that = aside  # "insists, most recently in an interview, that …": the aside is skipped
    if m_that and re.match(r"\s*[a-z][\w’'-]*\s*[.;:!?]", rest[m_that.end() :]):
        return None  # "could not confirm that figure;": a demonstrative and its noun, no clause
    if m_that:
        after_that = rest[m_that.end() :].lstrip()
        first_after = words(after_that[:30])[:1]
        if first_after and first_after[0].norm == "to":
            return None  # "expect that to feed through": "that" is the object of an infinitive, no clause
        if first_after and first_after[0].text.islower() and (
            first_after[0].norm in _FINITE or first_after[0].norm in _IRREGULAR_PAST
            or first_after[0].norm.endswith("ed") and len(first_after[0].norm) > 3
        ):
            # "said in an interview that aired Sunday that …": a relative clause, then the statement
            later = _SKIPPABLE_TO_THAT.match(rest, m_that.end())
            if later is None or any(w.norm in REPORTING_VERBS for w in words(later.group(0))):
                return pos + rest.index("that", m_that.start())  # "said that would permit …": "that" is the subject
            return pos + later.end()
        quote_follows = after_that[1:].lstrip()[:1] in _OPENING_MARKS
        if after_that[:1] == "," and not quote_follows and _aside_then_clause(after_that):
            return pos + m_that.end()  # "said that, if elected, he would …": an aside opens the clause
        if after_that[:1] in (".", ";", "") or after_that[:1] == "," and not quote_follows:
            return None  # "Having said that, …": the pronoun, not a clause
        return pos + m_that.end()
    first = words(rest[:40])
    colon = re.match(r"\s*:\s*", rest)
    if colon is not None and first and rest[colon.end() : colon.end() + 1] not in "“\"‘«„'" \
            and first[0].text.islower() and _has_finite_verb(first[:8]):
        return pos + colon.end()  # "said: the pier is unsafe": a statement after a colon, unquoted
    if not first or rest.lstrip()[:1] in "“\"‘«„:,":
        return None  # nothing, or a quotation follows: the quote itself is the claim
    head = first[0]
    if head.norm in {"and", "or", "but"}:
        return None  # "promised a vote and attempted to …": the speaker's next predicate, not a clause
    bare = re.sub(r"[’'](?:s|re|ll|d|ve|m)$|n[’']t$", "", head.norm)
    measure = bare in _QUANTITY_HEADS or bare in _BEFORE_A_NUMBER and len(first) > 1 \
        and (first[1].text[0].isdigit() or first[1].norm in _NUMBER_WORDS) \
        or _BOUND_OF_A_NUMBER.match(rest) is not None and _skip_to_that(rest, pos) is None  # not "at least twice that"
    if measure and verb in _CLAUSE_CUES and _has_finite_verb(words(rest[:120])[1:10]):
        return pos  # "said nearly half the ships had left", "said about 40 jobs would go": a subject's measure
    if verb in _ADD and head.norm == "to" and len(first) > 1 and first[1].norm in DETERMINERS:
        return None  # "added to the stress that the staff felt": added to is made more, not said
    if head.norm in _PREPOSITIONS_AFTER_CUE or head.norm in _WHERE_AFTER_CUE or head.norm.endswith("ly"):
        # "tweeted in the early morning hours that ...": skip a short phrase up to "that",
        # never over another cue ("conceded on Monday, as surveyors warned that ...")
        return _skip_to_that(rest, pos)
    if verb in _OBJECT_VERBS and bare not in {"him", "her", "them", "me", "us"} and _skip_to_that(rest, pos):
        return _skip_to_that(rest, pos)  # "told one of his young protégés on a regular basis that …"
    if verb in _OBJECT_VERBS and bare in {"him", "her", "them", "me", "us"}:
        return None
    if head.norm != bare and bare in {"that", "this", "it", "there", "here", "what", "who"}:
        return pos  # "that's why …", "there's no money": the contraction holds the verb
    if bare in {"there", "it"} and bare == head.norm and not _verb_follows(first[1:3]):
        return None  # "said it so many times", "said there that …": an object or a place, no clause
    if bare in {"them", "him", "me", "us"}:
        return None  # "before they say them": an object pronoun opens no clause
    if bare in PERSONAL_PRONOUNS or bare in {"there", "it"}:
        return pos
    if bare in _DEMONSTRATIVES and (len(first) == 1 or first[1].norm in SUBORDINATORS | PREPOSITIONS):
        return None  # "I write this because …": the pronoun is the object, not a clause
    if (head.text[0].isupper() or bare in DETERMINERS) and _object_then_infinitive(words(rest[:200])):
        return None  # "expect Clinton to win", "maintains a program to train pilots"
    if bare == "no" and len(first) > 2 and first[1].text.islower() and first[1].norm not in PREPOSITIONS \
            and first[1].norm not in {"more", "less", "longer", "such"} \
            and any(_finite_at(first, k) for k in range(2, min(8 if first[1].norm == "one" else 5, len(first)))):
        # "said no decision had been made", "said no one at the lunch had seen it": "no" opens the subject
        return pos
    # "said no money is missing": "no" opens a subject when its verb follows
    subject_of_no = bare == "no" and _main_verb(first[1:5], strict=True)
    if bare in _NOT_CLAUSE_HEADS and not _verb_follows(first[1:3]) and not subject_of_no:
        return None  # "said nothing about the ferry"; "said nothing had changed" is a clause
    if head.text[0].isupper() or head.text[0].isdigit() or bare in _CLAUSE_START or bare in DETERMINERS:
        # "said the same thing", "promised a veto": an object, unless a verb follows
        clause = words(_CLAUSE_END.split(rest[:200], maxsplit=1)[0])[1:20]  # "7,900 patients had waited": one clause
        if bare in DETERMINERS and verb not in _NOUN_PHRASE_CUES \
                and (not _main_verb(clause) or _predicate_of_the_speaker(clause)) \
                and not _verb_after_interruption(rest[:240]):
            return None
        if head.text[0].isdigit() and verb not in _NUMBER_OBJECT_CUES and not _main_verb(clause, strict=True):
            # "recalls 40,000 batteries": a number with no verb is an object, not a clause; but what is
            # denied, admitted or found may be counted ("admitted 14 counts of fraud")
            return None
        if verb in _NOUN_PHRASE_CUES and bare in DETERMINERS and any(w.norm in _REFUSED for w in first[1:4]):
            return None  # "denied the request", "confirmed the nomination": refused or approved, not said
        message = next((k for k, w in enumerate(clause) if w.norm in _MESSAGE_GERUNDS), None)
        if bare in DETERMINERS and verb in _MAKING_CUES and message and not _main_verb(clause[:message]):
            return None  # "added a label to the post saying …": a message and what it says, not a clause
        return pos
    # "said bus journeys had fallen": any word may open the clause when a finite verb follows
    following = words(rest[:120])[1:8]
    # "said customers who use less than 3,000 gallons would see …": a plural subject and its relative clause
    relative_subject = bool(following) and following[0].norm in {"who", "that"} and bare.endswith("s") \
        and _main_verb(words(rest[:200])[:20])
    # "said half of his customers came from …": an irregular past is a verb too
    irregular_past = all(w.norm != "that" for w in following) \
        and any(w.norm in _IRREGULAR_PAST and w.text.islower() for w in following[1:])
    # "said residents want a new pier": a bare plural subject, then its present verb
    plural_subject = _plural_then_verb(words(rest[:120])[:8], 1)
    if (verb in _CLAUSE_CUES or verb in _FINDS) and bare not in _NOT_CLAUSE_HEADS and (
        _has_finite_verb(following) or _irregular_past_after_noun(following) or relative_subject or irregular_past
        or plural_subject
    ):
        return pos
    if verb in _NOUN_PHRASE_CUES and head.text.islower() and bare not in _NOT_CLAUSE_HEADS | PREPOSITIONS \
            and bare not in _REFUSED and not bare.endswith(("ly", "ing")) and len(first) >= _MIN_WORDS:
        return pos  # "announced plans to give $15 million", "denied allegations of fraud": the object says it
    if verb in _DENY and head.text.islower() and bare.endswith("ing") and bare not in _NOT_GERUNDS \
            and len(first) >= _MIN_WORDS:
        return pos  # "denied taking bribes": what the speaker says was not done
    return None


# Words after a cue that open a phrase of where or how it was said, before "that": "said outside
# the courthouse that …", "told reporters near the scene that …"
_WHERE_AFTER_CUE = frozenset(
    "to so as of outside inside near beside behind across above below beneath alongside".split()
)  # "wrote above it that" too


# Cues whose object is itself a checkable statement: "denied any role in the fire",
# "announced the arrest of a man"; after other cues an object is no statement ("said the same thing").
_NOUN_PHRASE_CUES = frozenset(
    "deny denies denied denying confirm confirms confirmed confirming announce announces announced announcing".split()
)
_DENY = verb_forms("deny")
# what is denied, admitted, announced or found may be counted: "admitted 14 counts of fraud"
_NUMBER_OBJECT_CUES = _NOUN_PHRASE_CUES | _FINDS | verb_forms("admit")
_MEANWHILE = re.compile(r",?\s+(?:as|while|amid)\s+")
_MESSAGE_GERUNDS = frozenset("saying stating claiming declaring announcing".split())
# Cues that also make or put up a thing: "added a label", "wrote a letter", "posted a video"
_MAKING_CUES = verb_forms("add write post tweet")
_DEMONSTRATIVES = frozenset("this these those".split())
_STRICT_FINITE_AFTER = 20


def _predicate_of_the_speaker(ws: list[Word]) -> bool:
    """ "promised a veto and attempted to …": the first verb after the object follows "and", so it is
    the speaker's second predicate, not the verb of a clause."""
    for k, w in enumerate(ws):
        if w.norm in _FINITE or w.text.islower() and (w.norm in _IRREGULAR_PAST or w.norm.endswith("ed")
                                                      and len(w.norm) > 3 and w.norm not in ED_NOUNS):
            return k > 0 and ws[k - 1].norm in {"and", "or"}
        if k > 0 and _finite_at(ws, k):
            return False  # "said the region sits on a fault and had …": the clause's present verb comes first
    return False


def _object_then_infinitive(ws: list[Word]) -> bool:
    """A noun phrase, then "to" and a verb, with no finite verb: an object and an infinitive,
    not a clause. After the infinitive only an auxiliary or a past form counts as the clause's
    verb ("the plan to build a bridge was dead"), since its own object is often a plural noun."""
    j = next((k for k, w in enumerate(ws[:7]) if w.norm == "to"), None)
    if j is None or j == 0 or j + 1 >= len(ws) or not ws[j + 1].text.islower():
        return False
    if _has_finite_verb(ws[:j]):
        return False
    return not any(
        w.norm in _FINITE or (w.text.islower() and w.norm.endswith("ed") and len(w.norm) > 3)
        for w in ws[j + 2 : j + 2 + _STRICT_FINITE_AFTER]
    )


_ASIDE = re.compile(r",\s*([^,.;:“”\"«»]{1,80}),\s*")


def _aside_then_clause(after_that: str) -> bool:
    """", if elected, he would …": a short phrase between commas, then a subject and its verb."""
    m = _ASIDE.match(after_that)
    if m is None or len(words(m.group(1))) > 10 or any(w.norm in REPORTING_VERBS for w in words(m.group(1))):
        return False
    rest = words(after_that[m.end() : m.end() + 80])
    return len(rest) > 1 and rest[0].norm not in _FINITE and _has_finite_verb(rest[1:8])


def _skip_to_that(rest: str, pos: int) -> int | None:
    """Past a short phrase to the "that" opening the clause; not over another cue, and not to a
    "that" that opens a relative clause ("after the meeting that was held")."""
    m = _SKIPPABLE_TO_THAT.match(rest)
    skipped = words(m.group(0))[:-1] if m is not None else []
    # a cue word after a determiner is a noun: "in a note to clients that …"
    if m is None or any(w.norm in REPORTING_VERBS and not (k > 0 and skipped[k - 1].norm in DETERMINERS)
                        for k, w in enumerate(skipped)):
        return None
    if skipped and skipped[0].norm not in _RELATIVE_WORDS and _main_verb(skipped, strict=True) \
            and any(w.norm in _FINITE for w in skipped):
        # "told us the scheme had closed and that …", "said at least 40,000 drivers had been affected and
        # that …": a clause of its own first; "in a survey published Wednesday that" is a phrase
        return None
    following = words(rest[m.end() : m.end() + 30])
    if following and following[0].norm in _FINITE:
        return None
    return pos + m.end()


# Cues after which a bare clause ("said fares had risen") is the usual reported speech.
_CLAUSE_CUES = verb_forms(
    "say tell add warn claim insist argue note explain confirm state announce write deny estimate concede admit "
    "predict believe think acknowledge suggest stress emphasize reveal maintain contend reiterate recall testify "
    "allege assert declare counter reply agree tweet observe complain boast caution vow promise pledge disclose "
    "indicate signal report reckon"
) - frozenset({"written"})
# Words after "said" that open no clause: "said goodbye to", "said nothing about".
_NOT_CLAUSE_HEADS = frozenset(
    "goodbye hello nothing something anything little much yes no thanks sorry amen grace prayers "
    "hi farewell enough otherwise".split()
)
_FINITE = frozenset(
    "am is are was were has have had will would can could may might must shall should does do did "
    "isn’t isn't aren’t aren't wasn’t wasn't weren’t weren't won’t won't can’t can't didn’t didn't "
    "doesn’t doesn't hasn’t hasn't haven’t haven't wouldn’t wouldn't couldn’t couldn't".split()
)


# Words that open a phrase set between commas inside a subject: "the program, run by the
# department, has brought …".
_INTERRUPTION_HEADS = frozenset("run led set built made based known thought which who including like such as".split())


def _verb_after_interruption(rest: str) -> bool:
    """"the plan, drawn up by the port, has brought jobs": a subject, a phrase between commas,
    then its verb; the clause is reported speech, not an object of the cue."""
    segments = rest.split(",")
    if len(segments) < 3:
        return False
    inner = words(segments[1])
    if len(inner) == 1 and inner[0].text.isdigit() and len(inner[0].text) <= 3:
        after = words(segments[2])[:3]  # "a man, 34, had been arrested": an age set apart
        return bool(after) and after[0].text.islower() and _has_finite_verb(after[:1])
    figure = bool(inner) and inner[0].text[0].isdigit() and len(inner) <= 4  # "the rate, 3.4 percent, was"
    if not inner or not inner[0].text.islower() and not figure:
        return False
    head = inner[0].norm
    short_phrase = head in PREPOSITIONS and len(inner) <= 6 or figure  # "the pier, in his view, is unsafe"
    short_phrase = short_phrase or head in {"a", "an"} and len(inner) <= 6  # "one tenant, a mother of two, had been"
    if head not in _INTERRUPTION_HEADS and not (head.endswith(("ed", "en", "wn")) and len(head) > 3) \
            and not short_phrase:
        return False
    after = words(segments[2])[:3]
    return bool(after) and after[0].text.islower() and _has_finite_verb(after[:1])


# What "deny" refuses and "confirm" approves: no statement in their object.
_REFUSED = frozenset(
    "request requests application applications motion motions appeal appeals permit permits petition bail entry "
    "access visa visas nomination nominations appointment nominee nominees".split()
)
_RELATIVE_WORDS = frozenset("who which that whom whose".split())
_SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
# Words that open a clause inside a phrase, whose verb is that clause's: "asked whether it was safe"
_CLAUSE_OPENERS = frozenset("whether how why what where when if".split())


def _main_verb(ws: list[Word], *, strict: bool = False) -> bool:
    """Whether a finite verb follows that is not a relative clause's own: "the man who shot him was
    armed" has one, "the lives of people who were on the pier" has none."""
    relative = in_group = False
    skip = -1
    for k, w in enumerate(ws):
        if k == skip:
            relative, in_group = False, True  # "that critics point to": the relative clause's own verb
            continue
        if w.norm in _RELATIVE_WORDS and k > 0 or w.norm in _CLAUSE_OPENERS:
            relative, in_group = True, False
            subject = ws[k + 1].norm if k + 1 < len(ws) else ""
            plural = len(subject) > 3 and subject.endswith("s") and not subject.endswith("ss")
            if subject in _SUBJECT_PRONOUNS or plural:
                skip = k + 2  # a one-word subject, then the relative clause's verb, whatever its form
            elif k + 1 < len(ws) and ws[k + 1].text.islower() and subject not in DETERMINERS | PREPOSITIONS \
                    and not subject.endswith("ly") and w.norm in _RELATIVE_WORDS:
                skip = k + 1  # "patients who use insulin", "the pen that cost $98": the relative's own verb
            continue
        # strict: no "-s" form, which is as often a plural noun ("to reporters")
        loose = not strict and _finite_at(ws, k) or k > 0 and ws[k - 1].norm in {"he", "she", "it"} \
            and w.text.islower() and w.norm.endswith("s") and not w.norm.endswith("ss")  # "he sees"
        verb = loose or w.norm in _FINITE or w.text.islower() and (
            w.norm in _IRREGULAR_PAST or w.norm.endswith("ed") and len(w.norm) > 3)
        if verb and not in_group:
            if not relative:
                return True
            relative = False  # the relative clause's verb; the main verb may still come
        # "has held", "was not told": one verb group
        in_group = verb or in_group and (w.norm in _IN_VERB_GROUP or w.norm.endswith("ly"))
    return False


def _is_scene(phrase: str) -> bool:
    """A phrase that sets the scene: a participle or a preposition first and no verb of its own
    ("Asked about the claim that it was a bomb", "Speaking to reporters", "In a statement"), or a
    clause that opens with a subordinator and stops at the comma ("When he was asked about it")."""
    ws = words(phrase)
    if not ws:
        return False
    first = ws[0].norm
    if ws[0].text.endswith(("’s", "'s")):
        return False  # "Trewin's worst day": someone's, a subject, not when
    if first in _SCENE_SUBORDINATORS or first == "as" and len(ws) > 1 and ws[1].norm == "for":
        return "," not in phrase  # "If elected, he would cut fares" goes on to its own clause
    opener = first in PREPOSITIONS or first in _SCENE_PREPOSITIONS or first in _IRREGULAR_PAST \
        or len(first) > 4 and first.endswith(("ed", "ing"))
    if opener and first.endswith("ing") and any(_plural_then_verb(ws, k) for k in (2, 3) if k < len(ws)):
        return False  # "Running mates rarely matter": the "-ing" word describes a plural subject, whose verb follows
    if opener and ", " in phrase:
        # "On average, a car travels 40,000 miles", "In Dover, nearly half back it": a clause with its subject
        # follows the opening phrase
        rest = words(phrase[phrase.rfind(", ") + 2 :])
        if len(rest) > 2 and (rest[0].norm in DETERMINERS or rest[0].norm in _QUANTITY_HEADS
                              or rest[0].text[0].isupper()) and _main_verb(rest[1:]):
            return False
    # "Minutes after the shooting": a time at its head, no verb, is a scene too; a time at the
    # end of a long phrase ("The subsidies total $300 million a year") is no scene
    if not opener and not _FRAME_TIME.search(phrase, 0, ws[min(3, len(ws) - 1)].end):
        return False
    return not _main_verb(ws[1:] if opener else ws, strict=True)


_SCENE_PREPOSITIONS = frozenset(
    "like unlike despite amid amidst following throughout outside inside near beside behind across toward towards "
    "within upon via since until regarding concerning around along beyond".split()
)
_SCENE_SUBORDINATORS = frozenset("when whenever while after before once if since until unless because".split())


def _verb_follows(ws: list[Word]) -> bool:
    """Whether the next word (past an adverb) can be a subject's verb: "it was", "it costs", "it cost"."""
    if ws and ws[0].norm.endswith("ly") and len(ws) > 1:
        ws = ws[1:]
    if not ws or not ws[0].text.islower():
        return False
    n = ws[0].norm
    return n in _FINITE or n in _IRREGULAR_PAST or n.endswith("ed") or n.endswith("s") and not n.endswith("ss") \
        or n in _BARE_VERBS


# Verbs whose past form is their base: "it cost", "it hit", "it put".
_BARE_VERBS = frozenset("cost hit put let set cut hurt shut spread split quit".split())


def _has_finite_verb(ws: list[Word]) -> bool:
    """Whether a few words hold a finite verb: an auxiliary or a past form ("had fallen", "rose")."""
    return any(_finite_at(ws, k) for k in range(len(ws)))


def _irregular_past_after_noun(ws: list[Word]) -> bool:
    """ "violent crime rose 6 percent": an irregular past right after a noun of the subject."""
    return any(
        w.text.islower() and w.norm in _IRREGULAR_PAST and ws[k - 1].text.islower()
        and ws[k - 1].norm not in DETERMINERS and ws[k - 1].norm not in PREPOSITIONS
        for k, w in enumerate(ws[:4]) if k > 0
    )

# Words that mark a noun next ("a cut", "the set"); "many came", "some left" are a subject and its verb.
_NOUN_MARKERS = frozenset("a an the his her its their our my your this these those every each no".split())
_OBJECT_HEADS = frozenset("the a an his her their its our my".split())
# Verbs a plural subject often takes in the present, and which seldom follow a plural as a noun.
_COMMON_PRESENT_VERBS = frozenset(
    "want need remain seem appear believe think know expect agree deserve suggest mean include continue tend "
    "exist depend face lack oppose favor favour prefer feel fear worry matter live stay travel pay cost spend "
    "earn rise fall grow go come get make take give keep hold run win lose become outnumber outweigh rely "
    "struggle fail refuse intend try say see hear like hate trust doubt accept reject".split()
)
_NOT_BASE_VERBS = PREPOSITIONS | DETERMINERS | frozenset(
    "near like and or but than who which that across inside outside around beyond".split()
)


# After a plural subject's present verb: its object's first word, or how far it goes ("rumours travel further").
_AFTER_A_PLURAL_VERB = _OBJECT_HEADS | frozenset("it them us me further more less faster longer".split())
# Adverbs between a plural subject and its verb: "two thirds still back it".
_BEFORE_A_PLURAL_VERB = frozenset("still now also often already never always rarely seldom usually typically".split())


def _plural_then_verb(ws: list[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a plural subject's present verb: after a lowercase plural noun (and an adverb)
    and before an object's first word ("volunteers deserve the trip", "two thirds still back it"), never a
    preposition ("volunteers near the pier"); or a common verb whatever follows ("the buses run late")."""
    if not 0 < k < len(ws) or ws[k].norm not in _COMMON_PRESENT_VERBS and (
            k == len(ws) - 1 or ws[k + 1].norm not in _AFTER_A_PLURAL_VERB):
        return False
    w, prev = ws[k], ws[k - 1]
    if prev.norm in _BEFORE_A_PLURAL_VERB and k > 1:
        prev = ws[k - 2]
    return w.text.isalpha() and w.text.islower() and w.norm not in _NOT_BASE_VERBS and not w.norm.endswith("ly") \
        and prev.text.islower() and len(prev.norm) > 3 and prev.norm.endswith("s") \
        and not prev.norm.endswith(("ss", "us", "is")) and prev.norm not in NOT_PLURALS


def _finite_at(ws: list[Word], k: int) -> bool:
    """Whether ``ws[k]`` reads as a finite verb: an auxiliary, a past form, or a present "-s" form
    after a word that is no determiner ("demands rise", not "the demands")."""
    w = ws[k]
    if _plural_then_verb(ws, k):
        return True  # "the club's volunteers deserve the trip": a plural subject, its verb, the verb's object
    # an irregular past after a word that is no determiner: "water came", not "a cut"
    irregular = w.norm in _IRREGULAR_PAST and w.text.islower() and (k == 0 or ws[k - 1].norm not in _NOUN_MARKERS)
    return w.norm in _FINITE or irregular or (w.text.islower() and w.norm.endswith("ed") and len(w.norm) > 3) or (
        k > 0 and w.text.islower() and w.norm.endswith("s") and not w.norm.endswith("ss") and len(w.norm) > 3
        and ws[k - 1].text.islower() and ws[k - 1].norm not in DETERMINERS
        and not ws[k - 1].norm.endswith("s") and ws[k - 1].norm not in _PREPOSITIONS_AFTER_CUE
    )


# "described the pier as “a death trap”": how someone put it, a report of their words.
_PUT_AS = frozenset(
    "describe describes described describing characterize characterizes characterized characterise "
    "characterises characterised".split()
)
# Cues that report someone's words only when quoted words follow in the sentence. Verbs
# that judge ("called the plan “a fantasy”") are left out: the quoted words are the claim.
_MIXED_CUES = (SPEECH_VERBS - EVALUATIVE_VERBS) | _PUT_AS | frozenset(
    "encourage encourages encouraged encouraging accuse accuses accused accusing cite cites cited citing "
    "promise promises promised promising rate rates rated rule rules ruled ruling find finds found "
    "tell tells telling refer refers referred referring".split()
)

_PREPOSITIONS_AFTER_CUE = frozenset(
    "in on at during after before for with from about over under between among through by into".split()
)
# The nouns of "X's claim that ...": a reported statement with no speech verb.
NOUN_CUE_WORDS = frozenset(
    "claim claims assertion statement argument allegation allegations suggestion insistence warning "
    "promise pledge remark remarks contention view belief comments charge accusation prediction boast "
    "admission announcement emphasis".split()
)
_NOUN_CUES = re.compile(
    r"(?:(?P<owner>(?:[A-Z][\w.-]{0,40}\s+){0,3}[A-Z][\w.-]{0,40})[’']s?|(?P<pronoun>\b(?:[Hh]is|[Hh]er|[Tt]heir)))\s+(?:(?:repeated|latest|recent|earlier|"
    r"new|false|unfounded|baseless|dubious|controversial)\s+)?"
    r"(?P<cue>" + "|".join(sorted(NOUN_CUE_WORDS, key=lambda w: (-len(w), w))) + r")\s+that\b"
)


_CLAIM_NOUNS = (
    "claim claims assertion assertions allegation allegations statement statements suggestion suggestions "
    "contention insistence accusation accusations announcement admission denial warning warnings".split()
)
# Every word a cue of a statement may hang on, for callers that skip text without one.
CUE_NOUNS = NOUN_CUE_WORDS | frozenset(_CLAIM_NOUNS)
_CLAIM_ADJECTIVES = (
    "repeated latest recent earlier new false unfounded baseless dubious controversial widespread frequent public "
    "bold startling bogus unsubstantiated unproven disputed oft-repeated often-repeated".split()
)
# "the false claim that …", "a statement by the council that …": a statement with no verb of saying
_DETERMINED_NOUN_CUES = re.compile(
    r"\b(?P<det>[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch)\s+(?:(?:" + "|".join(_CLAIM_ADJECTIVES) + r")\s+){0,2}"
    r"(?P<cue>" + "|".join(sorted(_CLAIM_NOUNS, key=lambda w: (-len(w), w))) + r")"
    r"(?:\s+by\s+(?P<by>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))?\s+that\b"
)
# "made the claim that", "repeated the assertion that": the subject is the one who claims
_MAKERS = re.compile(
    r"\b(?:made|makes|make|making|repeated|repeats|repeat|repeating|reiterated|reiterates|renewed|renews|issued|issues|"
    r"stood\s+by|stands\s+by|doubled\s+down\s+on)\s*$"
)


def _noun_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "Lind’s claim that the pier is safe ...": the possessor is the speaker. "The claim that …",
    "made the claim that …": a statement too, by the subject of a verb of making or by nobody named."""
    stext = text[sent.start : sent.end]
    if "that" not in stext:
        return None  # every noun cue is followed by "that"
    tried = 0
    for m in _noun_cue_matches(stext):
        if inside.covers(sent.start + m.start()):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cues: stay linear
        if m.re is _DETERMINED_NOUN_CUES and m.group("det").lower() in {"a", "an"} \
                and stext[: m.start()].rstrip().endswith((",", "—", "–", "-")):
            continue  # "…, a claim that some supporters greeted with laughter": the writer's word on the last one
        following = words(stext[m.end() : m.end() + 30])[:1]
        if following and (following[0].norm in _FINITE or following[0].norm in _IRREGULAR_PAST
                          or following[0].norm.endswith("ed") and following[0].text.islower()):
            continue  # "the claim that was made": a relative clause, not the statement
        span = _content_span(text, sent.start + m.end(), sent.end)
        if span is not None and not _has_finite_verb(words(stext[: m.start()])):
            # "The claim that the pier was unsafe is false.": the noun phrase is the subject and
            # the sentence's own verb ends the statement
            span = _content_span(text, span.start, _end_of_subject_clause(text, span))
        if span is not None:
            # "Asked about the claim that it was a bomb, Lind said, …": another cue ends the statement
            for c in range(span.start, span.end):
                if text[c] == "," and not inside.covers(c) and any(
                    w.norm in REPORTING_VERBS for w in words(text[c : min(span.end, c + 60)])[:6]
                ):
                    span = _content_span(text, span.start, c)
                    break
        if span is None or _mostly_quoted(text, span, inside):
            continue
        if "pronoun" in m.re.groupindex and m.group("pronoun"):
            # "his claim that …": the possessive stands for a person, resolved as "he" would be
            owner = {"his": "he", "her": "she", "their": "they"}[m.group("pronoun").lower()]
            return ReportedSpeech(span, owner, sent.start + m.start("pronoun"), m.group("cue"), None)
        if "owner" in m.re.groupindex:
            return ReportedSpeech(span, m.group("owner"), sent.start + m.start("owner"), m.group("cue"), None)
        name, at = m.group("by"), sent.start + m.start("by") if m.group("by") else sent.start + m.start()
        if name is None and _MAKERS.search(stext[: m.start()]):
            name = _main_subject(stext[: m.start()])
            at = sent.start + stext.find(name) if name else at
        return ReportedSpeech(span, name, at, m.group("cue"), None)
    return None


# "a curfew was announced from midnight to 6 a.m.": what was announced is its own statement
_PASSIVE_CUE = re.compile(
    r"(?P<subject>\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:was|were|has\s+been|have\s+been|"
    r"had\s+been)\s+(?:\w+ly\s+)?(?P<cue>announced|confirmed|disclosed|revealed)\b"
    r"(?:\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))?"
)


_SCENE_OPENING = re.compile(r"(?:^|[,;]\s*)\W*(?i:when|whenever|after|before|since|until|once)\s+$")


def _passive_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "A curfew was announced from midnight to 6 a.m.": the clause, from its subject to its comma."""
    stext = text[sent.start : sent.end]
    if " been " not in stext and " was " not in stext and " were " not in stext:
        return None
    for m in _PASSIVE_CUE.finditer(stext):
        if inside.covers(sent.start + m.start()):
            continue
        if _SCENE_OPENING.search(stext, 0, m.start("subject")):
            continue  # "When the plan was announced in 2019, …": when something happened, no statement
        start = sent.start + m.start("subject")
        comma = next((c for c in range(sent.start + m.end(), sent.end) if text[c] in ",;" and not inside.covers(c)),
                     sent.end)
        span = _content_span(text, start, comma)
        if span is None or _mostly_quoted(text, span, inside) or len(words(text[sent.start + m.end() : comma])) < 2:
            continue  # "The decision was announced.": that it was, not what
        agent = m.group("agent")
        at = sent.start + m.start("agent") if agent else start
        return ReportedSpeech(span, agent, at, m.group("cue"), None)
    return None


# "in what officials said was the largest seizure", "a budget, which the governor said would wait": the
# relative word is the subject of the clause the speaker is reported to have said
_RELATIVE_CUE = re.compile(
    r"(?=[wt])\b(?:what|which|who|(?<=[a-z] )that)\s+(?P<name>[^,;:“”\"]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?P<cue>said|says|say|claimed|claims|claim|insisted|insists|insist|argued|argues|argue|alleged|alleges|"
    r"maintained|maintains|estimated|estimates|found)\s+(?=(?:was|were|is|are|had|has|have|would|will|could|might|"
    # "a theft that officials said took five minutes": a past form is the clause's verb too
    r"may|must|should|can)\b|(?:took|cost|left|made|came|went|began|lasted|killed|caused)\b)"
)


# "An analysis by Fair Skies found that …": a study's finding, reported as its authors' statement
_FINDING = re.compile(
    r"\b(?P<subject>(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w’'&.-]+\s+){0,4}?"
    r"(?:analysis|study|report|survey|audit|review|investigation|inquiry|poll|assessment)"
    r"(?:\s+(?:commissioned|conducted|released|published|carried\s+out))?"  # "a poll commissioned by the hospital"
    r"(?:\s+(?:by|from|of|for)\s+[^,;:“”\"]{1,60}?)?)\s+(?:has\s+|had\s+)?(?:also\s+|[a-z]+ly\s+)?"
    r"(?P<cue>found|finds|showed|shows)\s+that\s+"
)


def _finding(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "An analysis by Fair Skies found that the airline would control half the seats": the clause."""
    stext = text[sent.start : sent.end]
    if " that " not in stext or " found " not in stext and " finds " not in stext and " show" not in stext:
        return None  # every finding is "found that", "finds that", "shows that" or "showed that"
    for m in _FINDING.finditer(stext):
        if inside.covers(sent.start + m.start()):
            continue
        span = _content_span(text, sent.start + m.end(), sent.end)
        if span is not None:
            span = _end_before_contrast(text, span, inside)
        if span is None or _mostly_quoted(text, span, inside):
            continue
        return ReportedSpeech(span, m.group("subject"), sent.start + m.start("subject"), m.group("cue"), None)
    return None


# "City figures put the rise at about 41 percent", "the gap, estimated by councils at £3bn": the figure
# someone gives for a thing is what they state of it
_FIGURE_AT = re.compile(
    r"\b(?P<cue>put|puts|putting|estimated|estimates|estimate|estimating)\s+"
    r"(?P<between>(?:[\w’'.-]+\s+){0,6}?)(?:at|(?P<near>closer\s+to|nearer))\s+"
    r"(?=(?:(?:about|around|roughly|nearly|almost|just|some|over|under|more\s+than|less\s+than|up\s+to)\s+)?"
    r"(?:[$£€]\s?\d|\d|one\s+in\s))"
)
# Words between the cue and "at" that show no figure is given for a thing: "put pressure on the council at 10 …"
_NOT_IN_WHAT_IS_PUT = frozenset("on onto into to under through behind and or but that which who".split())
_CLOCK = re.compile(r"[\d.:]+\s*(?:a\.?m\b|p\.?m\b|o[’']clock)", re.IGNORECASE)
_AGENT = re.compile(r"^by\s+(?P<agent>.+?)(?:\s+in\s+\S+)?\s*$")
_WHICH_SUBJECT = re.compile(r"\b(?:which|that)\s+(?P<name>[^,;:“”\"]{2,60}?)\s*$")


def _figure_put_at(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "City figures put the rise at about 41 percent.": the figure, from its subject (or the agent of
    "estimated by"); "The damage was estimated at $2 million": from nobody named."""
    stext = text[sent.start : sent.end]
    if " at " not in stext and " closer to " not in stext and " nearer " not in stext \
            or not any(w.norm in _FIGURE_CUES for w in words(stext)):
        return None  # every figure is put or estimated "at" (or "closer to") a number
    for m in _FIGURE_AT.finditer(stext):
        between = words(m.group("between"))
        if inside.covers(sent.start + m.start()) or any(w.norm in _NOT_IN_WHAT_IS_PUT for w in between):
            continue
        if _CLOCK.match(stext, m.end()):
            continue  # "put the meeting at 9 a.m.": a time, no figure
        start = sent.start + (m.start("near") if m.group("near") else m.end())  # "closer to 240": a bound is said
        stop = _CLAUSE_END.search(text, start, sent.end)
        end = stop.start() if stop is not None and not inside.covers(stop.start()) else sent.end
        span = _predicate(text, start, end)
        if span is None or _mostly_quoted(text, span, inside):
            continue
        before = stext[: m.start()].rstrip()
        agent = _AGENT.match(m.group("between").strip())
        which = _WHICH_SUBJECT.search(before)
        if agent is not None:
            name: str | None = agent.group("agent")  # "the gap, estimated by councils at £3bn"
        elif which is not None:
            name = clean_subject(which.group("name"))  # "the shortfall, which the office estimated at …"
        elif _PASSIVE_BEFORE.search(before + " ") or before.endswith(",") and m.group("cue") == "estimated":
            name = None  # "was estimated at $2 million", "the gap, estimated at £3bn": given, by whom not said
        elif before.endswith(","):
            name = clean_subject(before.split(",")[0])  # "The study, commissioned by the city, put the figure at …"
        else:
            name = _subject_of(before, m.group("cue"))
        at = sent.start + stext.rfind(name, 0, m.end()) if name else start
        return ReportedSpeech(span, name, at, m.group("cue"), None)
    return None


_SET_APART_BEFORE = re.compile(r",\s*(?:in\s+)?$")


def _relative_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """ "…, in what officials said was the largest seizure": the predicate after the cue, up to the
    clause's comma, is what the speaker said of the thing the relative word stands for."""
    stext = text[sent.start : sent.end]
    if "what " not in stext and "which " not in stext and "who " not in stext and "that " not in stext:
        return None  # every relative cue starts with one of them
    tried = 0
    for m in _RELATIVE_CUE.finditer(stext):
        if inside.covers(sent.start + m.start()):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cues: stay linear
        name = clean_subject(m.group("name"))
        if name is None or name != m.group("name").strip() or not plausible_subject(name):
            continue
        start = sent.start + m.end()
        comma = next((c for c in range(start, sent.end) if text[c] in ",;" and not inside.covers(c)), sent.end)
        span = _content_span(text, start, comma)
        if span is not None and not _SET_APART_BEFORE.search(stext, 0, m.start()):
            # "A man who police said had fired was arrested": the main clause's verb ends it; after a
            # comma the clause runs to the next one ("…, which police said was the amount he owed")
            span = _content_span(text, span.start, _end_of_subject_clause(text, span))
        if span is None or _mostly_quoted(text, span, inside):
            continue
        return ReportedSpeech(span, name, sent.start + m.start("name"), m.group("cue"), None)
    return None


def _noun_cue_matches(stext: str) -> Iterator[re.Match[str]]:
    if not any(w.norm in CUE_NOUNS for w in words(stext)):
        return  # both patterns need a cue noun, a word of its own between spaces
    yield from _NOUN_CUES.finditer(stext)
    yield from _DETERMINED_NOUN_CUES.finditer(stext)


def _end_of_subject_clause(text: str, span: Span) -> int:
    """Where a "that" clause inside a subject ends: before the second finite verb, when no
    conjunction, relative word or punctuation comes between ("that the pier was unsafe | is false")."""
    ws = words(text[span.start : span.end])
    seen_verb = in_group = False
    for k, w in enumerate(ws):
        if w.norm in SUBORDINATORS or w.norm in {"and", "or", "but"}:
            return span.end
        if k > 0 and text[span.start + ws[k - 1].end : span.start + w.start].strip():
            return span.end  # punctuation between: a phrase set apart, not a plain clause
        finite = w.norm in _FINITE or w.text.islower() and (w.norm.endswith("ed") and len(w.norm) > 3
                                                             or w.norm in _IRREGULAR_PAST)
        if finite and seen_verb and not in_group:
            return span.start + ws[k - 1].end
        # "had been involved", "was not told": one verb group
        in_group = w.norm in _FINITE or in_group and (w.norm in _IN_VERB_GROUP or w.norm.endswith("ly"))
        seen_verb = seen_verb or finite
    return span.end


_IN_VERB_GROUP = frozenset("be been being not never also still n't".split())


# The longest "as police have said" that credits the clause before it rather than saying more.
_AS_SAID_MAX_WORDS = 8


def _content_then_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in _CLAUSE_COMMA.finditer(stext) if not inside.covers(sent.start + m.start())]
    # "Not paying taxes “makes me smart,” Trump said.": the comma closes inside the quotation
    commas += [b - sent.start for a, b in inside if text[a:b].rstrip("”\"’'»").endswith(",") and b < sent.end]
    commas.sort()
    # its cue is a reporting verb after a comma: without one nothing below can fire
    cue_starts = [w.start for w in words(stext) if w.norm in REPORTING_VERBS]
    if not commas or not cue_starts or cue_starts[-1] <= commas[0]:
        return None
    comma = _inverted_comma(stext, commas)
    last_part = stext[comma + 1 :]
    relative_end = None
    after_last = _CIRCUMSTANCE.match(last_part) or _RELATIVE_OPENING.match(last_part)
    # "…, as police have said" credits the clause before; "…, as surveyors warned that the roof
    # …" is a statement of its own, and the cue before it is the trailing one
    last_words = words(last_part) if comma == commas[-1] and len(commas) > 1 and after_last else []
    if comma == commas[-1] and len(commas) > 1 and after_last \
            and (not any(w.norm in REPORTING_VERBS for w in last_words) or len(last_words) > _AS_SAID_MAX_WORDS
                 or _RELATIVE_OPENING.match(last_part)):
        if _RELATIVE_OPENING.match(last_part) or any(w.norm in REPORTING_VERBS for w in last_words):
            # "…, the board said in its report, which was published Monday": about the report;
            # "…, X conceded, as surveyors warned that …": their statement, found on its own
            relative_end = comma
        # "…, X said Friday, as they bristled at …": the cue is before the last comma, and before a
        # name's description there ("…, said the union's secretary, Colm Hardy, who added …")
        comma = _inverted_comma(stext[:comma], commas[:-1])
    tail = stext[comma:relative_end]
    tail_end = len(stext) if relative_end is None else relative_end
    if not any(comma < start < tail_end for start in cue_starts):
        return None  # the cue, a reporting verb, lies in this tail
    if _RELATIVE_CUE.search(tail):
        # "…, in what officials said was the largest seizure", "…, in a theft that officials said took five
        # minutes": they said that of it, not the clause before
        return None
    if more_words_than(tail, 14) and not _APPOSITIVE_TAIL.match(tail):
        cut = _cue_then_circumstance(tail)
        if cut is None:
            return None
        tail = tail[:cut]  # "…, top black lawmakers said Friday afternoon, as they bristled at …"
    as_said = _AS_SAID.match(tail)
    if as_said is not None:
        # "…whether Scott had a gun, as police have said.": the clause before is what they said
        attr = parse_tail(tail[as_said.end() :], offset=sent.start + comma + as_said.end())
        if attr is None or len(words(tail)) > _AS_SAID_MAX_WORDS:
            return None
        tail = tail[as_said.end() :]
    else:
        attr = parse_tail(tail, offset=sent.start + comma)
    if attr is None or attr.cue is None or attr.speaker is None:
        return None
    if re.search(r"\bwhat\s", tail[: max(0, attr.speaker_at - sent.start - comma)], re.IGNORECASE):
        return None  # "…," included a screenshot of what it said was a memo": a clause about what was said
    cue = attr.cue.split()[0].lower()
    if cue not in REPORTING_VERBS:
        return None
    # "…, the court was told.": the court heard it; who told it is not said
    told = cue in _OBJECT_VERBS and _PASSIVE_BEFORE.search(tail[: tail.find(attr.cue)]) is not None
    # nothing but a few adverbs may follow the cue
    after_cue = tail[tail.find(attr.cue) + len(attr.cue) :]
    if after_cue.lstrip().startswith(attr.speaker):
        # "…, said Lind." skips the name; "…, she learned to … before she could …" does not
        after_cue = after_cue[after_cue.find(attr.speaker) + len(attr.speaker) :]
    if _APPOSITIVE_TAIL.match(tail):
        after_cue = ""  # who the speaker is, not more of the sentence
    if after_cue.lstrip()[:1] in (":", *_OPENING_MARKS):
        return None  # "In a post, the mayor wrote: “…”": the cue introduces a quotation
    pos = 0
    while (channel := _ADVERBIAL.match(after_cue, pos)) is not None and channel.end() > pos:
        pos = channel.end()  # "…, Lind said in an interview with the Coastal Times.": how it was said
    rest_words = words(after_cue[pos:])
    told_whom = cue in _OBJECT_VERBS and not _has_finite_verb(rest_words)  # "…, Lind told the crowd of 2,000 in Dover"
    if len(rest_words) > 6 and not told_whom and not (
        _CIRCUMSTANCE.match(after_cue) and not any(w.norm in REPORTING_VERBS for w in words(after_cue))
    ):
        return None
    span = _content_span(text, _after_colon(text, sent.start, sent.start + comma, inside), sent.start + comma)
    if span is None or _mostly_quoted(text, span, inside):
        return None
    content_words = words(text[span.start : span.end])
    if content_words[0].norm in _PREPOSITIONS_AFTER_CUE and not _has_finite_verb(content_words):
        return None  # "In his speech earlier Wednesday, Trump proclaimed …": where, not what
    if _is_scene(text[span.start : span.end]):
        return None  # "Speaking to reporters, Lind said, “…”": the scene, not what was said
    place = _PLACE_DESCRIBED.match(text, span.start, span.end)
    if place is not None:
        span = Span(place.end(), span.end)  # "In Lowgate, where few own a car, …": the writer's picture of the place
    opens = _content_start(after_cue, 0, cue)
    if opens is not None and len(words(after_cue[opens:])) >= _MIN_WORDS:
        # "Asked about the pier, Lind said fares would rise": the cue opens a statement after it, so
        # the words before the comma set the scene
        return None
    # From the last quotation back: each has a word of its own, so at most seven are looked at.
    for a, b in reversed(inside.overlapping(span.start, span.end)):
        if a < span.start or b > span.end:
            continue
        if len(words(text[b : span.end])) > 6:
            break
        closes_with_comma = text[a:b].rstrip("”\"’'»").endswith(",") or text[b : b + 2].lstrip().startswith(",")
        if closes_with_comma and len(words(text[span.start : a])) < _MIN_WORDS:
            return None  # “...,” one victim, known as IJ, told QNews: a quotation and its speaker
    earlier = None
    for earlier in _EARLIER_CUE_THEN_AND.finditer(text, span.start, span.end):  # noqa: B007 - the last is wanted
        pass
    if earlier is not None and not inside.covers(earlier.start()):
        # "A, officials said Wednesday, and B, they said": the earlier cue has its own statement; this
        # one's starts after the "and"
        later = _content_span(text, earlier.end(), span.end)
        span = later if later is not None else span
    return ReportedSpeech(span, None if told else attr.speaker, attr.speaker_at, attr.cue, attr.outlet)


# A place the writer describes before a statement: "In Lowgate, where most households have no car, "
_PLACE_DESCRIBED = re.compile(r"(?:In|At|Across|Outside)\s+[^,;:“”\"]{1,40},\s+where\s+[^,;:“”\"]{1,80},\s+")
# ", county health officials said on Wednesday, and …": a cue between commas, then a new statement
_EARLIER_CUE_THEN_AND = re.compile(
    r",\s+(?:[^,;:“”\"]{2,60}?\s+(?:said|says|added|reported|announced)(?:\s+[^,;:“”\"]{0,40}?)?"
    r"|according\s+to\s+[^,;:“”\"]{2,80}?),\s+and\s+"
)


# After a trailing cue, when and where it was said: "…, union leaders said Friday after a meeting".
_CIRCUMSTANCE = re.compile(
    r"\s*(?:(?:on|last|this|late|early)\s+)?(?:" + TIME_WORDS + r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    r"(?:after|before|while|during|following|as|when)\b(?![^,;]*,)",
    re.IGNORECASE,
)


_AS_SAID = re.compile(r",?\s*as\s+(?=\S)", re.IGNORECASE)


def _cue_then_circumstance(tail: str) -> int | None:
    """Where a long tail's cue ends when only when it was said follows it, else None."""
    ws = words(tail[:160])
    for k, w in enumerate(ws[:14]):
        if w.norm in REPORTING_VERBS and is_speech_verb(ws, k):
            rest = tail[w.end :]
            after_comma = re.sub(r"^\s*,", "", rest)  # "…, the council has confirmed, after councillors …"
            if _CIRCUMSTANCE.match(after_comma) and not any(v.norm in REPORTING_VERBS for v in iter_words(rest)):
                return w.end
            return None
    return None


_PARENTHETICAL = re.compile(
    # the speaker may be a description and the name it stands for: ", its chief, Elin Varg, said,"
    r",\s+(?P<name>[^,;:“”\"]{2,70}?(?:,\s+" + _NAME + r"(?=,))?),?\s+(?P<cue>said|says|say|added|adds|argued|argues|"
    r"noted|notes|"
    r"warned|warns|insisted|insists|explained|explains|claimed|claims|wrote|writes|confirmed|confirms|stated|"
    r"states|told|tells|acknowledged|acknowledges|conceded|concedes|stressed|stresses|maintained|maintains|"
    r"announced|announces|denied|denies|reported|reports|recalled|recalls|admitted|admits|reckoned|reckons)\b"
    # whom it was told and when: "The pier, Lind told reporters on Monday, is unsafe."
    r"(?P<extra>[^,;:“”\"]{0,60}?),\s+"
)


def _parenthetical_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"Skepticism has hurt him, Graham said, since most voters accept it.": the cue sits inside
    the statement, which is the words on both sides of it."""
    stext = text[sent.start : sent.end]
    for tried, m in enumerate(_parenthetical_matches(stext)):
        if tried >= _MAX_CUES_PER_SENTENCE:
            break  # a run of ", Lind said," in one sentence: stay linear
        at = sent.start + m.start()
        if inside.covers(at) or inside.covers(sent.start + m.end() - 1):
            continue
        according = m.group("cue") is None
        if not according and not _only_whom_and_when(m.group("extra"), m.group("cue")):
            continue
        # "its chief executive, Elin Varg": read as a description and the name it stands for
        named = m.group("name") + ("," if "," in m.group("name") else "")
        described, _, _ = m.group("name").partition(",")
        name = np_after_according(described) if according else clean_subject(named)
        if "," in m.group("name") and name in (described.strip(), m.group("name").rpartition(",")[2].strip()):
            # "according to a police spokesman, Inspector Farid Naderi,", "the fund's chief investment
            # officer, Corwin Vandermeer, said": the description and the name it stands for
            name = m.group("name").strip()
        if name is None or name != m.group("name").strip() or m.group("name").split()[0].lower() in {"as", "so"}:
            continue
        before = _content_span(text, sent.start, at)
        # "If the buses were cut, she said, she would lose her job": a condition is part of what was said
        scene = before is not None and _is_scene(text[before.start : before.end]) \
            and words(text[before.start : before.end])[0].norm not in {"if", "unless"}
        subject = _short_subject(text, sent.start, at) if before is None else None
        if subject is None and not scene and (before is None or _mostly_quoted(text, before, inside)):
            continue
        after_start = sent.start + m.end()
        first = words(text[after_start : sent.end][:40])
        after = None
        rest = words(text[after_start : sent.end])
        # "…, union leaders said Friday, as they bristled at …": about the saying, not what was said
        # "…, she said, while production had fallen": the tense of reported speech keeps it hers
        said = words(text[before.start : before.end]) if before is not None else []
        if first and not first[0].norm.endswith("ing") and not _another_cue(rest) \
                and (first[0].norm not in _ABOUT_THE_SAYING or first[0].norm in _CONTRASTS_OF_TWO
                     and _carries_on(said, first[1:], m.group("cue"))):
            after = _content_span(text, after_start, sent.end)
        if after is not None and _mostly_quoted(text, after, inside):
            after = None
        if after is not None and before is not None and first[0].norm in _CONTRASTS and _opens_clause(first[1:]) \
                and not _carries_on(said, first[1:], m.group("cue")):
            # "Fares will rise, Lind said, but the council disagreed": the writer goes on; "…, she added,
            # but two firefighters had been hurt": the tense of reported speech carries hers on
            after = None
        if after is not None and before is not None and (_TIME_AFTER_CUE.match(text, after.start, after.end)
                                                         or re.match(_SUMMING_UP, text[after.start : after.end])):
            # "…, Lind said Monday, a week after the storm": when, not what; "…, officials said, the first
            # such vote": the writer's summing up
            after = None
        if m.re is _PARENTHETICAL_INVERTED and (
            not first or first[0].norm in _APPOSITIVE_HEADS - {"the"} or first[0].text[0].isdigit()
            or not (scene or subject is not None or _main_verb(first))
        ):
            continue  # "…, said Lind, a nurse from Dover.": who the speaker is, not more of the statement
        if scene:
            # "In recent days, aides say, the mayor has grown tired": the scene is no part of it;
            # "Asked about the device, Lind said, “…”": nor is it a statement alone
            if after is None:
                continue
            before, subject = after, None
            after = None
        if subject is not None:
            # "The planks, Lind said, were rotten.": a short subject and its predicate are one statement
            if after is None and first and not any(w.norm in REPORTING_VERBS for w in rest):
                after = _predicate(text, after_start, sent.end)
            if after is None or inside.overlapping(subject.start, after.end):
                continue
            before = subject
        assert before is not None
        parts = (before,) if after is None else (before, after)
        cue = "according to" if according else m.group("cue")
        speaker = None if m.re is _HEARING_HEARD else name  # the hearing heard it; who said it is not named
        return ReportedSpeech(Span(parts[0].start, parts[-1].end), speaker, sent.start + m.start("name"), cue, None,
                              parts)
    return None


# "The pier, according to the port, will close in May."
_PARENTHETICAL_ACCORDING = re.compile(
    r",\s+according\s+to\s+(?P<name>[^,;:“”\"]{2,70}?(?:,\s+" + _NAME + r")?)(?P<cue>)??(?P<extra>),\s+"
)


# "a week after the storm", "two days before the vote": when something was said
_TIME_AFTER_CUE = re.compile(
    r"(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|before|since|ago|later|earlier)\b",
    re.IGNORECASE,
)
# Words after a cue between commas that open a phrase about the saying, not more of the statement.
_ABOUT_THE_SAYING = frozenset("as while when after before during following which who where without".split())
_CONTRASTS = frozenset("but though although".split())
_CONTRASTS_OF_TWO = frozenset("while whereas".split())


_BACKSHIFT = frozenset("had would could might".split())


def _backshifted(ws: list[Word]) -> bool:
    """Whether a clause's first finite verb is in the tense of reported speech ("had refused", "would")."""
    k = next((k for k in range(min(len(ws), 8)) if _finite_at(ws, k) or ws[k].norm in _IRREGULAR_PAST), None)
    if k is None or ws[k].norm not in _BACKSHIFT:
        return False
    rest = [w.norm for w in ws[k + 1 : k + 3] if w.norm not in {"not", "already", "never", "also"}]
    # "had refused", "had been": a past perfect; "had other plans" is the writer's plain past
    return ws[k].norm != "had" or bool(rest) and (rest[0] in _IRREGULAR_PAST or rest[0].endswith(("ed", "en")))


_PAST_FORMS = frozenset(
    "was were had did would could might should wasn't weren't hadn't didn't wouldn't couldn't "
    "wasn’t weren’t hadn’t didn’t wouldn’t couldn’t".split()
)
# Pronouns that may stand for the speaker: "…, she said, though she gave no reason" is the writer's.
_SPEAKER_PRONOUNS = frozenset("he she they i we".split())


def _tense(ws: list[Word]) -> str | None:
    """ "past" or "present" by a clause's first finite verb; None when none is read. A present "-s" form
    is looked for last: it is as often a plural noun ("specialist teams freed")."""
    for k, w in enumerate(ws[:12]):
        if w.norm in _PAST_FORMS or k > 0 and w.text.islower() and w.norm not in ED_NOUNS and (
                w.norm in _IRREGULAR_PAST or w.norm.endswith("ed") and len(w.norm) > 3) \
                and ws[k - 1].norm not in _NOUN_MARKERS:
            return "past"
        if w.norm in _FINITE:
            return "present"
    return "present" if any(_finite_at(ws, k) for k in range(min(len(ws), 12))) else None


def _carries_on(said: list[Word], ws: list[Word], cue: str | None) -> bool:
    """Whether the contrast after a cue between commas goes on with the statement: in the tense of reported
    speech ("but two firefighters had been hurt"), or, after a cue in the past, in the tense of the statement
    before it, with a subject that is no pronoun for the speaker and no one's reaction ("Cameras had caught
    them, she said, but the images were blurred"; "Most are hoaxes, he said, but each one is checked")."""
    if _backshifted(ws):
        return True
    past_cue = cue is not None and (cue.lower().endswith("ed") or cue.lower() in _IRREGULAR_PAST)
    if not past_cue or not ws or ws[0].norm in _SPEAKER_PRONOUNS or any(w.norm in _REACTIONS for w in ws[:8]):
        return False
    tense, before = _tense(ws), _tense(said)
    return tense == "past" and before == "past" or tense == "present" and before != "past"


def _only_whom_and_when(extra: str, cue: str) -> bool:
    """Whether the words after a cue between commas only say whom it was told and when or how."""
    pos = 0
    if cue.lower() in _OBJECT_VERBS and extra.strip():
        whom = _OBJECT.match(extra + " ")
        pos = whom.end() if whom is not None else 0
    while (more := _ADVERBIAL.match(extra, pos) or _WHEN_SAID.match(extra, pos)) is not None and more.end() > pos:
        pos = more.end()
    return not extra[pos:].strip()


def _another_cue(ws: list[Word]) -> bool:
    """Whether a cue word is among ``ws`` other than a passive ("was expected to"), which says nothing, or a
    noun after its article ("sends a signal")."""
    return any(w.norm in REPORTING_VERBS and not (k > 0 and ws[k - 1].norm in _BE | _ARTICLES)
               for k, w in enumerate(ws))


_ARTICLES = frozenset("a an the".split())


_BE = frozenset("is are was were be been being".split())


# "…, the bank said in a statement after its policy meeting, and …": when a cue between commas was said
_WHEN_SAID = re.compile(
    r"\s*(?:after|before|following|during)\s+(?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:meeting|session|hearing|vote|talks|briefing|speech|announcement|decision|ruling|verdict|sentencing)s?\b"
)


def _parenthetical_matches(stext: str) -> Iterator[re.Match[str]]:
    after_comma = stext[stext.find(",") :] if "," in stext else ""
    if " heard" in after_comma or " told" in after_comma:
        yield from _HEARING_HEARD.finditer(stext)
    if not any(cue in after_comma for cue in _PARENTHETICAL_CUES):
        return  # each pattern needs one of its cue words after a comma: most sentences have none
    yield from _PARENTHETICAL.finditer(stext)
    yield from _PARENTHETICAL_ACCORDING.finditer(stext)
    yield from _INVERTED_THEN_CONJUNCTION.finditer(stext)  # the longer name first: "…, Tobias Wrenfield, and …"
    yield from _PARENTHETICAL_INVERTED.finditer(stext)


# "He took the money, the court heard, and spent it on cars.": evidence a hearing heard, between commas or
# at the end; its giver is not named
_HEARING_HEARD = re.compile(
    r",\s+(?P<name>(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}"
    r"(?i:court|inquest|jury|hearing|tribunal|trial|magistrates|committee|panel|inquiry))"
    r"\s+(?:has\s+|had\s+|was\s+(?=told)|were\s+(?=told))?(?P<cue>heard|(?<=s\s)told|(?<=e\s)told)\b"
    r"(?P<extra>[^,;:“”\"]{0,40}?)(?:,\s+|(?=[.!]?\s*$))"
)
# "Such suits end in settlements, said Gwendolyn Asher, a professor of law, because …": an inverted
# cue between commas, its speaker a name (and who they are) or a description,
_INVERTED_THEN_CONJUNCTION = re.compile(
    r",\s+(?P<cue>said|says|added|adds)\s+(?P<name>" + _NAME
    # "Professor Ilana Marchetti of the Westbrook School of Law"
    + r"(?:\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})?"
    r"|(?:the|an?)\s+[a-z][^,;:“”\"]{1,40}?)"
    # then a conjunction that carries the statement on, not more of who they are
    # "…, said the head of the airline association, Tobias Wrenfield, and …": who they are, or their name
    r"(?:,\s+(?:(?:an?|the)\s+[^,;:“”\"]{1,80}?|" + _NAME + r"))?"
    r"(?P<extra>),\s+(?=(?:because|and|but|since|so|although|though|or|unless|while|whereas)\s)"
)
# "When the tide runs hard, says Greig, the chains sing.": a feature's cue before its speaker
_PARENTHETICAL_INVERTED = re.compile(
    r",\s+(?P<cue>says|said|adds|added|explains|explained|insists|insisted|argues|argued|notes|noted|recalls|"
    r"recalled|writes|wrote)\s+(?P<name>(?:the\s+|an?\s+)?[A-Z\w][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)(?P<extra>),\s+"
)


def _short_subject(text: str, start: int, end: int) -> Span | None:
    """A subject too short to be a statement alone ("The pier"): one to two words, no cue."""
    while start < end and text[start] in " \t\n":
        start += 1
    ws = words(text[start:end])
    if not 1 <= len(ws) < _MIN_WORDS or any(w.norm in REPORTING_VERBS for w in ws):
        return None
    return Span(start, start + ws[-1].end)


def _predicate(text: str, start: int, end: int) -> Span | None:
    """What follows a cue between commas, however short ("were rotten")."""
    while start < end and text[start] in " \t\n":
        start += 1
    ws = words(text[start:end])
    if not ws:
        return None
    stop = start + ws[-1].end
    while stop > start and text[stop - 1] in ".,;:!?":
        stop -= 1
    return Span(start, stop)


# "As the harbour master noted, …" / "But as critics have pointed out in letters, …"
_AS_INTRO = re.compile(r"\s*(?:(?:But|And|Yet|So),?\s+)?[Aa]s\s+(?P<intro>[^,;:“”\"«»()]{3,140}),\s*")
_POINT = frozenset("point points pointed".split())
# Every word _verb_then_content may take for a cue, whatever surrounds it.
_ANY_VERB_CUE = (
    REPORTING_VERBS | _MIXED_CUES | _POINT | _CUES_BEFORE_THAT | _FINDS | _RULED | _MAKE | _STANCES
    | {"heard", "understands"}
)
_AS_INTRO_WITH_ASIDE = re.compile(
    r"\s*(?:(?:But|And|Yet|So),?\s+)?[Aa]s\s+(?P<intro>[^,;:“”\"«»()]{3,80},\s+(?:including|like|such\s+as|among\s+them)"
    r"\s[^,;:“”\"«»()]{2,60},\s+[^,;:“”\"«»()]{3,60}),\s*"
)
_AS_AUXILIARIES = frozenset("has have had has also have also did".split())


def _as_cue_then_content(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"As the harbour master noted, the pier is old.": the clause after the comma is what the
    subject of the "as" clause said."""
    stext = text[sent.start : sent.end]
    m = _AS_INTRO.match(stext)
    if m is None or inside.covers(sent.start + m.start("intro")):
        return None
    if not any(w.norm in REPORTING_VERBS or w.norm in _POINT for w in words(m.group("intro"))):
        # "As many experts, including Ms. Lind, have pointed out, …": the cue is past a phrase set apart
        m = _AS_INTRO_WITH_ASIDE.match(stext) or m
    ws = words(m.group("intro"))
    # "As she puts it, …": how the speaker put it, as good as a verb of saying
    puts = [i for i, w in enumerate(ws) if i > 0 and w.norm in {"puts", "put"} and ws[i + 1 : i + 2]
            and ws[i + 1].norm == "it" and _only_when(m.group("intro")[ws[i + 1].end :])]
    cues = puts or [
        i for i, w in enumerate(ws)
        if i > 0 and w.text.islower() and (w.norm in REPORTING_VERBS or w.norm in _POINT and ws[i + 1 : i + 2]
                                           and ws[i + 1].norm == "out") and is_speech_verb(ws, i)
    ]
    if len(cues) != 1:
        return None  # none, or several: "as X said Y warned"
    i = cues[0]
    cut = i - 1 if ws[i - 1].norm in _AS_AUXILIARIES else i
    name = clean_subject(m.group("intro")[: ws[cut].start])
    if name is None or not plausible_subject(name):
        return None
    span = _content_span(text, sent.start + m.end(), sent.end)
    if span is None or _mostly_quoted(text, span, inside):
        return None
    at = sent.start + m.start("intro") + m.group("intro").find(name)
    cue = ws[i].text if i + 1 >= len(ws) or ws[i + 1].norm not in {"out", "it"} else f"{ws[i].text} {ws[i + 1].text}"
    return ReportedSpeech(span, name, at, cue, find_outlet(m.group("intro")))


def _only_when(rest: str) -> bool:
    """Whether ``rest`` says no more than when or how something was said ("in 2019", "")."""
    pos = 0
    while (more := _ADVERBIAL.match(rest, pos)) is not None and more.end() > pos:
        pos = more.end()
    return not rest[pos:].strip()


_COLON_INTRO = re.compile(r"(?m)^(?P<intro>[^\n:]{3,80}+):[ \t]*\n(?:[ \t]*\n)+(?P<body>[^\n]+)")


def _block_after_colon(
    text: str, sentences: tuple[Span, ...], quotations: tuple[Quotation, ...]
) -> list[ReportedSpeech]:
    """"The governor added:" alone in a paragraph, then a paragraph without quote marks: the
    block is what the governor said, printed as a quotation set apart."""
    found: list[ReportedSpeech] = []
    if ":\n" not in text and ": \n" not in text:
        return found
    opens = [q.open_at for q in quotations]
    for m in _COLON_INTRO.finditer(text):
        ws = words(m.group("intro"))
        if not 1 < len(ws) <= 8 or ws[-1].norm not in REPORTING_VERBS or not is_speech_verb(ws, len(ws) - 1):
            continue
        body = m.group("body")
        if body.lstrip()[:1] in _OPENING_MARKS or body.lstrip()[:1] in "#>-*|":
            continue
        name = clean_subject(m.group("intro")[: ws[-1].start])
        span = _content_span(text, m.start("body"), m.end("body"))
        if name is None or span is None:
            continue
        k = bisect_right(opens, span.end)
        if k and quotations[k - 1].close_end > span.start:
            continue  # quotations in the block: they are the claims
        found.append(ReportedSpeech(span, name, m.start("intro") + m.group("intro").find(name), ws[-1].text, None))
    return found


def _cue_group_words(pattern: re.Pattern[str], group: str = "cue") -> frozenset[str]:
    """The words a pattern's ``cue`` (or other) group is written to match (its alternatives)."""
    source = pattern.pattern
    start = source.index(f"(?P<{group}>") + len(f"(?P<{group}>")
    depth, k = 1, start
    while k < len(source) and depth:
        depth += {"(": 1, ")": -1}.get(source[k], 0)
        k += 1
    return frozenset(re.findall(r"[a-z]+", source[start:k]))


_FIGURE_CUES = _cue_group_words(_FIGURE_AT)  # a sentence without one is not searched for a figure
# The cue words of the patterns _parenthetical_matches reads ("according" for its "according to").
_PARENTHETICAL_CUES = frozenset().union(
    *(_cue_group_words(p) for p in (_PARENTHETICAL, _INVERTED_THEN_CONJUNCTION, _PARENTHETICAL_INVERTED)), ["according"]
)


# Every word some rule of find_reported needs in a sentence before it can fire; a sentence with
# none of them is skipped. tests/claims/test_cue_free.py checks that skipping changes no claim.
_TRIGGERS = (
    REPORTING_VERBS | SPEECH_VERBS | EVALUATIVE_VERBS | CUE_NOUNS | _ANY_VERB_CUE | _HEADLINE_CUES | _CUES_ALONE
    | frozenset("according quoted heard caught recorded filmed overheard seen put puts understands".split())
    | frozenset("words view opinion judgement judgment".split())  # "In her words, …"
    | _FIGURE_CUES
    | _cue_group_words(_GERUND_CUE, "gerund") | _cue_group_words(_COORDINATED_CUE, "gerund")
    | frozenset().union(*(_cue_group_words(p) for p in (
        _HEADLINE_TAIL, _COORDINATED_CUE, _NOUN_CUES, _DETERMINED_NOUN_CUES, _PASSIVE_CUE, _RELATIVE_CUE,
        _FINDING, _PARENTHETICAL, _INVERTED_THEN_CONJUNCTION, _PARENTHETICAL_INVERTED,
    )))
)  # fmt: skip
SKIP_SENTENCES_WITHOUT_A_CUE = True  # a switch for the test that proves the skip changes nothing


def _may_hold_a_cue(text: str, sent: Span) -> bool:
    return any(w.norm in _TRIGGERS for w in words(text[sent.start : sent.end]))
