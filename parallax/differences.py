"""Stage 8, what changed: facts both sides of a match state, but state differently.

For every match the two sides are read item by item:

1. figures: numbers (digits or words, with their unit or noun) paired by unit;
   a value on one side with no equal value on the other, where the other
   gives a different value for the same unit, is a changed figure. A
   figure only one side gives (a conversion in brackets, an extra detail) is
   not a change: it is an addition.
2. dates: the resolved values of the dates in each side, compared by
   granularity ("on Monday" and "on 18 September" agree when they resolve
   to the same day).
3. places, people, organisations: names (merged across spellings by the
   entity stage) that one side gives where the other gives a different name
   of the same kind.
4. attribution: "told Reuters", "according to Tass", "the ministry said":
   one side credits a source the other drops or credits differently.
5. quotations: the same quotation with different words, or words quoted on
   one side that the other carries without quotation marks.
6. framing: the attribution verb changes (said / claimed / admitted), or a
   hedge (may, reportedly, allegedly, is expected to) appears on one side only.

Pure functions over a finished comparison; spans are character offsets into
each article, ``[]`` for a side that lacks the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .model import Analysis, DatedMention, Difference, Entity, Match, Span

# --- figures -------------------------------------------------------------------------------------
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12,
}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "tn": 1e12}
_UNIT_ALIASES = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "$": "usd", "us$": "usd", "dollars": "usd", "dollar": "usd", "€": "eur", "euros": "eur", "euro": "eur",
    "£": "gbp", "pounds": "gbp", "yuan": "cny", "roubles": "rub", "rubles": "rub",
    "magnitude": "magnitude",
}
_NUMBER_WORDS = "|".join(sorted((re.escape(w) for w in _SMALL), key=len, reverse=True))
_FIGURE = re.compile(
    r"(?P<pre>(?:US)?\$|€|£)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w-])(?:" + _NUMBER_WORDS + r")(?![\w-]))"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn)\b)?"
    r"(?:\s?(?P<unit>%|per cent|percent|pct|[A-Za-z]+(?:-[A-Za-z]+)?))?",
    re.I,
)
_MAGNITUDE = re.compile(r"magnitude(?:\s+of)?\s+(?P<num>\d+(?:\.\d+)?)|(?P<num2>\d+(?:\.\d+)?)[- ]magnitude", re.I)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Nouns after a number that are not a unit of what is counted but part of a date or an ordinal use.
_NOT_UNITS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec", "am", "pm", "a", "and", "of", "the", "to", "in", "on", "at", "st", "nd", "rd", "th"}


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    span: Span
    text: str


def _value(number: str) -> float | None:
    word = number.lower()
    if word in _SMALL:
        return float(_SMALL[word])
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


def figures_in(text: str, start: int, end: int, date_spans: Sequence[Span]) -> list[Figure]:
    """Numbers in ``text[start:end]`` with their value (scale applied) and unit; years and parts of dates left out."""
    found: list[Figure] = []
    piece = text[start:end]
    for m in _MAGNITUDE.finditer(piece):
        num = m.group("num") or m.group("num2")
        s = start + (m.start("num") if m.group("num") else m.start("num2"))
        found.append(Figure(float(num), "magnitude", (s, s + len(num)), m.group()))
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
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        unit = _UNIT_ALIASES.get((m.group("pre") or "").lower(), "") or _unit(m.group("unit"))
        if unit and m.group("unit") and unit not in ("percent",) and m.group("unit").lower() in _NOT_UNITS:
            unit = ""
        end_at = start + m.end("scale") if m.group("scale") else e
        if m.group("unit") and unit:
            end_at = start + m.end("unit")
        found.append(Figure(value, unit, (s if not m.group("pre") else start + m.start("pre"), end_at), text[s:end_at]))
    return found


def _figure_differences(fa: list[Figure], fb: list[Figure]) -> list[tuple[list[Figure], list[Figure]]]:
    """Pairs of figure groups that disagree: same unit, no value in common."""
    out = []
    values_a = {round(f.value, 6) for f in fa}
    values_b = {round(f.value, 6) for f in fb}
    units = {f.unit for f in fa} & {f.unit for f in fb}
    for unit in sorted(units):
        only_a = [f for f in fa if f.unit == unit and round(f.value, 6) not in values_b]
        only_b = [f for f in fb if f.unit == unit and round(f.value, 6) not in values_a]
        if only_a and only_b:
            out.append((only_a, only_b))
    # Unitless numbers on both sides ("killing 12" / "killing 15") pair when each side has exactly one left.
    loose_a = [f for f in fa if round(f.value, 6) not in values_b and f.unit not in units]
    loose_b = [f for f in fb if round(f.value, 6) not in values_a and f.unit not in units]
    if len(loose_a) == 1 and len(loose_b) == 1 and not (loose_a[0].unit and loose_b[0].unit):
        out.append((loose_a, loose_b))
    return out


# --- attribution and framing ---------------------------------------------------------------------
SAY_VERBS = ("said", "says", "say", "told", "stated", "states", "claimed", "claims", "admitted", "admits",
             "insisted", "insists", "alleged", "alleges", "argued", "argues", "noted", "notes", "warned",
             "warns", "denied", "denies", "acknowledged", "acknowledges", "conceded", "concedes", "added",
             "adds", "announced", "announces", "confirmed", "confirms", "asserted", "asserts", "suggested",
             "suggests", "reported", "reports", "revealed", "reveals")
# Verbs that only report, against verbs that judge what is reported.
_NEUTRAL = {"said", "says", "say", "told", "stated", "states", "added", "adds", "noted", "notes", "reported",
            "reports", "announced", "announces"}
_VERB = re.compile(r"\b(" + "|".join(SAY_VERBS) + r")\b", re.I)
_ATTRIBUTION = re.compile(
    r"\b(?i:according to|citing|cited by|quoted by|told|reported by|in an interview with|"
    r"(?:said|says|stated|claimed|announced|confirmed)\s+(?:in\s+a\s+statement|on\s+(?:its|his|her|their)\s+\w+))"
    r"(?:\s+(?P<source>(?:(?i:the)\s+)?[\w.&'’-]+(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4}))?",
)
_PRONOUNS = {"him", "her", "them", "it", "us", "me", "he", "she", "they", "we", "i", "you", "reporters", "journalists"}
_SOURCE_SAID = re.compile(
    r"(?P<source>\b(?:the\s+)?(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}|(?:foreign\s+|defence\s+|defense\s+)?"
    r"(?:ministry|spokesman|spokeswoman|spokesperson|police|officials?|agency|kremlin|statement)))"
    r"\s+(?:said|says|told|stated|reported|announced|confirmed)\b",
)
HEDGES = ("may", "might", "could", "reportedly", "allegedly", "apparently", "possibly", "likely", "unlikely",
          "is expected to", "are expected to", "was expected to", "is believed to", "are believed to",
          "is said to", "are said to", "appears to", "appeared to", "seems to", "purportedly", "supposedly",
          "unconfirmed", "rumoured", "rumored")
_HEDGE = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.I)


def _attributions(text: str, start: int, end: int) -> list[tuple[Span, str]]:
    """Credited sources in the span: the phrase's span and the source's name (lower case, may be empty)."""
    piece = text[start:end]
    found = []
    for m in _ATTRIBUTION.finditer(piece):
        source = (m.group("source") or "").lower()
        if source.split()[:1] and source.split()[0] in _PRONOUNS:
            continue  # "according to them": no source is credited
        found.append(((start + m.start(), start + m.end()), source.removeprefix("the ")))
    for m in _SOURCE_SAID.finditer(piece):
        s = start + m.start("source")
        if any(a <= s < b or a < start + m.end() <= b for (a, b), _ in found):
            continue
        source = m.group("source").lower().removeprefix("the ")
        if source.split()[-1] in _PRONOUNS:
            continue
        found.append(((s, start + m.end()), source))
    return found


def _spans(matches: Iterable[re.Match[str]], offset: int) -> tuple[Span, ...]:
    return tuple((offset + m.start(), offset + m.end()) for m in matches)


# --- quotations ----------------------------------------------------------------------------------
_QUOTE = re.compile(r"[\"“”„«]([^\"“”„«»]{8,400})[\"”“»]")


def _quotes(text: str, start: int, end: int) -> list[tuple[Span, str]]:
    piece = text[start:end]
    return [((start + m.start(1), start + m.end(1)), m.group(1)) for m in _QUOTE.finditer(piece)]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# --- the stage -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Side:
    analysis: Analysis
    doc: int
    ranges: tuple[Span, ...]  # the sentences of the match

    @property
    def text(self) -> str:
        return self.analysis.article.text

    def cut(self, spans: Iterable[Span]) -> str:
        return " … ".join(self.text[s:e] for s, e in spans)


def _side(analysis: Analysis, doc: int, sentence_ids: Sequence[int]) -> _Side:
    return _Side(analysis, doc, tuple((analysis.sentences[i].start, analysis.sentences[i].end) for i in sentence_ids))


def _within(span: Span, ranges: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in ranges)


_ENTITY_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


def _entity_differences(k: int, sa: _Side, sb: _Side, entities: Sequence[Entity]) -> list[Difference]:
    out = []
    # People apart; places and organisations together, since the model types the same name either way
    # ("Trujillo" as a place in one text, an organisation in the other).
    by_family: dict[str, tuple[dict[str, list[Span]], dict[str, list[Span]]]] = {}
    kind_of: dict[str, str] = {}
    for entity in entities:
        kind = _ENTITY_KIND.get(entity.label)
        if kind is None:
            continue
        kind_of[entity.name] = kind
        family = "person" if kind == "person" else "place-or-organisation"
        for mention in entity.mentions:
            side = sa if mention.doc == sa.doc else sb
            if _within((mention.start, mention.end), side.ranges):
                sides = by_family.setdefault(family, ({}, {}))
                sides[0 if side is sa else 1].setdefault(entity.name, []).append((mention.start, mention.end))
    for _, (names_a, names_b) in sorted(by_family.items()):
        only_a = {n: s for n, s in names_a.items() if n not in names_b}
        only_b = {n: s for n, s in names_b.items() if n not in names_a}
        # A name put in another's place: as many names of the kind on each side, the rest the same.
        # Different counts mean one side adds or leaves out detail, which is not a change of fact.
        if only_a and len(only_a) == len(only_b) and len(names_a) == len(names_b):
            spans_a = tuple(sorted(s for spans in only_a.values() for s in spans))
            spans_b = tuple(sorted(s for spans in only_b.values() for s in spans))
            kinds = [kind_of[n] for n in (*only_a, *only_b)]
            kind = "place" if "place" in kinds else kinds[0]
            out.append(Difference(k, kind, spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _date_differences(k: int, sa: _Side, sb: _Side) -> list[Difference]:
    def dated(side: _Side) -> list[DatedMention]:
        return [d for d in side.analysis.dates if d.kind == "date" and _within((d.start, d.end), side.ranges)]

    da, db = dated(sa), dated(sb)
    out = []
    for granularity in sorted({d.granularity for d in da} & {d.granularity for d in db}):
        va = {_date_key(d) for d in da if d.granularity == granularity}
        vb = {_date_key(d) for d in db if d.granularity == granularity}
        only_a = [d for d in da if d.granularity == granularity and _date_key(d) not in vb]
        only_b = [d for d in db if d.granularity == granularity and _date_key(d) not in va]
        # The same words resolved against two publication dates ("on Tuesday" copied a day later) are
        # not a change an editor would see; only differing words count.
        same_words = {_words(d.text) for d in only_a} == {_words(d.text) for d in only_b}
        if only_a and only_b and not same_words and not _agree_coarser(only_a, db) and not _agree_coarser(only_b, da):
            spans_a = tuple((d.start, d.end) for d in only_a)
            spans_b = tuple((d.start, d.end) for d in only_b)
            out.append(Difference(k, "date", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _date_key(d: DatedMention) -> str:
    """The resolved value; with none (no year, no publication date), the words themselves."""
    return d.value or "text:" + _words(d.text)


def _agree_coarser(dates: Sequence[DatedMention], others: Sequence[DatedMention]) -> bool:
    """A day agrees with the other side's day given as another expression ("Monday" / "18 September")."""
    values = {_date_key(d) for d in others}
    return all(_date_key(d) in values for d in dates)


