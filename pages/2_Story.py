"""Story: a cluster of reports, and who copies whom (the coverage matrix)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ui

ui.page_setup("Story")
st.title("Story")
st.caption("For several reports of one story: how much of each article (row) is found in each other article (column).")
articles = ui.library()
ids = list(articles)
if len(ids) < 2:
    st.info("The Story view needs at least two articles. Add some on the Library page.")
    st.stop()
chosen = st.multiselect(
    "Articles", ids, default=ids[: min(len(ids), 12)], format_func=lambda i: ui.label_of(articles[i]), key="story_ids",
)
if len(chosen) < 2:
    st.info("Choose at least two articles.")
    st.stop()

picked = tuple(articles[i] for i in chosen)
progress = st.progress(0.0, text="Analysing articles…")
for n, article in enumerate(picked, start=1):
    ui.analysis_of(article)  # cached: each article is parsed once, whatever the cluster
    progress.progress(n / len(picked), text=f"Analysed {n} of {len(picked)}: {article.id}")
with st.spinner("Aligning the pairs that share vocabulary…"):
    matrix = ui.matrix_of(picked)
progress.empty()

labels = [f"{i + 1}. {a.id}" for i, a in enumerate(picked)]
figure = go.Figure(go.Heatmap(
    z=matrix, x=labels, y=labels, zmin=0, zmax=1, colorscale="Blues",
    customdata=[[f"{r}:{c}" for c in range(len(picked))] for r in range(len(picked))],
    hovertemplate="%{y} found in %{x}: %{z:.0%}<extra></extra>",
    text=[[f"{v:.0%}" for v in row] for row in matrix], texttemplate="%{text}",
))
# Heatmap cells cannot be selected in Plotly; a nearly invisible marker on each cell can.
cells = [(r, c) for r in range(len(picked)) for c in range(len(picked)) if r != c]
figure.add_trace(go.Scatter(
    x=[labels[c] for _, c in cells], y=[labels[r] for r, _ in cells], mode="markers",
    marker={"size": 28, "opacity": 0.01, "color": "#000"}, customdata=[f"{r}:{c}" for r, c in cells],
    hovertemplate="%{y} found in %{x}: click to compare<extra></extra>", showlegend=False,
))
figure.update_layout(height=120 + 42 * len(picked), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                     yaxis={"autorange": "reversed"}, clickmode="event+select", dragmode=False)
event = st.plotly_chart(figure, key="story_matrix", on_select="rerun", selection_mode="points")


def _open(a: str, b: str) -> None:
    st.session_state.px_goto = (a, b)
    st.switch_page("streamlit_app.py", query_params={"a": a, "b": b} if all(articles[x].source == "corpus" for x in (a, b)) else None)


points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else getattr(getattr(event, "selection", None), "points", [])
for point in points or []:
    custom = point.get("customdata") if isinstance(point, dict) else None
    custom = custom[0] if isinstance(custom, (list, tuple)) and custom else custom
    if isinstance(custom, str) and ":" in custom:
        r, c = (int(x) for x in custom.split(":"))
        if r != c:
            _open(picked[r].id, picked[c].id)

pairs = sorted(
    ((max(matrix[r][c], matrix[c][r]), r, c) for r in range(len(picked)) for c in range(r + 1, len(picked))),
    reverse=True,
)
st.subheader("Closest pairs")
st.dataframe(
    pd.DataFrame([
        {"A": picked[r].id, "B": picked[c].id, "A found in B": f"{matrix[r][c]:.0%}", "B found in A": f"{matrix[c][r]:.0%}"}
        for _, r, c in pairs[:20]
    ]),
    hide_index=True, width="stretch",
)
choice = st.selectbox("Open a pair", range(len(pairs)), format_func=lambda k: f"{picked[pairs[k][1]].id} ↔ {picked[pairs[k][2]].id} ({pairs[k][0]:.0%})", key="story_pair")
if st.button("Open in Compare", type="primary"):
    _, r, c = pairs[choice]
    _open(picked[r].id, picked[c].id)
