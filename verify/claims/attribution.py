"""Reading who said something from the words around it: speaker, cue and outlet.

These functions look at short stretches of text (the clause before a quotation,
the clause after it, the words before a reported clause) and never at the whole
article, so their cost does not grow with the draft. They return the speaker as
written; resolving "he" or "the group" to a name is ``coref``'s job.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

from verify.claims.lexicon import (
    ADVERBIALS,
    AMBIGUOUS_VERBS,
    BAD_ENDINGS,
    CLAUSE_WORDS,
    DETERMINERS,
    ED_NOUNS,
    EVALUATIVE_VERBS,
    INTRO_WORDS,
    KNOWN_OUTLET_WORDS,
    LEADING_CONJUNCTIONS,
    NOT_PLURALS,
    NP_STOP,
    ORG_WORDS,
    OUTLET_PATTERN_NEEDS,
    OUTLET_PATTERNS,
    PARTICLES,
    PERSONAL_PRONOUNS,
    PLURAL_HEADS,
    PREPOSITIONS,
    SAID,
    SPEECH_VERBS,
    SUBORDINATORS,
    TIME_WORDS,
    names_a_time,
)
from verify.claims.sentences import is_abbreviation
from verify.claims.transcript import is_note_label

_TOKEN = re.compile(r"[^\W_](?:[\w’'&.-]*[\w’])?\.?")

# Words that may directly precede a noun use of an ambiguous verb form ("the report").
# "continues to insist", "went on to add": the infinitive after these is the verb, not a noun.
_ASPECTUAL_BEFORE_TO = frozenset("continue continues continued on".split())
_NOUN_LEADS = DETERMINERS | frozenset("’s 's".split()) | PREPOSITIONS
# Adverbs and auxiliaries between a speaker and the verb ("the minister also", "my
# father often") are not part of the speaker's name.
_TRAILING_WORDS = sorted(
    (ADVERBIALS - {"who", "which", "that", "on", "in", "at"}) | {"may", "might", "could", "can", "should", "must"},
    key=len,
    reverse=True,
) + [r"(?:has|have|had)\s+long"]  # "has long argued": "long" alone may end a name ("Huey Long")
# Starts only where a run of spaces starts (a match inside the run would also match from its
# start), so a long run of spaces is not tried from each of its positions.
_TRAILING_NOISE = re.compile(
    r"(?<!\s)(?:\s+(?:(?:on|in|at|during|last|this|next|earlier|late|early)\s+(?:(?:early|late|mid)[\s-]+)?"
    + TIME_WORDS
    + r"|(?:on|in|at)\s+\d{4}|"
    + "|".join(_TRAILING_WORDS)
    + "|"
    + TIME_WORDS
    + r"))+$",
    re.IGNORECASE,
)
# A phrase set between commas after a noun that describes it: a participle or a relative clause.
_MODIFIER_SEGMENT = re.compile(
    r"(?:which|who|whose|[a-z]+ed|built|led|run|made|set|known|written|drawn|sent|seen|signed|shown|"
    r"given|taken|held|sold|found|kept|left|brought|put|read)\b"
)
# "The day after the vote,": a time or a scene, not a speaker
# (whole words only: "the mayor" holds no "May")
_FRAME_SEGMENT = re.compile(r"\b(?:after|before|during|since|ago|later|earlier)\b|\b" + TIME_WORDS + r"(?!\w)",
                            re.IGNORECASE)
# "Hours after the storm,", "Two days later,": a time before the subject, never the speaker's name
_FRAME_WORDS = re.compile(
    r"^(?:[\w-]+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|moments?|shortly|soon|long)\s+"
    r"(?:after|before|later|earlier|ago)\b",
    re.IGNORECASE,
)
_ANONYMITY = re.compile(
    r"\bwho\s+(?:asked|requested|spoke|declined|insisted|was\s+not\s+authori[sz]ed|were\s+not\s+authori[sz]ed|"
    r"did\s+not\s+want)\b[^,;:“”\"]{0,120}?(?:named|anonymity|identified|publicly|record|discuss\s+[\w\s]{1,40}?|"
    r"speak\s+[\w\s]{1,40}?)(?=[\s,.]|$)"
)
_APPOSITIVE_JOIN = re.compile(r"^(?:known|identified|named|called|nicknamed|referred to|who asked|who gave)\b")
# A dateline at the start of a story: "KYIV –", "WASHINGTON (Reuters) —", "LONDON, Oct. 3 —".
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,[ A-Za-z.\d]{1,20})?(?:\s*\([^)\n]{1,30}\))?\s*[―—–-]{1,2}\s+")
# A time that opens a sentence without a comma: "On Monday the council said", "In 2019 Lind said".
_LEADING_TIME = re.compile(
    r"^(?:(?:on|last|this|next|earlier|later|late|early|in|by)\s+(?:(?:this|last)\s+)?(?:" + TIME_WORDS + r"|\d{4})"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight)\s+(?=[A-Za-z])",
    re.IGNORECASE,
)
# "**18:42** The Met Office says …": a live blog's time stamp opens the entry, it is no part of what follows
TIME_STAMP = re.compile(
    r"(?:\*\*|__)?\d{1,2}[:.]\d{2}(?:\s*(?:[ap]m|GMT|BST|UTC|CET|ET|PT))?(?:\*\*|__)?\s*(?:[-–—|:]\s+)?(?=[A-Z])"
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# (a bold lead-in closes with its stars: "**The stadium is still radioactive.** Grant said")
_SENTENCE_END = re.compile(r"(?:[a-z\d]{2}|[”\"’)])[.!?][”\"’]?[*_]{0,2}\s+(?=[A-Z“\"])")
# "rejected what Senator Moss called"; not "Residents, some of whom traveled …", an aside about them
_RELATIVE_WHAT = re.compile(r"\b(?<!of )(?:what|whom)\s+(?=\S)")
# How many words after a closing mark the cue may come: room for a long appositive
# ("..., Scott Hale, the attorney general of the state, one of those suing, said").
_TAIL_WORDS = 30


@dataclass(frozen=True)
class Attribution:
    """A speaker as written (possibly a pronoun), the cue, and an outlet if named."""

    speaker: str | None
    cue: str | None
    outlet: str | None = None
    speaker_at: int = -1  # offset of the speaker in the analysed text, -1 if unknown


class Word(NamedTuple):
    """One word of a sentence and its offsets (a named tuple: every sentence read makes dozens)."""

    text: str
    start: int
    end: int
    norm: str  # lower case, without a closing full stop: what the rules compare


_make_word = tuple.__new__  # builds a Word from its four fields without the keyword-handling constructor


def _tokens_from(matches: Iterator[re.Match[str]]) -> Iterator[Word]:
    for m in matches:
        t = m[0]
        yield _make_word(Word, (t, m.start(), m.end(), t.rstrip(".").lower()))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Word, ...]:
    latest, by_end = _parents()
    if latest and (at := latest[0][0].find(text)) >= 0 \
            and (found := _words_between(latest[0], at, at + len(text))) is not None:
        return found  # a stretch of the sentence the rules are reading
    if len(text) >= _END_LENGTH:
        head = by_end.get(text[:_END_LENGTH])
        if head is not None and head[0].startswith(text) and (found := _words_between(head, 0, len(text))) is not None:
            return found  # the head of a sentence split earlier
        tail = by_end.get(text[-_END_LENGTH:])
        if tail is not None and tail[0].endswith(text) \
                and (found := _words_between(tail, len(tail[0]) - len(text), len(tail[0]))) is not None:
            return found  # the end of one: the clause after a sentence's opening phrase
    ws = _split(text)
    if len(text) >= _END_LENGTH:
        parent = (text, ws, [w.start for w in ws], [w.end for w in ws])
        if len(text) <= _LATEST_MAX_LENGTH:
            latest[:] = [parent]
        if len(by_end) >= _PARENTS_KEPT:
            by_end.clear()  # a bound on memory: a draft this long splits a few sentences again
        by_end.setdefault(text[:_END_LENGTH], parent)
        by_end.setdefault(text[-_END_LENGTH:], parent)
    return ws


def _split(text: str) -> tuple[Word, ...]:
    # the norm is made once per word here: the rules read it about once per word, a property ran each time
    return tuple(
        [_make_word(Word, (t := m[0], m.start(), m.end(), t.rstrip(".").lower())) for m in _TOKEN.finditer(text)]
    )


# A text split into words is a parent: the rules go on to read slices of it (the words before a
# cue, a clause, the head of a sentence), and a slice's words are taken from the parent's, not
# split again. The latest parent is searched for any slice; every parent of a draft is found by its
# first or last characters, for a slice that starts or ends with it.
_END_LENGTH = 40
# A longer text is not searched for slices: a search per slice of a run-on "sentence" would be quadratic.
_LATEST_MAX_LENGTH = 2000
_PARENTS_KEPT = 2048
_Parent = tuple[str, tuple[Word, ...], list[int], list[int]]


@cache
def _parents() -> tuple[list[_Parent], dict[str, _Parent]]:
    return [], {}  # held by a cache, so that emptying verify's caches forgets the parents too


def _words_between(parent: _Parent, a: int, b: int) -> tuple[Word, ...] | None:
    """The words of ``text[a:b]`` taken from the words of ``text`` (a parent); None when a word
    crosses ``a``. A word cut at ``b`` is split again from its start: the cut may change it."""
    text, ws, starts, ends = parent
    i = bisect_right(ends, a)  # the first word that ends after a
    if i < len(ws) and starts[i] < a:
        return None
    j = bisect_left(starts, b)  # past the last word that starts before b
    cut: list[Word] = []
    if j > i and ends[j - 1] > b:
        j -= 1
        cut = [_make_word(Word, (w.text, w.start + starts[j], w.end + starts[j], w.norm))
               for w in _split(text[starts[j] : b])]  # fmt: skip
    if a == 0 and not cut:
        return ws[:j]
    return tuple([_make_word(Word, (t, start - a, end - a, norm)) for t, start, end, norm in (*ws[i:j], *cut)])


def iter_words(text: str) -> Iterator[Word]:
    """The words of ``text`` one at a time, for a reader that may stop early (not cached)."""
    return _tokens_from(_TOKEN.finditer(text))


def first_word(text: str) -> Word | None:
    return next(iter_words(text), None)


def last_word(text: str) -> Word | None:
    """The last word of ``text``, read from its end (its offsets count from where it was read)."""
    tail = words(text[-60:])
    if len(tail) > 1 or len(text) <= 60:
        return tail[-1] if tail else None
    return words(text)[-1] if tail else None  # one word longer than the end read: read it whole


def more_words_than(text: str, most: int) -> bool:
    """Whether ``text`` holds more than ``most`` words, read only as far as the word after them."""
    return next(islice(_TOKEN.finditer(text), most, None), None) is not None


def words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets. Cached: one sentence is read by several rules."""
    return list(_tokens(text))


