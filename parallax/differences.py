"""Stage 8, what changed: facts both sides of a match state, but state differently.

For every match the two sides are read item by item. Near-copied sentences
are read word by word (the changed words are the difference); reworded ones
fact against fact of the same kind standing in the same place between the
words both keep (:mod:`parallax.anchors`):

1. figures: numbers (digits or words, with their unit or noun) paired by unit;
   a value on one side with no equal value on the other, where the other
   gives a different value for the same unit in its place, is a changed
   figure. A figure only one side gives (a conversion in brackets, an extra
   detail) is not a change: it is an addition.
2. dates: the resolved values of the dates in each side, compared by
   granularity ("on Monday" and "on 18 September" agree when they resolve
   to the same day).
3. places, people, organisations: names (merged across spellings by the
   entity stage, or another form of one name: :mod:`parallax.name_variants`)
   that one side gives where the other gives a different name of the kind.
4. attribution: "told Reuters", "according to Tass", "the ministry said":
   one side credits a source the other drops or credits differently (:mod:`parallax.credits`).
5. quotations: the same quotation with different words, or words quoted on
   one side that the other carries without quotation marks.
6. framing: the attribution verb changes (said / claimed / admitted), or a
   hedge (may, reportedly, allegedly, is expected to) appears on one side only.

Pure functions over a finished comparison; spans are character offsets into
each article, ``[]`` for a side that lacks the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .anchors import Anchors, anchors
from .capitals import is_country, is_title_case
from .credits import HEDGE, NEUTRAL_VERBS, SPEECH_VERB, attribution_differences, attributions, people_spans
from .date_rules import MONTH_NAMES
from .entities import outlet_names
from .figures import CURRENCIES, MEASURES, Figure, figure_differences, figures_in
from .lexicon import NUMBER_WORDS, ORDINAL_WORDS
from .memo import per_analysis
from .model import Analysis, DatedMention, Difference, Entity, Match, Span
from .name_variants import is_nationality, name_like, same_referent
from .quotes import fragment_at, quote_words, speech_spans
from .sides import Side, Sorted, side_of

T = TypeVar("T")

# A date told from another date of the story ("later that day", "two weeks later") or from the day of
# writing ("this year", "last week"): left unresolved (no date to count from), its words say nothing of
# the day it means, and it cannot be said to differ from "2024".
_ANAPHORIC = re.compile(
    r"\b(?:that|same|following|previous|later|earlier|before|after|afterwards|"
    r"this|next|last|yesterday|today|tonight|tomorrow|ago|coming|past)\b",
    re.I,
)


@per_analysis
def _dates_of(analysis: Analysis) -> Sorted[DatedMention]:
    """The article's dates (durations are figures, not dates), sorted for range lookups; not those told
    from another date or the day of writing and left unresolved."""
    return Sorted.of(
        ((d.start, d.end), d)
        for d in analysis.dates
        if d.kind == "date" and not (d.value is None and _ANAPHORIC.search(d.text))
    )


_NAME_KINDS = ("person", "place", "organisation")


def _words_in(name: str, sentence: str) -> bool:
    """Whether any capitalised word of a name is written in the sentence."""
    return any(re.search(r"\b" + re.escape(w) + r"\b", sentence) for w in re.findall(r"\b[A-Z][\w’'-]*", name))


# --- the stage -----------------------------------------------------------------------------------
def _quotations_of(side: Side) -> list[tuple[Span, str]]:
    """The quotations in the match's sentences (the span of their words, marks left out, and the words),
    a quotation that opens or closes in a sentence outside the match cut to the part inside it
    ('"That's why we came here. / The leader ... develop space," said Putin': the second sentence's
    words are quoted though its opening mark is in the first)."""
    by_sentence = speech_spans(side.analysis)
    found = set()
    for index, (start, end) in zip(side.ids, side.ranges, strict=True):
        for marked_start, marked_end in by_sentence.get(index, ()):
            inner = (max(marked_start + 1, start), min(marked_end - 1, end))
            if inner[0] < inner[1] and side.text[inner[0] : inner[1]].strip():
                found.add((inner, side.text[inner[0] : inner[1]]))
    return sorted(found)


def _within(span: Span, ranges: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in ranges)


# Nationalities ("Chinese officials" / "Russian officials") change where a thing happened: a place.
_ENTITY_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "place",
}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_DATE_WORD = re.compile(r"^(?:(\d+)(?:st|nd|rd|th)|([qh])([1-4]))$")


def _date_words(text: str) -> str:
    """An unresolved date's words, written one way: "third day" / "3rd Day", "Q2" / "the second quarter",
    "7 September" / "Sept. 7" (a day and month in either order)."""
    out = []
    words = re.findall(r"\w+", text.lower())
    for word in words:
        if word in ("the", "a", "an", "of"):
            continue
        if word in MONTH_NAMES:
            out.append(f"month-{MONTH_NAMES[word]}")
            continue
        number = ORDINAL_WORDS.get(word) or NUMBER_WORDS.get(word)
        short = _DATE_WORD.match(word)
        if number is not None:
            out.append(str(number))
        elif short and short.group(1):
            out.append(short.group(1))
        elif short:
            out += [short.group(3), "quarter" if short.group(2) == "q" else "half"]
        else:
            out.append(word)
    return " ".join(sorted(out) if any(w.startswith("month-") for w in out) else out)


def _date_key(d: DatedMention) -> str:
    """The resolved value; with none (no year, no publication date), the words themselves."""
    return d.value or "text:" + _date_words(d.text)


def _agree_coarser(dates: Sequence[DatedMention], others: Sequence[DatedMention]) -> bool:
    """A day agrees with the other side's day given as another expression ("Monday" / "18 September");
    a date left unresolved agrees with one that says more in the same words ("December" / "December
    2022": the year is detail one side leaves out)."""
    values = {_date_key(d) for d in others}
    fuller = [set(_date_words(o.text).split()) for o in others]
    days = {o.value[5:] for o in others if o.value and len(o.value) == 10}
    return all(
        _date_key(d) in values
        or (d.value is None and any(set(_date_words(d.text).split()) <= f for f in fuller))
        or (d.value is None and _month_day(d.text) in days)  # "September 21" without a year / 2023-09-21
        for d in dates
    )


def _month_day(text: str) -> str | None:
    """``MM-DD`` of a day and month written without a year ("Sept. 21", "21 September"), else None."""
    words = _date_words(text).split()
    months = [w for w in words if w.startswith("month-")]
    numbers = [w for w in words if w.isdigit()]
    if len(words) != 2 or len(months) != 1 or len(numbers) != 1:
        return None
    return f"{int(months[0][6:]):02d}-{int(numbers[0]):02d}"


def _quotation_diffs(k: int, sa: Side, sb: Side) -> list[Difference]:
    qa, qb = _quotations_of(sa), _quotations_of(sb)
    out = []
    used_b: set[int] = set()
    used_a: set[int] = set()
    for i, (span_a, quote_a) in enumerate(qa):
        best = max(((fuzz.ratio(_words(quote_a), _words(q)), j) for j, (_, q) in enumerate(qb)), default=(0.0, -1))
        if best[1] >= 0 and best[0] >= 60:
            used_a.add(i)
            used_b.add(best[1])
            if _words(quote_a) != _words(qb[best[1]][1]):
                span_b = qb[best[1]][0]
                out.append(Difference(k, "quotation", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b])))
    # A quotation trimmed to parts of the other's ("patient for eighteen months" and "nothing but delays" of
    # "We have been patient for eighteen months, and ... nothing but delays"): each part is compared with
    # the words it stands for, and the rest of the longer one may be carried without marks.
    out += _quoted_parts(k, sa, sb, qa, qb, used_a, used_b)
    for i, (span_a, quote_a) in enumerate(qa):
        if i in used_a:
            continue
        found = _unquoted(quote_a, sb, _words_credited(sa, span_a))
        if found is not None:
            out.append(Difference(k, "quotation", (span_a,), (found,), sa.cut([span_a]), sb.cut([found])))
    for j, (span_b, quote_b) in enumerate(qb):
        if j in used_b:
            continue
        found = _unquoted(quote_b, sa, _words_credited(sb, span_b))
        if found is not None:
            out.append(Difference(k, "quotation", (found,), (span_b,), sa.cut([found]), sb.cut([span_b])))
    return out


