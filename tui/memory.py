"""Handing the memory that loading a corpus passed through back to the system."""

from __future__ import annotations

import sys


def release_free_memory() -> None:
    """Ask the C library to return its free pages to the system (glibc's `malloc_trim`).

    Reading and indexing a big corpus free many megabytes of passing objects; glibc keeps such
    memory for reuse, so it would count against the reader for as long as it runs. Where
    there is no glibc (macOS, musl) there is nothing to ask."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only once a corpus is loaded, not at every start

    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
