"""Streamlit glue shared by every page: caching, the article library, page style.

The only place that wraps the core in Streamlit caches. The pages import
this and :mod:`parallax`, and only render.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from pathlib import Path

import streamlit as st

from parallax import Analysis, Article, Comparison, IngestError, analyse, compare, load_corpus
from parallax.cache import AnalysisCache, cache_key
from parallax.matrix import StoryMatrix, story_matrix
from parallax.model import Match
from parallax.nlp import load_pipeline, pipeline_version
from parallax.options import DEFAULT_OPTIONS
from parallax.pairing import align_pair
from parallax.render import STYLE
from parallax.reuse import reworded_run

ROOT = Path(__file__).resolve().parent


def corpus_dir() -> Path:
    """The corpus folder (PARALLAX_CORPUS overrides, read at each call so tests can point elsewhere)."""
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT / "corpus"))


DEMO_PAIR = ("wang-yi-russia-rewrite", "wang-yi-russia-original")
SESSION_SOURCES = ("upload", "paste", "url")  # articles added in the browser, not read from corpus/
SESSION_KEY = "px_session_articles"  # id -> Article, uploaded or pasted in this session

LINKER_JS = """
export default function(component) {
  // Wires hover/click on the reading view's marks. It reads only numeric
  // data attributes and toggles classes: no article text passes through here.
  window.__pxSet = component.setTriggerValue;
  if (window.__pxLinked) { return; }
  window.__pxLinked = true;
  // A sentence picked on the timeline is rendered with .px-focus: bring it into view in its column.
  const focus = () => document.querySelectorAll('mark.px-focus:not([data-seen])').forEach((mark) => {
    mark.setAttribute('data-seen', '1');
    mark.scrollIntoView({block: 'center', behavior: 'smooth'});
  });
  new MutationObserver(focus).observe(document.body, {childList: true, subtree: true});
  focus();
  const clear = () => document.querySelectorAll('mark.px-linked').forEach((e) => e.classList.remove('px-linked'));
  const markOf = (target) => (target && target.closest) ? target.closest('mark.px[data-m]') : null;
  const light = (mark, scroll) => {
    const m = mark.getAttribute('data-m');
    if (!/^[0-9]+$/.test(m)) { return; }
    clear();
    document.querySelectorAll('mark.px[data-m="' + m + '"]').forEach((e) => e.classList.add('px-linked'));
    const column = mark.closest('.px-text');
    if (!scroll) { return; }
    if (!column) {
      // A row of the "What changed" panel: bring the passage into view in both columns.
      document.querySelectorAll('.px-text').forEach((col) => {
        const target = col.querySelector('mark.px[data-m="' + m + '"]');
        if (target) { target.scrollIntoView({block: 'center', behavior: 'smooth'}); }
      });
      return;
    }
    const side = column.getAttribute('data-side');
    const other = document.querySelector('.px-text:not([data-side="' + side + '"]) mark.px[data-m="' + m + '"]');
    if (other) { other.scrollIntoView({block: 'nearest', behavior: 'smooth'}); }
  };
  document.addEventListener('mouseover', (ev) => { const mark = markOf(ev.target); if (mark && mark.closest('.px-text')) { light(mark, true); } });
  // Keyboard: a focused passage lights up its counterpart as hover does; Enter on a panel row jumps to it.
  document.addEventListener('focusin', (ev) => { const mark = markOf(ev.target); if (mark) { light(mark, true); } });
  document.addEventListener('keydown', (ev) => {
    const mark = markOf(ev.target);
    if (mark && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); light(mark, true); return; }
    // "u": next passage only one article has; "d": next passage with a changed fact. Not while typing.
    const typing = ev.target && ev.target.closest && ev.target.closest('input, textarea, [contenteditable]');
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey || (ev.key !== 'u' && ev.key !== 'd')) { return; }
    const selector = ev.key === 'u' ? '.px-text mark.px-unique' : '.px-text mark.px:has(.px-changed)';
    const all = Array.from(document.querySelectorAll(selector));
    if (!all.length) { return; }
    const current = document.activeElement;
    const after = all.find((m) => current && (current.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING));
    const next = after || all[0];
    if (!next.hasAttribute('tabindex')) { next.setAttribute('tabindex', '0'); }
    next.focus();
    next.scrollIntoView({block: 'center', behavior: 'smooth'});
  });
  document.addEventListener('click', (ev) => {
    const mark = markOf(ev.target);
    if (!mark) { return; }
    light(mark, true);
    const column = mark.closest('.px-text');
    if (window.__pxSet && column) { window.__pxSet('selected', column.getAttribute('data-side') + ':' + mark.getAttribute('data-m')); }
  });
}
"""


PAGES = (
    ("streamlit_app.py", "Compare", ":material/compare:"),
    ("pages/1_Library.py", "Library", ":material/library_books:"),
    ("pages/2_Story.py", "Story", ":material/grid_view:"),
    ("pages/3_About.py", "About", ":material/info:"),
)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!$|<>~:])")


def md(text: object) -> str:
    """Untrusted text made inert for Streamlit's Markdown (messages, captions): every Markdown,
    HTML and LaTeX character is backslash-escaped, so "**x**", "$5" and links show as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def page_setup(title: str, sidebar: str = "auto") -> None:
    """Page config, the reading-view style, and the sidebar navigation with readable labels."""
    st.set_page_config(
        page_title=f"{title} · Parallax",
        page_icon="◧",
        layout="wide",
        initial_sidebar_state=sidebar,  # type: ignore[arg-type]
    )
    st.html(STYLE)
    with st.sidebar:
        for path, label, icon in PAGES:
            st.page_link(path, label=label, icon=icon)
        st.divider()
    restore_from_browser()


