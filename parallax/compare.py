"""The orchestrator: analyses in, a :class:`Comparison` out.

1. analyse each article (ingest, boilerplate, sentences, mentions, dates)
   -- see :mod:`parallax.analyse`; done once per article and reused
2. align the sentences (:mod:`parallax.align`; weaker evidence trusted where wording is taken:
   :mod:`parallax.pairing`)
3. measure coverage both ways
4. merge entities across both articles (:mod:`parallax.entities`)
5. gather the dates of both, tagged with their article
6. measure reuse of wording both ways (:mod:`parallax.reuse`)
7. list what changed inside each match (:mod:`parallax.differences`)
"""

from __future__ import annotations

from .align import coverage
from .analyse import analyse
from .differences import find_differences
from .entities import merge_entities
from .model import Analysis, Article, Comparison
from .options import DEFAULT_OPTIONS, CompareOptions
from .pairing import align_pair


def describe(a: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> Comparison:
    """One article on its own: what ``analyse`` prints."""
    return Comparison(
        documents=(a,),
        entities=merge_entities([a], options),
        dates=tuple((0, d) for d in a.dates),
    )


def compare(a: Analysis, b: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> Comparison:
    """Compare two analysed articles."""
    pair = align_pair(a, b, options)
    matches = pair.matches
    entities = merge_entities([a, b], options)
    return Comparison(
        documents=(a, b),
        matches=matches,
        coverage=(coverage(a, matches, "a", options), coverage(b, matches, "b", options)),
        entities=entities,
        dates=tuple((0, d) for d in a.dates) + tuple((1, d) for d in b.dates),
        reuse=pair.reuse,
        # One takes its wording from the other: a speaker's credit dropped anywhere is uncredited reuse.
        differences=find_differences(a, b, matches, entities, pair.derived),
    )


def compare_articles(a: Article, b: Article, options: CompareOptions = DEFAULT_OPTIONS) -> Comparison:
    return compare(analyse(a, options), analyse(b, options), options)
