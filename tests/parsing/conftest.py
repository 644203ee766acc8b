"""Fixtures for the parsing tests; the helpers themselves live in `helpers.py`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parsing import search as search_module
from parsing.corpus import Corpus

from .helpers import parse_text


@pytest.fixture
def parse() -> Callable[[str], Corpus]:
    """`parse(text)`: the corpus of one source holding `text`."""
    return parse_text


@pytest.fixture
def one_thread_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every chunk holds one thread, so a cancel can come between any two."""
    monkeypatch.setattr(search_module, "CHUNK_THREADS", 1)