@st.cache_resource(show_spinner="Loading the English language model…")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline(DEFAULT_OPTIONS.model_names)


def corpus() -> tuple[dict[str, Article], tuple[str, ...]]:
    return _corpus(str(corpus_dir()))


@st.cache_data(ttl=30, show_spinner=False)
def _corpus(folder: str) -> tuple[dict[str, Article], tuple[str, ...]]:
    loaded = load_corpus(Path(folder))
    return {a.id: a for a in loaded.articles}, loaded.warnings


@st.cache_resource(show_spinner=False)
def disk_cache() -> AnalysisCache | None:
    """Analyses on disk (PARALLAX_CACHE_DIR, else repo .cache/ when writable, else the temp folder)."""
    chosen = os.environ.get("PARALLAX_CACHE_DIR")
    if chosen:
        return AnalysisCache.usable(Path(chosen))
    return AnalysisCache.usable(ROOT / ".cache" / "analyses", Path(tempfile.gettempdir()) / "parallax-analyses")


@st.cache_data(max_entries=512, show_spinner="Analysing the article (sentences, entities, dates)…")
def analysis_of(article: Article) -> Analysis:
    model = nlp()
    store = disk_cache()
    key = cache_key(article, pipeline_version(model), DEFAULT_OPTIONS)
    cached = store.get(key) if store else None
    if cached is not None:
        return cached
    analysis = analyse(article, DEFAULT_OPTIONS, nlp=model)
    if store:
        store.put(key, analysis)
    return analysis


@st.cache_data(max_entries=256, show_spinner="Aligning the two articles…")
def comparison_of(a: Article, b: Article) -> Comparison:
    return compare(analysis_of(a), analysis_of(b), DEFAULT_OPTIONS)


@st.cache_data(max_entries=256, show_spinner=False)
def reworded_run_of(a: Article, b: Article) -> int:
    """Passages in a row that follow both orders, reworded (parallax.reuse.reworded_run), for a family link."""
    first, second = analysis_of(a), analysis_of(b)
    return reworded_run(first, second, align_pair(first, second, DEFAULT_OPTIONS).matches)


def session_articles() -> dict[str, Article]:
    return st.session_state.setdefault(SESSION_KEY, {})


def add_session_article(article: Article) -> str:
    """Keep an uploaded or pasted article for this session; returns its (unique) id."""
    articles = session_articles()
    known = set(articles) | set(corpus()[0])
    base = article.id
    article_id, n = base, 2
    while article_id in known and articles.get(article_id) != article:
        article_id, n = f"{base}-{n}", n + 1
    articles[article_id] = Article(**{**article.__dict__, "id": article_id})
    return article_id


def library() -> dict[str, Article]:
    """Corpus articles, then this session's own (corpus ids win)."""
    articles = dict(corpus()[0])
    for article_id, article in session_articles().items():
        articles.setdefault(article_id, article)
    return articles


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label_of(article: Article) -> str:
    """Pickers tell apart articles with the same headline: outlet, date and id, not only a title."""
    title = shortened(article.title or article.id, 60)
    mine = " (this session)" if article.source in SESSION_SOURCES else ""
    outlet = f" · {article.outlet}" if article.outlet else ""  # the headline already names the piece
    date = article.published.isoformat() if article.published else "date?"
    return f"{title}{mine}{outlet} · {date} · {article.id}"


def short_label(article: Article) -> str:
    """Outlet and date first (what tells reports of one story apart), then the id. Without an
    outlet, the start of the headline stands in: "outlet?" told an editor nothing."""
    outlet = article.outlet or shortened(article.title or "", 32) or "outlet?"
    date = article.published.isoformat() if article.published else "date?"
    return f"{outlet} · {date} · {article.id}"


def filtered(matches: tuple[Match, ...], min_score: float) -> tuple[Match, ...]:
    return tuple(m for m in matches if m.score >= min_score)


LINKER = st.components.v2.component("parallax_linker", js=LINKER_JS)

