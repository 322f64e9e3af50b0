"""Loading the spaCy pipeline: installed packages only, never a download."""

from __future__ import annotations

import functools
import importlib.util

from .options import DEFAULT_OPTIONS


class ModelMissingError(RuntimeError):
    """No English pipeline is installed; the message says how to install one."""


def installed_model(names: tuple[str, ...] = DEFAULT_OPTIONS.model_names) -> str:
    """The first of ``names`` that is installed (the official model is preferred)."""
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissingError(
        "No English spaCy pipeline is installed (looked for "
        + ", ".join(names)
        + "). Run: pip install -r requirements.txt"
    )


@functools.lru_cache(maxsize=2)
def load_pipeline(names: tuple[str, ...] = DEFAULT_OPTIONS.model_names):
    """The spaCy pipeline, loaded once per process and treated as read-only."""
    import spacy  # deferred: importing spaCy costs about a second

    name = installed_model(names)
    nlp = spacy.load(name)
    # Parallax feeds line-sized pieces, so the default limit only guards memory.
    nlp.max_length = 2_000_000
    return nlp


def pipeline_version(nlp) -> str:
    """A string that changes whenever the pipeline's output could change."""
    import spacy

    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}/spacy-{spacy.__version__}"
