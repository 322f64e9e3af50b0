"""Per-analysis memoisation: what a stage derives from one article, computed once however many pairs use it."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from .model import Analysis

T = TypeVar("T")


def per_analysis(derive: Callable[[Analysis], T]) -> Callable[[Analysis], T]:
    """Cache ``derive(analysis)`` by the analysis's identity, dropped when the analysis is.

    By identity, not by hash: hashing a whole analysis would cost more than most derivations.
    """
    store: dict[int, tuple[weakref.ref, T]] = {}

    @functools.wraps(derive)
    def cached(analysis: Analysis) -> T:
        entry = store.get(id(analysis))
        if entry is not None and entry[0]() is analysis:
            return entry[1]
        value = derive(analysis)
        key = id(analysis)

        def forget(_: weakref.ref) -> None:
            store.pop(key, None)

        store[key] = (weakref.ref(analysis, forget), value)
        return value

    return cached
