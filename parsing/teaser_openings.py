"""How a number with a total reads when it opens a listing's teaser right under its date line
(`Apr 21 • 3 tweets • 1 min read`, or a bare `Apr 21` on an older page).

A teaser shows its thread from its first post, so the only number that can open it is post 1's:
a number above 1 right under a line a teaser stands under (`3/4 Of the moorings …`, `(3/4) Of …`,
`3/ Of …`) is the teaser's text, whatever its shape and whatever case follows it
(`past_first_under_teaser_head`, the one statement of it the layout, the chrome rules and the
split points read). Where the date line declares the thread's length (`N tweets`), `1/N` is
the first post's number and total, whatever case its text opens in (`1/3 so here is why …`,
`read_teaser_openings`); `1/n` (`1/x`, `1/?`) counts nothing and is a number anyway. Otherwise
the number reads as under any teaser text (`teaser_glued.opens_a_fraction`: lower case after a
total of digits runs on from a fraction, `1/4 of the towpath …` under `6 tweets`).

So under a bare date, which declares no length, `1/3 so here is why …` is the teaser's text
unless the next line of structure numbers post 2 (`2/3 it left …`,
`layout_openings._numbered_on`). That is the reading that loses nothing when the evidence is
one line: as text the line stays whole in the teaser's one post, `1/3` where the author wrote
it; as a number, a fraction the sentence opens with (`1/3 so much flour …`) would lose its
first word to the post's number, and the total, which a post does not keep, would be gone.
A teaser of one post has no missing posts either way.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from .byte_source import ByteSource
from .events import DATE, MARKER, TEASER_EDGE, Event
from .neighbours import Line, previous_nonblank_line
from .teaser_glued import opens_a_fraction
from .teaser_lines import heads_a_teaser

_DECLARED = re.compile(rb"(?<![\w])(?<!Read )(\d{1,4}) tweets?\b")
"""A length a line between teasers declares (`3 tweets`); `Read 3 tweets` closes the teaser
above it, declaring nothing of the one under it."""
_FIRST_OF = re.compile(rb"(?:[ \t]*\n)*[ \t]*1/(\d{1,3})[ \t]")
"""Past blank lines, a line opening with `1/` and a total."""


def past_first_under_teaser_head(buf: ByteSource, start: int, number: int) -> bool:
    """Is the number marker at the line `start`, numbering post `number`, a teaser's text: a
    number above 1 right under a line with the shape of one a teaser stands under
    (`teaser_lines.heads_a_teaser`: a bare date, a date or length line, a listing's heading)?
    The shape alone decides, so a part of a big file reads it as the whole does. A post's text
    may end in such a line (`We met on` / `May 28` above `2/ It rained …`): the layout drops
    the marker only under a line the chrome rules made a listing's edge
    (`read_teaser_openings`), and the split points, which cannot see that, offer no cut under
    any such line, which costs a cut, never a post. The two cannot be one reading: whether a
    line is a listing's edge is read from the lines under it too (`Read 2 tweets` over `2/ …`
    is one only with a teaser under it), which a part ending there lacks; and the shape alone,
    read by the layout as well, would merge the post a date line ends into the next one."""
    if number < 2:
        return False
    above = previous_nonblank_line(buf, start)
    return above is not None and heads_a_teaser(buf, above)


def read_teaser_openings(
    buf: ByteSource, events: list[Event], numbers: Mapping[Line, int]
) -> list[Event]:
    """`events` (read before the chrome is blanked) with the number opening each teaser right
    under a line between teasers (those `numbers` gives `TEASER_EDGE`) read as the module says:
    a number above 1 is no line of structure but the teaser's text
    (`past_first_under_teaser_head`), and each `1/N` marker under a line that declares N tweets
    is marked as opening its thread (`Event.opens`): post 1's number, never a fraction, whatever
    case follows it. Only those few lines are read: a thread page has none."""
    text_lines: set[int] = set()
    for start, _ in sorted(line for line, number in numbers.items() if number == TEASER_EDGE):
        at = bisect_left(events, (start,)) + 1
        if at >= len(events) or events[at].kind not in (MARKER, DATE):
            continue
        opening = events[at]
        above = previous_nonblank_line(buf, opening.start)
        if above is None or above[0] != start:
            continue  # text between the two lines
        if past_first_under_teaser_head(buf, opening.start, opening.number):
            text_lines.add(opening.start)
            continue
        if opening.kind != MARKER or opening.number != 1:
            continue
        first = _FIRST_OF.match(buf, above[1] + 1)
        if first is not None and int(first[1]) in {
            int(count[1]) for count in _DECLARED.finditer(buf, *above)
        }:
            events[at] = opening._replace(opens=True)
    if not text_lines:
        return events
    return [
        event
        for event in events
        if event.start not in text_lines or event.kind not in (MARKER, DATE)
    ]


def marker_between(
    buf: ByteSource,
    events: Sequence[tuple[int, int, int, int, bool]],
    marker: int,
    span: tuple[int, int],
) -> bool:
    """Is there a number marker (an event of kind `marker`) in `buf[span[0]:span[1]]`? A
    fraction opening a teaser's line (`1/3 of the dough`) is the teaser's text, no post's
    number (`teaser_glued`), and so is a number above 1 right under a date line
    (`past_first_under_teaser_head`)."""
    at = bisect_left(events, (span[0],))
    while at < len(events) and events[at][0] < span[1]:
        line, kind, number, text_at, _ = events[at]
        if (
            kind == marker
            and not opens_a_fraction(buf, line, text_at)
            and not past_first_under_teaser_head(buf, line, number)
        ):
            return True
        at += 1
    return False