def is_speech_verb(ws: list[Word], i: int, *, evaluative: bool = False) -> bool:
    """Whether ``ws[i]`` is used as a speech verb here (not a noun: "the report")."""
    w = ws[i].norm
    if w not in SPEECH_VERBS and not (evaluative and w in EVALUATIVE_VERBS):
        return False
    if i > 0 and ws[i - 1].text.endswith(("’s", "'s", "s’")) and (
        ws[i - 1].text[0].isupper() or ws[i - 1].norm[:-2].rstrip("’'") not in _CONTRACTING
    ):
        return False  # a verb never follows a possessive: "Lind’s repeated warning", "the port's stated aim"
    if w in AMBIGUOUS_VERBS or w.endswith("s") and w[:-1] in AMBIGUOUS_VERBS:
        aspectual = i > 1 and ws[i - 1].norm == "to" and ws[i - 2].norm in _ASPECTUAL_BEFORE_TO
        # "keen to stress that", "quick to point out that": an infinitive, not a noun after "to"
        aspectual = aspectual or i > 0 and ws[i - 1].norm == "to" and ws[i + 1 : i + 2] != [] \
            and ws[i + 1].norm in {"that", "out"}
        if i > 0 and not aspectual and (ws[i - 1].norm in _NOUN_LEADS or ws[i - 1].text.endswith(("’s", "'s"))):
            return False
        before = ws[i - 1].norm
        plural = before.endswith("s") and not before.endswith("ss") and before not in NOT_PLURALS \
            and ws[i - 2].norm not in {"a", "an", "one", "this", "that", "each", "another"}  # "an engineers' report"
        if i > 1 and not w.endswith("s") and ws[i - 2].norm in DETERMINERS and ws[i - 1].text.islower() \
                and not plural:  # "both parties claim": a plural subject and its verb
            # "an engineers' report that …", "the annual report that …": a noun phrase. Not with
            # the verb's -s form: "the ministry reports that …" is speech.
            return False
    if w.endswith("ing") and i > 0 and ws[i - 1].norm in DETERMINERS:
        return False  # "the warning", "a briefing"
    if w in AMBIGUOUS_VERBS and i + 1 < len(ws) and ws[i + 1].text.islower() and ws[i + 1].norm.endswith("ed") \
            and ws[i + 1].norm not in SPEECH_VERBS:
        return False  # "an office report released last year": a noun and its participle
    if w in {"state", "states"} and not (i + 1 < len(ws) and ws[i + 1].norm == "that"):
        return False  # "battleground state Florida", "state troopers": the noun
    if i + 1 < len(ws) and ws[i + 1].norm == "by":
        return False  # passive: "reported by"
    if w in AMBIGUOUS_VERBS and i + 1 < len(ws) and ws[i + 1].text.islower() and ws[i + 1].norm in SPEECH_VERBS \
            and ws[i + 1].norm.endswith(("s", "ed", "said")):
        return False  # "the annual report says …", "the pledge said …": the noun, whose verb follows
    if w == "think" and i + 1 < len(ws) and ws[i + 1].norm in {"tank", "tanks"}:
        return False  # "an independent think tank": the noun
    return True


