"""Resolving "he", "she", "they", "the group" to the most recent fitting speaker.

The resolver walks the claims in order of position and remembers each named
speaker (and the named people and organisations that reported speech puts
forward). A pronoun or nominal takes the most recent one that fits its gender,
number or kind; when none fits, the speaker stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims.attribution import Word, words
from verify.claims.gender import given_name_gender
from verify.claims.lexicon import (
    DETERMINERS,
    FEMALE_WORDS,
    MALE_WORDS,
    NOMINAL_HEADS,
    NOT_PLURALS,
    ORG_WORDS,
    PLACES,
    PLURAL_HEADS,
)
from verify.model import Speaker

_PERSON_ROLES = frozenset(
    "secretary spokesman spokeswoman spokesperson member founder president minister senator "
    "governor mayor chairman chairwoman director chief aide adviser advisor official candidate "
    "nominee leader head manager lawyer attorney doctor professor activist victim witness".split()
)


# Kinds of body named before a body's name ("the charity Patient Voice") that are no ORG_WORDS.
_BODY_KINDS = frozenset("charity firm trust operator regulator carrier airline retailer supplier".split())


_TITLES = frozenset(
    "mr mrs ms dr sen rep gov president senator governor minister secretary judge mayor gen "
    "former democratic republican u.s".split()
)


_HUMAN_NOUNS = frozenset(
    "man woman source resident worker voter mother father son daughter wife husband friend neighbour "
    "neighbor farmer teacher student nurse officer soldier veteran questioner narrator reporter "
    "journalist analyst expert critic owner driver passenger survivor person".split()
)

# How many speakers back a pronoun may reach; also keeps resolution linear in the
# length of the draft.
_WINDOW = 40
# People named outside a subject that a pronoun may still reach: how many, and how far back
# (characters, about three sentences) before the pronoun.
_NAMED_KEPT = 16
_TITLE_GENDER = {"Mr": "male", "Mrs": "female", "Ms": "female"}
_NAMED_REACH = 600


@dataclass
class _Entity:
    """A speaker or subject named in the text, as the resolver remembers them."""

    name: str
    at: int
    org: bool
    plural: bool
    gender: str | None  # "male", "female", "thing" (not a person), or None when the text has not said
    given: str | None = None  # the first name, looked up only when a "he" or "she" must choose


def _classify(name: str) -> tuple[bool, bool, str | None, str | None]:
    ws = words(name)
    norms = [w.norm for w in ws]
    if " ".join(n for n in norms if n != "the") in PLACES:
        return True, False, None, None  # "Moscow denied …": the government speaks
    last = norms[-1] if norms else ""
    has_role = any(n in _PERSON_ROLES for n in norms)
    org = last in ORG_WORDS or (not has_role and ws[0].norm == "the" and len(ws) > 1 and ws[1].text[0].isupper())
    # "the power company Westgrid", "the charity Patient Voice": a body's kind, then its name
    org = org or not has_role and any(w.text.islower() and w.norm in ORG_WORDS | _BODY_KINDS for w in ws[:-1]) \
        and ws[-1].text[0].isupper()
    # "Police in West Brannock": a body, then where it is ("Officials at …" speak for the body after them)
    org = org or len(ws) > 2 and ws[0].norm in ORG_WORDS and ws[1].norm in {"in", "at", "of", "for"} \
        and _BODY_OF_SPEAKERS.match(name) is None
    if has_role and ws and ws[-1].text[0].isupper() and last not in ORG_WORDS:
        org = False
    if "," in name and _PERSON_NAME.fullmatch(name.rsplit(",", 1)[1].strip()):
        org = False  # "The Saltby station's current coxswain, Liam Tranter": who, then the person's name
    named = any(w.text[0].isupper() for w in ws[1:]) or (bool(ws) and ws[0].norm not in DETERMINERS)
    if not named and not any(n in _PERSON_ROLES or n in _HUMAN_NOUNS for n in norms) and last not in PLURAL_HEADS:
        return True, False, "thing", None  # "the article", "the ad": say things, but are never "he" or "she"
    plural = last in PLURAL_HEADS or _plural_noun(ws[-1])
    gender = None
    if any(n in MALE_WORDS for n in norms):
        gender = "male"
    elif any(n in FEMALE_WORDS for n in norms):
        gender = "female"
    return org, plural, gender, _given_name(ws)


_PERSON_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}")


def _plural_noun(word: Word) -> bool:
    """A lowercase noun in the plural ("surveyors", "the farmers"): never "he" or "she"."""
    norm = word.norm
    return (
        word.text[0].islower() and len(norm) > 3 and norm.endswith("s")
        and not norm.endswith(("ss", "us", "is")) and norm not in NOT_PLURALS and norm not in {"series", "species"}
    )  # fmt: skip


# (a capital first: a search passes over everything else at once)
FULL_NAME = re.compile(r"(?=[A-Z])\b(Mr|Mrs|Ms|[A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:[’'-][A-Z]?[a-z]+)?)\b")


def surname_genders(text: str) -> dict[str, str]:
    """Surnames the text pairs with a given name or title: "Hillary Berg" -> female.

    A surname seen with both (Tom and Hillary Berg) is left out: the text alone
    must tell which one "Berg" means.
    """
    seen: dict[str, set[str]] = {}
    for m in FULL_NAME.finditer(text):
        first, surname = m.group(1).lower(), m.group(2)
        gender = "male" if first == "mr" else "female" if first in ("mrs", "ms") else _first_name_gender(first)
        if gender is not None:
            seen.setdefault(surname, set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def _first_name_gender(word: str) -> str | None:
    """A capitalised word before a surname is a first name only if it is not a common word ("The Berg")."""
    if word in _TITLES or word in DETERMINERS or word in _NOT_GIVEN:
        return None
    return given_name_gender(word)


# Capitalised words that open a sentence before a surname and that the name data also lists.
_NOT_GIVEN = frozenset("but and when after before while if as so then said says sen gov rep".split())


def _given_name(ws: list[Word]) -> str | None:
    """The first word of a personal name of two or more words ("Ana" in "Ana Lind"): of the name
    that ends the mention when there is one ("Clinton communication director Jennifer Palmieri")."""
    k = len(ws)
    while k > 0 and ws[k - 1].text[0].isupper() and ws[k - 1].norm not in _TITLES:
        k -= 1
    if len(ws) - k >= 2:
        return str(ws[k].norm)
    caps = [w for w in ws if w.text[0].isupper() and w.norm not in _TITLES]
    if len(caps) < 2:
        return None
    return str(caps[0].norm)


def _is_named(name: str) -> bool:
    """Whether a mention names someone ("Ana Lind", "the Harbour Workers Union"), not just describes."""
    ws = words(name)
    return any(w.text[0].isupper() for w in ws if w.norm not in DETERMINERS)


def _nominal_head(name: str) -> str | None:
    """The head noun of a nominal like "the group" or "the former minister", else None."""
    ws = words(name)
    if not 2 <= len(ws) <= 4 or ws[0].norm not in {"the", "this", "that"}:
        return None
    if ws[-1].text[0].isupper():
        return None  # "the LGBT Network" is a name, not a nominal
    head = ws[-1].norm
    if head not in NOMINAL_HEADS:
        return None
    # "the Democratic senator", "the Berlin daily": a capital before the head describes
    return head


# Kinds of body a name may state: "the council" is never "the power company Westgrid".
_KINDS = frozenset(
    "council union committee ministry department party campaign company firm charity trust office police "
    "university college bank league federation association commission board bureau institute foundation".split()
)


# Kinds a body's name may state that no nominal of a kind above ever means: "the council" is no network.
_OTHER_KINDS = frozenset("network group alliance agency service coalition society club".split())


def _other_kind(head: str, name: str) -> bool:
    """Whether a body's name states a kind of body other than the nominal's head."""
    return head in _KINDS and head not in name and any(w.norm in _KINDS | _OTHER_KINDS for w in words(name))


# People who speak for a named body: the body is mentioned too.
_BODY_OF_SPEAKERS = re.compile(
    r"(?:[\w’'-]+\s+){0,3}(?i:officials?|spokes(?:man|woman|person|people)|representatives?|staff|lawyers?|"
    r"attorneys?|aides?|investigators?|researchers?)\s+(?:at|of|for|from|with)\s+"
    r"(?P<body>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w’'&.-]*){0,6})"
)


class Resolver:
    """Remembers named speakers in order and resolves references back to them."""

    def __init__(self, text: str = "") -> None:
        self._entities: list[_Entity] = []  # the most recently mentioned last
        self._by_name: dict[str, _Entity] = {}
        self._text = text
        self._surname_gender: dict[str, str] | None = None  # read from the text at the first "he" or "she"
        self._named: list[tuple[int, str]] = []  # people named in full outside a subject, the latest last

    def observe(self, name: str, at: int, *, body: bool = False) -> None:
        """Remember a named speaker (or named subject) mentioned at ``at``."""
        if not name or name.lower() in {"he", "she", "they", "it", "i", "we"}:
            return
        if name.count("(") > name.count(")"):
            name = name[: name.rfind("(")].rstrip()  # "Sen. Ada Brook (R-Ga." cut inside its bracket
        if not words(name):
            return
        known = self._by_name.get(name)
        if known is not None:
            known.at = max(known.at, at)
            self._entities.remove(known)  # bounded: see _WINDOW
            self._entities.append(known)
            return
        org, plural, gender, given = (True, False, None, None) if body else _classify(name)
        last = name.split()[-1]
        if gender is None and not org and last[:1].isupper():
            # "Berg" after "Hillary Berg": the text has told us who this is
            for e in reversed(self._entities):
                if e.gender is not None and e.name.split()[-1] == last:
                    gender = e.gender
                    break
        speaks_for = _BODY_OF_SPEAKERS.match(name)
        if speaks_for is not None and speaks_for.group("body") not in self._by_name:
            # "Officials at Homeland Security Investigations": "the agency" later means the body
            self.observe(speaks_for.group("body"), at - 1, body=True)
        entity = _Entity(name, at, org, plural, gender, given)
        self._entities.append(entity)
        self._by_name[name] = entity
        if len(self._entities) > _WINDOW:
            dropped = self._entities.pop(0)
            self._by_name.pop(dropped.name, None)

    def observe_named(self, name: str, at: int) -> None:
        """A person named in full where no rule looks for a speaker ("Vale spoke after Ana Lind"):
        kept for a "he" or "she" that no subject or speaker before it fits."""
        self._named.append((at, name))
        del self._named[:-_NAMED_KEPT]

    def _named_fitting(self, gender: str, at: int) -> str | None:
        for pos, name in reversed(self._named):
            if at - pos > _NAMED_REACH:
                return None
            first = name.split()[0].rstrip(".")
            if pos < at and _TITLE_GENDER.get(first, given_name_gender(first)) == gender:
                return name
        return None

    def learn(self, pronoun: str, at: int) -> None:
        """A sentence whose subject is "he" or "she": fixes the gender of its referent."""
        self.speaker(pronoun, at)

    def _gender_of(self, e: _Entity) -> str | None:
        """The entity's gender, from its first name or the text's other mentions of its surname.

        Looked up only here: a draft with no "he" or "she" to resolve never loads the name data.
        """
        if e.gender is None and not e.org:
            e.gender = given_name_gender(e.given) if e.given else None
            if e.gender is None:
                if self._surname_gender is None:
                    self._surname_gender = surname_genders(self._text)
                e.gender = self._surname_gender.get(e.name.split()[-1].rstrip(".,"))
        return e.gender

    def _recent(self, before: int) -> list[_Entity]:
        return sorted((e for e in self._entities if e.at <= before), key=lambda e: e.at, reverse=True)

    def speaker(self, written: str | None, at: int) -> Speaker | None:
        """The Speaker for a name as written at ``at``: resolved when it is a reference."""
        if written is None:
            return None
        word = written.lower()
        if word in {"he", "she"}:
            gender = "male" if word == "he" else "female"
            fitting = [
                e for e in self._recent(at)
                if not (e.org or e.plural or (self._gender_of(e) is not None and e.gender != gender))
            ]
            if not fitting:
                # "Tom Vale spoke after Ana Lind. … she said": the one named just before, of that gender
                named = self._named_fitting(gender, at)
                return Speaker(named, resolved_from=written) if named is not None else None
            chosen = fitting[0]
            chosen.gender = gender
            return Speaker(chosen.name, resolved_from=written)
        if word in {"they", "it"}:
            for e in self._recent(at):
                if word == "they" and e.gender == "thing":
                    continue
                if e.org or (word == "they" and e.plural):
                    return Speaker(e.name, resolved_from=written)
            return None
        if word in {"i", "we"}:
            return None
        head = _nominal_head(written)
        if head is not None:
            hints = NOMINAL_HEADS[head]
            for e in self._recent(at):
                if not _is_named(e.name):
                    continue  # "the union" never means another description ("the harbour master")
                if e.plural and not e.org:
                    continue  # "the council" is never "Opposition councillors"
                low = e.name.lower()
                if any(h in low for h in hints if h not in {"org", "person", "male", "female", "named"}):
                    return Speaker(e.name, resolved_from=written)
                if "org" in hints and e.org and not _other_kind(head, low):
                    return Speaker(e.name, resolved_from=written)
                if "person" in hints and not e.org and not e.plural:
                    return Speaker(e.name, resolved_from=written)
                if "named" in hints and e.gender in (None, "thing") and not e.plural:
                    return Speaker(e.name, resolved_from=written)  # "the Berlin daily": a name of no gender
            # Nothing to refer back to: the description as written is all we know.
            return Speaker(written)
        return Speaker(written)

    def observe_speaker(self, speaker: Speaker | None, at: int) -> None:
        if speaker is not None and speaker.name:
            self.observe(speaker.name, at)


__all__ = ["FULL_NAME", "Resolver", "DETERMINERS"]
