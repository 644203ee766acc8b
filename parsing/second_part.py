"""The index process's side of a file read in halves (`split_read`): the flags of the second
part's threads, then the part laid out, sent to the reader already shifted to where it lands
in the whole file.

The flags come first: with its own part's flags and these, the reader can list every flag of
the file before it has taken the part in and joined it (seconds of work at a million posts
between its first rows and the flag picker otherwise). They come with the check of the raw
bytes they were found in, so the reader takes them only from the file it read itself.
Shifting the second part's posts is most of the joining; the other process works the first
part's length out from the file itself (`first_extent`) and shifts the posts' positions by it
while it writes the part. The reader, which knows the length for certain, shifts by any
difference left, and the lines by the first part's lines (`split_read.Shift`).
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import IO, TYPE_CHECKING

from .split_read import (
    Halves,
    Shift,
    close_raw,
    join_second,
    normalised_part,
    raw_file,
    read_first,
    read_second,
)

if TYPE_CHECKING:
    from .corpus import Corpus
    from .tables import PostColumns


def first_extent(halves: Halves) -> Shift:
    """Where the second part's positions land: after the first part's length once its line
    ends are normalised (it lays out to as many bytes, unless it holds bytes that are not
    UTF-8). A file without `\r` in that part normalises to itself, which one `find` tells; only
    then is nothing copied. Its lines are left to the reader, which counts them anyway: counting
    them here would keep the part waiting as long as it takes."""
    raw = raw_file(halves)
    try:
        if raw.find(b"\r", halves.mark, halves.cut) < 0:
            return Shift(halves.cut - halves.mark, 0)
        return Shift(len(normalised_part(raw, halves.mark, halves.cut)), 0)
    finally:
        close_raw(raw)


@contextmanager
def shifted_posts(posts: PostColumns, shift: Shift) -> Iterator[None]:
    """`posts` with their positions and lines shifted by `shift` (as the whole file's), for as
    long as this lasts."""
    kept = (posts.text_start, posts.text_end, posts.first_line, posts.last_line, posts.holes)
    offset, lines = shift
    posts.text_start, posts.text_end = _plus(kept[0], offset), _plus(kept[1], offset)
    posts.first_line, posts.last_line = _plus(kept[2], lines), _plus(kept[3], lines)
    posts.holes = {post: (start + offset, end + offset) for post, (start, end) in kept[4].items()}
    try:
        yield
    finally:
        (posts.text_start, posts.text_end, posts.first_line, posts.last_line, posts.holes) = kept


def _plus(column: array[int], by: int) -> array[int]:
    return array(column.typecode, map(by.__add__, column)) if by else column


def send_second(halves: Halves, outgoing: IO[bytes]) -> tuple[Corpus, Callable[[], None]]:
    """In the process that builds the index: lay out the second part, send the flags of its
    threads (`FlagIndexer.part`) with the check of its raw bytes, then the part (the check, its
    buffer's size, the corpus of it without its buffer and shifted as `first_extent` says, and
    that shift, pickled, then the buffer's bytes), then lay out the first part too. The whole
    corpus, and what to call to wait until the part is written before writing anything else.
    A forked process shifts and writes the part, which the reader takes only once it has
    taken the flags: this one goes on meanwhile."""
    from .background import written_later
    from .corpus import Corpus
    from .flag_index import FlagIndexer

    second, check = read_second(halves)
    source = second.sources[0]
    flags = FlagIndexer(second)
    flags.add(second.thread_count)

    def message() -> bytes:
        shift = first_extent(halves)
        buf, source.buf = source.buf, bytearray()
        try:
            with shifted_posts(second.posts, shift):
                head = pickle.dumps((check, len(buf), second, shift), pickle.HIGHEST_PROTOCOL)
        finally:
            source.buf = buf
        return head + buf

    # The reader may stop listening (it quit, or fell back): the index and cache are still made.
    written: Callable[[], None] = _nothing
    with suppress(OSError):
        # Written from here, not after the part is pickled: the reader waits for them as soon
        # as it has laid out its own part, at about the time they are found.
        outgoing.write(pickle.dumps((check, flags.part()), pickle.HIGHEST_PROTOCOL))
        outgoing.flush()
        written = written_later(message, outgoing)
    corpus = Corpus()
    resume, _ = read_first(halves, corpus)
    join_second(corpus, second, resume)
    return corpus, written


def _nothing() -> None:
    pass
