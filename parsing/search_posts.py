"""Search within one thread, and the plain reference rule the fast searches are tested against."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .corpus import Corpus
from .search_scan import Locator, Query, contains, thread_span

__all__ = ["posts_matching", "threads_matching_slowly"]


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
