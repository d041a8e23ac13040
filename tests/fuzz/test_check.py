"""verify.check offline, against local text sources written for each example: a sound report in every format."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verify
from tests.fuzz.properties import assert_report_is_sound
from tests.fuzz.strategies import drafts, news_text
from verify.report import FORMATS

_numbers = itertools.count()
SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-check")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # a lone surrogate stays, as bad bytes
    return path


@given(
    draft=drafts,
    fmt=st.sampled_from(["text", "markdown", "html"]),
    by_path=st.booleans(),
    sources=st.lists(news_text(max_pieces=12), min_size=1, max_size=3),
)
def test_offline_check_gives_a_sound_report(workdir: Path, draft: str, fmt: str, by_path: bool,
                                            sources: list[str]) -> None:  # fmt: skip
    n = next(_numbers)
    folder = workdir / str(n)
    folder.mkdir()
    # Sources quote the draft now and then, so that some claims are found and get evidence.
    paths = [str(_write(folder, f"s{i}.txt", text + " " + draft[: 40 * i])) for i, text in enumerate(sources)]
    options = verify.Options(offline=True, cache_dir=workdir / "cache")
    try:
        if by_path:
            report = verify.check(path=_write(folder, "draft" + SUFFIXES[fmt], draft), sources=paths, options=options)
        else:
            report = verify.check(text=draft, sources=paths, options=options)
    except verify.VerifyError:
        return  # documented: an unreadable draft (bad bytes no encoding explains) is an InputError
    assert_report_is_sound(report)
    for fmt_out in FORMATS:
        verify.render(report, fmt_out).encode("utf-8")
