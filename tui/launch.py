"""Starting the reader from the command line (this is where Textual gets imported)."""

from __future__ import annotations

import argparse

from .sources import flag_codes


def run_reader(options: argparse.Namespace) -> int:
    from .app import ThreadlineApp

    codes = flag_codes(options.flag)
    app = ThreadlineApp(paths=options.paths, flags=codes, search=options.search or "")
    app.run()
    return app.return_code or 0
