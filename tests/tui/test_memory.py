"""Handing freed memory back to the system once a corpus is loaded."""

from __future__ import annotations

import ctypes
import sys
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
