"""What one stretch of a source adds to `threadline stats`, and the sum of the stretches.

A part is laid out with the counting layout and its entities tallied in one pass each; what it
hands back is small (counts, and a summary of its glued tokens), since the second half of a big
file is counted in a forked process and sent back pickled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .decoding import replace_invalid_utf8
from .entities.glued_counts import GluedSummary, apply_glued
from .entities.tally import Tally, tally
from .layout_counts import CountingLayout
from .lines import read_structure
from .tables import PostColumns, SkippedLine, ThreadColumns

if TYPE_CHECKING:
    from .corpus import Corpus


class Part(NamedTuple):
    """What one stretch of a source contributes to the statistics."""

    threads: int
    posts: int
    missing: int
    skipped: int
    tally: Tally
    replaced: int
    """Invalid UTF-8 sequences replaced in this part."""
    glued: GluedSummary
    """Its glued tokens, summed up (`tally.glued` is left empty: this is what a forked part sends
    back, much smaller than the tokens)."""


def count_part(buf: bytearray) -> Part:
    """Lay out and count one part (its invalid UTF-8 is replaced here, where it is read)."""
    # What `Corpus.prepare_source` does, without the corpus (nor importing it).
    buf, replaced = replace_invalid_utf8(buf)
    events, _ = read_structure(buf, keep_texts=False)
    posts, threads, skipped = PostColumns(), ThreadColumns(), list[SkippedLine]()
    layout = CountingLayout(buf, 0, posts, threads, skipped)
    layout.build(events)
    counts = tally(buf)
    glued = GluedSummary.taken_from(counts)
    return Part(
        len(threads),
        len(posts),
        missing_posts(posts.number, threads.first_post),
        len(skipped),
        counts,
        replaced,
        glued,
    )


class Totals:
    """The parts added up; glued tokens are split once all are in (`split_glued`)."""

    __slots__ = ("glued", "missing", "posts", "skipped", "threads", "whole")

    def __init__(self) -> None:
        self.whole = Tally()
        self.glued = GluedSummary()
        self.threads = self.posts = self.missing = self.skipped = 0

    def add(self, part: Part) -> None:
        self.whole.add(part.tally)
        self.glued.add(part.glued)
        self.threads += part.threads
        self.posts += part.posts
        self.missing += part.missing
        self.skipped += part.skipped

    def split_glued(self) -> None:
        """Split the glued mention+link tokens the whole corpus gives evidence for."""
        apply_glued(self.whole, self.glued.evidence(self.whole.domains), self.glued)


def corpus_totals(corpus: Corpus) -> Totals:
    """The totals of a corpus already loaded."""
    totals = Totals()
    add_corpus(totals, corpus)
    return totals


def add_corpus(totals: Totals, corpus: Corpus) -> None:
    """Add a loaded corpus to `totals` (formats other than page text are counted this way)."""
    for source in corpus.sources:
        part = tally(source.buf)
        totals.glued.add(GluedSummary.taken_from(part))
        totals.whole.add(part)
    totals.threads += corpus.thread_count
    totals.posts += corpus.post_count
    totals.missing += missing_posts(corpus.posts.number, corpus.threads.first_post)
    totals.skipped += len(corpus.skipped)


def missing_posts(numbers: Sequence[int], first_post: Sequence[int]) -> int:
    """How many post numbers are absent from 1..highest, over all threads (thread t owns posts
    `first_post[t]` up to `first_post[t + 1]`)."""
    missing = 0
    for thread in range(len(first_post) - 1):
        present = set(numbers[first_post[thread] : first_post[thread + 1]])
        present.discard(0)
        if present:
            missing += max(present) - len(present)
    return missing
