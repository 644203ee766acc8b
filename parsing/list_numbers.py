"""Posts numbered like a list: `4. Text`, `5) Text`, in a run of lines nothing else numbers.

`1.` and `1)` mostly number the items of a list inside one post, and there they must stay text.
Some authors number their posts that way too; copied from a page, such a thread arrives as one
unnumbered run of lines, one post per line. Only the numbers themselves can tell the two apart,
so they count as post numbers only on evidence a list inside one post cannot give:

- they rise, two of them at least, and
- they skip a number (`4.`, `5.`, `6.`, `8.`: a list never skips, a copied thread misses the
  posts that were only a picture), or the numbered lines alone hold more text than one post of
  280 characters could.

Without that evidence the run stays one post, its list whole. A skip is no evidence where the
numbers skipped stand inside the lines between (`1. … 2. … 3. …`, then `4.` at the next line's
start): the list runs on inside its lines, a copy breaking them where a post ended, and its
numbers at line starts are items like the others, not post numbers (the run stays one post).
A list restarting among posts numbered this way is a list inside one of them (see
`list_numbers`). This is asked only of a run that no marker follows: lines above `1/` or `2/`
are that thread's first post, list or not. `1\\.` (a Markdown list number escaped) and `1.5`
are not numbers of this kind at all.

On an unroller's page the page itself gives more evidence (`framed`): the text right under its
header, or a page's text from its start down to the unroller's footer, is one thread from its
first post. There, `1.` opening that first line, with the next numbers rising by one, is the
thread's numbering when each number opens a block the way the page prints posts: a paragraph of
its own (a blank line above it), or, where no number opens one, each numbered line alone, every
line of the run numbered. A list inside one post has a lead-in sentence above its `1.` or text
under its last item with no blank line between, and then stays whole; a thread whose first post
is nothing but a list set out in paragraphs would be cut into its items, text kept.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from .byte_source import ByteSource
from .emoji_bytes import EMOJI_CHAR

# A list number at a line start, with some text after it on the line. A post that replies to
# someone opens with their handles, which the platform puts before the author's words
# (`@Quay 4) Text`): the number after them is the line's own, not an item inside its text. The
# handles are the post's text, so such a post's text starts at its line start, number and all:
# the reading that loses nothing. An author may tag each post with emoji glued to its number
# (`📮🇬🇧2. Text`): the tag is the post's text as well, kept from the line start alike.
_NUMBERED_LINE = re.compile(
    rb"\n[ \t]*(?P<replying>(?:@\w{1,15}[ \t]+){1,3}|(?:"
    + EMOJI_CHAR
    + rb"){1,8})?(\d{1,3})[.)][ \t]+(?=[^ \t\n])"
)
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


def list_numbers(
    buf: ByteSource, start: int, stop: int, *, framed: bool = False
) -> list[NumberedLine]:
    """The lines of `buf[start:stop]` (a run that starts at a line start) that open posts with
    a list number, or [] when the run is not numbered that way. `framed`: the run is a thread's
    text as an unroller's page bounds it (see the module's text)."""
    # The run's first line has a newline before it, or is the start of the buffer.
    search_from = start - 1 if start > 0 else start
    found: list[NumberedLine] = []
    if start == 0:
        first = _NUMBERED_LINE.match(b"\n" + bytes(buf[: min(stop, 256)]))
        if first is not None:
            found.append(NumberedLine(0, _text_start(first) - 1, int(first[2])))
    # A number not above the last post's (`1.` again after `3.`) starts a list inside the post
    # it stands in, and the numbers that go on from it (`2.`, `3.` …) are its items, even above
    # the last post's number: the page gives no sign of a new thread there (no chrome, no `1/`),
    # and a list restarting is what a post holding a list looks like. Read as a thread, it would
    # cut that post in two on the weakest evidence.
    inner = 0
    """The last item of such a list, or 0."""
    for match in _NUMBERED_LINE.finditer(buf, search_from, stop):
        number = int(match[2])
        if not number:
            continue
        if inner and number == inner + 1:
            inner = number
        elif not found or number > found[-1].number:
            found.append(NumberedLine(match.start() + 1, _text_start(match), number))
            inner = 0
        else:
            inner = number
    found = [line for line in found if line.number]
    if len(found) < 2:
        return []
    if framed and _numbers_the_page_thread(buf, found, start, stop):
        return found
    if not _posts_not_items(buf, found, stop):
        return []
    return found


def _text_start(match: re.Match[bytes]) -> int:
    """Where a numbered line's text starts: after its number, or at the handles or the emoji
    tag it opens with."""
    replying = match.start("replying")
    return match.end() if replying < 0 else replying


def _numbers_the_page_thread(
    buf: ByteSource, lines: list[NumberedLine], start: int, stop: int
) -> bool:
    """Whether `lines`, in a run the page bounds as one thread, number its posts: `1.` opens
    the run, the numbers rise by one, and each opens a paragraph or every line is numbered."""
    if lines[0].start != start or lines[0].number != 1:
        return False
    if any(below.number != above.number + 1 for above, below in pairwise(lines)):
        return False
    if all(_blank_line_above(buf, line.start) for line in lines[1:]):
        return True
    ends = [line.start for line in lines[1:]] + [stop]
    return all(
        not bytes(buf[_line_stop(buf, line.text_start, end) : end]).strip()
        for line, end in zip(lines, ends, strict=True)
    )


def _blank_line_above(buf: ByteSource, line_start: int) -> bool:
    """Whether the line above the one at `line_start` holds only blanks."""
    above_end = line_start - 1
    above_start = buf.rfind(b"\n", 0, above_end) + 1
    return above_end > 0 and not bytes(buf[above_start:above_end]).strip()


def _line_stop(buf: ByteSource, at: int, stop: int) -> int:
    end = buf.find(b"\n", at, stop)
    return stop if end < 0 else end


def _posts_not_items(buf: ByteSource, lines: list[NumberedLine], stop: int) -> bool:
    numbers = [line.number for line in lines]
    if _numbered_inside_lines(buf, lines):
        return False
    if numbers[-1] - numbers[0] + 1 > len(numbers):
        return True  # a number skipped
    characters = 0
    for line in lines:
        end = buf.find(b"\n", line.text_start, stop)
        end = stop if end < 0 else end
        text = bytes(buf[line.text_start : end])
        characters += len(text) - len(_CONTINUATION.findall(text))
    return characters > _ONE_POST


def _numbered_inside_lines(buf: ByteSource, lines: list[NumberedLine]) -> bool:
    """Whether the numbers skipped between two of the `lines` all stand, in order, inside the
    text between them as list numbers (`… 2. Then …`): one list numbered on mid-line."""
    for above, below in pairwise(lines):
        if below.number == above.number + 1:
            continue
        at = above.text_start
        for number in range(above.number + 1, below.number):
            item = re.compile(rb"(?<=[ \t])" + str(number).encode() + rb"[.)][ \t]+(?=[^ \t\n])")
            found = item.search(buf, at, below.start)
            if found is None:
                break
            at = found.end()
        else:
            return True
    return False
