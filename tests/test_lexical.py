import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax import lexical
from parallax.lexical import bag_scores, code_bags, conflicts, pair_codes, shared_items, unify_words

WORDS = st.sampled_from(["visit", "moscow", "wang", "putin", "talks", "arms", "deal", "tass", "taas", "kim"])
BAGS = st.lists(st.sets(WORDS, max_size=5), min_size=1, max_size=6)


def test_code_bags_keeps_every_sentence_and_key():
    coded = code_bags([{"b", "a"}, set(), {"c", "a"}])
    assert coded.vocab == ("a", "b", "c")
    assert coded.count == 3
    assert sorted(zip(coded.rows.tolist(), (coded.vocab[i] for i in coded.ids), strict=True)) == [
        (0, "a"),
        (0, "b"),
        (2, "a"),
        (2, "c"),
    ]


def test_identical_sentences_score_one_and_disjoint_ones_zero():
    scores = bag_scores(
        [{"wang", "visit", "moscow", "talks", "putin"}, {"arms"}],
        [{"wang", "visit", "moscow", "talks", "putin"}, {"kim"}],
    )
    assert scores[0, 0] == pytest.approx(1.0)
    assert scores[1, 1] == 0.0
    assert scores[0, 1] == 0.0


@settings(max_examples=60, deadline=None)
@given(BAGS, BAGS)
def test_scores_are_symmetric(bags_a, bags_b):
    assert np.array_equal(bag_scores(bags_a, bags_b), bag_scores(bags_b, bags_a).T)


@settings(max_examples=60, deadline=None)
@given(BAGS, BAGS)
def test_posting_lists_give_the_dense_product(bags_a, bags_b):
    dense = bag_scores(bags_a, bags_b)
    saved = lexical.DENSE_LIMIT
    lexical.DENSE_LIMIT = -1  # every overlap from posting lists
    try:
        sparse = bag_scores(bags_a, bags_b)
    finally:
        lexical.DENSE_LIMIT = saved
    assert np.allclose(dense, sparse, atol=1e-6)


def test_unified_spelling_counts_as_the_same_word():
    a, b = code_bags([{"taas", "report"}]), code_bags([{"tass", "report"}])
    mapping = unify_words(set(a.vocab), set(b.vocab), 0.86)
    assert mapping == {"taas": "taas", "tass": "taas"}
    codes = pair_codes(a, b, mapping)
    assert codes.size == 2  # "taas" and "report": the variant joined its spelling
    assert sorted(codes.a.tolist()) == sorted(codes.b.tolist())


def test_conflict_needs_names_on_both_sides_and_none_shared():
    names_a = code_bags([{"putin"}, {"wang"}, set()])
    names_b = code_bags([{"kim"}, {"wang"}])
    found = conflicts(names_a, names_b, {})
    assert found.tolist() == [[True, True], [True, False], [False, False]]


def test_shared_items_marks_pairs_that_give_one_item():
    a = code_bags([["8000000"], ["62000000", "23"], []])
    b = code_bags([["8000000", "15"], ["23"]])
    assert shared_items(a, b).tolist() == [[True, False], [False, True], [False, False]]
