"""The documented JSON shape of a comparison (the command line's contract)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from .matrix import StoryMatrix
from .model import Analysis, Comparison, Difference


def document_json(a: Analysis) -> dict[str, Any]:
    art = a.article
    return {
        "id": art.id,
        "title": art.title,
        "outlet": art.outlet,
        "published": art.published.isoformat() if art.published else None,
        "text": art.text,
        "sentences": [[s.start, s.end] for s in a.sentences],
        "sentence_kinds": [s.kind for s in a.sentences],
        "boilerplate": [list(span) for span in a.boilerplate],
        "english": a.english,
        "warnings": list(a.warnings),
    }


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "documents": [document_json(a) for a in c.documents],
        "matches": [
            {
                "a": list(m.a),
                "b": list(m.b),
                "score": m.score,
                "kind": m.kind,
                "shared": {"a": [list(s) for s in m.shared_a], "b": [list(s) for s in m.shared_b]},
                "wording": m.wording,
            }
            for m in c.matches
        ],
        "coverage": list(c.coverage),
        "reuse": list(c.reuse),
        "differences": [difference_json(d) for d in c.differences],
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "variants": list(e.variants),
                "flagged": list(e.flagged),
                "mentions": [{"doc": m.doc, "start": m.start, "end": m.end} for m in e.mentions],
            }
            for e in c.entities
        ],
        "dates": [
            {
                "doc": doc,
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value,
                "granularity": d.granularity,
                "kind": d.kind,
                "sentence": d.sentence,
                "range": d.range,
            }
            for doc, d in c.dates
        ],
    }


def difference_json(d: Difference) -> dict[str, Any]:
    return {
        "match": d.match,
        "kind": d.kind,
        "a": [list(s) for s in d.a],
        "b": [list(s) for s in d.b],
        "a_text": d.a_text,
        "b_text": d.b_text,
    }


def matrix_json(analyses: Sequence[Analysis], story: StoryMatrix) -> dict[str, Any]:
    return {
        "ids": [a.article.id for a in analyses],
        "titles": [a.article.title for a in analyses],
        "coverage": story.coverage,
        "reuse": story.reuse,
        "families": story.families,
        "sources": story.sources,
        "origin_clear": story.origin_clear,
        "specificity": story.specificity,
    }


def matrix_csv(analyses: Sequence[Analysis], matrix: list[list[float]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    ids = [a.article.id for a in analyses]
    writer.writerow(["id", *ids])
    for article_id, row in zip(ids, matrix, strict=True):
        writer.writerow([article_id, *(f"{v:.4f}" for v in row)])
    return out.getvalue()


def matches_csv(c: Comparison) -> str:
    """One row per match: kind, scores and both texts (for a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["match", "kind", "score", "wording", "a_sentences", "b_sentences", "a_text", "b_text"])
    a, b = c.documents
    for k, m in enumerate(c.matches):
        writer.writerow(
            [
                k,
                m.kind,
                f"{m.score:.4f}",
                f"{m.wording:.4f}",
                " ".join(map(str, m.a)),
                " ".join(map(str, m.b)),
                a.sentences_text(m.a),
                b.sentences_text(m.b),
            ]
        )
    return out.getvalue()


def differences_csv(c: Comparison) -> str:
    """One row per difference: its match, kind and what each article says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["match", "kind", "a_says", "b_says", "a_spans", "b_spans"])
    for d in c.differences:
        spans = [" ".join(f"{s}-{e}" for s, e in side) for side in (d.a, d.b)]
        writer.writerow([d.match, d.kind, d.a_text, d.b_text, *spans])
    return out.getvalue()
