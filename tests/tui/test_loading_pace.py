"""The pace of loading: reports frequent until the first threads are shown, then spaced out; the
interpreter lock handed to the interface quickly."""

from __future__ import annotations

import gc
import sys
import time
import weakref
from pathlib import Path

import pytest

from tui import loading_pace
from tui.loading import CorpusLoader, Progress
from tui.loading_pace import (
    BATCH_INTERVAL,
    SHOWN_INTERVAL,
    SWITCH_INTERVAL,
    BatchReporter,
    collector_paused,
    lock_handed_quickly,
)


def test_reports_are_spaced_out_once_threads_are_shown() -> None:
    """Until a report has carried threads, the next comes within `BATCH_INTERVAL`; after, the
    rows are on the screen and reports come every `SHOWN_INTERVAL`, a longer wait."""
    state = [(0, Progress("reading", 0.0))]
    posted: list[int] = []
    reporter = BatchReporter(lambda: state[-1], lambda threads, _: posted.append(threads))
    assert reporter.interval == BATCH_INTERVAL
    state.append((0, Progress("reading", 0.2)))
    reporter._report()
    assert posted == [0] and reporter.interval == BATCH_INTERVAL
    state.append((12, Progress("reading", 0.3)))
    reporter._report()
    assert posted == [0, 12] and reporter.interval == SHOWN_INTERVAL > BATCH_INTERVAL


def test_the_lock_is_handed_over_quickly_while_loading(tmp_path: Path) -> None:
    """While the loader reads and indexes, the interpreter's switch interval is at most
    `SWITCH_INTERVAL` (the interface waits less for the lock at each hand-over); after, it is
    what it was."""
    path = tmp_path / "threads.txt"
    path.write_text("1/ A thread 🇷🇺 opens\n2/ and ends\n", encoding="utf-8")
    # A reader of an earlier test that quit while its corpus loaded may still be loading.
    deadline = time.monotonic() + 30
    while loading_pace._QuickHolders.count and time.monotonic() < deadline:
        time.sleep(0.05)
    before = sys.getswitchinterval()
    assert before > SWITCH_INTERVAL
    seen: list[float] = []
    loader = CorpusLoader([str(path)], cache=False)
    loader.prepare()
    loader.run(lambda message: seen.append(sys.getswitchinterval()))
    assert seen and max(seen) <= SWITCH_INTERVAL
    assert sys.getswitchinterval() == before


def test_overlapping_loaders_put_the_interval_back_once_both_are_done() -> None:
    """A loader that starts while another still loads, and ends after it: the interval stays
    short until both are done, then is what it was before the first."""
    before = sys.getswitchinterval()
    first, second = lock_handed_quickly(), lock_handed_quickly()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert sys.getswitchinterval() <= SWITCH_INTERVAL
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


class _Linked:
    """An object in a reference cycle, as the interface's drawn lines often are."""

    def __init__(self) -> None:
        self.itself = self


def test_the_garbage_of_before_a_pause_is_collected_not_frozen() -> None:
    """A garbage cycle left from before loading pauses the collector (old enough that the
    collector's frequent passes do not look at it) is collected when the pause begins, rather
    than frozen with what is loaded and kept for as long as the reader runs."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        gc.freeze()  # loading has frozen what it loaded before
        linked = _Linked()
        gone = weakref.ref(linked)
        gc.collect()  # survives into the oldest generation
        del linked
        with collector_paused():
            pass
        assert gone() is None
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


def test_garbage_made_while_search_is_prepared_is_collected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The interface's garbage made while the corpus prepares for search (the collector off)
    is collected when that ends, not frozen for as long as the reader runs."""
    loader = CorpusLoader([])
    made: list[weakref.ref[_Linked]] = []

    def prepare_search() -> None:
        made.append(weakref.ref(_Linked()))

    monkeypatch.setattr(loader.corpus, "prepare_search", prepare_search)
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        loader._prepare_search()
        assert made and made[0]() is None
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


def test_while_an_index_comes_in_only_the_youngest_objects_are_collected() -> None:
    """Paused for an index coming in (`young`), the collector still frees the interface's
    garbage cycles as they are made, a few hundred objects at a time, and never walks an older
    generation (the index's objects so far): no pause grows with how long the index takes."""
    generations: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    was_enabled = gc.isenabled()
    gc.enable()
    made: list[weakref.ref[_Linked]] = []
    kept: list[list[int]] = []
    try:
        with collector_paused(young=True):
            gc.callbacks.append(note)  # once in: the garbage of before is collected fully
            for _ in range(100_000):
                made.append(weakref.ref(_Linked()))
                kept.append([])  # what is loaded meanwhile, living on
            collected = sum(1 for each in made if each() is None)
        assert collected >= 75_000
        assert generations and set(generations) == {0}
    finally:
        if note in gc.callbacks:
            gc.callbacks.remove(note)
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


def test_search_is_prepared_with_the_youngest_collected_as_it_goes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Preparing search makes its objects with the youngest generation collected as they come,
    not all walked at once when it ends (190,000 objects, a quarter of a second at a million
    posts)."""
    loader = CorpusLoader([])
    during: list[int] = []

    def prepare_search() -> None:
        kept = [[] for _ in range(100_000)]
        during.append(gc.get_count()[0])
        del kept

    monkeypatch.setattr(loader.corpus, "prepare_search", prepare_search)
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        loader._prepare_search()
        assert during and during[0] < 50_000
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
