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
    """Threads with a post whose text contains `query`, ignoring case, in corpus order."""
    if not query:
        return list(range(corpus.thread_count))
    pattern = query_pattern(query)
    posts, threads = corpus.posts, corpus.threads
    found: list[int] = []
    for index, source in enumerate(corpus.sources):
        first_thread = bisect_left(threads.source, index)
        last_thread = bisect_right(threads.source, index)
        if first_thread == last_thread:
            continue
        first_post = threads.first_post[first_thread]
        last_post = threads.first_post[last_thread]
        buf = source.buf
        pos = 0
        while (match := pattern.search(buf, pos)) is not None:
            start, end = match.span()
            post = bisect_right(posts.text_start, start, first_post, last_post) - 1
            inside = (
                post >= first_post
                and end <= posts.text_end[post]
                and (end <= posts.hole_start[post] or start >= posts.hole_end[post])
            )
            if not inside:
                pos = start + 1
                continue
            thread = bisect_right(threads.first_post, post, first_thread, last_thread) - 1
            found.append(thread)
            pos = posts.text_end[threads.first_post[thread + 1] - 1]
    return found


def threads_matching_slowly(corpus: Corpus, query: str) -> list[int]:
    """The same answer by decoding every post: the reference the fast scan is tested against."""
    return [
        thread
        for thread in range(corpus.thread_count)
        if any(contains(corpus.post_text(post), query) for post in corpus.thread_posts(thread))
    ]
