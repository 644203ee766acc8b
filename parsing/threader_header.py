"""threader.app's header over a thread, as a copy spreads it over several lines.

Above the thread the page shows the author's display name with a `+ Your Authors` button
beside it, the handle, the bio, the day the thread was posted (`Mar. 11, 2019`, `Apr 9`) and
its reading time (`2 min read`). A copy may keep them on one line (`chrome_rules.ONE_LINE_HEADER`)
or put each on a line of its own: the button alone or glued to the name (`Ada Quill+ Your
Authors`), or left out (a clipping drops it), the day and the reading time on one line or two.

The reading time closes the header and is the cue: alone on its line (or after the day), it is
found among the weak chrome lines. Above it, the header reads upwards: the day, at most a few
lines of bio (X keeps a bio to 160 characters), then a lone handle, which must come within
reach; above the handle, the button (with the name glued to it, or alone with the name above
it) or, without the button, the name. None of these lines is a post; `page_meta` reads the
author, handle and date from them. A reading time with no lone handle above it is no header.

"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .byte_source import ByteSource
from .chrome_blog import MONTH
from .chrome_rules import CHROME_LINE
from .neighbours import Line, previous_nonblank_line

BUTTON_LINE = re.compile(rb"[ \t]*(?:[^\n@]{0,60}?[^\n@ \t])?[ \t]*\+ Your Authors[ \t.]*")
"""The button alone on its line, or after the name a copy glued to it."""
_BUTTON_ALONE = re.compile(rb"[ \t]*\+ Your Authors[ \t.]*")
_HANDLE = re.compile(rb"[ \t]*@\w{1,15}(?:[ \t][^\n]*)?")
"""A lone handle, or the handle with the bio after it on its line."""
_BUTTON_FIRST = re.compile(
    rb"[ \t]*\+ Your Authors[ \t]+@\w{1,15}[^\n]*[ \t]\d{1,3} min read(?:[ \t]*\+ Your Authors)?"
    rb"[ \t.]*"
)
"""The header on one line but for the name, which stands on the line above."""
_DAY = MONTH.encode() + rb" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
READING_TIME = re.compile(
    rb"[ \t]*(?:" + _DAY + rb"[ \t,*]*(?:\xc2\xb7|\xe2\x80\xa2)?[ \t*]*)?\d{1,3} min read[ \t.]*"
)
"""The reading time closing the header, perhaps after the day (`Apr. 14, 2020 · 2 min read`)."""
_NAME = re.compile(rb"[ \t]*[^\n@]{1,60}")
_SENTENCE_END = re.compile(rb"[^\n]*[.!?:;,][ \t]*")
_MARKER_START = re.compile(rb"[ \t]*[(\[]?\d{1,4}/")
_ABOVE = 5
"""Non-blank lines above the reading time, through the handle: the day, up to three of bio."""
_BIO = 320
"""Bytes a bio's line may take."""


def header_lines(buf: ByteSource, weak: Iterable[Line]) -> tuple[list[Line], list[Line]]:
    """The lines among `weak` (the weak chrome candidates) that close a header (a reading time
    under a handle, or the button with the rest of the header after it), and, apart, the other
    lines of those headers."""
    readings: list[Line] = []
    found: list[Line] = []
    for line in weak:
        if buf.find(b" min read", *line) < 0:
            continue
        if READING_TIME.fullmatch(buf, *line) is not None:
            above = _above(buf, line)
            if above:
                readings.append(line)
                found += above
        elif _BUTTON_FIRST.fullmatch(buf, *line) is not None:
            readings.append(line)
            found += _name_above(buf, line)
    return readings, found


def _above(buf: ByteSource, reading: Line) -> list[Line]:
    """The header's lines above its `reading` time, through the handle and the name; none when
    no lone handle stands within reach, or a line no header holds stands before it. The lines
    are read for the handle first: most reading times (a Medium byline's, a post's) have none
    above them, and the test of each line for chrome is the dearer one."""
    walked: list[Line] = []
    line = previous_nonblank_line(buf, reading[0])
    while line is not None and len(walked) < _ABOVE:
        walked.append(line)
        if _HANDLE.fullmatch(buf, *line) is not None:
            if any(_stops(buf, above) for above in walked):
                return []
            return walked + _name_and_button(buf, line)
        line = previous_nonblank_line(buf, line[0])
    return []


def _name_and_button(buf: ByteSource, handle: Line) -> list[Line]:
    """The button and the name above the header's `handle`, as the copy gives them."""
    line = previous_nonblank_line(buf, handle[0])
    if line is None:
        return []
    if _BUTTON_ALONE.fullmatch(buf, *line) is not None:
        return [line, *_name_above(buf, line)]
    if BUTTON_LINE.fullmatch(buf, *line) is not None or _is_name(buf, line):
        return [line]
    return []


def _name_above(buf: ByteSource, line: Line) -> list[Line]:
    """The name on the line above `line`, if that line may be one."""
    name = previous_nonblank_line(buf, line[0])
    return [name] if name is not None and _is_name(buf, name) else []


def _stops(buf: ByteSource, line: Line) -> bool:
    """A line no header holds: longer than a bio's, opening with a post's number, or strong
    chrome. The last two are where a part of a source may begin (`split_points`): the rule,
    looking up, never reaches past one, so a part laid out from there reads the header alike."""
    if line[1] - line[0] > _BIO or _MARKER_START.match(buf, *line) is not None:
        return True
    chrome = CHROME_LINE.match(buf, *line)
    return chrome is not None and chrome.end() == line[1] and chrome.lastgroup == "strong"


def _is_name(buf: ByteSource, line: Line) -> bool:
    return (
        _NAME.fullmatch(buf, *line) is not None
        and _SENTENCE_END.fullmatch(buf, *line) is None
        and _MARKER_START.match(buf, *line) is None
    )
