"""News date development set: extraction F1 and value accuracy, per category.

Reads tests/gold/news_dates.jsonl (built by eval/news_dates_build.py). A gold date is found
when a Parallax date overlaps its words; its value is right when equal to the gold value. A
Parallax date that overlaps no gold date (a phrase listed in ``not_dates`` or anything else) is a
false positive. Run: python eval/news_dates.py [--verbose]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax import analyse
from parallax.ingest import article_from_text
from parallax.model import Article
from parallax.nlp import load_pipeline

GOLD = ROOT / "tests" / "gold" / "news_dates.jsonl"


def gold_spans(text: str, dates: list[dict]) -> list[tuple[int, int, str]]:
    spans, at = [], 0
    for d in dates:
        start = text.find(d["text"], at)
        if start < 0:
            raise KeyError(f"gold text {d['text']!r} not in {text!r}")
        spans.append((start, start + len(d["text"]), d["value"]))
        at = start + len(d["text"])
    return spans


def main(path: Path = GOLD, verbose: bool = False) -> dict[str, dict[str, float]]:
    nlp = load_pipeline()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in path.read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        base = article_from_text(c["text"], "case")
        article = Article(**{**base.__dict__, "published": dt.date.fromisoformat(c["published"])})
        found = analyse(article, nlp=nlp).dates
        gold = gold_spans(article.text, c["dates"])
        row = counts[c["category"]]
        used: set[int] = set()
        for start, end, value in gold:
            hits = [k for k, d in enumerate(found) if d.start < end and start < d.end]
            row["gold"] += 1
            if hits:
                row["found"] += 1
                used.update(hits)
                best = found[hits[0]]
                right = any(found[k].value == value for k in hits)
                row["right"] += int(right)
                if verbose and not right:
                    print(
                        f"VALUE {c['category']}: {c['text'][start:end]!r} gold {value} got "
                        f"{[(found[k].text, found[k].value) for k in hits]} | pub {c['published']} | {c['text']}"
                    )
                del best
            elif verbose:
                print(
                    f"MISSED {c['category']}: {c['text'][start:end]!r} gold {value} "
                    f"| pub {c['published']} | {c['text']}"
                )
        extra = [d for k, d in enumerate(found) if k not in used]
        row["predicted"] += len(used) + len(extra)
        row["extra"] += len(extra)
        if verbose:
            for d in extra:
                print(f"EXTRA {c['category']}: {d.text!r} -> {d.value} ({d.kind}) | {c['text']}")
    figures: dict[str, dict[str, float]] = {}
    total: dict[str, int] = defaultdict(int)
    for category, row in [*list(counts.items()), ("all", None)]:  # type: ignore[list-item]
        if row is None:
            row = total
        else:
            for k, v in row.items():
                total[k] += v
        precision = (row["predicted"] - row["extra"]) / row["predicted"] if row["predicted"] else 1.0
        recall = row["found"] / row["gold"] if row["gold"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        values = row["right"] / row["gold"] if row["gold"] else 1.0
        figures[category] = {
            "gold": row["gold"],
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "values": values,
            "false_positives": row["extra"],
        }
    print(f"{'category':<10} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'values':>7} {'false+':>7}")
    for category, f in figures.items():
        print(
            f"{category:<10} {f['gold']:>5} {f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} "
            f"{f['values']:>7.3f} {f['false_positives']:>7}"
        )
    return figures


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
