"""``verify check --discover`` on a simulated web: the right pages found and checked, the dead one
read from the archive, the teaser and the copy of the draft never trusted, and every report
saying how each source was found; a re-check on the same cache sends no query."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

import verify.discover.setup
from tests.discover.apis import ApiEmulator, FakeClock
from tests.discover.world import build, draft_text
from verify.cli import main
from verify.discover.types import SystemClock
from verify.model import Report, SourceStatus, Verdict

pytestmark = pytest.mark.network

TODAY = date.today()


async def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]  # every fictional host lives on the emulator


@dataclass
class Story:
    apis: ApiEmulator
    right: dict[str, str]
    draft: Path
    cache: Path


@pytest.fixture
def story(apis: ApiEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Story]:
    _, right = build(apis, TODAY)
    draft = tmp_path / "pier.md"
    draft.write_text(draft_text(TODAY - timedelta(days=12)), encoding="utf-8")
    clock = FakeClock()  # rate limits wait on it: the test takes no real waiting time
    monkeypatch.setattr(SystemClock, "monotonic", lambda self: clock.monotonic())
    monkeypatch.setattr(SystemClock, "sleep", lambda self, seconds: clock.sleep(seconds))
    monkeypatch.setattr("verify.sources.netpolicy.system_resolver", loopback)
    for name in ("VERIFY_BRAVE_API_KEY", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    for api, variable in (("searxng", "VERIFY_SEARXNG_URL"), ("gdelt", "VERIFY_GDELT_URL"),
                          ("wayback", "VERIFY_WAYBACK_URL"), ("wikidata", "VERIFY_WIKIDATA_URL")):  # fmt: skip
        monkeypatch.setenv(variable, apis.base_url(api))
    yield Story(apis, right, draft, tmp_path / "cache")


def check(story: Story, *flags: str, fmt: str = "json", capsys: pytest.CaptureFixture[str]) -> str:
    main(["check", str(story.draft), "--cache-dir", str(story.cache), "--allow-private", "--quiet",
          "--fail-on", "never", "--format", fmt, *flags])  # fmt: skip
    return capsys.readouterr().out


def by_speaker(report: Report, surname: str) -> tuple[str, str | None]:
    """The verdict of the claim by ``surname`` and the URL of the source behind it."""
    (result,) = [r for r in report.checkable if r.claim.speaker and surname in (r.claim.speaker.name or "")]
    source = report.source(result.evidence.source) if result.evidence else None
    where = None if source is None else (source.archive.original_url if source.archive else source.url)
    return (result.verdict.value if result.verdict else "-"), where


def test_without_discover_nothing_is_sent_and_no_service_is_built(
    story: Story, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a search service was built without --discover")

    monkeypatch.setattr(verify.discover.setup, "build_services", refuse)
    report = Report.from_json(check(story, capsys=capsys))
    assert story.apis.requests == [] and story.apis.page_hits == []
    assert report.discovery is None and report.sources == ()
    assert {r.reason.value for r in report.checkable if r.reason} == {"no_source"}


def test_discovery_finds_and_checks_the_pages_the_draft_names(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    report = Report.from_json(check(story, "--discover", capsys=capsys))
    right = story.right
    assert by_speaker(report, "Varga") == ("confirmed", right["Varga"])
    assert by_speaker(report, "Brenner") == ("confirmed", right["Brenner"])  # through the archive
    assert by_speaker(report, "Koskinen") == ("confirmed", right["Koskinen"])
    assert by_speaker(report, "Dahl") == ("confirmed", right["Dahl"])  # not the forum that credits Laine
    assert "townforum.example/threads/old-pier-memories" in story.apis.page_hits  # read, and not trusted
    holt = next(r for r in report.checkable if r.claim.speaker and "Holt" in (r.claim.speaker.name or ""))
    assert holt.verdict is not Verdict.CONFIRMED
    assert any("teaser" in note and "url and path" in note and right["Holt"] in note for note in holt.notes)

    by_url = {s.archive.original_url if s.archive else s.url: s for s in report.sources}
    assert by_url[right["Holt"]].status is SourceStatus.RESTRICTED
    copies = [s for s in report.sources if s.copy_of_draft]
    assert [s.url for s in copies] == [story.apis.site_url("newsdigest.example", "/2026/saltmere-pier-to-close")]
    assert all(r.evidence is None or r.evidence.source != copies[0].id for r in report.results)
    archived = by_url[right["Brenner"]]
    assert archived.archive is not None and archived.archive.url.startswith(story.apis.base_url("wayback") + "/web/")
    assert archived.archive.timestamp == (TODAY - timedelta(days=13)).strftime("%Y%m%d") + "143000"
    for source in report.sources:
        assert source.origin == "discovered" and source.discovery is not None
        assert source.discovery.backend in ("searxng", "gdelt") and source.discovery.rank >= 1
        assert report.results[int(source.discovery.claim[1:]) - 1].claim.id == source.discovery.claim
    assert report.discovery is not None and report.discovery.note is None  # a general web search ran
    assert "searxng" in report.discovery.backends and report.discovery.queries > 0


def test_a_re_check_on_the_same_cache_sends_no_query(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    first = json.loads(check(story, "--discover", capsys=capsys))
    asked = len(story.apis.requests)
    second = json.loads(check(story, "--discover", capsys=capsys))
    assert asked > 0 and len(story.apis.requests) == asked
    assert second["discovery"]["queries"] == 0 and first["discovery"]["queries"] > 0
    assert [c["verdict"] for c in second["claims"]] == [c["verdict"] for c in first["claims"]]
    offline = json.loads(check(story, "--discover", "--offline", capsys=capsys))
    assert len(story.apis.requests) == asked and offline["discovery"]["note"].startswith("offline")
    assert [c["verdict"] for c in offline["claims"]] == [c["verdict"] for c in first["claims"]]


def test_the_desk_archive_is_searched_first(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    check(story, "--discover", capsys=capsys)
    shutil.rmtree(story.cache / "answers")  # no cached answers: only the desk archive can save a query
    asked = len(story.apis.seen("searxng"))
    report = Report.from_json(check(story, "--discover", capsys=capsys))
    assert by_speaker(report, "Varga") == ("confirmed", story.right["Varga"])
    varga = next(s for s in report.sources if s.url == story.right["Varga"])
    assert varga.discovery is not None and varga.discovery.backend == "archive"
    assert report.discovery is not None
    assert report.discovery.backends.index("archive") < report.discovery.backends.index("searxng")
    assert len(story.apis.seen("searxng")) - asked < asked  # the archive settled claims the web was asked for before


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        pytest.param("text", ("found by searxng for C", "Wayback Machine's copy of", "a copy of this draft",
                              "teaser only", "Searched with"), id="text"),
        pytest.param("markdown", ("found by searxng for C", "Wayback Machine's copy of", "a copy of this draft",
                                  "teaser only", "Searched with"), id="markdown"),
        pytest.param("html", ("found by searxng for C", "Wayback Machine's copy of", "a copy of this draft",
                              "teaser only", "Searched with"), id="html"),
    ],
)  # fmt: skip
def test_every_report_says_how_each_source_was_found(
    story: Story, capsys: pytest.CaptureFixture[str], fmt: str, expected: tuple[str, ...]
) -> None:
    shown = check(story, "--discover", fmt=fmt, capsys=capsys).replace("&#39;", "'").replace("’", "'")
    for words in expected:
        assert words in shown, words


def test_a_failing_service_is_named_and_the_check_goes_on(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    story.apis.web.searxng_formats = frozenset({"html"})  # JSON output switched off: every search is a 403
    report = Report.from_json(check(story, "--discover", capsys=capsys))
    assert report.discovery is not None
    (failure,) = [f for f in report.discovery.failures if f.backend == "searxng"]
    assert "search.formats" in failure.reason and "\n" not in failure.reason
    assert by_speaker(report, "Varga")[0] == "confirmed"  # GDELT still found the Gazette's page


def test_archive_fallback_alone_reads_a_dead_link_the_user_gave(
    story: Story, capsys: pytest.CaptureFixture[str]
) -> None:
    (story.draft.parent / "pier.sources.toml").write_text(
        f'[[source]]\nurl = "{story.right["Brenner"]}"\noutlet = "Saltmere Fishers\' Guild"\n', encoding="utf-8"
    )
    report = Report.from_json(check(story, "--archive-fallback", capsys=capsys))
    assert {s.api for s in story.apis.requests} == {"wayback"}  # only the archive, and only the URL
    assert all(s.param("url") in (None, story.right["Brenner"]) or s.path.startswith("/web/")
               for s in story.apis.requests)  # fmt: skip
    (source,) = report.sources
    assert source.origin == "sources_file" and source.discovery is None and source.archive is not None
    assert source.url == story.right["Brenner"] and source.status is SourceStatus.OK
    assert by_speaker(report, "Brenner") == ("confirmed", story.right["Brenner"])
    assert report.discovery is not None and report.discovery.backends == ("wayback",)


def test_a_search_result_stays_under_the_address_policy(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(story.draft), "--cache-dir", str(story.cache), "--quiet", "--fail-on", "never",
          "--format", "json", "--discover"])  # fmt: skip
    report = Report.from_json(capsys.readouterr().out)
    assert story.apis.page_hits == []  # every page resolves to 127.0.0.1: refused without --allow-private
    assert all(r.verdict is not Verdict.CONFIRMED for r in report.checkable)
    assert story.apis.seen("searxng")  # the configured service itself is trusted


@pytest.mark.parametrize(
    ("flags", "until"),
    [
        pytest.param((), TODAY - timedelta(days=12), id="the front matter's date"),
        pytest.param(("--date", (TODAY - timedelta(days=40)).isoformat()), TODAY - timedelta(days=40), id="--date"),
    ],
)
def test_the_draft_date_bounds_the_search(
    story: Story,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flags: tuple[str, ...],
    until: date,
) -> None:
    monkeypatch.delenv("VERIFY_SEARXNG_URL")  # the keyless services alone
    report = Report.from_json(check(story, "--discover", "--queries-per-run", "1", *flags, capsys=capsys))
    (search,) = story.apis.seen("gdelt")  # one query in the run: GDELT's asks for a window ending at the date
    assert search.param("enddatetime") == (until + timedelta(days=1)).strftime("%Y%m%d") + "235959"
    assert report.discovery is not None and report.discovery.note is not None
    assert report.discovery.note.startswith("only recent news (GDELT) and archives were searched")


def test_brave_in_place_of_searxng_and_its_key_never_shows(
    story: Story, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VERIFY_SEARXNG_URL")
    monkeypatch.setenv("VERIFY_BRAVE_API_KEY", story.apis.web.brave_key)
    monkeypatch.setenv("VERIFY_BRAVE_URL", story.apis.base_url("brave"))
    shown = {fmt: check(story, "--discover", fmt=fmt, capsys=capsys) for fmt in ("json", "text", "markdown", "html")}
    report = Report.from_json(shown["json"])
    assert by_speaker(report, "Varga") == ("confirmed", story.right["Varga"])
    assert report.discovery is not None and report.discovery.backends[:3] == ("wikidata", "archive", "brave")
    assert report.discovery.note is None  # Brave is a general web search
    assert all(s.headers.get("x-subscription-token") == story.apis.web.brave_key for s in story.apis.seen("brave"))
    assert not any(story.apis.web.brave_key in text for text in shown.values())


def test_a_wrong_brave_key_is_one_line_and_never_shown(
    story: Story, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "not-the-key-0000"
    monkeypatch.setenv("VERIFY_BRAVE_API_KEY", wrong)
    monkeypatch.setenv("VERIFY_BRAVE_URL", story.apis.base_url("brave"))
    out = check(story, "--discover", capsys=capsys)
    report = Report.from_json(out)
    assert report.discovery is not None
    (failure,) = [f for f in report.discovery.failures if f.backend == "brave"]
    assert "VERIFY_BRAVE_API_KEY" in failure.reason and wrong not in out
    assert by_speaker(report, "Varga")[0] == "confirmed"  # SearXNG still searched
