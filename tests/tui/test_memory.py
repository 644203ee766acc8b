"""Handing freed memory back to the system once a corpus is loaded."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.memory import release_free_memory


class FakeLibc:
    def __init__(self) -> None:
        self.trims: list[int] = []

    def malloc_trim(self, pad: int) -> int:
        self.trims.append(pad)
        return 1


def test_on_linux_glibc_is_asked_to_trim_its_free_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Linux the C library's `malloc_trim(0)` is called once."""
    libc = FakeLibc()
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: libc)
    release_free_memory()
    assert libc.trims == [0]


def test_without_glibc_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Linux without glibc (musl: no `libc.so.6`) and other systems go on quietly."""

    def missing(name: str) -> Any:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", missing)
    release_free_memory()
    libc = FakeLibc()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: libc)
    release_free_memory()
    assert libc.trims == []


_READER_SHOWS_A_THREAD = """
import sys
from parsing.index import build_index
from parsing.loader import load_corpus
from tui.app import ThreadlineApp
from tui.views import CorpusView

view = CorpusView(load_corpus([sys.argv[1]]))
view.index = build_index(view.corpus)
posts = view.posts(0)
assert posts and posts[0].entities, posts
print(sorted(name for name in sys.modules if name.split(".")[0] in ("pydantic", "pydantic_core")))
"""


def test_the_reader_shows_a_thread_without_pydantic(tmp_path: Path) -> None:
    """The reader highlights a post's entities from their plain fields: pydantic, which the
    public models need, is never imported by it (about 10 MB held for as long as it runs)."""
    path = tmp_path / "threads.txt"
    path.write_text("1/ A thread by @someone 🇷🇺 opens #here\n2/ and ends\n", encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-c", _READER_SHOWS_A_THREAD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert shown.stdout.split() == ["[]"]