def _cue_text(ws: list[Word], i: int) -> str:
    if i + 1 < len(ws) and ws[i + 1].norm in PARTICLES and ws[i].norm in {
        "pointed",
        "point",
        "points",
        "fired",
        "fire",
        "shot",
        "hit",
        "hits",
    }:
        return f"{ws[i].text} {ws[i + 1].text}"
    return ws[i].text.rstrip(".")


def plausible_subject(name: str) -> bool:
    """Whether ``name`` can be the one who speaks (not "there", not a clause)."""
    ws = words(name)
    if not ws or len(ws) > 14:
        return False
    if len(ws) > 1 and ws[0].norm in _ROUGHLY and (ws[1].norm in _SHARES or ws[1].text[0].isdigit()):
        return plausible_subject(name[ws[1].start :])  # "About a third", "Nearly 40 percent": a share speaks
    first = ws[0]
    if ws[-1].norm in {"fewer", "more"} and len(ws) <= 2 and first.norm in {"far", "many", "fewer", "even", "more"}:
        return True  # "far fewer said", "many more said": a share of those asked
    if first.norm in {"there", "what", "this", "that", "which", "who"} and len(ws) == 1:
        return False
    if names_a_time([w.norm for w in ws]):
        return False  # "Three weeks", "2024", "10:30" never speak; "63 percent" (of those asked) do
    demonstrative = first.text == "That" and len(ws) == 2 and ws[1].text.islower() and not ws[1].norm.endswith("s")
    if first.norm in SUBORDINATORS and not demonstrative or (len(ws) == 1 and first.norm in INTRO_WORDS):
        return False  # "That memo" at the start of a sentence is a subject; "that he" is not
    if first.norm in PERSONAL_PRONOUNS:
        return len(ws) == 1 and first.norm not in {"i", "we"} or first.norm in {"i", "we"} and len(ws) == 1
    if ws[-1].norm in BAD_ENDINGS:
        return False
    head = first.norm
    plural_head = head.endswith("s") and head not in NOT_PLURALS and len(head) > 3 or _irregular_plural(head)
    if 2 < len(ws) <= 6 and plural_head \
            and first.text.islower() and ws[1].norm in {"for", "of", "at", "from", "with", "to"} \
            and not any(w.norm in CLAUSE_WORDS for w in ws[2:]):
        return True  # "attorneys for the family", "advisers to Mr. Obama"
    for k, w in enumerate(ws[1:], start=1):
        if _inside_name(ws, k):
            continue  # "Alliance to Reclaim Our Schools": small words of a name
        if w.norm == "to" and ws[k - 1].norm in _NOUNS_BEFORE_TO:
            continue  # "Lind's letter to the council", "an adviser to the mayor"
        if w.norm == "to" and k == 3 and ws[0].norm in DETERMINERS and ws[2].norm.endswith("ed"):
            continue  # "A leaflet delivered to homes": the participle's preposition
        # "a woman travelling to her father's funeral": after a participle "to" leads to a place
        if w.norm == "to" and ws[k - 1].norm.endswith("ing") and k + 1 < len(ws) \
                and (ws[k + 1].norm in DETERMINERS or ws[k + 1].norm in _POSSESSIVES):
            continue
        if w.norm in _POSSESSIVES and k + 1 < len(ws) and ws[k - 1].norm in PREPOSITIONS:
            continue  # "to her father's funeral": "her" owns the noun after it
        if w.norm in CLAUSE_WORDS or w.norm in PERSONAL_PRONOUNS and w.norm != "it" or w.norm in SAID:
            return False  # a clause, not a name: "Anderson agreed and seemed to"
        by_agent = k >= 2 and k + 1 < len(ws) and ws[k + 1].norm == "by"  # "A petition signed by residents"
        # "A leaflet delivered to homes last week": a noun and the participle that says which one
        reduced = k == 2 and ws[0].norm in DETERMINERS and len(ws) > 3 and ws[3].norm in PREPOSITIONS
        # "The council's published report", "the revised plan": an adjective before its noun
        adjective = k + 1 < len(ws) and ws[k + 1].text.islower() and ws[k + 1].norm not in PREPOSITIONS \
            and (ws[k - 1].norm in DETERMINERS or ws[k - 1].text.endswith(("’s", "'s")))
        # "the injured firefighters", "a retired teacher": a participle as adjective after a determiner
        after_determiner = ws[k - 1].norm in DETERMINERS and k + 1 < len(ws)
        # "a survey of registered voters", "a letter from concerned parents", "of 1,512 registered voters":
        # an adjective after a preposition or a number
        after_preposition = (ws[k - 1].norm in PREPOSITIONS or ws[k - 1].text[0].isdigit()) \
            and k + 1 < len(ws) and ws[k + 1].text.islower() \
            and ws[k + 1].norm not in PREPOSITIONS and ws[k + 1].norm not in DETERMINERS
        if w.text[0].islower() and "-" not in w.text and w.norm.endswith("ed") and w.norm not in ED_NOUNS \
                and ws[k - 1].norm != "those" \
                and not (by_agent or reduced or adjective or after_determiner or after_preposition):
            return False
    if first.norm in PREPOSITIONS or (first.norm in INTRO_WORDS and first.norm not in DETERMINERS):
        return False  # "Following initial reports", "In a statement"
    if first.text[0].isupper() or first.text[0].isdigit():
        return True
    if any(w.text[0].isupper() for w in ws[1:6]):
        return True  # "panel Chairman Jason Chaffetz", "conservative radio host Rush Limbaugh"
    if first.norm in PERSONAL_PRONOUNS or first.norm in DETERMINERS:
        return True
    last = ws[-1].norm
    if len(ws) <= 3 and (last.endswith("s") and last not in NOT_PLURALS and len(last) > 3 or _irregular_plural(last)):
        return True  # "guards", "show insiders", "fishermen", "crew": a group speaking
    return first.norm in PLURAL_HEADS or any(w.norm in PLURAL_HEADS for w in ws[-2:])


