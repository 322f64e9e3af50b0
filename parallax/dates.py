"""Stage 6, dates: temporal expressions, normalised against the publication date.

Expressions come from spaCy's DATE entities plus patterns spaCy misses
("Sept. 1", "earlier this month", weekdays). Each is resolved by explicit
rules for what news writes most ("in March", "last year", "on Monday",
"four days"), with dateparser as the fallback for everything else.

A month or weekday without a year is placed by tense: the most recent one
before publication, unless the sentence speaks of the future ("will",
"next", "scheduled"), then the next one. With no publication date only
expressions that carry a year are resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence

from . import date_rules, lexicon
from .model import DatedMention, Mention, Sentence

MONTHS = {name.lower(): i for i in range(1, 13) for name in (calendar.month_name[i], calendar.month_abbr[i])}
MONTHS.update({"sept": 9, "june": 6, "july": 7})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
# Words the date patterns count with: the number words, and the vague ones ("several days ago").
NUMBER_WORDS: dict[str, int | None] = {
    **lexicon.NUMBER_WORDS,
    "a": 1,
    "an": 1,
    "several": None,
    "few": None,
    "a few": None,
    "couple": 2,
    "a couple of": 2,
    "many": None,
    "some": None,
}
UNITS = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "hour": "hour",
    "minute": "minute",
    "fortnight": "week",
}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# In running text a month or weekday is capitalised ("in May"); "may" and "mar" are words too.
_MONTH_CAP = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WEEKDAY_CAP = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|few|a couple of|couple of|many)"
_UNIT = r"(?:day|week|fortnight|month|year|decade|century|hour|minute)s?"

# Patterns spaCy's small model often misses. Month and weekday names must be
# capitalised; the words around them may be in any case (scoped (?i:...) groups).
VAGUE = (
    r"\b(?i:(?:right\s+)?now|currently|recently|(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|(?:in\s+)?the\s+past"
    r"|(?:at\s+)?(?:the\s+same|that|this|the)\s+(?:time|period)|(?:that|the)\s+same\s+day"
    r"|(?:in\s+(?:the\s+)?)(?:spring|summer|autumn|winter|dry\s+season|rainy\s+season)"
    r"|at\s+night|overnight|daytime)\b"
)
_VAGUE_RE = re.compile(VAGUE)

_EXTRA_PATTERNS = [
    rf"\b(?:(?i:early|mid|late|earlier in|later in)[- ])?{_MONTH_CAP}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_CAP}(?:,?\s+{_YEAR})?\b",
    rf"\b(?:(?i:early|mid|late)[- ])?{_MONTH_CAP}(?:,?\s+{_YEAR})\b",
    rf"\b(?i:last|next|this|this past|previous|coming)\s+(?:{_WEEKDAY_CAP}|(?i:week|weekend|month|year|summer|winter|spring|autumn|fall))\b",
    r"\b(?i:earlier|later)\s+(?i:this)\s+(?i:week|month|year)\b",
    rf"\b(?:(?i:on)\s+)?{_WEEKDAY_CAP}\b",
    r"\b(?i:yesterday|today|tomorrow|tonight)\b",
    rf"\b(?i:{_NUM})\s+(?i:{_UNIT})\s+(?i:ago)\b",
    rf"\b(?i:in)\s+{_YEAR}\b",
    rf"\b(?i:in|since|until|by|from|during|before|after|early|late)\s+{_MONTH_CAP}(?=[\s,.;)]|$)",
    # Day ranges ("12-15 October 2022", "October 12-15"), numeric dates, quarters, weeks, relative and
    # anchored phrases, named days, decades, seasons.
    rf"\b{_DAY}\s*[-–]\s*{_DAY}\s+{_MONTH_CAP}(?:,?\s+{_YEAR})?\b",
    rf"\b{_MONTH_CAP}\s+{_DAY}\s*[-–]\s*{_DAY}(?:,?\s+{_YEAR})?\b",
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b(?i:the\s+)?(?i:first|second|third|fourth|final)\s+(?i:fiscal\s+)?(?i:quarter)(?:\s+(?i:of)\s+(?:\d{4}|(?i:this|last|next)\s+(?i:year)))?\b",
    r"\bQ[1-4](?:\s+\d{4})?\b",
    r"\b(?i:the\s+same\s+(?:quarter|period)\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year))",
    r"\b(?i:(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?(?:last|this|next|the\s+previous|the\s+coming)\s+(?:month|year))\b",
    rf"\b(?i:last|next|this|this\s+past)\s+{_MONTH_CAP}\b",
    rf"\b{_MONTH_CAP}\s+(?i:of\s+)?(?i:last|this|next)\s+(?i:year)\b",
    r"\b(?i:the\s+same|that)\s+(?i:day|morning|afternoon|evening|night|week|month|year)\b",
    r"\b(?i:the)\s+(?i:day|week|month|year)\s+(?i:before|after|earlier|later)\b",
    r"\b(?:Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween)(?:,?\s+\d{4})?\b",
    r"\b(?i:the\s+)?(?i:early\s+|mid-?|late\s+)?(?:1[0-9]{2}|20[0-9])0['’]?s\b",
    r"\b(?i:the\s+)?(?i:spring|summer|autumn|fall|winter)\s+(?i:of\s+)?\d{4}\b",
    r"\b(?i:last|next|this\s+past)\s+(?i:spring|summer|autumn|fall|winter|quarter)\b",
    r"\b\d{1,4}\s+(?:BC|BCE|B\.C\.)(?![\w.])",
    # Vague references: temporal, but with no value to place on a timeline (granularity "vague").
    VAGUE,
]

# Every pattern starts a word: the look-behind lets the engine skip positions inside words before
# trying thirty alternatives at each (half the scan time on long texts, the same matches).
_EXTRA_RE = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in _EXTRA_PATTERNS) + ")")
_FUTURE = re.compile(
    r"\b(will|'ll|shall|next|upcoming|coming|scheduled|expected to|plans? to|planning|due to|set to|"
    r"is to|are to|would|later this|ahead of)\b",
    re.I,
)
_LEADING = re.compile(
    r"^(?:the|a|an|on|in|at|by|since|until|till|from|during|for|of|about|around|some|nearly|almost|"
    r"approximately|roughly|over|within|early|earlier|late|later|mid|end|beginning|start|middle|this past)\b[-\s]*",
    re.I,
)


def _candidates(text: str, spacy_dates: Iterable[Mention]) -> list[tuple[int, int]]:
    """spaCy DATE spans plus pattern matches, overlaps merged (the longer wins)."""
    spans = [(m.start, m.end) for m in spacy_dates]
    spans += [(m.start(), m.end()) for m in _EXTRA_RE.finditer(text)]
    cleaned: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        phrase = text[start:end]
        # Drop a leading preposition the patterns captured ("on Monday" -> "Monday").
        lead = re.match(r"(?:on|in|since|until|by|from|during|before|after|between)\s+", phrase, re.I)
        if lead and not re.match(r"(?:early|mid|late|earlier|later)", phrase, re.I):
            start += lead.end()
        while end > start and text[end - 1] in " ,.;:'’)":
            end -= 1
        trailing = re.search(r"\s+(?:and|to|or|until|through)$", text[start:end], re.I)
        if trailing:  # "between March and" (spaCy stops at the joining word)
            end = start + trailing.start()
        last_day = _LAST_DAY.match(text, end)
        # "between January 2 and 5": spaCy often leaves the range's last day out.
        if (
            last_day
            and re.search(rf"{_MONTH_CAP}\s+{_DAY}$", text[start:end])
            and (last_day.group(1).lower() != "and" or _RANGE_LEAD.search(text[max(0, start - 9) : start]))
        ):
            end = last_day.end()
        phrase = text[start:end]
        if not phrase or date_rules.is_not_a_date(phrase):
            continue
        if not re.search(r"\d|[a-z]", phrase, re.I):
            continue
        cleaned.append((start, end))
    cleaned.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int]] = []
    for start, end in cleaned:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        # Two dates joined as a range ("between March and May 2021", "from Tuesday to Friday") become one
        # expression, which split_range cuts again into its two ends with what each needs to resolve.
        if (
            merged
            and _RANGE_GAP.fullmatch(text[merged[-1][1] : start])
            and (
                _RANGE_LEAD.search(text[max(0, merged[-1][0] - 9) : merged[-1][0]])
                or re.match(r"(?:between|from)\s", text[merged[-1][0] :], re.I)
            )
        ):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


NARRATIVE_REACH = 1500  # characters back that an earlier year still anchors a month or day without one

_LAST_DAY = re.compile(r"\s*(and|to|until|till|through|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\b(?![\w%])", re.I)
_RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*", re.I)
_RANGE_LEAD = re.compile(r"(?:between|from)\s+$", re.I)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_year(month: int, day: int | None, published: dt.date, future: bool, untensed: bool = False) -> int:
    """The year of a month (and day) given without one: the nearest in the sentence's tense, or, a day
    in a sentence without tense ("Talks in Moscow on September 21"), the nearest of all."""
    year = published.year
    if untensed and day is not None:
        candidates = [y for y in (year - 1, year, year + 1) if calendar.monthrange(y, month)[1] >= day]
        if candidates:
            return min(candidates, key=lambda y: (abs((dt.date(y, month, day) - published).days), -(y <= year)))
    here = (month, day or 0)
    now = (published.month, published.day if day else 0)
    if future:
        return year if here >= now else year + 1
    return year if here <= now else year - 1


def _weekday_date(weekday: int, published: dt.date, direction: str) -> dt.date:
    delta = (published.weekday() - weekday) % 7
    if direction == "past":
        return published - dt.timedelta(days=delta)
    if direction == "strict_past":
        return published - dt.timedelta(days=delta or 7)
    ahead = (weekday - published.weekday()) % 7
    return published + dt.timedelta(days=ahead or 7)


def _number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _fmt(granularity: str, year: int, month: int = 1, day: int = 1) -> str:
    if granularity == "year":
        return f"{year:04d}"
    if granularity == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def resolve(
    expression: str,
    published: dt.date | None,
    sentence: str = "",
    anchor_year: int | None = None,
    previous: tuple[str, str] | None = None,
    tense: str | None = None,
) -> tuple[str | None, str, str]:
    """``(value, granularity, kind)`` of one expression; kind is ``date`` or ``duration``.

    ``anchor_year`` is a year written earlier in the same paragraph: a month
    or day without a year belongs to it ("In 1942 ... in early June").
    ``previous`` is the last resolved ``(value, granularity)``, for "the next
    day" or "six days later". ``tense`` is the tense of the clause that governs the expression
    (:func:`parallax.date_rules.clause_tense`); without it the whole sentence decides.
    """
    phrase = re.sub(r"\s+", " ", expression.lower().replace("’", "'")).strip(" .,;")
    future = tense == "future" if tense else bool(_FUTURE.search(sentence))
    untensed = not tense and not future and bool(sentence) and not date_rules.has_past_cue(sentence)
    if future and anchor_year is not None and published is not None and anchor_year < published.year:
        anchor_year = None  # "Built in 1998, it should be finished in March": March is the next one

    if _VAGUE_RE.fullmatch(expression.strip()) and not re.search(r"same day|spring|summer|autumn|winter", phrase):
        return None, "vague", "date"
    ruled = (
        date_rules.numeric(phrase)
        or date_rules.named_day(phrase, published, tense)
        or date_rules.quarter(phrase, published, tense)
        or date_rules.decade(phrase)
        or date_rules.season(phrase, published, tense)
        or date_rules.same_time(phrase, previous)
        or _previous_or_following(phrase, published, previous)
        or date_rules.week(phrase, published, previous)
        or date_rules.part_of(phrase, published)
    )
    if ruled is not None:
        return ruled[0], ruled[1], "date"

    # Durations: "four days", "the past year", "more than two weeks".
    duration = re.fullmatch(
        rf"(?:(?:for|over|during|within|about|around|some|nearly|almost|more than|less than|at least|up to|the)\s+)*"
        rf"(?:(?:past|last|next|coming|previous|first|final|following)\s+)?(?:({_NUM})\s+)?(?:more\s+)?({_UNIT})(?:\s+long)?",
        phrase,
    )
    if duration and (duration.group(1) or phrase.startswith("the ") or duration.group(2).endswith("s")):
        unit = UNITS[duration.group(2).rstrip("s").replace("centurie", "century")]
        return None, unit, "duration"
    ago = re.fullmatch(rf"(?:about |some |nearly |almost |more than )?({_NUM})\s+({_UNIT})\s+ago", phrase)
    if ago:
        count = _number(ago.group(1))
        unit = UNITS[ago.group(2).rstrip("s").replace("centurie", "century")]
        if published is None or count is None:
            return None, unit, "date"
        if unit == "day":
            return _fmt("day", *(published - dt.timedelta(days=count)).timetuple()[:3]), "day", "date"
        if unit == "week":
            return _fmt("day", *(published - dt.timedelta(weeks=count)).timetuple()[:3]), "week", "date"
        if unit == "month":
            return _fmt("month", *_shift_month(published.year, published.month, -count)), "month", "date"
        if unit == "year":
            return _fmt("year", published.year - count), "year", "date"
        return None, unit, "date"

    later = re.fullmatch(
        rf"(?:the )?(?:({_NUM}) ({_UNIT}) (later|after|afterwards|earlier|before)|(next|following|previous) (day|week|month|year)|day after)",
        phrase,
    )
    if later and previous is not None and previous[0]:
        if later.group(1):
            count, unit, direction = _number(later.group(1)), later.group(2).rstrip("s"), later.group(3)
        elif later.group(4):
            count, unit, direction = 1, later.group(5), "before" if later.group(4) == "previous" else "later"
        else:
            count, unit, direction = 1, "day", "later"
        sign = -1 if direction in ("earlier", "before") else 1
        value, granularity = previous
        if count is not None:
            if unit == "day" and granularity == "day":
                day = dt.date.fromisoformat(value) + dt.timedelta(days=sign * count)
                return day.isoformat(), "day", "date"
            if unit == "week" and granularity == "day":
                day = dt.date.fromisoformat(value) + dt.timedelta(weeks=sign * count)
                return day.isoformat(), "day", "date"
            if unit == "month" and granularity in ("day", "month"):
                year, month = (int(x) for x in value.split("-")[:2])
                return _fmt("month", *_shift_month(year, month, sign * count)), "month", "date"
            if unit == "year":
                return _fmt("year", int(value[:4]) + sign * count), "year", "date"

    if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return (published.isoformat() if published else None), "day", "date"
    if phrase in ("yesterday", "tomorrow"):
        if published is None:
            return None, "day", "date"
        day = published + dt.timedelta(days=-1 if phrase == "yesterday" else 1)
        return day.isoformat(), "day", "date"

    relative = re.fullmatch(
        r"(?:(earlier|later) )?(last|next|this|this past|previous|coming|the previous|the following|the past)?\s*"
        r"(week|weekend|month|year)",
        phrase,
    )
    if relative and (relative.group(1) or relative.group(2)):
        which = relative.group(2) or "this"
        unit = relative.group(3)
        offset = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "coming": 1, "the following": 1}.get(
            which, 0
        )
        if unit in ("week", "weekend"):
            return None, "week", "date"
        if published is None:
            return None, unit, "date"
        if unit == "year":
            return _fmt("year", published.year + offset), "year", "date"
        return _fmt("month", *_shift_month(published.year, published.month, offset)), "month", "date"

    # "late on Tuesday", "early Wednesday", "by Sunday morning": the day, whatever part of it.
    weekday = re.fullmatch(
        rf"(?:(last|next|this|this past|on|coming|by) )?(?:(?:early|late) (?:on )?)?({_WEEKDAY})"
        r"(?: (?:morning|afternoon|evening|night))?",
        phrase,
    )
    if weekday:
        if published is None:
            return None, "day", "date"
        which = weekday.group(1)
        direction = {"last": "strict_past", "this past": "strict_past", "next": "future", "coming": "future"}.get(
            which or "", "future" if future else "past"
        )
        return _weekday_date(WEEKDAYS[weekday.group(2)], published, direction).isoformat(), "day", "date"

    core = phrase
    for _ in range(3):
        core = _LEADING.sub("", core).strip(" ,-")
    core = re.sub(r"^(?:of|in)\s+", "", core)
    year_only = re.fullmatch(rf"(?:the year )?({_YEAR})(?:'s)?", core)
    if year_only:
        return year_only.group(1), "year", "date"
    decade = re.fullmatch(r"(?:1[0-9]{2}0|20[0-9]0)'?s|'?\d0s", core)
    if decade:
        return None, "decade", "date"
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", core)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())).isoformat(), "day", "date"
        except ValueError:
            return None, "day", "date"
    month_day = re.fullmatch(
        rf"({_MONTH})\s+({_DAY})(?:,?\s+({_YEAR}))?|({_DAY})\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?", core
    )
    month_only = re.fullmatch(rf"({_MONTH})(?:,?\s+(?:of\s+)?({_YEAR}))?", core)
    if month_day:
        month_name = (month_day.group(1) or month_day.group(5)).rstrip(".")
        day_of_month = int(re.sub(r"\D", "", month_day.group(2) or month_day.group(4)))
        explicit_year = month_day.group(3) or month_day.group(6)
        month_number = MONTHS.get(month_name)
        if month_number is not None:
            if explicit_year:
                year = int(explicit_year)
            elif anchor_year is not None:
                year = anchor_year
            elif published is not None:
                year = _month_year(month_number, day_of_month, published, future, untensed)
            else:
                return None, "day", "date"
            try:
                return dt.date(year, month_number, day_of_month).isoformat(), "day", "date"
            except ValueError:
                return None, "day", "date"
    if month_only:
        month_only_number = MONTHS.get(month_only.group(1).rstrip("."))
        if month_only_number is not None:
            month = month_only_number
            if month_only.group(2):
                return _fmt("month", int(month_only.group(2)), month), "month", "date"
            if anchor_year is not None:
                return _fmt("month", anchor_year, month), "month", "date"
            if published is None:
                return None, "month", "date"
            return _fmt("month", _month_year(month, None, published, future), month), "month", "date"
    season = re.fullmatch(rf"(spring|summer|autumn|fall|winter)(?:,? (?:of )?({_YEAR}))?", core)
    if season:
        return (season.group(2) if season.group(2) else None), "season", "date"
    that_year = re.fullmatch(rf"({_MONTH}) (?:of )?(?:that|the same) year", core)
    if that_year:  # "August of that year": the year last mentioned
        last_year = int(previous[0][:4]) if previous and previous[0] else anchor_year
        month_number = MONTHS.get(that_year.group(1).rstrip("."))
        return (_fmt("month", last_year, month_number) if last_year and month_number else None), "month", "date"
    # spaCy sometimes runs a date into the words after it ("June 4 Rome", "9 September 1914 the
    # Septemberprogramm"): the date at the head of the phrase is the date meant.
    head = re.match(
        rf"(?:({_MONTH})\s+({_DAY})|({_DAY})\s+(?:of\s+)?({_MONTH}))(?:,?\s+({_YEAR}))?"
        r"(?=\s+[^\d\s]|\s*[-–—,;:\"(]\s*[^\d\s])",
        core,
    )
    head = head or re.match(rf"{_MONTH}(?:,?\s+(?:of\s+)?){_YEAR}(?=\s+[^\d\s])", core)  # "May 1918 offensive"
    if head:
        return resolve(head.group(0), published, sentence, anchor_year, previous, tense)
    dated_weekday = re.fullmatch(rf"({_WEEKDAY}),?\s+(.+)", core)
    if dated_weekday and re.search(r"\d", dated_weekday.group(2)):  # "Saturday, June 24, 1950": the date decides
        return resolve(dated_weekday.group(2), published, sentence, anchor_year, previous, tense)
    days = re.fullmatch(
        rf"(?:the )?({_DAY}) (?:to|until|through|and) (?:the )?{_DAY} (?:of )?({_MONTH})((?:,? {_YEAR})?)", core
    )
    if days:  # "the 13th to the 19th of October 1950": from the first day
        return resolve(
            f"{days.group(1)} {days.group(2)}{days.group(3)}", published, sentence, anchor_year, previous, tense
        )
    years = re.fullmatch(rf"(?:the )?years? ({_YEAR})\s*(?:[-–]|to|and)\s*(?:{_YEAR}|\d{{2}})", core)
    if years:  # "the years 1955-1957": from the first
        return years.group(1), "year", "date"
    span_of_year = re.fullmatch(
        rf"(?:the )?(?:first|last|final|early|late|latter|former|opening|closing|second)\b.*\bof ({_YEAR})", core
    )
    if span_of_year:  # "the first ten months of 1915": within that year
        return span_of_year.group(1), "year", "date"
    lone_year = re.fullmatch(rf"[^\d]*\b({_YEAR})\b[^\d]*", core)
    if lone_year and not re.search(rf"\b(?:{_MONTH}|{_WEEKDAY})(?!\w)", core):
        # A year and words ("the Spring Offensive of 1918", "the 1918 election"): the year is all it places.
        return lone_year.group(1), "year", "date"
    return _dateparser_fallback(expression, published, future)


def _previous_or_following(
    phrase: str, published: dt.date | None, previous: tuple[str, str] | None
) -> tuple[str | None, str] | None:
    """ "the previous year", "the following month": from the date last mentioned, else from publication."""
    m = re.fullmatch(r"(?:in |during |over |on |by )?the (previous|following|next) (day|month|year)", phrase)
    if not m:
        return None
    sign = -1 if m.group(1) == "previous" else 1
    unit = m.group(2)
    if previous and previous[0] and previous[1] in ("day", "month", "year"):
        value = previous[0]
        year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 1
        day = dt.date.fromisoformat(value) if previous[1] == "day" else None
    elif published is not None:
        year, month, day = published.year, published.month, published
    else:
        return None, unit
    if unit == "year":
        return f"{year + sign:04d}", "year"
    if unit == "month":
        return _fmt("month", *_shift_month(year, month, sign)), "month"
    if day is None:
        return None, "day"
    return (day + dt.timedelta(days=sign)).isoformat(), "day"


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(expression: str, published: dt.date | None, future: bool) -> tuple[str | None, str, str]:
    if published is None and not re.search(_YEAR, expression):
        return None, "unknown", "date"
    year_range = re.fullmatch(rf"\s*({_YEAR})\s*[-–]\s*(?:\d{{2}}|{_YEAR})\s*", expression)
    if year_range:  # "1915-17": the range's first year
        return year_range.group(1), "year", "date"
    if not re.search(rf"\d|{_MONTH}|{_WEEKDAY}", expression, re.I):
        # Only words ("the past two centuries", "under a month"): dateparser would guess a day from them.
        return None, "unknown", "date"
    parser = _date_parser(published, future)
    try:
        data = parser.get_date_data(expression)
    except Exception:  # dateparser raises assorted errors on odd input; unresolved is the answer
        return None, "unknown", "date"
    if data.date_obj is None:
        return None, "unknown", "date"
    period = data.period or "day"
    date = data.date_obj.date()
    if period == "year":
        return _fmt("year", date.year), "year", "date"
    if period == "month":
        return _fmt("month", date.year, date.month), "month", "date"
    if period == "week":
        return None, "week", "date"
    return date.isoformat(), "day", "date"


@functools.lru_cache(maxsize=32)
def _date_parser(published: dt.date | None, future: bool):
    from dateparser.date import DateDataParser  # deferred: slow import

    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12))
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": [],
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _sentence_index(sentences: Sequence[Sentence], start: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= start:
            lo = mid + 1
        elif sentences[mid].start > start:
            hi = mid - 1
        else:
            return sentences[mid].index
    return max(0, min(lo, len(sentences) - 1))


def extract_dates(
    text: str, spacy_dates: Sequence[Mention], sentences: Sequence[Sentence], published: dt.date | None
) -> tuple[DatedMention, ...]:
    """Every temporal expression in the text, in order, with its resolution."""
    results: list[DatedMention] = []
    ranges = 0
    previous_at = 0
    years = [(m.start(), int(m.group())) for m in re.finditer(rf"\b{_YEAR}\b", text)]
    previous: tuple[str, str] | None = None
    for start, end in _candidates(text, spacy_dates):
        index = _sentence_index(sentences, start) if sentences else 0
        if sentences and sentences[index].kind == "boilerplate":
            continue
        sentence_start = sentences[index].start if sentences else 0
        sentence_text = text[sentence_start : sentences[index].end] if sentences else text
        tense = date_rules.clause_tense(sentence_text, start - sentence_start)
        paragraph_start = text.rfind("\n", 0, start) + 1
        earlier = [year for position, year in years if paragraph_start <= position < start]
        if not earlier and tense != "future":
            # Narrative: a year written in the last paragraphs still sets the time ("In 1942 ... \n\n In
            # June, ..."), unless it is far back in the text.
            earlier = [year for position, year in years if start - NARRATIVE_REACH <= position < start]
        if (
            not earlier
            and tense != "future"
            and previous
            and previous[0]
            and previous_at >= start - 3 * NARRATIVE_REACH
            and (published is None or int(previous[0][:4]) <= published.year - 2)
        ):
            # Still narrating a time long before publication ("On 1 July 1916 ... 15 September"); a recent
            # date last mentioned does not move this year's months (news: "in March ... in December").
            earlier = [int(previous[0][:4])]
        parts = split_range(text, start, end)
        range_id = ranges if len(parts) > 1 else None
        ranges += len(parts) > 1
        range_start: str | None = None
        for part_start, part_end, completed in parts:
            value, granularity, kind = resolve(
                completed, published, sentence_text, earlier[-1] if earlier else None, previous, tense
            )
            if range_id is not None and range_start and value and granularity == "day" and len(value) == 10:
                # A range ends after it starts: "from Tuesday to Friday" is that Tuesday's week.
                while value < range_start and re.fullmatch(_WEEKDAY, completed.strip().lower()):
                    value = (dt.date.fromisoformat(value) + dt.timedelta(days=7)).isoformat()
                # And "from 18 to 21 September" ends in the year it starts, not the year before.
                if value < range_start and not re.search(_YEAR, completed):
                    value = _same_year(value, range_start)
            range_start = range_start or (value if granularity == "day" else None)
            if kind == "date" and value and re.match(r"\d{4}", value):
                previous = (value, granularity)
                previous_at = part_start
            results.append(
                DatedMention(
                    part_start,
                    part_end,
                    text[part_start:part_end],
                    value,
                    granularity,
                    kind,
                    index,
                    range_id,
                    completed if completed.strip() != text[part_start:part_end].strip() else None,
                )
            )
    return tuple(results)


def _same_year(value: str, start: str) -> str:
    """A range's end ``value`` moved into the year of its ``start``, if that puts it after the start."""
    try:
        moved = dt.date(int(start[:4]), int(value[5:7]), int(value[8:10])).isoformat()
    except ValueError:
        return value
    return moved if moved >= start else value


