"""Stage 6, wording: how much of each article's wording comes from the other.

Coverage answers "does the other article state this too?"; reuse answers
"was this text taken from the other?". Two independent reports of one event
share facts, so their coverage is high, but they word them differently, so
their reuse is low. Reuse of article X from article Y is the mean of:

1. the share of X's text (non-space characters, boilerplate left out) in
   *strong* matches with Y: verbatim or paraphrase, or any match inside a
   run of four or more that follow both articles' order sentence by
   sentence (a rewrite that rewords every sentence still follows its
   source's; no independent report of the development sets has such a
   run). Other partial matches count nothing, since restating a fact is
   what independent reports do; nor does a close match whose words,
   names and numbers taken out, differ (``PHRASING``): two reports of one
   meeting name the same people and places, each in its own sentence;
2. word 4-gram containment: the share of X's lower-cased word 4-grams
   (function words kept, as in passim and TextPAIR) that Y also has. A copy
   keeps long runs of words; independent wording rarely shares four in a row.
   A text with no 4-gram at all (every sentence under four words) is judged
   on 1 alone.

Both leave out words inside quotation marks (:mod:`parallax.quotes`): a
quotation is the speaker's wording, which every outlet reporting the
statement reproduces, so two independent reports quoting one minister share
it without copying each other. A match that holds a quotation counts as
strong only if the words outside the marks are themselves close on both sides.

The figure means the same on every story: no normalisation by the cluster
(a family of copies would make its own wording look common). One threshold,
``reuse_threshold`` in ``defaults.toml``, says when a pair shares wording.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from .memo import per_analysis
from .model import Analysis, Match, Span
from .quotes import block_quotations, quoted_spans, unquoted

SHINGLE = 4
_WORD = re.compile(r"\w+")
_MARKS = " \n\t\"“”„«»‘’'.,;:!?-–—()"


@per_analysis
def _quoted_apart_from_blocks(analysis: Analysis) -> dict[int, tuple[Span, ...]]:
    """The quotations left out of an article's own wording: all but block quotations, a report quoted
    whole by an aggregator, which count as wording, with whatever they quote."""
    blocks = block_quotations(analysis)
    kept = {i: tuple(x for x in spans if x not in blocks) for i, spans in quoted_spans(analysis).items()}
    return {i: spans for i, spans in kept.items() if spans}


@per_analysis
def own_pieces(analysis: Analysis) -> tuple[tuple[int, tuple[Span, ...]], ...]:
    """Each alignable sentence (bylines, captions, boilerplate left out) with the pieces of it outside
    quotation marks: the outlet's own wording. An article that is all quotation keeps its quotations,
    or it would have no wording to measure."""
    sentences = [s for s in analysis.sentences if s.alignable]
    quoted = _quoted_apart_from_blocks(analysis)
    pieces = [(s.index, tuple(unquoted(s.start, s.end, quoted.get(s.index, ())))) for s in sentences]
    text = analysis.article.text
    if not any(text[a:b].strip(_MARKS) for _, spans in pieces for a, b in spans):
        pieces = [(s.index, ((s.start, s.end),)) for s in sentences]
    return tuple(pieces)


@per_analysis
def shingles_of(analysis: Analysis) -> frozenset[tuple[str, ...]]:
    """Lower-cased word 4-grams of the article's own wording (not across a quotation)."""
    text = analysis.article.text
    shingles: set[tuple[str, ...]] = set()
    for _, spans in own_pieces(analysis):
        for start, end in spans:
            words = [w.lower() for w in _WORD.findall(text[start:end])]
            shingles.update(tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1))
    return frozenset(shingles)


@per_analysis
def own_sizes(analysis: Analysis) -> dict[int, int]:
    """Non-space characters of each alignable sentence outside quotation marks."""
    text = analysis.article.text
    return {i: sum(len("".join(text[a:b].split())) for a, b in spans) for i, spans in own_pieces(analysis)}


