"""twtext's and threader.app's tip under a thread's footer, wrapped over several lines.

The page prints the tip as one sentence on one line (`Tip: mention @twtextapp on a Twitter
thread with the keyword “unroll” to get a link to it.`). A copy taken from a narrow window, or
an editor that wraps long lines, breaks it over two lines or more, anywhere between two words:
the first line starts the tip, the lines under it only complete the sentence. So each of those
lines is chrome when they, joined with a space, spell the whole sentence, and no line is taken
under a tip that is already whole on its line (the line under it is another text's).
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .neighbours import Line
from .unroller_phrases import TIP

_CUE = b"Tip: mention @"
_TIP = re.compile(rb"[ \t]*" + TIP.encode() + rb"\b")
_SENTENCE = re.compile(
    TIP.encode() + rb" on a Twitter thread with the keyword"
    rb" \S{1,24} to get a link to it\.?"
)
_LINES = 4
"""The most lines the sentence is wrapped over (a column of about 25 characters)."""
_SENTENCE_BYTES = 160


def wrapped_tips(buf: ByteSource) -> list[Line]:
    """The lines of each tip wrapped over several lines in `buf`, in order."""
    found: list[Line] = []
    at = buf.find(_CUE)
    while at >= 0:
        # A line longer than the sentence is no tip's: look no further back for its start.
        start = buf.rfind(b"\n", max(at - _SENTENCE_BYTES - 1, 0), at) + 1
        lines = _wrapped_from(buf, start) if at - start <= _SENTENCE_BYTES else []
        found += lines
        at = buf.find(_CUE, lines[-1][1] if lines else at + len(_CUE))
    return found


def ends_wrapped_tip(buf: ByteSource, line: Line) -> bool:
    """Is `line` the last line of a tip wrapped over several lines?"""
    start = line[0]
    for _ in range(_LINES - 1):
        if start == 0:
            return False
        lowest = max(start - 2 - _SENTENCE_BYTES, 0)
        start = buf.rfind(b"\n", lowest, start - 1) + 1
        if start == 0 and lowest > 0:
            return False  # a line longer than the sentence: no tip's
        end = _short_line_end(buf, start)
        if end is not None and _TIP.match(buf, start, end):
            lines = _wrapped_from(buf, start)
            return bool(lines) and lines[-1] == line
    return False


def _wrapped_from(buf: ByteSource, start: int) -> list[Line]:
    """The lines of the tip wrapped from the line at `start` on, or none."""
    end = _short_line_end(buf, start)
    if end is None or not _TIP.match(buf, start, end):
        return []
    text = bytes(buf[start:end]).strip()
    if _SENTENCE.fullmatch(text):
        return []
    lines = [(start, end)]
    while len(lines) < _LINES and end < len(buf) and len(text) < _SENTENCE_BYTES:
        start = end + 1
        end = _short_line_end(buf, start)
        if end is None:
            return []
        words = bytes(buf[start:end]).strip()
        if not words:
            return []
        text += b" " + words
        lines.append((start, end))
        if _SENTENCE.fullmatch(text):
            return lines
    return []


def _short_line_end(buf: ByteSource, start: int) -> int | None:
    """Where the line at `start` ends, if it is no longer than the sentence (a longer line is
    no tip's: it is not read to its end)."""
    end = buf.find(b"\n", start, start + _SENTENCE_BYTES + 1)
    if end >= 0:
        return end
    return len(buf) if len(buf) - start <= _SENTENCE_BYTES else None
