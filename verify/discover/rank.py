"""Merge what the backends found into one candidate per page, best first.

A page's score adds four signals, each in [0, 1]: whether it is on the named outlet's own
domain, how much of the claim its title and snippet carry, whether its date fits the draft's,
and how many backends found it how high. The weights favour the outlet: the draft says where the
words appeared, and a page there that carries them is the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from rapidfuzz import fuzz

from verify.discover.outlets import host_of, registrable_domain
from verify.discover.queries import is_common
from verify.discover.types import SearchHit
from verify.match.normalize import normalize, words
from verify.sources.fetch import url_key
from verify.sources.resolve import normalise_outlet

OUTLET_WEIGHT = 0.40
SNIPPET_WEIGHT = 0.30
DATE_WEIGHT = 0.15
AGREEMENT_WEIGHT = 0.15

SAME_HOST = 1.0  # on a host the outlet is known to publish on
SAME_DOMAIN = 0.8  # elsewhere on the same registrable domain (another section or edition)
NAME_ON_PAGE = 0.6  # no domain known, but the site's name or address is the outlet's
NAME_IN_TITLE_ELSEWHERE = 0.2  # the outlet named in a page elsewhere: a copy or a report of it

RECENT_DAYS = 31  # published this close before the draft: the story it quotes
STALE_DAYS = 365  # beyond a month, fit falls to its floor at a year
AFTER_GRACE_DAYS = 1  # a time zone or a late edition, not a later page
UNKNOWN_DATE_FIT = 0.5
AFTER_DRAFT_FIT = 0.1  # a page published after the draft may be the draft itself, or a copy
STALE_FIT = 0.3
RRF_K = 60  # reciprocal-rank fusion's usual constant: rank 1 and rank 5 differ, but not by much

# Query parameters that only say where a click came from; the page is the same without them.
TRACKING_PARAMETERS = frozenset(
    """fbclid gclid dclid gbraid wbraid msclkid yclid mc_cid mc_eid igshid _ga _gl ref_src ref_url
    cmpid ocid ncid smid smtyp sr_share at_medium at_campaign at_custom1 at_custom2 at_custom3
    at_custom4 __twitter_impression s_cid ito""".split()
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_WEB_SCHEMES = frozenset({"http", "https"})


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """One spelling per page: the fetcher's cache key (``url_key``) without tracking parameters
    or a trailing slash after a path (sites serve and redirect both the same); other query
    parameters stay, in their order (``?id=7`` may be the page itself)."""
    text = url.strip()
    try:
        parts = urlsplit(url_key(text))
    except ValueError:
        return text
    if parts.scheme not in _WEB_SCHEMES or not parts.hostname:
        return text
    netloc = parts.netloc.replace(parts.hostname, parts.hostname.rstrip("."), 1)  # "example.com." is example.com
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    # pieces are kept as written (their encoding untouched), only named after their decoded key
    kept = [piece for piece in parts.query.split("&") if piece and not _is_tracking(unquote_plus(piece.split("=")[0]))]
    return urlunsplit((parts.scheme, netloc, path, "&".join(kept), ""))


@dataclass(frozen=True)
class Candidate:
    """One page, every hit that found it, and why it ranks where it does."""

    url: str  # canonical
    hits: tuple[SearchHit, ...]
    score: float
    reasons: tuple[str, ...]


def _norm_words(text: str) -> list[str]:
    return words(normalize(text).text)


def outlet_fit(url: str, title: str, *, outlet_domains: Sequence[str], outlet_name: str | None) -> tuple[float, str]:
    """How surely a page is the named outlet's own, and the reason in a few words."""
    host = host_of(url)
    if not host:
        return 0.0, ""
    domains = [d for d in (host_of(d) for d in outlet_domains) if d]
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return SAME_HOST, f"on {outlet_name or 'the outlet'}'s site ({domain})"
    site = registrable_domain(host)
    for domain in domains:
        if registrable_domain(domain) == site:
            return SAME_DOMAIN, f"on {outlet_name or 'the outlet'}'s domain ({site})"
    if not outlet_name or not normalise_outlet(outlet_name):
        return 0.0, ""
    named = _name_matches_site(outlet_name, site) or _name_in_title(outlet_name, title)
    if named and not domains:
        return NAME_ON_PAGE, f"site name matches {outlet_name}"
    if _name_in_title(outlet_name, title):
        return NAME_IN_TITLE_ELSEWHERE, f"names {outlet_name} but is not its site"
    return 0.0, ""


def _name_matches_site(outlet_name: str, site: str) -> bool:
    """``independent.co.uk`` for "The Independent"; ``hrw.org`` for "Human Rights Watch"."""
    label = site.split(".")[0].replace("-", "")
    name_words = _norm_words(normalise_outlet(outlet_name))
    if not label or not name_words:
        return False
    joined = "".join(name_words)
    initials = "".join(w[0] for w in name_words)
    return label in (joined, "the" + joined) or (len(initials) >= 2 and label == initials)


