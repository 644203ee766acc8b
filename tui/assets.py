"""Where the files that ship with the program live: the stylesheet and the demo corpus.

In a source checkout they are in the repository's `assets/`; an installed wheel carries the same
folder inside the `tui` package.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def assets_dir() -> Path:
    for candidate in (_HERE / "assets", _HERE.parent / "assets"):
        if (candidate / "demo").is_dir():
            return candidate
    raise FileNotFoundError("threadline's assets folder is missing from this installation")


def demo_dir() -> Path:
    return assets_dir() / "demo"


def stylesheet() -> Path:
    return assets_dir() / "threadline.tcss"
