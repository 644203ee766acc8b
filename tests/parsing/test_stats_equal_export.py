"""`threadline stats` on a big file of bare marker lines counts what the full layout lays out.

A file over the size where `stats` cuts it in two and counts the halves on two cores, made of the
lines whose reading depends on their neighbours (markers at line starts and ends, totals, bare
`1/n`, heads, chrome, blank lines), with a few entities among them. Its counts must be those of
the same file loaded whole, as `export` loads it: threads, posts, missing posts and entities of
each kind.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import parsing.stats
from parsing import load_corpus
from parsing.split_points import split_unnormalised
from parsing.stats import corpus_stats
from tui.cli import main

LINES = [
    "1/ word",
    "word 1/",
    "",
    "2/ …",
    "(2/5)",
    "text (3/5)",
    "2/ word",
    "3/ word #tag",
    "word 2/",
    "1/n",
    "word",
    "THREAD",
    "🧵",
    "• • •",
    "Share",
    "(1/5) word @ana",
    "word 3/",
    "4/ example.com/a…",
    "👇",
]
SIZE = 9 << 20


TRAP = "THREAD\n1/ word\nword 1/\n\nword 1/\nword 1/\n1/ word\n"
"""A restart whose first post is a paragraph of `… 1/` lines: a source starting inside it would
lay it out otherwise, and the cut once fell there. It is put where the cut is looked for first,
after plain lines in the middle of the file."""


def random_lines(seed: int, size: int) -> bytes:
    """Marker lines drawn at random (the same ones for a seed): `size` bytes of them, the last
    line cut short or padded with blank lines."""
    draw = random.Random(seed).choices
    lines: list[str] = []
    left = size
    while left > 0:
        batch = draw(LINES, k=1024)
        lines += batch
        left -= sum(len(line.encode()) + 1 for line in batch)
    text = ("\n".join(lines) + "\n").encode()[:size]
    text = text[: text.rfind(b"\n") + 1]
    return text + b"\n" * (size - len(text))


@pytest.fixture(scope="module")
def marker_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 9 MB of marker lines, built once for the module; its middle falls in the plain
    lines just above the trap."""
    first = random_lines(14, SIZE // 2)
    plain = b"word\n" * 800
    trap = TRAP.encode()
    second = random_lines(15, len(first) - len(trap) - len(plain))
    path = tmp_path_factory.mktemp("big") / "markers.txt"
    path.write_bytes(first + plain + trap + plain + second)
    return path


def test_stats_of_a_big_marker_file_equal_its_export_counts(
    marker_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`threadline stats --json` (cut in two, counted on two cores) gives the threads, posts,
    missing posts and entities per kind of the file laid out whole."""
    raw = marker_file.read_bytes()
    assert len(raw) > parsing.stats._PARALLEL_BYTES
    assert split_unnormalised(raw) is not None, "the file is cut in two"
    assert main(["stats", "--json", str(marker_file)]) == 0
    counted = json.loads(capsys.readouterr().out)
    whole = corpus_stats(load_corpus([marker_file])).as_json()
    keys = ("threads", "posts", "missing", "skipped", "entities")
    assert {key: counted[key] for key in keys} == {key: whole[key] for key in keys}
    assert counted["threads"] > 100_000
