"""House style: which differences between a quote's run of words and the source's leave them the same words."""

from __future__ import annotations

import pytest

from verify.match.style import Difference, difference


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        pytest.param("the colour", "the colour", Difference.NONE, id="same words"),
        pytest.param("floor boards", "floorboards", Difference.NONE, id="a word split"),
        pytest.param("colour", "color", Difference.STYLE, id="uk and us spelling"),
        pytest.param("2.5 bn", "2.5 billion", Difference.STYLE, id="a scale abbreviated"),
        pytest.param("forty two", "42", Difference.STYLE, id="a number in words"),
        pytest.param("can not", "cannot", Difference.NONE, id="cannot is can not run together"),
        pytest.param("cannot colour", "can not color", Difference.CONTRACTION, id="cannot and a spelling"),
        pytest.param("can't", "can not", Difference.CONTRACTION, id="a contraction made"),
        pytest.param("it is", "it's", Difference.CONTRACTION, id="it's for it is"),
        pytest.param("we are", "we're", Difference.CONTRACTION, id="we're for we are"),
        pytest.param("its", "it is", None, id="its is not it is"),
        pytest.param("the bus's", "the bus is", None, id="a possessive is not is"),
        pytest.param("can", "cannot", None, id="a negation dropped"),
        pytest.param("the colour", "the shape", None, id="another word"),
        pytest.param("2.5 bn", "2.5 million", None, id="another figure"),
    ],
)
def test_how_two_runs_differ(claim: str, source: str, expected: Difference | None) -> None:
    assert difference(claim.split(), source.split()) is expected
    assert difference(claim.split(), source.split()) is expected  # the second time from the cache
