"""Lone separator lines (`-`, `·`) in text copied from old twitter.com: which are the page's and
which an author's own dividers (`dividers`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .byte_source import ByteSource
from .chrome_context import Structure
from .neighbours import Line, next_nonblank_line, previous_nonblank_line
from .pictures import is_marker_at


def dividers(
    buf: ByteSource,
    separators: Sequence[Line],
    chrome: set[Line],
    events: Sequence[Structure],
    marker: int,
) -> list[Line]:
    """The lone separator lines of `separators` that divide the text of a post: no chrome.

    twitter.com prints `·` (`-` in some copies) between a tweet's handle and its date: those
    are header lines (`conversation_lines`, in `chrome`). A copy also leaves lone separators
    around the tweets, and there they stand next to the other lines the page prints between
    tweets (a header, `Show this thread`, counts), or right above the number of the next tweet.
    People type a lone `-` as a divider in their own text too: read as chrome the thread goes
    on past, it would cut the post in two and make its second half a post of its own. So a lone
    separator is chrome only next to other `chrome` (blank lines aside), right above a number
    marker (the post ends there anyway: the `events` in order, of kind `marker`), at the end of
    the text, or in a run of lone separators outside a numbered post: a divider between
    paragraphs is one line, a run of them is what a copy keeps of a row of the page's links
    under a tweet, their words lost. Inside a post a number opens, the numbers mark where posts
    end, so the run is kept as its text rather than cut it in two. Any other is post text."""
    lone = set(separators)
    others = chrome - lone
    tops = _run_tops(buf, separators, lone)
    found = []
    for line in separators:
        below = next_nonblank_line(buf, line[1])
        above = previous_nonblank_line(buf, line[0])
        if below is None or below in others or is_marker_at(events, marker, below[0]):
            continue
        if above in others:
            continue
        in_run = below in lone or above in lone
        if in_run and not _in_numbered_post(tops[line], events, marker):
            continue
        found.append(line)
    return found


def _run_tops(buf: ByteSource, separators: Sequence[Line], lone: set[Line]) -> dict[Line, Line]:
    """Each lone separator's run's top line, found in one pass from the top down (a walk up
    from each line would read a run of n lines n times: thousands of `·` lines took minutes)."""
    tops: dict[Line, Line] = {}
    for line in sorted(separators):
        above = previous_nonblank_line(buf, line[0])
        tops[line] = tops[above] if above is not None and above in lone else line
    return tops


def _in_numbered_post(top: Line, events: Sequence[Structure], marker: int) -> bool:
    """Is the nearest line of structure above the run of lone separators whose top is `top` a
    number marker? (A part of a source starts at such a line, so it reads the run alike.)"""
    at = bisect_left(events, (top[0],))
    return at > 0 and events[at - 1][1] == marker
