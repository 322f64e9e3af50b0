"""Parallax home page: two reports of one story side by side.

Run: streamlit run streamlit_app.py
"""

from __future__ import annotations

import dataclasses
import html

import pandas as pd
import streamlit as st

import ui
from parallax.align import coverage
from parallax.analyse import ENGLISH_ONLY_WARNING
from parallax.export import differences_csv, matches_csv
from parallax.render import (
    ViewFilter,
    entity_groups,
    render_column,
    render_differences,
    render_entity_list,
    render_header,
    render_legend,
    render_verdict,
)
from parallax.report import report_html, report_pdf
from parallax.timeline import plotted, timeline_figure

ui.page_setup("Compare", sidebar="collapsed")  # the texts need the width; entities are in a panel
articles = ui.library()
corpus_warnings = ui.corpus()[1]
ids = list(articles)

# --- Which pair: the URL (?a=&b=) on arrival, the pickers after that. -------------------------
# The pair lives in a plain session key: widget keys are dropped when the user visits another page.
if "px_pair" not in st.session_state:
    wanted = {"a": st.query_params.get("a"), "b": st.query_params.get("b")}
    pair = []
    for side, default in zip("ab", ui.DEMO_PAIR, strict=True):
        chosen = wanted[side]
        if chosen and chosen not in articles:
            st.warning(
                f"The link asks for article “{ui.md(chosen)}” as {side.upper()}, "
                "but there is no such article in the library. "
                "Showing the demo pair instead: pick the articles you want below, or add yours on the Library page."
            )
            chosen = None
        pair.append(chosen or (default if default in articles else (ids[0] if ids else None)))
    st.session_state.px_pair = tuple(pair)
goto = st.session_state.pop("px_goto", None)  # set by the Library and Story pages
if goto:
    st.session_state.px_pair = tuple(goto)

# No title row: on a 1024x768 projector the two texts must start in the upper half of the screen
# (the browser tab and the sidebar name the app).
if corpus_warnings:
    st.warning(f"{len(corpus_warnings)} corpus file(s) could not be read and were skipped; the Library page lists why.")
if not ids:
    st.error("The library is empty. Add articles on the Library page (upload or paste), or put .md files in corpus/.")
    st.stop()
# A session article may be gone (new session, removed): fall back, never crash.
st.session_state.px_pair = tuple(x if x in articles else ids[0] for x in st.session_state.px_pair)
st.session_state.pick_a, st.session_state.pick_b = st.session_state.px_pair


def _picked() -> None:
    st.session_state.px_pair = (st.session_state.pick_a, st.session_state.pick_b)


def _swap() -> None:
    st.session_state.px_pair = (st.session_state.pick_b, st.session_state.pick_a)


picker_a, swap, picker_b = st.columns([8, 2, 8], vertical_alignment="bottom")
picker_a.selectbox("Article A", ids, key="pick_a", format_func=lambda i: ui.label_of(articles[i]), on_change=_picked)
swap.button("Swap", icon=":material/swap_horiz:", on_click=_swap, help="Swap A and B", width="stretch", key="swap")
picker_b.selectbox("Article B", ids, key="pick_b", format_func=lambda i: ui.label_of(articles[i]), on_change=_picked)
# The verdict goes here, above the controls; it is written once the comparison exists (a slot keeps the order).
verdict_slot = st.container()
show_col, slider_col, changes_col, entities_col = st.columns([2, 2, 3, 3], vertical_alignment="center")
show = show_col.selectbox(
    "Show",
    ["Everything", "Only what B adds", "Only what A adds"],
    key="show",
    label_visibility="collapsed",  # the options say what they do; the label stays for screen readers
    persist_state="session",  # kept when the editor visits another page and comes back
    help="Dims the passages the other article also carries, so what one article adds stands out.",
)
min_score = slider_col.slider(
    "Minimum similarity",
    0.0,
    1.0,
    0.0,
    0.05,
    key="min_score",
    format="minimum similarity %.2f",
    label_visibility="collapsed",
    persist_state="session",
    help="Matches scoring below this are treated as unique to each article.",
)

# Keep the URL in step with the pickers, so a copied link opens this same view.
id_a, id_b = st.session_state.px_pair
permalink = {}
for side, chosen in (("a", id_a), ("b", id_b)):
    if articles[chosen].source == "corpus":
        permalink[side] = chosen
