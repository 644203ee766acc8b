"""Benchmarks, run on demand (`python -m tests.bench.<name>`), never by the test command."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_MARK = "THREADLINE_BENCH_HOME"
XDG_FOLDERS = ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")


def keep_out_of_home() -> None:
    """Point every XDG folder at a temporary one for this bench and all it starts, so that a
    reader it launches remembers, bookmarks and caches nothing in the user's own folders. A
    process a bench started (which has the folders already) keeps the ones it was given."""
    if _MARK in os.environ:
        return
    home = tempfile.mkdtemp(prefix="threadline-bench-home-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ[_MARK] = home
    for name in XDG_FOLDERS:
        os.environ[name] = os.path.join(home, name.lower())
