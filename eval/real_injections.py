"""Facts changed inside real rewrites: injected changes in the derived pairs of eval/real_stories.json.

The issue's goal is stated on real rewrites, and the written rewrites of eval/rewrite_differences.py
are heavier than most real ones (a content farm keeps more of the wire's wording than an AI
paraphraser). Here every pair the manifest labels derived is read as an original (the earlier
report; the first of the pair when neither has a date or both have the same) and a rewrite. There
is no gold sentence alignment for real reports, so the targets are the rewrite sentences that
Parallax itself links one-to-one to an original sentence as a verbatim copy or a close paraphrase
before any change (a partial link may be two facts of one topic, where no difference is owed).
Each trial then makes one change of a known kind in one target, as rewrite_differences.py does,
and counts it found when it is reported with its kind on a match holding the changed sentence.

Prints recall per kind, how many changed sentences lose their link with the change, and the
differences of the derived pairs as written (real versions of one wire do differ: a toll updated,
a credit dropped, so those are not all false). Needs the texts: see eval/real_stories.py.

Run: python eval/real_injections.py DIR [--verbose]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from real_stories import MANIFEST
from rewrite_differences import Pair, Target, injected_recall

from parallax import analyse, compare
from parallax.ingest import read_article
from parallax.nlp import load_pipeline

STRONG = ("verbatim", "paraphrase")


def _in_order(first: str, second: str, published: dict[str, str | None]) -> tuple[str, str]:
    """The pair as (original, rewrite): the earlier report first, else the manifest's order."""
    day = {k: dt.date.fromisoformat(v) if v else None for k, v in published.items()}
    if day[first] and day[second] and day[second] < day[first]:
        return second, first
    return first, second


def derived_pairs(folder: Path, nlp) -> list[Pair]:
    stories = json.loads(MANIFEST.read_text(encoding="utf-8"))["stories"]
    pairs = []
    for story, data in stories.items():
        published = {name: article["published"] for name, article in data["articles"].items()}
        for first, second in data["derived"]:
            paths = [folder / story / f"{name}.md" for name in (first, second)]
            if not all(p.is_file() for p in paths):
                continue
            original_id, rewrite_id = _in_order(first, second, published)
            original = analyse(read_article(folder / story / f"{original_id}.md"), nlp=nlp)
            rewrite = analyse(read_article(folder / story / f"{rewrite_id}.md"), nlp=nlp)
            text_o, text_r = original.article.text, rewrite.article.text
            targets = tuple(
                Target(
                    rewrite.sentences[m.b[0]].start,
                    rewrite.sentences[m.b[0]].end,
                    text_o[original.sentences[m.a[0]].start : original.sentences[m.a[0]].end],
                )
                for m in compare(original, rewrite).matches
                if m.kind in STRONG and len(m.a) == len(m.b) == 1
            )
            if targets:
                pairs.append(Pair(f"{story}/{original_id}>{rewrite_id}", original, text_r, targets))
    return pairs


def main(folder: Path, verbose: bool = False, trials_per_kind: int = 30, seed: int = 5) -> dict[str, float]:
    nlp = load_pipeline()
    pairs = derived_pairs(folder, nlp)
    if not pairs:
        print(f"no derived pair has both texts in {folder}: see eval/real_stories.py for how to get them")
        return {}
    run = injected_recall(pairs, nlp, trials_per_kind, seed, verbose)
    rate = run.unchanged_differences / max(1, run.unchanged_matches)
    targets = sum(len(p.targets) for p in pairs)
    print(
        f"real rewrites: {len(pairs)} derived pairs, {targets} target sentences; changed sentences still linked "
        f"{run.linked} of {run.tried} (linked before the change, not after: {run.unlinked_by_change})"
    )
    print(
        f"injected recall {run.recall:.3f} ({run.per_kind}); derived pairs as written "
        f"{run.unchanged_differences} differences in {run.unchanged_matches} matches = {rate:.3f} per match"
    )
    return {"recall": run.recall, "unchanged_per_match": rate}


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), verbose="--verbose" in sys.argv)
