"""Posts numbered like a list: `4. Text`, `5) Text`, in a run of lines nothing else numbers.

`1.` and `1)` mostly number the items of a list inside one post, and there they must stay text.
Some authors number their posts that way too; copied from a page, such a thread arrives as one
unnumbered run of lines, one post per line. Only the numbers themselves can tell the two apart,
so they count as post numbers only on evidence a list inside one post cannot give:

- they rise, two of them at least, and
- they skip a number (`4.`, `5.`, `6.`, `8.`: a list never skips, a copied thread misses the
  posts that were only a picture), or the numbered lines alone hold more text than one post of
  280 characters could.

Without that evidence the run stays one post, its list whole. A list restarting among posts
numbered this way is a list inside one of them (see `list_numbers`). This is asked only of a
run that no marker follows: lines above `1/` or `2/` are that thread's first post, list or not.
`1\\.` (a Markdown list number escaped) and `1.5` are not numbers of this kind at all.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .byte_source import ByteSource

# A list number at a line start, with some text after it on the line.
_NUMBERED_LINE = re.compile(rb"\n[ \t]*(\d{1,3})[.)][ \t]+(?=[^ \t\n])")
_ONE_POST = 280
"""The characters one post holds (the classic limit, which most threads keep to)."""
_CONTINUATION = re.compile(rb"[\x80-\xbf]")


class NumberedLine(NamedTuple):
    """A line that opens a post with its list number."""

    start: int
    """Where the line starts."""
    text_start: int
    """Where its text begins, after the number."""
    number: int


def list_numbers(buf: ByteSource, start: int, stop: int) -> list[NumberedLine]:
    """The lines of `buf[start:stop]` (a run that starts at a line start) that open posts with
    a list number, or [] when the run is not numbered that way."""
    # The run's first line has a newline before it, or is the start of the buffer.
    search_from = start - 1 if start > 0 else start
    found: list[NumberedLine] = []
    if start == 0:
        first = _NUMBERED_LINE.match(b"\n" + bytes(buf[: min(stop, 256)]))
        if first is not None:
            found.append(NumberedLine(0, first.end() - 1, int(first[1])))
    # A number not above the last post's (`1.` again after `3.`) starts a list inside the post
    # it stands in, and the numbers that go on from it (`2.`, `3.` …) are its items, even above
    # the last post's number: the page gives no sign of a new thread there (no chrome, no `1/`),
    # and a list restarting is what a post holding a list looks like. Read as a thread, it would
    # cut that post in two on the weakest evidence.
    inner = 0
    """The last item of such a list, or 0."""
    for match in _NUMBERED_LINE.finditer(buf, search_from, stop):
        number = int(match[1])
        if not number:
            continue
        if inner and number == inner + 1:
            inner = number
        elif not found or number > found[-1].number:
            found.append(NumberedLine(match.start() + 1, match.end(), number))
            inner = 0
        else:
            inner = number
    found = [line for line in found if line.number]
    if len(found) < 2 or not _posts_not_items(buf, found, stop):
        return []
    return found


def _posts_not_items(buf: ByteSource, lines: list[NumberedLine], stop: int) -> bool:
    numbers = [line.number for line in lines]
    if numbers[-1] - numbers[0] + 1 > len(numbers):
        return True  # a number skipped
    characters = 0
    for line in lines:
        end = buf.find(b"\n", line.text_start, stop)
        end = stop if end < 0 else end
        text = bytes(buf[line.text_start : end])
        characters += len(text) - len(_CONTINUATION.findall(text))
    return characters > _ONE_POST
