"""The reader's end of the index process (`index_process`): what it sends, received in turn.

The other process sends, on one pipe: the shape of what it read and the flags of every thread
(or, for a file read in halves, the flags of the second part's threads, the part laid out, then
the shape), the index of entities, then the whole index. Each is unpickled straight from the pipe
a frame at a time, so the interface's thread gets its turns while a big one comes in.
"""

from __future__ import annotations

import pickle
import threading
import zlib
from collections.abc import Callable
from contextlib import suppress
from io import BufferedReader
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus
    from .flag_index import FlagPart
    from .formats.page_threads import PageState
    from .index import CorpusIndex
    from .split_read import RawCheck, Shift

_WINDOW = 4 << 20
"""Bytes of a part's buffer read from the pipe at once."""


class IndexProcess:
    """The index of a corpus, built in another process; `flags()`, `entities()` and `whole()`
    wait for each part in turn and answer None when the process failed (the caller then builds
    it here)."""

    def __init__(
        self,
        incoming: BufferedReader,
        wait: Callable[[float | None], None],
        outgoing: IO[bytes] | None = None,
    ) -> None:
        self._incoming, self._wait = incoming, wait
        self._outgoing = outgoing
        """To the process, for a file read in halves: the reader's part (`send_first`)."""
        self._unpickler: pickle.Unpickler | None = pickle.Unpickler(incoming)
        """One for the entities and the whole index: what the first held (the entities'
        tuples) is not sent, nor kept, twice."""
        self._failed = False
        self._flags_received = False
        self._shape_pending = False
        """In halves (`split_read`): the whole corpus's shape comes after the flags."""

    def flags(self, corpus: Corpus) -> CorpusIndex | None:
        """The index of the flags alone, if the other process read the same corpus as
        `corpus`."""
        from .index import CorpusIndex

        self._flags_received = True
        # These two are pickled on their own, each read by an unpickler of its own: one that
        # went on to read later messages might hold bytes it looked ahead at meanwhile.
        shape = self._receive(pickle.Unpickler(self._incoming))
        if shape != corpus_shape(corpus):
            self._fail()  # a file changed between the two reads: not the same corpus
            return None
        received = self._receive(pickle.Unpickler(self._incoming))
        return received if isinstance(received, CorpusIndex) else None

    def second_half(
        self, check: RawCheck, first: bytearray
    ) -> tuple[Corpus, bytearray, Shift] | None:
        """The second part of a file read in halves (`second_part.send_second`; after its
        flags, `half_flags`), if the other process read the same bytes (`check`): its corpus,
        the whole source's buffer (the bytes of `first`, the first part's, then the part's) and
        how far the part is shifted."""
        from .corpus import Corpus
        from .split_read import Shift, extend_in_windows

        received = self._receive(pickle.Unpickler(self._incoming))
        match received:
            case (checked, int(size), Corpus() as second, Shift() as shift) if checked == check:
                pass
            case _:
                self._fail()
                return None
        # Made a window at a time, as `extend_in_windows` says why.
        buf = bytearray()
        extend_in_windows(buf, first)
        try:
            while len(buf) < len(first) + size:
                window = self._incoming.read(min(_WINDOW, len(first) + size - len(buf)))
                if not window:
                    break
                buf += window
        except (OSError, ValueError):
            pass
        if len(buf) != len(first) + size:
            self._fail()
            return None
        return second, buf, shift

    def send_first(self, check: RawCheck, corpus: Corpus, resume: PageState) -> None:
        """Send the reader's laid-out first part of a file read in halves (`corpus`, not
        joined yet; `second_part.send_first`), after the flags came in and before the second
        part is taken: the process then need not lay it out again. Only once: the process
        lays it out itself when this fails, or when the pipe is closed unused."""
        from .second_part import send_first

        outgoing, self._outgoing = self._outgoing, None
        if outgoing is None:
            return
        with suppress(OSError, ValueError):
            send_first(outgoing, check, corpus, resume)
        with suppress(OSError):
            outgoing.close()

    def half_flags(self, check: RawCheck) -> FlagPart | None:
        """The flags of the second part's threads (`FlagIndexer.part`), if the other process
        read the same bytes (`check`); they come before the part itself."""
        from .flag_index import FlagPart

        self._shape_pending = True
        match self._receive(pickle.Unpickler(self._incoming)):
            case (checked, FlagPart() as part) if checked == check:
                return part
            case _:
                self._fail()
                return None

    def entities(self, corpus: Corpus) -> CorpusIndex | None:
        """The index of entities as filters read it (`index_process.for_filters`), if the
        other process read the same corpus as `corpus` (its flags let go when not asked for
        before)."""
        if self._shape_pending:
            self._shape_pending = False
            if self._receive(pickle.Unpickler(self._incoming)) != corpus_shape(corpus):
                self._fail()
                return None
        elif not self._flags_received:
            self.flags(corpus)
        return self._receive_index()

    def whole(self) -> CorpusIndex | None:
        index = self._receive_index()
        self.close()  # and let go of the unpickler, whose memo holds all it has read
        return index

    def wait(self) -> None:
        """Until the next part starts to come in (or the process ends)."""
        with suppress(OSError, ValueError):
            self._incoming.peek(1)

    def join(self, timeout: float | None) -> None:
        """Wait for the process to end (its cache written), at most `timeout` seconds (None:
        as long as it takes)."""
        self._wait(timeout)

    def reap_later(self) -> None:
        """Wait for the process's end in a thread of its own, so that it is not left a zombie
        while it writes the cache and the reader goes on."""
        threading.Thread(target=self.join, args=(None,), daemon=True).start()

    def close(self) -> None:
        """Stop listening (and sending); the process goes on to write the cache on its own."""
        self._failed = True
        self._unpickler = None
        self._incoming.close()
        outgoing, self._outgoing = self._outgoing, None
        if outgoing is not None:
            with suppress(OSError):
                outgoing.close()

    def _fail(self) -> None:
        self._failed = True
        self.close()

    def _receive_index(self) -> CorpusIndex | None:
        from .index import CorpusIndex

        received = self._receive()
        return received if isinstance(received, CorpusIndex) else None

    def _receive(self, unpickler: pickle.Unpickler | None = None) -> object:
        if self._failed or self._unpickler is None:
            return None
        try:
            # Unpickled straight from the pipe, a frame at a time: each read lets the
            # interface's thread run, where `pickle.loads` of the whole would hold it for as
            # long as it takes (a second at a million posts).
            received = (unpickler or self._unpickler).load()
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            received = None
        if received is None:
            self._failed = True
        return received


def corpus_shape(corpus: Corpus) -> list[int]:
    """What the two processes compare to know they read the same corpus: its counts and a
    CRC-32 of each source's text (a file edited in place between the two reads may keep the
    counts; CRC-32 reads at several GB/s and lets other threads run while it does)."""
    return [corpus.thread_count, corpus.post_count, *(zlib.crc32(s.buf) for s in corpus.sources)]
