"""English function words: never content words of a statement or a short quote."""

from __future__ import annotations

# English function words: never content words of a reported statement.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it it's its itself
    just me more most my myself now of off on once only or other our ours ourselves out over own
    said same say says she should so some such than that that's the their theirs them themselves
    then there there's these they this those through to too told under until up us very was we were
    what when where which while who whom why will with would you your yours yourself also according
    week year last told tells telling""".split()
)