def _quoted_parts(
    k: int,
    sa: Side,
    sb: Side,
    qa: list[tuple[Span, str]],
    qb: list[tuple[Span, str]],
    used_a: set[int],
    used_b: set[int],
) -> list[Difference]:
    """Quotations of one side that are parts of a longer quotation of the other (word windows, at most one
    word changed), compared word for word; then runs of four or more words of the longer quotation that
    the other side carries without marks. Marks ``used_a`` / ``used_b``."""
    out: list[Difference] = []
    for (long_side, long_q, used_long), (short_side, short_q, used_short), a_first in (
        ((sa, qa, used_a), (sb, qb, used_b), True),
        ((sb, qb, used_b), (sa, qa, used_a), False),
    ):
        for i, (span_l, _) in enumerate(long_q):
            if i in used_long:
                continue
            long_words = quote_words(long_side.text, span_l)
            covered = [False] * len(long_words)
            for j, (span_s, _) in enumerate(short_q):
                if j in used_short:
                    continue
                short_words = quote_words(short_side.text, span_s)
                at = fragment_at(short_words, long_words)
                if at is None:
                    continue
                used_short.add(j)
                used_long.add(i)
                window = long_words[at : at + len(short_words)]
                for n in range(at, at + len(short_words)):
                    covered[n] = True
                if [w for w, _ in window] != [w for w, _ in short_words]:
                    part = (window[0][1][0], window[-1][1][1])
                    pair = ((part,), (span_s,)) if a_first else ((span_s,), (part,))
                    out.append(Difference(k, "quotation", pair[0], pair[1], sa.cut(pair[0]), sb.cut(pair[1])))
            if i not in used_long:
                continue
            for run_long, run_short in unmarked_runs(long_words, covered, short_side):
                pair = ((run_long,), (run_short,)) if a_first else ((run_short,), (run_long,))
                out.append(Difference(k, "quotation", pair[0], pair[1], sa.cut(pair[0]), sb.cut(pair[1])))
    return out


# Words of a quotation the other side carries in a row, without marks, from this many up: three
# ("of the country") are common to any two reports.
_UNMARKED_RUN = 4


def unmarked_runs(long_words: list[tuple[str, Span]], covered: list[bool], side: Side) -> list[tuple[Span, Span]]:
    """Runs of words of a quotation, outside the parts already matched (``covered``), that ``side``
    writes in a row outside its own quotation marks: ``(span in the quotation, span on the side)``."""
    unquoted: list[tuple[str, Span]] = []
    quoted = [q for q, _ in _quotations_of(side)]
    for s, e in side.ranges:
        unquoted += [w for w in quote_words(side.text, (s, e)) if not any(a <= w[1][0] < b for a, b in quoted)]
    found = []
    n = 0
    while n < len(long_words):
        if covered[n]:
            n += 1
            continue
        end = n
        while end < len(long_words) and not covered[end]:
            end += 1
        run = long_words[n:end]
        if len(run) >= _UNMARKED_RUN:
            for op in Indel.opcodes([w for w, _ in run], [w for w, _ in unquoted]):
                if op.tag == "equal" and op.src_end - op.src_start >= _UNMARKED_RUN:
                    found.append(
                        (
                            (run[op.src_start][1][0], run[op.src_end - 1][1][1]),
                            (unquoted[op.dest_start][1][0], unquoted[op.dest_end - 1][1][1]),
                        )
                    )
        n = end
    return found


# A verb that gives a single quoted word as somebody's ("called the strike "irresponsible"").
_NAMING = re.compile(
    r"\b(?:call(?:s|ed)?|describ(?:es|ed)|dubb(?:s|ed)|brand(?:s|ed)|term(?:s|ed)|label(?:s|led|ed))\b", re.I
)


def _words_credited(side: Side, span: Span) -> bool:
    """Whether the sentence holding a quotation gives it as somebody's words: a verb of speech or of
    naming in it. A headline's scare quotes ("Obama 'postpones' trip") have none."""
    sentence = next(((s, e) for s, e in side.ranges if s <= span[0] < e), None)
    if sentence is None:
        return False
    text = side.text[sentence[0] : sentence[1]]
    return bool(SPEECH_VERB.search(text) or _NAMING.search(text))


