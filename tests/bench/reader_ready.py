"""The reader from launch until it is ready, on a first launch and on a second (from the cache).

    python -m tests.bench.reader_ready --sizes 100000 1000000 --runs 3
    python -m tests.bench.reader_ready --sizes 1000000 --shape many --runs 1
    python -m tests.bench.reader_ready --before /work/wt/index-base   # against another checkout

Each launch is a process of its own (run from the checkout's source, headless at 120x40, with
its cache folder in a temporary XDG_CACHE_HOME) that reports, in seconds from its start: the
first thread painted, the corpus read (by the reader itself), the flag picker and flag filters
ready (`f` lists the flags), every filter ready (the index of entities: mentions and hashtags
too), related threads ready
(the whole index); the longest the interface's event loop was held up while loading (a task
that asks to wake every 5 ms and notes how late it wakes), the slowest `down` key while
loading (until the app and its widgets have handled it), and resident memory when ready. The
first launch starts from an empty cache and waits for its cache to be written before it quits;
the second reopens. Medians of `--runs`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[2]
FIGURES = (
    "paint_s",
    "read_s",
    "flags_s",
    "filters_s",
    "related_s",
    "stall_ms",
    "key_max_ms",
    "rss_mb",
)
_TICK = 0.005


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def note_milestones(found: dict[str, float], now: float, app: Any) -> None:
    """Note in `found` each point of loading reached by `now` (seconds from the launch)."""
    threads, view = app.query_one("#threads"), app.view
    if "paint_s" not in found and threads.rows and threads.render_line(0).text.strip():
        found["paint_s"] = now
    if "read_s" not in found and app.loader.progress().phase != "reading":
        found["read_s"] = now
    if "flags_s" not in found and view.filter_index is not None:
        found["flags_s"] = now
    # A checkout without a flags stage has its entities in when `filter_index` is.
    if "filters_s" not in found and getattr(view, "features_ready", view.filter_index is not None):
        found["filters_s"] = now
    if app.main_screen.indexed:
        found["related_s"] = now
        for name in ("paint_s", "read_s", "flags_s", "filters_s"):
            found.setdefault(name, now)


async def measure(path: str, started: float, wait_cache: bool) -> dict[str, float]:
    """Launch the reader on `path` in this process and time it (`started`: the launch), as
    the command line launches it: the index process started before Textual is imported."""
    try:
        from tui.early_index import start_early
    except ImportError:  # a checkout that starts it with the interface
        pass
    else:
        start_early([path], cache=True)
    from tui.app import ThreadlineApp

    try:
        app = ThreadlineApp(paths=[path], cache=True)  # type: ignore[call-arg]
    except TypeError:  # a checkout without the cache
        app = ThreadlineApp(paths=[path])
    found: dict[str, float] = {}
    stall = [0.0]
    loading = [True]

    async def lag() -> None:
        while loading[0]:
            before = time.perf_counter()
            await asyncio.sleep(_TICK)
            stall[0] = max(stall[0], time.perf_counter() - before - _TICK)

    keys: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        watcher = asyncio.ensure_future(lag())
        while "related_s" not in found:
            note_milestones(found, time.perf_counter() - started, app)
            if "related_s" in found:
                break
            if "paint_s" in found:
                keys.append(await key_handled(app, pilot, "down"))
            await asyncio.sleep(0.02)
        loading[0] = False
        await watcher
        found["rss_mb"] = rss_mb()
        found["stall_ms"] = 1000 * stall[0]
        found["key_max_ms"] = 1000 * max(keys, default=0.0)
        indexing = getattr(app.loader, "indexing", None)  # type: ignore[attr-defined]
        if wait_cache and indexing is not None:
            indexing.join(600)
    return found


async def key_handled(app: Any, pilot: Any, key: str) -> float:
    """Seconds from `key` sent as the terminal driver sends it until its handling is done: the
    app and every widget have twice processed what was pending (the key reaches the focused
    widget through the app, and what it posts through the screen). Not `Pilot.press`: that
    also waits until the process is idle, up to a second twice, which it never is while the
    index comes in, so its keys measured the loading rather than the key."""
    from textual import events

    before = time.perf_counter()
    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)
    for _ in range(2):
        await pilot._wait_for_screen()
    return time.perf_counter() - before


def launch(checkout: Path, path: Path, cache_home: Path, wait_cache: bool) -> dict[str, float]:
    """One launch of `checkout`'s reader in a process of its own; its figures."""
    environment = {**os.environ, "PYTHONPATH": str(checkout), "XDG_CACHE_HOME": str(cache_home)}
    # Run as a script from the checkout's folder, so its `tui` and `parsing` are the ones timed.
    script = f"import runpy; runpy.run_path({str(Path(__file__).resolve())!r}, run_name='__main__')"
    command = [sys.executable, "-c", script, "--child", str(path)]
    if wait_cache:
        command.append("--wait-cache")
    environment["THREADLINE_BENCH_STARTED"] = repr(time.time())
    result = subprocess.run(
        command, cwd=checkout, env=environment, capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(run[name] for run in runs) for name in FIGURES}


def show(label: str, figures: dict[str, float], megabytes: float) -> None:
    print(
        f"  {label:<22} paint {figures['paint_s']:5.2f} s  read {figures['read_s']:5.2f} s"
        f"  flags {figures['flags_s']:5.2f} s"
        f"  filters {figures['filters_s']:5.2f} s"
        f"  related {figures['related_s']:5.2f} s  stall {figures['stall_ms']:4.0f} ms"
        f"  key max {figures['key_max_ms']:4.0f} ms  RSS {figures['rss_mb']:4.0f} MB"
        f" ({figures['rss_mb'] / megabytes:.1f}× the file)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout, measured alike")
    parser.add_argument("--shape", default="few", help="generate.py's shape: few or many")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--wait-cache", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        started = time.perf_counter() - (
            time.time() - float(os.environ["THREADLINE_BENCH_STARTED"])
        )
        figures = asyncio.run(measure(options.child, started, options.wait_cache))
        print(json.dumps(figures))
        return
    from .run import corpus_file  # here: a launch runs this file as a script

    options.folder.mkdir(parents=True, exist_ok=True)
    checkouts = [("this checkout", HERE)]
    if options.before is not None:
        checkouts.insert(0, ("before", options.before.resolve()))
    print(f"machine: {os.cpu_count()} cores; medians of {options.runs} runs")
    for size in options.sizes:
        path = corpus_file(options.folder, size, shape=options.shape)
        megabytes = path.stat().st_size / 1e6
        print(f"\n{size:,} posts, shape {options.shape} ({megabytes:.0f} MB)")
        for label, checkout in checkouts:
            first, second = [], []
            for _ in range(options.runs):
                with tempfile.TemporaryDirectory() as home:
                    first.append(launch(checkout, path, Path(home), wait_cache=True))
                    second.append(launch(checkout, path, Path(home), wait_cache=False))
                    shutil.rmtree(home, ignore_errors=True)
            show(f"{label}, first", medians(first), megabytes)
            show(f"{label}, second", medians(second), megabytes)


if __name__ == "__main__":
    if "--child" not in sys.argv:  # a child may import an older checkout's `tests`
        from tests.bench import keep_out_of_home

        keep_out_of_home()
    main()
