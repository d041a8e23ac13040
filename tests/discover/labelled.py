"""The labelled set (labelled.toml) as drafts and a simulated web on the API emulator."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from tests.discover.apis import ENGINES, ApiEmulator, Capture, Entity, Page

LABELLED = Path(__file__).with_name("labelled.toml")
NEWSPAPER = "Q11032"


@dataclass(frozen=True)
class Case:
    id: str
    day: date  # the draft's date
    draft: str  # Markdown, with the date in its front matter
    right: str  # the right page's address as served


def article(paragraphs: list[str], site: str | None) -> str:
    head = f'<meta property="og:site_name" content="{escape(site)}">' if site else ""
    body = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def load(apis: ApiEmulator, today: date, path: Path = LABELLED) -> list[Case]:
    """Every case of ``path``, its pages, captures and outlets added to ``apis.web``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    web = apis.web
    web.today = today
    cases = []
    for number, raw in enumerate(data["case"], start=1):
        day = today - timedelta(days=int(raw["days_ago"]))
        for page in raw.get("page", []):
            web.pages.append(_page(apis, page, day))
        for capture in raw.get("capture", []):
            stamp = (day - timedelta(days=int(capture["days"]))).strftime("%Y%m%d") + "120000"
            html = article(capture["text"], capture.get("site"))
            web.captures.append(Capture(_served(apis, capture["url"]), stamp, html))
        for index, entity in enumerate(raw.get("entities", [])):
            web.entities.append(Entity(f"Q{970000 + number * 10 + index}", entity["name"], types=(NEWSPAPER,),
                                       websites=(_served(apis, entity["website"] + "/"),)))  # fmt: skip
        draft = f"---\ndate: {day.isoformat()}\n---\n\n{raw['draft']}\n"
        cases.append(Case(raw["id"], day, draft, _served(apis, raw["right"])))
    return cases


def _served(apis: ApiEmulator, address: str) -> str:
    host, _, path = address.partition("/")
    return apis.site_url(host, "/" + path)


def _page(apis: ApiEmulator, raw: dict[str, Any], day: date) -> Page:
    published = day - timedelta(days=int(raw.get("published", 1)))
    engines = frozenset(raw.get("engines", ENGINES)) & ENGINES or ENGINES
    return Page(_served(apis, raw["url"]), article(raw["text"], raw.get("site")), title=raw.get("site", ""),
                published=published, status=int(raw.get("status", 200)), engines=engines)  # fmt: skip
