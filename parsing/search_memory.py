"""What the searches typed so far tell about the next one, so a typed query narrows.

Every thread whose text contains `nadia8` also contains `nadia`, `adia8` and any other part
of it: when one folded query is a substring of another, the longer one's matches are a subset
of the shorter one's. So a search needs to look only among the threads an earlier search for a
part of it found, and a search cancelled halfway still tells something: the threads it (or a
search before it) found, which may hold the query, and those no search has looked at yet. The
next search looks at the latter first, taking over where the cancelled one stopped, so each key
goes on through the corpus instead of starting again; the threads found along the way are
narrowed by the key that finishes. Typing a query key by key thus reads the text about once.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from threading import Lock
from typing import NamedTuple

from .corpus import Corpus
from .search import ThreadSearch
from .search_scan import fold

KEPT = 12
"""How many searches are remembered: the prefixes of a query or two."""


class _Known(NamedTuple):
    """What one search told, in 4 bytes a thread (a list of a hundred thousand threads would
    take 4 MB): its threads when `complete`; else those it or an earlier search found that may
    hold the query (`threads`) and those no search looked at (`unchecked`)."""

    complete: bool
    threads: array[int]
    unchecked: array[int]

    @property
    def size(self) -> int:
        """How many threads are left to check for a query that holds this one."""
        return len(self.threads) + len(self.unchecked)


class SearchMemory:
    """The last searches over one corpus (complete or not), by folded query."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._searches: OrderedDict[str, _Known] = OrderedDict()
        self._threads = corpus.thread_count
        self._lock = Lock()  # searches run in worker threads, one or two at a time

    def start(self, query: str) -> ThreadSearch:
        """A search for `query` among the fewest threads an earlier one leaves possible; the
        earlier search itself when it was for the same text and is complete."""
        key = fold(query)
        with self._lock:
            if self._threads != self.corpus.thread_count:  # the corpus grew: forget it all
                self._searches.clear()
                self._threads = self.corpus.thread_count
            same = self._searches.get(key)
            if same is not None and same.complete:
                self._searches.move_to_end(key)
                return ThreadSearch.finished(self.corpus, query, same.threads)
            best = min(
                (known for part, known in self._searches.items() if part in key),
                key=lambda known: known.size,
                default=None,
            )
        if best is None:
            return ThreadSearch(self.corpus, query)
        return ThreadSearch(self.corpus, query, best.threads, best.unchecked)

    def keep(self, search: ThreadSearch) -> None:
        """Remember what `search` found (all of it, or as far as it got)."""
        key = fold(search.query)
        if search.complete:
            told = _Known(True, array("i", search.found), array("i"))
        else:
            told = _Known(False, array("i", search.possible()), array("i", search.unchecked()))
        with self._lock:
            if search.thread_count != self._threads:  # it answers for a corpus since grown
                return
            known = self._searches.get(key)
            if known is None or (not known.complete and told.size <= known.size):
                self._searches[key] = told
            self._searches.move_to_end(key)
            while len(self._searches) > KEPT:
                self._searches.popitem(last=False)

    def find(self, query: str) -> list[int]:
        """The threads holding `query`, searched to the end (no cancel), and remembered."""
        search = self.start(query)
        search.run()
        self.keep(search)
        return search.found
