"""Case-insensitive search over post text, as one scan of each raw buffer.

Case is folded character by character (`fold_char`), which keeps offsets aligned. The scan
finds the query's case key in each source's case key (`case_key.py`) and, where the key could
stand for other letters too, confirms with a `bytes` pattern that accepts every case variant of
each character. A match counts when it lies inside a post's text; the scan then skips to the
end of that thread, so even a word in every thread costs one search per thread, not one per
occurrence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from .case_key import case_variants, exotic_variants, fold_char, key_of
from .corpus import Corpus


def fold(text: str) -> str:
    return "".join(map(fold_char, text))


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


def threads_matching(corpus: Corpus, query: str) -> list[int]:
    """Threads with a post whose text contains `query`, ignoring case, in corpus order.

    The query's case key is found in each source's case key (`Source.case_keyed`) at memory
    speed. For an ASCII query a hit is a match; for any other it is a candidate that the exact
    pattern confirms. A source holding a variant the key cannot fold (the Kelvin sign for `k`)
    is scanned with the exact pattern instead.
    """
    if not query:
        return list(range(corpus.thread_count))
    key, exotic = key_of(query), exotic_variants(query)
    pattern = query_pattern(query)
    confirm = not query.isascii()
    found: list[int] = []
    for index, source in enumerate(corpus.sources):
        locate = _Locator(corpus, index)
        if any(source.holds(variant) for variant in exotic):
            scan = _pattern_scan(source.buf, pattern)
        else:
            scan = _key_scan(source.buf, source.case_keyed(), key, pattern if confirm else None)
        position = 0
        while (span := scan(position)) is not None:
            thread, position = locate(*span)
            if thread is not None:
                found.append(thread)
    return _with_matches_across_holes(corpus, query, found)


Scan = Callable[[int], "tuple[int, int] | None"]
"""The first match at or after a position, as (start, end), or None."""


def _pattern_scan(buf: bytearray, pattern: re.Pattern[bytes]) -> Scan:
    def scan(position: int) -> tuple[int, int] | None:
        match = pattern.search(buf, position)
        return None if match is None else match.span()

    return scan


def _key_scan(
    buf: bytearray, keyed: bytearray, key: bytes, confirm: re.Pattern[bytes] | None
) -> Scan:
    def scan(position: int) -> tuple[int, int] | None:
        while (start := keyed.find(key, position)) >= 0:
            if confirm is None:
                return start, start + len(key)
            match = confirm.match(buf, start)
            if match is not None:
                return match.span()
            position = start + 1
        return None

    return scan


def _with_matches_across_holes(corpus: Corpus, query: str, found: list[int]) -> list[int]:
    """Add the threads whose match spans a hole (a lead line, then the text after the marker
    below it): the scan cannot see those, so the few posts with a hole are read whole."""
    if not corpus.posts.with_holes:
        return found
    more = set(found)
    for post in corpus.posts.with_holes:
        thread = corpus.thread_of(post)
        if thread not in more and contains(corpus.post_text(post), query):
            more.add(thread)
    return sorted(more)


class _Locator:
    """Which thread of one source a match falls in, and where to look next."""

    def __init__(self, corpus: Corpus, source: int) -> None:
        threads = corpus.threads
        self.posts = corpus.posts
        self.first_post_of = threads.first_post
        self.first_thread = bisect_left(threads.source, source)
        self.last_thread = bisect_right(threads.source, source)
        self.first_post = threads.first_post[self.first_thread]
        self.last_post = threads.first_post[self.last_thread]

    def __call__(self, start: int, end: int) -> tuple[int | None, int]:
        """(thread, the end of that thread) for a match inside a post's text, else (None,
        the next byte): a thread is reported once, at its first match."""
        posts = self.posts
        if self.first_thread == self.last_thread:
            return None, 1 << 62
        post = bisect_right(posts.text_start, start, self.first_post, self.last_post) - 1
        inside = (
            post >= self.first_post
            and end <= posts.text_end[post]
            and (end <= posts.hole_start[post] or start >= posts.hole_end[post])
        )
        if not inside:
            return None, start + 1
        thread = bisect_right(self.first_post_of, post, self.first_thread, self.last_thread) - 1
        return thread, posts.text_end[self.first_post_of[thread + 1] - 1]


def threads_matching_slowly(corpus: Corpus, query: str) -> list[int]:
    """The same answer by decoding every post: the reference the fast scan is tested against."""
    return [
        thread
        for thread in range(corpus.thread_count)
        if any(contains(corpus.post_text(post), query) for post in corpus.thread_posts(thread))
    ]
