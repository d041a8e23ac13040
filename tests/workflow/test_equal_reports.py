"""The command line, the library and the service give equal reports for equal inputs: sources with
their outlets, editor decisions and a baseline (which the service only uses to say what changed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

import verify
from tests.helpers import QUOTE, source_server
from verify.decisions import decisions_from_tables
from verify.service import create_app

DRAFT = (
    f"“{QUOTE},” Ana Reyes told the Ferry Times.\n\n"
    "“The council never asked the fishermen,” said Tom Brack.\n"
)
DECISION = {"claim": "The council never asked the fishermen", "verdict": "confirmed", "by": "Desk"}


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    """A report without what differs by when and where it ran, and how its sources were named
    (a sources file on the command line, arguments in Python and JSON)."""
    report = json.loads(json.dumps(report))
    report.pop("generated_at", None)
    report["article"]["path"] = None
    for source in report["sources"]:
        for key in ("fetched_at", "from_cache", "snapshot", "origin"):
            source.pop(key, None)
    if "baseline" in report:
        report["baseline"]["path"] = None
    return report


def test_cli_library_and_service_agree(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with source_server() as url:
        source = {"url": url, "outlet": "The Ferry Times", "aliases": ["the Ferry Times"]}
        options = verify.Options(allow_private=True, cache_dir=tmp_path / "library")
        ref = verify.SourceRef(url=url, path=None, outlet=source["outlet"], aliases=tuple(source["aliases"]))
        first = verify.check(text=DRAFT, sources=[ref], options=options)
        library = verify.check(
            text=DRAFT, sources=[ref], decisions=decisions_from_tables([DECISION], "decisions"), options=options
        )
        from verify.baseline import compare_with_baseline

        library = compare_with_baseline(library, first, None)

        draft = tmp_path / "pier.txt"  # plain text, as the library and the service read a text
        draft.write_text(DRAFT)
        (tmp_path / "pier.sources.toml").write_text(
            f'[[source]]\nurl = "{url}"\noutlet = "The Ferry Times"\naliases = ["the Ferry Times"]\n'
        )
        (tmp_path / "pier.verify.toml").write_text(
            '[[decision]]\nclaim = "The council never asked the fishermen"\nverdict = "confirmed"\nby = "Desk"\n'
        )
        baseline = tmp_path / "first.json"
        baseline.write_text(first.to_json())
        cli = run_cli("check", str(draft), "--allow-private", "--format", "json", "--baseline", str(baseline),
                      "--cache-dir", str(tmp_path / "cli"), "--fail-on", "never")  # fmt: skip
        assert cli.returncode == 0, cli.stderr

        with TestClient(create_app(allow_private=True, cache_dir=tmp_path / "service")) as client:
            answer = client.post(
                "/v1/check",
                json={"text": DRAFT, "sources": [source], "decisions": [DECISION], "baseline": first.to_dict()},
            )
        assert answer.status_code == 200, answer.text

    expected = _comparable(library.to_dict())
    assert expected["claims"][0]["outlet"] == "the Ferry Times" and expected["claims"][0]["verdict"] == "confirmed"
    assert expected["claims"][0]["flags"] == []  # the outlet the draft names is the source's, under its alias
    assert expected["claims"][1]["decision"] is not None
    from_cli = _comparable(json.loads(cli.stdout))
    for key in expected:
        assert from_cli[key] == expected[key], key
    assert _comparable(answer.json()) == expected
