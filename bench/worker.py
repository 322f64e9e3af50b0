"""One measured workload in a fresh process (called by bench/run.py).

floor FILE...    load the spaCy pipeline and parse the texts, nothing else; parsed line by line,
                 as Parallax does (the cheapest way to parse the same text)
difflib FILE FILE [ROWS]
                 the usual peer: parse into sentences with the same pipeline, then a
                 sentence-by-sentence difflib.SequenceMatcher ratio matrix. With ROWS, only
                 that many rows of A are compared and the time is scaled up (printed).
"""

from __future__ import annotations

import difflib  # the baseline only: the product never imports difflib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parallax.cli import tune_for_one_run
from parallax.ingest import read_article
from parallax.nlp import load_pipeline


def main(argv: list[str]) -> None:
    mode, *rest = argv
    tune_for_one_run()  # the same collector setting as `python -m parallax`: like with like
    nlp = load_pipeline()
    if mode == "floor":
        lines = (line for p in rest for line in read_article(Path(p)).text.split("\n") if line.strip())
        for _ in nlp.pipe(lines, batch_size=64):
            pass
        return
    a, b = (read_article(Path(p)).text for p in rest[:2])
    rows = int(rest[2]) if len(rest) > 2 else None
    sents_a = [s.text for s in nlp(a).sents]
    sents_b = [s.text for s in nlp(b).sents]
    chosen = sents_a if rows is None else sents_a[:: max(1, len(sents_a) // rows)][:rows]
    start = time.perf_counter()
    matcher = difflib.SequenceMatcher(autojunk=False)
    for x in chosen:
        matcher.set_seq2(x)
        for y in sents_b:
            matcher.set_seq1(y)
            matcher.ratio()
    spent = time.perf_counter() - start
    print(f"{spent * len(sents_a) / len(chosen):.3f} {len(chosen)} {len(sents_a)}")


if __name__ == "__main__":
    main(sys.argv[1:])
