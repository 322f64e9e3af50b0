"""Quotations worded differently, or carried without marks (parallax/misquotes.py), through the whole stage."""

from __future__ import annotations

import pytest

from parallax import analyse, article_from_text, compare
from tests.difference_cases import dated

LONG_QUOTE = (
    '"We have been patient for eighteen months, and management has given us nothing but delays," '
    "union chairman Henrik Dahl told reporters in Copenhagen."
)


DAHL = "Union chairman Henrik Dahl told reporters in Copenhagen that pilots had been {0} and management had given them {1}."


@pytest.mark.parametrize(
    "rewrite, a_text, b_text",
    [
        # A trimmed quotation with a word changed: compared with the part it stands for.
        (
            DAHL.format('"patient for eighteen months"', '"nothing but excuses"'),
            "nothing but delays",
            "nothing but excuses",
        ),
        # Part of the quotation carried without marks, the rest trimmed and kept in marks.
        (
            DAHL.format("patient for eighteen months", '"nothing but delays"'),
            "been patient for eighteen months, and management",
            "been patient for eighteen months and management",
        ),
        # Every part kept in marks, word for word: nothing differs.
        (DAHL.format('"patient for eighteen months"', '"nothing but delays"'), None, None),
    ],
)
def test_a_quotation_trimmed_to_parts_is_compared_part_by_part(nlp, rewrite, a_text, b_text):
    a = analyse(article_from_text(LONG_QUOTE, "a"), nlp=nlp)
    b = analyse(article_from_text(rewrite, "b"), nlp=nlp)
    found = [d for d in compare(a, b).differences if d.kind == "quotation"]
    swapped = [d for d in compare(b, a).differences if d.kind == "quotation"]
    if a_text is None:
        assert found == swapped == []
    else:
        assert [(d.a_text, d.b_text) for d in found] == [(a_text, b_text)]
        assert [(d.b_text, d.a_text) for d in swapped] == [(a_text, b_text)]


def test_a_single_quoted_word_counts_when_its_sentence_gives_it_as_somebodys(nlp):
    said = 'Chief executive Marta Lindqvist called the strike "irresponsible" and said the offer was fair.'
    unmarked = "Chief executive Marta Lindqvist called the strike irresponsible and said the offer was fair."
    a, b = (analyse(article_from_text(text, name), nlp=nlp) for text, name in ((said, "a"), (unmarked, "b")))
    assert [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "quotation"] == [
        ("quotation", "irresponsible", "irresponsible")
    ]
    # A headline's scare quotes: nobody's words, and no difference.
    a, b = (
        analyse(article_from_text(text, name), nlp=nlp)
        for text, name in (("Obama 'postpones' his Asia trip.", "a"), ("Obama postpones his Asia trip.", "b"))
    )
    assert [d for d in compare(a, b).differences if d.kind == "quotation"] == []


def test_a_quotation_that_opens_in_the_sentence_before_the_match_is_still_a_quotation(nlp):
    # Real reports of Putin at Vostochny (BOL News, DW): one outlet splits his words in two quotations,
    # the other runs them over two sentences; the second sentence alone is matched.
    a = dated(
        nlp,
        '"That is why we came here," Putin said when asked about satellites. "The leader of the DPRK shows '
        'great interest in rocket engineering; they are also trying to develop space."',
        "a",
    )
    b = dated(
        nlp,
        'Kim arrived by train on Wednesday morning. "That is why we came here. The leader of the DPRK shows '
        'great interest in rocket engineering, they are also trying to develop space," said Putin.',
        "b",
    )
    result = compare(a, b)
    assert result.matches
    assert [(d.a_text, d.b_text) for d in result.differences if d.kind == "quotation"] == []


