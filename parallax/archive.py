"""Archive scale: who copied whom across many articles, with the same scoring as ``matrix``.

The stages (the Spark engine in :mod:`parallax.archive_spark` runs the same ones, calling the same
functions on its executors):

1. read: a folder of ``.md``/``.txt``/``.html`` files (id = file stem), or a JSON Lines or Parquet
   file with ``id``, ``text`` and optional ``title``, ``outlet``, ``published``, ``url``. A record
   that cannot be read is skipped and counted, never fatal.
2. index: every article's lower-cased word 4-grams (the shingles reuse counts), hashed. In the
   manner of passim, only shingles found in between ``MIN_DF`` and ``MAX_DF`` articles are kept:
   a shingle in one article pairs nothing, one in hundreds is boilerplate or a stock phrase.
3. candidates: pairs of articles that share at least ``MIN_SHARED`` kept shingles. Never all pairs.
4. analyse: each article that is in a candidate pair is analysed once (spaCy parse, sentences,
   entities, dates), exactly as ``analyse`` does.
5. score: each candidate pair is aligned and measured by :func:`parallax.matrix.score_pair`, the
   function ``matrix`` uses, so an editor who opens a pair in the app sees the figure reported.
6. report: pairs whose larger reuse reaches ``reuse_threshold``; their likely source; families
   (each article joined to its best partner, and two of running text sharing ``STRONG_LINK``, as
   :mod:`parallax.families` joins them) with their likely original, ordered as
   :mod:`parallax.families` orders them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .families import STRONG_LINK, origin_is_clear, origin_order
from .ingest import IngestError, article_from_text, parse_published, read_article
from .model import Article
from .options import DEFAULT_OPTIONS, CompareOptions

FILE_TYPES = (".md", ".txt", ".html", ".htm")
SHINGLE = 4
MIN_DF = 2  # a shingle in one article pairs nothing
MAX_DF = 100  # passim's default: a shingle in more articles is boilerplate or a stock phrase
# Kept shingles two articles must share to be aligned. Measured on the benchmark archives: at 3, stock
# phrases made 20,723 candidates of 5,000 articles; at 8, 641, with no planted copy lost (the fewest
# shingles a planted pair shares is 12). passim's default is 5 n-grams of 25 characters.
MIN_SHARED = 8
_WORD = re.compile(r"\w+")


class ArchiveError(ValueError):
    """The input as a whole cannot be read (one bad article is skipped instead)."""


@dataclass(frozen=True)
class Source:
    """Where records come from: a folder of files, a JSON Lines file, or a Parquet file."""

    kind: str  # folder | jsonl | parquet
    path: Path


def source_of(path: Path) -> Source:
    if path.is_dir():
        return Source("folder", path)
    if not path.exists():
        raise ArchiveError(f"{path}: no such file or folder. Give a folder of articles, a .jsonl or a .parquet file.")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return Source("jsonl", path)
    if suffix == ".parquet":
        return Source("parquet", path)
    raise ArchiveError(f"{path}: not a folder, .jsonl or .parquet file.")


def folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FILE_TYPES)


def article_from_record(record: dict[str, Any], options: CompareOptions = DEFAULT_OPTIONS) -> Article:
    """One JSON Lines or Parquet row as an article; raises :class:`IngestError` when it is unusable."""
    article_id = record.get("id")
    text = record.get("text")
    if not isinstance(article_id, (str, int)) or str(article_id).strip() == "":
        raise IngestError("a record has no id")
    if not isinstance(text, str):
        raise IngestError(f"{article_id}: the record has no text")
    published = record.get("published")
    if isinstance(published, (dt.datetime, dt.date)):
        published = published.date() if isinstance(published, dt.datetime) else published
    else:
        published = parse_published(published, f"{article_id}: published") if published not in (None, "") else None
    return article_from_text(
        text,
        str(article_id),
        title=str(record.get("title") or ""),
        outlet=record.get("outlet") or None,
        url=record.get("url") or None,
        published=published,
        source="file",
        max_chars=options.max_chars,
    )


def read_file_article(path: str, options: CompareOptions = DEFAULT_OPTIONS) -> Article:
    return read_article(Path(path), max_chars=options.max_chars)


def jsonl_records(path: Path) -> Iterator[dict[str, Any] | str]:
    """Each line's object, or an error message for a line that is not a JSON object."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"line {number}: not JSON ({exc.msg})"
                continue
            yield record if isinstance(record, dict) else f"line {number}: not a JSON object"


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the lower-cased word 4-grams (stable across processes and machines)."""
    words = [w.lower() for w in _WORD.findall(text)]
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[k : k + SHINGLE]).encode(), digest_size=8).digest(), "big", signed=True
        )
        for k in range(len(words) - SHINGLE + 1)
    }


def pair_source(a: Article, b: Article, figures: Any) -> str:
    """The likely original of a pair that shares wording (same rule as a family of two)."""
    reuse = [[1.0, figures.reuse_ab], [figures.reuse_ba, 1.0]]
    specific = [figures.specificity_a, figures.specificity_b]
    first = origin_order([0, 1], reuse, [a.published, b.published], specific)[0]
    return a.id if first == 0 else b.id


# The columns of pairs.jsonl and pairs.parquet, in order (both engines write these).
PAIR_COLUMNS = (
    "a",
    "b",
    "reuse",
    "reuse_ab",
    "reuse_ba",
    "coverage_ab",
    "coverage_ba",
    "specificity_a",
    "specificity_b",
    "source",
    "running_text",
)


def pair_record(a: Article, b: Article, figures: Any, threshold: float) -> dict[str, Any]:
    """One line of ``pairs.jsonl``; ``a`` sorts before ``b``."""
    shares = max(figures.reuse_ab, figures.reuse_ba) >= threshold
    return {
        "a": a.id,
        "b": b.id,
        "reuse": max(figures.reuse_ab, figures.reuse_ba),
        "reuse_ab": figures.reuse_ab,
        "reuse_ba": figures.reuse_ba,
        "coverage_ab": figures.coverage_ab,
        "coverage_ba": figures.coverage_ba,
        "specificity_a": figures.specificity_a,
        "specificity_b": figures.specificity_b,
        "source": pair_source(a, b, figures) if shares else None,
        "running_text": figures.running_text,
        "shares_wording": shares,
    }


def best_partner_edges(pairs: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """Each article with its best partner among the pairs sharing wording (as ``families.linked``
    does for a matrix): the most reuse, ties to the smaller id."""
    best: dict[str, tuple[float, str]] = {}
    for p in pairs:
        if not p["shares_wording"]:
            continue
        shared = max(p["reuse_ab"], p["reuse_ba"])
        for me, other in ((p["a"], p["b"]), (p["b"], p["a"])):
            if me not in best or (-shared, other) < (-best[me][0], best[me][1]):
                best[me] = (shared, other)
    return {(min(me, other), max(me, other)) for me, (_, other) in best.items()}


def strong_edges(pairs: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """Pairs of running text that share ``families.STRONG_LINK`` of wording or more (as ``families.linked``
    joins them in a matrix), whether or not either is the other's best partner."""
    return {
        (p["a"], p["b"])
        for p in pairs
        if p["shares_wording"] and p.get("running_text") and max(p["reuse_ab"], p["reuse_ba"]) >= STRONG_LINK
    }


