"""Case-insensitive search over post text, as one scan of each raw buffer.

Case is folded character by character (`fold_char`), which keeps offsets aligned, and the query
becomes a `bytes` pattern that accepts every case variant of each character. A match counts when
it lies inside a post's text; the scan then skips to the end of that thread, so even a word in
every thread costs one search per thread, not one per occurrence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache

from .corpus import Corpus

# Beyond this, no code point changes when lower-cased.
_CASED_LIMIT = 0x1E944


def fold_char(char: str) -> str:
    """`char` lower-cased, unless lower-casing would change its length (`İ`)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    return "".join(map(fold_char, text))


def contains(text: str, query: str) -> bool:
    """The reference rule: does `text` contain `query`, ignoring case?"""
    return fold(query) in fold(text)


@cache
def _variants() -> dict[str, frozenset[str]]:
    """Each folded character to every character that folds to it."""
    table: dict[str, set[str]] = defaultdict(set)
    for point in range(_CASED_LIMIT + 1):
        char = chr(point)
        folded = fold_char(char)
        if folded != char:
            table[folded].update((folded, char))
    return {folded: frozenset(chars) for folded, chars in table.items()}


def query_pattern(query: str) -> re.Pattern[bytes]:
    """A pattern matching `query` in UTF-8 in any case."""
    variants = _variants()
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

    A query whose every character folds to ASCII alone is searched as a literal in an
    ASCII-lower-cased copy of each buffer (memchr speed); any other query uses `query_pattern`.
    """
    if not query:
        return list(range(corpus.thread_count))
    ascii_query, exotic = _ascii_form(query)
    pattern: re.Pattern[bytes] | None = None
    found: list[int] = []
    for index, source in enumerate(corpus.sources):
        locate = _Locator(corpus, index)
        literal = ascii_query
        if literal is not None and any(source.holds(variant) for variant in exotic):
            literal = None  # the text has a Kelvin sign for the query's `k`: read it exactly
        if literal is None and pattern is None:
            pattern = query_pattern(query)
        position = 0
        while True:
            if literal is not None:
                start = source.ascii_folded().find(literal, position)
                if start < 0:
                    break
                end = start + len(literal)
            else:
                assert pattern is not None
                match = pattern.search(source.buf, position)
                if match is None:
                    break
                start, end = match.span()
            thread, position = locate(start, end)
            if thread is not None:
                found.append(thread)
    return _with_matches_across_holes(corpus, query, found)


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


def _ascii_form(query: str) -> tuple[bytes | None, tuple[bytes, ...]]:
    """The folded query as bytes if it is ASCII, with the non-ASCII characters that also fold to
    its letters (`K`, the Kelvin sign, folds to `k`): where none of those occurs, a match of
    the ASCII form in ASCII-lower-cased text is exactly a case-insensitive match."""
    folded = fold(query)
    if not folded.isascii():
        return None, ()
    variants = _variants()
    exotic = {v for char in folded for v in variants.get(char, ()) if not v.isascii()}
    return folded.encode(), tuple(sorted(v.encode() for v in exotic))


def threads_matching_slowly(corpus: Corpus, query: str) -> list[int]:
    """The same answer by decoding every post: the reference the fast scan is tested against."""
    return [
        thread
        for thread in range(corpus.thread_count)
        if any(contains(corpus.post_text(post), query) for post in corpus.thread_posts(thread))
    ]
