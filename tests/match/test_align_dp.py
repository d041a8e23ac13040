"""``semi_global``: the fast row-at-a-time DP gives exactly what the plain per-cell DP gave."""

from __future__ import annotations

import random

import pytest

from verify.match.align import DELETE, EQUAL, INSERT, REPLACE, Alignment, Op, semi_global
from verify.match.index import Unit
from verify.match.normalize import normalize


def reference_semi_global(unit: Unit, claim: str, lo: int, hi: int, prefer_late: bool = False) -> Alignment:
    """The original per-cell implementation of ``semi_global``, kept verbatim as the oracle."""
    source = unit.ids[lo:hi]
    m, n = len(claim), len(source)
    previous = [0] * (n + 1)
    rows = [previous]
    for i in range(1, m + 1):
        word = claim[i - 1]
        row = [-i] + [0] * n
        for j in range(1, n + 1):
            best = previous[j - 1] + (1 if source[j - 1] == word else -1)
            if previous[j] - 1 > best:
                best = previous[j] - 1
            if row[j - 1] - 1 > best:
                best = row[j - 1] - 1
            row[j] = best
        rows.append(row)
        previous = row
    last = rows[m]
    ends = range(n, -1, -1) if prefer_late else range(n + 1)
    end = max(ends, key=lambda j: last[j])
    i, j = m, end
    steps: list[tuple[str, int, int]] = []
    while i > 0:
        here = rows[i][j]
        if j > 0 and source[j - 1] == claim[i - 1] and rows[i - 1][j - 1] + 1 == here:
            steps.append((EQUAL, i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j > 0 and source[j - 1] != claim[i - 1] and rows[i - 1][j - 1] - 1 == here:
            steps.append((REPLACE, i - 1, j - 1))
            i, j = i - 1, j - 1
        elif rows[i - 1][j] - 1 == here:
            steps.append((DELETE, i - 1, j))
            i -= 1
        else:
            steps.append((INSERT, i, j - 1))
            j -= 1
    steps.reverse()
    start = j
    ops: list[Op] = []
    cost = 0
    for tag, ci, sj in steps:
        c_len = 0 if tag == INSERT else 1
        s_len = 0 if tag == DELETE else 1
        cost += tag != EQUAL
        if ops and ops[-1].tag == tag:
            prev = ops[-1]
            ops[-1] = Op(tag, prev.c0, prev.c1 + c_len, prev.s0, prev.s1 + s_len)
        else:
            ops.append(Op(tag, ci, ci + c_len, lo + sj, lo + sj + s_len))
    return Alignment(unit.number, lo + start, lo + end, tuple(ops), cost)


def make_unit(ids: str, number: int = 3) -> Unit:
    return Unit(number, "S1", True, "", ids, normalize(""))


def check(ids: str, claim: str, lo: int, hi: int, prefer_late: bool) -> None:
    unit = make_unit(ids)
    assert semi_global(unit, claim, lo, hi, prefer_late) == reference_semi_global(unit, claim, lo, hi, prefer_late)


@pytest.mark.parametrize("prefer_late", [False, True])
@pytest.mark.parametrize(
    ("ids", "claim", "lo", "hi"),
    [
        ("abcabc", "abc", 0, 6),  # two exact runs: earliest or latest wins
        ("abcabc", "abc", 2, 2),  # empty source window
        ("", "ab", 0, 0),  # empty unit
        ("xabx", "", 0, 4),  # empty claim
        ("ab", "aXbYcZ", 0, 2),  # claim longer than the window
        ("aaaaaaaa", "aaa", 1, 7),  # all equal
        ("aaaa", "aaaaaaa", 0, 4),  # all equal, claim longer
        ("abababab", "xyzxy", 0, 8),  # no matches at all
        ("qqabcdqq", "abXd", 0, 8),  # one changed word
        ("qqabdqq", "abcd", 0, 7),  # claim-only word
        ("qqabxcdqq", "abcd", 0, 9),  # source-only word
    ],
)
def test_hand_written_cases(ids: str, claim: str, lo: int, hi: int, prefer_late: bool) -> None:
    check(ids, claim, lo, hi, prefer_late)


def test_known_alignment() -> None:
    found = semi_global(make_unit("qqabxcdqq"), "abcd", 1, 9)
    assert (found.unit, found.start, found.end, found.cost) == (3, 2, 7, 1)
    assert found.ops == (Op(EQUAL, 0, 2, 2, 4), Op(INSERT, 2, 2, 4, 5), Op(EQUAL, 2, 4, 5, 7))


@pytest.mark.parametrize("seed", range(8))
def test_matches_reference_on_random_cases(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        alphabet = "abcde"[: rng.randint(2, 5)]
        length = rng.randint(0, 70)
        ids = "".join(rng.choice(alphabet) for _ in range(length))
        claim = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        lo = rng.randint(0, length)
        hi = rng.randint(lo, min(length, lo + 60))
        for prefer_late in (False, True):
            check(ids, claim, lo, hi, prefer_late)


@pytest.mark.parametrize("seed", range(2))
def test_matches_reference_on_long_cases(seed: int) -> None:
    # Cells of up to m + n + min(m, n) no longer fit 7 bits: the packed rows use wider fields.
    rng = random.Random(100 + seed)
    for _ in range(40):
        alphabet = "abcdefgh"[: rng.randint(2, 8)]
        ids = "".join(rng.choice(alphabet) for _ in range(rng.randint(60, 160)))
        claim = "".join(rng.choice(alphabet) for _ in range(rng.randint(40, 90)))
        lo = rng.randint(0, 20)
        hi = rng.randint(lo + 30, len(ids))
        for prefer_late in (False, True):
            check(ids, claim, lo, hi, prefer_late)


def test_matches_reference_with_very_wide_fields() -> None:
    # m + n + min(m, n) >= 2 ** 15: four-byte fields.
    rng = random.Random(7)
    ids = "".join(rng.choice("abc") for _ in range(33_000))
    for claim in ("a", "cab", "bbcc"):
        for prefer_late in (False, True):
            check(ids, claim, 0, len(ids), prefer_late)
