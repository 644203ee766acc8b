"""What the searches typed so far tell about the next one, so a typed query narrows.

Every thread whose text contains `nadia8` also contains `nadia`, `adia8` and any other part
of it: when one folded query is a substring of another, the longer one's matches are a subset
of the shorter one's. So a search needs to look only among the threads an earlier search for a
part of it found, and a search cancelled halfway still tells something (`ThreadSearch.superset`:
what it found, and what it had not checked yet). Typing a query key by key thus searches ever
fewer threads, and the last key usually only a handful, instead of the whole corpus each time.
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
    """What one search told: its threads (all of them when `complete`, else a superset), in
    4 bytes a thread (a list of a hundred thousand threads would take 4 MB)."""

    complete: bool
    threads: array[int]


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
                (known.threads for part, known in self._searches.items() if part in key),
                key=len,
                default=None,
            )
        return ThreadSearch(self.corpus, query, best)

    def keep(self, search: ThreadSearch) -> None:
        """Remember what `search` found (all of it, or as far as it got)."""
        key = fold(search.query)
        threads = array("i", search.found if search.complete else search.superset())
        with self._lock:
            if search.thread_count != self._threads:  # it answers for a corpus since grown
                return
            known = self._searches.get(key)
            if known is None or (not known.complete and len(threads) <= len(known.threads)):
                self._searches[key] = _Known(search.complete, threads)
            self._searches.move_to_end(key)
            while len(self._searches) > KEPT:
                self._searches.popitem(last=False)

    def find(self, query: str) -> list[int]:
        """The threads holding `query`, searched to the end (no cancel), and remembered."""
        search = self.start(query)
        search.run()
        self.keep(search)
        return search.found
