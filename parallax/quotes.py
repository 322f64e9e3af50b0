"""Quotations: the parts of an article's text inside quotation marks.

Quoted words are the speaker's wording, not the outlet's. Every outlet that reports a statement
reproduces them, so reuse leaves them out (two independent reports quoting one minister are not a
copy), while differences compares them (a misquote is a changed fact).
"""

from __future__ import annotations

import bisect
import re

from .memo import per_analysis
from .model import Analysis, Span

# Double quotes of every style; a quotation ends at its paragraph (news style leaves a quote that runs
# on into the next paragraph unclosed, so pairing marks across paragraphs would invert them).
_DOUBLE = re.compile(r"[\"“”„«]([^\"“”„«»\n]{3,1000})[\"”“»]")
# Single curly quotes, as British outlets write them: an opening mark at a word start, and a closing
# mark not followed by a letter (so "workers’ union" inside a quotation can end it, "don’t" cannot).
_SINGLE = re.compile(r"(?<!\w)‘((?:[^‘’\n]|’(?=\w)){3,1000}?)’(?!\w)")
# Straight single quotes, the same way, as headlines and plain-text copies write them ('no chance');
# the quoted words start with a letter at once, so a stray mark or "the '90s" opens nothing.
_STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'(?=[^\W\d_])((?:[^'\n]|'(?=\w)){3,1000}?)'(?!\w)")


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[Span, str]]:
    """Each quotation in ``text[start:end]``: the span of its words (marks left out) and the words."""
    piece = text[start:end]
    found = [((start + m.start(1), start + m.end(1)), m.group(1)) for m in _DOUBLE.finditer(piece)]
    inside = [span for span, _ in found]
    for m in [*_SINGLE.finditer(piece), *_STRAIGHT_SINGLE.finditer(piece)]:
        span = (start + m.start(1), start + m.end(1))
        if not any(s <= span[0] < e for s, e in inside):  # 'x' nested in a double quotation is part of it
            found.append((span, m.group(1)))
    return sorted(found)


@per_analysis
def quoted_spans(analysis: Analysis) -> dict[int, tuple[Span, ...]]:
    """The article's quotations with their marks, by the index of each sentence they overlap (a
    quotation can run over several sentences); sentences without one are left out."""
    starts = [s.start for s in analysis.sentences]
    by_sentence: dict[int, list[Span]] = {}
    for (start, end), _ in quotations(analysis.article.text):
        span = (start - 1, end + 1)
        first = max(0, bisect.bisect_right(starts, span[0]) - 1)
        for sentence in analysis.sentences[first:]:
            if sentence.start >= span[1]:
                break
            if sentence.end > span[0]:
                by_sentence.setdefault(sentence.index, []).append(span)
    return {i: tuple(spans) for i, spans in by_sentence.items()}


# A quotation running over this many sentences is a passage of another text quoted whole (an
# aggregator's excerpt of a report), not a speaker's words: its own quotations are the speech in it.
BLOCK_QUOTATION = 3


@per_analysis
def block_quotations(analysis: Analysis) -> frozenset[Span]:
    """Quotations (with their marks) that run over ``BLOCK_QUOTATION`` sentences or more."""
    sentences_of: dict[Span, int] = {}
    for spans in quoted_spans(analysis).values():
        for span in spans:
            sentences_of[span] = sentences_of.get(span, 0) + 1
    return frozenset(span for span, n in sentences_of.items() if n >= BLOCK_QUOTATION)


@per_analysis
def speech_spans(analysis: Analysis) -> dict[int, tuple[Span, ...]]:
    """The article's quotations of speech, with their marks, by sentence: :func:`quoted_spans`, a block
    quotation replaced by the quotations inside it ("'That's why we came here,' said Putin" in a
    report quoted whole)."""
    blocks = block_quotations(analysis)
    text = analysis.article.text
    speech: dict[int, list[Span]] = {}
    for index, spans in quoted_spans(analysis).items():
        sentence = analysis.sentences[index]
        for span in spans:
            if span not in blocks:
                speech.setdefault(index, []).append(span)
                continue
            for (start, end), _ in quotations(text, span[0] + 1, span[1] - 1):
                if sentence.start < end + 1 and start - 1 < sentence.end:
                    speech.setdefault(index, []).append((start - 1, end + 1))
    return {index: tuple(sorted(spans)) for index, spans in speech.items()}


def unquoted(start: int, end: int, quoted: tuple[Span, ...]) -> list[Span]:
    """``[start, end)`` with the quoted spans cut out: the pieces in the outlet's own words."""
    pieces, at = [], start
    for s, e in quoted:
        if e <= at or s >= end:
            continue
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    return pieces


_QUOTE_WORD = re.compile(r"\w+(?:['’]\w+)*")


def quote_words(text: str, span: Span) -> list[tuple[str, Span]]:
    """The words of a quotation, lower case, each with its span in the text."""
    return [
        (m.group().lower(), (span[0] + m.start(), span[0] + m.end()))
        for m in _QUOTE_WORD.finditer(text[span[0] : span[1]])
    ]


def fragment_at(short: list[tuple[str, Span]], long: list[tuple[str, Span]]) -> int | None:
    """Where a quotation of two words or more stands inside a longer one, word for word but for at most
    one changed word (from three words up): the index of its first word in ``long``, or None."""
    n = len(short)
    if n < 2 or n >= len(long):
        return None
    words = [w for w, _ in short]
    best, where = -1, None
    for start in range(len(long) - n + 1):
        same = sum(a == b for a, (b, _) in zip(words, long[start : start + n], strict=True))
        if same > best:
            best, where = same, start
    return where if best == n or (n >= 3 and best == n - 1) else None
