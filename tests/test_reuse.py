"""Reuse: wording taken, kept apart from statements shared."""

from __future__ import annotations

import json

import pytest

from parallax import analyse, article_from_text, compare
from parallax.options import DEFAULT_OPTIONS
from parallax.reuse import ORDERED_RUN, containment, ordered_runs, reuse, shingles_of, strong_matches
from tests.conftest import ROOT

ORIGINAL = (
    "A magnitude 6.1 earthquake struck off the coast of Peru on Tuesday, killing 12 people.\n"
    "The quake hit at a depth of 12 km, the US Geological Survey said.\n"
    "Rescue teams were searching collapsed buildings in the port city of Callao.\n"
    "The president declared a state of emergency in three regions."
)
INDEPENDENT = (
    "Twelve people died when a strong tremor shook Peru's coastline on Tuesday.\n"
    "Seismologists put the quake's strength at 6.1 and said it was shallow.\n"
    "In Callao, emergency crews dug through rubble looking for survivors.\n"
    "Officials in Lima said schools would stay closed for a week."
)


def _a(text, name, nlp):
    return analyse(article_from_text(text, name), nlp=nlp)


def test_a_text_against_itself_reuses_everything(nlp):
    a = _a(ORIGINAL, "o", nlp)
    result = compare(a, a)
    assert result.reuse == (1.0, 1.0)
    assert result.differences == ()


@pytest.mark.parametrize("text", ["Talks end.", "Rain. Wind. Snow."])
def test_a_text_too_short_for_a_4_gram_against_itself_reuses_everything(nlp, text):
    a = _a(text, "short", nlp)
    assert containment(a, a) is None
    assert compare(a, a).reuse == (1.0, 1.0)
    other = _a("Markets closed higher.", "other", nlp)
    assert compare(a, other).reuse == (0.0, 0.0)


def test_independent_report_shares_statements_not_wording(nlp):
    a, b = _a(ORIGINAL, "o", nlp), _a(INDEPENDENT, "i", nlp)
    result = compare(a, b)
    assert max(result.reuse) < 0.3
    contained = containment(a, b)
    assert contained is not None and max(contained) < 0.1


def test_short_copy_inside_a_long_article_still_counts(nlp):
    long = "\n".join([ORIGINAL.split("\n")[0], INDEPENDENT, "Markets in Lima were calm.", "Copper prices held steady."])
    a, b = _a(ORIGINAL, "o", nlp), _a(long, "l", nlp)
    reuse_a, reuse_b = compare(a, b).reuse
    assert reuse_a >= 0.25  # a quarter of the original's wording is carried by the long article
    assert reuse_b < reuse_a  # and the long article is mostly its own


def test_swapping_sides_swaps_reuse(nlp):
    a, b = _a(ORIGINAL, "o", nlp), _a(ORIGINAL.replace("12 people", "15 people") + "\nMore follows.", "c", nlp)
    ab, ba = compare(a, b), compare(b, a)
    assert ab.reuse == ba.reuse[::-1]


def test_shingles_skip_boilerplate_and_are_lower_cased(nlp):
    a = _a("Share this article\nThe Quick Brown Fox jumps over it.", "s", nlp)
    assert ("the", "quick", "brown", "fox") in shingles_of(a)
    assert reuse(a, a, ()) == (0.5, 0.5)  # containment alone when no match is given


STATEMENT = '"The terminals remain open, our doors remain open, and we are ready to return to the table at any hour."'
WIRE = (
    "Dockworkers at the port of Halvern walked off the job on Tuesday after talks over pay collapsed.\n"
    f'The port authority regretted the action. {STATEMENT[:-1]}" it said in a statement.\n'
    "About 4,200 members of the union joined the 72-hour stoppage, which began at 6 a.m."
)
OTHER_OUTLET = (
    "The cranes stood still at Halvern on Tuesday as the harbour's dockers began a three-day strike.\n"
    f"In a short statement, the port authority struck a conciliatory tone: {STATEMENT}\n"
    "Shipping agents said some lines were already sending their vessels to other ports."
)


def test_independent_reports_quoting_one_statement_share_no_wording(nlp):
    # The speaker's words are in every report of the statement: they are not the outlet's wording.
    a, b = _a(WIRE, "w", nlp), _a(OTHER_OUTLET, "o", nlp)
    assert max(compare(a, b).reuse) < 0.05
    unmarked = _a(OTHER_OUTLET.replace('"', ""), "u", nlp)  # the same words without marks are its own
    assert max(compare(unmarked, _a(WIRE.replace('"', ""), "wu", nlp)).reuse) > 0.15


