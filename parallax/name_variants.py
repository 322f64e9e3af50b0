"""Whether two names, inside one matched statement, can name the same thing.

The entity stage merges spellings across a whole story, where a loose rule
would join things that are not the same. Inside one match the question is
narrower: did the other side put a *different* name in this one's place?
Outlets write the same place, group or body in many forms, and none of these
is a changed fact:

- a nationality for its country ("Syrian capital" / "Syria's capital",
  "Egyptians vote" / "Egypt votes") and common short forms ("US" /
  "American", "UK" / "Britain", "GOP" / "Republican", "Pak" / "Pakistan");
- a shorter or longer form of the same name ("Pacific" / "Pacific Coast",
  "U.N." / "UN rights chief");
- an acronym of the other's words ("BoE" / "Bank of England", "USGS" /
  "US Geological Survey", "SC" / "Kenya Supreme Court");
- a capital or seat of government for its state ("Beijing" / "China",
  "the Kremlin" / "Russia").

Measured on real equivalent headline pairs (``eval/sts_differences.py``).
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from .lexicon import DEMONYMS, SEATS_OF_GOVERNMENT

_STOP = {"of", "the", "and", "for", "in", "on", "at", "to", "&", "s"}
# Lower-case words a name may hold ("Bank of England", "Charles de Gaulle", "Omar al-Bashir").
NAME_PARTICLES = {"of", "the", "and", "for", "de", "la", "le", "du", "des", "da", "di", "van", "von", "der", "al"}
NAME_PARTICLES |= {"bin", "el"}
# Whole-name short forms and the one form each is compared as.
_ALIASES = {
    "us": "america",
    "usa": "america",
    "united states": "america",
    "united states of america": "america",
    "uk": "britain",
    "united kingdom": "britain",
    "great britain": "britain",
    "gop": "republican",
    "pak": "pakistan",
    "uae": "emirates",
    "united arab emirates": "emirates",
    "soviet union": "ussr",
    "holland": "netherlands",
    "dprk": "north korea",
    "prc": "china",
}
# What a nationality or a plural adds to a name it begins with ("Philippine" / "Philippines").
_ENDINGS = {"s", "es", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese", "ish"}
_WORD = re.compile(r"[A-Za-z0-9]+")


def _normal(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.replace(".", ""))
    return " ".join(w.lower() for w in _WORD.findall(name))


def _singular(word: str) -> str:
    """A plural nationality or party member in the singular ("syrians", "republicans"); else the word."""
    return word[:-1] if word not in DEMONYMS and word.endswith("s") and word[:-1] in DEMONYMS else word


def word_form(word: str) -> str:
    """One lower-case word in the form names are compared in: "syrians" -> "syria", "us" -> "america"."""
    word = _singular(_ALIASES.get(word, word))
    return DEMONYMS.get(word, word)


def is_nationality(written: str) -> bool:
    """Whether a name as written is a nationality ("Chinese", "Syrians"), not the country's name."""
    return _singular(written.lower()) in DEMONYMS


def _words(name: str, people: bool = False) -> list[str]:
    normal = _normal(name)
    if normal in _ALIASES:
        return _ALIASES[normal].split()
    seat = normal.removeprefix("the ")
    if not people and seat in SEATS_OF_GOVERNMENT:  # "Beijing" for China; George Washington is a person
        return SEATS_OF_GOVERNMENT[seat].split()
    return [word_form(w) for w in normal.split() if w not in _STOP]


def _same_word(x: str, y: str) -> bool:
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in _ENDINGS


def _contained(inner: list[str], outer: list[str]) -> bool:
    return all(any(_same_word(x, y) for y in outer) for x in inner)


def _initials(name: str) -> str:
    """Initials of the words, an all-capitals word giving all its letters ("US Geological" -> "USG")."""
    out = []
    for word in _WORD.findall(name.replace(".", "")):
        if word.lower() in _STOP:
            continue
        out.append(word.upper() if word.isupper() else word[0].upper())
    return "".join(out)


def initials_of(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long`` in any case ("who" / "world health organization"):
    for names read in lower case, where :func:`same_referent` cannot see an acronym's capitals."""
    words = [w for w in _WORD.findall(long) if w.lower() not in _STOP]
    return len(words) >= 2 and short.replace(".", "").upper() == _initials(long)


def _acronym_of(short: str, long: str) -> bool:
    bare = short.replace(".", "").strip()
    if " " in bare or len(bare) > 6:
        return False
    letters = "".join(c for c in bare if c.isupper())
    # An acronym is written with capitals ("BoE", "USGS"); an ordinary word is not one.
    if len(letters) < 2 or len(letters) < len(bare) - 1:
        return False
    return len(long.split()) >= 2 and letters in _initials(long)


def _transliterated(a: list[str], b: list[str]) -> bool:
    """One person's name in two transliterations ("Mohamed Morsi" / "Mursi", "Zelensky" / "Zelenskyy"):
    the surnames one edit apart (five letters or more), any first names alike."""
    if not a or not b:
        return False
    surname_a, surname_b = a[-1], b[-1]
    close = min(len(surname_a), len(surname_b)) >= 5 and Levenshtein.distance(surname_a, surname_b) <= 1
    firsts_agree = len(a) == 1 or len(b) == 1 or a[0][0] == b[0][0]
    return close and firsts_agree


def same_referent(a: str, b: str, people: bool = False) -> bool:
    """True when names ``a`` and ``b`` can name the same place, body, group or person. With ``people``
    (both are people's names) a surname spelt one letter otherwise is the same person; for places it
    is not ("Gambia" / "Zambia")."""
    words_a, words_b = _words(a, people), _words(b, people)
    if not words_a or not words_b:
        return _normal(a) == _normal(b)
    if _contained(words_a, words_b) or _contained(words_b, words_a):
        return True
    if people and _transliterated(words_a, words_b):
        return True
    return _acronym_of(a, b) or _acronym_of(b, a)


def name_like(text: str) -> bool:
    """A name the model tagged is written as one: "Protesters gather in" is not. Scripts without case
    ("王毅") say nothing either way, so they pass."""
    words = re.findall(r"[^\W_][\w'’]*", text)
    return all(not w[0].islower() or not w.islower() or w in NAME_PARTICLES for w in words)
