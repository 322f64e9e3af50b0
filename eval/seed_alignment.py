"""Sentence-link F1 of the seed pair against tests/gold/seed_alignment.json.

Run: python eval/seed_alignment.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax.align import score_pairs
from parallax.analyse import analyse
from parallax.evaluate import score_links
from parallax.ingest import read_article
from parallax.pairing import align_pair


def main(verbose: bool) -> float:
    gold = json.loads((ROOT / "tests/gold/seed_alignment.json").read_text(encoding="utf-8"))
    a = analyse(read_article(ROOT / "corpus" / f"{gold['a']}.md"))
    b = analyse(read_article(ROOT / "corpus" / f"{gold['b']}.md"))
    matches = align_pair(a, b).matches
    result = score_links(a, b, matches, gold["links"], gold["defensible"], gold["unique_a"], gold["unique_b"])
    print(
        f"seed pair: P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} "
        f"unique matched as verbatim/paraphrase: {result.unique_matched_strong}/{result.unique_total}"
    )
    if verbose:
        pair, _ = score_pairs(a, b)
        for m in matches:
            print(m.kind, m.score, m.a, m.b)
        for label, links in (("missing", result.missing), ("extra", result.extra)):
            for i, j in links:
                ra, rb = pair.a_index.index(i), pair.b_index.index(j)
                print(
                    f"{label} A{i}-B{j} combined={pair.combined[ra, rb]:.2f} lex={pair.lexical[ra, rb]:.2f} "
                    f"| {a.article.text[a.sentences[i].start : a.sentences[i].end][:60]!r} "
                    f"| {b.article.text[b.sentences[j].start : b.sentences[j].end][:60]!r}"
                )
    return result.f1


if __name__ == "__main__":
    main("--verbose" in sys.argv)
