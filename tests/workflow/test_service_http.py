"""The HTTP service through Starlette's TestClient: validation, limits, formats, the form.

Most tests replace ``verify.service.run_check`` (the blocking pipeline) with a recorder,
so they test what the service does around a check; the last tests run the real pipeline
against a page served from 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette's note about a future httpx; not ours to act on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from tests import helpers
from tests.helpers import source_server
from tests.reports import report_of, result
from verify import service
from verify.baseline import claim_key
from verify.errors import InputError
from verify.model import Report
from verify.service import CheckRequest, ServiceSettings, create_app

DRAFT = "“We will not rest until the pier reopens,” said Ana Reyes, who runs the ferry café."


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[CheckRequest]:
    """Every request that reached the pipeline; the fake pipeline quotes the draft back as one claim."""
    seen: list[CheckRequest] = []

    def fake_check(request: CheckRequest, settings: ServiceSettings) -> Report:
        seen.append(request)
        return report_of([result(request.text[:40], "confirmed")])

    monkeypatch.setattr(service, "run_check", fake_check)
    return seen


@pytest.fixture
def client(calls: list[CheckRequest]) -> Iterator[TestClient]:
    with TestClient(create_app(max_body_bytes=4096)) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(b"{not json", "not valid JSON", id="broken JSON"),
        pytest.param(b"\xff\xfe", "not valid JSON", id="not UTF-8"),
        pytest.param(b"[]", "JSON object", id="array"),
        pytest.param(b"{}", "'text'", id="no text"),
        pytest.param(b'{"text": "   "}', "'text'", id="blank text"),
        pytest.param(b'{"text": 7}', "'text'", id="text not a string"),
        pytest.param(b'{"text": "x", "sources": "https://a.example"}', "'sources' must be a list", id="sources string"),
        pytest.param(b'{"text": "x", "sources": [1]}', "'sources' must be a list", id="sources not strings"),
        pytest.param(b'{"text": "x", "sources": ["/etc/passwd"]}', "must be an http(s) URL", id="local path"),
        pytest.param(b'{"text": "x", "sources": ["file:///etc/passwd"]}', "must be an http(s) URL", id="file URL"),
        pytest.param(b'{"text": "x", "sources": ["https://a.example/x y"]}', "must be an http(s) URL", id="space"),
        pytest.param(b'{"text": "x", "format": "pdf"}', "'format' must be one of", id="unknown format"),
        pytest.param(b'{"text": "x", "source": ["https://a.example"]}', "unknown field 'source'", id="typo field"),
        pytest.param(
            json.dumps({"text": "x", "sources": [f"https://a.example/{n}" for n in range(51)]}).encode(),
            "too many sources",
            id="too many sources",
        ),  # fmt: skip
    ],
)
def test_bad_request_is_400_with_one_line(client: TestClient, calls: list, body: bytes, message: str) -> None:  # type: ignore[type-arg]
    response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert message in error and "\n" not in error
    assert calls == []  # nothing was fetched or checked


@pytest.mark.parametrize(
    ("fmt", "media_type", "marker"),
    [
        pytest.param(None, "application/json", '"schema": "verify-report/1"', id="default json"),
        pytest.param("json", "application/json", '"schema": "verify-report/1"', id="json"),
        pytest.param("html", "text/html", "<html", id="html"),
        pytest.param("markdown", "text/markdown", "## ", id="markdown"),
        pytest.param("text", "text/plain", "We will not rest", id="text"),
    ],
)
def test_check_answers_the_format_asked_for(client: TestClient, fmt: str | None, media_type: str, marker: str) -> None:
    body = {"text": DRAFT, "sources": ["https://ferry.example/statement"]}
    if fmt is not None:
        body["format"] = fmt
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert marker in response.text
    if media_type == "application/json":
        assert Report.from_json(response.text).results[0].claim.text == DRAFT[:40]


def test_request_reaches_the_pipeline_as_text_and_urls(client: TestClient, calls: list[CheckRequest]) -> None:
    sources = [" https://ferry.example/a ", "", "https://ferry.example/a", "http://ferry.example/b"]
    client.post("/v1/check", json={"text": DRAFT, "sources": sources, "format": "markdown"})
    assert calls == [CheckRequest(DRAFT, ("https://ferry.example/a", "http://ferry.example/b"), "markdown")]


@pytest.mark.parametrize(
    ("headers", "content"),
    [
        pytest.param({"content-length": "5000"}, b"{}", id="declared length over the limit"),
        pytest.param({}, (b'{"text": "' + b"x" * 1000 for _ in range(5)), id="streamed past the limit"),
    ],
)
def test_body_over_limit_is_413(client: TestClient, calls: list, headers: dict, content) -> None:  # type: ignore[no-untyped-def,type-arg]
    response = client.post("/v1/check", content=content, headers={"content-type": "application/json", **headers})
    assert response.status_code == 413
    assert "too large" in response.json()["error"]
    assert calls == []


def test_check_over_time_limit_is_504(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stuck_check(request: CheckRequest, settings: ServiceSettings) -> Report:
        release.wait(timeout=30)  # a source that never answers (the timeout only ends a broken test)
        return report_of([])

    monkeypatch.setattr(service, "run_check", stuck_check)
    with TestClient(create_app(time_limit=0.2)) as client:
        response = client.post("/v1/check", json={"text": DRAFT})
    release.set()
    assert response.status_code == 504
    assert "longer than 0.2 s" in response.json()["error"]


def test_abandoned_check_still_holds_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    finished = threading.Event()

    def check(request: CheckRequest, settings: ServiceSettings) -> Report:
        if request.text == "stuck":
            release.wait(timeout=30)
            finished.set()
        return report_of([result("quick", "confirmed")])

    monkeypatch.setattr(service, "run_check", check)
    with TestClient(create_app(time_limit=0.5, max_checks=1)) as client:
        first = client.post("/v1/check", json={"text": "stuck"}).status_code
        while_stuck = client.post("/v1/check", json={"text": "quick"}).status_code
        release.set()
        finished.wait(timeout=30)
        after = client.post("/v1/check", json={"text": "quick"}).status_code
    assert (first, while_stuck, after) == (504, 504, 200)


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        pytest.param(InputError("draft is binary data, not text"), 400, "draft is binary data", id="verify error"),
        pytest.param(RuntimeError("secret /srv/path detail"), 500, "internal error", id="unexpected error"),
    ],
)
def test_pipeline_errors(monkeypatch: pytest.MonkeyPatch, error: Exception, status: int, message: str) -> None:
    def failing_check(request: CheckRequest, settings: ServiceSettings) -> Report:
        raise error

    monkeypatch.setattr(service, "run_check", failing_check)
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        response = client.post("/v1/check", json={"text": DRAFT})
    assert response.status_code == status
    assert message in response.json()["error"]
    assert "/srv/path" not in response.text  # internals stay in the server log


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


@pytest.mark.parametrize(
    ("host", "status"),
    [
        pytest.param("127.0.0.1:8080", 200, id="loopback address"),
        pytest.param("localhost:8080", 200, id="localhost"),
        pytest.param("rebound.attacker.example", 400, id="another name"),
    ],
)
def test_loopback_service_refuses_other_host_names(calls: list, host: str, status: int) -> None:  # type: ignore[type-arg]
    with TestClient(create_app(allowed_hosts=service.LOOPBACK_HOSTS)) as client:
        response = client.get("/healthz", headers={"host": host})
    assert response.status_code == status


# -- the form ---------------------------------------------------------------------------------


def test_form_page_is_self_contained(client: TestClient) -> None:
    response = client.get("/")
    page = response.text
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert '<form method="post" action="/check">' in page
    assert 'name="text"' in page and 'name="sources"' in page
    assert "<script" not in page and "src=" not in page and "http://" not in page and "https://…" in page
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_form_post_answers_the_html_report(client: TestClient, calls: list[CheckRequest]) -> None:
    sources = "https://ferry.example/a\r\n\r\nhttps://ferry.example/b\r\n"
    response = client.post("/check", data={"text": DRAFT, "sources": sources})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert calls == [CheckRequest(DRAFT, ("https://ferry.example/a", "https://ferry.example/b"), "html")]
    assert "We will not rest" in response.text


@pytest.mark.parametrize(
    ("text", "sources", "message"),
    [
        pytest.param("", "", "paste a draft", id="empty draft"),
        pytest.param("<script>alert(1)</script> said Ana", "/etc/hosts", "must be an http(s) URL", id="path source"),
    ],
)
def test_form_error_shows_the_form_again_escaped(client: TestClient, calls: list, text: str, sources: str,  # type: ignore[type-arg]
                                                 message: str) -> None:  # fmt: skip
    response = client.post("/check", data={"text": text, "sources": sources})
    assert response.status_code == 400
    assert message in response.text and 'name="text"' in response.text
    assert "<script>alert" not in response.text
    if text:
        assert "&lt;script&gt;alert(1)&lt;/script&gt; said Ana" in response.text  # what was pasted, kept
    assert calls == []


# -- the real pipeline ------------------------------------------------------------------------


def test_draft_text_naming_a_server_file_is_only_text(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("“The vault code is 4417,” said the manager.", encoding="utf-8")
    with TestClient(create_app(offline=True, cache_dir=tmp_path / "cache")) as client:
        response = client.post("/v1/check", json={"text": str(secret)})
    assert response.status_code == 200, response.text
    report = Report.from_json(response.text)
    assert report.article.text == str(secret)
    assert "4417" not in response.text


@pytest.mark.network
@pytest.mark.parametrize(
    ("allow_private", "status", "verdict"),
    [
        pytest.param(False, "blocked", "unverified", id="private address refused by default"),
        pytest.param(True, "ok", "confirmed", id="allowed when the server allows it"),
    ],
)
def test_address_policy_is_the_clis(tmp_path: Path, allow_private: bool, status: str, verdict: str) -> None:
    with source_server() as url, TestClient(create_app(allow_private=allow_private, cache_dir=tmp_path)) as client:
        response = client.post("/v1/check", json={"text": helpers.DRAFT, "sources": [url]})
    assert response.status_code == 200, response.text
    report = Report.from_json(response.text)
    assert [s.status.value for s in report.sources] == [status]
    quote = next(r for r in report.results if claim_key(r.claim.text) == claim_key(helpers.QUOTE))
    assert quote.verdict is not None and quote.verdict.value == verdict


def test_links_in_the_draft_count_as_sources(tmp_path: Path) -> None:
    links = "".join(f"[page {n}](https://ferry.example/{n}) " for n in range(service.MAX_SOURCES + 1))
    with TestClient(create_app(offline=True, cache_dir=tmp_path)) as client:
        response = client.post("/v1/check", json={"text": f"Ana Reyes said the pier would reopen. {links}"})
    assert response.status_code == 400
    assert "too many sources" in response.json()["error"]
