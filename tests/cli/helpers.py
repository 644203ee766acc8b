"""Shared by the command-line tests: the type of the `cli` fixture (conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

Cli = Callable[..., tuple[int, str, str]]
"""`cli(*argv)`: run `main(argv)` and return (exit status, stdout, stderr)."""
