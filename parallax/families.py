"""Stage 7, who copied whom: families of articles that share wording, and each one's likely source.

1. Two articles are linked when the larger of their two reuse figures
   reaches ``reuse_threshold``; a family is a connected group of two or
   more linked articles (a wire story with its copies and rewrites). An
   article linked to none is in no family: an independent report.
2. Inside a family the members are put in order of origin: earlier
   publication first; where dates are missing or equal, the article whose
   wording the others contain comes first (a copy contains its source's
   wording, not the other way round).
3. Each member's source is the earlier member it is linked to and takes
   the most wording from; the first member, the family's original, has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def linked(reuse: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    n = len(reuse)
    return [(i, j) for i in range(n) for j in range(i + 1, n) if max(reuse[i][j], reuse[j][i]) >= threshold]


def families(reuse: Sequence[Sequence[float]], threshold: float) -> list[list[int]]:
    """Connected groups of two or more articles, each sorted, in order of their first member."""
    n = len(reuse)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in linked(reuse, threshold):
        parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def origin_order(
    members: Sequence[int], reuse: Sequence[Sequence[float]], published: Sequence[dt.date | None]
) -> list[int]:
    """Members from most to least likely original (dates first, then containment)."""

    def originality(i: int) -> float:
        # How much more of the others' wording comes from i than of i's wording from them.
        return sum(reuse[j][i] - reuse[i][j] for j in members if j != i)

    def key(i: int) -> tuple[bool, dt.date, float, int]:
        date = published[i]
        return (date is None, date or dt.date.max, -originality(i), i)

    return sorted(members, key=key)


def sources(
    reuse: Sequence[Sequence[float]], published: Sequence[dt.date | None], threshold: float
) -> list[int | None]:
    """For each article, the index of the article it most likely copies or rewrites, or None."""
    found: list[int | None] = [None] * len(reuse)
    for family in families(reuse, threshold):
        order = origin_order(family, reuse, published)
        for position, i in enumerate(order):
            earlier = [j for j in order[:position] if max(reuse[i][j], reuse[j][i]) >= threshold]
            if earlier:
                found[i] = max(earlier, key=lambda j: (reuse[i][j], -order.index(j)))
    return found
