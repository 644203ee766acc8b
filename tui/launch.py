"""Starting the reader from the command line (this is where Textual gets imported)."""

from __future__ import annotations

import argparse

from parsing.sources import CorpusError, check_named

from .cli import UsageError
from .sources import flag_codes


def run_reader(options: argparse.Namespace) -> int:
    codes = flag_codes(options.flag)
    try:
        check_named(options.paths)  # a bad path is one line on the terminal, not a notice
    except CorpusError as error:
        raise UsageError(str(error)) from None
    from .app import ThreadlineApp

    app = ThreadlineApp(paths=options.paths, flags=codes, search=options.search or "")
    app.run()
    return app.return_code or 0
