"""Stage 4, alignment: which sentences of A does B also carry, and how closely.

rapidfuzz does every fuzzy and sequence comparison (no difflib):

1. Words are compared by lemma; words of one article that are near-spellings
   of words only the other has ("Taas"/"Tass") are unified first.
2. Every sentence pair gets a lexical score: IDF-weighted overlap of content
   lemmas, as Dice and as containment (so one sentence of A split across two
   of B still scores), and a character score from ``process.cdist`` on the
   normalised text (for copies and near-copies). Pairs are found through an
   inverted word index, so only pairs sharing a word are ever scored.
3. A linked neighbour lifts a weaker pair: rewrites keep local order even when
   they move whole passages.
4. Links are grouped many-to-many, with every pair inside a group supported.
5. Each group gets a kind (verbatim, paraphrase, partial) and its shared words
   as whole-word character spans in both articles.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from .gaps import (
    RUNNING_TEXT,
    attach,
    beside_pairs,
    enclosed,
    exclusive_pairs,
    gap_links,
    sandwiched,
    split_off,
    story_cohesion,
)
from .lexical import (
    CodedBags,
    code_bags,
    conflicts,
    idf_weights,
    lexical_scores,
    pair_codes,
    shared_items,
    spelling_candidates,
    unify_candidates,
)
from .lexicon import CAPITAL_CITIES, DEMONYMS, SEATS_OF_GOVERNMENT
from .memo import per_analysis
from .model import Analysis, Match, Sentence, Span, Word
from .options import DEFAULT_OPTIONS, CompareOptions
from .semantics import (
    agreed_counterparts,
    anchored_counterparts,
    clear_counterparts,
    cosines,
    merged_in_meaning,
    semantic_scores,
    sentence_vectors,
)

_PUNCT = re.compile(r"[^\w\s]+")


def _workers(cells: int) -> int:
    """All cores for big score matrices; one for small ones, where starting threads costs more."""
    return -1 if cells >= 50_000 else 1


_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PairScores:
    """Scores of every candidate pair: dense ``(len(a), len(b))`` arrays over alignable sentences."""

    a_index: tuple[int, ...]
    b_index: tuple[int, ...]
    lexical: np.ndarray
    character: np.ndarray
    cosine: np.ndarray  # cosine of the sentence vectors (parallax.semantics)
    semantic: np.ndarray  # that cosine rescaled onto the lexical score's scale
    wording: np.ndarray  # words and characters only: how much of the wording the pair shares
    raw: np.ndarray  # the pair's own similarity: decides kind and score
    combined: np.ndarray  # raw lifted by linked neighbours: decides links
    undiscounted: np.ndarray  # raw before the names' near-miss discount (figures' kept): what order may vouch for


@functools.lru_cache(maxsize=65536)
def normalise_for_characters(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


# Lexical score from which a pair's characters are compared when the matrix is too big to compare all.
CHARACTER_CANDIDATE = 0.1

ENTITY_CONFLICT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


@dataclass(frozen=True)
class ArticleFeatures:
    """What alignment needs of one article, computed once however many pairs it is in."""

    sentences: tuple[Sentence, ...]  # the alignable ones
    content: tuple[tuple[str, ...], ...]
    words: CodedBags  # content lemmas per sentence
    names: CodedBags  # words of the names each sentence mentions
    figures: CodedBags  # figures each sentence gives
    spellable: tuple[str, ...]  # content words that near-spellings may unify (parallax.lexical)
    texts: tuple[str, ...]
    vectors: np.ndarray  # unit sentence vectors, one row per alignable sentence
    topics: tuple[frozenset[str], ...]  # each sentence's content lemmas and the words of its names
    cohesion: float  # share of sentences tied to another by a word or a name (parallax.gaps)


@per_analysis
def features_of(analysis: Analysis) -> ArticleFeatures:
    sentences = tuple(s for s in analysis.sentences if s.alignable)
    text = analysis.article.text
    content = tuple(tuple(w.key for w in s.words if w.content) for s in sentences)
    entities = entity_keys(analysis, sentences, {})
    words = code_bags(content)
    topics = tuple(frozenset(c) | e for c, e in zip(content, entities, strict=True))
    return ArticleFeatures(
        sentences,
        content,
        words,
        code_bags(entities),
        code_bags(number_keys(sentences)),
        spelling_candidates(words.vocab),
        tuple(normalise_for_characters(text[s.start : s.end]) for s in sentences),
        sentence_vectors([text[s.start : s.end] for s in sentences]),
        topics,
        story_cohesion(topics),
    )


def running_text(a: Analysis, b: Analysis) -> bool:
    """Whether two articles tell one story (:func:`_running_text`), not a digest of items."""
    return _running_text(features_of(a), features_of(b))


def _running_text(fa: ArticleFeatures, fb: ArticleFeatures) -> bool:
    """Whether a pair tells one story (parallax.gaps.RUNNING_TEXT), not a digest of items: only there does
    order vouch for a link, and only there are several sentences a side one statement."""
    return (fa.cohesion + fb.cohesion) / 2 >= RUNNING_TEXT


def entity_keys(analysis: Analysis, sentences: Sequence[Sentence], mapping: dict[str, str]) -> list[frozenset[str]]:
    """Per sentence, the words of the names it mentions (lower case, demonyms as countries)."""
    keys: list[set[str]] = [set() for _ in sentences]
    starts = [s.start for s in sentences]
    for mention in analysis.mentions:
        if mention.label not in ENTITY_CONFLICT_LABELS:
            continue
        k = bisect.bisect_right(starts, mention.start) - 1
        if k < 0 or mention.start >= sentences[k].end:
            continue
        for word in re.findall(r"\w+", mention.text.lower()):
            if word not in ("the", "of", "and", "s") and len(word) > 1:
                word = DEMONYMS.get(word, word)
                keys[k].add(mapping.get(word, word))
        initials = _initials(mention.text)
        if initials:
            keys[k].add(initials)
        # A capital names its state as much as itself ("Oslo-based" / "Norwegian"): not a different place.
        place = mention.text.lower().removeprefix("the ").strip()
        if place in CAPITAL_CITIES:
            keys[k].add(mapping.get(SEATS_OF_GOVERNMENT[place], SEATS_OF_GOVERNMENT[place]))
    return [frozenset(k) for k in keys]


_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")


def _initials(name: str) -> str | None:
    """The acronym a name of two to five capitalised words is written as ("the European Union" ->
    "eu", "International Monetary Fund" -> "imf"), so that "EU" is no other name than it."""
    words = [w for w in _NAME_WORD.findall(name) if w not in ("The", "Of", "And")]
    return "".join(w[0] for w in words).lower() if 2 <= len(words) <= 5 else None


_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
    ]
)


def number_keys(sentences: Sequence[Sentence]) -> list[frozenset[str]]:
    """Per sentence, the figures it gives ("17", "4.2", "four")."""
    return [frozenset(w.key for w in s.words if w.key[:1].isdigit() or w.key in _NUMBER_WORDS) for s in sentences]


def character_scores(texts_a: Sequence[str], texts_b: Sequence[str], candidates: np.ndarray, full: bool) -> np.ndarray:
    """rapidfuzz similarity (0-1) of the normalised texts, for all pairs or the candidate ones."""
    shape = (len(texts_a), len(texts_b))
    if not texts_a or not texts_b:
        return np.zeros(shape)
    if full:
        workers = _workers(len(texts_a) * len(texts_b))
        return process.cdist(texts_a, texts_b, scorer=fuzz.ratio, workers=workers, dtype=np.float32) / 100.0
    scores = np.zeros(shape, dtype=np.float32)
    for i in np.flatnonzero(candidates.any(axis=1)):
        cols = np.flatnonzero(candidates[i])
        row = process.cdist(
            [texts_a[int(i)]], [texts_b[int(j)] for j in cols], scorer=fuzz.ratio, workers=1, dtype=np.float32
        )
        scores[i, cols] = row[0] / 100.0
    return scores


def _with_context(score: np.ndarray, weight: float) -> np.ndarray:
    """Lift each pair by its best linked neighbour (diagonal, or a split of one sentence in two)."""
    if score.size == 0 or weight <= 0:
        return score
    # Only a pair that already shares something is lifted, and never past its neighbour: the few
    # such pairs are lifted where they are, not the whole matrix (millions of pairs at 50,000 words).
    rows, cols = np.nonzero(score > 0.12)
    if not rows.size:
        return score
    padded = np.pad(score, 1)
    r, c = rows + 1, cols + 1
    neighbours = np.maximum.reduce(
        [
            padded[r - 1, c - 1],  # (i-1, j-1)
            padded[r + 1, c + 1],  # (i+1, j+1)
            padded[r - 1, c],  # (i-1, j): one sentence of B split across two of A
            padded[r + 1, c],
            padded[r, c - 1],  # (i, j-1)
            padded[r, c + 1],
        ]
    )
    own = score[rows, cols]
    lifted = score.copy()
    lifted[rows, cols] = np.minimum(1.0, own + weight * np.minimum(neighbours, 1.0) * np.clip(own * 3, 0, 1))
    return lifted


def score_pairs(
    a: Analysis, b: Analysis, options: CompareOptions = DEFAULT_OPTIONS
) -> tuple[PairScores, dict[str, str]]:
    """Score every alignable sentence pair of A and B."""
    fa, fb = features_of(a), features_of(b)
    mapping = unify_candidates(fa.spellable, fa.words.keys, fb.spellable, fb.words.keys, options.word_similarity)
    codes = pair_codes(fa.words, fb.words, mapping)
    shape = (len(fa.sentences), len(fb.sentences))
    lexical = (
        lexical_scores(fa.words, fb.words, codes, idf_weights(fa.words, fb.words, codes))
        if all(shape)
        else np.zeros(shape, dtype=np.float32)
    )
    full = shape[0] * shape[1] <= options.full_matrix_pairs
    # Beyond the full matrix, characters are compared only where words already overlap a little:
    # below a lexical score of 0.1 no pair in the benchmark texts came near a character score of 0.6,
    # where the character part starts to count.
    character = character_scores(fa.texts, fb.texts, lexical >= CHARACTER_CANDIDATE, full)
    # Character similarity counts only where it is high: two unrelated sentences
    # still share half their letters.
    char_part = np.clip((character - 0.6) / 0.4, 0, 1)
    cosine = cosines(fa.vectors, fb.vectors)
    semantic = semantic_scores(cosine, options.cosine_floor, options.cosine_ceiling)
    # Words and meaning fail on different pairs: their mean ranks pairs better than either
    # (STS headlines AUC 0.886 against 0.870 and 0.867, eval/calibrate.py).
    w = options.semantic_weight
    base = np.maximum(lexical, char_part)
    raw = np.maximum((1 - w) * base + w * semantic, base if options.semantic_only_lifts else char_part)
    # When no pair reaches the own-score floor nothing can link (the near-miss discount only lowers
    # scores): skip the discount and the neighbour lift. Most pairs of a large story end here.
    linkable = bool(raw.size) and raw.max() >= options.min_own_score
    undiscounted = np.round(raw, 9)
    if linkable and options.entity_conflict_penalty < 1.0:
        names_conflict = conflicts(fa.names, fb.names, mapping)
        figures_conflict = conflicts(fa.figures, fb.figures, {})
        # A near-copy stays a copy whatever the names; only word overlap is discounted.
        discount = options.entity_conflict_penalty
        undiscounted = np.round(np.where(figures_conflict & (char_part < 0.9), raw * discount, raw), 9)
        raw = np.where((names_conflict | figures_conflict) & (char_part < 0.9), raw * discount, raw)
    # Rounded so that float summation order (A first or B first) cannot change a decision.
    raw = np.round(raw, 9)
    combined = np.round(_with_context(raw, options.context_weight), 9) if linkable else raw
    if linkable and not _running_text(fa, fb):
        # A digest (a list of briefs, headlines) keeps order without telling one story: a neighbour
        # lifts a pair there only where the two sentences also agree in meaning.
        combined = np.where(cosine >= options.digest_lift_cosine, combined, raw)
    return (
        PairScores(
            tuple(s.index for s in fa.sentences),
            tuple(s.index for s in fb.sentences),
            lexical,
            character,
            cosine,
            semantic,
            np.round(base, 9),
            raw,
            combined,
            undiscounted,
        ),
        mapping,
    )


def _links(scores: np.ndarray, threshold: float, rescue: float) -> list[tuple[float, int, int]]:
    """Pairs above threshold that are also close to the best of their row or column.

    A sentence left with no link at all is then tied to its best counterpart
    when that one scores at least ``rescue`` and clearly beats the runner-up:
    in a rewrite almost every sentence comes from somewhere.
    """
    if scores.size == 0:
        return []
    row_best = scores.max(axis=1, keepdims=True)
    col_best = scores.max(axis=0, keepdims=True)
    keep = (scores >= threshold) & ((scores >= 0.75 * row_best) | (scores >= 0.75 * col_best))
    for axis in (1, 0):
        linked = keep.any(axis=axis)
        ordered = np.sort(scores, axis=axis)
        best = ordered.take(-1, axis=axis)
        second = ordered.take(-2, axis=axis) if scores.shape[axis] > 1 else np.zeros_like(best)
        arg = scores.argmax(axis=axis)
        for k in np.flatnonzero(~linked & (best >= rescue) & (best >= 1.25 * second)):
            i, j = (k, arg[k]) if axis == 1 else (arg[k], k)
            keep[i, j] = True
    return sorted(((float(scores[i, j]), int(i), int(j)) for i, j in zip(*np.nonzero(keep), strict=True)), reverse=True)


def group_links(
    links: list[tuple[float, int, int]],
    scores: np.ndarray,
    support: float,
    copies: np.ndarray | None = None,
    merge_support: float = 0.0,
) -> list[tuple[set[int], set[int]]]:
    """Greedy many-to-many grouping: a link joins or merges groups only if every cross pair is supported
    (``support``; a group beyond one sentence split over neighbouring ones needs ``merge_support`` too,
    if that is higher).

    ``copies`` marks verbatim pairs: a copied sentence stays paired with its copy alone.
    """
    if copies is not None and copies.size:
        copied_rows = np.asarray(copies.any(axis=1))
        copied_cols = np.asarray(copies.any(axis=0))
        links = [(s, i, j) for s, i, j in links if copies[i, j] or not (copied_rows[i] or copied_cols[j])]
        linked = {(x, y) for _, x, y in links}
        links += [(1.0, int(i), int(j)) for i, j in zip(*np.nonzero(copies), strict=True) if (i, j) not in linked]
        links.sort(reverse=True)
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: dict[int, tuple[set[int], set[int]]] = {}
    next_id = 0
    for _, i, j in links:
        ga, gb = group_of_a.get(i), group_of_b.get(j)
        if ga is not None and ga == gb:
            continue
        rows = (groups[ga][0] if ga is not None else {i}) | (groups[gb][0] if gb is not None else set())
        cols = (groups[gb][1] if gb is not None else {j}) | (groups[ga][1] if ga is not None else set())
        rows.add(i)
        cols.add(j)
        need = support if _one_sentence_split(rows, cols) else max(support, merge_support)
        if not all(scores[r, c] >= need for r in rows for c in cols):
            continue
        if ga is None and gb is None:
            new_id, next_id = next_id, next_id + 1
        else:
            new_id = min(g for g in (ga, gb) if g is not None)
        for old in (ga, gb):
            if old is not None:
                groups.pop(old, None)
        groups[new_id] = (rows, cols)
        for r in rows:
            group_of_a[r] = new_id
        for c in cols:
            group_of_b[c] = new_id
    return sorted(groups.values(), key=lambda g: (min(g[0]), min(g[1])))


def _one_sentence_split(rows: set[int], cols: set[int]) -> bool:
    """One sentence on one side against one, or against neighbouring sentences on the other (a
    sentence split in two, a quotation and its credit): what a list's lines also do."""
    if len(rows) > 1 and len(cols) > 1:
        return False
    many = rows if len(rows) > 1 else cols
    return max(many) - min(many) == len(many) - 1


