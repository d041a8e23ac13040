"""A fictional story for discovery's end-to-end test: a draft that names its outlets but links
nothing, and the small web it was reported from, decoys included.

Saltmere's harbour pier is closing. The draft quotes five people:

- the harbour master to the Harbour Gazette (Wikidata knows the Gazette's site): its page is live;
- a fishers' guild statement: the guild's page is dead now, the Wayback Machine holds a copy
  (and its availability API wrongly says it does not, so CDX must answer);
- a councillor to the Coastal Courier: the Courier's page is a paywalled teaser;
- the mayor to Bay Radio: live, found by the station's name in its address;
- an old fisherman, no outlet: a forum page credits his words to someone else and is listed
  first; the local history society's page has them right.

A news digest republished the draft whole after it ran: it holds every quote and must back none.
"""

from __future__ import annotations

from datetime import date, timedelta

from tests.discover.apis import ApiEmulator, Capture, Entity, Page, SimulatedWeb

VARGA = "The pilings have rotted through below the waterline and we cannot wait for another winter storm."
BRENNER = "Every crew on this coast depends on that pier for a living, and the ferry berth is no substitute,"
HOLT = "We approved the repair budget in March, and the contractors start work in the first week of December."
KOSKINEN = "The town cannot afford to lose its pier, and nobody here will let that happen."
DAHL = "We have mended nets on those boards since before the lighthouse was electrified,"


def draft_text(day: date) -> str:
    return f"""---
title: Saltmere pier to close for the winter
date: {day.isoformat()}
---

# Saltmere pier to close for the winter

The old harbour pier in Saltmere will close for the winter after divers found its pilings badly
decayed, and repairs are expected to last until the spring fishing season opens.

The harbour master, Ilse Varga, told the Harbour Gazette: "{VARGA}"

The closure leaves the town's small fishing fleet without its usual landing place for several
months. Boats will unload at the ferry terminal on the north side of the bay instead.

"{BRENNER}" Tomas Brenner, chair of the Saltmere Fishers' Guild, said in a statement.

Councillor Maren Holt told the Coastal Courier: "{HOLT}"

Mayor Anneli Koskinen said in an interview with Bay Radio: "{KOSKINEN}"

"{DAHL}" said Aksel Dahl, who is 84 and has fished from the pier all his life.

The council expects to publish a full schedule for the works later this month, once the divers
have finished their survey of the seaward end.
"""


def _article(*paragraphs: str, site: str | None = None) -> str:
    head = f'<meta property="og:site_name" content="{site}">' if site else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def _statement() -> str:
    return _article(
        "The Saltmere Fishers' Guild has issued the following statement on the pier closure.",
        f'"{BRENNER}" said Tomas Brenner, chair of the guild.',
        "The guild will meet the council to discuss compensation for lost landings.",
        site="Saltmere Fishers' Guild",
    )


def build(apis: ApiEmulator, today: date) -> tuple[SimulatedWeb, dict[str, str]]:
    """The web of the story on ``apis`` (filled in place), and the right page for each speaker."""
    day = today - timedelta(days=12)  # the draft's date
    before = day - timedelta(days=1)
    url = apis.site_url
    right = {
        "Varga": url("harbourgazette.example", "/news/pier-pilings-decayed"),
        "Brenner": url("fishersguild.example", "/statements/pier-closure"),
        "Holt": url("coastalcourier.example", "/politics/holt-pier-budget"),
        "Koskinen": url("bayradio.example", "/news/koskinen-pier-interview"),
        "Dahl": url("saltmerehistory.example", "/people/aksel-dahl"),
    }
    copy_text = " ".join(draft_text(day).split("---", 2)[2].split())
    web = apis.web
    web.today = today
    web.pages[:] = [
        Page(url("newsdigest.example", "/2026/saltmere-pier-to-close"), _article(copy_text, site="News Digest"),
             "Saltmere pier to close for the winter", day + timedelta(days=1)),
        Page(url("townforum.example", "/threads/old-pier-memories"), _article(
            f'A caller to the phone-in, Pekka Laine, said: "{DAHL.rstrip(",")}."',
            "His neighbour Aksel Dahl laughed at that.",
            "The thread has run for two weeks and has more than forty replies about the old boards.",
            site="Town Forum"), "Old pier memories", before),
        Page(right["Varga"], _article(
            "Divers inspecting the Saltmere pier last week found decay along most of its pilings.",
            f'Harbour master Ilse Varga said: "{VARGA}"',
            "The harbour office will post notices on the quay about the closure dates.", site="Harbour Gazette"),
             "Pier pilings found decayed", before),
        Page(right["Brenner"], _statement(), "Statement on the pier closure", before, status=404),  # indexed, now gone
        Page(right["Holt"], _article(
            f'Councillor Maren Holt told the Courier: "{HOLT}"',
            '<div class="paywall">Subscribe to continue reading. Already a subscriber? Log in.</div>',
            site="Coastal Courier"), f"Holt: {HOLT}", before),
        Page(right["Koskinen"], _article(
            "Mayor Anneli Koskinen spoke to Bay Radio's morning programme about the harbour.",
            f'"{KOSKINEN}" she said, adding that the council would meet the guild next week.',
            "Listeners called in with memories of the pier's opening day.", site="Bay Radio"),
             "Mayor Koskinen on the pier", before),
        Page(right["Dahl"], _article(
            "Aksel Dahl was born in the cottage by the slipway and has fished from the pier all his life.",
            f'"{DAHL}" Dahl told the society\'s oral history project this autumn.',
            "His recollections will be published in the society's spring newsletter.",
            site="Saltmere History Society"), "People of Saltmere: Aksel Dahl", day - timedelta(days=60)),
    ]  # fmt: skip
    web.captures[:] = [
        Capture(right["Brenner"], before.strftime("%Y%m%d") + "143000", _statement()),
    ]  # fmt: skip
    web.availability_misses.add(right["Brenner"])
    web.entities[:] = [
        Entity("Q990001", "Harbour Gazette", description="fictional newspaper", types=("Q11032",),
               websites=(url("harbourgazette.example", "/"),)),
    ]  # fmt: skip
    return web, right
