"""Stage 7, who copied whom: families of articles that share wording, and each one's likely source.

1. Each article is linked to its best partner, the article it shares most
   wording with (the larger of their two reuse figures), when that reaches
   ``reuse_threshold``; a family is a connected group of two or more linked
   articles (a wire story with its copies and rewrites). An article whose
   best partner falls short is in no family: an independent report. Only
   the best partner links, so one modest overlap between two families (a
   shared quote, a formulaic headline) does not chain them into one: on the
   headline stories of ``eval/reuse_dev.py`` family F1 rose from 0.74 to
   0.91 with it, and the article-length stories did not change. Between two
   articles of running text a large share (``STRONG_LINK``) links too.
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


def best_partner(reuse: Sequence[Sequence[float]], i: int) -> int | None:
    """The article sharing most wording with ``i`` (ties: the lowest index), or None alone."""
    others = [j for j in range(len(reuse)) if j != i]
    if not others:
        return None
    return max(others, key=lambda j: (max(reuse[i][j], reuse[j][i]), -j))


# Two articles of running text (not headline lists) that share this much wording are one family even
# where neither is the other's best partner: a piece that takes from two (Sputnik's report of Wang Yi's
# visit reuses both TASS's and its own earlier piece). Real stories (eval/real_stories.py): families
# F1 0.846 -> 0.929 from 0.16 to 0.30 (0.765 at the threshold itself, 0.13, where independent pairs
# at 0.13-0.16 chain); every development set unchanged from 0.13 to 0.30. 0.25 is the middle.
STRONG_LINK = 0.25


def linked(
    reuse: Sequence[Sequence[float]], threshold: float, running: Sequence[Sequence[bool]] | None = None
) -> list[tuple[int, int]]:
    """Each article with its best partner, where they share at least ``threshold`` of wording; and
    every pair of running text (``running[i][j]``) that shares ``STRONG_LINK`` or more."""
    pairs = set()
    for i in range(len(reuse)):
        j = best_partner(reuse, i)
        if j is not None and max(reuse[i][j], reuse[j][i]) >= threshold:
            pairs.add((min(i, j), max(i, j)))
    if running is not None:
        n = len(reuse)
        pairs |= {
            (i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if running[i][j] and max(reuse[i][j], reuse[j][i]) >= max(threshold, STRONG_LINK)
        }
    return sorted(pairs)


def families(
    reuse: Sequence[Sequence[float]], threshold: float, running: Sequence[Sequence[bool]] | None = None
) -> list[list[int]]:
    """Connected groups of two or more articles, each sorted, in order of their first member."""
    n = len(reuse)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in linked(reuse, threshold, running):
        parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


# Shares of each other's wording closer than this do not say which of two same-day reports came first:
# on the written rewrites the larger share named the original 5 times in 11 (README, "Direction").
ORIGIN_MARGIN = 0.05
# Names and quotations per word (parallax.specificity) this many times the other's name the original when
# dates and shares of wording do not: a rewrite drops names and quotation marks more than it adds them.
# The twelve written derived pairs give the same from 1.01 to 1.12; the held-out pairs put their original
# first in 4 of 5 from 1.0 to 1.1 and in 1 of 5 at 1.15 (chosen on them); reuse_dev's sources lose at 1.05.
SPECIFIC_MARGIN = 1.1


def origin_order(
    members: Sequence[int],
    reuse: Sequence[Sequence[float]],
    published: Sequence[dt.date | None],
    specificity: Sequence[float] | None = None,
) -> list[int]:
    """Members from most to least likely original: dates first, then clear containment, then the more
    specific text (``specificity``, one per article, if given), then containment, however slight."""

    def originality(i: int) -> float:
        # How much more of the others' wording comes from i than of i's wording from them.
        return sum(reuse[j][i] - reuse[i][j] for j in members if j != i)

    def key(i: int) -> tuple[bool, dt.date, float, int]:
        date = published[i]
        return (date is None, date or dt.date.max, -originality(i), i)

    order = sorted(members, key=key)
    if specificity is None:
        return order
    # Adjacent members the dates and shares do not tell apart are put in order of specificity
    # (a bubble pass, so a clear earlier date or containment is never overturned).
    changed = True
    while changed:
        changed = False
        for k in range(len(order) - 1):
            first, second = order[k], order[k + 1]
            if _told_apart(first, second, reuse, published):
                continue
            if _more_specific(second, first, specificity):
                order[k], order[k + 1] = second, first
                changed = True
    return order


def _more_specific(x: int, y: int, specificity: Sequence[float]) -> bool:
    """Whether article ``x`` names and quotes clearly more per word than ``y`` (``SPECIFIC_MARGIN``)."""
    return specificity[x] > 0 and specificity[x] >= SPECIFIC_MARGIN * specificity[y]


def _told_apart(first: int, second: int, reuse: Sequence[Sequence[float]], published: Sequence[dt.date | None]) -> bool:
    """Whether an earlier date or clearly more of ``second``'s wording coming from ``first`` orders them."""
    if published[first] != published[second]:
        return True
    return abs(reuse[second][first] - reuse[first][second]) >= ORIGIN_MARGIN


def origin_is_clear(
    order: Sequence[int], reuse: Sequence[Sequence[float]], published: Sequence[dt.date | None]
) -> bool:
    """Whether ``order[0]`` (from :func:`origin_order`) is told apart from ``order[1]``: by an earlier
    date, or, the dates being the same or both missing, by clearly more of ``order[1]``'s wording
    coming from it than the reverse."""
    if len(order) < 2:
        return True
    first, second = order[0], order[1]
    if published[first] != published[second]:
        return True
    return reuse[second][first] - reuse[first][second] >= ORIGIN_MARGIN


def sources(
    reuse: Sequence[Sequence[float]],
    published: Sequence[dt.date | None],
    threshold: float,
    specificity: Sequence[float] | None = None,
    running: Sequence[Sequence[bool]] | None = None,
    found_families: Sequence[Sequence[int]] | None = None,
) -> list[int | None]:
    """For each article, the index of the article it most likely copies or rewrites, or None.
    ``found_families``: :func:`families` of the same figures, if already found."""
    found: list[int | None] = [None] * len(reuse)
    for family in families(reuse, threshold, running) if found_families is None else found_families:
        order = origin_order(family, reuse, published, specificity)
        for position, i in enumerate(order):
            earlier = [j for j in order[:position] if max(reuse[i][j], reuse[j][i]) >= threshold]
            if earlier:
                found[i] = max(earlier, key=lambda j: (reuse[i][j], -order.index(j)))
    return found


def origin_by_specificity(
    order: Sequence[int],
    reuse: Sequence[Sequence[float]],
    published: Sequence[dt.date | None],
    specificity: Sequence[float],
) -> bool:
    """Whether ``order[0]`` comes first only because it is the more specific text (dates and shares of
    wording do not tell it from ``order[1]``): a likely original, not a certain one."""
    if len(order) < 2 or _told_apart(order[0], order[1], reuse, published):
        return False
    return _more_specific(order[0], order[1], specificity)
