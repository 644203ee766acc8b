"""The reader's first and second launch in a real terminal (tmux, 120x40), as a user sees them:
from launch until `f` lists the flags, how long `n` waits while the corpus loads, and the
reader's memory once loading is done.

    python -m tests.bench.terminal_loading --posts 1000000
    python -m tests.bench.terminal_loading --posts 100000 --before /work/main

    python -m tests.bench.terminal_loading --posts 1000000 --shape many

A first launch starts from an empty cache folder (the reader's own command line, from the
checkout's folder); once its cache is written, a second launch reopens it. From the first row
on, the bench presses `f` and waits for the reader's answer: the flag picker, or the notice
that the flags are on their way (`_ANSWER` at most). After a notice it presses `n` or `p` (in
turn) and times the post pane's title changing (with a thread open, each opens another; 3 s at
most), then `f` again. A picker drawn after that wait takes the `n` into its query, where the
title cannot change: it ends the key's wait too, and counts as the flags' time. Times are read
by polling `tmux capture-pane`, so they include tmux's drawing and a few milliseconds of
polling.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import XDG_FOLDERS, keep_out_of_home

from .generate import SHAPES
from .run import corpus_file
from .terminal import _FIRST_ROW
from .tmux_pane import bench_options, pane_rows, tmux, wait_until

HERE = Path(__file__).resolve().parents[2]
_SESSION = "threadline-bench-loading"
_PICKER = re.compile(r"▐.▌ +\S+ +[A-Z]{2}")
"""A row of the flag picker: a check box, a flag, its code."""
_NOTICE = "The flags are listed once"
"""The start of the reader's notice when `f` comes before the flags (`main_screen.FLAGS_WAIT`)."""
_ANSWER = 0.5
"""Seconds the bench waits for the reader's answer to `f` at most. Notices stay 3 s, so `f`
pressed every few tenths of a second stacks them until the pane holds no more: from then on one
more notice does not show, and a wait for it would end only here (with 3 s, the flags were
timed up to 3 s after the picker could open)."""
_LIST_WIDTH = 51
"""Columns of the thread list's pane: the rest of the second row is the post pane's border,
with the open thread's title in it."""


def _alive() -> bool:
    return subprocess.run(["tmux", "has-session", "-t", _SESSION], check=False).returncode == 0


def _screen() -> list[str]:
    return pane_rows(_SESSION)


def _title() -> str:
    rows = _screen()
    return rows[1][_LIST_WIDTH:] if len(rows) > 1 else ""


def _picker(rows: list[str]) -> bool:
    return any(_PICKER.search(row) for row in rows)


def _notices(rows: list[str]) -> int:
    return sum(_NOTICE in row for row in rows)


def _rss_mb() -> float:
    """Resident memory of the reader (the pane's process, or the one it started)."""
    pid = tmux("display", "-p", "-t", _SESSION, "#{pane_pid}").strip()
    found = subprocess.run(["pgrep", "-P", pid], check=False, capture_output=True, text=True)
    children = found.stdout.split()
    for candidate in [pid, *children]:
        try:
            command = Path(f"/proc/{candidate}/cmdline").read_bytes()
            status = Path(f"/proc/{candidate}/status").read_text()
        except OSError:
            continue
        if b"tui.cli" in command:
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    return 0.0


