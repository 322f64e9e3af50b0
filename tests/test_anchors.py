"""Anchors of two reworded sentences and the gaps between them."""

from __future__ import annotations

from parallax import analyse, article_from_text
from parallax.anchors import anchors


def _sentences(nlp, a: str, b: str):
    x, y = (analyse(article_from_text(text, name), nlp=nlp) for text, name in ((a, "a"), (b, "b")))
    return x, y, anchors(x.sentences, y.sentences)


def test_a_word_put_in_another_s_place_stands_in_the_same_gap(nlp):
    a, b, place = _sentences(nlp, "The company cut 1,200 jobs on Monday.", "The firm cut 1,500 jobs on Monday.")
    assert len(place.a) == len(place.b) >= 3  # company/firm are one word (synonyms), cut, jobs, Monday
    at_a, at_b = a.article.text.index("1,200"), b.article.text.index("1,500")
    assert place.gap(0, at_a) == place.gap(1, at_b)
    assert place.interior(0, at_a) and place.interior(1, at_b)


def test_a_moved_word_stands_in_another_gap(nlp):
    a, b, place = _sentences(
        nlp,
        "On Monday the court sentenced Ilievski to six years.",
        "The court sentenced Ilievski to six years on Friday.",
    )
    assert place.gap(0, a.article.text.index("Monday")) != place.gap(1, b.article.text.index("Friday"))
    assert not place.interior(1, b.article.text.index("Friday"))  # after the last anchor


def test_sentences_that_share_nothing_have_no_anchors(nlp):
    _, _, place = _sentences(nlp, "Rain fell in Lisbon.", "Markets closed higher.")
    assert place.a == place.b == ()


def test_shared_figures_outweigh_common_words_in_the_order_kept(nlp):
    # Two orders of shared words: (software, said, Monday, demand, cloud), the longer, and (1,200, 9,
    # demand, cloud). The figures are the surer anchors, so the company named before them stands in the
    # same gap on both sides.
    a, b, place = _sentences(
        nlp,
        "Software maker Quarrix said on Monday it would cut about 1,200 jobs, or 9% of its workforce, "
        "as slowing demand for its cloud products weighs on revenue.",
        "Austin-based Siemens is laying off roughly 1,200 workers, about 9% of staff, the software firm "
        "announced Monday, blaming weaker demand for its cloud services.",
    )
    assert place.gap(0, a.article.text.index("Quarrix")) == place.gap(1, b.article.text.index("Siemens")) == 0
