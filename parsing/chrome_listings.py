"""The lines that structure a listing of threads (an author page, a hashtag listing, the teasers
under `More from @x`) rather than any one thread: the lines between its teasers, and the tags
under its "Related hashtags" heading. See `chrome_context` for the header and date rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .byte_source import ByteSource
from .events import LISTING_HEAD, TEASER_EDGE
from .neighbours import Line, next_nonblank_line
from .teaser_lines import LISTING, is_teaser_edge

_READ_N = LISTING[1]
_HEADING = re.compile(
    rb"[ \t]*(?:" + "|".join(rule for rule in LISTING if rule != _READ_N).encode() + rb")[ \t.]*"
)
_RELATED_TAGS = re.compile(rb"[ \t]*Related hashtags[ \t.]*")
_TAGS_ONLY = re.compile(rb"[ \t]*#\w{1,100}(?:[ \t,]+#\w{1,100})*[ \t]*")


def related_tags(buf: ByteSource, block_ends: Iterable[Line]) -> list[Line]:
    """The lines of hashtags alone under a listing's "Related hashtags" heading (among the
    `block_ends`, the last lines of blocks of strong chrome): the tags it links to, not a
    thread. A post may be a line of hashtags too, but not under that heading."""
    found: list[Line] = []
    for heading in block_ends:
        if _RELATED_TAGS.fullmatch(buf, *heading) is None:
            continue
        line = next_nonblank_line(buf, heading[1])
        while line is not None and _TAGS_ONLY.fullmatch(buf, *line) is not None:
            found.append(line)
            line = next_nonblank_line(buf, line[1])
    return found


def teaser_edges(
    buf: ByteSource, block_ends: Iterable[Line], dates: Iterable[Line]
) -> dict[Line, int]:
    """The chrome lines a listing puts between its teasers, which the text under them starts
    one of (`LayoutBuilder._on_head`), each with its `Event.number`: `LISTING_HEAD` for its
    heading (`Most recents`, `More from @x`), above which no teaser stands; `TEASER_EDGE` for a
    date or length line above a teaser and `Read N tweets` under the one before, which the text
    above ends a teaser. Only the last line of each block of strong chrome (`block_ends`) and
    the `dates` made chrome can stand right above a teaser's text: a page has few."""
    edges = {
        line: LISTING_HEAD if _HEADING.fullmatch(buf, *line) is not None else TEASER_EDGE
        for line in block_ends
        if is_teaser_edge(buf, line)
    }
    edges.update(dict.fromkeys(dates, TEASER_EDGE))
    return edges
