"""Credits (parallax/credits.py): who a text says its words come from."""

from __future__ import annotations

import pytest

from parallax import analyse, article_from_text, compare
from parallax.credits import SPEECH_VERB, attributions, people_spans
from parallax.differences import find_differences
from parallax.model import Match


@pytest.mark.parametrize(
    "text, sources",
    [
        ("Kim told Putin that North Korea would stand with Russia.", [("kim", True)]),  # Putin was told
        ("The minister told Reuters that the talks had failed.", [("reuters", False)]),
        (
            "The talks will focus on trade, according to Russian news agency Tass.",
            [("russian news agency tass", False)],
        ),
        ("At least 632 people died, according to Moroccan state media.", [("moroccan state media", False)]),
        ('"We will win," said Maria Lopez.', [("maria lopez", True)]),
        ("The company said in a statement that it would appeal.", [("", True)]),
        # "of" joins a body's name: the authority is credited, not Ireland (held-out recall pair).
        (
            "Jars were recalled, the Food Safety Authority of Ireland said on Thursday.",
            [("food safety authority of ireland", True)],
        ),
        ("The Bank of England said rates would stay high.", [("bank of england", True)]),
        ("The authority said three families had contacted it.", [("authority", True)]),
        ("Zakharova added that the talks would go on.", [("zakharova", True)]),
        # A verb that warns credits as "said" does (held-out measles pair).
        (
            "The World Health Organization warned last month that cases had risen.",
            [("world health organization", True)],
        ),
    ],
)
def test_credits_are_read_in_the_forms_news_writes_them(nlp, text, sources):
    found = attributions(text, 0, len(text), people_spans(analyse(article_from_text(text, "t"), nlp=nlp)))
    assert [(source, speaker) for _, source, speaker in found] == sources


def test_a_body_named_in_full_with_of_is_carried_by_its_noun(nlp):
    # "According to the Food Safety Authority of Ireland, three families ..." / "The authority said three
    # families ...": one body, named in full and by its noun (tests/fixtures/held_out/10-recall.json).
    a = analyse(article_from_text("The authority said three families had contacted it since Monday.", "a"), nlp=nlp)
    b = analyse(
        article_from_text("According to the Food Safety Authority of Ireland, three families have come forward.", "b"),
        nlp=nlp,
    )
    result = compare(a, b)
    found = find_differences(a, b, [Match((0,), (0,), 0.3, "partial")], result.entities, derived=True)
    assert [d for d in found if d.kind == "attribution"] == []


@pytest.mark.parametrize(
    "other, carried",
    [
        ("The watchdog expects to publish what it finds within six weeks.", True),  # a regulator by another noun
        ("The authority expects to publish what it finds within six weeks.", True),
        ("Findings are expected to be published within six weeks.", False),  # the credit is dropped
        ("The union expects to publish what it finds within six weeks.", False),  # another kind of body
    ],
)
def test_a_regulator_that_states_the_thing_itself_carries_its_credit(nlp, other, carried):
    # tests/fixtures/held_out/10-recall.json: "The Food Safety Authority said it would publish" / "The watchdog
    # expects to publish": the statement is still the regulator's, named by a common noun.
    a = analyse(
        article_from_text("The Food Safety Authority said it would publish its findings within six weeks.", "a"),
        nlp=nlp,
    )
    b = analyse(article_from_text(other, "b"), nlp=nlp)
    found = find_differences(a, b, [Match((0,), (0,), 0.3, "partial")], compare(a, b).entities, derived=True)
    assert (not [d for d in found if d.kind == "attribution"]) == carried


@pytest.mark.parametrize(
    "text, verbs",
    [
        ("A measles outbreak has now claimed the lives of two children.", []),
        ("The group claimed responsibility for the attack.", []),
        ("The storm claimed 30 lives.", []),
        ("He claimed the money was stolen.", ["claimed"]),
        ("Putin claimed that the talks went well, officials said.", ["claimed", "said"]),
    ],
)
def test_a_claim_on_lives_or_a_title_is_no_speech(text, verbs):
    assert [m.group() for m in SPEECH_VERB.finditer(text)] == verbs


def test_a_body_credited_in_full_is_carried_by_its_initials(nlp):
    # "The World Health Organization warned last month" / "according to the WHO" (held-out measles pair).
    a = analyse(
        article_from_text("The World Health Organization warned last month that measles cases had risen.", "a"),
        nlp=nlp,
    )
    b = analyse(article_from_text("Measles cases have risen, according to the WHO.", "b"), nlp=nlp)
    found = find_differences(a, b, [Match((0,), (0,), 0.3, "partial")], compare(a, b).entities, derived=True)
    assert [d for d in found if d.kind == "attribution"] == []
    c = analyse(article_from_text("Measles cases have risen, according to Unicef.", "c"), nlp=nlp)
    found = find_differences(a, c, [Match((0,), (0,), 0.3, "partial")], compare(a, c).entities, derived=True)
    assert [d.kind for d in found if d.kind == "attribution"] == ["attribution"]  # another body
