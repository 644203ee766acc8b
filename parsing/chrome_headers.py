"""The header lines of a page: a thread page's name, handle and date or length line, the bio
under an author's picture, a bare date that opens a copy which lost the header above it, the
bio over the bare dates of an older author page, and the bio (or name) opening a copy right
above a length line. The rules that find each are in
`chrome_context`; this module gathers them for `chrome.resolve_chrome`, and says which of the
lines open a listing of threads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .byte_source import ByteSource
from .chrome_context import (
    BIO_LINES,
    IsCandidate,
    Structure,
    bio_above_dates,
    bios_under_pictures,
    header_lines,
    is_bio,
    is_header_field,
)
from .neighbours import Line, next_nonblank_line
from .teaser_lines import LENGTH, whole
from .teaser_openings import marker_between

_LENGTH_FIELD = whole(LENGTH)
# A line ending in a post's number (`… 1/`, `… 2/5`, `… (3/n)`), glued to its last word or not.
_ENDS_NUMBERED = re.compile(rb"[^\n]*\d{1,4}/(?:\d{1,4}|[nNxX?])?[)\]]?[ \t]*")


def page_headers(
    buf: bytes | bytearray,
    dates: list[Line],
    starts: list[Line],
    pictures: list[Line],
    *,
    chrome: set[Line],
    found: set[Line],
    page: tuple[list[Line], Sequence[Structure], int],
    is_candidate: IsCandidate,
) -> list[Line]:
    """Add to `found` the lines of the page headers (`chrome_context.header_lines`, the bios
    under the `pictures` lines, a bare date opening the text, a bio over bare dates); return
    the date or length lines of the author page headers among them, in file order: each opens
    a listing of threads. `page`: see `_bio_over_dates`; `is_candidate`: whether a line is chrome
    by its own words (a header's name line is not)."""
    author_fields: list[Line] = []
    if dates or b"@" in buf:
        fields = dates + [line for line in starts if is_header_field(buf, line)]
        header, author_fields = header_lines(buf, fields, chrome, is_candidate)
        found.update(header)
    if starts:
        _, events, marker = page
        found.update(
            header_opening_copy(buf, starts[0], chrome | found, events=events, marker=marker)
        )
    if pictures:
        bios, picture_fields = bios_under_pictures(buf, pictures, chrome | found)
        found.update(bios)
        if picture_fields:
            author_fields = sorted([*author_fields, *picture_fields])
    if dates and dates[0] == next_nonblank_line(buf, -1):
        # A copy that opens with a bare date has lost the header above it: the date is the
        # header's (a thread's text never opens so), and on an author page of the older layout
        # it opens the listing of threads, each under its date (`teaser_dates`).
        found.add(dates[0])
        author_fields = sorted([dates[0], *author_fields])
    elif dates and dates[0] not in author_fields:
        author_fields = _bio_over_dates(buf, dates, author_fields, page=page, found=found)
    return author_fields


def _bio_over_dates(
    buf: bytes | bytearray,
    dates: list[Line],
    author_fields: list[Line],
    *,
    page: tuple[list[Line], Sequence[Structure], int],
    found: set[Line],
) -> list[Line]:
    """An older author page copied from under its handle (`chrome_context.bio_above_dates`):
    add its bio and first date to `found`; the date opens the listing as a bare date opening a
    copy does (`page_headers`). Returns the author fields with it. `page`: the strong chrome
    lines, the lines of structure and the kind of a number marker among them."""
    strong, events, marker = page
    bio = bio_above_dates(buf, dates, strong, events=events, marker=marker)
    if bio is None or bio in strong:
        return author_fields
    found.update((bio, dates[0]))
    return sorted([dates[0], *author_fields])


def header_opening_copy(
    buf: ByteSource,
    first_block: Line,
    chrome: set[Line],
    *,
    events: Sequence[Structure],
    marker: int,
) -> list[Line]:
    """The lines opening a copy above its first block of strong chrome, when that block opens
    with a thread's length line (`Oct 12 • 10 tweets • 2 min read`): the header's name and bio,
    which a copy taken from under the picture keeps (an author page copied from its bio down).
    A thread's text never stands above its own length line, and a teaser's is under one. At
    most a bio's few lines, with no number marker (an event of kind `marker` in `events`): a
    numbered line there is a post, the end of a teaser cut above. Chrome among them is passed
    over."""
    if _LENGTH_FIELD.fullmatch(buf, *first_block) is None:
        return []
    if marker_between(buf, events, marker, (0, first_block[0])):
        return []
    lines: list[Line] = []
    line = next_nonblank_line(buf, -1)
    while line is not None and line != first_block:
        if line not in chrome:
            if (
                len(lines) == BIO_LINES
                or not is_bio(buf, line)
                or _ENDS_NUMBERED.fullmatch(buf, *line) is not None
            ):
                return []
            lines.append(line)
        line = next_nonblank_line(buf, line[1])
    return lines


_HEADER_REACH = 5
"""Lines: how far below a copy's start `header_opening_copy` may find a length line, chrome
(a picture's line, a button) among the header's lines included, with room to spare."""


def could_open_a_header(buf: ByteSource, line: Line) -> bool:
    """Could `header_opening_copy` read `line` as a header's, were a copy to start there: is a
    length line among the few lines from it down? A source is not cut above such a line."""
    below: Line | None = line
    for _ in range(_HEADER_REACH):
        if below is None:
            return False
        if _LENGTH_FIELD.fullmatch(buf, *below) is not None:
            return True
        below = next_nonblank_line(buf, below[1])
    return False
