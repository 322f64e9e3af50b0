"""The archive job: the local engine's logic, its agreement with matrix, and one real Spark run."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from parallax import analyse, read_article
from parallax.archive import MAX_DF, family_records, shingle_hashes
from parallax.cli import main
from parallax.matrix import story_matrix
from tests.conftest import CORPUS
from tests.test_app import STORY_INDEPENDENT, STORY_ORIGINAL, _story_corpus


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def archive_in(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive_in")
    _story_corpus(folder)
    for path in CORPUS.glob("*.md"):
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 4)
    return folder


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_local_engine_reports_the_copy_and_not_the_independent_report(archive_in, tmp_path):
    code, out, err = run("archive", str(archive_in), "--output", str(tmp_path))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["articles_read"] == 5 and summary["articles_skipped"] == 1  # the binary file is counted
    assert summary["pairs_considered"] < 5 * 4 // 2  # from the index, never all pairs
    pairs = _lines(tmp_path / "pairs.jsonl")
    assert [(p["a"], p["b"], p["source"]) for p in pairs] == [("quake-copy", "quake-wire", "quake-wire")]
    assert set(pairs[0]) >= {"a", "b", "reuse", "reuse_ab", "reuse_ba", "coverage_ab", "coverage_ba", "source"}
    assert _lines(tmp_path / "families.jsonl") == [
        {"ids": ["quake-wire", "quake-copy"], "original": "quake-wire", "size": 2, "origin_clear": True}
    ]
    assert pd.read_parquet(tmp_path / "pairs.parquet").to_dict("records") == pairs
    assert json.loads((tmp_path / "summary.json").read_text())["pairs_reported"] == 1
    assert "archive: analyse:" in err  # stage-by-stage progress


def test_archive_reports_the_figure_matrix_reports(archive_in, tmp_path, nlp):
    run("archive", str(archive_in), "--output", str(tmp_path))
    pair = _lines(tmp_path / "pairs.jsonl")[0]
    analyses = [analyse(read_article(archive_in / f"{x}.md"), nlp=nlp) for x in (pair["a"], pair["b"])]
    story = story_matrix(analyses)
    assert (pair["reuse_ab"], pair["reuse_ba"]) == (story.reuse[0][1], story.reuse[1][0])
    assert (pair["coverage_ab"], pair["coverage_ba"]) == (story.coverage[0][1], story.coverage[1][0])


def test_jsonl_and_parquet_inputs_give_the_same_pairs(tmp_path):
    records = [
        {"id": "wire", "text": STORY_ORIGINAL, "published": "2023-09-18", "outlet": "Wire"},
        {"id": "copy", "text": STORY_ORIGINAL.replace("12 people", "15 people"), "published": "2023-09-19"},
        {"id": "own", "text": STORY_INDEPENDENT},
        {"id": "", "text": "no id"},
        {"id": "bad-date", "text": "x", "published": "2023-02-31"},
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    code, out, err = run("archive", str(jsonl), "--output", str(tmp_path / "a"))
    assert code == 0, err and json.loads(out)["articles_skipped"] == 3
    pd.DataFrame(records[:3]).to_parquet(tmp_path / "in.parquet")
    code, _, err = run("archive", str(tmp_path / "in.parquet"), "--output", str(tmp_path / "b"))
    assert code == 0, err
    assert _lines(tmp_path / "a/pairs.jsonl") == _lines(tmp_path / "b/pairs.jsonl")
    assert [(p["a"], p["b"], p["source"]) for p in _lines(tmp_path / "a/pairs.jsonl")] == [("copy", "wire", "wire")]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    code, _, err = run("archive", str(tmp_path / "missing"), "--output", str(tmp_path / "out"))
    assert code == 2 and err.count("\n") == 1 and "no such file or folder" in err
    (tmp_path / "x.csv").write_text("id,text\n", encoding="utf-8")
    code, _, err = run("archive", str(tmp_path / "x.csv"), "--output", str(tmp_path / "out"))
    assert code == 2 and ".jsonl or .parquet" in err


def test_shingles_are_stable_and_the_df_window_drops_stock_phrases():
    assert shingle_hashes("The quick brown fox jumps") == shingle_hashes("the QUICK brown fox, jumps!")
    assert len(shingle_hashes("one two three")) == 0
    assert MAX_DF == 100


def test_families_join_chains_and_pick_the_earliest():
    import datetime as dt

    def pair(a, b, reuse_ab, reuse_ba, shares=True, specific=(5.0, 5.0)):
        return {
            "a": a,
            "b": b,
            "reuse_ab": reuse_ab,
            "reuse_ba": reuse_ba,
            "specificity_a": specific[0],
            "specificity_b": specific[1],
            "shares_wording": shares,
        }

    pairs = [pair("a", "b", 0.9, 0.8), pair("b", "c", 0.5, 0.6), pair("d", "e", 0.1, 0.1, shares=False)]
    published = {"a": dt.date(2023, 1, 3), "b": dt.date(2023, 1, 1), "c": dt.date(2023, 1, 2)}
    assert family_records(pairs, published) == [
        {"ids": ["b", "c", "a"], "original": "b", "size": 3, "origin_clear": True}
    ]
    near_tie = [pair("a", "b", 0.15, 0.14)]
    undated = family_records(near_tie, {})  # shares within 0.05 of each other and no dates: a guess
    assert undated == [{"ids": ["b", "a"], "original": "b", "size": 2, "origin_clear": False}]
    # The same tie where a names and quotes clearly more per word: a is the likelier original.
    specific = family_records([pair("a", "b", 0.15, 0.14, specific=(6.0, 4.0))], {})
    assert specific == [{"ids": ["a", "b"], "original": "a", "size": 2, "origin_clear": False}]


def test_a_piece_that_takes_from_two_joins_both_families_in_running_text():
    # Sputnik's piece takes 0.48 from TASS and 0.33 from its own earlier piece, whose best partner is a
    # third one: best partners alone split them in two; a strong share between running texts joins.
    def pair(a, b, reuse, running):
        figures = {"reuse_ab": reuse, "reuse_ba": reuse, "specificity_a": 5.0, "specificity_b": 5.0}
        return {"a": a, "b": b, **figures, "shares_wording": True, "running_text": running}

    pairs = [pair("s18", "tass", 0.48, True), pair("s13", "s18", 0.33, True), pair("live", "s13", 0.45, True)]
    assert [f["size"] for f in family_records(pairs, {})] == [4]
    headlines = [pair("s18", "tass", 0.48, False), pair("s13", "s18", 0.33, False), pair("live", "s13", 0.45, False)]
    assert sorted(f["size"] for f in family_records(headlines, {})) == [2, 2]


@pytest.mark.spark
def test_spark_engine_writes_what_the_local_engine_writes(archive_in, tmp_path):
    pytest.importorskip("pyspark")
    run("archive", str(archive_in), "--output", str(tmp_path / "local"))
    code, out, err = run(
        "archive", str(archive_in), "--output", str(tmp_path / "spark"), "--engine", "spark", "--master", "local[2]"
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["engine"] == "spark" and summary["articles_skipped"] == 1
    assert _lines(tmp_path / "spark/pairs.jsonl") == _lines(tmp_path / "local/pairs.jsonl")
    assert _lines(tmp_path / "spark/families.jsonl") == _lines(tmp_path / "local/families.jsonl")
    assert pd.read_parquet(tmp_path / "spark/pairs.parquet").to_dict("records") == _lines(
        tmp_path / "local/pairs.jsonl"
    )
