"""Whole-pipeline alignment check on real news paraphrase: STS headlines as article pairs.

The 2,499 graded headline pairs are cut into blocks of 20. Block k gives
article A (the first headlines, one per line) and article B (their
partners, same order). Gold: the pair (i, i) is a link when people graded it
3 or more ("roughly equivalent"); a headline whose partner was graded below
1.5 is unique to its side. Pairs graded in between are left out of both
(an editor could go either way). Prints link P/R/F1 and how many unique
headlines were matched as verbatim or paraphrase.

This is a check of generalisation: nothing was tuned on it.
Run: python eval/sts_alignment.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax import analyse
from parallax.ingest import article_from_text
from parallax.nlp import load_pipeline
from parallax.pairing import align_pair

DEFAULT_TSV = ROOT.parent / "shared/datasets/sts_headlines/headlines_scored.tsv"


def main(path: Path = DEFAULT_TSV, block: int = 20) -> tuple[float, float]:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    nlp = load_pipeline()
    tp = fp = fn = 0
    unique_total = unique_strong = 0
    for start in range(0, len(rows) - block + 1, block):
        chunk = rows[start : start + block]
        # Headlines have no end punctuation; a full stop keeps them sentences, not headlines.
        lines_a = [r["sentence1"].strip().rstrip(".") + "." for r in chunk]
        lines_b = [r["sentence2"].strip().rstrip(".") + "." for r in chunk]
        a = analyse(article_from_text("\n".join(lines_a), f"a{start}"), nlp=nlp)
        b = analyse(article_from_text("\n".join(lines_b), f"b{start}"), nlp=nlp)
        if len(a.sentences) != block or len(b.sentences) != block:
            continue  # a headline split in two: the index-based gold would not hold
        matches = align_pair(a, b).matches
        predicted = {(i, j) for m in matches for i in m.a for j in m.b}
        strong_a = {i for m in matches if m.kind != "partial" for i in m.a}
        strong_b = {j for m in matches if m.kind != "partial" for j in m.b}
        for k, row in enumerate(chunk):
            grade = float(row["score"])
            if grade >= 3.0:
                if (k, k) in predicted:
                    tp += 1
                else:
                    fn += 1
            elif grade < 1.5:
                unique_total += 2
                unique_strong += int(k in strong_a) + int(k in strong_b)
        gold_or_grey = {(k, k) for k, row in enumerate(chunk) if float(row["score"]) >= 1.5}
        fp += len(predicted - gold_or_grey)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    rate = unique_strong / max(1, unique_total)
    print(
        f"STS as articles: links P={precision:.3f} R={recall:.3f} F1={f1:.3f}; "
        f"unique headlines matched as verbatim/paraphrase {unique_strong}/{unique_total} = {rate:.3f}"
    )
    return f1, rate


if __name__ == "__main__":
    main()
