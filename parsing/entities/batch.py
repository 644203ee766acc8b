"""The entities of many posts in one reading of the reference extractor.

`extract_spans` has a fixed cost per call (a dozen scans set up, a dozen generators, a sort)
that dominates for a post of a few hundred bytes; an export calls it for every post of the
corpus. Here the posts of a batch are joined by a newline and read by `extract_spans` once. No
entity holds a newline, and a newline stands before and after each post as the start and end of
a text do for every rule (a mention, hashtag, cashtag or link may start after it and end before
it; a run of flags breaks there), so each post gets exactly the spans `extract_spans` gives it
alone (a property test holds the two equal).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import NamedTuple

from .extract import extract_span_tuples
from .glued import GluedEvidence
from .spans import SpanTuple

SEPARATOR = b"\n"


class PostBatch(NamedTuple):
    """Posts joined by `SEPARATOR`, where each starts in the joined bytes, and the spans of
    them all in order (byte offsets into `joined`)."""

    joined: bytes
    starts: list[int]
    """Where each post starts in `joined`, and one more entry: the end plus the separator."""
    spans: list[SpanTuple]


def read_batch(
    pieces: Sequence[bytes | bytearray],
    evidence: GluedEvidence,
    links_at: Callable[[list[int]], list[SpanTuple] | None] | None = None,
) -> PostBatch:
    """The spans of every post in `pieces` (their UTF-8 texts), with the corpus's evidence.
    `links_at`, given where each post starts in the joined batch, tells the posts' links when
    they were read before (None: they are read here)."""
    joined = SEPARATOR.join(pieces)
    # Each start is the one before plus that post's length and the separator's (summed in C).
    starts = list(accumulate(map(len(SEPARATOR).__add__, map(len, pieces)), initial=0))
    links = None if links_at is None else links_at(starts)
    return PostBatch(joined, starts, extract_span_tuples(joined, evidence, links))


def spans_by_post(batch: PostBatch) -> list[list[SpanTuple]]:
    """The batch's spans per post, offsets relative to the post (what `extract_spans` of the
    post alone gives)."""
    found: list[list[SpanTuple]] = [[] for _ in batch.starts[1:]]
    post, starts = 0, batch.starts
    for kind, start, end, value, truncated in batch.spans:
        while start >= starts[post + 1]:
            post += 1
        base = starts[post]
        found[post].append((kind, start - base, end - base, value, truncated))
    return found
