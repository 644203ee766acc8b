"""The judgements of a cut next to a teaser of an unroller's listing: a marker under a listing's
line that the layout reads as numbered first, split at the numbers further on in its text, and
a number above 1 that the line over it makes a teaser's text. A part starting at such a line
would not see what made the layout read it so (see `split_points`)."""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .chrome_rules import STRONG
from .lines import read_line
from .neighbours import Line, line_end
from .teaser_glued import glued_next_number
from .teaser_lines import is_date, is_teaser_edge
from .teaser_openings import past_first_under_teaser_head

ANCHOR_CANDIDATE = re.compile(
    rb"\n(?=[ \t]*(?:(?:THREAD|Thread|\xf0\x9f\xa7\xb5)[ \t]*[:.]?[ \t]*)?[(\[]?\d{1,4}/"
    rb"|[ \t]*(?:" + STRONG + rb")[ \t.]*(?:\n|\Z))"
)
"""The newline before a line that may be an anchor."""


def past_first_under_teaser_head_line(buf: ByteSource, below: Line) -> bool:
    """Is `below` a number above 1 that the line over it makes a teaser's text
    (`teaser_openings.past_first_under_teaser_head`)? A part starting at it would not see
    that line."""
    marker = read_line(buf, *below)[1]
    return marker is not None and past_first_under_teaser_head(buf, below[0], marker.number)


def teaser_numbered_first(buf: ByteSource, above: Line, below: Line, whole: bool) -> bool:
    """Is `below` a marker under a listing's line (`above`: a date, a length, `Read N tweets`)
    with the next number after a sentence's end further on (`teaser_glued`)? The layout reads
    the teaser as numbered first, split at those numbers, only under that line
    (`LayoutBuilder._lead_teaser_from`): a part starting at the marker would not see it. In a
    stretch (not `whole`) whose end comes before the teaser's next line of structure, the
    teaser's text may go on past it, with such a number: then the answer is yes."""
    if not is_teaser_edge(buf, above) and not is_date(buf, above):
        return False
    marker = read_line(buf, *below)[1]
    if marker is None:
        return False
    stop = _structure_past_teaser_text(buf, below[1])
    if stop is None and not whole:
        return True
    stop = len(buf) if stop is None else stop
    return glued_next_number(buf, marker.text_start, stop, marker.number) is not None


def _structure_past_teaser_text(buf: ByteSource, pos: int) -> int | None:
    """Where the first line under the one that ends at `pos` starts that is a valid marker or
    strong chrome by its own shape (None: none before the buffer's end). The layout reads a
    teaser's text up to its next line of structure (`LayoutBuilder._lead_teaser_from`), and
    every such line is one: what the layout reads lies before this point, so a next number the
    layout finds in the teaser's text is found here too."""
    for found in ANCHOR_CANDIDATE.finditer(buf, pos):
        line = found.start() + 1
        shape, marker = read_line(buf, line, line_end(buf, line))
        if marker is not None or shape == "strong":
            return line
    return None
