"""Fixtures for the reader's tests; the helpers themselves live in `helpers.py`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home, state and data folder of the test's own (under `tmp_path`, returned), for tests
    of what the reader remembers: the session-wide folders would carry one test's bookmarks
    and read threads into the next."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the URLs the reader asks the browser to open (instead of opening them)."""
    opened: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    import webbrowser

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return opened


@pytest.fixture(autouse=True)
def unfreeze_objects() -> Iterator[None]:
    """Give back to the cycle collector what a reader froze once indexed (a real reader keeps
    its corpus until it exits; a test session starts a hundred readers)."""
    yield
    gc.unfreeze()
