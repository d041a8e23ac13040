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
from dataclasses import dataclass

from verify.claims.attribution import (
    Word,
    clean_subject,
    find_outlet,
    is_speech_verb,
    np_after_according,
    outlet_of_reporter,
    parse_tail,
    plausible_subject,
    sentence_subject,
    words,
)
from verify.claims.lexicon import (
    DETERMINERS,
    EVALUATIVE_VERBS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SAID,
    SPEECH_VERBS,
    SUBORDINATORS,
    TIME_WORDS,
    only_time_or_number,
)
from verify.claims.quotes import Quotation
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
    "urged urge asked ask".split()
)
_OBJECT = re.compile(
    r"\s*(?:reporters|journalists|them|him|her|us|me|you|voters|supporters|listeners|viewers|"
    # a name is taken whole: "the Wall Street Journal", "Radio Free Europe/Radio Liberty"
    r"(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:(?:\s+(?:of\s+|and\s+|the\s+)?|/)[A-Z][\w’'&.-]*){0,5}|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)(?=[\s,])"
)
_ADVERBIAL = re.compile(
    r"\s*,?\s*(?:"
    r"(?:in|during|at|on)\s+(?:an?|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:report|statement|interview|letter|speech|briefing|conference|post|tweet|email|memo|"
    r"filing|op-ed|video|appearance|hearing|address|rally|debate|event|call|podcast|show|program|"
    r"programme|broadcast|release|session|meeting|visit|trip|book|column|essay|article)"
    # the outlet's name: capitals only (the pattern is otherwise case-blind), or a time
    r"(?:\s+(?:with|to|on|at|for)\s+(?:the\s+)?(?-i:[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}))?"
    r"|(?:on|last|this|earlier|late|early|next)\s+" + TIME_WORDS + r"(?:\s+(?:morning|night|afternoon|evening))?"
    r"|" + TIME_WORDS + r"(?:\s+(?:morning|night|afternoon|evening))?"
    r"|(?:yesterday|today|tonight|recently|previously|earlier|later|again|also|repeatedly|publicly|"
    r"privately|separately|flatly|once|often|then|now)"
    r"|on\s+(?:X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|television|TV|radio)"
    r"|in\s+(?:\d{4}|a\s+\d{4}\s+\w+)"
    r"|(?:via|by|through|in)\s+(?:an?\s+)?(?:e-?mail|text(?:\s+message)?|phone|telephone|spokes(?:man|woman|person))"
    r")\b,?",
    re.IGNORECASE,
)
_CLAUSE_START = frozenset(
    "there it he she they we i you this that these those his her their its our my your a an the "
    "some no many most all one two three nobody everyone anyone nothing something if when".split()
)
_MIN_WORDS = 3
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
        inside = _quoted_ranges(quotations, opens, sent)
        inverted = _ends_inverted(text, sent, inside)
        candidates = (
            _according_to(text, sent, inside),
            _parenthetical_cue(text, sent, inside),
            _as_cue_then_content(text, sent, inside),
            _content_then_cue(text, sent, inside) if inverted else None,
            _verb_then_content(text, sent, inside),
            _content_then_cue(text, sent, inside) if not inverted else None,
            _noun_cue(text, sent, inside),
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
        found.extend(sorted(kept, key=lambda r: r.content.start))
    found.extend(_block_after_colon(text, sentences, quotations))
    found.sort(key=lambda r: r.content.start)
    return found


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
    # A framing phrase at the front ("A year after the first reports, ...") sets the
    # scene; the statement is what follows it.
    frame = _FRAME.match(text, start, end)
    if frame and _FRAME_TIME.search(frame.group(0)) and len(words(text[frame.end() : end])) >= _MIN_WORDS:
        start = frame.end()
    while end > start and text[end - 1] in " \t\n.,;:!?":
        end -= 1
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
    r",\s*(?:said|says|told|added|wrote)\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the|who)\s"
)


def _inverted_comma(stext: str, commas: list[int]) -> int:
    """The comma that opens the cue: the last, or the one before a name and its appositive."""
    if len(commas) > 1 and _APPOSITIVE_TAIL.match(stext, commas[-2]):
        return commas[-2]
    return commas[-1]


