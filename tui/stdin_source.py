"""Standard input as data, the terminal for keys, as `less` does.

`threadline` with no PATH reads standard input when it is a pipe or a file with something in it
(`cat seed.txt | threadline stats`, `threadline < seed.txt`), and the demo corpus when it is a
terminal or `/dev/null`. The reader reads standard input to the end before Textual starts, then
puts the controlling terminal on file descriptor 0, where Textual reads its keys; the bytes read
are handed to the loader through `parsing.containers.stdin_reader`.

Imports nothing but the standard library's basics: `stats` and `export` import this too.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from contextlib import suppress

from parsing import containers
from parsing.errors import ThreadlineError
from parsing.sources import STDIN

TERMINAL = "/dev/tty"


def stdin_fd() -> int | None:
    """The descriptor behind `sys.stdin`; None when it has none (closed, or replaced, as pytest
    replaces it, by an object that must not be read)."""
    try:
        return sys.stdin.fileno() if sys.stdin is not None else None
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return None


def piped_stdin(fd: int | None) -> bool:
    """True when `fd` is a pipe, or a regular file with bytes in it: data to read. A terminal,
    `/dev/null` and other devices, sockets, and a closed descriptor are not."""
    if fd is None:
        return False
    try:
        info = os.fstat(fd)
    except OSError:
        return False
    return stat.S_ISFIFO(info.st_mode) or (stat.S_ISREG(info.st_mode) and info.st_size > 0)


def with_stdin(paths: Sequence[str]) -> list[str]:
    """`paths`, or `-` (standard input) when there are none and standard input holds data."""
    if not paths and piped_stdin(stdin_fd()):
        return [STDIN]
    return list(paths)


def take_stdin(fd: int) -> bytes:
    """Read `fd` to its end and make those bytes what the loader reads as `-`."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    data = b"".join(chunks)
    containers.stdin_reader = lambda: data
    return data


def attach_terminal(fd: int, terminal: str = TERMINAL) -> None:
    """Put the controlling terminal on `fd`, so keys come from it once standard input has been
    read as data; raises ThreadlineError when there is no terminal to read keys from."""
    try:
        tty = os.open(terminal, os.O_RDWR | os.O_NOCTTY)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ThreadlineError(
            f"standard input holds the corpus and there is no terminal for keys ({reason})"
        ) from None
    try:
        if not os.isatty(tty):
            raise ThreadlineError(f"{terminal}: not a terminal, so it cannot give keys")
        os.dup2(tty, fd)
    finally:
        os.close(tty)


def reader_paths(paths: Sequence[str]) -> list[str]:
    """What the reader reads, with standard input taken and the terminal attached when
    standard input is data; raises ThreadlineError for `-` typed at a terminal."""
    if os.environ.get("TEXTUAL_DRIVER"):
        # A driver of its own (the browser's, under `threadline serve`) takes its input on
        # standard input: that pipe is the driver's channel, never a corpus or the keyboard.
        return list(paths)
    chosen = with_stdin(paths)
    fd = stdin_fd()
    if fd is None:
        return chosen
    if os.isatty(fd):
        if STDIN in chosen:
            raise ThreadlineError(
                "standard input is the terminal: pipe a corpus in (cat FILE | threadline -) "
                "or name a file"
            )
        return chosen
    if STDIN in chosen:
        take_stdin(fd)
        attach_terminal(fd)
        return chosen
    with suppress(ThreadlineError):  # stdin is /dev/null or a device: keys from the terminal
        attach_terminal(fd)
    return chosen
