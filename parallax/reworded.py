"""Stage 8, reworded sentences: a fact put in another's place.

Two reworded sentences keep some words in common (:mod:`parallax.anchors`); the gaps between those
words line up. A figure, date or name standing in a gap where the other side has another of its
kind is a changed fact (a figure pairs by unit, or by what it counts wherever it stands; a date by
granularity; a name by kind). Facts the other side also states, in any place or form, are left
out first: a detail one side adds is an addition, not a change. Pure functions over a match's sides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from .anchors import Anchors
from .capitals import is_country
from .credits import attributions, people_spans
from .facts import (
    ENTITY_KIND,
    agree_coarser,
    common_word,
    cut_short,
    date_key,
    dates_of,
    kind_as_written,
    name_families,
    overlaps,
    place_kind,
    plain_words,
    title_case_sentence,
    writes_word,
)
from .figures import (
    CURRENCIES,
    MEASURES,
    TIME_OF_DAY,
    TIME_OF_DAY_UTC,
    Figure,
    bound_kept,
    figures_in,
    rounded_time,
)
from .model import Difference, Entity, Span
from .name_variants import is_nationality, name_like, same_referent
from .sides import Side, Sorted

T = TypeVar("T")


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
    """Whether two figures of two reports that share no wording could be one quantity: two counts
    always ("about 1,200 jobs" / "roughly 1,500 workers"); a distance, a span of time or a reading that
    is no whole number only where a word around them says the same of both. One event gives many of
    those: "a depth of 18.5 km" is not "72 km southwest of Marrakech", nor "an earthquake measuring 6.8"
    "killing at least 296 people" (real stories: 30 -> 29 differences in 297 matches)."""
    if x.unit not in _DISTANCES_AND_SPANS and y.unit not in _DISTANCES_AND_SPANS and _whole(x) and _whole(y):
        return True
    return bool(_context(text_x, x) & _context(text_y, y))


def _whole(figure: Figure) -> bool:
    return float(figure.value).is_integer()


# Units a story gives many different figures in (a depth and a distance, a duration and a delay).
_DISTANCES_AND_SPANS = frozenset(
    {"km", "m", "mile", "second", "minute", "hour", "day", "week", "month", "year", TIME_OF_DAY, TIME_OF_DAY_UTC}
)


def _context(text: str, figure: Figure) -> set[str]:
    """What a figure counts or measures: the words right after it and the three before it."""
    before = re.split(r"\d", text[max(0, figure.span[0] - 40) : figure.span[0]].lower())[-1]
    words = re.findall(r"[a-z]+", before)[-3:]
    return _counted(text, figure) | {w for w in words if len(w) > 2 and w not in _NOT_COUNTED}


def reworded_differences(
    k: int,
    sa: Side,
    sb: Side,
    names: tuple[Sorted[Entity], Sorted[Entity]],
    place: Anchors,
    apart: bool = False,
    single: bool = False,
) -> list[Difference]:
    """Facts of a reworded sentence pair that stand where the other side has another of their kind
    (the same gap between shared words): a changed figure, date or name. Facts the other side also
    states, in any place or form, are left out first; so is everything outside both sentences' gaps.
    ``single``: the pair is a whole match of one sentence a side (see :func:`_unheard_of`)."""
    out = _figure_differences(k, sa, sb, place, apart)
    out += _date_differences(k, sa, sb, place)
    return out + _name_differences(k, sa, sb, names, place, {span for d in out for span in d.a + d.b}, single)


def _given(figure: Figure, text: str, others: Sequence[Figure], other_text: str, other_values: set[float]) -> bool:
    """Whether the other side gives ``figure`` in some form (see :func:`_figure_differences`)."""
    return (
        round(figure.value, 6) in other_values
        or rounded_time(figure, others)
        or any(_comparable(figure, g) and bound_kept(text, figure, other_text, g) for g in others)
    )


def _figure_differences(k: int, sa: Side, sb: Side, place: Anchors, apart: bool) -> list[Difference]:
    """Figures of a reworded pair: one count changed wherever it stands, or one figure put in another's place."""
    out: list[Difference] = []

    def figures(side: Side) -> list[Figure]:
        dates = [span for span, _ in dates_of(side.analysis).inside(side.ranges)]
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
    # A figure the other side gives in any form is no change: the value, a bound it keeps ("more than
    # 60 people" / "61 of them"), or the same hour ("shortly after 11pm" / "at 11:11 p.m.").
    unshared_a = [f for f in fa if not _given(f, sa.text, fb, sb.text, values_b)]
    unshared_b = [f for f in fb if not _given(f, sb.text, fa, sa.text, values_a)]
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
    return out


