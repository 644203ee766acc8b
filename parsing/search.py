"""Case-insensitive search over post text, as scans of each raw buffer (`search_scan.py`).

A `ThreadSearch` finds the threads holding a query among some candidates (all, by default), a
chunk of threads at a time, and asks between chunks whether it is still wanted: a reader
cancels it when another key is typed. Within a chunk, once a thread matches the scan skips to
the end of that thread, so even a word in every thread costs one search per thread, not one per
occurrence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache

from .corpus import Corpus
from .search_scan import Locator, Query, Scan, contains, fold, query_pattern, thread_span

__all__ = [
    "ThreadSearch",
    "contains",
    "fold",
    "posts_matching",
    "query_pattern",
    "threads_matching",
    "threads_matching_slowly",
]

Cancelled = Callable[[], bool]
"""Asked between chunks: True stops the search where it is."""
AfterChunk = Callable[[], None]
"""Called after each chunk (a reader shows how far the search got)."""

CHUNK_BYTES = 1 << 20
"""About the text one chunk scans: a millisecond or two, so a cancel is heard at once and a scan
holds the interpreter lock (which `bytes.find` keeps) no longer than that."""
CHUNK_THREADS = 512
"""At most this many candidates a chunk: each match costs a few bisects in Python."""
SPAN_COST = 0.45
HIT_COST = 1.4
"""What scanning a thread's text within a span, and handling a match there, cost against
scanning one candidate on its own (about 2.5 us: a `find` call and a bisect). One scan across
a chunk's span pays for every thread in the span and every match; a scan of each candidate pays
per candidate. So the span is scanned when candidates are dense and matches rare."""


def _never() -> bool:
    return False


def _nothing() -> None:
    pass


class ThreadSearch:
    """The threads among `among` (sorted; all by default) with a post that contains `query`,
    ignoring case, found a chunk at a time.

    `found` holds the matches among the candidates checked so far, in corpus order; the
    candidates from `checked` on are not looked at yet. Together they are a superset of the
    answer (`superset`), which is what a cancelled search still tells.
    """

    def __init__(self, corpus: Corpus, query: str, among: Sequence[int] | None = None) -> None:
        self.corpus = corpus
        self.query = query
        self.thread_count = corpus.thread_count
        """The corpus's size when the search began: threads added later are not its concern."""
        self.candidates: Sequence[int] = range(corpus.thread_count) if among is None else among
        self.found: list[int] = []
        self.checked = 0
        """How many of the candidates (from the first) are decided."""
        self._query = Query(query) if query else None
        self._scans: dict[int, Scan] = {}
        self._locators: dict[int, Locator] = {}
        self._hit_rate = 0.25
        """The share of candidates that matched in the last chunk: the next one is alike."""

    @classmethod
    def finished(cls, corpus: Corpus, query: str, found: Sequence[int]) -> ThreadSearch:
        """A search already done, that found `found`."""
        search = cls(corpus, query, found)
        search.found, search.checked = list(found), len(found)
        return search

    @property
    def complete(self) -> bool:
        return self.checked >= len(self.candidates)

    def superset(self) -> list[int]:
        """Every thread that may hold the query: those found, and those not checked yet."""
        return [*self.found, *self.candidates[self.checked :]]

    def run(self, cancelled: Cancelled = _never, after_chunk: AfterChunk = _nothing) -> bool:
        """Search on until done (True) or until `cancelled()` says to stop (False); call
        `after_chunk` after each chunk."""
        candidates = self.candidates
        while self.checked < len(candidates):
            if cancelled():
                return False
            end = self._chunk_end(self.checked)
            if self._query is None:
                self.found.extend(candidates[self.checked : end])
            else:
                self._search_chunk(self._query, self.checked, end)
            self.checked = end
            after_chunk()
        return True

    def _chunk_end(self, start: int) -> int:
        """Where the chunk from candidate `start` ends: within one source, about `CHUNK_BYTES`
        of text and at most `CHUNK_THREADS` candidates."""
        candidates, corpus = self.candidates, self.corpus
        first = candidates[start]
        limit = min(len(candidates), start + CHUNK_THREADS)
        in_source = self._locator(corpus.threads.source[first]).last_thread
        limit = bisect_left(candidates, in_source, start + 1, limit)
        budget = thread_span(corpus, first, first + 1)[0] + CHUNK_BYTES

        def starts(thread: int) -> int:
            return thread_span(corpus, thread, thread + 1)[0]

        return max(start + 1, bisect_left(candidates, budget, start + 1, limit, key=starts))

    def _locator(self, source: int) -> Locator:
        if source not in self._locators:
            self._locators[source] = Locator(self.corpus, source)
        return self._locators[source]

    def _search_chunk(self, query: Query, start: int, end: int) -> None:
        """Add the matches among candidates `start .. end - 1` (of one source) to `found`.

        Where the candidates are dense and matches rare, the chunk's whole span is one scan;
        otherwise each candidate's posts are a scan of their own (`SPAN_COST`)."""
        candidates, corpus = self.candidates, self.corpus
        source = corpus.threads.source[candidates[start]]
        if source not in self._scans:
            self._scans[source] = query.scan_of(corpus.sources[source])
        scan, locate = self._scans[source], self._locator(source)
        chunk = candidates[start:end]
        span = chunk[-1] + 1 - chunk[0]
        if SPAN_COST * span + HIT_COST * self._hit_rate * len(chunk) < len(chunk):
            found = self._scan_across(scan, locate, chunk)
        else:
            found = self._scan_each(scan, locate, chunk)
        self._hit_rate = len(found) / len(chunk)
        self.found.extend(_with_matches_across_holes(corpus, query.text, chunk, found))

    def _scan_across(self, scan: Scan, locate: Locator, chunk: Sequence[int]) -> list[int]:
        """The matching threads of `chunk`, by one scan from its first thread to its last: a
        match in a thread that is no candidate is passed over, and after a match the scan
        goes on from the end of its thread."""
        every = chunk[-1] + 1 - chunk[0] == len(chunk)
        wanted = None if every else set(chunk)
        post_at, thread_of, thread_end = locate.post_at, locate.thread_of, locate.thread_end
        position, stop = thread_span(self.corpus, chunk[0], chunk[-1] + 1)
        found: list[int] = []
        while (span := scan(position, stop)) is not None:
            post = post_at(*span)
            if post is None:
                position = span[0] + 1
                continue
            thread = thread_of(post)
            if wanted is None or thread in wanted:
                found.append(thread)
            position = thread_end(thread)
        return found

    def _scan_each(self, scan: Scan, locate: Locator, chunk: Sequence[int]) -> list[int]:
        """The matching threads of `chunk`, by a scan of each one's posts up to its first
        match."""
        posts, first_post = self.corpus.posts, self.corpus.threads.first_post
        text_start, text_end, post_at = posts.text_start, posts.text_end, locate.post_at
        found: list[int] = []
        for thread in chunk:
            position, stop = text_start[first_post[thread]], text_end[first_post[thread + 1] - 1]
            while (span := scan(position, stop)) is not None:
                if post_at(*span) is not None:
                    found.append(thread)
                    break
                position = span[0] + 1
        return found


