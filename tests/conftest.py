"""Shared fixtures: the real spaCy pipeline (loaded once) and the seed pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax import analyse, read_article
from parallax.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((GOLD / "seed_alignment.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_a(nlp, seed_gold):
    return analyse(read_article(CORPUS / f"{seed_gold['a']}.md"), nlp=nlp)


@pytest.fixture(scope="session")
def seed_b(nlp, seed_gold):
    return analyse(read_article(CORPUS / f"{seed_gold['b']}.md"), nlp=nlp)


CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/lib/chromium/chromium") if Path(p).exists()), None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    }