def containment(a: Analysis, b: Analysis) -> tuple[float, float] | None:
    """Share of A's 4-grams found in B, and of B's found in A; None when either has none (every
    piece of its own wording is under four words long), and containment cannot speak."""
    sa, sb = shingles_of(a), shingles_of(b)
    if not sa or not sb:
        return None
    shared = len(sa & sb)
    return shared / len(sa), shared / len(sb)


def strong_matches(a: Analysis, b: Analysis, matches: Sequence[Match], wording_threshold: float = 0.6) -> list[Match]:
    """Matches whose *wording* is a copy or a close paraphrase (word and character score at least
    ``wording_threshold``): the same statement in other words does not count. Where a match holds a
    quotation, its wording is judged on the words outside quotation marks (on either side) alone:
    two reports quoting one speaker share the speaker's words, not their own."""
    strong = []
    for match in matches:
        if match.wording < wording_threshold:
            continue
        quotes = _quoted_words(a, match.a) + _quoted_words(b, match.b)
        if quotes:
            own_a, own_b = _own_words(a, match.a, quotes), _own_words(b, match.b, quotes)
            if fuzz.ratio(own_a, own_b) / 100 < wording_threshold:
                continue
        phrasing_a, phrasing_b = _phrasing(a, match.a), _phrasing(b, match.b)
        if phrasing_a and phrasing_b and fuzz.ratio(phrasing_a, phrasing_b) / 100 < PHRASING:
            continue  # the same names in other words: one statement, reported twice
        strong.append(match)
    return strong


# The words of a strong match left when names and numbers are taken out must be at least this alike
# (rapidfuzz ratio): two reports of one meeting share "Kim Jong Un", "Vladimir Putin" and "the
# Vostochny Cosmodrome" and little else; a copy or a close rewrite also shares the words around them.
# Rewrite-set AUC (eval/rewrite_pairs.py) 0.972 and families 0.923 at 0.40-0.50, 0.931 at 0.55;
# reuse_dev AUC 0.981 -> 0.983 and families 0.953 -> 0.969 at 0.40-0.50. 0.45 is the middle.
PHRASING = 0.45


@per_analysis
def phrasings(analysis: Analysis) -> dict[int, str]:
    """Each alignable sentence's own words (outside quotation marks) less names and numbers, lower case."""
    text = analysis.article.text
    names = sorted((m.start, m.end) for m in analysis.mentions)
    starts = [start for start, _ in names]
    out = {}
    for i, spans in own_pieces(analysis):
        words = []
        for start, end in spans:
            for w in _WORD.finditer(text, start, end):
                at = bisect.bisect_right(starts, w.start()) - 1
                if w.group().isdigit() or (at >= 0 and names[at][0] <= w.start() and w.end() <= names[at][1]):
                    continue
                words.append(w.group().lower())
        out[i] = " ".join(words)
    return out


def _phrasing(analysis: Analysis, sentence_ids: Sequence[int]) -> str:
    found = phrasings(analysis)
    return " ".join(found[i] for i in sentence_ids if found.get(i))


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text)).lower()


def _quoted_words(analysis: Analysis, sentence_ids: Sequence[int]) -> list[str]:
    text = analysis.article.text
    quoted = _quoted_apart_from_blocks(analysis)
    spans = dict.fromkeys(span for i in sentence_ids for span in quoted.get(i, ()))  # once, in order
    return [_words(text[s:e]) for s, e in spans]


def _own_words(analysis: Analysis, sentence_ids: Sequence[int], quotes: list[str]) -> str:
    """The sentences' words outside quotation marks, less any quotation the other side marks and
    this side carries unmarked (a quotation either side credits is the speaker's, not the outlet's)."""
    text = analysis.article.text
    pieces = dict(own_pieces(analysis))
    own = " ".join(_words(text[s:e]) for i in sentence_ids for s, e in pieces.get(i, ()))
    for quote in quotes:
        if len(quote.split()) >= 2:
            own = own.replace(quote, " ")
    return " ".join(own.split())


