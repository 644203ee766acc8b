"""The pieces of a search over raw buffers: where a query matches, and which post holds it.

Case is folded character by character (`fold_char`), which keeps offsets aligned. A scan finds
the query's case key in a source's case key (`case_key.py`) and, where the key could stand for
other letters too, confirms with a `bytes` pattern that accepts every case variant of each
character. A match counts when it lies inside a post's text (`Locator`).

The source's case key is not kept: it would cost the file's size again in memory. A scan makes
it a window at a time as it goes (`FoldingScan`), at about the speed `find` reads it, and only
for the stretches it searches: a typed query narrows each longer one to the threads the
shorter one matched, so most keys look at a small part of the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from .case_key import case_variants, exotic_variants, fold, fold_char, key_of, key_table
from .corpus import Corpus, Source
from .search_anchor import AnchorScan, anchor_of
from .search_forms import is_caseless, literal_forms


def contains(text: str, query: str) -> bool:
    """The reference rule: does `text` contain `query`, ignoring case?"""
    return fold(query) in fold(text)


def query_pattern(query: str) -> re.Pattern[bytes]:
    """A pattern matching `query` in UTF-8 in any case."""
    variants = case_variants()
    parts: list[bytes] = []
    for char in query:
        folded = fold_char(char)
        options = sorted(variants.get(folded, frozenset((folded,))))
        encoded = [option.encode("utf-8", "surrogatepass") for option in options]
        if len(encoded) == 1:
            parts.append(re.escape(encoded[0]))
        elif all(len(option) == 1 for option in encoded):
            parts.append(b"[" + b"".join(re.escape(option) for option in encoded) + b"]")
        else:
            parts.append(b"(?:" + b"|".join(re.escape(option) for option in encoded) + b")")
    return re.compile(b"".join(parts))


Scan = Callable[[int, int], "tuple[int, int] | None"]
"""The first match within `[position, end)` of a buffer, as (start, end), or None."""


class Query:
    """A query made ready to scan sources: its key, its exact pattern, its exotic variants."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = key_of(text)
        self.exotic = exotic_variants(text)
        self.pattern = query_pattern(text)
        # For an ASCII query a hit of the key is a match; for any other, a candidate.
        self.confirm = None if text.isascii() else self.pattern
        self.forms = literal_forms(text)
        """The query as it may stand in a buffer (`search_forms.py`): one found in a post's
        text is a match, with nothing folded."""
        self.caseless = is_caseless(text)
        """Written one way only: a thread where its one form is not found holds no match."""

    def scan_of(self, source: Source) -> Scan:
        """How to scan `source`: its case key, unless it holds a variant the key cannot fold
        (the Kelvin sign for `k`); then the exact pattern over the buffer itself. The key is
        folded as the scan goes, or, for an ASCII query with a part rare in `source`, only
        where that part is found (`search_anchor.py`)."""
        if any(source.holds(variant) for variant in self.exotic):
            return _pattern_scan(source.buf, self.pattern)
        if self.confirm is None and (anchor := anchor_of(source.buf, self.key)) is not None:
            return AnchorScan(source.buf, self.key, *anchor)
        return FoldingScan(source.buf, self.key, self.confirm)


def _pattern_scan(buf: bytearray, pattern: re.Pattern[bytes]) -> Scan:
    def scan(position: int, end: int) -> tuple[int, int] | None:
        match = pattern.search(buf, position, end)
        return None if match is None else match.span()

    return scan


FOLD_FIRST = 1 << 10
FOLD_MOST = 64 << 10
"""The first window a scan folds after a match, and the largest it grows to, doubling while
nothing matches: a query found near the start of most threads (a first letter typed) then
folds a little of each thread rather than all of it; one found nowhere folds large windows,
whose calls cost nothing beside the bytes."""
FOLD_WHOLE = 16 << 10
"""A range asked for that is no longer than this (one thread's posts, as a narrowed search
asks) is folded whole at once: its windows, doubling from `FOLD_FIRST`, would cost a call
each for little text."""


