"""From a Document to its claims: quotations, their kind, speaker, cue and outlet.

The steps, each in its own module: ``quotes`` pairs the marks, ``sentences``
splits the text around them, ``attribution`` reads the words before and after a
quotation, ``reported`` finds statements without quote marks, and ``coref``
resolves pronouns and nominals in order of position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from verify.claims.attribution import (
    Attribution,
    Word,
    find_outlet,
    first_word,
    last_word,
    more_words_than,
    parse_head,
    parse_tail,
    plausible_subject,
    sentence_subject,
    words,
)
from verify.claims.coref import FULL_NAME, Resolver
from verify.claims.lexicon import (
    DETERMINERS,
    EVALUATIVE_VERBS,
    FEMALE_GIVEN_NAMES,
    MALE_GIVEN_NAMES,
    ORG_WORDS,
    SPEECH_VERBS,
)
from verify.claims.quotes import Quotation, find_quotations
from verify.claims.reported import ReportedSpeech, find_reported
from verify.claims.sentences import is_abbreviation, sentence_spans
from verify.claims.transcript import Turn, transcript_turns
from verify.document import BLANK_LINES
from verify.model import Claim, ClaimKind, Document, Span, Speaker

# How far past a closing mark the attribution may sit ("..., said X, the former
# minister of ..., on Monday."): enough for a long appositive, bounded for speed.
_TAIL_LIMIT = 240
# How far back an unattributed quotation may look for the one who speaks it.
_INHERIT_GAP = 400
_HEAD_LIMIT = 400
# A quoted fragment of at most this many words can be a term ("gay purge").
_TERM_MAX_WORDS = 3
# Words before a short quotation that make it someone's words, not a term.
_PARTIAL_LEADS = frozenset(
    "as that to is was are were be been it them him her us me called call calls dubbed not than "
    "from and but or of with said says saying told tells describe described it’s was:".split()
) | SPEECH_VERBS | EVALUATIVE_VERBS
_FUNCTION_STARTS = frozenset(
    "is are was were will would can could must should has have had do does did not no a an the to "
    "be we i you he she they it our my your there this that what how why very so too just never "
    "always".split()
)


@dataclass(frozen=True)
class _Draft:
    """A claim before ids are given and references are resolved."""

    kind: ClaimKind
    parts: tuple[Span, ...]
    speaker_written: str | None
    speaker_at: int
    cue: str | None
    outlet: str | None
    inherit: bool = False  # no attribution of its own: takes the previous quote's speaker
    own_speaker: bool = False  # a fragment with its own cue after it (“...,” said X)

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def extract(document: Document) -> tuple[Claim, ...]:
    text = document.text
    quotations = find_quotations(text)
    sentences = sentence_spans(text, document.paragraphs, quotations)
    reported = find_reported(text, sentences, quotations)
    starts = [s.start for s in sentences]
    paragraph_starts = [p.start for p in document.paragraphs]
    drafts = [_quote_draft(text, q, k, quotations, sentences, starts) for k, q in enumerate(quotations)]
    drafts = _join_continued_testimony(drafts, paragraph_starts)
    drafts += [_reported_draft(r) for r in reported]
    turns = transcript_turns(text)
    if turns:
        drafts = _with_turns(drafts, turns)
    if not drafts:
        return ()  # nothing to credit: the speakers' names need not be read
    drafts.sort(key=lambda d: (d.start, -d.end))
    # Capitalised words that also occur inside sentences are names, not "Phone" or "Once".
    mid_caps = {m.group(0) for m in _MID_SENTENCE_CAPITAL.finditer(text)}
    mentions = [m for m in (_subject_mention(text, s, mid_caps) for s in sentences) if m is not None]
    return _resolve(document, drafts, reported, mentions, _people_named(text), paragraph_starts)


def _people_named(text: str) -> list[tuple[int, str]]:
    """Every pair of capitalised words that may name a person in full ("Ana Lind", "Mrs Okafor"), in
    order; whether the first is a given name is asked only when a pronoun needs one of them."""
    return [(m.start(), m.group(0)) for m in FULL_NAME.finditer(text) if m.group(1).lower() not in _NOT_GIVEN]


# Capitalised words that open a sentence or a name but are never a given name.
_NOT_GIVEN = DETERMINERS | frozenset("in on at but and for with after before when while as if".split())


def _with_turns(drafts: list[_Draft], turns: list[Turn]) -> list[_Draft]:
    """A transcript's turns as direct claims of their speakers; a quotation or statement inside a
    turn is part of that speaker's words, not a claim of its own."""
    starts = [t.speaker_at for t in turns]
    kept = []
    for d in drafts:
        k = bisect_right(starts, d.end - 1) - 1  # the last turn starting before the claim ends
        if k < 0 or turns[k].words.end <= d.start:
            kept.append(d)
    kept += [_Draft(ClaimKind.DIRECT, (t.words,), t.speaker, t.speaker_at, None, None) for t in turns]
    return kept


