"""Post and thread starts that a page's markup gives rather than its text: a clipping's
`data-tweet` tails (a post begins), a listing's teasers linked to their own threads (a thread
begins, `clipping_text`), and the posts a run of pictures' marks begins (`pictures`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .byte_source import ByteSource
from .events import START, Event
from .neighbours import line_end


def with_post_starts(
    buf: ByteSource,
    events: list[Event],
    lines: Sequence[int],
    thread_lines: Sequence[int] = (),
) -> list[Event]:
    """`events` with a `START` event at each of the 1-based `lines` where no other event is:
    a post begins there, as the page's markup said (a clipping's `data-tweet` tails); at each of
    `thread_lines` the `START` opens a thread (`Event.opens`: a listing's teaser)."""
    if not lines and not thread_lines:
        return events
    positions = _line_starts(buf, lines)
    events = with_starts_at(buf, events, positions) if positions else events
    threads = _line_starts(buf, thread_lines)
    return with_starts_at(buf, events, threads, opens=True) if threads else events


def _line_starts(buf: ByteSource, lines: Sequence[int]) -> list[int]:
    """Where each of the 1-based `lines` that `buf` holds starts, in order."""
    positions: list[int] = []
    line, pos = 1, 0
    for number in sorted(set(lines)):
        while line < number and pos >= 0:
            pos = buf.find(b"\n", pos)
            pos = pos + 1 if pos >= 0 else -1
            line += 1
        if pos < 0 or pos >= len(buf):
            break
        positions.append(pos)
    return positions


def with_starts_at(
    buf: ByteSource, events: list[Event], positions: Sequence[int], *, opens: bool = False
) -> list[Event]:
    """`events` with a `START` event at each of the line starts `positions` where no other
    event is: a post begins there (a thread, with `opens`)."""
    taken = {event[0] for event in events}
    starts = [
        Event(pos, START, 0, line_end(buf, pos), opens)
        for pos in sorted(set(positions))
        if pos not in taken
    ]
    return sorted(events + starts) if starts else events
