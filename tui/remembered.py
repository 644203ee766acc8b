"""The remembered state seen through the corpus being read: the store knows threads by their
stable ids, the reader by their numbers in this corpus.

Ids are known once the whole corpus is read (`identify`); before that no thread is marked read
or unread, and the filters on read and bookmarked threads let every thread through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parsing.thread_ids import ThreadIds

from .output import plural
from .sorting import SORT_ORDERS
from .state import Filters
from .store import Place, StateStore


@dataclass(frozen=True, slots=True)
class Resumed:
    """Where the last session ended, in this corpus's numbers."""

    thread: int | None
    """None when that thread is gone from the corpus (or no thread was open)."""
    post: int
    filters: Filters
    sort: str | None = None
    """The list's order then; None when none was kept (or it is no longer one of ours)."""


def list_title(shown: int, total: int, unread: int | None) -> str:
    """`7 of 7 threads · 7 unread`; the unread part only once threads are known."""
    title = f"{shown} of {plural(total, 'thread')}"
    return title if unread is None else f"{title} · {unread} unread"


class Remembered:
    """Read marks, bookmarks and the place of one corpus, by thread number."""

    def __init__(self, store: StateStore) -> None:
        self.store = store
        self._ids: ThreadIds | None = None

    @property
    def known(self) -> bool:
        """Are the threads' ids known (the corpus is read)?"""
        return self._ids is not None

    def identify(self, ids: Sequence[str]) -> None:
        self._ids = ids if isinstance(ids, ThreadIds) else ThreadIds(ids)

    def id_of(self, thread: int) -> str | None:
        ids = self._ids
        return ids[thread] if ids is not None and 0 <= thread < len(ids) else None

    def is_unread(self, thread: int) -> bool:
        thread_id = self.id_of(thread)
        return thread_id is not None and thread_id not in self.store.read

    def is_bookmarked(self, thread: int) -> bool:
        thread_id = self.id_of(thread)
        return thread_id is not None and thread_id in self.store.bookmarks

    def mark_read(self, thread: int, read: bool = True) -> None:
        thread_id = self.id_of(thread)
        if thread_id is not None:
            self.store.set_read(thread_id, read)

    def toggle_read(self, thread: int) -> bool | None:
        """Flip the thread's read mark; its new state, or None while ids are unknown."""
        thread_id = self.id_of(thread)
        if thread_id is None:
            return None
        read = thread_id not in self.store.read
        self.store.set_read(thread_id, read)
        return read

    def toggle_bookmark(self, thread: int) -> bool | None:
        """Flip the thread's bookmark; its new state, or None while ids are unknown."""
        thread_id = self.id_of(thread)
        if thread_id is None:
            return None
        marked = thread_id not in self.store.bookmarks
        self.store.set_bookmark(thread_id, marked)
        return marked

    def unread_among(self, rows: Sequence[int]) -> int | None:
        """How many of `rows` are unread; None while ids are unknown."""
        ids = self._ids
        if ids is None:
            return None
        read = self.store.read
        if not read:
            return len(rows)
        return sum(1 for thread_id in ids.take(rows) if thread_id not in read)

    def keep(self, rows: Sequence[int], filters: Filters) -> Sequence[int]:
        """`rows` without read threads (`unread_only`) and with bookmarked ones only
        (`bookmarked_only`), as the filters ask."""
        ids = self._ids
        if ids is None or not (filters.unread_only or filters.bookmarked_only):
            return rows
        read, marked = self.store.read, self.store.bookmarks
        return [
            thread
            for thread, thread_id in zip(rows, ids.take(rows), strict=True)
            if not (filters.unread_only and thread_id in read)
            and not (filters.bookmarked_only and thread_id not in marked)
        ]

    def save_place(
        self, opened: int | None, post: int, filters: Filters, sort: str = "source"
    ) -> None:
        """Keep where the reader is, with the filters and the list's order (kept beside them)."""
        if self._ids is None:
            return  # before the place kept from the last session is known, keep it
        thread_id = self.id_of(opened) if opened is not None else None
        self.store.save_place(Place(thread_id, post, {**filters.as_json(), "sort": sort}))

    def resumed(self) -> Resumed | None:
        """Where the last session ended, once ids are known; None for a first visit."""
        place, ids = self.store.place, self._ids
        if place is None or ids is None:
            return None
        thread = _thread_of(ids, place.thread) if place.thread is not None else None
        sort = place.filters.get("sort")
        return Resumed(
            thread,
            place.post,
            Filters.from_json(place.filters),
            sort if sort in SORT_ORDERS else None,
        )


def _thread_of(ids: Sequence[str], thread_id: str) -> int | None:
    """The thread with this id, by a search of the ids (once a session, a few milliseconds at a
    million posts): a map of them all would cost about 10 MB for as long as the reader runs."""
    try:
        return ids.index(thread_id)
    except ValueError:
        return None
