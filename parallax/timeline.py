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
import re
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
    """First and last day of a value: a day, an ISO week, a month, a quarter, a year or a decade."""
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday, monday + dt.timedelta(days=6)
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        last = calendar.monthrange(year, 3 * q)[1]
        return dt.date(year, 3 * q - 2, 1), dt.date(year, 3 * q, last)
    if re.fullmatch(r"\d{3}", value):  # a decade, as TIMEX2 writes it: "199" is the 1990s
        return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
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
        elif mention.granularity != "vague":  # "now", "at the time": temporal, but nothing to place or list
            rest.append((doc, mention))
    return points, rest


def _hover(comparison: Comparison, p: TimelinePoint) -> str:
    analysis = comparison.documents[p.doc]
    sentence = analysis.sentences[p.mention.sentence]
    text = analysis.article.text[sentence.start : sentence.end]
    text = text if len(text) <= 160 else text[:159] + "…"
    # Plotly renders hover text as HTML: escape the untrusted article text.
    return f"<b>{html.escape(p.mention.text)}</b> → {html.escape(p.mention.value or '')}<br>{html.escape(text)}"


def _label(comparison: Comparison, p: TimelinePoint) -> str:
    """The date and the first words of its sentence after it, for a label on the chart (escaped)."""
    analysis = comparison.documents[p.doc]
    sentence = analysis.sentences[p.mention.sentence]
    words = analysis.article.text[p.mention.end : sentence.end].split()[:4]
    when = p.start.strftime("%-d %b") if p.start == p.end else p.mention.text
    return html.escape(f"{when}: {' '.join(words)}…" if words else when)


# Tick labels by zoom: never hours, since a day is the finest a news date resolves to.
TICK_FORMATS = [
    {"dtickrange": [None, "M1"], "value": "%-d %b %Y"},
    {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]
LABELLED_POINTS = 12  # above this many points per article, labels would overlap: hover only


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
                    mode="markers+text" if len(days) <= LABELLED_POINTS else "markers",
                    text=[_label(comparison, p) for p in days],
                    textposition="top center",
                    textfont={"size": 11},
                    cliponaxis=False,
                    marker={"color": COLOURS[doc % 2], "size": 11, "symbol": "diamond"},
                    name=f"{'AB'[doc]}: days",
                    customdata=[f"{doc}:{p.mention.sentence}" for p in days],
                    hovertext=[_hover(comparison, p) for p in days],
                    hoverinfo="text",
                )
            )
    # The publication dates, as dashed lines: what "last week" and "on Monday" were counted from.
    published = [(doc, d.article.published) for doc, d in enumerate(comparison.documents) if d.article.published]
    for doc, day in published:
        figure.add_shape(
            type="line",
            x0=day.isoformat(),
            x1=day.isoformat(),
            yref="paper",
            y0=0,
            y1=1,
            line={"color": COLOURS[doc % 2], "dash": "dash", "width": 1.5},
        )
        figure.add_annotation(
            x=day.isoformat(),
            yref="paper",
            y=1.0,
            yanchor="bottom",
            showarrow=False,
            text=f"{'AB'[doc]} published",
            font={"size": 10, "color": COLOURS[doc % 2]},
        )
    days_shown = [p.start for p in points] + [p.end for p in points] + [day for _, day in published]
    xaxis: dict = {"type": "date", "tickformatstops": TICK_FORMATS}
    if days_shown:
        first, last = min(days_shown), max(days_shown)
        pad = max(dt.timedelta(days=7), (last - first) / 12)  # a single day still shows its neighbourhood
        xaxis["range"] = [(first - pad).isoformat(), (last + pad).isoformat()]
    figure.update_layout(
        height=230,
        margin={"l": 10, "r": 10, "t": 28, "b": 30},
        showlegend=False,
        xaxis=xaxis,
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(short))},
        bargap=0.4,
    )
    return figure
