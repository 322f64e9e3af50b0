import datetime as dt

import pytest

from parallax.ingest import (
    IngestError,
    article_from_bytes,
    article_from_markdown,
    article_to_markdown,
    decode_bytes,
    load_corpus,
    normalise_text,
    split_front_matter,
    validate_id,
)
from tests.conftest import CORPUS


def test_corpus_has_the_seed_pair_with_metadata():
    corpus = load_corpus(CORPUS)
    ids = {a.id: a for a in corpus.articles}
    assert corpus.warnings == ()
    for article_id in ("wang-yi-russia-original", "wang-yi-russia-rewrite"):
        article = ids[article_id]
        assert article.published == dt.date(2023, 9, 18)
        assert article.outlet is None
        assert article.title
        assert not article.text.startswith("---")


def test_front_matter_fields_are_read():
    article = article_from_markdown(
        "---\ntitle: T\noutlet: O\npublished: 2024-01-02\nurl: http://x\n---\nBody text.", "x"
    )
    assert (article.title, article.outlet, article.published, article.url, article.text) == (
        "T",
        "O",
        dt.date(2024, 1, 2),
        "http://x",
        "Body text.",
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("---\ntitle: [broken\n---\nBody", "not valid YAML"),
        ("---\ntitle: T\n\nBody without closing", "no closing"),
        ("---\ntitle: T\nauthor: me\n---\nBody", "unknown front matter field"),
        ("---\npublished: 2023-02-30\n---\nBody", "does not exist"),
        ("---\npublished: 18/09/2023\n---\nBody", "YYYY-MM-DD"),
        ("---\n- a list\n---\nBody", "key: value"),
        ("---\ntitle: T\n---\n   \n", "empty"),
    ],
)
def test_malformed_front_matter_is_a_clear_error(text, message):
    with pytest.raises(IngestError, match=message):
        article_from_markdown(text, "bad")


def test_normalise_keeps_text_but_fixes_line_ends_and_invisibles():
    raw = "Pu\u200btin said\r\nhi\u202e there \u0000\rCafe\u0301"
    assert normalise_text(raw) == "Putin said\nhi there\nCaf\u00e9"
    assert normalise_text(normalise_text(raw)) == normalise_text(raw)


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Caf\u00e9 \u201cquote\u201d".encode("utf-16"), "Caf\u00e9 \u201cquote\u201d"),
        ("Caf\u00e9 au lait".encode("latin-1"), "Caf\u00e9 au lait"),
        ("\ufeffBOM text".encode("utf-8"), "BOM text"),
    ],
)
def test_decode_accepts_common_encodings(data, expected):
    assert decode_bytes(data).lstrip("\ufeff") == expected


@pytest.mark.parametrize(
    "data, message",
    [
        (b"%PDF-1.7 binary", "PDF"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (bytes(range(128, 256)) * 4, "not valid UTF-8"),
    ],
)
def test_decode_rejects_binary_and_garbage(data, message):
    with pytest.raises(IngestError, match=message):
        decode_bytes(data, "f.txt")


def test_html_upload_keeps_only_article_text():
    html = (
        "<html><head><title>Talks in Moscow</title><script>alert(1)</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='javascript:alert(2)'>News</a></nav>"
        "<article><h1>Talks in Moscow</h1><p>Wang Yi met Sergei Lavrov in Moscow on Monday for talks on the war in Ukraine "
        "and on the expansion of NATO forces, the foreign ministry said.</p>"
        "<p onclick='alert(3)'>The visit follows a meeting between Vladimir Putin and Kim Jong Un last week in the far east.</p>"
        "<iframe src='https://evil.example'></iframe></article></body></html>"
    )
    article = article_from_bytes(html.encode(), "talks.html")
    assert "Wang Yi met Sergei Lavrov" in article.text
    for bad in ("alert", "<", "javascript", "iframe"):
        assert bad not in article.text


def test_html_with_only_navigation_is_refused():
    html = "<html><body><nav><a href='/a'>Home</a><a href='/b'>World</a></nav><script>x()</script></body></html>"
    with pytest.raises(IngestError, match="no article text"):
        article_from_bytes(html.encode(), "nav.html")


@pytest.mark.parametrize("bad", ["../etc/passwd", "a/b", "", "..", "x" * 200, "a\\b"])
def test_invalid_ids_are_refused(bad):
    with pytest.raises(IngestError):
        validate_id(bad)


def test_bad_corpus_files_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.md").write_text("---\ntitle: Good\npublished: 2023-01-01\n---\nGood text.", encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [x\n---\nText", encoding="utf-8")
    (tmp_path / "future.md").write_text("---\npublished: 2023-13-40\n---\nText", encoding="utf-8")
    (tmp_path / "extra.md").write_text("---\nwriter: me\n---\nText", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Same id as good.md", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["good"]
    joined = " ".join(corpus.warnings)
    for name in ("broken.md", "future.md", "extra.md", "good.txt"):
        assert name in joined


def test_markdown_round_trip():
    article = article_from_markdown(
        "---\ntitle: A $5 *title*\noutlet: X\npublished: 2023-09-18\n---\nBody **text**.", "rt"
    )
    again = article_from_markdown(article_to_markdown(article), "rt")
    assert (again.title, again.outlet, again.published, again.text) == (
        article.title,
        article.outlet,
        article.published,
        article.text,
    )


def test_split_front_matter_without_header():
    assert split_front_matter("Just text") == ({}, "Just text")
