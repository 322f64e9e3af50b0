"""Figures in news text: numbers written as digits or words, with their scale and unit.

Read so that "two" and "2", "$2.5bn" and "2.5 billion dollars" are the same value, and so that a
figure is paired with the same kind of figure on the other side (kilometres with kilometres).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import NUMBER_WORDS
from .model import Span

_SCALE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_LETTER_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}
_UNIT_ALIASES = {
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "pct": "percent",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "miles": "mile",
    "mile": "mile",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "$": "usd",
    "us$": "usd",
    "dollars": "usd",
    "dollar": "usd",
    "€": "eur",
    "euros": "eur",
    "euro": "eur",
    "£": "gbp",
    "pounds": "gbp",
    "yuan": "cny",
    "roubles": "rub",
    "rubles": "rub",
    "magnitude": "magnitude",
    "year-old": "year",  # an age: "the 23-year-old" / "a player of 23 years"
    "years-old": "year",
}
# What a figure's unit may be besides a counted noun: money, and measures of size, share and time.
# A figure in one of these pairs only with a figure in the same unit.
CURRENCIES = frozenset({"usd", "eur", "gbp", "cny", "rub"})
MEASURES = frozenset(_UNIT_ALIASES.values()) | {"decade", "month", "week", "day", "hour", "minute", "second"}
# A time of day is a figure of its own unit, in hours ("8 pm" = 20.0, "10:30 a.m." = 10.5); one given in
# GMT or UTC is another unit, never set against a local time.
TIME_OF_DAY, TIME_OF_DAY_UTC = "time of day", "time of day utc"
MEASURES |= {TIME_OF_DAY, TIME_OF_DAY_UTC}
_NUMBER_WORD_RE = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_FIGURE = re.compile(
    r"(?P<pre>(?:US)?\$|€|£)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w-])(?:" + _NUMBER_WORD_RE + r")"
    r"(?:(?![\w-])|(?=-(?:year|month|week|day|hour|minute)s?\b)))"
    r"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?P<letter>[kmb])\b)?"
    # "23-year-old", "a five-year contract": a hyphen joins the unit as a space would (a number word
    # only to a unit of time: "one-off" is no figure).
    r"(?:[\s-]?(?P<unit>%|per cent|percent|pct|[A-Za-z]+(?:-[A-Za-z]+)?))?",
    re.I,
)
_MAGNITUDE = re.compile(r"magnitude(?:\s+of)?\s+(?P<num>\d+(?:\.\d+)?)|(?P<num2>\d+(?:\.\d+)?)[- ]magnitude", re.I)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Nouns after a number that are not a unit of what is counted but part of a date or an ordinal use.
_NOT_UNITS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "am",
    "pm",
    "a",
    "and",
    "of",
    "the",
    "to",
    "in",
    "on",
    "at",
    "st",
    "nd",
    "rd",
    "th",
}
# Function words after a number say nothing of what it counts ("8 million more", "70 for").
_NOT_UNITS |= {"more", "less", "than", "for", "from", "by", "with", "over", "under", "or", "as", "up", "down"}
_NOT_UNITS |= {"per", "each", "after", "before", "since", "until", "into", "out", "who", "which", "that", "this"}
_NOT_UNITS |= {"is", "are", "was", "were", "be", "been", "will", "would", "has", "have", "had", "so", "but"}
_NOT_UNITS |= {"also", "still", "now", "already", "then", "again", "just", "only", "too"}
# A person's age written before the number ("a man aged 71", "at the age of 71", "between the ages of 40
# and 70"): the same unit as "a 71-year-old man".
_AGE_BEFORE = re.compile(r"\b(?:aged|aged between|ages? of|age)\s+$", re.I)


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    span: Span
    text: str


def _value(number: str) -> float | None:
    word = number.lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _unit(word: str | None) -> str:
    if not word:
        return ""
    word = word.lower()
    if word in _UNIT_ALIASES:
        return _UNIT_ALIASES[word]
    if word in _NOT_UNITS:
        return ""
    # A counted noun: "people", "dead", "soldiers" (plural and singular alike).
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


_TIME = re.compile(
    r"(?<![\d:.,])(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s?(?P<ap>[ap])(?:\.m\.|m\b)"
    r"|(?P<h2>\d{1,2}):(?P<m2>[0-5]\d)(?![\d:])(?:\s*(?P<z2>GMT|UTC)\b)?"
    r"|(?P<hhmm>[0-2]\d[0-5]\d)\s*(?P<z>GMT|UTC)\b)",
    re.I,
)


def times_of_day(text: str, start: int, end: int) -> list[Figure]:
    """Times of day in ``text[start:end]``, as figures in hours ("shortly after 11pm", "at 11:11",
    "2200 GMT")."""
    found = []
    for m in _TIME.finditer(text, start, end):
        if m.group("h"):
            hours, minutes = int(m.group("h")), int(m.group("m") or 0)
            if not 1 <= hours <= 23 or (hours > 12 and m.group("ap").lower() == "a"):
                continue
            if hours <= 12:  # "14 pm", a slip for 14:00, is read as written
                hours = hours % 12 + (12 if m.group("ap").lower() == "p" else 0)
        elif m.group("h2"):
            hours, minutes = int(m.group("h2")), int(m.group("m2"))
        else:
            hours, minutes = int(m.group("hhmm")[:2]), int(m.group("hhmm")[2:])
        if hours > 24:
            continue
        unit = TIME_OF_DAY_UTC if (m.group("z") or m.group("z2")) else TIME_OF_DAY
        found.append(Figure(hours + minutes / 60, unit, m.span(), m.group()))
    return found


# A range written once for both ends ("$5-6 billion", "5 to 6 million"): the first end takes the second's
# scale, the second the first's currency.
_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|to)\s*[$€£]?\d+(?:\.\d+)?[\s-]?(hundred|thousand|million|billion|trillion|bn|mn|tn)\b", re.I
)
_RANGE_HEAD = re.compile(r"((?:US)?\$|€|£)\d+(?:\.\d+)?\s*(?:-|–|to)\s*$", re.I)

# A time of day: "11pm", "11 p.m.", "11:11", "2200 GMT".
_CLOCK = re.compile(r"\s?(?:[ap]\.?m\b\.?|:\d\d|\s*(?:GMT|UTC|local time)\b)", re.I)
_CLOCK_BEFORE = re.compile(r"\d:$")


def figures_in(text: str, start: int, end: int, date_spans: Sequence[Span]) -> list[Figure]:
    """Numbers in ``text[start:end]`` with their value (scale applied) and unit; years and parts of dates left out."""
    found: list[Figure] = []
    piece = text[start:end]
    for m in _MAGNITUDE.finditer(piece):
        num = m.group("num") or m.group("num2")
        s = start + (m.start("num") if m.group("num") else m.start("num2"))
        found.append(Figure(float(num), "magnitude", (s, s + len(num)), m.group()))
    found += times_of_day(text, start, end)
    taken = [f.span for f in found]
    for m in _FIGURE.finditer(piece):
        s, e = start + m.start("num"), start + m.end("num")
        if any(a <= s < b for a, b in taken) or any(a <= s < b for a, b in date_spans):
            continue
        value = _value(m.group("num"))
        if value is None:
            continue
        if _YEAR.match(m.group("num")) and not m.group("pre"):
            continue  # a year: compared as a date
        if m.group("num").lower() in ("one", "a dozen") and not m.group("unit"):
            continue  # "one of the..." is rarely a figure
        if _CLOCK.match(text, e) or _CLOCK_BEFORE.search(text, max(0, s - 8), s):
            continue  # a time of day ("shortly after 11pm", "at 11:11"): read whole by times_of_day
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        elif not m.group("letter") and (tail := _RANGE_TAIL.match(text, e)):
            value *= _SCALE[tail.group(1).lower()]
        letter = (m.group("letter") or "").lower()
        # "$55B", "US$965m", "$5k": a letter written onto an amount scales it. Without a currency it is
        # the figure's unit as before: "a 5m wall" is metres, "paragraph 3b" is not three billion.
        if letter and m.group("pre"):
            value *= _LETTER_SCALE[letter]
        head = None if m.group("pre") else _RANGE_HEAD.search(text, max(0, s - 16), s)
        unit = _UNIT_ALIASES.get((m.group("pre") or (head.group(1) if head else "")).lower(), "") or _unit(
            m.group("unit")
        )
        end_at = start + m.end("scale") if m.group("scale") else start + m.end("letter") if letter else e
        if letter and not m.group("pre"):
            unit = letter
        elif _unit(m.group("unit")):
            end_at = start + m.end("unit")  # the word after it says what it counts or measures
        if not m.group("pre") and _AGE_BEFORE.search(text, max(0, s - 16), s) and unit not in MEASURES:
            unit = "year"
        found.append(Figure(value, unit, (s if not m.group("pre") else start + m.start("pre"), end_at), text[s:end_at]))
    return found


def rounded_time(x: Figure, others: Sequence[Figure]) -> bool:
    """Whether a time of day is the other side's time rounded to the hour, or the reverse ("shortly after
    11pm" / "at 11:11 p.m."): the same moment told less exactly."""
    return x.unit in (TIME_OF_DAY, TIME_OF_DAY_UTC) and any(
        y.unit == x.unit and (x.value.is_integer() or y.value.is_integer()) and int(x.value) == int(y.value)
        for y in others
    )


