"""Library: browse the corpus, upload files, paste text; this session's articles."""

from __future__ import annotations

import datetime as dt
import html
import os

import pandas as pd
import streamlit as st

import ui
from parallax.fetch import article_from_url
from parallax.ingest import (
    IngestError,
    article_from_bytes,
    article_from_text,
    article_to_markdown,
    save_article,
    slug,
    validate_id,
)

ui.page_setup("Library")
st.title("Library")
corpus_articles, corpus_warnings = ui.corpus()
for warning in corpus_warnings:
    st.warning(ui.md(warning))

# --- Browse the corpus and this browser's own articles. -----------------------------------------------
st.subheader(f"Corpus ({len(corpus_articles)} articles) and yours ({len(ui.session_articles())})")
query_col, date_col = st.columns([2, 1])
query = query_col.text_input("Search title, outlet or text", key="library_query", persist_state="session")
searchable = {**ui.session_articles(), **corpus_articles}  # search covers the articles added here too
dates = [a.published for a in searchable.values() if a.published]
date_range = None
if dates:
    # Keyed by its bounds: when an added article widens them, the filter widens too instead of hiding it.
    date_range = date_col.date_input(
        "Published between", value=(min(dates), max(dates)), key=f"library_dates_{min(dates)}_{max(dates)}"
    )
rows = []
for article in searchable.values():
    haystack = f"{article.title}\n{article.outlet or ''}\n{article.text}".lower()
    if query and query.lower() not in haystack:
        continue
    in_range = isinstance(date_range, tuple) and len(date_range) == 2 and article.published
    if in_range and not date_range[0] <= article.published <= date_range[1]:
        continue
    rows.append(
        {
            "id": article.id,
            "where": "corpus" if article.source == "corpus" else "added here",
            "title": article.title,
            "outlet": article.outlet or "unknown",
            "published": article.published,
            "words": len(article.text.split()),
        }
    )
if rows:
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
else:
    st.caption("No article matches.")

# --- Add: upload or paste. ----------------------------------------------------------------------
st.subheader("Add articles for this session")
url_tab, upload_tab, paste_tab = st.tabs(["From web addresses", "Upload files", "Paste text"])


def _fetch_urls() -> None:
    """Button callback: each address is fetched under the guards of parallax.fetch; a refused or failed
    address is reported and skipped, and nothing of it is added."""
    state = st.session_state
    lines = [line.strip() for line in (state.get("url_list") or "").splitlines() if line.strip()]
    added, failed = [], []
    for line in lines[:20]:
        try:
            article = article_from_url(line, source="url")
        except IngestError as exc:
            failed.append(f"{ui.md(exc)}")
            continue
        added.append(ui.add_session_article(article))
    state.px_url_result = (added, failed, len(lines) > 20)
    if not failed:
        state.url_list = ""


with url_tab:
    st.text_area(
        "Web addresses, one per line (http or https)",
        key="url_list",
        height=110,
        persist_state="session",
        placeholder="https://www.example.com/news/2023/09/18/story.html",
        help="The article's main text, title, outlet and date are read from the page. Only public addresses are "
        "fetched; pages over 5 MB or slower than 30 seconds are refused.",
    )
    st.button("Fetch articles", type="primary", on_click=_fetch_urls)
    fetched = st.session_state.pop("px_url_result", None)
    if fetched:
        added, failed, capped = fetched
        if added:
            st.success(f"Added {len(added)} article(s): {', '.join(ui.md(a) for a in added)}. Pick them on Compare.")
        for message in failed:
            st.error(f"{message} The other addresses were added; fix or remove this one and fetch again.")
        if capped:
            st.warning("Only the first 20 addresses were fetched: add the rest in another round.")