def _paragraph_index(paragraph_starts: list[int], offset: int) -> int:
    """Same answer as ``Document.paragraph_of``, by bisection (drafts have many paragraphs)."""
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def _join_continued_testimony(drafts: list[_Draft], paragraph_starts: list[int]) -> list[_Draft]:
    """One claim for ``“A,” X said.`` followed by a quote run over paragraphs with no cue of its own.

    ``“They threw me down,” one victim said.`` then ``“They beat me.`` then ``“One
    of them said ...”``: the newspaper convention carries the same testimony on, so
    it is one claim whose parts are the three passages. A closed quote paragraph
    that follows (“...” on its own) stays a claim of its own, with the same speaker.
    """
    joined: list[_Draft] = []
    for d in drafts:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and d.kind is ClaimKind.DIRECT
            and d.inherit
            and len(d.parts) >= 2
            and prev.kind is ClaimKind.DIRECT
            and prev.speaker_written is not None
            and _paragraph_index(paragraph_starts, d.start) == _paragraph_index(paragraph_starts, prev.end) + 1
        ):
            joined[-1] = _Draft(
                prev.kind, prev.parts + d.parts, prev.speaker_written, prev.speaker_at, prev.cue, prev.outlet
            )
            continue
        joined.append(d)
    return joined


# Lowercase words that may sit inside a subject before the name it leads to:
# "Kadyrov’s press secretary, Alvi Karimov, went further".
_ROLE_WORDS = frozenset(
    "press secretary spokesman spokeswoman spokesperson campaign manager chairman chairwoman "
    "member board founder president minister senator governor mayor director chief executive "
    "aide adviser advisor official leader head former deputy vice party state federal senior "
    "top lawyer attorney candidate nominee widow mother father son daughter wife husband of the "
    "and candidate presidential general acting interim "
    # the roles of regional, court and sports news: "Assistant coroner Jane Whitlock", "Town boss Neil Kershaw"
    "coroner judge prosecutor councillor inspector sergeant constable superintendent detective officer coach boss "
    "captain manager striker midfielder defender headteacher teacher nurse doctor surgeon professor "
    "researcher scientist farmer resident volunteer".split()
)


def _named_subject(head: str) -> str | None:
    """The person a sentence is about: the last name in its subject before the verb."""
    first = first_word(head[:40])
    if first is not None and first.norm in ("he", "she"):
        return first.text
    lead = sentence_subject(head)
    if lead is None:
        return None
    start = head.find(lead)
    ws = words(head[start:])
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(ws) and k < 16:
        w = ws[k]
        if w.text[0].isupper():
            j = k
            while j + 1 < len(ws) and (ws[j + 1].text[0].isupper() or ws[j + 1].norm == "of" and j + 2 < len(ws)
                                       and ws[j + 2].text[0].isupper()):
                j += 1
            runs.append((k, j))
            k = j + 1
            continue
        if w.norm not in _ROLE_WORDS:
            break
        k += 1
    named = [(a, b) for a, b in runs if not ws[b].text.endswith(("’s", "'s"))]
    if not named:
        return lead
    a, b = named[-1]
    return head[start + ws[a].start : start + ws[b].end]


_MARKUP_ONLY = re.compile(r"[\s>*+#-]*|\s*\d+[.)]\s*")
_MARKDOWN = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|\]\([^)\s]*\)|\[")


def _plain(name: str) -> str:
    """A name as the reader sees it: without Markdown emphasis or link syntax."""
    return _MARKDOWN.sub("", name).strip() or name


_BYLINE = re.compile(r"[\s*_]*By\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*(?:,|\||\n|$)")
# (the capital first, then what stands before it: a search for a capital skips ahead fast)
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w-]+")


