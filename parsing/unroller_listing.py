"""The list of other threads twtext and twunroll print under a thread's footer.

Under the thread, these pages print the footer (`You can follow @x.`, then the tip naming
their bot), then `Latest Threads Unrolled:` and a list of threads other people had unrolled:
each a teaser of another thread's first words, perhaps its author's name or handle. None of it
is the thread's, nor a thread of the page's: only links to other pages.

So the lines under that heading are chrome when the heading stands in the chrome under a thread
(the line above it is chrome by its own words, or ends the tip wrapped over several lines,
`wrapped_tips`): the list runs to the next strong chrome line
(the site's cookie notice) that is no teaser's (another page's title), or to the end of the
text, or `REACH` bytes down, whichever comes first. A list that runs into another page's footer
(`You can follow @y.`) has another page's thread above that footer, pasted under the list with
no title: the list ends at the widest run of blank lines under the heading (where the paste
began), the first of those as wide, so that nothing of that thread is lost to the list; where
no blank line stands between, nothing under the heading is the list's (every real copy seen
lost the list's items). A heading opening the text (a copy that
put the page's side column first) lists nothing this rule can bound: the thread may follow it
at once, so the rule leaves it alone.

A split point must see the list as the whole does: a line inside it is no anchor
(`in_listing`), while the strong line that ends it still is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .byte_source import ByteSource
from .neighbours import Line, next_nonblank_line, previous_nonblank_line
from .unroller_phrases import FOLLOW
from .wrapped_tips import ends_wrapped_tip

HEADING_WORDS = b"Latest Threads Unrolled"
_HEADING = re.compile(rb"[ \t]*Latest Threads Unrolled:?[ \t.]*")
_TITLE = re.compile(rb"[ \t]*Thread by @\w{1,15}[,:] ")
"""The start of another page's title (`Thread by @x, <first words> [...]`): strong chrome, but
a teaser's words as the list shows them, so no end of the list, unless it stands over its
thread (`_opens_a_page`)."""
_TITLE_WORDS = re.compile(
    rb"[ \t]*Thread by @\w{1,15}[,:] (?P<words>[^\n]{1,200}?)[ \t]*"
    rb"\[(?:\.\.\.|\xe2\x80\xa6)\][ \t]*"
)
_INDENT = re.compile(rb"[ \t]*")
_FOOTER = re.compile(rb"[ \t]*" + FOLLOW.encode() + rb"\.?[ \t]*")
"""The first line of an unroller page's footer, under the thread it closes."""
REACH = 1 << 14
"""Bytes under the heading the list may take: a few dozen teasers. Past it, text is read as
text again, so a page that goes on past a list this long loses no thread to it."""


def listed_lines(
    buf: ByteSource, candidates: list[tuple[int, int, bool]], tips: Sequence[Line] = ()
) -> list[Line]:
    """The lines of each list under a heading among the chrome `candidates` (start, end,
    strong: the lines chrome by their shape, in file order) whose line above is one of them or
    of the `tips` wrapped over several lines."""
    headings = [
        (start, end)
        for start, end, strong in candidates
        if strong
        and buf.find(HEADING_WORDS, start, end) >= 0
        and _HEADING.fullmatch(buf, start, end) is not None
    ]
    if not headings:
        return []
    shaped = {(start, end) for start, end, _ in candidates}
    shaped.update(tips)
    ends = {(start, end) for start, end, strong in candidates if strong}
    found: list[Line] = []
    for heading in headings:
        above = previous_nonblank_line(buf, heading[0])
        if above is None or above not in shaped:
            continue
        limit = heading[1] + REACH
        listed: list[Line] = []
        line = next_nonblank_line(buf, heading[1])
        while (
            line is not None
            and (line not in ends or _is_teaser_title(buf, line))
            and (line[0] <= limit)
        ):
            listed.append(line)
            line = next_nonblank_line(buf, line[1])
        if line is not None and line[0] <= limit and _FOOTER.fullmatch(buf, *line):
            listed = _above_widest_gap(buf, heading, listed)
        found += listed
    return found


