"""Texts and helpers the differences tests share (tests/test_differences.py, test_reworded.py, ...)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from parallax import analyse, article_from_text, compare
from parallax.differences import find_differences
from parallax.ingest import read_article
from parallax.model import Article
from tests.conftest import ROOT

BASE = (
    "A magnitude 6.1 earthquake struck off the coast of Peru on Tuesday, killing 12 people, officials said.\n"
    "The quake hit at a depth of 10 km (6 miles), according to the US Geological Survey.\n"
    "Rescue teams from Lima were searching collapsed buildings in the port city of Callao.\n"
    '"We are doing everything we can to reach the trapped families," President Dina Boluarte said.\n'
    "The government may extend the state of emergency to three more regions."
)


def pair_with(nlp, changed: str, published: dt.date | None = dt.date(2023, 9, 18)):
    def art(text, name):
        return Article(**{**article_from_text(text, name).__dict__, "published": published})

    return analyse(art(BASE, "a"), nlp=nlp), analyse(art(changed, "b"), nlp=nlp)


# The original and a rewrite of it that changes every sentence's wording but no fact. Written for
# these tests in the manner of tests/gold/rewrites/; each case below changes one fact in the rewrite.
ORIGINAL = (
    "Software maker Quarrix said on Monday it would cut about 1,200 jobs, or 9% of its workforce.\n\n"
    "Affected staff will receive at least 16 weeks of severance pay, the company said.\n\n"
    "Chief executive Dana Whitfield told employees in a memo that the firm had grown too fast."
)


REWRITE = (
    "Austin-based Quarrix is laying off roughly 1,200 workers, about 9% of staff, the software firm announced Monday.\n\n"
    "Departing employees will get a minimum of 16 weeks' severance, according to the company.\n\n"
    "In a memo to staff, CEO Dana Whitfield said the firm had expanded too quickly."
)


def reworded(nlp, rewrite: str, derived: bool = True):
    """The comparison, its differences read as of a rewrite (``derived``): this one rewords every
    sentence, so its share of wording stays under the reuse threshold and ``compare`` alone would read
    it as an independent report."""
    a, b = analyse(article_from_text(ORIGINAL, "a"), nlp=nlp), analyse(article_from_text(rewrite, "b"), nlp=nlp)
    result = compare(a, b)
    return dataclasses.replace(result, differences=find_differences(a, b, result.matches, result.entities, derived))


def seed_with(nlp, old: str, new: str):
    original = analyse(read_article(ROOT / "corpus/wang-yi-russia-original.md"), nlp=nlp)
    rewrite = read_article(ROOT / "corpus/wang-yi-russia-rewrite.md")
    assert old in rewrite.text
    changed = analyse(article_from_text(rewrite.text.replace(old, new, 1), "changed"), nlp=nlp)
    return original, changed


def names_differing(a, b) -> list[tuple[str, str, str]]:
    return [
        (d.kind, d.a_text, d.b_text) for d in compare(a, b).differences if d.kind in ("person", "place", "organisation")
    ]


def dated(nlp, text, name, published=dt.date(2023, 9, 18), outlet=None):
    base = article_from_text(text, name, outlet=outlet)
    return analyse(Article(**{**base.__dict__, "published": published}), nlp=nlp)
