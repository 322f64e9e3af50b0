"""The archive job on Spark: the stages of :mod:`parallax.archive`, run by executors.

Articles are read, indexed, analysed and aligned on the executors with the same functions as the
local engine and ``matrix``; shingle counting and pair generation are Spark joins; results are
written by Spark (one JSON Lines part file moved into place, Parquet as Spark writes it), never
collected on the driver. Only counts come back to the driver, for the progress lines and
``summary.json``.

Needs ``requirements-spark.txt`` (pyspark) and a Java runtime; ``--master local[2]`` runs on this
machine, ``--master spark://host:7077`` or ``yarn`` on a cluster where ``parallax`` is installed
on every executor (``pip install .``).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .archive import (
    MAX_DF,
    MIN_DF,
    MIN_SHARED,
    PAIR_COLUMNS,
    ArchiveError,
    Progress,
    Source,
    article_from_record,
    family_record,
    folder_files,
    pair_record,
    read_file_article,
    shingle_hashes,
    summary_record,
)
from .families import STRONG_LINK
from .ingest import IngestError
from .options import CompareOptions

PAIR_SCHEMA = (
    "a string, b string, reuse double, reuse_ab double, reuse_ba double, "
    "coverage_ab double, coverage_ba double, specificity_a double, specificity_b double, source string, "
    "running_text boolean"
)


def spark_session(master: str, partitions: int):
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ArchiveError(
            "--engine spark needs pyspark: pip install -r requirements-spark.txt "
            "(and a Java 17 runtime), or use --engine local"
        ) from exc
    # Executors in local mode inherit this environment: they must import this very package.
    package_root = str(Path(__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("parallax-archive")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # Parallax prints its own stage lines
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )


# --- executor-side functions (module level, so Spark pickles them by reference) ------------------
def _read_path(path: str, options: CompareOptions) -> tuple[bool, Any]:
    try:
        return True, read_file_article(path, options)
    except IngestError as exc:
        return False, str(exc)


def _read_record(record: Any, options: CompareOptions) -> tuple[bool, Any]:
    try:
        if isinstance(record, str):
            try:
                record = json.loads(record)
            except json.JSONDecodeError as exc:
                raise IngestError(f"not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise IngestError("not a JSON object")
        return True, article_from_record(record, options)
    except IngestError as exc:
        return False, str(exc)


def _analyse_partition(items: Iterator[tuple[str, Any]], options: CompareOptions) -> Iterator[tuple[str, Any]]:
    """Analyse each article of a partition once; the spaCy pipeline is loaded once per worker."""
    from .analyse import analyse
    from .nlp import load_pipeline

    nlp = None
    for article_id, article in items:
        try:
            nlp = nlp or load_pipeline(options.model_names)
            yield article_id, (True, analyse(article, options, nlp=nlp))
        except Exception as exc:  # one bad article is skipped and counted, never fatal
            yield article_id, (False, f"{type(exc).__name__}: {exc}")


def _score(pair: tuple[Any, Any], options: CompareOptions) -> dict[str, Any]:
    from .matrix import score_pair

    a, b = pair
    return pair_record(a.article, b.article, score_pair(a, b, options), options.reuse_threshold)


def _row(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record[k] for k in PAIR_COLUMNS)


def _family(members: Any, options: CompareOptions) -> str:
    ids_published, edges = members
    published = dict(ids_published)
    ids = sorted(published)
    return json.dumps(family_record(ids, edges, published), ensure_ascii=False)


# --- the driver ----------------------------------------------------------------------------------
def run_spark(
    source: Source, out: Path, options: CompareOptions, progress: Progress, master: str, partitions: int = 0
) -> dict[str, Any]:
    spark = spark_session(master, partitions or 8)
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    parallelism = partitions or max(2, sc.defaultParallelism * 2)
    seconds: dict[str, float] = {}
    try:
        start = time.perf_counter()
        if source.kind == "folder":
            paths = [str(p) for p in folder_files(source.path)]
            read = sc.parallelize(paths, max(1, min(len(paths), parallelism))).map(lambda p: _read_path(p, options))
        elif source.kind == "jsonl":
            read = (
                sc.textFile(str(source.path), parallelism)
                .filter(lambda line: line.strip() != "")
                .map(lambda line: _read_record(line, options))
            )
        else:
            read = spark.read.parquet(str(source.path)).rdd.map(lambda row: _read_record(row.asDict(), options))
        read = read.cache()
        failed = read.filter(lambda r: not r[0]).count()
        # One article per id: the first seen wins (repeated ids are counted and skipped).
        keyed = read.filter(lambda r: r[0]).map(lambda r: (r[1].id, r[1]))
        total_ok = keyed.count()
        articles = keyed.reduceByKey(lambda x, _: x, parallelism).cache()
        n_articles = articles.count()
        seconds["read"] = time.perf_counter() - start
        progress.stage(
            "read",
            seconds["read"],
            articles=n_articles,
            skipped_unreadable=failed,
            skipped_repeated_ids=total_ok - n_articles,
        )

        start = time.perf_counter()
        from pyspark.sql import functions as F

        posts = spark.createDataFrame(
            articles.flatMap(lambda kv: [(h, kv[0]) for h in shingle_hashes(kv[1].text)]), "feat long, id string"
        )
        df = posts.groupBy("feat").count().filter((F.col("count") >= MIN_DF) & (F.col("count") <= MAX_DF))
        kept = posts.join(df.select("feat"), "feat").cache()
        n_kept = df.count()
        x, y = kept.alias("x"), kept.alias("y")
        pairs = (
            x.join(y, "feat")
            .filter(F.col("x.id") < F.col("y.id"))
            .groupBy(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
            .count()
            .filter(F.col("count") >= MIN_SHARED)
            .select("a", "b")
            .cache()
        )
        n_pairs = pairs.count()
        seconds["index"] = time.perf_counter() - start
        progress.stage("index and candidates", seconds["index"], shingles_kept=n_kept, candidate_pairs=n_pairs)

        start = time.perf_counter()
        needed = pairs.rdd.flatMap(lambda r: [(r.a, None), (r.b, None)]).distinct(parallelism)
        analysed = (
            articles.join(needed, parallelism)
            .map(lambda kv: (kv[0], kv[1][0]))
            .mapPartitions(lambda items: _analyse_partition(items, options))
            .cache()
        )
        n_failed_analysis = analysed.filter(lambda kv: not kv[1][0]).count()
        good = analysed.filter(lambda kv: kv[1][0]).mapValues(lambda v: v[1])
        n_analysed = good.count()
        seconds["analyse"] = time.perf_counter() - start
        progress.stage("analyse", seconds["analyse"], articles_analysed=n_analysed, failed=n_failed_analysis)

        start = time.perf_counter()
        scored = (
            pairs.rdd.map(lambda r: (r.a, r.b))
            .join(good, parallelism)
            .map(lambda kv: (kv[1][0], kv[1][1]))
            .join(good, parallelism)
            .map(lambda kv: _score((kv[1][0], kv[1][1]), options))
            .cache()
        )
        n_aligned = scored.count()
        reported = scored.filter(lambda r: r["shares_wording"]).cache()
        n_reported = reported.count()
        seconds["align"] = time.perf_counter() - start
        progress.stage("align and score", seconds["align"], pairs_aligned=n_aligned, pairs_sharing_wording=n_reported)

        start = time.perf_counter()
        out.mkdir(parents=True, exist_ok=True)
        pair_frame = spark.createDataFrame(reported.map(_row), PAIR_SCHEMA).orderBy("a", "b")
        _write_jsonl(pair_frame, out / "pairs.jsonl")
        pair_frame.write.mode("overwrite").parquet(str(out / "pairs.parquet"))
        n_families = _write_families(spark, reported, good, out / "families.jsonl", options, parallelism)
        seconds["write"] = time.perf_counter() - start
        progress.stage("families and write", seconds["write"], families=n_families)
        counts = {
            "articles_read": n_articles,
            "articles_skipped": failed + total_ok - n_articles + n_failed_analysis,
            "articles_analysed": n_analysed,
            "pairs_considered": n_pairs,
            "pairs_aligned": n_aligned,
            "pairs_reported": n_reported,
            "families": n_families,
        }
        summary = summary_record("spark", counts, seconds, options)
        summary["master"] = master
        (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        return summary
    finally:
        spark.stop()


def _write_jsonl(frame: Any, target: Path) -> None:
    """One JSON Lines file written by Spark: a single part file, moved into place."""
    staging = target.with_name(target.name + ".parts")
    frame.coalesce(1).write.mode("overwrite").option("ignoreNullFields", "false").json(str(staging))
    _move_single_part(staging, target)


def _move_single_part(staging: Path, target: Path) -> None:
    part = next(staging.glob("part-*"), None)
    if part is None:
        target.write_text("", encoding="utf-8")
    else:
        shutil.move(str(part), str(target))
    shutil.rmtree(staging, ignore_errors=True)


def _write_families(
    spark: Any, reported: Any, analyses: Any, target: Path, options: CompareOptions, parallelism: int
) -> int:
    """Connected components by min-label propagation over each article's best-partner pair (as
    ``archive.best_partner_edges``: most reuse, ties to the smaller id) and the strong pairs of running
    text (``archive.strong_edges``), then each family's order."""
    strong = reported.filter(
        lambda r: bool(r["running_text"]) and max(r["reuse_ab"], r["reuse_ba"]) >= STRONG_LINK
    ).map(lambda r: (r["a"], r["b"]))
    edges = (
        reported.map(lambda r: (r["a"], r["b"], -max(r["reuse_ab"], r["reuse_ba"])))
        .flatMap(lambda e: [(e[0], (e[2], e[1])), (e[1], (e[2], e[0]))])
        .reduceByKey(min, parallelism)
        .map(lambda kv: (min(kv[0], kv[1][1]), max(kv[0], kv[1][1])))
        .union(strong)
        .distinct(parallelism)
        .cache()
    )
    labels = edges.flatMap(lambda e: [(e[0], e[0]), (e[1], e[1])]).reduceByKey(min, parallelism).cache()
    for _ in range(100):  # the longest chain in a family bounds the rounds; families are short
        proposed = (
            edges.join(labels)
            .map(lambda kv: (kv[1][0], kv[1][1]))
            .union(edges.map(lambda e: (e[1], e[0])).join(labels).map(lambda kv: (kv[1][0], kv[1][1])))
            .union(labels)
            .reduceByKey(min, parallelism)
            .cache()
        )
        changed = proposed.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = proposed
        if changed == 0:
            break
    published = analyses.mapValues(lambda a: a.article.published)
    members = labels.join(published).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    family_edges = reported.map(lambda r: (r["a"], r)).join(labels).map(lambda kv: (kv[1][1], kv[1][0]))
    families = members.cogroup(family_edges).map(lambda kv: (kv[0], (list(kv[1][0]), list(kv[1][1]))))
    lines = families.sortByKey().map(lambda kv: _family(kv[1], options)).cache()
    count = lines.count()
    frame = spark.createDataFrame(lines.map(lambda line: (line,)), "value string")
    staging = target.with_name(target.name + ".parts")
    frame.coalesce(1).write.mode("overwrite").text(str(staging))
    _move_single_part(staging, target)
    return count
