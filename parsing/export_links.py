"""The links of a source read once, for both its glued-token evidence and its export.

An export part reads every link of its text for the evidence (their domains) before it writes,
then read them all again, batch by batch, to write them. Here the first reading keeps the spans
(`counted_link_spans`), and each batch takes those of its posts, moved to where the posts stand
in the batch, instead of finding them again.

A post's links found in the whole source are those found in the post alone when whitespace (or
the source's edge) stands on either side of its text: no token then crosses its edges, and a
token's reading depends only on its own bytes (the index keeps link tokens on the same ground,
`by_thread._kept_tokens`). A batch with a post not so bounded, or with a hole in its text (a
marker inside it), reads its links itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import chain, repeat
from operator import itemgetter, sub

from .entities.spans import SpanTuple

_START = itemgetter(1)
_WHITESPACE = b" \t\n\r\f\v"


class KeptLinks:
    """The link spans of one source buffer, in order (`counted_link_spans` of all of it)."""

    __slots__ = ("buf", "spans", "starts")

    def __init__(self, buf: bytes | bytearray, spans: list[SpanTuple]) -> None:
        self.buf, self.spans = buf, spans
        self.starts = list(map(_START, spans))

    def of_posts(
        self,
        text_starts: Sequence[int],
        text_ends: Sequence[int],
        starts: Sequence[int],
    ) -> list[SpanTuple] | None:
        """The links of posts whose texts are `buf[text_starts[i]:text_ends[i]]` (in order,
        without holes), at their offsets in a batch where post i starts at `starts[i]`; None
        when a post is not bounded by whitespace (the batch must read its links itself)."""
        if not text_starts:
            return []
        buf, size = self.buf, len(self.buf)
        low, high = text_starts[0], text_ends[-1]
        # The bytes on either side of every post, gathered in C: whitespace alone, or a post
        # at the buffer's edge (left out, since `buf[-1]` would be the last byte and
        # `buf[size]` none; more than one post may stand there when some are empty).
        before = map(sub, filter(None, text_starts), repeat(1))
        after = filter(size.__ne__, text_ends)
        edges = bytes(map(buf.__getitem__, chain(before, after)))
        if edges.translate(None, _WHITESPACE):
            return None
        kept = self.starts
        found: list[SpanTuple] = []
        post_start, post_end = text_starts[0], text_ends[0]
        shift = starts[0] - post_start
        for kind, start, end, url, truncated in self.spans[
            bisect_left(kept, low) : bisect_left(kept, high)
        ]:
            if start >= post_end:  # in a later post, or between two (then in none)
                post = bisect_right(text_ends, start)
                post_start, post_end = text_starts[post], text_ends[post]
                shift = starts[post] - post_start
            if start >= post_start:
                found.append((kind, start + shift, end + shift, url, truncated))
        return found
