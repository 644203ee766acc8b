"""Posts numbered at their end: `… sanctions. 1/`, `… weaker. 2/…`, `… (3/8)`.

Some authors put the number after the text instead of before it. Copied from a Thread Reader
App page, such a thread has no line that starts with a marker, so it arrives as one unnumbered
run of lines. Inside such a run, lines that end in a marker whose numbers rise (from 1 or 2,
two of them at least) end the posts they number; text after the last one is an unnumbered post.
A lone number at a line end, or numbers that do not rise, stay text: dates (`on 10/31`) and
fractions end lines too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# A marker at the end of a line, after a space: `1/`, `2/…`, `3/8`, `(3/8)`, `[3/8]`, `4/n`,
# possibly followed by one more token (the link or emoji the author added after the number).
_TRAILER = re.compile(
    rb"[ \t][(\[]?(\d{1,3})/(\d{1,3}|[nN])?[)\]]?(?:\xe2\x80\xa6|\.\.\.)?"
    rb"(?:[ \t]+([^ \t\n]++))?[ \t]*$",
    re.MULTILINE,
)
# The same line end from its slash, with only a digit checked before it: a pattern that starts
# with a literal `/` is found by the engine's fast search, where `_TRAILER` is tried at every
# space of the run. `_TRAILER` then reads on from the few bytes before the first such slash of a
# line (any match of its own further left would have a slash found first).
_TRAILER_HINT = re.compile(
    rb"/(?<=\d/)(?:\d{1,3}|[nN])?[)\]]?(?:\xe2\x80\xa6|\.\.\.)?(?:[ \t]+[^ \t\n]++)?[ \t]*$",
    re.MULTILINE,
)
_BEFORE_SLASH = len(b" [123")
"""The most `_TRAILER` reads before the slash of its marker."""
_FIRST_NUMBERS = (1, 2)
# The token after a marker must look like a link or an emoji, not a word: `1/2 cup` is a recipe.
_LINK_OR_EMOJI = re.compile(rb"[./]|[\x80-\xff]")


class Trailer(NamedTuple):
    """A line that ends a post with its number."""

    text_end: int
    """Where the post's text ends: before the marker, unless a token follows the marker."""
    line_end: int
    number: int


def trailing_numbers(buf: bytes | bytearray, start: int, stop: int) -> list[Trailer]:
    """The lines of `buf[start:stop]` that end a post with a rising number, or [] when the
    run is not numbered that way."""
    trailers: list[Trailer] = []
    for match in line_end_markers(buf, start, stop):
        number, total = int(match[1]), match[2]
        if total is not None and total.isdigit() and int(total) < number:
            continue  # `24/7`: not a post number
        token = match[3]
        if token is not None and not _LINK_OR_EMOJI.search(token):
            continue
        previous = trailers[-1].number if trailers else 0
        if (not trailers and number in _FIRST_NUMBERS) or (trailers and number > previous):
            text_end = match.start() if match[3] is None else match.end()
            trailers.append(Trailer(text_end, match.end(), number))
    return trailers if len(trailers) >= 2 else []


def line_end_markers(buf: bytes | bytearray, start: int, stop: int) -> Iterator[re.Match[bytes]]:
    """What `_TRAILER.finditer(buf, start, stop)` finds, looking only where a slash hints at it."""
    for hint in _TRAILER_HINT.finditer(buf, start, stop):
        # From a few bytes before the slash, but never from the line before.
        near = max(hint.start() - _BEFORE_SLASH, start)
        near = buf.rfind(b"\n", near, hint.start()) + 1 or near
        match = _TRAILER.search(buf, near, hint.end())
        if match is not None:
            yield match
