"""Unnumbered posts of several lines, each ended by its picture's `Image`.

Thread Reader App prints a post's pictures after its text, never inside it, so in a copy the
word `Image` at a line end closes the post it follows. Where the author numbered nothing, that
mark is all that shows where one post ends and the next begins (`… before the boats go out.
Image` / `The keeper's cottage, now a cafe. Image` / …), and a post may run over several lines
(its paragraphs) before its mark.

A stretch of text between two lines of structure, under no number marker and with no number
ending any of its lines, that holds two or more such marks right after a sentence's end is read
as such a run (`Image` alone after a finished sentence is no word of it, while a word ending a
line, `… published by Image`, may be the author's, and two such lines are no evidence): each mark
is blanked (it is no word of the post) and the text under it starts a post. One mark alone in a
stretch stays as it was (`pictures.blank_trailing` reads the marks that end a stretch): a post
may show a picture above more text of its own (a quoted tweet's), and no run says otherwise.
A numbered thread keeps its numbers' reading: there the numbers say where posts end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .events import DATE, MARKER
from .neighbours import next_nonblank_line
from .pictures import ends_sentence, ends_text, marks_start, opens_with_list_number
from .trailing_numbers import first_trailer

Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start and its kind first."""

_MARK_AT_LINE_END = re.compile(rb"Image(?=\n|\Z)")
_NUMBERED = (MARKER, DATE)


def starts_under_pictures(buf: bytearray, events: Sequence[Structure]) -> list[int]:
    """Blank the marks of the runs of pictured lines in unnumbered stretches of `buf` (see the
    module's note) and return the starts of the lines under them, where posts begin."""
    stretches: dict[int, list[tuple[int, int, bool]]] = {}
    for match in _MARK_AT_LINE_END.finditer(buf):
        start = buf.rfind(b"\n", 0, match.start()) + 1
        spot = marks_start(buf, start, match.start())
        if spot > start and ends_text(buf, start, spot):
            index = bisect_left(events, (start,))
            if index < len(events) and events[index][0] == start:
                continue  # a line of structure
            after_sentence = ends_sentence(buf, start, spot)
            stretches.setdefault(index, []).append((spot, match.end(), after_sentence))
    starts: list[int] = []
    for index, marks in stretches.items():
        if sum(after_sentence for _, _, after_sentence in marks) < 2:
            continue
        if index and events[index - 1][1] in _NUMBERED:
            continue  # under a number marker: the numbers tell where its posts end
        low = buf.find(b"\n", events[index - 1][0]) + 1 if index else 0
        high = events[index][0] if index < len(events) else len(buf)
        if first_trailer(buf, low, high) is not None:
            continue  # numbered at line ends
        for spot, end, _ in marks:
            buf[spot:end] = b" " * (end - spot)
            below = next_nonblank_line(buf, end)
            if below is not None and below[0] < high and not opens_with_list_number(buf, below):
                starts.append(below[0])
    return starts
