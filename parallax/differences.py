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
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .anchors import anchors
from .credits import attribution_differences
from .entities import outlet_names
from .facts import (
    ENTITY_KIND,
    agree_coarser,
    capitalised_spans,
    date_key,
    dates_of,
    kind_of,
    national_arm,
    overlaps,
    same_names,
    sentence_figures,
    title_case_sentence,
    trusted_names,
    writes_word,
)
from .figures import Figure, bound_kept, figure_differences
from .framing import framing_differences, framing_in_place
from .misquotes import quotation_differences
from .model import Analysis, Difference, Entity, Match, Span
from .reworded import reworded_differences
from .sides import Side, Sorted, side_of

_NAME_KINDS = ("person", "place", "organisation")


def _words_in(name: str, sentence: str) -> bool:
    """Whether any capitalised word of a name is written in the sentence."""
    return any(writes_word(sentence, w) for w in re.findall(r"\b[A-Z][\w’'-]*", name))


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


def _region_difference(
    k: int, region_a: Span, region_b: Span, sa: Side, sb: Side, names: tuple[Sorted[Entity], Sorted[Entity]]
) -> Difference | None:
    """What a run of changed words changed: a date, a figure or a name (or only wording: None)."""
    dates_a = [d for _, d in dates_of(sa.analysis).overlapping(region_a)]
    dates_b = [d for _, d in dates_of(sb.analysis).overlapping(region_b)]
    if dates_a and dates_b:
        if {date_key(d) for d in dates_a} == {date_key(d) for d in dates_b}:
            return None  # "on Monday" / "on 18 September": the same day
        # A date the other side gives elsewhere in the match is no change ("on September 18-21" /
        # "until September 21 ... between September 18 and 21": the range and its end).
        all_a = [d for _, d in dates_of(sa.analysis).inside(sa.ranges)]
        all_b = [d for _, d in dates_of(sb.analysis).inside(sb.ranges)]
        if agree_coarser(dates_a, all_b) or agree_coarser(dates_b, all_a):
            return None
        spans_a = tuple((d.start, d.end) for d in dates_a)
        spans_b = tuple((d.start, d.end) for d in dates_b)
        return Difference(k, "date", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    figures_a = [f for f in sentence_figures(sa, region_a) if overlaps(f.span, region_a)]
    figures_b = [f for f in sentence_figures(sb, region_b) if overlaps(f.span, region_b)]
    if figures_a and figures_b:
        # A bound the other side's figure keeps ("$95 million" / "up to $100 million") is no change.
        figures_a, figures_b = (
            [f for f in figures_a if not any(_kept(sa.text, f, sb.text, g) for g in figures_b)],
            [g for g in figures_b if not any(_kept(sa.text, f, sb.text, g) for f in figures_a)],
        )
        changed = figure_differences(figures_a, figures_b)
        if not changed:
            return None  # "two" / "2": the same value
        spans_a = tuple(f.span for group, _ in changed for f in group)
        spans_b = tuple(f.span for _, group in changed for f in group)
        return Difference(k, "figure", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    headline_a, headline_b = title_case_sentence(sa.text, sa.ranges[0]), title_case_sentence(sb.text, sb.ranges[0])
    named_a = trusted_names(names[0].overlapping(region_a), region_a, sa.text, headline_a)
    named_b = trusted_names(names[1].overlapping(region_b), region_b, sb.text, headline_b)
    if named_a or named_b:
        # A name where the other side has a capitalised word the model did not tag is still a name
        # (in a headline, where every word is capitalised, only in place of a name the model found whole).
        other_a = named_a or (capitalised_spans(sa.text, region_a) if named_b or not headline_a else [])
        other_b = named_b or (capitalised_spans(sb.text, region_b) if named_a or not headline_b else [])
        if not other_a or not other_b:
            return None
        if {e.name for _, e in named_a} == {e.name for _, e in named_b}:
            return None  # a spelling the entity stage joins ("Putin" / "President Putin")
        # Or another form of the same name, as written ("GE" / "General Electric", "Syrian" / "Syria").
        written_a = {sa.text[s:e] for (s, e), _ in named_a} or {sa.text[region_a[0] : region_a[1]]}
        written_b = {sb.text[s:e] for (s, e), _ in named_b} or {sb.text[region_b[0] : region_b[1]]}
        people = all(e.label == "PERSON" for _, e in named_a + named_b)
        if same_names(written_a, written_b, people):
            return None
        kinds = [ENTITY_KIND[e.label] for _, e in named_a + named_b if e.label in ENTITY_KIND]
        if not kinds:
            return None
        arm = any(national_arm(t, sa.analysis, sb.analysis) for t in written_a | written_b)
        kind = "organisation" if arm else kind_of(kinds)
        spans_a = tuple(span for span, _ in named_a) or (region_a,)
        spans_b = tuple(span for span, _ in named_b) or (region_b,)
        return Difference(k, kind, spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
    return None


def _kept(text_a: str, fa: Figure, text_b: str, fb: Figure) -> bool:
    """Whether one of two figures of one unit is a bound the other keeps, either way round."""
    return (fa.unit == fb.unit or not fa.unit or not fb.unit) and bound_kept(text_a, fa, text_b, fb)


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
            for d in reworded_differences(k, pa, pb, names, place)
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
            for d in reworded_differences(k, ra, rb, names, place, apart, len(match.a) == len(match.b) == 1)
            if not any(d.kind == f.kind and (set(d.a) & set(f.a) or set(d.b) & set(f.b)) for f in found)
            and not (apart and d.kind in _NAME_KINDS)
        ]
        if match.kind == "partial" and not apart:
            found += framing_in_place(k, ra, rb)
    # A credit one side gives and the other drops is the mark of uncredited reuse, in a partial match
    # as much as in a close one, where one takes its wording from the other.
    if not apart:
        found += attribution_differences(k, sa, sb)
    if match.kind != "partial":
        found += [*quotation_differences(k, sa, sb, derived), *framing_differences(k, sa, sb)]
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
