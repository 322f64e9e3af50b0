"""Date extraction and normalisation on WikiWars (gold TIMEX2 values).

For each of the 22 texts, Parallax analyses the plain text with the
document's creation time as publication date. A gold expression counts as
found when a Parallax date overlaps it; its value counts as right when
Parallax's value equals the gold value exactly (YYYY / YYYY-MM / YYYY-MM-DD).
Gold values Parallax cannot express (times, weeks,
seasons, decades, durations, BC years, references like PRESENT_REF) are
left out of the value figure but kept in the extraction figure.

WikiWars is narrative history anchored on dates in the text, not on the
creation time, so it is a hard test for a news tool: read the figure as a
floor. Run: python eval/wikiwars_dates.py [folder]
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parallax import analyse
from parallax.ingest import article_from_text

DEFAULT = ROOT.parent / "shared/datasets/wikiwars/WikiWars_20120218_v104/keyinline"
TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
VALUE = re.compile(r'val="([^"]*)"')


def gold_spans(raw: str) -> tuple[str, list[tuple[int, int, str | None]], dt.date | None]:
    """Plain text of <TEXT>, the outermost TIMEX2 spans in it with their values, and the DCT."""
    dct_match = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    spans: list[tuple[int, int, str | None]] = []
    stack: list[tuple[int, str | None]] = []
    position = 0
    cursor = 0
    for match in TAG.finditer(body):
        chunk = html.unescape(body[cursor : match.start()])
        text_parts.append(chunk)
        position += len(chunk)
        cursor = match.end()
        if match.group(0).startswith("</"):
            start, value = stack.pop()
            if not stack:
                spans.append((start, position, value))
        else:
            value = VALUE.search(match.group(1) or "")
            stack.append((position, value.group(1) if value else None))
    tail = html.unescape(body[cursor:])
    text_parts.append(tail)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    return "".join(text_parts), spans, dct


def expressible(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value or "") is not None


def main(folder: Path) -> tuple[float, float]:
    found = gold_total = predicted_total = predicted_hit = 0
    value_right = value_total = 0
    for path in sorted(folder.glob("*.key.xml")):
        text, spans, dct = gold_spans(path.read_text(encoding="utf-8"))
        # analyse() strips the leading/trailing blank lines: keep offsets aligned.
        lead = len(text) - len(text.lstrip("\n "))
        article = article_from_text(text, path.stem, published=dct, source="file")
        analysis = analyse(article)
        dates = [(d.start + lead, d.end + lead, d) for d in analysis.dates]
        gold_total += len(spans)
        predicted_total += len(dates)
        for start, end, value in spans:
            hits = [d for s, e, d in dates if s < end and e > start]
            if hits:
                found += 1
            if expressible(value) and hits:
                value_total += 1
                value_right += int(any(d.value == value for d in hits))
            elif expressible(value):
                value_total += 1
        predicted_hit += sum(1 for s, e, _ in dates if any(s < ge and e > gs for gs, ge, _ in spans))
    recall = found / gold_total
    precision = predicted_hit / max(1, predicted_total)
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = value_right / max(1, value_total)
    print(
        f"WikiWars: {gold_total} gold expressions; extraction P={precision:.3f} R={recall:.3f} F1={f1:.3f}; "
        f"values right {value_right}/{value_total} = {accuracy:.3f} (expressible gold values, missed ones count wrong)"
    )
    return f1, accuracy


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
