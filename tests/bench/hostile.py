"""Pathological inputs at full size, through `threadline export` and `threadline stats`.

    python -m tests.bench.hostile                      # every input, one run each
    python -m tests.bench.hostile --only 20MB-line 200k-at --timeout 60 --keep

The unit tests (tests/parsing/test_hostile.py) load the same shapes at sizes where quadratic
behaviour would take minutes; this script writes them at full size (a 20 MB line, 200k sigils in
a row, 200k regional indicators, an unterminated tag sequence, 300k letters before `…`, 100k
lines of bare `N/` markers …) to a temporary folder and runs each command once as a subprocess,
reporting wall seconds, CPU seconds and peak resident memory (from `os.wait4`). A command that
runs past `--timeout` is killed and shown as such: that is a hang. The page shapes (bylines,
headers, title bars, listings, credits, front matter, teaser links over and over) are loaded as
pages by tests/parsing/test_hostile_pages.py, where the page's metadata is read too.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.bench import keep_out_of_home

TAG_LETTERS = "".join(chr(0xE0061 + i) for i in range(26))
MIXED_PIECES = [
    "word", "the", "@bob", "@alice_k", "＠yuki", "#tag", "#тег", "$TSLA", "$5.20",
    "example.com/a…", "https://t.co/x", "carnegie.ru/x/1…", "@bob.example.com/a…", "🇷🇺🇺🇦",
    "🇺", "🏴" + TAG_LETTERS[:5] + "\U000e007f", "日#本", "1/2", "…", "....", "@", "#", "$",
]  # fmt: skip


def mixed_line(size: int) -> Iterator[str]:
    """One line of about `size` bytes of words and entities mixed, in chunks."""
    rng = random.Random(7)
    written = 0
    yield "1/ "
    while written < size:
        chunk = " ".join(rng.choice(MIXED_PIECES) for _ in range(10_000)) + " "
        written += len(chunk.encode())
        yield chunk
    yield "\n"


def once(text: str) -> Callable[[], Iterator[str]]:
    return lambda: iter([text])


def repeated(block: str, size: int) -> Callable[[], Iterator[str]]:
    """`block` over and over, about `size` bytes in all, in chunks."""
    chunk = block * max(1, 100_000 // len(block.encode()))
    times = max(1, size // len(chunk.encode()))
    return lambda: (chunk for _ in range(times))


def numbered(make: Callable[[int], str], size: int) -> Callable[[], Iterator[str]]:
    """`make(n)` for n = 0, 1, 2 … until about `size` bytes are written."""

    def chunks() -> Iterator[str]:
        written, n = 0, 0
        while written < size:
            chunk = "".join(make(n + k) for k in range(1_000))
            n += 1_000
            written += len(chunk.encode())
            yield chunk

    return chunks


INPUTS: dict[str, Callable[[], Iterator[str]]] = {
    "20MB-line": lambda: mixed_line(20_000_000),
    "200k-at": once("@" * 200_000),
    "200k-hash": once("#" * 200_000),
    "200k-fullwidth-at": once("＠" * 200_000),
    "200k-regional-indicators": once("🇺" * 200_000),
    "200001-regional-indicators": once("🇺" * 200_001),
    "unterminated-tag-sequence": once("🏴" + (TAG_LETTERS * 4_000)[:100_000]),
    "300k-letters-ellipsis": once("a" * 300_000 + "…"),
    "300k-letters-dotcom-ellipsis": once("a" * 300_000 + ".com/x…"),
    "100k-bare-markers": lambda: (f"{n % 50 + 1}/\n" for n in range(100_000)),
    "200k-dots": once("." * 200_000),
    "200k-nichi-hash": once("日#" * 200_000),
    "100k-chrome-lines": lambda: ("• • •\n" for _ in range(100_000)),
    "5MB-spaces": once(" " * 5_000_000),
    "200k-blank-lines": once("\n" * 200_000),
    # Page chrome, each line or block over and over.
    "20MB-medium-bylines": numbered(
        lambda n: (
            f"A title of note {n}\nAda Reed\nAda Reed\n·\nFollow\n5 min read\n·\nMar 3, 2024\n"
            f"1/ The first post of note {n}.\n2/ The second post.\n\n"
        ),
        20_000_000,
    ),
    "20MB-name-handle-reading-time": repeated("Ada\n@ada\n5 min read\n", 20_000_000),
    "20MB-threader-headers": numbered(
        lambda n: f"Ada Reed\n+ Your Authors\n@ada\nA bio.\nMar 3\n1 min read\n1/ Post {n}.\n",
        20_000_000,
    ),
    "20MB-conversation-bars": numbered(
        lambda n: (
            f"Thread\nConversation\nAda Reed\n@ada{n % 7}\n·\n3h\nA tweet {n}.\n12\nRetweets\n"
            "Show this thread\n"
        ),
        20_000_000,
    ),
    "20MB-latest-threads-unrolled": repeated(
        "1/ A post.\nYou can follow @ada.\nLatest Threads Unrolled:\n" + "A teaser.\n" * 30,
        20_000_000,
    ),
    "20MB-substack-dated-bylines": repeated("Ada\nMar 3\n12\n4\nShare\n", 20_000_000),
    "100k-credits-of-two-handles": numbered(
        lambda n: f"A tweet {n} of text. — Ana (@ana{n % 2}) March 3, 2020\n", 6_000_000
    ),
    "100k-weak-lines-above-strong": once("1/ A post.\n" + "Listen\n" * 100_000 + "Open in app\n"),
    "20MB-long-byline": once("Ada " * 5_000_000 + "\n· Follow\n5 min read\n·\nMar 3, 2024\n1/ a\n"),
    "20MB-front-matter.md": once(
        "---\ntitle: A page\ntags:\n" + "  - tag\n" * 2_500_000 + "---\n1/ a\n"
    ),
    "100k-teaser-links.md": numbered(
        lambda n: f"[A teaser {n}](https://threadreaderapp.com/thread/{n}.html)\n\n", 6_000_000
    ),
    # Numbering at line ends: one rising run, and numbering restarting at 1 every two lines.
    "20MB-lines-numbered-at-end": numbered(
        lambda n: f"The canal text {n}. {n % 999 + 1}/\n", 20_000_000
    ),
    "20MB-threads-numbered-at-line-ends": repeated("The lock gate. 1/\nThe weir. 2/\n", 20_000_000),
    "100k-posts-numbered-first-of-many-lines": numbered(
        lambda n: f"{n % 999 + 1}/ Post {n}.\nline a\nline b 7/\nline c\nline d\n", 5_000_000
    ),
    # Shapes the unit tests found quadratic (see the hang tests); expect them to hit --timeout.
    "300k-letters-at-dotcom": once("@" + "a" * 300_000 + ".com/x…"),
    "100k-wide-hashtag-link-pairs": once("1/ " + "#тег https://t.co/x " * 100_000),
}
"""Every pathological input of the hang tests, at full size."""


def write_input(folder: Path, name: str) -> Path:
    path = folder / (name if name.endswith(".md") else f"{name}.txt")
    if not path.exists():
        with path.open("w", encoding="utf-8", newline="") as out:
            for chunk in INPUTS[name]():
                out.write(chunk)
    return path


def run_process(command: list[str], timeout: float) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user and system, with the processes it waited for), peak
    resident memory (bytes) and how it ended ("ok", "exit N", "killed")."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.kill(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = -signal.SIGKILL
            cpu = usage.ru_utime + usage.ru_stime
            return time.perf_counter() - started, cpu, usage.ru_maxrss * 1024, "killed"
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    outcome = "ok" if process.returncode == 0 else f"exit {process.returncode}"
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, outcome


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), metavar="NAME")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per command")
    parser.add_argument("--folder", type=Path, help="where to write inputs (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args(argv)
    folder = options.folder or Path(tempfile.mkdtemp(prefix="threadline-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    names = options.only or list(INPUTS)
    commands = {
        "export": [sys.executable, "-m", "tui.cli", "export"],
        "stats": [sys.executable, "-m", "tui.cli", "stats", "--json"],
    }
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; one run each")
    print(f"inputs in {folder}; timeout {options.timeout:.0f} s per command")
    for label, command in commands.items():
        print(f"{label:>6}: {' '.join(command)} FILE > /dev/null")
    header = (
        f"{'input':<30} {'MB':>6}  {'export s':>9} {'CPU s':>6} {'peak MB':>8} {'':<7}"
        f"  {'stats s':>8} {'CPU s':>6} {'peak MB':>8} {'':<7}"
    )
    print()
    print(header)
    print("-" * len(header))
    try:
        for name in names:
            path = write_input(folder, name)
            megabytes = path.stat().st_size / 1e6
            row = f"{name:<30} {megabytes:>6.1f}"
            for label, command in commands.items():
                seconds, cpu, peak, outcome = run_process([*command, str(path)], options.timeout)
                width = 9 if label == "export" else 8
                shown = f">{seconds:.0f}" if outcome == "killed" else f"{seconds:.2f}"
                row += f"  {shown:>{width}} {cpu:>6.2f} {peak / 1e6:>8.0f} {outcome:<7}"
            print(row, flush=True)
    finally:
        if options.folder is None and not options.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    keep_out_of_home()
    main()
