"""Stage 3b, capitals that are no sign of a name (a headline's and a sentence's first word), and
names a sentence's first capital hid from the model.

In running text a capital is a sign of a name, and the small English model leans on it. Two kinds of
capital say nothing, and the model takes them for names all the same:

- a headline capitalises every word ("Israel Launches Ground Offensive In Gaza"), so a run of them
  becomes an organisation, "Israel Launches Ground Offensive". A name found in a title-case line keeps
  only the words the rest of the article also writes as a name or with a capital ("Israel", "Gaza"),
  acronyms and countries, split where an unconfirmed word stood ("Putin Meets Xi" -> "Putin", "Xi"),
  with the label the body gives it. An article with no running text (a headline alone) has nothing
  to confirm with and keeps its names as the model found them;
- a sentence's first word ("Trench warfare begins", "Poison gas ..."): a one-word place, group or
  organisation there is dropped when the article writes the word in lower case elsewhere and never
  with a capital inside a sentence. People are kept: "May said ..." is Theresa May however often
  the article says "may".

The other way round, the model often misses a name that starts a sentence ("Nordair carried 21 million
passengers") while it finds it inside one ("pilots at Nordair"): there the name is given its label.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from .lexicon import DEMONYMS
from .model import Mention, Sentence, Span
from .name_variants import NAME_PARTICLES, word_form

# Short words a headline capitalises and running text does not ("Sanctions On Russia").
_HEADLINE_WORDS = {"on", "in", "for", "to", "of", "at", "with", "after", "over", "from", "by", "as", "into", "amid"}
_HEADLINE_WORDS |= {"is", "are", "has", "have", "will"}
# Small words a title-case headline leaves in lower case ("Mandela in Hospital for 3rd Day").
_SMALL_WORDS = {"and", "the", "for", "nor", "but", "yet", "via", "per", "off", "out", "with", "from", "into", "over"}
_COUNTRIES = set(DEMONYMS.values())
_TOKEN = re.compile(r"[^\W_][\w.'’]*")


def is_title_case(text: str) -> bool:
    """A headline's capitals: a short word capitalised inside it ("... In Gaza"), or every word of three
    letters or more capitalised but the small words headlines leave lower-case. A sentence full of
    names is not one: "Joe Biden met Emmanuel Macron" has "met"."""
    words = re.findall(r"[A-Za-z]+", text)[1:]
    if any(w[0].isupper() and w.lower() in _HEADLINE_WORDS for w in words):
        return True
    content = [w for w in words if len(w) >= 3 and w not in _SMALL_WORDS]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


@functools.lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A word as names are compared: "U.S." = "US" = "America", "Israeli" = "Israel", "Syria's" = "Syria"."""
    return word_form(re.sub(r"['’]s$", "", word.strip("'’")).replace(".", "").lower())


def is_country(name: str) -> bool:
    """Whether a name is a country's ("Belarus", "the U.S."), which is a place whatever a model calls it."""
    return _key(re.sub(r"^the\s+", "", name.strip(), flags=re.I)) in _COUNTRIES


def _name_on_its_own(word: str) -> bool:
    """A word that is a name whatever the capitals around it: an acronym ("US", "NYPD"), or a
    country or nationality ("China", "Iraqi")."""
    letters = word.replace(".", "").strip("'’")
    return (len(letters) >= 2 and letters.isupper()) or is_country(word)