def _subject_mention(text: str, sentence: Span, mid_caps: set[str]) -> tuple[int, str] | None:
    """The named subject (or subject pronoun) of a sentence, for later "he"/"she"."""
    head = text[sentence.start : min(sentence.end, sentence.start + 160)]
    if head[:1] in "“\"‘'«„" or _BYLINE.match(head):
        return None  # a byline names the writer, who never speaks in the story
    name = _named_subject(head)
    if not name:
        return _last_full_name(text, sentence)
    ws = words(name)
    if len(ws) == 1 and ws[0].norm not in ("he", "she") and (ws[0].text.isupper() or ws[0].norm in DETERMINERS):
        return None
    organisation = ws[-1].norm in ORG_WORDS and ws[-1].text[0].isupper()  # "The Dock Workers Union"
    if not plausible_subject(name) or not ws[0].text[0].isupper() or ws[0].norm in DETERMINERS and not organisation:
        return None
    if ws[0].norm not in ("he", "she") and not any(w.text in mid_caps for w in ws):
        return None
    return sentence.start + max(0, head.find(name)), name


def _last_full_name(text: str, sentence: Span) -> tuple[int, str] | None:
    """A sentence whose subject names nobody ("The vote split the board, with Hillary Berg
    leading the critics") still puts forward the last person it names in full."""
    found = None
    for m in FULL_NAME.finditer(text, sentence.start, sentence.end):
        first = m.group(1).lower()
        if first in MALE_GIVEN_NAMES or first in FEMALE_GIVEN_NAMES:
            found = (m.start(), m.group(0))
    return found


def _sentence_of(sentences: tuple[Span, ...], starts: list[int], offset: int) -> Span | None:
    k = bisect_right(starts, offset) - 1
    return sentences[k] if k >= 0 else None


_TURN = re.compile(r"[ \t]*[A-Z][\w .'’()-]{0,60}:")


def _is_wrap(text: str, start: int, at: int, limit: int) -> bool:
    """Whether the line break at ``at`` only wraps an attribution begun on its line ("the mayor,
    Ellen Park,\nsaid."): where blank lines part paragraphs, the line holds part of it and has
    not ended a sentence, and the next line goes on with words, not a transcript turn."""
    before = text[start:at].rstrip()
    return (
        bool(before)
        and before[-1] not in ".!?”\"’:"
        and _wraps_lines(text)
        and text[at + 1 : limit].lstrip(" \t")[:1].isalpha()
        and _TURN.match(text, at + 1) is None
    )


@lru_cache(maxsize=8)
def _wraps_lines(text: str) -> bool:
    """Whether blank lines part this text's paragraphs, so a single line break only wraps one."""
    return BLANK_LINES.search(text) is not None


def _tail_end(text: str, start: int, limit: int) -> int:
    i = start
    while i < limit:
        ch = text[i]
        if ch == "\n" and not _is_wrap(text, start, i, limit):
            return i
        if ch in ".!?" and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in "”\"’)"):
            if not (ch == "." and is_abbreviation(text, i)):
                return i + 1
        i += 1
    return limit