def _above_widest_gap(buf: ByteSource, heading: Line, listed: list[Line]) -> list[Line]:
    """The `listed` lines above the widest run of blank lines under `heading` (the first of
    those as wide)."""
    widest, kept = -1, 0
    above = heading
    for count, line in enumerate(listed):
        blanks = bytes(buf[above[1] : line[0]]).count(b"\n")
        if blanks > widest:
            widest, kept = blanks, count
        above = line
    return listed[:kept]


def heading_above(buf: ByteSource, start: int) -> Line | None:
    """The nearest heading of a list within `REACH` bytes above the line at `start`, if any."""
    at = buf.rfind(HEADING_WORDS, max(start - REACH - len(HEADING_WORDS), 0), start)
    while at >= 0:
        begin = buf.rfind(b"\n", 0, at) + 1
        end = buf.find(b"\n", at)
        end = len(buf) if end < 0 else end
        if end < start and _HEADING.fullmatch(buf, begin, end) is not None:
            return begin, end
        at = buf.rfind(HEADING_WORDS, max(start - REACH - len(HEADING_WORDS), 0), begin)
    return None


def in_listing(
    buf: ByteSource,
    start: int,
    shape_of: Callable[[ByteSource, Line], str | None],
    *,
    whole: bool = True,
) -> bool:
    """Is the line at `start` in a list `listed_lines` finds (`shape_of`: a line's shape by its
    own words, as `lines.read_line` reads it)? Asked where a part of a source may begin.
    Without `whole`, `buf` is a stretch cut out of a source: a heading opening it may stand
    under chrome, so it is taken to."""
    heading = heading_above(buf, start)
    if heading is None or start > heading[1] + REACH or shape_of(buf, heading) != "strong":
        return False
    above = previous_nonblank_line(buf, heading[0])
    if whole if above is None else not _chrome_above(buf, above, shape_of):
        return False
    line = next_nonblank_line(buf, heading[1])
    while line is not None and line[0] <= start:
        if shape_of(buf, line) == "strong" and not _is_teaser_title(buf, line):
            return False  # the list ended there
        line = next_nonblank_line(buf, line[1])
    return True


def _is_teaser_title(buf: ByteSource, line: Line) -> bool:
    """Is the strong `line` another page's title as the list shows it among its teasers?"""
    return _TITLE.match(buf, *line) is not None and not _opens_a_page(buf, line)


def _opens_a_page(buf: ByteSource, line: Line) -> bool:
    """Is `line` a saved page's title over its thread, the thread's first line opening with the
    title's words: another page pasted under the list, which ends there? A teaser's title
    stands over another teaser, whose words are another thread's."""
    title = _TITLE_WORDS.fullmatch(buf, *line)
    below = None if title is None else next_nonblank_line(buf, line[1])
    if title is None or below is None:
        return False
    start = _INDENT.match(buf, *below).end()  # type: ignore[union-attr]
    words = title["words"]
    return bytes(buf[start : start + len(words)]) == words


def judged_across(
    buf: ByteSource,
    point: int,
    shape_of: Callable[[ByteSource, Line], str | None],
    *,
    whole: bool = True,
) -> bool:
    """Would a part of the text cut at `point` (a line start) read a list otherwise than the
    whole does: its heading opening the part (the chrome above it, which makes the list, left
    in the part before), or a line of the list (its heading left there)? `whole`: as for
    `in_listing`."""
    below = next_nonblank_line(buf, point - 1)
    if below is not None and buf.find(HEADING_WORDS, *below) >= 0:
        above = previous_nonblank_line(buf, below[0])
        if (
            _HEADING.fullmatch(buf, *below) is not None
            and shape_of(buf, below) == "strong"
            and (not whole if above is None else _chrome_above(buf, above, shape_of))
        ):
            return True
    return in_listing(buf, point, shape_of, whole=whole)


_CHROME_SHAPES = ("strong", "weak")


def _chrome_above(
    buf: ByteSource, above: Line, shape_of: Callable[[ByteSource, Line], str | None]
) -> bool:
    """Is the line `above` a heading chrome that makes it a list's?"""
    return shape_of(buf, above) in _CHROME_SHAPES or ends_wrapped_tip(buf, above)
