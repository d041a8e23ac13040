"""The service's guard against other sites' pages, as a real browser (Debian's Chromium) meets it:
the paste-in form on the service's own page works, and a page of another site that posts to the
service (a form, or a script's ``text/plain`` fetch) is refused before anything is checked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.helpers import QUOTE, chromium, send, serving
from tests.workflow.servers import free_port, running, serve_command

pytestmark = [pytest.mark.browser, pytest.mark.network]

DRAFT = f"“{QUOTE},” said Ana Reyes, who runs the ferry café on the quay."


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    with running(serve_command(port), port, tmp_path_factory.mktemp("cache")) as url:
        yield url


def _attacker_page(service: str) -> bytes:
    """A page of another site with a form aimed at the service, and a button that posts with fetch."""
    return f"""<!doctype html><html><body>
<form id="aimed" method="post" action="{service}/check">
<input type="hidden" name="text" value="“Posted from elsewhere,” said nobody.">
<button id="form-post" type="submit">post</button></form>
<button id="fetch-post" type="button" onclick="fetch('{service}/v1/check', {{method: 'POST', mode: 'no-cors',
  headers: {{'content-type': 'text/plain'}}, body: JSON.stringify({{text: 'x'}})}})">fetch</button>
</body></html>""".encode()


@pytest.mark.timeout(120)
def test_the_paste_in_form_works_on_the_services_own_page(browser: Browser, service_url: str) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{service_url}/")
    page.fill("#text", DRAFT)
    with page.expect_response(lambda r: r.url.endswith("/check") and r.request.method == "POST") as answer:
        page.click("button[type=submit]")
    assert answer.value.status == 200
    page.wait_for_load_state()
    assert QUOTE in page.content()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("button", ["#form-post", "#fetch-post"])
def test_another_sites_page_cannot_post_to_the_service(browser: Browser, service_url: str, button: str) -> None:
    with serving() as other_site:
        other_site.routes["/"] = lambda handler: send(handler, 200, _attacker_page(service_url))
        # "localhost" is another site than the service's 127.0.0.1, as a news site would be.
        page = browser.new_context().new_page()
        page.goto(f"http://localhost:{other_site.port}/")
        with page.expect_response(lambda r: r.url.startswith(service_url) and r.request.method == "POST") as answer:
            page.click(button)
        assert answer.value.status == 403
