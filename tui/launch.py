"""Starting the reader from the command line (this is where Textual gets imported)."""

from __future__ import annotations

import argparse

from parsing.read_loop import plan

from .sources import flag_codes
from .stdin_source import reader_paths


def run_reader(options: argparse.Namespace) -> int:
    codes = flag_codes(options.flag)
    plan(options.paths)  # a bad path is one line on the terminal, not a notice in the reader
    paths = reader_paths(options.paths)  # before Textual takes the terminal
    from .app import ThreadlineApp

    app = ThreadlineApp(paths=paths, flags=codes, search=options.search or "")
    app.run()
    return app.return_code or 0
