import io
import json

import pytest

from parallax.cli import main
from parallax.model import DIFFERENCE_KINDS
from tests.conftest import CORPUS

A = str(CORPUS / "wang-yi-russia-rewrite.md")
B = str(CORPUS / "wang-yi-russia-original.md")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_compare_json_follows_the_contract():
    code, out, err = run("compare", A, B, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"documents", "matches", "coverage", "entities", "dates", "reuse", "differences"}
    assert len(data["reuse"]) == 2 and all(0 <= r <= 1 for r in data["reuse"])
    docs = data["documents"]
    assert [d["id"] for d in docs] == ["wang-yi-russia-rewrite", "wang-yi-russia-original"]
    for d in docs:
        assert {"id", "title", "outlet", "published", "text", "sentences", "boilerplate"} <= set(d)
        assert d["published"] == "2023-09-18"
        for start, end in d["sentences"] + d["boilerplate"]:
            assert 0 <= start < end <= len(d["text"])
    assert docs[0]["boilerplate"]
    for m in data["matches"]:
        assert m["kind"] in ("verbatim", "paraphrase", "partial") and 0 <= m["score"] <= 1
        assert 0 <= m["wording"] <= 1
        for side, doc in (("a", docs[0]), ("b", docs[1])):
            assert all(0 <= i < len(doc["sentences"]) for i in m[side])
            for start, end in m["shared"][side]:
                assert 0 <= start < end <= len(doc["text"])
    assert len(data["coverage"]) == 2 and all(0 < c <= 1 for c in data["coverage"])
    for e in data["entities"]:
        assert {"name", "label", "variants", "flagged", "mentions"} <= set(e)
    for d in data["dates"]:
        assert d["doc"] in (0, 1) and d["kind"] in ("date", "duration")
        assert docs[d["doc"]]["text"][d["start"] : d["end"]] == d["text"]
    for d in data["differences"]:
        assert 0 <= d["match"] < len(data["matches"]) and d["kind"] in DIFFERENCE_KINDS
        for side, doc in (("a", docs[0]), ("b", docs[1])):
            assert " … ".join(doc["text"][s:e] for s, e in d[side]) == d[side + "_text"]


def test_analyse_one_file_is_one_object_and_jsonl_one_line_per_file():
    code, out, _ = run("analyse", A)
    data = json.loads(out)
    assert code == 0 and len(data["documents"]) == 1 and data["matches"] == [] and data["coverage"] == []
    code, out, _ = run("analyse", A, B, "--format", "jsonl")
    lines = out.strip().split("\n")
    assert code == 0 and [json.loads(line)["documents"][0]["id"] for line in lines] == [
        "wang-yi-russia-rewrite",
        "wang-yi-russia-original",
    ]
    code, out, _ = run("analyse", A, B)
    assert isinstance(json.loads(out), list)


def test_published_flag_overrides_front_matter():
    _code, out, _ = run("analyse", A, "--published", "2024-05-01")
    data = json.loads(out)
    assert data["documents"][0]["published"] == "2024-05-01"
    march = [d for d in data["dates"] if d["text"] == "March"]
    assert march and march[0]["value"] == "2024-03"


