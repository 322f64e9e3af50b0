"""Stages 2 and 6 together: one pair's matches and reuse, order trusted where wording is taken.

A sentence a rewrite reworded past recognition still sits where its source
sentence sat. Order may vouch for such a sentence only where one article
takes its wording from the other: two independent reports often run in the
same order (lede, the statement both quote, reaction) with other facts in
between. So a pair is aligned, its reuse measured, and where reuse reaches
``reuse_threshold`` it is aligned again trusting order
(:func:`parallax.gaps.sandwiched`). The pair scores are computed once, and
reuse is measured again on the final matches (the links order adds are weak
ones, which reuse hardly ever counts).

``compare``, ``matrix`` and the archive job all take a pair's matches from
here, so they report the same figures for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .align import align, score_pairs
from .model import Analysis, Match
from .options import DEFAULT_OPTIONS, CompareOptions
from .reuse import reuse


@dataclass(frozen=True)
class AlignedPair:
    matches: tuple[Match, ...]
    reuse: tuple[float, float]  # share of A's wording from B, of B's from A
    derived: bool  # one takes its wording from the other (reuse at the threshold)


def align_pair(a: Analysis, b: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> AlignedPair:
    scored = score_pairs(a, b, options)
    matches = align(a, b, options, scored=scored)
    shared_wording = reuse(a, b, matches)
    derived = max(shared_wording) >= options.reuse_threshold
    if derived:
        matches = align(a, b, options, trusted_order=True, scored=scored)
        shared_wording = reuse(a, b, matches)
    return AlignedPair(matches, shared_wording, derived)
