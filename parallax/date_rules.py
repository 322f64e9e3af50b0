"""Date rules news needs beyond the common forms: tense of the clause, weeks and quarters, relative
phrases anchored on publication or on the date last mentioned, named days, decades, numeric dates,
and what looks like a date but is not one.

Pure functions used by :mod:`parallax.dates`; each returns ``(value, granularity)`` or ``None``
when the phrase is not its kind. Values: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www`` (ISO
week), ``YYYY-Qn`` (quarter), ``YYY`` (decade, as TIMEX2 writes it: "199" for the 1990s).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .lexicon import ORDINAL_WORDS

MONTH_NAMES = {name.lower(): i for i in range(1, 13) for name in (calendar.month_name[i], calendar.month_abbr[i])}
MONTH_NAMES["sept"] = 9
_MONTH_WORD = "|".join(calendar.month_name[i].lower() for i in range(1, 13))

# --- tense of the clause that governs an expression ----------------------------------------------
# "may" in lower case only: the month ("from 27 to 30 May") is no modal.
_FUTURE_CUE = re.compile(
    r"\b(will|'ll|shall|would|should|could|(?-i:may)|might|next|upcoming|coming|scheduled|expected to|expects to|"
    r"plans? to|planning to|due to|set to|is to|are to|ahead of|until|till|intends? to|aims? to|hopes? to|"
    r"going to|to be held|to open|to start|to begin|to close|to meet)\b",
    re.I,
)
_PAST_CUE = re.compile(
    r"\b(said|told|announced|was|were|had|did|reported|confirmed|added|\w{3,}ed)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|\band\b", re.I)
# Participles and adjectives ending in -ed that do not mark the past ("scheduled", "expected").
_NOT_PAST = {"scheduled", "expected", "planned", "intended", "needed", "proposed", "delayed", "red", "bed", "need"}


def clause_tense(sentence: str, offset: int) -> str | None:
    """``"future"``, ``"past"`` or None, from the cue nearest before ``offset`` in its own clause.

    "The company said on Tuesday that it will reopen the plant": the clause that holds
    "Tuesday" is "The company said on", so Tuesday is past, whatever the next clause says.
    """
    before = sentence[:offset]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] :] if breaks else before
    cues: list[tuple[int, str]] = [(m.start(), "future") for m in _FUTURE_CUE.finditer(clause)]
    cues += [
        (m.start(), "past")
        for m in _PAST_CUE.finditer(clause)
        # A participle after "be" is passive, not past: "could be replaced on 3 March".
        if m.group().lower() not in _NOT_PAST and not re.search(r"\b(?:be|been|being)\s+$", clause[: m.start()], re.I)
    ]
    if cues:
        return max(cues)[1]
    # Nothing in the clause: the whole sentence decides, future first ("is due to open on ...").
    if _FUTURE_CUE.search(sentence):
        return "future"
    if _PAST_CUE.search(sentence):
        return "past"
    return None


def has_past_cue(sentence: str) -> bool:
    """Whether anything in ``sentence`` speaks of the past ("said", "was", "reported")."""
    return any(m.group().lower() not in _NOT_PAST for m in _PAST_CUE.finditer(sentence))


# --- not dates -----------------------------------------------------------------------------------
NOT_A_DATE = re.compile(
    r"\d+[- ]years?[- ]old|\baged?\b|\bage of\b|\d+(?:st|nd|rd|th)?[- ]anniversary"  # ages, anniversaries
    r"|^(?:a |an )?\w+[- ](?:year|month|week|day|hour)s?[- ]old$"  # ages: "a 34-year-old"
    r"|^(?:a |an |the )?\w+-(?:year|month|week|day|hour|decade|century)s?$"  # adjectives: "four-year", "ten-year"
    r"|\b(?:straight|consecutive|running|successive)\b"  # counts: "five straight weeks"
    r"|^(?:annual|annually|quarterly|monthly|weekly|daily|yearly|biannual|biennial)$"  # frequencies
    r"|\b(?:once|twice|thrice|\d+|\w+ times)\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|quarter)\b"
    r"|^\d+\s+(?:a|per)\s+(?:day|week|month|year)$",
    re.I,
)
_DATE_WORD = re.compile(
    r"\b(?:\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|" + _MONTH_WORD + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|morning|evening|night|afternoon|"
    r"week|weekend|month|year|quarter|q[1-4]|h[12]|spring|summer|autumn|fall|winter|decade|century|\d{2,4}s|"
    r"day|days|weeks|months|years|christmas|easter|halloween|valentine'?s|new year'?s|boxing|hours?|minutes?|"
    r"earlier|later|ago|recently|now|then|time|period|future|past|recent|currently|overnight|daytime|season|"
    r"bc|bce|b\.c)\b",
    re.I,
)


def is_not_a_date(phrase: str) -> bool:
    """True for expressions that only look like dates: ages, "four-year" adjectives, counts,
    frequencies, and bare numbers with no date word ("Jones, 62, said")."""
    p = phrase.strip()
    if NOT_A_DATE.search(p):
        return True
    return not _DATE_WORD.search(p)


# --- weeks, quarters, decades, seasons, named days, numeric dates ---------------------------------
def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


_ORDINAL_Q = {w: n for w, n in ORDINAL_WORDS.items() if n <= 4} | {
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def quarter(phrase: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    """ "the third quarter of 2019", "Q2", "Q3 2021", "the same quarter a year earlier", "last quarter"."""
    p = phrase.lower()
    m = re.fullmatch(
        r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|final) (?:fiscal )?quarter"
        r"(?: of (\d{4}|this year|last year|next year))?",
        p,
    ) or re.fullmatch(r"(?:the )?q([1-4])(?:\s*(?:of\s+)?'?(\d{4}|\d{2}))?", p)
    if m:
        q = _ORDINAL_Q.get(m.group(1)) or int(m.group(1))
        year_text = m.group(2)
        if year_text and year_text.isdigit():
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        elif published is None:
            return None, "quarter"
        elif year_text in ("last year", "next year"):
            year = published.year + (1 if year_text == "next year" else -1)
        else:
            year = _nearest_quarter_year(q, published, tense)
        return quarter_value(year, q), "quarter"
    same = re.fullmatch(
        r"(?:in )?the same (?:quarter|period) (?:a year (?:earlier|ago|before)|last year|of last year)", p
    )
    if same:
        if published is None:
            return None, "quarter"
        return quarter_value(published.year - 1, (published.month - 1) // 3 + 1), "quarter"
    rel = re.fullmatch(r"(?:the )?(last|previous|this|current|next|coming) quarter", p)
    if rel:
        if published is None:
            return None, "quarter"
        index = published.year * 4 + (published.month - 1) // 3
        index += {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.group(1), 0)
        return quarter_value(index // 4, index % 4 + 1), "quarter"
    return None


def _nearest_quarter_year(q: int, published: dt.date, tense: str | None) -> int:
    current = (published.month - 1) // 3 + 1
    if tense == "future":
        return published.year if q >= current else published.year + 1
    return published.year if q <= current else published.year - 1


def week(phrase: str, published: dt.date | None, previous: tuple[str, str] | None) -> tuple[str | None, str] | None:
    """ "last week", "earlier this week", "next week", "the week before" (the date last mentioned)."""
    p = phrase.lower()
    m = re.fullmatch(
        r"(?:(?:earlier|later) )?(?:in )?(last|this|next|the coming|the previous|the following)"
        r" (?:week|weekend)",
        p,
    )
    if m:
        if published is None:
            return None, "week"
        shift = {"last": -7, "next": 7, "the coming": 7}.get(m.group(1))
        if m.group(1) in ("the previous", "the following"):
            anchor = _anchor_day(previous) or published
            return week_value(anchor + dt.timedelta(days=-7 if m.group(1) == "the previous" else 7)), "week"
        return week_value(published + dt.timedelta(days=shift or 0)), "week"
    m = re.fullmatch(r"(?:the|that) week (before|after|earlier|later)", p)
    if m:
        start = _anchor_day(previous) or published
        if start is None:
            return None, "week"
        return week_value(start + dt.timedelta(days=-7 if m.group(1) in ("before", "earlier") else 7)), "week"
    return None


def _anchor_day(previous: tuple[str, str] | None) -> dt.date | None:
    if previous and previous[1] == "day":
        try:
            return dt.date.fromisoformat(previous[0])
        except ValueError:
            return None
    return None


def same_time(phrase: str, previous: tuple[str, str] | None) -> tuple[str | None, str] | None:
    """ "the same day", "that morning", "that day", "later that day": the date last mentioned."""
    p = phrase.lower()
    if re.fullmatch(
        r"(?:later |earlier )?(?:on )?(?:the same|that|that same) (?:day|morning|afternoon|evening|night)", p
    ):
        return (previous[0], previous[1]) if previous else (None, "day")
    m = re.fullmatch(
        r"(?:(?:later|earlier) (?:that|the same)|(?:by |at |until )?the (?:end|start|beginning|middle) of (?:the|that)) (month|year)",
        p,
    )
    if m:
        unit = m.group(1)
        if not previous or not previous[0] or len(previous[0]) < (7 if unit == "month" else 4):
            return None, unit
        return (previous[0][:7], "month") if unit == "month" else (previous[0][:4], "year")
    m = re.fullmatch(r"(?:a few |several |some |many )?(days|weeks|months|years) (?:later|after|earlier|before)", p)
    if m:
        return None, m.group(1)[:-1]  # "days later": after the last date, by an unknown amount
    if re.fullmatch(r"(?:the same|that) (week|month|year)", p):
        return (previous[0], previous[1]) if previous else (None, p.split()[-1])
    m = re.fullmatch(r"the (day|month|year) (before|after|earlier|later)", p)
    if m and previous:
        value, granularity = previous
        sign = -1 if m.group(2) in ("before", "earlier") else 1
        if m.group(1) == "day" and granularity == "day":
            return (dt.date.fromisoformat(value) + dt.timedelta(days=sign)).isoformat(), "day"
        if m.group(1) == "year":
            return f"{int(value[:4]) + sign:04d}", "year"
        if m.group(1) == "month" and granularity in ("day", "month"):
            k = int(value[:4]) * 12 + int(value[5:7]) - 1 + sign
            return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    return None


def part_of(phrase: str, published: dt.date | None) -> tuple[str | None, str] | None:
    """ "the end of next month", "the start of this year", "later this month", "June of next year"."""
    p = phrase.lower()
    m = re.fullmatch(
        r"(?:(?:by|at|until|before|after|from|since) )?(?:the )?(?:(?:very )?(?:end|start|beginning|middle|"
        r"close|turn|rest|first half|second half) of |(?:earlier|later) |early |late |mid-?)"
        r"(?:the )?(last|this|next|the previous|the current|the coming) (month|year)",
        p,
    )
    if m:
        if published is None:
            return None, m.group(2)
        shift = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(m.group(1), 0)
        if m.group(2) == "year":
            return f"{published.year + shift:04d}", "year"
        k = published.year * 12 + published.month - 1 + shift
        return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    m = re.fullmatch(
        r"(?:(?:in|by|until|from) )?(?:early |late |mid-?)?(" + _MONTH_WORD + r") (?:of )?(last|this|next) year", p
    )
    if m:
        if published is None:
            return None, "month"
        year = published.year + {"last": -1, "next": 1}.get(m.group(2), 0)
        return f"{year:04d}-{MONTH_NAMES[m.group(1)]:02d}", "month"
    m = re.fullmatch(r"(last|next|this|this past|this coming) (" + _MONTH_WORD + r")", p)
    if m:
        if published is None:
            return None, "month"
        month = MONTH_NAMES[m.group(2)]
        if m.group(1) in ("last", "this past"):
            year = published.year if month < published.month else published.year - 1
        elif m.group(1) in ("next", "this coming"):
            year = published.year if month > published.month else published.year + 1
        else:
            year = published.year
        return f"{year:04d}-{month:02d}", "month"
    return None


def decade(phrase: str) -> tuple[str | None, str] | None:
    m = re.fullmatch(r"(?:the )?(?:early |mid-?|late )?(1[0-9]{2}|20[0-9])0'?s", phrase.lower())
    if m:
        return m.group(1), "decade"
    return None


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season(phrase: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    """A season's value is its year ("the summer of 2018" -> 2018; "last summer" -> the most recent one)."""
    p = phrase.lower()
    m = re.fullmatch(
        r"(?:the )?(?:(last|this|next|this past|early|late) )?(spring|summer|autumn|fall|winter)"
        r"(?:,? (?:of )?(\d{4}))?",
        p,
    )
    if not m:
        return None
    if m.group(3):
        return m.group(3), "season"
    if published is None:
        return None, "season"
    start = _SEASONS[m.group(2)]
    which = m.group(1) or ("next" if tense == "future" else "this")
    if which in ("last", "this past"):
        year = published.year if start + 2 < published.month else published.year - 1
    elif which == "next":
        year = published.year if start > published.month else published.year + 1
    else:
        year = published.year
    return f"{year:04d}", "season"