def _unquoted(quote: str, side: Side, credited: bool = False) -> Span | None:
    """Where the other side carries the quoted words without quotation marks.

    A long quotation may be carried loosely (most of its words, in order); a short one
    ("military cooperation") only word for word, or any two common words would count. A single word
    counts only if ``credited`` (its sentence gives it as somebody's words) and it is no short word.
    """
    words = re.findall(r"\w+", quote)
    if len(words) < 2 and not (credited and words and len(words[0]) >= 6):
        return None
    quoted = [q for q, _ in _quotations_of(side)]
    for s, e in side.ranges:
        if len(words) < 4:
            exact = re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", side.text[s:e], re.I)
            candidates = [(s + exact.start(), s + exact.end())] if exact else []
        else:
            alignment = fuzz.partial_ratio_alignment(quote.lower(), side.text[s:e].lower())
            candidates = (
                [(s + alignment.dest_start, s + alignment.dest_end)]
                if alignment is not None and alignment.score >= 85
                else []
            )
        for span in candidates:
            if not any(_within(span, [q]) or _overlaps(span, q) for q in quoted):
                return span
    return None


def _framing_diffs(k: int, sa: Side, sb: Side) -> list[Difference]:
    out = []
    verbs_a = [m for s, e in sa.ranges for m in _offset_iter(SPEECH_VERB, sa.text, s, e)]
    verbs_b = [m for s, e in sb.ranges for m in _offset_iter(SPEECH_VERB, sb.text, s, e)]
    judged_a = {_stem(v.group().lower()) for v in verbs_a if v.group().lower() not in NEUTRAL_VERBS}
    judged_b = {_stem(v.group().lower()) for v in verbs_b if v.group().lower() not in NEUTRAL_VERBS}
    if verbs_a and verbs_b and judged_a != judged_b:
        spans_a = tuple(v.span() for v in verbs_a)
        spans_b = tuple(v.span() for v in verbs_b)
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    # "May" with a capital is the month; a hedge swapped for another ("may" / "could") is no change.
    # Words inside a quotation are the speaker's, not the reporter's framing.
    hedges_a = [
        m for s, e in sa.ranges for m in _offset_iter(HEDGE, sa.text, s, e) if m.group() != "May" and not _quoted(m, sa)
    ]
    hedges_b = [
        m for s, e in sb.ranges for m in _offset_iter(HEDGE, sb.text, s, e) if m.group() != "May" and not _quoted(m, sb)
    ]
    keys_a = {_hedge_key(h.group()) for h in hedges_a}
    keys_b = {_hedge_key(h.group()) for h in hedges_b}
    if keys_a != keys_b:
        spans_a = tuple(h.span() for h in hedges_a if _hedge_key(h.group()) not in keys_b)
        spans_b = tuple(h.span() for h in hedges_b if _hedge_key(h.group()) not in keys_a)
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _quoted(found: _Offset, side: Side) -> bool:
    return any(_within(found.span(), [q]) for q, _ in _quotations_of(side))


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


# Hedges of likelihood: one for another ("may" / "could", "is expected to" / "likely") is no change.
_LIKELIHOOD = re.compile(
    r"^(?:may|might|could|possibly|likely|(?:is|are|was) expected to|appears? to|appeared to|seems to)$"
)


def _hedge_key(hedge: str) -> str:
    """Hedges of likelihood are one hedge; every other (reportedly, allegedly, is said to) is its own."""
    word = hedge.lower()
    return "likelihood" if _LIKELIHOOD.match(word) else re.sub(r"\b(?:is|are|was)\b", "be", word)


# --- near-copies: the words that were changed ----------------------------------------------------
_TOKEN = re.compile(r"\w+(?:[.,’']\w+)*")
NEAR_COPY = 80  # rapidfuzz ratio of two sentences from which they are read word by word


def _sentence_pairs(match: Match, a: Analysis, b: Analysis) -> list[tuple[int, int, float]]:
    """Each sentence of the match paired with its closest counterpart (copies keep their order)."""

    def text(analysis: Analysis, i: int) -> str:
        s = analysis.sentences[i]
        return analysis.article.text[s.start : s.end]

    scores = {(i, j): fuzz.ratio(text(a, i), text(b, j)) for i in match.a for j in match.b}
    pairs = {(i, max(match.b, key=lambda j: scores[i, j])) for i in match.a}
    paired_b = {j for _, j in pairs}
    pairs |= {(max(match.a, key=lambda i: scores[i, j]), j) for j in match.b if j not in paired_b}
    return sorted((i, j, scores[i, j]) for i, j in pairs)


def _regions(text_a: str, range_a: Span, text_b: str, range_b: Span) -> list[tuple[Span, Span]]:
    """Character spans of the runs of words that differ between two near-identical sentences."""
    toks_a = [
        (range_a[0] + m.start(), range_a[0] + m.end(), m.group().lower())
        for m in _TOKEN.finditer(text_a[range_a[0] : range_a[1]])
    ]
    toks_b = [
        (range_b[0] + m.start(), range_b[0] + m.end(), m.group().lower())
        for m in _TOKEN.finditer(text_b[range_b[0] : range_b[1]])
    ]
    regions: list[tuple[int, int, int, int]] = []
    for op in Indel.opcodes([t[2] for t in toks_a], [t[2] for t in toks_b]):
        if op.tag == "equal":
            continue
        if regions and regions[-1][1] == op.src_start and regions[-1][3] == op.dest_start:
            i1, _, j1, _ = regions[-1]
            regions[-1] = (i1, op.src_end, j1, op.dest_end)
        else:
            regions.append((op.src_start, op.src_end, op.dest_start, op.dest_end))

    def span(tokens: list[tuple[int, int, str]], lo: int, hi: int, fallback: int) -> Span:
        return (tokens[lo][0], tokens[hi - 1][1]) if hi > lo else (fallback, fallback)

    out = []
    for i1, i2, j1, j2 in regions:
        at_a = toks_a[i1][0] if i1 < len(toks_a) else range_a[1]
        at_b = toks_b[j1][0] if j1 < len(toks_b) else range_b[1]
        out.append((span(toks_a, i1, i2, at_a), span(toks_b, j1, j2, at_b)))
    return out


def _overlaps(span: Span, region: Span) -> bool:
    return span[0] < region[1] and region[0] < span[1] if region[0] < region[1] else False


