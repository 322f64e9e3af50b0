"""Who came first when the dates do not say: the written derived pairs with their dates taken away.

Every derived pair written for Parallax (the six rewrites of ``tests/gold/rewrites/``, the
copy or rewrite of each ``tests/gold/shared_quotes/`` story, the AI-style paraphrase of
``tests/fixtures/quake_paraphrase.json`` and the seed pair in ``corpus/``) is put through
``families.origin_order`` as a family of two with no dates: first by the shares of each other's
wording alone, then with each article's specificity (``parallax.specificity``) as the tie-break.
Prints how often the true original comes first each way, and each pair's figures.
Run: python eval/direction.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from rewrite_pairs import _text
from shared_quotes import load_stories

from parallax import analyse
from parallax.families import origin_order
from parallax.ingest import article_from_text, read_article
from parallax.model import Analysis
from parallax.nlp import load_pipeline
from parallax.pairing import align_pair
from parallax.specificity import specificity


def derived_pairs(nlp) -> list[tuple[str, Analysis, Analysis]]:
    """(name, original, derived) for every written derived pair."""
    found = []
    sources = [*sorted((ROOT / "tests/gold/rewrites").glob("*.json")), ROOT / "tests/fixtures/quake_paraphrase.json"]
    for path in sources:
        data = json.loads(path.read_text(encoding="utf-8"))
        original = analyse(article_from_text(_text(data["a"])[0], f"{path.stem}-a"), nlp=nlp)
        found.append((path.stem, original, analyse(article_from_text(_text(data["b"])[0], f"{path.stem}-b"), nlp=nlp)))
    for name, analyses, _ in load_stories(nlp):
        derived = analyses.get("rewrite") or analyses["copy"]
        found.append((name, analyses["wire"], derived))
    corpus = ROOT / "corpus"
    seed = [analyse(read_article(corpus / f"wang-yi-russia-{k}.md"), nlp=nlp) for k in ("original", "rewrite")]
    found.append(("seed", seed[0], seed[1]))
    return found


def main(verbose: bool = False) -> dict[str, float]:
    nlp = load_pipeline()
    pairs = derived_pairs(nlp)
    by_shares = by_specificity = 0
    for name, original, derived in pairs:
        ab, ba = align_pair(original, derived).reuse
        reuse = [[1.0, ab], [ba, 1.0]]
        specific = [specificity(original), specificity(derived)]
        plain = origin_order([0, 1], reuse, [None, None])[0] == 0
        tied = origin_order([0, 1], reuse, [None, None], specific)[0] == 0
        by_shares += plain
        by_specificity += tied
        if verbose:
            print(
                f"{name:18} reuse {ab:.3f} / {ba:.3f}  specificity {specific[0]:.2f} / {specific[1]:.2f}  "
                f"original first: shares {'yes' if plain else 'no'}, with specificity {'yes' if tied else 'no'}"
            )
    figures = {"pairs": len(pairs), "by_shares": by_shares / len(pairs), "by_specificity": by_specificity / len(pairs)}
    print(
        f"direction without dates: original first in {by_shares} of {len(pairs)} by shares of wording, "
        f"{by_specificity} of {len(pairs)} with specificity as the tie-break"
    )
    return figures


if __name__ == "__main__":
    main("--verbose" in sys.argv)
