"""What the searches typed so far tell about the next one, so a typed query narrows.

Every thread whose text contains `nadia8` also contains `nadia`, `adia8` and any other part
of it: when one folded query is a substring of another, the longer one's matches are a subset
of the shorter one's. So a search needs to look only among the threads an earlier search for a
part of it found, and a search cancelled halfway still tells something: the threads it (or a
search before it) found, which may hold the query, and those no search has looked at yet. The
next search looks at the latter first, taking over where the cancelled one stopped, so each key
goes on through the corpus instead of starting again; the threads found along the way are
narrowed by the key that finishes. Typing a query key by key thus reads the text about once.

A corpus still being read grows under the searches: the threads added since a search began are
threads it has not looked at, so what it told stays true of the others and the new ones join
its unchecked threads. A query typed while the corpus loads thus reads each thread about once
too, whenever it arrives.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from threading import Lock
from typing import NamedTuple

from .case_key import fold
from .corpus import Corpus
from .search import ThreadSearch

KEPT = 12
"""How many searches are remembered: the prefixes of a query or two."""


class _Known(NamedTuple):
    """What one search told, in 4 bytes a thread (a list of a hundred thousand threads would
    take 4 MB): its threads when `complete`; else those it found (`threads`), those an earlier
    search found that it did not check (`unsettled`), and those no search looked at
    (`unchecked`)."""

    complete: bool
    threads: array[int]
    unchecked: array[int]
    unsettled: array[int]

    @property
    def size(self) -> int:
        """How many threads are left to check for a query that holds this one."""
        return len(self.threads) + len(self.unsettled) + len(self.unchecked)


def _grown(known: _Known, before: int, now: int) -> _Known:
    """What a search over the first `before` threads tells of the first `now`: the same, and
    the threads added since unchecked."""
    if now <= before:
        return known
    unchecked = array("i", known.unchecked)
    unchecked.extend(range(before, now))
    return _Known(False, known.threads, unchecked, known.unsettled)


class SearchMemory:
    """The last searches over one corpus (complete or not), by folded query."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._searches: OrderedDict[str, _Known] = OrderedDict()
        self._threads = corpus.thread_count
        self._lock = Lock()  # searches run in worker threads, one or two at a time
        self.turn = Lock()
        """Held by a worker from `start` to `keep`: the search of the next key waits for the
        one it cancels to be kept, and so starts from what that one told. Started without
        waiting, it would start from the key before (the cancelled search is kept a chunk
        later, and a moment after that when the two share the interpreter), and the work of a
        whole key would be lost to the next."""

    def start(self, query: str) -> ThreadSearch:
        """A search for `query` among the fewest threads an earlier one leaves possible; the
        earlier search itself when it was for the same text and is complete."""
        key = fold(query)
        with self._lock:
            self._follow_growth()
            same = self._searches.get(key)
            count = self._threads  # the search answers for the threads the memory knows of
            if same is not None and same.complete:
                self._searches.move_to_end(key)
                return ThreadSearch.finished(self.corpus, query, same.threads, count)
            # Of two alike, the longer part's: its threads were narrowed further.
            best = min(
                (
                    (known.size, -len(part), known)
                    for part, known in self._searches.items()
                    if part in key
                ),
                key=lambda told: told[:2],
                default=(0, 0, None),
            )[2]
        if best is None:
            return ThreadSearch(self.corpus, query, threads=count)
        return ThreadSearch(
            self.corpus, query, best.threads, best.unchecked, threads=count,
            unsettled=best.unsettled,
        )  # fmt: skip

    def keep(self, search: ThreadSearch) -> None:
        """Remember what `search` found (all of it, or as far as it got)."""
        key = fold(search.query)
        found = array("i", search.found)
        if search.complete:
            told = _Known(True, found, array("i"), array("i"))
        else:
            unchecked, unsettled = search.unchecked(), search.unsettled()
            told = _Known(False, found, array("i", unchecked), array("i", unsettled))
        with self._lock:
            self._follow_growth()
            if search.thread_count > self._threads:  # a corpus read again since: not this one
                return
            told = _grown(told, search.thread_count, self._threads)
            known = self._searches.get(key)
            if known is None or (not known.complete and told.size <= known.size):
                self._searches[key] = told
            self._searches.move_to_end(key)
            while len(self._searches) > KEPT:
                self._searches.popitem(last=False)

    def _follow_growth(self) -> None:
        """The threads added to the corpus since the last call are unchecked by every search."""
        count = self.corpus.thread_count
        if count < self._threads:  # fewer threads: not the corpus the searches knew
            self._searches.clear()
        for key, known in self._searches.items():
            self._searches[key] = _grown(known, self._threads, count)
        self._threads = count

    def find(self, query: str) -> list[int]:
        """The threads holding `query`, searched to the end (no cancel), and remembered."""
        search = self.start(query)
        search.run()
        self.keep(search)
        return search.found
