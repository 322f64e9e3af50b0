"""Stage 4a, meaning: a sentence vector that holds when every word changes.

WordLlama (MIT) ships 256-dimension static token embeddings and its
tokenizer inside the wheel. Its own loader looks for the tokenizer under
``tokenizer/`` while the 0.4.0 wheel ships it under ``tokenizers/``, and
would download it from a hub. Parallax therefore reads both files straight
from the installed package and never calls that loader: nothing is fetched
at run time (``tests/test_semantics.py`` proves it with the network closed).

A sentence vector is the mean of its token embeddings, unit-normalised, as
WordLlama itself computes it; the cosine of two vectors is the semantic
score, mapped onto the lexical score's scale by :func:`semantic_scores`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from .gaps import CLEAR_MARGIN, clear_best_pairs, gap_links, runner_up

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
# Cosines of unrelated news sentences sit around 0.3-0.5 with this model; a
# paraphrase is 0.85 and above. Calibrated on the STS headlines (eval/calibrate.py).
COSINE_FLOOR = 0.55
COSINE_CEILING = 0.95


class SemanticModelMissing(RuntimeError):
    """The packaged model is not installed: say how to install it."""


def package_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise SemanticModelMissing("the wordllama package is not installed: run pip install -r requirements.txt")
    return Path(spec.origin).parent


_SAFETENSORS_DTYPES = {"F16": np.float16, "F32": np.float32, "F64": np.float64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file: an 8-byte header length, a JSON header, the raw data.

    Read with numpy directly: importing the safetensors package costs more than reading the file.
    """
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _SAFETENSORS_DTYPES.get(info["dtype"])
        if dtype is None:
            raise SemanticModelMissing(f"{path} holds {info['dtype']} tensors: reinstall wordllama==0.4.0.post1")
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw[8 + size + start : 8 + size + end], dtype=dtype).reshape(info["shape"])
    return tensors


@functools.lru_cache(maxsize=1)
def load_model() -> tuple[np.ndarray, object]:
    """The embedding matrix (float32) and tokenizer, read from the installed wheel only."""
    from tokenizers import Tokenizer

    root = package_dir()
    weights, tokenizer_file = root / WEIGHTS, root / TOKENIZER
    for path in (weights, tokenizer_file):
        if not path.is_file():
            raise SemanticModelMissing(
                f"{path} is missing from the wordllama package: reinstall wordllama==0.4.0.post1"
            )
    tensors = read_safetensors(weights)
    embedding = np.ascontiguousarray(tensors["embedding.weight"], dtype=np.float32)
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return embedding, tokenizer


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length mean token vectors, one row per text (a text with no tokens gets zeros)."""
    embedding, tokenizer = load_model()
    out = np.zeros((len(texts), embedding.shape[1]), dtype=np.float32)
    if not texts:
        return out
    encoded = tokenizer.encode_batch(list(texts), add_special_tokens=False)  # type: ignore[attr-defined]
    last = len(embedding) - 1
    for row, enc in enumerate(encoded):
        ids = enc.ids
        if ids:
            # A row-by-row gather and sum beats one big segmented sum: it stays in cache.
            out[row] = embedding[ids if max(ids) <= last else [min(i, last) for i in ids]].sum(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def cosines(vectors_a: np.ndarray, vectors_b: np.ndarray) -> np.ndarray:
    """Cosine of every pair (rows are unit length already)."""
    if not len(vectors_a) or not len(vectors_b):
        return np.zeros((len(vectors_a), len(vectors_b)), dtype=np.float32)
    return (vectors_a @ vectors_b.T).astype(np.float32)


def semantic_scores(cosine: np.ndarray, floor: float = COSINE_FLOOR, ceiling: float = COSINE_CEILING) -> np.ndarray:
    """Cosine rescaled to 0-1 between the floor (unrelated) and the ceiling (same statement)."""
    return np.clip((cosine - floor) / (ceiling - floor), 0.0, 1.0).astype(np.float32)


# A counterpart in meaning is clear when its cosine is this many times the runner-up's, in its row and
# in its column. At 1.25 the rewrite pairs gained a wrong link; 1.5 and 2.0 gave the same links.
CLEAR_MEANING_MARGIN = 1.5


def clear_counterparts(
    cosine: np.ndarray, linked: Iterable[tuple[int, int]], shares: np.ndarray, floor: float
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` of sentences left unlinked on both sides that are each other's best in meaning
    among the unlinked, with a cosine of at least ``floor`` and ``CLEAR_MEANING_MARGIN`` times the
    runner-up in row and column, and that share something (``shares`` above zero).

    A paraphrase that changes nearly every word ("Its shares rose 6% in early trading" / "Investors
    cheered the move, sending the stock up 6%") keeps a cosine well under a paraphrase's (0.45 there),
    but the other sentences of the story sit further still (0.16-0.26). Symmetric in A and B."""
    found = clear_best_pairs(cosine, linked, floor, CLEAR_MEANING_MARGIN)
    return {(i, j) for i, j in found if shares[i, j] > 0}


