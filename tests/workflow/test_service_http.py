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

import anyio
import pytest

with warnings.catch_warnings():  # Starlette's note about a future httpx; not ours to act on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import verify
from tests import helpers
from tests.helpers import source_server
from tests.reports import report_of, result
from verify import service
from verify.baseline import claim_key
from verify.errors import CheckTimeout, InputError
from verify.model import Report, SourceRef
from verify.service import CheckRequest, ServiceSettings, create_app

DRAFT = "“We will not rest until the pier reopens,” said Ana Reyes, who runs the ferry café."


def _refs(*urls: str) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(url=url, path=None, origin="argument") for url in urls)


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
        pytest.param(b'{"text": "x", "sources": [1]}', "source 1 must be a URL or", id="sources not strings"),
        pytest.param(b'{"text": "x", "sources": [{"url": "https://a.example/x", "owner": "A"}]}',
                     "source 1: unknown field 'owner'", id="a source object with an unknown field"),  # fmt: skip
        pytest.param(b'{"text": "x", "sources": [{"url": "https://a.example/x", "aliases": "A"}]}',
                     "'aliases' must be a list", id="aliases not a list"),  # fmt: skip
        pytest.param(b'{"text": "x", "decisions": [{"claim": "x", "verdict": "great", "by": "D"}]}',
                     "decisions: decision 1: 'verdict' must be", id="a decision with an unknown verdict"),  # fmt: skip
        pytest.param(b'{"text": "x", "baseline": [1]}', "'baseline' must be a verify JSON report", id="baseline list"),
        pytest.param(b'{"text": "x", "baseline": {"schema": "x"}}', "'baseline' is not a verify JSON report",
                     id="baseline without its fields"),  # fmt: skip
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
    assert calls == [CheckRequest(DRAFT, _refs("https://ferry.example/a", "http://ferry.example/b"), "markdown")]


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
    assert calls == [CheckRequest(DRAFT, _refs("https://ferry.example/a", "https://ferry.example/b"), "html")]
    assert "We will not rest" in response.text
    assert '<a href="/">Check another draft</a>' in response.text  # the way back to the form


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


# -- requests from other sites, and bodies of other types ------------------------------------

OWN = "http://testserver"  # the TestClient's Host is "testserver"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        pytest.param({}, 200, id="a program: neither header"),
        pytest.param({"origin": OWN}, 200, id="own origin"),
        pytest.param({"origin": "https://testserver"}, 200, id="own host behind a TLS proxy"),
        pytest.param({"origin": OWN, "sec-fetch-site": "same-origin"}, 200, id="own page in a browser"),
        pytest.param({"sec-fetch-site": "none"}, 200, id="typed by the user"),
        pytest.param({"origin": "https://news-site.example"}, 403, id="another origin"),
        pytest.param({"origin": "null"}, 403, id="opaque origin"),
        pytest.param({"origin": "http://testserver:8081"}, 403, id="another port"),
        pytest.param({"origin": "http://testserver.attacker.example"}, 403, id="own name as a prefix"),
        pytest.param({"sec-fetch-site": "cross-site"}, 403, id="cross-site"),
        pytest.param({"sec-fetch-site": "same-site"}, 403, id="same site, another origin"),
        pytest.param({"origin": OWN, "sec-fetch-site": "cross-site"}, 403, id="cross-site with own origin"),
        pytest.param({"origin": "https://news-site.example", "sec-fetch-site": "none"}, 403, id="other origin, none"),
    ],
)
@pytest.mark.parametrize("route", ["/v1/check", "/check"])
def test_posts_from_another_sites_page_are_refused(
    client: TestClient, calls: list, route: str, headers: dict[str, str], status: int  # type: ignore[type-arg]
) -> None:
    if route == "/v1/check":
        response = client.post(route, json={"text": DRAFT}, headers=headers)
    else:
        response = client.post(route, data={"text": DRAFT, "sources": ""}, headers=headers)
    assert response.status_code == status, response.text
    if status == 403:
        assert calls == []  # nothing fetched, nothing checked
        message = response.json()["error"] if route == "/v1/check" else response.text.strip()
        assert "another site" in message and "\n" not in message
    else:
        assert len(calls) == 1


