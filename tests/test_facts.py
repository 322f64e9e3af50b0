"""How the differences stage keys facts (parallax/facts.py): pure functions, no model needed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.facts import agree_coarser, date_key, kind_of, overlaps, plain_words, same_names, within
from parallax.model import DatedMention


def _date(text: str, value: str | None = None, granularity: str = "day") -> DatedMention:
    return DatedMention(0, len(text), text, value, granularity, "date", 0)


@pytest.mark.parametrize(
    "one, other",
    [
        ("7 September", "Sept. 7"),
        ("the third day", "3rd Day"),
        ("Q2", "the second quarter"),
        ("H1", "first half"),
        ("the start of March", "early March"),
        ("the end of 2024", "late 2024"),
    ],
)
def test_an_unresolved_date_is_keyed_by_its_words_written_one_way(one, other):
    assert date_key(_date(one)) == date_key(_date(other))


def test_a_part_of_a_month_differs_from_another_part():
    assert date_key(_date("the start of March")) != date_key(_date("late March"))
    assert date_key(_date("early March")) != date_key(_date("March"))


def test_a_resolved_date_is_keyed_by_its_value_and_differs_from_another_day():
    assert date_key(_date("Monday", "2023-09-18")) == date_key(_date("18 September", "2023-09-18"))
    assert date_key(_date("Monday", "2023-09-18")) != date_key(_date("Tuesday", "2023-09-19"))


def test_a_date_with_less_detail_agrees_with_the_fuller_one_and_not_with_another():
    december = _date("December", None, "month")
    assert agree_coarser([december], [_date("December 2022", "2022-12", "month")])
    assert not agree_coarser([december], [_date("November 2022", "2022-11", "month")])
    # A day and month without a year agrees with that day resolved.
    assert agree_coarser([_date("September 21")], [_date("21 September 2023", "2023-09-21")])


def test_plain_words_drop_case_and_punctuation():
    assert plain_words("We are doing ALL we can,") == plain_words("we are doing all we can")


@given(st.integers(0, 50), st.integers(1, 20), st.integers(0, 50), st.integers(1, 20))
def test_overlaps_is_symmetric_and_needs_a_shared_character(start, size, other_start, other_size):
    span, region = (start, start + size), (other_start, other_start + other_size)
    shared = len(set(range(*span)) & set(range(*region))) > 0
    assert overlaps(span, region) == overlaps(region, span) == shared
    assert within(span, [region]) == (region[0] <= span[0] and span[1] <= region[1])


def test_an_empty_span_overlaps_the_region_it_stands_in_and_an_empty_region_nothing():
    # A side that lacks an item marks the point where it would stand.
    assert overlaps((5, 5), (0, 10)) and not overlaps((5, 5), (6, 10))
    assert not overlaps((0, 10), (5, 5))


@pytest.mark.parametrize(
    "kinds, expected",
    [
        (["place", "organisation"], "place"),  # the small model often types a place as a body
        (["organisation", "place"], "place"),
        (["person", "person", "place"], "person"),
        (["person", "organisation"], "person"),  # ties go to a person, then a place
        (["organisation"], "organisation"),
    ],
)
def test_one_kind_for_a_difference_whichever_side_is_a(kinds, expected):
    assert kind_of(kinds) == expected
    assert kind_of(list(reversed(kinds))) == expected


def test_same_names_needs_a_form_of_each_name_on_the_other_side():
    assert same_names({"Wang Yi"}, {"Wang"}, people=True)
    assert not same_names({"Wang Yi"}, {"Sergei Lavrov"}, people=True)
    assert not same_names(set(), {"Wang Yi"}, people=True)


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("Copenhagen", "ORG", "place"),  # a capital city, whatever the small model typed it as
        ("Belarus", "PERSON", "person"),  # a person stays a person: the model's doubt is read elsewhere
        ("Belarus", "ORG", "place"),  # a country
        ("Kremlin", "ORG", "organisation"),  # a building that stands for a government
        ("Siemens", "ORG", "organisation"),
    ],
)
def test_a_name_is_a_place_where_it_names_a_country_or_capital_whatever_its_label(text, label, expected):
    from parallax.facts import kind_as_written
    from parallax.model import Entity

    assert kind_as_written(text, Entity(text, label, ()), ()) == expected
