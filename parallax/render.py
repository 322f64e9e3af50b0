"""Reading-view HTML for one article column, as a pure function (golden-tested).

Article text is untrusted. Every character of it goes through
``html.escape`` here; the only tags are Parallax's own ``<mark>`` and
``<span>``, with fixed class names and numeric data attributes. The result
is meant for ``st.html`` (which also runs DOMPurify and never interprets
Markdown or LaTeX, so "$5 million" and "**x**" show as written).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Comparison, Match, Span
from .options import DEFAULT_OPTIONS
from .reuse import reworded_run

KIND_LABELS = {
    "verbatim": "Verbatim copy",
    "paraphrase": "Close paraphrase",
    "partial": "Partial overlap",
    "unique": "Only in this article",
    "boilerplate": "Page furniture (not article text)",
}
_META_KINDS = ("byline", "dateline", "caption")


@dataclass(frozen=True)
class ViewFilter:
    """What the column shows: matches at or above ``min_score``; ``only_unique`` dims shared passages."""

    min_score: float = 0.0
    only_unique: bool = False
    entity_spans: tuple[Span, ...] = ()
    focus_sentence: int | None = None
    show_differences: bool = True


def visible_matches(comparison: Comparison, min_score: float) -> list[tuple[int, Match]]:
    return [(k, m) for k, m in enumerate(comparison.matches) if m.score >= min_score]


def _snippet(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _counterpart(comparison: Comparison, match: Match, side: int) -> str:
    return comparison.documents[1 - side].sentences_text(match.b if side == 0 else match.a)


def _paint(text: str, start: int, end: int, layers: Iterable[tuple[str, tuple[Span, ...]]]) -> str:
    """Escaped ``text[start:end]`` with inline spans for each layer (classes combine where layers overlap)."""
    cuts = {start, end}
    prepared = []
    for css, spans in layers:
        clipped = tuple((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)
        prepared.append((css, clipped))
        for s, e in clipped:
            cuts.update((s, e))
    points = sorted(cuts)
    out: list[str] = []
    for s, e in itertools.pairwise(points):
        classes = [css for css, spans in prepared if any(a <= s and e <= b for a, b in spans)]
        piece = html.escape(text[s:e], quote=True)
        out.append(f'<span class="{" ".join(classes)}">{piece}</span>' if classes else piece)
    return "".join(out)


def render_column(comparison: Comparison, side: int, view: ViewFilter = ViewFilter()) -> str:
    """The marked-up text of ``documents[side]``, every character of the text shown exactly once."""
    analysis = comparison.documents[side]
    text = analysis.article.text
    by_sentence: dict[int, tuple[int, Match]] = {}
    for k, match in visible_matches(comparison, view.min_score):
        for i in match.a if side == 0 else match.b:
            by_sentence[i] = (k, match)
    boilerplate = analysis.boilerplate
    visible = {k for k, _ in visible_matches(comparison, view.min_score)}
    changed = tuple(
        span
        for d in comparison.differences
        if d.match in visible and view.show_differences
        for span in (d.a if side == 0 else d.b)
    )
    out: list[str] = [f'<div class="px-text" data-side="{"ab"[side]}">']
    cursor = 0
    for sentence in analysis.sentences:
        if sentence.start > cursor:
            out.append(html.escape(text[cursor : sentence.start], quote=True))
        found = by_sentence.get(sentence.index)
        shared: tuple[Span, ...] = ()
        attrs = [f'data-s="{sentence.index}"']
        if sentence.kind == "boilerplate" or any(s <= sentence.start and sentence.end <= e for s, e in boilerplate):
            kind = "boilerplate"
        elif found is not None:
            k, match = found
            kind = match.kind
            shared = match.shared_a if side == 0 else match.shared_b
            n_diff = sum(1 for d in comparison.differences if d.match == k)
            warn = f" · {_differences(n_diff)}" if n_diff else ""
            tip = f"{KIND_LABELS[kind]} · score {match.score:.2f}{warn}\n{_snippet(_counterpart(comparison, match, side))}"
            attrs += [f'data-m="{k}"', f'title="{html.escape(tip, quote=True)}"']
        elif sentence.kind in _META_KINDS:
            kind = "meta"
        else:
            kind = "unique"
        if kind in ("verbatim", "paraphrase", "partial", "unique"):
            attrs.append('tabindex="0"')  # passages are reachable with Tab; focus lights the counterpart
        classes = ["px", f"px-{kind}"]
        if view.only_unique and kind in ("verbatim", "paraphrase", "partial"):
            classes.append("px-dim")
        if view.focus_sentence == sentence.index:
            classes.append("px-focus")
        if sentence.kind == "headline":
            classes.append("px-headline")
        body = _paint(
            text,
            sentence.start,
            sentence.end,
            (("px-shared", shared), ("px-entity", view.entity_spans), ("px-changed", changed)),
        )
        out.append(f'<mark class="{" ".join(classes)}" data-kind="{kind}" {" ".join(attrs)}>{body}</mark>')
        cursor = sentence.end
    if cursor < len(text):
        out.append(html.escape(text[cursor:], quote=True))
    out.append("</div>")
    return "".join(out)


def render_header(comparison: Comparison, side: int) -> str:
    """Title, outlet, date and coverage line of a column (all escaped)."""
    article = comparison.documents[side].article
    outlet = article.outlet or "outlet unknown"
    published = article.published.isoformat() if article.published else "publication date unknown"
    cover = ""
    if comparison.coverage:
        share = round(100 * comparison.coverage[side])
        reused = (
            f" · <b>{round(100 * comparison.reuse[side])}%</b> of its wording taken from it" if comparison.reuse else ""
        )
        n_diff = len(comparison.differences)
        caveat = f' · <span class="px-caveat">but {_differences(n_diff)}</span>' if n_diff else ""
        cover = (
            f'<div class="px-coverage"><b>{share}%</b> of its statements are also in the other{reused}{caveat}</div>'
        )
    return (
        f'<div class="px-head"><div class="px-title" title="{html.escape(article.title or article.id, quote=True)}">'
        f"{html.escape(article.title or article.id)}</div>"
        f'<div class="px-meta">{html.escape(outlet)} · {html.escape(published)} · <code>{html.escape(article.id)}</code></div>'
        f"{cover}</div>"
    )


DIFFERENCE_LABELS = {
    "figure": "Figure",
    "date": "Date",
    "place": "Place",
    "person": "Person",
    "organisation": "Organisation",
    "attribution": "Attribution",
    "quotation": "Quotation",
    "framing": "Framing",
}


def _facts_differ(n: int) -> str:
    return "1 fact differs" if n == 1 else f"{n} facts differ"


def _differences(n: int) -> str:
    """Every kind counted (facts, credits, framing): the verdict names the facts apart."""
    return "1 difference" if n == 1 else f"{n} differences"


def verdict(comparison: Comparison, threshold: float = DEFAULT_OPTIONS.reuse_threshold) -> str:
    """One plain sentence an editor can read aloud (plain text; escape it where it becomes HTML).
    ``threshold`` is the reuse figure from which two articles share wording (a family)."""
    if len(comparison.documents) < 2:
        return ""
    reuse_a, reuse_b = comparison.reuse or (0.0, 0.0)
    date_a, date_b = (d.article.published for d in comparison.documents)
    share = max(reuse_a, reuse_b)
    cover = max(comparison.coverage) if comparison.coverage else 0.0
    if share >= threshold and date_a and date_b and date_a != date_b:
        # The later article is the likely copy: say how much of its wording it takes from the earlier one.
        copier, source, taken = ("B", "A", reuse_b) if date_b > date_a else ("A", "B", reuse_a)
        parts = [f"{copier} (later) reuses {round(100 * taken)}% of {source}'s wording"]
    elif share >= threshold:
        parts = [f"A and B share wording: {round(100 * reuse_a)}% of A's is in B, {round(100 * reuse_b)}% of B's in A"]
    elif cover >= 0.5:
        # Shared statements without shared wording: the engine cannot tell a heavy rewrite from an
        # independent report of the same facts, so it says both.
        parts = [
            f"Little shared wording ({round(100 * share)}%) but {round(100 * cover)}% of the statements "
            "shared: a heavy rewrite, or an independent report of the same facts"
        ]
    else:
        parts = [f"Little shared wording ({round(100 * share)}%): likely independent reports"]
    if threshold <= share < 0.5 and cover >= 0.5:
        # A rewrite that keeps the statements more than the words: say both, so "18%" is not read as "18% alike".
        parts.append(f"{round(100 * cover)}% of the statements shared")
    first, second = comparison.documents[0], comparison.documents[1]
    run = reworded_run(first, second, comparison.matches) if share >= threshold else 0
    if run:
        # Wording taken with few words in common: what was taken is the order, and the editor should hear it.
        parts.append(f"{run} passages in a row follow each other's order, reworded")
    kinds = [d.kind for d in comparison.differences]
    facts = [k for k in kinds if k not in ("attribution", "framing")]
    dropped = sum(1 for d in comparison.differences if d.kind == "attribution" and (not d.a or not d.b))
    if facts:
        parts.append(_facts_differ(len(facts)))
    elif comparison.matches:
        parts.append("no fact differs in the shared passages")
    if dropped:
        parts.append(f"{dropped} attribution{'s' if dropped != 1 else ''} dropped")
    framing = kinds.count("framing")
    if framing:
        parts.append(f"{framing} change{'s' if framing != 1 else ''} of framing")
    for side, name in ((1, "B"), (0, "A")):
        analysis = comparison.documents[side]
        in_match = {i for m in comparison.matches for i in (m.b if side else m.a)}
        adds = sum(1 for s in analysis.sentences if s.alignable and s.index not in in_match)
        if adds:
            parts.append(f"{name} adds {adds} sentence{'s' if adds != 1 else ''}")
    return "; ".join(parts) + "."


def render_verdict(comparison: Comparison, threshold: float = DEFAULT_OPTIONS.reuse_threshold) -> str:
    return f'<div class="px-verdict" role="status">{html.escape(verdict(comparison, threshold))}</div>'


def render_differences(comparison: Comparison, min_score: float = 0.0) -> str:
    """The "What changed" panel: one row per difference (kind, A says, B says), escaped.

    Each row carries its match number, so clicking it lights up and scrolls to the passage in both columns.
    """
    visible = {k for k, _ in visible_matches(comparison, min_score)}
    rows = []
    for d in comparison.differences:
        if d.match not in visible:
            continue
        a_text = html.escape(_snippet(d.a_text, 160)) if d.a else "<i>(not stated)</i>"
        b_text = html.escape(_snippet(d.b_text, 160)) if d.b else "<i>(not stated)</i>"
        rows.append(
            f'<tr><td><mark class="px px-diffrow" data-m="{d.match}" tabindex="0" role="button" '
            f'aria-label="Show this passage in both articles">{html.escape(DIFFERENCE_LABELS.get(d.kind, d.kind))}</mark></td>'
            f'<td class="px-changed-cell">{a_text}</td><td class="px-changed-cell">{b_text}</td></tr>'
        )
    if not rows:
        return '<div class="px-diffs px-diffs-none">No fact differs inside the shared passages.</div>'
    return (
        '<div class="px-diffs"><table><thead><tr><th>What changed</th><th>A says</th><th>B says</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_legend() -> str:
    items = "".join(
        f'<span class="px-legend-item"><mark class="px px-{kind}" data-kind="{kind}">{html.escape(label)}</mark></span>'
        for kind, label in KIND_LABELS.items()
    )
    return (
        f'<div class="px-legend">{items}<span class="px-legend-item"><span class="px-shared">shared words</span></span>'
        '<span class="px-legend-item"><span class="px-changed">changed fact</span></span></div>'
    )


STYLE = """
<style>
.px-text { white-space: pre-wrap; line-height: 1.7; font-size: 1.02rem; font-family: Georgia, 'Times New Roman', serif; }
.px { border-radius: 3px; padding: 0 1px; color: inherit; cursor: default; transition: outline 0.1s; }
/* Colours chosen to stay apart under deuteranopia and protanopia (tests/test_render.py simulates both);
   each kind also has a cue that is not colour: a solid, double, dotted or no underline. */
