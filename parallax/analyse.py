"""Per-article analysis: stages 1-3 and 6 for one text, computed once and reused.

1. normalise the text (ingest has done it for files; pasted text too)
2. find boilerplate lines
3. segment into sentences and words, and collect entity mentions (spaCy); names that only a
   headline's or a sentence start's capitals made are set aside (:mod:`parallax.capitals`)
4. find and normalise dates against the publication date
"""

from __future__ import annotations

import dataclasses

from .boilerplate import find_boilerplate
from .capitals import confirmed_mentions
from .dates import extract_dates
from .model import Analysis, Article
from .nlp import load_pipeline, pipeline_version
from .options import DEFAULT_OPTIONS, CompareOptions
from .segment import is_mostly_latin, segment, segment_rule_based

ENGLISH_ONLY_WARNING = (
    "This text is not mostly in Latin script: sentences and alignment work, entities and dates are English-only."
)


def analyse(article: Article, options: CompareOptions = DEFAULT_OPTIONS, nlp=None) -> Analysis:
    """Analyse one article (the spaCy pipeline is loaded once per process if not given)."""
    text = article.text
    boilerplate = find_boilerplate(text)
    warnings: list[str] = []
    if article.published is None:
        warnings.append("No publication date: only dates with a year are resolved.")
    if is_mostly_latin(text):
        nlp = nlp if nlp is not None else load_pipeline(options.model_names)
        parsed = segment(text, nlp, boilerplate, options.max_line_chars)
        parsed = dataclasses.replace(parsed, mentions=confirmed_mentions(text, parsed.sentences, parsed.mentions))
        english = True
        dates = extract_dates(text, parsed.date_entities, parsed.sentences, article.published)
        version = pipeline_version(nlp)
    else:
        parsed = segment_rule_based(text, boilerplate, options.max_line_chars)
        english = False
        dates = ()
        warnings.append(ENGLISH_ONLY_WARNING)
        version = "rules"
    return Analysis(
        article=article,
        sentences=parsed.sentences,
        boilerplate=boilerplate,
        mentions=parsed.mentions,
        dates=dates,
        english=english,
        pipeline=version,
        warnings=tuple(warnings),
    )
