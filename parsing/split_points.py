"""Where a source may be cut in two so that each part parses exactly as it does inside the whole.

`threadline stats` lays out the two halves of a big file on two cores. Layout carries state from
line to line (the open post, the last number, lead lines, chrome judged by its neighbours), so a
cut is only allowed where that state is provably the fresh one. Two shapes guarantee it:

- the first non-blank line after *strong* chrome ("• • •", "… force a refresh", "Read all
  threads"): chrome closes the thread, and strong chrome needs no neighbour to be chrome. The line
  after it must not be chrome of any kind, so no neighbour judgement crosses the cut;
- a marker that restarts numbering (`1/`, `2/` after a higher number), with only plain text lines
  between it and the numbered post above: the restart rules alone decide where the old thread
  ends (at the marker, or where the new thread's unnumbered first post begins), and a part that
  starts there lays that first post out the same way.

Pages saved from Thread Reader App end each thread with chrome; bare copies number their posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from .byte_source import ByteSource
from .chrome import NAME_FOLLOWS, STRONG, is_chrome_candidate
from .decoding import normalise_newlines
from .lines import Event, line_end, read_line
from .neighbours import next_nonblank_line, previous_nonblank_line
from .thread_starts import first_post_start

_CANDIDATE = re.compile(
    rb"\n(?=[ \t]{0,3}(?:(?:THREAD|Thread|\xf0\x9f\xa7\xb5)[ \t]*[:.]?[ \t]*)?[(\[]?[12]/"
    rb"|[ \t]*(?:" + STRONG + rb")[ \t.]*(?:\n|\Z))"
)
_LOOK_BACK = 200
"""Plain lines a restart may follow; past that the cut is not worth proving."""
_WINDOW = 1 << 20
"""How far either side of the middle `split_unnormalised` looks for a cut."""
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def safe_split(buf: ByteSource, near: float = 0.5, *, whole: bool = True) -> int | None:
    """A line start close to `near` of the buffer (within a quarter of it, after first) where
    parsing may begin afresh, or None. Without `whole`, `buf` is a stretch cut out of a source:
    what lies before its start is unknown, not absent."""
    middle = int(len(buf) * near)
    quarter = len(buf) // 4
    after = _CANDIDATE.finditer(buf, middle, min(middle + quarter, len(buf)))
    for found in chain(after, _backwards(buf, max(middle - quarter, 0), middle)):
        cut = cut_at(buf, found.start() + 1, whole=whole)
        if cut is not None:
            return cut
    return None


def _backwards(buf: ByteSource, start: int, stop: int) -> Iterator[re.Match[bytes]]:
    """The candidates of `buf[start:stop]` from the last to the first, found a slice at a time
    from `stop` down, so that the one nearest `stop` comes without scanning the rest."""
    step = 1 << 16
    while stop > start:
        low = max(start, stop - step)
        yield from reversed(list(_CANDIDATE.finditer(buf, low, stop)))
        stop = low


def cut_at(buf: ByteSource, line: int, *, whole: bool = True) -> int | None:
    """Where to cut for the line starting at `line`, or None when no cut is provably safe there:
    after it (strong chrome), at it (a restart), or at the first post the restart takes from the
    lines above it."""
    end = line_end(buf, line)
    shape, marker = read_line(buf, line, end)
    if shape == "strong" and not NAME_FOLLOWS.fullmatch(buf, line, end):
        following = next_nonblank_line(buf, end)
        if following is not None and not is_chrome_candidate(buf, *following):
            return following[0]
        return None
    if marker is None or marker.text_start >= end or is_chrome_candidate(buf, line, end):
        return None  # a bare marker may number the text above it: not a clean restart
    above = _numbered_post_above(buf, line, whole)
    if above is None or marker.number > above.number:
        return None
    if marker.opens:
        return line
    continuation = min(line_end(buf, above.start) + 1, line)
    first = first_post_start(buf, continuation, line, guess_without_cue=marker.number == 2)
    return line if first is None else first


def _numbered_post_above(buf: ByteSource, line: int, whole: bool) -> Event | None:
    """The marker line of the post the line at `line` continues, when only plain text lines lie
    between them and the marker has text of its own (a plain numbered post); else None."""
    above = previous_nonblank_line(buf, line)
    for _ in range(_LOOK_BACK):
        if above is None or is_chrome_candidate(buf, *above):
            return None
        start, stop = above
        shape, marker = read_line(buf, start, stop)
        if shape is None:
            above = previous_nonblank_line(buf, start)
            continue
        if marker is None or marker.text_start >= stop:
            return None  # a head, an emoji lead, an invalid or a bare marker
        named = previous_nonblank_line(buf, start)
        if named is None and not whole:
            return None  # the line above is outside the stretch: it could be the one below
        if named is not None and NAME_FOLLOWS.fullmatch(buf, *named):
            return None  # the marker line is the author's name under "Keep Current with"
        return marker
    return None


def split_unnormalised(raw: ByteSource, head: int = 0) -> int | None:
    """`safe_split` for UTF-8 bytes whose line ends are not normalised yet (`\r\n`, `\r`), after
    `head` bytes (a byte-order mark): where to cut `raw` so that each part, normalised on its
    own, parses as it does inside the whole. None when there is no such cut near the middle.

    Only a window around the middle is normalised to look for the cut, then the cut is found
    again in `raw` by counting line breaks, so the parts can be normalised in parallel. The
    window starts and ends just after a `\n`, which no `\r\n` straddles.
    """
    middle = len(raw) // 2
    start = max(raw.rfind(b"\n", 0, max(middle - _WINDOW, 0)) + 1, head)
    stop = raw.find(b"\n", middle + _WINDOW) + 1 or len(raw)
    window = bytearray(raw[start:stop])
    normalised = normalise_newlines(window)
    cut = safe_split(normalised, whole=start == head)
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
