"""The reading view's HTML: golden files for the seed pair, and escaping of any text."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.compare import compare, describe
from parallax.render import ViewFilter, render_column, render_entity_list, render_header
from parallax.timeline import plotted, timeline_figure
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
OWN_TAG = re.compile(r'</?(?:div|mark|span|b|code)(?: [a-z-]+="[^"<>]*")*>')


def _check_golden(name: str, rendered: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"{name} is missing; create it with --update-golden and review it"
    assert rendered == path.read_text(encoding="utf-8"), f"{name} changed; review and rerun with --update-golden"


def test_seed_columns_match_golden_files(seed_a, seed_b, update_golden):
    comparison = compare(seed_a, seed_b)
    for side in (0, 1):
        _check_golden(f"seed_column_{'ab'[side]}.html", render_column(comparison, side), update_golden)
        _check_golden(f"seed_header_{'ab'[side]}.html", render_header(comparison, side), update_golden)


def test_every_character_of_the_text_is_shown_once(seed_a, seed_b):
    comparison = compare(seed_a, seed_b)
    for side, analysis in enumerate(comparison.documents):
        rendered = render_column(comparison, side, ViewFilter(entity_spans=((0, 30),), focus_sentence=2))
        assert html.unescape(OWN_TAG.sub("", rendered)) == analysis.article.text


def test_filters_change_the_marks(seed_a, seed_b):
    comparison = compare(seed_a, seed_b)
    everything = render_column(comparison, 0)
    strict = render_column(comparison, 0, ViewFilter(min_score=1.01))
    assert 'data-kind="paraphrase"' in everything and 'data-kind="paraphrase"' not in strict
    assert "px-dim" in render_column(comparison, 1, ViewFilter(only_unique=True))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200))
def test_any_text_is_escaped(nlp, text):
    from parallax import analyse
    from parallax.ingest import IngestError, article_from_text

    try:
        article = article_from_text(text + " <script>x</script> $a$ **b**", "x", title=text)
    except IngestError:
        return
    analysis = analyse(article, nlp=nlp)
    comparison = describe(analysis)
    rendered = render_column(comparison, 0) + render_header(comparison, 0)
    stripped = OWN_TAG.sub("", rendered)
    assert "<" not in stripped and ">" not in stripped  # every < from the text is escaped
    assert html.unescape(OWN_TAG.sub("", render_column(comparison, 0))) == analysis.article.text


def test_entity_list_and_timeline_escape_names(seed_a, seed_b):
    comparison = compare(seed_a, seed_b)
    listing = render_entity_list(comparison.entities)
    assert "Vladimir Putin" in listing and "also spelled Taas" in listing
    points, rest = plotted(comparison)
    assert {p.mention.value for p in points} >= {"2023-03", "2022-12", "2023-09"}
    assert {d.text for _, d in rest} >= {"four days"}
    figure = timeline_figure(comparison)
    hover = " ".join(t for trace in figure.data for t in trace.hovertext)
    assert "<script" not in hover
    assert all(isinstance(c, str) and ":" in c for trace in figure.data for c in trace.customdata)


CHANGED_ORIGINAL = (
    "A magnitude 6.1 earthquake struck Peru on Tuesday, killing 12 people, officials said.\n"
    "The quake hit at a depth of 10 km, according to the US Geological Survey.\n"
    "\"<b>We</b> are doing everything we can to reach the trapped families,\" President Dina Boluarte said."
)
CHANGED_COPY = (
    CHANGED_ORIGINAL.replace("killing 12", "killing 15").replace(", according to the US Geological Survey", "")
    .replace("everything we can", "all we possibly can") + "\nShares in <script>alert(1)</script> insurers fell."
)


def test_what_changed_panel_verdict_and_marks_match_golden_files(nlp, update_golden):
    from parallax import analyse, article_from_text
    from parallax.render import render_differences, render_verdict

    a = analyse(article_from_text(CHANGED_ORIGINAL, "wire"), nlp=nlp)
    b = analyse(article_from_text(CHANGED_COPY, "copy"), nlp=nlp)
    comparison = compare(a, b)
    assert {d.kind for d in comparison.differences} >= {"figure", "attribution", "quotation"}
    panel, verdict = render_differences(comparison), render_verdict(comparison)
    assert "<b>We</b>" not in panel and "&lt;b&gt;We&lt;/b&gt;" in panel  # article text stays literal
    assert "B adds 1 sentence" in verdict and "1 attribution dropped" in verdict
    _check_golden("changed_panel.html", panel, update_golden)
    _check_golden("changed_verdict.html", verdict, update_golden)
    _check_golden("changed_column_b.html", render_column(comparison, 1), update_golden)
    assert "<script>" not in render_column(comparison, 1)