# Plurals without "-s" and nouns for a body of people: "fishermen", "the crew", "clergy".
_COLLECTIVES = frozenset("women children people police staff crew clergy faculty personnel jury public".split())


def _irregular_plural(word: str) -> bool:
    return word in _COLLECTIVES or len(word) > 4 and word.endswith("men")


# Words whose "'s" is "is" or "has" ("he's said", "that's said"), not a possessive.
_CONTRACTING = frozenset("he she it that there what who where here everyone someone nobody one".split())
_ROUGHLY = frozenset("about nearly almost roughly around over just only some".split())
_SHARES = frozenset("a an half one two three four five six seven eight nine ten twenty thirty forty fifty sixty "
                    "seventy eighty ninety hundred dozen".split())
_NOUNS_BEFORE_TO = frozenset(
    "letter letters memo message email e-mail note adviser advisers advisor advisors aide aides ambassador envoy "
    "counsel assistant secretary spokesman spokeswoman spokesperson successor heir statement submission response "
    "reply testimony lawyer lawyers attorney attorneys close report reports briefing paper evidence".split()
)


_POSSESSIVES = frozenset("his her their its my our your".split())


def _inside_name(ws: list[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a small word between two capitalised words of one name."""
    return (
        0 < k < len(ws) - 1 and ws[k].text.islower() and len(ws[k].norm) <= 3
        and ws[k - 1].text[0].isupper() and ws[k + 1].text[0].isupper()
    ) or (ws[k].text[0].isupper() and ws[k - 1].text[0].isupper())


_COLON = re.compile(r":[*_]{0,2} ")
# Whom the writer asked, after the noun: "Economists we spoke to said", "Two lawyers I consulted said".
_WE_ASKED = re.compile(
    r"\s+(?:(?:that|whom|who)\s+)?(?:we|I)\s+(?:spoke\s+(?:to|with)|talked\s+(?:to|with)|asked|interviewed|"
    r"consulted|contacted|reached)\s*$"
)
# A scene with no comma, then the subject pronoun: "In a third post he", "An hour later she".
_FRAME_THEN_PRONOUN = re.compile(
    r"(?:(?:In|On|At|After|Before|During|Later|Earlier|Then|Minutes|Hours|Days|An?\s+(?:hour|day|week|minute)s?\s+later)"
    r"\b[^,;:.!?“”\"]{0,50}?\s+)(?P<pronoun>he|she|they|we)\s*$"
)


_IN_WHICH = re.compile(r"\b(?:in|on|at|during)\s+which\s+(?P<pronoun>he|she|they|we)\s*$")


# Words that finish a participle's phrase at once: "Running late", "Looking back", "Speaking out".
_PARTICIPLE_COMPLEMENTS = frozenset("late early out up back down away ahead home again".split())


def clean_subject(raw: str) -> str | None:
    """The speaker noun phrase in the words just before a speech verb.

    Drops introductory phrases ("In an interview with HBO last year,"), leading
    conjunctions, and adverbs between speaker and verb ("last year also"); keeps
    an appositive only when it names the speaker ("one victim, known as IJ").
    """
    text = _WE_ASKED.sub("", raw.strip())  # "Economists we spoke to": the economists
    frame = _FRAME_THEN_PRONOUN.match(text) or _IN_WHICH.search(text)
    if frame is not None:
        # "In a third post he", "An hour later she", "a video in which he": the pronoun
        return frame.group("pronoun")
    when = _LEADING_TIME.match(text)
    if when is not None and words(text[when.end() :]):
        text = text[when.end() :]  # "On Friday his office": when, then the subject, with no comma between
    # The last "what"/"whom" (a leading ".*" in the pattern would backtrack quadratically).
    relative = None
    for relative in _RELATIVE_WHAT.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    if relative:
        text = text[relative.end() :]  # "rejected what Senator Moss called" -> "Senator Moss"
    last_end = None
    for m in _SENTENCE_END.finditer(text):
        dot = m.start() + len(m.group(0).rstrip()) - 1
        while dot > m.start() and text[dot] not in ".!?":
            dot -= 1
        if text[dot] == "." and is_abbreviation(text, dot):
            continue  # "Rep. Ida Moss"
        last_end = m.end()
    if last_end is not None:
        text = text[last_end:]  # only the last sentence can hold the subject
    colon = None
    for colon in _COLON.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    if colon is not None:
        # "The message was clear: Vale", "**What was claimed:** A leaflet": the subject follows the colon
        text = text[colon.end() :]
    if "; " in text:
        text = text[text.rfind("; ") + 2 :]  # "The map was struck down; both parties": a clause of its own
    if "| " in text:
        text = text[text.rfind("| ") + 2 :]  # "Opinion | The mayor": a section label before the headline
    text = re.sub(r"^[\W_]+", "", text)  # a name starts with a letter or a digit: "<( Ana Lind" is Ana Lind
    text = _DATELINE.sub("", text, count=1)  # "KYIV – Ukraine's largest bank": the place it was filed from
    text = TIME_STAMP.sub("", text, count=1) if text[:1].isdigit() else text
    # "Lind, the harbour master, has": the auxiliary goes first, so the appositive is seen as one
    text = _TRAILING_NOISE.sub("", text.rstrip()) if not text.rstrip().endswith(",") else text
    ends_with_comma = text.rstrip().endswith(",")
    text = text.rstrip(" ,;:—–-")
    if not text:
        return None
    text = _strip_conjunctions(text)  # "But the Alliance, which …,": the conjunction is no part of the name
    if not text:
        return None
    segments = [s.strip() for s in re.split(r",\s+|\s+(?:[—–―]|--)\s+", text) if s.strip()]
    while len(segments) > 1:
        first_words = words(segments[0])
        if not first_words:
            segments.pop(0)
            continue
        head = first_words[0].norm
        if head in {"and", "but", "yet", "so"} and len(first_words) > 1:
            segments[0] = _strip_conjunctions(segments[0])  # "But Cllr Tibbs, who …,": the name after "but"
            continue
        if head in DETERMINERS and _MODIFIER_SEGMENT.match(segments[1]) and not _FRAME_SEGMENT.search(segments[0]):
            break  # "The report, released Tuesday,", "The company, which owns the pier,": a noun and its modifier
        if head in DETERMINERS and ends_with_comma and not _FRAME_SEGMENT.search(segments[0]) and all(
            (ws := words(seg)) and ws[0].norm in INTRO_WORDS - DETERMINERS for seg in segments[1:]
        ):
            break  # "The mayor, however,", "The mayor, speaking on Monday,": a subject, then an aside
        if head in DETERMINERS and _has_capitalised(first_words[1:]) and not _FRAME_SEGMENT.search(segments[0]):
            break  # "The Harbour Trust, a group that …,": a name, then who it is
        # "Running late, the mayor …", "Pointing to the map, Lind …": a participle's phrase, then the subject
        # ("Housing officials, …" is a subject: a noun follows the "-ing" word)
        participle = len(head) > 4 and head.endswith("ing") and len(first_words) > 1 and (
            first_words[1].norm in PREPOSITIONS or first_words[1].norm in DETERMINERS
            or first_words[1].norm in _PARTICIPLE_COMPLEMENTS or first_words[1].norm.endswith("ly"))
        # the whole word names a time: "May, …" opens a frame, "Mayor Lind, …" is the speaker
        if head in INTRO_WORDS or participle or re.match(TIME_WORDS + r"(?![a-z])", head, re.IGNORECASE):
            segments.pop(0)
        else:
            break
    if len(segments) > 1 and ends_with_comma:
        name = segments[0]
        # "Its chairman, Tom Brack", "Vale's running mate, Ana Lind": a description, then the name
        described = not _has_capitalised(words(segments[0])[1:]) or words(segments[0])[-1].text.islower()
        if _APPOSITIVE_JOIN.match(segments[1]) and not _has_capitalised(words(segments[0])):
            name = f"{segments[0]}, {segments[1]}"
        elif described and _is_proper_name(segments[1]):
            name = f"{segments[0]}, {segments[1]}"  # "Its chairman, Tom Brack, said": keep the name
        elif described and _is_given_name_of(segments[0], segments[1]):
            name = f"{segments[0]}, {segments[1]}"  # "His son, Marcus, said": whose, then the given name
    elif len(segments) > 1:
        name = segments[-1]
        # "Hugh Hill, a doctor who works nights" without the closing comma
        if not ends_with_comma and _is_appositive(segments[-1]) and _has_capitalised(words(segments[-2])) \
                and words(segments[-2])[0].norm not in PREPOSITIONS | INTRO_WORDS \
                and not _FRAME_WORDS.match(segments[-2]):  # "Among voters, 48 percent", "Hours after the storm"
            name = segments[-2]
    else:
        name = segments[0]
    name = _strip_conjunctions(name)
    name = _TRAILING_NOISE.sub("", name).strip()
    name = _cut_relative(name)
    if not name:
        return None
    ws = words(name)
    if len(ws) > 10:
        name = _last_noun_phrase(name) or ""
    name = name.strip(" ,;:")
    return name if name and plausible_subject(name) else None


def _is_appositive(segment: str) -> bool:
    ws = words(segment)
    return bool(ws) and (ws[0].norm in {"a", "an", "the", "who", "whose", "known", "one"} or ws[0].text[0].isdigit())


def _is_proper_name(segment: str) -> bool:
    """Two to four capitalised words and nothing else: "Tom Brack", "Ines de la Morrow" is not."""
    ws = words(segment)
    return 2 <= len(ws) <= 4 and all(w.text[0].isupper() for w in ws)


def _is_given_name_of(described: str, segment: str) -> bool:
    """One capitalised word after someone's relation or role: "His son, Marcus", "Lind's daughter, Sarah"."""
    ws, lead = words(segment), words(described)
    owned = bool(lead) and (lead[0].norm in {"his", "her", "their", "its", "our", "my"}
                            or any(w.text.endswith(("’s", "'s")) for w in lead))
    return owned and len(ws) == 1 and ws[0].text[0].isupper() and ws[0].text[1:].islower()


def _has_capitalised(ws: list[Word]) -> bool:
    return any(w.text[0].isupper() for w in ws if w.norm not in DETERMINERS)


def _strip_conjunctions(name: str) -> str:
    first = first_word(name)
    while first is not None and first.norm in LEADING_CONJUNCTIONS:
        name = name[first.end :].lstrip(" ,")
        first = first_word(name)
    return name


# "A cooperative that sells milk to the chain": "that" and a verb open a relative clause
_THAT_RELATIVE = re.compile(r"(?<=[a-z])\s+that\s+(?=(?:[a-z]+(?<!ss)s|[a-z]+ed|has|have|had|is|are|was|were)\b)")


def _cut_relative(name: str) -> str:
    """"police who on finding a bag" -> "police"; keeps short names with "who" intact."""
    m = re.search(r"\s(?:who|which|whose)\s", name) or _THAT_RELATIVE.search(name)  # "A mother whose son died"
    if not m:
        return name
    before = name[: m.start()]
    if len(words(before)) <= 6 and plausible_subject(before):
        return before
    return _last_noun_phrase(before) or before  # "stopped by guards who ..." -> "guards"


def _last_noun_phrase(text: str) -> str | None:
    """The words after the last preposition or verb-like break, if they look like a name."""
    ws = words(text)
    k = len(ws)
    start = k
    while start > 0 and ws[start - 1].norm not in PREPOSITIONS and k - start < 6:
        start -= 1
    if start == k:
        return None
    candidate = text[ws[start].start :]
    if plausible_subject(candidate):
        return candidate
    # the agent of a passive: "stopped by guards who ..."
    if start > 0 and ws[start - 1].norm == "by" and k - start <= 3 and ws[-1].norm not in BAD_ENDINGS:
        return candidate
    return None


def _after_verb_np(text: str) -> tuple[str | None, str]:
    """The noun phrase right after an inverted cue ("said Smith, a spokesman")."""
    lead = len(text) - len(text.lstrip())
    chunk = text[lead : _np_chunk_end(text, lead)]
    ws = words(chunk)
    if not ws or ws[0].norm in PREPOSITIONS | NP_STOP | {"that", "it"} and ws[0].norm != "it":
        return None, text
    cut = len(ws)
    for k, w in enumerate(ws):
        if k > 0 and w.norm in NP_STOP:
            cut = k
            break
    name = chunk[: ws[cut - 1].end].strip()
    name = _TRAILING_NOISE.sub("", name).strip()
    if not name or not plausible_subject(name):
        return None, text
    rest = text[lead + len(chunk) :]
    # "said the treasurer, Joan Wu": a description, then the name it stands for.
    named = _NAME_AFTER_DESCRIPTION.match(rest)
    if named and cut == len(ws) and not _has_capitalised(ws) and _is_proper_name(named.group(1)):
        return f"{name}, {named.group(1)}", rest[named.end(1) :]
    return name, rest


_NAME_AFTER_DESCRIPTION = re.compile(r",\s+([^,;:!?()\n]{1,80}?)(?=\s*(?:[.,;:!?]|$))")


def _np_chunk_end(text: str, start: int) -> int:
    """Where a noun phrase starting at ``start`` must end: punctuation, but not "Mr." or "J."."""
    i = start
    while i < len(text):
        ch = text[i]
        if ch in ",;:!?()\n":
            return i
        if ch == "." and not is_abbreviation(text, i):
            return i
        i += 1
    return i


def parse_tail(tail: str, *, offset: int = 0) -> Attribution | None:
    """Attribution in the words after a closing quote mark: ``, she said``, ``said Hill``, ``— Hill``."""
    stripped = tail.lstrip()
    lead = len(tail) - len(stripped)
    if stripped[:1] in ("—", "–", "―") or stripped.startswith("- ") or stripped.startswith("--"):
        rest = stripped.lstrip("—–―- ")
        name, _ = _after_verb_np(rest)
        if name and _has_capitalised(words(name)):
            return Attribution(name, None, None, offset + lead + (len(stripped) - len(rest)))
        return None
    body = re.sub(r"^[,;:]\s*", "", stripped)
    body_offset = offset + len(tail) - len(body)
    # "a senior official who asked not to be named said": the clause about anonymity holds no cue
    ws = words(_ANONYMITY.sub(lambda m: " " * len(m.group(0)), body)) if " who " in body else words(body)
    if not ws:
        return None
    if is_speech_verb(ws, 0):
        if ws[0].norm in {"told", "tells", "tell", "asked", "asks", "urged", "warned"}:
            return None  # "told QNews": the one told, not the speaker
        cue = _cue_text(ws, 0)
        after = body[ws[0].end :]
        if cue.count(" "):
            after = body[ws[1].end :]
        after_clean = _skip_time(after)
        name, rest = _after_verb_np(after_clean)
        if name is None:
            return None
        at = body_offset + body.find(name, ws[0].end)
        return Attribution(name, cue, find_outlet(cue + " " + rest), at)
    for i in range(1, min(len(ws), _TAIL_WORDS)):
        if not is_speech_verb(ws, i):
            continue
        subject_text = body[: ws[i].start]
        if ws[0].norm in SUBORDINATORS:
            return None
        if any(ch in subject_text for ch in ".;!?") and not _only_abbreviation_dots(subject_text):
            return None
        name = clean_subject(subject_text)
        if name is None:
            return None
        cue = _cue_text(ws, i)
        rest = body[ws[i].start :]
        at = body_offset + body.find(name)
        return Attribution(name, cue, find_outlet(rest) or outlet_of_reporter(name, cue), at)
    return None


def _only_abbreviation_dots(text: str) -> bool:
    return all(re.search(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z])\.$", text[: i + 1]) for i, ch in enumerate(text) if ch == ".")


def _skip_time(text: str) -> str:
    m = re.match(r"\s*(?:(?:on|last|this)\s+)?" + TIME_WORDS + r"\b,?", text, re.IGNORECASE)
    return text[m.end() :] if m else text


def parse_head(head: str, *, offset: int = 0, partial: bool = False) -> Attribution | None:
    """Attribution in the clause before an opening quote mark.

    For a full quotation the cue must close the clause (``Smith said:``, ``she told
    reporters,``, ``according to the report,``); for a fragment (``partial``) the
    last speech or evaluative verb of the clause counts (``called the plan``).
    """
    text = head.rstrip()
    m = None
    for match in _ACCORDING_TO.finditer(text):
        m = match  # the last "according to" of the clause
    if m is not None:
        np_text = text[m.end() :]
        name = np_after_according(np_text)
        tail_ok = partial or re.fullmatch(r"[^,]*,?\s*", np_text) is not None
        if name and tail_ok:
            return Attribution(name, text[m.start() : m.end()].strip(), find_outlet(text), offset + m.end())
    ws = words(text)
    if not ws:
        return None
    found = _head_cue(text, ws, offset, partial)
    if found is not None or partial or not text.endswith(":"):
        return found
    # "The mayor has a new message for the harbour: “...”": the clause's subject speaks.
    name = sentence_subject(text)
    if name and plausible_subject(name) and len(words(text)) <= 25 and not is_note_label(name):
        # "UPDATE:", "Photo:" and "Oct. 3:" introduce notes, not someone's words
        return Attribution(name, None, find_outlet(text), offset + text.find(name))
    return None


def _head_cue(text: str, ws: list[Word], offset: int, partial: bool) -> Attribution | None:
    lo = max(0, len(ws) - 40)
    for i in range(len(ws) - 1, lo - 1, -1):
        if not is_speech_verb(ws, i, evaluative=partial):
            continue
        after = text[ws[i].end :]
        if not partial and len(words(after)) > 9:
            return None
        cue = _cue_text(ws, i)
        subject_raw = text[: ws[i].start]
        name = None
        if ws[i].norm.endswith("ing") and (not subject_raw.strip() or subject_raw.rstrip().endswith(",")):
            name = sentence_subject(subject_raw)
        if name is None:
            name = clean_subject(subject_raw)
        if name is None and re.search(r"\band(?:\s+\w+ly)?\s*$", subject_raw):
            name = sentence_subject(subject_raw)  # "She urged ... and said"
        if name is None and not subject_raw.strip():
            inverted, _ = _after_verb_np(after)
            if inverted and re.search(r"[:,]\s*$", text):
                at = offset + text.find(inverted, ws[i].end)
                return Attribution(inverted, cue, find_outlet(text), at)  # "Said Ellis:"
            return None
        if name is None:
            continue
        at = offset + text.rfind(name, 0, ws[i].start) if name in text else -1
        outlet = find_outlet(text) or outlet_of_reporter(name, cue)
        return Attribution(name, cue, outlet, at)
    return None


# Words read after "according to" before giving up on finding where its noun phrase ends:
# no name is that long (``plausible_subject`` takes at most 14 words).
_NP_MAX_WORDS = 40


# A plural noun or a name without a possessive: "agencies", "Reuters", not "Lind's" (whose "ruling" is a noun).
_PLURAL_OR_NAME = re.compile(r"[a-z]{3,}[a-rt-z]s|[A-Z][\w&.-]*[^’'s\W]")


def np_after_according(text: str) -> str | None:
    chunk_end = len(text)
    for m in re.finditer(r"[,.;:!?()]", text[:400]):
        if m.group(0) == "." and is_abbreviation(text, m.start()):
            continue  # "according to Sen. Tom Vale"
        chunk_end = m.start()
        break
    # The words are read one ahead as needed, never the whole rest of a long sentence.
    tokens = _tokens_from(_TOKEN.finditer(text))
    w = next(tokens, None)
    if w is None:
        return None
    cut = None
    k = 0
    previous = ""
    while w is not None and w.start < chunk_end:
        following = next(tokens, None)
        if k > 0 and w.text.islower() and w.norm.endswith("ed") and w.norm not in ED_NOUNS:
            cut = w.start  # "a New York Times/CBS News poll released last week", "documents obtained by"
            break
        if k > 0 and w.text.islower() and w.norm.endswith("ing") and _PLURAL_OR_NAME.fullmatch(previous) \
                and following is not None and (following.norm in PREPOSITIONS or following.norm in DETERMINERS):
            cut = w.start  # "aid agencies working in the province": who they are, not their name
            break
        if k > 0 and (w.norm in NP_STOP or re.fullmatch(r"(?:one|two|a)", w.norm) and following is not None
                      and re.match(r"(?:year|month|week|day)s?$", following.norm)):
            cut = w.start
            break
        k += 1
        if k > _NP_MAX_WORDS:
            return None
        previous = w.text
        w = following
    end = cut if cut is not None else chunk_end
    name = text[:end].strip()
    name = _TRAILING_NOISE.sub("", name).strip()
    return name if name and plausible_subject(name) else None


# Participles that open a sentence about someone's life: "Born in Lagos in 1949, Okoro moved …"
_LIFE_PARTICIPLES = frozenset("born raised educated trained founded elected appointed married".split())


def sentence_subject(text: str) -> str | None:
    """The subject at the start of a clause ("Lind was ..., saying" -> "Lind")."""
    first = first_word(text[:40])
    if first is not None and (first.norm in INTRO_WORDS or first.norm in _LIFE_PARTICIPLES) and ", " in text:
        text = text[text.find(", ") + 2 :]  # "During a speech, Lind attacked ...", "Born in Lagos, Okoro moved …"
    ws = words(text[:300])  # the subject is in its first nine words, whole when ten are read
    if len(ws) < 10 and len(text) > 300:
        ws = words(text)
    if not ws:
        return None
    k = 0
    while k < len(ws) and k < 8 and (ws[k].text[0].isupper() or (k > 0 and ws[k].norm in {"of", "the"})):
        k += 1
    if k == 0:
        return ws[0].text if ws[0].norm in PERSONAL_PRONOUNS else None
    if k == 1 and ws[0].norm in DETERMINERS | INTRO_WORDS:
        return None
    after = re.match(r",\s+(he|she|they)\s", text[ws[k - 1].end :], re.IGNORECASE)
    if after is not None:
        return after.group(1)  # "In his memoir, Blowing Upstream, he wrote": the book's title, then its writer
    return text[ws[0].start : ws[k - 1].end]


def find_outlet(text: str) -> str | None:
    """The channel or outlet the words name: "in an interview with HBO" -> "HBO"."""
    for pattern, needs in zip(OUTLET_PATTERNS, OUTLET_PATTERN_NEEDS, strict=True):
        if not any(word in text for word in needs):
            continue  # the cheap test first: most texts name no outlet
        for m in pattern.finditer(text):
            outlet = m.group("outlet").strip().rstrip(".,")
            if pattern is OUTLET_PATTERNS[-1] and not _looks_like_outlet(outlet):
                continue
            outlet = re.sub(r"\s+(?:on|in|at|last|this)$", "", outlet)
            outlet = _TRAILING_NOISE.sub("", outlet).strip()
            if outlet:
                return outlet
    return None


def _looks_like_outlet(name: str) -> bool:
    ws = words(name)
    if not ws:
        return False
    if ws[0].norm == "the" and len(ws) > 1:
        return True
    if re.match(r"[A-Z]{2,}", ws[0].text):
        return True
    return any(w.norm in KNOWN_OUTLET_WORDS for w in ws)


def outlet_of_reporter(name: str, cue: str) -> str | None:
    """A news outlet that reports is its own outlet: "Novaya Gazeta first reported"."""
    if cue.lower() not in {"reported", "reports", "learned", "learnt", "revealed", "wrote", "writes"}:
        return None
    ws = words(name)
    if not _looks_like_outlet(name) and not any(w.norm in ORG_WORDS for w in ws):
        return None
    # drop a leading description: "Independent Russian newspaper Novaya Gazeta"
    k = len(ws)
    while k > 0 and (ws[k - 1].text[0].isupper() or ws[k - 1].norm in {"of", "the"}):
        k -= 1
    if 0 < k < len(ws):
        return name[ws[k].start :]
    return name
