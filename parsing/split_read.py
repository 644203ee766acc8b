"""One big page file read in two parts, each by its own process, then joined into one corpus.

The reader lays out the first part of the file (and paints its first threads) while the process
that builds the index lays out the second and sends it back laid out: its buffer (normalised,
chrome blanked) and its columns. The cut is where `threadline stats` cuts a file
(`split_points.split_unnormalised`): parsing starts afresh there, so each part lays out as it
does inside the whole. Joining shifts the second part's positions, line numbers and post and
thread numbers by the first part's, and gives the threads their page metadata from the first
part's last thread on (`page_threads.PageState`), since that may read lines on either side of
the cut. The joined corpus is the one a single read of the file gives (tests hold it equal).

Only a single page file read from disk, UTF-8 (with or without a byte-order mark), of
`SPLIT_BYTES` or more, is read in two parts; the second process reads the same file, and the
reader checks that it read the same bytes (`RawCheck`).
"""

from __future__ import annotations

import zlib
from array import array
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

from .background import PARALLEL_BYTES
from .containers import FileEntry
from .decoding import normalise_newlines, replacement_warning, utf8_mark
from .errors import ThreadlineError
from .formats.page_threads import PageState, attach_page_meta
from .formats.pages import FORMAT as PAGES
from .sources import SourceFile, read
from .split_points import split_unnormalised
from .tables import SkippedLine

if TYPE_CHECKING:
    import mmap

    from .corpus import Corpus
    from .read_loop import Plan

SPLIT_BYTES = PARALLEL_BYTES
"""Below this, a second process costs more than it saves (its own name, for tests to lower)."""
READER_SHARE = 0.45
"""About how much of the file the reader lays out: less than half, since it also starts its
interface, finds the flags of its part and joins the parts while the other process, started
as the reader starts, lays out the rest. In a terminal its interface shares the interpreter
lock with the reading (traced at 300k posts in tmux, the reader laid out its part about 1.4
times slower per byte than the other process did), which alone would put the balance near
0.42; but the other process also hands its part over, and traced launches at 0.4 found it
the last to have its flags. In tmux at a million posts, launches alternating with 0.4 in one
run, flags came at 3.64-5.41 s (median 4.34, few handles) and 6.60-7.03 s (many) against
4.09-6.72 s (median 5.45) and 7.40-7.77 s at 0.4; a third was slower than 0.4."""


class RawCheck(NamedTuple):
    """The length and CRC-32 of the raw bytes a part was read from (CRC-32 reads at several
    GB/s and lets other threads run while it does)."""

    length: int
    crc: int

    @classmethod
    def of(cls, raw: bytes | bytearray | mmap.mmap, start: int) -> RawCheck:
        part = memoryview(raw)[start:]
        try:
            return cls(len(part), zlib.crc32(part))
        finally:
            part.release()


class Shift(NamedTuple):
    """Where a second part lands in the whole file: after the first part's `offset` bytes (as
    laid out) and `lines` lines. A part sent by the other process comes shifted by what that
    process worked out (`second_part`); joining shifts it by whatever is left."""

    offset: int = 0
    lines: int = 0


UNSHIFTED = Shift()


@dataclass
class Halves:
    """Where a planned file is cut in two."""

    path: str
    name: str
    mark: int
    """Bytes of byte-order mark at its start (0 or 3)."""
    cut: int
    """Where its second part starts in the raw file."""


def plan_halves(planned: Plan) -> Halves | None:
    """The cut of a plan that is one big UTF-8 page file; None for anything else."""
    if len(planned.items) != 1:
        return None
    item = planned.items[0]
    entry = item.entry
    if item.format is not PAGES or not isinstance(entry, FileEntry) or entry.size < SPLIT_BYTES:
        return None
    try:
        raw = read(SourceFile(entry.name, entry.path), map_from=0)
    except ThreadlineError:  # unreadable or binary: the plain read says so
        return None
    try:
        mark = utf8_mark(raw)
        cut = split_unnormalised(raw, mark, READER_SHARE) if mark is not None else None
    finally:
        close_raw(raw)
    return None if mark is None or cut is None else Halves(entry.path, entry.name, mark, cut)


def read_first(halves: Halves, corpus: Corpus) -> tuple[PageState, RawCheck]:
    """Lay out the first part into `corpus` (from its current end); where the metadata resumes
    once the second part is joined, and the check of the raw second part this process saw."""
    raw = raw_file(halves)
    try:
        check = RawCheck.of(raw, halves.cut)
        part = normalised_part(raw, halves.mark, halves.cut)
    finally:
        close_raw(raw)
    threads, skipped = corpus.thread_count, len(corpus.skipped)
    source = corpus.add_source(halves.name, part, normalised=True)
    source.encoding = "utf-8-sig" if halves.mark else "utf-8"
    return attach_page_meta(corpus, threads, skipped), check