def _figure_diffs(k: int, sa: _Side, sb: _Side) -> list[Difference]:
    def figures(side: _Side) -> list[Figure]:
        dates = [(d.start, d.end) for d in side.analysis.dates if d.kind == "date"]  # durations are figures
        return [f for s, e in side.ranges for f in figures_in(side.text, s, e, dates)]

    out = []
    for only_a, only_b in _figure_differences(figures(sa), figures(sb)):
        spans_a = tuple(f.span for f in only_a)
        spans_b = tuple(f.span for f in only_b)
        out.append(Difference(k, "figure", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _attribution_diffs(k: int, sa: _Side, sb: _Side) -> list[Difference]:
    aa = [x for s, e in sa.ranges for x in _attributions(sa.text, s, e)]
    ab = [x for s, e in sb.ranges for x in _attributions(sb.text, s, e)]
    if not aa and not ab:
        return []
    if aa and ab:
        sources_a = {src for _, src in aa if src}
        sources_b = {src for _, src in ab if src}
        if not sources_a or not sources_b or sources_a & sources_b or _similar_sources(sources_a, sources_b):
            return []
    spans_a = tuple(span for span, _ in aa)
    spans_b = tuple(span for span, _ in ab)
    return [Difference(k, "attribution", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))]


def _similar_sources(a: set[str], b: set[str]) -> bool:
    return any(fuzz.partial_ratio(x, y) >= 85 for x in a for y in b)


def _quotation_diffs(k: int, sa: _Side, sb: _Side) -> list[Difference]:
    qa = [x for s, e in sa.ranges for x in _quotes(sa.text, s, e)]
    qb = [x for s, e in sb.ranges for x in _quotes(sb.text, s, e)]
    out = []
    used_b: set[int] = set()
    for span_a, quote_a in qa:
        best = max(((fuzz.ratio(_norm(quote_a), _norm(q)), j) for j, (_, q) in enumerate(qb)), default=(0.0, -1))
        if best[1] >= 0 and best[0] >= 60:
            used_b.add(best[1])
            if _norm(quote_a) != _norm(qb[best[1]][1]):
                span_b = qb[best[1]][0]
                out.append(Difference(k, "quotation", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b])))
            continue
        found = _unquoted(quote_a, sb)
        if found is not None:
            out.append(Difference(k, "quotation", (span_a,), (found,), sa.cut([span_a]), sb.cut([found])))
    for j, (span_b, quote_b) in enumerate(qb):
        if j in used_b:
            continue
        found = _unquoted(quote_b, sa)
        if found is not None:
            out.append(Difference(k, "quotation", (found,), (span_b,), sa.cut([found]), sb.cut([span_b])))
    return out


