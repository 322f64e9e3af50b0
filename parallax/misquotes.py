"""Stage 8, quotations: the same quotation worded differently on the two sides of a match (a
misquote), or words quoted on one side that the other carries without quotation marks, word for
word or, where one article takes its wording from the other, reworded as reported speech.

Read over the whole of a close match (verbatim or paraphrase). A quotation trimmed to parts is
compared part by part; a quotation one side credits and the other rewords as its own is the mark
of words carried without marks. Pure functions over a match's two sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .credits import SPEECH_VERB
from .facts import overlaps, plain_words, within
from .model import Difference, Span
from .quotes import fragment_at, quote_words, speech_spans
from .sides import Side


def quotations_of(side: Side) -> list[tuple[Span, str]]:
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


def quotation_differences(k: int, sa: Side, sb: Side, derived: bool = False) -> list[Difference]:
    """Misquotes, and quotations one side carries without marks. ``derived``: one article takes its wording
    from the other, so a quotation it restates as reported speech is one it took and reworded."""
    qa, qb = quotations_of(sa), quotations_of(sb)
    out = []
    used_b: set[int] = set()
    used_a: set[int] = set()
    for i, (span_a, quote_a) in enumerate(qa):
        best = max(
            ((fuzz.ratio(plain_words(quote_a), plain_words(q)), j) for j, (_, q) in enumerate(qb)), default=(0.0, -1)
        )
        if best[1] >= 0 and best[0] >= 60:
            used_a.add(i)
            used_b.add(best[1])
            if plain_words(quote_a) != plain_words(qb[best[1]][1]):
                span_b = qb[best[1]][0]
                out.append(Difference(k, "quotation", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b])))
    # A quotation trimmed to parts of the other's ("patient for eighteen months" and "nothing but delays" of
    # "We have been patient for eighteen months, and ... nothing but delays"): each part is compared with
    # the words it stands for, and the rest of the longer one may be carried without marks.
    out += _quoted_parts(k, sa, sb, qa, qb, used_a, used_b)
    # Each side's quotations the other matched to none: carried there without marks? Reworded as reported
    # speech, where the other side quotes nothing left over: two outlets quoting one statement in other
    # words (TASS and Sputnik, each giving one sentence of a ministry's statement in marks) quote it both.
    unmatched = (len(qa) > len(used_a), len(qb) > len(used_b))
    for n, (quotes, used, side, other) in enumerate(((qa, used_a, sa, sb), (qb, used_b, sb, sa))):
        for i, (span, quote) in enumerate(quotes):
            credited = _words_credited(side, span)
            found = None if i in used else _unquoted(quote, other, credited)
            if found is None and i not in used and credited and derived and not unmatched[1 - n]:
                found = _reported(span, side, other, [q for q, _ in (qb, qa)[n]])
            if found is not None:
                span_a, span_b = (span, found) if n == 0 else (found, span)
                out.append(Difference(k, "quotation", (span_a,), (span_b,), sa.cut([span_a]), sb.cut([span_b])))
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
    quoted = [q for q, _ in quotations_of(side)]
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
    quoted = [q for q, _ in quotations_of(side)]
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
            if not any(within(span, [q]) or overlaps(span, q) for q in quoted):
                return span
    return None


# A quotation restated as reported speech shares at least this many of its content words, and this share
# of them, with one sentence of the other side that reports speech. The five quotations the written and
# held-out rewrites (eval/) turn into reported speech share 3-6 words, 60-100% of their content words.
_REPORTED_WORDS = 2
_REPORTED_SHARE = 0.4


def _reported(span: Span, side: Side, other: Side, quoted: Sequence[Span]) -> Span | None:
    """Where the other side restates a quotation as reported speech, without marks ("'The leak is small and
    we have it under control,' Zielinski said" / "Zielinski said the leak was small and under control"): in
    its sentence that reports speech and shares most of the quotation's content words outside its own
    quotations (``quoted``, their spans), the stretch from the first shared word after the verb of speech
    to the last."""
    keys = {
        w.key for i in side.ids for w in side.analysis.sentences[i].words if w.content and span[0] <= w.start < span[1]
    }
    if len(keys) < _REPORTED_WORDS:
        return None
    best: tuple[int, Span] | None = None
    for i, (start, end) in zip(other.ids, other.ranges, strict=True):
        verbs = [m.start() for m in SPEECH_VERB.finditer(other.text, start, end)]
        shared = [
            w
            for w in other.analysis.sentences[i].words
            if w.content and w.key in keys and not any(a <= w.start < b for a, b in quoted)
        ]
        if not verbs or not shared:
            continue
        # What was said follows its verb ("their federation said each rise makes investing harder"); the
        # clause before it is the outlet's own ("Small businesses are unhappy").
        after = [w for w in shared if w.start > verbs[0]]
        # The share counts every word restated ("praised his team's character and said the fans had
        # carried them"); the span, only what follows the verb.
        hit = len({w.key for w in shared})
        if len({w.key for w in after}) >= _REPORTED_WORDS:
            shared = after
        if hit >= _REPORTED_WORDS and hit >= _REPORTED_SHARE * len(keys) and (best is None or hit > best[0]):
            best = (hit, (shared[0].start, shared[-1].end))
    return None if best is None else best[1]
