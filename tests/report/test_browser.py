"""The HTML report in real headless Chromium (Debian's package), driven by Playwright.

Skipped with a reason when /usr/bin/chromium is missing, except under CI (the
``CI`` environment variable set), where a missing browser is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers import chromium
from tests.reports import HOSTILE, sample_report
from verify.report import render

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CLAIM_IDS = [r.claim.id for r in sample_report().results]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(sample_report(), "html"), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Opened:
    """A page showing the report, with every request it made."""

    page: Page
    requests: list[str]


def _open(browser: Browser, url: str, *, javascript: bool = True) -> Opened:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    return Opened(page, requests)


@pytest.fixture
def opened(browser: Browser, report_file: Path) -> Iterator[Opened]:
    """A fresh page, for tests that click, filter or navigate."""
    view = _open(browser, report_file.as_uri())
    yield view
    view.page.context.close()


@pytest.fixture(scope="module")
def shared(browser: Browser, report_file: Path) -> Iterator[Opened]:
    """One page for the tests that only look (opening a page costs about half a second)."""
    view = _open(browser, report_file.as_uri())
    yield view
    view.page.context.close()


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_every_claim_and_its_verdict_is_visible(shared: Opened, claim_id: str) -> None:
    page = shared.page
    assert page.locator(f"#card-{claim_id}").is_visible()
    assert page.locator(f"#card-{claim_id} .card-head .verdict").is_visible()
    assert page.locator(f"#hl-{claim_id}").is_visible()


@pytest.mark.parametrize("category", ["confirmed", "paraphrased", "unverified", "term"])
def test_filter_hides_cards_and_dims_highlights_then_shows_them_again(opened: Opened, category: str) -> None:
    page = opened.page
    cards = page.locator(f".card.v-{category}")
    others = page.locator(f".card:not(.v-{category})")
    mark = page.locator(f"#draft mark.v-{category}").first
    lit = mark.evaluate("m => getComputedStyle(m).backgroundColor")

    page.locator(f"label.filter.v-{category}").click()
    assert not page.locator(f"#show-{category}").is_checked()
    assert all(not cards.nth(i).is_visible() for i in range(cards.count()))
    assert all(others.nth(i).is_visible() for i in range(others.count()))
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != lit or category == "term"
    assert float(page.locator(f"#draft a.chip.v-{category}").first.evaluate("c => getComputedStyle(c).opacity")) < 1
    assert page.locator("#shown").inner_text() == f"showing {others.count()} of {len(CLAIM_IDS)} claims"

    page.locator(f"label.filter.v-{category}").click()
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert page.locator("#shown").inner_text() == ""


def test_filters_work_with_javascript_off(browser: Browser, report_file: Path) -> None:
    view = _open(browser, report_file.as_uri(), javascript=False)
    try:
        page = view.page
        assert page.locator("#card-C8").is_visible() and page.locator("#draft").is_visible()
        page.locator("label.filter.v-paraphrased").click()
        assert not page.locator("#card-C3").is_visible()
        assert page.locator("#card-C2").is_visible()
    finally:
        view.page.context.close()


@pytest.mark.parametrize(
    "start, click, lands_on",
    [
        ("#draft", "#hl-C3", "#card-C3"),
        ("#card-C3", "#card-C3 a.jump", "#hl-C3"),
        ("#draft", "#hl-C6-2", "#card-C6"),
        ("#card-C1", "#card-C1 a.src-id", "#src-S2"),
    ],
)
def test_links_between_draft_and_cards(opened: Opened, start: str, click: str, lands_on: str) -> None:
    page = opened.page
    page.locator(start).scroll_into_view_if_needed()
    page.locator(click).click()
    assert page.evaluate("location.hash") == lands_on
    assert page.locator(lands_on).is_visible()
    assert page.locator(lands_on).evaluate("e => e.matches(':target')")


def test_hostile_markup_in_draft_and_sources_does_not_run(shared: Opened) -> None:
    page = shared.page
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() == "Quote check: pier-vote.md"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert HOSTILE in page.locator("#draft").inner_text()


def test_the_hostile_probe_would_notice_markup_that_ran(browser: Browser) -> None:
    """Control for the test above: the same markup, unescaped in a bare page, does run."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(f"<title>report</title><body>{HOSTILE}</body>")
        page.wait_for_function("window.pwned === 2")
        assert page.title() == "owned"
    finally:
        context.close()


def test_the_page_makes_no_network_request(opened: Opened, report_file: Path) -> None:
    page = opened.page
    page.locator("label.filter.v-confirmed").click()
    page.locator("#hl-C3").click()
    page.wait_for_load_state("networkidle")
    assert opened.requests == [report_file.as_uri()]


def test_print_shows_every_card_and_hides_the_toolbar(opened: Opened) -> None:
    page = opened.page
    page.locator("label.filter.v-unverified").click()
    page.emulate_media(media="print")
    assert not page.locator(".toolbar").is_visible()
    assert page.locator("#card-C4").is_visible()


def test_screenshot_for_people(shared: Opened) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "report.png"
    page = shared.page
    # Tall enough that the draft column (sticky, one screen high) shows the whole draft.
    page.set_viewport_size({"width": 1280, "height": 2000})
    try:
        page.screenshot(path=str(target), full_page=True)
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})
    assert target.stat().st_size > 10_000


NEEDS_A_LOOK = [r.claim.id for r in sample_report().results if r.needs_a_look]


@pytest.mark.parametrize("javascript", [True, False])
def test_needs_a_look_filter_keeps_only_those_claims(browser: Browser, report_file: Path, javascript: bool) -> None:
    view = _open(browser, report_file.as_uri(), javascript=javascript)
    try:
        page = view.page
        calm = page.locator('#draft mark[data-claim="C2"]')
        lit = calm.evaluate("m => getComputedStyle(m).backgroundColor")
        page.locator("label.filter-look").click()
        assert page.locator("#only-look").is_checked()
        assert NEEDS_A_LOOK and len(NEEDS_A_LOOK) < len(CLAIM_IDS)
        for claim_id in CLAIM_IDS:
            assert page.locator(f"#card-{claim_id}").is_visible() is (claim_id in NEEDS_A_LOOK), claim_id
        assert calm.evaluate("m => getComputedStyle(m).backgroundColor") != lit
        if javascript:
            assert page.locator("#shown").inner_text() == f"showing {len(NEEDS_A_LOOK)} of {len(CLAIM_IDS)} claims"
        page.locator("label.filter-look").click()
        assert all(page.locator(f"#card-{claim_id}").is_visible() for claim_id in CLAIM_IDS)
    finally:
        view.page.context.close()
