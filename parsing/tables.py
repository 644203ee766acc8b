"""The parsed corpus in compact columns: a few integers per post and per thread, no objects.

At a million posts an object per post would cost gigabytes; these arrays cost about 50 MB. Text
stays in the source buffers and is decoded when something needs to be shown or exported.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


def _offsets() -> array[int]:
    return array("q")


def _ints() -> array[int]:
    return array("i")


@dataclass(slots=True)
class PostColumns:
    """Post i's text is `buf[text_start:hole_start] + buf[hole_end:text_end]` of its source.

    The hole is the number marker when lead lines (an emoji line, a bare `THREAD`) stand above
    it; without one, `hole_start == hole_end == text_start`.
    """

    text_start: array[int] = field(default_factory=_offsets)
    text_end: array[int] = field(default_factory=_offsets)
    hole_start: array[int] = field(default_factory=_offsets)
    hole_end: array[int] = field(default_factory=_offsets)
    first_line: array[int] = field(default_factory=_ints)
    last_line: array[int] = field(default_factory=_ints)
    number: array[int] = field(default_factory=_ints)
    """The post number, 0 for an unnumbered post."""
    with_holes: list[int] = field(default_factory=list)
    """The posts that have a hole (rare): search reads them whole, across the hole."""

    def __len__(self) -> int:
        return len(self.number)


@dataclass(slots=True)
class ThreadColumns:
    """Thread t owns posts `first_post[t] .. first_post[t + 1] - 1`; `first_post` ends with a
    sentinel equal to the number of posts."""

    first_post: array[int] = field(default_factory=lambda: array("i", [0]))
    source: array[int] = field(default_factory=_ints)

    def __len__(self) -> int:
        return len(self.source)

    def posts(self, thread: int) -> range:
        return range(self.first_post[thread], self.first_post[thread + 1])


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line that belongs to no post: page chrome."""

    source: int
    line: int
    text: str