# A run of this many matches, each starting on both sides where the one before ended, is a text
# followed sentence by sentence. Independent reports of the development sets have runs of up to
# three (lede, the statement both report, reaction: eval/rewrite_pairs.py, eval/shared_quotes.py).
ORDERED_RUN = 4


def _runs(a: Analysis, b: Analysis, matches: Sequence[Match]) -> list[list[Match]]:
    """The matches in reading order, cut into runs where each starts on both sides where the one
    before ended (alignable sentences only: a caption between two paragraphs does not cut a run)."""
    rank_a = {s.index: k for k, s in enumerate(s for s in a.sentences if s.alignable)}
    rank_b = {s.index: k for k, s in enumerate(s for s in b.sentences if s.alignable)}
    ordered = sorted(
        (m for m in matches if all(i in rank_a for i in m.a) and all(j in rank_b for j in m.b)),
        key=lambda m: (min(rank_a[i] for i in m.a), min(rank_b[j] for j in m.b)),
    )
    runs: list[list[Match]] = []
    for match in ordered:
        follows = (
            runs
            and min(rank_a[i] for i in match.a) == max(rank_a[i] for i in runs[-1][-1].a) + 1
            and min(rank_b[j] for j in match.b) == max(rank_b[j] for j in runs[-1][-1].b) + 1
        )
        if follows:
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def ordered_runs(a: Analysis, b: Analysis, matches: Sequence[Match], length: int = ORDERED_RUN) -> list[Match]:
    """Matches in runs of ``length`` or more that keep both articles' order with nothing between: the
    mark of a rewrite that follows its source sentence by sentence, however far it rewords each one."""
    return [match for run in _runs(a, b, matches) if len(run) >= length for match in run]


def longest_run(a: Analysis, b: Analysis, matches: Sequence[Match]) -> list[Match]:
    """The longest run of matches that keep both articles' order with nothing between (the first of
    equals), for the verdict to name."""
    return max(_runs(a, b, matches), key=len, default=[])


def reworded_run(a: Analysis, b: Analysis, matches: Sequence[Match]) -> int:
    """How many passages in a row follow both articles' order when most of them are reworded (partial
    matches), or 0: what a rewrite that rewords every sentence kept of its source is the order, and
    "53% of the wording" must not be read as 53% of the words in common."""
    run = longest_run(a, b, matches)
    if len(run) >= ORDERED_RUN and 2 * sum(m.kind == "partial" for m in run) > len(run):
        return len(run)
    return 0


def strong_share(analysis: Analysis, strong: Sequence[Match], side: str) -> float:
    """Share of the article's own wording (non-space characters outside quotation marks) in the
    ``strong`` matches."""
    ids = {i for m in strong for i in (m.a if side == "a" else m.b)}
    sizes = own_sizes(analysis)
    total = sum(sizes.values())
    covered = sum(size for i, size in sizes.items() if i in ids)
    return covered / total if total else 0.0


def reuse(a: Analysis, b: Analysis, matches: Sequence[Match], wording_threshold: float = 0.6) -> tuple[float, float]:
    """``(share of A's wording from B, share of B's wording from A)``, each 0-1. Texts too short for
    a 4-gram ("Talks end." / "Talks end.") are judged on their strong matches alone: a text against
    itself is 1.0 however short."""
    contained = containment(a, b)
    strong = strong_matches(a, b, matches, wording_threshold)
    strong += ordered_runs(a, b, matches)  # a match in both lists counts once: shares are taken by sentence
    shares = strong_share(a, strong, "a"), strong_share(b, strong, "b")
    if contained is None:
        return round(shares[0], 4), round(shares[1], 4)
    return round(0.5 * shares[0] + 0.5 * contained[0], 4), round(0.5 * shares[1] + 0.5 * contained[1], 4)
