"""A reporter's Markdown draft that quotes a set of stories: most quotes faithfully, some edited
the way quotes go wrong (a word, a number, a "not", a cut), a few invented, plus reported speech.

Each quote and statement is recorded with how it was made (``Drawn``), so a check's verdicts can
be read against what the draft did.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsworld import words
from newsworld.story import Person, QuoteUnit, Statement, Story, capitalised, fill

DRAFT_WORDS = 1500  # a draft is padded with plain reporting up to about this many words

# How a draft's quotes are made, and in what shares.
QUOTE_SHARES = (
    ("verbatim", 0.55), ("ellipsis", 0.10), ("word_changed", 0.10), ("number_changed", 0.08),
    ("negation", 0.07), ("absent", 0.10),
)  # fmt: skip
# The verdict each kind of quote should get from a check (the product contract's meanings).
EXPECTED = {
    "verbatim": "confirmed", "ellipsis": "confirmed", "word_changed": "paraphrased",
    "number_changed": "paraphrased", "negation": "paraphrased", "absent": "unverified",
}  # fmt: skip
STATEMENT_SHARES = (("same", 0.5), ("retold", 0.35), ("absent", 0.15))

_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Drawn:
    """One quote or statement of a draft and where it came from."""

    cls: str  # a QUOTE_SHARES or STATEMENT_SHARES class
    kind: str  # "direct", "partial" or "reported"
    text: str  # as the draft has it
    original: str | None  # as the page has it; None when invented
    page: int | None  # the story's number; None when invented


@dataclass(frozen=True)
class Draft:
    markdown: str
    stories: tuple[Story, ...]
    drawn: tuple[Drawn, ...]

    @property
    def words(self) -> int:
        return len(self.markdown.split())


def shares_to_counts(shares: Sequence[tuple[str, float]], total: int) -> dict[str, int]:
    """Whole counts in the given shares that add up to ``total`` (largest remainders, ties in order)."""
    raw = [(name, share * total) for name, share in shares]
    counts = {name: int(value) for name, value in raw}
    left = total - sum(counts.values())
    by_remainder = sorted(range(len(raw)), key=lambda i: -(raw[i][1] - int(raw[i][1])))
    for i in by_remainder[:left]:
        counts[raw[i][0]] += 1
    return counts


# --------------------------------------------------------------------------------------------
# Edits: each returns the edited quote, or None when the quote offers nothing to edit.
# --------------------------------------------------------------------------------------------


def change_word(text: str, rng: random.Random) -> str | None:
    """One word swapped for a near-synonym, keeping its capital."""
    tokens = text.split(" ")
    spots = [i for i, t in enumerate(tokens) if t.strip(",.").lower() in words.SYNONYMS]
    if not spots:
        return None
    at = rng.choice(spots)
    bare = tokens[at].strip(",.")
    replacement = words.SYNONYMS[bare.lower()]
    if bare[:1].isupper():
        replacement = capitalised(replacement)
    tokens[at] = tokens[at].replace(bare, replacement)
    return " ".join(tokens)


def change_number(text: str, rng: random.Random) -> str | None:
    """One number's first digit changed."""
    found = list(_NUMBER.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    first = m.group()[0]
    digit = rng.choice([d for d in "123456789" if d != first])
    return text[: m.start()] + digit + text[m.start() + 1 :]


def negate(text: str) -> str | None:
    """The first "not" taken out ("cannot" becomes "can"), or a "not" put after the first auxiliary."""
    if re.search(r"\bcannot\b", text):
        return re.sub(r"\bcannot\b", "can", text, count=1)
    if re.search(r"\bnot ", text):
        return re.sub(r"\bnot ", "", text, count=1)
    tokens = text.split(" ")
    for i, token in enumerate(tokens[:-1]):
        if token in words.NEGATABLE:
            return " ".join([*tokens[: i + 1], "not", *tokens[i + 1 :]])
    return None


def cut(text: str, rng: random.Random) -> str | None:
    """Two to five words in the middle left out and marked with an ellipsis."""
    tokens = text.split(" ")
    if len(tokens) < 12:
        return None
    size = rng.randint(2, 5)
    at = rng.randint(4, len(tokens) - size - 4)
    mark = rng.choice(["…", "...", "…"])
    return " ".join([*tokens[:at], mark, *tokens[at + size :]])


def edit(cls: str, unit: QuoteUnit, rng: random.Random) -> str | None:
    """The unit's words as a draft quotes them for ``cls``; None when this unit cannot serve."""
    if cls == "verbatim":
        return unit.text
    if unit.kind != "direct":
        return None
    if cls == "ellipsis":
        return cut(unit.text, rng)
    if cls == "word_changed":
        return change_word(unit.text, rng)
    if cls == "number_changed":
        return change_number(unit.text, rng)
    if cls == "negation":
        return negate(unit.text)
    raise ValueError(cls)


# --------------------------------------------------------------------------------------------
# Writing the draft
# --------------------------------------------------------------------------------------------


@dataclass
class _Section:
    story: Story
    paragraphs: list[str]


class _Composer:
    def __init__(self, rng: random.Random, stories: Sequence[Story]) -> None:
        self.rng = rng
        self.sections = [_Section(s, []) for s in stories]
        self.introduced: set[str] = set()
        self.used_units: set[tuple[int, str]] = set()
        self.templates: set[str] = set()  # quote templates already in the draft
        self.invented: set[str] = set()
        self.drawn: list[Drawn] = []

    def _who(self, person: Person) -> str:
        if person.full in self.introduced:
            return person.last
        self.introduced.add(person.full)
        return f"{person.full}, {person.role},"

    def _quote_paragraph(self, section: _Section, text: str, kind: str, speaker: Person) -> str:
        who = self._who(speaker)
        story, rng = section.story, self.rng
        if kind == "partial":
            return f"{who} described {story.slots['plan']} as “{text}”."
        if who.endswith(","):  # first mention: name and role
            return rng.choice((f"“{text},” said {who[:-1]}.", f"{who} said: “{text}.”"))
        if rng.random() < 0.2:  # the outlet that carried the quote
            return f"“{text},” {who} told {story.outlet.in_text}."
        return rng.choice((f"“{text},” {who} said.", f"{who} said: “{text}.”", f"“{text},” said {who}."))

    def _find_unit(self, cls: str, first: int) -> tuple[_Section, QuoteUnit, str] | None:
        """An unused quote of some section (its own first) that can be edited as ``cls``."""
        order = self.sections[first:] + self.sections[:first]
        for fresh_only in (True, False):  # a template the draft has not quoted yet, if there is one
            for section in order:
                units = list(section.story.quotes)
                self.rng.shuffle(units)
                for unit in units:
                    key = (section.story.number, unit.text)
                    if key in self.used_units or (fresh_only and unit.template in self.templates):
                        continue
                    text = edit(cls, unit, self.rng)
                    if text is not None:
                        self.used_units.add(key)
                        self.templates.add(unit.template)
                        return section, unit, text
        return None

    def quote(self, cls: str, index: int) -> None:
        at = index % len(self.sections)
        if cls == "absent":
            section = self.sections[at]
            free = [t for t in words.ABSENT_QUOTES if t not in self.invented] or list(words.ABSENT_QUOTES)
            template = self.rng.choice(free)
            self.invented.add(template)
            text = fill(template, section.story.slots, self.rng)
            speaker = self.rng.choice(section.story.people)
            section.paragraphs.append(self._quote_paragraph(section, text, "direct", speaker))
            self.drawn.append(Drawn(cls, "direct", text, None, None))
            return
        found, made = self._find_unit(cls, at), cls
        if found is None and cls != "verbatim":  # no quote left that this edit can be made to
            found, made = self._find_unit("verbatim", at), "verbatim"
        if found is None:
            return  # every quote of every story is already in the draft
        section, unit, text = found
        section.paragraphs.append(self._quote_paragraph(section, text, unit.kind, unit.speaker))
        self.drawn.append(Drawn(made, unit.kind, text, unit.text, section.story.number))

    def statement(self, cls: str, index: int) -> None:
        section = self.sections[index % len(self.sections)]
        story = section.story
        if cls == "absent" or not story.statements:
            clause = fill(self.rng.choice(words.ABSENT_STATEMENTS), story.slots, self.rng)
            source: Statement | None = None
            speaker: Person | None = self.rng.choice(story.people[:2])
            organisation = ""
        else:
            source = self.rng.choice(story.statements)
            clause = source.clause if cls == "same" else source.retold
            speaker, organisation = source.speaker, source.organisation
        if speaker is not None:
            who = self._who(speaker)
            paragraph = self.rng.choice((f"{who} said that {clause}.", f"{who} said {clause}."))
        elif self.rng.random() < 0.5:
            paragraph = f"According to {organisation}, {clause}."
        else:
            paragraph = f"{capitalised(organisation)} said in a statement that {clause}."
        section.paragraphs.append(paragraph)
        made = "absent" if source is None else cls
        self.drawn.append(Drawn(made, "reported", clause, source.clause if source else None,
                                story.number if source else None))  # fmt: skip

    def pad(self, target_words: int, written: int) -> None:
        """Plain reporting, a sentence at a time, section by section, up to about ``target_words``."""
        turn = 0
        while written < target_words:
            section = self.sections[turn % len(self.sections)]
            sentence = fill(self.rng.choice(words.NARRATIVE), section.story.slots, self.rng)
            at = self.rng.randint(1, max(1, len(section.paragraphs)))
            section.paragraphs.insert(at, sentence)
            written += len(sentence.split())
            turn += 1


def write_draft(rng: random.Random, stories: Sequence[Story], quotes: int) -> Draft:
    """A roundup draft with a section per story and ``quotes`` quotes drawn from them."""
    composer = _Composer(rng, stories)
    for section in composer.sections:
        slots = section.story.slots
        section.paragraphs.append(fill(rng.choice(words.DRAFT_SECTION_INTROS), slots, rng))
    classes = [name for name, count in shares_to_counts(QUOTE_SHARES, quotes).items() for _ in range(count)]
    rng.shuffle(classes)
    for i, cls in enumerate(classes):
        composer.quote(cls, i)
    reported = max(2, quotes // 5)
    kinds = [name for name, count in shares_to_counts(STATEMENT_SHARES, reported).items() for _ in range(count)]
    rng.shuffle(kinds)
    places = rng.sample(range(len(stories)), min(reported, len(stories)))
    places += [rng.randrange(len(stories)) for _ in range(reported - len(places))]
    for cls, place in zip(kinds, places, strict=True):
        composer.statement(cls, place)
    first = stories[0].slots
    head = [
        f"# {fill(rng.choice(words.DRAFT_TITLES), first, rng)}",
        f"*{fill(rng.choice(words.DRAFT_STANDFIRSTS), {**first, 'town2': stories[-1].slots['town']}, rng)}*",
        "At a glance:\n\n" + "\n".join(f"- {s.slots['town']}: {s.slots['plan']}" for s in stories),
    ]
    written = sum(len(p.split()) for p in head) + sum(len(p.split()) for s in composer.sections for p in s.paragraphs)
    composer.pad(DRAFT_WORDS, written)
    body = []
    for section in composer.sections:
        story = section.story
        body.append(f"## {story.slots['town']}: {story.topic.section.lower()}")
        body.extend(section.paragraphs)
    return Draft("\n\n".join(head + body) + "\n", tuple(stories), tuple(composer.drawn))


def sources_toml(draft_name: str, stories: Sequence[Story], page_names: Sequence[str], folder: str = "../pages") -> str:
    """A sources file: one table per page, with its outlet; ``folder`` is the pages' folder seen from the file."""
    lines = [f"# The pages {draft_name} quotes, as saved copies in {folder}/."]
    for story, name in zip(stories, page_names, strict=True):
        lines += ["", "[[source]]", f'path = "{folder}/{name}"', f'outlet = "{story.outlet.name}"']
    return "\n".join(lines) + "\n"
