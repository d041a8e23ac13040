"""From a claim to the searches that may find its source, cheapest first.

The claim's words are normalised (quote marks, dashes), cut at ellipses and sentence ends
(a phrase query never spans a gap the writer left), stripped of [bracketed] insertions, and
the one or two most distinctive spans of 6–12 words become exact-phrase queries: first on the
named outlet's own domains, then with the speaker's surname, then alone; a last query asks for
the rarest words without quotes. A span made only of common words finds everything and is
never asked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from verify.claims.lexicon import CLAUSE_WORDS, DETERMINERS, PREPOSITIONS, SUBORDINATORS
from verify.discover.types import SearchRequest
from verify.match.stopwords import STOPWORDS

MIN_SPAN = 6  # words: shorter exact phrases match too many pages to be worth a query alone
MAX_SPAN = 12  # words: a longer phrase fails on any small slip in the draft's wording
SHORT_SPAN = 3  # words: a short quote is still worth asking for on the outlet's site or with the speaker
MAX_SPANS = 2
MAX_SITES = 3  # an outlet with more domains than this is asked on its first few only
MIN_DISTINCTIVE = 2  # distinctive words a full span needs ...
LONG_SPAN = 8  # ... unless it is this long: eight words in a row with one rare word are specific enough
MAX_KEYWORDS = 5

# Very frequent English content words: a span of these and function words is common talk.
COMMON_WORDS = frozenset(
    """able actually again ago already always another anything around away back bad best better big
    bit came come comes coming day days different done don't doesn't didn't each else end even ever
    every everybody everyone everything far feel find first get gets getting give given go goes going
    gone good got great happen happened hard help high home i'm i've isn't it'll keep kind know known
    large last least left let life like little long look looking lot lots made make makes making man
    many may maybe mean means might much must need needs never new next nothing now number often ok
    okay old one ones part people person place point put really right said saw say see seen should
    show side since small something sometimes still take taken tell thing things think thought three
    time times today together took true try trying two us use used want wanted wants way ways we'll
    we're we've well went whole won't work world yeah year years yes yet you're you've can't couldn't
    wouldn't shouldn't there's here's let's that's what's who's he's she's it's they're they've""".split()
)
COMMON = STOPWORDS | DETERMINERS | PREPOSITIONS | SUBORDINATORS | CLAUSE_WORDS | COMMON_WORDS

# Words of an organisation's name: such a speaker has no surname to search by.
_ORGANISATION_WORDS = frozenset(
    """agency association authority bank board bureau campaign center centre church club coalition
    commission committee company corporation council court department foundation fund government
    group inc institute league ltd ministry network office organisation organization party police
    service society trust union university""".split()
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "qc", "kc", "mp"})