if dict(st.query_params) != permalink:
    st.query_params.from_dict(permalink)
if len(permalink) < 2:
    # A link cannot carry an article added in this session: say so where the link is, and offer the way out.
    unsaved = [x for x in (id_a, id_b) if articles[x].source != "corpus"]
    note_col, action_col = st.columns([4, 1], vertical_alignment="center")
    note_col.warning(
        f"The link in the address bar cannot carry {', '.join(ui.md(x) for x in unsaved)} (added in this session): "
        "whoever opens it would see another pair. Save the article to the corpus first, then share the link."
    )
    if action_col.button("Save and share", key="save_for_link", help="Open the Library to save this article"):
        st.switch_page("pages/1_Library.py")

article_a, article_b = articles[id_a], articles[id_b]
try:
    if len(article_a.text) + len(article_b.text) > 30_000:
        # Long texts take seconds to parse: show the steps (cached steps finish at once).
        with st.status("Analysing long articles…", expanded=True) as status:
            st.write(f"Parsing A ({len(article_a.text.split()):,} words)…")
            ui.analysis_of(article_a)
            st.write(f"Parsing B ({len(article_b.text.split()):,} words)…")
            ui.analysis_of(article_b)
            st.write("Aligning sentences, merging entities…")
            full = ui.comparison_of(article_a, article_b)
            status.update(label="Analysis ready", state="complete", expanded=False)
    else:
        full = ui.comparison_of(article_a, article_b)
except Exception as exc:  # the view must survive any article; say what to do
    st.error(
        f"Parallax could not compare these two articles ({type(exc).__name__}: {ui.md(exc)}). "
        "Try another pair, or re-add the article on the Library page as plain text."
    )
    st.stop()

# Matches keep their numbers (differences and the linker refer to them); the slider hides the weak ones.
matches = ui.filtered(full.matches, min_score)
view = dataclasses.replace(
    full,
    coverage=(coverage(full.documents[0], matches, "a"), coverage(full.documents[1], matches, "b")),
)
if id_a == id_b:
    st.info("The same article is on both sides: everything is a verbatim copy. Pick another article for A or B.")
for analysis in view.documents:
    if not analysis.english:
        st.info(f"{ui.md(analysis.article.title or analysis.article.id)}: {ENGLISH_ONLY_WARNING}")

# --- Sidebar: entities of both articles. ------------------------------------------------------
groups = entity_groups(view)
# --- Timeline selection picks a sentence to highlight. -----------------------------------------
focus: tuple[int, int] | None = None
selection = st.session_state.get("timeline")
if selection:
    points = (
        selection.get("selection", {}).get("points", []) if isinstance(selection, dict) else selection.selection.points
    )
    for point in points:
        custom = point.get("customdata")
        custom = custom[0] if isinstance(custom, (list, tuple)) else custom
        if isinstance(custom, str) and ":" in custom:
            doc, sentence = custom.split(":", 1)
            if doc.isdigit() and sentence.isdigit():
                focus = (int(doc), int(sentence))

# --- The reading view. -----------------------------------------------------------------------
with verdict_slot:
    st.html(render_verdict(view))
shown_changes = [d for d in view.differences if view.matches[d.match].score >= min_score]
with changes_col.expander(f"What changed ({len(shown_changes)})", expanded=False):
    st.html(render_differences(view, min_score))
# Entities in a panel beside what changed: the sidebar stays collapsed, so the texts get the width.
with entities_col.expander(f"Entities ({len(groups['both'])} both · {len(groups['a'])} A · {len(groups['b'])} B)"):
    names = [e.name for e in view.entities]
    chosen_entity = st.selectbox("Highlight an entity", ["(none)", *names], key="entity", persist_state="session")
    flagged = [e for e in view.entities if e.flagged]
    if flagged:
        st.warning(
            "Suspected misspellings across the two articles: "
            + "; ".join(f"{ui.md(e.name)} / {ui.md(', '.join(e.flagged))}" for e in flagged)
        )
    for title, key in (("In both", "both"), ("Only in A", "a"), ("Only in B", "b")):
        st.markdown(f"**{title} ({len(groups[key])})**")
        st.html(render_entity_list(groups[key]))
