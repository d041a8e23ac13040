"""The index: symbol strings, and which units hold which claim words."""

from __future__ import annotations

import pytest

from verify.match import match_claims
from verify.match.index import FILLER, IndexView, SourceIndex, symbol_of
from verify.match.normalize import WORD_RE
from verify.model import Claim, ClaimKind, SourceText, Span, Verdict


def test_symbols_are_distinct_single_characters_and_never_latin_1_or_surrogates() -> None:
    numbers = [*range(0, 60_000, 7), 0xD800 - 0x100 - 1, 0xD800 - 0x100, 0xE000 - 0x100, 60_000]
    symbols = [symbol_of(n) for n in numbers]
    assert len(set(symbols)) == len(symbols)
    for symbol in symbols:
        assert len(symbol) == 1 and ord(symbol) >= 0x100
        assert not 0xD800 <= ord(symbol) < 0xE000
        symbol.encode("utf-8")  # a surrogate would raise here


def test_a_unit_is_one_symbol_per_word_and_each_word_has_its_own() -> None:
    source = SourceText("S1", "The pier, said the harbour master, will not reopen before spring.")
    index = SourceIndex([source], words=["pier", "reopen", "spring", "nowhere"])
    unit = index.units[0]
    assert len(unit.ids) == 11 == len(unit.words(0, 100))
    pier, reopen, spring, nowhere = index.ids_of(["pier", "reopen", "spring", "nowhere"])
    assert unit.ids[1] == pier and unit.ids[8] == reopen and unit.ids[10] == spring
    assert unit.ids[0] == unit.ids[3] and len(set(unit.ids)) == 10  # "the" twice
    assert list(index.units_of(pier)) == [0] and list(index.units_of(nowhere)) == []
    assert index.positions(0, [reopen, nowhere]) == {reopen: [8]}
    assert unit.ids.find(index.ids_of(["reopen", "before", "spring"])) == 8
    assert unit.words(8, 11) == ["reopen", "before", "spring"]
    assert unit.original_span(8, 11) == (source.text.index("reopen"), source.text.index("spring") + 6)



def test_an_index_of_claim_words_gives_every_other_word_the_filler() -> None:
    source = SourceText("S1", "The pier, said the harbour master, will not reopen before spring. Repairs continue.")
    index = SourceIndex([source], words=["pier", "spring", "nowhere"], stems=["repair"], claim_words_only=True)
    unit = index.units[0]
    pier, spring = index.ids_of(["pier", "spring"])
    assert len(unit.ids) == 13 and unit.ids[1] == pier and unit.ids[10] == spring
    assert unit.ids[0] == unit.ids[3] == unit.ids[5] == FILLER  # "the", "the", "master"
    assert FILLER not in index.ids_of(["pier", "nowhere", "master"])  # a word met later gets its own
    assert index.stem_ids("repair") == [unit.ids[11]] != [FILLER]  # "repairs": its stem was given
    assert list(index.units_of(pier)) == [0] and list(index.units_of(FILLER)) == []


SHARED = [
    SourceText("pier", "The pier will not reopen before spring, the harbour master said."),
    SourceText("budget", "The council balanced the budget. The pier repairs were paid in full."),
    SourceText("ferry", "The ferry sails at noon.", full_text="The ferry sails at noon. Comments: the pier is shut."),
]


@pytest.mark.parametrize(
    ("sources", "word", "units"),
    [
        ([("pier", "S1")], "pier", [0]),
        ([("budget", "S1"), ("pier", "S2")], "pier", [0, 1]),
        ([("ferry", "S1"), ("budget", "S2")], "pier", [1, 2]),  # ferry's full text, then budget
        ([("ferry", "S1")], "budget", []),
        ([("ferry", "S1"), ("pier", "S2")], "ferry", [0, 1]),
        ([], "pier", []),
    ],
)
def test_a_view_sees_only_its_sources_numbered_in_its_own_order(
    sources: list[tuple[str, str]], word: str, units: list[int]
) -> None:
    shared = SourceIndex(SHARED)
    view = IndexView(shared, sources)
    alone = SourceIndex([SourceText(own, *_texts(name)) for name, own in sources])
    (symbol,) = view.ids_of([word])
    assert list(view.units_of(symbol)) == units == list(alone.units_of(alone.ids_of([word])))
    assert view.frequency(symbol) == len(units)
    assert [(u.number, u.source_id, u.main) for u in view.units] == [
        (u.number, u.source_id, u.main) for u in alone.units
    ]
    for number in units:
        assert view.units[number].words(0, 100) == alone.units[number].words(0, 100)


