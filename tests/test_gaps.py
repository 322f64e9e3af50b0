"""Order-based links (parallax.gaps): a weak pair is linked only where a running text's
linked neighbours vouch for it, and never against better evidence elsewhere."""

import json

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from parallax import analyse
from parallax.align import align, features_of
from parallax.gaps import RUNNING_TEXT, attach, gap_links, story_cohesion
from parallax.ingest import article_from_text
from parallax.options import DEFAULT_OPTIONS
from tests.conftest import ROOT

NO_COPIES = np.zeros((3, 3), dtype=bool)


def test_unlinked_sentence_between_anchors_joins_the_stretch():
    raw = np.array([[0.9, 0.0, 0.0], [0.05, 0.2, 0.1], [0.0, 0.0, 0.8]])
    assert gap_links([(0, 0), (2, 2)], raw, NO_COPIES, floor=0.15) == {(1, 1)}


def test_weak_pair_below_the_floor_stays_apart():
    raw = np.array([[0.9, 0.0, 0.0], [0.05, 0.1, 0.02], [0.0, 0.0, 0.8]])
    assert gap_links([(0, 0), (2, 2)], raw, NO_COPIES, floor=0.15) == set()


def test_order_does_not_overrule_a_better_counterpart_elsewhere():
    raw = np.zeros((5, 5))
    raw[0, 0] = raw[2, 2] = 0.9
    raw[1, 1], raw[1, 4] = 0.2, 0.3  # row 1 looks more like column 4, far from its neighbours
    raw[4, 1] = 0.35  # and column 1 more like row 4
    links = [(0, 0), (2, 2)]
    assert (1, 1) not in gap_links(links, raw, np.zeros((5, 5), dtype=bool), floor=0.15)


def test_sentence_without_anchors_nearby_is_left_alone():
    raw = np.zeros((8, 8))
    raw[0, 0] = 0.9
    raw[5, 5] = 0.2  # nearest linked neighbour is five sentences away
    assert gap_links([(0, 0)], raw, np.zeros((8, 8), dtype=bool), floor=0.15) == set()


def test_copied_sentence_takes_no_gap_partner():
    raw = np.array([[0.9, 0.0, 0.0], [0.05, 0.2, 0.1], [0.0, 0.0, 0.8]])
    copies = np.zeros((3, 3), dtype=bool)
    copies[2, 2] = True
    copies[0, 1] = True  # column 1 is a verbatim copy of row 0: it stays one-to-one
    assert gap_links([(0, 0), (2, 2), (0, 1)], raw, copies, floor=0.15) == set()


def test_gap_links_fill_both_sides():
    raw = np.array([[0.9, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.8]])
    raw_t = raw.T.copy()
    raw_t[1, 1] = 0.2
    found = gap_links([(0, 0), (2, 2)], raw_t.T, NO_COPIES, floor=0.15)
    assert found == {(1, 1)}


@given(st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=5))
def test_attach_never_merges_two_groups(i, j):
    groups = [({0}, {0}), ({5}, {5})]
    out = attach(groups, [(0, 5)])
    assert len(out) == 2  # 0 and 5 are both grouped: a weak link may not join them
    out = attach([({i}, {j})], [(i, j)])
    assert out == [({i}, {j})]


def test_attach_joins_a_split_sentence_or_makes_its_own_group():
    assert attach([({0}, {0})], [(1, 0)]) == [({0, 1}, {0})]  # A split B's sentence in two
    assert attach([({0}, {0, 1})], [(2, 1)]) == [({0}, {0, 1})]  # B's side is already two: no
    assert attach([({0}, {0})], [(3, 3)]) == [({0}, {0}), ({3}, {3})]


def test_story_cohesion_tells_a_story_from_a_list():
    story = [frozenset(s) for s in (["flood", "melnik"], ["melnik", "mayor"], ["flood", "army"], ["army", "aid"])]
    digest = [frozenset(s) for s in (["flood", "melnik"], ["rates", "bank"], ["striker", "transfer"], ["court"])]
    assert story_cohesion(story) == 1.0
    assert story_cohesion(digest) == 0.0
    assert story_cohesion(story[:1]) == 0.0


def _gold_pair(name: str, nlp):
    data = json.loads((ROOT / f"tests/gold/rewrites/{name}.json").read_text(encoding="utf-8"))
    a = analyse(article_from_text(" ".join(data["a"]), f"{name}-a"), nlp=nlp)
    b = analyse(article_from_text(" ".join(data["b"]), f"{name}-b"), nlp=nlp)
    return a, b


def test_a_rewrite_gains_links_from_order(nlp):
    a, b = _gold_pair("02-rates", nlp)
    assert (features_of(a).cohesion + features_of(b).cohesion) / 2 >= RUNNING_TEXT
    with_order = {(i, j) for m in align(a, b) for i in m.a for j in m.b}
    without = {(i, j) for m in align(a, b, DEFAULT_OPTIONS.with_overrides(gap_floor=1.0)) for i in m.a for j in m.b}
    assert without < with_order  # only additions
    text_a, text_b = a.article.text, b.article.text
    added = {
        (text_a[a.sentences[i].start : a.sentences[i].end], text_b[b.sentences[j].start : b.sentences[j].end])
        for i, j in with_order - without
    }
    assert any(x.startswith("Ms Marsh declined") and y.startswith("Marsh would not say") for x, y in added)


def test_a_list_of_unrelated_headlines_gets_no_order_links(nlp):
    lines_a = [
        "Floods kill 14 in Melnik.",
        "Bank of Norland raises rates.",
        "Quarrix to cut 1,200 jobs.",
        "Ferreira joins Sevilla.",
        "Court jails former deputy mayor.",
    ]
    lines_b = [
        "Floods kill 14 in Melnik.",
        "Voters head to the polls in Norland.",
        "Quarrix to cut 1,200 jobs.",
        "Ferreira joins Sevilla.",
        "Court jails former deputy mayor.",
    ]
    a = analyse(article_from_text("\n".join(lines_a), "digest-a"), nlp=nlp)
    b = analyse(article_from_text("\n".join(lines_b), "digest-b"), nlp=nlp)
    assert (features_of(a).cohesion + features_of(b).cohesion) / 2 < RUNNING_TEXT
    assert align(a, b) == align(a, b, DEFAULT_OPTIONS.with_overrides(gap_floor=1.0))
