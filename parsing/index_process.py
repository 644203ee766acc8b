"""Building a corpus's index in another process, while the reader reads the same files itself.

The reader needs the corpus at once (to paint) and the index soon after (filters, then related
threads). Built in the reader's own process, the index takes one core and shares the
interpreter lock with the interface, whose keys and frames then wait. Here a second process
reads the files too and runs the same `build_index`, so the work lands on the other core; it
sends back the shape of what it read, the flags of every thread (`flag_index`: a second at a
million posts, where the entities take several, and all the flag picker needs; found and sent
by a forked process, so that the entities never wait for the reader to take them), the index
of entities as soon as it is complete, then the whole index, these two pickled onto a pipe by
one pickler (so the whole index refers to the entities' tuples already sent rather than
sending them again). Afterwards it writes the cache (`cache.store`) of what it read, so the
next launch needs neither; it goes on to write it when the reader has quit.

A single big page file is read once between the two (`split_read`): this process sends the
flags of the second part's threads and the part laid out, and takes the first part laid out
by the reader (on a pipe the other way), for the index.
The reader's end of all this is `index_incoming.IndexProcess`.

The process is forked when this process runs no other thread (a fork copies only the calling
thread, and a lock another thread held would stay locked in the child); otherwise (the reader,
whose interface runs threads) a fresh interpreter is started with `python -m
parsing.index_process`, its output the pipe and its errors discarded (the terminal is the
reader's).
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from io import BufferedReader
from pickle import HIGHEST_PROTOCOL
from typing import IO, TYPE_CHECKING

from .errors import ThreadlineError
from .index_incoming import IndexProcess, corpus_shape

if TYPE_CHECKING:
    from .cache import FileKey
    from .corpus import Corpus
    from .index import CorpusIndex
    from .read_loop import PathLike, Plan
    from .split_read import Halves


def start_index_process(
    paths: Sequence[PathLike],
    *,
    cache: bool,
    method: str | None = None,
    halves: Halves | None = None,
) -> IndexProcess | None:
    """Start reading and indexing `paths` in another process (writing the cache after, with
    `cache`); None when no process can be started. `method` is how it starts (`fork` or
    `spawn`); by default forked when that is safe. With `halves`, the reader reads the file's
    first part while the other process reads the second and sends it (`split_read`)."""
    if method is None:
        method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
    try:
        if method == "fork":
            return _forked(paths, cache, halves)
        return _spawned(paths, cache, halves)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def _forked(paths: Sequence[PathLike], cache: bool, halves: Halves | None) -> IndexProcess:
    # What the child needs until it sends its flags, imported once before it is forked rather
    # than in each process after (the reader needs them too).
    from . import flag_index, second_part  # noqa: F401

    read_end, write_end = os.pipe()
    # For a file read in halves, a pipe the other way too: the reader's laid-out part.
    back_read, back_write = os.pipe() if halves is not None else (-1, -1)
    pid = os.fork()
    if pid == 0:  # the child: work, then leave without running the parent's cleanup
        try:
            os.close(read_end)
            if back_write >= 0:
                os.close(back_write)
            os.setsid()  # see `_spawned`
            _quiet()
            _child_collector()
            incoming = os.fdopen(back_read, "rb") if back_read >= 0 else None
            with os.fdopen(write_end, "wb") as outgoing:
                index_in_child(list(paths), outgoing, cache, halves, incoming)
        finally:
            os._exit(0)
    os.close(write_end)
    back = None
    if back_read >= 0:
        os.close(back_read)
        back = os.fdopen(back_write, "wb")
    return IndexProcess(os.fdopen(read_end, "rb"), _ForkWaiter(pid), back)


class _ForkWaiter:
    """Waits for a forked child, so that it is not left a zombie."""

    def __init__(self, pid: int) -> None:
        self._pid, self._done = pid, False

    def __call__(self, timeout: float | None) -> None:
        if timeout is None:
            with suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._done = True
            return
        deadline = time.monotonic() + timeout
        while not self._done and time.monotonic() < deadline:
            with suppress(ChildProcessError):
                if os.waitpid(self._pid, os.WNOHANG)[0] == 0:
                    time.sleep(0.02)
                    continue
            self._done = True


def _spawned(paths: Sequence[PathLike], cache: bool, halves: Halves | None) -> IndexProcess:
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [package_root, *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    named = [list(path) if isinstance(path, tuple) else os.fspath(path) for path in paths]
    process = subprocess.Popen(
        [sys.executable, "-m", "parsing.index_process", json.dumps([named, cache, _cut(halves)])],
        # For a file read in halves, the reader's laid-out part comes in on its input.
        stdin=subprocess.PIPE if halves is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        # A session of its own: a reader that leads its terminal's session (the command of a
        # tmux pane, say) hangs up on what else runs there when it quits, and this process
        # goes on to write the cache.
        start_new_session=True,
    )
    assert isinstance(process.stdout, BufferedReader)  # unbuffered output is never asked for
    return IndexProcess(process.stdout, _SpawnWaiter(process), process.stdin)


class _SpawnWaiter:
    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process

    def __call__(self, timeout: float | None) -> None:
        with suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout)


def _cut(halves: Halves | None) -> list[object] | None:
    return None if halves is None else [halves.path, halves.name, halves.mark, halves.cut]


def index_in_child(
    paths: list[PathLike],
    outgoing: IO[bytes],
    cache: bool,
    halves: Halves | None = None,
    incoming: IO[bytes] | None = None,
) -> None:
    """The other process: read, index, send, then cache. Nothing is printed; any failure
    closes the pipe early, and the reader builds the index itself. `incoming`: where the
    reader sends its part of a file read in halves."""
    from . import cache as corpus_cache

    # Size and time are taken before reading, the content's hash after (off the way to the
    # index): a file changed meanwhile is not cached, so a cache never answers for content
    # it does not hold.
    files = cacheable_files(paths) if cache else None
    before = corpus_cache.stat_keys(files) if files is not None else None
    try:
        corpus, index = _read_and_index(paths, outgoing, halves, incoming)
    except Exception:  # of any kind: the reader falls back to building it itself
        return
    finally:
        with suppress(OSError):
            outgoing.close()
    keys = corpus_cache.file_keys(files) if files is not None else None
    if files is not None and keys is not None and before is not None and _same_stat(keys, before):
        corpus.thread_ids  # noqa: B018 - every thread hashed here once, read from the cache after
        corpus.prepare_search()
        corpus_cache.store(files, keys, corpus, index)


def _quiet() -> None:
    """Nothing read from or written to the terminal, which is the reader's (as `_spawned`)."""
    with suppress(OSError):
        for stream in (0, 1, 2):
            os.dup2(os.open(os.devnull, os.O_RDWR), stream)