def _quote_draft(
    text: str,
    q: Quotation,
    k: int,
    quotations: tuple[Quotation, ...],
    sentences: tuple[Span, ...],
    starts: list[int],
) -> _Draft:
    sent = _sentence_of(sentences, starts, q.open_at)
    head_start = sent.start if sent is not None else max(0, q.open_at - _HEAD_LIMIT)
    line_start = text.rfind("\n", max(0, q.open_at - _HEAD_LIMIT), q.open_at) + 1  # near lines only: linear
    head_start = max(head_start, q.open_at - _HEAD_LIMIT, line_start)
    if k > 0 and quotations[k - 1].close_end > head_start:
        head_start = quotations[k - 1].close_end
    head = text[head_start : q.open_at]
    if not head.strip():
        # "He said:" closing the paragraph before the quotation introduces it.
        window_start = max(0, q.open_at - _HEAD_LIMIT)
        lead_in = text[window_start : q.open_at].rstrip()
        if lead_in.endswith(":") and "\n" in text[window_start + len(lead_in) : q.open_at]:
            line_start = lead_in.rfind("\n") + 1
            head_start = window_start + line_start
            head = text[head_start : window_start + len(lead_in)]
    limit = min(len(text), q.close_end + _TAIL_LIMIT)
    if k + 1 < len(quotations):
        limit = min(limit, quotations[k + 1].open_at)
    tail_end = _tail_end(text, q.close_end, limit)
    tail = text[q.close_end : tail_end]

    quoted = q.text_in(text)
    short = not more_words_than(quoted, _TERM_MAX_WORDS)
    head_trim = head.rstrip()
    if _MARKUP_ONLY.fullmatch(head_trim):
        head_trim = ""  # "> “…”" or "- “…”": a Markdown quote block or list item opens the line
    head_last = last_word(head_trim)
    introduced = (
        not head_trim
        or head_trim[-1] in ",:—–―-("
        or (head_last is not None and head_trim.endswith(head_last.text)
            and head_last.norm in SPEECH_VERBS and quoted[:1].isupper())
    )
    ends_clause = text[q.close_end - 2 : q.close_end - 1] in (".", ",", "!", "?", "…", ";", ":", "—", "–") or (
        text[q.close_end - 2 : q.close_end] == "''" and text[q.close_end - 3 : q.close_end - 2] in ".,!?"
    )
    tail_trim = tail.lstrip()
    tail_attr = parse_tail(tail, offset=q.close_end)
    if introduced and short and not ends_clause and tail_attr is None:
        introduced = bool(head_trim) and head_trim[-1] in ":,"  # “Gay purge” is a phrase ...
        if not introduced:
            return _Draft(ClaimKind.TERM, q.parts, None, -1, None, None)
    if introduced:
        head_attr = parse_head(head, offset=head_start)
        attr = tail_attr or head_attr
        if attr is None and _is_title(quoted):
            return _Draft(ClaimKind.TERM, q.parts, None, -1, None, None)  # “All Bets Are Off.”
        if attr is None:
            return _Draft(ClaimKind.DIRECT, q.parts, None, -1, None, None, inherit=True)
        outlet = attr.outlet or find_outlet(head) or find_outlet(tail)
        return _Draft(ClaimKind.DIRECT, q.parts, attr.speaker, attr.speaker_at, attr.cue, outlet)

    # A fragment inside a sentence: partial quote or term.
    head_attr = parse_head(head, offset=head_start, partial=True)
    if head_attr is None and sent is not None and head_start > sent.start:
        # “disgusting” and “a con”: the cue before the first fragment covers both
        # (as far back as any head reaches: a sentence of many fragments stays linear)
        whole_start = max(sent.start, q.open_at - _HEAD_LIMIT)
        head_attr = parse_head(text[whole_start : q.open_at], offset=whole_start, partial=True)
    closes = tail_trim[:1] in (",", "—", "–", "―") or text[q.close_end - 2 : q.close_end - 1] == ","
    end_attr = tail_attr if closes else None
    attr = head_attr or end_attr
    short_term = short and not _ends_sentence(text, q, attr)
    if (short_term and _looks_like_term(quoted, head_last, attr)) or (
        attr is None and _is_title(quoted)
    ):
        return _Draft(ClaimKind.TERM, q.parts, None, -1, None, None)
    if attr is None:
        return _Draft(ClaimKind.PARTIAL, q.parts, None, -1, None, None)
    outlet = attr.outlet
    if head_attr is not None and end_attr is not None and end_attr.cue and end_attr.speaker:
        if end_attr.cue.lower() in {"reported", "reports", "wrote", "writes"}:
            outlet = end_attr.speaker  # "X said ... “...,” The Independent reported"
    own = head_attr is None and end_attr is not None and (end_attr.cue or "").lower() not in _REPORTER_CUES
    return _Draft(ClaimKind.PARTIAL, q.parts, attr.speaker, attr.speaker_at, attr.cue, outlet, own_speaker=own)


_REPORTER_CUES = frozenset({"reported", "reports", "wrote", "writes"})


_TITLE_MAX_WORDS = 8


def _ends_sentence(text: str, q: Quotation, attr: Attribution | None) -> bool:
    """An attributed fragment that closes its sentence is someone's words: calls him “fit.”"""
    if attr is None:
        return False
    inner_end = text[q.end - 1 : q.end]
    after = text[q.close_end : q.close_end + 2]
    return inner_end in ".!?" or after[:1] in (".", "!", "?")


def _is_title(quoted: str) -> bool:
    """Title Case of a few words: the name of a show, book or slogan, not speech."""
    ws = words(quoted)
    if not 2 <= len(ws) <= _TITLE_MAX_WORDS:
        return False
    return all(w.text[0].isupper() or w.text[0].isdigit() for w in ws if len(w.text) > 3)