# Order and meaning together: a sentence's best in meaning need only clear the runner-up by this much when
# it also lies where its linked neighbours point. Rewrite pairs: 0.920 -> 0.928 from 1.15 to 1.2 (the seed
# pair lost a link at 1.1, the sleep pair's lede at 1.25).
ANCHORED_MEANING_MARGIN = 1.15


def anchored_counterparts(
    linked: Iterable[tuple[int, int]], cosine: np.ndarray, shares: np.ndarray, copies: np.ndarray, floor: float
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` where a sentence left unlinked (on either side) sits between linked neighbours
    and its best counterpart in meaning anywhere lies in the stretch their counterparts mark out
    (:func:`parallax.gaps.gap_links` on the cosine), with a cosine of at least ``floor``,
    ``ANCHORED_MEANING_MARGIN`` times its runner-up, and something shared (``shares`` above zero).
    The counterpart may be linked already. Symmetric in A and B."""
    links = set(linked)
    rows = {i for i, _ in links}
    found = set()
    for i, j in gap_links(links, cosine, copies, floor):
        # The unlinked side's own runner-up: its best must be clear among all the other side's sentences.
        second = runner_up(cosine[i]) if i not in rows else runner_up(cosine[:, j])
        if shares[i, j] > 0 and cosine[i, j] >= ANCHORED_MEANING_MARGIN * second:
            found.add((i, j))
    return found


def agreed_counterparts(
    cosine: np.ndarray, words: np.ndarray, linked: Iterable[tuple[int, int]], floor: float, word_floor: float
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` of sentences left unlinked on both sides that are each other's clear best
    (``CLEAR_MARGIN`` times the runner-up, in row and column) both in meaning (a cosine of at least
    ``floor``) and in words (``words``, at least ``word_floor``), wherever they stand.

    Where one takes its wording from the other, two signals that agree on one counterpart vouch for a
    link that neither makes alone: a lede whose place the rewrite changed ("A wildfire in central
    Portugal has burned more than 9,000 hectares" / "Firefighters in Kenya are struggling to control a
    huge forest fire that has already destroyed over 9,000 hectares") loses most of its word score to the
    names' near-miss discount, and its cosine (0.68) clears the runner-up by 1.45, not the 1.5 a link
    in meaning alone needs; with no link before it, its place vouches for nothing. Symmetric in A and B."""
    return clear_best_pairs(cosine, linked, floor, CLEAR_MARGIN) & clear_best_pairs(
        words, linked, word_floor, CLEAR_MARGIN
    )


def merged_in_meaning(
    groups: Sequence[tuple[set[int], set[int]]], words: np.ndarray, cosine: np.ndarray, floor: float, strong: float
) -> list[tuple[set[int], set[int]]]:
    """The groups, where a sentence linked alone, on words under ``strong``, to one sentence has its
    clear best in meaning (``CLEAR_MEANING_MARGIN`` times the cosine of its link) in the sentence its
    neighbour is linked to, sharing words at ``floor`` at least: there it joins its neighbour, one half
    of two sentences the rewrite merged. "Ajax, who have won the title 36 times, face Feyenoord away
    next Sunday" shares two words with the added "Who will win the title?" (0.37) but is, with "PSV
    host AZ Alkmaar on Saturday", "Ajax travel to Feyenoord next weekend, while PSV welcome AZ Alkmaar
    on Saturday" (cosine 0.62 against 0.39). The link it leaves goes; its other sentence is unmatched.
    Symmetric in A and B. Only where one takes its wording from the other."""
    out = [(set(rows), set(cols)) for rows, cols in groups]
    _join_neighbours(out, words, cosine, floor, strong)
    flipped = [(cols, rows) for rows, cols in out]
    _join_neighbours(flipped, words.T, cosine.T, floor, strong)
    return sorted(((rows, cols) for cols, rows in flipped if rows and cols), key=lambda g: (min(g[0]), min(g[1])))


def _join_neighbours(
    groups: list[tuple[set[int], set[int]]], words: np.ndarray, cosine: np.ndarray, floor: float, strong: float
) -> None:
    """:func:`merged_in_meaning` for the rows' side, in place."""
    for rows, cols in groups:
        if len(rows) != 1 or len(cols) != 1:
            continue
        (i,), (j,) = rows, cols
        best = int(cosine[i].argmax())
        if words[i, j] >= strong or best == j:
            continue
        if cosine[i, best] < CLEAR_MEANING_MARGIN * cosine[i, j] or words[i, best] < floor:
            continue
        home = next((g for g in groups if best in g[1] and (i - 1 in g[0] or i + 1 in g[0])), None)
        if home is not None:
            home[0].add(i)
            rows.discard(i)