def _unquoted(quote: str, side: _Side) -> Span | None:
    """Where the other side carries the quoted words without quotation marks (most of them, in order)."""
    if len(quote.split()) < 4:
        return None
    for s, e in side.ranges:
        alignment = fuzz.partial_ratio_alignment(quote.lower(), side.text[s:e].lower())
        if alignment is not None and alignment.score >= 85:
            span = (s + alignment.dest_start, s + alignment.dest_end)
            if not any(_within(span, [q]) for q, _ in _quotes(side.text, s, e)):
                return span
    return None


def _framing_diffs(k: int, sa: _Side, sb: _Side) -> list[Difference]:
    out = []
    verbs_a = [m for s, e in sa.ranges for m in _offset_iter(_VERB, sa.text, s, e)]
    verbs_b = [m for s, e in sb.ranges for m in _offset_iter(_VERB, sb.text, s, e)]
    judged_a = {_stem(v.group().lower()) for v in verbs_a if v.group().lower() not in _NEUTRAL}
    judged_b = {_stem(v.group().lower()) for v in verbs_b if v.group().lower() not in _NEUTRAL}
    if verbs_a and verbs_b and judged_a != judged_b:
        spans_a = tuple(v.span() for v in verbs_a)
        spans_b = tuple(v.span() for v in verbs_b)
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    # "May" with a capital is the month; a hedge swapped for another ("may" / "could") is no change.
    # Words inside a quotation are the speaker's, not the reporter's framing.
    hedges_a = [m for s, e in sa.ranges for m in _offset_iter(_HEDGE, sa.text, s, e) if m.group() != "May" and not _quoted(m, sa)]
    hedges_b = [m for s, e in sb.ranges for m in _offset_iter(_HEDGE, sb.text, s, e) if m.group() != "May" and not _quoted(m, sb)]
    keys_a = {_hedge_key(h.group()) for h in hedges_a}
    keys_b = {_hedge_key(h.group()) for h in hedges_b}
    if keys_a != keys_b:
        spans_a = tuple(h.span() for h in hedges_a if _hedge_key(h.group()) not in keys_b)
        spans_b = tuple(h.span() for h in hedges_b if _hedge_key(h.group()) not in keys_a)
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _quoted(found: _Offset, side: _Side) -> bool:
    return any(_within(found.span(), [q]) for s, e in side.ranges for q, _ in _quotes(side.text, s, e))


