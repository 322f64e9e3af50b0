"""Credits (parallax/credits.py): who a text says its words come from."""

from __future__ import annotations

import pytest

from parallax import analyse, article_from_text
from parallax.credits import attributions, people_spans


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
    ],
)
def test_credits_are_read_in_the_forms_news_writes_them(nlp, text, sources):
    found = attributions(text, 0, len(text), people_spans(analyse(article_from_text(text, "t"), nlp=nlp)))
    assert [(source, speaker) for _, source, speaker in found] == sources
