"""How specific a text is: names and quotations per hundred words, on real parses."""

from __future__ import annotations

from parallax import analyse
from parallax.ingest import article_from_text
from parallax.specificity import specificity

SOURCE = (
    "Interior Minister Tomas Vrba visited Melnik on Wednesday and promised an inquiry into the alert system. "
    '"We will find out why the sirens stayed silent," Vrba told reporters in Prague.'
)
# The same report as a content farm rewrites it: names dropped, the quotation paraphrased.
REWRITE = (
    "The minister came to the town on Wednesday and said there will be an investigation of the warning system. "
    "He said that the authorities would find out why the sirens stayed silent."
)


def test_a_rewrite_that_drops_names_and_quotation_marks_is_less_specific(nlp):
    source = analyse(article_from_text(SOURCE, "source"), nlp=nlp)
    rewrite = analyse(article_from_text(REWRITE, "rewrite"), nlp=nlp)
    assert specificity(source) > 1.15 * specificity(rewrite)
    assert specificity(source) > 0


def test_nothing_to_count_is_zero(nlp):
    assert specificity(analyse(article_from_text("the and of it", "tiny"), nlp=nlp)) == 0.0