def test_a_copy_with_its_quotations_is_still_reuse(nlp):
    a = _a(WIRE, "w", nlp)
    copy = _a(WIRE.replace("Tuesday", "Wednesday"), "c", nlp)
    assert min(compare(a, copy).reuse) > 0.8
    assert compare(a, a).reuse == (1.0, 1.0)


def test_an_article_all_in_quotation_marks_keeps_its_words(nlp):
    quoted = '"We are deeply sorry. Our customers trusted us with their information."'
    a = _a(quoted, "q", nlp)
    assert shingles_of(a)  # nothing outside the marks: the quotation is all the wording there is
    assert compare(a, a).reuse == (1.0, 1.0)


def _quake(nlp):
    data = json.loads((ROOT / "tests/fixtures/quake_paraphrase.json").read_text(encoding="utf-8"))
    return {role: _a("\n\n".join(data[role]), role, nlp) for role in ("a", "b", "independent")}


def test_a_paraphrase_that_follows_its_source_sentence_by_sentence_is_reuse(nlp):
    # Every sentence reworded, few 4-grams kept: the order, sentence after sentence, is what is taken.
    quake = _quake(nlp)
    result = compare(quake["a"], quake["b"])
    assert len(ordered_runs(quake["a"], quake["b"], result.matches)) >= ORDERED_RUN
    assert min(result.reuse) >= DEFAULT_OPTIONS.reuse_threshold
    for side in ("a", "b"):
        assert max(compare(quake[side], quake["independent"]).reuse) < DEFAULT_OPTIONS.reuse_threshold


def test_a_run_needs_both_orders_kept_with_nothing_between(nlp):
    quake = _quake(nlp)
    a, b = quake["a"], quake["b"]
    matches = compare(a, b).matches
    assert len(ordered_runs(a, b, matches)) == len(matches)  # ten sentences, ten matches in one run
    shuffled = _a("\n\n".join(b.sentences_text([i]) for i in (3, 7, 1, 9, 5, 0, 8, 2, 6, 4)), "shuffled", nlp)
    assert ordered_runs(a, shuffled, compare(a, shuffled).matches) == []
    # Every other sentence left out: order is kept, but something stands between each pair.
    gapped = _a("\n\n".join(b.sentences_text([i]) for i in range(0, 10, 2)), "gapped", nlp)
    assert ordered_runs(a, gapped, compare(a, gapped).matches) == []


def test_a_report_quoted_whole_by_an_aggregator_is_reuse(nlp):
    # A real pattern (Rational Review quoting Deutsche Welle): several sentences of a report inside one
    # pair of quotation marks are the report's wording, not a speaker's.
    a = _a(WIRE, "w", nlp)
    excerpt = _a('Source: the wire.\n\n"' + WIRE.replace('"', "'").replace("\n", " ") + '" (09/13/23)', "x", nlp)
    assert min(compare(a, excerpt).reuse) > 0.5
    assert max(compare(excerpt, _a(INDEPENDENT, "i", nlp)).reuse) < 0.1


def test_the_same_names_in_other_words_are_no_reuse(nlp):
    # Two real reports of one meeting (DW and Ukrainska Pravda, 13 September 2023, reworded here): the
    # names are the statement's, the words around them each outlet's own.
    a = _a(
        "North Korea's leader Kim Jong Un met Russian President Vladimir Putin on Wednesday as the two arrived "
        "at the Vostochny Cosmodrome in Russia's Far East, set for rare talks.",
        "dw",
        nlp,
    )
    b = _a(
        "Vladimir Putin welcomed Kim Jong Un to the Vostochny Cosmodrome in Russia's Far East, where the leaders "
        "began a summit.",
        "up",
        nlp,
    )
    result = compare(a, b)
    assert result.matches and result.matches[0].kind == "paraphrase"  # one statement
    assert strong_matches(a, b, result.matches) == []  # in other words
    assert max(result.reuse) < 0.2
    copy = _a(a.article.text.replace("Wednesday", "Thursday"), "copy", nlp)
    assert strong_matches(a, copy, compare(a, copy).matches)
