"""The credit under a tweet a blog embeds, run into the tweet's last line: `… the weir is
full. pic.twitter.com/Ab12Cd — Ada Reed (@adareed) March 3, 2020`.

A blog embeds a tweet with the markup the platform hands out: the tweet's paragraph, then the
credit (`— Name (@handle)` and the date, linked to the tweet). Where the script that draws the
embed did not run, a copy shows the credit on the line under the tweet (a `PASS` line, see
`chrome_blog.embed_ends`). A copy or a converter that loses the paragraph's break runs the credit
into the tweet's last line, with or without a blank before the dash. Such a credit ends the tweet
as the line under it would: it becomes a `PASS` event of no length at its line's end (the line
stays the post's, so no skipped line), its bytes are blanked out of the post, and its text is
kept (see `Source.credits`) for the thread's author, handle and date.

Only the embed's whole shape counts: the dash, a name, the handle in brackets and a date with
its year, ending the line. A tweet that quotes someone (`— Ada Reed (@adareed)`, no date) or
names a credit's shape mid-line keeps its words.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .chrome_blog import MONTH, embed_ends
from .events import CHROME, PASS, Event
from .neighbours import Line

_CUE = re.compile(rb"\(@\w{1,15}\)[ \t]+[A-Z]")
"""The handle in brackets before a date: a credit is looked for only on the lines that hold
one (a search from its literal start, faster than `find` of the two bytes)."""
_CREDIT = re.compile(
    rb"[ \t]*\xe2\x80\x94[ \t]?(?:(?!\xe2\x80\x94)[^\n]){1,60}?[ \t]\(@\w{1,15}\)[ \t]+"
    + MONTH.encode()
    + rb" \d{1,2}, \d{4}[ \t.]*\Z"
)
"""A credit ending its line: no dash inside the name, so it starts at the last dash before the
handle (a dash in the tweet's text stays the tweet's)."""


def credits_at_line_ends(buf: ByteSource) -> list[tuple[int, Line]]:
    """The credits (their start, with the blanks before the dash, and their line's end) that
    end a line with text before them, each with its line's start."""
    found: list[tuple[int, Line]] = []
    cue = _CUE.search(buf)
    while cue is not None:
        start = buf.rfind(b"\n", 0, cue.start()) + 1
        end = buf.find(b"\n", cue.start())
        end = len(buf) if end < 0 else end
        credit = _CREDIT.search(buf, start, end)
        if credit is not None and bytes(buf[start : credit.start()]).strip():
            found.append((start, (credit.start(), end)))
        cue = _CUE.search(buf, end)
    return found


def with_credits(buf: bytearray, events: list[Event]) -> tuple[list[Event], dict[int, str]]:
    """`events` with a `PASS` event of no length at the end of each line a credit ends
    (`credits_at_line_ends`) that is no chrome line, numbered as the line under a tweet would
    be (`embed_ends`, over
    those lines and the credits in file order, so a credit under another handle's tweet reads
    as on a line of its own); the credits blanked in `buf`, and their texts by their events'
    starts."""
    found = credits_at_line_ends(buf)  # one search of the buffer: most copies hold no credit
    if not found:
        return events, {}
    chrome = {event[0] for event in events if event[1] in (CHROME, PASS)}  # [0]: start, [1]: kind
    credits = [credit for start, credit in found if start not in chrome]
    if not credits:
        return events, {}
    passing = [(event.start, event.text_start) for event in events if event.kind == PASS]
    numbers = embed_ends(buf, passing + credits)
    merged = [
        event._replace(number=numbers[(event.start, event.text_start)])
        if event.kind == PASS and (event.start, event.text_start) in numbers
        else event
        for event in events
    ]
    texts: dict[int, str] = {}
    for start, end in credits:
        texts[end] = bytes(buf[start:end]).decode("utf-8", "replace").strip()
        merged.append(Event(end, PASS, numbers[(start, end)], end, False))
        buf[start:end] = b" " * (end - start)
    merged.sort()
    return merged, texts
