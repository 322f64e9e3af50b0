"""The data model: frozen dataclasses shared by every stage.

Every record is immutable and hashable, so an analysis can be cached (by
Streamlit, or pickled to disk) and shared between sessions without anyone
being able to change it under another reader's feet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

Span = tuple[int, int]
"""A half-open character range ``(start, end)`` into an article's shown text."""

SENTENCE_KINDS = ("sentence", "headline", "byline", "dateline", "caption", "boilerplate")
MATCH_KINDS = ("verbatim", "paraphrase", "partial")


@dataclass(frozen=True)
class Article:
    """One report, exactly as it will be shown (NFC, ``\\n`` line ends)."""

    id: str
    text: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    notes: str | None = None
    source: str = "corpus"  # corpus | file | upload | paste


@dataclass(frozen=True)
class Word:
    """A word token: its span, its comparison key (lemma), and whether it carries content."""

    start: int
    end: int
    key: str
    content: bool


@dataclass(frozen=True)
class Sentence:
    """A sentence (or headline, byline, ...) with exact offsets: ``text[start:end]``."""

    index: int
    start: int
    end: int
    kind: str
    words: tuple[Word, ...] = ()

    @property
    def alignable(self) -> bool:
        return self.kind not in ("boilerplate", "byline", "caption", "dateline")


@dataclass(frozen=True)
class Mention:
    """A named-entity mention as the NER model found it (before merging)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class DatedMention:
    """A temporal expression with its normalised value.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``None`` (unresolved,
    or not representable such as a week or a decade); ``kind`` is ``date`` or
    ``duration``.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    kind: str
    sentence: int
    # Both ends of a range ("between March and May") share a number; a lone date has None.
    range: int | None = None
    # A range's end as the range completes it ("September 21" for the "21" of "September 18-21"), where
    # that differs from ``text``: what an unresolved date is compared by.
    completed: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything Parallax knows about one article on its own.

    It is computed once per text and pipeline version and reused by every
    comparison and matrix cell that involves the article.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    boilerplate: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DatedMention, ...]
    english: bool = True
    pipeline: str = ""
    warnings: tuple[str, ...] = ()

    def sentences_text(self, ids: Iterable[int]) -> str:
        """The text of the given sentences, joined by a space (one side of a match)."""
        return " ".join(self.article.text[self.sentences[i].start : self.sentences[i].end] for i in ids)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing character ``offset``, if any."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return None


@dataclass(frozen=True)
class Match:
    """A group of sentences of A carried by a group of sentences of B."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    kind: str
    shared_a: tuple[Span, ...] = ()
    shared_b: tuple[Span, ...] = ()
    # How much of the wording is shared (words and characters, not meaning): what reuse counts.
    wording: float = 0.0


@dataclass(frozen=True)
class EntityMention:
    doc: int
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """One real-world entity, merged across spellings, aliases and articles.

    ``variants`` are other spellings treated as the same name (surname,
    title + name); ``flagged`` are suspected misspellings an editor should see.
    """

    name: str
    label: str
    variants: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = ()

    def docs(self) -> frozenset[int]:
        return frozenset(m.doc for m in self.mentions)


DIFFERENCE_KINDS = ("figure", "date", "place", "person", "organisation", "attribution", "quotation", "framing")


@dataclass(frozen=True)
class Difference:
    """A fact both sides of match ``match`` state, but state differently.

    ``a`` and ``b`` are the differing words in each article (empty for a
    side that lacks the item, e.g. a dropped attribution).
    """

    match: int
    kind: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]
    a_text: str
    b_text: str


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two analyses (or one, for ``analyse``)."""

    documents: tuple[Analysis, ...]
    matches: tuple[Match, ...] = ()
    coverage: tuple[float, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[tuple[int, DatedMention], ...] = field(default=())
    # Share of each article's wording taken from the other (parallax.reuse); coverage counts statements.
    reuse: tuple[float, ...] = ()
    differences: tuple[Difference, ...] = ()
