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
from dataclasses import dataclass

from verify.claims.attribution import (
    clean_subject,
    find_outlet,
    is_speech_verb,
    np_after_according,
    outlet_of_reporter,
    parse_tail,
    sentence_subject,
    words,
)
from verify.claims.lexicon import (
    DETERMINERS,
    EVALUATIVE_VERBS,
    PERSONAL_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TIME_WORDS,
)
from verify.claims.quotes import Quotation
from verify.model import Span


@dataclass(frozen=True)
class ReportedSpeech:
    content: Span
    speaker: str | None  # as written; may be a pronoun
    speaker_at: int
    cue: str
    outlet: str | None


_OBJECT_VERBS = frozenset(
    "told tell tells telling warned warn warns assured assure informed inform reminded remind "
    "urged urge asked ask".split()
)
_OBJECT = re.compile(
    r"\s*(?:reporters|journalists|them|him|her|us|me|you|voters|supporters|listeners|viewers|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+|"
    r"[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*){0,4})(?=[\s,])"
)
_ADVERBIAL = re.compile(
    r"\s*,?\s*(?:"
    r"(?:in|during|at|on)\s+(?:an?|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:report|statement|interview|letter|speech|briefing|conference|post|tweet|email|memo|"
    r"filing|op-ed|video|appearance|hearing|address|rally|debate|event|call|podcast|show|program|"
    r"programme|broadcast|release|session|meeting|visit|trip|book|column|essay|article)"
    r"(?:\s+(?:with|to|on|at|for)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})?"
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
# Bounds that keep the work per sentence linear in its length: how many cues are tried, how
# far before a cue its subject may start, and how far into a content the quotation that makes
# it a direct quote may open (past a channel or a short introduction).
_MAX_CUES_PER_SENTENCE = 12
_SUBJECT_REACH = 300
_MAX_LEAD_CHARS = 300


def find_reported(text: str, sentences: tuple[Span, ...], quotations: tuple[Quotation, ...]) -> list[ReportedSpeech]:
    """Reported statements in ``text``, one at most per sentence, in order."""
    opens = [q.open_at for q in quotations]
    found: list[ReportedSpeech] = []
    for sent in sentences:
        inside = _quoted_ranges(quotations, opens, sent)
        item = (
            _according_to(text, sent, inside)
            or (_content_then_cue(text, sent, inside) if _ends_inverted(text, sent, inside) else None)
            or _verb_then_content(text, sent, inside)
            or _content_then_cue(text, sent, inside)
            or _noun_cue(text, sent, inside)
            or _subject_verb_quote(text, sent, inside)
        )
        if item is not None:
            found.append(item)
    return found


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

    def ending_from(self, pos: int, opening_by: int) -> list[tuple[int, int]]:
        """The quotations that end at or after ``pos`` and open at or before ``opening_by``."""
        return self.ranges[bisect_left(self.ends, pos) : bisect_right(self.starts, opening_by)]

    def last_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The last quotation lying wholly inside ``[start, end]``."""
        k = bisect_right(self.ends, end) - 1
        return self.ranges[k] if k >= 0 and self.starts[k] >= start else None


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


def _content_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t\n,:":
        start += 1
    # A framing phrase at the front ("A year after the first reports, ...") sets the
    # scene; the statement is what follows it.
    frame = _FRAME.match(text, start, end)
    if frame and _FRAME_TIME.search(frame.group(0)) and len(words(text[frame.end() : end])) >= _MIN_WORDS:
        start = frame.end()
    while end > start and text[end - 1] in " \t\n.,;:!?":
        end -= 1
    if len(words(text[start:end])) < _MIN_WORDS:
        return None
    return Span(start, end)


def _mostly_quoted(text: str, span: Span, ranges: _Quoted) -> bool:
    """A content that is one quotation (give or take marks) is a direct quote, not reported.

    So is one whose only words before the quotation name the channel ("said in a
    statement, “…”"): the quotation is the statement.
    """
    for a, _ in ranges.ending_from(span.end - 1, opening_by=span.start + _MAX_LEAD_CHARS):
        if a <= span.start + 1:
            return True
        lead = _ADVERBIAL.match(text, span.start, a)
        if lead is not None and not text[lead.end() : a].strip(" ,:\n"):
            return True
        # "told Reuters: “…”": a short object, then a colon or comma, introduces the quotation
        intro = text[span.start : a].rstrip()
        if intro.endswith((":", ",")) and len(words(intro)) <= _MAX_INTRO_WORDS:
            return True
    return False


def _ends_inverted(text: str, sent: Span, inside: _Quoted) -> bool:
    """"Rock music is loud, said the manager.": the sentence ends in an inverted cue, so the
    statement is what comes before it, not the speaker's name after the verb."""
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in re.finditer(r",", stext) if not inside.covers(sent.start + m.start())]
    if not commas:
        return False
    tail = words(stext[commas[-1] :])
    # a name after the verb is short; "…, said the harbour board's letter changed nothing" is not one
    return 1 < len(tail) <= _MAX_INVERTED_SPEAKER_WORDS + 1 and tail[0].norm in REPORTING_VERBS


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
        if i == 0 or inside.covers(sent.start + w.start):
            continue
        quoted_after = inside.opens_at_or_after(sent.start + w.end)
        if w.norm not in REPORTING_VERBS and not (quoted_after and w.norm in _MIXED_CUES):
            continue
        if not is_speech_verb(ws, i, evaluative=True):
            continue
        tried += 1
        if tried > _MAX_CUES_PER_SENTENCE:
            break  # a run-on "sentence" of cue words: stay linear
        # Only the words since the last quotation belong to this clause.
        last_end = inside.last_end_up_to(sent.start + w.start)
        last_close = 0 if last_end is None else max(0, last_end - sent.start)
        before = stext[max(last_close, w.start - _SUBJECT_REACH) : w.start]
        name = _subject_of(before, w.norm)
        if name is None:
            continue
        pos = _content_start(stext, w.end, w.norm)
        if pos is None and quoted_after:
            # "called half of his supporters “deplorables”": with quoted words to
            # come, the rest of the sentence is what the speaker is reported to say.
            pos = w.end
        if pos is None:
            continue
        span = _content_span(text, sent.start + pos, sent.end)
        if span is None or _mostly_quoted(text, span, inside):
            continue
        outlet = find_outlet(stext[:pos]) or outlet_of_reporter(name, w.text.rstrip("."))
        return ReportedSpeech(span, name, sent.start + stext.find(name), w.text.rstrip("."), outlet)
    return None


def _subject_of(before: str, verb: str) -> str | None:
    name = clean_subject(before)
    if name is None and re.search(r"(?:\band(?:\s+\w+ly)?|,|\bby)\s*$", before):
        # "She urged ... and said that", "..., saying that", "by announcing that"
        if verb.endswith("ing") or re.search(r"\band(?:\s+\w+ly)?\s*$", before):
            name = sentence_subject(before)
    return name


_SKIPPABLE_TO_THAT = re.compile(r"[^,.;:“”\"«»]{0,70}?\bthat\b")


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
    if m_that:
        return pos + m_that.end()
    first = words(rest[:40])
    if not first or rest.lstrip()[:1] in "“\"‘«„:,":
        return None  # nothing, or a quotation follows: the quote itself is the claim
    head = first[0]
    bare = re.sub(r"[’'](?:s|re|ll|d|ve|m)$|n[’']t$", "", head.norm)
    if head.norm in _PREPOSITIONS_AFTER_CUE or head.norm in {"to", "so", "as", "of"} or head.norm.endswith("ly"):
        # "tweeted in the early morning hours that ...": skip a short phrase up to "that"
        m = _SKIPPABLE_TO_THAT.match(rest)
        return pos + m.end() if m else None
    if verb in _OBJECT_VERBS and bare in {"him", "her", "them", "me", "us"}:
        return None
    if not (head.text[0].isupper() or head.text[0].isdigit() or bare in _CLAUSE_START
            or bare in DETERMINERS or bare in PERSONAL_PRONOUNS):
        return None
    return pos


# Cues that report someone's words only when quoted words follow in the sentence.
_MIXED_CUES = EVALUATIVE_VERBS | SPEECH_VERBS | frozenset(
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
# A name's words are bounded in length: tried from every capital of a long run of letters, an
# unbounded word would be read to the run's end each time (quadratic).
_NOUN_CUES = re.compile(
    r"(?P<owner>(?:[A-Z][\w.-]{0,40}\s+){0,3}[A-Z][\w.-]{0,40})[’']s?\s+(?:(?:repeated|latest|recent|earlier|"
    r"new|false|unfounded|baseless|dubious|controversial)\s+)?"
    r"(?P<cue>" + "|".join(sorted(NOUN_CUE_WORDS, key=lambda w: (-len(w), w))) + r")\s+that\b"
)


_VERB_LIKE = re.compile(r"[a-z]{3,}(?:s|ed)$")


def _subject_verb_quote(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    """"Vale openly admires the old harbour master as a “true captain”": a named subject, a verb, quoted words.

    Only for sentences holding a quoted fragment: the fragment is someone's words,
    and the subject is the one the sentence reports them from.
    """
    if not inside.opens_at_or_after(sent.start + 1):
        return None
    stext = text[sent.start : sent.end]
    ws = words(stext[:200])
    for i in range(1, min(len(ws), 10)):
        w = ws[i]
        if inside.covers(sent.start + w.start) or not _VERB_LIKE.fullmatch(w.text):
            continue
        before = stext[: w.start]
        if ws[i - 1].norm.endswith("ly") and ws[i - 1].text.islower():
            before = stext[: ws[i - 1].start]
        name = clean_subject(before)
        if name is None or not any(c.isupper() for c in name[:1]) or name.lower() in ("it", "this", "that"):
            return None
        if not inside.opens_at_or_after(sent.start + w.end):
            return None
        span = _content_span(text, sent.start + w.end, sent.end)
        if span is None or _mostly_quoted(text, span, inside):
            return None
        return ReportedSpeech(span, name, sent.start + stext.find(name), w.text, None)
    return None


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
        return ReportedSpeech(span, m.group("owner"), sent.start + m.start("owner"), m.group("cue"), None)
    return None


def _content_then_cue(text: str, sent: Span, inside: _Quoted) -> ReportedSpeech | None:
    stext = text[sent.start : sent.end]
    commas = [m.start() for m in re.finditer(r",", stext) if not inside.covers(sent.start + m.start())]
    if not commas:
        return None
    comma = commas[-1]
    tail = stext[comma:]
    if len(words(tail)) > 14:
        return None
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
    if len(words(after_cue)) > 6 or after_cue.lstrip()[:1] in (":", *_OPENING_MARKS):
        return None  # "In a post, the mayor wrote: “…”": the cue introduces a quotation
    span = _content_span(text, sent.start, sent.start + comma)
    if span is None or _mostly_quoted(text, span, inside):
        return None
    last = inside.last_within(span.start, span.end)  # the one with the fewest words after it
    if last is not None and len(words(text[last[1] : span.end])) <= 6:
        return None  # “...,” one victim, known as IJ, told QNews: a quotation and its speaker
    return ReportedSpeech(span, attr.speaker, attr.speaker_at, attr.cue, attr.outlet)
