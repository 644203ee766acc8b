"""A message written to a pipe by a forked process, while the parent goes on."""

from __future__ import annotations

import io
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from parsing.background import written_later

needs_a_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or threading.active_count() != 1,
    reason="written here, at once, without a fork",
)
MORE_THAN_A_PIPE_HOLDS = b"flags " * 100_000


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the block waits longer than `seconds`."""

    def waited_too_long(*args: object) -> None:
        raise TimeoutError("waited for the other end to read")

    previous = signal.signal(signal.SIGALRM, waited_too_long)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@needs_a_fork
def test_the_parent_goes_on_before_the_message_is_read() -> None:
    """More than a pipe holds is written while nobody reads: the call returns at once, and the
    other end then reads the whole message; waiting for it after returns."""
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as incoming, os.fdopen(write_end, "wb") as outgoing:
        outgoing.write(b"first ")
        with at_most(10):
            written = written_later(lambda: MORE_THAN_A_PIPE_HOLDS, outgoing)
        assert incoming.read(6) == b"first "
        assert incoming.read(len(MORE_THAN_A_PIPE_HOLDS)) == MORE_THAN_A_PIPE_HOLDS
        written()


@needs_a_fork
def test_a_failed_message_raises_when_waited_for() -> None:
    """When making the message fails in the child, waiting for it raises."""

    def broken() -> bytes:
        raise RuntimeError("no flags")

    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb"), os.fdopen(write_end, "wb") as outgoing:
        written = written_later(broken, outgoing)
        with pytest.raises(RuntimeError, match="worker process failed"):
            written()


def test_an_in_memory_file_gets_the_message_at_once() -> None:
    """A file that is no pipe (an in-memory one) is written here, before the call returns."""
    outgoing = io.BytesIO()
    written_later(lambda: b"flags", outgoing)()
    assert outgoing.getvalue() == b"flags"