def test_matrix_json_and_csv():
    code, out, _ = run("matrix", A, B, A)
    data = json.loads(out)
    m = data["coverage"]
    assert code == 0 and [m[i][i] for i in range(3)] == [1.0, 1.0, 1.0]
    assert m[0][2] == 1.0  # the same file twice is a full copy
    assert m[0][1] > 0.5 and m[1][0] > 0.5
    r = data["reuse"]
    assert [r[i][i] for i in range(3)] == [1.0, 1.0, 1.0] and r[0][2] == 1.0
    assert r[0][1] < m[0][1]  # a heavy rewrite keeps the statements, not the wording
    # The seed rewrite (A, 18% of its wording from B) and its duplicate form one family with the original.
    assert data["families"] == [[0, 1, 2]]
    # One original; the others point into the family. Which of A and B is first is a near tie: both are
    # dated 18 September and each carries 17-18% of the other's wording (families.origin_order).
    sources = data["sources"]
    assert sources.count(None) == 1 and all(s in (0, 1, 2) and s != i for i, s in enumerate(sources) if s is not None)
    assert data["origin_clear"] == [False]  # and the output says so
    # What orders them then: names and quotations per hundred words, one figure per article.
    assert len(data["specificity"]) == 3 and data["specificity"][0] == data["specificity"][2] > 0
    assert data["specificity"][1] > 1.15 * data["specificity"][0]  # the original (B) names and quotes more
    code, out, _ = run("matrix", A, B, "--format", "csv")
    rows = out.strip().split("\n")
    assert code == 0 and rows[0] == "id,wang-yi-russia-rewrite,wang-yi-russia-original" and len(rows) == 3
    code, reuse_csv, _ = run("matrix", A, B, "--format", "csv", "--figure", "reuse")
    assert code == 0 and reuse_csv != out and reuse_csv.split("\n")[0] == rows[0]


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        ("garbled.txt", bytes(range(128, 256)) * 3, "not valid UTF-8"),
        ("bad.md", b"---\ntitle: [oops\n---\nBody", "not valid YAML"),
        ("date.md", b"---\npublished: 2023-02-30\n---\nBody", "does not exist"),
        ("notes.pdf", b"plain", "unsupported file type"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, name, data, message):
    code, out, err = run("analyse", _write(tmp_path, name, data))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_missing_file_and_bad_published_flag(tmp_path):
    code, _, err = run("compare", A, str(tmp_path / "nope.md"))
    assert code == 2 and "no such file" in err
    code, _, err = run("analyse", A, "--published", "2023-13-01")
    assert code == 2 and "does not exist" in err
    code, _, err = run("analyse", A, "--published", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_unknown_command_is_a_usage_error():
    code, _, err = run("frobnicate")
    assert code == 2 and "usage" in err.lower()


def test_html_file_id_is_its_stem_and_metadata_is_read(tmp_path):
    page = tmp_path / "Wire Story.html"
    page.write_text(
        "<html><head><title>Wang Yi in Moscow</title><meta property='og:site_name' content='Example Wire'>"
        "<meta name='date' content='2023-09-18'></head><body><article><h1>Wang Yi in Moscow</h1>"
        "<p>China's top diplomat Wang Yi arrived in Moscow on Monday for four days of security talks with Sergei Lavrov, "
        "the foreign ministry said.</p><p>The visit follows a meeting between Vladimir Putin and Kim Jong Un last week.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    code, out, err = run("analyse", str(page))
    doc = json.loads(out)["documents"][0]
    assert code == 0, err
    assert doc["id"] == "Wire Story" and doc["title"] == "Wang Yi in Moscow"
    assert "Wang Yi arrived in Moscow" in doc["text"] and "<" not in doc["text"]


def test_config_size_limit_reaches_ingest(tmp_path):
    config = tmp_path / "small.toml"
    config.write_text("[limits]\nmax_chars = 100\n", encoding="utf-8")
    code, out, err = run("analyse", A, "--config", str(config))
    assert code == 2 and out == "" and "over the limit of 100 characters" in err


def test_matches_and_differences_csv_hold_every_row(seed_a, seed_b):
    import csv as csv_module

    from parallax import compare
    from parallax.export import differences_csv, matches_csv

    result = compare(seed_a, seed_b)
    rows = list(csv_module.reader(io.StringIO(matches_csv(result))))
    assert rows[0][:3] == ["match", "kind", "score"] and len(rows) == len(result.matches) + 1
    assert all(row[6] and row[7] for row in rows[1:])  # both texts
    rows = list(csv_module.reader(io.StringIO(differences_csv(result))))
    assert len(rows) == len(result.differences) + 1 and rows[0][1] == "kind"


def test_a_reader_that_stops_early_gets_no_traceback():
    """`parallax compare … | head -1`: the closed pipe ends the run quietly (status 141, nothing on stderr)."""
    import subprocess
    import sys

    args = [sys.executable, "-m", "parallax", "compare", str(CORPUS / "wang-yi-russia-original.md")]
    args.append(str(CORPUS / "wang-yi-russia-rewrite.md"))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # gone before the first byte (loading the model takes a second): always a broken pipe
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 141
    assert stderr == b""


def test_workers_parse_long_articles_apart_with_the_same_output(monkeypatch):
    from parallax import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM_CHARS", 1)  # the seed pair is short: fork anyway
    code_one, one, _ = run("compare", A, B, "--workers", "1")
    code_two, two, _ = run("compare", A, B, "--workers", "2")
    assert code_one == code_two == 0 and one == two
    assert json.loads(two)["matches"]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_whole_number(value):
    code, out, err = run("compare", A, B, "--workers", value)
    assert code == 2 and out == "" and "--workers" in err and "1 or more" in err
