"""The reader in a real terminal (tmux), as a user sees it: time to the first thread's title, and
time from an `n`/`p` key to the new thread's title on screen, against a small corpus.

    python -m tests.bench.terminal                      # 1M generated posts vs the seed corpus
    python -m tests.bench.terminal --posts 100000 --runs 3

Needs tmux. Times are read by polling `tmux capture-pane`, so they include tmux's own drawing
and a few milliseconds of polling; both corpora are measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import re
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench import keep_out_of_home

from .run import SEEDS, corpus_file
from .tmux_pane import bench_options, pane_rows, tmux, wait_until

_SESSION = "threadline-bench"
_FIRST_ROW = re.compile(r"^│.[ •★☆]?\S.*\s\d+(\s|$)")
"""The thread list's first row once it shows a thread: the cursor's bar or a space, the
unread or bookmark mark, a title (which may open with `@`, `#` or a flag), then a post
count."""


def _screen() -> list[str]:
    return pane_rows(_SESSION)


def _wait(condition: Callable[[], object], timeout: float = 600) -> None:
    if not wait_until(condition, timeout):
        raise TimeoutError("the reader did not get there in time")


def measure(path: Path, presses: int = 24) -> tuple[float, float]:
    """(seconds to the first thread's title, median milliseconds per `n`/`p`) for `path`."""
    tmux("kill-session", "-t", _SESSION, check=False)
    command = f"{shlex.quote(sys.executable)} -m tui.cli {shlex.quote(str(path))}"
    started = time.perf_counter()
    tmux("new", "-d", "-s", _SESSION, "-x", "120", "-y", "40", command)
    try:
        _wait(lambda: len(rows := _screen()) > 2 and _FIRST_ROW.search(rows[2]))
        first_title = time.perf_counter() - started
        _wait(lambda: "%" not in _screen()[0])  # loading and indexing done
        tmux("send-keys", "-t", _SESSION, "Enter")
        time.sleep(1)
        timings = []
        # Six n, six p, over and over: every press changes thread, even in a 7-thread corpus.
        for key in (["n"] * 6 + ["p"] * 6) * (presses // 12):
            before = _screen()[1]  # the post pane's top border, which holds the thread's title
            pressed = time.perf_counter()
            tmux("send-keys", "-t", _SESSION, key)
            _wait(lambda before=before: _screen()[1] != before, timeout=10)
            timings.append(time.perf_counter() - pressed)
            time.sleep(0.05)
    finally:
        tmux("kill-session", "-t", _SESSION, check=False)
    return first_title, 1000 * statistics.median(timings)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, default=SEEDS if SEEDS.is_dir() else None)
    options = bench_options(parser, argv)
    large = corpus_file(options.folder, options.posts)
    small = options.baseline or corpus_file(options.folder, 60)
    big = [measure(large) for _ in range(options.runs)]
    base = [measure(small) for _ in range(options.runs)]
    first = statistics.median(title for title, _ in big)
    key_ms = statistics.median(key for _, key in big)
    base_ms = statistics.median(key for _, key in base)
    print(f"reader in tmux at {options.posts:,} posts, medians of {options.runs} runs:")
    print(f"  first thread's title on screen after {first:.2f} s")
    print(f"  n/p {key_ms:.1f} ms per key vs {base_ms:.1f} ms on {small.name}", end="")
    print(f" ({key_ms / base_ms:.2f}×)")


if __name__ == "__main__":
    keep_out_of_home()
    main()