def launch(checkout: Path, path: Path, cache_home: Path) -> dict[str, float]:
    """One launch of the reader of `checkout` on `path`; its figures."""
    tmux("kill-session", "-t", _SESSION, check=False)
    # Given on the command line: a tmux server started before this bench keeps its own.
    folders = {name: os.environ[name] for name in XDG_FOLDERS if name in os.environ}
    folders |= {"XDG_CACHE_HOME": str(cache_home), "HOME": str(cache_home)}
    assigned = " ".join(f"{name}={shlex.quote(value)}" for name, value in folders.items())
    command = f"env {assigned} {shlex.quote(sys.executable)} -m tui.cli {shlex.quote(str(path))}"
    started = time.perf_counter()
    tmux("new", "-d", "-s", _SESSION, "-c", str(checkout), "-x", "120", "-y", "40", command)
    figures: dict[str, float] = {}
    keys: list[float] = []
    try:
        wait_until(lambda: len(rows := _screen()) > 2 and _FIRST_ROW.search(rows[2]), 600)
        figures["paint_s"] = time.perf_counter() - started
        before = _title()
        tmux("send-keys", "-t", _SESSION, "Enter")
        wait_until(lambda: _title() != before, 60)
        while "flags_s" not in figures:
            shown = _notices(_screen())
            tmux("send-keys", "-t", _SESSION, "f")
            # The picker, or one more notice; a notice shown before may go meanwhile, and one
            # more may not show (`_ANSWER`), so the wait ends there without either.
            wait_until(
                lambda shown=shown: _picker(rows := _screen()) or _notices(rows) > shown, _ANSWER
            )
            if _picker(_screen()):
                figures["flags_s"] = time.perf_counter() - started
                break
            before = _title()
            pressed = time.perf_counter()
            # n then p, over and over: the open thread is never the last one loaded yet.
            tmux("send-keys", "-t", _SESSION, "np"[len(keys) % 2])
            wait_until(lambda before=before: _title() != before or _picker(_screen()), 3)
            if _picker(_screen()):  # drawn late: the key went into its query
                figures["flags_s"] = time.perf_counter() - started
                break
            keys.append(time.perf_counter() - pressed)
        tmux("send-keys", "-t", _SESSION, "Escape")
        wait_until(lambda: "%" not in _screen()[0], 900)
        figures["ready_s"] = time.perf_counter() - started
        figures["rss_mb"] = _rss_mb()
        tmux("send-keys", "-t", _SESSION, "Escape", "q")  # as a user quits
        wait_until(lambda: not _alive(), 10)
    finally:
        tmux("kill-session", "-t", _SESSION, check=False)
    figures["key_max_ms"] = 1000 * max(keys, default=0.0)
    figures["key_median_ms"] = 1000 * statistics.median(keys) if keys else 0.0
    figures["keys"] = len(keys)
    return figures


def wait_for_cache(cache_home: Path, timeout: float = 300) -> bool:
    """Until the first launch's index process has written its cache (a file of its own
    name, not a temporary one, that stops growing)."""

    def written() -> bool:
        files = [p for p in cache_home.rglob("*") if p.is_file() and not p.name.startswith("tmp")]
        if not files:
            return False
        size = files[0].stat().st_size
        time.sleep(0.5)
        return files[0].stat().st_size == size

    return wait_until(written, timeout)


def show(label: str, figures: dict[str, float], megabytes: float) -> None:
    print(
        f"  {label:<24} paint {figures['paint_s']:5.2f} s  flags {figures.get('flags_s', 0):5.2f} s"
        f"  ready {figures['ready_s']:6.2f} s  n/p while loading: median"
        f" {figures['key_median_ms']:5.0f} ms, max {figures['key_max_ms']:5.0f} ms"
        f" ({figures['keys']:.0f} keys)  RSS {figures['rss_mb']:4.0f} MB"
        f" ({figures['rss_mb'] / megabytes:.1f}× the file)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--shape", choices=SHAPES, default="few", help="generate.py's shape")
    parser.add_argument("--before", type=Path, help="another checkout, measured alike first")
    options = bench_options(parser, argv)
    path = corpus_file(options.folder, options.posts, shape=options.shape)
    megabytes = path.stat().st_size / 1e6
    checkouts = [("this checkout", HERE)]
    if options.before is not None:
        checkouts.insert(0, ("before", options.before.resolve()))
    print(
        f"reader in tmux at {options.posts:,} posts, shape {options.shape}"
        f" ({megabytes:.0f} MB), one launch each:"
    )
    for label, checkout in checkouts:
        with tempfile.TemporaryDirectory() as cache_home:
            show(f"{label}, first", launch(checkout, path, Path(cache_home)), megabytes)
            if not wait_for_cache(Path(cache_home)):
                print(f"  {label}: no cache written once the reader quit")
                continue
            show(f"{label}, second", launch(checkout, path, Path(cache_home)), megabytes)


if __name__ == "__main__":
    keep_out_of_home()
    main()
