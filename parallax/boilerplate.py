"""Stage 2, boilerplate: lines that are page furniture, not the article.

They are returned as spans, never deleted, so the reading view can grey them
out and an editor can still see exactly what was in the text.
"""

from __future__ import annotations

import re

from .model import Span

# Each pattern matches a whole line (after stripping). They are deliberately
# phrased as page furniture ("Please enter your comment!", "Also Read: ..."),
# not as topics, so an article sentence is not mistaken for one.
_LINE_PATTERNS = [
    r"please enter your (comment|name|email)( here)?[!.]?",
    r"you have entered an incorrect email address[!.]?",
    r"save my name,? email,? and website.*",
    r"(leave a (reply|comment)|post a comment|add a comment|comments?( \(\d+\))?)[!.:]?",
    r"(also read|read also|read more|related|related articles?|recommended|see also|more from \w+|"
    r"must read|don'?t miss|trending( now)?)\s*[:\-–—|].*",
    r"(also read|read more|related stories|recommended for you|trending now|you may also like)",
    r"(share|share this( article| story| post)?|share on \w+|click to share.*|tweet|email|print|"
    r"follow us( on \w+)?.*|like us on facebook.*)[!.:]?",
    r"(sign up|subscribe)( now)?( to| for)? (our|the)? ?(free )?(daily |weekly )?newsletters?.*",
    r"(get|receive) (our|the) .{0,40}newsletter.*",
    r"(photo|image|picture|video|graphic|file photo|photograph)( credit)?s?\s*[:/].{0,120}",
    r"\(?(photo|image|picture)( by| credit| courtesy)[^.]{0,120}\)?",
    r".{0,80}\b(getty images|afp|reuters|ap photo|shutterstock|epa|file)\s*(/.{0,60})?",
    r"advertisement|sponsored( content)?|story continues below( advertisement)?|scroll to continue",
    r"(copyright|©|\(c\)).{0,120}|all rights reserved\.?",
    r"(click|tap) here.{0,120}",
    r"(tags?|topics?|filed under)\s*:.*",
    r"(loading|loading\.\.\.|watch:?|listen( to this article)?:?.{0,60})",
]
_LINE_RE = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in _LINE_PATTERNS) + r")$", re.I)
# A credit line must stay short; an article sentence mentioning Reuters is not one.
_MAX_BOILERPLATE_WORDS = 25


def is_boilerplate_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped.split()) > _MAX_BOILERPLATE_WORDS:
        return False
    # A line that ends like a full sentence and names an agency is reporting, not a credit.
    agency = re.search(r"\b(getty images|afp|reuters|ap photo|shutterstock|epa|file)\b", stripped, re.I)
    if agency and re.search(r"\b(said|says|told|reported|according)\b", stripped, re.I):
        return False
    return bool(_LINE_RE.match(stripped))


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of whole lines that are page furniture, in text order."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if is_boilerplate_line(line):
            lead = len(line) - len(line.lstrip())
            spans.append((offset + lead, offset + len(line.rstrip())))
        offset += len(line) + 1
    return tuple(spans)
