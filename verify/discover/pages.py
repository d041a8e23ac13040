"""What kind of page a fetch brought back: the article, or one of the things that stand in for it.

Rules run in order and the first that fits decides. A page with plenty of main text is an
article whatever scripts and banners surround it: every marker below also turns up on real
articles, so each one counts only when the main text is too short to be the story.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import urlsplit

from verify.discover.outlets import host_of


class PageKind(StrEnum):
    OK = "ok"
    DEAD = "dead"  # gone: fall back to an archived copy
    SOFT_404 = "soft_404"  # says it is gone while answering 200: treat as dead
    PARKED = "parked"  # the domain lapsed and a parking service holds it: treat as dead
    RESTRICTED = "restricted"  # a teaser behind a paywall, consent wall or bot wall


SOFT_404_MAX_WORDS = 150  # an error page's text is a sentence or two and a list of links
PARKED_MAX_WORDS = 200
RESTRICTED_MAX_WORDS = 250  # a teaser: the headline, a standfirst, a paragraph or two
CONSENT_ONLY_MAX_WORDS = 60  # a consent script alone is on most pages; with almost no text it is the wall

# The server said the page is gone, for good (410) or as far as it knows (404).
_GONE = frozenset({404, 410})
# The server refused this reader: payment (402), login or a bot check (401, 403), a legal block (451).
_REFUSED = frozenset({401, 402, 403, 451})

# Error pages say so in their title or first words, in the phrasings sites use.
_NOT_FOUND = re.compile(
    r"\b(?:page (?:was )?not found|page (?:does not|doesn't|no longer) exists?|error 404|404 error|"
    r"(?:can(?:no|')t|could ?n[o']t|unable to) (?:be )?f(?:i|ou)nd (?:the|this|that) page|"
    r"(?:this|the) page (?:is|has been) (?:no longer available|removed|deleted)|"
    r"seite nicht gefunden|page introuvable|p[aá]gina no encontrada)\b",
    re.IGNORECASE,
)
# Shorter phrasings ("Not Found", "404") that a headline may also use: only as a title of its own.
_NOT_FOUND_TITLE = re.compile(r"^\W*(?:404\b|not found\b|nothing (?:was )?found\b|content unavailable\b)", re.I)
_SHORT_TITLE_WORDS = 6
# Error pages are often reached by a redirect to one address for all of them.
_NOT_FOUND_PATH = re.compile(r"/(?:404|not[-_]?found|page[-_]?not[-_]?found|error)(?:[./?]|$)", re.IGNORECASE)

# Parking services, by the hosts a lapsed domain redirects to and the words they show.
_PARKING_HOSTS = (
    "sedoparking.com", "parkingcrew.net", "bodis.com", "above.com", "dan.com", "afternic.com",
    "hugedomains.com", "undeveloped.com", "parklogic.com", "domainmarket.com", "sedo.com",
)  # fmt: skip
_PARKED_TEXT = re.compile(
    r"\b(?:this domain (?:name )?(?:is|may be) for sale|buy this domain|domain (?:is )?parked|"
    r"parked (?:free|domain)|this domain has expired|domain for sale|make an offer on this domain|"
    r"the domain [\w.-]+ (?:is|may be) for sale)\b",
    re.IGNORECASE,
)
_PARKED_HTML = re.compile(r"sedoparking|parkingcrew|bodis\.com|window\.park\b|/parking\.js|caf\.js", re.IGNORECASE)

# Paywalls: the words a teaser ends with, and the structured data that says the article is paid.
_PAYWALL_TEXT = re.compile(
    r"\b(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading|continue reading with|"
    r"(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)|"
    r"subscribers? only|already a subscriber|sign in to (?:read|continue)|log in to (?:read|continue)|"
    r"create a free account to (?:read|continue)|unlock (?:this|the full) (?:article|story)|"
    r"start your (?:free )?trial|you have reached your (?:free )?(?:article )?limit|"
    r"premium (?:article|content)|register to (?:read|continue))\b",
    re.IGNORECASE,
)
_NOT_FREE = re.compile(r"[\"']?isAccessibleForFree[\"']?\s*:\s*[\"']?false\b", re.IGNORECASE)
_PAYWALL_HTML = re.compile(
    r"\b(?:paywall|piano\.io|tinypass|poool|laterpay|zephr|class=[\"'][^\"']*(?:meteredContent|subscriber-only))",
    re.IGNORECASE,
)
# Consent managers: the script or container of each framework newsrooms use.
_CONSENT_HTML = re.compile(
    r"cookielaw\.org|onetrust|cookiebot|consensu\.org|sourcepoint|sp_message|didomi|trustarc|"
    r"usercentrics|consentmanager|quantcast\.mgr|cmp\.quantcast|iubenda|__tcfapi",
    re.IGNORECASE,
)
_CONSENT_TEXT = re.compile(
    r"\b(?:we (?:and our partners )?use cookies|cookie (?:settings|preferences|consent)|"
    r"accept (?:all )?(?:cookies|and continue)|manage (?:your )?(?:privacy|consent|cookie)|"
    r"your privacy choices|before you continue)\b",
    re.IGNORECASE,
)
# Bot walls: challenge pages of the services that sit in front of news sites.
_BOT_HTML = re.compile(
    r"captcha|challenges\.cloudflare\.com|cf-challenge|cf_chl_|__cf_chl|datadome|perimeterx|px-captcha|"
    r"_Incapsula_Resource|distil_r_captcha|akamai bot",
    re.IGNORECASE,
)
_BOT_TEXT = re.compile(
    r"\b(?:just a moment|checking (?:if the site connection is secure|your browser)|are you a (?:robot|human)|"
    r"verify (?:that )?you are (?:a )?human|unusual traffic|access (?:to this page has been )?denied|"
    r"please enable (?:javascript and )?cookies|press (?:&|and) hold)\b",
    re.IGNORECASE,
)


def _word_count(text: str) -> int:
    return len(text.split())


def _head(text: str, words: int = 60) -> str:
    return " ".join(text.split()[:words])


def classify_page(
    *, http_status: int | None, final_url: str | None, title: str, main_text: str, html: str | None
) -> PageKind:
    """The kind of a fetched page, from its status, address, title, main text and markup.

    ``main_text`` is what the extractor kept as the article; ``html`` the raw markup when there
    is any (a PDF or a plain-text page has none).
    """
    markup = html or ""
    size = _word_count(main_text)
    # The server's own word is the surest: the page is gone.
    if http_status in _GONE:
        return PageKind.DEAD
    # The page is there but not for this reader: show it as restricted, not as missing.
    if http_status in _REFUSED:
        return PageKind.RESTRICTED
    # A lapsed domain sent to a parking service: whatever it shows is not the outlet's.
    host = host_of(final_url or "")
    if host and any(host == p or host.endswith("." + p) for p in _PARKING_HOSTS):
        return PageKind.PARKED
    # A parked page says it is for sale and has nothing else to say.
    if size <= PARKED_MAX_WORDS and (_PARKED_TEXT.search(f"{title} {main_text}") or _PARKED_HTML.search(markup)):
        return PageKind.PARKED
    # An error page served as 200: its title or first words say "not found", and little follows.
    if size <= SOFT_404_MAX_WORDS and (
        _NOT_FOUND.search(title)
        or _NOT_FOUND.search(_head(main_text, 20))
        or (_word_count(title) <= _SHORT_TITLE_WORDS and _NOT_FOUND_TITLE.search(title))
    ):
        return PageKind.SOFT_404
    # Sent to the site's one error address: a redirect that means "gone".
    if final_url and size <= SOFT_404_MAX_WORDS and _NOT_FOUND_PATH.search(urlsplit(final_url).path or ""):
        return PageKind.SOFT_404
    if size <= RESTRICTED_MAX_WORDS:
        teaser = f"{title} {main_text}"
        # The publisher marks the article as paid, or the teaser ends with an offer to subscribe.
        if _NOT_FREE.search(markup) or _PAYWALL_TEXT.search(teaser):
            return PageKind.RESTRICTED
        # A paywall script alone is on every page of such a site; with almost no text it is the wall.
        if _PAYWALL_HTML.search(markup) and size <= CONSENT_ONLY_MAX_WORDS:
            return PageKind.RESTRICTED
        # A challenge page stands where the article should be.
        # (its phrases, "access denied", also fit a short story, so in the text they need a bare page)
        nearly_empty = size <= CONSENT_ONLY_MAX_WORDS
        if _BOT_TEXT.search(title) or (nearly_empty and (_BOT_TEXT.search(main_text) or _BOT_HTML.search(markup))):
            return PageKind.RESTRICTED
        # A consent wall: the framework's script with its banner text, or with nearly no text at all.
        if _CONSENT_HTML.search(markup) and (_CONSENT_TEXT.search(teaser) or size <= CONSENT_ONLY_MAX_WORDS):
            return PageKind.RESTRICTED
    return PageKind.OK