def read_second(halves: Halves) -> tuple[Corpus, RawCheck]:
    """The second part laid out alone (no metadata yet), and the check of the raw bytes."""
    from .corpus import Corpus

    raw = raw_file(halves)
    try:
        check = RawCheck.of(raw, halves.cut)
        part = normalised_part(raw, halves.cut, len(raw))
    finally:
        close_raw(raw)
    second = Corpus()
    second.add_source(halves.name, part, normalised=True)
    return second, check


def join_second(
    corpus: Corpus,
    second: Corpus,
    resume: PageState,
    buf: bytearray | None = None,
    shifted: Shift = UNSHIFTED,
) -> None:
    """Append `second`'s threads to `corpus`'s last source (its first part), as a single read
    of the whole file would have laid them out. `buf`: the whole buffer, the first part's bytes
    then the second part's (else it is made here, `joined`); `shifted`: how far the positions
    and line numbers of `second`'s posts are shifted already.

    The threads are counted last, so a reader in another thread sees them all or none."""
    source, half = corpus.sources[-1], second.sources[0]
    offset, index = len(source.buf), len(corpus.sources) - 1
    lines = sum(source.buf.count(b"\n", at, at + _WINDOW) for at in range(0, offset, _WINDOW))
    posts_before = corpus.post_count
    source.buf = joined(source.buf, half.buf) if buf is None else buf
    source._holds.clear()  # what it found was in the first part only
    _join_replaced(corpus, halves_name=source.name, first=source.replaced, second=half.replaced)
    source.replaced += half.replaced
    corpus.skipped += [SkippedLine(index, line.line + lines, line.text) for line in second.skipped]
    source.credits += [(line + lines, text) for line, text in half.credits]
    posts, more = corpus.posts, second.posts
    left = Shift(offset - shifted.offset, lines - shifted.lines)
    posts.reach(len(source.buf))
    _extend_shifted(posts.text_start, more.text_start, left.offset)
    _extend_shifted(posts.text_end, more.text_end, left.offset)
    _extend_shifted(posts.first_line, more.first_line, left.lines)
    _extend_shifted(posts.last_line, more.last_line, left.lines)
    posts.number += more.number
    for post in more.with_holes:
        start, end = more.holes[post]
        posts.holes[post + posts_before] = (start + left.offset, end + left.offset)
        posts.with_holes.append(post + posts_before)
    threads = corpus.threads
    _extend_shifted(threads.first_post, second.threads.first_post[1:], posts_before)
    count = len(threads.source) + len(second.threads)
    corpus.thread_meta.pop(resume.thread, None)  # read again, with the lines after the cut
    attach_page_meta(corpus, 0, 0, state=resume, count=count)
    threads.source += array("i", repeat(index, len(second.threads)))
    corpus.__dict__.pop("thread_ids", None)


def _join_replaced(corpus: Corpus, halves_name: str, first: int, second: int) -> None:
    """One warning for the whole file's invalid UTF-8, where the first part's said its own."""
    if not second:
        return
    if first:
        corpus.warnings.remove(replacement_warning(halves_name, first, "utf-8"))
    corpus.warnings.append(replacement_warning(halves_name, first + second, "utf-8"))


_WINDOW = 4 << 20
"""Bytes copied or counted in one call, and (a sixty-fourth of it) numbers shifted in one: a
call over a whole part holds the interpreter lock for tens of milliseconds, which the reader's
interface would wait for."""


def _extend_shifted(target: array[int], values: array[int], by: int) -> None:
    """`target` extended with `values`, each plus `by`."""
    if not by and target.typecode == values.typecode:
        target += values
        return
    step = max(_WINDOW >> 6, 1)
    for start in range(0, len(values), step):
        target.extend(map(by.__add__, values[start : start + step]))


def extend_in_windows(buf: bytearray, part: bytearray | memoryview | mmap.mmap) -> None:
    """`buf` extended with `part`, a window at a time. A buffer made at its full size at
    once, `bytearray(n)`, is zeroed in one call: a quarter of a second at a million posts."""
    with memoryview(part) as view:
        for start in range(0, len(view), _WINDOW):
            buf += view[start : start + _WINDOW]


def joined(first: bytearray, second: bytearray) -> bytearray:
    """A buffer of `first`'s bytes then `second`'s."""
    buf = bytearray()
    extend_in_windows(buf, first)
    extend_in_windows(buf, second)
    return buf


def normalised_part(raw: bytearray | mmap.mmap, start: int, stop: int) -> bytearray:
    """`raw[start:stop]` copied out, with its line ends normalised."""
    part = bytearray()
    with memoryview(raw) as view:
        extend_in_windows(part, view[start:stop])
    return normalise_newlines(part)


def raw_file(halves: Halves) -> bytearray | mmap.mmap:
    return read(SourceFile(halves.name, halves.path), map_from=0)


def close_raw(raw: bytearray | mmap.mmap) -> None:
    if not isinstance(raw, bytearray):
        raw.close()
