"""One news story of the fictional region: its people, its paragraphs, and the quotes and reported
statements in them, as plain text (curly quotes, no markup)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsworld import words
from newsworld.words import Outlet, Topic

FIRST_DAY = date(2026, 1, 5)
PUBLISHING_DAYS = 320
MIN_PARAGRAPHS = 8
MAX_PARAGRAPHS = 25

# Quote templates whose first word may take a lower-case letter after an opener ("Frankly, we ...").
_PLAIN_STARTS = ("We ", "This ", "If ", "Our ", "Nobody ", "They ", "The ", "Every ", "What ", "There ", "It ",
                 "You ", "My ", "Costs ")  # fmt: skip
_RETOLD = dict(words.STATEMENTS)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str  # as a story introduces them: "chief executive of Halden Freight"

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class QuoteUnit:
    """Words that stand between one pair of quotation marks in a page."""

    text: str  # without the marks and without the comma or full stop that closes it
    speaker: Person
    kind: str  # "direct" or "partial"
    template: str  # what it was written from: stories of a corpus share templates


@dataclass(frozen=True)
class Statement:
    """Reported speech: a clause a page attributes, and the same content in other words."""

    clause: str
    retold: str
    speaker: Person | None  # None when an organisation speaks
    organisation: str


@dataclass(frozen=True)
class Story:
    number: int
    outlet: Outlet
    topic: Topic
    slots: Mapping[str, str]  # the story's fixed slot values (town, plan, decider...)
    headline: str
    standfirst: str
    reporter: str
    published: date
    paragraphs: tuple[str, ...]
    quotes: tuple[QuoteUnit, ...]
    statements: tuple[Statement, ...]
    caption: str
    photographer: str
    people: tuple[Person, ...]

    @property
    def dateline(self) -> str:
        return self.slots["town"].upper()


class _Values(dict[str, str]):
    """Slot values for one sentence: the story's fixed ones, and numbers drawn on first use."""

    def __init__(self, fixed: Mapping[str, str], rng: random.Random) -> None:
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            value = self[key[:1].lower() + key[1:]]
            value = value[:1].upper() + value[1:]
        else:
            value = _draw(key, self.rng)
        self[key] = value
        return value


def _draw(key: str, rng: random.Random) -> str:
    if key in words.NUMBER_SLOTS:
        low, high = words.NUMBER_SLOTS[key]
        return str(rng.randint(low, high))
    if key == "money":
        if rng.random() < 0.6:
            return f"£{rng.randint(12, 96) / 10:.1f} million"
        return f"£{rng.randint(12, 95) * 10},000"
    if key == "count":
        return f"{rng.randint(12, 940) * 10:,}"
    if key == "signatures":
        return f"{rng.randint(800, 12_000):,}"
    if key == "pop":
        return f"{rng.randint(80, 600) * 100:,}"
    if key == "year":
        return str(rng.randint(1952, 2016))
    if key == "year2":
        return str(rng.randint(2031, 2045))
    if key == "month":
        return rng.choice(words.MONTHS)
    if key == "weekday":
        return rng.choice(words.WEEKDAYS)
    if key == "time":
        return rng.choice(words.TIMES)
    if key == "street":
        return rng.choice(words.STREETS)
    raise KeyError(key)


def fill(template: str, fixed: Mapping[str, str], rng: random.Random) -> str:
    """The template with every slot filled; slot values may hold slots of their own."""
    values = fixed if isinstance(fixed, _Values) else _Values(fixed, rng)
    text = template
    for _ in range(4):
        if "{" not in text:
            break
        text = text.format_map(values)
    return text


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class NameBook:
    """Hands out names, each surname as rarely as possible, so that a surname alone names one person."""

    def __init__(self) -> None:
        self.surnames: Counter[str] = Counter()

    def person(self, rng: random.Random, role: str) -> Person:
        least = min(self.surnames[name] for name in words.LAST_NAMES)
        last = rng.choice([name for name in words.LAST_NAMES if self.surnames[name] == least])
        self.surnames[last] += 1
        return Person(rng.choice(words.FIRST_NAMES), last, role)