def _child_collector() -> None:
    """In the other process only: reading and indexing make millions of objects and no garbage
    cycles, so the collector's passes over them would only cost time there."""
    gc.disable()


def _same_stat(keys: Sequence[FileKey], before: Sequence[FileKey]) -> bool:
    return [key[:3] for key in keys] == [key[:3] for key in before]


def _read_and_index(
    paths: list[PathLike], outgoing: IO[bytes], halves: Halves | None, incoming: IO[bytes] | None
) -> tuple[Corpus, CorpusIndex]:
    from .background import written_later
    from .corpus import Corpus
    from .flag_index import flag_index
    from .index import build_index
    from .read_loop import plan

    writing: list[Callable[[], None]] = []
    """Messages forked processes are writing: each whole before anything else is written."""

    def written() -> None:
        while writing:
            with suppress(OSError, RuntimeError):  # the reader stopped listening
                writing.pop()()

    if halves is not None:
        from .second_part import send_second

        # Its flags, then its part; the reader's part taken in meanwhile.
        corpus, part_written = send_second(halves, outgoing, incoming)
        writing.append(part_written)
    else:
        corpus = Corpus()
        for item in plan(paths).items:
            with suppress(ThreadlineError):  # a file the reader cannot read is skipped there too
                item.format.read(item.entry, corpus)
    pickler = pickle.Pickler(outgoing, protocol=pickle.HIGHEST_PROTOCOL)

    def send(value: object) -> None:
        written()
        with suppress(OSError):  # the reader stopped listening (it quit, or fell back)
            pickler.dump(value)
            outgoing.flush()

    written()
    with suppress(OSError):
        outgoing.write(pickle.dumps(corpus_shape(corpus), HIGHEST_PROTOCOL))
    # The flags are found and sent by a forked process, pickled on their own: the reader takes
    # them once it has read the files itself, and the entities need not wait for that.
    with suppress(OSError):  # the reader stopped listening: the cache is still written
        if halves is None:
            writing.append(
                written_later(lambda: pickle.dumps(flag_index(corpus), HIGHEST_PROTOCOL), outgoing)
            )

    index = build_index(corpus, None, lambda entities: send(for_filters(entities)), parallel=True)
    send(index)
    return corpus, index


def for_filters(entities: CorpusIndex) -> CorpusIndex:
    """The index of entities as the reader receives it: what filters read, without each
    thread's features and counts. Only related threads read those, from the whole index, which
    brings its own: sent with both, the reader would hold two copies until the whole came, and
    letting the first go would leave megabytes of holes among the whole's objects."""
    return replace(entities, features=[], counts=[])


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


def main() -> None:
    """`python -m parsing.index_process '[PATHS, CACHE]'`: what a spawned process runs."""
    from .read_loop import Named
    from .split_read import Halves

    named, cache, cut = json.loads(sys.argv[1])
    paths: list[PathLike] = [Named(*path) if isinstance(path, list) else path for path in named]
    _child_collector()
    halves = Halves(*cut) if cut else None
    incoming = sys.stdin.buffer if halves is not None else None
    index_in_child(paths, sys.stdout.buffer, bool(cache), halves, incoming)


if __name__ == "__main__":
    main()
