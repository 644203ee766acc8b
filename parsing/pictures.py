"""`Image`: what a copied page shows where a post had a picture.

A copy of an unroller page puts `Image` where a post's picture was: on a line of its own, at the
end of the post's last line (`… this week. Image`), or glued to the next post's marker
(`Image2/ Text`, read as that marker by `lines`). None of it is post text:

- alone on its line between two posts (the next non-blank line is a number marker), it is
  chrome the thread goes on past. Between two paragraphs of one post it stays: cutting the post
  there would make its second half a post of its own. Next to other chrome it is chrome (a weak
  line, see `chrome`);
- at the end of a post's last line, after the end of a sentence, it is blanked out of the
  buffer, so the post ends before it and its line stays in the post.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from .byte_source import ByteSource
from .emoji_bytes import EMOJI_CHAR
from .neighbours import Line, next_nonblank_line, previous_nonblank_line

Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start and its kind first."""

# A clipping's `[image]` is the visible mark of a picture in a post (`clipping_text`): not here.
_ALONE = re.compile(rb"[ \t]*Image[ \t.]*")
_WORD = b"Image"
# What ends the sentence before a trailing `Image`: a full stop, `!`, `?`, `…`, a closing quote
# or bracket, an emoji. A word before it ("the Image", "the Café Image") leaves it text.
_SENTENCE_END = re.compile(
    rb"(?:[.!?)\]\"']|\xe2\x80\xa6|\xe2\x80\x9d|" + EMOJI_CHAR + rb")[ \t]*\Z"
)


def between_posts(
    buf: ByteSource, weak: Iterable[Line], events: Sequence[Structure], marker: int
) -> list[Line]:
    """The lone `Image` lines of `weak` whose next non-blank line is a number marker (the
    `events` of kind `marker`, in order), or that end the text."""
    found = []
    for line in weak:
        if not _ALONE.fullmatch(buf, *line):
            continue
        below = next_nonblank_line(buf, line[1])
        if below is None or is_marker_at(events, marker, below[0]):
            found.append(line)
    return found


def ends_in_picture(buf: ByteSource, line: Line) -> bool:
    """Does the line end with `Image`? A source is not cut under such a line: whether the
    picture is post text depends on the line under it."""
    start, end = line
    while end > start and buf[end - 1] in b" \t.":
        end -= 1
    return bytes(buf[max(start, end - len(_WORD)) : end]) == _WORD


def blank_trailing(buf: bytearray, under: Sequence[int]) -> None:
    """Blank a sentence's trailing `Image` on a line that ends a post: the last non-blank line
    above each line start of `under` (lines of structure: markers, chrome), and the buffer's
    last non-blank line."""
    spots = []
    for start in under:
        above = previous_nonblank_line(buf, start)
        if above is not None and buf.endswith(_WORD, *above):
            spots.append(above[1] - len(_WORD))
    last = last_nonblank_line(buf)
    if last is not None and buf.endswith(_WORD, *last):
        spots.append(last[1] - len(_WORD))
    for spot in spots:
        start = buf.rfind(b"\n", 0, spot) + 1
        if spot > start and _SENTENCE_END.search(buf, start, spot):
            buf[spot : spot + len(_WORD)] = b" " * len(_WORD)  # the line stays in the post


def may_end_in_picture(buf: ByteSource) -> bool:
    """Could the buffer's last non-blank line end with `Image` (a quick look at its tail)?"""
    return bytes(buf[-256:]).rstrip().endswith(_WORD)


def last_nonblank_line(buf: ByteSource) -> Line | None:
    """The buffer's last non-blank line, with or without a newline after it."""
    return previous_nonblank_line(buf, len(buf) + (buf[-1:] != b"\n"))


def is_marker_at(events: Sequence[Structure], marker: int, start: int) -> bool:
    """Is the line at `start` one of the `events` (in order) of kind `marker`?"""
    at = bisect_left(events, (start,))
    return at < len(events) and events[at][0] == start and events[at][1] == marker
