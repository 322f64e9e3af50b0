"""Coverage matrix for a cluster of articles: who copies whom.

Each article is analysed once by the caller; here pairs that share too
little vocabulary to carry a passage are skipped through a word index, and
only the rest are aligned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .align import align, coverage, features_of
from .model import Analysis
from .options import DEFAULT_OPTIONS, CompareOptions


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
            for j in docs[x + 1:]:
                shared[(i, j)] += 1
    sizes = [sum(1 for w in words if len(postings[w]) <= limit or len(analyses) <= 4) for words in vocab]
    return {
        (i, j) for (i, j), count in shared.items()
        if count >= min_shared and count >= min_share * max(1, min(sizes[i], sizes[j]))
    }


# Up to this many articles every pair is aligned: blocking only pays at scale, and a heavily
# reworded copy must never be skipped in the clusters editors open every day.
BLOCK_ABOVE = 30


def coverage_matrix(analyses: Sequence[Analysis], options: CompareOptions = DEFAULT_OPTIONS) -> list[list[float]]:
    """``m[i][j]`` = share of article i found in article j; the diagonal is 1.0."""
    n = len(analyses)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    if n <= BLOCK_ABOVE:
        pairs = {(i, j) for i in range(n) for j in range(i + 1, n)}
    else:
        pairs = candidate_pairs(analyses)
    for i, j in sorted(pairs):
        matches = align(analyses[i], analyses[j], options)
        matrix[i][j] = coverage(analyses[i], matches, "a", options)
        matrix[j][i] = coverage(analyses[j], matches, "b", options)
    return matrix