MANY = [*SHARED, *(SourceText(f"copy-{n}", f"Copy {n}: the pier is shut.") for n in range(30))]


@pytest.mark.parametrize(
    ("sources", "word", "units"),
    [
        ([("budget", "S1")], "pier", [0]),  # one source of 33: each of its units looked up
        ([("copy-7", "S1"), ("ferry", "S2"), ("budget", "S3")], "pier", [0, 2, 3]),
        ([("copy-7", "S1"), ("copy-2", "S2")], "budget", []),
        ([(s.source_id, f"S{k}") for k, s in enumerate(reversed(MANY))], "pier", [*range(30), 31, 32, 33]),
    ],
)
def test_a_view_of_a_few_sources_of_a_large_index_finds_the_same_units(
    sources: list[tuple[str, str]], word: str, units: list[int]
) -> None:
    view = IndexView(SourceIndex(MANY), sources)
    assert list(view.units_of(view.ids_of([word])[0])) == units


def _texts(name: str) -> tuple[str, str | None]:
    source = next(s for s in SHARED if s.source_id == name)
    return source.text, source.full_text


@pytest.mark.parametrize(
    ("declared", "ranks"),
    [
        (["spring", "pier", "spring"], {"spring": 0, "pier": 1}),
        (["pier", "spring"], {"pier": 0, "spring": 1}),
    ],
)
def test_claim_words_rank_in_the_order_they_were_declared(declared: list[str], ranks: dict[str, int]) -> None:
    shared = SourceIndex(SHARED, words=["pier"])
    view = IndexView(shared, [("pier", "S1")], declared)
    assert {w: view.rank(view.ids_of([w])[0]) for w in ranks} == ranks


def test_views_share_what_is_found_out_about_a_text() -> None:
    shared = SourceIndex(SHARED)
    first, second = IndexView(shared, [("pier", "S1")]), IndexView(shared, [("budget", "S1"), ("pier", "S2")])
    found = first.units[0].sentence_of()
    assert second.units[1].sentence_of() is found is shared.units[0].sentence_of()


def test_a_large_vocabulary_reaches_past_the_surrogate_block() -> None:
    """Claims with more than 55,000 distinct words still get a symbol each (and still match)."""
    filler_words = [f"w{n}" for n in range(56_000)]
    claims = [
        Claim("C1", ClaimKind.DIRECT, " ".join(filler_words), Span(0, 10), 0, None, "said", None),
        Claim("C2", ClaimKind.DIRECT, "will not reopen before spring", Span(0, 29), 0, None, "said", None),
    ]
    source = SourceText("S1", "The pier will not reopen before spring, the harbour master said.")
    results = match_claims(claims, [source])  # C2's words are declared after 56,000 others
    assert results[1].verdict is Verdict.CONFIRMED
    assert results[0].verdict is Verdict.UNVERIFIED


def test_word_spans_found_from_the_words_are_those_of_the_word_pattern() -> None:
    """``Unit.span`` finds each word by its text after the one before; the spans must be the
    pattern's own, in any text (numbers, apostrophes, dots, accents, entities, hyphenation)."""
    import random

    from verify.match.normalize import WORD_RE

    pieces = [*"ab 1.'-\n_", "3.5", "don't", "x'", "'y", "..", "é", "e\u0301", "ß", "\u2019", "&amp;", "1,000",
              "inter-\nnational", "u.s.", "1990s", "\u0663", "ﬁ", "  ", "a_b"]  # fmt: skip
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        unit = SourceIndex([SourceText("S1", text)]).units[0]
        expected = [m.span() for m in WORD_RE.finditer(unit.normalized.text)]
        assert [unit.span(k) for k in range(len(expected))] == expected, repr(text)


