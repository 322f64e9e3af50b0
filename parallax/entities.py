"""Stage 5, entities: one entry per real-world entity, across spellings and articles.

1. Clean each spaCy mention (leading "the", possessive "'s", titles such as
   "President" or "Mr.").
2. Find names the model missed in one article that are near-spellings of an
   entity of the other article ("Taas" beside "Tass"), with rapidfuzz.
3. Merge aliases: surname or title to the full name ("Putin", "President
   Putin" -> "Vladimir Putin"; "Mr. Wang" -> "Wang Yi"), acronyms to their
   expansion, reordered organisation names.
4. Merge likely misspellings (Jaro-Winkler) and return them as ``flagged`` so
   an editor sees them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from .lexicon import DEMONYMS
from .model import Analysis, Entity, EntityMention
from .options import DEFAULT_OPTIONS, CompareOptions

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
_PLACE = {"GPE", "LOC", "FAC"}
TITLES = (
    "president|vice president|prime minister|foreign minister|defence minister|defense minister|minister|"
    "chancellor|secretary of state|secretary|senator|sen\\.|rep\\.|representative|governor|gov\\.|mayor|"
    "general|gen\\.|colonel|col\\.|lt\\.|captain|capt\\.|admiral|king|queen|prince|princess|pope|sheikh|"
    "ambassador|judge|justice|chairman|chairwoman|chair|ceo|director|spokesman|spokeswoman|professor|prof\\.|"
    "dr\\.|dr|mr\\.|mr|mrs\\.|mrs|ms\\.|ms|sir|dame|lord|lady|leader|premier|counterpart|top diplomat|diplomat"
)
_TITLE_RE = re.compile(rf"^(?:(?:the|former|late|then|acting|deputy|{TITLES})\s+)+", re.I)
# A title just before a name the model left out of the entity ("Mr. Wang").
_TITLE_WORDS = TITLES.replace("\\.", "")
_TITLE_BEFORE = re.compile(r"(?:^|(?<=\s))((?:" + _TITLE_WORDS + r")\.?)\s+$", re.I)
_ABBREVIATED_TITLES = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "col", "lt", "capt", "prof", "st"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
# A preposition that opens a sentence is capitalised, and the model takes it into the name ("Across
# Chile", "In Turda").
_LEADING_PREPOSITION = re.compile(
    r"^(?:Across|In|At|From|Throughout|Within|During|Since|Despite|Around)\s+(?=(?:the\s+)?[A-Z])"
)
_STOP = {"of", "the", "and", "for", "in", "on", "&"}
_MIXED_ACRONYM = re.compile(r"^(?:[A-Z][a-z]?)*[A-Z]$")
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
# "Xi-Putin meeting": two people joined by a hyphen before a word for what they do together.
_PAIR = re.compile(r"^([A-Z][\w'’]+)-([A-Z][\w'’]+)$")
_PAIR_WORDS = (
    "meeting|talks|summit|deal|pact|call|relationship|ties|alliance|axis|partnership|rivalry|feud|"
    "debate|accord|agreement|friendship|bromance"
)
_PAIR_NOUNS = re.compile(r"^[\s-]*(?:" + _PAIR_WORDS + r")\b", re.I)


@dataclass(frozen=True)
class _Raw:
    doc: int
    start: int
    end: int
    surface: str  # cleaned text as written (without "the"/"'s")
    name: str  # without titles: what aliases are matched on
    label: str
    discovered: bool = False


def clean_mention(text: str) -> tuple[str, str, int, int]:
    """``(surface, name, cut_left, cut_right)``: the cleaned mention and its bare name."""
    surface = text.strip()
    left = len(text) - len(text.lstrip())
    preposition = _LEADING_PREPOSITION.match(surface)
    if preposition:
        surface = surface[preposition.end() :]
        left += preposition.end()
    the = _LEADING_THE.match(surface)
    if the:
        surface = surface[the.end() :]
        left += the.end()
    right = 0
    possessive = _POSSESSIVE.search(surface)
    if possessive and len(surface) > 3:
        right = len(surface) - possessive.start()
        surface = surface[: possessive.start()]
    # Keep the last dot of an abbreviation ("U.S."): it is part of the name, not the sentence's end.
    surface = surface.rstrip(" ,;:") if _DOTTED.search(surface) else surface.rstrip(" ,.;:")
    name = _TITLE_RE.sub("", surface).strip() or surface
    if _DOTTED.fullmatch(name):
        name = name.replace(".", "")  # "U.S." is matched as "US", and so joins "US" and "United States"
    return surface, name, left, right


def outlet_names(analyses: Sequence[Analysis]) -> set[str]:
    """The names of the outlets that published the articles, lower case."""
    return {a.article.outlet.strip().lower() for a in analyses if a.article.outlet}


def _raw_mentions(analyses: Sequence[Analysis]) -> list[_Raw]:
    raws: list[_Raw] = []
    person_tokens = {
        t.lower()
        for a in analyses
        for m in a.mentions
        if m.label == "PERSON" and "-" not in m.text
        for t in m.text.split()
    }
    # The outlets that published the articles are bodies, whatever the model takes them for ("Sputnik
    # is live as ..." tags "Sputnik" as a person).
    outlets = outlet_names(analyses)
    for doc, analysis in enumerate(analyses):
        for m in analysis.mentions:
            if m.label not in LABELS:
                continue
            if m.text.strip().lower() in outlets and m.label != "ORG":
                m = replace(m, label="ORG")
            pair = _PAIR.match(m.text.strip())
            if pair and (
                _PAIR_NOUNS.match(analysis.article.text[m.end : m.end + 20])
                or {pair.group(1).lower(), pair.group(2).lower()} <= person_tokens
            ):
                # Two people, not one: each half becomes its own person mention.
                at = m.start + (len(m.text) - len(m.text.lstrip()))
                first, second = pair.group(1), pair.group(2)
                raws.append(_Raw(doc, at, at + len(first), first, first, "PERSON"))
                raws.append(_Raw(doc, at + len(first) + 1, at + len(first) + 1 + len(second), second, second, "PERSON"))
                continue
            surface, name, left, right = clean_mention(m.text)
            if not re.search(r"[A-Za-z]", name) or name.islower():
                continue
            start = m.start + left
            if m.label == "PERSON":
                title = _TITLE_BEFORE.search(analysis.article.text, max(0, start - 40), start)
                if (
                    title is not None
                    and title.group(1).endswith(".")
                    and (title.group(1)[:-1].lower() not in _ABBREVIATED_TITLES)
                ):
                    title = None  # "... his counterpart. Putin": a sentence end, not "Mr."
                if title and title.group(1)[:1].isupper():
                    surface = f"{title.group(1)} {surface}"
                    start = title.start(1)
            raws.append(_Raw(doc, start, m.end - right, surface, name, m.label))
        raws += _name_pairs(doc, analysis.article.text, [(r.start, r.end) for r in raws if r.doc == doc])
    return raws


_PAIR_IN_TEXT = re.compile(r"\b([A-Z][\w'’]+)-([A-Z][\w'’]+)(?=[\s-]+(?i:" + _PAIR_WORDS + r")\b)")


def _name_pairs(doc: int, text: str, taken: list[tuple[int, int]]) -> list[_Raw]:
    """ "Xi-Putin meeting" where the model tagged nothing: the two people, each as a mention."""
    found = []
    for m in _PAIR_IN_TEXT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        for g in (1, 2):
            found.append(_Raw(doc, m.start(g), m.end(g), m.group(g), m.group(g), "PERSON"))
    return found


def _discover_missed(analyses: Sequence[Analysis], raws: list[_Raw], threshold: float) -> list[_Raw]:
    """Capitalised words the model missed that are near-spellings of a name in another article."""
    found: list[_Raw] = []
    single: dict[int, dict[str, str]] = defaultdict(dict)  # doc -> name -> label
    for r in raws:
        if " " not in r.name and len(r.name) >= 4:
            single[r.doc].setdefault(r.name, r.label)
    # A word written in lower case anywhere is an ordinary word, not a misspelt name.
    lower_words = {w for a in analyses for w in re.findall(r"\b[a-z]+\b", a.article.text)}
    for doc, analysis in enumerate(analyses):
        text = analysis.article.text
        taken = sorted((r.start, r.end) for r in raws if r.doc == doc)
        own_names = {r.name.lower() for r in raws if r.doc == doc}
        others = sorted(
            {name: label for d, names in single.items() if d != doc for name, label in names.items()}.items()
        )
        if not others:
            continue
        other_names = [name for name, _ in others]
        other_set = set(other_names)
        other_lower = [name.lower() for name in other_names]
        starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end of the spans so far
        for match in re.finditer(r"\b[A-Z][a-z]{3,}\b", text):
            word = match.group()
            if word.lower() in own_names or word.lower() in lower_words or word in other_set:
                continue
            # Inside a mention the model found already? (sorted spans: look at the last one starting before)
            k = bisect.bisect_right(starts, match.start()) - 1
            if k >= 0 and match.start() < reach[k]:
                continue
            best = process.extractOne(word.lower(), other_lower, scorer=JaroWinkler.similarity, score_cutoff=threshold)
            if best is None:
                continue
            name, label = others[best[2]]
            if name[0] == word[0] and abs(len(name) - len(word)) <= 1:
                found.append(_Raw(doc, match.start(), match.end(), word, word, label, discovered=True))
    return found


def _key(name: str) -> frozenset[str]:
    """Order-free key of an organisation or place name ("foreign ministry of China")."""
    words = [DEMONYMS.get(w, w) for w in re.findall(r"[a-z0-9]+", name.lower())]
    return frozenset(w for w in words if w not in _STOP)


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper() and w.lower() not in _STOP)


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _family(label: str) -> str:
    return "PLACE" if label in _PLACE else label


def _words_alike(name_i: str, name_j: str, similarity: float) -> bool:
    """Whether two names of as many words differ only by near-spellings word for word: "Sergei Lavrov" /
    "Sergey Lavrov" may be one name misspelt, "Kaufland Romania" / "Kaufland Bavaria" (Jaro-Winkler 0.91
    over the whole, from the shared first word) are two, and so are "Kim Jong Un" / "Kim Jong Il"."""
    words_i, words_j = name_i.split(), name_j.split()
    if len(words_i) != len(words_j):
        return True
    return all(x == y or JaroWinkler.similarity(x, y) >= similarity for x, y in zip(words_i, words_j, strict=True))


def merge_entities(analyses: Sequence[Analysis], options: CompareOptions = DEFAULT_OPTIONS) -> tuple[Entity, ...]:
    """Merged entities of one or two analysed articles, most mentioned first."""
    raws = _raw_mentions(analyses)
    if len(analyses) > 1:
        raws += _discover_missed(analyses, raws, options.misspelling_similarity)
    groups = _Groups(len(raws))
    by_name: dict[tuple[str, str], int] = {}
    for i, r in enumerate(raws):
        key = (_family(r.label), r.name.lower())
        if key in by_name:
            groups.union(i, by_name[key])
        else:
            by_name[key] = i

    # Aliases: a one-word person name joins the only full name it begins or ends.
    full_names = defaultdict(set)
    for (family, name), i in by_name.items():
        if family == "PERSON" and " " in name:
            tokens = name.split()
            full_names[tokens[0]].add(i)
            full_names[tokens[-1]].add(i)
    for (family, name), i in list(by_name.items()):
        # A name part the model typed as an organisation or a group ("Wang" beside "Wang Yi") joins the
        # person too, unless the same word is also that kind of name in its own right elsewhere.
        part_of_person = family == "PERSON" or (family in ("ORG", "NORP") and (("PERSON", name) not in by_name))
        if part_of_person and " " not in name:
            owners = {groups.find(j) for j in full_names.get(name, set())}
            if len(owners) == 1:
                groups.union(i, owners.pop())
    # Organisations and places: same words in any order, suffixes, acronyms (bucketed, not all pairs).
    keyed = [(i, family, name) for (family, name), i in by_name.items() if family != "PERSON"]
    # Organisations and places may merge with each other ("Kremlin" as either); nationalities stay apart.
    by_words: dict[tuple[bool, frozenset[str]], int] = {}
    by_acronym: dict[str, list[int]] = defaultdict(list)
    by_last_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, family, name in keyed:
        words = (family == "NORP", _key(name))
        if words in by_words and words[1]:
            groups.union(i, by_words[words])
        elif words[1]:
            by_words[words] = i
        if len(name.split()) >= 2 and family != "NORP":
            by_acronym[_acronym(raws[i].name)].append(i)
            if family == "ORG":
                by_last_word[name.split()[-1]].append((i, name))
    for i, family, _ in keyed:
        bare = raws[i].name
        # "IMF", and acronyms that keep a small word's letter in lower case ("BoE", "BoJ").
        letters = "".join(c for c in bare if c.isupper()) if bare.isupper() or _MIXED_ACRONYM.match(bare) else ""
        if len(letters) >= 2 and family != "NORP":
            for j in by_acronym.get(letters, []):
                groups.union(i, j)
    for bucket in by_last_word.values():
        for x, (i, name_i) in enumerate(bucket):
            for j, name_j in bucket[x + 1 :]:
                if name_i.endswith(" " + name_j) or name_j.endswith(" " + name_i):
                    groups.union(i, j)

    # Suspected misspellings: near-identical names, flagged for the editor.
    flagged_roots: dict[int, set[str]] = defaultdict(set)
    names = sorted(by_name.items(), key=lambda kv: kv[1])
    if len(names) > 1:
        lowered = [name for (_, name), _ in names]
        similar = process.cdist(
            lowered,
            lowered,
            scorer=JaroWinkler.similarity,
            score_cutoff=options.misspelling_similarity,
            workers=-1,
            dtype=np.float32,
        )
        docs_of: dict[int, set[int]] = defaultdict(set)
        for k, r in enumerate(raws):
            docs_of[groups.find(k)].add(r.doc)
        for x, y in zip(*np.nonzero(np.triu(similar, 1)), strict=True):
            (_, name_i), i = names[x]
            (_, name_j), j = names[y]
            root_i, root_j = groups.find(i), groups.find(j)
            if root_i == root_j or name_i[0] != name_j[0] or min(len(name_i), len(name_j)) < 4:
                continue
            if abs(len(name_i) - len(name_j)) > 2 or not _words_alike(name_i, name_j, options.misspelling_similarity):
                continue
            docs_i, docs_j = docs_of[root_i], docs_of[root_j]
            discovered = raws[i].discovered or raws[j].discovered
            if docs_i != docs_j and ((len(docs_i) == 1 and len(docs_j) == 1) or discovered):
                groups.union(i, j)
                root = groups.find(i)
                docs_of[root] = docs_i | docs_j
                flagged_roots[root] |= flagged_roots.pop(root_i, set()) | flagged_roots.pop(root_j, set())
                flagged_roots[root].update({raws[i].surface, raws[j].surface})

    members: dict[int, list[_Raw]] = defaultdict(list)
    for i, r in enumerate(raws):
        members[groups.find(i)].append(r)
    entities: list[Entity] = []
    for root, group in members.items():
        entities.append(_entity(group, flagged_roots.get(root, set())))
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return tuple(entities)


def _entity(group: list[_Raw], misspelled: set[str]) -> Entity:
    labels = Counter(r.label for r in group if not r.discovered) or Counter(r.label for r in group)
    label = labels.most_common(1)[0][0]
    if any(r.label == "PERSON" and " " in r.name for r in group):
        label = "PERSON"  # a full personal name decides: its parts may have been typed otherwise
    recognised = [r for r in group if not r.discovered] or group
    counts = Counter(r.name for r in recognised)
    # The display name: the longest bare name, then the most frequent.
    name = max(counts, key=lambda n: (n[:1].isupper(), len(n.split()), counts[n], -len(n) if n.isupper() else len(n)))
    surfaces = sorted({r.surface for r in group} | {r.name for r in group})
    flagged = sorted(s for s in misspelled if s != name and s not in counts) if misspelled else []
    if misspelled and not flagged:
        flagged = sorted(s for s in misspelled if s != name)
    variants = [s for s in surfaces if s != name and s not in flagged]
    # Deduplicated as plain tuples: hashing thousands of dataclass instances costs more.
    mentions = [EntityMention(doc, start, end) for doc, start, end in sorted({(r.doc, r.start, r.end) for r in group})]
    return Entity(name, label, tuple(variants), tuple(flagged), tuple(mentions))
