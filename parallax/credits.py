"""Credits: who a text says its words come from, read in the forms news writes them.

"according to Tass", "told Reuters", "the ministry said", "said Maria Lopez", "Tass, the Russian
news agency, reported", "John Smith, a spokesman for the ministry, said", speakers named by role
("the minister said"). A credit one side of a match gives and the other does not carry, in its own
words, is an attribution difference (:func:`attribution_differences`): the mark of uncredited reuse.
The verbs and hedges here are also what :mod:`parallax.framing` reads framing by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .date_rules import MONTH_NAMES
from .memo import per_analysis
from .model import Analysis, Difference, Span
from .name_variants import initials_of, same_referent
from .sides import Side

# Verbs that only report what was said, against verbs that judge it ("claimed" in place of "said"
# or "promised" is a change of framing). Past tenses, and present forms that are not also nouns
# ("promises", "vows" are left out).
# Verbs that report speech, by lemma with the forms news writes ("said", "says", "saying": one verb, so
# a form for another is no change of framing). Participles that are also nouns or adjectives ("warning",
# "reporting", "writing", "promising") are left out: "the warning system" reports nobody.
_REPORTING_VERBS = {
    "say": ("said", "says", "say", "saying"),
    "tell": ("told", "telling"),
    "state": ("stated", "states", "stating"),
    "add": ("added", "adds", "adding"),
    "note": ("noted", "notes", "noting"),
    "report": ("reported", "reports"),
    "announce": ("announced", "announces", "announcing"),
    "explain": ("explained", "explains", "explaining"),
    "write": ("wrote", "writes"),
    "declare": ("declared", "declares", "declaring"),
    "promise": ("promised",),
    "pledge": ("pledged", "pledging"),
    "vow": ("vowed", "vowing"),
}
# Verbs that judge what they report: one in place of a reporting verb changes the framing.
_JUDGING_VERBS = {
    "claim": ("claimed", "claims", "claiming"),
    "admit": ("admitted", "admits", "admitting"),
    "insist": ("insisted", "insists", "insisting"),
    "allege": ("alleged", "alleges", "alleging"),
    "argue": ("argued", "argues", "arguing"),
    "warn": ("warned", "warns"),
    "deny": ("denied", "denies", "denying"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "concede": ("conceded", "concedes", "conceding"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "assert": ("asserted", "asserts", "asserting"),
    "suggest": ("suggested", "suggests", "suggesting"),
    "reveal": ("revealed", "reveals"),
}
# Each form's lemma; "according to" credits as plainly as "said" does.
VERB_LEMMA = {
    form: lemma for verbs in (_REPORTING_VERBS, _JUDGING_VERBS) for lemma, forms in verbs.items() for form in forms
}
VERB_LEMMA["according to"] = "according to"
SAY_VERBS = tuple(form for verbs in (_REPORTING_VERBS, _JUDGING_VERBS) for forms in verbs.values() for form in forms)
NEUTRAL_VERBS = {*(form for forms in _REPORTING_VERBS.values() for form in forms), "according to"}
# A verb that judges in the place of "according to" is a change of framing.
_SPEECH = "|".join(SAY_VERBS) + "|according to"
# "Claimed the lives of", "claimed responsibility", "claimed victory": a claim on something, not speech.
_CLAIMED_OBJECT = (
    r"\s+(?:(?:the|a|an|his|her|its|their|our|many|more|several|\d[\d,]*|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens\s+of|hundreds\s+of|thousands\s+of)\s+)?"
    r"(?:lives?|responsibility|victory|title|crown|seat|asylum|prize|medals?|trophy|record)\b"
)
SPEECH_VERB = re.compile(
    r"\b(" + _SPEECH + r")\b(?!(?:(?<=claimed)|(?<=claims)|(?<=claiming)|(?<=claim))" + _CLAIMED_OBJECT + ")",
    re.I,
)
# What a source's name may end in when it is written out ("the VC pilots' union"): one report names
# it, another by that noun alone ("the pilots' union said"), and the two credit the same body.
_BODIES = (
    "union",
    "agency",
    "ministry",
    "council",
    "committee",
    "department",
    "association",
    "federation",
    "authority",
    "commission",
    "regulator",
    "watchdog",
    "media",  # "according to Moroccan state media"
    "television",
    "radio",
)
_ATTRIBUTION = re.compile(
    r"\b(?i:according to|citing|cited by|quoted by|told|reported by|in an interview with|"
    r"(?:said|says|stated|claimed|announced|confirmed)\s+(?:in\s+a\s+statement|on\s+(?:its|his|her|their)\s+\w+))"
    # The source: a name, with up to three words describing it before ("Russian news agency Tass",
    # "the US Geological Survey"), or any word ("police", "them").
    r"(?:\s+(?P<source>(?:(?i:the)\s+)?(?:(?:[A-Za-z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4}"
    # A name may go on in common nouns to what it names ("the VC pilots' union").
    r"(?:(?:\s+[a-z][\w'’-]*)?\s+(?:" + "|".join(_BODIES) + r")\b)?"
    r"|[\w.&'’-]+(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})))?",
)
_PRONOUNS = {"him", "her", "them", "it", "us", "me", "he", "she", "they", "we", "i", "you", "reporters", "journalists"}
# Who speaks, named by role: "the foreign ministry", "police", "senior officials", "the company".
_ROLES = (
    r"(?:[a-z]+\s+)?(?:ministry|minister|spokesman|spokeswoman|spokesperson|police|officials?|authorities|"
    r"agency|authority|regulator|commission|kremlin|statement|government|company|firm|club|court|prosecutors?|"
    r"military|army|analysts?|"
    r"experts?|researchers?|scientists?|witnesses|residents|organi[sz]ers|union|department|council|committee)"
)
# A name of up to five capitalised words, "of" or "of the" joining them ("the Food Safety Authority of
# Ireland said" credits the authority, not Ireland; "the Bank of England said").
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&'’-]*){0,4}"
_SOURCE_SAID = re.compile(
    r"(?P<source>\b(?:the\s+)?(?:" + _NAME + "|" + _ROLES + r"))"
    r"\s+(?:said|says|told|stated|reported|announced|confirmed|warned|warns|added|noted|explained)\b",
)
# "Tass, the Russian news agency, reported"; "John Smith, a spokesman for the ministry, said".
_APPOSITIVE_SAID = re.compile(
    r"(?P<source>\b" + _NAME + r"),\s+(?i:a|an|the|its|his|her|their)\s+[^,.;:!?\"“”]{2,80},\s+"
    r"(?:said|says|told|stated|reported|announced|confirmed|added)\b",
)
# '"We will win," said Maria Lopez'; "said the ministry" (not "said Tuesday").
_SAID_SOURCE = re.compile(
    r"\b(?:said|says|added|explained|noted|stated)\s+(?P<source>(?:the\s+)?(?:" + _NAME + "|" + _ROLES + r"))"
    # A credit ends there ("said the company." / "said the company on Tuesday"); "said the company's offer
    # was fair" and "said the company would appeal" report what was said, and credit nobody.
    r"(?=\s*(?:[,.;:!?)\"”’]|$)|\s+(?:in|on|at|late|earlier|during|after|before|when|while|adding|citing)\b)(?!['’]s\b)",
)
_NOT_SOURCES = {"that", "this", "it", "there", "on", "in", "at", "with", "as", "to", "after", "before", "when"}
HEDGES = (
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "likely",
    "unlikely",
    "is expected to",
    "are expected to",
    "was expected to",
    "is believed to",
    "are believed to",
    "is said to",
    "are said to",
    "appears to",
    "appeared to",
    "seems to",
    "purportedly",
    "supposedly",
    "unconfirmed",
    "rumoured",
    "rumored",
)
HEDGE = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.I)


_CALENDAR = {*MONTH_NAMES, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_CALENDAR |= {"today", "yesterday", "tonight", "last", "earlier", "later", "late", "on"}


def attributions(text: str, start: int, end: int, people: Sequence[Span] = ()) -> list[tuple[Span, str, bool]]:
    """Credits in the span: the phrase's span, the source's name (lower case, may be empty), and whether
    it credits a speaker ("the ministry said") rather than where the words were found ("according to
    Tass", "told Reuters"). ``people``: the spans of people's names, who are told things ("Kim told
    Putin that ...") rather than credited with them."""
    piece = text[start:end]
    found: list[tuple[Span, str, bool]] = []
    for m in _ATTRIBUTION.finditer(piece):
        if m.group("source") and m.group().lower().startswith("told"):
            at = start + m.start("source")
            if any(a <= at < b for a, b in people):
                continue
        source = _tidy((m.group("source") or "").lower())
        if source.split()[:1] and source.split()[0] in _PRONOUNS:
            continue  # "according to them": no source is credited
        if source.split()[:1] and source.split()[0] in _NOT_SOURCES:
            source = ""  # "said in a statement that ...": the statement names nobody
        speaker = bool(re.match(r"(?i:said|says|stated|claimed|announced|confirmed)\b", m.group()))
        found.append(((start + m.start(), start + m.end()), source.removeprefix("the "), speaker))
    for pattern in (_APPOSITIVE_SAID, _SOURCE_SAID, _SAID_SOURCE):
        for m in pattern.finditer(piece):
            s, e = start + m.start(), start + m.end()
            if any(a <= s < b or a < e <= b for (a, b), _, _ in found):
                continue
            source = _tidy(m.group("source").lower().removeprefix("the "))
            words = source.split()
            if not words or words[-1] in _PRONOUNS or words[0] in _NOT_SOURCES or words[0] in _CALENDAR:
                continue  # "she said", "said Tuesday": no source is named
            # "Tass reported" credits where the words were found, as "according to Tass" does.
            found.append(((s, e), source, not m.group().lower().endswith("reported")))
    return found


def _tidy(source: str) -> str:
    """A source's name without the full stop of its sentence ("maria lopez." but "the u.s.")."""
    return source if re.search(r"\b\w\.\w\.$", source) else source.rstrip(".")


@per_analysis
def people_spans(analysis: Analysis) -> tuple[Span, ...]:
    """The spans of the names the model takes for people's."""
    return tuple(sorted((m.start, m.end) for m in analysis.mentions if m.label == "PERSON"))


# Any credit to someone, named or not ("she said", "in a short statement", "read the club's statement"):
# any verb of speech ("officials reported" carries "the agency said"), or a credit phrase.
_CREDIT = re.compile(r"\b(" + _SPEECH + r"|citing|statement)\b", re.I)
_NOT_NAMES = {"the", "a", "an", "of", "and", "its", "his", "her", "their"}


def _content_words(source: str) -> list[str]:
    """The words of a credited source that name someone ("the union" -> ["union"]; "a" -> [])."""
    return [w for w in re.findall(r"\w+", source) if w not in _NOT_NAMES and len(w) > 1]


def _named_in(source: str, text: str) -> bool | None:
    """Whether every content word of ``source`` is in ``text`` (None when the source names nothing).
    A word of four letters or more may be misspelt by one letter ("Taas" for "Tass")."""
    words = _content_words(source)
    if not words:
        return None
    present = set(re.findall(r"\w+", text.lower()))
    return all(
        w in present or (len(w) >= 4 and any(len(p) >= 4 and Levenshtein.distance(w, p) <= 1 for p in present))
        for w in words
    )


def _uncredited(
    credits: list[tuple[Span, str, bool]], text: str, other: Side, other_credits: list[tuple[Span, str, bool]]
) -> list[Span]:
    """The credits of one side that the other side does not carry.

    A source credit ("according to Tass") is carried when the other side names the source in or beside
    the match ("port data showed" carries "according to port data"). A named speaker ("Marta Oyelaran
    told reporters") is carried by any credit inside the other side's match ("she said") unless that
    names someone else: two reports quoting one person credit her in their own words. A credit that
    names nobody ("said in a statement") is carried by any credit in or beside the match; one that
    names it only by its role ("according to the firm", "officials said"), by any credit in the match.
    """
    inside, around = other.cut(other.ranges), _around(other)
    # Whether the other side names whom it credits: a speaker, or a source by its name ("according to
    # Tass"; not "told employees", which names whom the words were told to).
    named_speakers = any(
        _content_words(src) and (speaker or not _by_role(src, other.text[span[0] : span[1]]))
        for span, src, speaker in other_credits
    )
    lost = []
    for span, source, speaker in credits:
        if _by_role(source, text[span[0] : span[1]]) and _CREDIT.search(inside):
            continue
        if source and any(
            other_source
            and (
                same_referent(source, other_source)
                or initials_of(source, other_source)
                or initials_of(other_source, source)
            )
            for _, other_source, _ in other_credits
        ):
            continue  # "China said" / "Beijing said", "the US said" / "Washington said", "the WHO" in full
        if _same_body(source, [other_source for _, other_source, _ in other_credits]):
            continue  # "according to the VC pilots' union" / "the pilots' union said"
        named = _named_in(source, around)
        if named or _body_named(source, around):
            continue
        if named is None:  # whom it credits is not read
            if not speaker or _CREDIT.search(around):
                continue
        elif speaker and not named_speakers and _CREDIT.search(inside):
            continue
        lost.append(span)
    return lost


def _same_body(source: str, others: list[str]) -> bool:
    """Whether another credit names the same body by its noun ("vc pilots' union" / "the union"), or one
    credits a body and the other someone speaking for it ("the foreign ministry" / "foreign ministry
    spokeswoman mao ning")."""
    words = _before_of(source.split())
    if not words:
        return False
    for other in others:
        other_words = _before_of(other.split())
        if words[-1] in _BODIES and other_words[-1:] == words[-1:]:
            return True
        for body, speaker in ((words, other_words), (other_words, words)):
            named = _content_words(" ".join(body))[-2:]  # "(chinese) foreign ministry"
            if body and body[-1] in _BODIES and named and set(named) <= set(speaker):
                return True
    return False


# Common nouns news uses for one regulator interchangeably ("the Food Safety Authority said it would
# publish" / "the watchdog expects to publish").
_REGULATORS = {"authority", "regulator", "watchdog", "agency", "commission"}


def _body_named(source: str, text: str) -> bool:
    """Whether ``text`` names the credited body by its noun, or a regulator by another of theirs: the
    statement stays the body's own ("The watchdog expects to publish")."""
    words = _before_of(source.split())
    if not words or words[-1] not in _BODIES:
        return False
    nouns = _REGULATORS if words[-1] in _REGULATORS else {words[-1]}
    return any(re.search(r"\b" + noun + r"\b", text, re.I) for noun in nouns)


def _before_of(words: list[str]) -> list[str]:
    """A body's name up to its "of" ("food safety authority of ireland" -> "food safety authority"), whose
    last word is its noun."""
    return words[: words.index("of", 1)] if "of" in words[1:] else words


def _by_role(source: str, credit: str) -> bool:
    """Whether the credited source is written in common nouns only ("the firm", "officials")."""
    at = credit.lower().find(source)
    return bool(source) and at >= 0 and not any(c.isupper() for c in credit[at : at + len(source)])


def _around(side: Side) -> str:
    """The match's text with the sentence before and after it: a quotation split into sentences keeps
    its credit beside it ('In a statement, the club said: "…' then '… his honesty."')."""
    sentences = side.analysis.sentences
    before, after = sentences[max(0, side.ids[0] - 1)], sentences[min(len(sentences) - 1, side.ids[-1] + 1)]
    return side.text[before.start : after.end]


def attribution_differences(k: int, sa: Side, sb: Side) -> list[Difference]:
    """Credits one side gives that the other does not carry."""
    aa = [x for s, e in sa.ranges for x in attributions(sa.text, s, e, people_spans(sa.analysis))]
    ab = [x for s, e in sb.ranges for x in attributions(sb.text, s, e, people_spans(sb.analysis))]
    if not aa and not ab:
        return []
    spans_a = tuple(_uncredited(aa, sa.text, sb, ab))
    spans_b = tuple(_uncredited(ab, sb.text, sa, aa))
    if not spans_a and not spans_b:
        return []
    return [Difference(k, "attribution", spans_a, spans_b, sa.cut(spans_a), sb.cut(spans_b))]
