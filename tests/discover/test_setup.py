"""Which services a run uses: none without the flags, no default general search, the key kept out of sight."""

from __future__ import annotations

import pytest

from verify.discover.setup import ServicePlan, ServiceURLs, choose_services

KEY = "brave-secret-0123456789"


@pytest.mark.parametrize(
    ("urls", "env", "discover", "fallback", "search", "wayback", "wikidata"),
    [
        pytest.param(ServiceURLs(), {"VERIFY_SEARXNG_URL": "http://10.0.0.5:8888"}, False, False, (), None, None,
                     id="neither flag: nothing"),
        pytest.param(ServiceURLs(), {"VERIFY_SEARXNG_URL": "http://10.0.0.5:8888"}, False, True, (),
                     "https://web.archive.org", None, id="archive fallback: the archive alone"),
        pytest.param(ServiceURLs(), {}, True, False, (("gdelt", "https://api.gdeltproject.org"),),
                     "https://web.archive.org", "https://www.wikidata.org", id="keyless services only"),
        pytest.param(ServiceURLs(), {"VERIFY_SEARXNG_URL": "http://10.0.0.5:8888/"}, True, False,
                     (("searxng", "http://10.0.0.5:8888"), ("gdelt", "https://api.gdeltproject.org")),
                     "https://web.archive.org", "https://www.wikidata.org", id="searxng from the environment"),
        pytest.param(ServiceURLs(searxng_url="http://search.desk"), {"VERIFY_SEARXNG_URL": "http://other"}, True,
                     False, (("searxng", "http://search.desk"), ("gdelt", "https://api.gdeltproject.org")),
                     "https://web.archive.org", "https://www.wikidata.org", id="configured wins over environment"),
        pytest.param(ServiceURLs(gdelt_url="http://127.0.0.1:9/g"), {"VERIFY_BRAVE_API_KEY": KEY,
                     "VERIFY_WAYBACK_URL": "http://127.0.0.1:9/w", "VERIFY_WIKIDATA_URL": "http://127.0.0.1:9/d"},
                     True, False, (("brave", "https://api.search.brave.com"), ("gdelt", "http://127.0.0.1:9/g")),
                     "http://127.0.0.1:9/w", "http://127.0.0.1:9/d", id="brave with a key; every URL moved"),
    ],
)  # fmt: skip
def test_the_services_a_run_uses(
    urls: ServiceURLs,
    env: dict[str, str],
    discover: bool,
    fallback: bool,
    search: tuple[tuple[str, str], ...],
    wayback: str | None,
    wikidata: str | None,
) -> None:
    plan = choose_services(urls, discover=discover, archive_fallback=fallback, env=env)
    assert (plan.search, plan.wayback, plan.wikidata) == (search, wayback, wikidata)


@pytest.mark.parametrize(
    ("env", "general"),
    [
        pytest.param({}, False, id="gdelt alone is not a general search"),
        pytest.param({"VERIFY_SEARXNG_URL": "http://s"}, True, id="searxng"),
        pytest.param({"VERIFY_BRAVE_API_KEY": KEY}, True, id="brave"),
    ],
)
def test_a_general_web_search_needs_configuring(env: dict[str, str], general: bool) -> None:
    assert choose_services(ServiceURLs(), discover=True, archive_fallback=True, env=env).general_web is general


def test_the_key_never_shows() -> None:
    plan = choose_services(ServiceURLs(), discover=True, archive_fallback=False, env={"VERIFY_BRAVE_API_KEY": KEY})
    assert plan.brave_key == KEY
    assert KEY not in repr(plan) and KEY not in str(plan)
    assert isinstance(plan, ServicePlan) and plan.names == ("brave", "gdelt", "wikidata", "wayback")