def _looks_like_term(quoted: str, previous: Word | None, attr: Attribution | None) -> bool:
    """A short quoted fragment is a term unless it reads as someone's words.

    Someone's words: the fragment is attributed in its sentence and either follows
    a word that introduces speech ("as", "that", "called", a speech verb) or opens
    like a clause ("is not over", "we will"). Anything else (the “gay purge”, an
    alleged Chechen “anti-gay purge”, a title in Title Case) names something.
    """
    ws = words(quoted)
    if not ws:
        return True
    if attr is None:
        return True
    if len(ws) > 1 and all(w.text[0].isupper() for w in ws if len(w.text) > 3):
        return True  # a title or a name: ‘Gay Purge’
    if previous is not None and previous.norm in _PARTIAL_LEADS:
        return False
    return ws[0].norm not in _FUNCTION_STARTS


def _reported_draft(r: ReportedSpeech) -> _Draft:
    return _Draft(ClaimKind.REPORTED, r.parts or (r.content,), r.speaker, r.speaker_at, r.cue, r.outlet)


def _resolve(
    document: Document,
    drafts: list[_Draft],
    reported: list[ReportedSpeech],
    mentions: list[tuple[int, str]],
    named: list[tuple[int, str]],
    paragraph_starts: list[int],
) -> tuple[Claim, ...]:
    text = document.text
    resolver = Resolver(text)
    claims: list[Claim] = []
    last_quote_speaker: Speaker | None = None
    last_quote_end = -1
    reported_starts = [r.content.start for r in reported]  # in order: one per sentence at most
    resolved_reported: dict[tuple[int, int], Speaker | None] = {}
    next_mention = next_named = 0
    for d in drafts:
        speaker: Speaker | None
        at = d.start
        while next_named < len(named) and named[next_named][0] < at:
            resolver.observe_named(named[next_named][1], named[next_named][0])
            next_named += 1
        while next_mention < len(mentions) and mentions[next_mention][0] < at:
            pos, name = mentions[next_mention]
            if name.lower() in ("he", "she"):
                resolver.learn(name.lower(), pos)
            else:
                resolver.observe(name, pos)
            next_mention += 1
        if d.kind is ClaimKind.TERM:
            speaker = None
        elif d.speaker_written is not None:
            speaker = resolver.speaker(_plain(d.speaker_written), at)
        else:
            speaker = None
        cue, outlet = d.cue, d.outlet
        if d.kind is ClaimKind.PARTIAL and not d.own_speaker:
            # A fragment inside reported speech belongs to the one reported.
            k = bisect_right(reported_starts, d.start) - 1
            owner = reported[k] if k >= 0 else None
            host = (owner.content.start, owner.content.end) if owner is not None else None
            if owner is not None and host is not None and d.end <= host[1] + 1 and resolved_reported.get(host):
                speaker = resolved_reported[host]
                cue, outlet = owner.cue, d.outlet or owner.outlet
        if d.inherit and speaker is None and last_quote_speaker is not None:
            # measured in place, not copied: the last quote may lie far back
            if d.start - last_quote_end < _INHERIT_GAP and text.count("\n\n", last_quote_end, d.start) <= 1:
                speaker = last_quote_speaker
        if d.inherit and speaker is None and next_mention > 0:
            # "Mayor Lind was asked about it.\n\n“It will not happen.”": the one named
            # just before speaks, if nothing else came between.
            pos, name = mentions[next_mention - 1]
            if name.lower() not in ("he", "she") and d.start - pos < _INHERIT_GAP and pos > last_quote_end:
                if not any(last_end > pos for last_end in (c.span.end for c in claims[-1:])):
                    speaker = Speaker(name)
        if d.kind is ClaimKind.REPORTED:
            resolved_reported[(d.start, d.end)] = speaker
        if d.kind in (ClaimKind.DIRECT, ClaimKind.PARTIAL) and speaker is not None:
            last_quote_speaker = speaker
            last_quote_end = d.end
        elif d.kind is ClaimKind.REPORTED and speaker is not None and last_quote_speaker is not None:
            if speaker.name != last_quote_speaker.name:
                last_quote_speaker = None  # someone else has spoken since
        if d.kind in (ClaimKind.DIRECT,):
            last_quote_end = d.end
        resolver.observe_speaker(speaker, at)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                kind=d.kind,
                text=" ".join(text[p.start : p.end] for p in d.parts),
                span=Span(d.start, d.end),
                paragraph=_paragraph_index(paragraph_starts, d.start),
                speaker=speaker,
                cue=cue if d.kind is not ClaimKind.TERM else None,
                outlet=outlet if d.kind is not ClaimKind.TERM else None,
                parts=d.parts,
            )
        )
    return tuple(claims)

