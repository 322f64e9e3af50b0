import datetime as dt

import pytest

from parallax import analyse
from parallax.dates import resolve
from parallax.ingest import article_from_text
from tests.conftest import ROOT

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
        ("late on Tuesday", "The train derailed late on Tuesday.", ("2023-09-12", "day", "date")),
        ("early Wednesday", "Firefighters put out the blaze by early Wednesday.", ("2023-09-13", "day", "date")),
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
        ("the 1990s", "", ("199", "decade", "date")),
    ],
)
def test_resolution_against_publication_date(expression, sentence, expected):
    assert resolve(expression, PUBLISHED, sentence) == expected


@pytest.mark.parametrize(
    "expression, previous, expected",
    [
        # The model sometimes runs a date into the words after it: the head of the phrase is the date.
        ("June 4 Rome", None, ("2023-06-04", "day", "date")),
        ("9 September 1914 the Septemberprogramm", None, ("1914-09-09", "day", "date")),
        ('11 November 1918-"the eleventh hour', None, ("1918-11-11", "day", "date")),
        ("August of that year", ("1914-03", "month"), ("1914-08", "month", "date")),
        ("the first ten months of 1915", None, ("1915", "year", "date")),
        ("Saturday, June 24, 1950", None, ("1950-06-24", "day", "date")),
        ("the years 1955-1957", None, ("1955", "year", "date")),
        ("the 13th to the 19th of October 1950", None, ("1950-10-13", "day", "date")),
        ("the Spring Offensive of 1918", None, ("1918", "year", "date")),
        ("May 1918 offensive", None, ("1918-05", "month", "date")),
    ],
)
def test_phrases_resolved_without_dateparser(expression, previous, expected):
    assert resolve(expression, PUBLISHED, previous=previous) == expected


