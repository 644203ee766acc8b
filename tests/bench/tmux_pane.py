"""The terminal benches' hold on the reader in a tmux pane: tmux's commands, the rows the pane
shows, and waiting for the screen to show something."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

POLL_S = 0.003
"""Seconds between two looks at the pane: well under a frame, so a change is timed within a
few milliseconds of being drawn."""


def tmux(*args: str, check: bool = True) -> str:
    """What tmux printed for `args`."""
    return subprocess.run(["tmux", *args], check=check, capture_output=True, text=True).stdout


def pane_rows(session: str) -> list[str]:
    """The rows the pane of `session` shows (one empty row before it shows any)."""
    return tmux("capture-pane", "-p", "-t", session).splitlines() or [""]


def wait_until(condition: Callable[[], object], timeout: float) -> bool:
    """Whether `condition` held within `timeout` seconds (looked at every `POLL_S`)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_S)
    return True


def bench_options(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """`parser`'s options with `--folder` (where corpora are kept, created if missing), once
    tmux is known to be here: every terminal bench needs both."""
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed for this benchmark")
    options.folder.mkdir(parents=True, exist_ok=True)
    return options
