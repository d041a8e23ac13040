"""``verify serve`` as a real server process (hypercorn) on 127.0.0.1, checking a draft against a local page."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests import helpers
from tests.helpers import source_server
from tests.workflow.servers import free_port, running, serve_command
from verify.baseline import claim_key
from verify.model import Report


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``verify serve --allow-private`` on a free port; stopped when the module's tests are done."""
    port = free_port()
    with running(serve_command(port, "--allow-private"), port, tmp_path_factory.mktemp("cache")) as url:
        yield url


@pytest.mark.network
@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        pytest.param("json", '"verdict": "confirmed"', id="json"),
        pytest.param("markdown", "confirmed", id="markdown"),
    ],
)
def test_real_service_checks_a_draft_against_a_local_page(service_url: str, fmt: str, marker: str) -> None:
    with source_server() as source:
        response = httpx.post(
            f"{service_url}/v1/check",
            json={"text": helpers.DRAFT, "sources": [source], "format": fmt},
            timeout=60,
            trust_env=False,
        )
    assert response.status_code == 200, response.text
    assert marker in response.text
    if fmt == "json":
        report = Report.from_json(response.text)
        assert [s.status.value for s in report.sources] == ["ok"]
        (quote,) = [r for r in report.results if claim_key(r.claim.text) == claim_key(helpers.QUOTE)]
        assert quote.verdict is not None and quote.verdict.value == "confirmed"


JSON = {"content-type": "application/json"}
CROSS = {"origin": "https://news-site.example", "sec-fetch-site": "cross-site"}


@pytest.mark.network
@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("GET", "/", {}, 200, id="form"),
        pytest.param("POST", "/v1/check", {"content": b"{oops", "headers": JSON}, 400, id="bad JSON"),
        pytest.param("POST", "/v1/check", {"content": b"[" * 100_000, "headers": JSON}, 400, id="deep JSON"),
        pytest.param("POST", "/v1/check", {"content": b'{"text": "x"}'}, 415, id="no content type"),
        pytest.param("POST", "/v1/check", {"json": {"text": "x"}, "headers": CROSS}, 403, id="cross-site"),
        pytest.param("POST", "/check", {"data": {"text": "x"}, "headers": CROSS}, 403, id="cross-site form"),
        pytest.param("POST", "/v1/check", {"content": b"x" * 2_000_001, "headers": JSON}, 413, id="body too large"),
        pytest.param("GET", "/healthz", {"headers": {"host": "rebound.attacker.example"}}, 400, id="foreign Host"),
    ],
)
def test_real_service_edges(service_url: str, method: str, path: str, kwargs: dict, status: int) -> None:  # type: ignore[type-arg]
    response = httpx.request(method, f"{service_url}{path}", timeout=30, trust_env=False, **kwargs)
    assert response.status_code == status
