"""Each thread's stable id (`Corpus.thread_ids`), held as one string rather than one each.

A list of ids keeps a string object per thread (about 60 bytes for 12 characters) and a
pointer to it: at a million posts of many authors, 8 MB for as long as the reader runs, and
as much in the cache. Here the ids are written end to end in one string, each after a
newline (an id is hex digits and a `-N`, never a newline), with where each starts.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload

_SEPARATOR = "\n"


class ThreadIds(Sequence[str]):
    """The ids of threads 0, 1, 2 …, read as a list of them is."""

    __slots__ = ("_starts", "_text")

    def __init__(self, ids: Iterable[str] = ()) -> None:
        ids = list(ids)
        self._text = _SEPARATOR + _SEPARATOR.join(ids) + _SEPARATOR if ids else _SEPARATOR
        """Each id after a newline, and one newline at the end."""
        self._starts = array("I", accumulate(map((1).__add__, map(len, ids)), initial=1))
        """Where each id starts in `_text`, and where one after the last would."""

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, thread: int) -> str: ...

    @overload
    def __getitem__(self, thread: slice) -> list[str]: ...

    def __getitem__(self, thread: int | slice) -> str | list[str]:
        if isinstance(thread, slice):
            return [self[each] for each in range(*thread.indices(len(self)))]
        if thread < 0:
            thread += len(self)
        if not 0 <= thread < len(self):
            raise IndexError("thread out of range")
        return self._text[self._starts[thread] : self._starts[thread + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._text[1:-1].split(_SEPARATOR) if len(self) else ())

    def take(self, threads: Iterable[int]) -> Iterator[str]:
        """The ids of `threads` (each in range, from 0), in their order: what the filters and
        the unread count walk over every row, at a third of the cost of indexing each."""
        text, starts = self._text, self._starts
        return (text[starts[thread] : starts[thread + 1] - 1] for thread in threads)

    def index(self, thread_id: str, start: int = 0, stop: int | None = None) -> int:
        """The first thread with this id (in C: a search of the one string)."""
        at = self._text.find(_SEPARATOR + thread_id + _SEPARATOR) if thread_id else -1
        if _SEPARATOR in thread_id or at < 0:
            raise ValueError(f"{thread_id!r} is not a thread's id")
        found = bisect_right(self._starts, at + 1) - 1
        if start or stop is not None:  # a thread before `start` may share the id: the slow way
            return super().index(thread_id, start, len(self) if stop is None else stop)
        return found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ThreadIds):
            return self._text == other._text
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, mutable by no one: no hash

    def __repr__(self) -> str:
        return f"ThreadIds({list(self)!r})"

    def __getstate__(self) -> tuple[str, array[int]]:
        return self._text, self._starts

    def __setstate__(self, state: tuple[str, array[int]]) -> None:
        self._text, self._starts = state
