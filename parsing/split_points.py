"""Where a source may be cut in two so that each part parses exactly as it does inside the whole.

`threadline stats` lays out the two halves of a big file on two cores. The layout itself says
where it starts afresh (`LayoutBuilder.fresh`): the rule that closes everything records the
point, so the cut needs no copy of the layout's rules. What this module adds is where a layout
run may begin and end inside a source without seeing the rest of it: at *anchors*.

An anchor is a line the layout reads the same way whatever lies above it, and after which the
layout is in the same state whatever came before:

- a strong chrome line ("• • •", "Read all threads"): chrome wherever it stands, it closes what
  is open, and the chrome lines under it are judged by it;
- a marker line with text of its own (`3/ Text`), which no chrome rule can claim, under a line
  that is not "Keep Current with" (whose next line is an author's name) nor a head or emoji line
  (which could lead it); a `1/` only under another marker or strong chrome (under text, a
  listing's teaser may read it as its first post's number), and no marker whose next numbers a
  listing's line above reads (`split_point_teasers`). Such a line also ends what the lines
  above it can see below them: a chrome judgement stops at it, and the layout looks ahead only
  to the next structural line.

A run laid out from one anchor through the line of a marker anchor therefore makes the whole's
decisions, and the points where it starts afresh are points where the whole does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from .byte_source import ByteSource
from .chrome import is_chrome_candidate, is_one_line_header_shape, is_page_title_shape
from .chrome_blog import (
    credit_handles,
    handles_differ_across,
    handles_differ_at,
    opens_bylined_header,
)
from .chrome_context import is_link_back
from .chrome_headers import could_open_a_header
from .chrome_platforms import judged_across as platform_judged_across
from .chrome_rules import NAME_FOLLOWS
from .cut_off import is_cut_at_a_space
from .decoding import normalise_newlines, replace_invalid_utf8
from .events import PICTURE_END, Event
from .glued_pictures import holds_glued_marker
from .layout_counts import CountingLayout
from .lines import read_line, read_structure
from .neighbours import Line, line_end, next_nonblank_line, previous_nonblank_line
from .old_twitter import is_read_whole, is_separator
from .pictures import ends_in_picture
from .split_point_lines import leads_across, separator_before_structure
from .split_point_teasers import (
    ANCHOR_CANDIDATE,
    past_first_under_teaser_head_line,
    teaser_numbered_first,
)
from .tables import PostColumns, SkippedLine, ThreadColumns
from .teaser_glued import opens_a_fraction
from .teaser_lines import is_date
from .teaser_openings import past_first_under_teaser_head
from .unroller_listing import in_listing
from .unroller_listing import judged_across as listing_judged_across

_RUN = 1 << 14
"""How far a layout run reaches, at least, before it ends at the next marker anchor."""
_REACH = 1 << 18
"""How far either side of the middle `safe_split` lays out text looking for a cut: the layout
of about twice this is added to a big file's time when it offers no cut (one long thread)."""
_WINDOW = 1 << 20
"""How far either side of the middle `split_unnormalised` looks for a cut."""
Credits = list[tuple[int, bytes]]
"""Where the lines shaped like an embed's credit stand, with their handles (`credit_handles`)."""
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_PROBE = 1 << 12
_STRONG_SAMPLE = "\u2022 \u2022 \u2022".encode()
"""A strong chrome line (the end marker `• • •`)."""


