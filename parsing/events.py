"""A line of structure (`Event`), its kinds, and the rules a number marker's number follows:
shared by the line scan (`lines`) and the markers glued to a picture mid-line
(`glued_pictures`)."""

from __future__ import annotations

import re
from typing import NamedTuple

MARKER, HEAD, EMOJI, CHROME, PASS, START, END, DATE, PICTURE_END = 1, 2, 3, 4, 5, 6, 7, 8, 9
"""The kinds of `Event`. `CHROME` ends the thread in progress; `PASS` is chrome the thread goes on
past (`old_twitter`). `START` is a post start a page's markup gave (`with_post_starts`; a thread
start with `opens`), not a line's shape. `END` is `end/` alone on a line. A DATE is a marker
that may be none: it reads as a month and day too (`10/31`), or its number is above its total
(`24/7`, or `4/3` where the author added a post). The layout decides which it is, by the thread
it stands in (see `layout_dates`). A `PICTURE_END` is no line: a picture's mark after a post's
number in the middle of a line, which may end that post there (`picture_ends`); rules that look
at the line under another pass over it (`next_line`)."""
TEASER_EDGE = 1
"""The `number` of a `CHROME` event that stands between two teasers of a listing (`Read N
tweets` under one, a date or length line above the next): a teaser starts under it, and the
text right above it is a teaser too."""
EMBED_END = 1
"""The `number` of a `PASS` event that a blog puts under a tweet it embeds (`— Name (@handle)
March 3, 2020`): it ends an embedded post of the thread (see `LayoutBuilder._end_preamble`)."""
EMBED_OTHER = 2
"""The `number` of a `PASS` event under a tweet a blog embeds whose handle is not the one under
the tweet embedded above it: a reply or a quoted tweet by someone else, which ends the thread
above rather than going on with it (see `LayoutBuilder._part_other_embed`)."""
EMBEDS = (EMBED_END, EMBED_OTHER)
"""The numbers of the `PASS` lines under embedded tweets."""
LISTING_HEAD = 2
"""The `number` of a `CHROME` event that heads a listing (`Most recents`, `More from @x`): a
teaser starts under it, but the text above it is the page's own, no teaser."""
UNROLLER_FOOTER = 3
"""The `number` of a `CHROME` event that twtext, twunroll or threader.app prints under the
thread (`You can follow @x.`): those unrollers print threads of standard tweets only."""
UNROLLER_HEADER = 4
"""The `number` of a `CHROME` event that is threader.app's one-line header over its thread."""
BARE_HEAD = re.compile(
    rb"[ \t]*(?:\[(?:THREAD|Thread)\]|THREAD|Thread|\xf0\x9f\xa7\xb5)[ \t:.\xf0\x9f\xa7\xb5]*"
)
"""A head line alone: `THREAD`, `Thread 🧵`, `🧵`, `[Thread]`, with no text of its own after it."""
_YEARS = range(1900, 2100)
"""A number that reads as a year is no post number: `2020/2021 was long`, `1999/ 2000`."""
_MONTHS = range(1, 13)
_DAYS = range(13, 32)
"""A day that cannot be a month: `3/4` is a fraction or a post number, `10/31` may be a date."""


class Event(NamedTuple):
    """A line that matters to the structure."""

    start: int
    """Where the line starts."""
    kind: int
    number: int = 0
    """A marker's post number."""
    text_start: int = 0
    """Where a marker's post text begins (after the marker and its spaces); a chrome line's end."""
    opens: bool = False
    """A marker after `THREAD` or 🧵 starts a thread whatever its number; a chrome line that
    opens a listing makes the dates under it chrome, up to the next marker; a `START` opens a
    thread (a listing's teaser the markup links to its own thread)."""


def numbered(number: str, total: str) -> bytes:
    """`2/`, `2/Text`, `2/5 `, `(2/5)`, `[2/4]`, `1/n`, `1/x`, `1/?`, `1/many`, `5/END`, with
    its number and total in the groups named (a total the author did not know yet is a letter,
    `?` or `many`; the last post's may be `END`). A total is only a total when whitespace or the
    line end follows it: `2/3rds` and `10/31/2020` are text; `many` and `END` only at the line
    end, where `1/many people` and `5/End of story` glued are text after a number."""
    return (
        rb"[(\[]?(?P<" + number.encode() + rb">\d{1,4})/"
        rb"(?:(?P<"
        + total.encode()
        + rb">\d{1,4}|[nNxX?]|(?:many|END|[Ee]nd)(?=[)\]]?[ \t]*(?:\n|\Z)))"
        rb"(?=[)\]]?(?:[ \t]|\n|\Z))|(?!\d))"
        rb"[)\]]?[ \t]*"
    )


def marker_event(
    start: int, value: int, total: bytes | None, text_start: int, opens: bool
) -> Event | None:
    """The event of a marker numbered `value` of `total` (as written, or None) at `start`, or
    None where the number is no post's (zero, a year). After `THREAD` or 🧵 (`opens`), `10/31`
    can only be a post number; elsewhere it may be a date (`DATE`)."""
    if total is None or not total.isdigit():
        valid, date = value and value not in _YEARS, False
    else:
        declared = int(total)
        valid = value > 0 and value not in _YEARS and (value <= declared or not opens)
        date = not opens and (value > declared or (value in _MONTHS and declared in _DAYS))
    if not valid:
        return None
    return Event(start, DATE if date else MARKER, value, text_start, opens)


def next_line(events: list[Event], index: int) -> Event | None:
    """The first event from `events[index]` on that is a line (no `PICTURE_END`), or None."""
    while index < len(events):
        event = events[index]
        if event[1] != PICTURE_END:  # [1]: the kind
            return event
        index += 1
    return None


def end_of_run(events: list[Event], index: int, number: int) -> int:
    """Where the run of plain posts from `events[index]` on ends, after a post numbered `number`:
    the index of the first event that is not a marker continuing the thread (a higher number,
    not after `THREAD`; a DATE only as the next number, see `layout_dates`). The one statement
    of that rule for both layouts."""
    total = len(events)
    while index < total:
        _, kind, next_number, _, opens = events[index]
        if (
            opens
            or next_number <= number
            or (kind != MARKER and (kind != DATE or next_number != number + 1))
        ):
            break
        number = next_number
        index += 1
    return index