def _inside(span: Span, ranges: Sequence[Span]) -> bool:
    """Whether ``span`` lies inside one of ``ranges`` (sorted, not overlapping: sentences)."""
    k = bisect.bisect_right(ranges, (span[0], float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= span[0] and span[1] <= ranges[k][1]


def confirmed_mentions(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``mentions`` without the names that only a headline's or a sentence start's capital made."""
    # Headlines and subheads only: a title-case line among sentences (a digest of headlines, each
    # ended by a full stop) has no body of its own to confirm its names.
    titles = sorted(
        (s.start, s.end) for s in sentences if s.kind == "headline" and is_title_case(text[s.start : s.end])
    )
    title_set = set(titles)
    body = [(s.start, s.end) for s in sentences if (s.start, s.end) not in title_set and s.alignable]
    if not body:
        return tuple(mentions)
    in_body = [m for m in mentions if not _inside((m.start, m.end), titles)]
    body_words = [_TOKEN.findall(text[start:end]) for start, end in body]
    lower_case = {w for words in body_words for w in words if w[0].islower()}
    inside_capitals: set[str] = set()  # capitalised words after a sentence's first: names in running text
    first_words: set[str] = set()
    for words in body_words:
        inside_capitals.update(_key(w) for w in words[1:] if w[0].isupper())
        if words and words[0][0].isupper() and words[0].lower() not in lower_case:
            first_words.add(_key(words[0]))  # "Chicago shooting ...", never "chicago"
    starts = {start for start, _ in body}
    kept = [m for m in in_body if not _common_word_at_start(m, starts, lower_case, inside_capitals)]
    kept += _names_at_starts(text, body, kept, lower_case)
    if titles:
        confirmed = {_key(w) for m in kept for w in _TOKEN.findall(m.text)} | inside_capitals | first_words
        # What the body calls a name, which a headline's guess does not overrule ("Israel": a place).
        body_label = {_key(m.text): m.label for m in kept}
        for mention in mentions:
            if _inside((mention.start, mention.end), titles):
                kept += _confirmed_parts(text, mention, confirmed, body_label)
    return tuple(sorted(kept, key=lambda m: (m.start, m.end)))


def _names_at_starts(
    text: str, body: Sequence[Span], mentions: Sequence[Mention], lower_case: set[str]
) -> list[Mention]:
    """Names the model found inside sentences and missed at a sentence's start ("Nordair carried 21
    million passengers" where "pilots at Nordair" is an organisation): the same words, the same label,
    where the article gives the name one label only and never writes its first word in lower case."""
    labels: dict[str, set[str]] = {}
    for m in mentions:
        labels.setdefault(m.text, set()).add(m.label)
    # By first word, longest first: one look-up per sentence, however many names the article has.
    by_first: dict[str, list[str]] = {}
    for name in sorted((t for t, found in labels.items() if len(found) == 1 and len(t) >= 3), key=len, reverse=True):
        first = name.split()[0]
        key = _LEADING_WORD.match(name)
        if key is not None and first.lower() not in lower_case:
            by_first.setdefault(key.group(), []).append(name)
    covered = {m.start for m in mentions}
    out = []
    for start, end in body:
        first_word = _LEADING_WORD.match(text, start, end)
        if start in covered or first_word is None:
            continue
        for name in by_first.get(first_word.group(), ()):
            stop = start + len(name)
            if text.startswith(name, start) and not (stop < len(text) and (text[stop].isalnum() or text[stop] == "-")):
                out.append(Mention(start, stop, name, next(iter(labels[name]))))
                break
    return out


_LEADING_WORD = re.compile(r"\w+")


def _common_word_at_start(mention: Mention, starts: set[int], lower_case: set[str], inside: set[str]) -> bool:
    word = mention.text
    return (
        mention.start in starts
        and mention.label != "PERSON"
        and _TOKEN.fullmatch(word) is not None
        and word.lower() in lower_case
        and _key(word) not in inside
        and not _name_on_its_own(word)  # "US officials said ..." in an article that also says "told us"
    )


def _confirmed_parts(text: str, mention: Mention, confirmed: set[str], body_label: dict[str, str]) -> list[Mention]:
    """A headline name cut into the runs of its words the body confirms."""
    parts: list[Mention] = []
    run: list[re.Match[str]] = []
    for token in [*_TOKEN.finditer(text, mention.start, mention.end), None]:
        word = _key(token.group()) if token else ""
        if token and (word in confirmed or _name_on_its_own(token.group()) or (run and word in NAME_PARTICLES)):
            run.append(token)
            continue
        while run and _key(run[-1].group()) in NAME_PARTICLES:
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            end -= 2 if text[end - 2 : end] in ("'s", "’s") else 0
            parts.append(Mention(start, end, text[start:end], body_label.get(_key(text[start:end]), mention.label)))
        run = []
    return parts
