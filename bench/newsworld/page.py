"""A story as a local news site would serve it: head with metadata, scripts and styles, menus,
consent banner, ad slots, the article, related links, comments, footer, and a state blob.

The page grows to a target size with the kind of weight real pages carry (a JSON state blob of
teasers at the end of the body), so sizes vary the way they do on the web while the article
itself stays a few kilobytes.
"""

from __future__ import annotations

import html
import json
import random
import re
from datetime import date
from typing import Any

from newsworld import words
from newsworld.story import Story, capitalised, fill, story_slots

MIN_BYTES = 51_200  # 50 KiB: at or above 50 KB in either sense of the word
MAX_BYTES = 200_000  # at or below 200 KB in either sense
_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "’": "&rsquo;", "—": "&mdash;"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _text(value: str, entities: bool) -> str:
    """Escaped element text; some sites write typographic quotes as named entities."""
    escaped = html.escape(value, quote=False)
    if entities:
        for char, entity in _ENTITIES.items():
            escaped = escaped.replace(char, entity)
    return escaped


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _script_json(value: Any) -> str:
    """JSON that is safe inside a script element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _teaser(rng: random.Random) -> dict[str, str]:
    """A headline and a one-line summary of some other story of the region."""
    topic = rng.choice(words.TOPICS)
    slots = story_slots(rng, topic, rng.choice(words.OUTLETS))
    return {
        "headline": fill(rng.choice(topic.headlines), slots, rng),
        "standfirst": fill(rng.choice(words.STANDFIRSTS), slots, rng),
        "section": topic.section,
        "town": slots["town"],
    }


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _when(day: date, minutes: int) -> str:
    return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}:00+00:00"


def _css(rng: random.Random, rules: int) -> str:
    lines = []
    for _ in range(rules):
        block = rng.choice(words.CSS_BLOCKS)
        selector = "." + block + rng.choice(words.CSS_ELEMENTS) + rng.choice(words.CSS_MODIFIERS)
        if rng.random() < 0.3:
            selector += " " + rng.choice(("a", "a:hover", "img", "p", "span", "li", "button:focus-visible"))
        declarations = ";".join(rng.sample(words.CSS_DECLARATIONS, rng.randint(2, 6)))
        lines.append(f"{selector}{{{declarations}}}")
    for width in (640, 960, 1280):
        inner = "".join(
            f".{rng.choice(words.CSS_BLOCKS)}{{{';'.join(rng.sample(words.CSS_DECLARATIONS, 2))}}}" for _ in range(12)
        )
        lines.append(f"@media (min-width:{width}px){{{inner}}}")
    return "\n".join(lines)


def _analytics(story: Story, account: str) -> str:
    section = story.topic.section.lower()
    return (
        "(function(w,d){w.dataLayer=w.dataLayer||[];function track(){w.dataLayer.push(arguments);}"
        f"track('init','{account}');track('page',{{section:'{section}',author:'{slug(story.reporter)}',"
        f"paragraphs:{len(story.paragraphs)},premium:false,story:{story.number}}});"
        "var s=d.createElement('script');s.async=true;"
        f"s.src='https://metrics.{story.outlet.domain}/collect.js?id={account}';"
        "d.head.appendChild(s);})(window,document);"
    )


_SCROLL_DEPTH = (
    "(function(){var marks=[25,50,75,100],sent={};window.addEventListener('scroll',function(){"
    "var h=document.documentElement;var pct=Math.round(100*(h.scrollTop+h.clientHeight)/h.scrollHeight);"
    "marks.forEach(function(m){if(pct>=m&&!sent[m]){sent[m]=true;(window.dataLayer=window.dataLayer||[])"
    ".push({event:'scroll_depth',depth:m});}});},{passive:true});})();"
)

# Space held for ads before they load, and what a printed page leaves out.
_LATE_STYLE = (
    ".ad-slot--leaderboard{min-height:90px}.ad-slot--inline{min-height:250px;margin:24px auto}"
    "@media (min-width:960px){.ad-slot--leaderboard{min-height:250px}}"
    "@media print{.site-header,.consent,.ad-slot,.share,.newsletter,.related,.most-read,.comments,.site-footer"
    "{display:none}.story-body p{font-size:11pt;line-height:1.4}}"
)

_NEWSLETTER = (
    "document.addEventListener('submit',function(e){var f=e.target;if(!f.matches('.newsletter__form'))return;"
    "e.preventDefault();var b=f.querySelector('button');b.disabled=true;fetch(f.action,{method:'POST',"
    "body:new FormData(f)}).then(function(r){b.textContent=r.ok?'Thank you':'Try again';b.disabled=!r.ok;});});"
)


def _ad_slot(rng: random.Random, story: Story, name: str, sizes: str) -> str:
    unit = f"/{rng.randint(10_000, 99_999)}/{slug(story.outlet.name)}/{slug(story.topic.section)}"
    return (
        f'<div class="ad-slot ad-slot--{name}" id="ad-{name}" data-unit="{unit}" data-sizes="{sizes}">'
        '<span class="ad-slot__label">Advertisement</span>'
        f"<script>window.adQueue=window.adQueue||[];window.adQueue.push({{slot:'ad-{name}',unit:'{unit}',"
        f"targeting:{{topic:'{story.topic.key}',town:'{slug(story.slots['town'])}'}}}});</script></div>"
    )


def _consent_config(rng: random.Random) -> dict[str, Any]:
    vendors = [
        {"id": i + 1, "name": name, "purposes": sorted(rng.sample(range(1, 11), rng.randint(2, 6))),
         "legitimateInterest": sorted(rng.sample(range(1, 11), rng.randint(0, 3))),
         "cookieMaxAgeSeconds": rng.choice([86_400, 2_592_000, 31_536_000]),
         "policyUrl": f"https://{slug(name)}.example/privacy"}
        for i, name in enumerate(rng.sample(words.AD_VENDORS, rng.randint(8, len(words.AD_VENDORS))))
    ]  # fmt: skip
    return {"version": rng.randint(40, 90), "language": "en", "vendors": vendors, "gdprApplies": True}


def _head(story: Story, rng: random.Random, url: str, css_rules: int) -> list[str]:
    outlet, headline = story.outlet, story.headline
    published = _when(story.published, rng.randint(360, 1320))
    image = f"https://images.{outlet.domain}/{story.published.isoformat()}/{slug(headline)[:40]}.jpg"
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
        "description": story.standfirst, "datePublished": published, "dateModified": published,
        "author": [{"@type": "Person", "name": story.reporter, "url": f"https://www.{outlet.domain}/authors/{slug(story.reporter)}/"}],
        "publisher": {"@type": "Organization", "name": outlet.name,
                      "logo": {"@type": "ImageObject", "url": f"https://www.{outlet.domain}/logo.png"}},
        "image": [image], "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "articleSection": story.topic.section, "isAccessibleForFree": True,
        "keywords": [story.slots["town"], story.topic.section, story.slots["region"]],
    }  # fmt: skip
    crumbs = {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://www.{outlet.domain}/"},
            {"@type": "ListItem", "position": 2, "name": story.topic.section,
             "item": f"https://www.{outlet.domain}/{slug(story.topic.section)}/"},
        ],
    }  # fmt: skip
    account = f"NS-{rng.randint(100_000, 999_999)}"
    return [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_text(headline, False)} | {_text(outlet.name, False)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{_attr(story.standfirst)}">',
        f'<meta name="author" content="{_attr(story.reporter)}">',
        f'<meta property="og:site_name" content="{_attr(outlet.name)}">',
        f'<meta property="og:title" content="{_attr(headline)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{_attr(url)}">',
        f'<meta property="og:image" content="{_attr(image)}">',
        f'<meta property="og:description" content="{_attr(story.standfirst)}">',
        f'<meta property="article:published_time" content="{published}">',
        f'<meta property="article:section" content="{_attr(story.topic.section)}">',
        '<meta name="twitter:card" content="summary_large_image">',
        '<meta name="robots" content="max-image-preview:large">',
        f'<link rel="canonical" href="{_attr(url)}">',
        f'<link rel="preconnect" href="https://images.{outlet.domain}">',
        f'<link rel="stylesheet" href="https://www.{outlet.domain}/static/site.{rng.randint(10**7, 10**8)}.css">',
        f"<style>\n{_css(rng, css_rules)}\n</style>",
        f'<script type="application/ld+json">{_script_json(ld)}</script>',
        f'<script type="application/ld+json">{_script_json(crumbs)}</script>',
        f"<script>{_analytics(story, account)}</script>",
        f"<script>window.__consentConfig={_script_json(_consent_config(rng))};</script>",
        "</head>",
    ]


def _menus(story: Story, rng: random.Random) -> list[str]:
    domain = story.outlet.domain
    sections = "".join(
        f'<li class="primary-nav__item"><a class="primary-nav__link" href="/{slug(s)}/">{_text(s, False)}</a></li>'
        for s in words.NAV_SECTIONS
    )
    towns = "".join(f'<li><a href="/local/{slug(t)}/">{_text(t, False)}</a></li>' for t in words.TOWNS)
    sport = "".join(f'<li><a href="/sport/{slug(s)}/">{_text(s, False)}</a></li>' for s in words.SPORT_SECTIONS)
    trending = "".join(
        f'<li><a href="/news/{slug(t["headline"])}/">{_text(t["headline"], False)}</a></li>'
        for t in (_teaser(rng) for _ in range(5))
    )
    return [
        '<div class="consent" id="consent-banner" role="dialog" aria-label="Cookie choices">',
        f"<p>{_text(story.outlet.name, False)} and our {rng.randint(40, 180)} partners store and read small files on "
        "your device to measure how the site is used, to keep you signed in and to show advertising that pays "
        "for our journalism. You can change your mind at any time under Cookie settings.</p>",
        '<button class="button consent__accept" type="button">Accept all</button>',
        '<button class="button consent__reject" type="button">Reject all</button>',
        '<a class="consent__manage" href="/cookie-settings/">Manage choices</a>',
        "</div>",
        '<header class="site-header">',
        f'<a class="site-header__logo" href="https://www.{domain}/">{_text(story.outlet.name, False)}</a>',
        f'<p class="site-header__date">{_long_date(story.published)}</p>',
        '<nav class="primary-nav" aria-label="Sections"><ul class="primary-nav__list">', sections, "</ul></nav>",
        '<nav class="secondary-nav" aria-label="Local"><ul>', towns, "</ul></nav>",
        '<nav class="secondary-nav secondary-nav--sport" aria-label="Sport"><ul>', sport, "</ul></nav>",
        '<form class="search" action="/search/" role="search"><input type="search" name="q" '
        'placeholder="Search" aria-label="Search"><button class="button" type="submit">Go</button></form>',
        '<a class="button button--subscribe" href="/subscribe/">Subscribe</a>',
        f'<div class="trending"><span class="trending__label">Trending</span><ul>{trending}</ul></div>',
        "</header>",
    ]


def _article(story: Story, rng: random.Random, entities: bool) -> list[str]:
    town, section = story.slots["town"], story.topic.section
    minutes = rng.randint(360, 1320)
    role = rng.choice(("Local democracy reporter", "Chief reporter", "Reporter"))
    stamp = f"{_long_date(story.published)}, {minutes // 60}:{minutes % 60:02d}"
    body = []
    for i, paragraph in enumerate(story.paragraphs):
        text = _text(paragraph, entities)
        if i == 0:
            text = f'<span class="dateline">{_text(story.dateline, False)} —</span> {text}'
        body.append(f"<p>{text}</p>")
        if i == 2:
            body.append(_ad_slot(rng, story, "inline", "300x250,336x280"))
        if i == 5:
            other = _teaser(rng)
            link = f'<a href="/news/{slug(other["headline"])}/">{_text(other["headline"], False)}</a>'
            body.append(f'<aside class="related-inline"><strong>Read more:</strong> {link}</aside>')
    tags = "".join(f'<a class="tags__item" href="/topic/{slug(t)}/">{_text(t, False)}</a>'
                   for t in (town, section, story.slots["region"], capitalised(story.slots["decider"])))  # fmt: skip
    shares = "".join(f'<a class="share__link share__link--{s}" href="#share-{s}" aria-label="Share on {s}">{s}</a>'
                     for s in ("email", "copy", "messenger", "social"))  # fmt: skip
    image = f"https://images.{story.outlet.domain}/{story.published.isoformat()}/{slug(story.headline)[:40]}.jpg"
    return [
        '<main id="content">',
        f'<nav class="breadcrumb"><a href="/">Home</a> › <a href="/{slug(section)}/">{section}</a> › '
        f'<a href="/local/{slug(town)}/">{_text(town, False)}</a></nav>',
        '<article class="story">',
        '<header class="story__header">',
        f'<p class="kicker"><a href="/{slug(section)}/">{section}</a></p>',
        f'<h1 class="story__title">{_text(story.headline, entities)}</h1>',
        f'<p class="standfirst">{_text(story.standfirst, entities)}</p>',
        f'<div class="byline">By <a rel="author" href="/authors/{slug(story.reporter)}/">{story.reporter}</a>'
        f' <span class="byline__role">{role}</span></div>',
        f'<p class="story__meta"><time datetime="{_when(story.published, minutes)}">{stamp}</time></p>',
        f'<div class="share">{shares}</div>',
        "</header>",
        f'<figure class="figure"><img src="{image}" alt="{_attr(story.caption)}" width="1200" height="800">'
        f'<figcaption class="caption">{_text(story.caption, entities)} '
        f'<span class="caption__credit">Photo: {story.photographer}</span></figcaption></figure>',
        '<div class="story-body">',
        *body,
        "</div>",
        f'<div class="tags">{tags}</div>',
        f'<div class="share share--bottom">{shares}</div>',
        '<form class="newsletter newsletter__form" action="/newsletter/" method="post">'
        f"<p>Get the {_text(story.slots['region'], False)} morning briefing in your inbox at 7am.</p>"
        '<input type="email" name="email" aria-label="Email address">'
        '<button class="button" type="submit">Sign up</button></form>',
        "</article>",
    ]


def _related(rng: random.Random, story: Story) -> list[str]:
    related = "".join(
        f'<li class="teaser"><a class="teaser__link" href="/news/{slug(t["headline"])}/">'
        f'<img class="teaser__image" src="https://images.{story.outlet.domain}/thumbs/{slug(t["town"])}-{i}.jpg"'
        ' alt="">'
        f'<h3 class="teaser__title">{_text(t["headline"], False)}</h3></a>'
        f'<p class="teaser__meta">{_text(t["standfirst"], False)}</p></li>'
        for i, t in enumerate(_teaser(rng) for _ in range(rng.randint(6, 14)))
    )
    most_read = "".join(
        f'<li><a href="/news/{slug(t["headline"])}/">{_text(t["headline"], False)}</a></li>'
        for t in (_teaser(rng) for _ in range(10))
    )
    return [
        f'<section class="related"><h2>More from {_text(story.outlet.in_text, False)}</h2><ul>{related}</ul></section>',
        f'<section class="most-read"><h2>Most read</h2><ol>{most_read}</ol></section>',
    ]


def _comments(rng: random.Random, story: Story, count: int) -> list[str]:
    items = []
    for i in range(count):
        handle = rng.choice(words.HANDLE_PARTS[0]) + rng.choice(words.HANDLE_PARTS[1]) + str(rng.randint(1, 99))
        text = " ".join(fill(rng.choice(words.COMMENTS), story.slots, rng) for _ in range(rng.randint(1, 3)))
        items.append(
            f'<li class="comment" id="comment-{story.number}-{i}"><div class="comment__meta">'
            f'<span class="comment__author">{handle}</span> <time>{rng.randint(1, 23)} hours ago</time></div>'
            f'<p class="comment__text">{_text(text, False)}</p><div class="comment__actions">'
            f'<button type="button">Reply</button> <button type="button">Report</button> '
            f'<span class="comment__likes">{rng.randint(0, 240)} likes</span></div></li>'
        )
    return [
        '<section id="comments" class="comments">',
        f"<h2>{count} comments</h2>",
        '<p class="comments__rules">Comments are checked by our moderators before they appear. Please keep to the '
        "subject of the story and be kind to one another.</p>",
        f'<ol class="comments__list">{"".join(items)}</ol>',
        "</section>",
        "</main>",
    ]


def _footer(story: Story) -> list[str]:
    links = "".join(f'<li><a href="/{slug(s)}/">{s}</a></li>' for s in words.FOOTER_LINKS)
    sections = "".join(f'<li><a href="/{slug(s)}/">{_text(s, False)}</a></li>' for s in words.NAV_SECTIONS)
    sisters = "".join(
        f'<li><a href="https://www.{o.domain}/">{o.name}</a></li>'
        for o in words.OUTLETS if o.publisher == story.outlet.publisher and o != story.outlet
    )  # fmt: skip
    return [
        '<footer class="site-footer">',
        f'<div class="site-footer__column"><h2>Sections</h2><ul>{sections}</ul></div>',
        f'<div class="site-footer__column"><h2>{_text(story.outlet.name, False)}</h2><ul>{links}</ul></div>',
        f'<div class="site-footer__column"><h2>Our other titles</h2><ul>{sisters}</ul></div>',
        f"<p>© 2026 {story.outlet.publisher} Ltd. Registered office: 4 Harbour Street, "
        f"{_text(words.TOWNS[len(story.outlet.name) % len(words.TOWNS)], False)}. "
        "Our journalism follows the code of practice of the regional press standards board.</p>",
        "</footer>",
    ]


def _state_item(rng: random.Random, story: Story, index: int) -> dict[str, Any]:
    teaser = _teaser(rng)
    return {
        "id": story.number * 10_000 + index, "type": "article", "headline": teaser["headline"],
        "standfirst": teaser["standfirst"], "url": f"/news/{slug(teaser['headline'])}-{rng.randint(10**6, 10**7)}/",
        "section": teaser["section"], "published": _when(story.published, rng.randint(0, 1439)),
        "image": {"src": f"https://images.{story.outlet.domain}/{rng.randint(10**8, 10**9)}.jpg", "width": 1200,
                  "height": 800, "alt": ""},
        "tags": [teaser["town"], teaser["section"]], "readMinutes": rng.randint(2, 9), "premium": rng.random() < 0.2,
    }  # fmt: skip


def _state(rng: random.Random, story: Story, room: int) -> str:
    """The closing state blob, grown with teasers until it takes about ``room`` bytes."""
    feed: list[dict[str, Any]] = []
    state: dict[str, Any] = {
        "page": {"type": "article", "id": story.number, "section": story.topic.section},
        "user": {"signedIn": False, "segments": sorted(rng.sample(range(100, 999), 6))},
        "feeds": {"latest": feed},
    }
    blob = f"<script>window.__INITIAL_STATE__={_script_json(state)};</script>"
    size = len(blob.encode())
    while size < room:
        item = _script_json(_state_item(rng, story, len(feed)))
        feed.append(json.loads(item))
        size += len(item.encode()) + 1
    return f"<script>window.__INITIAL_STATE__={_script_json(state)};</script>"


def render(story: Story, rng: random.Random, target: int) -> bytes:
    """The page's bytes, UTF-8, of about ``target`` bytes (between MIN_BYTES and MAX_BYTES)."""
    entities = words.OUTLETS.index(story.outlet) % 3 == 0
    url = f"https://www.{story.outlet.domain}/news/{slug(story.headline)}-{story.number + 100_000}/"
    comments = rng.randint(0, 40)
    css_rules = rng.randint(120, 320)
    while True:
        head = _head(story, random.Random(rng.getrandbits(64)), url, css_rules)
        parts = [*head, f'<body class="page page--article section-{slug(story.topic.section)}">',
                 *_menus(story, random.Random(rng.getrandbits(64))),
                 f"<style>{_LATE_STYLE}</style>",
                 _ad_slot(random.Random(rng.getrandbits(64)), story, "leaderboard", "728x90,970x250"),
                 *_article(story, random.Random(rng.getrandbits(64)), entities),
                 *_related(random.Random(rng.getrandbits(64)), story),
                 *_comments(random.Random(rng.getrandbits(64)), story, comments),
                 *_footer(story),
                 f"<script>{_SCROLL_DEPTH}</script>",
                 f"<script>{_NEWSLETTER}</script>"]  # fmt: skip
        base = len("\n".join(parts).encode()) + len("</body>\n</html>\n") + 100
        if base <= target or (comments == 0 and css_rules <= 60):
            break
        comments, css_rules = comments // 2, max(60, css_rules // 2)  # a rare small target: lighter furniture
    parts.append(_state(random.Random(rng.getrandbits(64)), story, target - base))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode()
