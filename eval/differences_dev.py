"""What changed: recall of injected fact changes, and false differences on unchanged pairs.

Injected set (seeded, reproducible): real prose (the seed pair and the
first paragraphs of each WikiWars article, read as news-length articles) is
copied, and one sentence of the copy gets one change of a known kind:

- figure: a number changed ("12" -> "15", "four" -> "seven");
- date: a month or weekday name replaced by another;
- place / person / organisation: a name the NER model tagged replaced by
  another name of the same kind from the same article collection;
- attribution: a source credited on one side only ("according to Reuters");
- quotation: one word inside a quotation changed, or the quotation marks dropped;
- framing: "said" -> "claimed", or a hedge ("reportedly") added.

Recall: the change is reported, with its kind, on the match that holds the
changed sentence. False differences: differences per match on pairs whose
facts are the same (the seed pair, and light and heavy spins of the reuse
development stories). Run: python eval/differences_dev.py
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from parallax import analyse, compare
from parallax.ingest import article_from_text, read_article
from parallax.nlp import load_pipeline

WIKIWARS = ROOT.parent / "shared/datasets/wikiwars/WikiWars_20120218_v104/keyinline"
TAG = re.compile(r"<[^>]+>")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# A number with thousands separators is one number ("6,000"): changing its "000" would write "6,2".
NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b")
SAID = re.compile(r"\b(said|says|told)\b")
QUOTE = re.compile(r"([\"“])([^\"“”]{12,300})([\"”])")
KINDS = ("figure", "date", "place", "person", "organisation", "attribution", "quotation", "framing")
LABEL_KIND = {"GPE": "place", "LOC": "place", "PERSON": "person", "ORG": "organisation"}


def base_texts() -> list[str]:
    texts = [
        read_article(ROOT / "corpus" / f"{name}.md").text
        for name in ("wang-yi-russia-original", "wang-yi-russia-rewrite")
    ]
    if WIKIWARS.exists():
        for path in sorted(WIKIWARS.glob("*.xml")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            body = TAG.sub("", raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0])
            paragraphs = [p.strip() for p in body.split("\n") if len(p.split()) > 25]
            texts.append("\n\n".join(paragraphs[:4]))
    return texts


def inject(kind: str, sentence: str, names: dict[str, list[str]], rng: random.Random) -> str | None:
    """The sentence with one change of ``kind``, or None when the sentence offers nothing to change."""
    if kind == "figure":
        # Numbers that are part of a date (a day, a year, "497 BC") or a list marker are not figures.
        around = r"(?:\s(?:BC|AD|" + "|".join(MONTHS) + r"))"
        numbers = [
            m
            for m in NUMBER.finditer(sentence)
            if not re.fullmatch(r"1[89]\d\d|20\d\d", m.group())
            and m.start() > 0
            and not re.match(around, sentence[m.end() :])
            and not re.search(r"(?:" + "|".join(MONTHS) + r")\s$", sentence[: m.start()])
        ]
        if not numbers:
            return None
        m = rng.choice(numbers)
        word = m.group()
        if "," in word:  # "6,000" -> "8,000": another leading digit, as a changed toll or count reads
            new = rng.choice([d for d in "123456789" if d != word[0]]) + word[1:]
        elif word[0].isdigit():
            new = str(int(float(word)) + rng.randint(2, 9))
        else:
            new = rng.choice(
                [w for w in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten") if w != word]
            )
        return sentence[: m.start()] + new + sentence[m.end() :]
    if kind == "date":
        for pool in (MONTHS, WEEKDAYS):
            found = list(re.finditer(r"\b(" + "|".join(pool) + r")\b", sentence))
            if found:
                m = rng.choice(found)
                return sentence[: m.start()] + rng.choice([x for x in pool if x != m.group()]) + sentence[m.end() :]
        return None
    if kind in ("place", "person", "organisation"):
        present = [n for n in names[kind] if re.search(r"\b" + re.escape(n) + r"\b", sentence)]
        if not present:
            return None
        old = rng.choice(present)
        others = [n for n in names[kind] if n not in sentence and old not in n and n not in old]
        return re.sub(r"\b" + re.escape(old) + r"\b", rng.choice(others), sentence) if others else None
    if kind == "attribution":
        return sentence.rstrip(".") + ", according to Reuters."
    if kind == "quotation":
        m = QUOTE.search(sentence)
        if not m:
            return None
        words = m.group(2).split()
        if rng.random() < 0.5 or len(words) < 4:
            return sentence[: m.start()] + m.group(2) + sentence[m.end() :]
        k = rng.randrange(len(words))
        words[k] = "never" if words[k] != "never" else "always"
        return sentence[: m.start(2)] + " ".join(words) + sentence[m.end(2) :]
    if kind == "framing":
        if SAID.search(sentence):
            return SAID.sub("claimed", sentence, count=1)
        words = sentence.split()
        if len(words) < 6:
            return None
        return " ".join([*words[:2], "reportedly", *words[2:]])
    raise ValueError(kind)


def count_differences(pairs, label: str | None = None) -> tuple[int, int]:
    """Differences and matches ``compare`` reports over analysed pairs; each difference printed after
    ``label`` when one is given."""
    differences = matches = 0
    for a, b in pairs:
        result = compare(a, b)
        matches += len(result.matches)
        differences += len(result.differences)
        for d in result.differences if label else ():
            print(f"{label} {d.kind}: {d.a_text!r} | {d.b_text!r}")
    return differences, matches


def _in_date(analysis, start: int, text: str, changed: str) -> bool:
    """Whether the first character that differs lies inside a date expression of the original."""
    original = text[start:]
    at = next((k for k, (x, y) in enumerate(zip(original, changed, strict=False)) if x != y), 0) + start
    return any(d.start <= at < d.end for d in analysis.dates)


def main(trials_per_kind: int = 30, seed: int = 11, verbose: bool = False) -> tuple[float, float]:
    nlp = load_pipeline()
    rng = random.Random(seed)
    texts = base_texts()
    analyses = [analyse(article_from_text(t, f"base{k}"), nlp=nlp) for k, t in enumerate(texts)]
    names: dict[str, list[str]] = {"place": [], "person": [], "organisation": []}
    for analysis in analyses:
        for mention in analysis.mentions:
            kind = LABEL_KIND.get(mention.label)
            if kind and mention.text[:1].isupper() and len(mention.text) > 3 and mention.text not in names[kind]:
                names[kind].append(mention.text)
    found: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    for kind in KINDS:
        attempts = 0
        while tried[kind] < trials_per_kind and attempts < 2000:
            attempts += 1
            k = rng.randrange(len(analyses))
            analysis = analyses[k]
            sentences = [s for s in analysis.sentences if s.alignable and len(s.words) >= 6]
            if not sentences:
                continue
            sentence = rng.choice(sentences)
            text = analysis.article.text
            changed = inject(kind, text[sentence.start : sentence.end], names, rng)
            if changed is None:
                continue
            copy = text[: sentence.start] + changed + text[sentence.end :]
            other = analyse(article_from_text(copy, f"copy{k}"), nlp=nlp)
            result = compare(analysis, other)
            holding = [i for i, m in enumerate(result.matches) if sentence.index in m.a]
            tried[kind] += 1
            # A number inside a date expression ("five days later") changes the date: that is the right kind.
            accepted = (
                {kind, "date"} if kind == "figure" and _in_date(analysis, sentence.start, text, changed) else {kind}
            )
            hit = any(d.kind in accepted and d.match in holding for d in result.differences)
            found[kind] += int(hit)
            if verbose and not hit:
                print(f"MISSED {kind}: {changed[:140]!r} got {[d.kind for d in result.differences]}")
    recall = sum(found.values()) / max(1, sum(tried.values()))
    # Unchanged facts: the seed pair, and spun rewrites of the reuse stories.
    from reuse_dev import build_stories

    differences = matches = 0
    seed_a, seed_b = analyses[1], analyses[0]
    pairs = [(seed_a, seed_b)]
    for articles, _ in build_stories(count=12):
        original = analyse(articles[0], nlp=nlp)
        pairs += [(original, analyse(articles[3], nlp=nlp)), (original, analyse(articles[4], nlp=nlp))]
    differences, matches = count_differences(pairs, "FALSE?" if verbose else None)
    rate = differences / max(1, matches)
    per_kind = ", ".join(f"{k} {found[k]}/{tried[k]}" for k in KINDS)
    print(
        f"differences: injected recall {recall:.3f} ({per_kind}); "
        f"unchanged pairs {differences} differences in {matches} matches = {rate:.3f} per match"
    )
    return recall, rate


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