class TemplateUse:
    """How often each template (and topic, and town) has been used, so stories spread over all of them,
    and the quotes written so far, so that no two people are quoted saying the same words."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.quoted: set[str] = set()

    def pick(self, rng: random.Random, templates: Sequence[str], exclude: set[str]) -> str:
        free = [t for t in templates if t not in exclude] or list(templates)
        least = min(self.counts[t] for t in free)
        chosen = rng.choice([t for t in free if self.counts[t] == least])
        self.counts[chosen] += 1
        exclude.add(chosen)
        return chosen


@dataclass(frozen=True)
class Newsroom:
    """Who works where: reporters and photographers for each outlet."""

    reporters: Mapping[str, tuple[str, ...]]
    photographers: Mapping[str, tuple[str, ...]]


def build_newsroom(rng: random.Random, names: NameBook) -> Newsroom:
    reporters = {o.name: tuple(names.person(rng, "reporter").full for _ in range(4)) for o in words.OUTLETS}
    photographers = {o.name: tuple(names.person(rng, "photographer").full for _ in range(2)) for o in words.OUTLETS}
    return Newsroom(reporters, photographers)


def story_slots(rng: random.Random, topic: Topic, outlet: Outlet, town: str | None = None) -> dict[str, str]:
    town = town or rng.choice(words.TOWNS)
    town2 = rng.choice([t for t in words.TOWNS if t != town])
    slots = {
        "town": town, "town2": town2, "region": rng.choice(words.REGIONS), "street": rng.choice(words.STREETS),
        "site": rng.choice(words.SITES), "route": str(rng.randint(2, 48)), "outlet": outlet.in_text,
    }  # fmt: skip
    slots["venue"] = fill(rng.choice(words.VENUES), slots, rng)
    slots["council"] = fill(rng.choice(words.COUNCIL_FORMS), slots, rng)
    for key, options in (("decider", topic.deciders), ("critic", topic.critics), ("plan", topic.plans),
                         ("thing", topic.things), ("people", topic.people), ("action", topic.actions),
                         ("unit", topic.units), ("workplace", topic.workplaces)):  # fmt: skip
        slots[key] = fill(rng.choice(options), slots, rng)
    return slots


@dataclass(frozen=True)
class _Cast:
    decider: Person
    critic: Person
    councillor: Person
    resident: Person


def _cast(rng: random.Random, topic: Topic, slots: Mapping[str, str], names: NameBook) -> _Cast:
    def role(template: str, org: str) -> str:
        return fill(template, {**slots, "org": org}, rng)

    party = rng.choice(words.PARTIES)
    return _Cast(
        names.person(rng, role(rng.choice(topic.decider_roles), slots["decider"])),
        names.person(rng, role(rng.choice(topic.critic_roles), slots["critic"])),
        names.person(rng, f"a {party} councillor on {slots['council']}"),
        names.person(rng, fill(rng.choice(words.RESIDENT_ROLES), slots, rng)),
    )


def _pool_of(cast: _Cast, person: Person) -> tuple[str, ...]:
    if person is cast.decider:
        return words.DECIDER_QUOTES
    if person is cast.critic:
        return words.CRITIC_QUOTES
    if person is cast.councillor:
        return words.COUNCILLOR_QUOTES
    return words.RESIDENT_QUOTES


def _paragraph_kinds(rng: random.Random) -> list[str]:
    """The lead, then quotes, reported statements, quoted phrases and plain reporting, in a shuffled order."""
    total = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
    body = total - 1
    quotes = max(3, round(body * 0.42))
    statements = max(1, round(body * 0.15))
    partials = 0 if total < 10 else 1 if total < 20 else 2
    narrative = max(1, body - quotes - statements - partials)
    kinds = ["quote"] * quotes + ["statement"] * statements + ["partial"] * partials + ["narrative"] * narrative
    rng.shuffle(kinds)
    return ["lead", *kinds][:total]


class _Writer:
    """Writes one story's paragraphs, introducing each person in full the first time."""

    def __init__(self, rng: random.Random, slots: dict[str, str], cast: _Cast, use: TemplateUse) -> None:
        self.rng, self.slots, self.cast, self.use = rng, slots, cast, use
        self.introduced: set[str] = set()
        self.used: set[str] = set()  # templates already in this story
        self.quotes: list[QuoteUnit] = []
        self.statements: list[Statement] = []

    def _named(self, person: Person) -> tuple[str, bool]:
        """How the story names the person here, and whether this is the first mention."""
        if person.full in self.introduced:
            return person.last, False
        self.introduced.add(person.full)
        return person.full, True

    def _quote_text(self, person: Person) -> tuple[str, str]:
        """A quote for the person that no one else in the corpus has said, and its template."""
        for _ in range(50):
            text, template = self._any_quote_text(person)
            if text not in self.use.quoted:
                break
        self.use.quoted.add(text)
        return text, template

    def _any_quote_text(self, person: Person) -> tuple[str, str]:
        template = self.use.pick(self.rng, _pool_of(self.cast, person), self.used)
        body = fill(template, self.slots, self.rng)
        opener = self.rng.choice(words.QUOTE_OPENERS) if self.rng.random() < words.WITH_OPENER else ""
        if opener and template.startswith(_PLAIN_STARTS):
            body = opener + body[:1].lower() + body[1:]
        elif opener and template.startswith("I "):
            body = opener + body
        if self.rng.random() < words.WITH_OPENER:
            body += fill(self.rng.choice(words.QUOTE_TAILS), self.slots, self.rng)
        return body, template

    def _speaker(self) -> Person:
        cast = self.cast
        return self.rng.choices([cast.decider, cast.critic, cast.councillor, cast.resident], [4, 4, 2, 2])[0]

    def quote(self) -> str:
        person = self._speaker()
        text, template = self._quote_text(person)
        self.quotes.append(QuoteUnit(text, person, "direct", template))
        name, first = self._named(person)
        if first:
            forms = (f"“{text},” said {name}, {person.role}.", f"{name}, {person.role}, said: “{text}.”",
                     f"{name}, {person.role}, told {self.slots['outlet']}: “{text}.”")  # fmt: skip
            return self.rng.choice(forms)
        if self.rng.random() < 0.3:  # a quote that runs on after its attribution
            second, template = self._quote_text(person)
            self.quotes.append(QuoteUnit(second, person, "direct", template))
            return f"“{text},” {name} said. “{second}.”"
        return self.rng.choice((f"“{text},” {name} said.", f"{name} added: “{text}.”", f"“{text},” said {name}."))

    def partial(self) -> str:
        person = self.rng.choice([self.cast.critic, self.cast.councillor, self.cast.decider])
        for _ in range(50):
            template = self.use.pick(self.rng, words.PARTIAL_PHRASES, self.used)
            phrase = fill(template, self.slots, self.rng)
            if phrase not in self.use.quoted:
                break
        self.use.quoted.add(phrase)
        self.quotes.append(QuoteUnit(phrase, person, "partial", template))
        name, first = self._named(person)
        who = f"{name}, {person.role}," if first else name
        return fill(self.rng.choice(words.PARTIAL_FORMS), {**self.slots, "who": who, "phrase": phrase}, self.rng)

    def statement(self) -> str:
        clause_template = self.use.pick(self.rng, list(_RETOLD), self.used)
        values = _Values(self.slots, self.rng)  # one set of numbers for both wordings
        clause = fill(clause_template, values, self.rng)
        retold = fill(_RETOLD[clause_template], values, self.rng)
        if self.rng.random() < 0.5:
            org = self.rng.choice([self.slots["decider"], self.slots["critic"]])
            self.statements.append(Statement(clause, retold, None, org))
            if self.rng.random() < 0.5:
                return f"According to {org}, {clause}."
            return f"{capitalised(org)} said in a statement that {clause}."
        person = self.rng.choice([self.cast.decider, self.cast.critic])
        self.statements.append(Statement(clause, retold, person, ""))
        name, first = self._named(person)
        who = f"{name}, {person.role}," if first else name
        return self.rng.choice((f"{who} said that {clause}.", f"{who} told councillors that {clause}."))

    def narrative(self, sentences: int) -> str:
        chosen = [self.use.pick(self.rng, words.NARRATIVE, self.used) for _ in range(sentences)]
        return " ".join(fill(t, self.slots, self.rng) for t in chosen)