# Every way of writing an apostrophe, a quote mark or a dash, written one way (the normaliser of
# verify.match also lower-cases, and case tells names apart here). A dash between words
# separates them; a hyphen joins.
_FOLD = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`"}
_FOLD.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2212"})
_FOLD.update({ord(c): " - " for c in "\u2012\u2013\u2014\u2015"})
_FOLD.update({ord(c): " " for c in "\u00a0\u2009\u202f\u200a"})
_FOLD.update({ord(c): "" for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})

_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
# A sentence ends at . ! or ? before a space and a capital letter or digit (closing marks between).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])")
# A word: letters and digits, with inner apostrophes, hyphens and points ("don't", "U.S").
_WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Gov|Sen|Rep|No|vs))\.$")


@dataclass(frozen=True)
class Span:
    """Words of one fragment chosen as a phrase, with how distinctive they are."""

    words: tuple[str, ...]
    score: float
    start: int  # index of the first word among all the claim's words, for ties and overlap

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def _clean(text: str) -> str:
    """Quote marks, apostrophes and dashes written one way, case kept; spaces collapsed."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip()


def fragments(claim_text: str) -> tuple[tuple[str, ...], ...]:
    """The claim's words, cut at ellipses, sentence ends, quote marks and [bracketed] insertions."""
    text = _clean(claim_text)
    pieces: list[str] = []
    # an insertion or a quote mark is a gap in the speaker's words, as an ellipsis is
    for part in _ELLIPSIS.split(_BRACKETED.sub(" … ", text).replace('"', " … ")):
        start = 0
        for end in _SENTENCE_END.finditer(part):
            if _ABBREVIATION.search(part, 0, end.start()):
                continue
            pieces.append(part[start : end.start()])
            start = end.end()
        pieces.append(part[start:])
    found = (tuple(_WORD.findall(piece)) for piece in pieces)
    return tuple(words for words in found if words)


def is_common(word: str) -> bool:
    return word.lower() in COMMON


def weight(word: str, *, first: bool) -> float:
    """How much a word narrows a search: nothing for common words, more for long words,
    names (a capital not at a sentence's start) and figures."""
    if is_common(word):
        return 0.0
    score = 1.0
    if len(word) >= 7:
        score += 0.5
    if word[:1].isupper() and not first:
        score += 0.5
    if any(c.isdigit() for c in word):
        score += 0.5
    return score


def _trimmed(words: Sequence[str]) -> tuple[int, int]:
    """Bounds without common words at either end: they add nothing an engine can match on."""
    start, end = 0, len(words)
    while start < end and is_common(words[start]):
        start += 1
    while end > start and is_common(words[end - 1]):
        end -= 1
    return start, end


def distinctive_spans(claim_text: str, *, limit: int = MAX_SPANS) -> tuple[Span, ...]:
    """The ``limit`` most distinctive non-overlapping spans of ``MIN_SPAN``–``MAX_SPAN`` words."""
    candidates: list[Span] = []
    offset = 0
    for words in fragments(claim_text):
        weights = [weight(w, first=i == 0) for i, w in enumerate(words)]
        if len(words) <= MAX_SPAN:
            windows = [(0, len(words))]
        else:
            windows = [(i, i + MAX_SPAN) for i in range(len(words) - MAX_SPAN + 1)]
        for start, end in windows:
            lo, hi = _trimmed(words[start:end])
            if hi - lo < MIN_SPAN:
                lo, hi = 0, end - start  # trimming would leave too little: keep the window whole
            if end - start < MIN_SPAN:
                continue
            span_weights = weights[start + lo : start + hi]
            distinct = sum(1 for w in span_weights if w > 0)
            if distinct < MIN_DISTINCTIVE and not (distinct and hi - lo >= LONG_SPAN):
                continue
            candidates.append(Span(tuple(words[start + lo : start + hi]), sum(span_weights), offset + start + lo))
        offset += len(words)
    chosen: list[Span] = []
    for span in sorted(candidates, key=lambda s: (-s.score, s.start)):
        if all(span.start + len(span.words) <= c.start or c.start + len(c.words) <= span.start for c in chosen):
            chosen.append(span)
        if len(chosen) == limit:
            break
    return tuple(chosen)


def short_span(claim_text: str) -> Span | None:
    """A claim too short for a full span: its longest fragment of ``SHORT_SPAN`` words or more,
    when at least one of them is distinctive."""
    best: Span | None = None
    offset = 0
    for words in fragments(claim_text):
        if SHORT_SPAN <= len(words) < MIN_SPAN:
            score = sum(weight(w, first=i == 0) for i, w in enumerate(words))
            if score > 0 and (best is None or score > best.score):
                best = Span(tuple(words), score, offset)
        offset += len(words)
    return best


def surname_words(speaker: str | None) -> tuple[str, ...]:
    """What to add to a phrase for the speaker: a person's surname ("Kadyrov's press secretary
    Alvi Karimov" → Karimov), or an organisation's name words ("the Russian LGBT Network" →
    Russian, LGBT)."""
    if not speaker:
        return ()
    words = _WORD.findall(_clean(speaker))
    while words and words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        words = words[:-1]
    if not words:
        return ()
    trailing: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        trailing.insert(0, word)
    kinds = {w.lower() for w in (trailing or words)} & _ORGANISATION_WORDS
    if kinds:
        # an organisation: its name proper stands just before the kind of body it is
        named = [w for w in (trailing or words) if w[:1].isupper() and not is_common(w)]
        return tuple(w for w in named if w.lower() not in _ORGANISATION_WORDS)[-2:]
    # a person: the last word of the name that ends the description
    if not trailing or is_common(trailing[-1]):
        return ()
    return (trailing[-1],)


def keywords(claim_text: str, *, limit: int = MAX_KEYWORDS) -> tuple[str, ...]:
    """The claim's ``limit`` heaviest distinct words, in the claim's order."""
    seen: dict[str, tuple[float, int, str]] = {}
    position = 0
    for words in fragments(claim_text):
        for i, word in enumerate(words):
            score = weight(word, first=i == 0)
            key = word.lower()
            if score > 0 and (key not in seen or seen[key][0] < score):
                seen[key] = (score, seen[key][1] if key in seen else position, word)
            position += 1
    heaviest = sorted(seen.values(), key=lambda item: (-item[0], item[1]))[:limit]
    return tuple(word for _, _, word in sorted(heaviest, key=lambda item: item[1]))


def plan_queries(
    claim_text: str,
    *,
    speaker: str | None,
    domains: Sequence[str],
    since: date | None,
    until: date | None,
    budget: int,
) -> tuple[SearchRequest, ...]:
    """At most ``budget`` searches for the claim, cheapest and most precise first.

    1. "site_phrase": the best span as an exact phrase on each of the outlet's first domains;
    2. "speaker_phrase": the best span with the speaker's surname;
    3. "phrase": each span alone (never a short one: a few words alone match anything);
    4. "keywords": the speaker's surname and the rarest words, unquoted.
    """
    if budget <= 0:
        return ()
    spans = distinctive_spans(claim_text)
    best = spans[0] if spans else short_span(claim_text)
    speaker_words = surname_words(speaker)
    planned: list[SearchRequest] = []

    def add(kind: str, phrase: str | None = None, words: tuple[str, ...] = (), site: str | None = None) -> None:
        request = SearchRequest(kind, phrase, words, site, since, until)
        if request not in planned:
            planned.append(request)

    if best is not None:
        for domain in list(dict.fromkeys(d for d in domains if d))[:MAX_SITES]:
            add("site_phrase", best.phrase, site=domain)
        if speaker_words:
            add("speaker_phrase", best.phrase, speaker_words)
    for span in spans:
        add("phrase", span.phrase)
    if spans:
        rare = tuple(w for w in keywords(claim_text) if w.lower() not in {s.lower() for s in speaker_words})
        if len(rare) >= MIN_DISTINCTIVE:
            add("keywords", words=speaker_words + rare[: MAX_KEYWORDS - len(speaker_words)])
    return tuple(planned[:budget])
