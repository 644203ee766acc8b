"""The index process started as the reader starts, before Textual is even imported.

A big file read for the first time is read in two parts (`parsing.split_read`): the second by
the process that builds the index. Started here, from the command line, that process lays out
its part while the reader imports Textual and draws its first screen, a second or more at a
million posts. It is started only when no cache file for the corpus exists (one that exists
is most likely what the loader reopens); the loader takes it over (`claim`) when it reads the
same files, and lets it go otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from parsing import cache as corpus_cache
from parsing.errors import ThreadlineError
from parsing.index_incoming import IndexProcess
from parsing.index_process import plan_files, start_index_process
from parsing.read_loop import PathLike, plan
from parsing.split_read import Halves, plan_halves

from .sources import corpus_paths


@dataclass
class Started:
    """An index process started early, and what for."""

    paths: list[PathLike]
    halves: Halves
    indexing: IndexProcess


_started: list[Started] = []


def start_early(paths: Sequence[str], *, cache: bool) -> None:
    """Start the index process for the corpus of `paths` if it is one big file never cached."""
    sources = corpus_paths(paths)
    try:
        planned = plan(sources)
    except ThreadlineError:
        return
    files = plan_files(planned)
    if files is None or (cache and os.path.exists(corpus_cache.cache_file(files))):
        return
    halves = plan_halves(planned)
    if halves is None:
        return
    indexing = start_index_process(sources, cache=cache, halves=halves)
    if indexing is not None:
        _started.append(Started(list(sources), halves, indexing))


def claim(paths: Sequence[PathLike]) -> Started | None:
    """The process started early for these `paths`, now the caller's; any other started
    early is let go (it goes on to write its cache)."""
    found = None
    while _started:
        started = _started.pop()
        if found is None and started.paths == list(paths):
            found = started
        else:
            started.indexing.close()
            started.indexing.reap_later()
    return found