entity_spans: list[tuple[tuple[int, int], ...]] = [(), ()]
if chosen_entity != "(none)":
    entity = next(e for e in view.entities if e.name == chosen_entity)
    for doc in (0, 1):
        entity_spans[doc] = tuple((m.start, m.end) for m in entity.mentions if m.doc == doc)

st.html(render_legend())
columns = st.columns(2, gap="medium")
for side, column in enumerate(columns):
    only_unique = (show == "Only what B adds" and side == 1) or (show == "Only what A adds" and side == 0)
    filt = ViewFilter(
        min_score=min_score,
        only_unique=only_unique,
        entity_spans=entity_spans[side],
        focus_sentence=focus[1] if focus and focus[0] == side else None,
    )
    with column:
        st.html(render_header(view, side))
        with st.container(height=640, key=f"column_{'ab'[side]}"):
            st.html(render_column(view, side, filt))

linked = ui.LINKER(key="px_linker", on_selected_change=lambda: None)
selected = getattr(linked, "selected", None)
if isinstance(selected, str) and ":" in selected:
    side_name, match_id = selected.split(":", 1)
    if match_id.isdigit() and int(match_id) < len(view.matches):
        match = view.matches[int(match_id)]
        texts = [view.documents[0].sentences_text(match.a), view.documents[1].sentences_text(match.b)]
        st.html(
            f'<div class="px-note"><b>Selected: {html.escape(match.kind)} match, score {match.score:.2f}</b>\n'
            f"<b>A:</b> {html.escape(texts[0])}\n<b>B:</b> {html.escape(texts[1])}</div>"
        )
else:
    st.caption("Hover over a highlighted passage to light up its counterpart; click it to pin the pair below.")

# --- Something to send: the report (HTML, PDF) and the tables; each is made only when clicked. ---------
report_name = f"parallax-{id_a}-vs-{id_b}"
DOWNLOADS = (  # label, what makes it, file suffix, type, icon
    ("Download report (HTML)", lambda: report_html(full), ".html", "text/html", ":material/description:"),
    (
        "Download report (PDF)",
        lambda: report_pdf(report_html(full)),
        ".pdf",
        "application/pdf",
        ":material/picture_as_pdf:",
    ),
    ("Matches (CSV)", lambda: matches_csv(full), "-matches.csv", "text/csv", None),
    ("Differences (CSV)", lambda: differences_csv(full), "-differences.csv", "text/csv", None),
)
for column, (label, make, suffix, mime, icon) in zip(st.columns(len(DOWNLOADS)), DOWNLOADS, strict=True):
    column.download_button(
        label, make, file_name=f"{report_name}{suffix}", mime=mime, key=f"dl{suffix}", icon=icon, on_click="ignore"
    )

# --- Timeline. ------------------------------------------------------------------------------
st.subheader("Timeline")
for doc, analysis in enumerate(view.documents):
    article = analysis.article
    if article.published is None:
        st.info(
            f"{'AB'[doc]} ({ui.md(article.title or article.id)}) has no publication date, so “last week” or "
            "“on Monday” cannot be placed on the chart."
            + (" Set it here:" if article.source in ui.SESSION_SOURCES else " Add `published:` to its front matter.")
        )
        if article.source in ui.SESSION_SOURCES:
            ui.edit_details(article.id, "timeline_edit")
points, rest = plotted(view)
if points:
    st.plotly_chart(
        timeline_figure(view),
        key="timeline",
        on_select="rerun",
        selection_mode="points",
        config={"displayModeBar": False},
        theme="streamlit",
    )
    if focus:
        analysis = view.documents[focus[0]]
        if focus[1] < len(analysis.sentences):
            s = analysis.sentences[focus[1]]
            st.html(
                f'<div class="px-note"><b>{"AB"[focus[0]]}:</b> '
                f"{html.escape(analysis.article.text[s.start : s.end])}</div>"
            )
else:
    st.caption("No dates with a resolvable value in these articles.")
if rest:
    st.caption("Durations and dates that cannot be placed on the chart")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "article": "AB"[doc],
                    "expression": d.text,
                    "kind": d.kind,
                    "granularity": d.granularity,
                    "value": d.value or "—",
                }
                for doc, d in rest
            ]
        ),
        hide_index=True,
        width="stretch",
    )

ui.save_to_browser()  # last: keep added articles in this browser across reloads
