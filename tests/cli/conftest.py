"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main

from .helpers import Cli


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli(*argv)`: run `main(argv)` and return (exit status, stdout, stderr)."""

    def run(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
