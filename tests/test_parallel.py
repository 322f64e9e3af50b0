import os
from pathlib import Path

import pytest

from parallax import analyse, parallel
from parallax.ingest import article_from_text, read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [ROOT / "corpus/wang-yi-russia-original.md", ROOT / "corpus/wang-yi-russia-rewrite.md"]


def test_forked_workers_give_the_same_analyses_in_the_given_order(monkeypatch):
    articles = [read_article(path) for path in SEEDS] + [article_from_text("Der Zug fährt nicht. Фото.", "other")]
    serial = [analyse(article) for article in articles]
    monkeypatch.setattr(parallel, "PARALLEL_FROM_CHARS", 1)  # fork even for these short texts
    forked = parallel.analyse_all(articles, workers=2)
    assert [a.article.id for a in forked] == [a.id for a in articles]
    assert forked == serial
    assert len(forked[0].sentences) > 10 and forked[0].mentions  # real parses, not empty ones


def test_short_texts_stay_in_one_process(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("forked for two short texts")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", refuse)
    articles = [read_article(path) for path in SEEDS]
    assert parallel.analyse_all(articles, workers=2) == [analyse(a) for a in articles]


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch):
    def broken(article, options):
        raise ValueError(f"cannot analyse {article.id}")

    monkeypatch.setattr(parallel, "PARALLEL_FROM_CHARS", 1)
    monkeypatch.setattr(parallel, "analyse", broken)  # inherited by the forked workers
    with pytest.raises(ValueError, match="cannot analyse"):
        parallel.analyse_all([read_article(path) for path in SEEDS], workers=2)


def test_texts_in_other_scripts_are_parsed_apart_without_the_model(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("the English model was loaded for Greek and Russian text")

    monkeypatch.setattr(parallel, "PARALLEL_FROM_CHARS", 1)
    monkeypatch.setattr(parallel, "load_pipeline", no_model)
    articles = [
        article_from_text("Η συνάντηση έγινε στη Μόσχα. Οι υπουργοί συμφώνησαν.", "greek"),
        article_from_text("Встреча прошла в Москве. Министры договорились.", "russian"),
    ]
    forked = parallel.analyse_all(articles, workers=2)
    assert [len(a.sentences) for a in forked] == [2, 2] and not any(a.english for a in forked)


def _killed(index):
    os._exit(9)  # as the kernel's out-of-memory killer would end a worker: no exception, no result


def test_a_worker_killed_mid_parse_costs_time_not_the_result(monkeypatch):
    articles = [read_article(path) for path in SEEDS]
    monkeypatch.setattr(parallel, "PARALLEL_FROM_CHARS", 1)
    monkeypatch.setattr(parallel, "_analyse_forked", _killed)
    assert parallel.analyse_all(articles, workers=2) == [analyse(a) for a in articles]


def test_ctrl_c_during_a_parallel_parse_stops_every_process_with_one_line(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    # Long enough that the parse is still running when the interrupt comes (about 20,000 words a side).
    paths = []
    for n, path in enumerate(SEEDS):
        long = tmp_path / f"long-{n}.txt"
        long.write_text("\n\n".join([read_article(path).text] * 25), encoding="utf-8")
        paths.append(str(long))
    run = subprocess.Popen(
        [sys.executable, "-m", "parallax", "compare", *paths, "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches the whole group
    )
    time.sleep(4)
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, out, err) == (130, b"", b"parallax: interrupted\n")
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True).stdout.split()
    assert left == []  # no worker outlives the command
