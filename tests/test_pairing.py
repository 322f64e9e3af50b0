"""One pair's matches and reuse (parallax.pairing): order vouches for a sentence only where one
article takes its wording from the other."""

import json

from parallax import analyse, compare
from parallax.align import align, align_trusting_derivation, score_pairs
from parallax.ingest import article_from_text
from parallax.matrix import score_pair
from parallax.options import DEFAULT_OPTIONS
from parallax.pairing import align_pair
from parallax.reuse import reuse
from tests.conftest import ROOT

ORIGINAL = [
    "Floodwaters tore through the river town of Melnik on Tuesday night, killing at least 14 people.",
    "The government has released 500 million crowns in emergency aid for Melnik and deployed 800 soldiers.",
    "Railway services between Prague and Melnik were suspended after engineers found cracks in a bridge.",
    "Forecasters expect the rain over Melnik to ease by Thursday, although water levels downstream are still rising.",
    "It is the deadliest flood in the region since 2002, when the river killed 17 people.",
]
REWRITE = [
    "Floodwaters tore through the river town of Melnik on Tuesday night, killing at least 14 people.",
    "The government has released 500 million crowns in emergency aid for Melnik and sent 800 soldiers.",
    "Trains from Lagos to Melnik are not running at the moment.",  # reworded, and the place changed
    "Forecasters expect the rain over Melnik to ease by Thursday, though water levels downstream are still rising.",
    "It is the deadliest flood in the region since 2002, when the river killed 17 people.",
]


def _pair(nlp, a_lines, b_lines):
    return tuple(
        analyse(article_from_text(" ".join(lines), name), nlp=nlp) for lines, name in ((a_lines, "a"), (b_lines, "b"))
    )


def _linked(matches, i, j):
    return any(i in m.a and j in m.b for m in matches)


def test_a_copy_links_the_sentence_it_reworded_past_recognition_by_its_place(nlp):
    a, b = _pair(nlp, ORIGINAL, REWRITE)
    assert not _linked(align(a, b), 2, 2)  # its own words are not enough
    pair = align_pair(a, b)
    assert pair.derived and _linked(pair.matches, 2, 2)
    # ... so the reading view and compare report the changed place.
    places = [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "place"]
    assert places == [("Prague", "Lagos")]


def test_independent_reports_in_the_same_order_gain_no_link_from_it(nlp):
    # Two outlets' own reports of a sacked coach: both run lede, the club's statement (two sentences
    # quoted word for word), and other facts between. Trusting order would tie the coach's age and
    # record to the minute of a goal.
    story = json.loads((ROOT / "tests/gold/shared_quotes/04-coach-sacked.json").read_text(encoding="utf-8"))
    wire, independent = _pair(nlp, story["articles"]["wire"], story["articles"]["independent-1"])
    pair = align_pair(wire, independent)
    assert not pair.derived
    trusting, derivation_only = align_trusting_derivation(
        wire, independent, DEFAULT_OPTIONS, score_pairs(wire, independent)
    )
    assert derivation_only and trusting != pair.matches  # order alone would have added a link here
    assert pair.matches == align(wire, independent)


def test_leaving_out_what_order_added_gives_the_plain_alignment(nlp):
    for a, b in (_pair(nlp, ORIGINAL, REWRITE), _pair(nlp, REWRITE, ORIGINAL)):
        trusting, derivation_only = align_trusting_derivation(a, b, DEFAULT_OPTIONS, score_pairs(a, b))
        assert len(derivation_only) == 1
        assert tuple(m for m in trusting if (m.a + m.b) not in {(i, j) for i, j in derivation_only}) == align(a, b)


def test_compare_and_matrix_report_the_same_figures_for_a_pair(nlp):
    a, b = _pair(nlp, ORIGINAL, REWRITE)
    figures, result = score_pair(a, b), compare(a, b)
    assert (figures.coverage_ab, figures.coverage_ba) == result.coverage
    assert (figures.reuse_ab, figures.reuse_ba) == result.reuse


def test_a_split_sentences_half_widens_its_group_only_where_wording_is_taken(seed_a, seed_b):
    # The seed rewrite splits "...a recent meeting between Putin and Kim, which was speculated to
    # involve potential arms deals" in two; its second half ("It was expected that there would be a
    # yield in the arms deal") joins the first half's match, and reuse is still read on the plain one.
    pair = align_pair(seed_a, seed_b)
    plain = align(seed_a, seed_b)
    assert pair.derived
    holding = [m for m in pair.matches if 1 in m.b]
    assert holding and {4, 5} <= set(holding[0].a)
    assert not any(5 in m.a and 1 in m.b for m in plain)
    assert pair.reuse == reuse(seed_a, seed_b, plain)
