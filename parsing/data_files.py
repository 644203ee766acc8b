"""The package's data tables (`parsing/data/`), read from beside this module.

A plain path rather than `importlib.resources`: the package is always installed as files, and
importing the resources machinery costs every `threadline stats` run about 9 ms of start-up.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_data(name: str) -> str:
    """The text of `parsing/data/<name>`."""
    return (DATA / name).read_text(encoding="utf-8")
