"""Families and sources from a reuse matrix: pure functions, checked on hand-made matrices."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from parallax.families import families, origin_by_specificity, origin_is_clear, origin_order, sources

D = dt.date


def test_a_chain_and_an_independent_report():
    # 0 original; 1 copies 0; 2 rewrites 1; 3 independent.
    reuse = [
        [1.0, 0.8, 0.4, 0.05],
        [0.9, 1.0, 0.6, 0.05],
        [0.5, 0.6, 1.0, 0.02],
        [0.05, 0.04, 0.03, 1.0],
    ]
    published = [D(2023, 9, 18), D(2023, 9, 19), D(2023, 9, 20), D(2023, 9, 18)]
    assert families(reuse, 0.3) == [[0, 1, 2]]
    assert sources(reuse, published, 0.3) == [None, 0, 1, None]


def test_without_dates_the_contained_article_is_the_copy():
    # 1 is a short copy of part of 0: most of 1's wording is from 0, little of 0's from 1.
    reuse = [[1.0, 0.3], [0.9, 1.0]]
    assert sources(reuse, [None, None], 0.25) == [None, 0]
    assert origin_order([0, 1], reuse, [None, None]) == [0, 1]


def test_dates_come_before_containment():
    reuse = [[1.0, 0.3], [0.9, 1.0]]
    assert sources(reuse, [D(2023, 1, 2), D(2023, 1, 1)], 0.25) == [1, None]


def test_nothing_linked_means_no_family():
    reuse = [[1.0, 0.1, 0.0], [0.1, 1.0, 0.2], [0.0, 0.2, 1.0]]
    assert families(reuse, 0.3) == []
    assert sources(reuse, [None] * 3, 0.3) == [None, None, None]


def test_one_modest_overlap_does_not_chain_two_families():
    # 0-1 and 2-3 are two wire stories with their copies; 1 and 2 share a quote (0.2, above the
    # threshold) but each has a far closer partner: two families, not one.
    reuse = [
        [1.0, 0.9, 0.0, 0.0],
        [0.9, 1.0, 0.2, 0.0],
        [0.0, 0.2, 1.0, 0.8],
        [0.0, 0.0, 0.8, 1.0],
    ]
    assert families(reuse, 0.15) == [[0, 1], [2, 3]]
    # An article whose best partner is that modest overlap does join it.
    alone = [[1.0, 0.9, 0.0], [0.9, 1.0, 0.2], [0.0, 0.2, 1.0]]
    assert families(alone, 0.15) == [[0, 1, 2]]


def test_the_archive_joins_families_as_the_matrix_does():
    from parallax.archive import best_partner_edges
    from parallax.families import linked

    reuse = [
        [1.0, 0.9, 0.0, 0.0, 0.1],
        [0.9, 1.0, 0.2, 0.0, 0.0],
        [0.0, 0.2, 1.0, 0.8, 0.0],
        [0.0, 0.0, 0.8, 1.0, 0.3],
        [0.1, 0.0, 0.0, 0.3, 1.0],
    ]
    ids = [f"art{k}" for k in range(5)]
    pairs = [
        {
            "a": ids[i],
            "b": ids[j],
            "reuse_ab": reuse[i][j],
            "reuse_ba": reuse[j][i],
            "shares_wording": max(reuse[i][j], reuse[j][i]) >= 0.15,
        }
        for i in range(5)
        for j in range(i + 1, 5)
    ]
    assert best_partner_edges(pairs) == {(ids[i], ids[j]) for i, j in linked(reuse, 0.15)}


def test_origin_is_clear_by_date_or_by_a_clear_difference_in_shares():
    day, later = dt.date(2023, 9, 18), dt.date(2023, 9, 19)
    near_tie = [[1.0, 0.15], [0.14, 1.0]]  # each carries about as much of the other's wording
    assert not origin_is_clear([0, 1], near_tie, [day, day])
    assert not origin_is_clear([0, 1], near_tie, [None, None])
    assert origin_is_clear([0, 1], near_tie, [day, later])  # an earlier date decides
    trimmed_copy = [[1.0, 0.71], [0.99, 1.0]]  # 1 is contained in 0
    assert origin_is_clear([0, 1], trimmed_copy, [None, None])
    assert origin_is_clear([0], [[1.0]], [None])


def test_same_day_near_tie_goes_to_the_more_specific_text():
    # Each carries about as much of the other's wording (a rewrite of every sentence): the shares do not
    # tell which came first; the text naming and quoting more per word is the likelier original.
    reuse = [[1.0, 0.53], [0.51, 1.0]]
    same_day = [D(2023, 9, 18)] * 2
    assert origin_order([0, 1], reuse, same_day) == [1, 0]  # by the shares alone (0.53 of 0's from 1)
    assert origin_order([0, 1], reuse, same_day, [6.0, 4.5]) == [0, 1]
    assert sources(reuse, same_day, 0.3, [6.0, 4.5]) == [None, 0]
    assert origin_by_specificity([0, 1], reuse, same_day, [6.0, 4.5])
    assert not origin_is_clear([0, 1], reuse, same_day)  # likely, not certain
    # 1.11 times as specific is enough: the held-out dairy rewrite's original (tests/fixtures/held_out/).
    assert origin_order([0, 1], reuse, same_day, [5.0, 4.5]) == [0, 1]
    # Within the margin (1.1) the shares still decide.
    assert origin_order([0, 1], reuse, same_day, [4.9, 4.5]) == [1, 0]
    assert not origin_by_specificity([1, 0], reuse, same_day, [4.9, 4.5])


def test_specificity_never_overturns_a_date_or_clear_containment():
    reuse = [[1.0, 0.3], [0.9, 1.0]]  # 1 is a short copy of 0
    assert origin_order([0, 1], reuse, [None, None], [1.0, 9.0]) == [0, 1]
    near = [[1.0, 0.5], [0.5, 1.0]]
    assert origin_order([0, 1], near, [D(2023, 1, 1), D(2023, 1, 2)], [1.0, 9.0]) == [0, 1]
    # Three same-day members: the most specific first, the rest after it by the same rule.
    three = [[1.0, 0.5, 0.5], [0.5, 1.0, 0.5], [0.5, 0.5, 1.0]]
    assert origin_order([0, 1, 2], three, [None] * 3, [2.0, 3.0, 9.0]) == [2, 1, 0]


def test_in_running_text_a_strong_share_links_beyond_best_partners():
    from parallax.families import STRONG_LINK, families

    # 1 takes 0.48 from 0 and 0.33 from 2; 2's best partner is 3 (0.45).
    reuse = [[1.0, 0.48, 0.0, 0.0], [0.48, 1.0, 0.33, 0.0], [0.0, 0.33, 1.0, 0.45], [0.0, 0.0, 0.45, 1.0]]
    assert families(reuse, 0.13) == [[0, 1], [2, 3]]
    running = [[True] * 4 for _ in range(4)]
    assert families(reuse, 0.13, running) == [[0, 1, 2, 3]]
    assert 0.13 < STRONG_LINK <= 0.33
    # A list of headlines (not running text) keeps best partners only.
    assert families(reuse, 0.13, [[False] * 4 for _ in range(4)]) == [[0, 1], [2, 3]]


@given(
    st.integers(2, 7).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(st.floats(0, 1), min_size=n, max_size=n), min_size=n, max_size=n),
            st.lists(st.sampled_from([None, D(2023, 9, 8), D(2023, 9, 9)]), min_size=n, max_size=n),
        )
    )
)
def test_sources_from_families_already_found_are_the_sources_found_afresh(matrix_and_dates):
    matrix, published = matrix_and_dates
    reuse = [[1.0 if i == j else x for j, x in enumerate(row)] for i, row in enumerate(matrix)]
    found = families(reuse, 0.13)
    assert sources(reuse, published, 0.13, found_families=found) == sources(reuse, published, 0.13)