def _merge_word_spans(words: Sequence[Word], shared: Sequence[bool]) -> list[Span]:
    spans: list[Span] = []
    previous = False
    for word, is_shared in zip(words, shared, strict=True):
        if is_shared and previous and spans:
            spans[-1] = (spans[-1][0], word.end)
        elif is_shared:
            spans.append((word.start, word.end))
        previous = is_shared
    return spans


def shared_spans(
    words_a: Sequence[Word], words_b: Sequence[Word], mapping: dict[str, str]
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Whole-word spans carried by both sides: shared content words anywhere, plus runs copied in order."""
    keys_a = [mapping.get(w.key, w.key) for w in words_a]
    keys_b = [mapping.get(w.key, w.key) for w in words_b]
    content_a = {k for k, w in zip(keys_a, words_a, strict=True) if w.content}
    content_b = {k for k, w in zip(keys_b, words_b, strict=True) if w.content}
    common = content_a & content_b
    flags_a = [w.content and k in common for k, w in zip(keys_a, words_a, strict=True)]
    flags_b = [w.content and k in common for k, w in zip(keys_b, words_b, strict=True)]
    # Function words count only inside an in-order run of three or more shared words.
    for op in Indel.opcodes(keys_a, keys_b):
        if op.tag == "equal" and op.src_end - op.src_start >= 3:
            for k in range(op.src_start, op.src_end):
                flags_a[k] = True
            for k in range(op.dest_start, op.dest_end):
                flags_b[k] = True
    return tuple(_merge_word_spans(words_a, flags_a)), tuple(_merge_word_spans(words_b, flags_b))


def _pairs_of(groups: Sequence[tuple[set[int], set[int]]]) -> set[tuple[int, int]]:
    """Every sentence pair the groups link (a group links each of its rows to each of its columns)."""
    return {(r, c) for rows, cols in groups for r in rows for c in cols}


def _matches(
    a: Analysis,
    b: Analysis,
    options: CompareOptions,
    scored: tuple[PairScores, dict[str, str]] | None,
    trust_derivation: bool,
) -> tuple[tuple[Match, ...], frozenset[tuple[int, int]]]:
    """The matches, and the sentence-id pairs that only trust in a derivation linked: see :func:`align`."""
    pair, mapping = scored if scored is not None else score_pairs(a, b, options)
    if pair.combined.size == 0:
        return (), frozenset()  # one side has nothing alignable (only boilerplate, or nothing at all)
    # A link needs some similarity of its own: neighbours may lift it, not create it.
    eligible = np.where(pair.raw >= options.min_own_score, pair.combined, 0.0)
    links = _links(eligible, options.link_threshold, options.rescue_threshold)
    matches: list[Match] = []
    copies = pair.character >= options.verbatim_threshold
    # Keep copies one-to-one: of several identical candidates, the best-scoring only.
    copies &= (pair.character >= pair.character.max(axis=1, keepdims=True)) & (
        pair.character >= pair.character.max(axis=0, keepdims=True)
    )
    fa, fb = features_of(a), features_of(b)
    running_text = _running_text(fa, fb)
    # In a digest each line is an item of its own: lines join one match only where every pair of them
    # is close, not merely on one topic ("Neil Armstrong dies" twice), or as one sentence split in two.
    merge_support = 0.0 if running_text else options.digest_merge_support
    groups = group_links(links, pair.combined, options.group_support, copies, merge_support)
    core_links = {(i, j) for _, i, j in links} | {(int(i), int(j)) for i, j in zip(*np.nonzero(copies), strict=True)}
    derivation_only: set[tuple[int, int]] = set()
    widened: set[tuple[int, int]] = set()
    gaps: set[tuple[int, int]] = set()
    # Read by the gap links only, which need running text.
    same_figures = shared_items(fa.figures, fb.figures) if options.gap_floor < 1.0 and running_text else None
    if options.gap_floor < 1.0 and running_text:
        gaps = gap_links(core_links, pair.undiscounted, copies, options.gap_floor, same_figures)
        plain_groups = attach(groups, gaps)
        halved_groups = attach(groups, gaps, halves=True) if trust_derivation else plain_groups
        if halved_groups != plain_groups:
            # The other halves of split sentences that only trust in a derivation joined to a group.
            kept = _pairs_of(plain_groups)
            widened = {(i, j) for i, j in gaps if (i, j) not in kept}
        groups = halved_groups
    # What order may vouch for where one takes its wording from the other: a pair that shares a word or a
    # name, or gives figures none of which the other gives, the fact the rewrite changed ("sending the
    # stock up 14%" / "Its shares rose 6%"). Rewrite injections 0.871 -> 0.879; every other set unchanged
    # (names that differ too added a dropped sentence's link in a held-out pair).
    related = pair.undiscounted
    if trust_derivation and running_text:
        related = np.maximum(related, conflicts(fa.figures, fb.figures, {}))
    if running_text and options.meaning_floor < 1.0:
        # In one story a sentence's clear best in meaning among the leftovers is its counterpart
        # (a headline list is no story: there topic alone makes a best).
        meaning = clear_counterparts(pair.cosine, core_links | gaps, pair.undiscounted, options.meaning_floor)
        groups += [({i}, {j}) for i, j in sorted(meaning)]
        core_links |= meaning
        # A sentence linked in meaning is an anchor too: the one after it may now sit between links
        # (a reordered rewrite's "He stepped down in June 2021" after its reworded "The scandal began").
        # Rewrite injections: 15 changed sentences lose their link, not 19; every other set unchanged.
        if meaning and options.gap_floor < 1.0:
            more = gap_links(core_links | gaps, pair.undiscounted, copies, options.gap_floor, same_figures) - gaps
            groups = attach(groups, more)
            gaps |= more
        if trust_derivation and options.gap_floor < 1.0:
            # Where one takes its wording from the other, a sentence between links whose clear best in
            # meaning lies in the stretch they mark out is that sentence reworded (a rewrite's lede
            # "Not getting enough sleep could be bad for your heart" before the study's figures).
            anchored = anchored_counterparts(core_links | gaps, pair.cosine, related, copies, options.meaning_floor)
            groups = attach(groups, anchored, halves=True)
            widened |= anchored
            gaps |= anchored
    if options.gap_floor < 1.0 and running_text and trust_derivation:
        # A sentence between two of one group's sentences on its side is that group's too (rewrite
        # injections 0.879 -> 0.883; every other set unchanged).
        inside = enclosed(groups, pair.undiscounted)
        groups = attach(groups, inside, halves=True)
        widened |= inside
        gaps |= inside
        derivation_only = sandwiched(core_links | gaps, related)
        if options.meaning_floor < 1.0:
            # Each other's clear best in meaning and in words at once (parallax.semantics). Held-out
            # injections 0.912 -> 0.925 (a wildfire lede's place changed, found on that pair); the same
            # from 1.15 to 1.35 times the runner-up; every other set unchanged.
            derivation_only |= agreed_counterparts(
                pair.cosine,
                pair.undiscounted,
                core_links | gaps | derivation_only,
                options.meaning_floor,
                options.gap_floor,
            )
        linked = core_links | gaps | derivation_only
        derivation_only |= exclusive_pairs(linked, pair.undiscounted, options.gap_floor)
        # Right beside a link, a pair whose name changed: read against the sentences matched (a link that
        # joined no match leaves its sentence unmatched). Rewrite injections 0.883 -> 0.900 with a credit
        # to a person read as a speaker (parallax.reworded); every other set unchanged.
        matched = _pairs_of(groups) | derivation_only
        derivation_only |= beside_pairs(matched, pair.undiscounted)
        groups += [({i}, {j}) for i, j in sorted(derivation_only)]
        if derivation_only and options.meaning_floor < 1.0:
            # Links that order alone made are anchors too: the other half of a split sentence after one
            # ("A man aged 80 also needed treatment after inhaling smoke" after "Two firefighters suffered
            # burns", linked by its place once its age no longer matched).
            again = anchored_counterparts(
                core_links | gaps | derivation_only, pair.cosine, related, copies, options.meaning_floor
            )
            groups = attach(groups, again, halves=True)
            widened |= again
        # Last, the rest of a sentence split in two, which only its predecessor's words vouch for (seed
        # pair F1 0.927 -> 0.952; every other set unchanged).
        rest = split_off(groups, pair.undiscounted, fa.topics, fb.topics)
        groups = attach(groups, rest, halves=True)
        widened |= rest
        if options.meaning_floor < 1.0:
            # A weak link that meaning and a neighbour overrule: the half of a merged sentence (a held-out
            # football pair's fixtures, links F1 0.900 -> 1.000; every evaluation set unchanged).
            before = _pairs_of(groups)
            groups = merged_in_meaning(groups, pair.raw, pair.cosine, options.gap_floor, options.paraphrase_threshold)
            widened |= _pairs_of(groups) - before
    for rows, cols in groups:
        # Score and kind come from the pairs that linked on their own: a sentence joined only
        # by its place in the story neither makes a copy a paraphrase nor the reverse.
        core = [(r, c) for r in rows for c in cols if (r, c) in core_links]
        rows_sorted = sorted({r for r, _ in core} or rows)
        cols_sorted = sorted({c for _, c in core} or cols)
        a_ids = tuple(pair.a_index[r] for r in sorted(rows))
        b_ids = tuple(pair.b_index[c] for c in sorted(cols))
        words_a = [w for i in a_ids for w in a.sentences[i].words]
        words_b = [w for j in b_ids for w in b.sentences[j].words]
        char = (
            fuzz.ratio(" ".join(fa.texts[r] for r in rows_sorted), " ".join(fb.texts[c] for c in cols_sorted)) / 100.0
        )
        # A group's score: its best pairs, one per sentence, averaged, on the pairs' own similarity.
        block = pair.raw[np.ix_(rows_sorted, cols_sorted)]
        score = _group_score(block)
        wording = max(_group_score(pair.wording[np.ix_(rows_sorted, cols_sorted)]), (char - 0.6) / 0.4)
        if char >= options.verbatim_threshold:
            score = max(score, char)
            kind = "verbatim"
        elif score >= options.paraphrase_threshold:
            kind = "paraphrase"
        else:
            kind = "partial"
        span_a, span_b = shared_spans(words_a, words_b, mapping)
        matches.append(
            Match(a_ids, b_ids, round(min(1.0, score), 4), kind, span_a, span_b, round(min(1.0, wording), 4))
        )
    return (
        merge_verbatim_runs(sorted(matches, key=lambda m: (m.a[0], m.b[0]))),
        frozenset((pair.a_index[i], pair.b_index[j]) for i, j in derivation_only | widened),
    )


def align(
    a: Analysis,
    b: Analysis,
    options: CompareOptions = DEFAULT_OPTIONS,
    *,
    scored: tuple[PairScores, dict[str, str]] | None = None,
) -> tuple[Match, ...]:
    """The matches between two analysed articles, in reading order of A. ``scored``: this pair's
    :func:`score_pairs`, if already made."""
    return _matches(a, b, options, scored, False)[0]


def align_trusting_derivation(
    a: Analysis, b: Analysis, options: CompareOptions, scored: tuple[PairScores, dict[str, str]]
) -> tuple[tuple[Match, ...], frozenset[tuple[int, int]]]:
    """The matches as if one article were taken from the other, and the ``(a, b)`` sentence ids of the
    links that alone added (a sentence's place between links, :func:`parallax.gaps.sandwiched`, a
    lone clear counterpart, :func:`parallax.gaps.exclusive_pairs`, or one clear in meaning and words at
    once, :func:`parallax.semantics.agreed_counterparts`): each is a match of its own, so
    leaving those out gives exactly :func:`align`'s matches; or the other half of a split sentence
    joined to a group (:func:`parallax.gaps.attach`), which :func:`align` leaves out of that group
    (see :func:`parallax.pairing.align_pair`)."""
    return _matches(a, b, options, scored, True)


def _group_score(block: np.ndarray) -> float:
    """A group's score: its best pairs, one per sentence, averaged."""
    return float((block.max(axis=1).mean() + block.max(axis=0).mean()) / 2)


def merge_verbatim_runs(matches: Sequence[Match]) -> tuple[Match, ...]:
    """Join verbatim matches that continue each other in both articles into one copied passage."""
    merged: list[Match] = []
    for match in matches:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == match.kind == "verbatim"
            and match.a[0] == last.a[-1] + 1
            and match.b[0] == last.b[-1] + 1
        ):
            weight = len(last.a) / (len(last.a) + len(match.a))
            merged[-1] = Match(
                last.a + match.a,
                last.b + match.b,
                round(weight * last.score + (1 - weight) * match.score, 4),
                "verbatim",
                last.shared_a + match.shared_a,
                last.shared_b + match.shared_b,
                round(weight * last.wording + (1 - weight) * match.wording, 4),
            )
        else:
            merged.append(match)
    return tuple(merged)