def write_story(number: int, rng: random.Random, newsroom: Newsroom, names: NameBook, use: TemplateUse) -> Story:
    # Topics and towns spread over the corpus, as a paper's coverage does.
    key = use.pick(rng, [t.key for t in words.TOPICS], set())
    topic = next(t for t in words.TOPICS if t.key == key)
    outlet = rng.choice(words.OUTLETS)
    slots = story_slots(rng, topic, outlet, use.pick(rng, words.TOWNS, set()))
    cast = _cast(rng, topic, slots, names)
    writer = _Writer(rng, slots, cast, use)
    paragraphs = []
    for kind in _paragraph_kinds(rng):
        if kind == "lead":
            paragraphs.append(fill(rng.choice(words.LEADS), slots, rng))
        elif kind == "quote":
            paragraphs.append(writer.quote())
        elif kind == "statement":
            paragraphs.append(writer.statement())
        elif kind == "partial":
            paragraphs.append(writer.partial())
        else:
            paragraphs.append(writer.narrative(rng.randint(1, 3)))
    return Story(
        number=number,
        outlet=outlet,
        topic=topic,
        slots=slots,
        headline=fill(rng.choice(topic.headlines), slots, rng),
        standfirst=fill(rng.choice(words.STANDFIRSTS), slots, rng),
        reporter=rng.choice(newsroom.reporters[outlet.name]),
        published=FIRST_DAY + timedelta(days=rng.randrange(PUBLISHING_DAYS)),
        paragraphs=tuple(paragraphs),
        quotes=tuple(writer.quotes),
        statements=tuple(writer.statements),
        caption=fill(rng.choice(words.CAPTIONS), slots, rng),
        photographer=rng.choice(newsroom.photographers[outlet.name]),
        people=(cast.decider, cast.critic, cast.councillor, cast.resident),
    )
