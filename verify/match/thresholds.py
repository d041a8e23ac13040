"""Every number the matcher decides with, in one place.

Each constant says what it guards and what set it. "Dev set" means the labelled pairs in
``tests/match/fixtures/pairs.toml`` (written for this project, measured by
``bench/eval_matching.py``); a value chosen while looking at that set is tuned on it, so the
eval figures for it are development figures, not a held-out measurement.
"""

from __future__ import annotations

# --- Editorial marks in a quote ------------------------------------------------------------

# An ellipsis may leave out at most this many source words between two quoted segments. Guards
# against "confirming" a quote stitched from words that are far apart. Set by judgement: about
# three long news sentences; a reporter cutting more than that is quoting two passages.
MAX_ELLIPSIS_GAP_WORDS = 80

# A [bracketed insertion] stands for at most this many source words ("[Kadyrov]" for "he", "[the
# ministry]" for "it"). Set by judgement: a name or a short noun phrase.
MAX_BRACKET_SOURCE_WORDS = 4

# The parts of a quote split by attribution ("...," he said, "...") or running over several
# paragraphs may sit this many source words apart (the source's own "he said" between them).
MAX_PART_GAP_WORDS = 12

# --- Candidate search ------------------------------------------------------------------------

# How many of a segment's rarest words seed the fuzzy candidate search. More seeds find heavily
# edited quotes; fewer keep the vote cheap. Set by judgement, checked on the bench corpus.
SEED_WORDS = 8

# A word found in more texts than this is never a seed (it votes for thousands of windows and
# says nothing) ...
MAX_SEED_UNITS = 1000
# ... and seeds are taken rarest first only while the texts they occur in add up to at most this
# (the first two are always taken). Bounds the vote's cost per quote on a large corpus; the
# rarest words carry nearly all the information. Chosen on the bench corpus (3,000 x 300): 3000
# and 1000 gave the same agreement, 400 lost two quotes; 1000 cut the matcher's time by a third.
SEED_UNITS_BUDGET = 1000

# A candidate window needs at least this many distinct seed words voting for it ...
MIN_SEED_VOTES = 2
# ... and at least this share of the seeds that occur anywhere. Guards the aligner from being
# run on windows that share one or two common words with the quote.
MIN_SEED_VOTE_SHARE = 0.3

# How many candidate windows per claim segment go on to alignment (the best by votes).
MAX_FUZZY_CANDIDATES = 4

# Exact search reads the anchor word's hits only in units that also hold this many of the
# segment's next rarest words (a verbatim match needs them all, so this changes no result;
# it only skips units). Two was enough to cut the units read on the bench corpus by ~90%.
EXACT_FILTER_WORDS = 2

# Exact hits of a quote's anchor segment examined at most (a phrase repeated in hundreds of
# sources needs no more). Bounds the cost of boilerplate quotes.
MAX_EXACT_HITS = 200

# A segment of an ellipsis quote found next to the others only when at least this share of its
# words line up there; below it the segment counts as missing (all its words "deleted").
MIN_NEARBY_SEGMENT_COVERAGE = 0.5

# --- Alignment: what counts as the same passage -----------------------------------------------

# A direct or partial quote counts as found-but-altered only when at least this share of its
# words appear, in order, in the aligned source passage ...
MIN_ALTERED_CLAIM_COVERAGE = 0.6
# ... and at least this share of the aligned source passage's words are the quote's (so a
# passage padded with many extra words is not the quote). Both set by judgement before any
# labelled data existed and never moved; on the dev set the classes "word_changed" (always
# >= 0.8) and "absent" (no candidate passage at all) sit far from them.
MIN_ALTERED_SOURCE_COVERAGE = 0.5

# A quote with fewer words than this is confirmed only verbatim and never called altered: two
# words sharing one word with a passage say nothing. Set by judgement.
MIN_ALTERED_CLAIM_WORDS = 4

