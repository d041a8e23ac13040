"""The HTML report, read back with an HTML parser: structure, links, escaping, self-containment."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re

import pytest
from bs4 import BeautifulSoup, Tag

from tests.reports import DRAFT, HOSTILE, HOSTILE_SPEAKER, HOSTILE_URL, empty_report, result_by_id, sample_report
from verify.model import ArticleInfo
from verify.report import render, view


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    return BeautifulSoup(render(sample_report(), "html"), "lxml")


@pytest.fixture(scope="module")
def html() -> str:
    return render(sample_report(), "html")


def _card(page: BeautifulSoup, claim_id: str) -> Tag:
    card = page.find(id=f"card-{claim_id}")
    assert isinstance(card, Tag), claim_id
    return card


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


# -- the draft and its highlights -------------------------------------------------


def test_draft_text_survives_highlighting_character_for_character(html: str) -> None:
    draft = BeautifulSoup(html, "lxml").find(id="draft")  # a copy of its own: chips are removed below
    assert isinstance(draft, Tag)
    for chip in draft.select("a.chip"):
        chip.decompose()
    assert draft.get_text() == DRAFT


@pytest.mark.parametrize("claim_id", [r.claim.id for r in sample_report().results])
def test_each_claim_is_highlighted_over_exactly_its_parts(page: BeautifulSoup, claim_id: str) -> None:
    claim = result_by_id(sample_report(), claim_id).claim
    marks = page.select(f'#draft mark[data-claim="{claim_id}"]')
    highlighted = "".join(m.get_text() for m in marks if not m.find_parent("a"))
    # chips sit outside marks, so the marks hold only draft characters
    assert highlighted == "".join(DRAFT[p.start : p.end] for p in claim.parts)


@pytest.mark.parametrize(
    "claim_id, category, paint, label",
    [
        ("C1", "paraphrased", "paraphrased", "≈"),  # supported, no problem
        ("C2", "confirmed", "confirmed", "✓"),
        ("C3", "paraphrased", "altered", "≈"),
        ("C4", "unverified", "confirmed", "✓"),  # an editor confirmed it
        ("C5", "term", "term", "·"),
        ("C6", "unverified", "unavailable", "⊘"),
        ("C7", "paraphrased", "look", "⚑"),  # supported, but a number differs
        ("C8", "paraphrased", "altered", "≈"),  # altered outranks its speaker flag
    ],
)
def test_highlight_has_verdict_and_paint_classes_and_a_text_label(
    page: BeautifulSoup, claim_id: str, category: str, paint: str, label: str
) -> None:
    chip = page.find(id=f"hl-{claim_id}")
    assert isinstance(chip, Tag)
    assert f"v-{category}" in chip["class"] and f"s-{paint}" in chip["class"]
    assert chip.get_text().startswith(label) and claim_id in chip.get_text()
    marks = page.select(f'#draft mark[data-claim="{claim_id}"]')
    assert marks and all({f"v-{category}", f"s-{paint}"} <= set(m["class"]) for m in marks)


def test_partial_quote_nests_inside_the_reported_statement(page: BeautifulSoup) -> None:
    inner = page.select('#draft mark[data-claim="C2"]')
    assert len(inner) == 1
    assert inner[0].parent.name == "mark" and inner[0].parent["data-claim"] == "C1"


def test_multi_paragraph_claim_marks_each_part_and_links_the_later_one(page: BeautifulSoup) -> None:
    assert len(page.select('#draft mark[data-claim="C6"]')) == 2
    later = page.find(id="hl-C6-2")
    assert isinstance(later, Tag) and later["href"] == "#card-C6"


def test_highlights_and_cards_link_both_ways(page: BeautifulSoup) -> None:
    ids = {tag["id"] for tag in page.find_all(id=True)}
    for link in page.select('a[href^="#"]'):
        assert link["href"][1:] in ids, link["href"]
    for r in sample_report().results:
        assert page.select_one(f'#hl-{r.claim.id}[href="#card-{r.claim.id}"]')
        assert page.select_one(f'#card-{r.claim.id} a.jump[href="#hl-{r.claim.id}"]')


# -- the summary, sources and cards --------------------------------------------------


@pytest.mark.parametrize("category, count", [("confirmed", 1), ("paraphrased", 4), ("unverified", 2), ("term", 1)])
def test_tallies_count_each_verdict(page: BeautifulSoup, category: str, count: int) -> None:
    tally = page.select_one(f".tally.v-{category} .tally-n")
    assert tally is not None and tally.get_text() == str(count)


@pytest.mark.parametrize(
    "source_id, expected",
    [
        ("S1", ["Ellery Gazette", "ok", "HTTP 200", "2026-11-20T09:14:03Z", "3f1c9a7be2d0"]),
        ("S1", ["also the Gazette", "→ https://www.ellery-gazette.example/news/2026/11/pier-vote"]),
        ("S2", ["from cache", "application/pdf"]),
        ("S3", ["timed out", "no answer within 20 s, 3 attempts"]),
    ],
)
def test_sources_show_status_error_cache_and_time(page: BeautifulSoup, source_id: str, expected: list) -> None:
    row = page.find(id=view.source_anchor(source_id))
    assert isinstance(row, Tag)
    for fact in expected:
        assert fact in _text(row)


@pytest.mark.parametrize(
    "claim_id, expected",
    [
        ("C3", ["paraphrased", "words altered", "score 88", "the mayor, Ines Morrow", "told", "the Ellery Gazette"]),
        ("C3", ["changed", "planks that are rotting beneath them", "fetched 2026-11-20T09:14:03Z", "3f1c9a7be2d0"]),
        ("C4", ["unverified", "Ines Morrow (from “She”)", "Editor’s ruling", "confirmed", "R. Osei"]),
        ("C6", ["unverified", "its sources could not be read", "2 parts", "Tom Brack"]),
        ("C7", ["number differs", "new"]),
        ("C5", ["term", "death sentence"]),
    ],
)
def test_card_shows_attribution_verdict_and_evidence(page: BeautifulSoup, claim_id: str, expected: list) -> None:
    text = _text(_card(page, claim_id))
    for fact in expected:
        assert fact in text


def test_word_diff_strikes_deleted_and_marks_inserted_words(page: BeautifulSoup) -> None:
    diff = _card(page, "C3").select_one(".diff")
    assert diff is not None
    assert [d.get_text() for d in diff.find_all("del")] == ["boards", "under"]
    assert [i.get_text() for i in diff.find_all("ins")] == ["planks", "beneath"]


def test_confirmed_claim_has_no_diff_block(page: BeautifulSoup) -> None:
    assert _card(page, "C2").select_one(".diff") is None


def test_term_has_no_verdict_evidence(page: BeautifulSoup) -> None:
    card = _card(page, "C5")
    assert "v-term" in card["class"] and card.select_one(".evidence") is None


def test_baseline_lists_new_faults_with_links(page: BeautifulSoup) -> None:
    section = page.select_one(".baseline")
    assert section is not None
    assert section.select_one('a[href="#card-C7"]') is not None
    assert "discuss the harbour front" in _text(section)


def test_filters_one_per_category_and_one_for_what_needs_a_look(page: BeautifulSoup) -> None:
    boxes = page.select(".toolbar input[type=checkbox]")
    assert [b["id"] for b in boxes] == [*(f"show-{c}" for c in view.CATEGORIES), "only-look"]
    assert [b.has_attr("checked") for b in boxes] == [True] * len(view.CATEGORIES) + [False]
    assert "only what needs a look 4" in _text(page.select_one("label.filter-look"))


# -- untrusted text -------------------------------------------------------------------


def test_hostile_text_stays_text(page: BeautifulSoup, html: str) -> None:
    assert len(page.find_all("script")) == 1  # the page's own
    assert page.find_all("img") == []
    assert page.select("#draft b, .card b, .sources b, #draft i, .card u") == []
    assert not any(attr.startswith("on") for tag in page.find_all(True) for attr in tag.attrs)
    assert "49" not in _text(_card(page, "C8")) and "{{ 7 * 7 }}" in _text(_card(page, "C8"))
    card = _text(_card(page, "C8"))
    assert " ".join(HOSTILE.split()) in card
    assert " ".join(HOSTILE_SPEAKER.split()) in card
    assert "<script>window.pwned" not in html.replace("<script>{{", "")


@pytest.mark.parametrize("attribute", ["href", "src", "action", "formaction", "srcdoc"])
def test_no_javascript_or_external_resource_in_attributes(page: BeautifulSoup, attribute: str) -> None:
    for tag in page.find_all(attrs={attribute: True}):
        value = tag[attribute]
        assert attribute == "href", f"unexpected {attribute} on <{tag.name}>"
        assert value.startswith(("#", "https://", "http://")), value
    assert HOSTILE_URL in _text(page)  # shown, as text
    assert page.select(f'a[href="{HOSTILE_URL}"]') == []


def test_self_contained_with_a_csp_pinning_the_inline_style_and_script(page: BeautifulSoup) -> None:
    assert page.find("link") is None
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert isinstance(csp, Tag)
    policy = csp["content"]
    assert "default-src 'none'" in policy

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    script, style = page.find("script"), page.find("style")
    assert isinstance(script, Tag) and isinstance(style, Tag)
    assert f"'sha256-{digest(script.string or '')}'" in policy
    assert f"'sha256-{digest(style.string or '')}'" in policy


def test_stylesheet_has_print_rules_and_pure_css_filters(page: BeautifulSoup) -> None:
    css = page.find("style").string or ""
    assert "@media print" in css
    assert re.search(r"#show-unverified:not\(:checked\)\) \.card\.v-unverified", css)
    assert re.search(r"#only-look:checked\) \.card:not\(\.look\)", css)


def test_report_without_draft_text_says_so() -> None:
    report = dataclasses.replace(sample_report(), article=ArticleInfo(path="x.md", sha256="0" * 64))
    page = BeautifulSoup(render(report, "html"), "lxml")
    assert page.find(id="draft") is None
    assert "does not carry the draft text" in _text(page)
    assert page.select("a.jump") == []  # nothing in the draft to jump to
    assert len(page.select(".card")) == len(report.results)


def test_empty_report_renders_plainly() -> None:
    page = BeautifulSoup(render(empty_report(), "html"), "lxml")
    text = _text(page)
    assert "No sources were given" in text and "No quotes or attributed statements" in text
