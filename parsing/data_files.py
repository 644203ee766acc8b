"""The package's data tables (`parsing/data/`), read from beside this module.

A plain path rather than `importlib.resources` or pathlib: the package is always installed as
files, and importing either costs every `threadline stats` run milliseconds of start-up (the
resources machinery about 9 ms, pathlib about 3 ms).
"""

from __future__ import annotations

import os

DATA = os.path.join(os.path.dirname(os.path.realpath(__file__)), "data")


def read_data(name: str) -> str:
    """The text of `parsing/data/<name>`."""
    with open(os.path.join(DATA, name), encoding="utf-8") as data:
        return data.read()
