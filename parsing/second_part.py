"""The index process's side of a file read in halves (`split_read`): the second part laid out,
sent to the reader already shifted to where it lands in the whole file, then its flags.

The reader joins the parts as soon as it has laid out its own: every step it takes there is a
step between its first rows and the flag picker. Shifting the second part's posts (their
positions by the first part's length, their lines by its lines) is most of that joining, about
a third of a second at a million posts; the other process works the first part's length and
lines out from the file itself (`first_extent`), and shifts them while it writes the part. The
reader, which knows them for certain, shifts by any difference left (`split_read.Shift`).
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
    """The first part's length once its line ends are normalised, and its lines: where the
    second part lands when the first lays out to as many bytes (it does, unless it holds bytes
    that are not UTF-8)."""
    raw = raw_file(halves)
    try:
        part = normalised_part(raw, halves.mark, halves.cut)
    finally:
        close_raw(raw)
    return Shift(len(part), part.count(b"\n"))


@contextmanager
def shifted_posts(posts: PostColumns, shift: Shift) -> Iterator[None]:
    """`posts` with their positions and lines shifted by `shift` (as the whole file's), for as
    long as this lasts."""
    kept = (posts.text_start, posts.text_end, posts.first_line, posts.last_line, posts.holes)
    offset, lines = shift
    posts.text_start = array(kept[0].typecode, map(offset.__add__, kept[0]))
    posts.text_end = array(kept[1].typecode, map(offset.__add__, kept[1]))
    posts.first_line = array(kept[2].typecode, map(lines.__add__, kept[2]))
    posts.last_line = array(kept[3].typecode, map(lines.__add__, kept[3]))
    posts.holes = {post: (start + offset, end + offset) for post, (start, end) in kept[4].items()}
    try:
        yield
    finally:
        (posts.text_start, posts.text_end, posts.first_line, posts.last_line, posts.holes) = kept


def send_second(halves: Halves, outgoing: IO[bytes]) -> Corpus:
    """In the process that builds the index: lay out the second part and send it (its check,
    its buffer's size, the corpus of it without its buffer and shifted as `first_extent` says,
    and that shift, pickled, then the buffer's bytes), then the flags of its threads
    (`FlagIndexer.part`), then lay out the first part too; the whole corpus. A forked process
    shifts and writes the second part, so the flags are found while the reader, still reading
    its own part, has yet to take it."""
    from .background import written_later
    from .corpus import Corpus
    from .flag_index import FlagIndexer

    second, check = read_second(halves)
    source = second.sources[0]

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
    written: Callable[[], None] | None = None
    with suppress(OSError):
        written = written_later(message, outgoing)
    flags = FlagIndexer(second)
    flags.add(second.thread_count)
    with suppress(OSError, RuntimeError):
        if written is not None:
            written()
            outgoing.write(pickle.dumps(flags.part(), pickle.HIGHEST_PROTOCOL))
            outgoing.flush()
    corpus = Corpus()
    resume, _ = read_first(halves, corpus)
    join_second(corpus, second, resume)
    return corpus