def coverage(
    analysis: Analysis, matches: Sequence[Match], side: str, options: CompareOptions = DEFAULT_OPTIONS
) -> float:
    """Share of the article's non-boilerplate text that lies in matched sentences.

    Counted in non-space characters, so layout does not change the figure.
    Sentences in verbatim and paraphrase matches count whole; a sentence in a
    partial match counts in proportion to the match score relative to the
    paraphrase threshold, so strong partial overlaps (typical of rewrites)
    count almost fully and weak ones (shared facts in independent reports)
    count little.
    """
    weight = {}
    for match in matches:
        for i in match.a if side == "a" else match.b:
            weight[i] = 1.0 if match.kind != "partial" else min(1.0, match.score / options.paraphrase_threshold)
    sizes = sentence_sizes(analysis)
    counted = [s.index for s in analysis.sentences if s.kind != "boilerplate"]
    total = sum(sizes[i] for i in counted)
    covered = sum(sizes[i] * weight.get(i, 0.0) for i in counted)
    return round(covered / total, 4) if total else 0.0


@per_analysis
def sentence_sizes(analysis: Analysis) -> tuple[int, ...]:
    """Non-space characters of every sentence, by index: what coverage and reuse weigh sentences by,
    computed once per article however many pairs it is in."""
    text = analysis.article.text
    return tuple(len("".join(text[s.start : s.end].split())) for s in analysis.sentences)
