"""The index process's side of a file read in halves (`split_read`): the flags of the second
part's threads, then the part laid out, sent to the reader already shifted to where it lands
in the whole file.

The flags come first: with its own part's flags and these, the reader can list every flag of
the file before it has taken the part in and joined it (seconds of work at a million posts
between its first rows and the flag picker otherwise). They come with the check of the raw
bytes they were found in, so the reader takes them only from the file it read itself. The
reader then sends its own part laid out (`send_first`), so that this process, which needs
the whole corpus for the index, does not lay that part out again (seconds of its work before
the entities at a million posts).
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

from .formats.page_threads import PageState
from .split_read import (
    Halves,
    RawCheck,
    Shift,
    close_raw,
    join_second,
    normalised_part,
    raw_file,
    read_first,
    read_second,
)
from .tables import reaching_code

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
    reach = offset + max(kept[1], default=0)  # the text ends lie past the starts
    posts.text_start, posts.text_end = _plus(kept[0], offset, reach), _plus(kept[1], offset, reach)
    posts.first_line, posts.last_line = _plus(kept[2], lines), _plus(kept[3], lines)
    posts.holes = {post: (start + offset, end + offset) for post, (start, end) in kept[4].items()}
    try:
        yield
    finally:
        (posts.text_start, posts.text_end, posts.first_line, posts.last_line, posts.holes) = kept


def _plus(column: array[int], by: int, size: int = 0) -> array[int]:
    """`column`, each value plus `by`, of the type that holds positions of a buffer of `size`
    (`reaching_code`)."""
    return array(reaching_code(column, size), map(by.__add__, column)) if by else column


def send_second(
    halves: Halves, outgoing: IO[bytes], incoming: IO[bytes] | None = None
) -> tuple[Corpus, Callable[[], None]]:
    """In the process that builds the index: lay out the second part, send the flags of its
    threads (`FlagIndexer.part`) with the check of its raw bytes, then the part (the check, its
    buffer's size, the corpus of it without its buffer and shifted as `first_extent` says, and
    that shift, pickled, then the buffer's bytes), then take the first part as the reader laid
    it out (`send_first`, on `incoming`), or lay it out too. The whole corpus, and what to call
    to wait until the part is written before writing anything else. A forked process shifts
    and writes the part, which the reader takes only once it has taken the flags and sent its
    own part: this one goes on meanwhile."""
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
    taken = received_first(incoming, check) if incoming is not None else None
    if taken is None:  # not sent (the reader fell back, quit, or read other bytes)
        corpus = Corpus()
        resume, _ = read_first(halves, corpus)
    else:
        corpus, resume = taken
    join_second(corpus, second, resume)
    return corpus, written


def _nothing() -> None:
    pass


def send_first(outgoing: IO[bytes], check: RawCheck, corpus: Corpus, resume: PageState) -> None:
    """In the reader: its first part, laid out (`read_first` into `corpus`, not joined yet), to
    the process that builds the index, which then need not lay it out again: the check of the
    raw second part the reader read, the corpus without its buffer, where its metadata
    resumes (`resume`) and the buffer's size, pickled, then the buffer's bytes a window at a
    time (each write lets the reader's interface run)."""
    from .corpus import Corpus, Source

    source = corpus.sources[-1]
    bare = Corpus(
        sources=[Source(source.name, bytearray(), source.encoding, source.replaced)],
        posts=corpus.posts,
        threads=corpus.threads,
        skipped=corpus.skipped,
        warnings=corpus.warnings,
        thread_meta=corpus.thread_meta,
        post_meta=corpus.post_meta,
    )
    pickle.Pickler(outgoing, pickle.HIGHEST_PROTOCOL).dump((check, bare, resume, len(source.buf)))
    with memoryview(source.buf) as view:
        for start in range(0, len(view), _WINDOW):
            outgoing.write(view[start : start + _WINDOW])
    outgoing.flush()


def received_first(incoming: IO[bytes], check: RawCheck) -> tuple[Corpus, PageState] | None:
    """The reader's first part (`send_first`), laid out, with where its metadata resumes, if
    the reader read the same bytes of the second part as this process did (`check`); None when
    it sent none, or other bytes."""
    from .corpus import Corpus

    try:
        match pickle.Unpickler(incoming).load():
            case (checked, Corpus() as corpus, PageState() as resume, int(size)) if (
                checked == check
            ):
                pass
            case _:
                return None
        buf = bytearray()
        while len(buf) < size:
            window = incoming.read(min(_WINDOW, size - len(buf)))
            if not window:
                return None
            buf += window
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        return None
    corpus.sources[-1].buf = buf
    return corpus, resume


_WINDOW = 4 << 20
"""Bytes of a buffer written or read at once."""