def figure_differences(fa: list[Figure], fb: list[Figure]) -> list[tuple[list[Figure], list[Figure]]]:
    """Pairs of figure groups that disagree: same unit, no value in common."""
    out = []
    values_a = {round(f.value, 6) for f in fa}
    values_b = {round(f.value, 6) for f in fb}
    units = {f.unit for f in fa} & {f.unit for f in fb}
    for unit in sorted(units):
        only_a = [f for f in fa if f.unit == unit and round(f.value, 6) not in values_b and not rounded_time(f, fb)]
        only_b = [f for f in fb if f.unit == unit and round(f.value, 6) not in values_a and not rounded_time(f, fa)]
        if only_a and only_b:
            out.append((only_a, only_b))
    # Unitless numbers on both sides ("killing 12" / "killing 15") pair when each side has exactly one left.
    # Never a time of day: "at 11pm" is no count to set against "killing 12".
    clocks = (TIME_OF_DAY, TIME_OF_DAY_UTC)
    loose_a = [f for f in fa if round(f.value, 6) not in values_b and f.unit not in units and f.unit not in clocks]
    loose_b = [f for f in fb if round(f.value, 6) not in values_a and f.unit not in units and f.unit not in clocks]
    if len(loose_a) == 1 and len(loose_b) == 1 and not (loose_a[0].unit and loose_b[0].unit):
        out.append((loose_a, loose_b))
    return out


