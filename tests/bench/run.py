"""Benchmarks for threadline's targets (README "Performance"), measured side by side in one run.

    python -m tests.bench.run                 # 100k and 1M posts, 5 runs each
    python -m tests.bench.run --sizes 100000 --runs 3

For each size it generates a corpus (tests/bench/generate.py, fixed seed) and reports medians of:
`threadline stats --json` wall time and peak memory; the same posts through twitter-text-python
(ttp) and one read of the file, for ratios; flag filter, search and related threads in process;
and, at the largest size, the reader's time to its first painted thread and per `n`/`p` key
press, against a 7-thread corpus. Needs the `bench` extra (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tests.bench import keep_out_of_home

from .generate import generate

TTP_SCRIPT = """
import sys
from ttp import ttp
parser = ttp.Parser()
with open(sys.argv[1], encoding="utf-8") as corpus:
    for line in corpus:
        if line.strip():
            parser.parse(line)
"""
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
"""The seed corpus the project was asked to read, beside the checkout when present."""
_READ_SCRIPT = "import sys; open(sys.argv[1], 'rb').read()"


def corpus_file(folder: Path, posts: int, seed: int = 7, shape: str = "few") -> Path:
    """The generated corpus (`generate.py`, its `shape`), written once and kept in `folder`."""
    path = folder / (f"corpus-{posts}.txt" if shape == "few" else f"corpus-{posts}-{shape}.txt")
    if not path.exists():
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for line in generate(posts, seed, shape):
                out.write(line + "\n")
        partial.rename(path)
    return path


def run_process(command: Sequence[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of a command and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{command} failed with status {status}")
    return elapsed, usage.ru_maxrss * 1024


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def installed_threadline() -> list[str]:
    """The `threadline` command as a user runs it: the script beside this Python, with the
    package byte-compiled as `pip install .` leaves it. (An editable checkout under
    PYTHONDONTWRITEBYTECODE has no bytecode, so every start compiles each module's source first:
    about 20 ms more per `stats` run.)"""
    import parsing
    import tui

    for package in (parsing, tui):
        compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)
    script = Path(sys.executable).with_name("threadline")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from tui.cli import entry; entry()"]


def bench_commands(path: Path, runs: int) -> dict[str, float]:
    threadline = [*installed_threadline(), "stats", "--json", str(path)]
    stats = [run_process(threadline) for _ in range(runs)]
    ttp = [
        run_process([sys.executable, "-c", TTP_SCRIPT, str(path)]) for _ in range(max(1, runs // 2))
    ]
    read = [run_process([sys.executable, "-c", _READ_SCRIPT, str(path)]) for _ in range(runs)]
    return {
        "stats_s": statistics.median(t for t, _ in stats),
        "stats_peak_mb": statistics.median(m for _, m in stats) / 1e6,
        "ttp_s": statistics.median(t for t, _ in ttp),
        "read_s": statistics.median(t for t, _ in read),
    }


def bench_in_process(path: Path, runs: int) -> dict[str, float]:
    from parsing.filters import threads_with_flags
    from parsing.index import build_index
    from parsing.loader import load_corpus
    from parsing.related import related_threads
    from parsing.search import threads_matching

    started = time.perf_counter()
    corpus = load_corpus([path])
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    corpus.prepare_search()  # as the reader does while loading
    index = build_index(corpus)
    index_s = time.perf_counter() - started

    def timed(work: Callable[[], object]) -> float:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    flags = [("UA",), ("RU", "CN"), ("GB-SCT",), ("JP", "TW")]
    queries = ["interconnector", "Ceasefire memorandum", "энергетика", "no such words here"]
    threads = range(0, corpus.thread_count, max(1, corpus.thread_count // 50))
    return {
        "load_s": load_s,
        "index_s": index_s,
        "flag_ms": 1000
        * median_of(
            runs, lambda: max(timed(lambda f=f: threads_with_flags(index, f)) for f in flags)
        ),
        "search_ms": 1000
        * statistics.median(timed(lambda q=q: threads_matching(corpus, q)) for q in queries),
        "related_ms": 1000
        * statistics.median(timed(lambda t=t: related_threads(index, t)) for t in threads),
    }


async def bench_reader(path: Path, presses: int = 24) -> dict[str, float]:
    from tui.app import ThreadlineApp

    started = time.perf_counter()
    app = ThreadlineApp(paths=[str(path)])
    first_paint = 0.0
    async with app.run_test(size=(120, 40)) as pilot:
        threads = app.query_one("#threads")
        while not first_paint:
            await pilot.pause(0.01)
            if threads.rows and threads.render_line(0).text.strip():  # type: ignore[attr-defined]
                first_paint = time.perf_counter() - started
        while not app.main_screen.indexed:
            await pilot.pause(0.05)
        await pilot.press("enter")
        # Six n, six p, over and over: every press changes thread, even in a 7-thread corpus.
        keys = (["n"] * 6 + ["p"] * 6) * (presses // 12)
        timings = [await timed_press(pilot, key) for key in keys]
        # A key bound to nothing: what the harness itself waits per press.
        idle = [await timed_press(pilot, "x") for _ in range(presses)]
    return {
        "first_paint_s": first_paint,
        "key_ms": 1000 * statistics.median(timings),
        "idle_key_ms": 1000 * statistics.median(idle),
    }


async def timed_press(pilot: Any, key: str) -> float:
    before = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - before


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--baseline", type=Path, default=SEEDS if SEEDS.is_dir() else None,
        help="the small corpus n/p is compared with (default: the seed corpus, if present, "
        "else a generated 60-post corpus)",
    )  # fmt: skip
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args(argv)
    options.folder.mkdir(parents=True, exist_ok=True)
    small = options.baseline or corpus_file(options.folder, 60)
    cores = os.cpu_count()
    print(
        f"machine: {cores} cores, Python {sys.version.split()[0]}; medians of {options.runs} runs"
    )
    for size in options.sizes:
        path = corpus_file(options.folder, size)
        megabytes = path.stat().st_size / 1e6
        commands = bench_commands(path, options.runs)
        inside = bench_in_process(path, options.runs)
        stats_s, peak_mb = commands["stats_s"], commands["stats_peak_mb"]
        ttp_s, read_s = commands["ttp_s"], commands["read_s"]
        print(f"\n{size:,} posts ({megabytes:.0f} MB)")
        print(f"  threadline stats   {stats_s:.2f} s, peak {peak_mb:.0f} MB", end="")
        print(f" ({peak_mb / megabytes:.1f}× the file)")
        print(f"  ttp                {ttp_s:.2f} s  -> threadline is {ttp_s / stats_s:.1f}× faster")
        print(
            f"  read the file      {read_s:.2f} s  -> stats takes {stats_s / read_s:.1f}× one read"
        )
        load_s, index_s = inside["load_s"], inside["index_s"]
        print(f"  load / index       {load_s:.2f} s / {index_s:.2f} s (in process)")
        print(f"  flag filter        {inside['flag_ms']:.1f} ms")
        print(f"  search             {inside['search_ms']:.1f} ms")
        print(f"  related threads    {inside['related_ms']:.1f} ms")
    largest = corpus_file(options.folder, max(options.sizes))
    reader = asyncio.run(bench_reader(largest))
    baseline = asyncio.run(bench_reader(small))
    key_ms, base_ms = reader["key_ms"], baseline["key_ms"]
    print(f"\nreader at {max(options.sizes):,} posts: first thread painted", end="")
    print(f" after {reader['first_paint_s']:.2f} s;", end="")
    print(f" n/p {key_ms:.1f} ms per key vs {base_ms:.1f} ms on {small.name}", end="")
    print(f" ({key_ms / base_ms:.2f}×)")
    print(
        f"  (a key bound to nothing takes {reader['idle_key_ms']:.1f} ms / "
        f"{baseline['idle_key_ms']:.1f} ms: the test harness's own wait)"
    )


if __name__ == "__main__":
    keep_out_of_home()
    main()