_NAMED_DAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}


def named_day(phrase: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    """Well-known fixed days ("Christmas Day", "New Year's Day 2020"); a year by tense when none is given."""
    p = phrase.lower().replace("’", "'")
    m = re.fullmatch(
        r"(?:on )?(?:last |next |this )?(" + "|".join(map(re.escape, _NAMED_DAYS)) + r")(?:,? (\d{4}))?", p
    )
    if not m:
        return None
    month, day = _NAMED_DAYS[m.group(1)]
    if m.group(2):
        year = int(m.group(2))
    elif published is None:
        return None, "day"
    elif tense == "past" or p.startswith("last "):
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    else:
        year = published.year if (month, day) >= (published.month, published.day) else published.year + 1
    return dt.date(year, month, day).isoformat(), "day"


def numeric(phrase: str) -> tuple[str | None, str] | None:
    """ "3/4/09" (month first, as US wire copy writes it, unless the first number cannot be a month),
    "18.09.2023", "2023-09-18"."""
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", phrase.strip())
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        year = y if y >= 100 else (2000 + y if y < 70 else 1900 + y)
        month, day = (a, b) if a <= 12 and "." not in phrase else (b, a)
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, "day"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", phrase.strip())
    if m:
        try:
            return dt.date(*map(int, m.groups())).isoformat(), "day"
        except ValueError:
            return None, "day"
    return None