def _name_in_title(outlet_name: str, title: str) -> bool:
    """The site's name as titles carry it: "… | Harbour Gazette", "Harbour Gazette - …"."""
    name = " ".join(_norm_words(normalise_outlet(outlet_name)))
    if not name:
        return False
    title_words = " ".join(_norm_words(title))
    return f" {name} " in f" {title_words} "


def snippet_fit(claim_text: str, title: str, snippet: str) -> float:
    """Share of the claim's distinctive words that the title and snippet carry, averaged with
    how closely the best-aligned stretch of the snippet reads like the claim."""
    claim = [w for w in _norm_words(claim_text) if not is_common(w)]
    shown = f"{title} {snippet}".strip()
    if not claim or not shown:
        return 0.0
    shown_words = set(_norm_words(shown))
    coverage = sum(1 for w in claim if w in shown_words) / len(claim)
    closeness = fuzz.partial_ratio(normalize(claim_text).text, normalize(shown).text) / 100
    return (coverage + closeness) / 2


def date_fit(published: date | None, draft_date: date | None) -> tuple[float, str]:
    """1 just before the draft; weak long before; suspicious after (the draft or its copy)."""
    if published is None or draft_date is None:
        return UNKNOWN_DATE_FIT, ""
    days = (draft_date - published).days
    if days < -AFTER_GRACE_DAYS:
        return AFTER_DRAFT_FIT, f"published after the draft ({published.isoformat()})"
    if days <= RECENT_DAYS:
        return 1.0, ""
    if days >= STALE_DAYS:
        return STALE_FIT, f"published long before the draft ({published.isoformat()})"
    share = (days - RECENT_DAYS) / (STALE_DAYS - RECENT_DAYS)
    return 1.0 - share * (1.0 - STALE_FIT), ""


def agreement(hits: Iterable[SearchHit]) -> tuple[float, int]:
    """Reciprocal-rank fusion over the backends that found the page (each at its best rank),
    scaled so that two backends both ranking it first give 1; and how many backends."""
    best: dict[str, int] = {}
    for hit in hits:
        best[hit.backend] = min(best.get(hit.backend, hit.rank), hit.rank)
    fused = sum(1 / (RRF_K + max(rank, 1)) for rank in best.values())
    return min(1.0, fused / (2 / (RRF_K + 1))), len(best)


def _hit_order(hit: SearchHit) -> tuple[str, int, str, str, str, str, str]:
    """Every field: hits that differ anywhere always sort the same way."""
    published = hit.published.isoformat() if hit.published else ""
    return (hit.backend, hit.rank, hit.query, hit.url, hit.title, hit.snippet, published)


def rank_candidates(
    hits: Iterable[SearchHit],
    *,
    claim_text: str,
    outlet_domains: Sequence[str],
    outlet_name: str | None,
    draft_date: date | None,
) -> tuple[Candidate, ...]:
    """One candidate per canonical URL, best first; ties go to the better backend rank, then the
    address, so the same hits always give the same order."""
    grouped: dict[str, list[SearchHit]] = {}
    for hit in hits:
        key = canonical_url(hit.url)
        if key:
            grouped.setdefault(key, []).append(hit)
    ranked: list[tuple[float, int, str, Candidate]] = []
    for url, found in grouped.items():
        found.sort(key=_hit_order)
        titles = " ".join(dict.fromkeys(h.title for h in found if h.title))
        snippets = " ".join(dict.fromkeys(h.snippet for h in found if h.snippet))
        outlet, outlet_reason = outlet_fit(url, titles, outlet_domains=outlet_domains, outlet_name=outlet_name)
        text = snippet_fit(claim_text, titles, snippets)
        published = min((h.published for h in found if h.published is not None), default=None)
        when, when_reason = date_fit(published, draft_date)
        agreed, backends = agreement(found)
        score = round(
            OUTLET_WEIGHT * outlet + SNIPPET_WEIGHT * text + DATE_WEIGHT * when + AGREEMENT_WEIGHT * agreed, 6
        )
        reasons = [outlet_reason] if outlet_reason else []
        reasons.append(f"snippet carries {text:.0%} of the claim" if snippets or titles else "no snippet")
        if when_reason:
            reasons.append(when_reason)
        if backends > 1:
            reasons.append(f"found by {backends} backends")
        best_rank = min(h.rank for h in found)
        ranked.append((score, best_rank, url, Candidate(url, tuple(found), score, tuple(reasons))))
    ranked.sort(key=lambda row: (-row[0], row[1], row[2]))
    return tuple(row[3] for row in ranked)
