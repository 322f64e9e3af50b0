"""Parallax: read two reports of one story side by side.

The core never imports Streamlit. Typical use::

    from parallax import analyse, compare, read_article
    a = analyse(read_article(path_a))
    b = analyse(read_article(path_b))
    result = compare(a, b)
"""

from .analyse import analyse
from .compare import compare, compare_articles, describe
from .ingest import IngestError, article_from_bytes, article_from_text, load_corpus, read_article
from .model import Analysis, Article, Comparison, DatedMention, Entity, Match, Sentence
from .options import DEFAULT_OPTIONS, CompareOptions, load_options

__all__ = [
    "DEFAULT_OPTIONS",
    "Analysis",
    "Article",
    "CompareOptions",
    "Comparison",
    "DatedMention",
    "Entity",
    "IngestError",
    "Match",
    "Sentence",
    "analyse",
    "article_from_bytes",
    "article_from_text",
    "compare",
    "compare_articles",
    "describe",
    "load_corpus",
    "load_options",
    "read_article",
]
__version__ = "0.1.0"
