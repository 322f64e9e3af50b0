"""Stage 7a, direction's last resort: how specific a text is.

When two reports of one day (or two undated ones) carry about as much of each other's wording,
neither contains the other, and which came first is not written in their shares. What a rewrite
does to its source is: it drops names ("Interior Minister Tomas Vrba" becomes "the minister"),
credits and quotation marks (a quotation is paraphrased), and adds general words. So the text
that names more people, places and organisations, and quotes more, per word, is the likelier
original. Of the twelve written derived pairs of ``eval/direction.py`` the original is the more
specific in ten (not the AI paraphrase of the earthquake report, which kept every name and added
one, nor a trimmed copy), while the larger share of wording names it in five.
"""

from __future__ import annotations

import bisect
import re

from .memo import per_analysis
from .model import Analysis
from .quotes import quotations

# Kinds of name a rewrite tends to drop; dates and numbers are figures, compared elsewhere.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_WORD = re.compile(r"\w+")


@per_analysis
def specificity(analysis: Analysis) -> float:
    """Names and quotations per hundred words of the article's sentences (boilerplate left out)."""
    text = analysis.article.text
    counted = [s for s in analysis.sentences if s.kind != "boilerplate"]
    starts = [s.start for s in counted]
    words = sum(len(_WORD.findall(text[s.start : s.end])) for s in counted)
    names = 0
    for mention in analysis.mentions:
        k = bisect.bisect_right(starts, mention.start) - 1
        names += int(mention.label in NAME_LABELS and k >= 0 and mention.start < counted[k].end)
    quotes = sum(len(quotations(text, s.start, s.end)) for s in counted)
    return round(100 * (names + quotes) / words, 6) if words else 0.0
