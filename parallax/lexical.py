"""Stage 4a, words: the lexical evidence of every sentence pair.

Each article's sentence word bags (content lemmas, names, figures) are coded
once as integer arrays (``CodedBags``); a pair then only maps the two
vocabularies onto one and works on arrays. A story matrix aligns thousands
of pairs, so the per-pair cost is what makes it scale: building Python sets
and dictionaries for every pair cost more than the scoring itself.

1. Words found only in one article that are near-spellings of words found
   only in the other ("Taas"/"Tass") are unified first (rapidfuzz).
2. Every pair's lexical score is the mean of IDF-weighted Dice and (damped)
   containment, so one sentence of A split across two of B still scores.
3. Two sentences that both name people or places (or give figures) and share
   none are near-misses: the same kind of event elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein


def _workers(cells: int) -> int:
    """All cores for big score matrices; one for small ones, where starting threads costs more."""
    return -1 if cells >= 50_000 else 1


@dataclass(frozen=True)
class CodedBags:
    """One set of keys per sentence, coded once per article: entry k is key ``vocab[ids[k]]``
    in sentence ``rows[k]``. Entries are in sentence order; a key appears once per sentence."""

    vocab: tuple[str, ...]  # sorted
    ids: np.ndarray
    rows: np.ndarray
    count: int  # sentences, including those with an empty bag
    keys: frozenset[str]  # the vocabulary as a set, for membership tests


def code_bags(bags: Sequence[Iterable[str]]) -> CodedBags:
    sets = [set(bag) for bag in bags]
    vocab = tuple(sorted(set().union(*sets))) if sets else ()
    index = {key: k for k, key in enumerate(vocab)}
    ids = [index[key] for bag in sets for key in sorted(bag)]
    rows = [r for r, bag in enumerate(sets) for _ in bag]
    return CodedBags(
        vocab, np.asarray(ids, dtype=np.int64), np.asarray(rows, dtype=np.int64), len(sets), frozenset(vocab)
    )


def spelling_candidates(vocab: Iterable[str]) -> tuple[str, ...]:
    """Words long enough to be told apart from a misspelling (figures never are), sorted."""
    return tuple(sorted(w for w in vocab if len(w) >= 4 and not w.isdigit()))


def unify_words(vocab_a: set[str], vocab_b: set[str], similarity: float) -> dict[str, str]:
    """Map words found only in one article to a near-spelling found only in the other.

    Returns a mapping from each variant to one canonical key (the
    alphabetically first of the pair, so the map is the same whichever
    article comes first). Only reciprocal best matches count: "Taas"<->"Tass",
    never one word swallowing two.
    """
    return unify_candidates(spelling_candidates(vocab_a), vocab_a, spelling_candidates(vocab_b), vocab_b, similarity)


def unify_candidates(
    candidates_a: Sequence[str],
    vocab_a: frozenset[str] | set[str],
    candidates_b: Sequence[str],
    vocab_b: frozenset[str] | set[str],
    similarity: float,
) -> dict[str, str]:
    """``unify_words`` on each article's precomputed ``spelling_candidates``."""
    only_a = [w for w in candidates_a if w not in vocab_b]
    only_b = [w for w in candidates_b if w not in vocab_a]
    if not only_a or not only_b:
        return {}
    floor = similarity - 0.12
    scores = process.cdist(
        only_a,
        only_b,
        scorer=Levenshtein.normalized_similarity,
        workers=_workers(len(only_a) * len(only_b)),
        dtype=np.float32,
        score_cutoff=floor,
    )
    best_b = scores.argmax(axis=1)
    best_a = scores.argmax(axis=0)
    mapping: dict[str, str] = {}
    for i in np.flatnonzero(scores.max(axis=1) >= floor):
        j = int(best_b[i])
        if int(best_a[j]) != i:
            continue
        word, other = only_a[i], only_b[j]
        if word[0] != other[0]:
            continue
        if scores[i, j] >= similarity or abs(len(word) - len(other)) <= 1:
            canonical = min(word, other)
            mapping[word] = canonical
            mapping[other] = canonical
    return mapping