_RANGE_JOIN = re.compile(r"\s*(?:\band\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—])\s*", re.I)
_DAY_RANGE = re.compile(rf"^({_DAY})\s*(?:[-–]|to|and|until|till)\s*({_DAY})\s+({_MONTH_CAP}(?:,?\s+{_YEAR})?)$")
_MONTH_DAY_RANGE = re.compile(
    rf"^({_MONTH_CAP})\s+({_DAY})\s*([-–]|to|until|till|through|and)\s*({_DAY})(,?\s+{_YEAR})?$"
)


def split_range(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """One expression, or the two ends of a range, each with the words to resolve it by.

    "12-15 October 2022" -> "12" (resolved as "12 October 2022") and "15 October 2022";
    "between March and May 2021" -> "March" (as "March 2021") and "May 2021";
    "from Tuesday to Friday" -> "Tuesday" and "Friday".
    """
    phrase = text[start:end]
    day_range = _DAY_RANGE.match(phrase)
    if day_range:
        first_end = start + day_range.end(1)
        second_start = start + day_range.start(2)
        return [
            (start, first_end, f"{day_range.group(1)} {day_range.group(3)}"),
            (second_start, end, text[second_start:end]),
        ]
    month_day = _MONTH_DAY_RANGE.match(phrase)
    # "September 18 and 21" is two days, unless "between" makes it a range.
    if month_day and (month_day.group(3) != "and" or _RANGE_LEAD.search(text[max(0, start - 9) : start])):
        first_end = start + month_day.end(2)
        second_start = start + month_day.start(4)
        year = month_day.group(5) or ""
        return [
            (start, first_end, text[start:first_end] + year),
            (second_start, end, f"{month_day.group(1)} {text[second_start:end]}"),
        ]
    lead = re.match(r"(?i:between|from)\s+", phrase)
    offset = lead.end() if lead else 0
    joins = [m for m in _RANGE_JOIN.finditer(phrase, offset) if m.start() > offset]
    for join in joins:
        left, right = phrase[offset : join.start()], phrase[join.end() :]
        if not left or not right or date_rules.is_not_a_date(left) or date_rules.is_not_a_date(right):
            continue
        if not (_is_date_part(left) and _is_date_part(right)):
            continue
        year = re.search(rf"{_YEAR}$", right)
        completed_left = (
            left
            if re.search(_YEAR, left) or not year or not re.fullmatch(_MONTH_CAP, left.strip())
            else (f"{left} {year.group()}")
        )
        return [(start + offset, start + join.start(), completed_left), (start + join.end(), end, right)]
    return [(start, end, phrase)]


def _is_date_part(part: str) -> bool:
    """A side of a range that is a date on its own: a month, a weekday, a day and month, a year."""
    part = part.strip()
    return bool(
        re.fullmatch(
            rf"{_MONTH_CAP}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH_CAP}(?:,?\s+{_YEAR})?|"
            rf"{_WEEKDAY_CAP}|{_YEAR}",
            part,
        )
    )
