"""Lines next to a cut read by the line of structure on the other side of it: a part cut there
would read them otherwise (see `split_points._judged_across`)."""

from __future__ import annotations

from .byte_source import ByteSource
from .events import BARE_HEAD
from .lines import read_line
from .neighbours import Line, next_nonblank_line
from .old_twitter import is_separator


def separator_before_structure(buf: ByteSource, below: Line) -> bool:
    """Is there a lone separator line (`-`, `·`) from `below` on before any line of structure?
    A run of them is page chrome or an author's divider by the nearest line of structure above
    it (`old_twitter_dividers._in_numbered_post`): in the whole that may be a number marker
    above the point, in a part starting there it is none, and the run reads the other way.
    A line of structure between the point and the run is the nearest in both."""
    line: Line | None = below
    while line is not None:
        if is_separator(buf, line):
            return True
        shape, marker = read_line(buf, *line)
        if marker is not None or shape in ("head", "emoji", "end"):
            return False
        line = next_nonblank_line(buf, line[1])
    return False


def leads_across(buf: ByteSource, above: Line, below: Line) -> bool:
    """Could the line `above` a point lead the line `below` it? A bare head or an emoji line with
    only blank lines under it stands above the next line of structure (`_stands_above` in
    `layout_blocks`), and is then read by it: part of the post a marker opens, or text of the
    post above when that line turns out to be a date that numbers no post. At the end of a
    part it leads nothing, so it opens a thread of its own (a head) or stays text (an emoji
    line) whatever came under it in the whole. Only a line of structure is led (a marker, a
    date read like one, another head or emoji line): chrome and text under it lead nowhere."""
    shape = read_line(buf, *above)[0]
    if shape == "head" and not BARE_HEAD.fullmatch(buf, *above):
        return False  # "THREAD: Here is why …" is a post of its own, leading nothing
    return shape in ("head", "emoji") and read_line(buf, *below)[0] in ("marker", "head", "emoji")
