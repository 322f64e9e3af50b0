"""Eight browser sessions at once against one `streamlit run`, each on its own pair.

Proves that sessions share no mutable state outside Streamlit's caches: every
session must show its own pair. Reports p50/p95 time to a rendered compare
view. Bounded: one round of 8 sessions on 127.0.0.1, then it stops.

Run: python bench/concurrency.py [--sessions 8]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import data
from server import streamlit_server

CHROMIUM = "/usr/bin/chromium"


def build_corpus(folder: Path, n: int) -> list[tuple[str, str, str]]:
    """Seed pair plus generated articles; returns (a, b, title of a) per session."""
    for path in (ROOT / "corpus").glob("*.md"):
        shutil.copy(path, folder / path.name)
    texts = data.cluster(2 * n)
    ids = []
    for k, text in enumerate(texts):
        article_id = f"bench-{k:02d}"
        title = f"Benchmark article {k:02d}"
        (folder / f"{article_id}.md").write_text(
            f"---\ntitle: {title}\npublished: 2023-09-18\n---\n\n{text}\n", encoding="utf-8"
        )
        ids.append((article_id, title))
    return [(ids[2 * s][0], ids[2 * s + 1][0], ids[2 * s][1]) for s in range(n)]


async def one_session(browser, url: str, pair: tuple[str, str, str]) -> tuple[float, bool]:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(f"{url}/?a={pair[0]}&b={pair[1]}")
    await page.wait_for_function("document.querySelectorAll('.px-text').length === 2", timeout=180_000)
    await page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=180_000)
    elapsed = time.perf_counter() - start
    title = await page.locator(".px-title").first.inner_text()
    await context.close()
    return elapsed, title == pair[2]


async def run(url: str, pairs: list[tuple[str, str, str]]) -> list[tuple[float, bool]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        results = await asyncio.gather(*(one_session(browser, url, pair) for pair in pairs))
        await browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pairs = build_corpus(Path(folder), args.sessions)
        with streamlit_server({"PARALLAX_CORPUS": folder, "PARALLAX_READ_ONLY": "1"}) as url:
            results = asyncio.run(run(url, pairs))
    times = sorted(t for t, _ in results)
    correct = sum(ok for _, ok in results)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"{len(results)} concurrent sessions: {correct}/{len(results)} showed their own pair; "
        f"time to rendered compare view p50 {statistics.median(times):.1f} s, p95 {p95:.1f} s"
    )
    return 0 if correct == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
