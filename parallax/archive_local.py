"""The archive job on one machine, without Spark: the same stages and functions, in plain Python.

For small archives and for tests of the logic; the Spark engine is for archives that outgrow one
machine. Both write the same files (see :mod:`parallax.archive`).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from .analyse import analyse
from .archive import (
    MAX_DF,
    MIN_DF,
    MIN_SHARED,
    PAIR_COLUMNS,
    Progress,
    Source,
    article_from_record,
    family_records,
    folder_files,
    jsonl_records,
    pair_record,
    read_file_article,
    shingle_hashes,
    summary_record,
)
from .ingest import IngestError
from .matrix import score_pair
from .model import Analysis, Article
from .nlp import load_pipeline
from .options import CompareOptions


def read_articles(source: Source, options: CompareOptions) -> tuple[list[Article], int, int]:
    """Articles in input order, with the counts of unreadable records and of repeated ids (skipped)."""
    found: list[Article] = []
    failed = 0
    if source.kind == "folder":
        for path in folder_files(source.path):
            try:
                found.append(read_file_article(str(path), options))
            except IngestError:
                failed += 1
    else:
        records: list[Any] = (
            list(jsonl_records(source.path))
            if source.kind == "jsonl"
            else pd.read_parquet(source.path).to_dict("records")
        )
        for record in records:
            try:
                if isinstance(record, str):
                    raise IngestError(record)
                found.append(article_from_record(record, options))
            except IngestError:
                failed += 1
    unique: dict[str, Article] = {}
    for article in found:
        unique.setdefault(article.id, article)
    return list(unique.values()), failed, len(found) - len(unique)


def candidate_pairs(articles: list[Article]) -> tuple[list[tuple[int, int]], int]:
    """Pairs sharing at least MIN_SHARED shingles found in MIN_DF..MAX_DF articles; and the shingles kept."""
    postings: dict[int, list[int]] = defaultdict(list)
    for k, article in enumerate(articles):
        for h in shingle_hashes(article.text):
            postings[h].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    kept = 0
    for docs in postings.values():
        if not MIN_DF <= len(docs) <= MAX_DF:
            continue
        kept += 1
        for x, i in enumerate(docs):
            for j in docs[x + 1 :]:
                shared[(i, j)] += 1
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED), kept


def run_local(source: Source, out: Path, options: CompareOptions, progress: Progress) -> dict[str, Any]:
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    articles, failed, repeated = read_articles(source, options)
    seconds["read"] = time.perf_counter() - start
    progress.stage(
        "read", seconds["read"], articles=len(articles), skipped_unreadable=failed, skipped_repeated_ids=repeated
    )

    start = time.perf_counter()
    pairs, kept = candidate_pairs(articles)
    seconds["index"] = time.perf_counter() - start
    progress.stage("index and candidates", seconds["index"], shingles_kept=kept, candidate_pairs=len(pairs))

    start = time.perf_counter()
    needed = sorted({k for pair in pairs for k in pair})
    nlp = load_pipeline(options.model_names) if needed else None
    analyses: dict[int, Analysis] = {}
    failed_analysis = 0
    for k in needed:
        try:
            analyses[k] = analyse(articles[k], options, nlp=nlp)
        except Exception:  # one article the pipeline cannot take is skipped and counted, never fatal
            failed_analysis += 1
    seconds["analyse"] = time.perf_counter() - start
    progress.stage("analyse", seconds["analyse"], articles_analysed=len(analyses), failed=failed_analysis)

    start = time.perf_counter()
    records = []
    for i, j in pairs:
        if i in analyses and j in analyses:
            a, b = (i, j) if articles[i].id < articles[j].id else (j, i)
            records.append(
                pair_record(
                    articles[a], articles[b], score_pair(analyses[a], analyses[b], options), options.reuse_threshold
                )
            )
    reported = sorted((r for r in records if r["shares_wording"]), key=lambda r: (r["a"], r["b"]))
    seconds["align"] = time.perf_counter() - start
    progress.stage("align and score", seconds["align"], pairs_aligned=len(records), pairs_sharing_wording=len(reported))

    start = time.perf_counter()
    published = {a.id: a.published for a in articles}
    families = family_records(reported, published)
    write_outputs(out, reported, families)
    seconds["write"] = time.perf_counter() - start
    progress.stage("families and write", seconds["write"], families=len(families))
    counts = {
        "articles_read": len(articles),
        "articles_skipped": failed + repeated + failed_analysis,
        "articles_analysed": len(analyses),
        "pairs_considered": len(pairs),
        "pairs_aligned": len(records),
        "pairs_reported": len(reported),
        "families": len(families),
    }
    summary = summary_record("local", counts, seconds, options)
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


def write_outputs(out: Path, pairs: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    columns = list(PAIR_COLUMNS)
    rows = [{k: p[k] for k in columns} for p in pairs]
    with (out / "pairs.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    pd.DataFrame(rows, columns=columns).to_parquet(out / "pairs.parquet", index=False)
    with (out / "families.jsonl").open("w", encoding="utf-8") as handle:
        for family in families:
            handle.write(json.dumps(family, ensure_ascii=False) + "\n")
