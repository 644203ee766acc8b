"""Starting the reader from the command line (this is where Textual gets imported)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parsing.read_loop import plan

from .early_index import start_early
from .sources import flag_codes
from .stdin_source import reader_paths

if TYPE_CHECKING:
    from .store import StateStore


def run_reader(options: argparse.Namespace) -> int:
    codes = flag_codes(options.flag)
    plan(options.paths)  # a bad path is one line on the terminal, not a notice in the reader
    paths = reader_paths(options.paths)  # before Textual takes the terminal
    # Before Textual is imported: the other process reads while the interface starts.
    start_early(paths, cache=not options.no_cache)
    from .app import ThreadlineApp

    store = state_store(paths, remember=not options.no_state)
    app = ThreadlineApp(
        paths=paths,
        flags=codes,
        search=options.search or "",
        store=store,
        sort=options.sort,
        author=(options.author or "").strip(),
        cache=not options.no_cache,
    )
    try:
        app.run()
    finally:
        store.close()  # a clean close folds the write-ahead log back into the file
    return app.return_code or 0


def state_store(paths: Sequence[str], *, remember: bool) -> StateStore:
    """The user's store for the corpus of `paths`, or one that keeps nothing (`--no-state`)."""
    from .store import StateStore, corpus_key  # after the other process starts: see `sources`

    return StateStore.open(corpus_key(paths)) if remember else StateStore.in_memory()
