"""Two checkouts of threadline side by side: `stats`, `export` and `export --search` wall time
on the same corpus (or the commands named by `--commands`: `export --related` too).

    git worktree add /tmp/before <commit>
    python -m tests.bench.ab --before /tmp/before --posts 100000 --runs 7
    python -m tests.bench.ab --before /tmp/before --corpus /tmp/threadline-bench/corpus-100000.txt
    python -m tests.bench.ab --before /tmp/before --runs 3 --commands stats export related \\
        --corpus /tmp/threadline-bench/corpus-300000-many.txt

Each run times the command from the other checkout and from this one in turn (so that a busy
machine slows both alike) and prints the medians and their ratio, of wall time and of CPU time
(the command's and its forked processes': on a busy machine the CPU times say more), then
each checkout's medians against its `stats` and plain `export` of the same run.
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
    parser.add_argument(
        "--commands",
        nargs="+",
        choices=list(COMMANDS),
        default=["stats", "export", "search"],
        help="what to time, in this order",
    )
    options = parser.parse_args()
    medians: dict[str, tuple[float, float, float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        corpus = str(options.corpus or corpus_file(Path(folder), options.posts))
        runs: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
            name: ([], []) for name in options.commands
        }
        for _ in range(options.runs):  # each command in turn, so that a ratio is of one time
            for name in options.commands:
                arguments = [options.search if a == "SEARCH" else a for a in COMMANDS[name][1]]
                before, after = runs[name]
                before.append(timed(options.before, [*arguments, corpus]))
                after.append(timed(HERE, [*arguments, corpus]))
        for name, (before, after) in runs.items():
            (old, old_cpu), (new, new_cpu) = (
                tuple(statistics.median(column) for column in zip(*times, strict=True))
                for times in (before, after)
            )
            medians[name] = (old, old_cpu, new, new_cpu)
            print(
                f"{COMMANDS[name][0]:16} before {old:.3f} s  after {new:.3f} s  "
                f"after/before {new / old:.2f}  "
                f"(cpu before {old_cpu:.2f} s  after {new_cpu:.2f} s  {new_cpu / old_cpu:.2f})"
            )
    for name in options.commands:
        for base in ("stats", "export"):
            if base in medians and name not in (base, "stats"):
                print(_against(COMMANDS[name][0], base, medians[name], medians[base]))


COMMANDS = {
    "stats": ("stats --json", ["stats", "--json"]),
    "export": ("export", ["export"]),
    "search": ("export --search", ["export", "--search", "SEARCH"]),
    "related": ("export --related", ["export", "--related"]),
    "markdown": (
        "export --related --format markdown",
        ["export", "--related", "--format", "markdown"],
    ),
}
"""What `--commands` may name: a label and the arguments before the corpus."""


def _against(label: str, base: str, times: tuple[float, ...], base_times: tuple[float, ...]) -> str:
    """`label`'s medians over `base`'s, wall and CPU, before and after."""
    pairs = zip(times, base_times, strict=True)
    old, old_cpu, new, new_cpu = (mine / theirs for mine, theirs in pairs)
    return (
        f"{label} ÷ {base}: before {old:.2f}× (cpu {old_cpu:.2f}×)  "
        f"after {new:.2f}× (cpu {new_cpu:.2f}×)"
    )


if __name__ == "__main__":
    keep_out_of_home()
    main()
