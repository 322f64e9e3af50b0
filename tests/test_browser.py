"""Real-browser tests: `streamlit run` driven by Debian's Chromium through Playwright.

They see what AppTest cannot: the rendered marks after Streamlit's sanitiser,
the hover linking (JavaScript), and that hostile text stays inert.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

import pytest

from bench.server import streamlit_server
from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.browser
from tests.conftest import CHROMIUM  # noqa: E402

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
PlaywrightTimeout = playwright.TimeoutError


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One `streamlit run` for the session, on a corpus with the seeds and two hostile articles."""
    corpus = tmp_path_factory.mktemp("corpus")
    for path in list(CORPUS.glob("*.md")) + list((ROOT / "tests/fixtures/hostile").glob("*.md")):
        shutil.copy(path, corpus / path.name)
    with streamlit_server({"PARALLAX_CORPUS": str(corpus), "PARALLAX_READ_ONLY": "1"}, timeout=60) as url:
        yield url


def open_app(page, url: str) -> None:
    page.goto(url)
    expect(page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']")).to_be_attached(timeout=60_000)
    expect(page.locator(".px-text")).to_have_count(2, timeout=90_000)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=90_000)
    # The linker component loads after the page: interactions wait until its listeners are in place.
    page.wait_for_function("window.__pxLinked === true", timeout=60_000)


def test_demo_pair_shows_marks_of_several_kinds(page, app_url):
    open_app(page, app_url)
    for kind in ("paraphrase", "partial", "unique", "boilerplate"):
        assert page.locator(f".px-text mark[data-kind='{kind}']").count() > 0, kind
    assert page.locator(".px-text .px-shared").count() > 10
    # Each kind has its own colour.
    colours = {
        kind: page.locator(f".px-text mark[data-kind='{kind}']").first.evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        for kind in ("paraphrase", "partial", "unique")
    }
    assert len(set(colours.values())) == 3, colours


def test_hovering_a_passage_lights_up_its_counterpart(page, app_url):
    open_app(page, app_url)
    source = page.locator(".px-text[data-side='a'] mark.px[data-m]").nth(3)
    match_id = source.get_attribute("data-m")
    source.hover()
    counterpart = page.locator(f".px-text[data-side='b'] mark.px[data-m='{match_id}']").first
    expect(counterpart).to_have_class(re.compile(r"\bpx-linked\b"), timeout=5_000)
    assert page.locator(".px-text[data-side='b'] mark.px-linked").count() >= 1
    # Moving to another passage moves the highlight.
    other = page.locator(f".px-text[data-side='a'] mark.px[data-m]:not([data-m='{match_id}'])").first
    other.hover()
    expect(counterpart).not_to_have_class(re.compile(r"\bpx-linked\b"), timeout=5_000)


def test_hostile_articles_show_literally_and_nothing_executes(page, app_url):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_app(page, f"{app_url}/?a=hostile-script&b=hostile-html")
    page.wait_for_timeout(1500)
    assert dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    for side in ("a", "b"):
        column = page.locator(f".px-text[data-side='{side}']")
        assert column.locator("script, img, iframe, svg, a, form, input, div").count() == 0
    text_a = page.locator(".px-text[data-side='a']").inner_text()
    text_b = page.locator(".px-text[data-side='b']").inner_text()
    assert "<script>window.__pwned = 2; alert('script')</script>" in text_a
    assert "$5 million and $10 million" in text_a and "$x^2$" in text_a and "**bold**" in text_a
    assert '<a href="javascript:alert(4)">click here for more</a>' in text_a
    assert "**Not bold**" in text_b and "<b>two</b>" in text_b and "$y$" in text_b
    assert (
        page.locator(".px-title")
        .first.inner_text()
        .startswith("<script>window.__pwned = 1</script> $5 million **headline**")
    )
    assert page.locator("[data-testid='stMarkdown'] .katex").count() == 0


def test_clicking_a_story_heatmap_cell_opens_that_pair(page, app_url):
    page.goto(f"{app_url}/Story")
    expect(page.locator(".js-plotly-plot .heatmaplayer")).to_be_attached(timeout=90_000)
    page.wait_for_timeout(1000)
    # Rows and columns are ordered by family: read the order from the chart's own labels (they end in the id).
    labels = page.evaluate("document.querySelector('.js-plotly-plot').data[0].y")  # rows: full labels
    ids = [label.rsplit(" · ", 1)[-1] for label in labels]
    row, col = ids.index("wang-yi-russia-original"), ids.index("wang-yi-russia-rewrite")
    page.locator(".js-plotly-plot .nsewdrag").first.scroll_into_view_if_needed()  # families come first now
    page.wait_for_timeout(500)
    box = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.click(
        box["x"] + box["width"] * (col + 0.5) / len(ids), box["y"] + box["height"] * (row + 0.5) / len(ids)
    )
    expect(page.locator(".px-text")).to_have_count(2, timeout=60_000)
    assert "a=wang-yi-russia-original" in page.url and "b=wang-yi-russia-rewrite" in page.url


def test_projector_screen_shows_the_texts_in_the_upper_half(page, app_url):
    page.set_viewport_size({"width": 1024, "height": 768})
    open_app(page, app_url)
    page.wait_for_timeout(1500)  # the rerun after restoring stored articles, and web fonts
    top = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.px-text')].map(e => e.getBoundingClientRect().top))"
    )
    lefts = page.evaluate("[...document.querySelectorAll('.px-text')].map(e => e.getBoundingClientRect().left)")
    assert top < 768 / 2, f"the texts start {top:.0f} px down a 768-pixel screen"
    assert abs(lefts[0] - lefts[1]) > 200  # side by side, not stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024


