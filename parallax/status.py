"""What the command line is doing, for a person watching a terminal.

A compare of two long articles takes many seconds, most of them parsing.
On a terminal, one status line on stderr says which step is running and
is rewritten in place ("parallax: parsed 1 of 2 (99,180 words)..."),
then erased before the result is written. When stderr is not a terminal
(a pipe, a log, a test) nothing is written, so scripts still get exactly one
line on stderr for an error and nothing else.
"""

from __future__ import annotations

from typing import TextIO

CLEAR = "\r\x1b[K"  # back to the start of the line, erase it


class Status:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = _is_terminal(stream)

    def say(self, what: str) -> None:
        if self.shown:  # ASCII dots: a terminal in a legacy code page has no ellipsis
            self.stream.write(f"{CLEAR}parallax: {what}...")
            self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write(CLEAR)
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False