def _ends_inverted(text: str, sent: Span, inside: _Quoted) -> bool:
    """"Rock music is loud, said the manager.": the sentence ends in an inverted cue, so the
    statement is what comes before it, not the speaker's name after the verb."""
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in re.finditer(r",", stext) if not inside.covers(sent.start + m.start())]
    if not commas:
        return False
    comma = _inverted_comma(stext, commas)
    if comma != commas[-1]:
        return True
    tail = words(stext[comma:])
    # a name after the verb is short; "…, said the harbour board's letter changed nothing" is not one
    if not 1 < len(tail) <= _MAX_INVERTED_SPEAKER_WORDS + 1:
        return False
    # "…, said the manager." or "…, the source added.": a cue earlier in the sentence is part of
    # what the source said ("Lind had told officials that …, the source added.")
    return tail[0].norm in REPORTING_VERBS or (tail[-1].norm in SAID and tail[-1].text.islower())


# A sentence that is only a cue: "According to the port, anyway." / "The harbour master said Tuesday."
_ACCORDING_ALONE = re.compile(r"\s*[Aa]ccording\s+to\s+(?P<rest>[^,.;:!?“”\"]{2,80})(?:,\s*\w+)?[.!]?\s*$")
_MAX_CUE_ALONE_WORDS = 8
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
    for m in re.finditer(r"\b[Aa]ccording\s+to\s+", stext):
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
            span = _content_span(text, sent.start + comma + 1, sent.end)
        else:
            span = _content_span(text, sent.start, at)
        if span is None or _mostly_quoted(text, span, inside):
            continue
        return ReportedSpeech(span, name, sent.start + m.end(), "according to", find_outlet(stext))
    return None