def _region_difference(
    k: int, region_a: Span, region_b: Span, sa: Side, sb: Side, names: tuple[Sorted[Entity], Sorted[Entity]]
) -> Difference | None:
    """What a run of changed words changed: a date, a figure or a name (or only wording: None)."""
    dates_a = [d for _, d in _dates_of(sa.analysis).overlapping(region_a)]
    dates_b = [d for _, d in _dates_of(sb.analysis).overlapping(region_b)]
    if dates_a and dates_b:
        if {_date_key(d) for d in dates_a} == {_date_key(d) for d in dates_b}:
            return None  # "on Monday" / "on 18 September": the same day
        # A date the other side gives elsewhere in the match is no change ("on September 18-21" /
        # "until September 21 ... between September 18 and 21": the range and its end).
        all_a = [d for _, d in _dates_of(sa.analysis).inside(sa.ranges)]
        all_b = [d for _, d in _dates_of(sb.analysis).inside(sb.ranges)]
        if _agree_coarser(dates_a, all_b) or _agree_coarser(dates_b, all_a):
            return None
        spans_a = tuple((d.start, d.end) for d in dates_a)
        spans_b = tuple((d.start, d.end) for d in dates_b)
        return Difference(k, "date", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    figures_a = [f for f in _sentence_figures(sa, region_a) if _overlaps(f.span, region_a)]
    figures_b = [f for f in _sentence_figures(sb, region_b) if _overlaps(f.span, region_b)]
    if figures_a and figures_b:
        changed = figure_differences(figures_a, figures_b)
        if not changed:
            return None  # "two" / "2": the same value
        spans_a = tuple(f.span for group, _ in changed for f in group)
        spans_b = tuple(f.span for _, group in changed for f in group)
        return Difference(k, "figure", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    headline_a, headline_b = _title_case(sa.text, sa.ranges[0]), _title_case(sb.text, sb.ranges[0])
    named_a = _trusted(names[0].overlapping(region_a), region_a, sa.text, headline_a)
    named_b = _trusted(names[1].overlapping(region_b), region_b, sb.text, headline_b)
    if named_a or named_b:
        # A name where the other side has a capitalised word the model did not tag is still a name
        # (in a headline, where every word is capitalised, only in place of a name the model found whole).
        other_a = named_a or (_capitalised(sa.text, region_a) if named_b or not headline_a else [])
        other_b = named_b or (_capitalised(sb.text, region_b) if named_a or not headline_b else [])
        if not other_a or not other_b:
            return None
        if {e.name for _, e in named_a} == {e.name for _, e in named_b}:
            return None  # a spelling the entity stage joins ("Putin" / "President Putin")
        # Or another form of the same name, as written ("GE" / "General Electric", "Syrian" / "Syria").
        written_a = {sa.text[s:e] for (s, e), _ in named_a} or {sa.text[region_a[0] : region_a[1]]}
        written_b = {sb.text[s:e] for (s, e), _ in named_b} or {sb.text[region_b[0] : region_b[1]]}
        people = all(e.label == "PERSON" for _, e in named_a + named_b)
        if _same_names(written_a, written_b, people):
            return None
        kinds = [_ENTITY_KIND[e.label] for _, e in named_a + named_b if e.label in _ENTITY_KIND]
        if not kinds:
            return None
        arm = any(_national_arm(t, sa.analysis, sb.analysis) for t in written_a | written_b)
        kind = "organisation" if arm else _kind_of(kinds)
        spans_a = tuple(span for span, _ in named_a) or (region_a,)
        spans_b = tuple(span for span, _ in named_b) or (region_b,)
        return Difference(k, kind, spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    return None


# --- reworded sentences: facts put in another's place ---------------------------------------------
def _comparable(x: Figure, y: Figure) -> bool:
    """A figure in a unit of measure pairs with one in the same unit; counts of things named in other
    words ("1,200 jobs" / "1,500 workers") pair with each other."""
    if x.unit == y.unit or (x.unit not in MEASURES and y.unit not in MEASURES):
        return True
    # A bare amount in millions against a sum of money ("8 million more" / "8 million euros").
    bare, measured = (x, y) if not x.unit else (y, x)
    return not bare.unit and measured.unit in CURRENCIES and bare.value >= 1e6


def _paired(
    k: int,
    kind: str,
    items_a: Sequence[tuple[Span, T]],
    items_b: Sequence[tuple[Span, T]],
    place: Anchors,
    sa: Side,
    sb: Side,
    fits: Callable[[T, T], bool] = lambda x, y: True,
    moved: bool = True,
    alike: Callable[[T, T], bool] = lambda x, y: False,
) -> list[Difference]:
    """Differences between items (none of them shared) that ``fits`` one of the other side's: one per
    gap where both sides have such items; or, where the rewrite moved it, the one item each side
    has that fits (a clause moved to the front of a sentence moves its date with it), unless not
    ``moved``. In a gap where some items are also ``alike`` (a company against a company), only
    those pair: the others were added beside them."""
    out = []
    # With no word in common the whole sentence is one gap, and anything would stand opposite anything.
    gaps = (
        sorted({place.gap(0, s[0]) for s, _ in items_a} & {place.gap(1, s[0]) for s, _ in items_b}) if place.a else []
    )
    for gap in gaps:
        here_a = [(s, x) for s, x in items_a if place.gap(0, s[0]) == gap]
        here_b = [(s, y) for s, y in items_b if place.gap(1, s[0]) == gap]
        pairs = [(sx, sy, alike(x, y)) for sx, x in here_a for sy, y in here_b if fits(x, y)]
        chosen = [p for p in pairs if p[2]] or pairs
        spans_a = tuple(sorted({sx for sx, _, _ in chosen}))
        spans_b = tuple(sorted({sy for _, sy, _ in chosen}))
        if spans_a and spans_b:
            out.append(Difference(k, kind, spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    fitting = [(sx, sy) for sx, x in items_a for sy, y in items_b if fits(x, y)]
    if moved and not out and len(fitting) == 1:
        (span_a, span_b) = fitting[0]
        out.append(Difference(k, kind, (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b])))
    return out


_COUNTED_WORDS = 4
# Words after a figure that do not say what it counts.
_NOT_COUNTED = {"the", "and", "had", "has", "have", "been", "was", "were", "are", "who", "that", "with", "for"}
_NOT_COUNTED |= {"from", "than", "more", "about", "people", "persons", "percent", "according"}


def _counted(text: str, figure: Figure) -> set[str]:
    """What a figure counts: its unit and the words right after it ("153 people had been injured" /
    "329 injured": both count the injured, not "632 people have been killed")."""
    following = re.split(r"\d", text[figure.span[1] : figure.span[1] + 60].lower())[0]  # up to the next figure
    after = re.findall(r"[a-z]+", following)[:_COUNTED_WORDS]
    words = {*after, *([] if figure.unit in MEASURES else figure.unit.lower().split())}
    return {w for w in words if len(w) > 2 and w not in _NOT_COUNTED}


_CONVERSION = re.compile(r"\s*\(\s*(?:about|some|around|nearly|roughly)?\s*")


def _same_measure(text_x: str, x: Figure, text_y: str, y: Figure) -> bool:
    """Whether two figures could be one quantity: counts (people, jobs), shares, money and magnitudes
    always; a distance or a span of time only where a word around it says the same of both ("a depth
    of 18.5 km" is not "72 km southwest of Marrakech"): two reports of one event give many distances."""
    if x.unit not in _DISTANCES_AND_SPANS and y.unit not in _DISTANCES_AND_SPANS:
        return True
    return bool(_context(text_x, x) & _context(text_y, y))


# Units a story gives many different figures in (a depth and a distance, a duration and a delay).
_DISTANCES_AND_SPANS = frozenset({"km", "m", "mile", "second", "minute", "hour", "day", "week", "month", "year"})


def _context(text: str, figure: Figure) -> set[str]:
    """What a figure counts or measures: the words right after it and the three before it."""
    before = re.split(r"\d", text[max(0, figure.span[0] - 40) : figure.span[0]].lower())[-1]
    words = re.findall(r"[a-z]+", before)[-3:]
    return _counted(text, figure) | {w for w in words if len(w) > 2 and w not in _NOT_COUNTED}


def _in_place(
    k: int,
    sa: Side,
    sb: Side,
    names: tuple[Sorted[Entity], Sorted[Entity]],
    place: Anchors,
    apart: bool = False,
) -> list[Difference]:
    """Facts of a reworded sentence pair that stand where the other side has another of their kind
    (the same gap between shared words): a changed figure, date or name. Facts the other side also
    states, in any place or form, are left out first; so is everything outside both sentences' gaps."""
    out: list[Difference] = []

    def figures(side: Side) -> list[Figure]:
        dates = [span for span, _ in _dates_of(side.analysis).inside(side.ranges)]
        found = [f for s, e in side.ranges for f in figures_in(side.text, s, e, dates)]
        # A conversion in brackets ("72 km (45 miles)") restates the figure before it, rounded its own
        # way: the figure carries the fact.
        return [
            f
            for n, f in enumerate(found)
            if not (
                n
                and f.unit in MEASURES
                and found[n - 1].unit in MEASURES
                and _CONVERSION.fullmatch(side.text[found[n - 1].span[1] : f.span[0]])
            )
        ]

    def values(side: Side) -> set[float]:
        """Every number the side gives, dates' numbers too ("for eleven years" may be read as a date)."""
        return {round(f.value, 6) for s, e in side.ranges for f in figures_in(side.text, s, e, [])}

    fa, fb = figures(sa), figures(sb)
    values_a, values_b = values(sa), values(sb)
    unshared_a = [f for f in fa if round(f.value, 6) not in values_b]
    unshared_b = [f for f in fb if round(f.value, 6) not in values_a]
    # Two figures that count the same thing, and nothing else on the other side does, are one count
    # changed wherever they stand ("153 people had been injured" / "632 killed and 329 injured").
    same_count = [
        (x, y)
        for x in unshared_a
        for y in unshared_b
        if _comparable(x, y) and _counted(sa.text, x) & _counted(sb.text, y)
    ]
    for x, y in same_count:
        if sum(p[0] is x for p in same_count) == sum(p[1] is y for p in same_count) == 1:
            out.append(Difference(k, "figure", (x.span,), (y.span,), sa.cut([x.span]), sb.cut([y.span])))
    counted = {f.span for d in out for f in (*unshared_a, *unshared_b) if f.span in d.a + d.b}
    out += _paired(
        k,
        "figure",
        [(f.span, f) for f in unshared_a if f.span not in counted],
        [(f.span, f) for f in unshared_b if f.span not in counted],
        place,
        sa,
        sb,
        lambda x, y: _comparable(x, y) and not (apart and not _same_measure(sa.text, x, sb.text, y)),
        # Between reports that share no wording, a lone figure each side in other places of the sentence
        # is two facts ("measuring 6.8" / "killing at least 296 people"), not one moved.
        moved=not apart,
    )
    da = [d for _, d in _dates_of(sa.analysis).inside(sa.ranges)]
    db = [d for _, d in _dates_of(sb.analysis).inside(sb.ranges)]
    keys_a, keys_b = {_date_key(d) for d in da}, {_date_key(d) for d in db}
    out += _paired(
        k,
        "date",
        [((d.start, d.end), d) for d in da if _date_key(d) not in keys_b and not _agree_coarser([d], db)],
        [((d.start, d.end), d) for d in db if _date_key(d) not in keys_a and not _agree_coarser([d], da)],
        place,
        sa,
        sb,
        lambda x, y: x.granularity == y.granularity and _words(x.text) != _words(y.text),
    )
    every_name = [
        [
            (span, e)
            for span, e in names[n].inside(side.ranges)
            if e.label in _ENTITY_KIND and name_like(side.text[span[0] : span[1]])
        ]
        for n, side in enumerate((sa, sb))
    ]
    # What each side names, wherever: a name the other side also gives is no change.
    written = [{side.text[s:e] for (s, e), _ in every_name[n]} for n, side in enumerate((sa, sb))]
    entity_names = [{e.name for _, e in every_name[n]} for n in (0, 1)]
    # A name the model tags as a person in one place and a place or body in another ("Porto", "Melnik")
    # has no reliable kind: it is not compared in place.
    typed = _name_families(sa.analysis), _name_families(sb.analysis)
    # Nor is a name the model cut short, whose next word is a capitalised one ("Secretary of State John"
    # before an untagged "Kerry"): it would pair with any name on the other side. A source a credit
    # names ("according to Reuters", "told the BBC") is the attribution's, read there; a speaker
    # ("Quarrix said") is also the one the statement is about.
    credits = [
        [
            span
            for s, e in side.ranges
            for span, _, speaker in attributions(side.text, s, e, people_spans(side.analysis))
            if not speaker
        ]
        for side in (sa, sb)
    ]
    named = [
        [
            (span, e)
            for span, e in found
            if not is_nationality(side.text[span[0] : span[1]])  # rewrites reword "China's" as "Chinese" freely
            and len(typed[0].get(e.name, set()) | typed[1].get(e.name, set())) < 2
            and not _CUT_SHORT.match(side.text, span[1])
            and not any(_overlaps(span, credit) for credit in side_credits)
            and not _common_word(side.text[span[0] : span[1]], sa.analysis, sb.analysis)
        ]
        for found, side, side_credits in zip(every_name, (sa, sb), credits, strict=True)
    ]

    def unshared(n: int) -> list[tuple[Span, Entity]]:
        text = (sa, sb)[n].text
        return [
            (span, e)
            for span, e in named[n]
            if e.name not in entity_names[1 - n]
            and not any(same_referent(text[span[0] : span[1]], other, e.label == "PERSON") for other in written[1 - n])
        ]

    # Not in a title-case headline, where the model takes capitalised words for names.
    if any(_title_case(side.text, r) for side in (sa, sb) for r in side.ranges):
        return out

    # A name moved elsewhere in the sentence counts only where each side names as many people (or
    # places and bodies) as the other: one put in another's place keeps the count; a count that differs
    # means detail added or left out.
    def count(n: int, people: bool) -> int:
        text = (sa, sb)[n].text
        return len(
            {
                e.name
                for (start, end), e in every_name[n]
                if (e.label == "PERSON") == people and not is_nationality(text[start:end])
            }
        )

    for people in (True, False):
        out += [
            replace(d, kind="person" if people else _place_kind(d, named, sa.analysis, sb.analysis))
            for d in _paired(
                k,
                "name",
                [(span, e) for span, e in unshared(0) if (e.label == "PERSON") == people],
                [(span, e) for span, e in unshared(1) if (e.label == "PERSON") == people],
                place,
                sa,
                sb,
                moved=count(0, people) == count(1, people),
                alike=lambda x, y: x.label == y.label,
            )
        ]
    out += _displaced(k, sa, sb, named, every_name, unshared, place, {span for d in out for span in d.a + d.b})
    # A person where the other side has a place or a body, the only name each side has between the same
    # two anchors ("his debut against Valencia on 27 August" / "against Kenji Watanabe on 27 August"):
    # the small model's types are least sure here, and the name in that place changed all the same.
    used = {span for d in out for span in d.a + d.b}
    lone = [[(span, e) for span, e in unshared(n) if span not in used] for n in (0, 1)]
    for gap in range(1, len(place.a)):
        here_a = [(span, e) for span, e in lone[0] if place.gap(0, span[0]) == gap]
        here_b = [(span, e) for span, e in lone[1] if place.gap(1, span[0]) == gap]
        if len(here_a) == len(here_b) == 1 and (here_a[0][1].label == "PERSON") != (here_b[0][1].label == "PERSON"):
            spans_a, spans_b = (here_a[0][0],), (here_b[0][0],)
            d = Difference(k, "name", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
            out.append(replace(d, kind=_place_kind(d, named, sa.analysis, sb.analysis)))
    # Two names neither side shares, between the same two words ("he visited Belarus and" / "Putin
    # visited Marseille and"): one put in the other's place, whatever the model typed them as and
    # wherever the anchors fell.
    used = {span for d in out for span in d.a + d.b}
    lone = [[(span, e) for span, e in unshared(n) if span not in used] for n in (0, 1)]
    slotted = [
        (span_a, span_b)
        for span_a, _ in lone[0]
        for span_b, _ in lone[1]
        if _same_slot(sa.text, span_a, sb.text, span_b, both=True)
    ]
    taken_a, taken_b = [x for x, _ in slotted], [y for _, y in slotted]
    for span_a, span_b in slotted:
        if taken_a.count(span_a) == taken_b.count(span_b) == 1:
            d = Difference(k, "name", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b]))
            out.append(replace(d, kind=_place_kind(d, named, sa.analysis, sb.analysis)))
    return out


def _displaced(
    k: int,
    sa: Side,
    sb: Side,
    named: list[list[tuple[Span, Entity]]],
    every_name: list[list[tuple[Span, Entity]]],
    unshared: Callable[[int], list[tuple[Span, Entity]]],
    place: Anchors,
    used: set[Span],
) -> list[Difference]:
    """A name one side gives between two anchors where the other gives a name of its kind it never
    writes, while the first name stands elsewhere on the other side ("Wang Yi is in Russia for
    security talks" / "Wang Yi is in Vietnam for security talks. ... Russia's war"): the name in that
    place changed, though the other side still names the first, or its people ("Russian"), elsewhere.
    Between anchors only, one name a side in that gap, of one kind, with the same word beside both."""
    out: list[Difference] = []
    sides = (sa, sb)
    for n in (0, 1):
        other = 1 - n
        new_names = [(span, e) for span, e in unshared(other) if span not in used]
        for span_y, y in named[n]:
            if span_y in used or not place.interior(n, span_y[0]):
                continue
            gap = place.gap(n, span_y[0])
            text_y = sides[n].text[span_y[0] : span_y[1]]
            people = y.label == "PERSON"
            equals = [
                span
                for span, e in every_name[other]
                if e.name == y.name or same_referent(sides[other].text[span[0] : span[1]], text_y, people)
            ]
            if not equals or any(place.gap(other, s[0]) == gap for s in equals):
                continue  # not written on the other side (unshared: read above), or written in this place
            here_y = [s for s, e in named[n] if place.gap(n, s[0]) == gap and (e.label == "PERSON") == people]
            here_x = [s for s, e in new_names if place.gap(other, s[0]) == gap and (e.label == "PERSON") == people]
            if len(here_y) != 1 or len(here_x) != 1:
                continue
            if not _same_slot(sides[n].text, span_y, sides[other].text, here_x[0]):
                continue
            spans = ((span_y,), (here_x[0],)) if n == 0 else ((here_x[0],), (span_y,))
            d = Difference(k, "name", spans[0], spans[1], sa.cut(spans[0]), sb.cut(spans[1]))
            out.append(replace(d, kind="person" if people else _place_kind(d, named, sa.analysis, sb.analysis)))
            used |= {span_y, here_x[0]}
    return out


_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"^\W*(\w+)")


def _same_slot(text_y: str, span_y: Span, text_x: str, span_x: Span, both: bool = False) -> bool:
    """Whether two names fill the same slot: the word just before them, or just after, is the same
    ("is in Russia for" / "is in Vietnam to"); with ``both``, the words before and after."""

    def before(text: str, span: Span) -> str:
        found = _WORD_BEFORE.search(text, max(0, span[0] - 40), span[0])
        return found.group(1).lower() if found else ""

    def after(text: str, span: Span) -> str:
        found = _WORD_AFTER.match(text[span[1] : span[1] + 40])
        return found.group(1).lower() if found else ""

    word_before, word_after = before(text_y, span_y), after(text_y, span_y)
    same_before = bool(word_before) and word_before == before(text_x, span_x)
    same_after = bool(word_after) and word_after == after(text_x, span_x)
    return same_before and same_after if both else same_before or same_after


# Hedges that distance the outlet from what it reports. Rewrites trade modal verbs ("may", "could",
# "likely") freely when they reword; these they add or drop only to change how sure a claim sounds.
_DISTANCING = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|unconfirmed|rumou?red|"
    r"(?:is|are|was|were) (?:said|believed|thought|understood) to)\b",
    re.I,
)


# Verbs that cast doubt on what is reported or make it a confession. Others that are not neutral
# ("denied the charges", "warned", "revealed") report what was said, so rewording them is no change.
_DOUBTING = {"claim", "alleg", "allege", "insist", "admitt", "admit", "conced", "concede", "assert"}


def _framing_in_place(k: int, sa: Side, sb: Side) -> list[Difference]:
    """Framing in reworded sentences: a distancing hedge ("reportedly") on one side only; a verb that
    judges ("claimed", "admitted") where the other side's verb only reports ("said")."""
    out = []
    hedges = [
        [m for s, e in side.ranges for m in _offset_iter(_DISTANCING, side.text, s, e) if not _quoted(m, side)]
        for side in (sa, sb)
    ]
    verbs = [[m for s, e in side.ranges for m in _offset_iter(SPEECH_VERB, side.text, s, e)] for side in (sa, sb)]
    for n in (0, 1):
        mine: tuple[Span, ...] = ()
        theirs: tuple[Span, ...] = ()
        if hedges[n] and not hedges[1 - n]:
            mine = tuple(h.span() for h in hedges[n])
        stems = {_stem(v.group().lower()) for v in verbs[1 - n]}
        judged = [
            v for v in verbs[n] if _stem(v.group().lower()) in _DOUBTING and _stem(v.group().lower()) not in stems
        ]
        reporting = [v for v in verbs[1 - n] if v.group().lower() in NEUTRAL_VERBS]
        if judged and reporting:
            mine += tuple(v.span() for v in judged)
            theirs = tuple(v.span() for v in reporting)
        if mine:
            spans_a, spans_b = (mine, theirs) if n == 0 else (theirs, mine)
            out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _place_kind(difference: Difference, named: list[list[tuple[Span, Entity]]], *analyses: Analysis) -> str:
    """The kind of a name difference, from the labels of the names it holds (:func:`_kind_of`); a
    country's name is a place whatever the small model typed it as ("Belarus" / "Marseille" as a person)."""
    kinds = [_ENTITY_KIND[e.label] for span, e in named[0] + named[1] if span in difference.a + difference.b]
    if any(_national_arm(text, *analyses) for text in (difference.a_text, difference.b_text)):
        return "organisation"
    if len(set(kinds)) > 1 and any(is_country(text) for text in (difference.a_text, difference.b_text)):
        return "place"
    return _kind_of(kinds)


_REGION_WORDS = {"new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def _national_arm(name: str, *analyses: Analysis) -> bool:
    """A body's name followed by a country's ("Kaufland Romania" where "Kaufland" is an organisation,
    or the whole is one somewhere in either article): a company's or an agency's national arm, which
    the small model may type as a place or a person ("Imperial Germany" is none: no body is named)."""
    words = name.split()
    if len(words) < 2 or is_country(name) or words[0].lower() in _REGION_WORDS or not is_country(words[-1]):
        return False
    body = " ".join(words[:-1])
    return any(m.label == "ORG" and m.text in (body, name) for a in analyses for m in a.mentions)


def _kind_of(kinds: list[str]) -> str:
    """One kind for the names of a difference, the same whichever side is A: a place on either side
    wins over an organisation (the small model often types a place as one); else the commonest kind,
    ties broken person, place, organisation."""
    if "place" in kinds and "organisation" in kinds and "person" not in kinds:
        return "place"
    order = ("organisation", "place", "person")  # ties go to the later
    return max(order, key=lambda kind: (kinds.count(kind), order.index(kind)))


def _common_word(written: str, *analyses: Analysis) -> bool:
    """A capitalised word that either article also writes in lower case ("Software maker Quarrix" /
    "the software firm"): the model took a sentence's first word for a name."""
    return " " not in written and any(written.lower() in _lower_case_words(a) for a in analyses)


@per_analysis
def _lower_case_words(analysis: Analysis) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z]\w*", analysis.article.text))


_CUT_SHORT = re.compile(r"[ \t]?[A-Z][a-z]")


@per_analysis
def _name_families(analysis: Analysis) -> dict[str, set[str]]:
    """Each tagged name's families as the model typed its mentions: person, or place-or-organisation."""
    families: dict[str, set[str]] = {}
    for mention in analysis.mentions:
        if mention.label in _ENTITY_KIND:
            family = "person" if mention.label == "PERSON" else "place-or-organisation"
            families.setdefault(mention.text, set()).add(family)
    return families


def _same_names(names_a: set[str], names_b: set[str], people: bool) -> bool:
    """Every name on each side has a form of itself on the other (both sides name something)."""
    return (
        bool(names_a and names_b)
        and all(any(same_referent(x, y, people) for y in names_b) for x in names_a)
        and all(any(same_referent(y, x, people) for x in names_a) for y in names_b)
    )


def _title_case(text: str, sentence: Span) -> bool:
    return is_title_case(text[sentence[0] : sentence[1]])


def _trusted(named: list[tuple[Span, Entity]], region: Span, text: str, headline: bool) -> list[tuple[Span, Entity]]:
    """The names in a changed run of words that are names. In a headline the model takes capitalised
    words for names ("Israel Carrying Out"); there a name counts only where the changed words hold all of it."""
    kept = [(span, e) for span, e in named if name_like(text[span[0] : span[1]])]
    if headline:
        kept = [(span, e) for span, e in kept if region[0] <= span[0] and span[1] <= region[1]]
    return kept


def _capitalised(text: str, region: Span) -> list[Span]:
    piece = text[region[0] : region[1]]
    return [region] if re.search(r"\b[A-Z][a-z]", piece) else []


def _sentence_figures(side: Side, region: Span) -> list[Figure]:
    sentence = next(((s, e) for s, e in side.ranges if s <= region[0] <= e), side.ranges[0])
    dates = [span for span, _ in _dates_of(side.analysis).inside([sentence])]
    return figures_in(side.text, sentence[0], sentence[1], dates)


def _names_by_span(entities: Sequence[Entity]) -> tuple[Sorted[Entity], Sorted[Entity]]:
    """Each mention's span with its merged entity, per article, sorted (built once per comparison)."""
    mentions: tuple[list[tuple[Span, Entity]], list[tuple[Span, Entity]]] = ([], [])
    for e in entities:
        for m in e.mentions:
            if m.doc in (0, 1):
                mentions[m.doc].append(((m.start, m.end), e))
    return Sorted.of(mentions[0]), Sorted.of(mentions[1])


def match_differences(
    k: int,
    match: Match,
    a: Analysis,
    b: Analysis,
    entities: Sequence[Entity],
    names: tuple[Sorted[Entity], Sorted[Entity]] | None = None,
    derived: bool = False,
) -> list[Difference]:
    """Every difference inside match ``k``.

    Figures, dates and names: near-copied sentence pairs are read word by word (the changed words
    are the difference); the reworded sentences of the match are read as one text a side, a fact
    against a fact of its kind standing in the same place (:mod:`parallax.anchors`). Attribution is
    read over the whole match of any kind; quotations and framing over the whole of a close match,
    and a partial one's framing in its reworded sentences only, where the statement is shared. A
    partial match between reports that do not share wording (not ``derived``) is read for figures and
    dates only: there another name, credit or hedge is each outlet's own way of telling.
    """
    sa, sb = side_of(a, 0, match.a), side_of(b, 1, match.b)
    # Two statements on one topic by reports that do not share wording: a figure or a date that differs
    # is a conflict an editor checks; another name, credit or hedge is each outlet's own detail (19 real
    # reports of two stories, README: 0.32 differences per match, nearly all of that kind).
    apart = match.kind == "partial" and not derived
    names = names if names is not None else _names_by_span(entities)
    found: list[Difference] = []
    pairs = _sentence_pairs(match, a, b)
    for i, j, similarity in pairs:
        if similarity < NEAR_COPY:
            continue
        pa, pb = side_of(a, 0, (i,)), side_of(b, 1, (j,))
        for region_a, region_b in _regions(a.article.text, pa.ranges[0], b.article.text, pb.ranges[0]):
            difference = _region_difference(k, region_a, region_b, pa, pb, names)
            if difference is not None:
                found.append(difference)
        # A copy that also reorders a clause ("said Carlos Huamán, the mayor of Chivay" / "Kenya mayor
        # Carlos Huamán said") sets its words against the wrong ones: its names are read in place too,
        # where neither name has a word in the other sentence ("FIFA World Cup" / "World Cup" is one).
        sentence_a, sentence_b = pa.text[slice(*pa.ranges[0])], pb.text[slice(*pb.ranges[0])]
        own_a = any(not _words_in(pa.text[slice(*span)], sentence_b) for span, _ in names[0].inside(pa.ranges))
        own_b = any(not _words_in(pb.text[slice(*span)], sentence_a) for span, _ in names[1].inside(pb.ranges))
        if not (own_a and own_b):
            continue  # a name each side that the other sentence does not write: none, so no change of name
        place = anchors([a.sentences[i]], [b.sentences[j]])
        found += [
            d
            for d in _in_place(k, pa, pb, names, place)
            if d.kind in _NAME_KINDS
            and not any(set(d.a) & set(f.a) or set(d.b) & set(f.b) for f in found)
            and not _words_in(d.a_text, sentence_b)
            and not _words_in(d.b_text, sentence_a)
        ]
    # Reworded sentences, read as one text a side (a sentence split in two keeps its order).
    reworded_a = sorted({i for i, _, similarity in pairs if similarity < NEAR_COPY})
    reworded_b = sorted({j for _, j, similarity in pairs if similarity < NEAR_COPY})
    if reworded_a and reworded_b:
        ra, rb = side_of(a, 0, reworded_a), side_of(b, 1, reworded_b)
        place = anchors([a.sentences[i] for i in reworded_a], [b.sentences[j] for j in reworded_b])
        found += [
            d
            for d in _in_place(k, ra, rb, names, place, apart)
            if not any(d.kind == f.kind and (set(d.a) & set(f.a) or set(d.b) & set(f.b)) for f in found)
            and not (apart and d.kind in _NAME_KINDS)
        ]
        if match.kind == "partial" and not apart:
            found += _framing_in_place(k, ra, rb)
    # A credit one side gives and the other drops is the mark of uncredited reuse, in a partial match
    # as much as in a close one, where one takes its wording from the other.
    if not apart:
        found += attribution_differences(k, sa, sb)
    if match.kind != "partial":
        found += [*_quotation_diffs(k, sa, sb), *_framing_diffs(k, sa, sb)]
    unique: dict[tuple[str, tuple[Span, ...], tuple[Span, ...]], Difference] = {}
    for difference in found:
        unique.setdefault((difference.kind, difference.a, difference.b), difference)
    return list(unique.values())


def find_differences(
    a: Analysis, b: Analysis, matches: Sequence[Match], entities: Sequence[Entity], derived: bool = False
) -> tuple[Difference, ...]:
    """The differences of every match, in match order. ``derived``: one article takes its wording from
    the other (reuse at the threshold); between reports that do not, a partial match (two statements
    on one topic) is read for changed figures and dates only."""
    # The outlets themselves ("Sputnik is live as ...", "/TASS/") are the reports' bylines, not facts.
    outlets = outlet_names((a, b))
    names = _names_by_span([e for e in entities if e.name.lower() not in outlets])  # once per comparison
    return tuple(
        d for k, match in enumerate(matches) for d in match_differences(k, match, a, b, entities, names, derived)
    )
