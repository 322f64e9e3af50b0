"""False differences on real news: headline pairs that annotators judged equivalent.

The STS headlines pairs graded 4.8 or more (``../shared/datasets/sts_headlines``)
are two outlets' headlines for one event saying the same thing: "Syria capital"
/ "Syrian capital", "BoE" / "Bank of England", "$38 bn" / "US$38b", "third
day" / "3rd Day". Any difference ``compare`` reports between them is almost
always false: outlets write the same fact in their own forms. The few pairs
where one headline really credits a source the other does not ("Official
says ...") are counted too, so the figure is an upper bound.

The pairs are cut into blocks of ten; block k gives article A (first
headlines, one paragraph each) and article B (their partners). Prints the
matches, the differences per match (the issue's goal for unchanged pairs:
at most 1 in 10) and each difference with its two sentences.

Run: python eval/sts_differences.py [--verbose]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax import analyse, compare
from parallax.ingest import article_from_text
from parallax.nlp import load_pipeline

DEFAULT_TSV = ROOT.parent / "shared/datasets/sts_headlines/headlines_scored.tsv"
EQUIVALENT = 4.8
BLOCK = 10


def _clean(field: str) -> str:
    """A few fields are CSV-escaped inside the TSV ('"Snowden sees ""no chance"" ..."'): unescape them."""
    field = field.strip()
    if len(field) > 1 and field[0] == field[-1] == '"' and '""' in field:
        field = field[1:-1].replace('""', '"')
    return field


def equivalent_pairs(path: Path = DEFAULT_TSV) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(_clean(r["sentence1"]), _clean(r["sentence2"])) for r in rows if float(r["score"]) >= EQUIVALENT]


def main(path: Path = DEFAULT_TSV, verbose: bool = False) -> dict[str, float]:
    nlp = load_pipeline()
    pairs = equivalent_pairs(path)
    matches = 0
    kinds: Counter[str] = Counter()
    for k in range(0, len(pairs), BLOCK):
        block = pairs[k : k + BLOCK]
        # Headlines have no end punctuation; a full stop keeps them sentences.
        a = analyse(article_from_text("\n\n".join(x.rstrip(".") + "." for x, _ in block), f"sts-{k}-a"), nlp=nlp)
        b = analyse(article_from_text("\n\n".join(y.rstrip(".") + "." for _, y in block), f"sts-{k}-b"), nlp=nlp)
        result = compare(a, b)
        matches += len(result.matches)
        for d in result.differences:
            kinds[d.kind] += 1
            if verbose:
                m = result.matches[d.match]
                print(f"   {d.kind}: {d.a_text!r} / {d.b_text!r}")
                print(f"      A: {a.sentences_text(m.a)}\n      B: {b.sentences_text(m.b)}")
    found = sum(kinds.values())
    rate = found / max(1, matches)
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) or "none"
    print(
        f"equivalent headline pairs (grade >= {EQUIVALENT}): {len(pairs)} pairs, {matches} matches, "
        f"{found} differences = {rate:.3f} per match ({detail})"
    )
    return {"pairs": len(pairs), "matches": matches, "differences": found, "per_match": rate}


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
