"""Where, inside a run of unnumbered lines, a new thread's first post begins.

When numbering restarts (`… 17/` then `2/`), the unnumbered lines between the two markers are
shared by the end of the old thread's last post and the new thread's first post. These rules pick
the line where the first post begins, from the cues authors leave: a line ending in ` 1/`, an
emoji-only lead line, 👇 or 🧵 or the word "thread". This runs once per restart, so it can afford
to look at the lines one by one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .byte_source import ByteSource
from .neighbours import BLANK, line_end

# `… 1/`, `… (1/5)`, `… 1/n`, possibly followed by one more token (a link, an emoji).
_ENDS_WITH_FIRST_MARKER = re.compile(
    rb"(?:^|[ \t])[(\[]?1/(?:\d{1,3}|[nN]|many)?[)\]]?(?:[ \t]+[^ \t]+)?[ \t]*$"
)
# The end of a text that announces the posts below it: 🧵, 👇 (with a skin tone), a colon, the
# word "thread".
_ANNOUNCES = re.compile(
    rb"(?:\xf0\x9f\xa7\xb5|\xf0\x9f\x91\x87(?:\xf0\x9f\x8f[\xbb-\xbf])?|:|\b(?:[Tt]hread|THREAD))"
    rb"[ \t.!\xef\xb8\x8f]*\Z"
)
_ANNOUNCE_REACH = 24
_POINTS_DOWN = re.compile(rb"\xf0\x9f\x91\x87|\xf0\x9f\xa7\xb5|(?i:\bthread\b)")  # 👇 🧵
_EMOJI_ONLY = re.compile(
    rb"(?:(?:\xf0\x9f[\x80-\xab][\x80-\xbf]|\xe2[\x98-\x9e][\x80-\xbf]|\xe2[\xac-\xaf][\x80-\xbf]"
    rb"|\xe2\x80[\xbc\x8d]|\xe2\x81\x89|\xef\xb8\x8f|\xe2\x83\xa3)[ \t]*)+"
)


class _Line(NamedTuple):
    start: int
    end: int
    blank_before: bool
    """A blank line separates this line from the one before it in the run."""


def first_post_start(
    buf: ByteSource, start: int, stop: int, *, guess_without_cue: bool
) -> int | None:
    """The start of the line in `buf[start:stop]` where a new thread's first post begins.

    `None` when no line qualifies. With `guess_without_cue`, a run with no cue still gives up its
    last paragraph (or, without blank lines, its last line): that is what a restart at `2/` means.
    """
    one_line = start < stop - 1 and buf.find(b"\n", start, stop - 1) < 0
    if guess_without_cue and one_line and not BLANK.fullmatch(buf, start, stop - 1):
        return start  # one line before `2/`: it is post 1, cue or no cue
    lines = _nonblank_lines(buf, start, stop)
    if not lines:
        return None
    chosen = _cued_line(buf, lines)
    if chosen is None:
        if not guess_without_cue:
            return None
        chosen = len(lines) - 1
    return lines[_paragraph_start(lines, chosen, buf)].start


def _cued_line(buf: ByteSource, lines: list[_Line]) -> int | None:
    find = buf.find
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        # The expression is tried at every space of the line; most lines hold no `1/` at all.
        if find(b"1/", line.start, line.end) >= 0 and _ENDS_WITH_FIRST_MARKER.search(
            buf, line.start, line.end
        ):
            return index
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if _EMOJI_ONLY.fullmatch(buf, line.start, line.end):
            return index
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if _POINTS_DOWN.search(buf, line.start, line.end):
            return index
    return None


def _paragraph_start(lines: list[_Line], index: int, buf: ByteSource) -> int:
    """Back up from `index` to the first line of its paragraph, and over emoji lead lines."""
    if any(line.blank_before for line in lines[1 : index + 1]):
        while index > 0 and not lines[index].blank_before:
            index -= 1
    while index > 0 and _EMOJI_ONLY.fullmatch(buf, lines[index - 1].start, lines[index - 1].end):
        index -= 1
    return index


def _nonblank_lines(buf: ByteSource, start: int, stop: int) -> list[_Line]:
    lines: list[_Line] = []
    pos = start
    blank_before = False
    while pos < stop:
        end = min(line_end(buf, pos), stop)
        if BLANK.fullmatch(buf, pos, end):
            blank_before = bool(lines)
        else:
            lines.append(_Line(pos, end, blank_before))
            blank_before = False
        pos = end + 1
    return lines


def announces(buf: ByteSource, start: int, end: int) -> bool:
    """Does the text `buf[start:end]` (blanks after it trimmed) end by announcing the posts
    below it (`… a thread 🧵`, `… here's how:`)? Such an opening is a post of its own."""
    return _ANNOUNCES.search(buf, max(start, end - _ANNOUNCE_REACH), end) is not None
