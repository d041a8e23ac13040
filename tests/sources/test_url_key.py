"""url_key: one cache key per address, the same as httpx's parser gives, without importing httpx."""

from __future__ import annotations

import httpx
import pytest

from verify.sources.fetch import url_key

URLS = [
    "https://Example.COM",
    "HTTPS://example.com:443/a/b?x=1&y=2#frag",
    "http://example.com:80/",
    "http://example.com:8080/a%20b",
    "https://example.com/a b",
    "  https://example.com/padded  ",
    "https://bücher.de/buch?q=ä",
    "https://user:pw@example.com/",
    "https://[::1]:8080/x",
    "https://example.com?q",
    "https://example.com/path;params?q#",
    "https://example.com/%7euser",
    "https://example.com/a?b=c d",
    "https://news.example/world/2017/apr/13/harbour-closes?CMP=share#img-1",
    "http://127.0.0.1:8123/page.html",
    "https://example.com/a/../b/./c",
    "https://example.com/a/b/..",
    "https://example.com/a/./",
    "https://example.com/../x",
    "https://example.com/a/b/.",
    "https://example.com/..",
    "https://example.com/a/../..",
    "https://example.com/a/b/../",
    "https://example.com/v1.2/file.tar.gz",
    "https://EXAMPLE.com/Path/With/Case",
    "https://example.com/é?x=1#y",
    "https://example.com/search?q=a+b&lang=en",
    "https://example.com/~tilde/",
    "https://example.com:8443",
    "https://xn--bcher-kva.de/",
    "ftp://example.com/x",
    "mailto:desk@example.com",
    "not a url at all",
]


@pytest.mark.parametrize("url", URLS)
def test_the_key_is_what_httpx_makes_of_the_url(url: str) -> None:
    assert url_key(url) == str(httpx.URL(url.strip()).copy_with(fragment=None))


def test_spellings_of_one_address_share_a_key() -> None:
    spellings = ("https://Example.com/a", "https://example.com:443/a#top", " https://example.com/a", "https://example.com/b/../a")
    assert len({url_key(u) for u in spellings}) == 1
    assert url_key("https://example.com/a") != url_key("https://example.com/b")


@pytest.mark.parametrize("text", ["https://example.com:notaport/", "http://[::1/"])
def test_what_does_not_parse_is_its_own_key(text: str) -> None:
    assert url_key(f"  {text} ") == text
