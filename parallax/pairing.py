"""Stages 2 and 6 together: one pair's matches and reuse, with weaker evidence trusted where wording is taken.

A sentence a rewrite reworded past recognition still sits where its source
sentence sat (:func:`parallax.gaps.sandwiched`); one whose main fact the
rewrite changed still has one clear counterpart, however weak
(:func:`parallax.gaps.exclusive_pairs`). Such evidence may vouch for a link
only where one article takes its wording from the other: two independent
reports often run in the same order (lede, the statement both quote,
reaction) with other facts in between. So a pair is aligned, its reuse
measured, and where reuse reaches ``reuse_threshold`` those links are kept.
The pair is aligned once, trusting; each link that trust alone adds is a
match of its own, so leaving those out gives the plain alignment, on which
reuse is measured.

``compare``, ``matrix`` and the archive job all take a pair's matches from
here, so they report the same figures for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .align import align, align_trusting_derivation, score_pairs
from .model import Analysis, Match
from .options import DEFAULT_OPTIONS, CompareOptions
from .reuse import reuse


@dataclass(frozen=True)
class AlignedPair:
    matches: tuple[Match, ...]
    reuse: tuple[float, float]  # share of A's wording from B, of B's from A
    derived: bool  # one takes its wording from the other (reuse at the threshold)


def align_pair(a: Analysis, b: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> AlignedPair:
    """A pair's matches (weaker evidence trusted if one takes its wording from the other) and reuse both ways."""
    scored = score_pairs(a, b, options)
    trusting, derivation_only = align_trusting_derivation(a, b, options, scored)
    plain = tuple(m for m in trusting if not (len(m.a) == len(m.b) == 1 and (m.a[0], m.b[0]) in derivation_only))
    if any(len(m.a) + len(m.b) > 2 and any((i, j) in derivation_only for i in m.a for j in m.b) for m in plain):
        plain = align(a, b, options, scored=scored)  # a split sentence's half widened a group: align again
    shared_wording = reuse(a, b, plain)
    derived = max(shared_wording) >= options.reuse_threshold
    return AlignedPair(trusting if derived else plain, shared_wording, derived)