def _date_differences(k: int, sa: Side, sb: Side, place: Anchors) -> list[Difference]:
    """Dates of a reworded pair: one put in the place of another of its granularity."""
    da = [d for _, d in dates_of(sa.analysis).inside(sa.ranges)]
    db = [d for _, d in dates_of(sb.analysis).inside(sb.ranges)]
    keys_a, keys_b = {date_key(d) for d in da}, {date_key(d) for d in db}
    return _paired(
        k,
        "date",
        [((d.start, d.end), d) for d in da if date_key(d) not in keys_b and not agree_coarser([d], db)],
        [((d.start, d.end), d) for d in db if date_key(d) not in keys_a and not agree_coarser([d], da)],
        place,
        sa,
        sb,
        lambda x, y: x.granularity == y.granularity and plain_words(x.text) != plain_words(y.text),
    )


def _name_differences(
    k: int,
    sa: Side,
    sb: Side,
    names: tuple[Sorted[Entity], Sorted[Entity]],
    place: Anchors,
    taken: set[Span],
    single: bool = False,
) -> list[Difference]:
    """Names of a reworded pair put in another's place (``taken``: spans already read as figures or dates)."""
    out: list[Difference] = []
    every_name = [
        [
            (span, e)
            for span, e in names[n].inside(side.ranges)
            if e.label in ENTITY_KIND and name_like(side.text[span[0] : span[1]])
        ]
        for n, side in enumerate((sa, sb))
    ]
    # What each side names, wherever: a name the other side also gives is no change.
    written = [{side.text[s:e] for (s, e), _ in every_name[n]} for n, side in enumerate((sa, sb))]
    entity_names = [{e.name for _, e in every_name[n]} for n in (0, 1)]
    # A name the model tags as a person in one place and a place or body in another ("Porto", "Melnik")
    # has no reliable kind: it is not compared in place.
    typed = name_families(sa.analysis), name_families(sb.analysis)
    # Nor is a name the model cut short, whose next word is a capitalised one ("Secretary of State John"
    # before an untagged "Kerry"): it would pair with any name on the other side. A source a credit
    # names ("according to Reuters", "told the BBC") is the attribution's, read there; a speaker
    # ("Quarrix said") or a person credited ("according to governor Elena Marsh") is also the one the
    # statement is about, so a person put in their place is a person changed.
    persons = people_spans(sa.analysis), people_spans(sb.analysis)
    credits = [
        [
            span
            for s, e in side.ranges
            for span, _, speaker in attributions(side.text, s, e, side_people)
            if not speaker and not any(overlaps(span, person) for person in side_people)
        ]
        for side, side_people in zip((sa, sb), persons, strict=True)
    ]
    named = [
        [
            (span, e)
            for span, e in found
            if not is_nationality(side.text[span[0] : span[1]])  # rewrites reword "China's" as "Chinese" freely
            and len(typed[0].get(e.name, set()) | typed[1].get(e.name, set())) < 2
            and not cut_short(side.text, span[1])
            and not any(overlaps(span, credit) for credit in side_credits)
            and not common_word(side.text[span[0] : span[1]], sa.analysis, sb.analysis)
        ]
        for found, side, side_credits in zip(every_name, (sa, sb), credits, strict=True)
    ]

    # The other side's words: a name it writes, tagged or not, is no change ("Dunnes Stores and SuperValu"
    # on both sides, the model tagging one of the two on each).
    other_words = [" ".join(side.text[s:e] for s, e in side.ranges) for side in (sb, sa)]

    def unshared_on(n: int) -> list[tuple[Span, Entity]]:
        text = (sa, sb)[n].text
        return [
            (span, e)
            for span, e in named[n]
            if e.name not in entity_names[1 - n]
            and not any(same_referent(text[span[0] : span[1]], other, e.label == "PERSON") for other in written[1 - n])
            and not writes_word(other_words[n], text[span[0] : span[1]])
            # A person the other side calls by the surname alone, untagged ("Narendra Modi" / "India's Modi").
            and not (e.label == "PERSON" and _surname_written(text, span, other_words[n]))
        ]

    # Not in a title-case headline, where the model takes capitalised words for names.
    if any(title_case_sentence(side.text, r) for side in (sa, sb) for r in side.ranges):
        return out
    unshared = (unshared_on(0), unshared_on(1))  # read by every pass below

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

    # Two names neither side shares, between the same two words ("he visited Belarus and" / "Putin
    # visited Marseille and"): one put in the other's place, whatever the model typed them as and
    # wherever the anchors fell. Read first, as the surest evidence; a capitalised word the model did
    # not tag counts there too, opposite a tagged name ("and the Ukraine conflict" / "and the Chile
    # conflict": the small model tags neither "Chile" nor "Lagos" in that place).
    untagged = [_untagged_names(side, every_name[n], (sa, sb)[1 - n]) for n, side in enumerate((sa, sb))]
    tagged = [[span for span, _ in unshared[n]] for n in (0, 1)]
    slotted = [
        (span_a, span_b)
        for span_a in tagged[0] + untagged[0]
        for span_b in tagged[1] + untagged[1]
        if (span_a in tagged[0] or span_b in tagged[1]) and _same_slot(sa.text, span_a, sb.text, span_b, both=True)
    ]
    taken_a, taken_b = [x for x, _ in slotted], [y for _, y in slotted]
    for span_a, span_b in slotted:
        if taken_a.count(span_a) == taken_b.count(span_b) == 1:
            d = Difference(k, "name", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b]))
            out.append(replace(d, kind=place_kind(d, named, sa.analysis, sb.analysis)))
    slot_used = taken | {span for d in out for span in d.a + d.b}

    for people in (True, False):
        out += [
            replace(d, kind="person" if people else place_kind(d, named, sa.analysis, sb.analysis))
            for d in _paired(
                k,
                "name",
                [(span, e) for span, e in unshared[0] if (e.label == "PERSON") == people and span not in slot_used],
                [(span, e) for span, e in unshared[1] if (e.label == "PERSON") == people and span not in slot_used],
                place,
                sa,
                sb,
                moved=count(0, people) == count(1, people),
                alike=lambda x, y: x.label == y.label,
            )
        ]
    out += _displaced(k, sa, sb, named, every_name, unshared, place, taken | {span for d in out for span in d.a + d.b})
    # A person where the other side has a place or a body, the only name each side has between the same
    # two anchors ("his debut against Valencia on 27 August" / "against Kenji Watanabe on 27 August"):
    # the small model's types are least sure here, and the name in that place changed all the same. Before
    # the first anchor too: the subject's place ("Researchers at the University of Leiden followed 41,000" /
    # "The team from Unicef tracked more than 41,000", the model typing "Unicef" as a person).
    used = taken | {span for d in out for span in d.a + d.b}
    lone = [[(span, e) for span, e in unshared[n] if span not in used] for n in (0, 1)]
    for gap in range(len(place.a)):
        here_a = [(span, e) for span, e in lone[0] if place.gap(0, span[0]) == gap]
        here_b = [(span, e) for span, e in lone[1] if place.gap(1, span[0]) == gap]
        if len(here_a) == len(here_b) == 1 and (here_a[0][1].label == "PERSON") != (here_b[0][1].label == "PERSON"):
            spans_a, spans_b = (here_a[0][0],), (here_b[0][0],)
            d = Difference(k, "name", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
            out.append(replace(d, kind=place_kind(d, named, sa.analysis, sb.analysis)))
    if single:
        out += _unheard_of(k, sa, sb, named, unshared, taken | {span for d in out for span in d.a + d.b})
    return out


def _unheard_of(
    k: int,
    sa: Side,
    sb: Side,
    named: list[list[tuple[Span, Entity]]],
    unshared: Sequence[list[tuple[Span, Entity]]],
    used: set[Span],
) -> list[Difference]:
    """A name one sentence gives that the other article never mentions, in any spelling, where the other
    sentence names something of that kind this one does not: the name put in their place, wherever it
    stands ("Parents in Vietnam are being urged to check" / "baby food sold in Ireland and Northern
    Ireland"). Only where the match is these two sentences alone, and only for a name alone of its kind
    (:func:`parallax.facts.kind_as_written`) among its side's unheard-of names, with none of its kind
    unheard of on the other side: the other side's names are the story's (the rewrite says "Ireland"
    elsewhere), and two new names of one kind are each side's own detail."""
    out: list[Difference] = []
    sides, analyses = (sa, sb), (sa.analysis, sb.analysis)
    for people in (True, False):
        left = [[(s, e) for s, e in unshared[n] if (e.label == "PERSON") == people and s not in used] for n in (0, 1)]
        unheard = [
            [
                s
                for s, e in left[n]
                if all(m.doc == n for m in e.mentions) and not writes_word(sides[1 - n].text, e.name)
            ]
            for n in (0, 1)
        ]
        kinds = [[kind_as_written(sides[n].text[s:e], entity, analyses) for (s, e), entity in left[n]] for n in (0, 1)]
        unheard_kinds = [
            [kind for (span, _), kind in zip(left[n], kinds[n], strict=True) if span in unheard[n]] for n in (0, 1)
        ]
        for n in (0, 1):
            for span, kind in zip((s for s, _ in left[n]), kinds[n], strict=True):
                # Unheard of, alone of its kind on its side and of its kind on one side only: a place each
                # side gives of its own does not stop a body put in another body's place ("Shares in Nordair
                # fell 3.5% in Copenhagen trading" / "Siemens shares dropped 3.5%").
                if span not in unheard[n] or unheard_kinds[n].count(kind) != 1 or kind in unheard_kinds[1 - n]:
                    continue
                opposite = tuple(
                    sorted(s for (s, _), other in zip(left[1 - n], kinds[1 - n], strict=True) if other == kind)
                )
                if not opposite:
                    continue
                spans_a, spans_b = ((span,), opposite) if n == 0 else (opposite, (span,))
                d = Difference(k, "name", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))
                out.append(replace(d, kind="person" if people else place_kind(d, named, *analyses)))
    return out


