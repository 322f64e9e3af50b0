"""Reproducible benchmark documents built from WikiWars (CC BY-SA 3.0, in ../shared).

``related_pair(words)``: A is the first ``words`` words of WikiWars prose; B
is A with its paragraphs reordered, about a fifth of its sentences reworded
(synonyms swapped, clauses moved), a tenth dropped and a tenth inserted from
elsewhere. ``cluster(n)``: n articles of about 300 words, a third of them
rewrites of another member. Everything is seeded: same input, same files.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
WIKIWARS = SHARED / "datasets/wikiwars/WikiWars_20120218_v104/in"
SWAPS = {
    "war": "conflict",
    "said": "stated",
    "began": "started",
    "army": "forces",
    "large": "big",
    "attack": "assault",
    "killed": "slain",
    "city": "town",
    "however": "but",
    "began to": "started to",
    "government": "administration",
    "troops": "soldiers",
    "important": "crucial",
    "help": "aid",
}


def paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted(WIKIWARS.glob("*.sgm")):
        raw = path.read_text(encoding="utf-8")
        body = raw[raw.find("<TEXT>") + 6 : raw.find("</TEXT>")]
        text = html.unescape(re.sub(r"<[^>]+>", "", body))
        out += [p.strip() for p in text.split("\n") if len(p.split()) > 25]
    return out


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]


def _reword(sentence: str, rng: random.Random) -> str:
    for old, new in SWAPS.items():
        sentence = re.sub(rf"\b{old}\b", new, sentence)
    parts = sentence.rstrip(".").split(", ", 1)
    if len(parts) == 2 and rng.random() < 0.5:
        sentence = f"{parts[1][0].upper()}{parts[1][1:]}, {parts[0][0].lower()}{parts[0][1:]}."
    return sentence


def _rewrite(paras: list[str], spare: list[str], rng: random.Random) -> list[str]:
    out = []
    for para in paras:
        sentences = []
        for sentence in _sentences(para):
            roll = rng.random()
            if roll < 0.10:
                continue
            sentences.append(_reword(sentence, rng) if roll < 0.30 else sentence)
            if rng.random() < 0.10 and spare:
                sentences.append(rng.choice(_sentences(rng.choice(spare))))
        out.append(" ".join(sentences))
    rng.shuffle(out)
    return out


def related_pair(words: int, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    pool = paragraphs()
    taken, count = [], 0
    while count < words:
        para = pool[len(taken) % len(pool)]
        taken.append(para)
        count += len(para.split())
    spare = pool[len(taken) % len(pool) :][:200] or pool[:200]
    return "\n\n".join(taken), "\n\n".join(_rewrite(taken, spare, rng))


def cluster(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    pool = paragraphs()
    articles: list[str] = []
    cursor = 0
    for k in range(n):
        if k % 3 == 2:
            source = articles[rng.randrange(len(articles))]
            articles.append("\n\n".join(_rewrite(source.split("\n\n"), pool[:50], rng)))
            continue
        paras, count = [], 0
        while count < 300:
            para = pool[cursor % len(pool)]
            cursor += 1
            paras.append(para)
            count += len(para.split())
        articles.append("\n\n".join(paras))
    return articles


def write(folder: Path) -> dict[str, list[Path]]:
    """All benchmark inputs as files under ``folder``; returns them by size name."""
    folder.mkdir(parents=True, exist_ok=True)
    sets: dict[str, list[Path]] = {}
    seed_dir = Path(__file__).resolve().parents[1] / "corpus"
    sets["seed pair"] = [seed_dir / "wang-yi-russia-rewrite.md", seed_dir / "wang-yi-russia-original.md"]
    for words in (2000, 8000, 50000):
        a, b = related_pair(words)
        paths = [folder / f"pair{words}-a.txt", folder / f"pair{words}-b.txt"]
        for path, text in zip(paths, (a, b), strict=True):
            path.write_text(text, encoding="utf-8")
        sets[f"{words:,} words"] = paths
    for n in (10, 50, 200):
        paths = []
        for k, text in enumerate(cluster(n)):
            path = folder / f"cluster{n}-{k:03d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        sets[f"matrix {n}"] = paths
    return sets
