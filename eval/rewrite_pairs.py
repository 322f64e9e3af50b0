"""Sentence-link F1 on six written rewrite pairs (tests/gold/rewrites/*.json).

Each file holds an original (a) and a rewrite of it (b) as lists of
sentences, in the styles a newsroom meets: a content-farm spin, a blog
rewrite, a condensed rewrite by another outlet, translated English, a
reordered regional rewrite and a health site's split sentences. Gold links
are by sentence index; "defensible" links are neither required nor wrong.

The texts are laid out two sentences to a paragraph and analysed by the
real pipeline; each parser sentence is mapped back to the gold sentence it
lies in, so a different segmentation cannot shift the gold. Prints each
pair's P/R/F1, their mean, the reuse figures of each pair (a rewrite is
a family: reuse should reach the threshold), and the families found in one
``matrix`` run over all the articles with the seed pair.

Run: python eval/rewrite_pairs.py [--verbose]
"""

from __future__ import annotations

import bisect
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from reuse_dev import auc, pairwise_f1

from parallax import analyse
from parallax.families import families
from parallax.ingest import article_from_text, read_article
from parallax.matrix import story_matrix
from parallax.model import Analysis
from parallax.options import DEFAULT_OPTIONS, CompareOptions
from parallax.pairing import align_pair

GOLD = ROOT / "tests/gold/rewrites"


@dataclass(frozen=True)
class GoldPair:
    name: str
    a: Analysis
    b: Analysis
    gold_of_a: tuple[int, ...]  # parser sentence index -> gold sentence index (-1: outside)
    gold_of_b: tuple[int, ...]
    links: frozenset[tuple[int, int]]
    defensible: frozenset[tuple[int, int]]
    independent: Analysis  # another outlet's own report of the event: no wording from a or b


def _text(sentences: list[str]) -> tuple[str, list[int]]:
    """Two sentences to a paragraph; the offset where each sentence starts."""
    text, starts = "", []
    for k, sentence in enumerate(sentences):
        if k:
            text += "\n\n" if k % 2 == 0 else " "
        starts.append(len(text))
        text += sentence
    return text, starts


def _gold_index(analysis: Analysis, starts: list[int]) -> tuple[int, ...]:
    return tuple(bisect.bisect_right(starts, s.start) - 1 for s in analysis.sentences)


def load_pairs(nlp=None, gold: Path = GOLD) -> list[GoldPair]:
    pairs = []
    for path in sorted(gold.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text_a, starts_a = _text(data["a"])
        text_b, starts_b = _text(data["b"])
        a = analyse(article_from_text(text_a, f"{path.stem}-a"), nlp=nlp)
        b = analyse(article_from_text(text_b, f"{path.stem}-b"), nlp=nlp)
        pairs.append(
            GoldPair(
                path.stem,
                a,
                b,
                _gold_index(a, starts_a),
                _gold_index(b, starts_b),
                frozenset(tuple(x) for x in data["links"]),
                frozenset(tuple(x) for x in data["defensible"]),
                analyse(article_from_text(_text(data["independent"])[0], f"{path.stem}-i"), nlp=nlp),
            )
        )
    return pairs


def score_pair(pair: GoldPair, options: CompareOptions = DEFAULT_OPTIONS) -> tuple[float, float, float, set, set]:
    matches = align_pair(pair.a, pair.b, options).matches
    predicted = {(pair.gold_of_a[i], pair.gold_of_b[j]) for m in matches for i in m.a for j in m.b}
    predicted -= pair.defensible
    hit = predicted & pair.links
    precision = len(hit) / len(predicted) if predicted else 1.0
    recall = len(hit) / len(pair.links)
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return precision, recall, f1, pair.links - predicted, predicted - pair.links


def larger_reuse(x: Analysis, y: Analysis, options: CompareOptions = DEFAULT_OPTIONS) -> float:
    return max(align_pair(x, y, options).reuse)


def reuse_auc(pairs: list[GoldPair], options: CompareOptions = DEFAULT_OPTIONS, verbose: bool = False) -> float:
    """AUC of the larger reuse figure: each rewrite against its original (derived), each
    independent report against the original and the rewrite (independent), all stories pooled."""
    derived, independent = [], []
    for pair in pairs:
        derived.append(larger_reuse(pair.a, pair.b, options))
        independent += [larger_reuse(x, pair.independent, options) for x in (pair.a, pair.b)]
        if verbose:
            print(
                f"   {pair.name}: reuse rewrite {derived[-1]:.2f}, "
                f"independent {independent[-2]:.2f}/{independent[-1]:.2f}"
            )
    return auc(derived, independent)


def story_families(pairs: list[GoldPair], options: CompareOptions = DEFAULT_OPTIONS, verbose: bool = False) -> float:
    """Family pairwise F1 of one ``matrix`` run over every article of the set plus the seed pair
    (20 articles): each original with its rewrite is a family; independent reports are in none."""
    analyses: list[Analysis] = []
    truth: list[list[int]] = []
    for pair in pairs:
        truth.append([len(analyses), len(analyses) + 1])
        analyses += [pair.a, pair.b, pair.independent]
    seeds = [ROOT / "corpus/wang-yi-russia-original.md", ROOT / "corpus/wang-yi-russia-rewrite.md"]
    truth.append([len(analyses), len(analyses) + 1])  # the seed rewrite is a loose rewrite of the original
    analyses += [analyse(read_article(path)) for path in seeds]
    found = families(story_matrix(analyses, options).reuse, options.reuse_threshold)
    if verbose:
        print(f"   families found {found}, true {truth}")
    return pairwise_f1(found, truth)


def main(verbose: bool = False, options: CompareOptions = DEFAULT_OPTIONS, pairs=None) -> dict[str, float]:
    pairs = pairs if pairs is not None else load_pairs()
    f1s = []
    for pair in pairs:
        precision, recall, f1, missing, extra = score_pair(pair, options)
        f1s.append(f1)
        print(f"{pair.name}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
        if verbose:
            for label, links in (("missing", missing), ("extra", extra)):
                for i, j in sorted(links):
                    print(f"   {label} a{i}-b{j}")
    mean = sum(f1s) / len(f1s)
    print(f"rewrite pairs: mean F1={mean:.3f} over {len(f1s)} pairs")
    separation = reuse_auc(pairs, options, verbose)
    print(f"reuse, rewrites against independent reports of the same events: AUC={separation:.3f}")
    family_f1 = story_families(pairs, options, verbose)
    print(f"families in one matrix of all 20 articles (with the seed pair): pairwise F1={family_f1:.3f}")
    return {"mean_f1": mean, "reuse_auc": separation, "family_f1": family_f1}


if __name__ == "__main__":
    main("--verbose" in sys.argv)