.px-verbatim { background: #b59be6; border-bottom: 3px double #5b3a9e; }
.px-paraphrase { background: #b3d8f5; border-bottom: 2px solid #2b6cb0; }
.px-partial { background: #f1f3f5; border-bottom: 2px dotted #6a7f94; }
.px-unique { background: #ffe08f; border-bottom: 2px solid transparent; }
/* Marked passages keep dark text on their light backgrounds, so they read the same in a dark theme. */
.px-verbatim, .px-paraphrase, .px-partial, .px-unique, .px-note, .px-verdict-text { color: #1d1d1f; }
.px-meta { background: transparent; color: #666; font-style: italic; }
.px-boilerplate { background: transparent; color: #9a9a9a; text-decoration: line-through; text-decoration-color: #ccc; }
.px-headline { font-weight: 700; }
.px-shared { font-weight: 600; text-decoration: underline; text-decoration-color: rgba(40,40,120,0.45); text-underline-offset: 3px; }
.px-entity { outline: 2px solid #d1495b; border-radius: 2px; background: #fde2e4; }
.px-dim { background: transparent !important; color: #b0b0b0; border-bottom: none; }
.px-dim .px-shared { font-weight: normal; text-decoration: none; }
.px[data-m] { cursor: pointer; }
.px-linked { outline: 3px solid #1f4e96; box-shadow: 0 0 0 3px rgba(31,78,150,0.18); }
.px-focus { outline: 3px dashed #0b7a75; background-image: linear-gradient(rgba(11,122,117,0.12), rgba(11,122,117,0.12)); }
.px-changed { text-decoration: underline wavy #b3261e 2px; text-underline-offset: 4px; font-weight: 700; }
.px-apphead { font-size: 0.95rem; color: #555; margin: -0.4rem 0 0.2rem; }
.px-appname { font-size: 1.35rem; font-weight: 800; color: #1d1d1f; margin-right: 0.5rem; }
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; }
/* On a phone the columns stack: each grows with its text, so no scroll box fights the page's own. */
.st-key-column_a, .st-key-column_b { padding-top: 0.35rem; }
@media (max-width: 640px) {
  .st-key-column_a, .st-key-column_b { height: auto !important; max-height: none !important; overflow: visible !important; }
}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.4rem; }
.px-verdict { font-size: 0.98rem; font-weight: 600; padding: 0.25rem 0.6rem; border-left: 5px solid #1f4e96; background: rgba(31,78,150,0.08); margin: 0; }
.px-caveat { color: #b3261e; font-weight: 600; }
.px-diffs table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
.px-diffs th, .px-diffs td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid rgba(128,128,128,0.3); vertical-align: top; }
.px-diffrow { cursor: pointer; background: transparent; font-weight: 700; color: #b3261e; }
.px-diffs-none { font-size: 0.9rem; color: #666; }
mark.px:focus { outline: 3px solid #1f4e96; }
.px-head { margin-bottom: 0.1rem; }
.px-title { font-size: 1.05rem; font-weight: 700; line-height: 1.25; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.px-meta { color: #666; font-size: 0.85rem; }
.px-coverage { margin-top: 0; font-size: 0.8rem; line-height: 1.25; }
.px-legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; font-size: 0.78rem; margin: 0; }
.px-entity-list { font-size: 0.88rem; line-height: 1.5; }
.px-entity-list .px-flag { color: #b3261e; font-weight: 600; }
.px-entity-list .px-variants { color: #666; }
.px-badge { display: inline-block; min-width: 3.2em; text-align: center; font-size: 0.68rem; text-transform: uppercase; letter-spacing: 0.03em; border-radius: 3px; padding: 0 3px; color: #fff; background: #777; }
.px-badge-person { background: #1f4e96; } .px-badge-org { background: #6b3fa0; } .px-badge-place { background: #2e7d4f; } .px-badge-group { background: #a0522d; }
.px-note { border-left: 4px solid #1f4e96; padding: 0.3rem 0.7rem; background: #f3f6fb; color: #1d1d1f; font-size: 0.92rem; white-space: pre-wrap; }
</style>
"""


def entity_groups(comparison: Comparison) -> dict[str, list]:
    """Entities split into in both / only in A / only in B (for two documents)."""
    groups: dict[str, list] = {"both": [], "a": [], "b": []}
    for entity in comparison.entities:
        docs = entity.docs()
        key = "both" if docs == {0, 1} else ("a" if docs == {0} else "b")
        groups[key].append(entity)
    return groups


_LABEL_BADGES = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
}


def render_entity_list(entities, n_docs: int = 2) -> str:
    """An escaped list: icon, name, mention counts per article, variants and flagged spellings."""
    rows = []
    for e in entities:
        counts = [sum(1 for m in e.mentions if m.doc == d) for d in range(n_docs)]
        count = " · ".join(f"{'AB'[d]} {c}" for d, c in enumerate(counts)) if n_docs > 1 else str(counts[0])
        variants = f' <span class="px-variants">({html.escape(", ".join(e.variants))})</span>' if e.variants else ""
        flagged = (
            f' <span class="px-flag" title="suspected misspelling">⚠ also spelled {html.escape(", ".join(e.flagged))}</span>'
            if e.flagged
            else ""
        )
        badge = _LABEL_BADGES.get(e.label, "other")
        rows.append(
            f'<div><span class="px-badge px-badge-{badge}">{badge}</span> <b>{html.escape(e.name)}</b> <small>{count}</small>{variants}{flagged}</div>'
        )
    return f'<div class="px-entity-list">{"".join(rows) or "<i>none</i>"}</div>'
