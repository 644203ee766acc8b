"""The non-blank lines next to a line: chrome is judged by its neighbours, and a split point must
see them the same way, so both ask here. And where whitespace ends, for the layout's posts.

A blank line holds nothing but spaces, tabs, form feeds, vertical tabs and carriage returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .byte_source import ByteSource

BLANK = re.compile(rb"[ \t\f\v\r]*")
WHITESPACE = frozenset(b" \t\n\v\f\r")
_LEADING_WHITESPACE = re.compile(rb"[ \t\n\v\f\r]*")

Line = tuple[int, int]
"""A line's start and end (the end excludes its `\\n`)."""


def lines_with(
    buf: ByteSource, cue_from: Callable[[int], int], whole: re.Pattern[bytes]
) -> list[Line]:
    """The lines that hold a cue (`cue_from(position)`: where the next one is at or after
    `position`, -1 when none is) and that `whole` matches from start to end, in order: a rare
    cue found fast, each line it stands in read whole once."""
    found: list[Line] = []
    at = cue_from(0)
    while at >= 0:
        start = buf.rfind(b"\n", 0, at) + 1
        end = buf.find(b"\n", at)
        end = len(buf) if end < 0 else end
        if whole.fullmatch(buf, start, end):
            found.append((start, end))
        at = cue_from(end)
    return found


def next_nonblank_line(buf: ByteSource, end: int) -> Line | None:
    """The first non-blank line after the line that ends at `end`."""
    pos = end + 1
    while pos < len(buf):
        stop = buf.find(b"\n", pos)
        stop = len(buf) if stop < 0 else stop
        if not BLANK.fullmatch(buf, pos, stop):
            return pos, stop
        pos = stop + 1
    return None


def previous_nonblank_line(buf: ByteSource, start: int) -> Line | None:
    """The last non-blank line before the line that starts at `start`."""
    stop = start - 1
    while stop > 0:
        begin = buf.rfind(b"\n", 0, stop) + 1
        if not BLANK.fullmatch(buf, begin, stop):
            return begin, stop
        stop = begin - 1
    return None


def skip_whitespace(buf: ByteSource, start: int, stop: int) -> int:
    """The first position at or after `start` that is not whitespace (or `stop`)."""
    match = _LEADING_WHITESPACE.match(buf, start, stop)
    return stop if match is None else match.end()


def trim_end(buf: ByteSource, start: int, limit: int) -> int:
    """`limit` moved back over the whitespace before it, down to `start` at most."""
    while limit > start and buf[limit - 1] in WHITESPACE:
        limit -= 1
    return limit


def line_end(buf: ByteSource, start: int) -> int:
    """Where the line starting at `start` ends (its `\\n`, or the buffer end)."""
    end = buf.find(b"\n", start)
    return len(buf) if end < 0 else end
