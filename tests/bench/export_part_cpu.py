"""CPU seconds of one export part in process, for two checkouts in turn: its reading (parse,
glued-token evidence, the threads chosen and hashed) and its writing.

    git worktree add /tmp/before <commit>
    python -m tests.bench.export_part_cpu --before /tmp/before --corpus /tmp/corpus-100k.txt
    python -m tests.bench.export_part_cpu --before /tmp/before --posts 100000 --shape many --runs 7

Each run starts a fresh interpreter for each checkout in turn (the code before first), which
reads the whole file as one part of a two-core export (`export_part.Part`, settled as the first
part with nothing from a second) and writes its threads' JSON to /dev/null, with the collector
and allocator set as `threadline export` sets them; the best of two rounds is the run's time.
It prints the medians and their ratios. In process and in CPU time, a change of a few percent
shows through a busy machine, which whole-command runs (`tests.bench.ab`) hide in their noise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench import keep_out_of_home

from .generate import SHAPES
from .run import corpus_file

HERE = Path(__file__).resolve().parents[2]
_ROUNDS = 2
_SCRIPT = """
import json, os, sys, time
from tui.commands import _reuse_freed_memory
from parsing.stats import cycle_collector_paused
from parsing.export_part import Filters, Note, Part

_reuse_freed_memory()
raw = open(sys.argv[1], "rb").read()
out = open(os.devnull, "w", encoding="utf-8")
best = {"read": float("inf"), "write": float("inf")}
with cycle_collector_paused():
    for _ in range(int(sys.argv[2])):
        started = time.process_time()
        part = Part("corpus.txt", bytearray(raw), Filters())
        part.note()
        part.settle(Note(frozenset(), {}, [], 0, 0, None, None, None), first=True)
        read = time.process_time()
        part.write_threads(out)
        out.flush()
        best["read"] = min(best["read"], read - started)
        best["write"] = min(best["write"], time.process_time() - read)
        del part
print(json.dumps(best))
"""


def timed(checkout: Path, corpus: Path) -> dict[str, float]:
    """The best CPU seconds of reading and writing `corpus` as one part, run from `checkout`."""
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(corpus), str(_ROUNDS)],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    times: dict[str, float] = json.loads(done.stdout)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--corpus", type=Path, help="a corpus file (else one is generated)")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--shape", choices=SHAPES, default="few")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = options.corpus or corpus_file(Path(folder), options.posts, shape=options.shape)
        before: list[dict[str, float]] = []
        after: list[dict[str, float]] = []
        for _ in range(options.runs):
            before.append(timed(options.before, corpus))
            after.append(timed(HERE, corpus))
    print(f"{corpus.name}: medians of {options.runs} runs (each the best of {_ROUNDS} rounds)")
    for phase in ("read", "write", "total"):
        old, new = (
            statistics.median(
                run["read"] + run["write"] if phase == "total" else run[phase] for run in runs
            )
            for runs in (before, after)
        )
        print(
            f"  {phase:6} cpu before {old:6.3f} s  after {new:6.3f} s  after/before {new / old:.3f}"
        )


if __name__ == "__main__":
    keep_out_of_home()
    main()
