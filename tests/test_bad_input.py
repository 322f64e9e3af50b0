"""Issue 5: every awkward input gets a clear message or a correct result, on the CLI and in the app."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from parallax import analyse, compare
from parallax.cli import main
from parallax.ingest import IngestError, article_from_text, load_corpus, save_article
from tests.conftest import ROOT

SENTENCE = "Wang Yi met Sergei Lavrov in Moscow on Monday to discuss the war in Ukraine. "

# name, bytes, expected: "ok" (a correct result) or a fragment of the one-line error.
CASES = [
    ("empty.txt", b"", "empty"),
    ("whitespace.txt", b" \n\t \r\n  ", "empty"),
    ("one-sentence.txt", SENTENCE.encode(), "ok"),
    ("huge.txt", (SENTENCE * 14000).encode(), "over the limit of 1,000,000 characters"),
    ("long-line.txt", ("word " * 40000).encode(), "ok"),
    ("binary.txt", bytes(range(256)) * 64, "binary"),
    ("paper.txt", b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj", "PDF"),
    ("utf16.txt", ("\ufeff" + SENTENCE * 3).encode("utf-16-le").join([b"\xff\xfe", b""]), "ok"),
    ("latin1.txt", ("Caf\u00e9 au lait in Z\u00fcrich. " + SENTENCE).encode("latin-1"), "ok"),
    ("crlf.txt", (SENTENCE + "\r\n" + SENTENCE + "\r" + SENTENCE + "\n").encode(), "ok"),
    ("nul.txt", (SENTENCE + "\x00" + SENTENCE).encode(), "ok"),
    ("invisible.txt", ("Pu\u200btin met Xi.\u202e " + SENTENCE + "\u200f").encode(), "ok"),
    ("chinese.txt", "王毅周一在莫斯科会见了拉夫罗夫。双方讨论了乌克兰战争。".encode(), "ok"),
    ("russian.txt", "Ван И встретился с Лавровым в Москве. Они обсудили войну на Украине.".encode(), "ok"),
    ("arabic.txt", "التقى وانغ يي بلافروف في موسكو. وناقشا الحرب في أوكرانيا.".encode(), "ok"),
    ("bad-yaml.md", b"---\ntitle: [x\n---\n" + SENTENCE.encode(), "not valid YAML"),
    ("unknown-field.md", b"---\nauthor: me\n---\n" + SENTENCE.encode(), "unknown front matter field"),
    ("impossible-date.md", b"---\npublished: 2023-02-30\n---\n" + SENTENCE.encode(), "does not exist"),
    (
        "hostile.html",
        b"<html><body><script>alert(1)</script><iframe src='x'></iframe><a href='javascript:x'>a</a>"
        b"<article><p onclick='alert(2)'>" + SENTENCE.encode() * 3 + b"<img src=x onerror=alert(3)>"
        b"<a href='data:text/html,<script>alert(4)</script>'>more</a></p></article></body></html>",
        "ok",
    ),
    (
        "navigation.html",
        b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        "no article text",
    ),
]


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name, data, expected", CASES, ids=[c[0] for c in CASES])
def test_cli_input_table(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run_cli("analyse", str(path))
    if expected == "ok":
        assert code == 0, err
        doc = json.loads(out)["documents"][0]
        assert doc["sentences"] and all(0 <= s < e <= len(doc["text"]) for s, e in doc["sentences"])
        assert "<" not in doc["text"] and "alert" not in doc["text"]
        for bad in ("\x00", "\u200b", "\u202e", "\r"):
            assert bad not in doc["text"]
        if name in ("chinese.txt", "russian.txt", "arabic.txt"):
            assert doc["english"] is False and "English-only" in doc["warnings"][-1]
    else:
        assert code == 2 and out == "" and err.count("\n") == 1 and expected in err, err
        assert "Traceback" not in err


def test_same_article_on_both_sides_and_non_english_alignment(tmp_path):
    a = tmp_path / "ru-a.txt"
    b = tmp_path / "ru-b.txt"
    a.write_text("Ван И встретился с Лавровым в Москве. Они обсудили войну на Украине.", encoding="utf-8")
    b.write_text("Они обсудили войну на Украине. Погода в Москве была тёплой.", encoding="utf-8")
    code, out, _ = run_cli("compare", str(a), str(b))
    data = json.loads(out)
    assert code == 0 and any(m["kind"] == "verbatim" for m in data["matches"])
    code, out, _ = run_cli("compare", str(a), str(a))
    assert code == 0 and json.loads(out)["coverage"] == [1.0, 1.0]


def test_one_empty_side_is_refused(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    code, _, err = run_cli("compare", str(a), str(tmp_path / "b.txt"))
    assert code == 2 and "b.txt" in err and "empty" in err


def test_duplicate_ids_and_bad_files_in_corpus_are_named(tmp_path):
    (tmp_path / "story.md").write_text("---\ntitle: One\n---\n" + SENTENCE, encoding="utf-8")
    (tmp_path / "story.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [\n---\nx", encoding="utf-8")
    loaded = load_corpus(tmp_path)
    assert [a.id for a in loaded.articles] == ["story"]
    assert any("story.txt" in w and "already used" in w for w in loaded.warnings)
    assert any("broken.md" in w for w in loaded.warnings)


def test_save_article_is_atomic_and_never_overwrites(tmp_path):
    article = article_from_text(SENTENCE, "saved", title="Saved")
    path = save_article(article, tmp_path)
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: Saved")
    with pytest.raises(IngestError, match="already exists"):
        save_article(article_from_text("Other text entirely.", "saved"), tmp_path)
    assert "Saved" in path.read_text(encoding="utf-8")
    for bad in ("../escape", "a/b", ".."):
        with pytest.raises(IngestError):
            save_article(article_from_text(SENTENCE, bad), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved.md"]  # no temp files left


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=300), st.text(min_size=0, max_size=300))
def test_analyse_and_compare_never_raise_on_any_unicode(nlp, text_a, text_b):
    try:
        a = analyse(article_from_text(text_a, "a"), nlp=nlp)
        b = analyse(article_from_text(text_b, "b"), nlp=nlp)
    except IngestError:
        return  # empty after normalising: a clear message, which is the contract
    result = compare(a, b)
    for doc, analysis in enumerate((a, b)):
        n = len(analysis.article.text)
        assert all(0 <= s.start < s.end <= n for s in analysis.sentences)
        assert all(0 <= m.start < m.end <= n for e in result.entities for m in e.mentions if m.doc == doc)
        assert all(0 <= d.start < d.end <= n for d in analysis.dates)
    for m in result.matches:
        assert all(0 <= s < e <= len(a.article.text) for s, e in m.shared_a)
        assert all(0 <= s < e <= len(b.article.text) for s, e in m.shared_b)


APP = str(ROOT / "streamlit_app.py")


@pytest.mark.parametrize(
    "text, published, message",
    [
        ("", "", "empty"),
        ("   \n  ", "", "empty"),
        (SENTENCE * 14000, "", "over the limit of 1,000,000 characters"),
        (SENTENCE, "2023-02-30", "YYYY-MM-DD"),
    ],
    ids=["empty", "whitespace", "huge", "bad-date"],
)
def test_app_paste_table(text, published, message):
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/1_Library.py").run()
    at.text_input(key="paste_published").input(published)
    at.text_area(key="paste_text").input(text)
    next(b for b in at.button if b.label == "Add pasted article").click().run()
    assert not at.exception
    assert any(message in e.value for e in at.error)
    assert at.text_area(key="paste_text").value == text  # the user's text is kept


@pytest.mark.parametrize(
    "name, data, expected",
    [c for c in CASES if c[0] not in ("huge.txt",)],
    ids=[c[0] for c in CASES if c[0] != "huge.txt"],
)
def test_app_upload_table(name, data, expected):
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/1_Library.py").run()
    at.get("file_uploader")[0].set_value([(name, data, "application/octet-stream")]).run()
    assert not at.exception
    if expected == "ok":
        assert any("Added" in s.value for s in at.success)
        added = list(at.session_state["px_session_articles"].values())[-1]
        at.session_state["px_pair"] = (added.id, "wang-yi-russia-original")
        at.switch_page("streamlit_app.py").run()
        assert not at.exception
        columns = [str(h.value) for h in at.get("html") if 'class="px-text"' in str(h.value)]
        assert len(columns) == 2 and "<script" not in columns[0]
    else:
        assert any(expected in e.value for e in at.error)


def test_app_names_skipped_corpus_files(tmp_path, monkeypatch):
    for source in (ROOT / "corpus").glob("*.md"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [\n---\nx", encoding="utf-8")
    monkeypatch.setenv("PARALLAX_CORPUS", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception and any("skipped" in w.value for w in at.warning)
    at.switch_page("pages/1_Library.py").run()
    assert any("broken.md" in w.value.replace("\\", "") for w in at.warning)  # shown Markdown-escaped


def test_pasted_text_survives_page_switches():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/1_Library.py").run()
    at.text_area(key="paste_text").input("Draft I am still writing.").run()
    at.switch_page("pages/3_About.py").run()
    at.switch_page("streamlit_app.py").run()
    at.switch_page("pages/1_Library.py").run()
    assert at.text_area(key="paste_text").value == "Draft I am still writing."