# A quote's dates are compared with the source's within this many words either side of the
# aligned passage: a date changed at the very end of a quote aligns to nothing, and the source's
# date sits just past the passage. Two covers "on Friday" and "in late May".
DATE_REACH_WORDS = 2

# A quote's first or last words written in another house style align to nothing; the source's
# words up to this many beyond the aligned passage are tried as their other spelling. Three
# covers "40 million pounds" for "£40m".
STYLE_REACH_WORDS = 3

# --- Reported speech ---------------------------------------------------------------------------

# A source passage supports a reported statement when it carries at least this share of the
# statement's content words (stemmed) and every number in it. Set by judgement before the dev
# set existed; one dev pair (P17 "reworded") fell just under it (4 of 7) because it drew on two
# sentences far apart, and was rewritten rather than the threshold lowered.
MIN_REPORTED_CONTENT_COVERAGE = 0.6

# A reported statement needs at least this many content words (its numbers included) to be
# checked at all; fewer (e.g. "it was wrong") would be supported by almost any passage.
MIN_REPORTED_CONTENT_WORDS = 2

# A supporting passage is at most this many consecutive source sentences.
REPORTED_PASSAGE_SENTENCES = 2

# Candidate passages (best by the rare-stem vote) checked in full per reported statement.
REPORTED_PASSAGES_CHECKED = 8

# --- Evidence ------------------------------------------------------------------------------------

# Words of source context shown either side of the matched passage in Evidence.snippet.
SNIPPET_CONTEXT_WORDS = 6

# --- Approximate figures -------------------------------------------------------------------------

# A number after one of these words is an estimate, not a figure: it agrees with a figure that
# lies within the stated share below or above it, and then neither supports nor contradicts by
# its digits alone. Each pair is (share below, share above) the stated number. Set by judgement
# from how newsrooms round: "about" rounds to two significant figures, which moves a number by
# at most 5%; "nearly" and "almost" round up to a figure just above; "more than" and "over"
# usually round down to a round figure, so a quarter above is still fair; "fewer than", "under"
# and "up to" are their mirror.
APPROXIMATORS: dict[str, tuple[float, float]] = {
    "about": (0.05, 0.05),  # rounded either way to two significant figures
    "around": (0.05, 0.05),  # as "about"
    "roughly": (0.05, 0.05),  # as "about"
    "approximately": (0.05, 0.05),  # as "about"
    "some": (0.05, 0.05),  # "some 1,400 people": as "about"
    "an estimated": (0.05, 0.05),  # an estimate is no closer than "about"
    "nearly": (0.05, 0.0),  # rounded up: the figure is a little below the stated number
    "almost": (0.05, 0.0),  # as "nearly"
    "close to": (0.05, 0.05),  # either side, as "about"
    "just under": (0.05, 0.0),  # as "nearly"
    "just over": (0.0, 0.05),  # rounded down, a little above
    "more than": (0.0, 0.25),  # rounded down to a round figure: up to a quarter above
    "over": (0.0, 0.25),  # as "more than"
    "at least": (0.0, 0.25),  # as "more than"
    "fewer than": (0.25, 0.0),  # rounded up to a round figure: up to a quarter below
    "less than": (0.25, 0.0),  # as "fewer than"
    "under": (0.25, 0.0),  # as "fewer than"
    "up to": (0.25, 0.0),  # a ceiling: up to a quarter below
}

# --- Short quotes ------------------------------------------------------------------------------

# A quote with fewer words than this is short: one shared word is a large share of it, so it
# counts as altered only when most of its content words are in the passage. Set by judgement: a
# phrase of five words or fewer is what reporters quote as a fragment ("check the ledger").
SHORT_QUOTE_WORDS = 6

# The share of a short quote's content words (words outside the stop list) the passage must
# hold for the quote to be altered rather than not found: more than half, i.e. "most".
MIN_SHORT_QUOTE_CONTENT_SHARE = 0.5