@dataclass(frozen=True)
class PairCodes:
    """Two articles' bags on one vocabulary: ``a`` and ``b`` give each entry's key position in the
    sorted pair vocabulary (after unification), so both orders of a pair see the same columns."""

    size: int
    a: np.ndarray
    b: np.ndarray


def pair_codes(coded_a: CodedBags, coded_b: CodedBags, mapping: dict[str, str]) -> PairCodes:
    # Columns in key order, as the set-based scoring had them: float sums add up in the same order.
    keys_a = [mapping.get(k, k) for k in coded_a.vocab] if mapping else coded_a.vocab
    keys_b = [mapping.get(k, k) for k in coded_b.vocab] if mapping else coded_b.vocab
    index = {key: k for k, key in enumerate(sorted(set(keys_a).union(keys_b)))}
    to_a = np.fromiter((index[k] for k in keys_a), dtype=np.int64, count=len(keys_a))
    to_b = np.fromiter((index[k] for k in keys_b), dtype=np.int64, count=len(keys_b))
    return PairCodes(len(index), to_a[coded_a.ids], to_b[coded_b.ids])


# Above this many cells (sentence pairs times shared keys) the overlap is summed from posting lists.
DENSE_LIMIT = 20_000_000


def _overlap(coded_a: CodedBags, coded_b: CodedBags, codes: PairCodes, weight: np.ndarray) -> np.ndarray:
    """Weighted size of the key intersection of every sentence pair.

    Only keys both articles use can overlap. With few of them a dense
    product over that shared vocabulary is fastest; with many (long
    articles) posting lists generate only the pairs that share a key.
    """
    shape = (coded_a.count, coded_b.count)
    in_a = np.bincount(codes.a, minlength=codes.size) > 0
    in_b = np.bincount(codes.b, minlength=codes.size) > 0
    shared = np.flatnonzero(in_a & in_b)
    if not shared.size or not all(shape):
        return np.zeros(shape, dtype=np.float32)
    column = np.full(codes.size, -1, dtype=np.int64)
    column[shared] = np.arange(shared.size)
    col_a, col_b = column[codes.a], column[codes.b]
    keep_a, keep_b = col_a >= 0, col_b >= 0
    w = weight[shared].astype(np.float32)
    if shape[0] * shape[1] * shared.size <= DENSE_LIMIT:
        dense_a = np.zeros((shape[0], shared.size), dtype=np.float32)
        dense_b = np.zeros((shape[1], shared.size), dtype=np.float32)
        dense_a[coded_a.rows[keep_a], col_a[keep_a]] = 1.0
        dense_b[coded_b.rows[keep_b], col_b[keep_b]] = 1.0
        return (dense_a * w) @ dense_b.T
    # Posting lists per shared key, rows ascending (entries are in sentence order; the sort is stable).
    rows_a, keys_a = coded_a.rows[keep_a], col_a[keep_a]
    rows_b, keys_b = coded_b.rows[keep_b], col_b[keep_b]
    order_a, order_b = np.argsort(keys_a, kind="stable"), np.argsort(keys_b, kind="stable")
    bounds_a = np.searchsorted(keys_a[order_a], np.arange(shared.size + 1))
    bounds_b = np.searchsorted(keys_b[order_b], np.arange(shared.size + 1))
    sorted_rows_a, sorted_rows_b = rows_a[order_a], rows_b[order_b]
    flat = np.zeros(shape[0] * shape[1], dtype=np.float32)
    for k in range(shared.size):
        a_list = sorted_rows_a[bounds_a[k] : bounds_a[k + 1]]
        b_list = sorted_rows_b[bounds_b[k] : bounds_b[k + 1]]
        flat[(a_list[:, None] * shape[1] + b_list[None, :]).ravel()] += w[k]
    return flat.reshape(shape)


