"""Where two reworded sentences put the same fact: anchors and the gaps between them.

A rewrite changes a sentence's words but keeps much of its skeleton: the
names, figures and some of the words stay, and stay in order. The content
words both sentences share, in the order both keep them (their longest common
subsequence by lemma, a shared figure counting as three words), are
*anchors*. Between two consecutive anchors each sentence has a *gap*; gap
``g`` is what lies after the ``g``-th anchor.

A fact in gap ``g`` of one sentence and a fact of the same kind in gap ``g``
of the other stand in the same place: one was put in the other's place
("announced on Monday" / "announced on Friday"). A fact with nothing of its
kind opposite was added or left out, which is not a change; nor is a fact
that moved to another place in the sentence, which a pair of partial
overlaps (two statements sharing a clause) would otherwise turn into false
changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .model import Sentence


@dataclass(frozen=True)
class Anchors:
    """The start offsets of the anchor words in each sentence, in order (both the same length)."""

    a: tuple[int, ...]
    b: tuple[int, ...]

    def gap(self, side: int, position: int) -> int:
        """The gap a character offset lies in: how many anchors start before it."""
        return bisect.bisect_left(self.a if side == 0 else self.b, position)

    def interior(self, side: int, position: int) -> bool:
        """Whether the offset lies between two anchors (in the statement both sentences make), not
        before the first or after the last."""
        return 0 < self.gap(side, position) < len(self.a)


# A shared figure pins two reworded sentences together far more surely than a shared common word
# ("said", "software"): in the longest common order, each counts as this many words.
FIGURE_WEIGHT = 3


def _weighted(keys: Sequence[str]) -> tuple[list[str], list[int]]:
    """The keys with each figure repeated ``FIGURE_WEIGHT`` times, and the word each entry stands for:
    the longest common order of these lists is the heaviest of the words."""
    out: list[str] = []
    owner: list[int] = []
    for k, key in enumerate(keys):
        copies = FIGURE_WEIGHT if key[:1].isdigit() else 1
        out += [f"{key}\x00{c}" for c in range(copies)]
        owner += [k] * copies
    return out, owner


def anchors(sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]) -> Anchors:
    """The content words two sentences (or runs of sentences, read in order) share, in an order both keep:
    the heaviest such order, a shared figure weighing more than a shared word."""
    words_a = [w for s in sentences_a for w in s.words if w.content]
    words_b = [w for s in sentences_b for w in s.words if w.content]
    (keys_a, owner_a), (keys_b, owner_b) = _weighted([w.key for w in words_a]), _weighted([w.key for w in words_b])
    # Two sentences may share words in more than one longest order; reading them in a fixed order
    # picks the same one whichever article is A, so swapping A and B swaps every difference.
    swapped = keys_a > keys_b
    blocks = Indel.opcodes(*((keys_b, keys_a) if swapped else (keys_a, keys_b))).as_matching_blocks()
    chain: dict[int, int] = {}
    for block in blocks:
        at_a, at_b = (block.b, block.a) if swapped else (block.a, block.b)
        for offset in range(block.size):
            chain.setdefault(owner_a[at_a + offset], owner_b[at_b + offset])
    return Anchors(tuple(words_a[i].start for i in chain), tuple(words_b[chain[i]].start for i in chain))