with upload_tab:
    files = st.file_uploader(
        "Text, Markdown (with front matter) or HTML pages",
        type=["txt", "md", "html", "htm"],
        accept_multiple_files=True,
        key="uploads",
        max_upload_size=5,
    )
    seen = st.session_state.setdefault("px_seen_uploads", {})
    for file in files or []:
        if file.file_id in seen:
            continue
        try:
            article_id = ui.add_session_article(article_from_bytes(file.getvalue(), file.name, source="upload"))
            seen[file.file_id] = f"Added “{ui.md(file.name)}” as {ui.md(article_id)}."
        except IngestError as exc:
            seen[file.file_id] = f"ERROR {ui.md(exc)}"
    for message in (seen[f.file_id] for f in files or [] if f.file_id in seen):
        if message.startswith("ERROR "):
            st.error(message[6:])
        else:
            st.success(message)


def _add_pasted() -> None:
    """Button callback: runs before the widgets, so it may clear the text once it is safely added."""
    state = st.session_state
    published = (state.get("paste_published") or "").strip()
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        state.px_paste_result = (
            "error",
            f"“{ui.md(published)}” is not a date in YYYY-MM-DD form (for example 2023-09-18). "
            "Your text is kept; fix the date and add again.",
        )
        return
    title = state.get("paste_title") or ""
    try:
        article = article_from_text(
            state.get("paste_text") or "",
            slug(title or "pasted"),
            title=title,
            outlet=state.get("paste_outlet") or None,
            published=date,
            source="paste",
        )
    except IngestError as exc:
        state.px_paste_result = ("error", f"{ui.md(exc)} Your text is kept.")
        return
    article_id = ui.add_session_article(article)
    state.px_paste_result = (
        "success",
        f"Added “{ui.md(article.title)}” as {ui.md(article_id)}. Pick it on the Compare page.",
    )
    state.paste_text = ""


with paste_tab:
    st.text_input("Title", key="paste_title", persist_state="session")
    st.text_input("Outlet", key="paste_outlet", persist_state="session")
    st.text_input("Published (YYYY-MM-DD, optional)", key="paste_published", persist_state="session")
    st.text_area(
        "Article text",
        height=260,
        key="paste_text",
        persist_state="session",
        help="Your text stays here across pages and reruns until it is added.",
    )
    st.button("Add pasted article", type="primary", on_click=_add_pasted)
    result = st.session_state.pop("px_paste_result", None)
    if result:
        (st.error if result[0] == "error" else st.success)(result[1])

# --- This session's articles. ---------------------------------------------------------------------
mine = ui.session_articles()
st.subheader(f"This session's articles ({len(mine)})")
st.caption(ui.STORAGE_NOTE)
if not mine:
    st.caption("Uploaded, pasted and fetched articles appear here and in the Compare pickers.")
writable = os.access(ui.corpus_dir(), os.W_OK) and not os.environ.get("PARALLAX_READ_ONLY")
for article_id, article in list(mine.items()):
    with st.container(border=True):
        st.html(
            f"<div><b>{html.escape(article.title or article_id)}</b> · <code>{html.escape(article_id)}</code>"
            f" · {len(article.text.split())} words</div>"
        )
        open_col, save_col, download_col, remove_col = st.columns(4)
        if open_col.button("Compare as A", key=f"open_{article_id}"):
            other = st.session_state.get("px_pair", ui.DEMO_PAIR)[1]
            st.session_state.px_goto = (article_id, other)
            st.switch_page("streamlit_app.py")
        if writable and save_col.button("Save to corpus", key=f"save_{article_id}"):
            try:
                path = save_article(article, ui.corpus_dir())
                ui._corpus.clear()
                st.success(f"Saved as corpus/{ui.md(path.name)}.")
            except IngestError as exc:
                st.error(ui.md(exc))
        download_col.download_button(
            "Download .md",
            article_to_markdown(article),
            file_name=f"{validate_id(article_id)}.md",
            mime="text/markdown",
            key=f"download_{article_id}",
        )
        if remove_col.button("Remove", key=f"remove_{article_id}"):
            del mine[article_id]
            st.rerun()
        ui.edit_details(article_id, "library_edit")
if not writable:
    st.caption(
        "This deployment cannot write to the corpus: download an article and add it to corpus/ in the repository."
    )

ui.save_to_browser()  # last: keep added articles in this browser across reloads