def test_common_news_text_never_loads_dateparser(seed_a, seed_b):
    """dateparser is a slow import and only a fallback: the seed's dates need none of it."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from parallax import analyse; from parallax.ingest import read_article;"
        "[analyse(read_article(Path(p))) for p in sys.argv[1:]]; print('dateparser' in sys.modules)"
    )
    files = [str(ROOT / "corpus" / f"wang-yi-russia-{n}.md") for n in ("original", "rewrite")]
    out = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
    assert {d.value for d in seed_a.dates} >= {"2023-03", "2022-12"}  # and the dates are still there


def test_unknown_publication_date_resolves_only_absolute_dates():
    assert resolve("March", None) == (None, "month", "date")
    assert resolve("early Wednesday", None) == (None, "day", "date")  # a day, to compare with "Sunday"
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


def _dates(text: str, published: dt.date | None = PUBLISHED):
    from parallax.model import Article

    base = article_from_text(text, "t")
    return analyse(Article(**{**base.__dict__, "published": published})).dates


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Shares hit a four-year low.", "four-year"),
        ("Yields on ten-year bonds rose.", "ten-year"),
        ("Jones, 62, said the plan would fail.", "62"),
        ("A 34-year-old man was arrested.", "34-year-old"),
        ("Prices have fallen for five straight weeks.", "five straight weeks"),
        ("The annual report is published quarterly.", "annual"),
        ("Inspectors visit twice a year.", "twice a year"),
        ("They fine 20 a month.", "20 a month"),
        ("The FTSE 100 and the S&P 500 fell.", "FTSE 100"),
        ("The laptops run Windows 11 and version 2.4.1.", "2.4.1"),
        ("About a third of the staff left.", "a third"),
    ],
)
def test_things_that_are_not_dates_get_no_date(text, phrase):
    start = text.index(phrase)
    overlapping = [d for d in _dates(text) if d.start < start + len(phrase) and start < d.end]
    assert overlapping == [], [(d.text, d.value) for d in overlapping]


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # Weekday direction from the clause that governs it (published Monday 2023-09-18).
        ("The company said on Tuesday that it will reopen the plant.", "Tuesday", "2023-09-12"),
        ("The border will stay shut until Sunday.", "Sunday", "2023-09-24"),
        ("The cuts were announced on Monday.", "Monday", "2023-09-18"),
        ("Ministers are due to meet on Thursday.", "Thursday", "2023-09-21"),
        # Relative phrases.
        ("The deal should close by the end of next month.", "the end of next month", "2023-10"),
        ("Sales have doubled since the start of this year.", "the start of this year", "2023"),
        ("Profit fell from the same quarter a year earlier.", "the same quarter a year earlier", "2022-Q3"),
        ("The first case was reported last November.", "last November", "2022-11"),
        ("The talks collapsed earlier this week.", "earlier this week", "2023-W38"),
        ("A verdict is expected later this month.", "later this month", "2023-09"),
        ("The strike began last week.", "last week", "2023-W37"),
        ("He arrived on 3 March 2019. He left the same day.", "the same day", "2019-03-03"),
        ("Rebels attacked on June 8, 2018. That morning, troops withdrew.", "That morning", "2018-06-08"),
        ("The ceasefire began on 10 May 2017. The week before, talks failed.", "The week before", "2017-W18"),
        # Merged spans get a value for each date.
        ("The plant will reopen in June of next year.", "June of next year", "2024-06"),
        (
            "The rebels took the city on March 3, 2015. Two days later, the army returned.",
            "Two days later",
            "2015-03-05",
        ),
        # A month or day without a year in a future context, also after an earlier year.
        ("The bridge is due to open on November 14.", "November 14", "2023-11-14"),
        ("Built in 1998, the stadium should be finished in December.", "December", "2023-12"),
        ("The treaty of 2011 could be replaced on 3 March.", "3 March", "2024-03-03"),
        # Numeric dates, quarters, decades, seasons, named days.
        ("The contract was signed on 3/4/09.", "3/4/09", "2009-03-04"),
        ("The filing is dated 2023-09-18.", "2023-09-18", "2023-09-18"),
        ("Growth slowed in the third quarter of 2019.", "the third quarter of 2019", "2019-Q3"),
        ("Revenue fell in Q2.", "Q2", "2023-Q2"),
        ("The factory closed in the 1990s.", "the 1990s", "199"),
        ("Harvests failed in the summer of 2018.", "the summer of 2018", "2018"),
        ("Shops will open late on Christmas Day.", "Christmas Day", "2023-12-25"),
    ],
)
def test_news_date_categories_resolve(text, phrase, value):
    start = text.index(phrase)
    found = [d for d in _dates(text) if d.start < start + len(phrase) and start < d.end]
    assert found and found[0].value == value, [(d.text, d.value) for d in found]


@pytest.mark.parametrize(
    "text, values",
    [
        ("Fighting was heaviest between March and May 2021.", ["2021-03", "2021-05"]),
        ("The festival ran from 12-15 October 2022.", ["2022-10-12", "2022-10-15"]),
        ("The museum will be closed from Tuesday to Friday.", ["2023-09-19", "2023-09-22"]),
        # Real wording (September 2023 reports of Wang Yi's visit): "and" joins a range after "between",
        # spaCy's span leaves the last day out, and a range ends in the year it starts.
        ("Wang will go to Russia between September 18 and 21, the ministry said.", ["2023-09-18", "2023-09-21"]),
        ("The envoy visits Russia between September 21 and 24, the ministry says.", ["2023-09-21", "2023-09-24"]),
        ("The talks run from 18 to 21 September in Moscow.", ["2023-09-18", "2023-09-21"]),
        ("The visit runs Sept. 18 through Sept. 21.", ["2023-09-18", "2023-09-21"]),
    ],
)
def test_a_range_is_two_entries_sharing_a_range_number(text, values):
    dates = [d for d in _dates(text) if d.range is not None]
    assert [d.value for d in dates] == values
    assert len({d.range for d in dates}) == 1


def test_an_unresolved_ranges_end_keeps_the_month_the_range_gives_it():
    # No publication date: neither end resolves, and "21" alone would be any month's 21st.
    dates = _dates("Wang Yi will visit Russia from September 18-21.", None)
    assert [(d.text, d.value, d.completed) for d in dates] == [
        ("September 18", None, None),
        ("21", None, "September 21"),
    ]


def test_two_days_joined_by_and_are_not_a_range_without_between():
    dates = _dates("Strikes are planned on September 25 and 28.")
    assert all(d.range is None for d in dates)


@pytest.mark.parametrize(
    "text, value",
    [
        # No tense anywhere: a day three days after publication is this year's, not last year's.
        ("Talks in Moscow on September 21, officials say.", "2023-09-21"),
        ("Ministers meet on September 20 in Moscow.", "2023-09-20"),
        # Past tense still places it before publication.
        ("Talks were held on September 21.", "2022-09-21"),
        # The month "May" is no modal verb: "from 8 to 11 May" in a past sentence is this year's May.
        ("The fair ran from 8 to 11 May.", "2023-05-08"),
    ],
)
def test_a_day_without_a_year_is_placed_by_tense_or_else_nearest(text, value):
    assert _dates(text)[0].value == value
