"""Stage 6, wording: how much of each article's wording comes from the other.

Coverage answers "does the other article state this too?"; reuse answers
"was this text taken from the other?". Two independent reports of one event
share facts, so their coverage is high, but they word them differently, so
their reuse is low. Reuse of article X from article Y is the mean of:

1. the share of X's text (non-space characters, boilerplate left out) in
   *strong* matches with Y, verbatim or paraphrase; partial matches count
   nothing, since restating a fact is what independent reports do;
2. word 4-gram containment: the share of X's lower-cased word 4-grams
   (function words kept, as in passim and TextPAIR) that Y also has. A copy
   keeps long runs of words; independent wording rarely shares four in a row.

The figure means the same on every story: no normalisation by the cluster
(a family of copies would make its own wording look common). One threshold,
``reuse_threshold`` in ``defaults.toml``, says when a pair shares wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .align import sentence_sizes
from .memo import per_analysis
from .model import Analysis, Match

SHINGLE = 4
_WORD = re.compile(r"\w+")


@per_analysis
def shingles_of(analysis: Analysis) -> frozenset[tuple[str, ...]]:
    """Lower-cased word 4-grams of the article's own text (boilerplate, bylines and captions left out)."""
    text = analysis.article.text
    shingles: set[tuple[str, ...]] = set()
    for sentence in analysis.sentences:
        if not sentence.alignable:
            continue
        words = [w.lower() for w in _WORD.findall(text[sentence.start : sentence.end])]
        shingles.update(tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1))
    return frozenset(shingles)


def containment(a: Analysis, b: Analysis) -> tuple[float, float]:
    """Share of A's 4-grams found in B, and of B's found in A."""
    sa, sb = shingles_of(a), shingles_of(b)
    if not sa or not sb:
        return 0.0, 0.0
    shared = len(sa & sb)
    return shared / len(sa), shared / len(sb)


def strong_share(analysis: Analysis, matches: Sequence[Match], side: str, wording_threshold: float = 0.6) -> float:
    """Share of the article's text (non-space characters) in matches whose *wording* is a copy or a
    close paraphrase (word and character score at least ``wording_threshold``): the same statement
    in other words does not count."""
    strong = {i for m in matches if m.wording >= wording_threshold for i in (m.a if side == "a" else m.b)}
    sizes = sentence_sizes(analysis)
    own = [s.index for s in analysis.sentences if s.alignable]  # bylines, captions, boilerplate left out
    total = sum(sizes[i] for i in own)
    covered = sum(sizes[i] for i in own if i in strong)
    return covered / total if total else 0.0


def reuse(a: Analysis, b: Analysis, matches: Sequence[Match], wording_threshold: float = 0.6) -> tuple[float, float]:
    """``(share of A's wording from B, share of B's wording from A)``, each 0-1."""
    contained_a, contained_b = containment(a, b)
    return (
        round(0.5 * strong_share(a, matches, "a", wording_threshold) + 0.5 * contained_a, 4),
        round(0.5 * strong_share(b, matches, "b", wording_threshold) + 0.5 * contained_b, 4),
    )
