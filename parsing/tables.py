"""The parsed corpus in compact columns: a few integers per post and per thread, no objects.

At a million posts an object per post would cost gigabytes; these arrays cost about 50 MB. Text
stays in the source buffers and is decoded when something needs to be shown or exported.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple

# Plain classes and tuples, not dataclasses, here and in the rest of what `threadline stats`
# imports: the dataclasses module (with inspect) and building each class cost every run about
# 10 ms of start-up, a thirtieth of its time at 100k posts.


NARROW_SIZE = 1 << 32
"""Buffers smaller than this (4 GiB) have every position, their end included, in 4 bytes."""


def offset_code(size: int) -> str:
    """The array type of positions in a buffer of `size` bytes (0 to `size`): 4 bytes a position
    under 4 GiB (8 MB saved at a million posts), 8 bytes from there on."""
    return "I" if size < NARROW_SIZE else "q"


def reaching_code(column: array[int], size: int) -> str:
    """The array type `column` of positions takes to hold those of a buffer of `size` bytes
    too: its own, or 8 bytes a position once the 4 do not fit (never narrowed again: positions
    already in it may need the 8)."""
    return "q" if offset_code(size) == "q" else column.typecode


class PostColumns:
    """Post i's text is `buf[text_start:text_end]` of its source, less its hole if it has one.

    The hole is the number marker when lead lines (an emoji line, a bare `THREAD`) stand above
    it: the text is then `buf[text_start:hole_start] + buf[hole_end:text_end]`. Few posts have
    one, so holes are kept by post, not in columns of their own (16 bytes a post).
    """

    __slots__ = (
        "first_line",
        "holes",
        "last_line",
        "number",
        "text_end",
        "text_start",
        "with_holes",
    )  # fmt: skip

    def __init__(self, size: int = 0) -> None:
        self.text_start = array(offset_code(size))
        self.text_end = array(offset_code(size))
        self.first_line = array("i")
        self.last_line = array("i")
        self.number = array("i")
        """The post number, 0 for an unnumbered post."""
        self.holes: dict[int, tuple[int, int]] = {}
        """Post → (hole_start, hole_end), for the posts that have a hole."""
        self.with_holes: list[int] = []
        """The posts that have a hole, in order: search reads them whole, across the hole."""

    def __len__(self) -> int:
        return len(self.number)

    def reach(self, size: int) -> None:
        """Let the offsets columns hold positions in a buffer of `size` bytes (`reaching_code`)."""
        code = reaching_code(self.text_start, size)
        if code != self.text_start.typecode:
            self.text_start = array(code, self.text_start)
            self.text_end = array(code, self.text_end)


class ThreadColumns:
    """Thread t owns posts `first_post[t] .. first_post[t + 1] - 1`; `first_post` ends with a
    sentinel equal to the number of posts."""

    __slots__ = ("first_post", "source")

    def __init__(self) -> None:
        self.first_post = array("i", [0])
        self.source = array("i")

    def __len__(self) -> int:
        return len(self.source)

    def posts(self, thread: int) -> range:
        return range(self.first_post[thread], self.first_post[thread + 1])


class SkippedLine(NamedTuple):
    """A line that belongs to no post: page chrome."""

    source: int
    line: int
    text: str
