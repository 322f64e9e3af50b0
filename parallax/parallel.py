"""Stage 1 for several articles at once: each article parsed in a process of its own.

Parsing is nearly all of a large command's time (``bench/``: the NLP floor),
and spaCy parses one article on one core. A one-shot command with two or
more long articles hands each to a forked worker: two 50,000-word texts took
22-25 s here against 33-36 s in one process (two cores do not halve it).
Workers are forked after the pipeline is loaded: they share the model
without loading it again, and send back only the finished
:class:`Analysis` (a pickle of about 0.4 MB for 8,000 words, 0.02 s). The
analyses are the same objects, field for field, as one process makes (a
test compares them). Only a one-shot command asks: a server process with
threads must not fork.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .analyse import analyse
from .model import Analysis, Article
from .nlp import load_pipeline
from .options import DEFAULT_OPTIONS, CompareOptions
from .segment import is_mostly_latin

# Below this many characters in all (about 3,000 words) there is little to gain: the seed pair
# (5,000 characters) parses in 0.2 s. A judgement between two bench rows: the 2,000-word pair
# (25,000 characters, forked) ran at 0.92x the floor, the seed pair (not forked) at 1.06x.
PARALLEL_FROM_CHARS = 20_000

_FORKED: tuple[Sequence[Article], CompareOptions] | None = None  # what forked workers inherit
T = TypeVar("T")
R = TypeVar("R")


def _leave_quietly(signum: int, frame: object) -> None:
    raise SystemExit(130)


def quiet_on_interrupt() -> None:
    """A worker's initializer: Ctrl-C reaches every process of the group, and a worker waiting for its
    next task would print a traceback of its own. A worker leaves silently; the command reports the
    interrupt once."""
    signal.signal(signal.SIGINT, _leave_quietly)


def _analyse_forked(index: int) -> tuple[int, Analysis]:
    assert _FORKED is not None
    articles, options = _FORKED
    return index, analyse(articles[index], options)


def _run_chunk(task: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [task(item) for item in chunk]


def forked_results(task: Callable[[T], R], items: Sequence[T], workers: int, chunk: int = 1) -> Iterator[R]:
    """``task(item)`` for every item, computed in ``workers`` forked processes (which inherit the
    caller's state) and given back as each run of ``chunk`` items is done. Workers leave silently on
    Ctrl-C. If one is killed (out of memory, say), the results stop early without an error, and the
    caller does what is missing itself. Linux only; ``task`` must be a module-level function."""
    chunks = [items[k : k + chunk] for k in range(0, len(items), chunk)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=quiet_on_interrupt) as pool:
            for future in as_completed([pool.submit(_run_chunk, task, c) for c in chunks]):
                yield from future.result()
    except BrokenProcessPool:
        return


def analyse_all(
    articles: Sequence[Article],
    options: CompareOptions = DEFAULT_OPTIONS,
    workers: int = 1,
    on_each: Callable[[int], None] | None = None,
) -> list[Analysis]:
    """Every article analysed, in the order given; in up to ``workers`` forked processes when
    there are two or more articles and enough text to gain from them (Linux only: macOS lists
    "fork" but forking a process that has loaded system frameworks can crash). ``on_each`` is
    told how many articles are done, each time one is."""
    global _FORKED
    tell = on_each or (lambda done: None)
    done: dict[int, Analysis] = {}
    workers = min(workers, len(articles))
    if workers > 1 and sum(len(a.text) for a in articles) >= PARALLEL_FROM_CHARS and sys.platform.startswith("linux"):
        if any(is_mostly_latin(a.text) for a in articles):  # text in other scripts needs no model
            load_pipeline(options.model_names)  # loaded once, before the fork, and shared by every worker
        # Longest first: the last article to start is a short one, so no core waits long for another.
        order = sorted(range(len(articles)), key=lambda k: -len(articles[k].text))
        _FORKED = (articles, options)
        try:
            for index, analysis in forked_results(_analyse_forked, order, workers):
                done[index] = analysis
                tell(len(done))
        finally:
            _FORKED = None
    # One process, or what a killed worker left.
    for k, article in enumerate(articles):
        if k not in done:
            done[k] = analyse(article, options)
            tell(len(done))
    return [done[k] for k in range(len(articles))]