def test_phone_width_stacks_columns_without_sideways_or_nested_scroll(page, app_url):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, app_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    measure = (
        "[...document.querySelectorAll('.st-key-column_a, .st-key-column_b')]"
        ".map(e => [e.scrollHeight, e.clientHeight, e.getBoundingClientRect().left])"
    )
    # The page's style sheet can land a moment after the script has finished (one CI run measured the
    # columns' fixed height first): wait for the layout to settle, then check it.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"({measure}).length === 2 && ({measure}).every(([s, c]) => s <= c + 2)", timeout=15_000)
    boxes = page.evaluate(measure)
    assert len(boxes) == 2
    for scroll_height, client_height, _ in boxes:
        assert scroll_height <= client_height + 2  # the box grows with its text: no scroll box inside the page
    assert abs(boxes[0][2] - boxes[1][2]) < 5  # stacked


def test_keyboard_reaches_passages_and_lights_the_counterpart(page, app_url):
    open_app(page, app_url)
    first = page.locator(".px-text[data-side='a'] mark.px[data-m][tabindex='0']").first
    first.focus()
    match_id = first.get_attribute("data-m")
    counterpart = page.locator(f".px-text[data-side='b'] mark.px[data-m='{match_id}']").first
    expect(counterpart).to_have_class(re.compile(r"\bpx-linked\b"), timeout=5_000)
    page.keyboard.press("u")  # next passage only one article has
    focused = page.evaluate("document.activeElement && document.activeElement.getAttribute('data-kind')")
    assert focused == "unique"
    names = page.evaluate(
        "[...document.querySelectorAll('button')].map(b => (b.innerText || b.getAttribute('aria-label') || '').trim())"
    )
    assert all(names), "every button has an accessible name"


RUN_COUNTER = """
window.__pxRuns = 0;
new MutationObserver(() => {
  const app = document.querySelector("[data-testid='stApp']");
  const state = app && app.getAttribute('data-test-script-state');
  if (state === 'running' && window.__pxLastState !== 'running') { window.__pxRuns += 1; }
  window.__pxLastState = state;
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""


def test_report_downloads_from_the_app(page, app_url):
    # A browser with nothing kept runs the page once on load: a second run (the storage restore)
    # replaced the download buttons' files under an early click, which then silently did nothing.
    page.add_init_script(RUN_COUNTER)
    open_app(page, app_url)
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__pxRuns") == 1
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile("Download report \\(HTML\\)")).click()
    document = Path(download.value.path()).read_text(encoding="utf-8")
    assert document.startswith("<!doctype html>") and "px-verdict" in document and "<script" not in document


def test_added_articles_survive_a_reload_and_a_new_tab(page, app_url):
    page.goto(f"{app_url}/Library")
    expect(page.get_by_role("tab", name="Paste text")).to_be_visible(timeout=90_000)
    page.wait_for_function("!!window.__pxRestoreSent", timeout=60_000)
    # Restoring from the browser's storage reruns the page once: let it settle before using the form.
    page.wait_for_timeout(1500)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=60_000)
    page.get_by_role("tab", name="Paste text").click()
    expect(page.get_by_role("textbox", name="Article text")).to_be_visible(timeout=30_000)
    page.get_by_role("textbox", name="Title").last.fill("Kept across reloads")
    page.get_by_role("textbox", name="Article text").fill(
        "The council approved the new budget on Monday after a long debate. Officials said spending would rise."
    )
    page.get_by_role("button", name="Add pasted article").click()
    expect(page.get_by_text("Added “Kept across reloads”")).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1500)  # the storage is written at the end of the rerun
    stored = page.evaluate("window.localStorage.getItem('parallax.articles.v1') || ''")
    assert "Kept across reloads" in stored
    page.reload()
    expect(page.locator("b", has_text="Kept across reloads").first).to_be_visible(timeout=90_000)
    other = page.context.new_page()  # a new tab of the same browser: the same storage
    other.goto(f"{app_url}/Library")
    expect(other.locator("b", has_text="Kept across reloads").first).to_be_visible(timeout=90_000)


def test_dark_mode_follows_the_system_and_marks_stay_readable(page, app_url):
    page.emulate_media(color_scheme="dark")
    open_app(page, app_url)

    def luminance(css: str) -> float:
        r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    background = page.evaluate("getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor")
    assert luminance(background) < 60, background  # the app itself went dark
    for kind in ("paraphrase", "partial", "unique"):
        mark = page.locator(f".px-text mark[data-kind='{kind}']").first
        text = mark.evaluate("e => getComputedStyle(e).color")
        fill = mark.evaluate("e => getComputedStyle(e).backgroundColor")
        assert luminance(fill) - luminance(text) > 120, (kind, text, fill)  # dark text on a light mark


def test_a_timeline_click_brings_its_sentence_into_view(page, app_url):
    open_app(page, app_url)
    chart = page.locator(".js-plotly-plot").last
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    # The demo pair's dates are months and years: spans, drawn as bars. Click the last one like an editor would.
    point = chart.locator(".barlayer path").last
    point.click(force=True)
    focus = page.locator(".px-text mark.px-focus")
    expect(focus).to_have_count(1, timeout=60_000)
    page.wait_for_timeout(1200)  # the smooth scroll
    inside = focus.evaluate(
        "e => { const box = e.closest('.st-key-column_a, .st-key-column_b') || document.documentElement;"
        " const r = e.getBoundingClientRect(), c = box.getBoundingClientRect();"
        " return r.top >= c.top - 1 && r.bottom <= c.bottom + 1; }"
    )
    assert inside, "the focused sentence is visible in its column"
    assert focus.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"  # its own style, not the entity's
