"""Building a corpus's index in another process, while the reader reads the same files itself.

The reader needs the corpus at once (to paint) and the index soon after (filters, then related
threads). Built in the reader's own process, the index takes one core and shares the
interpreter lock with the interface, whose keys and frames then wait. Here a second process
reads the files too and runs the same `build_index`, so the work lands on the other core; it
sends back the index of entities as soon as it is complete, then the whole index, each one
pickle (the index is columns and a few shared tuples: about 30 MB and a tenth of a second to
load at a million posts). Afterwards it writes the cache (`cache.store`) of what it read, so
the next launch needs neither.

The process is forked when this process runs no other thread (a fork copies only the calling
thread, and a lock another thread held would stay locked in the child), else spawned afresh.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
from collections.abc import Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .errors import ThreadlineError

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from .corpus import Corpus
    from .index import CorpusIndex
    from .read_loop import PathLike, Plan

_FAILED = b"failed"


class IndexProcess:
    """The index of the corpus behind `paths`, built in another process; `entities()` and
    `whole()` wait for each part and answer None when the process failed (the caller then
    builds it here)."""

    def __init__(self, process: BaseProcess, incoming: Connection) -> None:
        self._process, self._incoming = process, incoming
        self._failed = False

    def entities(self, corpus: Corpus) -> CorpusIndex | None:
        """The index of entities, if the other process read the same corpus as `corpus`."""
        shape = self._receive()
        if shape != (corpus.thread_count, corpus.post_count):
            self._failed = True  # a file changed between the two reads: not the same corpus
            self.close()
            return None
        return self._receive_index()

    def whole(self) -> CorpusIndex | None:
        return self._receive_index()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the process to end (its cache written)."""
        self._process.join(timeout)

    def close(self) -> None:
        """Stop waiting; the process finishes the cache on its own, or is ended when the reader
        quits (it is a daemon)."""
        self._incoming.close()

    def _receive_index(self) -> CorpusIndex | None:
        from .index import CorpusIndex

        received = self._receive()
        return received if isinstance(received, CorpusIndex) else None

    def _receive(self) -> object:
        if self._failed:
            return None
        try:
            data = self._incoming.recv_bytes()  # waits with the interpreter lock released
        except (EOFError, OSError):
            data = _FAILED
        if data == _FAILED:
            self._failed = True
            return None
        return pickle.loads(data)


def start_index_process(
    paths: Sequence[PathLike], *, cache: bool, method: str | None = None
) -> IndexProcess | None:
    """Start reading and indexing `paths` in another process (writing the cache after, with
    `cache`); None when no process can be started. `method` is how it starts (`fork`,
    `spawn`); by default forked when that is safe."""
    if method is None:
        method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
    try:
        context: Any = multiprocessing.get_context(method)
        incoming, outgoing = context.Pipe(duplex=False)
        process = context.Process(
            target=index_in_child, args=(list(paths), outgoing, cache), daemon=True
        )
        process.start()
    except (OSError, ValueError, RuntimeError):
        return None
    outgoing.close()
    return IndexProcess(process, incoming)


def index_in_child(paths: list[PathLike], outgoing: Connection, cache: bool) -> None:
    """The other process: read, index, send, then cache. Nothing is printed (the terminal is
    the reader's); any failure sends `_FAILED`, and the reader builds the index itself."""
    # Reading and indexing make millions of objects and no garbage cycles: the collector's
    # passes over them would only cost time here.
    gc.disable()
    from . import cache as corpus_cache

    # The key is taken before reading: a file changed meanwhile leaves a cache that no longer
    # matches it, never one that matches content it does not hold.
    files = cacheable_files(paths) if cache else None
    keys = corpus_cache.file_keys(files) if files is not None else None
    try:
        corpus, index = _read_and_index(paths, outgoing)
    except BaseException:
        _send(outgoing, _FAILED)
        return
    finally:
        outgoing.close()
    if files is not None and keys is not None:
        corpus.thread_ids  # noqa: B018 - every thread hashed here once, read from the cache after
        corpus.prepare_search()
        corpus_cache.store(files, keys, corpus, index)


def _read_and_index(paths: list[PathLike], outgoing: Connection) -> tuple[Corpus, CorpusIndex]:
    from .corpus import Corpus
    from .index import build_index
    from .read_loop import plan

    corpus = Corpus()
    for item in plan(paths).items:
        with suppress(ThreadlineError):  # a file the reader cannot read is skipped there too
            item.format.read(item.entry, corpus)
    _send(outgoing, pickle.dumps((corpus.thread_count, corpus.post_count)))

    def entities_done(entities: CorpusIndex) -> None:
        _send(outgoing, pickle.dumps(entities, protocol=pickle.HIGHEST_PROTOCOL))

    index = build_index(corpus, None, entities_done)
    _send(outgoing, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return corpus, index


def _send(outgoing: Connection, data: bytes) -> None:
    with suppress(OSError):  # the reader stopped listening (it quit, or fell back)
        outgoing.send_bytes(data)


def cacheable_files(paths: Sequence[PathLike]) -> list[str] | None:
    """The files behind `paths` when they are all plain files; None otherwise, or when the
    paths cannot be read."""
    from .read_loop import plan

    try:
        return plan_files(plan(paths))
    except ThreadlineError:
        return None


def plan_files(planned: Plan) -> list[str] | None:
    """The files a plan reads when they are all plain files (a zip or standard input cannot
    be read again, nor its content keyed by a file's size and time); None otherwise."""
    from .containers import FileEntry

    files = [item.entry.path for item in planned.items if isinstance(item.entry, FileEntry)]
    return files if files and len(files) == len(planned.items) else None
