"""The sides of a match (parallax/sides.py): items sorted by span, found by range."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parallax.sides import Sorted

spans = st.lists(st.tuples(st.integers(0, 500), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1])), max_size=30)


@given(spans, st.integers(0, 520), st.integers(1, 80))
def test_sorted_finds_what_a_scan_finds(items, start, length):
    sorted_items = Sorted.of((span, n) for n, span in enumerate(items))
    region = (start, start + length)
    inside = {n for (s, e), n in sorted_items.inside([region])}
    assert inside == {n for n, (s, e) in enumerate(items) if region[0] <= s and e <= region[1]}
    overlapping = {n for _, n in sorted_items.overlapping(region)}
    assert overlapping == {n for n, (s, e) in enumerate(items) if s < region[1] and region[0] < e}