def family_records(pairs: Iterable[dict[str, Any]], published: dict[str, dt.date | None]) -> list[dict[str, Any]]:
    """Groups of articles joined to their best partner by shared wording, each with its likely original."""
    linked = [p for p in pairs if p["shares_wording"]]
    edges = best_partner_edges(linked) | strong_edges(linked)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(edges):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return [family_record(sorted(ids), linked, published) for ids in sorted(groups.values(), key=min)]


def family_record(
    ids: list[str], pairs: Iterable[dict[str, Any]], published: dict[str, dt.date | None]
) -> dict[str, Any]:
    """A family's ids in order of origin and its likely original (``families.origin_order`` on its pairs)."""
    index = {x: k for k, x in enumerate(ids)}
    reuse = [[1.0 if i == j else 0.0 for j in range(len(ids))] for i in range(len(ids))]
    specific = [0.0] * len(ids)
    for p in pairs:
        if p["a"] in index and p["b"] in index:
            reuse[index[p["a"]]][index[p["b"]]] = p["reuse_ab"]
            reuse[index[p["b"]]][index[p["a"]]] = p["reuse_ba"]
            specific[index[p["a"]]], specific[index[p["b"]]] = p["specificity_a"], p["specificity_b"]
    dates = [published.get(x) for x in ids]
    order = origin_order(list(range(len(ids))), reuse, dates, specific)
    return {
        "ids": [ids[k] for k in order],
        "original": ids[order[0]],
        "size": len(ids),
        "origin_clear": origin_is_clear(order, reuse, dates),
    }


@dataclass
class Progress:
    """Stage-by-stage lines with counts and times (to stderr by the command line)."""

    write: Callable[[str], None]

    def stage(self, name: str, seconds: float, **counts: int) -> None:
        detail = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in counts.items())
        self.write(f"archive: {name}: {detail} ({seconds:.1f} s)")


def summary_record(
    engine: str, counts: dict[str, int], seconds: dict[str, float], options: CompareOptions
) -> dict[str, Any]:
    return {
        "engine": engine,
        **counts,
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
        "settings": {
            "shingle": SHINGLE,
            "min_df": MIN_DF,
            "max_df": MAX_DF,
            "min_shared": MIN_SHARED,
            "reuse_threshold": options.reuse_threshold,
        },
    }
