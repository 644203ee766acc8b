"""The header lines of a page: a thread page's name, handle and date or length line, the bio
under an author's picture, a bare date that opens a copy which lost the header above it, and the
bio over the bare dates of an older author page. The rules that find each are in
`chrome_context`; this module gathers them for `chrome.resolve_chrome`, and says which of the
lines open a listing of threads.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chrome_context import (
    IsCandidate,
    Structure,
    bio_above_dates,
    bios_under_pictures,
    header_lines,
    header_opening_copy,
    is_header_field,
)
from .neighbours import Line, next_nonblank_line


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
