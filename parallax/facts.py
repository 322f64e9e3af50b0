"""What the differences stage reads facts by: dates keyed by their resolved value, names by their
kind, and the character spans both stand in.

Shared by the word-by-word reading of near-copies (:mod:`parallax.differences`) and the reading of
reworded sentences in place (:mod:`parallax.reworded`). Pure functions over one analysis or side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .capitals import is_country, is_title_case
from .date_rules import MONTH_NAMES
from .figures import Figure, figures_in
from .lexicon import CAPITAL_CITIES, INSTITUTION_WORDS, NUMBER_WORDS, ORDINAL_WORDS
from .memo import per_analysis
from .model import Analysis, DatedMention, Difference, Entity, Span
from .name_variants import name_like, same_referent
from .sides import Side, Sorted

# A date told from another date of the story ("later that day", "two weeks later") or from the day of
# writing ("this year", "last week"): left unresolved (no date to count from), its words say nothing of
# the day it means, and it cannot be said to differ from "2024".
_ANAPHORIC = re.compile(
    r"\b(?:that|same|following|previous|later|earlier|before|after|afterwards|"
    r"this|next|last|yesterday|today|tonight|tomorrow|ago|coming|past)\b",
    re.I,
)


@per_analysis
def dates_of(analysis: Analysis) -> Sorted[DatedMention]:
    """The article's dates (durations are figures, not dates), sorted for range lookups; not those told
    from another date or the day of writing and left unresolved."""
    return Sorted.of(
        ((d.start, d.end), d)
        for d in analysis.dates
        if d.kind == "date" and not (d.value is None and _ANAPHORIC.search(d.text))
    )


def within(span: Span, ranges: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in ranges)


# Nationalities ("Chinese officials" / "Russian officials") change where a thing happened: a place.
ENTITY_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "place",
}


def plain_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_DATE_WORD = re.compile(r"^(?:(\d+)(?:st|nd|rd|th)|([qh])([1-4]))$")


# Words for a part of a month or a year, one word for each part.
_PART_OF = {"start": "early", "beginning": "early", "end": "late", "middle": "mid", "mid": "mid"}


def _date_words(text: str) -> str:
    """An unresolved date's words, written one way: "third day" / "3rd Day", "Q2" / "the second quarter",
    "7 September" / "Sept. 7" (a day and month in either order)."""
    out = []
    words = re.findall(r"\w+", text.lower())
    for word in words:
        if word in ("the", "a", "an", "of"):
            continue
        word = _PART_OF.get(word, word)  # "the start of March" / "early March"
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


def written(d: DatedMention) -> str:
    """A date's words, a range's end completed by the range ("September 21" of "September 18-21")."""
    return d.completed or d.text


def date_key(d: DatedMention) -> str:
    """The resolved value; with none (no year, no publication date), the words themselves."""
    return d.value or "text:" + _date_words(written(d))


def agree_coarser(dates: Sequence[DatedMention], others: Sequence[DatedMention]) -> bool:
    """A day agrees with the other side's day given as another expression ("Monday" / "18 September");
    a date left unresolved agrees with one that says more in the same words ("December" / "December
    2022": the year is detail one side leaves out)."""
    values = {date_key(d) for d in others}
    fuller = [set(_date_words(written(o)).split()) for o in others]
    days = {o.value[5:] for o in others if o.value and len(o.value) == 10}
    undated_days = {_month_day(written(o)) for o in others if o.value is None}
    return all(
        date_key(d) in values
        or (d.value is None and any(set(_date_words(written(d)).split()) <= f for f in fuller))
        or (d.value is None and _month_day(written(d)) in days)  # "September 21" without a year / 2023-09-21
        or (d.value is not None and len(d.value) == 10 and d.value[5:] in undated_days)  # and the other way
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


def overlaps(span: Span, region: Span) -> bool:
    return span[0] < region[1] and region[0] < span[1] if region[0] < region[1] else False


def place_kind(difference: Difference, named: list[list[tuple[Span, Entity]]], *analyses: Analysis) -> str:
    """The kind of a name difference, from the labels of the names it holds (:func:`kind_of`); a
    country's name is a place whatever the small model typed it as ("Belarus" / "Marseille" as a person)."""
    kinds = [ENTITY_KIND[e.label] for span, e in named[0] + named[1] if span in difference.a + difference.b]
    # One body's arm in another country ("Kaufland Romania" / "Kaufland Bavaria"): the place changed.
    apart = _words_apart(difference.a_text, difference.b_text)
    if apart and any(is_country(word) or _typed_place(word, analyses) for word in apart):
        return "place"
    if any(national_arm(text, *analyses) for text in (difference.a_text, difference.b_text)):
        return "organisation"
    if len(set(kinds)) > 1 and any(is_country(text) for text in (difference.a_text, difference.b_text)):
        return "place"
    if "person" in kinds and any(_institution(text) for text in (difference.a_text, difference.b_text)):
        return "organisation"
    return kind_of(kinds)


def _institution(name: str) -> bool:
    """Whether a name holds an institution's head word ("University of Leiden", "Interior Ministry")."""
    return any(word.lower() in INSTITUTION_WORDS for word in re.findall(r"[A-Za-z]+", name))


def _words_apart(name_a: str, name_b: str) -> tuple[str, str] | None:
    """The one word two names of as many words (two or more) write differently, else None."""
    words_a, words_b = name_a.split(), name_b.split()
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return None
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return differing[0] if len(differing) == 1 else None


def kind_as_written(text: str, entity: Entity, analyses: Sequence[Analysis]) -> str:
    """The kind of a name as written: a country, a capital city or a word the model tags as a place
    somewhere in the articles is a place whatever its entity's label ("Shares in Nordair fell 3.5% in
    Copenhagen trading", where the small model types "Copenhagen" as a body both times it is written);
    a person stays a person."""
    if entity.label != "PERSON" and (
        is_country(text) or text.lower() in CAPITAL_CITIES or _typed_place(text, analyses)
    ):
        return "place"
    return ENTITY_KIND[entity.label]


def _typed_place(word: str, analyses: Sequence[Analysis]) -> bool:
    """Whether the model tags the word on its own as a place somewhere in the articles."""
    return any(m.text == word and m.label in ("GPE", "LOC") for a in analyses for m in a.mentions)


_REGION_WORDS = {"new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def national_arm(name: str, *analyses: Analysis) -> bool:
    """A body's name followed by a country's ("Kaufland Romania" where "Kaufland" is an organisation,
    or the whole is one somewhere in either article): a company's or an agency's national arm, which
    the small model may type as a place or a person ("Imperial Germany" is none: no body is named)."""
    words = name.split()
    if len(words) < 2 or is_country(name) or words[0].lower() in _REGION_WORDS or not is_country(words[-1]):
        return False
    body = " ".join(words[:-1])
    return any(m.label == "ORG" and m.text in (body, name) for a in analyses for m in a.mentions)


def kind_of(kinds: list[str]) -> str:
    """One kind for the names of a difference, the same whichever side is A: a place on either side
    wins over an organisation (the small model often types a place as one); else the commonest kind,
    ties broken person, place, organisation."""
    if "place" in kinds and "organisation" in kinds and "person" not in kinds:
        return "place"
    order = ("organisation", "place", "person")  # ties go to the later
    return max(order, key=lambda kind: (kinds.count(kind), order.index(kind)))


def writes_word(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (one word or several) whole, not inside a longer word."""
    return re.search(r"\b" + re.escape(word) + r"\b", text) is not None


def common_word(written: str, *analyses: Analysis) -> bool:
    """A capitalised word that either article also writes in lower case ("Software maker Quarrix" /
    "the software firm"): the model took a sentence's first word for a name."""
    return " " not in written and any(written.lower() in _lower_case_words(a) for a in analyses)


@per_analysis
def _lower_case_words(analysis: Analysis) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z]\w*", analysis.article.text))


_CUT_SHORT = re.compile(r"[ \t]?([A-Z][a-z]+)")
# A name before one of these is the qualifier of a title ("Interior Minister", "Defence Secretary"), whole.
_TITLE_NOUNS = frozenset(
    "minister ministry secretary president governor chancellor mayor ambassador spokesman spokeswoman "  # noqa: SIM905
    "spokesperson director chief commissioner prosecutor".split()
)


def cut_short(text: str, end: int) -> bool:
    """Whether a tagged name ending at ``end`` was cut short: a capitalised word follows it ("Secretary
    of State John" before an untagged "Kerry"), unless that word is a title the name qualifies
    ("Interior Minister")."""
    found = _CUT_SHORT.match(text, end)
    return found is not None and found.group(1).lower() not in _TITLE_NOUNS


@per_analysis
def name_families(analysis: Analysis) -> dict[str, set[str]]:
    """Each tagged name's families as the model typed its mentions: person, or place-or-organisation."""
    families: dict[str, set[str]] = {}
    for mention in analysis.mentions:
        if mention.label in ENTITY_KIND:
            family = "person" if mention.label == "PERSON" else "place-or-organisation"
            families.setdefault(mention.text, set()).add(family)
    return families


def same_names(names_a: set[str], names_b: set[str], people: bool) -> bool:
    """Every name on each side has a form of itself on the other (both sides name something)."""
    return (
        bool(names_a and names_b)
        and all(any(same_referent(x, y, people) for y in names_b) for x in names_a)
        and all(any(same_referent(y, x, people) for x in names_a) for y in names_b)
    )


def title_case_sentence(text: str, sentence: Span) -> bool:
    return is_title_case(text[sentence[0] : sentence[1]])


def trusted_names(
    named: list[tuple[Span, Entity]], region: Span, text: str, headline: bool
) -> list[tuple[Span, Entity]]:
    """The names in a changed run of words that are names. In a headline the model takes capitalised
    words for names ("Israel Carrying Out"); there a name counts only where the changed words hold all of it."""
    kept = [(span, e) for span, e in named if name_like(text[span[0] : span[1]])]
    if headline:
        kept = [(span, e) for span, e in kept if region[0] <= span[0] and span[1] <= region[1]]
    return kept


def capitalised_spans(text: str, region: Span) -> list[Span]:
    piece = text[region[0] : region[1]]
    return [region] if re.search(r"\b[A-Z][a-z]", piece) else []


def sentence_figures(side: Side, region: Span) -> list[Figure]:
    sentence = next(((s, e) for s, e in side.ranges if s <= region[0] <= e), side.ranges[0])
    dates = [span for span, _ in dates_of(side.analysis).inside([sentence])]
    return figures_in(side.text, sentence[0], sentence[1], dates)