ZIELINSKI_QUOTED = (
    "Firefighters put out the blaze by early Wednesday, but one tanker was leaking chlorine. "
    '"The leak is small and we have it under control, but the wind could carry the gas towards the town," '
    "commander Marek Zielinski told reporters. Schools in Kutno will stay closed on Thursday."
)
ZIELINSKI_REPORTED = (
    "Firefighters put out the blaze by early Wednesday, but one tanker was leaking chlorine. "
    "Commander Marek Zielinski told reporters the leak was small and under control but warned that the wind "
    "might blow the gas towards the town. Schools in Kutno will stay closed on Thursday."
)


def test_a_quotation_restated_as_reported_speech_is_a_quotation_difference_where_wording_is_taken(nlp):
    # The held-out derailment pair (tests/fixtures/held_out/13-derailment.json), cut short: a rewrite
    # turns the commander's words into reported speech, the stretch after the verb that says them.
    a = analyse(article_from_text(ZIELINSKI_QUOTED, "a"), nlp=nlp)
    b = analyse(article_from_text(ZIELINSKI_REPORTED, "b"), nlp=nlp)
    quote = "The leak is small and we have it under control, but the wind could carry the gas towards the town,"
    reported = "leak was small and under control but warned that the wind might blow the gas towards the town"
    result = compare(a, b)
    assert [(d.a_text, d.b_text) for d in result.differences if d.kind == "quotation"] == [(quote, reported)]
    assert [(d.b_text, d.a_text) for d in compare(b, a).differences if d.kind == "quotation"] == [(quote, reported)]
    # The quoted "could" is carried as "might": no hedge added.
    assert not [d for d in result.differences if d.kind == "framing" and "might" in d.b_text]


def test_a_quotation_restated_in_a_report_that_takes_no_wording_is_each_outlets_own_telling(nlp):
    from parallax.misquotes import quotation_differences
    from parallax.sides import side_of

    a = analyse(article_from_text(ZIELINSKI_QUOTED, "a"), nlp=nlp)
    b = analyse(article_from_text(ZIELINSKI_REPORTED, "b"), nlp=nlp)
    sa, sb = side_of(a, 0, (1,)), side_of(b, 1, (1,))
    assert [d.kind for d in quotation_differences(0, sa, sb, derived=True)] == ["quotation"]
    assert quotation_differences(0, sa, sb, derived=False) == []
    # Where the other side quotes something the quotation did not match, the two quote one statement in
    # other words: no restatement is read (TASS and Sputnik, each quoting a ministry's statement in part).
    quoting = ZIELINSKI_REPORTED.replace("towards the town.", 'towards the town: "We are ready for that."')
    e = analyse(article_from_text(quoting, "e"), nlp=nlp)
    assert quotation_differences(0, sa, side_of(e, 1, (1,)), derived=True) == []
    # Two shared words are not a restatement: "the town" alone is no reported quotation.
    c = analyse(article_from_text(ZIELINSKI_QUOTED.replace("the wind could carry the gas", "it is safe"), "c"), nlp=nlp)
    d = analyse(
        article_from_text("Commander Marek Zielinski told reporters about the town and its schools.", "d"), nlp=nlp
    )
    assert quotation_differences(0, side_of(c, 0, (1,)), side_of(d, 1, (0,)), derived=True) == []


def test_words_restated_before_the_verb_of_speech_count_toward_the_share(nlp):
    # The held-out football pair (tests/fixtures/held_out/15-football.json): "character" is restated before
    # "said", "fans" and "carried" after it; 3 of the quotation's 7 content words, 2 after the verb.
    from parallax.misquotes import quotation_differences
    from parallax.sides import side_of

    a = analyse(
        article_from_text(
            '"We showed character today, and the fans carried us in the second half," Ajax coach Marco Hendriks '
            "told reporters.",
            "a",
        ),
        nlp=nlp,
    )
    b = analyse(
        article_from_text(
            "Ajax coach Marco Hendriks praised his team's character and said the fans had carried them after the break.",
            "b",
        ),
        nlp=nlp,
    )
    found = quotation_differences(0, side_of(a, 0, (0,)), side_of(b, 1, (0,)), derived=True)
    assert [(d.kind, d.b_text) for d in found] == [("quotation", "fans had carried")]
