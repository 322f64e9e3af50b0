import pytest

from parallax.boilerplate import find_boilerplate, is_boilerplate_line


@pytest.mark.parametrize(
    "line",
    [
        "Please enter your comment!",
        "Please enter your name here",
        "Also Read: China and Russia sign a deal",
        "READ MORE: Putin's next trip",
        "Share this article",
        "Sign up for our daily newsletter",
        "Photo: Reuters",
        "(Photo by AFP)",
        "Advertisement",
        "Copyright 2023 Example News. All rights reserved.",
    ],
)
def test_page_furniture_is_boilerplate(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that the talks ended without a deal.",
        "Share prices fell sharply in Moscow after the announcement of new sanctions on Monday.",
        "The photo showed the two leaders shaking hands in front of the Kremlin.",
        "Readers were asked to enter their comments on the proposed law, the ministry said.",
    ],
)
def test_article_sentences_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


def test_spans_index_the_text(seed_a):
    text = seed_a.article.text
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == ["Please enter your comment!", "Please enter your name here"]