# The articles added in this browser live in its own localStorage, so a reload or a browser restart does not
# lose them. Two components: one reads the store once per page load, at the top of every page; one writes it,
# at the end of the page, once the session holds what was restored. Only article records pass; nothing renders.
RESTORE_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  // Once per page load and server session (data.session changes when the server restarts).
  if (!data || window.__pxRestoreSent === data.session) { return; }
  window.__pxRestoreSent = data.session;
  let stored = '[]';
  try { stored = window.localStorage.getItem('parallax.articles.v1') || '[]'; } catch (e) { stored = '[]'; }
  if (stored === '[]') {
    // Nothing kept: this session's list is the whole list. Say nothing, so the page does not run
    // again on load (a rerun then made an early click on a download fail).
    window.__pxStoreOwner = data.session;
    return;
  }
  setStateValue('restored', stored);
}
"""
STORE_JS = """
export default function(component) {
  const { data } = component;
  // Written once the session holds what was restored, or when the store was empty at load.
  if (!data || !(data.ready || window.__pxStoreOwner === data.session)) { return; }
  try { window.localStorage.setItem('parallax.articles.v1', JSON.stringify(data.articles)); } catch (e) { /* full */ }
}
"""
RESTORE = st.components.v2.component("parallax_restore", js=RESTORE_JS)
STORE = st.components.v2.component("parallax_store", js=STORE_JS)
STORAGE_NOTE = (
    "Articles you add are kept in this browser's own storage (localStorage), not on the server, so a reload or a "
    "browser restart keeps them. Remove deletes an article here and there; clearing this site's data in the "
    "browser removes them all."
)


def _record(article: Article) -> dict:
    return {
        "id": article.id,
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
    }


def save_to_browser() -> None:
    """At the end of a page: write this session's articles to the browser's storage (after the restore)."""
    ready = bool(st.session_state.get("px_restored"))
    records = [_record(a) for a in session_articles().values()]
    STORE(key="px_store", data={"ready": ready, "session": _browser_session(), "articles": records})


def _browser_session() -> str:
    """A token for this server session, so the browser tells a new session (after a restart) from its own."""
    return st.session_state.setdefault("px_browser_session", uuid.uuid4().hex)


def restore_from_browser() -> None:
    """At the top of a page: bring back the articles this browser kept, once per page load."""
    from parallax.archive import article_from_record

    result = RESTORE(key="px_restore", data={"session": _browser_session()}, on_restored_change=lambda: None)
    restored = getattr(result, "restored", None)
    if restored is None or st.session_state.get("px_restored"):
        return
    articles = session_articles()
    try:
        records = json.loads(restored)
    except (TypeError, ValueError):
        records = []
    for record in records if isinstance(records, list) else []:
        try:
            article = article_from_record(record)
        except (IngestError, ValueError, TypeError):
            continue  # a damaged record is skipped, never fatal
        source = record.get("source") if record.get("source") in SESSION_SOURCES else "paste"
        articles.setdefault(article.id, Article(**{**article.__dict__, "source": source}))
    st.session_state.px_restored = True  # this run goes on with the articles: no second rerun


@st.cache_data(max_entries=32, show_spinner=False)
def matrix_of(chosen: tuple[Article, ...]) -> StoryMatrix:
    return story_matrix([analysis_of(a) for a in chosen], DEFAULT_OPTIONS)


def edit_details(article_id: str, key: str) -> None:
    """A form to set or correct the title, outlet and publication date of a session article.

    Saving replaces the article in this session; its analysis is keyed by the article, so dates
    re-resolve against the new publication date at once.
    """
    import datetime as dt

    from parallax.ingest import IngestError, parse_published

    articles = session_articles()
    article = articles.get(article_id)
    if article is None:
        return
    with st.form(key=f"{key}_{article_id}", border=False):
        title_col, outlet_col, date_col, save_col = st.columns([4, 3, 2, 1], vertical_alignment="bottom")
        title = title_col.text_input("Title", value=article.title, key=f"{key}_title_{article_id}")
        outlet = outlet_col.text_input("Outlet", value=article.outlet or "", key=f"{key}_outlet_{article_id}")
        published = date_col.text_input(
            "Published (YYYY-MM-DD)",
            value=article.published.isoformat() if article.published else "",
            key=f"{key}_published_{article_id}",
            placeholder="unknown",
        )
        if save_col.form_submit_button("Save", help="Save the details; dates re-resolve at once"):
            try:
                day = parse_published(published.strip(), "Published") if published.strip() else None
            except IngestError as exc:
                st.error(f"{md(exc)} Write the date as YYYY-MM-DD, for example 2023-09-18, or leave it empty.")
                return
            articles[article_id] = Article(
                **{
                    **article.__dict__,
                    "title": title.strip() or article.title,
                    "outlet": outlet.strip() or None,
                    "published": day if isinstance(day, dt.date) else None,
                }
            )
            st.rerun()
