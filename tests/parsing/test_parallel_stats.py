"""`threadline stats` on two cores: the two parts counted equal the whole laid out, for any
encoding, window or part size, with or without a second process."""

from __future__ import annotations

import codecs
import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import parsing.split_points
import parsing.stats
from parsing import load_corpus
from parsing.corpus import Corpus
from parsing.decoding import normalise, normalise_newlines
from parsing.part_counts import Totals, count_part
from parsing.split_points import (
    safe_split,
    split_unnormalised,
)
from parsing.stats import corpus_stats, stats_for_paths
from tests.bench.generate import generate

from .helpers import REPO
from .test_split_points import HUNT, allowed_cuts, marker_corpora, with_regressions


def stats_in_two(raw: bytes, cut: int) -> dict[str, object]:
    totals = Totals()
    totals.add(count_part(bytearray(raw[:cut])))
    totals.add(count_part(bytearray(raw[cut:])))
    return parsing.stats._finish(totals, 1, []).as_json()


def whole_stats(raw: bytes) -> dict[str, object]:
    corpus = Corpus()
    corpus.add_source("t.txt", raw)
    return corpus_stats(corpus).as_json()


@HUNT
@given(marker_corpora)
@with_regressions
def test_stats_counted_in_two_parts_equal_the_export_of_the_whole(raw: bytes) -> None:
    """At every cut offered, counting the two parts (the path `threadline stats` takes on a big
    file) gives the threads, posts, missing posts and entities of the whole source laid out."""
    whole = whole_stats(raw)
    for cut in allowed_cuts(raw):
        assert stats_in_two(raw, cut) == whole, cut


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `threadline stats` split files of any size."""
    monkeypatch.setattr(parsing.stats, "_PARALLEL_BYTES", 1)


@pytest.mark.parametrize("chrome", [True, False], ids=["with-chrome", "bare"])
def test_parallel_stats_equal_single_pass(small_parts: None, tmp_path: Path, chrome: bool) -> None:
    """Stats of a generated corpus split in two (with or without page chrome between threads)
    equal the statistics of the corpus loaded whole."""
    lines = [line for line in generate(600, seed=3) if chrome or not _is_chrome(line)]
    path = tmp_path / "corpus.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert safe_split(path.read_bytes()) is not None
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


def test_parallel_stats_equal_single_pass_on_the_demo(small_parts: None) -> None:
    """The demo corpus gives the same statistics split or whole."""
    demo = REPO / "assets" / "demo"
    assert stats_for_paths([demo]).as_json() == corpus_stats(load_corpus([demo])).as_json()


ENCODINGS = {
    "plain": lambda text: text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "cr": lambda text: text.replace("\n", "\r").encode(),
    "bom-crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode(),
    "utf-16": lambda text: text.encode("utf-16"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_parallel_stats_of_any_encoding_equal_single_pass(
    small_parts: None, tmp_path: Path, encoding: str
) -> None:
    """A file mapped as it is (plain UTF-8) or normalised first (line ends, byte-order mark,
    UTF-16) gives the same statistics split in two as loaded whole."""
    text = "\n".join(generate(300, seed=5)) + "\n"
    path = tmp_path / "corpus.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    assert safe_split(normalise(path.read_bytes()).data) is not None
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


@pytest.mark.parametrize("encoding", ["plain", "crlf", "cr", "bom-crlf"])
def test_a_cut_found_in_a_window_of_unnormalised_text_is_the_same_line(encoding: str) -> None:
    """`split_unnormalised` looks for a cut in a normalised window around the middle and finds
    that line again in the raw bytes: the raw part before it normalises to the text before the
    cut `safe_split` makes in the window (here, the window is the middle 8 KB)."""
    text = "\n".join(generate(300, seed=5)) + "\n"
    raw = ENCODINGS[encoding](text)
    mark = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing.split_points, "_WINDOW", 4096)
        cut = split_unnormalised(raw, mark)
    assert cut is not None
    whole = normalise(raw).data
    before = normalise_newlines(bytearray(raw[mark:cut]))
    # The raw cut falls after a whole line break: each side normalises to its part of the whole.
    assert whole.startswith(before) and before.endswith(b"\n")
    assert normalise_newlines(bytearray(raw[cut:])) == whole[len(before) :]
    middle = len(whole) // 2
    assert abs(len(before) - middle) < 4096  # found in the window around the middle


def test_a_window_does_not_take_its_first_line_for_the_first_of_the_source(
    small_parts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A marker line that opens the window is no cut when the line above it, outside the
    window, could be "Keep Current with" (it is here: the marker line is an author's name).
    Blank lines carry the look back past the window's start."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 4096)
    above = "1/ a\n2/ b\n" + ("x" * 70 + "\n") * 60 + "Keep Current with\n"
    text = above + "2/ Ana Vidal\nmore text\n" + "\n" * 4696 + "1/ c #tag @m\n2/ d\n"
    text += "z" * (2 * (len(above) + 5 + 4096) - len(text))  # the window starts at "2/ Ana"
    path = tmp_path / "corpus.txt"
    path.write_text(text, encoding="utf-8")
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_parallel_stats_cut_in_a_small_window_equal_single_pass(
    small_parts: None, tmp_path: Path, encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cut looked for in a window much smaller than the file, the parts, normalised
    each in its own process, give the statistics of the file loaded whole."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 4096)
    text = "\n".join(generate(300, seed=5)) + "\n"
    path = tmp_path / "corpus.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


def _is_chrome(line: str) -> bool:
    return line.startswith(("• •", "Missing", "force", "Keep", "Read all", "This Thread"))


def test_stats_without_a_second_process_count_both_halves(small_parts: None) -> None:
    """With another thread running, no process is forked: the second half is counted here,
    before the first half's buffer is cut, and the statistics equal the single-pass ones."""
    demo = REPO / "assets" / "demo"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        split = stats_for_paths([demo]).as_json()
    finally:
        release.set()
        other.join()
    assert split == corpus_stats(load_corpus([demo])).as_json()


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_stats_pause_the_cycle_collector_and_restore_it(
    enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stats_for_paths` counts with the cycle collector paused, and gives it back in the state
    it was in, collecting or not."""
    seen: list[bool] = []
    finish = parsing.stats._finish

    def finish_and_look(*args: Any) -> parsing.stats.CorpusStats:
        seen.append(gc.isenabled())
        return finish(*args)

    monkeypatch.setattr(parsing.stats, "_finish", finish_and_look)
    demo = REPO / "assets" / "demo"
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        stats_for_paths([demo])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
