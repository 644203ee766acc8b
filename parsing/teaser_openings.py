"""How a number with a total reads when it opens a listing's teaser right under its date line
(`Apr 21 • 3 tweets • 1 min read`, or a bare `Apr 21` on an older page).

A teaser shows its thread from its first post, so the only number that can open it is post 1's:
a numerator above 1 (`3/4 Of the moorings …`) is the teaser's text, whatever case follows it
(`opens_past_first`). Where the date line declares the thread's length (`N tweets`), `1/N` is
the first post's number and total, whatever case its text opens in (`1/3 so here is why …`,
`declared_first_posts`); `1/n` (`1/x`, `1/?`) counts nothing and is a number anyway. Otherwise
the number reads as under any teaser text (`teaser_glued.opens_a_fraction`: lower case after a
total of digits runs on from a fraction, `1/4 of the towpath …` under `6 tweets`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from .byte_source import ByteSource
from .events import MARKER, TEASER_EDGE, Event
from .neighbours import Line, previous_nonblank_line
from .teaser_glued import opens_a_fraction

_PAST_FIRST = re.compile(rb"[ \t]*0*(?:[2-9]\d{0,2}|1\d{1,2})/(?:\d{1,3}|[nNxX?])[ \t]")
"""A number above 1 with its total opening a line."""
_DECLARED = re.compile(rb"(?<![\w])(?<!Read )(\d{1,4}) tweets?\b")
"""A length a line between teasers declares (`3 tweets`); `Read 3 tweets` closes the teaser
above it, declaring nothing of the one under it."""
_FIRST_OF = re.compile(rb"(?:[ \t]*\n)*[ \t]*1/(\d{1,3})[ \t]")
"""Past blank lines, a line opening with `1/` and a total."""


def opens_past_first(buf: ByteSource, start: int, text_at: int) -> bool:
    """Does the number marker from `start`, its text at `text_at`, number a post above the
    first, with a total (`3/4 Of …`)? Right under a teaser's date line, it is the teaser's
    text (see the module's docstring)."""
    return _PAST_FIRST.match(buf, start, text_at + 1) is not None


def declared_first_posts(
    buf: ByteSource, events: list[Event], numbers: Mapping[Line, int]
) -> list[Event]:
    """`events` (read before the chrome is blanked) with each `1/N` marker right under a line
    between teasers (those `numbers` gives `TEASER_EDGE`) that declares N tweets marked as
    opening its thread (`Event.opens`): post 1's number, never a fraction, whatever case
    follows it. Only those few lines are read: a thread page has none."""
    for start, _ in sorted(line for line, number in numbers.items() if number == TEASER_EDGE):
        at = bisect_left(events, (start,)) + 1
        if at >= len(events) or events[at].kind != MARKER or events[at].number != 1:
            continue
        end = buf.find(b"\n", start)  # a marker follows: the line ends in one
        first = _FIRST_OF.match(buf, end + 1)
        if first is None or buf.rfind(b"\n", 0, first.end()) + 1 != events[at].start:
            continue  # text between the two lines
        if int(first[1]) in {int(count[1]) for count in _DECLARED.finditer(buf, start, end)}:
            events[at] = events[at]._replace(opens=True)
    return events


def marker_between(
    buf: ByteSource,
    events: Sequence[tuple[int, int, int, int, bool]],
    marker: int,
    span: tuple[int, int],
    dates: list[Line],
) -> bool:
    """Is there a number marker (an event of kind `marker`) in `buf[span[0]:span[1]]`? A
    fraction opening a teaser's line (`1/3 of the dough`) is the teaser's text, no post's
    number (`teaser_glued`), and so is a number above 1 right under one of the `dates`
    (`3/4 Of …`, see the module's docstring)."""
    at = bisect_left(events, (span[0],))
    while at < len(events) and events[at][0] < span[1]:
        line, kind, _, text_at, _ = events[at]
        if kind == marker and not opens_a_fraction(buf, line, text_at):
            if not opens_past_first(buf, line, text_at):
                return True
            above = previous_nonblank_line(buf, line)
            found = len(dates) if above is None else bisect_left(dates, above)
            if found == len(dates) or dates[found] != above:
                return True
        at += 1
    return False
