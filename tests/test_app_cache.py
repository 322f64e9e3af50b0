"""Issue 6: switching between analysed pairs, or restarting on a warm disk cache, parses nothing."""

from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

import ui
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


def _fresh_caches():
    st.cache_data.clear()
    ui.disk_cache.clear()


def _forbid_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the article was parsed again")

    monkeypatch.setattr(ui, "analyse", refuse)


def test_switching_between_analysed_pairs_reparses_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    _fresh_caches()
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.button[0].click().run()  # swap: the second pair, same two articles
    assert not at.exception
    _forbid_parsing(monkeypatch)
    for _ in range(3):
        at.button[0].click().run()
        assert not at.exception


def test_a_restart_reads_analyses_from_disk(monkeypatch, tmp_path):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    _fresh_caches()
    AppTest.from_file(APP, default_timeout=120).run()
    assert list(tmp_path.rglob("*.pickle"))
    _fresh_caches()  # what a process restart loses; the disk cache stays
    _forbid_parsing(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert len([h for h in at.get("html") if 'class="px-text"' in str(h.value)]) == 2
