"""Held-out checks: pairs written after the changes they measure, in tests/fixtures/held_out/.

Each file has the format of tests/gold/rewrites/ (an original, a rewrite with gold sentence
links, an independent report of the same event). Nothing was tuned on them after they were
written; each session that writes one says so in its note, and a pair stops being held out once a
change is made because of it. Prints, per pair: sentence-link P/R/F1, reuse of the rewrite and of
the independent report (larger direction), the likely original with dates taken away, and
differences found for facts injected into the rewrite (as eval/rewrite_differences.py, 20 trials
per kind) with false differences on the pair as written and on the independent report.
Run: python eval/held_out.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import rewrite_differences
from rewrite_pairs import larger_reuse, load_pairs, score_pair

from parallax.families import origin_order
from parallax.pairing import align_pair
from parallax.specificity import specificity

HELD_OUT = ROOT / "tests/fixtures/held_out"


def main(gold: Path = HELD_OUT, trials_per_kind: int = 20) -> dict[str, float]:
    pairs = load_pairs(gold=gold)
    f1s = []
    for pair in pairs:
        precision, recall, f1, missing, extra = score_pair(pair)
        f1s.append(f1)
        ab, ba = align_pair(pair.a, pair.b).reuse
        first = origin_order([0, 1], [[1.0, ab], [ba, 1.0]], [None, None], [specificity(pair.a), specificity(pair.b)])
        print(
            f"{pair.name}: links P={precision:.3f} R={recall:.3f} F1={f1:.3f} (missing {sorted(missing)}, "
            f"extra {sorted(extra)}); reuse rewrite {max(ab, ba):.3f}, independent "
            f"{larger_reuse(pair.a, pair.independent):.3f} / {larger_reuse(pair.b, pair.independent):.3f}; "
            f"without dates the original comes first: {'yes' if first[0] == 0 else 'no'}"
        )
    figures = rewrite_differences.main(trials_per_kind=trials_per_kind, gold=gold, with_seed=False)
    return {"mean_f1": sum(f1s) / len(f1s), **figures}


if __name__ == "__main__":
    main()
