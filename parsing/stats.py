"""Corpus statistics: counts, flags, top mentions, hashtags and link domains.

This is the fast path over a whole corpus: one tally per source buffer (no per-post objects, no
decoding of post text), then glued tokens split with the corpus-wide evidence.
"""

from __future__ import annotations

import gc
import mmap
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from .background import PARALLEL_BYTES, later
from .containers import Entry, FileEntry
from .decoding import normalise, normalise_newlines, replacement_warning, utf8_mark
from .entities.flags import region_names
from .errors import ThreadlineError
from .formats.pages import FORMAT as PAGES_FORMAT
from .part_counts import Part, Totals, add_corpus, corpus_totals, count_part
from .split_points import safe_split, split_unnormalised

if TYPE_CHECKING:
    from .corpus import Corpus

TOP = 10
PAGES = PAGES_FORMAT.name
_PARALLEL_BYTES = PARALLEL_BYTES
"""Below this, a second process costs more than it saves (its own name, for tests to lower)."""


class CorpusStats(NamedTuple):
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
    warnings: list[str]

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
    return _finish(corpus_totals(corpus), len(corpus.sources), corpus.warnings)


def stats_for_paths(paths: Sequence[str | os.PathLike[str]]) -> CorpusStats:
    """Statistics of the files behind `paths`, using every core: a big file is split where a
    thread must end anyway, and the second half is parsed and counted in a forked process."""
    with cycle_collector_paused():
        return _stats_for_paths(paths)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Parsing makes hundreds of thousands of small objects (line events, counts, entity
    spans) and no reference cycles; the cycle collector's passes over them cost about a tenth
    of the time at a million posts (`stats`, `export`). Memory is freed by reference counting
    as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stats_for_paths(paths: Sequence[str | os.PathLike[str]]) -> CorpusStats:
    from .read_loop import plan

    planned = plan(paths)
    warnings = list(planned.warnings)
    totals, sources = Totals(), 0
    others = None
    for item in planned.items:
        try:
            if item.format.name != PAGES:
                # Other formats count through the general path: read into a corpus, then tally.
                from .corpus import Corpus

                others = others or Corpus()
                before = len(others.sources)
                item.format.read(item.entry, others)
                sources += len(others.sources) - before
                continue
            raw = page_bytes(item.entry)
        except ThreadlineError as error:
            if item.named:
                raise
            warnings.append(f"{error} (skipped)")
            continue
        sources += 1
        replaced, encoding = _add_page(totals, raw)
        if replaced:
            warnings.append(replacement_warning(item.entry.name, replaced, encoding))
    if others is not None:
        add_corpus(totals, others)
        warnings += others.warnings
    return _finish(totals, sources, warnings)


def page_bytes(entry: Entry) -> bytearray | mmap.mmap:
    return entry.mapped(_PARALLEL_BYTES) if isinstance(entry, FileEntry) else entry.data()


def _add_page(totals: Totals, raw: bytearray | mmap.mmap) -> tuple[int, str]:
    """Count one file of page text into `totals`; the invalid sequences replaced and the
    encoding, for the warning."""
    page = open_page(raw)
    parts = _parts(page.buf, page.mark)
    replaced, encoding = page.replaced, page.encoding
    for part in parts:
        totals.add(part)
        replaced += part.replaced
    return replaced, encoding


class Page(NamedTuple):
    """A file of page text ready to be cut in two (`split_of`)."""

    buf: bytearray | mmap.mmap
    """Normalised, or a map of UTF-8 with line ends yet to normalise (each part's process
    copies its part straight from the map and normalises it, in parallel)."""
    mark: int
    """The bytes of byte-order mark the map starts with (the first part leaves them out)."""
    encoding: str
    replaced: int
    """Invalid sequences replaced so far (decoding UTF-16)."""


def open_page(raw: bytearray | mmap.mmap) -> Page:
    """`raw` (`page_bytes`) as a page to cut: a map of UTF-8 as it is, anything else
    normalised whole."""
    mark = utf8_mark(raw) if isinstance(raw, mmap.mmap) else None
    if mark is not None:
        return Page(raw, mark, "utf-8-sig" if mark else "utf-8", 0)
    normalised = normalise(read_out(raw))
    return Page(normalised.data, 0, normalised.encoding, normalised.replaced)


def split_of(buf: bytearray | mmap.mmap, mark: int = 0, near: float = 0.5) -> int | None:
    """Where to cut a page's `buf` in two parts that parse as they do in the whole, close to
    `near` of the way in, when it is big enough for a second process to pay; None otherwise."""
    if len(buf) < _PARALLEL_BYTES:
        return None
    if isinstance(buf, mmap.mmap):
        return split_unnormalised(buf, mark, near)
    return safe_split(buf, near)


def read_out(raw: bytearray | mmap.mmap) -> bytearray:
    """`raw` as a buffer of its own (a map is copied out and closed)."""
    if isinstance(raw, bytearray):
        return raw
    with raw:
        return bytearray(raw)


def _parts(buf: bytearray | mmap.mmap, mark: int = 0) -> list[Part]:
    """Parse and count `buf` (normalised, or a map of UTF-8 with `mark` bytes of byte-order mark
    and line ends yet to normalise), its second half in a forked process when it is big enough.
    A map is closed when its parts are copied out."""
    split = split_of(buf, mark)
    if split is None:
        return [_count(take_part(buf, mark, len(buf)))]
    parent = os.getpid()

    def second_half() -> Part:
        half = copy_part(buf, split, len(buf))
        if os.getpid() != parent:
            # A forked child shares the parent's pages until it writes to them. Having copied its
            # half, it lets go of the whole buffer, so the pages of the original half it read
            # are not kept alongside the copy while it parses.
            release(buf)
        return _count(half)

    second = later(second_half)
    return [_count(take_part(buf, mark, split)), second()]


def _count(part: bytearray) -> Part:
    return count_part(normalise_newlines(part))


def copy_part(buf: bytearray | mmap.mmap, start: int, stop: int) -> bytearray:
    return bytearray(memoryview(buf)[start:stop])


def take_part(buf: bytearray | mmap.mmap, start: int, stop: int) -> bytearray:
    """`buf[start:stop]` as a bytearray of its own; `buf` is not needed after."""
    if isinstance(buf, bytearray) and start == 0:
        del buf[stop:]  # in place, no copy
        return buf
    part = copy_part(buf, start, stop)
    release(buf)
    return part


def release(buf: bytearray | mmap.mmap) -> None:
    if isinstance(buf, bytearray):
        buf.clear()
    else:
        buf.close()


def _finish(totals: Totals, sources: int, warnings: list[str]) -> CorpusStats:
    totals.split_glued()
    whole = totals.whole
    return CorpusStats(
        sources=sources,
        threads=totals.threads,
        posts=totals.posts,
        missing=totals.missing,
        skipped=totals.skipped,
        entities=whole.counts(),
        flags=+whole.flags,
        mentions=_case_insensitive(whole.mentions),
        hashtags=_case_insensitive(whole.hashtags),
        domains=+whole.domains,
        warnings=list(warnings),
    )


def _case_insensitive(counts: Counter[str]) -> Counter[str]:
    """Merge `@DmitriTrenin` and `@dmitritrenin`, keeping the spelling seen most."""
    spellings: dict[str, Counter[str]] = {}
    for name, count in counts.items():
        if count > 0:
            spellings.setdefault(name.lower(), Counter())[name] += count
    return Counter({forms.most_common(1)[0][0]: forms.total() for forms in spellings.values()})
