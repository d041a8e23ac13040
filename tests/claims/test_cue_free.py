"""Skipping sentences without a cue word changes no claim.

``find_reported`` passes over a sentence that holds none of the words its rules need
(``_TRIGGERS``). The rows here are every sentence the claims tests know: the table rows of
``tests/claims/test_reported_*.py`` and the marked articles. A rule that fires on a word
missing from ``_TRIGGERS`` makes these rows fail.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import verify.claims.reported as reported
from tests.helpers import claims_of, load_bench_module

HERE = Path(__file__).parent


def _texts() -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for path in sorted(HERE.glob("test_reported_*.py")):
        module = importlib.import_module(f"tests.claims.{path.stem}")
        for row in getattr(module, "ROWS", ()):
            texts.append((f"{path.stem}:{row[0]}", row[1]))
    scoring = load_bench_module("eval_articles")
    for path in sorted((HERE / "articles").glob("*.md")):
        texts.append((path.name, scoring.read_marked(path.read_text(encoding="utf-8")).text))
    return texts


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[name for name, _ in _texts()])
def test_skipping_cue_free_sentences_changes_no_claim(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    skipping = claims_of(text)
    monkeypatch.setattr(reported, "SKIP_SENTENCES_WITHOUT_A_CUE", False)
    assert claims_of(text) == skipping
