"""Blanks a blanked picture mark leaves inside a post's text, moved out of it.

A mark is blanked where it stands so that every line keeps its number (`pictures`,
`picture_runs`): the mark ending a line inside a post (`… at dawn. Image` / `The ferry …`), or a
line of marks alone inside a numbered post, would leave its bytes as blanks at that line's end,
in the post's text. Lines keep their numbers when text moves within the stretch up to the next
line of structure and no newline is added or dropped: so the text under such a line moves up
over the blanks, and the blanks go to the end of the stretch, right above that next line, where
a post's text ends (its trailing blanks are no text of it). Where that next line of structure
stands in the middle of a line (a marker a copy glued to the post above, a picture's end after
a number), the post's text ends on that line, before it: the blanks go there, and the start of
that line moves up with the text. No line of structure moves, nor any position known of one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .events import PICTURE_END

Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start first."""


def close_blanked_gaps(
    buf: bytearray, events: Sequence[Structure], line_ends: Sequence[int]
) -> None:
    """Move the blanks before each of `line_ends` (the ends of lines whose picture marks were
    blanked inside a post) to the end of the stretch of text under them (see the module's
    note). The gaps of one stretch close in one pass over it: a post with a picture on every
    line costs its length once, not once a line."""
    stretches: dict[int, list[tuple[int, int]]] = {}
    for end in sorted(set(line_ends)):
        if end >= len(buf) or buf[end] != 0x0A:
            continue  # the buffer's last line: nothing under it
        gap = end
        while gap > 0 and buf[gap - 1] in b" \t":
            gap -= 1
        if gap < end:
            following = bisect_right(events, (end, 1 << 62))
            stretches.setdefault(following, []).append((gap, end))
    for following, gaps in stretches.items():
        last = gaps[-1][1]
        if following < len(events):
            stop = _text_end_above(buf, events[following], last)
        else:
            # The buffer's last newline stays last, as it would under a line of structure
            # there: a part of a file read alone ends as the whole file's bytes do.
            stop = len(buf) - 1 if buf.endswith(b"\n") else len(buf)
        starts = [gap for gap, _ in gaps[1:]] + [stop]
        text = b"".join(buf[end:start] for (_, end), start in zip(gaps, starts, strict=True))
        width = sum(end - gap for gap, end in gaps)
        buf[gaps[0][0] : stop] = text + b" " * width


def _text_end_above(buf: bytearray, structure: Structure, low: int) -> int:
    """Where the text of the stretch from `low` ends above `structure`: the newline before its
    line; for one in the middle of a line (a marker a copy glued to the post above, a picture's
    mark after a number, `picture_ends`), where the text before it on that line ends. Bytes
    after that point do not move, nor the number a `PICTURE_END` follows."""
    start, kind, _, text_start, _ = structure
    if start and buf[start - 1] != 0x0A:
        return text_start if kind == PICTURE_END else start
    return buf.rfind(b"\n", low, start)
