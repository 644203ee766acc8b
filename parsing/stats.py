"""Corpus statistics: counts, flags, top mentions, hashtags and link domains.

This is the fast path over a whole corpus: one tally per source buffer (no per-post objects, no
decoding of post text), then glued tokens split with the corpus-wide evidence.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from .background import later
from .corpus import Corpus
from .decoding import normalise, replacement_warning
from .entities.flags import region_names
from .entities.glued import GluedEvidence, GluedToken
from .entities.tally import Tally, apply_glued, tally
from .layout_counts import CountingLayout
from .sources import read_all
from .split_points import safe_split
from .tables import PostColumns, SkippedLine, ThreadColumns

TOP = 10
_PARALLEL_BYTES = 4 << 20
"""Below this, a second process costs more than it saves."""


@dataclass
class CorpusStats:
    sources: int
    threads: int
    posts: int
    missing: int
    skipped: int
    entities: dict[str, int]
    flags: Counter[str]
    """Flag code to the number of times it is used."""
    mentions: Counter[str]
    hashtags: Counter[str]
    domains: Counter[str]
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        names = region_names()
        return {
            "sources": self.sources,
            "threads": self.threads,
            "posts": self.posts,
            "missing": self.missing,
            "skipped": self.skipped,
            "entities": self.entities,
            "flags": dict(ranked(self.flags)),
            "flag_names": {code: names.get(code, code) for code, _ in ranked(self.flags)},
            "top_mentions": ranked(self.mentions, TOP),
            "top_hashtags": ranked(self.hashtags, TOP),
            "top_domains": ranked(self.domains, TOP),
        }


def ranked(counts: Counter[str], limit: int | None = None) -> list[tuple[str, int]]:
    """The most common first; ties in name order, so the ranking does not depend on the order
    the counts were gathered in (one pass or several parts)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def corpus_stats(corpus: Corpus) -> CorpusStats:
    """Statistics of a loaded `corpus`."""
    whole = Tally()
    for source in corpus.sources:
        whole.add(tally(source.buf))
    missing = missing_posts(corpus.posts.number, corpus.threads.first_post)
    counts = Part(corpus.thread_count, corpus.post_count, missing, len(corpus.skipped))
    return _finish(whole, counts, len(corpus.sources), corpus.warnings)


def stats_for_paths(paths: Sequence[str | os.PathLike[str]]) -> CorpusStats:
    """Statistics of the files behind `paths`, using every core: a big file is split where a
    thread must end anyway, and the second half is parsed and counted in a forked process."""
    with _cycle_collector_paused():
        return _stats_for_paths(paths)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Parsing makes hundreds of thousands of small objects (line events, counts) and no
    reference cycles; the cycle collector's passes over them cost about a tenth of the time
    at a million posts. Memory is freed by reference counting as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stats_for_paths(paths: Sequence[str | os.PathLike[str]]) -> CorpusStats:
    warnings: list[str] = []
    whole, counts, sources = Tally(), Part(), 0
    for file, raw in read_all(paths, warnings):
        normalised = normalise(raw)
        sources += 1
        replaced = normalised.replaced
        for part in _parts(normalised.data):
            Tally.remember_glued(part.glued_readings)
            whole.add(part.tally)
            counts.add(part)
            replaced += part.replaced
        if replaced:
            warnings.append(replacement_warning(file.name, replaced, normalised.encoding))
    return _finish(whole, counts, sources, warnings)


@dataclass
class Part:
    """What one stretch of a source contributes to the statistics."""

    threads: int = 0
    posts: int = 0
    missing: int = 0
    skipped: int = 0
    tally: Tally = field(default_factory=Tally)
    replaced: int = 0
    """Invalid UTF-8 sequences replaced in this part."""
    glued_readings: dict[bytes, GluedToken | None] = field(default_factory=dict)
    """Its glued tokens already read, so the parent does not read them again."""

    def add(self, other: Part) -> None:
        self.threads += other.threads
        self.posts += other.posts
        self.missing += other.missing
        self.skipped += other.skipped


def _parts(buf: bytearray) -> list[Part]:
    """Parse and count `buf`, its second half in a forked process when it is big enough."""
    split = safe_split(buf) if len(buf) >= _PARALLEL_BYTES else None
    if split is None:
        return [_part(buf)]
    parent = os.getpid()

    def second_half() -> Part:
        half = buf[split:]  # a bytearray's slice is a copy
        if os.getpid() != parent:
            # A forked child shares the parent's pages until it writes to them. Having copied its
            # half, it lets go of the whole buffer, so the pages of the original half it read
            # are not kept alongside the copy while it parses.
            buf.clear()
        return _part(half)

    second = later(second_half)
    del buf[split:]
    return [_part(buf), second()]


def _part(buf: bytearray) -> Part:
    """Parse and count one part (its invalid UTF-8 is replaced here, where it is read)."""
    prepared = Corpus().prepare_source("part", buf, normalised=True)
    posts, threads, skipped = PostColumns(), ThreadColumns(), list[SkippedLine]()
    layout = CountingLayout(prepared.source.buf, 0, posts, threads, skipped)
    layout.chrome_texts = prepared.chrome_texts
    layout.build(prepared.events)
    counts = tally(prepared.source.buf)
    return Part(
        len(threads),
        len(posts),
        missing_posts(posts.number, threads.first_post),
        len(skipped),
        counts,
        prepared.source.replaced,
        counts.glued_readings(),
    )


def _finish(whole: Tally, counts: Part, sources: int, warnings: list[str]) -> CorpusStats:
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    apply_glued(whole, evidence)
    return CorpusStats(
        sources=sources,
        threads=counts.threads,
        posts=counts.posts,
        missing=counts.missing,
        skipped=counts.skipped,
        entities=whole.counts(),
        flags=+whole.flags,
        mentions=_case_insensitive(whole.mentions),
        hashtags=_case_insensitive(whole.hashtags),
        domains=+whole.domains,
        warnings=list(warnings),
    )


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


def _case_insensitive(counts: Counter[str]) -> Counter[str]:
    """Merge `@DmitriTrenin` and `@dmitritrenin`, keeping the spelling seen most."""
    spellings: dict[str, Counter[str]] = {}
    for name, count in counts.items():
        if count > 0:
            spellings.setdefault(name.lower(), Counter())[name] += count
    return Counter({forms.most_common(1)[0][0]: forms.total() for forms in spellings.values()})
