"""Two checkouts of threadline side by side: `stats`, `export` and `export --search` wall time
on the same corpus.

    git worktree add /tmp/before <commit>
    python -m tests.bench.ab --before /tmp/before --posts 100000 --runs 7
    python -m tests.bench.ab --before /tmp/before --corpus /tmp/threadline-bench/corpus-100000.txt

Each run times the command from the other checkout and from this one in turn (so that a busy
machine slows both alike) and prints the medians and their ratio, of wall time and of CPU time
(the command's and its forked processes': on a busy machine the CPU times say more).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import keep_out_of_home

from .run import corpus_file

HERE = Path(__file__).resolve().parents[2]


def timed(checkout: Path, arguments: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of `threadline ARGUMENTS` run from `checkout`'s source."""
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, "-m", "tui.cli", *arguments]
    started = time.perf_counter()
    process = subprocess.Popen(  # run in `checkout`: `-m` puts the working folder first on the path
        command, cwd=checkout, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{command} failed: {errors.decode(errors='replace')}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--search",
        default="audit at",
        help="the export --search text (the default picks about 4%% of the generated threads)",
    )
    parser.add_argument(
        "--corpus", type=Path, help="a corpus file to use instead of generating one"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = str(options.corpus or corpus_file(Path(folder), options.posts))
        for label, arguments in (
            ("stats --json", ["stats", "--json", corpus]),
            ("export", ["export", corpus]),
            ("export --search", ["export", "--search", options.search, corpus]),
        ):
            before: list[tuple[float, float]] = []
            after: list[tuple[float, float]] = []
            for _ in range(options.runs):
                before.append(timed(options.before, arguments))
                after.append(timed(HERE, arguments))
            (old, old_cpu), (new, new_cpu) = (
                tuple(statistics.median(column) for column in zip(*runs, strict=True))
                for runs in (before, after)
            )
            print(
                f"{label:16} before {old:.3f} s  after {new:.3f} s  after/before {new / old:.2f}"
                f"  (cpu before {old_cpu:.2f} s  after {new_cpu:.2f} s  {new_cpu / old_cpu:.2f})"
            )


if __name__ == "__main__":
    keep_out_of_home()
    main()