def _surname_written(text: str, span: Span, other: str) -> bool:
    """Whether ``other`` writes the last word of a person's name ("Modi" of "Narendra Modi"), unless that
    word is a country's name: the model types a body's national arm as a person too ("Unicef Romania")."""
    words = re.findall(r"[A-Z][\w'’-]+", text[span[0] : span[1]])
    return bool(words) and not is_country(words[-1]) and writes_word(other, words[-1])


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


def _untagged_names(side: Side, tagged: list[tuple[Span, Entity]], other: Side) -> list[Span]:
    """Runs of capitalised words the model tagged as no name, not at a sentence's start, that the other
    side never writes and that either article also writes in lower case nowhere ("Chile", "Lagos")."""
    found = []
    for start, end in side.ranges:
        for m in _CAPITALISED_RUN.finditer(side.text, start, end):
            span = (m.start(), m.end())
            if not side.text[start : m.start()].strip() or any(overlaps(span, s) for s, _ in tagged):
                continue
            written = m.group()
            if written in other.text or common_word(written.split()[0], side.analysis, other.analysis):
                continue
            found.append(span)
    return found


def _displaced(
    k: int,
    sa: Side,
    sb: Side,
    named: list[list[tuple[Span, Entity]]],
    every_name: list[list[tuple[Span, Entity]]],
    unshared: Sequence[list[tuple[Span, Entity]]],
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
        new_names = [(span, e) for span, e in unshared[other] if span not in used]
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
            out.append(replace(d, kind="person" if people else place_kind(d, named, sa.analysis, sb.analysis)))
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
