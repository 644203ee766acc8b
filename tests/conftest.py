"""For every test: the XDG directories point into a temporary folder, so no test (nor a reader
or command a test starts, which inherits the environment) can write under the user's $HOME.

Property tests draw the same examples on every run (a test run that passes on one machine
passes on the next); `THREADLINE_PROPERTY_RANDOM=1` draws new ones each run, for a hunt (with
`THREADLINE_PROPERTY_EXAMPLES` raised)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile(
    "threadline", derandomize=not os.environ.get("THREADLINE_PROPERTY_RANDOM"), database=None
)
settings.load_profile("threadline")

XDG = ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")


@pytest.fixture(autouse=True, scope="session")
def xdg_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    home = tmp_path_factory.mktemp("xdg")
    saved = {name: os.environ.get(name) for name in XDG}
    for name in XDG:
        os.environ[name] = str(home / name.lower())
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
