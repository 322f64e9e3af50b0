"""Quotations: found in every style, bounded by their paragraph, cut out of the outlet's own text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parallax.quotes import quotations, unquoted


def test_double_quotes_of_every_style_are_found():
    text = 'He said "we will stay" and “we will win”, and „nie“ and «jamais».'
    assert [q for _, q in quotations(text)] == ["we will stay", "we will win", "nie", "jamais"]


def test_spans_point_at_the_quoted_words():
    text = 'The minister said: "Talks resume on Monday." Nobody else spoke.'
    [((start, end), words)] = quotations(text)
    assert text[start:end] == words == "Talks resume on Monday."


def test_single_curly_quotes_are_found_but_apostrophes_are_not():
    text = "The coach said ‘we didn’t deserve this’ after the workers’ strike ended."
    assert [q for _, q in quotations(text)] == ["we didn’t deserve this"]
    assert quotations("It’s the company’s and the workers’ plan.") == []


def test_straight_single_quotes_are_found_but_apostrophes_and_decades_are_not():
    text = "Snowden sees 'no chance' of a fair trial; the workers' union said 'we won't go back'."
    assert [q for _, q in quotations(text)] == ["no chance", "we won't go back"]
    assert quotations("Don't blame the '90s for the workers' pay or rock 'n' roll.") == []


def test_a_quotation_ends_at_its_paragraph():
    # News style leaves a quote that runs into the next paragraph unclosed: marks never pair across.
    text = '"We will not give up, she said.\n\n"Nor will our members," said the union.'
    assert [q for _, q in quotations(text)] == ["Nor will our members,"]


def test_unquoted_cuts_the_quotations_out():
    assert unquoted(0, 20, ((5, 10),)) == [(0, 5), (10, 20)]
    assert unquoted(0, 20, ((0, 20),)) == []
    assert unquoted(6, 20, ((0, 8), (12, 14), (30, 40))) == [(8, 12), (14, 20)]


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 20)), max_size=6), st.integers(0, 50), st.integers(0, 80))
def test_unquoted_pieces_and_quotations_tile_the_range(raw, start, length):
    quoted = []
    at = 0
    for gap, size in raw:  # disjoint, sorted spans
        quoted.append((at + gap, at + gap + size))
        at += gap + size
    end = start + length
    pieces = unquoted(start, end, tuple(quoted))
    inside = {k for s, e in quoted for k in range(s, e)}
    assert {k for s, e in pieces for k in range(s, e)} == {k for k in range(start, end) if k not in inside}
    assert all(s < e for s, e in pieces)
