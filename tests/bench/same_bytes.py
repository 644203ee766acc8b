"""Two checkouts of threadline write the same export: every byte of `export` as JSON and as
Markdown, of `export --search` and of `export --related`, on the generated corpora.

    git worktree add /tmp/before <commit>
    python -m tests.bench.same_bytes --before /tmp/before
    python -m tests.bench.same_bytes --before /tmp/before --sizes 100000 --shapes many
    python -m tests.bench.same_bytes --before /tmp/before --commands 'export --related'
    python -m tests.bench.same_bytes --before /tmp/before --paths ../shared/seeds assets/demo

A change to how the export is written must not change what it writes: the unit tests hold the
writer to the reference encoding on small texts, and this holds the whole command to the code
before on corpora of every shape at the sizes the targets are measured at (the two-process
path only runs on big files). Each output is hashed as it streams, never held; the command
exits with status 1 when any pair differs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench import keep_out_of_home

from .generate import SHAPES
from .run import corpus_file

HERE = Path(__file__).resolve().parents[2]
_SEARCH = "audit at"
"""A text found in a few percent of the generated threads (as `tests.bench.ab` uses)."""
_COMMANDS = {
    "export": ["export"],
    "export --format markdown": ["export", "--format", "markdown"],
    f"export --search {_SEARCH!r}": ["export", "--search", _SEARCH],
    "export --related": ["export", "--related"],
    "export --related --format markdown": ["export", "--related", "--format", "markdown"],
}


def digest(checkout: Path, arguments: list[str]) -> tuple[str, int]:
    """The SHA-256 and size of what `threadline ARGUMENTS` run from `checkout` writes."""
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    process = subprocess.Popen(  # run in `checkout`: `-m` puts the working folder first
        [sys.executable, "-m", "tui.cli", *arguments],
        cwd=checkout,
        env=environment,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    hashed, size = hashlib.sha256(), 0
    while block := process.stdout.read(1 << 20):
        hashed.update(block)
        size += len(block)
    if process.wait() != 0:
        raise RuntimeError(f"{arguments} failed in {checkout}")
    return hashed.hexdigest(), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument(
        "--commands",
        nargs="+",
        choices=list(_COMMANDS),
        default=[name for name in _COMMANDS if "--related" not in name],
        help="the commands compared (default: all but export --related, minutes at 300k)",
    )
    parser.add_argument(
        "--paths",
        type=Path,
        nargs="+",
        default=[],
        help="files or folders compared each alone, instead of the generated corpora",
    )
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    paths = [path.resolve() for path in options.paths] or [
        corpus_file(options.folder, size, shape=shape)
        for shape in options.shapes
        for size in options.sizes
    ]
    for path in paths:
        for name in options.commands:
            arguments = _COMMANDS[name]
            before = digest(options.before, [*arguments, str(path)])
            after = digest(HERE, [*arguments, str(path)])
            verdict = "same" if before == after else "DIFFERENT"
            differ += before != after
            print(f"{path.name:28} {name:36} {after[1] / 1e6:8.1f} MB  {verdict}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    keep_out_of_home()
    main()
