"""The timeline: resolved dates of the compared articles as a Plotly figure.

A month or a year is drawn as a span, a day as a point; each carries the
id ``"<doc>:<sentence>"`` in ``customdata`` (strings, because numeric
customdata comes back from a selection in a different shape). The figure
is returned, never shown: the page decides where it goes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from dataclasses import dataclass

import plotly.graph_objects as go

from .model import Comparison, DatedMention

COLOURS = ("#1f4e96", "#c0603b")


@dataclass(frozen=True)
class TimelinePoint:
    doc: int
    mention: DatedMention
    start: dt.date
    end: dt.date


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def plotted(comparison: Comparison) -> tuple[list[TimelinePoint], list[tuple[int, DatedMention]]]:
    """Dates that go on the chart, and the rest (durations, unresolved) listed under it."""
    points: list[TimelinePoint] = []
    rest: list[tuple[int, DatedMention]] = []
    for doc, mention in comparison.dates:
        if mention.kind == "date" and mention.value:
            try:
                start, end = _bounds(mention.value)
            except ValueError:
                rest.append((doc, mention))
                continue
            points.append(TimelinePoint(doc, mention, start, end))
        else:
            rest.append((doc, mention))
    return points, rest


def _hover(comparison: Comparison, p: TimelinePoint) -> str:
    analysis = comparison.documents[p.doc]
    sentence = analysis.sentences[p.mention.sentence]
    text = analysis.article.text[sentence.start : sentence.end]
    text = text if len(text) <= 160 else text[:159] + "…"
    # Plotly renders hover text as HTML: escape the untrusted article text.
    return f"<b>{html.escape(p.mention.text)}</b> → {html.escape(p.mention.value or '')}<br>{html.escape(text)}"


def timeline_figure(comparison: Comparison) -> go.Figure:
    points, _ = plotted(comparison)
    figure = go.Figure()
    labels = [d.article.title or d.article.id for d in comparison.documents]
    short = [("A" if i == 0 else "B") + ": " + (t if len(t) <= 40 else t[:39] + "…") for i, t in enumerate(labels)]
    for doc in range(len(comparison.documents)):
        mine = [p for p in points if p.doc == doc]
        spans = [p for p in mine if p.start != p.end]
        days = [p for p in mine if p.start == p.end]
        if spans:
            figure.add_trace(
                go.Bar(
                    base=[p.start.isoformat() for p in spans],
                    x=[(p.end - p.start).days * 86_400_000 + 86_400_000 for p in spans],
                    y=[short[doc]] * len(spans),
                    orientation="h",
                    marker_color=COLOURS[doc % 2],
                    opacity=0.55,
                    name=f"{'AB'[doc]}: spans",
                    customdata=[f"{doc}:{p.mention.sentence}" for p in spans],
                    hovertext=[_hover(comparison, p) for p in spans],
                    hoverinfo="text",
                    width=0.35,
                )
            )
        if days:
            figure.add_trace(
                go.Scatter(
                    x=[p.start.isoformat() for p in days],
                    y=[short[doc]] * len(days),
                    mode="markers",
                    marker={"color": COLOURS[doc % 2], "size": 11, "symbol": "diamond"},
                    name=f"{'AB'[doc]}: days",
                    customdata=[f"{doc}:{p.mention.sentence}" for p in days],
                    hovertext=[_hover(comparison, p) for p in days],
                    hoverinfo="text",
                )
            )
    figure.update_layout(
        height=190,
        margin={"l": 10, "r": 10, "t": 10, "b": 30},
        showlegend=False,
        xaxis={"type": "date"},
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(short))},
        bargap=0.4,
    )
    return figure
