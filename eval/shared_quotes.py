"""Reuse when independent reports quote the same speaker (tests/gold/shared_quotes/*.json).

Each story holds a wire report, a copy or rewrite of it (the family), and two
independent reports by other outlets that quote the same statements word for
word, as outlets do when a minister, a company or a club makes one. The
speaker's words are shared by every report; the outlets' own words are not,
except within the family. All the articles of all stories go into one
``matrix`` run.

Prints, for each pair of a story, the larger reuse figure; then the AUC of
family pairs against independent pairs (within stories), the independent
pairs that reach ``reuse_threshold`` (each would join two independent reports
in a family), and the family pairwise F1 of the whole run. Last, the
differences ``compare`` reports on every pair of a story, per match: no fact
differs anywhere in the set except the credits listed under "differences" in
a story's file, so every other difference is false (quoting one statement,
outlets credit its speaker in their own words: "told reporters", "she said").

Run: python eval/shared_quotes.py [--verbose]
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from reuse_dev import auc, pairwise_f1

from parallax import analyse, compare
from parallax.ingest import article_from_text
from parallax.matrix import story_matrix
from parallax.model import Analysis
from parallax.options import DEFAULT_OPTIONS, CompareOptions

GOLD = ROOT / "tests/gold/shared_quotes"


def load_stories(nlp=None) -> list[tuple[str, dict[str, Analysis], list[list[str]]]]:
    stories = []
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        analyses = {
            role: analyse(article_from_text("\n\n".join(paragraphs), f"{path.stem}-{role}"), nlp=nlp)
            for role, paragraphs in data["articles"].items()
        }
        stories.append((path.stem, analyses, data["families"]))
    return stories


def known_differences(name: str) -> set[tuple[str, str, str]]:
    """The real differences of a story: (role, role, kind)."""
    data = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return {(d["pair"][0], d["pair"][1], d["kind"]) for d in data.get("differences", [])}


def false_differences(stories, verbose: bool = False) -> tuple[int, int, int, int]:
    """Differences on every pair of each story: (false ones, matches, real ones found, real ones)."""
    false = matches = found = real = 0
    for name, analyses, _ in stories:
        known = known_differences(name)
        real += len(known)
        for x, y in itertools.combinations(analyses, 2):
            result = compare(analyses[x], analyses[y])
            matches += len(result.matches)
            for difference in result.differences:
                if (x, y, difference.kind) in known:
                    found += 1
                    continue
                false += 1
                if verbose:
                    print(f"   false {name} {x}/{y} {difference.kind}: {difference.a_text!r} | {difference.b_text!r}")
    return false, matches, found, real


def main(verbose: bool = False, options: CompareOptions = DEFAULT_OPTIONS, stories=None) -> dict[str, float]:
    stories = stories if stories is not None else load_stories()
    everything: list[Analysis] = []
    truth: list[list[int]] = []
    story_of: list[str] = []
    for name, analyses, families in stories:
        index = {role: len(everything) + k for k, role in enumerate(analyses)}
        everything += analyses.values()
        story_of += [name] * len(analyses)
        truth += [[index[role] for role in family] for family in families]
    result = story_matrix(everything, options)
    in_family = {frozenset((i, j)) for family in truth for i in family for j in family if i < j}
    derived, independent, false_links = [], [], []
    for i in range(len(everything)):
        for j in range(i + 1, len(everything)):
            if story_of[i] != story_of[j]:
                continue
            figure = max(result.reuse[i][j], result.reuse[j][i])
            is_family = frozenset((i, j)) in in_family
            (derived if is_family else independent).append(figure)
            if not is_family and figure >= options.reuse_threshold:
                false_links.append((everything[i].article.id, everything[j].article.id, figure))
            if verbose:
                kind = "FAMILY" if is_family else "indep "
                print(f"   {kind} {everything[i].article.id:28} {everything[j].article.id:28} reuse {figure:.3f}")
    separation = auc(derived, independent)
    family_f1 = pairwise_f1(result.families, truth)
    print(f"shared quotes: AUC={separation:.3f} (families against independent reports, within stories)")
    print(f"   independent pairs at or over the threshold {options.reuse_threshold}: {len(false_links)}")
    for a, b, figure in false_links:
        print(f"      {a} {b} {figure:.3f}")
    print(f"   families found {result.families}, true {truth}: pairwise F1={family_f1:.3f}")
    false, matches, found, known = false_differences(stories, verbose)
    print(f"differences on these unchanged pairs: {false} false in {matches} matches = {false / matches:.3f} per match")
    print(f"   real differences found: {found} of {known}")
    return {
        "auc": separation,
        "false_links": float(len(false_links)),
        "family_f1": family_f1,
        "false_differences_per_match": false / matches,
        "real_differences_found": found / known if known else 1.0,
    }


if __name__ == "__main__":
    main("--verbose" in sys.argv)
