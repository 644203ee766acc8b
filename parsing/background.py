"""Work done in a forked process while this one does something else.

The machine has more than one core, and `threadline stats` splits well: laying out one half of
a big file and counting its entities is independent of the other half, once the split falls
where parsing may begin afresh (`split_points`). A forked child shares the buffer copy-on-write,
does its half and sends back a small pickled result. Where forking is unavailable or unsafe (no
`os.fork`, other threads running), the work simply runs here, at once.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable
from typing import IO, BinaryIO, TypeVar

Result = TypeVar("Result")
PARALLEL_BYTES = 4 << 20
"""Below this much text to read, a second process costs more than it saves."""


SILENT = "the worker process failed (no word from it)"
"""A worker process that ended well but sent nothing back."""


def failed(status: int) -> str:
    """What went wrong with a worker process that ended with wait status `status`."""
    if os.WIFSIGNALED(status):
        return f"the worker process failed (killed by signal {os.WTERMSIG(status)})"
    return f"the worker process failed (exit status {os.waitstatus_to_exitcode(status)})"


def later(work: Callable[[], Result]) -> Callable[[], Result]:
    """Start `work` in a forked child; call the result to wait for its return value.

    Without a child (no `os.fork`, or other threads running) `work` runs here and now, before
    the caller goes on: the caller may change the data `work` reads once this returns."""
    if not (hasattr(os, "fork") and threading.active_count() == 1):
        value = work()
        return lambda: value
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send, leave without running the parent's cleanup
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> Result:
        with os.fdopen(read_end, "rb") as incoming:
            data = incoming.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            # Its input may be gone by now (the caller keeps only its own part): say so.
            raise RuntimeError(failed(status) if status else SILENT)
        value: Result = pickle.loads(data)
        return value

    return result


class Written:
    """A temporary file a forked child is writing (`later_written`)."""

    def __init__(self, into: BinaryIO, pid: int | None) -> None:
        self.into, self.pid = into, pid

    def result(self) -> BinaryIO:
        """Wait for the child; the file, rewound (the caller closes it, which deletes it)."""
        if self.pid is not None:
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
            if status != 0:
                self.into.close()
                raise RuntimeError(failed(status))
        self.into.seek(0)
        return self.into

    def cancel(self) -> None:
        """Stop the child (the caller gave up: a closed pipe, an interrupt) and drop the file."""
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        self.into.close()


def later_written(work: Callable[[BinaryIO], None]) -> Written:
    """Start `work` in a forked child, writing into a temporary file.

    For output too large to send back through a pipe while the parent is busy: the child never
    waits for the parent to read. Without a child, `work` writes the file here and now."""
    into = tempfile.TemporaryFile()  # noqa: SIM115 (the caller gets it open, and closes it)
    if not (hasattr(os, "fork") and threading.active_count() == 1):
        work(into)
        return Written(into, None)
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            work(into)
            into.flush()
            status = 0
        finally:
            os._exit(status)
    return Written(into, pid)


def written_later(work: Callable[[], bytes], outgoing: IO[bytes]) -> Callable[[], None]:
    """Start `work` in a forked child that writes what it returns to `outgoing` (a pipe);
    call the result to wait until it is written, before writing to `outgoing` again.

    For a message the other end may be slow to read: a pipe holds 64 KB, and a parent writing
    more would wait there instead of going on with its own work. Without a child (or when
    `outgoing` is no file), `work` is written here and now. The result raises when the child
    failed, its message perhaps half written."""
    try:
        descriptor = outgoing.fileno()
    except (OSError, ValueError):  # an in-memory file
        descriptor = -1
    if descriptor < 0 or not (hasattr(os, "fork") and threading.active_count() == 1):
        outgoing.write(work())
        outgoing.flush()
        return lambda: None
    outgoing.flush()  # what the parent wrote before goes first
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            data = work()
            status = 0
            with open(descriptor, "wb", closefd=False) as out:
                out.write(data)  # an error here: the other end stopped reading, as the parent sees
        finally:
            os._exit(status)

    def written() -> None:
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise RuntimeError(failed(status))

    return written