def idf_weights(coded_a: CodedBags, coded_b: CodedBags, codes: PairCodes) -> np.ndarray:
    """Inverse sentence frequency over both articles, by pair key: a word in every sentence says little."""
    df = np.bincount(codes.a, minlength=codes.size) + np.bincount(codes.b, minlength=codes.size)
    n = coded_a.count + coded_b.count
    return np.log(1.0 + n / np.maximum(df, 1))  # every pair key is in some sentence: df >= 1


def lexical_scores(coded_a: CodedBags, coded_b: CodedBags, codes: PairCodes, weight: np.ndarray) -> np.ndarray:
    """Mean of weighted Dice and (damped) weighted containment for every pair."""
    overlap = _overlap(coded_a, coded_b, codes, weight)
    # float32 throughout: at 50,000 words a side these matrices hold five million pairs each; only
    # the pairs that share a word (a few per cent) are computed.
    mass_a = np.bincount(coded_a.rows, weights=weight[codes.a], minlength=coded_a.count).astype(np.float32)
    mass_b = np.bincount(coded_b.rows, weights=weight[codes.b], minlength=coded_b.count).astype(np.float32)
    size_a = np.bincount(coded_a.rows, minlength=coded_a.count).astype(np.float32)
    size_b = np.bincount(coded_b.rows, minlength=coded_b.count).astype(np.float32)
    rows, cols = np.nonzero(overlap)
    shared = overlap[rows, cols]
    dice = 2 * shared / (mass_a[rows] + mass_b[cols])
    containment = shared / np.minimum(mass_a[rows], mass_b[cols])
    # Containment of a two-word sentence is luck; trust it from about five content words.
    damp = np.minimum(1.0, np.minimum(size_a[rows], size_b[cols]) / 5.0)
    scores = np.zeros(overlap.shape, dtype=np.float32)
    scores[rows, cols] = 0.5 * dice + 0.5 * containment * damp
    return scores


def bag_scores(
    bags_a: Sequence[set[str]], bags_b: Sequence[set[str]], weight: dict[str, float] | None = None
) -> np.ndarray:
    """``lexical_scores`` of plain word sets; IDF from ``weight`` (a corpus's) or over both lists."""
    coded_a, coded_b = code_bags(bags_a), code_bags(bags_b)
    codes = pair_codes(coded_a, coded_b, {})
    if weight is None:
        by_key = idf_weights(coded_a, coded_b, codes)
    else:
        by_key = np.array([weight[k] for k in sorted(coded_a.keys | coded_b.keys)], dtype=np.float64)
    return lexical_scores(coded_a, coded_b, codes, by_key)


def corpus_weights(bags: Sequence[set[str]]) -> dict[str, float]:
    """Inverse sentence frequency of every key over a whole corpus of sentences."""
    df: dict[str, int] = {}
    for bag in bags:
        for key in bag:
            df[key] = df.get(key, 0) + 1
    return {key: math.log(1.0 + len(bags) / count) for key, count in df.items()}


def conflicts(coded_a: CodedBags, coded_b: CodedBags, mapping: dict[str, str]) -> np.ndarray:
    """True where both sentences name someone or somewhere (or give figures) and share none:
    the mark of a near-miss (same kind of event, different place, people or numbers)."""
    has_a = np.bincount(coded_a.rows, minlength=coded_a.count) > 0
    has_b = np.bincount(coded_b.rows, minlength=coded_b.count) > 0
    return has_a[:, None] & has_b[None, :] & ~shared_items(coded_a, coded_b, mapping)


def shared_items(coded_a: CodedBags, coded_b: CodedBags, mapping: dict[str, str] | None = None) -> np.ndarray:
    """True where two sentences share an item of their bags (a figure, a name), items unified by ``mapping``."""
    codes = pair_codes(coded_a, coded_b, mapping or {})
    return _overlap(coded_a, coded_b, codes, np.ones(codes.size)) > 0
