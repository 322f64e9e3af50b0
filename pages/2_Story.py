"""Story: a cluster of reports, and who copies whom (the coverage matrix)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ui
from parallax.families import origin_by_specificity, origin_order

ui.page_setup("Story", sidebar="collapsed")  # the matrix needs the width
st.title("Story")
st.caption(
    "For several reports of one story: which ones share wording (families: an original with its copies and "
    "rewrites), and which are independent reports that only state the same facts."
)
articles = ui.library()
ids = list(articles)
if len(ids) < 2:
    st.info("The Story view needs at least two articles. Add some on the Library page.")
    st.stop()
chosen = st.multiselect(
    "Articles",
    ids,
    default=ids,
    format_func=lambda i: ui.label_of(articles[i]),
    key="story_ids",
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
    story = ui.matrix_of(picked)
progress.empty()


def _date(i: int) -> str:
    return picked[i].published.isoformat() if picked[i].published else "date unknown"


# --- Families first: each original with what was taken from it. -------------------------------
st.subheader(f"Families ({len(story.families)})")
if not story.families:
    st.info("No two of these articles share wording: they read as independent reports.")
in_family = {i for family in story.families for i in family}
# Each family in order of origin, once: the list below and the matrix's row order both use it.
published = [a.published for a in picked]
family_orders = [origin_order(family, story.reuse, published, story.specificity) for family in story.families]
for number, (order, clear) in enumerate(zip(family_orders, story.origin_clear, strict=True), start=1):
    original = order[0]
    # Same-day rewrites carry similar shares of each other: naming an original then would be a guess.
    heading = "Original" if clear else "Which came first is unclear (same date, similar shares both ways)"
    if not clear and origin_by_specificity(order, story.reuse, published, story.specificity):
        # A rewrite drops names, credits and quotation marks more often than it adds them.
        heading = "Likely original (same date, similar shares both ways; it names and quotes more per word)"
    lines = [
        f"**{number}. {heading}:** {ui.md(ui.short_label(picked[original]))}"
        # Without an outlet the label already starts with the headline.
        + (f" — {ui.md(picked[original].title)}" if picked[original].outlet and picked[original].title else "")
    ]
    for i in order[1:]:
        source = story.sources[i]
        if source is None:
            lines.append(f"- {ui.md(ui.short_label(picked[i]))}: shares wording, source unclear")
            continue
        if not clear and i == order[1] and source == original:
            lines.append(
                f"- {ui.md(ui.short_label(picked[i]))} shares wording with {ui.md(picked[source].id)} both ways: "
                f"**{story.reuse[i][source]:.0%}** of its wording is there, "
                f"{story.reuse[source][i]:.0%} of the other's here"
            )
            continue
        run = ui.reworded_run_of(picked[source], picked[i])
        # A rewrite that rewords every sentence takes the order, not the words: say so.
        how = f": {run} passages in a row follow its order, reworded" if run else ""
        lines.append(
            f"- {ui.md(ui.short_label(picked[i]))} takes **{story.reuse[i][source]:.0%}** of its wording from "
            f"{ui.md(picked[source].id)} ({_date(source)}){how}"
        )
    st.markdown("\n".join(lines))
alone = [i for i in range(len(picked)) if i not in in_family]
if alone:
    st.caption(
        f"Independent reports ({len(alone)}, no shared wording): "
        + "; ".join(ui.md(ui.short_label(picked[i])) for i in alone)  # labels hold commas in titles
    )

# --- The matrix: reuse by default, coverage as a switch; ordered by family. --------------------
figure_name = (
    st.segmented_control(
        "Matrix shows",
        ["Reuse (wording taken)", "Coverage (statements shared)"],
        default="Reuse (wording taken)",
        key="story_figure",
    )
    or "Reuse (wording taken)"
)
matrix = story.reuse if figure_name.startswith("Reuse") else story.coverage
verb = "takes wording from" if figure_name.startswith("Reuse") else "has its statements in"
order = [i for family_order in family_orders for i in family_order]
order += [i for i in range(len(picked)) if i not in order]
# Plotly reads a few HTML tags in labels: escaped, an outlet named "<b>" shows as written.
labels = [html.escape(f"{n + 1}. {ui.short_label(picked[i])}") for n, i in enumerate(order)]
# The axis shows number and outlet (or headline) over the date; the id is in the hover and the lists
# above. Two short lines fit beside the matrix on a phone, where one long line was cut off.
ticks = [
    "<br>".join(html.escape(part) for part in (f"{n + 1}. {head}", date))
    for n, (head, date, _) in enumerate(ui.short_label(picked[i]).rsplit(" · ", 2) for i in order)
]
row_px = max(22, min(40, 900 // max(1, len(order))))  # 25 articles still fit a 1024-pixel screen
z = [[matrix[r][c] for c in order] for r in order]
# Rows carry the full label (number, outlet, date, id); columns only the number, so 25 fit across.
numbers = [str(n + 1) for n in range(len(order))]
figure = go.Figure(
    go.Heatmap(
        z=z,
        x=numbers,
        y=labels,
        zmin=0,
        zmax=1,
        colorscale="Blues",
        customdata=[labels for _ in order],
        hovertemplate=f"%{{y}} {verb} %{{customdata}}: %{{z:.0%}}<extra></extra>",
        text=[[f"{v:.0%}" for v in row] for row in z],
        texttemplate="%{text}" if len(order) <= 15 else "",
    )
)
# Heatmap cells cannot be selected in Plotly; a nearly invisible marker on each cell can.
cells = [(r, c) for r in range(len(order)) for c in range(len(order)) if r != c]
figure.add_trace(
    go.Scatter(
        x=[numbers[c] for _, c in cells],
        y=[labels[r] for r, _ in cells],
        mode="markers",
        marker={"size": row_px - 8, "opacity": 0.01, "color": "#000", "symbol": "square"},
        customdata=[f"{order[r]}:{order[c]}" for r, c in cells],
        text=[labels[c] for _, c in cells],
        hovertemplate=f"%{{y}} {verb} %{{text}}: click to compare<extra></extra>",
        showlegend=False,
    )
)
figure.update_layout(
    height=260 + row_px * len(order),
    margin={"l": 10, "r": 10, "t": 10, "b": 10},
    yaxis={"autorange": "reversed", "type": "category", "tickvals": labels, "ticktext": ticks, "automargin": True},
    # Category axes: column numbers are labels, not a scale ("0.5 1 1.5" ticks over two columns).
    xaxis={"tickfont": {"size": 11}, "side": "top", "type": "category"},
    clickmode="event+select",
    dragmode=False,
)
event = st.plotly_chart(figure, key="story_matrix", on_select="rerun", selection_mode="points")


def _open(a: str, b: str) -> None:
    st.session_state.px_goto = (a, b)
    st.switch_page(
        "streamlit_app.py",
        query_params={"a": a, "b": b} if all(articles[x].source == "corpus" for x in (a, b)) else None,
    )


points = (
    (event or {}).get("selection", {}).get("points", [])
    if isinstance(event, dict)
    else getattr(getattr(event, "selection", None), "points", [])
)
for point in points or []:
    custom = point.get("customdata") if isinstance(point, dict) else None
    custom = custom[0] if isinstance(custom, (list, tuple)) and custom else custom
    if isinstance(custom, str) and ":" in custom:
        r, c = (int(x) for x in custom.split(":"))
        if r != c:
            _open(picked[r].id, picked[c].id)

pairs = sorted(
    ((max(story.reuse[r][c], story.reuse[c][r]), r, c) for r in range(len(picked)) for c in range(r + 1, len(picked))),
    reverse=True,
)
st.subheader("Closest pairs")
st.dataframe(
    pd.DataFrame(
        [
            {
                "A": ui.short_label(picked[r]),
                "B": ui.short_label(picked[c]),
                "A's wording from B": f"{story.reuse[r][c]:.0%}",
                "B's wording from A": f"{story.reuse[c][r]:.0%}",
                "A's statements in B": f"{story.coverage[r][c]:.0%}",
                "B's statements in A": f"{story.coverage[c][r]:.0%}",
            }
            for _, r, c in pairs[:20]
        ]
    ),
    hide_index=True,
    width="stretch",
)
choice = st.selectbox(
    "Open a pair",
    range(len(pairs)),
    format_func=lambda k: f"{picked[pairs[k][1]].id} ↔ {picked[pairs[k][2]].id} ({pairs[k][0]:.0%})",
    key="story_pair",
)
if st.button("Open in Compare", type="primary"):
    _, r, c = pairs[choice]
    _open(picked[r].id, picked[c].id)

ui.save_to_browser()  # last: keep added articles in this browser across reloads
