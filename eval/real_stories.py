"""Real reports: reuse, families and differences on three real stories (eval/real_stories.json).

The manifest holds each report's address and an editor's labels (derived, unsure, families), not
the texts, which are the outlets' own. Put the texts in a folder first, one ``STORY/ID.md`` per
report with the front matter of ``corpus/``, by hand or with ``--fetch`` (needs the network; pages
change, so a page fetched today may not be the text the labels were made on). Then:

- reuse: the larger of reuse[i][j] and reuse[j][i] per pair, derived against independent pairs
  within each story, AUC over the three stories (unsure pairs left out);
- families: one ``matrix`` per story, pairwise F1 against the labelled families (pairs of an unsure
  label left out of both sides);
- differences per match over every pair of each story (no change injected: a figure that really
  differs between two versions of a wire counts too, so this is an upper bound on false ones);
- across stories: every report in one ``matrix`` run, derived pairs against every other pair.

Run: python eval/real_stories.py DIR  |  python eval/real_stories.py --fetch DIR
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from reuse_dev import auc

from parallax import analyse, compare
from parallax.ingest import read_article
from parallax.matrix import story_matrix
from parallax.nlp import load_pipeline

MANIFEST = ROOT / "eval" / "real_stories.json"


def fetch(folder: Path) -> None:
    """Each report's page, read as an article, written as ``folder/STORY/ID.md``."""
    from parallax.fetch import FetchError, article_from_url
    from parallax.ingest import IngestError

    stories = json.loads(MANIFEST.read_text(encoding="utf-8"))["stories"]
    for story, data in stories.items():
        (folder / story).mkdir(parents=True, exist_ok=True)
        for name, meta in data["articles"].items():
            try:
                article = article_from_url(meta["url"])
            except (FetchError, IngestError) as error:
                print(f"{story}/{name}: not fetched ({error})")
                continue
            front = f"---\ntitle: {json.dumps(article.title)}\noutlet: {meta['outlet']}\n"
            front += f"published: {meta['published'] or 'null'}\nlanguage: en\n---\n\n"
            (folder / story / f"{name}.md").write_text(front + article.text, encoding="utf-8")
            print(f"{story}/{name}: {len(article.text.split())} words")


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def _split(
    labels: list[str], reuse: list[list[float]], derived: set[frozenset[str]], unsure: set[frozenset[str]]
) -> tuple[list[float], list[float]]:
    """The larger reuse of each labelled pair: derived pairs, then independent ones (unsure left out)."""
    positive, negative = [], []
    for i, j in itertools.combinations(range(len(labels)), 2):
        key = frozenset((labels[i], labels[j]))
        larger = max(reuse[i][j], reuse[j][i])
        if key in derived:
            positive.append(larger)
        elif key not in unsure:
            negative.append(larger)
    return positive, negative


def main(folder: Path) -> dict[str, float]:
    stories = json.loads(MANIFEST.read_text(encoding="utf-8"))["stories"]
    nlp = load_pipeline()
    derived_scores, independent_scores = [], []
    predicted, true, unsure_all = set(), set(), set()
    differences = matches = 0
    all_labels: list[str] = []
    all_analyses = []
    derived_all: set[frozenset[str]] = set()
    for story, data in stories.items():
        paths = sorted((folder / story).glob("*.md"))
        if not paths:
            print(f"{story}: no texts in {folder / story}; see the docstring")
            continue
        analyses = [analyse(read_article(p), nlp=nlp) for p in paths]
        ids = [p.stem for p in paths]
        matrix = story_matrix(analyses)
        derived = {frozenset(p) for p in data["derived"]}
        unsure = {frozenset(p) for p in data["unsure"]}
        positive, negative = _split(ids, matrix.reuse, derived, unsure)
        derived_scores += positive
        independent_scores += negative
        for i, j in itertools.combinations(range(len(ids)), 2):
            result = compare(analyses[i], analyses[j])
            differences += len(result.differences)
            matches += len(result.matches)
        all_labels += [f"{story}/{name}" for name in ids]
        all_analyses += analyses
        derived_all |= {frozenset(f"{story}/{x}" for x in p) for p in derived}
        found = [[ids[k] for k in family] for family in matrix.families]
        predicted |= {frozenset(f"{story}/{x}" for x in p) for p in _pairs(found)}
        true |= {frozenset(f"{story}/{x}" for x in p) for p in _pairs(data["families"])}
        unsure_all |= {frozenset(f"{story}/{x}" for x in p) for p in unsure}
        print(f"{story}: {len(ids)} reports, families {found}")
    # Across stories: every report in one matrix run, as an archive of several stories would be read.
    cross_auc = None
    if all_analyses:
        positive, negative = _split(all_labels, story_matrix(all_analyses).reuse, derived_all, unsure_all)
        cross_auc = auc(positive, negative)
        print(f"all {len(all_labels)} reports in one matrix: reuse AUC {cross_auc:.3f} ({len(negative)} other pairs)")
    predicted, true = predicted - unsure_all, true - unsure_all
    hit = len(predicted & true)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(true) if true else 1.0
    figures = {
        "reuse_auc": auc(derived_scores, independent_scores),
        "family_f1": 2 * precision * recall / (precision + recall) if hit else 0.0,
        "differences_per_match": differences / max(1, matches),
        "cross_story_auc": cross_auc if cross_auc is not None else float("nan"),
    }
    print(
        f"real stories: reuse AUC {figures['reuse_auc']:.3f} ({len(derived_scores)} derived, "
        f"{len(independent_scores)} independent pairs); families pairwise F1 {figures['family_f1']:.3f}; "
        f"differences {differences} in {matches} matches = {figures['differences_per_match']:.3f} per match"
    )
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--fetch":
        fetch(Path(sys.argv[2]))
    elif len(sys.argv) == 2:
        main(Path(sys.argv[1]))
    else:
        print(__doc__)
        sys.exit(2)
