"""Case-insensitive search over post text, as scans of each raw buffer (`search_scan.py`).

A `ThreadSearch` finds the threads holding a query among some candidates (all, by default), a
chunk of threads at a time, and asks between chunks whether it is still wanted: a reader
cancels it when another key is typed. Within a chunk, once a thread matches the scan skips to
the end of that thread, so even a word in every thread costs one search per thread, not one per
occurrence.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import chain

from .case_key import fold
from .corpus import Corpus
from .search_forms import split_by_literal
from .search_posts import posts_matching, threads_matching_slowly
from .search_scan import (
    FoldingScan,
    Locator,
    Query,
    Scan,
    contains,
    query_pattern,
    thread_span,
)

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
LITERAL_WORTH = 0.5
"""A chunk first looks for each form of the query as it stands (`search_forms.py`) when at
least this share of the candidates it was last looked for among held it so: each one that does
not is read again."""


def _never() -> bool:
    return False


def _nothing() -> None:
    pass


class ThreadSearch:
    """The threads among some candidates with a post that contains `query`, ignoring case,
    found a chunk at a time.

    The candidates are three sorted runs, searched in this order: `unchecked`, threads no
    earlier search looked at; `unsettled`, threads a search for a shorter part found that the
    search for a longer part was cancelled before checking; then `among`, threads an earlier
    search for a part of the query found (and so may hold it). With none, every thread is
    unchecked. The least narrowed threads go first so that a search cancelled by the next key
    has covered new ground, which the next search takes over, instead of narrowing again what
    the last one had narrowed: typed key by key, the narrowing goes on through the corpus.

    `found` holds the matches among the candidates checked so far, in corpus order; the
    candidates from `checked` on are not looked at yet. Together they are a superset of the
    answer (`superset`), which is what a cancelled search still tells.
    """

    def __init__(
        self,
        corpus: Corpus,
        query: str,
        among: Sequence[int] | None = None,
        unchecked: Sequence[int] | None = None,
        *,
        threads: int | None = None,
        unsettled: Sequence[int] = (),
    ) -> None:
        self.corpus = corpus
        self.query = query
        self.thread_count = corpus.thread_count if threads is None else threads
        """The corpus's size the search answers for (by default, when it began): threads
        added later are not its concern."""
        self.candidates: Sequence[int]
        if among is None and unchecked is None:
            self.candidates = range(self.thread_count)
            self.boundary = self._settled_from = self.thread_count
        else:
            runs = (unchecked or (), unsettled, among or ())
            self.boundary = len(runs[0])
            self._settled_from = self.boundary + len(runs[1])
            filled = [run for run in runs if run]
            if len(filled) <= 1:
                self.candidates = filled[0] if filled else ()
            else:
                self.candidates = array("i", filled[0])
                for run in filled[1:]:
                    self.candidates.extend(run)
        """Candidates before `boundary` were unchecked, those from it on found earlier; those
        from `_settled_from` on, found by the search for the longest part."""
        self._found: tuple[list[int], list[int], list[int]] = ([], [], [])
        """The matches in each run of candidates."""
        self.checked = 0
        """How many of the candidates (from the first) are decided."""
        self._query = Query(query) if query else None
        self._scans: dict[int, Scan] = {}
        self._locators: dict[int, Locator] = {}
        self._hit_rate = 0.25
        """The share of candidates that matched in the last chunk's folded text: the next one
        is alike."""
        self._form_rates = [1.0] * len(self._query.forms) if self._query else []
        """For each form of the query, the share of the candidates it was last looked for among
        that held it as it stands."""

    @classmethod
    def finished(
        cls, corpus: Corpus, query: str, found: Sequence[int], threads: int | None = None
    ) -> ThreadSearch:
        """A search already done, that found `found` (among `threads` threads)."""
        search = cls(corpus, query, found, threads=threads)
        search._found[2].extend(found)
        search.checked = len(found)
        return search

    @property
    def found(self) -> list[int]:
        filled = [run for run in self._found if run]
        return sorted(chain(*filled)) if len(filled) > 1 else list(chain(*filled))

    @property
    def complete(self) -> bool:
        return self.checked >= len(self.candidates)

    def superset(self) -> list[int]:
        """Every thread that may hold the query: those found, and those not checked yet."""
        return sorted([*self.found, *self.candidates[self.checked :]])

    def unchecked(self) -> Sequence[int]:
        """The threads no search has looked at yet."""
        return self.candidates[self.checked : self.boundary]

    def possible(self) -> list[int]:
        """The threads some search looked at that may hold the query: those found, and those
        an earlier search found that this one has not checked yet."""
        rest = self.unsettled()
        return sorted([*self.found, *rest]) if rest else self.found

    def unsettled(self) -> list[int]:
        """The threads an earlier search found that this one has not checked yet."""
        return sorted(self.candidates[max(self.checked, self.boundary) :])

    def run(self, cancelled: Cancelled = _never, after_chunk: AfterChunk = _nothing) -> bool:
        """Search on until done (True) or until `cancelled()` says to stop (False); call
        `after_chunk` after each chunk."""
        candidates = self.candidates
        while self.checked < len(candidates):
            if cancelled():
                return False
            end = self._chunk_end(self.checked)
            found = self._found[self._run_of(self.checked)]
            if self._query is None:
                found.extend(candidates[self.checked : end])
            else:
                found.extend(self._search_chunk(self._query, self.checked, end))
            self.checked = end
            after_chunk()
        return True

    def _chunk_end(self, start: int) -> int:
        """Where the chunk from candidate `start` ends: within one source, about `CHUNK_BYTES`
        of text and at most `CHUNK_THREADS` candidates, all of one run."""
        candidates, corpus = self.candidates, self.corpus
        first = candidates[start]
        run_end = (self.boundary, self._settled_from, len(candidates))[self._run_of(start)]
        limit = min(run_end, start + CHUNK_THREADS)
        in_source = self._locator(corpus.threads.source[first]).last_thread
        limit = bisect_left(candidates, in_source, start + 1, limit)
        budget = thread_span(corpus, first, first + 1)[0] + CHUNK_BYTES

        def starts(thread: int) -> int:
            return thread_span(corpus, thread, thread + 1)[0]

        return max(start + 1, bisect_left(candidates, budget, start + 1, limit, key=starts))

    def _run_of(self, candidate: int) -> int:
        """Which run candidate `candidate` is in: unchecked (0), unsettled (1), found (2)."""
        return 0 if candidate < self.boundary else 1 if candidate < self._settled_from else 2

    def _locator(self, source: int) -> Locator:
        if source not in self._locators:
            self._locators[source] = Locator(self.corpus, source)
        return self._locators[source]

    def _search_chunk(self, query: Query, start: int, end: int) -> list[int]:
        """The matches among candidates `start .. end - 1` (of one source, sorted).

        Each is first looked at for the forms the query likely stands in (`split_by_literal`),
        while they are found often enough: a common word is found in small letters near the
        start of most threads, a ticker in capitals, with nothing folded. The rest are searched
        in their folded text, unless the query is written one way only (then they hold none)."""
        candidates, corpus = self.candidates, self.corpus
        chunk = candidates[start:end]
        found: list[int] = []
        rest: Sequence[int] = chunk
        rates, tried = self._form_rates, []
        for index, form in enumerate(query.forms):
            if rest and (query.caseless or rates[index] >= LITERAL_WORTH):
                held, rest = split_by_literal(corpus, rest, form)
                rates[index] = len(held) / (len(held) + len(rest))
                found.extend(held)
                tried.append(index)
        if rest and not query.caseless:
            source = corpus.threads.source[candidates[start]]
            if source not in self._scans:
                self._scans[source] = query.scan_of(corpus.sources[source])
            folded = self._search_folded(self._scans[source], self._locator(source), rest)
            for index in range(len(rates)):
                if index not in tried and all(earlier in tried for earlier in range(index)):
                    # What folding found among the threads the earlier forms left: those
                    # this form might have found.
                    rates[index] = len(folded) / len(rest)
            found.extend(folded)
        found.sort()  # runs already in order: merged in a pass
        return _with_matches_across_holes(corpus, query.text, chunk, found)

    def _search_folded(self, scan: Scan, locate: Locator, chunk: Sequence[int]) -> list[int]:
        """The matches among `chunk`, by scans of folded text. Where the candidates are dense
        and matches rare, the chunk's whole span is one scan; otherwise each candidate's posts
        are a scan of their own (`SPAN_COST`)."""
        corpus = self.corpus
        span = chunk[-1] + 1 - chunk[0]
        if isinstance(scan, FoldingScan) and 2 * len(chunk) >= span:
            scan.fold_ahead(*thread_span(corpus, chunk[0], chunk[-1] + 1))
        if SPAN_COST * span + HIT_COST * self._hit_rate * len(chunk) < len(chunk):
            found = self._scan_across(scan, locate, chunk)
        else:
            found = self._scan_each(scan, locate, chunk)
        self._hit_rate = len(found) / len(chunk)
        return found

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
        if isinstance(scan, FoldingScan):
            window = scan.folded_over(*thread_span(self.corpus, chunk[0], chunk[-1] + 1))
            if window is not None:
                return _find_each(scan.key, window, chunk, self.corpus, post_at)
        found: list[int] = []
        for thread in chunk:
            position, stop = text_start[first_post[thread]], text_end[first_post[thread + 1] - 1]
            if isinstance(scan, FoldingScan) and (hit := scan.find_whole(position, stop)) != -2:
                while hit >= 0:  # one thread folded at once, as `_find_each` over a window
                    if post_at(hit, hit + len(scan.key)) is not None:
                        found.append(thread)
                        break
                    hit = scan.find_whole(hit + 1, stop)
                continue
            while (span := scan(position, stop)) is not None:
                if post_at(*span) is not None:
                    found.append(thread)
                    break
                position = span[0] + 1
        return found


def _find_each(
    key: bytes,
    window: tuple[bytes | bytearray, int],
    chunk: Sequence[int],
    corpus: Corpus,
    post_at: Callable[[int, int], int | None],
) -> list[int]:
    """`_scan_each` within a window of the buffer's key folded ahead (`FoldingScan.folded_over`),
    where each hit of the key is a match: a `find` a thread, and no call of the scan."""
    (folded, base), posts, first_post = window, corpus.posts, corpus.threads.first_post
    text_start, text_end, find, width = posts.text_start, posts.text_end, folded.find, len(key)
    found: list[int] = []
    for thread in chunk:
        stop = text_end[first_post[thread + 1] - 1] - base
        hit = find(key, text_start[first_post[thread]] - base, stop)
        while hit >= 0:
            if post_at(base + hit, base + hit + width) is not None:
                found.append(thread)
                break
            hit = find(key, hit + 1, stop)
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
