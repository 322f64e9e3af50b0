"""The report to send: golden HTML for the demo pair, hostile text inert offline, the PDF's text."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from parallax import analyse, compare, read_article
from parallax.cli import main
from parallax.report import report_html, report_pdf
from tests.conftest import CORPUS, ROOT
from tests.test_render import _check_golden

HOSTILE = sorted((ROOT / "tests/fixtures/hostile").glob("*.md"))
DAY = dt.date(2026, 1, 2)


def test_demo_pair_report_matches_golden_file(seed_a, seed_b, update_golden):
    document = report_html(compare(seed_a, seed_b), generated=DAY)
    _check_golden("report_seed.html", document, update_golden)
    # One file: no script, no stylesheet, font or image fetched from anywhere.
    assert "<script" not in document and "<link" not in document and "@import" not in document
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", document)
    assert "url(" not in document
    for marker in ("px-verdict", "What changed", "px-legend", 'data-side="a"', 'data-side="b"', "Only in A", "<svg"):
        assert marker in document
    assert "Parallax 0" in document and "2026-01-02" in document


@pytest.mark.browser
def test_hostile_report_is_literal_and_inert_in_chromium_offline(tmp_path, nlp, page):
    a, b = (analyse(read_article(p), nlp=nlp) for p in HOSTILE[:2])
    document = report_html(compare(a, b), generated=DAY)
    path = tmp_path / "report.html"
    path.write_text(document, encoding="utf-8")
    if True:  # the page fixture is pytest-playwright's, on Debian's Chromium (tests/conftest.py)
        requests, dialogs = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(
            "**/*",
            lambda route: (
                requests.append(route.request.url),
                route.continue_() if route.request.url.startswith("file:") else route.abort(),
            ),
        )
        page.goto(path.as_uri())
        page.wait_for_timeout(500)
        injected = page.evaluate("document.querySelectorAll('script, iframe, img, object, embed').length")
        pwned = page.evaluate("window.__pwned === undefined")
        text = page.inner_text(".px-columns")
    assert dialogs == [] and injected == 0 and pwned
    assert [r for r in requests if not r.startswith("file:")] == []
    assert "<script" in text  # the payload shows as written, literally


def test_pdf_holds_both_titles_and_both_texts(seed_a, seed_b):
    pypdf = pytest.importorskip("pypdf")
    data = report_pdf(report_html(compare(seed_a, seed_b), generated=DAY))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for analysis in (seed_a, seed_b):
        assert " ".join(analysis.article.title.split()) in text
        first = " ".join(analysis.article.text[analysis.sentences[1].start : analysis.sentences[1].end].split())
        assert first[:60] in text
    assert len(reader.pages) >= 2


def test_report_command_writes_html_and_pdf(tmp_path):
    a, b = str(CORPUS / "wang-yi-russia-original.md"), str(CORPUS / "wang-yi-russia-rewrite.md")
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", a, b, "--output", str(tmp_path / "r.html")], out, err) == 0, err.getvalue()
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert main(["report", a, b, "--format", "pdf", "--output", str(tmp_path / "r.pdf")], out, err) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    err = io.StringIO()
    assert main(["report", a, b, "--output", str(tmp_path / "missing" / "r.html")], io.StringIO(), err) == 2
    assert "Choose another path" in err.getvalue()


def test_pdf_pages_are_a4_or_letter(seed_a, seed_b):
    pypdf = pytest.importorskip("pypdf")
    comparison = compare(seed_a, seed_b)
    for paper, (width, height) in (("a4", (595, 842)), ("letter", (612, 792))):
        reader = pypdf.PdfReader(io.BytesIO(report_pdf(report_html(comparison, generated=DAY, paper=paper))))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (width, height)
