"""Work done in a forked process while this one does something else.

The machine has more than one core, and `threadline stats` splits well: laying out one half of
a big file and counting its entities is independent of the other half, once the split falls
where a thread must end anyway (`safe_split`). A forked child shares the buffer copy-on-write,
does its half and sends back a small pickled result. Where forking is unavailable or unsafe (no
`os.fork`, other threads running), the work simply runs here when its result is asked for.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

from .chrome import is_chrome_candidate, is_end_marker

Result = TypeVar("Result")

_END_MARKER_TEXT = b"force a refresh"
_BLANK = frozenset(b" \t\r\f\v")


def later(work: Callable[[], Result]) -> Callable[[], Result]:
    """Start `work` in a forked child; call the result to wait for its return value."""
    if not (hasattr(os, "fork") and threading.active_count() == 1):
        return work
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
            return work()  # the child failed: do the work here instead
        value: Result = pickle.loads(data)
        return value

    return result


def safe_split(buf: bytes | bytearray, near: float = 0.5) -> int | None:
    """A line start after `near` of the buffer where parsing may begin afresh, or None.

    The line after a thread's end marker ("… You can try to / force a refresh") starts a new
    thread whatever came before, so two halves split there parse exactly like the whole, as long
    as that line is not page chrome itself (chrome next to chrome is judged by its neighbours).
    """
    pos = int(len(buf) * near)
    limit = min(len(buf), pos + len(buf) // 4)
    while (found := buf.find(_END_MARKER_TEXT, pos, limit)) >= 0:
        line_start = buf.rfind(b"\n", 0, found) + 1
        line_end = _line_end(buf, found)
        pos = line_end
        if not is_end_marker(buf, line_start, line_end):
            continue
        following = _next_nonblank(buf, line_end + 1)
        if following is not None and not is_chrome_candidate(
            buf, following, _line_end(buf, following)
        ):
            return following
    return None


def _line_end(buf: bytes | bytearray, pos: int) -> int:
    end = buf.find(b"\n", pos)
    return len(buf) if end < 0 else end


def _next_nonblank(buf: bytes | bytearray, pos: int) -> int | None:
    while pos < len(buf):
        end = _line_end(buf, pos)
        if any(byte not in _BLANK for byte in buf[pos:end]):
            return pos
        pos = end + 1
    return None
