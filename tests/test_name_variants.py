"""Names that can name the same thing inside one match, and names that cannot."""

from __future__ import annotations

import pytest

from parallax.name_variants import name_like, same_referent

SAME = [
    ("Syria", "Syrian"),
    ("Egypt", "Egyptians"),
    ("Philippine", "Philippines"),
    ("US", "American"),
    ("U.S.", "United States"),
    ("UK", "Britain"),
    ("GOP", "Republican"),
    ("Pakistan", "Pak"),
    ("Pacific", "Pacific Coast"),
    ("U.N.", "UN rights chief"),
    ("BoE", "Bank of England"),
    ("USGS", "US Geological Survey"),
    ("SC", "Kenya Supreme Court"),
    ("GE", "General Electric"),
    ("Snowden", "Snowden's"),
]
DIFFERENT = [
    ("Iran", "Iraq"),
    ("Austria", "Australia"),
    ("Bank of England", "Bank of Japan"),
    ("Niger", "Nigeria"),
    ("Wang Yi", "Li Qiang"),
    ("Sergei Lavrov", "Sergei Shoigu"),
    ("North Korea", "South Korea"),
    ("EU", "UN"),
    ("Reuters", "AP"),
    ("China", "Chile"),
    ("Moscow", "Beijing"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_forms_of_one_name_are_the_same_referent(a, b):
    assert same_referent(a, b) and same_referent(b, a)


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_names_are_not(a, b):
    assert not same_referent(a, b) and not same_referent(b, a)


@pytest.mark.parametrize(
    "a, b", [("Mohamed Morsi", "Mursi"), ("Zelensky", "Zelenskyy"), ("Muammar Gaddafi", "Qaddafi")]
)
def test_a_person_in_another_transliteration_is_the_same_person(a, b):
    assert same_referent(a, b, people=True)


def test_one_letter_makes_another_place_and_another_first_name_another_person():
    assert not same_referent("Gambia", "Zambia")
    assert not same_referent("Anna Smith", "John Smith", people=True)


def test_a_name_is_written_as_one():
    assert all(map(name_like, ["Bank of England", "Omar al-Bashir", "Charles de Gaulle", "iPhone", "王毅"]))
    assert not name_like("Protesters gather in")
