"""Calibrate the alignment thresholds on SemEval STS news headlines.

Each headline pair is scored exactly as Parallax scores a sentence pair
(IDF-weighted lemma overlap + rapidfuzz character similarity; the IDF comes
from the whole headline set, standing in for an article pair), then the
thresholds that best separate the gold grades are printed:

- link: pairs graded >= 2.5 ("share important details") vs below;
- paraphrase: pairs graded >= 4.0 ("mostly equivalent") vs below.

Run: python eval/calibrate.py [path/to/headlines_scored.tsv]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz

from parallax.align import normalise_for_characters
from parallax.lexical import bag_scores, corpus_weights
from parallax.nlp import load_pipeline
from parallax.segment import _is_content, _word_key

DEFAULT_TSV = ROOT.parent / "shared/datasets/sts_headlines/headlines_scored.tsv"


def best_threshold(scores: np.ndarray, positive: np.ndarray) -> tuple[float, float, float, float]:
    best = (0.0, 0.0, 0.0, 0.0)
    for t in np.arange(0.05, 0.96, 0.01):
        pred = scores >= t
        tp = float((pred & positive).sum())
        p = tp / max(1, pred.sum())
        r = tp / max(1, positive.sum())
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[1]:
            best = (round(float(t), 2), f, p, r)
    return best


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    order = np.argsort(scores)
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    n_pos = positive.sum()
    n_neg = len(scores) - n_pos
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def main(path: Path) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    nlp = load_pipeline()
    texts = [r["sentence1"] for r in rows] + [r["sentence2"] for r in rows]
    bags = [
        {_word_key(t) for t in doc if _is_content(t) and not (t.is_punct or t.is_space)}
        for doc in nlp.pipe(texts, batch_size=256)
    ]
    n = len(rows)
    weight = corpus_weights(bags)
    lexical = np.array([bag_scores([bags[i]], [bags[n + i]], weight)[0, 0] for i in range(n)])
    char = np.array(
        [
            fuzz.ratio(normalise_for_characters(r["sentence1"]), normalise_for_characters(r["sentence2"])) / 100
            for r in rows
        ]
    )
    combined = np.maximum(lexical, np.clip((char - 0.6) / 0.4, 0, 1))
    gold = np.array([float(r["score"]) for r in rows])
    print(f"{n} headline pairs")
    for name, cut in (("link (gold >= 2.5)", 2.5), ("paraphrase (gold >= 4.0)", 4.0)):
        positive = gold >= cut
        t, f, p, r = best_threshold(combined, positive)
        print(f"{name}: AUC {auc(combined, positive):.3f}; best threshold {t:.2f} (F1 {f:.3f}, P {p:.3f}, R {r:.3f})")
    print(f"Spearman-like: corr(score, gold) = {np.corrcoef(combined, gold)[0, 1]:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TSV)
