"""Development stories for reuse, families and sources: derived pairs against independent reports.

Built reproducibly (seeded) from the shared data sets; nothing here is a
held-out figure. Each story has:

- an original O: ten STS headlines (sentence1 of pairs graded 3 or more,
  so another outlet reported the same event), written one sentence a line;
- an independent report I of the same events: six of the ten partner
  headlines (sentence2, written by other outlets in their own words) with
  four headlines of its own, in another order: an independent outlet states
  many of the same facts, rarely all of them in the same order;
- derived versions of O: a copy with changed figures and one sentence
  dropped, a light rewrite (some sentences kept, the rest spun word by
  word), a heavy rewrite (every sentence spun, sentences reordered), and a
  short copy (four of O's sentences inside ten unrelated headlines);
- a rewrite I2 of the independent report (I's headlines spun): a second
  family, with no wording from O at all.

Dates: O is published first, the derived versions one to three days later,
independent reports on O's day; a third of the stories carry no dates so the
containment rule must decide direction.

Figures printed: AUC of max(reuse[i][j], reuse[j][i]) for derived against
independent pairs, within stories and across all stories in one matrix run;
family pairwise F1 against the true families; the share of derived
articles whose source is the true one. Run: python eval/reuse_dev.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax import analyse
from parallax.ingest import article_from_text
from parallax.matrix import story_matrix
from parallax.model import Article
from parallax.nlp import load_pipeline

DEFAULT_TSV = ROOT.parent / "shared/datasets/sts_headlines/headlines_scored.tsv"

# A content-farm spinner's substitutions: common words to near-synonyms. Written for this
# set, separate from parallax/lexicon.py so the engine's own list cannot flatter it.
SPIN = {
    "killed": "slain",
    "kill": "slay",
    "says": "states",
    "said": "stated",
    "say": "state",
    "attack": "assault",
    "attacks": "assaults",
    "police": "officers",
    "president": "leader",
    "government": "administration",
    "talks": "negotiations",
    "wins": "secures",
    "win": "secure",
    "dies": "passes away",
    "dead": "deceased",
    "new": "fresh",
    "plan": "scheme",
    "plans": "schemes",
    "hits": "strikes",
    "hit": "strike",
    "rise": "climb",
    "rises": "climbs",
    "falls": "drops",
    "fall": "drop",
    "major": "big",
    "help": "assist",
    "helps": "assists",
    "bomb": "explosive",
    "blast": "explosion",
    "officials": "authorities",
    "court": "tribunal",
    "deal": "agreement",
    "show": "display",
    "shows": "displays",
    "calls": "urges",
    "call": "urge",
    "warns": "cautions",
    "meets": "holds talks with",
    "election": "vote",
    "car": "vehicle",
    "kills": "slays",
    "over": "regarding",
    "after": "following",
    "before": "ahead of",
    "near": "close to",
    "protest": "demonstration",
    "protests": "demonstrations",
    "leader": "chief",
    "head": "chief",
    "big": "large",
    "top": "leading",
    "first": "initial",
    "amid": "in the middle of",
}
NUMBER = re.compile(r"\b\d+\b")


def spin(sentence: str, rng: random.Random, rate: float) -> str:
    words = sentence.split()
    out = []
    for word in words:
        bare = word.lower().strip(",.:;")
        if bare in SPIN and rng.random() < rate:
            out.append(SPIN[bare] + word[len(bare) :] if word.lower().startswith(bare) else SPIN[bare])
        elif bare in ("the", "a", "an", "in", "on", "of") and rng.random() < rate * 0.3:
            continue
        else:
            out.append(word)
    if len(out) > 5 and rng.random() < rate * 0.5:  # move the tail clause to the front
        cut = len(out) // 2
        out = [*out[cut:], "-", *out[:cut]]
    return " ".join(out)


def change_figures(sentence: str, rng: random.Random) -> str:
    return NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence)


def headline(text: str) -> str:
    return text.strip().rstrip(".") + "."


def build_stories(
    path: Path = DEFAULT_TSV, count: int = 24, seed: int = 7
) -> list[tuple[list[Article], set[frozenset[int]]]]:
    """Stories of seven articles each, with the set of truly derived pairs (index pairs)."""
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    rng = random.Random(seed)
    paired = [r for r in rows if float(r["score"]) >= 3.0]
    rng.shuffle(paired)
    filler = [r["sentence1"] for r in rows if float(r["score"]) < 1.0]
    stories = []
    for k in range(count):
        chunk = paired[k * 10 : (k + 1) * 10]
        original = [headline(r["sentence1"]) for r in chunk]
        independent = [headline(r["sentence2"]) for r in rng.sample(chunk, 6)]
        independent += [headline(f) for f in rng.sample(filler, 4)]
        rng.shuffle(independent)
        copy = [change_figures(s, rng) for s in original]
        del copy[rng.randrange(len(copy))]
        light = [s if rng.random() < 0.4 else headline(spin(s, rng, 0.7)) for s in original]
        heavy = [headline(spin(s, rng, 1.0)) for s in original]
        rng.shuffle(heavy)
        short = [headline(f) for f in rng.sample(filler, 10)]
        for s in rng.sample(original, 4):
            short.insert(rng.randrange(len(short) + 1), s)
        independent2 = [headline(spin(s, rng, 1.0)) for s in independent]
        day = dt.date(2023, 1, 1) + dt.timedelta(days=7 * k)
        dated = k % 3 != 2
        texts = [
            ("original", original, 0),
            ("independent", independent, 0),
            ("copy", copy, 1),
            ("light-rewrite", light, 2),
            ("heavy-rewrite", heavy, 3),
            ("short-copy", short, 2),
            ("independent-spun", independent2, 1),
        ]
        articles = []
        for name, lines, delay in texts:
            article = article_from_text("\n".join(lines), f"s{k}-{name}")
            published = day + dt.timedelta(days=delay) if dated else None
            articles.append(Article(**{**article.__dict__, "published": published, "title": name}))
        derived = {frozenset((i, j)) for family in TRUE_FAMILIES for i in family for j in family if i < j}
        stories.append((articles, derived))
    return stories


TRUE_FAMILIES = [[0, 2, 3, 4, 5], [1, 6]]
TRUE_SOURCES = [None, None, 0, 0, 0, 0, 1]


def auc(positive: list[float], negative: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / max(1, len(positive) * len(negative))


def pairwise_f1(predicted: list[list[int]], truth: list[list[int]]) -> float:
    def pairs(groups: list[list[int]]) -> set[frozenset[int]]:
        return {frozenset((i, j)) for g in groups for i in g for j in g if i < j}

    p, t = pairs(predicted), pairs(truth)
    if not p and not t:
        return 1.0
    precision = len(p & t) / len(p) if p else 0.0
    recall = len(p & t) / len(t) if t else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(path: Path = DEFAULT_TSV, stories: int = 24, verbose: bool = False) -> dict[str, float]:
    nlp = load_pipeline()
    built = build_stories(path, stories)
    within_pos: list[float] = []
    within_neg: list[float] = []
    f1s: list[float] = []
    right_source = total_source = 0
    everything: list[Article] = []
    truth_pairs: set[frozenset[int]] = set()
    for articles, derived in built:
        analyses = [analyse(a, nlp=nlp) for a in articles]
        offset = len(everything)
        everything.extend(articles)
        truth_pairs |= {frozenset(i + offset for i in pair) for pair in derived}
        result = story_matrix(analyses)
        for i in range(len(articles)):
            for j in range(i + 1, len(articles)):
                figure = max(result.reuse[i][j], result.reuse[j][i])
                (within_pos if frozenset((i, j)) in derived else within_neg).append(figure)
                if verbose:
                    print(
                        f"{articles[i].id:28} {articles[j].id:28} reuse {figure:.2f} "
                        f"cov {max(result.coverage[i][j], result.coverage[j][i]):.2f} "
                        f"{'DERIVED' if frozenset((i, j)) in derived else ''}"
                    )
        f1s.append(pairwise_f1(result.families, TRUE_FAMILIES))
        # Every derived version here is taken from its original; an original has no source.
        total_source += len(TRUE_SOURCES)
        right_source += sum(int(found == true) for found, true in zip(result.sources, TRUE_SOURCES, strict=True))
    # Across stories: every article of every story in one matrix run (blocking applies above 30).
    cross = story_matrix([analyse(a, nlp=nlp) for a in everything])
    cross_pos: list[float] = []
    cross_neg: list[float] = []
    n = len(everything)
    for i in range(n):
        for j in range(i + 1, n):
            same_story = everything[i].id.split("-")[0] == everything[j].id.split("-")[0]
            if not same_story:
                continue  # different events: trivially apart, they would flatter the figure
            figure = max(cross.reuse[i][j], cross.reuse[j][i])
            (cross_pos if frozenset((i, j)) in truth_pairs else cross_neg).append(figure)
    figures = {
        "auc_within": auc(within_pos, within_neg),
        "auc_cross": auc(cross_pos, cross_neg),
        "family_f1": sum(f1s) / len(f1s),
        "source_accuracy": right_source / max(1, total_source),
        "min_derived": min(within_pos),
        "max_independent": max(within_neg),
    }
    print("reuse dev stories: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return figures


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
