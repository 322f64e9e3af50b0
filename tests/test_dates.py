import datetime as dt

import pytest

from parallax import analyse
from parallax.dates import resolve
from parallax.ingest import article_from_text

PUBLISHED = dt.date(2023, 9, 18)  # a Monday


@pytest.mark.parametrize(
    "expression, sentence, expected",
    [
        ("March", "since the court issued a warrant in March.", ("2023-03", "month", "date")),
        ("December", "Putin visited Belarus in December before the warrant in March.", ("2022-12", "month", "date")),
        ("last year", "", ("2022", "year", "date")),
        ("Monday", "He arrived on Monday.", ("2023-09-18", "day", "date")),
        ("last Monday", "", ("2023-09-11", "day", "date")),
        ("Friday", "Talks will end on Friday.", ("2023-09-22", "day", "date")),
        ("Sept. 1", "", ("2023-09-01", "day", "date")),
        ("2019", "", ("2019", "year", "date")),
        ("December 2022", "", ("2022-12", "month", "date")),
        ("October", "Putin will visit Beijing in October.", ("2023-10", "month", "date")),
        ("four days", "He will stay for four days.", (None, "day", "duration")),
        ("the past year", "", (None, "year", "duration")),
        ("three years ago", "", ("2020", "year", "date")),
        ("yesterday", "", ("2023-09-17", "day", "date")),
        ("earlier this month", "", ("2023-09", "month", "date")),
        ("18 September 2023", "", ("2023-09-18", "day", "date")),
        ("the 1990s", "", (None, "decade", "date")),
    ],
)
def test_resolution_against_publication_date(expression, sentence, expected):
    assert resolve(expression, PUBLISHED, sentence) == expected


def test_unknown_publication_date_resolves_only_absolute_dates():
    assert resolve("March", None) == (None, "month", "date")
    assert resolve("last year", None) == (None, "year", "date")
    assert resolve("December 2022", None) == ("2022-12", "month", "date")


def test_seed_dates(seed_a, seed_b):
    a = {(d.text, d.value, d.kind) for d in seed_a.dates}
    b = {(d.text, d.value, d.kind) for d in seed_b.dates}
    assert {
        ("March", "2023-03", "date"),
        ("December", "2022-12", "date"),
        ("four days", None, "duration"),
        ("September", "2023-09", "date"),
    } <= a
    assert {("December 2022", "2022-12", "date"), ("March", "2023-03", "date")} <= b
    for analysis in (seed_a, seed_b):
        for d in analysis.dates:
            s = analysis.sentences[d.sentence]
            assert s.start <= d.start < d.end <= s.end
            assert analysis.article.text[d.start : d.end] == d.text


def test_ages_are_not_dates(nlp):
    a = analyse(article_from_text("The 51-year-old minister arrived on Monday.", "x", published=PUBLISHED), nlp=nlp)
    assert [d.text for d in a.dates] == ["Monday"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Article 5 may apply to the case.", []),
        ("He arrived on Monday, before the vote in May and on Sept. 1, 2021.", ["Monday", "May", "Sept. 1, 2021"]),
        (
            "They met last week and again earlier this month, three days ago.",
            ["last week", "earlier this month", "three days ago"],
        ),
        ("The talks, held 4 March 2022 in Geneva, ended in 2019.", ["4 March 2022", "2019"]),
    ],
)
def test_patterns_find_what_spacy_misses_and_skip_ordinary_words(text, found):
    from parallax.dates import _candidates

    assert [text[s:e] for s, e in _candidates(text, [])] == found