def test_word_spans_of_a_long_text_are_found_chunk_by_chunk_in_any_order() -> None:
    """A long text's words are located one chunk at a time, wherever the first word asked for lies."""
    import random

    rng = random.Random(5)
    vocabulary = ["pier", "3.5", "don't", "é", "harbour.", "“Yes,”", "x" * 30, "\n\n", "naïve"]
    text = " ".join(rng.choice(vocabulary) for _ in range(3000))
    unit = SourceIndex([SourceText("S1", text)]).units[0]
    expected = [m.span() for m in WORD_RE.finditer(unit.normalized.text)]
    assert len(unit.chunk_starts) > 10 and len(expected) == len(unit.ids)
    order = list(range(len(expected)))
    rng.shuffle(order)
    assert [unit.span(k) for k in order] == [expected[k] for k in order]


def test_a_units_words_are_the_slices_of_its_word_list() -> None:
    """``Unit.words`` gives what slicing the list of the text's words would, for any bounds."""
    import random

    rng = random.Random(7)
    vocabulary = ["a", "pier", "1.5", "don't", "reopen", "é", "harbour", "x"]
    for size in [0, 1, 2, 3, 10, 57, 240]:
        text = " ".join(rng.choice(vocabulary) for _ in range(size))
        unit = SourceIndex([SourceText("S1", text)]).units[0]
        listed = WORD_RE.findall(unit.normalized.text)
        for start in range(-3, size + 3):
            for end in range(-3, size + 3):
                assert unit.words(start, end) == listed[start:end], (text, start, end)


def test_sentence_of_gives_each_word_the_sentence_its_start_lies_in() -> None:
    """Counted piece by piece, the same as placing each word's start among the sentence ends."""
    import random

    from verify.match.index import _SENTENCE_END
    from verify.match.normalize import WORD_RE

    rng = random.Random(11)
    pieces = ["The pier", "closed.", "U.S.", "3.5", "said:", "“Yes!”", "'tis", "(ok)", "?!", "  ", "\n\n", "é"]
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        unit = SourceIndex([SourceText("S1", text)]).units[0]
        norm = unit.normalized.text
        ends = [m.end() for m in _SENTENCE_END.finditer(norm)]
        expected = [sum(1 for e in ends if e <= m.start()) for m in WORD_RE.finditer(norm)]
        assert list(unit.sentence_of()) == expected, repr(text)
        assert len(expected) == len(unit.ids)  # every word has its sentence


_HARBOUR = SourceText(
    "S1",
    "Dock workers walked out on Friday. \u201cWe are not going back until the cranes are safe,\u201d said "
    "their representative. The port authority said repairs to the cranes would cost 40,000 pounds.",
    full_text="Dock workers walked out on Friday. Comments: the cranes were repaired twice last winter.",
)
_COUNCIL = SourceText("S2", "The council repaired the north pier in March and reopened it to walkers.")


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("direct", "We are not going back until the cranes are safe"),
        ("direct", "We are going back until the cranes are safe"),  # a dropped negation
        ("direct", "We are not going back ... safe"),
        ("partial", "the cranes were repaired"),  # in the comments only
        ("reported", "the port authority said repairing the cranes would cost 40,000 pounds"),
        ("reported", "the council repaired the pier in May"),
        ("reported", "the councils repairing piers reopens them to walker"),  # no word as the source has it
        ("direct", "Nobody here said anything like this"),
    ],
)
def test_an_index_of_claim_words_matches_as_a_shared_index_of_every_word(kind: str, text: str) -> None:
    claims = [Claim("C1", ClaimKind(kind), text, Span(0, len(text)), 0, None, "said", None)]
    sources = [_HARBOUR, _COUNCIL]
    other = SourceText("S9", "Walkers said the pier and the cranes were closed until safe repairs were made.")
    own = match_claims(claims, sources)
    shared = SourceIndex([other, *sources])
    assert match_claims(claims, sources, shared=shared) == own
    assert own[0].verdict is not None
