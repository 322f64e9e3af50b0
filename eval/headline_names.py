"""Names in title-case headlines: what the NER model finds there, and what Parallax keeps.

Gold: ``tests/gold/headline_names.jsonl``, 79 real title-case headlines from the STS headline
pairs (graded 3 or more, so the partner reports the same event), each with the names a reader
sees in it (people, places, organisations, nationalities, events), written for Parallax. Each
headline becomes an article: the headline, a blank line, and its partner headline in sentence case
as the body (one sentence of running text: a hard case, since a real body repeats more names).

Scored word by word (names' words, lower-cased, dots and possessives dropped), so "US East Coast"
against "US" and "East Coast" is not a boundary quarrel: precision is the share of the words the
pipeline calls names that are names; recall the share of the names' words it finds. Printed for the
model's own mentions and for the mentions after :mod:`parallax.capitals`.

Run: python eval/headline_names.py [--verbose]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax.boilerplate import find_boilerplate
from parallax.capitals import confirmed_mentions
from parallax.ingest import article_from_text
from parallax.nlp import load_pipeline
from parallax.segment import segment

GOLD = ROOT / "tests/gold/headline_names.jsonl"
DEFAULT_TSV = ROOT.parent / "shared/datasets/sts_headlines/headlines_scored.tsv"


def _words(names: list[str]) -> set[str]:
    return {
        re.sub(r"['’]s$", "", w).replace(".", "").lower()
        for name in names
        for w in re.split(r"[\s\-]+", name.strip("'’\" "))
        if w.strip(".")
    }


def _score(found: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    hit = sum(len(f & g) for f, g in zip(found, gold, strict=True))
    predicted, true = sum(map(len, found)), sum(map(len, gold))
    precision, recall = hit / max(1, predicted), hit / max(1, true)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main(path: Path = DEFAULT_TSV, verbose: bool = False) -> dict[str, float]:
    with path.open(encoding="utf-8") as handle:
        bodies = {
            r["sentence1"].strip().strip('"'): r["sentence2"].strip().strip('"')
            for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if float(r["score"]) >= 3.0
        }
    nlp = load_pipeline()
    gold, before, after = [], [], []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        headline = item["headline"]
        text = article_from_text(headline + "\n\n" + bodies[headline].rstrip(".") + ".", "headline").text
        parsed = segment(text, nlp, find_boilerplate(text))
        end = text.index("\n")
        raw = [m.text for m in parsed.mentions if m.end <= end]
        kept = [m.text for m in confirmed_mentions(text, parsed.sentences, parsed.mentions) if m.end <= end]
        gold.append(_words(item["names"]))
        before.append(_words(raw))
        after.append(_words(kept))
        if verbose and before[-1] != after[-1]:
            print(f"   {headline!r}\n      model {raw}\n      kept  {kept}\n      gold  {item['names']}")
    figures = {}
    for label, found in (("model", before), ("kept", after)):
        precision, recall, f1 = _score(found, gold)
        figures[label] = {"precision": precision, "recall": recall, "f1": f1}
        print(f"headline names, {label}: P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({len(gold)} headlines)")
    return figures


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