class FoldingScan:
    """Finds the query's key in the case key of `buf`, folding `buf` a window at a time.

    `folded` is `buf[start : start + len(folded)]` translated by the key table: bytes map one
    by one, so a window's key is that stretch of the whole buffer's key, and a hit found in it
    is the hit the whole key would give. Consecutive calls (a scan goes on from the end of the
    thread it matched) reuse the window they are in."""

    def __init__(self, buf: bytearray, key: bytes, confirm: re.Pattern[bytes] | None) -> None:
        self.buf, self.key, self.confirm = buf, key, confirm
        self.table = key_table()
        self.start = 0
        self.folded: bytes | bytearray = b""
        self.size = FOLD_FIRST

    def __call__(self, position: int, end: int) -> tuple[int, int] | None:
        key, width = self.key, len(self.key)
        if (window := self.folded_over(position, end)) is not None:
            # Within the window (a thread of a chunk folded ahead): one `find` answers.
            folded, start = window
            hit = folded.find(key, position - start, end - start)
            return None if hit < 0 else (start + hit, start + hit + width)
        while position + width <= end:
            if not self.start <= position <= self.start + len(self.folded) - width:
                self._fold(position, end)
            stop = min(end, self.start + len(self.folded))
            hit = self.folded.find(key, position - self.start, stop - self.start)
            if hit < 0:
                # The key may cross the window's end: the next window starts just before it.
                position = stop - width + 1
                self.size = min(2 * self.size, FOLD_MOST)
                continue
            start = self.start + hit
            self.size = FOLD_FIRST
            if self.confirm is None:
                return start, start + width
            match = self.confirm.match(self.buf, start, end)
            if match is not None:
                return match.span()
            position = start + 1
        return None

    def folded_over(self, start: int, stop: int) -> tuple[bytes | bytearray, int] | None:
        """The folded window and where it starts, when it covers `[start, stop)` and a hit of
        the key is a match (an ASCII query): a caller asking about many ranges there finds the
        key in it itself, each hit being what a call would answer."""
        if self.confirm is None and self.start <= start and stop <= self.start + len(self.folded):
            return self.folded, self.start
        return None

    def find_whole(self, start: int, stop: int) -> int:
        """The first hit of the key in `[start, stop)`, folded whole into the window at once
        when it is short (one thread's posts) and a hit is a match (an ASCII query); -1 when
        there is none, -2 when the range is not one to fold so (call the scan instead)."""
        if self.confirm is not None or stop - start > FOLD_WHOLE:
            return -2
        if not (self.start <= start and stop <= self.start + len(self.folded)):
            self.start = start
            self.folded = self.buf[start:stop].translate(self.table)
        hit = self.folded.find(self.key, start - self.start, stop - self.start)
        return hit if hit < 0 else self.start + hit

    def fold_ahead(self, start: int, stop: int) -> None:
        """Fold `[start, stop)` at once, for calls about to ask for many ranges inside it (each
        thread of a chunk whose threads are mostly candidates): one call instead of one each."""
        if not self.start <= start or stop > self.start + len(self.folded):
            self.start = start
            self.folded = self.buf[start:stop].translate(self.table)

    def _fold(self, position: int, end: int) -> None:
        size = max(self.size, 2 * len(self.key))
        stop = end if end - position <= max(size, FOLD_WHOLE) else position + size
        self.start = position
        self.folded = self.buf[position:stop].translate(self.table)


class Locator:
    """Which post and thread of one source a match falls in."""

    def __init__(self, corpus: Corpus, source: int) -> None:
        threads = corpus.threads
        self.posts = corpus.posts
        self.first_post_of = threads.first_post
        self.first_thread = bisect_left(threads.source, source)
        self.last_thread = bisect_right(threads.source, source)
        self.first_post = threads.first_post[self.first_thread]
        self.last_post = threads.first_post[self.last_thread]

    def post_at(self, start: int, end: int) -> int | None:
        """The post whose text holds the match `[start, end)`, if one does."""
        posts = self.posts
        post = bisect_right(posts.text_start, start, self.first_post, self.last_post) - 1
        if post < self.first_post or end > posts.text_end[post]:
            return None
        hole = posts.holes.get(post)
        return post if hole is None or end <= hole[0] or start >= hole[1] else None

    def thread_of(self, post: int) -> int:
        return bisect_right(self.first_post_of, post, self.first_thread, self.last_thread) - 1

    def thread_end(self, thread: int) -> int:
        """Where the text of `thread`'s last post ends: a scan for threads goes on from there."""
        return self.posts.text_end[self.first_post_of[thread + 1] - 1]


def thread_span(corpus: Corpus, first: int, last: int) -> tuple[int, int]:
    """The bytes of the posts of threads `first .. last - 1` (of one source) in its buffer."""
    first_post = corpus.threads.first_post
    posts = corpus.posts
    return posts.text_start[first_post[first]], posts.text_end[first_post[last] - 1]