def _with_matches_across_holes(
    corpus: Corpus, query: str, chunk: Sequence[int], found: list[int]
) -> list[int]:
    """`found` and the candidates whose match spans a hole (a lead line, then the text after
    the marker below it): a scan cannot see those, so the few posts with a hole are read whole."""
    holes = corpus.posts.with_holes
    if not holes:
        return found
    first_post = corpus.threads.first_post
    low, high = first_post[chunk[0]], first_post[chunk[-1] + 1]
    more = set(found)
    wanted = None if isinstance(chunk, range) else set(chunk)
    for at in range(bisect_left(holes, low), bisect_left(holes, high)):
        post = holes[at]
        thread = corpus.thread_of(post)
        if thread in more or (wanted is not None and thread not in wanted):
            continue
        if contains(corpus.post_text(post), query):
            more.add(thread)
    return found if len(more) == len(found) else sorted(more)


def threads_matching(corpus: Corpus, query: str) -> list[int]:
    """Threads with a post whose text contains `query`, ignoring case, in corpus order."""
    search = ThreadSearch(corpus, query)
    search.run()
    return search.found


@lru_cache(maxsize=16)
def _query_of(text: str) -> Query:
    """The same query for every row drawn while it is searched for."""
    return Query(text)


def posts_matching(corpus: Corpus, thread: int, query: str) -> list[int]:
    """The posts of `thread` (counted from its first, 0) whose text contains `query`."""
    if not query:
        return []
    source = corpus.threads.source[thread]
    scan = _query_of(query).scan_of(corpus.sources[source])
    locate = Locator(corpus, source)
    first_post = corpus.threads.first_post[thread]
    position, stop = thread_span(corpus, thread, thread + 1)
    hits: set[int] = set()
    while (span := scan(position, stop)) is not None:
        post = locate.post_at(*span)
        if post is None:
            position = span[0] + 1
            continue
        hits.add(post - first_post)
        position = corpus.posts.text_end[post]
    holes = corpus.posts.with_holes
    last_post = corpus.threads.first_post[thread + 1]
    for post in holes[bisect_left(holes, first_post) : bisect_left(holes, last_post)]:
        if contains(corpus.post_text(post), query):
            hits.add(post - first_post)
    return sorted(hits)


def threads_matching_slowly(corpus: Corpus, query: str) -> list[int]:
    """The same answer by decoding every post: the reference the fast scan is tested against."""
    return [
        thread
        for thread in range(corpus.thread_count)
        if any(contains(corpus.post_text(post), query) for post in corpus.thread_posts(thread))
    ]
