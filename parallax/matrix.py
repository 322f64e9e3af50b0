"""Coverage matrix for a cluster of articles: who copies whom.

Each article is analysed once by the caller; here pairs that share too
little vocabulary to carry a passage are skipped through a word index, and
only the rest are aligned.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .align import coverage, features_of, running_text
from .families import families, origin_is_clear, origin_order, sources
from .model import Analysis
from .options import DEFAULT_OPTIONS, CompareOptions
from .pairing import align_pair
from .parallel import forked_results
from .specificity import specificity


def candidate_pairs(analyses: Sequence[Analysis], min_shared: int = 3, min_share: float = 0.15) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, worth aligning.

    They must share at least ``min_shared`` distinctive words, and at least
    ``min_share`` of the smaller article's distinctive vocabulary (texts on
    unrelated events share a tenth or less; copies and reports of one story
    share far more).
    """
    vocab = [{k for keys in features_of(a).content for k in keys} for a in analyses]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(vocab):
        for word in words:
            postings[word].append(i)
    limit = max(2, len(analyses) // 2)  # words in over half the cluster do not tell pairs apart
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) > limit and len(analyses) > 4:
            continue
        for x, i in enumerate(docs):
            for j in docs[x + 1 :]:
                shared[(i, j)] += 1
    sizes = [sum(1 for w in words if len(postings[w]) <= limit or len(analyses) <= 4) for words in vocab]
    return {
        (i, j)
        for (i, j), count in shared.items()
        if count >= min_shared and count >= min_share * max(1, min(sizes[i], sizes[j]))
    }


# Up to this many articles every pair is aligned: blocking only pays at scale, and a heavily
# reworded copy must never be skipped in the clusters editors open every day.
BLOCK_ABOVE = 30


@dataclass(frozen=True)
class StoryMatrix:
    """Every pair of a cluster, both ways: ``coverage[i][j]`` = share of article i's statements found
    in j; ``reuse[i][j]`` = share of i's wording taken from j (diagonals 1.0); who copies whom."""

    coverage: list[list[float]]
    reuse: list[list[float]]
    families: list[list[int]]
    sources: list[int | None]
    # Per family: whether its first member is told apart from the second (an earlier date, or clearly
    # more shared wording one way); a same-day rewrite carries as much of its original as the reverse.
    origin_clear: list[bool]
    # Per article: names and quotations per hundred words (parallax.specificity), which orders two
    # members the dates and shares of wording do not.
    specificity: list[float]


def pairs_to_align(analyses: Sequence[Analysis]) -> list[tuple[int, int]]:
    n = len(analyses)
    if n <= BLOCK_ABOVE:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    return sorted(candidate_pairs(analyses))


@dataclass(frozen=True)
class PairFigures:
    """One pair, both ways: what ``matrix``, ``compare`` and the archive job all report for it."""

    coverage_ab: float
    coverage_ba: float
    reuse_ab: float
    reuse_ba: float
    specificity_a: float  # names and quotations per hundred words (parallax.specificity): direction's tie-break
    specificity_b: float
    running_text: bool = False  # both tell a story, not a list of items (parallax.align.running_text)


def score_pair(a: Analysis, b: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> PairFigures:
    """Align one pair and measure it: the single place a pair's figures come from."""
    pair = align_pair(a, b, options)
    return PairFigures(
        coverage(a, pair.matches, "a", options),
        coverage(b, pair.matches, "b", options),
        *pair.reuse,
        specificity(a),
        specificity(b),
        running_text(a, b),
    )


# From this many pairs a one-shot command scores them in worker processes: below it, starting them
# costs more than the pairs (a few milliseconds each).
PARALLEL_FROM = 400

_FORKED: tuple[Sequence[Analysis], CompareOptions] | None = None  # what forked workers inherit


def _score_forked(pair: tuple[int, int]) -> tuple[int, int, PairFigures]:
    assert _FORKED is not None
    analyses, options = _FORKED
    return pair[0], pair[1], score_pair(analyses[pair[0]], analyses[pair[1]], options)


def _scored_pairs(
    analyses: Sequence[Analysis], pairs: list[tuple[int, int]], options: CompareOptions, workers: int
) -> Iterable[tuple[int, int, PairFigures]]:
    """Every pair's figures, in worker processes when asked for and worth it. Workers are forked, so
    they share the parsed articles without copying them; only a one-shot command asks (a server
    process with threads must not fork)."""
    global _FORKED
    # Linux only: macOS lists "fork" but forking a process that has loaded system frameworks can crash.
    if workers <= 1 or len(pairs) < PARALLEL_FROM or not sys.platform.startswith("linux"):
        return [(i, j, score_pair(analyses[i], analyses[j], options)) for i, j in pairs]
    for analysis in analyses:
        features_of(analysis)  # computed once here, inherited by every worker
    _FORKED = (analyses, options)
    try:
        chunk = max(1, len(pairs) // (workers * 8))
        scored = list(forked_results(_score_forked, pairs, workers, chunk))
    finally:
        _FORKED = None
    # What a killed worker left is scored here.
    done = {(i, j) for i, j, _ in scored}
    return scored + [(i, j, score_pair(analyses[i], analyses[j], options)) for i, j in pairs if (i, j) not in done]


def story_matrix(
    analyses: Sequence[Analysis], options: CompareOptions = DEFAULT_OPTIONS, workers: int = 1
) -> StoryMatrix:
    """Align the pairs worth aligning once, and derive coverage, reuse, families and sources.
    ``workers`` > 1 scores a large cluster's pairs in that many forked processes (same figures)."""
    n = len(analyses)
    cover = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    reused = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    running = [[False] * n for _ in range(n)]
    for i, j, pair in _scored_pairs(analyses, pairs_to_align(analyses), options, workers):
        cover[i][j], cover[j][i] = pair.coverage_ab, pair.coverage_ba
        reused[i][j], reused[j][i] = pair.reuse_ab, pair.reuse_ba
        running[i][j] = running[j][i] = pair.running_text
    published = [a.article.published for a in analyses]
    specific = [specificity(a) for a in analyses]
    found = families(reused, options.reuse_threshold, running)
    clear = [origin_is_clear(origin_order(family, reused, published, specific), reused, published) for family in found]
    origins = sources(reused, published, options.reuse_threshold, specific, running, found)
    return StoryMatrix(cover, reused, found, origins, clear, specific)


def coverage_matrix(analyses: Sequence[Analysis], options: CompareOptions = DEFAULT_OPTIONS) -> list[list[float]]:
    """``m[i][j]`` = share of article i found in article j; the diagonal is 1.0."""
    return story_matrix(analyses, options).coverage
