"""`threadline stats` against ttp on differently shaped copies of the same generated corpus.

    python -m tests.bench.shapes                  # 100k posts, 5 runs
    python -m tests.bench.shapes --posts 20000 --runs 3

Another generator will not write text quite like `generate.py`. This derives copies of one
generated corpus that differ where the parser's fast paths could: links in brackets or followed
by punctuation (`(site.com/a),`, `see site.com/a.`), Windows line ends, a byte-order mark. For
each it prints the medians of `threadline stats --json` and of ttp on the same posts, and their
ratio, measured side by side.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.bench import keep_out_of_home

from .run import TTP_SCRIPT, corpus_file, installed_threadline, run_process

_LINK = re.compile(
    rb"(?<=[ \n])((?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^ \n]*)(?=[ \n])"
)


def punctuated_links(raw: bytes) -> bytes:
    """Three links in ten put in brackets, three followed by a comma or a full stop (losing
    their `…`), the rest left as they are."""
    pick = random.Random(11)

    def change(match: re.Match[bytes]) -> bytes:
        link, roll = match.group(1), pick.random()
        if roll < 0.3:
            return b"(" + link + b")"
        if roll < 0.6:
            return link.removesuffix("\u2026".encode()) + pick.choice([b",", b"."])
        return link

    return _LINK.sub(change, raw)


SHAPES: dict[str, Callable[[bytes], bytes]] = {
    "as generated": lambda raw: raw,
    "links in brackets, before punctuation": punctuated_links,
    "CRLF line ends": lambda raw: raw.replace(b"\n", b"\r\n"),
    "a UTF-8 byte-order mark": lambda raw: b"\xef\xbb\xbf" + raw,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args(argv)
    options.folder.mkdir(parents=True, exist_ok=True)
    raw = corpus_file(options.folder, options.posts).read_bytes()
    threadline = installed_threadline()
    ttp_runs = max(1, options.runs // 2)
    print(f"{options.posts:,} posts, medians of {options.runs} runs (ttp: {ttp_runs})")
    for name, shape in SHAPES.items():
        path = options.folder / f"shape-{options.posts}.txt"
        path.write_bytes(shape(raw))
        stats = statistics.median(
            run_process([*threadline, "stats", "--json", str(path)])[0] for _ in range(options.runs)
        )
        ttp = statistics.median(
            run_process([sys.executable, "-c", TTP_SCRIPT, str(path)])[0] for _ in range(ttp_runs)
        )
        print(f"  {name:40} stats {stats:.2f} s   ttp {ttp:.2f} s   {ttp / stats:.1f}×")
        path.unlink()


if __name__ == "__main__":
    keep_out_of_home()
    main()