_AT_LEAST = re.compile(
    r"\b(?:more than|over|at least|upwards of|in excess of|above|exceeding|a minimum of|no (?:less|fewer) than|"
    r"not (?:less|fewer) than|as many as|as much as)\s*[$€£]?$",
    re.I,
)
_AT_MOST = re.compile(
    r"\b(?:less than|fewer than|under|below|up to|at most|nearly|almost|a maximum of|no more than|not more than)"
    r"\s*[$€£]?$",
    re.I,
)
# A range's ends ("between $85 million and $100 million", "from 40 to 70") are no exact figures either.
_RANGE = re.compile(
    r"\b(?:between|from)\s*[$€£]?$|\b(?:between\s+\S+(?:\s+\S+)?\s+and|from\s+\S+(?:\s+\S+)?\s+to)\s*[$€£]?$", re.I
)


# How far past its bound a figure may lie and still be what the bound rounds: "more than 60" for 61, "up to
# $100 million" for $95 million; "more than 25" for 61 is a figure changed.
BOUND_REACH = 1.25


def kept_bound(text: str, bound: Figure, other: str, value: Figure) -> bool:
    """Whether ``bound`` is written as a bound ("more than 60", "up to $100 million") that ``value``, an
    exact figure of the other side's text, keeps, within ``BOUND_REACH``. Two bounds that differ ("more
    than 6,000" / "more than 1,000") are a change, as is a range's end against a bound."""
    before = text[max(0, bound.span[0] - 40) : bound.span[0]]
    before_value = other[max(0, value.span[0] - 40) : value.span[0]]
    if _AT_LEAST.search(before_value) or _AT_MOST.search(before_value) or _RANGE.search(before_value):
        return False
    if _AT_LEAST.search(before):
        above = value.value > bound.value or (value.value == bound.value and "least" in before.lower())
        return above and value.value <= BOUND_REACH * bound.value
    if _AT_MOST.search(before):
        below = value.value < bound.value or (value.value == bound.value and "most" in before.lower())
        return below and value.value * BOUND_REACH >= bound.value
    return False


def bound_kept(text_a: str, fa: Figure, text_b: str, fb: Figure) -> bool:
    """Whether one of two figures, of either side, is a bound the other keeps (:func:`kept_bound`)."""
    return kept_bound(text_a, fa, text_b, fb) or kept_bound(text_b, fb, text_a, fa)
