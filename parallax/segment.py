"""Stage 3, sentences: exact offsets, line-aware, with headlines and bylines told apart.

The text is cut at every line break first (a break always ends a sentence),
then spaCy splits each line. Headlines, bylines, datelines and captions are
recognised per line and never glued to the sentence that follows. The same
parse yields the words (lemmas) used for alignment and the entity mentions.
Text that is not mostly Latin script gets a simpler rule-based segmentation,
because the English pipeline cannot split or tag it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import DEMONYMS, SYNONYMS
from .model import Mention, Sentence, Span, Word

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
_TERMINAL = ".!?…\"'”’)»:;"
_BYLINE = re.compile(
    r"^(?:by|written by|reported by|words by|story by)\s+[A-Z][\w.'’-]+(?:[\s,]+(?:and\s+)?[A-Z&][\w.'’-]*){0,8}"
    r"(?:\s*[|,/–—-]\s*.{0,60})?$",
    re.I,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’.\- ]{1,40}|[A-Z][\w'’.\- ]{1,30}(?=[^()]{0,30}\())"  # MOSCOW / Moscow, Sept 18 (Reuters)
    r"(?:,\s*[A-Z][A-Za-z.]{1,12}\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?"
    r"\s*(?:\((?:[A-Z][\w .&’'-]{1,30})\))?\s*[-–—]{1,2}\s+(?=\S)"
)
_CAPTION = re.compile(r"^(?:caption|pictured|photo|image|above|below|top|left|right|inset)\s*[:\-–—]\s*", re.I)
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_RULE_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])[\"'”’»)]*\s*")


@dataclass(frozen=True)
class Segmentation:
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    date_entities: tuple[Mention, ...]


def is_mostly_latin(text: str) -> bool:
    """True when most letters are Latin script (the English pipeline applies)."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return latin / len(letters) >= 0.6


def _lines(text: str, max_line_chars: int) -> Iterator[Span]:
    """Non-empty line spans (trimmed); over-long lines are cut at whitespace."""
    offset = 0
    for line in text.split("\n"):
        start = offset + len(line) - len(line.lstrip())
        end = offset + len(line.rstrip())
        offset += len(line) + 1
        while end - start > max_line_chars:
            cut = text.rfind(" ", start + max_line_chars // 2, start + max_line_chars)
            cut = cut if cut > start else start + max_line_chars
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


def line_kind(line: str, is_first: bool) -> str:
    """Classify a whole line: headline, byline, caption, or ordinary text."""
    words = line.split()
    if _BYLINE.match(line) and len(words) <= 14:
        return "byline"
    if _CAPTION.match(line) and len(words) <= 40:
        return "caption"
    if len(words) <= 20 and line[-1] not in _TERMINAL and not line.endswith(","):
        # A short line without end punctuation is a title or a subhead.
        return "headline"
    if is_first and len(words) <= 20 and line[-1] not in ".;,:" and line[-1] in "!?\"”’'":
        return "headline"
    return "sentence"


def _inside(span: Span, spans: tuple[Span, ...]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _word_key(token) -> str:
    if token.like_num:
        return token.text.replace(",", "").lower()
    lemma = token.lemma_ if token.pos_ != "PROPN" else token.text
    key = lemma.lower().strip("’'").removesuffix("’s").removesuffix("'s") or token.lower_
    key = DEMONYMS.get(key, key)
    return SYNONYMS.get(key, key) if token.pos_ in ("VERB", "NOUN", "ADJ", "ADV") else key


def segment(text: str, nlp, boilerplate: tuple[Span, ...], max_line_chars: int = 20000) -> Segmentation:
    """Sentences, words and entity mentions of ``text`` (English pipeline)."""
    pieces: list[tuple[Span, str]] = []  # (span, kind) of each piece to parse
    first = True
    for start, end in _lines(text, max_line_chars):
        line = text[start:end]
        if _inside((start, end), boilerplate):
            pieces.append(((start, end), "boilerplate"))
            continue
        kind = line_kind(line, first)
        first = False
        if kind == "sentence":
            dateline = _DATELINE.match(line)
            if dateline and dateline.end() < len(line):
                head = line[: dateline.end()].rstrip(" -–—")
                pieces.append(((start, start + len(head)), "dateline"))
                start += dateline.end()
        pieces.append(((start, end), kind))

    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    dates: list[Mention] = []
    docs = nlp.pipe((text[s:e] for (s, e), _ in pieces), batch_size=64)
    for ((base, _), kind), doc in zip(pieces, docs, strict=True):
        parts = [doc[:]] if kind != "sentence" else list(doc.sents)
        for part in parts:
            words = tuple(
                Word(base + t.idx, base + t.idx + len(t.text), _word_key(t), _is_content(t))
                for t in part
                if not (t.is_punct or t.is_space)
            )
            s = base + part.start_char
            e = base + part.end_char
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, kind, words))
        if kind == "boilerplate":
            continue
        for ent in doc.ents:
            mention = Mention(base + ent.start_char, base + ent.end_char, ent.text, ent.label_)
            if ent.label_ in ENTITY_LABELS:
                mentions.append(mention)
            elif ent.label_ == "DATE":
                dates.append(mention)
    return Segmentation(tuple(sentences), tuple(mentions), tuple(dates))


def _is_content(token) -> bool:
    return not token.is_stop and (token.is_alpha or token.like_num or any(c.isalpha() for c in token.text))


def segment_rule_based(text: str, boilerplate: tuple[Span, ...], max_line_chars: int = 20000) -> Segmentation:
    """Sentences and words for non-Latin scripts: punctuation rules, CJK characters as words."""
    sentences: list[Sentence] = []
    for start, end in _lines(text, max_line_chars):
        kind = "boilerplate" if _inside((start, end), boilerplate) else "sentence"
        cursor = start
        line = text[start:end]
        cuts = [m.end() for m in _RULE_SENTENCE_END.finditer(line) if m.end() < len(line)] + [len(line)]
        for cut in cuts:
            s, e = cursor, start + cut
            cursor = e
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            sentences.append(Sentence(len(sentences), s, e, kind, tuple(_rule_words(text, s, e))))
    return Segmentation(tuple(sentences), (), ())


def _rule_words(text: str, start: int, end: int) -> Iterator[Word]:
    for match in _WORD.finditer(text, start, end):
        token = match.group()
        if _CJK.search(token):
            # No spaces between CJK words: each character is a word here.
            for i, ch in enumerate(token):
                pos = match.start() + i
                yield Word(pos, pos + 1, ch, not ch.isascii() or ch.isalnum())
        else:
            yield Word(match.start(), match.end(), token.lower(), len(token) > 2)
