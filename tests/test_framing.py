"""The verb that reports a statement, and hedges, on one side only (parallax/framing.py), through the whole stage."""

from __future__ import annotations

import pytest

from parallax import analyse, article_from_text, compare


@pytest.mark.parametrize(
    "a_text, b_text, differs",
    [
        (  # reworded
            "According to the ministry, the port will stay shut until Friday because of the storm.",
            "The ministry claimed that the port would remain closed until Friday due to the storm.",
            True,
        ),
        (  # copied
            "The port will stay shut until Friday because of the storm, according to the ministry.",
            "The port will stay shut until Friday because of the storm, the ministry claimed.",
            True,
        ),
        (
            "According to the ministry, the port will stay shut until Friday because of the storm.",
            "The ministry said that the port would remain closed until Friday due to the storm.",
            False,
        ),
    ],
)
def test_according_to_is_plain_credit_and_a_judging_verb_in_its_place_is_framing(nlp, a_text, b_text, differs):
    a, b = (analyse(article_from_text(text, name), nlp=nlp) for text, name in ((a_text, "a"), (b_text, "b")))
    found = [(d.kind, d.a_text.lower(), d.b_text) for d in compare(a, b).differences]
    assert found == ([("framing", "according to", "claimed")] if differs else [])


@pytest.mark.parametrize("verb", ["explained", "wrote", "declared", "promised", "pledged", "vowed"])
def test_a_verb_that_only_reports_speech_is_framing_against_one_that_judges_and_not_against_said(nlp, verb):
    template = "The interior minister {} that an inquiry into the flood warning system would begin next week."
    a = analyse(article_from_text(template.format(verb), "a"), nlp=nlp)
    for other, expected in (("claimed", [("framing", verb, "claimed")]), ("said", [])):
        b = analyse(article_from_text(template.format(other), "b"), nlp=nlp)
        assert [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences] == expected


@pytest.mark.parametrize(
    "a_verb, b_verb, differs",
    [
        ("saying", "claiming", True),  # "urged calm, saying ..." (Reuters on the Morocco earthquake)
        ("saying", "said", False),
        ("denies", "denied", False),  # one verb in two tenses
        ("insisting", "insisted", False),
    ],
)
def test_a_verb_is_read_in_every_form_news_writes_it(nlp, a_verb, b_verb, differs):
    template = "The Interior Ministry urged calm on Saturday, {} the quake had hit six provinces of the country."
    texts = [template.format(verb) for verb in (a_verb, b_verb)]
    a, b = (analyse(article_from_text(text, name), nlp=nlp) for text, name in zip(texts, "ab", strict=True))
    found = [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences]
    assert found == ([("framing", a_verb, b_verb)] if differs else [])


@pytest.mark.parametrize(
    "b_text, expected",
    [
        # The speaker's own "could", carried into reported speech as "might": no hedge added.
        ("Zielinski said the wind might carry the gas towards the town.", []),
        # A hedge of another kind is the outlet's own.
        ("Zielinski reportedly said the wind could carry the gas towards the town.", [("framing", "", "reportedly")]),
    ],
)
def test_a_hedge_the_other_side_quotes_is_the_speakers_and_no_change(nlp, b_text, expected):
    a = analyse(article_from_text('"The wind could carry the gas towards the town," Zielinski said.', "a"), nlp=nlp)
    b = analyse(article_from_text(b_text, "b"), nlp=nlp)
    assert [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "framing"] == expected
