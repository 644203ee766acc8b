"""The line shapes that give a thread its structure: number markers, thread heads, emoji leads.

One compiled `bytes` expression finds them all. It is anchored on `\\n`, so the regular
expression engine skips from line to line at memchr speed and only looks at line starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum

_THREAD_EMOJI = "\U0001f9f5".encode()  # 🧵

# `2/`, `2/Text`, `2/5 `, `(2/5)`, `[2/4]`, `1/n`, optionally after `THREAD` or 🧵. A total is
# only a total when whitespace or the line end follows it: `2/3rds` and `10/31/2020` are text.
_MARKER = (
    rb"(?:(?:THREAD|Thread|" + _THREAD_EMOJI + rb")[ \t]*[:.]?[ \t]*)?"
    rb"[(\[]?(?P<num>\d{1,4})/"
    rb"(?:(?P<total>\d{1,4}|[nN])(?=[)\]]?(?:[ \t]|\n|\Z))|(?!\d))[)\]]?[ \t]*"
)
# A thread head without a number: `THREAD`, `THREAD:`, `Thread: …`, `🧵 …`.
_HEAD = (
    rb"(?:THREAD\b|Thread[ \t]*[:.]|Thread[ \t]+" + _THREAD_EMOJI + rb"|" + _THREAD_EMOJI + rb")"
)
# Pictographs (U+1F000–U+1FAFF), misc symbols and dingbats (U+2600–U+27BF), arrows and stars
# (U+2B00–U+2BFF), ‼ ⁉ 〰 〽, with their joiners, variation selectors, keycaps and tags.
_EMOJI_CHAR = (
    rb"(?:\xf0\x9f[\x80-\xab][\x80-\xbf]|\xe2[\x98-\x9e][\x80-\xbf]|\xe2[\xac-\xaf][\x80-\xbf]"
    rb"|\xe2\x80[\xbc\x8d]|\xe2\x81\x89|\xe3\x80[\xb0\xbd]|\xef\xb8\x8f|\xe2\x83\xa3"
    rb"|\xf3\xa0[\x80-\x81][\x80-\xbf])"
)
_EMOJI_LINE = rb"(?:" + _EMOJI_CHAR + rb"[ \t]*)+(?=\n|\Z)"
_BODY = (
    rb"[ \t]{0,3}(?:(?P<marker>"
    + _MARKER
    + rb")|(?P<head>"
    + _HEAD
    + rb")|(?P<emoji>"
    + _EMOJI_LINE
    + rb"))"
)
_FIRST_LINE = re.compile(_BODY)
_LATER_LINE = re.compile(rb"\n" + _BODY)


class LineKind(IntEnum):
    MARKER = 1
    HEAD = 2
    EMOJI = 3
    CHROME = 4


@dataclass(frozen=True, slots=True)
class MarkedLine:
    """A line that matters to the structure: where it starts and what it says."""

    start: int
    kind: LineKind
    number: int = 0
    """The post number of a marker line."""
    text_start: int = 0
    """Where the post text begins after the marker (and its spaces)."""
    opens_thread: bool = False
    """A marker after `THREAD` or 🧵 starts a thread whatever its number."""


def scan_lines(buf: bytes | bytearray) -> Iterator[MarkedLine]:
    """The marker, head and emoji-only lines of `buf`, in order."""
    first = _FIRST_LINE.match(buf)
    if first is not None:
        line = _classify(first, first.start())
        if line is not None:
            yield line
    for match in _LATER_LINE.finditer(buf):
        line = _classify(match, match.start() + 1)
        if line is not None:
            yield line


def _classify(match: re.Match[bytes], start: int) -> MarkedLine | None:
    kind = match.lastgroup
    if kind == "marker":
        number = int(match.group("num"))
        total = match.group("total")
        if number == 0 or (total is not None and total.isdigit() and number > int(total)):
            return None  # `0/`, `24/7`: a fraction, not a post number
        opens = match.group("marker")[:1] in (b"T", b"\xf0")
        return MarkedLine(start, LineKind.MARKER, number, match.end(), opens)
    if kind == "head":
        return MarkedLine(start, LineKind.HEAD)
    return MarkedLine(start, LineKind.EMOJI)


def line_end(buf: bytes | bytearray, start: int) -> int:
    """Where the line starting at `start` ends (its `\\n`, or the buffer end)."""
    end = buf.find(b"\n", start)
    return len(buf) if end < 0 else end
