"""Whether `10/31` at a line start numbers a post or is a date (an `Event` of kind DATE).

A month and a day read exactly like a post number and a total. A line that opens with a date
(`10/31 was the deadline`) inside a thread would, read as a marker, number a post far ahead of
the thread and cut the post it belongs to. So such a pair numbers a post only where the thread
around it says it does:

- it is a first post (`1/15`);
- it follows the post before it (`4/15` after `3/`), or goes on from it with the same total
  (`7/20` after `5/20`, a post missing between);
- the next marker follows it the same way (a page that starts at `6/20`, then `7/20`).

Otherwise it is a line of text of the post above. A number above its total (`24/7`) numbers a
post only as the one after the post before it: `4/3` after `3/3`, when the author added a post
and did not change the totals.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .events import DATE, MARKER, Event, next_line

_TOTAL = re.compile(rb"[ \t]*(?:THREAD|Thread|\xf0\x9f\xa7\xb5)?[ \t:.]*[(\[]?\d{1,4}/(\d{1,4})")


def date_numbers_post(
    buf: ByteSource, events: list[Event], index: int, last_number: int, marker_line: int
) -> tuple[bool, int]:
    """Whether the DATE `events[index]` numbers a post, after a post numbered `last_number`
    whose marker line starts at `marker_line` (-1: none); and how far the answer read below
    the line (the start of the next marker, or the line's own start)."""
    line = events[index]
    total = _total(buf, line.start)
    if line.number == last_number + 1 and last_number:
        return True, line.start
    if total < line.number:
        return False, line.start  # `4/3` only where the author added a post: after `3/3`
    if line.number == 1:
        return True, line.start
    # Only a number that continues the thread may be judged by the marker above: at a restart
    # the layout starts afresh, and a source cut there must read the line the same way.
    if 0 < last_number < line.number and marker_line >= 0 and _total(buf, marker_line) == total:
        return True, line.start
    following = next_line(events, index + 1)
    if following is None or following.kind not in (MARKER, DATE):
        return False, line.start if following is None else following.start
    continues = following.number == line.number + 1 or _total(buf, following.start) == total
    return continues, following.start + 1


def _total(buf: ByteSource, start: int) -> int:
    """The total of the marker at the line starting at `start` (0 when it has none)."""
    match = _TOTAL.match(buf, start)
    return int(match[1]) if match is not None else 0