@pytest.mark.parametrize(
    ("route", "content_type", "status"),
    [
        ("/v1/check", "application/json", 200),
        ("/v1/check", "application/json; charset=utf-8", 200),
        ("/v1/check", "Application/JSON", 200),
        ("/v1/check", "text/plain", 415),  # what a page may post without asking first
        ("/v1/check", "application/x-www-form-urlencoded", 415),
        ("/v1/check", "multipart/form-data; boundary=x", 415),
        ("/v1/check", None, 415),
        ("/check", "application/x-www-form-urlencoded", 200),
        ("/check", "application/x-www-form-urlencoded; charset=utf-8", 200),
        ("/check", "text/plain", 415),
        ("/check", "application/json", 415),
        ("/check", None, 415),
    ],
)
def test_a_body_must_be_of_the_routes_media_type(
    client: TestClient, calls: list, route: str, content_type: str | None, status: int  # type: ignore[type-arg]
) -> None:
    body = json.dumps({"text": DRAFT}) if route == "/v1/check" else "text=" + DRAFT
    headers = {"content-type": content_type} if content_type else {}
    response = client.post(route, content=body.encode(), headers=headers)
    assert response.status_code == status, response.text
    assert len(calls) == (1 if status == 200 else 0)
    if status == 415:
        message = response.json()["error"] if route == "/v1/check" else response.text.strip()
        assert "must be sent as" in message and "\n" not in message


def test_the_form_may_be_posted_as_multipart(client: TestClient, calls: list[CheckRequest]) -> None:
    fields = {"text": DRAFT, "sources": "https://ferry.example/a\nhttps://ferry.example/b"}
    response = client.post("/check", files={name: (None, value) for name, value in fields.items()})
    assert response.status_code == 200, response.text
    assert calls == [CheckRequest(DRAFT, _refs("https://ferry.example/a", "https://ferry.example/b"), "html")]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(b"--x\r\nContent-Disposition: form-data; name=text\r\n\r\n\xff\xfe\r\n--x--\r\n",
                     "multipart/form-data; boundary=x", id="not UTF-8"),  # fmt: skip
        pytest.param(b"no parts at all", "multipart/form-data; boundary=x", id="no parts"),
        pytest.param(b"--x\r\n\r\n--x--\r\n", "multipart/form-data", id="no boundary"),
        pytest.param(b"text=%FF%FE&" + b"&".join(b"f%d=1" % n for n in range(20)), "application/x-www-form-urlencoded",
                     id="too many fields"),  # fmt: skip
    ],
)
def test_a_form_that_cannot_be_read_is_400(client: TestClient, calls: list, body: bytes, content_type: str) -> None:  # type: ignore[type-arg]
    response = client.post("/check", content=body, headers={"content-type": content_type})
    assert response.status_code == 400
    assert 'name="text"' in response.text  # the form again, with the message
    assert calls == []


