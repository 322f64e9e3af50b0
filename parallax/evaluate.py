"""Scoring against gold: sentence-link F1 and unique-sentence errors.

Shared by ``eval/`` scripts and the tests, so the figure the README reports is
the figure the test gate checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Analysis, Match


@dataclass(frozen=True)
class LinkScore:
    precision: float
    recall: float
    f1: float
    unique_total: int
    unique_matched_strong: int
    missing: tuple[tuple[int, int], ...]
    extra: tuple[tuple[int, int], ...]


def sentence_by_snippet(analysis: Analysis, snippet: str) -> int:
    """Index of the sentence containing ``snippet`` (gold names sentences by text)."""
    text = analysis.article.text
    at = text.find(snippet)
    if at < 0:
        raise KeyError(f"gold snippet not found in {analysis.article.id}: {snippet!r}")
    index = analysis.sentence_at(at)
    if index is None:
        raise KeyError(f"gold snippet is outside every sentence: {snippet!r}")
    return index


def links_of(matches: tuple[Match, ...]) -> set[tuple[int, int]]:
    return {(i, j) for m in matches for i in m.a for j in m.b}


def score_links(
    a: Analysis,
    b: Analysis,
    matches: tuple[Match, ...],
    gold: list[list[str]],
    defensible: list[list[str]] = (),  # type: ignore[assignment]
    unique_a: list[str] = (),  # type: ignore[assignment]
    unique_b: list[str] = (),  # type: ignore[assignment]
) -> LinkScore:
    gold_links = {(sentence_by_snippet(a, x), sentence_by_snippet(b, y)) for x, y in gold}
    allowed = {(sentence_by_snippet(a, x), sentence_by_snippet(b, y)) for x, y in defensible}
    predicted = links_of(matches) - allowed
    true_positive = len(predicted & gold_links)
    precision = true_positive / len(predicted) if predicted else 1.0
    recall = true_positive / len(gold_links) if gold_links else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    strong_a = {i for m in matches if m.kind != "partial" for i in m.a}
    strong_b = {j for m in matches if m.kind != "partial" for j in m.b}
    ua = {sentence_by_snippet(a, s) for s in unique_a}
    ub = {sentence_by_snippet(b, s) for s in unique_b}
    return LinkScore(
        precision,
        recall,
        f1,
        len(ua) + len(ub),
        len(ua & strong_a) + len(ub & strong_b),
        tuple(sorted(gold_links - predicted)),
        tuple(sorted(predicted - gold_links)),
    )
