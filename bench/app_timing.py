"""App timings: `streamlit run` to the first rendered compare view (cold and warm disk cache),
and the server time of a rerun that switches between two already-analysed pairs.

Run: python bench/app_timing.py [--reruns 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from server import streamlit_server


def first_view_seconds(cache_dir: str) -> float:
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    with streamlit_server({"PARALLAX_CACHE_DIR": cache_dir}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('.px-text mark').length > 10", timeout=180_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def rerun_seconds(reruns: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180).run()
    at.button[0].click().run()  # both pairs analysed now
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.button[0].click().run()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = first_view_seconds(cache)
        warm = first_view_seconds(cache)
    times = rerun_seconds(args.reruns)
    print(f"streamlit run -> first rendered compare view: cold disk cache {cold:.1f} s, warm {warm:.1f} s")
    print(
        f"rerun switching between two analysed pairs (server, AppTest): median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {len(times)} reruns"
    )


if __name__ == "__main__":
    main()