# -- bodies that are not requests ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(b"[" * 100_000, "nested too deeply", id="array nested 100,000 deep"),
        pytest.param(b'{"a":' * 100_000, "nested too deeply", id="object nested 100,000 deep"),
        pytest.param(b'{"text": [' + b"[" * 50_000 + b"]}", "nested too deeply", id="deep inside a field"),
        pytest.param(b'{"text": ' + b"7" * 5_000 + b"}", "not valid JSON", id="number too long to convert"),
        pytest.param(b"null", "JSON object", id="null"),
        pytest.param(b'"a draft"', "JSON object", id="a string"),
        pytest.param(b"42", "JSON object", id="a number"),
        pytest.param(b'{"text": ["a draft"]}', "'text'", id="text a list"),
        pytest.param(b'{"text": {"body": "x"}}', "'text'", id="text an object"),
        pytest.param(b'{"text": "x", "sources": {"a": "http://a.x"}}', "'sources' must be a list", id="sources dict"),
        pytest.param(b'{"text": "x", "sources": [["https://a.x"]]}', "source 1 must be a URL or", id="nested list"),
        pytest.param(b'{"text": "x", "format": ["json"]}', "'format' must be one of", id="format a list"),
        pytest.param(b'{"text": "x", "format": 1}', "'format' must be one of", id="format a number"),
        pytest.param(b'{"text": "\\ud800 said Ana"}', "lone surrogate", id="lone surrogate in text"),
        pytest.param(b'{"text": "x", "sources": ["https://a.example/\\udc00"]}', "lone surrogate", id="in a source"),
        pytest.param(b'{"text": NaN}', "'text'", id="NaN"),
        pytest.param(b"\xef\xbb\xbf{}", "'text'", id="byte-order mark, then no text"),
    ],
)  # fmt: skip
def test_a_body_that_is_not_a_request_is_400_with_one_line(calls: list, body: bytes, message: str) -> None:  # type: ignore[type-arg]
    with TestClient(create_app()) as client:
        response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert message in error and "\n" not in error and len(error) < 300
    assert calls == []


@pytest.mark.anyio
async def test_a_body_that_trickles_in_is_408_at_the_body_timeout() -> None:
    from starlette.requests import Request

    async def receive() -> dict[str, object]:
        await anyio.sleep(30)  # a client that sent its headers and then almost nothing
        return {"type": "http.request", "body": b"x", "more_body": False}

    scope = {"type": "http", "method": "POST", "path": "/v1/check", "headers": [(b"content-type", b"application/json")]}
    started = anyio.current_time()
    with pytest.raises(service.RequestError) as refused:
        await service.read_body(Request(scope, receive), limit=1000, timeout=0.2)  # type: ignore[arg-type]
    assert refused.value.status == 408 and "did not arrive within 0.2 s" in str(refused.value)
    assert anyio.current_time() - started < 10  # not the client's 30 s


# -- the time limit -----------------------------------------------------------------------------


def test_the_check_gets_what_is_left_of_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[float] = []

    def check(request: CheckRequest, settings: ServiceSettings) -> Report:
        given.append(settings.time_limit)
        return report_of([])

    monkeypatch.setattr(service, "run_check", check)
    with TestClient(create_app(time_limit=30)) as client:
        assert client.post("/v1/check", json={"text": DRAFT}).status_code == 200
    assert len(given) == 1 and 25 < given[0] <= 30


def test_a_check_that_stops_at_its_limit_is_504_not_400(monkeypatch: pytest.MonkeyPatch) -> None:
    def check(request: CheckRequest, settings: ServiceSettings) -> Report:
        raise CheckTimeout("the check took longer than its time limit of 1 s")

    monkeypatch.setattr(service, "run_check", check)
    with TestClient(create_app(time_limit=30)) as client:
        response = client.post("/v1/check", json={"text": DRAFT})
    assert response.status_code == 504 and "longer than 30 s" in response.json()["error"]


@pytest.mark.network
def test_the_service_keeps_a_cache_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "cache"
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(shared))
    statuses = {}
    with source_server() as url:
        # A page the command fetched into the default cache (say, from an intranet with --allow-private)…
        verify.check(text=helpers.DRAFT, sources=[url], options=verify.Options(allow_private=True))
        for name, cache_dir in (("default", None), ("given the command's", shared)):
            with TestClient(create_app(allow_private=True, offline=True, cache_dir=cache_dir)) as client:
                response = client.post("/v1/check", json={"text": helpers.DRAFT, "sources": [url]})
            statuses[name] = [s.status.value for s in Report.from_json(response.text).sources]
    # …is not what a service client is answered from, unless the service is told to share it.
    assert statuses == {"default": ["offline_miss"], "given the command's": ["ok"]}
    assert service.service_cache_dir() == shared / "service"
