"""What the fuzzing suite feeds verify: drafts that read like news, and drafts that do not.

News-like drafts are built from small fictional pieces (names, speech verbs, quoted passages
with every kind of quote mark, apostrophes, brackets, Markdown links and images, HTML tags,
addresses, mentions, issue numbers) joined by the punctuation and breaks real drafts have, so
the extractor's rules are all exercised; random Unicode (lone surrogates and control
characters included) and runs of one hostile character are mixed in.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

NAMES = ["Ana Lind", "Tom Vale", "Mayor Ines Morrow", "the harbour board", "she", "he", "they", "Dr. Hugh Hill",
         "the Dock Workers Union", "one fisherman, known as OK", "Kadyrov’s press secretary"]  # fmt: skip
VERBS = ["said", "told reporters", "added", "wrote", "warned", "says", "claimed", "told the Gazette",
         "said in a statement", "according to", "called it", "denied that"]  # fmt: skip
WORDS = [
    "the", "pier", "will", "not", "reopen", "in", "spring", "40,000", "crowns", "rotten", "planks", "nobody",
    "listened", "to", "us", "it's", "don’t", "’90s", "'tis", "rock ’n’ roll", "Monday", "U.S.", "Mr.", "e.g.",
    "vote", "is", "a", "disgrace", "…", "[the board]", "(sic)", "*really*", "_never_", "`code`", "6'2\"",
    "http://harbour.example/plan", "www.harbour.example", "desk@harbour.example", "@ana", "#12", "GH-7",
]  # fmt: skip
OPEN_CLOSE = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("‚", "‘"), ("‹", "›"),
              ("“", ""), ("", "”"), ("'", "")]  # fmt: skip
HOSTILE_CHARS = "[]()*_`<>&'\"“”‘’«»„‚‹›.!?…—–-,;:\n\t #@\\|~$!"
MARKUP = ["<p>", "</p>", "<b>", "</b>", "<a href='https://harbour.example/x'>", "</a>", "<br>", "<div>", "</div>",
          "<script>alert(1)</script>", "<!-- note -->", "&amp;", "&#x201c;", "<blockquote>", "</blockquote>",
          "[the Gazette](https://gazette.example/a)", "![the pier](https://port.example/p.png)",
          "[a](https://x.example/1 \"title\")", "](", "[", "> ", "- ", "1. ", "# ", "\n\n", "\n"]  # fmt: skip

# What may open a line or a sentence before its speaker: datelines, times, labels.
LEADS = ["", "", "KYIV – ", "LONDON (Reuters) — ", "Three weeks later, ", "On Monday, ", "10:30: ", "2024: ",
         "UPDATE: ", "Photo: ", "Q&A\n\n"]  # fmt: skip
# Labels of transcript lines: speakers, and words that open a note, a time or a date instead.
TURN_LABELS = ["Ana Lind", "TOM VALE", "MS R. OYELARAN (Finance Director)", "Judge Amy Hart", "Lind", "Q", "A",
               "UPDATE", "Correction", "Photo", "Editor's note", "Read more", "10:30", "2024", "Oct. 3", "Monday",
               "Venue"]  # fmt: skip

words = st.sampled_from(WORDS)
phrase = st.lists(words, min_size=1, max_size=12).map(" ".join)


@st.composite
def quotation(draw: st.DrawFn) -> str:
    opening, closing = draw(st.sampled_from(OPEN_CLOSE))
    inner = draw(phrase)
    if draw(st.booleans()):
        inner += draw(st.sampled_from([",", ".", "?", "!", "…", ""]))
    return f"{opening}{inner}{closing}"


@st.composite
def sentence(draw: st.DrawFn) -> str:
    name, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    shape = draw(st.integers(0, 9))
    if shape == 0:
        return f"{draw(quotation())} {name} {verb}."
    if shape == 1:
        return f"{name} {verb}: {draw(quotation())}"
    if shape == 2:
        return f"{name} {verb} that {draw(phrase)}."
    if shape == 3:
        return f"{draw(phrase).capitalize()}, {name} {verb}."
    if shape == 4:
        return f"{name} {verb} the plan {draw(quotation())} and {draw(quotation())}."
    if shape == 5:
        return f"{draw(st.sampled_from(LEADS))}{name}, who in 2010 {verb} {draw(phrase)}, {draw(phrase)}."
    if shape == 6:
        return f"As {name} {verb}, {draw(phrase)}."
    if shape == 7:
        return f"{draw(phrase).capitalize()}. {name} {verb} Tuesday."
    if shape == 8:
        return f"The pier, {name} {verb}, {draw(phrase)}."
    return f"{draw(phrase).capitalize()}."


@st.composite
def transcript(draw: st.DrawFn) -> str:
    """Lines of ``LABEL: words``, some after a Q&A heading, with the labels above."""
    heading = draw(st.sampled_from(["", "", "## Q&A with the harbour master\n\n", "Transcript\n\n"]))
    turns = draw(st.lists(st.tuples(st.sampled_from(TURN_LABELS), phrase), min_size=1, max_size=6))
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    return heading + gap.join(f"{label}: {said}" for label, said in turns)


piece = st.one_of(
    sentence(),
    transcript(),
    sentence(),
    quotation(),
    phrase,
    st.sampled_from(MARKUP),
    st.text(alphabet=HOSTILE_CHARS, max_size=20),
    st.text(max_size=15),  # any Unicode: lone surrogates, control and format characters too
)
separator = st.sampled_from([" ", " ", "\n\n", "\n", "", "\n\n\n"])


@st.composite
def news_text(draw: st.DrawFn, max_pieces: int = 25) -> str:
    """A draft's text: pieces of news-like prose and hostile fragments, joined."""
    pieces = draw(st.lists(st.tuples(piece, separator), max_size=max_pieces))
    return "".join(p + s for p, s in pieces)


def runs() -> st.SearchStrategy[str]:
    """One character (or a short unit) repeated: what once took quadratic time."""
    unit = st.sampled_from(["[", "“a” ", "'tis word ", "‘", "“", "'", " 'a", ".", "a.", "(", "*", "_", "`", "<",
                            "[a](", "according to ", "A", "\n", "Ana Lind: a\n", "10:30: ", "who said ",
                            "Q&A ", "As a noted, ", "a, according to b, ", "a, b said, "])  # fmt: skip
    return st.tuples(unit, st.integers(1, 400)).map(lambda pair: pair[0] * pair[1])


drafts = st.one_of(news_text(), news_text(), runs(), st.text(max_size=200))
formats = st.sampled_from(["text", "markdown", "html"])


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, a few levels deep."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
        max_leaves=12,
    )
