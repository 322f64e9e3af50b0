"""The two sides of a match, as the differences stage reads them: each side's sentences and their spans,
and items with spans (dates, names) sorted for lookups by range."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import Analysis, Span

T = TypeVar("T")
# Longest date or name span looked back for when finding those that overlap a region.
_LONGEST_SPAN = 300


@dataclass(frozen=True)
class Sorted(Generic[T]):
    """Items with spans, sorted by start: those inside or overlapping a range without scanning them all
    (a long article has thousands of names and dates; a match looks at a sentence or two)."""

    starts: tuple[int, ...]
    items: tuple[tuple[Span, T], ...]

    @classmethod
    def of(cls, pairs: Iterable[tuple[Span, T]]) -> Sorted[T]:
        ordered = tuple(sorted(pairs, key=lambda p: p[0]))
        return cls(tuple(span[0] for span, _ in ordered), ordered)

    def inside(self, ranges: Iterable[Span]) -> list[tuple[Span, T]]:
        found = []
        for start, end in ranges:
            lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
            found += [(span, item) for span, item in self.items[lo:hi] if span[1] <= end]
        return found

    def overlapping(self, region: Span) -> list[tuple[Span, T]]:
        if region[0] >= region[1]:
            return []
        lo = bisect.bisect_left(self.starts, region[0] - _LONGEST_SPAN)
        hi = bisect.bisect_left(self.starts, region[1])
        return [(span, item) for span, item in self.items[lo:hi] if span[0] < region[1] and region[0] < span[1]]


@dataclass(frozen=True)
class Side:
    """One side of a match: its article, which document it is (0 or 1), its sentences in order and
    their character spans."""

    analysis: Analysis
    doc: int
    ids: tuple[int, ...]  # the sentences of the match, in order
    ranges: tuple[Span, ...]  # and their spans

    @property
    def text(self) -> str:
        return self.analysis.article.text

    def cut(self, spans: Iterable[Span]) -> str:
        return " … ".join(self.text[s:e] for s, e in spans)


def side_of(analysis: Analysis, doc: int, sentence_ids: Sequence[int]) -> Side:
    """The side of a match made of ``sentence_ids`` of ``analysis``."""
    ids = tuple(sentence_ids)
    return Side(analysis, doc, ids, tuple((analysis.sentences[i].start, analysis.sentences[i].end) for i in ids))
