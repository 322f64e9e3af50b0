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
    '"<b>We</b> are doing everything we can to reach the trapped families," President Dina Boluarte said.'
)
CHANGED_COPY = (
    CHANGED_ORIGINAL.replace("killing 12", "killing 15")
    .replace(", according to the US Geological Survey", "")
    .replace("everything we can", "all we possibly can")
    + "\nShares in <script>alert(1)</script> insurers fell."
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


# Machado, Oliveira & Fernandes (2009) full-severity matrices, applied to linear RGB.
CVD = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "typical": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
}
MARK_KINDS = ("verbatim", "paraphrase", "partial", "unique")


def _lab(hex_colour: str, matrix) -> tuple[float, float, float]:
    import numpy as np

    rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(np.array(matrix) @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ seen
    f = np.cbrt(np.maximum(xyz / np.array([0.95047, 1.0, 1.08883]), 0.008856**3))
    f = np.where(
        xyz / np.array([0.95047, 1.0, 1.08883]) > 0.008856,
        f,
        7.787 * xyz / np.array([0.95047, 1.0, 1.08883]) + 16 / 116,
    )
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_mark_colours_stay_apart_under_colour_blindness_and_have_a_non_colour_cue():
    from parallax.render import STYLE

    rules = {kind: re.search(rf"\.px-{kind} {{([^}}]*)}}", STYLE).group(1) for kind in MARK_KINDS}
    colours = {kind: re.search(r"background: (#[0-9a-f]{6})", rule).group(1) for kind, rule in rules.items()}
    for vision, matrix in CVD.items():
        labs = {kind: _lab(colour, matrix) for kind, colour in colours.items()}
        for x in MARK_KINDS:
            for y in MARK_KINDS:
                if x < y:
                    distance = sum((p - q) ** 2 for p, q in zip(labs[x], labs[y], strict=True)) ** 0.5
                    assert distance >= 15, f"{x}/{y} too close under {vision}: ΔE {distance:.1f}"
    # Without colour at all: each matched kind has its own underline (double, solid, dotted).
    styles = {kind: re.search(r"border-bottom: \d+px (\w+)", rules[kind]).group(1) for kind in MARK_KINDS[:3]}
    assert len(set(styles.values())) == 3


def test_verdict_says_wording_and_statements_at_the_family_threshold(seed_a, seed_b):
    from parallax.render import verdict

    comparison = compare(seed_a, seed_b)
    said = verdict(comparison)  # the seed rewrite: 17-18% of the wording, 61-76% of the statements
    assert said.startswith("A and B share wording: 18% of A's is in B, 17% of B's in A; 76% of the statements shared")
    # Below a stricter threshold the same pair is not a family, and the verdict says it cannot tell.
    stricter = verdict(comparison, threshold=0.3)
    assert stricter.startswith("Little shared wording (18%) but 76% of the statements shared: a heavy rewrite")
    assert "of the statements shared; " not in stricter.split(":")[0]
    assert "in a row" not in said  # its longest ordered run is of close paraphrases: the wording says it


def test_verdict_names_a_paraphrase_that_follows_its_source_sentence_by_sentence(nlp):
    import json

    from parallax import analyse, article_from_text
    from parallax.render import verdict

    data = json.loads((ROOT / "tests/fixtures/quake_paraphrase.json").read_text(encoding="utf-8"))
    a, b = (analyse(article_from_text("\n\n".join(data[role]), role), nlp=nlp) for role in ("a", "b"))
    said = verdict(compare(a, b))
    assert said.startswith("A and B share wording: ")
    assert "; 10 passages in a row follow each other's order, reworded;" in said
    independent = analyse(article_from_text("\n\n".join(data["independent"]), "i"), nlp=nlp)
    assert "in a row" not in verdict(compare(a, independent))
