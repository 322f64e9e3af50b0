"""A persistent analysis cache on disk: a restart re-parses nothing it has seen.

Keyed by the article (text and metadata), the pipeline version and the
options that shape an analysis. Entries are pickles that only Parallax
writes, in a folder only Parallax uses; a damaged or stale entry is simply
recomputed. Writes go to a temp file and are renamed into place, so
concurrent sessions never read half an entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .model import Analysis, Article
from .options import CompareOptions

FORMAT = "6"  # bump when Analysis changes shape or what a stage puts in it (6: "late on Tuesday" is a day)


def cache_key(article: Article, pipeline: str, options: CompareOptions) -> str:
    parts = [
        FORMAT,
        pipeline,
        repr(options.max_line_chars),
        article.id,
        article.text,
        article.title,
        str(article.published),
        article.outlet or "",
        article.url or "",
        article.source,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class AnalysisCache:
    """get/put of analyses in ``folder``; every failure degrades to a cache miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def usable(cls, *candidates: Path) -> AnalysisCache | None:
        """The first candidate folder that can be created and written, if any."""
        for folder in candidates:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                probe = folder / ".probe"
                probe.write_text("ok", encoding="utf-8")
                probe.unlink()
                return cls(folder)
            except OSError:
                continue
        return None

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Analysis | None:
        try:
            with self._path(key).open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return value if isinstance(value, Analysis) else None

    def put(self, key: str, analysis: Analysis) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(analysis, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except OSError:
            pass  # a read-only or full disk only costs a re-parse
