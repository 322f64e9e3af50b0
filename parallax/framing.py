"""Stage 8, framing: the verb that reports a statement changes (said / claimed / admitted /
insisted), or a hedge (may, reportedly, allegedly, is expected to) stands on one side only.

The verbs and hedges are read by :mod:`parallax.credits`. A close match is read whole; in a partial
match only its reworded sentences, where the statement is shared (:func:`framing_in_place`).
Words inside quotations are the speaker's, not the outlet's framing, and are left out.
"""

from __future__ import annotations

import re

from .credits import HEDGE, NEUTRAL_VERBS, SPEECH_VERB, VERB_LEMMA
from .facts import within
from .misquotes import quotations_of
from .model import Difference, Span
from .sides import Side


def framing_differences(k: int, sa: Side, sb: Side) -> list[Difference]:
    out = []
    verbs_a = [m for s, e in sa.ranges for m in _offset_iter(SPEECH_VERB, sa.text, s, e)]
    verbs_b = [m for s, e in sb.ranges for m in _offset_iter(SPEECH_VERB, sb.text, s, e)]
    judged_a = {_lemma(v) for v in verbs_a if v.group().lower() not in NEUTRAL_VERBS}
    judged_b = {_lemma(v) for v in verbs_b if v.group().lower() not in NEUTRAL_VERBS}
    if verbs_a and verbs_b and judged_a != judged_b:
        spans_a = tuple(v.span() for v in verbs_a)
        spans_b = tuple(v.span() for v in verbs_b)
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    # A hedge swapped for another ("may" / "could") is no change. A hedge the other side has inside a
    # quotation is the speaker's, carried into reported speech ("'the wind could carry the gas'" /
    # "warned that the wind might blow the gas"): no change of framing either.
    (hedges_a, quoted_a), (hedges_b, quoted_b) = _hedges(sa), _hedges(sb)
    spoken_a = {_hedge_key(h.group()) for h in hedges_a} | quoted_a
    spoken_b = {_hedge_key(h.group()) for h in hedges_b} | quoted_b
    spans_a = tuple(h.span() for h in hedges_a if _hedge_key(h.group()) not in spoken_b)
    spans_b = tuple(h.span() for h in hedges_b if _hedge_key(h.group()) not in spoken_a)
    if spans_a or spans_b:
        out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out


def _hedges(side: Side) -> tuple[list[_Offset], set[str]]:
    """A side's hedges outside quotations (the outlet's framing), and the keys (:func:`_hedge_key`) of those
    inside them (the speaker's words). "May" with a capital is the month."""
    quotations = [q for q, _ in quotations_of(side)]
    outside: list[_Offset] = []
    inside: set[str] = set()
    for s, e in side.ranges:
        for m in _offset_iter(HEDGE, side.text, s, e):
            if m.group() == "May":
                continue
            if within(m.span(), quotations):
                inside.add(_hedge_key(m.group()))
            else:
                outside.append(m)
    return outside, inside


def _quoted(found: _Offset, side: Side) -> bool:
    return any(within(found.span(), [q]) for q, _ in quotations_of(side))


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


def _lemma(verb: _Offset) -> str:
    """The verb a form is of ("says", "saying" -> "say"), whatever its case."""
    return VERB_LEMMA[verb.group().lower()]


# Hedges of likelihood: one for another ("may" / "could", "is expected to" / "likely") is no change.
_LIKELIHOOD = re.compile(
    r"^(?:may|might|could|possibly|likely|(?:is|are|was) expected to|appears? to|appeared to|seems to)$"
)


def _hedge_key(hedge: str) -> str:
    """Hedges of likelihood are one hedge; every other (reportedly, allegedly, is said to) is its own."""
    word = hedge.lower()
    return "likelihood" if _LIKELIHOOD.match(word) else re.sub(r"\b(?:is|are|was)\b", "be", word)


# Hedges that distance the outlet from what it reports. Rewrites trade modal verbs ("may", "could",
# "likely") freely when they reword; these they add or drop only to change how sure a claim sounds.
_DISTANCING = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|unconfirmed|rumou?red|"
    r"(?:is|are|was|were) (?:said|believed|thought|understood) to)\b",
    re.I,
)


# Verbs that cast doubt on what is reported or make it a confession. Others that are not neutral
# ("denied the charges", "warned", "revealed") report what was said, so rewording them is no change.
_DOUBTING = {"claim", "allege", "insist", "admit", "concede", "assert"}


def framing_in_place(k: int, sa: Side, sb: Side) -> list[Difference]:
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
        stems = {_lemma(v) for v in verbs[1 - n]}
        judged = [v for v in verbs[n] if _lemma(v) in _DOUBTING and _lemma(v) not in stems]
        reporting = [v for v in verbs[1 - n] if v.group().lower() in NEUTRAL_VERBS]
        if judged and reporting:
            mine += tuple(v.span() for v in judged)
            theirs = tuple(v.span() for v in reporting)
        if mine:
            spans_a, spans_b = (mine, theirs) if n == 0 else (theirs, mine)
            out.append(Difference(k, "framing", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b)))
    return out