class _Offset:
    """A regex match shifted into article offsets (``span()`` and ``group()`` only)."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._match, self._offset = match, offset

    def span(self) -> Span:
        return (self._offset + self._match.start(), self._offset + self._match.end())

    def group(self) -> str:
        return self._match.group()


def _offset_iter(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[_Offset]:
    return [_Offset(m, start) for m in pattern.finditer(text[start:end])]


def _stem(verb: str) -> str:
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb[:-2] if verb.endswith("ed") else verb


_MODALS = {"may", "might", "could"}


def _hedge_key(hedge: str) -> str:
    """Modal verbs are one hedge ("may" for "could" is no change); every other hedge is its own."""
    word = hedge.lower()
    return "modal" if word in _MODALS else re.sub(r"\b(?:is|are|was)\b", "be", word)


def match_differences(k: int, match: Match, a: Analysis, b: Analysis, entities: Sequence[Entity]) -> list[Difference]:
    """Every difference inside match ``k``. Only copies and close paraphrases are read: a partial
    overlap shares part of a statement, and what differs there is mostly what it does not share."""
    if match.kind == "partial":
        return []
    sa, sb = _side(a, 0, match.a), _side(b, 1, match.b)
    return [
        *_figure_diffs(k, sa, sb),
        *_date_differences(k, sa, sb),
        *_entity_differences(k, sa, sb, entities),
        *_attribution_diffs(k, sa, sb),
        *_quotation_diffs(k, sa, sb),
        *_framing_diffs(k, sa, sb),
    ]


def find_differences(
    a: Analysis, b: Analysis, matches: Sequence[Match], entities: Sequence[Entity]
) -> tuple[Difference, ...]:
    """The differences of every match, in match order."""
    return tuple(d for k, match in enumerate(matches) for d in match_differences(k, match, a, b, entities))