def _verb_then_content(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    ws = words(stext)
    tried = 0
    for i, w in enumerate(ws):
        if i == 0 or inside.covers(sent.start + w.start) or w.text[0].isupper():
            continue  # a capital inside a sentence is a name: "the United States economy"
        quoted_after = inside.opens_at_or_after(sent.start + w.end)
        if w.norm not in REPORTING_VERBS and not (quoted_after and w.norm in _MIXED_CUES):
            continue
        if not is_speech_verb(ws, i):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cue words: stay linear
        # Only the words since the last quotation belong to this clause.
        closed = inside.last_end_up_to(sent.start + w.start)
        last_close = closed - sent.start if closed is not None and closed > sent.start else 0
        before = stext[max(last_close, w.start - _SUBJECT_REACH) : w.start]
        if i > 0 and ws[i - 1].norm == "worth":
            continue  # "It's worth noting that": the writer's aside, nobody's statement
        name = _subject_of(before, w.norm)
        if name is None:
            continue
        pos = _content_start(stext, w.end, w.norm)
        if pos is None and quoted_after and _quotation_is_its_own(stext, w.end, inside, sent.start):
            # "called half of his supporters “deplorables”": with quoted words to
            # come, the rest of the sentence is what the speaker is reported to say.
            pos = w.end
        if pos is None:
            continue
        span = _content_span(text, sent.start + pos, sent.end)
        if span is not None:
            tail = _PARTICIPLE_TAIL.search(text, span.start, span.end)
            if tail is not None:
                span = _content_span(text, span.start, tail.start())
        if span is not None and _RELATIVE_SUBJECT.search(before):
            span = _content_span(text, span.start, _end_of_relative(text, span))
        if span is None or _mostly_quoted(text, span, inside):
            continue
        outlet = find_outlet(stext[:pos]) or outlet_of_reporter(name, w.text.rstrip("."))
        return ReportedSpeech(span, name, sent.start + stext.find(name), w.text.rstrip("."), outlet)
    return None


# A participle phrase led by an adverb after a comma ends a statement: it is the writer's comment
# on it ("…, implicitly putting his name on the line"). Without the adverb the phrase is as
# often part of what was said ("…, amounting to what the senators said was …").
_PARTICIPLE_TAIL = re.compile(r",\s+[a-z]+ly\s+(?!(?:saying|adding|noting|arguing|claiming|warning)\b)[a-z]+ing\b")


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
        return not (after[0].norm in {"and", "but", "then"} and new_predicate)
    if head[0].norm == "the" and len(head) > 1 and head[1].norm == "same":
        return False
    for k, w in enumerate(words(rest[:200])):
        if inside.covers(offset + pos + w.start):
            break
        if w.norm in REPORTING_VERBS and k > 0:
            return False
    return not re.match(r"\s*,?\s*(?:in|on|to|via)\b[^,]*,\s*(?:and|but|or)\b", rest)


_SUBORDINATE_OPENING = re.compile(
    r"(?:^|[,;]\s*|\s)(?:as|while|when|whereas|because|although|though|since|after|before)\s+", re.IGNORECASE
)


_RELATIVE_SUBJECT = re.compile(
    r"(?:,\s*)?\b(?:who|which|(?:many|some|most|all|one|none|several)\s+of\s+(?:whom|which))"
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
    return m.start() if m else span.end


_TRAILING_NAME = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*$")


_AFTER_COPULA = re.compile(r"\b(?:are|is|was|were|been|be)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)\s*$", re.IGNORECASE)


def _antecedent(before: str) -> str | None:
    """The one a "who" clause is about: the last name before it, past any appositive."""
    described = None
    for segment in reversed(re.split(r",\s*|\s+(?:--|[—–―])\s+", before.rstrip(" ,—–―-"))):
        first = segment.split()[:1]
        if first and first[0].lower() in {"now", "then", "the", "a", "an", "his", "her", "its", "their", "once"}:
            described = described or segment
            continue  # "now the harbour master": who the person is, not the person
        m = _TRAILING_NAME.search(segment)
        if m is not None and m.start() > 0:
            return m.group(1)
        name = clean_subject(segment)
        if name is None:
            # "there are some economists who argue": the noun phrase the clause hangs on
            copula = _AFTER_COPULA.search(segment)
            if copula is not None and plausible_subject(copula.group(1)):
                return copula.group(1)
        return name or (clean_subject(described) if described else None)
    # "the study -- which notes that": a description is all the sentence gives
    return clean_subject(described) if described else None


# Verbs that only say the speaking goes on: "continues to insist" is "insists".
_ASPECTUAL = re.compile(r"\s+(?:continues|continued|continue|went\s+on|goes\s+on|go\s+on|has\s+gone\s+on)\s+to\s*$")


def _subject_of(before: str, verb: str) -> str | None:
    before = _ASPECTUAL.sub(" ", before)
    relative = _RELATIVE_SUBJECT.search(before)
    if relative is not None:
        # "McConnell, now the majority leader, who in 2010 said": the one the clause is about
        return _antecedent(before[: relative.start()])
    name = clean_subject(before)
    if name is None:
        # "..., as surveyors warned that": the subject of the clause the cue sits in
        last = None
        for last in _SUBORDINATE_OPENING.finditer(before):  # noqa: B007 - the last match is wanted
            pass
        passive = re.search(r"\b(?:is|are|was|were|be|been|being)\s*$", before, re.IGNORECASE)
        if last is not None and before[last.end() :].strip() and not passive:
            name = clean_subject(before[last.end() :])
    coordinated = r"\b(?:and|but)(?:\s+\w+ly)?(?:\s+(?:has|have|had|also))?\s*$"
    if name is None and re.search(r"(?:" + coordinated + r"|,|\bby)\s*$", before):
        # "She urged ... and said that", "... but has said she will", "..., saying that"
        if verb.endswith("ing") or re.search(coordinated, before):
            name = sentence_subject(before)
    if name is None:
        # "… was the third time AROS said it had …": a name right before the cue, mid-sentence
        run = _NAME_BEFORE_CUE.search(before[-80:])
        if run is not None and plausible_subject(run.group(1)) and run.group(1).split()[0].lower() not in DETERMINERS:
            name = run.group(1)
    return name


_NAME_BEFORE_CUE = re.compile(r"(?<=[a-z] )((?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*)\s*$")


_SKIPPABLE_TO_THAT = re.compile(r"[^,.;:“”\"«»]{0,70}?\bthat\b")
# A phrase between commas after the cue, then "that": "insists, in an interview on Friday, that".
_ASIDE_THEN_THAT = re.compile(r"\s*,([^,.;:“”\"«»]{1,90}),\s*that\b")


def _content_start(stext: str, pos: int, verb: str) -> int | None:
    """Where the reported content begins after the cue ending at ``pos``, if it does."""
    if verb in _OBJECT_VERBS:
        m = _OBJECT.match(stext, pos)
        if m:
            pos = m.end()
    while True:
        m = _ADVERBIAL.match(stext, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    rest = stext[pos:]
    m_that = re.match(r"\s*,?\s*that\b", rest)
    aside = None if m_that else _ASIDE_THEN_THAT.match(rest)
    if aside is not None and not any(w.norm in REPORTING_VERBS for w in words(aside.group(1))):
        m_that = aside  # "insists, most recently in an interview, that …": the aside is skipped
    if m_that:
        after_that = rest[m_that.end() :].lstrip()
        quote_follows = after_that[1:].lstrip()[:1] in _OPENING_MARKS
        if after_that[:1] in (".", ";", "") or after_that[:1] == "," and not quote_follows:
            return None  # "Having said that, …": the pronoun, not a clause
        return pos + m_that.end()
    first = words(rest[:40])
    if not first or rest.lstrip()[:1] in "“\"‘«„:,":
        return None  # nothing, or a quotation follows: the quote itself is the claim
    head = first[0]
    bare = re.sub(r"[’'](?:s|re|ll|d|ve|m)$|n[’']t$", "", head.norm)
    if head.norm in _PREPOSITIONS_AFTER_CUE or head.norm in {"to", "so", "as", "of"} or head.norm.endswith("ly"):
        # "tweeted in the early morning hours that ...": skip a short phrase up to "that",
        # never over another cue ("conceded on Monday, as surveyors warned that ...")
        return _skip_to_that(rest, pos)
    if verb in _OBJECT_VERBS and bare not in {"him", "her", "them", "me", "us"} and _skip_to_that(rest, pos):
        return _skip_to_that(rest, pos)  # "told one of his young protégés on a regular basis that …"
    if verb in _OBJECT_VERBS and bare in {"him", "her", "them", "me", "us"}:
        return None
    if bare in PERSONAL_PRONOUNS or bare in {"there", "it"}:
        return pos
    if bare in _DEMONSTRATIVES and (len(first) == 1 or first[1].norm in SUBORDINATORS | PREPOSITIONS):
        return None  # "I write this because …": the pronoun is the object, not a clause
    if (head.text[0].isupper() or bare in DETERMINERS) and _object_then_infinitive(words(rest[:200])):
        return None  # "expect Clinton to win", "maintains a program to train pilots"
    if head.text[0].isupper() or head.text[0].isdigit() or bare in _CLAUSE_START or bare in DETERMINERS:
        # "said the same thing", "promised a veto": an object, unless a verb follows
        if bare in DETERMINERS and verb not in _NOUN_PHRASE_CUES \
                and not _has_finite_verb(words(re.split(r"[,;:]", rest[:200])[0])[1:20]) \
                and not _verb_after_interruption(rest[:240]):
            return None
        return pos
    # "said bus journeys had fallen": any word may open the clause when a finite verb follows
    if verb in _CLAUSE_CUES and bare not in _NOT_CLAUSE_HEADS and _has_finite_verb(words(rest[:120])[1:8]):
        return pos
    return None


# Cues whose object is itself a checkable statement: "denied any role in the fire",
# "announced the arrest of a man"; after other cues an object is no statement ("said the same thing").
_NOUN_PHRASE_CUES = frozenset(
    "deny denies denied denying confirm confirms confirmed confirming announce announces announced announcing".split()
)
_DEMONSTRATIVES = frozenset("this these those".split())
_STRICT_FINITE_AFTER = 20


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


def _skip_to_that(rest: str, pos: int) -> int | None:
    """Past a short phrase to the "that" opening the clause; not over another cue, and not to a
    "that" that opens a relative clause ("after the meeting that was held")."""
    m = _SKIPPABLE_TO_THAT.match(rest)
    if m is None or any(w.norm in REPORTING_VERBS for w in words(m.group(0))[:-1]):
        return None
    following = words(rest[m.end() : m.end() + 30])
    if following and following[0].norm in _FINITE:
        return None
    return pos + m.end()


# Cues after which a bare clause ("said fares had risen") is the usual reported speech.
_CLAUSE_CUES = frozenset(
    "say says said tell tells told add adds added warn warns warned claim claims claimed insist insists "
    "insisted argue argues argued note notes noted explain explains explained confirm confirms confirmed "
    "state states stated announce announces announced write writes wrote deny denies denied estimate "
    "estimates estimated concede concedes conceded admit admits admitted predict predicts predicted "
    "believe believes believed think thinks thought".split()
)
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
_INTERRUPTION_HEADS = frozenset("run led set built made based known which who including like such as".split())


def _verb_after_interruption(rest: str) -> bool:
    """"the plan, drawn up by the port, has brought jobs": a subject, a phrase between commas,
    then its verb; the clause is reported speech, not an object of the cue."""
    segments = rest.split(",")
    if len(segments) < 3:
        return False
    inner = words(segments[1])
    if not inner or not inner[0].text.islower():
        return False
    head = inner[0].norm
    if head not in _INTERRUPTION_HEADS and not (head.endswith(("ed", "en", "wn")) and len(head) > 3):
        return False
    after = words(segments[2])[:3]
    return bool(after) and after[0].text.islower() and _has_finite_verb(after[:1])


def _has_finite_verb(ws: list[Word]) -> bool:
    """Whether a few words hold a finite verb: an auxiliary or a past form ("had fallen", "rose")."""
    return any(
        w.norm in _FINITE or (w.text.islower() and w.norm.endswith("ed") and len(w.norm) > 3)
        or (k > 0 and w.text.islower() and w.norm.endswith("s") and not w.norm.endswith("ss") and len(w.norm) > 3
            and ws[k - 1].text.islower() and ws[k - 1].norm not in DETERMINERS
            and not ws[k - 1].norm.endswith("s") and ws[k - 1].norm not in _PREPOSITIONS_AFTER_CUE)
        for k, w in enumerate(ws)
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


def _noun_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"Lind’s claim that the pier is safe ...": the possessor is the speaker."""
    stext = text[sent.start : sent.end]
    tried = 0
    for m in _NOUN_CUES.finditer(stext):
        if inside.covers(sent.start + m.start()):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cues: stay linear
        span = _content_span(text, sent.start + m.end(), sent.end)
        if span is None or _mostly_quoted(text, span, inside):
            continue
        if m.group("pronoun"):
            # "his claim that …": the possessive stands for a person, resolved as "he" would be
            owner = {"his": "he", "her": "she", "their": "they"}[m.group("pronoun").lower()]
            return ReportedSpeech(span, owner, sent.start + m.start("pronoun"), m.group("cue"), None)
        return ReportedSpeech(span, m.group("owner"), sent.start + m.start("owner"), m.group("cue"), None)
    return None


def _content_then_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in re.finditer(r",", stext) if not inside.covers(sent.start + m.start())]
    # "Not paying taxes “makes me smart,” Trump said.": the comma closes inside the quotation
    commas += [b - sent.start for a, b in inside if text[a:b].rstrip("”\"’'»").endswith(",") and b < sent.end]
    commas.sort()
    if not commas:
        return None
    comma = _inverted_comma(stext, commas)
    last_part = stext[comma + 1 :]
    if comma == commas[-1] and len(commas) > 1 and _CIRCUMSTANCE.match(last_part) \
            and not any(w.norm in REPORTING_VERBS for w in words(last_part)):
        comma = commas[-2]  # "…, X said Friday, as they bristled at …": the cue is before the last comma
    tail = stext[comma:]
    if len(words(tail)) > 14 and not _APPOSITIVE_TAIL.match(tail):
        cut = _cue_then_circumstance(tail)
        if cut is None:
            return None
        tail = tail[:cut]  # "…, top black lawmakers said Friday afternoon, as they bristled at …"
    as_said = _AS_SAID.match(tail)
    if as_said is not None:
        # "…whether Scott had a gun, as police have said.": the clause before is what they said
        attr = parse_tail(tail[as_said.end() :], offset=sent.start + comma + as_said.end())
        if attr is None or len(words(tail)) > 8:
            return None
        tail = tail[as_said.end() :]
    else:
        attr = parse_tail(tail, offset=sent.start + comma)
    if attr is None or attr.cue is None or attr.speaker is None:
        return None
    cue = attr.cue.split()[0].lower()
    if cue not in REPORTING_VERBS:
        return None
    # nothing but a few adverbs may follow the cue
    after_cue = tail[tail.find(attr.cue) + len(attr.cue) :]
    if attr.speaker in after_cue:
        after_cue = after_cue[after_cue.find(attr.speaker) + len(attr.speaker) :]
    if _APPOSITIVE_TAIL.match(tail):
        after_cue = ""  # who the speaker is, not more of the sentence
    if after_cue.lstrip()[:1] in (":", *_OPENING_MARKS):
        return None  # "In a post, the mayor wrote: “…”": the cue introduces a quotation
    pos = 0
    while (channel := _ADVERBIAL.match(after_cue, pos)) is not None and channel.end() > pos:
        pos = channel.end()  # "…, Lind said in an interview with the Coastal Times.": how it was said
    if len(words(after_cue[pos:])) > 6 and not (
        _CIRCUMSTANCE.match(after_cue) and not any(w.norm in REPORTING_VERBS for w in words(after_cue))
    ):
        return None
    span = _content_span(text, sent.start, sent.start + comma)
    if span is None or _mostly_quoted(text, span, inside):
        return None
    content_words = words(text[span.start : span.end])
    if content_words[0].norm in _PREPOSITIONS_AFTER_CUE and not _has_finite_verb(content_words):
        return None  # "In his speech earlier Wednesday, Trump proclaimed …": where, not what
    # From the last quotation back: each has a word of its own, so at most seven are looked at.
    for a, b in reversed(inside.overlapping(span.start, span.end)):
        if a < span.start or b > span.end:
            continue
        if len(words(text[b : span.end])) > 6:
            break
        closes_with_comma = text[a:b].rstrip("”\"’'»").endswith(",") or text[b : b + 2].lstrip().startswith(",")
        if closes_with_comma and len(words(text[span.start : a])) < _MIN_WORDS:
            return None  # “...,” one victim, known as IJ, told QNews: a quotation and its speaker
    return ReportedSpeech(span, attr.speaker, attr.speaker_at, attr.cue, attr.outlet)


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
            if _CIRCUMSTANCE.match(rest) and not any(v.norm in REPORTING_VERBS for v in words(rest)):
                return w.end
            return None
    return None


_PARENTHETICAL = re.compile(
    r",\s+(?P<name>[^,;:“”\"]{2,70}?)\s+(?P<cue>said|says|say|added|adds|argued|argues|noted|notes|"
    r"warned|warns|insisted|insists|explained|explains|claimed|claims|wrote|writes)"
    r"(?:\s+(?:on\s+)?" + TIME_WORDS + r")?,\s+"
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
        name = np_after_according(m.group("name")) if according else clean_subject(m.group("name"))
        if name is None or name != m.group("name").strip() or m.group("name").split()[0].lower() in {"as", "so"}:
            continue
        before = _content_span(text, sent.start, at)
        subject = _short_subject(text, sent.start, at) if before is None else None
        if subject is None and (before is None or _mostly_quoted(text, before, inside)):
            continue
        after_start = sent.start + m.end()
        first = words(text[after_start : sent.end][:40])
        after = None
        rest = words(text[after_start : sent.end])
        if first and not first[0].norm.endswith("ing") and not any(w.norm in REPORTING_VERBS for w in rest):
            after = _content_span(text, after_start, sent.end)
        if after is not None and _mostly_quoted(text, after, inside):
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
        return ReportedSpeech(Span(parts[0].start, parts[-1].end), name, sent.start + m.start("name"), cue, None, parts)
    return None


# "The pier, according to the port, will close in May."
_PARENTHETICAL_ACCORDING = re.compile(r",\s+according\s+to\s+(?P<name>[^,;:“”\"]{2,70}?)(?P<cue>)??,\s+")


def _parenthetical_matches(stext: str) -> Iterator[re.Match[str]]:
    yield from _PARENTHETICAL.finditer(stext)
    yield from _PARENTHETICAL_ACCORDING.finditer(stext)


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
_AS_AUXILIARIES = frozenset("has have had has also have also did".split())


def _as_cue_then_content(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"As the harbour master noted, the pier is old.": the clause after the comma is what the
    subject of the "as" clause said."""
    stext = text[sent.start : sent.end]
    m = _AS_INTRO.match(stext)
    if m is None or inside.covers(sent.start + m.start("intro")):
        return None
    ws = words(m.group("intro"))
    cues = [
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
    cue = ws[i].text if i + 1 >= len(ws) or ws[i + 1].norm != "out" else f"{ws[i].text} out"
    return ReportedSpeech(span, name, at, cue, find_outlet(m.group("intro")))


_COLON_INTRO = re.compile(r"(?m)^(?P<intro>[^\n:]{3,80}):[ \t]*\n(?:[ \t]*\n)+(?P<body>[^\n]+)")


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
