"""Posts numbered at their end that a copy runs together on one line, each ended by its
picture's mark: `… homework.🧵1/ Image On birch bark … school! 2/ Image`.

Thread Reader App prints a post's picture as the word `Image` after its text, and its author
may end each post with its number, so a listing's teaser that joins its posts on one line reads
`text 1/ Image text 2/ Image`. The word after a number (`glued_pictures.pictures_in_lines`) ends
a line as far as the number is concerned: a number there is read as one at a line end is, among
the numbers that end the lines of an unnumbered run (`trailing_numbers`), and splits the line
only where it does there, when the numbers rise from 1 or 2 (as a marker continues a run of
posts). Anywhere else it is text, like a fraction in a sentence.

Each such place is a `PICTURE_END` event, which the layout only collects (`LayoutBuilder`): no
line of structure, it is passed over by every rule that looks at the line under another.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .events import PICTURE_END, Event
from .pictures import marks_end

_NUMBER_BEFORE = re.compile(rb"[(\[]?(\d{1,3})/(?:\d{1,3}|[nNxX?])?[)\]]?[ \t]+\Z")
_REACH = len(b"[123/123] ")
_PICTURE_WORD = len(b"Image")


def with_picture_ends(buf: ByteSource, events: list[Event], spots: list[int]) -> list[Event]:
    """`events` with a `PICTURE_END` after each of the `spots` (an `Image` after a post's
    number, `glued_pictures.pictures_in_lines`) that has text after it on its line: numbered
    as the number before it, with the end of the text before that number for its
    `text_start`."""
    ends: list[Event] = []
    for spot in spots:
        after = spot + _PICTURE_WORD
        end = buf.find(b"\n", after)
        end = len(buf) if end < 0 else end
        text = marks_end(buf, after, end)
        if text == end:
            continue  # at the line end: a number there is read as any at a line end
        line_start = buf.rfind(b"\n", 0, spot) + 1
        number = _NUMBER_BEFORE.search(buf, max(line_start, spot - _REACH), spot)
        if number is None:
            continue
        before = number.start()
        while before > line_start and buf[before - 1] in b" \t":
            before -= 1
        ends.append(Event(text, PICTURE_END, int(number[1]), before, False))
    return sorted(events + ends) if ends else events
