"""A report to send: the comparison as one self-contained HTML file (and a PDF of the same).

Nothing is fetched: the style is inline, the timeline is an SVG drawn here, there is no script.
Both articles are shown side by side with the same marks, legend and escaping as the app
(:mod:`parallax.render`), then what changed, the entities and the timeline. Printed from a browser
or turned into a PDF the two columns stay side by side on A4 and Letter.
"""

from __future__ import annotations

import datetime as dt
import html

from . import __version__
from .model import Comparison
from .render import (
    STYLE,
    entity_groups,
    render_column,
    render_differences,
    render_entity_list,
    render_header,
    render_legend,
    render_verdict,
)
from .timeline import COLOURS, TimelinePoint, plotted

REPORT_STYLE = """
<style>
@page { size: auto; margin: 14mm 12mm; }
body { font-family: 'Helvetica Neue', Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-width: 1200px; padding: 18px; }
h1 { font-size: 1.45rem; margin: 0 0 0.2rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; border-bottom: 1px solid #ddd; }
.px-report-meta { color: #555; font-size: 0.85rem; margin-bottom: 0.6rem; }
.px-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
.px-columns .px-text { font-size: 0.92rem; line-height: 1.55; border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; }
.px-entities { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.px-timeline svg { width: 100%; height: auto; }
@media print {
  body { max-width: none; padding: 0; }
  .px-columns { grid-template-columns: 1fr 1fr; }
  .px-columns .px-text { font-size: 8.5pt; }
  mark.px { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } .px-diffs tr, .px-entities > div { break-inside: avoid; }
}
</style>
"""


def _svg_timeline(comparison: Comparison, width: int = 1000) -> str:
    """The timeline as an inline SVG (a static image needs no script and no image file)."""
    points, _ = plotted(comparison)
    published = [(doc, d.article.published) for doc, d in enumerate(comparison.documents) if d.article.published]
    days = [p.start for p in points] + [p.end for p in points] + [day for _, day in published]
    if not points:
        return "<p><i>No dates with a resolvable value in these articles.</i></p>"
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    left, right = 40, width - 20

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    rows = {0: 40, 1: 90}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 150" role="img" aria-label="Timeline">']
    for doc, y in rows.items():
        if doc < len(comparison.documents):
            parts.append(f'<text x="4" y="{y + 4}" font-size="13" fill="{COLOURS[doc]}">{"AB"[doc]}</text>')
            parts.append(f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="#ddd"/>')
    for doc, day in published:
        parts.append(
            f'<line x1="{x(day):.1f}" y1="20" x2="{x(day):.1f}" y2="110" stroke="{COLOURS[doc]}" '
            f'stroke-dasharray="4 3"/><text x="{x(day):.1f}" y="16" font-size="10" text-anchor="middle" '
            f'fill="{COLOURS[doc]}">{"AB"[doc]} published</text>'
        )
    for p in points:
        parts.append(_svg_point(p, rows[p.doc], x))
    for tick in _ticks(first, last):
        parts.append(
            f'<text x="{x(tick):.1f}" y="135" font-size="10" text-anchor="middle" fill="#555">'
            f"{tick.strftime('%b %Y' if span > 60 else '%-d %b %Y')}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _svg_point(p: TimelinePoint, y: int, x) -> str:
    label = html.escape(f"{p.mention.text} ({p.mention.value})")
    colour = COLOURS[p.doc % 2]
    if p.start == p.end:
        return f'<circle cx="{x(p.start):.1f}" cy="{y}" r="5" fill="{colour}"><title>{label}</title></circle>'
    return (
        f'<rect x="{x(p.start):.1f}" y="{y - 6}" width="{max(3.0, x(p.end) - x(p.start)):.1f}" height="12" '
        f'fill="{colour}" opacity="0.5"><title>{label}</title></rect>'
    )


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    span = (last - first).days
    step = max(1, span // 6)
    return [first + dt.timedelta(days=k * step) for k in range(7) if first + dt.timedelta(days=k * step) <= last]


PAPER = {"a4": "A4", "letter": "letter"}


def report_html(comparison: Comparison, generated: dt.date | None = None, paper: str | None = None) -> str:
    """The whole report as one HTML document (article text escaped exactly as in the app).

    ``paper`` ("a4" or "letter") fixes the page size for printing and PDF; without it the printer decides.
    """
    page_size = f"<style>@page {{ size: {PAPER[paper]}; }}</style>" if paper in PAPER else ""
    a, b = (d.article for d in comparison.documents)
    title = f"Parallax report: {a.title or a.id} / {b.title or b.id}"
    day = (generated or dt.date.today()).isoformat()
    groups = entity_groups(comparison)
    entities = "".join(
        f"<div><h3>{name} ({len(groups[key])})</h3>{render_entity_list(groups[key])}</div>"
        for name, key in (("In both", "both"), ("Only in A", "a"), ("Only in B", "b"))
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{STYLE}{REPORT_STYLE}{page_size}</head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f'<div class="px-report-meta">Made with Parallax {html.escape(__version__)} on {day}. '
        "A: first article, B: second.</div>"
        f"{render_verdict(comparison)}"
        f"<h2>What changed</h2>{render_differences(comparison)}"
        f"<h2>The two articles</h2>{render_legend()}"
        f'<div class="px-columns"><div>{render_header(comparison, 0)}{render_column(comparison, 0)}</div>'
        f"<div>{render_header(comparison, 1)}{render_column(comparison, 1)}</div></div>"
        f'<h2>Entities</h2><div class="px-entities">{entities}</div>'
        f'<h2>Timeline</h2><div class="px-timeline">{_svg_timeline(comparison)}</div>'
        "</body></html>\n"
    )


def report_pdf(document: str) -> bytes:
    """The same report as a PDF (WeasyPrint; it needs Pango, which Debian and Community Cloud provide)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise RuntimeError(
            "PDF reports need WeasyPrint and Pango: pip install weasyprint, and apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0 (or download the HTML report and print it from a browser)."
        ) from exc
    # No base URL and a fetcher that refuses everything: the document must not reach anywhere.
    return HTML(string=document, base_url=None, url_fetcher=_refuse).write_pdf()


def _refuse(url: str):
    raise ValueError(f"the report fetches nothing ({url})")