def safe_split(buf: ByteSource, near: float = 0.5, *, whole: bool = True) -> int | None:
    """A line start close to `near` of the buffer (within a quarter of it, after first) where
    parsing may begin afresh, or None. Without `whole`, `buf` is a stretch cut out of a source:
    what lies before its start and after its end is unknown, not absent."""
    middle, credits = int(len(buf) * near), credit_handles(buf)
    reach = min(len(buf) // 4, _REACH)
    for cut in fresh_points(buf, middle, middle + reach, whole=whole, credits=credits):
        if 0 < cut < len(buf):
            return cut
    # Before the middle: runs from further back each time, the nearest point kept.
    stop, span = middle, _RUN
    low = max(middle - reach, 0)
    while stop > low:
        start = max(low, stop - span)
        points = fresh_points(buf, start, stop, whole=whole, credits=credits)
        found = [cut for cut in points if 0 < cut < len(buf)]
        if found:
            return min(found, key=lambda cut: abs(cut - middle))
        stop, span = start, span * 2
    return None


def fresh_points(
    buf: ByteSource, start: int, stop: int, *, whole: bool = True, credits: Credits | None = None
) -> Iterator[int]:
    """The points where the layout of the source starts afresh, found by laying out runs from the
    first anchor at or after `start`, each through the line of a marker anchor at least `_RUN`
    bytes on (or to the end of a `whole` source; a stretch's end is no end, so there the next
    marker anchor serves), the next run beginning at that anchor, until a run would begin at
    or after `stop`. In order, some more than once. `credits`: `credit_handles(buf)`."""
    if is_read_whole(buf):
        return
    credits = credit_handles(buf) if credits is None else credits
    anchor = _next_anchor(buf, start, whole, ends_a_run=False)
    while anchor is not None and anchor < stop:
        last = _next_anchor(buf, anchor + _RUN, whole, ends_a_run=True)
        if last is None and not whole:  # a stretch's end is no end: a shorter run, if any
            last = _next_anchor(buf, anchor + 1, whole, ends_a_run=True)
            if last is None:
                return
        # The run takes in the line of the anchor it ends at: a restart there is decided by the
        # lines above it, and the anchor line does not look below itself.
        end = len(buf) if last is None else min(line_end(buf, last) + 1, len(buf))
        yield from run_fresh_points(
            buf, anchor, end, authors_checked=True, whole=whole, credits=credits
        )
        anchor = last


def run_fresh_points(
    buf: ByteSource,
    start: int,
    stop: int,
    *,
    authors_checked: bool = False,
    whole: bool = True,
    credits: Credits | None = None,
) -> list[int]:
    """Where the layout of `buf[start:stop]`, laid out alone, starts afresh (as positions in
    `buf`); the points at its very start and end are left out, and so are all of them in a
    conversation copied from twitter.com that only the whole page reads right (replies by
    others, the main tweet's header opening the page: `old_twitter.is_read_whole`).
    `authors_checked`: the caller knows `buf` is no such conversation. Without `whole`, `buf`
    is a stretch cut out of a source (see `safe_split`). No point lies between two credits of
    embedded tweets under different handles (`chrome_blog.handles_differ_across`); `credits`
    as for `fresh_points`."""
    if not authors_checked and is_read_whole(buf):
        return []
    part = bytearray(buf[start:stop])
    if replace_invalid_utf8(part)[1]:
        # Each part of a source has its invalid UTF-8 replaced on its own, which moves what
        # follows: a run that holds some claims no cut rather than map its points back.
        return []
    events, _ = read_structure(part, keep_texts=False)
    lines = [event.start for event in events if not event.start or part[event.start - 1] == 0x0A]
    layout = CountingLayout(part, 0, PostColumns(), ThreadColumns(), list[SkippedLine]())
    layout.fresh = []
    layout.build(events)
    # A cut is a line start: a point in the middle of a line (a marker glued to the post above)
    # has no column its line keeps, since closing blanked gaps may move that line's start.
    points = _in_source(
        buf,
        start,
        part,
        [point for point in layout.fresh if 0 < point < len(part) and part[point - 1] == 0x0A],
        [event.start for event in events if event.kind == PICTURE_END],
    )
    credits = credit_handles(buf) if credits is None and points else credits or []
    return [
        point
        for point in points
        if not _judged_across(buf, point, whole)
        and not handles_differ_across(credits, point)
        and not _glued_above_next_line(buf, start, point - start, lines)
    ]


def _in_source(
    buf: ByteSource, start: int, part: bytes | bytearray, points: list[int], picture_ends: list[int]
) -> list[int]:
    """The `points` of the laid out `part` (the bytes of `buf` from `start`) as positions in
    `buf`. Laying out moves text within a post over the blanks pictures' marks left, newlines
    with it (`blanked_gaps`), but every line keeps its number and its text its column: each
    point is found again by its line and column, but for a line that text moved onto from over
    a mark above it, with blanks, up to a picture's end after a number (`picture_ends`): there
    the number stays in the post's text and the blanks with it, which a part would not hold."""
    found: list[int] = []
    line, source_line = 0, start
    for point in sorted(points):
        while (newline := part.find(b"\n", line, point)) >= 0:
            line = newline + 1
            source_line = buf.find(b"\n", source_line) + 1
        if source_line - start == line or not _picture_end_on_line(part, picture_ends, line):
            found.append(source_line + point - line)
    return found


def _picture_end_on_line(part: bytes | bytearray, picture_ends: list[int], line: int) -> bool:
    """Is one of `picture_ends` (sorted) on the line of `part` starting at `line`?"""
    following = bisect_left(picture_ends, line)
    return following < len(picture_ends) and part.find(b"\n", line, picture_ends[following]) < 0


def _glued_above_next_line(buf: ByteSource, start: int, point: int, lines: list[int]) -> bool:
    """Is there a marker glued to `Image` mid-line between `point` and the next line of
    structure (`lines`: their starts in the part from `start`)? It is judged by the marker above
    it (`lines.holds_glued_marker`), which a part cut at `point` would not see."""
    following = bisect_left(lines, point)
    stop = lines[following] if following < len(lines) else len(buf) - start
    return holds_glued_marker(buf, start + point, start + stop)


def _judged_across(buf: ByteSource, point: int, whole: bool) -> bool:
    """Is a line next to `point` read by what lies on the other side of it? A line ending in
    `Image` is by the line under it (`pictures`), a link back to the source by whether any text
    follows it (`chrome_context.link_back_at_end`), a lone `-` or `·` by the lines on both
    sides and a run of them by the line of structure above it (`split_point_lines`),
    the start of a chrome line a space ends by whether it ends the text (`cut_off`), the lines
    around a blogging platform's byline, boxes and footers (`chrome_platforms`), a title
    over a byline or a bare date, and a bio over a length line, by whether the page starts there
    (`chrome_blog.bylined_headers`, `chrome.resolve_chrome`), a one-line page header or a page
    title likewise (`chrome._one_line_headers`, `chrome._page_titles`), a head or emoji line by
    the line of structure it may lead (`split_point_lines`), a teaser's first marker by the
    listing's line above it (`split_point_teasers`), twtext's list of other threads by the
    chrome above its heading (`unroller_listing`): a part cut there would not see them."""
    if platform_judged_across(buf, point, whole=whole) or listing_judged_across(
        buf, point, _shape, whole=whole
    ):
        return True
    above = previous_nonblank_line(buf, point)
    if above is not None and (
        ends_in_picture(buf, above)
        or is_separator(buf, above)
        or is_link_back(buf, above)
        or is_cut_at_a_space(buf, above)
    ):
        return True
    below = next_nonblank_line(buf, point - 1)
    return below is not None and (
        separator_before_structure(buf, below)
        or opens_bylined_header(buf, below)
        or is_one_line_header_shape(buf, below)
        or is_page_title_shape(buf, below)
        or is_date(buf, below)
        or could_open_a_header(buf, below)
        or (above is not None and leads_across(buf, above, below))
        or (above is not None and teaser_numbered_first(buf, above, below, whole))
        or past_first_under_teaser_head_line(buf, below)
    )


def _next_anchor(buf: ByteSource, pos: int, whole: bool, *, ends_a_run: bool) -> int | None:
    """The first anchor line at or after `pos` (only marker anchors where a run may end)."""
    if pos >= len(buf):
        return None
    if pos == 0 and is_anchor(buf, 0, whole=whole, ends_a_run=ends_a_run):
        return 0
    for found in ANCHOR_CANDIDATE.finditer(buf, max(pos - 1, 0)):
        line = found.start() + 1
        if is_anchor(buf, line, whole=whole, ends_a_run=ends_a_run):
            return line
    return None


def is_anchor(buf: ByteSource, line: int, *, whole: bool = True, ends_a_run: bool = False) -> bool:
    """Whether the line at `line` is an anchor (see the module's docstring); one where a run may
    end must be a marker line, since chrome is judged by the lines next to it."""
    end = line_end(buf, line)
    shape, marker = read_line(buf, line, end)
    if shape == "strong" and not ends_a_run:
        return not in_listing(buf, line, _shape, whole=whole)  # a page's title among teasers
    if marker is None or marker.text_start >= end or is_chrome_candidate(buf, line, end):
        return False
    if in_listing(buf, line, _shape, whole=whole):
        return False  # a teaser of another thread, under the footer (`unroller_listing`)
    above = previous_nonblank_line(buf, line)
    if not whole and _chrome_if_chrome_follows(buf, line, end, above):
        return False
    if above is None:
        # The first line of a source has nothing above it; a stretch's may have anything.
        return whole
    if NAME_FOLLOWS.fullmatch(buf, *above):
        return False
    shape, above_marker = read_line(buf, *above)
    if _teaser_text_perhaps(buf, line, marker, above):
        # A fraction (`1/2 cup of …`) is a teaser's text under the listing's line right above
        # it as under its text (`LayoutBuilder._lead_teaser_from`), and so is a number above 1
        # right under that line (`teaser_openings`): no part may start there.
        return False
    if above_marker is not None and _teaser_text_perhaps(
        buf, above[0], above_marker, previous_nonblank_line(buf, above[0])
    ):
        shape = None  # a teaser's text, perhaps (see above)
    if marker.number == 1 and shape not in ("marker", "strong"):
        # Under a listing's teaser text, `1/` is the first post's number, written at its end
        # (`LayoutBuilder._closes_teasers_first_post`), and the text after it an unnumbered
        # post; a fraction of any numerator (`2/3 of …`) is the teaser's text: the listing's
        # line may stand any number of lines above, out of a part's sight.
        return False
    return shape not in ("head", "emoji") and not teaser_numbered_first(
        buf, above, (line, end), whole
    )


def _shape(buf: ByteSource, line: Line) -> str | None:
    return read_line(buf, *line)[0]


def _teaser_text_perhaps(buf: ByteSource, line: int, marker: Event, above: Line | None) -> bool:
    """May the marker line at `line` (its `marker`) be a teaser's text: a fraction, or a number
    above 1 right under a line a teaser stands under (`above`, read by its shape as the layout
    reads it: `teaser_openings.past_first_under_teaser_head`)?"""
    return opens_a_fraction(buf, line, marker.text_start) or (
        above is not None and past_first_under_teaser_head(buf, line, marker.number)
    )


def _chrome_if_chrome_follows(buf: ByteSource, line: int, end: int, above: Line | None) -> bool:
    """Whether the line could be chrome if strong chrome came next: what follows a stretch is
    unknown, and a short line above strong chrome is chrome (see `chrome_context`). The probe
    keeps `_PROBE` bytes below the line: cutting it sooner only brings the strong line closer,
    which can make the line chrome, never less so."""
    first = line if above is None else above[0]
    probe = bytes(buf[first : end + _PROBE]) + b"\n" + _STRONG_SAMPLE
    return is_chrome_candidate(probe, line - first, end - first)


def split_unnormalised(raw: ByteSource, head: int = 0, near: float = 0.5) -> int | None:
    """`_split_window`, but for a cut between credits of embedded tweets under different
    handles anywhere in `raw`, which the window may not hold (`handles_differ_at`)."""
    cut = _split_window(raw, head, near)
    return None if cut is None or handles_differ_at(raw, cut) else cut


def _split_window(raw: ByteSource, head: int, near: float) -> int | None:
    """`safe_split` for UTF-8 bytes whose line ends are not normalised yet (`\r\n`, `\r`), after
    `head` bytes (a byte-order mark): where to cut `raw` so that each part, normalised on its
    own, parses as it does inside the whole. None when there is no such cut near `near` of it
    (the middle, by default).

    Only a window around the middle is normalised to look for the cut, then the cut is found
    again in `raw` by counting line breaks, so the parts can be normalised in parallel. The
    window starts and ends just after a `\n`, which no `\r\n` straddles.
    """
    middle = int(len(raw) * near)
    start = max(raw.rfind(b"\n", 0, max(middle - _WINDOW, 0)) + 1, head)
    stop = raw.find(b"\n", middle + _WINDOW) + 1 or len(raw)
    window = bytearray(raw[start:stop])
    normalised = normalise_newlines(window)
    cut = safe_split(normalised, whole=start == head and stop == len(raw))
    if cut is None or normalised is window:  # no `\r`: the window's positions are the raw ones
        return None if cut is None else start + cut
    # The cut is a line start in the window: the one after as many line breaks in `raw`.
    lines = normalised.count(b"\n", 0, cut)
    if not lines:
        return start
    for seen, line_break in enumerate(_LINE_BREAK.finditer(raw, start, stop), 1):
        if seen == lines:
            return line_break.end()
    return None  # unreachable: the window holds as many breaks as it has lines
