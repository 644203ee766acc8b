"""The threads a search lists with the other filters: at once, or in a worker a chunk at a time
(cancelled by the next key), and while the corpus is still being read.

A search needs no index, only the text: while the first threads are read and no index is in
yet, a search alone lists the threads read so far that hold it. Flags, mentions, hashtags and
the author wait for the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from parsing.filters import filter_threads

from .remembered import Remembered
from .state import Filters
from .views import SMALL, CorpusView

SHOW_AFTER = 0.25
"""Seconds a typed search runs before the list shows how far it got, and then between
updates: a search that ends sooner shows its answer alone."""


def can_apply(view: CorpusView, filters: Filters) -> bool:
    """Can `filters` list threads now: is the index in, or do they ask for no more than a
    search and the read and bookmark marks?"""
    return view.filter_index is not None or not (
        filters.flags or filters.features or filters.author
    )


def searched_in_place(view: CorpusView, filters: Filters, *, indexed: bool) -> bool:
    """Is `filters`'s search quick enough to run in place (no search, or a small corpus read
    to its end), or can it not run yet? Otherwise it runs in a worker."""
    small = indexed and view.corpus.thread_count <= SMALL
    return not filters.search or small or not can_apply(view, filters)


def rows_passing(
    view: CorpusView, remembered: Remembered, filters: Filters, found: Sequence[int] | None
) -> list[int]:
    """The threads that pass `filters`, `found` being those that hold its search text (or,
    without a search, every thread)."""
    index = view.filter_index
    counted = view.corpus.thread_count
    if index is None:  # `can_apply`: the search alone, over the threads read so far
        rows: Sequence[int] = found if found is not None else range(counted)
    else:
        rows = filter_threads(
            view.corpus,
            index,
            filters.flags,
            filters.search,
            # Until the entities are in, the index holds flags alone: the other filters apply.
            filters.features if view.features_ready else (),
            author=filters.author,
            found=found,
        )
        if index.thread_count > counted:  # the flags of a file's part not joined yet
            rows = [thread for thread in rows if thread < counted]
    return list(remembered.keep(rows, filters))


def search_rows(
    view: CorpusView,
    remembered: Remembered,
    filters: Filters,
    cancelled: Callable[[], bool],
    show: Callable[[list[int]], None],
) -> list[int] | None:
    """`rows_passing` as a typed search runs it, in a worker: within what the searches before
    left possible (`SearchMemory`), giving up between chunks when `cancelled()` (then None).
    While it runs long, `show` gets the threads that may still pass, so the list narrows as the
    search goes on."""
    searches = view.searches
    with searches.turn:  # after the search this one cancels is kept
        if cancelled():
            return None
        search = searches.start(filters.search)
        started = shown = time.monotonic()

        def after_chunk() -> None:
            nonlocal shown
            now = time.monotonic()
            if now - started >= SHOW_AFTER and now - shown >= SHOW_AFTER and not cancelled():
                shown = now
                show(rows_passing(view, remembered, filters, search.superset()))

        done = search.run(cancelled, after_chunk)
        searches.keep(search)
    return rows_passing(view, remembered, filters, search.found) if done else None
